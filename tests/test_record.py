"""The record classes against the attrs classes made from the same declarations.

`taliban_recognition._record` makes the record classes without attrs; each must behave as
``attrs.frozen`` makes it from the same declarations. The twin of each class here is made by
attrs from the class's own source text, run in its module's namespace with ``record`` and
``field`` standing for ``attrs.frozen`` and ``attrs.field``, so that how `_record` reads the
declarations is tested too. The values drawn for a field are the values that field takes in
the shipped records, mixed across records, and values of the wrong kind, so both the records
made and the errors refused are compared.
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import functools
import inspect
import pickle
import re
import subprocess
import sys
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition import _dataset, _inits, _model, _record
from taliban_recognition._schema import records_of

if TYPE_CHECKING:
    from types import ModuleType

KINDS = records_of(tr.Dataset)
DEFINED_IN: dict[type, ModuleType] = {tr.Dataset: _dataset}


def _declared_with_attrs(kind: type) -> type:
    """The attrs class that attrs makes of `kind`'s own source, in its module's namespace."""
    module = DEFINED_IN.get(kind, _model)
    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    node = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == kind.__name__)
    namespace = {**vars(module), "record": attrs.frozen, "field": attrs.field}
    exec(compile(ast.Module([node], []), module.__file__ or "", "exec"), namespace)  # noqa: S102
    twin: type = namespace[kind.__name__]
    attrs.resolve_types(twin, globalns=namespace)
    return twin


TWINS = {kind: _declared_with_attrs(kind) for kind in KINDS}


def _shipped(kind: type) -> list[Any]:
    """Every record of `kind` in the shipped datasets, at any depth."""
    found: dict[int, Any] = {}

    def visit(value: object) -> None:
        if isinstance(value, tuple):
            for item in value:
                visit(item)
        elif _record.is_record(type(value)) and id(value) not in found:
            if type(value) is kind:
                found[id(value)] = value
            for field in _record.fields_of(type(value)):
                visit(getattr(value, field.name))

    for version in tr.versions():
        visit(tr.load(version))
    return list(found.values())


SHIPPED = {kind: _shipped(kind) for kind in KINDS if kind is not tr.Dataset}
WRONG: tuple[object, ...] = (None, "", " ", "x", "RU", 0, -1, 365, True, 1.5, (), ("x",))
WRONG += (dt.date(2025, 7, 3), tr.FuzzyDate.day(dt.date(2025, 7, 3)), tr.RecognitionStatus.UNKNOWN)


def _taken_or_wrong(taken: st.SearchStrategy[Any], n: int) -> st.SearchStrategy[Any]:
    return taken if n else st.sampled_from(WRONG)


def _arguments(kind: type) -> st.SearchStrategy[dict[str, Any]]:
    """Keyword arguments for `kind`: each field's value from any shipped record (four times in
    five) or of the wrong kind; a field with a default is sometimes left out."""
    records = SHIPPED[kind]
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for field in _record.fields_of(kind):
        taken = st.sampled_from([getattr(record, field.name) for record in records])
        value = st.integers(0, 4).flatmap(functools.partial(_taken_or_wrong, taken))
        (optional if field.default is not _record.NOTHING else required)[field.alias] = value
    return st.fixed_dictionaries(required, optional=optional)


def _make(kind: type, arguments: dict[str, Any]) -> tuple[Any, str | None]:
    """The record `kind` makes of `arguments`, or None and the error's type and message."""
    try:
        return kind(**arguments), None
    except Exception as error:  # noqa: BLE001 -- any error, to compare
        return None, f"{type(error).__name__}: {error}"


def _twin_of(record: Any) -> Any:
    """The attrs twin of `record`, made from its values."""
    kind = type(record)
    return TWINS[kind](**{f.alias: getattr(record, f.name) for f in _record.fields_of(kind)})


def _without_addresses(fields: object) -> str:
    """The repr of `fields` without object addresses: each twin has validators of its own."""
    return re.sub(r" at 0x[0-9a-f]+", "", repr(fields))


def _values(record: Any) -> list[object]:
    return [getattr(record, field.name) for field in attrs.fields(type(record))]


RECORD_KINDS = [kind for kind in KINDS if kind is not tr.Dataset]


