"""mkdocs hooks: the parts of the docs that describe the data are generated from it at build time.

A page asks for generated content with a line of its own, ``<!-- generated: NAME -->``, which
the build replaces with the output of ``GENERATORS[NAME]``. Nothing about the data (fields,
kinds, statuses, dates, quotes) is typed into the pages by hand, so the docs cannot drift from
the code or the data. ``mkdocs.yml`` names this file under ``hooks``.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import functools
import hashlib
import html
import importlib.util
import inspect
import itertools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

import taliban_recognition as tr
from taliban_recognition import _errors
from taliban_recognition._diff import _RETIRED
from taliban_recognition._invariants import DIMENSIONS
from taliban_recognition._load import SHIPPED
from taliban_recognition._schema import enums_of, field_since, records_of, version_key
from taliban_recognition._tables import TABLES, Column

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(tr.__file__).resolve().parent
MARKER = re.compile(r"^<!-- generated: ([a-z-]+) -->$", re.MULTILINE)

RECORDS: tuple[type, ...] = records_of(tr.Dataset)
"""The record types, in the order the data dictionary lists them: as a dataset holds them."""

ENUMS: tuple[type[enum.Enum], ...] = enums_of(tr.Dataset)
"""The enumerations, in the order the data dictionary lists them: as the records hold them."""


# Reading the code ----------------------------------------------------------------------------


@functools.cache
def _class_nodes() -> dict[str, ast.ClassDef]:
    """Every class defined in the package's modules, by name, as parsed source."""
    found = {}
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                found[node.name] = node
    return found


def attribute_docs(cls: type) -> dict[str, tuple[str, str]]:
    """The annotation and docstring of each documented attribute or member of `cls`.

    The docstrings are the string literals that follow the attributes in the source, the same
    ones mkdocstrings renders in the API reference.
    """
    body = _class_nodes()[cls.__name__].body
    found = {}
    for node, after in itertools.pairwise(body):
        if not (isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)):
            continue
        if not isinstance(after.value.value, str):
            continue
        doc = " ".join(inspect.cleandoc(after.value.value).split())
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            annotation = ast.unparse(node.annotation).replace("dt.date", "date")
            found[node.target.id] = (annotation, doc)
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = ("", doc)
    return found


def _summary(cls: type) -> str:
    return " ".join((inspect.getdoc(cls) or "").split("\n\n")[0].split())


# Markdown helpers ----------------------------------------------------------------------------


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, except inside code spans."""
    parts = " ".join(text.split()).split("`")
    return "`".join(p if n % 2 else p.replace("|", "\\|") for n, p in enumerate(parts))


def _escape(text: str) -> str:
    """Text quoted from the data, with Markdown's own characters escaped."""
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", text)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# The data dictionary -------------------------------------------------------------------------


def _example(value: object) -> str:  # noqa: PLR0911 -- one return per kind of value
    """A field's value, shown briefly in a table cell."""
    if isinstance(value, enum.Enum):
        return f"`{value.value}`"
    if isinstance(value, str):
        return f"`{_short(value)}`"
    if isinstance(value, tr.FuzzyDate | dt.date):
        return f"`{value}`"
    if isinstance(value, tr.Country):
        return f"`{value.alpha_3}` ({value.name})"
    if isinstance(value, tr.Actor):
        return f"actor `{value.id}`"
    if isinstance(value, tuple):
        if value and all(isinstance(item, str) for item in value):
            return ", ".join(f"`{item}`" for item in value)
        kinds = {type(item).__name__ for item in value}
        return f"{len(value)} {'/'.join(sorted(kinds)) or 'records'}"
    if attrs.has(type(value)):  # a record within a record: its short values, by name
        shown = [
            f"{field.name} {_example(getattr(value, field.name))}"
            for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(value)))
            if not field.name.startswith("_")
            and field.name != "notes"
            and getattr(value, field.name) not in (None, ())
            and not attrs.has(type(getattr(value, field.name)))
        ]
        return f"{type(value).__name__}: " + ", ".join(shown)
    return f"`{value!r}`"


LISTED = 12  # a column with more allowed values than this lists the first few, then points on


def _values(column: Column) -> str:
    """A column's allowed values for a table cell: all of them, or the first few and a link."""
    if len(column.enum) > LISTED:
        first = ", ".join(f"`{v}`" for v in column.enum[:8])
        return (
            f"{first} and {len(column.enum) - 8} more: [every value](enumerations.md"
            f"#values-{column.name.replace('_', '-')})"
        )
    return ", ".join(f"`{v}`" for v in column.enum) or (
        f"`{column.pattern}`" if column.pattern else ""
    )


def _samples(dataset: tr.Dataset) -> dict[type, list[object]]:
    """Records of each type from the data, the most fully filled-in first."""
    countries = [a.country for a in dataset.actors if a.country is not None]
    evidence = [item for event in dataset.events for item in event.evidence]
    dates = [event.date for event in dataset.events]
    pools: dict[type, list[object]] = {
        tr.Dataset: [dataset],
        tr.Source: list(dataset.sources),
        tr.Reference: list(dataset.references),
        tr.EventCodes: [e.codes for e in dataset.events if e.codes is not None],
        tr.Corroboration: [e.corroboration for e in dataset.events if e.corroboration],
        tr.Evidence: list(evidence),
        tr.Actor: list(dataset.actors),
        tr.Country: list(countries),
        tr.Event: list(dataset.events),
        tr.FuzzyDate: list(dates),
        tr.StatusPeriod: list(dataset.statuses),
        tr.RecognitionPeriod: list(dataset.recognitions),
        tr.RepresentationPeriod: list(dataset.representations),
    }
    for records in pools.values():
        records.sort(
            key=lambda r: (
                -sum(v not in (None, ()) for v in attrs.astuple(cast("Any", r), recurse=False))
            )
        )
    return pools


@functools.cache
def _shipped_samples(cls: type) -> tuple[str, list[object]] | None:
    """Records of a type from the newest shipped version that has any, and that version."""
    for version in reversed(tr.versions()):
        found = _samples(tr.load(version))[cls]
        if found:
            return version, found
    return None


def _held_in(cls: type) -> str:
    """Which field of a dataset holds records of `cls`, and in which versions."""
    for name, (annotation, _) in attribute_docs(tr.Dataset).items():
        if annotation != f"tuple[{cls.__name__}, ...]":
            continue
        field = attrs.fields_dict(tr.Dataset)[name]
        added = field_since(field)
        said = f"Held in `Dataset.{name}`"
        if added > (1, 0, 0):
            said += f" from dataset version {'.'.join(map(str, added))}"
        retired = _RETIRED.get(f"Dataset.{name}")
        if retired is not None:
            said += f" up to 1.x; empty from {'.'.join(map(str, retired))}"
        return said + "."
    return ""


def _since(field: attrs.Attribute[object]) -> str:
    """The dataset version that added a field, blank for the first fields."""
    added = field_since(field)
    return ".".join(map(str, added)) if added > (1, 0, 0) else ""


def _first_example(records: list[object], field: str) -> str:
    for record in records:
        value = getattr(record, field)
        if value not in (None, ()):
            return _example(value)
    return "(empty in this version)"


def dictionary_records(dataset: tr.Dataset) -> str:
    """Every record type and its fields, with an example of each from the data."""
    samples = _samples(dataset)
    parts = [
        (
            f"Examples are taken from dataset version {dataset.version}, or, for records it "
            "does not have, from the newest version that has them."
        )
    ]
    for cls in RECORDS:
        docs = attribute_docs(cls)
        records, said = samples[cls], ""
        shipped = None if records else _shipped_samples(cls)
        if shipped is not None:
            records = shipped[1]
            said = f"Examples from dataset version {shipped[0]}."
        rows: list[tuple[str, ...]] = [
            (
                f"`{field.name}`",
                f"`{docs[field.name][0]}`",
                docs[field.name][1],
                _first_example(records, field.name),
                _since(field),
            )
            for field in attrs.fields(cls)
            if not field.name.startswith("_")
        ]
        parts += [
            f"## {cls.__name__} {{ #record-{cls.__name__.lower()} }}",
            " ".join(part for part in (_summary(cls), _held_in(cls), said) if part),
            _table(("Field", "Type", "Meaning", "Example", "Since"), rows),
        ]
    return "\n\n".join(parts)


