"""The dataset as tidy tables: one row per record, one column per field, ids that join.

The CSV files, the Data Package and the pandas DataFrames are all written from these tables,
so every export has the same columns, in the same order, with the same meaning. The columns
are read off the record fields' declarations (`_schema.column`), in field order: a field is
a column; a field holding a record (a date, a country, an event's codes) is that record's
columns, named with the field's prefix; a field holding a record with an id (an event's
actor) is that id. Tuples of records are tables of their own (`status_events`, `evidence`).

A table or column says the dataset version that added it (`since`) and, for what a schema
break retired, the first version without it (`until`): the status periods of 1.x, whose
statuses 2.0.0 derives from its recognition and representation periods.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal, NamedTuple

import attrs

from taliban_recognition._dataset import Dataset
from taliban_recognition._invariants import DIMENSIONS
from taliban_recognition._model import (
    Evidence,
    RecognitionPeriod,
    RepresentationPeriod,
    StatusPeriod,
)
from taliban_recognition._schema import (
    FIRST,
    Derived,
    Level,
    export_of,
    field_since,
    items_of,
    optional_of,
    version_key,
)

Value = str | int | bool | dt.date | None
"""A cell: text, a whole number, a flag, a day, or None where the field is empty."""

Row = tuple[Value, ...]

ColumnType = Literal["string", "integer", "boolean", "date", "number"]


def _holds(since: Level, until: Level | None, level: Level) -> bool:
    """Whether dataset version `level` has what version `since` added and `until` retired."""
    return since <= level and (until is None or level < until)


def _identity(record: Any) -> Any:  # noqa: ANN401 -- any record
    return record


@attrs.frozen
class Column:
    """One column of a table, described as a Frictionless Table Schema field."""

    name: str
    type: ColumnType
    description: str
    required: bool = True
    enum: tuple[str, ...] = ()
    ordered: bool = False  # the enum's order is meaningful (recognition statuses)
    pattern: str | None = None
    since: Level = FIRST  # the dataset version that added the field
    until: Level | None = None  # the first dataset version without the column, if any
    refers: str | None = None  # the table whose ids the column holds
    path: tuple[str, ...] = ()  # the fields the value is read through, from the row's record
    derived: bool = False  # computed from a record (a label, a date's EDTF), not stored in it
    get: Callable[[Any], Value] = attrs.field(default=_identity, eq=False, repr=False)


@attrs.frozen
class ForeignKey:
    """A column whose values are the ids of another table."""

    column: str
    table: str
    table_column: str = "id"


@attrs.frozen
class Table:
    """A tidy table: its columns, keys, and the records its rows are read off."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    records: Callable[[Dataset], Iterable[Any]] = attrs.field(eq=False, repr=False)
    since: Level = FIRST  # the dataset version that added the records
    until: Level | None = None  # the first dataset version without the table, if any

    def holds(self, level: Level) -> bool:
        """Whether dataset version `level` has the table."""
        return _holds(self.since, self.until, level)

    @property
    def column_names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(column.name for column in self.columns)

    @property
    def foreign_keys(self) -> tuple[ForeignKey, ...]:
        """The columns that hold the ids of another table."""
        return tuple(ForeignKey(c.name, c.refers) for c in self.columns if c.refers is not None)

    def rows(self, dataset: Dataset) -> Iterator[Row]:
        """The rows of `dataset`, one per record, cells in column order."""
        getters = [column.get for column in self.columns]
        for record in self.records(dataset):
            yield tuple(get(record) for get in getters)

    def of(self, dataset: Dataset) -> Table:
        """The table as `dataset`'s version has it: only the columns that version has."""
        level = version_key(dataset.version)
        kept = tuple(c for c in self.columns if _holds(c.since, c.until, level))
        return self if len(kept) == len(self.columns) else attrs.evolve(self, columns=kept)


def _attribute(holder: Callable[[Any], Any], name: str) -> Callable[[Any], Any]:
    """Read field `name` of the record `holder` reads off a row's record, if there is one."""

    def get(record: object) -> object:
        found = holder(record)
        return None if found is None else getattr(found, name)

    return get


def _cell(read: Callable[[Any], Any], *, refers: bool) -> Callable[[Any], Value]:
    """A cell from a field's value: an enum's value, a record's id, or the value itself."""

    def get(record: object) -> Value:
        value = read(record)
        if isinstance(value, enum.Enum):
            return value.value  # type: ignore[no-any-return]
        if refers and attrs.has(type(value)):
            return value.id  # type: ignore[no-any-return]
        return value  # type: ignore[no-any-return]

    return get


def _derived(holder: Callable[[Any], Any], derived: Derived) -> Callable[[Any], Value]:
    def get(record: object) -> Value:
        found = holder(record)
        return None if found is None else derived.get(found)  # type: ignore[return-value]

    return get


_TYPES: dict[type, ColumnType] = {str: "string", bool: "boolean", int: "integer", dt.date: "date"}


def _type_of(kind: type) -> ColumnType:
    if issubclass(kind, enum.Enum):
        return "string"
    return _TYPES[kind]