@pytest.mark.parametrize("kind", RECORD_KINDS, ids=lambda kind: kind.__name__)
@given(data=st.data())
def test_a_record_class_takes_and_refuses_what_attrs_would(kind: type, data: st.DataObject) -> None:
    arguments = data.draw(_arguments(kind))
    ours, our_error = _make(kind, arguments)
    theirs, their_error = _make(TWINS[kind], arguments)
    assert our_error == their_error
    unchecked: Any = _record.unchecked(kind)(**arguments)  # whatever the values: it checks nothing
    assert type(unchecked) is kind
    assert unchecked.__getstate__() == {f.name: f.default for f in _record.fields_of(kind)} | {
        f.name: arguments[f.alias] for f in _record.fields_of(kind) if f.alias in arguments
    }
    if ours is None:
        return
    assert unchecked == ours
    assert unchecked.__getstate__() == ours.__getstate__()
    assert repr(ours) == repr(theirs)
    assert _values(ours) == _values(theirs)
    assert ours.__getstate__() == theirs.__getstate__()
    other = data.draw(st.sampled_from(SHIPPED[kind]))
    twin_of_other = TWINS[kind](
        **{f.alias: getattr(other, f.name) for f in _record.fields_of(kind)}
    )
    assert (ours == other) == (theirs == twin_of_other)
    assert (ours != other) == (theirs != twin_of_other)
    if ours == other:
        assert hash(ours) == hash(other)


@pytest.mark.parametrize("kind", RECORD_KINDS, ids=lambda kind: kind.__name__)
def test_every_shipped_record_survives_pickling_copying_and_evolving(kind: type) -> None:
    for record in SHIPPED[kind]:
        for again in (pickle.loads(pickle.dumps(record)), copy.copy(record)):  # noqa: S301
            assert again == record
            assert hash(again) == hash(record)
            assert type(again) is kind
        assert copy.deepcopy(record) == record
        assert attrs.evolve(record) == record
        assert _record.evolve(record) == record


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.__name__)
def test_a_record_class_has_the_shape_attrs_would_give_it(kind: type) -> None:
    twin = TWINS[kind]
    assert set(kind.__slots__) == set(twin.__slots__)  # type: ignore[attr-defined]
    assert kind.__match_args__ == twin.__match_args__  # type: ignore[attr-defined]
    ours, theirs = inspect.signature(kind), inspect.signature(twin)
    assert ours.replace(
        parameters=[p.replace(annotation=p.empty) for p in ours.parameters.values()]
    ) == theirs.replace(
        parameters=[p.replace(annotation=p.empty) for p in theirs.parameters.values()]
    )
    # attrs leaves its __init__'s annotations as written; ours are the fields' resolved types
    resolved = {a.alias: a.type for a in attrs.fields(twin) if a.init}
    assert {name: p.annotation for name, p in ours.parameters.items()} == resolved
    assert attrs.has(kind)
    assert _without_addresses(attrs.fields(kind)) == _without_addresses(attrs.fields(twin))
    if hasattr(attrs, "inspect"):  # attrs 26.1 on; the package takes attrs 24.1 on
        assert attrs.inspect(kind) == attrs.inspect(twin)
    assert kind.__mro__ == (kind, object)
    assert kind.__module__ == "taliban_recognition"
    if kind is not tr.Dataset:
        record = SHIPPED[kind][0]
        assert weakref.ref(record)() is record


def test_a_subclass_of_a_record_class_has_its_fields_as_an_attrs_subclass_would() -> None:
    class Named(tr.Country):
        pass

    assert attrs.has(Named)
    assert attrs.fields(Named) == attrs.fields(tr.Country)
    russia: Any = Named(**attrs.asdict(tr.load().country("RU"), recurse=False))
    assert russia.alpha_2 == "RU"
    assert russia != tr.load().country("RU")  # another class


@pytest.mark.parametrize("kind", RECORD_KINDS, ids=lambda kind: kind.__name__)
def test_a_record_cannot_be_changed_as_an_attrs_one_cannot(kind: type) -> None:
    record = SHIPPED[kind][0]
    twin = _twin_of(record)
    name = _record.fields_of(kind)[0].name
    for target in (record, twin):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(target, name, getattr(record, name))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            delattr(target, name)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            target.unknown = 1
        assert not hasattr(target, "__dict__")  # slotted