def dictionary_enums(_: tr.Dataset) -> str:
    """Every enumeration and its members, and the long lists of values some columns allow."""
    parts = []
    for kind in ENUMS:
        docs = attribute_docs(kind)
        coded = all(hasattr(m, "cow_code") for m in kind)  # COW's number of each member
        header: tuple[str, ...] = ("Member", "Value", "Definition")
        members: list[tuple[str, ...]] = [
            (f"`{m.name}`", f"`{m.value}`", docs[m.name][1]) for m in kind
        ]
        if coded:
            header += ("COW code",)
            members = [
                (*row, "(missing)" if code is None else f"`{code}`")
                for row, code in zip(
                    members, (getattr(m, "cow_code", None) for m in kind), strict=True
                )
            ]
        parts += [
            f"## {kind.__name__} {{ #enum-{kind.__name__.lower()} }}",
            _summary(kind),
            _table(header, members),
        ]
    listed = {c.name: c for table in TABLES for c in table.columns if len(c.enum) > LISTED}
    if listed:
        parts.append("## Values of the columns with long lists { #values }")
        for name, column in listed.items():
            parts += [
                f"### {name} {{ #values-{name.replace('_', '-')} }}",
                f"The {len(column.enum)} values `{name}` allows, in order: "
                + ", ".join(f"`{v}`" for v in column.enum)
                + ".",
            ]
    return "\n\n".join(parts)


def dictionary_tables(_: tr.Dataset) -> str:
    """Every exported table and its columns."""
    parts = [
        (
            "The CSV files, the Data Package and `Dataset.to_dataframes()` have these tables "
            "and columns, in this order. An empty cell is an empty field."
        )
    ]
    for table in TABLES:
        keys = [f"Primary key: {', '.join(f'`{c}`' for c in table.primary_key)}."]
        keys += [
            f"`{key.column}` refers to `{key.table}.{key.table_column}`."
            for key in table.foreign_keys
        ]
        columns: list[tuple[str, ...]] = [
            (
                f"`{c.name}`",
                c.type + (", required" if c.required else ""),
                _values(c),
                c.description,
            )
            for c in table.columns
        ]
        parts += [
            f"## {table.name}.csv {{ #table-{table.name.replace('_', '-')} }}",
            table.description,
            " ".join(keys),
            _table(("Column", "Type", "Values", "Meaning"), columns),
        ]
    return "\n\n".join(parts)


def data_dictionary(dataset: tr.Dataset) -> str:
    """Every record type and field, every enumeration member, and every exported column."""
    return "\n\n".join(
        [
            "## Records",
            dictionary_records(dataset),
            "## Enumerations",
            dictionary_enums(dataset),
            "## Exported tables",
            dictionary_tables(dataset),
        ]
    )


# Statuses and timelines ----------------------------------------------------------------------


def derived(dataset: tr.Dataset) -> bool:
    """Whether the dataset derives its statuses from formal recognition and representation."""
    return version_key(dataset.version) >= DIMENSIONS


def covered(dataset: tr.Dataset) -> set[str]:
    """The codes of the states the dataset gives statuses for."""
    periods = dataset.recognitions if derived(dataset) else dataset.statuses
    return {period.country.alpha_2 for period in periods}


def named_states(dataset: tr.Dataset) -> list[tuple[str, tr.Country]]:
    """The states the source names as actors that have statuses, by name."""
    codes = covered(dataset)
    named = {
        actor.country.alpha_2: (actor.name, actor.country)
        for actor in dataset.actors
        if actor.kind is tr.ActorKind.STATE and actor.country and actor.country.alpha_2 in codes
    }
    return sorted(named.values(), key=lambda pair: pair[0])


def version_line(dataset: tr.Dataset) -> str:
    """Which dataset version a generated page shows."""
    return (
        f"This page shows dataset version **{dataset.version}** (SHA-256 `{dataset.sha256}`), "
        f"as of {dataset.as_of.isoformat()}, the newest the package ships."
    )


def _events(periods: Iterable[Any]) -> str:
    """Links to the events periods rest on, each once."""
    ids = dict.fromkeys(e for period in periods for e in period.events)
    return ", ".join(f"[`{e}`](#event-{e})" for e in ids)


def _others_label(count: int) -> str:
    """The first cell of a row that stands for the states the article does not name."""
    return f"{count} other state{'s' * (count != 1)}"


def statuses(dataset: tr.Dataset) -> str:
    """The status of every named state on the as-of date, and of the others, grouped."""
    if derived(dataset):
        return _derived_statuses(dataset)
    rows = []
    for name, country in named_states(dataset):
        status = dataset.status_of(country)
        periods = dataset.possible_periods(country)
        rows.append(
            (
                f'<a id="status-{country.alpha_2.lower()}"></a>{name}',
                f"`{country.alpha_3}`",
                f"`{status.value}`",
                ", ".join(f"`{p.start}`" for p in periods),
                ", ".join(p.basis.value for p in periods),
                _events(periods),
            )
        )
    named = {country.alpha_2 for _, country in named_states(dataset)}
    others: dict[tuple[str, str], int] = {}
    for period in dataset.statuses:
        code = period.country.alpha_2
        if code not in named and period.end is None:
            key = (f"`{dataset.status_of(code).value}`", period.basis.value)
            others[key] = others.get(key, 0) + 1
    for (answer, basis), count in sorted(others.items()):
        rows.append((_others_label(count), "", answer, "", basis, ""))
    return _table(
        ("State", "ISO", f"Status on {dataset.as_of}", "Since", "Basis", "Rests on"), rows
    )


# From 2.0.0: the dimensions, and the status derived from them

UNITS: tuple[tuple[str, str], ...] = (
    ("recognition", "formal recognition"),
    ("state_in_afghanistan", "mission in Kabul"),
    ("afghanistan_in_state", "Taliban mission in the state"),
)
"""Each dimension of a state (its unit key, as the agreement names it, and its words)."""

Period = Any  # a RecognitionPeriod or a RepresentationPeriod


def unit_periods(dataset: tr.Dataset, country: tr.Country, unit: str) -> tuple[Period, ...]:
    """The periods of one dimension of a state, in time order."""
    if unit == "recognition":
        return dataset.recognition_periods(country)
    return dataset.representation_periods(country, direction=unit)


def possible_of(
    dataset: tr.Dataset, country: tr.Country, unit: str, day: dt.date
) -> tuple[Period, ...]:
    """The periods of one dimension of a state that can hold on a day."""
    if unit == "recognition":
        return dataset.possible_recognition_periods(country, day)
    return dataset.possible_representation_periods(country, day, direction=unit)


def value_of(period: Period) -> str:
    """A period's value as the data file has it: ``true``/``false``, or the level."""
    if isinstance(period, tr.RecognitionPeriod):
        return str(period.recognizes).lower()
    return str(period.level.value)


def reading(dataset: tr.Dataset, country: tr.Country, day: dt.date) -> str:
    """What the dimensions say of a state on a day, in words: why its status is what it is."""
    known: dict[tuple[bool, ...], str] = {
        (True,): "formally recognizing",
        (False,): "not formally recognizing",
    }
    words = [known.get(dataset.possible_recognitions(country, day), "formal recognition undated")]
    levels = {
        unit: [value_of(p) for p in possible_of(dataset, country, unit, day)]
        for unit, _ in UNITS[1:]
    }
    unknown = tr.RepresentationLevel.UNKNOWN.value
    if all(values == [unknown] for values in levels.values()):
        words.append("engagement not recorded")
    else:
        for unit, said in UNITS[1:]:
            values = levels[unit]
            if values == [unknown]:
                words.append(f"{said} not recorded")
            elif len(values) == 1:
                words.append(f"{said}: {values[0]}")
            else:
                words.append(f"{said}: {' or '.join(values)} (a change on an undated day)")
    return "; ".join(words)


def _unrecorded_notes(dataset: tr.Dataset, country: tr.Country, day: dt.date) -> list[str]:
    """The notes of the representation periods of level unknown that hold on a day."""
    notes = [
        period.notes
        for unit, _ in UNITS[1:]
        for period in possible_of(dataset, country, unit, day)
        if period.level is tr.RepresentationLevel.UNKNOWN and period.notes
    ]
    return list(dict.fromkeys(notes))


def _possible_text(dataset: tr.Dataset, country: tr.Country, day: dt.date) -> str:
    return ", ".join(f"`{s.value}`" for s in dataset.possible_statuses(country, day))


def _chain_text(periods: Iterable[Period]) -> str:
    """A chain of periods, each value from its start (a window where undated), with its basis."""
    return " \u2192 ".join(f"`{value_of(p)}` from `{p.start}` ({p.basis.value})" for p in periods)


def _others(dataset: tr.Dataset) -> dict[tuple[str, ...], list[tr.Country]]:
    """The states the source does not name, grouped by what the data says of them."""
    named = {country.alpha_2 for _, country in named_states(dataset)}
    groups: dict[tuple[str, ...], list[tr.Country]] = {}
    for code in sorted(covered(dataset) - named):
        country = dataset.recognition_periods(code)[0].country
        key = tuple(
            " > ".join(value_of(p) for p in unit_periods(dataset, country, unit))
            for unit, _ in UNITS
        )
        groups.setdefault(key, []).append(country)
    return groups


