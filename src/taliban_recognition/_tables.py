"""The dataset as tidy tables: one row per record, one column per field, ids that join.

The CSV files, the Data Package and the pandas DataFrames are all written from these tables,
so every export has the same columns, in the same order, with the same meaning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Literal

import attrs

from taliban_recognition._dataset import Dataset
from taliban_recognition._model import (
    CAMEO,
    ActorKind,
    Basis,
    Country,
    DatePrecision,
    Event,
    EventKind,
    Evidence,
    FuzzyDate,
    PloverType,
    RecognitionStatus,
    version_key,
)

Value = str | int | bool | dt.date | None
"""A cell: text, a whole number, a flag, a day, or None where the field is empty."""

Row = tuple[Value, ...]

ColumnType = Literal["string", "integer", "boolean", "date"]


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
    since: tuple[int, int, int] = (0, 0, 0)  # the dataset version that added the field


@attrs.frozen
class ForeignKey:
    """A column whose values are the ids of another table."""

    column: str
    table: str
    table_column: str = "id"


@attrs.frozen
class Table:
    """A tidy table: its columns, keys, and how to read its rows off a dataset."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    rows: Callable[[Dataset], Iterator[Row]] = attrs.field(eq=False, repr=False)
    since: tuple[int, int, int] = (0, 0, 0)  # the dataset version that added the records

    @property
    def column_names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(column.name for column in self.columns)

    def of(self, dataset: Dataset) -> Table:
        """The table as `dataset`'s version has it: without the columns added after it."""
        level = version_key(dataset.version)
        kept = [n for n, column in enumerate(self.columns) if column.since <= level]
        if len(kept) == len(self.columns):
            return self
        rows = self.rows

        def narrowed(dataset: Dataset) -> Iterator[Row]:
            for row in rows(dataset):
                yield tuple(row[n] for n in kept)

        columns = tuple(self.columns[n] for n in kept)
        names = {column.name for column in columns}
        return attrs.evolve(
            self,
            columns=columns,
            foreign_keys=tuple(key for key in self.foreign_keys if key.column in names),
            rows=narrowed,
        )


def _values(kind: type[ActorKind | Basis | DatePrecision | EventKind]) -> tuple[str, ...]:
    return tuple(member.value for member in kind)


_ISO_CODES = {"alpha_2": r"[A-Z]{2}", "alpha_3": r"[A-Z]{3}", "numeric": r"[0-9]{3}"}


_V1_1 = (1, 1, 0)


def _country_columns(prefix: str, what: str, *, required: bool) -> tuple[Column, ...]:
    return (
        *(
            Column(
                f"{prefix}_{code}",
                "string",
                f"ISO 3166-1 {code.replace('_', '-')} code of {what}.",
                required=required,
                pattern=pattern,
            )
            for code, pattern in _ISO_CODES.items()
        ),
        Column(
            f"{prefix}_name",
            "string",
            f"English short name of {what}, as recorded in this dataset version.",
            required=required,
        ),
        Column(
            f"{prefix}_cow_code",
            "integer",
            f"Correlates of War state number of {what}; empty where COW lists none.",
            required=False,
            since=_V1_1,
        ),
        Column(
            f"{prefix}_cow_abbr",
            "string",
            f"Correlates of War state abbreviation of {what}; empty where COW lists none.",
            required=False,
            pattern="[A-Z]{3}",
            since=_V1_1,
        ),
        Column(
            f"{prefix}_gw_code",
            "integer",
            f"Gleditsch-Ward state number of {what}; empty where the list has none.",
            required=False,
            since=_V1_1,
        ),
        Column(
            f"{prefix}_gw_abbr",
            "string",
            f"Gleditsch-Ward state abbreviation of {what}; empty where the list has none.",
            required=False,
            pattern="[A-Z]{3}",
            since=_V1_1,
        ),
    )


def _country(country: Country | None) -> Row:
    if country is None:
        return (None,) * 8
    return (
        country.alpha_2,
        country.alpha_3,
        country.numeric,
        country.name,
        country.cow_code,
        country.cow_abbr,
        country.gw_code,
        country.gw_abbr,
    )


def _date_columns(
    prefix: str,
    what: str,
    *,
    empty: str | None = None,
    since: tuple[int, int, int] = (0, 0, 0),
) -> tuple[Column, ...]:
    """The four columns of a fuzzy date: EDTF text, first and last possible day, precision.

    `what` names what the date is of ("the event"); `empty`, if given, says what an empty
    date means, and makes the columns optional.
    """
    note = f" Empty: {empty}." if empty else ""
    return (
        Column(
            prefix,
            "string",
            f"Date of {what}, in EDTF (ISO 8601-2): a day, a month, a year, or [A..B], one "
            f"unknown day between A and B.{note}",
            required=empty is None,
            since=since,
        ),
        Column(
            f"{prefix}_earliest",
            "date",
            f"First day the date of {what} can be.{note}",
            required=empty is None,
            since=since,
        ),
        Column(
            f"{prefix}_latest",
            "date",
            f"Last day the date of {what} can be.{note}",
            required=empty is None,
            since=since,
        ),
        Column(
            f"{prefix}_precision",
            "string",
            f"How precisely the date of {what} is known.{note}",
            required=empty is None,
            enum=_values(DatePrecision),
            since=since,
        ),
    )