class _Context(NamedTuple):
    """Where a record's columns sit: under which prefix, describing what, read how."""

    prefix: str = ""
    what: str | None = None  # what the record is of, for the descriptions' {what}
    empty: str | None = None  # what an empty cell means, when only the embedding can be empty
    required: bool = True  # whether the embedding is always there
    since: Level = FIRST
    path: tuple[str, ...] = ()
    holder: Callable[[Any], Any] = _identity  # reads the record off a row's record


def _describe(description: str, context: _Context, *, empty: str | None) -> str:
    if "{what}" in description:
        if context.what is None:
            msg = f"a column of {context.prefix!r} needs to be told what it is of"
            raise TypeError(msg)
        description = description.replace("{what}", context.what)
    return f"{description} Empty: {empty}." if empty else description


def _derived_columns(derived: tuple[Derived, ...], context: _Context) -> Iterator[Column]:
    for item in derived:
        yield Column(
            "_".join(part for part in (context.prefix, item.name) if part),
            item.kind,
            _describe(
                item.description,
                context,
                empty="; or ".join(filter(None, (context.empty, item.empty))) or None,
            ),
            required=context.required and item.empty is None,
            since=context.since,
            path=context.path,
            derived=True,
            get=_derived(context.holder, item),
        )


def columns_of(kind: type, context: _Context | None = None) -> Iterator[Column]:
    """The columns of the record type `kind`, in the order of its fields."""
    context = context or _Context()
    for field in attrs.fields(kind):
        export = export_of(field)
        if export is None or items_of(field.type) is not None:
            continue  # a collection or a tuple: a table of its own, not a column
        inner = optional_of(field.type)
        value_type = field.type if inner is None else inner
        name = field.name if export.name is None else export.name
        here = context._replace(
            prefix="_".join(part for part in (context.prefix, name) if part),
            what=export.what or context.what,
            empty=context.empty if inner is None else export.empty,
            required=context.required and inner is None,
            since=max(context.since, field_since(field)),
            path=(*context.path, field.name),
            holder=_attribute(context.holder, field.name),
        )
        yield from _derived_columns(export.before, context._replace(since=here.since))
        if attrs.has(value_type) and export.refers is None:
            yield from columns_of(value_type, here)
        else:
            yield Column(
                here.prefix,
                "string" if export.refers else _type_of(value_type),
                _describe(export.description, here, empty=None if inner else context.empty),
                required=here.required,
                enum=export.enum or _values(value_type),
                ordered=export.ordered,
                pattern=export.pattern,
                since=here.since,
                refers=export.refers,
                path=here.path,
                get=_cell(here.holder, refers=export.refers is not None),
            )
        yield from _derived_columns(export.after, context._replace(since=here.since))


def _values(kind: type) -> tuple[str, ...]:
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return tuple(member.value for member in kind)
    return ()


_RETIRED: dict[str, Level] = {"statuses": DIMENSIONS}
"""The collections a schema break retired, by the first dataset version that leaves them empty:
from 2.0.0 the status is derived, not recorded, so neither its table nor its parts are there."""


def _since(collection: str) -> Level:
    return field_since(attrs.fields_dict(Dataset)[collection])


def _collection(name: str, description: str) -> Table:
    """The table of one of the dataset's collections: a row per record."""
    field = attrs.fields_dict(Dataset)[name]

    def records(dataset: Dataset) -> Iterable[Any]:
        return getattr(dataset, name)  # type: ignore[no-any-return]

    return Table(
        name,
        description,
        tuple(columns_of(items_of(field.type))),
        ("id",),
        records,
        since=field_since(field),
        until=_RETIRED.get(name),
    )


class _Item(NamedTuple):
    """One member of a record's tuple field, with the record it belongs to."""

    record_type: str
    record_id: str
    position: int
    item: Any


_RECORD_TYPES = {
    "events": "event",
    "statuses": "status",
    "recognitions": "recognition",
    "representations": "representation",
}
"""What a record of a collection is called in the ids and columns of the tables of its parts."""


def _items(parents: tuple[tuple[str, str], ...]) -> Callable[[Dataset], Iterator[_Item]]:
    """The members of the tuple fields (collection, field) of `parents`, in that order."""

    def items(dataset: Dataset) -> Iterator[_Item]:
        for collection, field in parents:
            for record in getattr(dataset, collection):
                for position, item in enumerate(getattr(record, field)):
                    yield _Item(_RECORD_TYPES[collection], record.id, position, item)

    return items


def _item_column(name: str, description: str, **options: Any) -> Column:  # noqa: ANN401
    def get(row: _Item) -> Value:
        return getattr(row, name)  # type: ignore[no-any-return]

    return Column(name, options.pop("type", "string"), description, get=get, **options)


def _parent_column(collection: str, description: str, *, required: bool) -> Column:
    """The column of the ids of the records of `collection` that a row is a part of."""
    record_type = _RECORD_TYPES[collection]

    def get(row: _Item) -> Value:
        return row.record_id if row.record_type == record_type else None

    return Column(
        f"{record_type}_id",
        "string",
        description,
        required=required,
        since=_since(collection),
        until=_RETIRED.get(collection),
        refers=collection,
        get=get,
    )