def _derived_statuses(dataset: tr.Dataset) -> str:
    """Each state's status on the as-of date, derived, and what its dimensions say (2.x)."""
    day = dataset.as_of
    rows: list[tuple[str, ...]] = []

    def row(label: str, iso: str, country: tr.Country) -> tuple[str, ...]:
        status = dataset.status_of(country, day)
        said = reading(dataset, country, day)
        if status is tr.RecognitionStatus.UNKNOWN:
            said = " ".join([said + ".", *map(_escape, _unrecorded_notes(dataset, country, day))])
        return label, iso, f"`{status.value}`", _possible_text(dataset, country, day), said

    for name, country in named_states(dataset):
        anchor = f'<a id="status-{country.alpha_2.lower()}"></a>'
        rows.append(row(anchor + _escape(name), f"`{country.alpha_3}`", country))
    rows += [
        row(_others_label(len(countries)), "", countries[0])
        for countries in _others(dataset).values()
    ]
    return _table(
        ("State", "ISO", f"Status on {day}", "Possible statuses", "What the data says"), rows
    )


def dimensions(dataset: tr.Dataset) -> str:
    """Each state's formal recognition and representation in both directions, as periods."""
    if not derived(dataset):
        return (
            f"Dataset {dataset.version} records statuses; formal recognition and representation "
            f"are recorded from dataset version {'.'.join(map(str, DIMENSIONS))}."
        )
    header = (
        "State",
        *(f"{said[0].upper()}{said[1:]} (`{unit}`)" for unit, said in UNITS),
        "Rests on",
    )
    rows: list[tuple[str, ...]] = []
    for name, country in named_states(dataset):
        chains = [unit_periods(dataset, country, unit) for unit, _ in UNITS]
        anchor = f'<a id="dimensions-{country.alpha_2.lower()}"></a>'
        rows.append(
            (
                anchor + _escape(name),
                *(_chain_text(periods) for periods in chains),
                _events(p for periods in chains for p in periods),
            )
        )
    for countries in _others(dataset).values():
        chains = [unit_periods(dataset, countries[0], unit) for unit, _ in UNITS]
        rows.append(
            (
                _others_label(len(countries)),
                *(_chain_text(periods) for periods in chains),
                _events(p for periods in chains for p in periods),
            )
        )
    return _table(header, rows)


@attrs.frozen
class _Axis:
    """Days to x positions: the coverage at full scale, anything earlier in a short segment."""

    start: dt.date
    coverage_start: dt.date
    end: dt.date
    left: float
    right: float
    early: float = 60.0  # width of the segment before the coverage, if any
    gap: float = 24.0  # width of the break between the two segments

    def x(self, day: dt.date) -> float:
        main_left = self.left + (self.early + self.gap if self.start < self.coverage_start else 0)
        if day >= self.coverage_start:
            span = (self.end - self.coverage_start).days + 1
            return main_left + (self.right - main_left) * (day - self.coverage_start).days / span
        span = (self.coverage_start - self.start).days
        return self.left + (main_left - self.left) * (day - self.start).days / span

    def ticks(self) -> list[tuple[float, str]]:
        marks = [(self.x(self.coverage_start), self.coverage_start.isoformat()[:7])]
        marks += [
            (self.x(dt.date(year, 1, 1)), str(year))
            for year in range(self.coverage_start.year + 1, self.end.year + 1)
        ]
        if self.start < self.coverage_start:
            marks.append((self.x(self.start), str(self.start.year)))
        return marks

    def svg(self, top: float, bottom: float) -> list[str]:
        """The axis along the top, with a tick line down through the rows for each year."""
        parts = [
            (
                f'<line class="axis" x1="{self.left:.1f}" y1="{top:.1f}" '
                f'x2="{self.right:.1f}" y2="{top:.1f}"/>'
            )
        ]
        for x, label in self.ticks():
            parts.append(
                f'<line class="tick" x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}"/>'
            )
            parts.append(f'<text class="year" x="{x + 3:.1f}" y="{top - 6:.1f}">{label}</text>')
        if self.start < self.coverage_start:
            mid = self.left + self.early + self.gap / 2
            parts.append(
                f'<path class="break" d="M{mid - 5:.1f},{top + 5:.1f} l6,-10 '
                f'M{mid - 1:.1f},{top + 5:.1f} l6,-10"/>'
            )
        return parts


# The charts are drawn at their own size and scroll sideways inside their box on a narrow
# screen, rather than shrink: their text stays 14 CSS pixels (13 for the years) at any width.
_FONT = 14.0
_WIDTH = 680.0  # the chart's width in CSS pixels: the content column at 1400 px is 688
_PAD = 6.0
_NOW = 96.0  # the column on the left that shows each lane's value on the as-of date
_NOW_X = _PAD  # first, so that a phone shows it without scrolling the chart
_AXIS_LEFT = _PAD + _NOW + 8
_AXIS_RIGHT = _WIDTH - _PAD - 4
_LINE = 20.0  # a line of text
_BAR = 14.0  # a bar's height
_STYLE = (
    "<style>"
    f"text{{font:{_FONT:.0f}px monospace;fill:#222}}"
    "text.year{font-size:13px;fill:#555}"
    "text.name{font-weight:bold}"
    "text.when{fill:#444}"
    ".axis,.tick{stroke:#999;stroke-width:1}"
    ".tick{stroke-dasharray:2 3}"
    ".break{stroke:#555;stroke-width:1.5;fill:none}"
    ".row:hover rect.band{fill:#eef3fa}"
    "rect.band{fill:transparent}"
    "circle.known{fill:#1f5f9f}"
    "rect.known{fill:#1f5f9f}"
    "rect.range{fill:none;stroke:#1f5f9f;stroke-width:1.5;stroke-dasharray:4 3}"
    ".cap{stroke:#1f5f9f;stroke-width:2;fill:none}"
    ".ongoing{stroke:#1f5f9f;stroke-opacity:.3;stroke-width:8}"
    ".no_recognition{fill:#c8cdd4}"
    ".de_facto_engagement{fill:#e3a33b}"
    ".formal_recognition{fill:#2f8a57}"
    ".unknown{fill:url(#unknown-hatch)}"
    ".recognizing{fill:#2f8a57}"
    ".not-recognizing,.level-none{fill:#c8cdd4}"
    ".level-unknown{fill:url(#unknown-hatch)}"
    ".level-other{fill:#e3a33b;fill-opacity:.45}"
    ".level-charge_d_affaires{fill:#e3a33b;fill-opacity:.6}"
    ".level-minister{fill:#e3a33b;fill-opacity:.8}"
    ".level-ambassador{fill:#c98212}"
    ".change{fill:#fff;stroke:#1f5f9f;stroke-width:1.5;stroke-dasharray:4 3}"
    # An inferred period (or a status resting on one) is paler, with a dashed edge.
    "rect[data-basis=inferred]{fill-opacity:.4;stroke:#555;stroke-width:1;stroke-dasharray:2 2}"
    "</style>"
)
_HATCH = (
    '<defs><pattern id="unknown-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#f4f4f4"/>'
    '<rect width="2" height="6" fill="#b4bbc3"/></pattern></defs>'
)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(text: str) -> str:
    """Text for an SVG or HTML element: escaped, without characters XML 1.0 does not allow."""
    return html.escape(_NOT_XML.sub("\ufffd", text))


def _svg(label: str, height: float, body: list[str], *, table: str, hatch: bool = False) -> str:
    """A chart at its own size in a box that scrolls sideways, and the same facts as a table.

    The table is in a ``<details>`` below the chart: readable on a small screen and by a
    screen reader, which reads the chart only by its label.
    """
    return (
        '<div class="tr-chart"><div class="tr-chart-scroll" data-search-exclude="">'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH:.0f} {height:.0f}" '
        f'width="{_WIDTH:.0f}" height="{height:.0f}" role="img" aria-label="{_text(label)}">'
        f"<title>{_text(label)}</title>{_STYLE}{_HATCH if hatch else ''}{''.join(body)}</svg>"
        f"</div><details><summary>The chart as a table</summary>{table}</details></div>"
    )