def _date(date: FuzzyDate | None) -> Row:
    if date is None:
        return (None, None, None, None)
    return (str(date), date.earliest, date.latest, date.precision.value)


def _dataset_rows(dataset: Dataset) -> Iterator[Row]:
    yield (dataset.version, dataset.sha256, dataset.as_of, dataset.coverage_start, dataset.notes)


def _source_rows(dataset: Dataset) -> Iterator[Row]:
    for source in dataset.sources:
        yield (source.id, source.title, source.sha256, source.text, source.notes)


def _actor_rows(dataset: Dataset) -> Iterator[Row]:
    for actor in dataset.actors:
        yield (actor.id, actor.name, actor.kind.value, *_country(actor.country), actor.notes)


def _event_rows(dataset: Dataset) -> Iterator[Row]:
    for event in dataset.events:
        yield (
            event.id,
            event.kind.value,
            event.actor.id,
            None if event.target is None else event.target.id,
            *_date(event.date),
            event.date_text,
            event.summary,
            event.ongoing,
            event.notes,
            *_codes(event),
            *_date(None if event.corroboration is None else event.corroboration.date),
            None if event.corroboration is None else event.corroboration.reference_id,
            None if event.corroboration is None else event.corroboration.discrepancy,
        )


def _codes(event: Event) -> Row:
    codes = event.codes
    if codes is None:
        return (None, None, None, None)
    return (codes.cameo, codes.cameo_label, codes.plover.value, codes.notes)


def _reference_rows(dataset: Dataset) -> Iterator[Row]:
    for reference in dataset.references:
        yield (
            reference.id,
            reference.title,
            reference.publisher,
            reference.url,
            *_date(reference.date),
            reference.notes,
        )


def _status_rows(dataset: Dataset) -> Iterator[Row]:
    for period in dataset.statuses:
        yield (
            period.id,
            *_country(period.country),
            period.status.value,
            *_date(period.start),
            *_date(period.end),
            period.basis.value,
            period.notes,
        )


def _status_event_rows(dataset: Dataset) -> Iterator[Row]:
    for period in dataset.statuses:
        for position, event_id in enumerate(period.events):
            yield (period.id, position, event_id)


def _evidence_row(record: str, record_id: str, position: int, item: Evidence) -> Row:
    return (
        f"{record}/{record_id}/{position}",
        record,
        record_id if record == "event" else None,
        record_id if record == "status" else None,
        position,
        item.source_id,
        item.quote,
        item.start,
        item.end,
    )


def _evidence_rows(dataset: Dataset) -> Iterator[Row]:
    for event in dataset.events:
        for position, item in enumerate(event.evidence):
            yield _evidence_row("event", event.id, position, item)
    for period in dataset.statuses:
        for position, item in enumerate(period.evidence):
            yield _evidence_row("status", period.id, position, item)


_STORED_STATUSES = tuple(s.value for s in RecognitionStatus if s is not RecognitionStatus.UNKNOWN)