def test_the_dataset_is_compared_as_attrs_would_and_pickles_as_before() -> None:
    dataset = tr.load()
    twin = TWINS[tr.Dataset]
    fields = [f.alias for f in _record.fields_of(tr.Dataset) if f.init]
    copied = twin(**{name: getattr(dataset, name) for name in fields})
    assert [getattr(dataset, name) for name in fields] == [getattr(copied, name) for name in fields]
    assert dataset == attrs.evolve(dataset)  # the indices are not compared
    assert pickle.loads(pickle.dumps(dataset)) == dataset  # noqa: S301
    assert hash(pickle.loads(pickle.dumps(dataset))) == hash(dataset)  # noqa: S301
    assert attrs.evolve(dataset, notes="changed") != dataset
    assert repr(dataset).startswith("<Dataset 2.0.0 as of 2025-07-03")  # its own __repr__


def test_evolving_a_record_runs_its_checks() -> None:
    russia = tr.load().country("RU")
    assert _record.evolve(russia, name="Russia").name == "Russia"
    with pytest.raises(tr.InvalidRecordError, match="alpha_2 must match"):
        _record.evolve(russia, alpha_2="ru")
    if sys.version_info >= (3, 13):
        assert copy.replace(russia, name="Russia") == _record.evolve(russia, name="Russia")  # type: ignore[attr-defined]


def test_the_record_helpers_refuse_what_is_not_a_record() -> None:
    assert not _record.is_record(tr.RecognitionStatus)
    assert not _record.is_record(tr.load().country("RU"))  # an instance, not a class
    with pytest.raises(TypeError, match="is not a record class"):
        _record.fields_of(int)
    with pytest.raises(TypeError, match="derives from object alone"):
        _record.record(type("Derived", (Exception,), {"__annotations__": {"x": "int"}}))

    class Calls:
        x: int

        def get(self) -> object:
            return super().__repr__()

    with pytest.raises(TypeError, match="cannot use super"):
        _record.record(Calls)


def test_a_record_class_made_here_behaves_as_its_declarations_say() -> None:
    def positive(_: object, field: Any, value: object) -> None:
        if not isinstance(value, int) or value <= 0:
            msg = f"{field.name} must be positive"
            raise ValueError(msg)

    class Point:
        __annotations__ = {"x": "int", "label": "str", "_cache": "int", "unit": "ClassVar[str]"}
        x = _record.field(validator=[positive])
        label = _record.field(default="p", repr=False, eq=False)
        _cache = _record.field(init=False, default=0, eq=False)
        unit = "m"

    made: Any = _record.record(Point)
    point = made(1)
    assert (point.x, point.label, point._cache, made.unit) == (1, "p", 0, "m")  # noqa: SLF001
    assert repr(point) == "Point(x=1, _cache=0)"
    assert point == made(1, "other")  # label is not compared
    assert hash(point) == hash(made(1, "other"))
    assert point != made(2)
    assert made.__match_args__ == ("x", "label")
    with pytest.raises(ValueError, match="x must be positive"):
        made(0)
    with pytest.raises(TypeError):
        made(1, "p", 0)  # _cache is not a parameter


def test_the_unchecked_maker_sets_the_fields_and_runs_nothing_else() -> None:
    calls: list[str] = []

    def seen(_: object, field: Any, value: object) -> None:
        calls.append(field.name)
        if value == "bad":
            msg = "bad"
            raise ValueError(msg)

    class Noted:
        __annotations__ = {"x": "str", "note": "str", "_seen": "bool"}
        x = _record.field(validator=seen)
        note = _record.field(default="none", validator=seen)
        _seen = _record.field(init=False, default=False)

        def __attrs_post_init__(self) -> None:
            calls.append("post-init")

    made: Any = _record.record(Noted)
    made("ok")
    assert calls == ["x", "note", "post-init"]
    calls.clear()
    unchecked = _record.unchecked(made)("bad")
    assert calls == []  # neither the validators nor the post-init ran
    assert (unchecked.x, unchecked.note, unchecked._seen) == ("bad", "none", False)  # noqa: SLF001
    assert type(unchecked) is made
    with pytest.raises(TypeError):
        _record.unchecked(made)("ok", "none", True)  # _seen is not a parameter
    shipped = tr.load()
    dataset = _record.unchecked(tr.Dataset)(  # the dataset's post-init builds its indices
        **{f.alias: getattr(shipped, f.name) for f in _record.fields_of(tr.Dataset) if f.init}
    )
    with pytest.raises(AttributeError):
        dataset._indices  # noqa: B018, SLF001 -- never set
    for kind in (int, type("Sub", (made,), {})):
        with pytest.raises(TypeError, match="is not a record class"):
            _record.unchecked(kind)