def _html_table(
    header: Sequence[str], rows: Iterable[Sequence[str]], code: Sequence[str] = ()
) -> str:
    """A plain HTML table of text cells (escaped here), labelled for the phone layout.

    The cells of the columns named in `code` are code (dates, values), which stay whole.
    """

    def cell(label: str, text: str) -> str:
        shown = f"<code>{_text(text)}</code>" if label in code and text else _text(text)
        return f'<td data-label="{_text(label)}">{shown}</td>'

    head = "".join(f"<th>{_text(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>"
        + "".join(cell(label, text) for label, text in zip(header, row, strict=True))
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _now_header(dataset: tr.Dataset, top: float) -> list[str]:
    """The heading of the column of values on the as-of date."""
    x = _NOW_X
    return [
        f'<text class="year" x="{x:.0f}" y="{top - 22:.0f}">as of</text>',
        f'<text class="year" x="{x:.0f}" y="{top - 6:.0f}">{dataset.as_of}</text>',
    ]


def _now_chip(kind: str, y: float, title: str, basis: str | None = None) -> str:
    """A lane's value on the as-of date, as a block wide enough to see at a glance."""
    data = f' data-basis="{basis}"' if basis else ""
    return (
        f'<rect class="{kind}"{data} x="{_NOW_X:.0f}" y="{y:.1f}" width="{_NOW - _PAD:.0f}" '
        f'height="{_BAR:.0f}"><title>{_text(title)}</title></rect>'
    )


def _window_text(date: tr.FuzzyDate) -> str:
    """A date as the data has it, and its window of days when it is not one day."""
    if date.precision is tr.DatePrecision.DAY:
        return str(date)
    if date.precision is tr.DatePrecision.UNKNOWN:
        return f"{date}, a day in that window"
    return f"{date}, a day from {date.earliest} to {date.latest}"


def event_timeline(dataset: tr.Dataset) -> str:
    """The events' timeline: one row per event, linked to its quotes.

    A known day is a dot. A date known to a month or a year is a thin solid bar with end caps
    over its days, and a day known only to lie between two bounds a thin dashed bracket over
    them: either way one day, somewhere in the bracket, not a duration. The only durations are
    events still going on at the as-of date: a broad pale line on to it. Each row says the
    date in words above its mark, so nothing needs a pointer to read.
    """
    events = dataset.events
    start = min((e.date.earliest for e in events), default=dataset.coverage_start)
    axis = _Axis(
        min(start, dataset.coverage_start),
        dataset.coverage_start,
        dataset.as_of,
        _PAD + 4,
        _WIDTH - _PAD - 4,
    )
    row_height = _LINE + _BAR + 10
    top = 36.0
    bottom = top + row_height * len(events) + 4
    body = axis.svg(top, bottom)
    rows = []
    for row, event in enumerate(events):
        y = top + 4 + row * row_height
        mid = y + _LINE + _BAR / 2
        low, high = axis.x(event.date.earliest), axis.x(event.date.latest + dt.timedelta(days=1))
        if event.date.precision is tr.DatePrecision.DAY:
            mark = f'<circle class="known" cx="{low:.1f}" cy="{mid:.1f}" r="5"/>'
        else:
            kind = "range" if event.date.precision is tr.DatePrecision.UNKNOWN else "known"
            width = max(high - low, 2)
            mark = (
                f'<rect class="{kind}" x="{low:.1f}" y="{mid - 3:.1f}" '
                f'width="{width:.1f}" height="6"/>'
                f'<path class="cap" d="M{low:.1f},{mid - 7:.1f} v14 '
                f'M{low + width:.1f},{mid - 7:.1f} v14"/>'
            )
        ongoing = ""
        if event.ongoing:  # still going on at as_of: a duration, on to it
            end = axis.x(dataset.as_of + dt.timedelta(days=1))
            mark += (
                f'<line class="ongoing" x1="{high:.1f}" y1="{mid:.1f}" '
                f'x2="{max(end, high + 10):.1f}" y2="{mid:.1f}"/>'
            )
            ongoing = ", going on"
        tip = f"{event.date} {event.kind.value}: {event.summary}"
        body.append(
            f'<a class="row" href="#event-{event.id}" id="timeline-{event.id}">'
            f"<title>{_text(tip)}</title>"
            f'<rect class="band" x="0" y="{y:.1f}" width="{_WIDTH:.0f}" '
            f'height="{row_height:.0f}"/>'
            f'<text x="{_PAD:.0f}" y="{y + 15:.1f}">{_text(event.id)} '
            f'<tspan class="when">{event.date}{ongoing}</tspan></text>'
            f"{mark}</a>"
        )
        rows.append(
            (
                event.id,
                event.kind.value,
                _window_text(event.date),
                "yes" if event.ongoing else "no",
            )
        )
    y = bottom + 24
    x = _PAD + 8
    legend = (
        ("dot", "a known day"),
        ("known", "a day in that month or year"),
        ("range", "a day in that window"),
        ("ongoing", "going on at the as-of date"),
    )
    for number, (kind, said) in enumerate(legend):
        if number:  # one to a line, so a phone shows it without scrolling
            y += _LINE
        if kind == "dot":
            body.append(f'<circle class="known" cx="{x + 12:.0f}" cy="{y - 5:.0f}" r="5"/>')
        elif kind == "ongoing":
            body.append(
                f'<line class="ongoing" x1="{x:.0f}" y1="{y - 5:.0f}" x2="{x + 24:.0f}" '
                f'y2="{y - 5:.0f}"/>'
            )
        else:
            body.append(
                f'<rect class="{kind}" x="{x:.0f}" y="{y - 8:.0f}" width="24" height="6"/>'
                f'<path class="cap" d="M{x:.0f},{y - 12:.0f} v14 M{x + 24:.0f},{y - 12:.0f} v14"/>'
            )
        body.append(f'<text x="{x + 32:.0f}" y="{y:.0f}">{said}</text>')
    table = _html_table(
        ("Event", "Kind", "Date (stated)", "Going on at the as-of date"),
        rows,
        code=("Event", "Kind"),
    )
    return _svg(f"Timeline of the events of dataset {dataset.version}", y + 16, body, table=table)


_Answer = TypeVar("_Answer")


def _stretches(
    dataset: tr.Dataset, periods: Iterable[Any], answer: Callable[[dt.date], _Answer]
) -> list[tuple[dt.date, dt.date, _Answer]]:
    """Stretches of days with the same answer, over the coverage.

    An answer read off chains of periods can only change on the first or the last day a
    change can have happened, or on the day after the last, so those are the only days asked
    about.
    """
    return _stretches_of(dataset, (period.start for period in periods), answer)


def _stretches_of(
    dataset: tr.Dataset, changes: Iterable[tr.FuzzyDate], answer: Callable[[dt.date], _Answer]
) -> list[tuple[dt.date, dt.date, _Answer]]:
    """Stretches of days with the same answer, when it can change only within `changes`."""
    one = dt.timedelta(days=1)
    edges = {dataset.coverage_start}
    for date in changes:
        edges |= {date.earliest, date.latest, date.latest + one}
    days = sorted(d for d in edges if dataset.coverage_start <= d <= dataset.as_of)
    runs: list[tuple[dt.date, dt.date, _Answer]] = []
    for day, after in zip(days, [*days[1:], dataset.as_of + one], strict=True):
        found = answer(day)
        if runs and runs[-1][2] == found:
            runs[-1] = (runs[-1][0], after - one, found)
        else:
            runs.append((day, after - one, found))
    return runs


def _runs(
    dataset: tr.Dataset, country: tr.Country
) -> list[tuple[dt.date, dt.date, tuple[str, str]]]:
    """Stretches of days with the same status (``UNKNOWN`` included) and the same basis.

    The basis is that of the periods the status rests on (`_resting`): a status that holds
    on while what it rests on turns from inferred to stated is two stretches.
    """
    if derived(dataset):
        periods: tuple[Any, ...] = tuple(
            p for unit, _ in UNITS for p in unit_periods(dataset, country, unit)
        )
    else:
        periods = dataset.status_periods(country)

    def answer(day: dt.date) -> tuple[str, str]:
        status = dataset.status_of(country, day).value
        return status, _basis(_resting(dataset, country, day, status))

    return _stretches(dataset, periods, answer)


def unit_runs(
    dataset: tr.Dataset, country: tr.Country, unit: str
) -> list[tuple[dt.date, dt.date, tuple[Period, ...]]]:
    """Stretches of days on which the same periods of one dimension of a state can hold."""
    return _stretches(
        dataset,
        unit_periods(dataset, country, unit),
        lambda day: possible_of(dataset, country, unit, day),
    )


def _resting(dataset: tr.Dataset, country: tr.Country, day: dt.date, status: str) -> list[Any]:
    """The periods a status on a day rests on: those that decide it, of each that can hold.

    Formal recognition rests on the recognition periods; de facto engagement on them and on
    the periods with a mission; no recognition (and unknown) on all of them. Versions 1.x
    record the status periods themselves.
    """
    if not derived(dataset):
        return list(dataset.possible_periods(country, day))
    recognitions = list(possible_of(dataset, country, "recognition", day))
    levels = [p for unit, _ in UNITS[1:] for p in possible_of(dataset, country, unit, day)]
    if status == tr.RecognitionStatus.FORMAL_RECOGNITION.value:
        return recognitions
    if status == tr.RecognitionStatus.DE_FACTO_ENGAGEMENT.value:
        missing = (tr.RepresentationLevel.NONE, tr.RepresentationLevel.UNKNOWN)
        return recognitions + [p for p in levels if p.level not in missing]
    return recognitions + levels


def _basis(periods: Iterable[Any]) -> str:
    """``inferred`` when any of the periods is, else ``stated``."""
    return "inferred" if any(p.basis is tr.Basis.INFERRED for p in periods) else "stated"


def status_timeline(dataset: tr.Dataset) -> str:
    """Each named state's status over the coverage, and on the as-of date in a column of its own.

    A hatched stretch is unknown; a paler one with a dashed edge rests on an inferred period.
    The last column shows each state's status on the as-of date as a block, however short
    the stretch (Russia's recognition is one day of the coverage).
    """
    states = named_states(dataset)
    axis = _Axis(
        dataset.coverage_start, dataset.coverage_start, dataset.as_of, _AXIS_LEFT, _AXIS_RIGHT
    )
    row_height = _LINE + _BAR + 10
    top = 36.0
    bottom = top + row_height * len(states) + 4
    body = [*axis.svg(top, bottom), *_now_header(dataset, top)]
    rows = []
    for row, (name, country) in enumerate(states):
        y = top + 4 + row * row_height
        now = dataset.status_of(country).value
        body.append(
            f'<a class="row" href="#status-{country.alpha_2.lower()}" '
            f'id="status-timeline-{country.alpha_2.lower()}">'
            f'<text class="name" x="{_PAD:.0f}" y="{y + 15:.1f}">'
            f"{_text(name)} ({country.alpha_2}): "
            f'<tspan class="when">{now}</tspan></text>'
        )
        for first, last, (status, basis) in _runs(dataset, country):
            low, high = axis.x(first), axis.x(last + dt.timedelta(days=1))
            said = status
            if status == tr.RecognitionStatus.UNKNOWN.value:
                said += ": " + " or ".join(
                    s.value for s in dataset.possible_statuses(country, first)
                )
            if derived(dataset):
                said += f" ({reading(dataset, country, first)})"
            body.append(
                f'<rect class="{status}" data-basis="{basis}" x="{low:.1f}" '
                f'y="{y + _LINE:.1f}" width="{max(high - low, 3):.1f}" height="{_BAR:.0f}">'
                f"<title>{first} to {last}: {_text(said)}</title></rect>"
            )
            rows.append(
                (
                    f"{name} ({country.alpha_2})",
                    str(first),
                    str(last),
                    status,
                    ", ".join(s.value for s in dataset.possible_statuses(country, first)),
                    basis,
                )
            )
        body.append("</a>")
        basis = _basis(_resting(dataset, country, dataset.as_of, now))
        body.append(_now_chip(now, y + _LINE, f"{now} on {dataset.as_of}", basis))
    y = bottom + 24
    x = _PAD + 8
    for number, member in enumerate(tr.RecognitionStatus):
        if number:  # one to a line, so a phone shows it without scrolling
            y += _LINE
        body.append(
            f'<rect class="{member.value}" x="{x:.0f}" y="{y - 12:.0f}" width="24" height="14"/>'
        )
        body.append(f'<text x="{x + 32:.0f}" y="{y:.0f}">{member.value}</text>')
    y += _LINE
    body += [
        (
            f'<rect class="de_facto_engagement" data-basis="inferred" x="{_PAD + 8:.0f}" '
            f'y="{y - 12:.0f}" width="24" height="14"/>'
        ),
        (f'<text x="{_PAD + 40:.0f}" y="{y:.0f}">pale, dashed edge: inferred</text>'),
    ]
    table = _html_table(
        ("State", "From", "To", "Status", "Possible", "Basis"),
        rows,
        code=("From", "To", "Status"),
    )
    return _svg(
        f"Recognition status of the named states, dataset {dataset.version}",
        y + 16,
        body,
        table=table,
        hatch=True,
    )


def _level_class(period: Period) -> str:
    """The figure's class of a period's value."""
    if isinstance(period, tr.RecognitionPeriod):
        return "recognizing" if period.recognizes else "not-recognizing"
    return f"level-{period.level.value}"


_DIMENSION_LEGEND = (
    ("recognizing", "recognizes"),
    ("not-recognizing", "does not recognize"),
    ("level-unknown", "level not recorded"),
    ("level-none", "no mission"),
    ("level-ambassador", "a mission (darker: higher)"),
    ("change", "window of an undated change"),
)


def dimension_timeline(dataset: tr.Dataset) -> str:
    """Each named state's formal recognition and both directions of its representation.

    One lane per dimension, each under a line that names it and says its value on the as-of
    date: a stretch on which one period holds has its value's colour (paler, with a dashed
    edge, when the period is inferred); a stretch on which the day can fall on either side
    of an undated change is a white dashed window, whose title names the values it lies
    between. The last column shows each lane's value on the as-of date.
    """
    if not derived(dataset):
        return dimensions(dataset)
    states = named_states(dataset)
    axis = _Axis(
        dataset.coverage_start, dataset.coverage_start, dataset.as_of, _AXIS_LEFT, _AXIS_RIGHT
    )
    lane_height = _LINE + _BAR + 6
    state_height = _LINE + lane_height * len(UNITS) + 8
    top = 36.0
    bottom = top + state_height * len(states) + 4
    body = [*axis.svg(top, bottom), *_now_header(dataset, top)]
    rows = []
    for number, (name, country) in enumerate(states):
        code = country.alpha_2.lower()
        y0 = top + 4 + number * state_height
        body.append(
            f'<text class="name" x="{_PAD:.0f}" y="{y0 + 15:.1f}">'
            f"{_text(name)} ({country.alpha_2})</text>"
        )
        for lane, (unit, said) in enumerate(UNITS):
            y = y0 + _LINE + lane * lane_height
            now = possible_of(dataset, country, unit, dataset.as_of)
            now_value = " or ".join(value_of(period) for period in now)
            body.append(
                f'<a class="row" href="#dimensions-{code}" id="dimension-timeline-{code}-{unit}">'
                f'<text x="{_PAD + 12:.0f}" y="{y + 15:.1f}">{_text(said)}: '
                f'<tspan class="when">{_text(now_value)}</tspan></text>'
            )
            for first, last, periods in unit_runs(dataset, country, unit):
                low, high = axis.x(first), axis.x(last + dt.timedelta(days=1))
                kind = _level_class(periods[0]) if len(periods) == 1 else "change"
                basis = periods[0].basis.value if len(periods) == 1 else None
                data = f' data-basis="{basis}"' if basis else ""
                values = " or ".join(value_of(p) for p in periods)
                body.append(
                    f'<rect class="{kind}"{data} x="{low:.1f}" y="{y + _LINE:.1f}" '
                    f'width="{max(high - low, 3):.1f}" height="{_BAR:.0f}"><title>{first} to '
                    f"{last}: {_text(said)} {values}</title></rect>"
                )
                rows.append(
                    (
                        f"{name} ({country.alpha_2})",
                        said,
                        str(first),
                        str(last),
                        values,
                        _basis(periods) if len(periods) == 1 else "undated change",
                    )
                )
            body.append("</a>")
            body.append(
                _now_chip(  # more than one value possible: the white dashed window
                    _level_class(now[0]) if len(now) == 1 else "change",
                    y + _LINE,
                    f"{said} on {dataset.as_of}: {now_value}",
                    now[0].basis.value if len(now) == 1 else None,
                )
            )
    y, x = bottom + 24, _PAD + 8
    for number, (kind, said) in enumerate(_DIMENSION_LEGEND):
        if number:  # one to a line, so a phone shows it without scrolling
            y += _LINE
        body.append(f'<rect class="{kind}" x="{x:.0f}" y="{y - 12:.0f}" width="24" height="14"/>')
        body.append(f'<text x="{x + 32:.0f}" y="{y:.0f}">{_text(said)}</text>')
    y += _LINE
    body += [
        (
            f'<rect class="level-ambassador" data-basis="inferred" x="{_PAD + 8:.0f}" '
            f'y="{y - 12:.0f}" width="24" height="14"/>'
        ),
        f'<text x="{_PAD + 40:.0f}" y="{y:.0f}">pale, dashed edge: inferred</text>',
    ]
    table = _html_table(
        ("State", "Dimension", "From", "To", "Value", "Basis"), rows, code=("From", "To", "Value")
    )
    return _svg(
        f"Formal recognition and representation of the named states, dataset {dataset.version}",
        y + 16,
        body,
        table=table,
        hatch=True,
    )


def events(dataset: tr.Dataset) -> str:
    """Every event with its date, parties, summary and the quotes it rests on."""
    parts = []
    for event in dataset.events:
        target = f" \u2192 {event.target.name}" if event.target else ""
        said = f" (the source: \u201c{_escape(event.date_text)}\u201d)" if event.date_text else ""
        lines = [
            f'<a id="event-{event.id}"></a>**`{event.id}`** \u00b7 `{event.date}`{said} \u00b7 '
            f"`{event.kind.value}` \u00b7 {_escape(event.actor.name)}{_escape(target)}"
            + (" \u00b7 ongoing" if event.ongoing else "")
            + "  ",
            _escape(event.summary),
        ]
        for item in event.evidence:
            lines.append(
                f"> \u201c{_escape(item.quote)}\u201d ({item.source_id}, characters "
                f"{item.start} to {item.end})"
            )
            lines.append(">")
        parts.append("\n".join(lines[:-1]))
    return "\n\n".join(parts)


# Sources and method --------------------------------------------------------------------------


def sources(dataset: tr.Dataset) -> str:
    """Each source: its id, title, digest, provenance, and its whole text."""
    parts = []
    for source in dataset.sources:
        paragraphs = [p for p in source.text.split("\n") if p.strip()]
        parts += [
            f"### {_escape(source.title)}",
            f"Id `{source.id}`, SHA-256 `{source.sha256}`. {_escape(source.notes or '')}",
            "\n>\n".join(f"> {_escape(p)}" for p in paragraphs),
        ]
    return "\n\n".join(parts)


def date_resolutions(dataset: tr.Dataset) -> str:
    """How each event's date was read from the source's words."""
    rows = [
        (
            f"[`{e.id}`](timeline.md#event-{e.id})",
            f"\u201c{_escape(e.date_text)}\u201d" if e.date_text else "(undated)",
            f"`{e.date}`",
            _escape(e.notes or ""),
        )
        for e in dataset.events
    ]
    return _table(("Event", "The source's words", "Date", "How it was resolved"), rows)


def conventions(dataset: tr.Dataset) -> str:
    """The annotation conventions the dataset records about itself."""
    return f"> {_escape(dataset.notes)}"


def versions(_: tr.Dataset) -> str:
    """Every shipped dataset version, its digest and its release date."""
    rows = [
        (
            f"`{v}`",
            f"`{tr.load(v).sha256}`",
            f"`{SHIPPED.released(v).isoformat()}`",
            f"`{tr.load(v).as_of}`",
        )
        for v in tr.versions()
    ]
    return _table(("Version", "SHA-256 of the data file", "Released", "As of"), rows)


VERSIONS_HEADING = "## Dataset versions"
"""The README's section whose table says what each dataset version has."""


def version_notes(readme: str | None = None) -> dict[str, str]:
    """What each dataset version has, from the README's table of versions (written once).

    Raises:
        ValueError: The README (or `readme`, its text) has no section `VERSIONS_HEADING`.
    """
    if readme is None:
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
    _, heading, rest = readme.partition(f"\n{VERSIONS_HEADING}\n")
    if not heading:
        msg = (
            f"README.md has no {VERSIONS_HEADING!r} section: the home page's table of versions "
            "reads what each version has from its rows, '| 1.0.0 | what it has |'"
        )
        raise ValueError(msg)
    table = rest.split("\n## ", 1)[0]
    return dict(re.findall(r"^\| (\d+\.\d+\.\d+) \| (.+?) \|$", table, re.MULTILINE))


def home_versions(_: tr.Dataset) -> str:
    """Every shipped version: when it was released, its as-of date, its digest, what it has."""
    notes = version_notes()
    missing = [v for v in tr.versions() if v not in notes]
    if missing:
        msg = f"README.md's table of dataset versions has no row for {', '.join(missing)}"
        raise ValueError(msg)
    rows = [
        (
            f'<a id="home-version-{v.replace(".", "-")}"></a>`{v}`'
            + (" (newest)" if v == tr.versions()[-1] else ""),
            f"`{SHIPPED.released(v).isoformat()}`",
            f"`{tr.load(v).as_of}`",
            f"`{tr.load(v).sha256[:12]}`",
            notes[v],
        )
        for v in tr.versions()
    ]
    return _table(("Version", "Released", "As of", "SHA-256 (first 12)", "What it has"), rows)


def licence(_: tr.Dataset) -> str:
    """The licence, as the LICENSE file has it."""
    text = (ROOT / "LICENSE").read_text(encoding="utf-8").strip()
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in text.split("\n\n"))