def _member_column(kind: type, name: str) -> Column:
    """The column that a record's tuple field of plain values declares for its members."""
    field = attrs.fields_dict(kind)[name]
    export = export_of(field)
    if export is None:
        msg = f"{kind.__name__}.{name} declares no column"
        raise TypeError(msg)

    def get(row: _Item) -> Value:
        return row.item  # type: ignore[no-any-return]

    return Column(
        export.name or name,
        "string" if export.refers else _type_of(items_of(field.type)),
        export.description,
        since=field_since(field),
        refers=export.refers,
        path=(name,),
        get=get,
    )


def _period_events(collection: str, kind: type, description: str, parent: str) -> Table:
    """The table of the events that each period of `collection` (of records `kind`) rests on."""
    record_type = _RECORD_TYPES[collection]
    return Table(
        f"{record_type}_events",
        description,
        (
            _parent_column(collection, f"Id of the {parent}.", required=True),
            _item_column(
                "position", "Order of the event among the period's events, from 0.", type="integer"
            ),
            _member_column(kind, "events"),
        ),
        (f"{record_type}_id", "position"),
        _items(((collection, "events"),)),
        since=_since(collection),
        until=_RETIRED.get(collection),
    )


def _item(row: _Item) -> object:
    return row.item


def _evidence_id(row: _Item) -> Value:
    return f"{row.record_type}/{row.record_id}/{row.position}"


TABLES: tuple[Table, ...] = (
    Table(
        "dataset",
        "One row: the dataset version these tables were exported from.",
        tuple(columns_of(Dataset)),
        ("version",),
        lambda dataset: (dataset,),
    ),
    _collection("sources", "The texts the evidence quotes, whole."),
    _collection(
        "actors",
        "Every party the sources name: states, governments, organisations, people, groups.",
    ),
    _collection(
        "events",
        "Dated, sourced happenings, in dataset order (earliest, then latest date, then id).",
    ),
    _collection(
        "statuses",
        "Each state's recognition status over time: one row per period, in time order.",
    ),
    _period_events(
        "statuses", StatusPeriod, "Which events each status period rests on.", "status period"
    ),
    _collection(
        "recognitions",
        "Whether each state formally recognizes the Taliban government, over time: one row "
        "per period, in time order.",
    ),
    _period_events(
        "recognitions",
        RecognitionPeriod,
        "Which events each recognition period rests on.",
        "recognition period",
    ),
    _collection(
        "representations",
        "The level of each side's mission at the other, per state and direction, over time: "
        "one row per period, in time order. As COW Diplomatic Exchange codes it: "
        "state_in_afghanistan is ccode1 700 (Afghanistan), ccode2 country_cow_code, "
        "afghanistan_in_state is ccode1 country_cow_code, ccode2 700; DR_at_1 is "
        "level_cow_code, missing (never 0) when the level is unknown.",
    ),
    _period_events(
        "representations",
        RepresentationPeriod,
        "Which events each representation period rests on.",
        "representation period",
    ),
    Table(
        "evidence",
        "Verbatim quotes: text[start:end] of the source is the quote.",
        (
            Column(
                "id",
                "string",
                "Evidence id: record type, record id and position.",
                get=_evidence_id,
            ),
            _item_column(
                "record_type",
                "Whether the quote supports an event or a status period.",
                enum=("event", "status"),
                until=DIMENSIONS,
            ),
            _item_column(
                "record_type",
                "Whether the quote supports an event, a recognition period or a "
                "representation period.",
                enum=("event", "recognition", "representation"),
                since=DIMENSIONS,
            ),
            _parent_column("events", "Id of the event it supports.", required=False),
            _parent_column("statuses", "Id of the status period it supports.", required=False),
            _parent_column(
                "recognitions", "Id of the recognition period it supports.", required=False
            ),
            _parent_column(
                "representations", "Id of the representation period it supports.", required=False
            ),
            _item_column(
                "position", "Order of the quote among its record's, from 0.", type="integer"
            ),
            *columns_of(Evidence, _Context(holder=_item)),
        ),
        ("id",),
        _items(
            (
                ("events", "evidence"),
                ("statuses", "evidence"),
                ("recognitions", "evidence"),
                ("representations", "evidence"),
            )
        ),
    ),
    _collection(
        "references", "Published works cited for corroborated dates; not shipped, not quoted."
    ),
)
"""Every table of every schema, in the order they are exported; `tables_of` gives a version's."""


def tables_of(dataset: Dataset) -> tuple[Table, ...]:
    """The tables of `dataset`'s version, with the columns that version has."""
    level = version_key(dataset.version)
    return tuple(table.of(dataset) for table in TABLES if table.holds(level))


def to_records(dataset: Dataset) -> dict[str, list[dict[str, Value]]]:
    """Every table of `dataset` as lists of row dicts, keyed by table name."""
    return {
        table.name: [dict(zip(table.column_names, row, strict=True)) for row in table.rows(dataset)]
        for table in tables_of(dataset)
    }
