"""Arbitrary objects fed to every public callable: only the exceptions its docstring lists.

Each callable of the public API (the package's functions, the constructors and class methods
of its records, the queries of a loaded dataset, the strategies) is called with arguments
each of which is either a value it takes or an arbitrary object. Whatever it raises must be an
instance of an exception its docstring's ``Raises:`` section names: an undocumented exception
(an AttributeError from deep inside, a raw TypeError) fails the test, and so does a docstring
that promises less than the code raises. A callable whose docstring lists nothing may raise
nothing.
"""

from __future__ import annotations

import builtins
import datetime as dt
import enum
import inspect
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition import strategies

if TYPE_CHECKING:
    from collections.abc import Callable

OLD = tr.load("1.2.0")
"""A dataset of the 1.x schema, which records status periods."""
DS = tr.load()
"""The newest dataset, of the 2.x schema, which derives the status from its dimensions."""
assert DS.recognitions, "the newest dataset is to be of the 2.x schema"
EVENT = DS.events[0]
PERIOD = OLD.statuses[0]
RECOGNITION = DS.recognitions[0]
REPRESENTATION = DS.representations[0]
ACTOR = DS.actors[0]
SOURCE = DS.sources[0]


class Version(str, enum.Enum):
    """A (str, Enum) member that equals a version but prints as its name."""

    NEWEST = tr.versions()[-1]


class Text(str):
    """A str subclass, as some data frames hand out."""

    __slots__ = ()


_atoms = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**20) | st.integers(max_value=-(10**20)),
    st.floats(),
    st.text(max_size=12),
    st.binary(max_size=6),
    st.dates(),
    st.datetimes(),
    st.sampled_from([pd.NaT, pd.Timestamp("2024-01-01"), float("nan"), object(), ..., Path()]),
    st.sampled_from(
        [
            *tr.EventKind,
            *tr.RecognitionStatus,
            *tr.DatePrecision,
            *tr.Direction,
            *tr.RepresentationLevel,
        ]
    ),
    st.just(Version.NEWEST),
    st.text(max_size=6).map(Text),
    st.sampled_from(
        [tr.country("RU"), EVENT, PERIOD, RECOGNITION, REPRESENTATION, ACTOR, SOURCE, EVENT.date]
    ),
    st.sampled_from([DS, OLD]),
)
ANYTHING = st.one_of(_atoms, st.lists(_atoms, max_size=3), st.lists(_atoms, max_size=3).map(tuple))
"""Arbitrary objects, of the kinds a caller can get wrong."""

TAKEN: dict[str, st.SearchStrategy[Any]] = {
    "version": st.sampled_from([None, *tr.versions()]),
    "old": st.sampled_from(tr.versions()),
    "new": st.sampled_from(tr.versions()),
    "query": st.sampled_from(["RU", "Russia", 643, "PAK", tr.country("CN"), "Kosovo", "DPRK"]),
    "cow": st.sampled_from([365, 2, 347, 255, 260, 713, 0, 1000]),
    "gw": st.sampled_from([365, 2, 347, 260, 396, 255, 0, 1000]),
    "country": st.sampled_from(["RU", "Pakistan", 4, "AF", tr.country("UZ")]),
    "on": st.sampled_from([None, "2025-07-03", dt.date(2024, 1, 1), "2021-08-01"]),
    "since": st.sampled_from([None, "2024-01-01", dt.date(2021, 8, 15)]),
    "until": st.sampled_from([None, "2025-07-03", dt.date(2023, 1, 1)]),
    "dates": st.sampled_from(["stated", "corroborated"]),
    "kind": st.sampled_from([None, *tr.EventKind, "recognition"]),
    "actor": st.sampled_from([None, ACTOR, ACTOR.id]),
    "target": st.sampled_from([None, "taliban"]),
    "format": st.sampled_from(["csv", "json", "bibtex", "text", "cff", "datapackage"]),
    "text": st.sampled_from(["2025", "2025-07", "2025-07-03", "[2025-04..2025-06]"]),
    "year": st.integers(1, 9999),
    "month": st.integers(1, 12),
    "day": st.dates(),
    "earliest": st.dates(),
    "latest": st.dates(),
    "source_id": st.just(SOURCE.id),
    "actor_id": st.just(ACTOR.id),
    "event_id": st.just(EVENT.id),
    "direction": st.sampled_from([*tr.Direction, *(d.value for d in tr.Direction)]),
    "freq": st.sampled_from(["day", "month", "year", "week"]),
    "at": st.sampled_from(["end", "start", "period", "middle"]),
    "start": st.sampled_from([None, "2024-01-01", dt.date(2021, 8, 1), "2025-07-04"]),
    "end": st.sampled_from([None, "2025-07-03", dt.date(2023, 1, 1), "2021-07-31"]),
    "countries": st.sampled_from([None, ["RU", "CN"], ["AF"], "RU", ("Pakistan", 860)]),
    "n": st.integers(-1, 3),
    "seed": st.integers(),
    "draws": st.sampled_from([None, [], DS.draws(2, seed=1), OLD.draws(1, seed=1)]),
    "directed": st.booleans(),
}
"""Values each parameter, by name, takes; a parameter not named here is always arbitrary."""