def load_script(name: str) -> Any:  # noqa: ANN401 -- a module loaded by path
    """A script of ``scripts/``, loaded by its path: scripts are not a package."""
    spec = importlib.util.spec_from_file_location(f"_docs_{name}", ROOT / "scripts" / f"{name}.py")
    if spec is None or spec.loader is None:
        msg = f"cannot load scripts/{name}.py"
        raise ImportError(msg)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _agreement(digest: str) -> str:
    """The agreement section for one state of the data and the codings (`digest` says which)."""
    del digest  # the cache key only
    markdown: Callable[[tr.Dataset], str] = load_script("agreement").markdown
    return markdown(tr.load())


def agreement(_: tr.Dataset) -> str:
    """The agreement of the newest version's coding with the independent second coding.

    Always of the newest shipped version, which the second coding was compared with, as
    ``scripts/agreement.py`` makes it: the figures, every disagreement and its settlement. It
    fails the build when a disagreement is not settled. Made once per state of the data file
    and the two files of the second coding.
    """
    second = ROOT / "annotations" / "second"
    digest = hashlib.sha256(tr.load().sha256.encode())
    for name in ("annotation.toml", "settlements.toml"):
        digest.update((second / name).read_bytes())
    return _agreement(digest.hexdigest())


Change = tuple[str, str, str]
"""A reading of dates, and a status the newest 1.x version answers and one the newest answers."""