def test_the_inits_written_ahead_of_time_are_current_and_used() -> None:
    script = Path(__file__).resolve().parent.parent / "scripts" / "write_inits.py"
    checked = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr
    for kind in KINDS:  # made from `_inits`, so making them compiled nothing
        assert vars(kind)["__init__"].__code__.co_filename == _inits.__file__, kind


def test_a_record_class_with_no_init_written_ahead_of_time_compiles_one() -> None:
    class Pair:
        __annotations__ = {"left": "int", "right": "int"}

    made: Any = _record.record(Pair)
    assert made.__init__.__code__.co_filename.startswith("<record __init__ ")
    assert made(1, 2) == made(left=1, right=2)
    assert made.__init__.__qualname__.endswith(".<locals>.Pair.__init__")


def test_a_record_class_refuses_declarations_it_would_read_otherwise_than_attrs() -> None:
    cases: list[tuple[dict[str, Any], type[Exception], str]] = [
        ({"x": attrs.field()}, TypeError, "declared with attrs"),
        ({"__eq__": lambda *_: True}, TypeError, "defines __eq__"),
        ({"__hash__": lambda *_: 0}, TypeError, "defines __hash__"),
    ]
    for body, error, message in cases:
        kind = type("Declared", (), {"__annotations__": {"x": "int"}, **body})
        with pytest.raises(error, match=message):
            _record.record(kind)
    with pytest.raises(TypeError, match="eq and repr are True or False"):
        _record.field(eq=str.lower)
    with pytest.raises(TypeError, match="not attrs' Factory"):
        _record.field(default=attrs.Factory(list))
    with pytest.raises(ValueError, match="no mandatory field after one with a default"):
        _record.record(type("Order", (), {"__annotations__": {"a": "int", "b": "int"}, "a": 1}))

    class Property:
        x: int

        @property
        def name(self) -> str:
            return super().__repr__()

    with pytest.raises(TypeError, match="cannot use super"):
        _record.record(Property)


def test_class_variables_are_not_fields_however_they_are_written() -> None:
    import typing  # noqa: PLC0415

    kind: Any = _record.record(
        type(
            "Constants",
            (),
            {
                "__annotations__": {"x": "int", "a": "t.ClassVar[int]", "b": typing.ClassVar[int]},
                "a": 1,
                "b": 2,
            },
        )
    )
    assert [f.name for f in _record.fields_of(kind)] == ["x"]
    assert (kind(0).a, kind(0).b) == (1, 2)


def test_a_subclass_of_a_record_class_pickles_evolves_and_narrows_as_its_record_class() -> None:
    class Mine(tr.Dataset):
        pass

    dataset = tr.load("1.0.0")
    mine: Any = Mine(
        **{f.alias: getattr(dataset, f.name) for f in _record.fields_of(tr.Dataset) if f.init}
    )
    assert _record.is_record(Mine)
    assert type(copy.copy(mine)) is Mine  # through Dataset.__reduce__, as a pickle goes
    assert _record.evolve(mine, notes="other").notes == "other"
    if sys.version_info >= (3, 13):
        assert copy.replace(mine, notes="other").notes == "other"  # type: ignore[attr-defined]
    else:
        assert not hasattr(mine, "__replace__")  # as attrs, which adds it from 3.13


def test_the_repr_of_a_field_never_set_says_so_as_attrs_does() -> None:
    kind: Any = _record.record(
        type(
            "Late",
            (),
            {"__annotations__": {"x": "int", "y": "int"}, "y": _record.field(init=False)},
        )
    )
    assert repr(kind(1)) == "Late(x=1, y=NOTHING)"