def documented(function: Callable[..., Any]) -> tuple[type[BaseException], ...]:
    """The exception classes the ``Raises:`` section of `function`'s docstring names."""
    doc = inspect.getdoc(function) or ""
    section = re.search(r"^Raises:\n((?:(?: {4}.*)?\n?)*)", doc, re.MULTILINE)
    if section is None:
        return ()
    names = re.findall(r"^ {4}(\w+):", section[1], re.MULTILINE)
    kinds = []
    for name in names:
        kind = getattr(tr, name, None) or getattr(builtins, name, None)
        assert isinstance(kind, type), (function, name)
        assert issubclass(kind, BaseException), (function, name)
        kinds.append(kind)
    return tuple(kinds)


def _records() -> list[tuple[str, Callable[..., Any]]]:
    classes = [
        tr.Country,
        tr.Source,
        tr.Evidence,
        tr.Actor,
        tr.Reference,
        tr.EventCodes,
        tr.Corroboration,
        tr.Event,
        tr.StatusPeriod,
        tr.RecognitionPeriod,
        tr.RepresentationPeriod,
        tr.FuzzyDate,
    ]
    return [(kind.__name__, kind) for kind in classes]


QUERIES = [
    "source",
    "actor",
    "event",
    "country",
    "status_periods",
    "possible_periods",
    "possible_statuses",
    "status_of",
    "recognizers",
    "recognition_periods",
    "possible_recognition_periods",
    "possible_recognitions",
    "recognizes",
    "representation_periods",
    "possible_representation_periods",
    "possible_levels",
    "representation_of",
    "find_events",
    "panel",
    "dyad_panel",
    "draws",
]
"""The dataset's queries, each fuzzed on a dataset of each schema: those of the other schema
must refuse with `SchemaVersionError`, which they document."""

CALLABLES: list[tuple[str, Callable[..., Any]]] = [
    ("load", tr.load),
    ("versions", tr.versions),
    ("country", tr.country),
    ("cite", tr.cite),
    ("diff", tr.diff),
    ("DatasetDiff.between", tr.DatasetDiff.between),
    ("FuzzyDate.parse", tr.FuzzyDate.parse),
    ("FuzzyDate.day", tr.FuzzyDate.day),
    ("FuzzyDate.month", tr.FuzzyDate.month),
    ("FuzzyDate.year", tr.FuzzyDate.year),
    ("FuzzyDate.between", tr.FuzzyDate.between),
    ("Event.date_for", EVENT.date_for),
    *(
        (f"Dataset.{name}, {dataset.version}", getattr(dataset, name))
        for name in QUERIES
        for dataset in (OLD, DS)
    ),
    ("Dataset.country, 1.0.0", tr.load("1.0.0").country),
    *_records(),
    *((f"strategies.{name}", getattr(strategies, name)) for name in strategies.__all__),
]
"""Every public callable that takes arguments and writes nothing, by the name users know (and,
after a comma, the dataset version it is called on)."""


def public_callables() -> set[str]:
    """The names of every public function, class method and dataset query, to hold the list
    above complete."""
    found = {name for name in tr.__all__ if inspect.isfunction(getattr(tr, name))}
    found |= {f"strategies.{name}" for name in strategies.__all__}
    found |= {
        f"Dataset.{name}"
        for name, member in vars(tr.Dataset).items()
        if inspect.isfunction(member) and not name.startswith("_")
    }
    for kind in (tr.FuzzyDate, tr.DatasetDiff, tr.Event):
        found |= {
            f"{kind.__name__}.{name}"
            for name, member in vars(kind).items()
            if isinstance(member, (classmethod, staticmethod))
            or (inspect.isfunction(member) and not name.startswith("_"))
        }
    return found


WRITES_OR_TAKES_NOTHING = {
    "Dataset.export",  # writes files: its own tests and the one below
    "Dataset.to_records",  # no arguments
    "Dataset.to_dataframes",  # no arguments
    "DatasetDiff.summary",  # no arguments
    "DatasetDiff.reversed",  # no arguments
}


def test_the_fuzzed_callables_are_every_public_callable() -> None:
    fuzzed = {name.partition(", ")[0] for name, _ in CALLABLES}
    missing = public_callables() - fuzzed - WRITES_OR_TAKES_NOTHING
    assert not missing, f"public callables the fuzz test does not call: {sorted(missing)}"


DEFAULT = object()
"""Drawn for a parameter with a default: leave it out."""