def _periods_of(dataset: tr.Dataset, code: str) -> tuple[Any, ...]:
    if derived(dataset):
        return tuple(p for unit, _ in UNITS for p in unit_periods(dataset, code, unit))  # type: ignore[arg-type]
    return dataset.status_periods(code)


@functools.cache
def answer_changes(
    old_version: str, new_version: str
) -> dict[Change, dict[str, list[tuple[dt.date, dt.date]]]]:
    """Every state's answers of `status_of` in two versions compared on every covered day.

    By reading of dates, then the pair of answers: each state's stretches of days with that
    pair. An answer can only change within the dates of the events its periods rest on, so
    only their edges are asked about; a test holds this to asking day by day.
    """
    old, new = tr.load(old_version), tr.load(new_version)
    found: dict[Change, dict[str, list[tuple[dt.date, dt.date]]]] = {}
    for dates in ("stated", "corroborated"):
        for code in sorted(covered(old) & covered(new)):

            def pair(day: dt.date, code: str = code, dates: Any = dates) -> tuple[str, str]:  # noqa: ANN401
                return (
                    old.status_of(code, day, dates=dates).name,
                    new.status_of(code, day, dates=dates).name,
                )

            changes = []
            for version in (old, new):
                for period in _periods_of(version, code):
                    changes.append(period.start)
                    changes += [version.event(e).date_for(dates) for e in period.events]
            for first, last, (before, after) in _stretches_of(new, changes, pair):
                found.setdefault((dates, before, after), {}).setdefault(code, []).append(
                    (first, last)
                )
    return found


def _days(stretches: Iterable[tuple[dt.date, dt.date]]) -> int:
    return sum((last - first).days + 1 for first, last in stretches)


def _who(codes: list[str], names: dict[str, str]) -> str:
    """States by name, or counted when there are many, with the named ones among them."""
    if len(codes) <= 5:
        return ", ".join(names.get(code, code) for code in codes)
    among = [names[code] for code in codes if code in names]
    unnamed = f"{len(codes) - len(among)} the article does not name"
    if not among:
        return f"{len(codes)} states the article does not name"
    return f"{len(codes)} states (the {' and the '.join([*among, unnamed])})"


def answers(_: tr.Dataset) -> str:
    """How the answers of `status_of` change from the newest 1.x version to the newest.

    Always of the shipped versions, as `versions` is: the migration page compares them, for
    every covered state on every day, with both readings of dates.
    """
    ones = [v for v in tr.versions() if version_key(v) < DIMENSIONS]
    newest = tr.versions()[-1]
    if not ones or newest in ones:
        return "Every shipped version is of 1.x."
    new = tr.load(newest)
    names = {country.alpha_2: name for name, country in named_states(new)}
    rows: list[tuple[str, ...]] = []
    for (dates, before, after), states in answer_changes(ones[-1], newest).items():
        groups: dict[tuple[tuple[dt.date, dt.date], ...], list[str]] = {}
        for code, stretches in sorted(states.items(), key=lambda s: names.get(s[0], s[0])):
            groups.setdefault(tuple(stretches), []).append(code)
        which = []
        for spans, codes in sorted(groups.items(), key=lambda g: -len(g[1])):
            said = ", ".join(
                f"`{first}`" if first == last else f"`{first}` to `{last}`" for first, last in spans
            )
            days = _days(spans)
            each = f"{days:,} day{'s' * (days != 1)}{' each' * (len(codes) > 1)}"
            which.append(f"{_who(codes, names)}: {said} ({each})")
        rows.append(
            (
                f"`{dates}`",
                f"`{before}`",
                f"`{after}`",
                f"{sum(_days(s) for s in states.values()):,}",
                "; ".join(which),
            )
        )
    return _table(("Dates", ones[-1], newest, "Answers", "Which states, which days"), rows)