TABLES: tuple[Table, ...] = (
    Table(
        "dataset",
        "One row: the dataset version these tables were exported from.",
        (
            Column("version", "string", "Dataset version (semantic versioning for data)."),
            Column(
                "sha256",
                "string",
                "SHA-256 of the version's shipped data file, as its manifest records it.",
                pattern="[0-9a-f]{64}",
            ),
            Column("as_of", "date", "Reference date: the last day the data covers."),
            Column("coverage_start", "date", "First day statuses are given for."),
            Column("notes", "string", "The annotation conventions of this version."),
        ),
        ("version",),
        (),
        _dataset_rows,
    ),
    Table(
        "sources",
        "The texts the evidence quotes, whole.",
        (
            Column("id", "string", "Source id."),
            Column("title", "string", "Title of the source."),
            Column(
                "sha256",
                "string",
                "SHA-256 of the UTF-8 bytes of the text.",
                pattern="[0-9a-f]{64}",
            ),
            Column("text", "string", "The full text; evidence offsets index into it."),
            Column("notes", "string", "Provenance of the source.", required=False),
        ),
        ("id",),
        (),
        _source_rows,
    ),
    Table(
        "actors",
        "Every party the sources name: states, governments, organisations, people, groups.",
        (
            Column("id", "string", "Actor id."),
            Column("name", "string", "Name of the actor."),
            Column("kind", "string", "What sort of party the actor is.", enum=_values(ActorKind)),
            *_country_columns("country", "the state the actor belongs to", required=False),
            Column("notes", "string", "Annotation remarks.", required=False),
        ),
        ("id",),
        (),
        _actor_rows,
    ),
    Table(
        "events",
        "Dated, sourced happenings, in dataset order (earliest, then latest date, then id).",
        (
            Column("id", "string", "Event id."),
            Column("kind", "string", "What happened.", enum=_values(EventKind)),
            Column("actor_id", "string", "Id of the actor who acted."),
            Column("target_id", "string", "Id of the actor acted upon.", required=False),
            *_date_columns("date", "the event"),
            Column(
                "date_text",
                "string",
                "The source's own words for the date, verbatim.",
                required=False,
            ),
            Column("summary", "string", "One line saying what happened."),
            Column(
                "ongoing",
                "boolean",
                "Whether the source presents the event as still going on at as_of.",
            ),
            Column(
                "notes",
                "string",
                "How the date was resolved, discrepancies, remarks.",
                required=False,
            ),
            Column(
                "cameo",
                "string",
                "CAMEO event code, with its leading zero.",
                required=False,
                enum=tuple(CAMEO),
                since=_V1_1,
            ),
            Column(
                "cameo_label",
                "string",
                "The CAMEO codebook's label of the code.",
                required=False,
                since=_V1_1,
            ),
            Column(
                "plover",
                "string",
                "PLOVER event type.",
                required=False,
                enum=tuple(p.value for p in PloverType),
                since=_V1_1,
            ),
            Column(
                "codes_notes",
                "string",
                "Why these codes, where the choice is not plain.",
                required=False,
                since=_V1_1,
            ),
            *_date_columns(
                "corroborated_date",
                "the event by a published reference",
                empty="no reference corroborates the date",
                since=_V1_1,
            ),
            Column(
                "corroborated_by",
                "string",
                "Id of the reference that gives the corroborated date.",
                required=False,
                since=_V1_1,
            ),
            Column(
                "date_discrepancy",
                "string",
                "How the reference's date disagrees with the source's, when it falls outside.",
                required=False,
                since=_V1_1,
            ),
        ),
        ("id",),
        (
            ForeignKey("actor_id", "actors"),
            ForeignKey("target_id", "actors"),
            ForeignKey("corroborated_by", "references"),
        ),
        _event_rows,
    ),
    Table(
        "statuses",
        "Each state's recognition status over time: one row per period, in time order.",
        (
            Column("id", "string", "Status period id."),
            *_country_columns("country", "the state whose status this is", required=True),
            Column(
                "status",
                "string",
                "The status held (ordered: no < de facto < formal).",
                enum=_STORED_STATUSES,
                ordered=True,
            ),
            *_date_columns("start", "the change into this status"),
            *_date_columns(
                "end", "the change out of this status", empty="the status held through as_of"
            ),
            Column(
                "basis",
                "string",
                "Whether the source states the status or it is inferred.",
                enum=_values(Basis),
            ),
            Column("notes", "string", "How the status was inferred, caveats.", required=False),
        ),
        ("id",),
        (),
        _status_rows,
    ),
    Table(
        "status_events",
        "Which events each status period rests on.",
        (
            Column("status_id", "string", "Id of the status period."),
            Column("position", "integer", "Order of the event among the period's events, from 0."),
            Column("event_id", "string", "Id of an event the period rests on."),
        ),
        ("status_id", "position"),
        (ForeignKey("status_id", "statuses"), ForeignKey("event_id", "events")),
        _status_event_rows,
    ),
    Table(
        "evidence",
        "Verbatim quotes: text[start:end] of the source is the quote.",
        (
            Column("id", "string", "Evidence id: record type, record id and position."),
            Column(
                "record_type",
                "string",
                "Whether the quote supports an event or a status period.",
                enum=("event", "status"),
            ),
            Column("event_id", "string", "Id of the event it supports.", required=False),
            Column("status_id", "string", "Id of the status period it supports.", required=False),
            Column("position", "integer", "Order of the quote among its record's, from 0."),
            Column("source_id", "string", "Id of the source quoted."),
            Column("quote", "string", "The quoted text, verbatim."),
            Column("start", "integer", "Offset of the quote's first character in the text."),
            Column("end", "integer", "Offset just past the quote's last character."),
        ),
        ("id",),
        (
            ForeignKey("event_id", "events"),
            ForeignKey("status_id", "statuses"),
            ForeignKey("source_id", "sources"),
        ),
        _evidence_rows,
    ),
    Table(
        "references",
        "Published works cited for corroborated dates; not shipped, not quoted.",
        (
            Column("id", "string", "Reference id."),
            Column("title", "string", "Title of the work."),
            Column("publisher", "string", "Who published it."),
            Column("url", "string", "Where it is published."),
            *_date_columns("date", "the work's publication", empty="no date is known"),
            Column("notes", "string", "What it is cited for.", required=False),
        ),
        ("id",),
        (),
        _reference_rows,
        since=_V1_1,
    ),
)
"""Every table of the newest schema, in the order they are exported."""


def tables_of(dataset: Dataset) -> tuple[Table, ...]:
    """The tables of `dataset`'s version: without the tables and columns added after it."""
    level = version_key(dataset.version)
    return tuple(table.of(dataset) for table in TABLES if table.since <= level)


def to_records(dataset: Dataset) -> dict[str, list[dict[str, Value]]]:
    """Every table of `dataset` as lists of row dicts, keyed by table name."""
    return {
        table.name: [dict(zip(table.column_names, row, strict=True)) for row in table.rows(dataset)]
        for table in tables_of(dataset)
    }