def arguments(
    function: Callable[..., Any],
) -> st.SearchStrategy[tuple[list[Any], dict[str, Any]]]:
    """Arguments for every parameter of `function`, each taken, arbitrary or left default."""
    parameters = [
        p
        for p in inspect.signature(function).parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]

    def value(parameter: inspect.Parameter) -> st.SearchStrategy[Any]:
        drawn = TAKEN[parameter.name] | ANYTHING if parameter.name in TAKEN else ANYTHING
        return drawn if parameter.default is parameter.empty else st.just(DEFAULT) | drawn

    positional = [p for p in parameters if p.kind is p.POSITIONAL_ONLY]
    named = [p for p in parameters if p.kind is not p.POSITIONAL_ONLY]
    return st.tuples(
        st.tuples(*map(value, positional)).map(
            lambda values: [v for v in values if v is not DEFAULT]
        ),
        st.fixed_dictionaries({p.name: value(p) for p in named}).map(
            lambda values: {k: v for k, v in values.items() if v is not DEFAULT}
        ),
    )


@pytest.mark.parametrize(("name", "function"), CALLABLES, ids=[name for name, _ in CALLABLES])
@settings(
    max_examples=max(25, settings().max_examples // 4),  # 75 callables: 100 each under ci
)
@given(data=st.data())
def test_arbitrary_arguments_raise_only_what_the_docstring_lists(
    name: str, function: Callable[..., Any], data: st.DataObject
) -> None:
    admitted = documented(function)
    args, kwargs = data.draw(arguments(function), label="arguments")
    try:
        function(*args, **kwargs)
    except Exception as error:
        if not isinstance(error, admitted):
            listed = ", ".join(kind.__name__ for kind in admitted) or "nothing"
            msg = (
                f"{name}(*{args!r}, **{kwargs!r}) raised {type(error).__name__}: {error}; "
                f"documented: {listed}"
            )
            raise AssertionError(msg) from error  # noqa: TRY004 -- a failed test


def test_the_docstring_parser_reads_a_raises_section() -> None:
    assert documented(tr.load) == (
        tr.UnknownVersionError,
        tr.DataIntegrityError,
        tr.DataFormatError,
    )
    assert documented(tr.versions) == ()


@settings(max_examples=max(25, settings().max_examples // 4))
@given(
    dataset=st.sampled_from([OLD, DS]),
    directory=ANYTHING,
    format=TAKEN["format"] | ANYTHING,
    overwrite=st.just(DEFAULT) | st.booleans() | ANYTHING,
)
def test_export_to_arbitrary_targets_raises_only_what_it_documents(
    dataset: tr.Dataset,
    directory: object,
    format: object,  # noqa: A002
    overwrite: object,
) -> None:
    admitted = documented(tr.Dataset.export)
    assert tr.ExportTargetError in admitted
    with tempfile.TemporaryDirectory() as root:
        # A str or a path goes below a fresh folder: the test writes nowhere else.
        if isinstance(directory, (str, Path)):
            text = str(directory).replace("/", "_").replace("\\", "_").replace("..", "__")
            directory = Path(root, "x" + text)
        kwargs = {} if overwrite is DEFAULT else {"overwrite": overwrite}
        try:
            dataset.export(directory, format=format, **kwargs)  # type: ignore[arg-type]
        except Exception as error:
            if not isinstance(error, admitted):
                msg = f"export({directory!r}, {format!r}, {kwargs}) raised {error!r}"
                raise AssertionError(msg) from error  # noqa: TRY004 -- a failed test


def _shipped_records() -> list[Any]:
    """A shipped record of each record type: its fields are values the type takes."""
    coded = next(e for e in DS.events if e.codes is not None and e.corroboration is not None)
    return [
        DS.country("RU"),
        SOURCE,
        EVENT.evidence[0],
        ACTOR,
        DS.references[0],
        coded.codes,
        coded.corroboration,
        EVENT,
        PERIOD,
        RECOGNITION,
        REPRESENTATION,
        EVENT.date,
    ]


ONE_FIELD = [
    (record, field.alias)
    for record in _shipped_records()
    for field in attrs.fields(type(record))
    if field.init
]
"""Each field of each record type, with a record whose other fields are valid."""


@pytest.mark.parametrize(
    ("record", "field"),
    ONE_FIELD,
    ids=[f"{type(record).__name__}.{field}" for record, field in ONE_FIELD],
)
@settings(max_examples=max(10, settings().max_examples // 5))  # 100 fields: 80 each under ci
@given(value=ANYTHING)
def test_a_record_given_one_arbitrary_field_raises_only_what_it_documents(
    record: Any, field: str, value: object
) -> None:
    # Arbitrary values for every field at once mostly stop at the first field's check; one
    # arbitrary field among valid ones reaches the checks of each field, and of their relations.
    kind = type(record)
    admitted = documented(kind)
    values = {f.alias: getattr(record, f.name) for f in attrs.fields(kind) if f.init}
    values[field] = value
    try:
        kind(**values)
    except Exception as error:
        if not isinstance(error, admitted):
            listed = ", ".join(k.__name__ for k in admitted) or "nothing"
            msg = f"{kind.__name__}({field}={value!r}) raised {error!r}; documented: {listed}"
            raise AssertionError(msg) from error  # noqa: TRY004 -- a failed test