def _table_change(
    before: Sequence[object] | None, after: Sequence[object] | None, newest: str
) -> str:
    if before is None:
        return "new"
    if after is None:
        return "not exported"
    return f"empty from {newest}" if before and not after else ""


def export_tables(_: tr.Dataset) -> str:
    """The exported tables of the newest 1.x version and of the newest, with their rows.

    Always of the shipped versions, as `versions` is: the migration page compares them.
    """
    ones = [v for v in tr.versions() if version_key(v) < DIMENSIONS]
    newest = tr.versions()[-1]
    if not ones or newest in ones:
        return "Every shipped version is of 1.x."
    old, new = tr.load(ones[-1]).to_records(), tr.load(newest).to_records()
    rows: list[tuple[str, ...]] = [
        (
            f"[`{name}.csv`](data-dictionary/tables.md#table-{name.replace('_', '-')})",
            "" if old.get(name) is None else str(len(old[name])),
            "" if new.get(name) is None else str(len(new[name])),
            _table_change(old.get(name), new.get(name), newest),
        )
        for name in dict.fromkeys([*new, *old])
    ]
    return _table(("Table", f"Rows in {ones[-1]}", f"Rows in {newest}", "Change"), rows)


# Panels --------------------------------------------------------------------------------------


def panel_columns(dataset: tr.Dataset) -> str:
    """The columns of a state-year panel and of a dyad-year panel, read off the panels."""
    parts = []
    panels = [('State panel, `panel("year", at="period")`', dataset.panel("year", at="period"))]
    if derived(dataset):
        panels.append(('Dyad panel, `dyad_panel("year")`', dataset.dyad_panel("year")))
    for title, panel in panels:
        rows = [
            (
                f"`{column.name}`",
                column.type + ("" if column.required else ", may be empty"),
                _escape(column.description),
            )
            for column in panel.columns
        ]
        parts += [f"**{title}**", _table(("Column", "Type", "Meaning"), rows)]
    parts.append(
        'With `at="end"` or `"start"` a month or year cell also has `observed`, the day it '
        "gives, and no `days` or shares; a day panel has `date` and `month` instead of the "
        "period's days; a panel over draws starts with `draw`."
    )
    return "\n\n".join(parts)


PLOT_DRAWS = 200
PLOT_SEED = 2025


def panel_plot(dataset: tr.Dataset) -> str:
    """A chart drawn from a state-year panel: states certainly engaged at each year's end.

    For each year, the data's own lower bound (states whose weakest possible status is de facto
    engagement or more on the last day), and the same count in each of `PLOT_DRAWS` draws of
    the dates, as its mean and range. The upper bound, every covered state, is said in words.
    """
    if not derived(dataset):
        return "The chart is drawn from a dataset of 2.0.0 or later."
    plain = dataset.panel("year").to_records()
    if not plain:
        return "The dataset covers no state."
    drawn = dataset.panel("year", draws=dataset.draws(PLOT_DRAWS, seed=PLOT_SEED)).to_records()
    years = sorted({row["year"] for row in plain})
    lower = {
        year: sum(r["status_min_code"] >= 1 for r in plain if r["year"] == year) for year in years
    }
    upper = {
        year: sum(r["status_max_code"] >= 1 for r in plain if r["year"] == year) for year in years
    }
    counts: dict[int, list[int]] = {year: [0] * PLOT_DRAWS for year in years}
    for row in drawn:
        counts[row["year"]][row["draw"] - 1] += row["status_min_code"] >= 1
    top = max(*(max(c) for c in counts.values()), *lower.values(), 1)
    width, height, left, bottom, step = 640, 300, 56, 250, 110
    scale = (bottom - 40) / top
    parts = [
        # A phone scrolls the chart rather than shrink its text; the table below has the same.
        '<div style="overflow-x:auto">',
        (
            f'<svg class="panel-plot" viewBox="0 0 {width} {height}" role="img" '
            'aria-labelledby="panel-plot-title" '
            f'style="width:{width}px;height:{height}px;max-width:none">'
        ),
        (
            '<title id="panel-plot-title">States certainly engaged de facto or more at the end of '
            "each year: the data's lower bound and the draws' mean and range</title>"
        ),
        f'<line x1="{left}" y1="{bottom}" x2="{width - 10}" y2="{bottom}" stroke="currentColor"/>',
    ]
    for tick in range(top + 1):
        y = bottom - tick * scale
        parts.append(
            f'<text x="{left - 8}" y="{y + 5:.1f}" text-anchor="end" font-size="14" '
            f'fill="currentColor">{tick}</text>'
        )
    rows = []
    for n, year in enumerate(years):
        x = left + 30 + n * step
        values = counts[year]
        mean = sum(values) / len(values)
        low, high = min(values), max(values)
        bar = lower[year] * scale
        parts += [
            (
                f'<rect x="{x}" y="{bottom - bar:.1f}" width="28" height="{bar:.1f}" '
                f'fill="#3f51b5"><title>{year}: lower bound {lower[year]}</title></rect>'
            ),
            (
                f'<rect x="{x + 34}" y="{bottom - mean * scale:.1f}" width="28" '
                f'height="{mean * scale:.1f}" fill="#ff9800"><title>{year}: mean of the draws '
                f"{mean:.2f}</title></rect>"
            ),
            (
                f'<line x1="{x + 48}" y1="{bottom - low * scale:.1f}" x2="{x + 48}" '
                f'y2="{bottom - high * scale:.1f}" stroke="currentColor" stroke-width="2"/>'
            ),
            (
                f'<text x="{x + 31}" y="{bottom + 22}" text-anchor="middle" font-size="14" '
                f'fill="currentColor">{year}</text>'
            ),
        ]
        rows.append(
            (str(year), str(lower[year]), f"{mean:.2f}", f"{low} to {high}", str(upper[year]))
        )
    parts += [
        f'<rect x="{left + 10}" y="8" width="14" height="14" fill="#3f51b5"/>',
        (
            f'<text x="{left + 30}" y="20" font-size="14" fill="currentColor">'
            "lower bound (the data)</text>"
        ),
        f'<rect x="{left + 230}" y="8" width="14" height="14" fill="#ff9800"/>',
        (
            f'<text x="{left + 250}" y="20" font-size="14" fill="currentColor">mean of '
            f"{PLOT_DRAWS} draws, with their range</text>"
        ),
        (
            f'<text x="{left - 8}" y="{bottom - top * scale - 14:.1f}" text-anchor="end" '
            'font-size="14" fill="currentColor">states</text>'
        ),
        "</svg></div>",
    ]
    table = _table(
        ("Year", "Lower bound", f"Mean of {PLOT_DRAWS} draws", "Range of the draws", "Upper bound"),
        rows,
    )
    code = (
        "```python\n"
        f'panel = ds.panel("year", draws=ds.draws({PLOT_DRAWS}, seed={PLOT_SEED}))\n'
        "frame = panel.to_dataframe()\n"
        "counts = (frame.status_min_code >= 1).groupby([frame.year, frame.draw]).sum()\n"
        "```"
    )
    return "\n\n".join(["".join(parts), table, f"Drawn from dataset {dataset.version} by:", code])


# API and changelog ---------------------------------------------------------------------------


def error_tree() -> str:
    """The exception hierarchy as a text tree, read off the classes themselves.

    Siblings are grouped by the built-in exception they extend, the groups in the order their
    first class is defined, and within a group in the order of definition.
    """
    order = list(vars(_errors).values())

    def builtin_of(cls: type) -> type:
        return next(
            (b for b in cls.__mro__[1:] if not issubclass(b, tr.TalibanRecognitionError)), object
        )

    def grouped(children: list[type]) -> list[type]:
        children = sorted(children, key=order.index)
        groups = list(dict.fromkeys(builtin_of(child) for child in children))
        return sorted(children, key=lambda child: groups.index(builtin_of(child)))

    def label(cls: type) -> str:
        builtin = [
            b.__name__ for b in cls.__bases__ if not issubclass(b, tr.TalibanRecognitionError)
        ]
        return f"{cls.__name__}({', '.join(builtin)})" if builtin else cls.__name__

    def below(cls: type, prefix: str) -> list[str]:
        children = grouped(cls.__subclasses__())
        lines = []
        for n, child in enumerate(children):
            last = n == len(children) - 1
            lines.append(f"{prefix}{'└── ' if last else '├── '}{label(child)}")
            lines += below(child, prefix + ("    " if last else "│   "))
        return lines

    return "\n".join([label(tr.TalibanRecognitionError), *below(tr.TalibanRecognitionError, "")])


def error_hierarchy(_: tr.Dataset) -> str:
    """The exception hierarchy, as a code block."""
    return f"```text\n{error_tree()}\n```"


def changelog(_: tr.Dataset) -> str:
    """``CHANGELOG.md``, without its own title (the page has one).

    Its links to the documentation's pages are relative to the repository's root
    (``docs/migration.md``), and become relative to the changelog page.
    """
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return text.split("\n", 1)[1].strip().replace("](docs/", "](")


def event_coding(dataset: tr.Dataset) -> str:
    """The CAMEO codebook entries the data may use, and each event's codes with why."""
    used = {e.codes.cameo for e in dataset.events if e.codes is not None}
    codebook: list[tuple[str, ...]] = [
        (f"`{code}`", label, "yes" if code in used else "") for code, label in tr.CAMEO.items()
    ]
    rows: list[tuple[str, ...]] = [
        (
            f"[`{e.id}`](../timeline.md#event-{e.id})",  # from the data dictionary's folder
            f"`{e.codes.cameo}` {e.codes.cameo_label}",
            f"`{e.codes.plover.value}`",
            _escape(e.codes.notes or ""),
        )
        for e in dataset.events
        if e.codes is not None
    ]
    if not rows:
        return f"Dataset {dataset.version} codes no events."
    return "\n\n".join(
        [
            _table(("CAMEO code", "Codebook label", f"Used in {dataset.version}"), codebook),
            f"Each event of dataset {dataset.version}, its codes, and why where not plain:",
            _table(("Event", "CAMEO", "PLOVER", "Why"), rows),
        ]
    )


def corroborations(dataset: tr.Dataset) -> str:
    """Every corroborated date beside the source's, with its reference and any discrepancy."""
    references = {r.id: r for r in dataset.references}
    rows: list[tuple[str, ...]] = []
    for e in dataset.events:
        if e.corroboration is None:
            continue
        ref = references[e.corroboration.reference_id]
        rows.append(
            (
                f"[`{e.id}`](timeline.md#event-{e.id})",
                f"`{e.date}`",
                f"`{e.corroboration.date}`",
                f"[{_escape(ref.title)}]({ref.url}), {_escape(ref.publisher)}",
                _escape(e.corroboration.discrepancy or ""),
            )
        )
    if not rows:
        return f"Dataset {dataset.version} has no corroborated dates."
    return _table(("Event", "Source's date", "Corroborated", "Reference", "Discrepancy"), rows)


def release_diffs(_: tr.Dataset) -> str:
    """What each dataset release changed from the one before, as `diff` reports it."""
    versions = tr.versions()
    parts = []
    for before, after in itertools.pairwise(versions):
        parts += [
            f"### Dataset {before} to {after}",
            f"```text\n{tr.diff(before, after).summary()}\n```",
        ]
    return "\n\n".join(parts) or "There is one dataset version."


GENERATORS: dict[str, Callable[[tr.Dataset], str]] = {
    "data-dictionary": data_dictionary,
    "data-dictionary-records": dictionary_records,
    "data-dictionary-enums": dictionary_enums,
    "data-dictionary-tables": dictionary_tables,
    "version": version_line,
    "statuses": statuses,
    "status-timeline": status_timeline,
    "dimensions": dimensions,
    "dimension-timeline": dimension_timeline,
    "event-timeline": event_timeline,
    "events": events,
    "sources": sources,
    "date-resolutions": date_resolutions,
    "conventions": conventions,
    "agreement": agreement,
    "export-tables": export_tables,
    "answers": answers,
    "versions": versions,
    "home-versions": home_versions,
    "licence": licence,
    "error-hierarchy": error_hierarchy,
    "changelog": changelog,
    "event-coding": event_coding,
    "corroborations": corroborations,
    "release-diffs": release_diffs,
    "panel-columns": panel_columns,
    "panel-plot": panel_plot,
}


def generate(markdown: str, dataset: tr.Dataset) -> str:
    """Replace every generation marker in `markdown` with what it asks for."""

    def replace(match: re.Match[str]) -> str:
        name = match[1]
        if name not in GENERATORS:
            msg = f"unknown generated content {name!r}; known: {', '.join(GENERATORS)}"
            raise ValueError(msg)
        return GENERATORS[name](dataset)

    return MARKER.sub(replace, markdown)


SESSION = re.compile(r"^```python\n(>>> .*?)^```$", re.DOTALL | re.MULTILINE)


def sessions_as_pycon(markdown: str) -> str:
    """Mark Python sessions (blocks that start with ``>>>``) as ``pycon``.

    Pygments then tags their prompts and output, which the stylesheet hides while the copy
    button reads a block, so it copies the code alone (as it does for console blocks).
    """
    return SESSION.sub(lambda match: f"```pycon\n{match[1]}```", markdown)


TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
STACKED = 4  # tables of this many columns or more are stacked, row by row, on a phone


def _label_cells(match: re.Match[str]) -> str:
    """A table with each body cell labelled by its column's heading (``data-label``).

    On a narrow screen the stylesheet shows a table of `STACKED` or more columns as one block
    per row, each cell under its heading, so the page never scrolls sideways and no cell is
    squeezed into breaking a name or a date.
    """
    table = match[1]
    head, _, body = table.partition("</thead>")
    labels = [
        html.escape(" ".join(html.unescape(re.sub(r"<[^>]+>", "", cell)).split()), quote=True)
        for cell in re.findall(r"<th(?=[\s>])[^>]*>(.*?)</th>", head, re.DOTALL)
    ]
    if len(labels) < STACKED or not body:
        return match[0]

    def row(found: re.Match[str]) -> str:
        cells = iter(labels)
        return re.sub(  # a cell labelled already (a chart's table) keeps its label
            r"<td(?=[ >])(?![^>]*data-label)",
            lambda _: f'<td data-label="{next(cells, "")}"',
            found[0],
        )

    body = re.sub(r"<tr>.*?</tr>", row, body, flags=re.DOTALL)
    return f"<table>{head}</thead>{body}</table>"


LONG_CODE = 24  # a code span in a table longer than this may wrap; shorter ones stay whole
CODE_IN_CELL = re.compile(r"(<t[dh][^>]*>)(.*?)(</t[dh]>)", re.DOTALL)


def wrap_long_codes(page_html: str) -> str:
    """Mark the code spans in table cells longer than `LONG_CODE` characters as wrappable.

    Codes, names and dates (``de_facto_engagement``, ``[2021-08..2025-07-03]``) stay whole; a
    digest or a quoted sentence in a code span may wrap, so it cannot widen its table past
    the screen or push the other columns out of view.
    """

    def code(found: re.Match[str]) -> str:
        text = html.unescape(re.sub(r"<[^>]+>", "", found[1]))
        return f'<code class="tr-wrap">{found[1]}</code>' if len(text) > LONG_CODE else found[0]

    def cell(match: re.Match[str]) -> str:
        inner = re.sub(r"<code>(.*?)</code>", code, match[2], flags=re.DOTALL)
        return match[1] + inner + match[3]

    return CODE_IN_CELL.sub(cell, page_html)


def stack_tables(page_html: str) -> str:
    """Label the cells of every wide table for the phone layout (see `_label_cells`)."""
    return TABLE.sub(_label_cells, page_html)


TRACEBACK = re.compile(r'(<span class="gt">.*?)(?=<span class="gp">|</code>)', re.DOTALL)
OUTPUT_LINE = re.compile(r'<span class="go">([^<]*)</span>\n')
BLANK_OUTPUT = re.compile(r'(<span class="go">[^<]*\n)</span>\n')


def tracebacks_as_output(page_html: str) -> str:
    """Mark a session's tracebacks as output, and give each line of output its newline.

    A traceback runs from ``Traceback`` to the next prompt. Pygments tags its lines apart
    from output (``gt``, ``gr``, names); as output (``go``) the stylesheet hides them too
    while the copy button reads a block. So are the blank lines of output, which Pygments
    leaves as bare newlines.
    """
    marked = TRACEBACK.sub(r'<span class="go">\1</span>', page_html)
    # An output line's newline goes with it, so a copy has no blank line in its place.
    marked = OUTPUT_LINE.sub(r'<span class="go">\1\n</span>', marked)
    while True:  # a bare newline after output is a blank line of it
        blank = BLANK_OUTPUT.sub(r"\1\n</span>", marked)
        if blank == marked:
            return marked
        marked = blank


def on_page_content(html: str, **_: object) -> str:
    """Prepare a page's HTML for phones and copy buttons (an mkdocs hook).

    Wide tables' cells are labelled, so a phone shows them stacked; long codes in tables may
    wrap; tracebacks are a session's output, which copy buttons leave out.
    """
    return tracebacks_as_output(wrap_long_codes(stack_tables(html)))


def on_page_markdown(markdown: str, **_: object) -> str:
    """Fill in a page's generated content from the newest dataset version (an mkdocs hook)."""
    return sessions_as_pycon(generate(markdown, tr.load()))
