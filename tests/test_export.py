"""The tidy tables and the exports: JSON, CSV, the Frictionless Data Package and pandas."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import hashlib
import io
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any, get_args

import attrs
import frictionless
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition import _export
from taliban_recognition._cli import main
from taliban_recognition._export import (
    FORMATS,
    R_COLCLASSES,
    READ_OPTIONS,
    ExportFormat,
    csv_text,
    files,
)
from taliban_recognition._tables import TABLES, Column, Table, Value, tables_of
from taliban_recognition.strategies import datasets

SERIALIZED = settings(max_examples=max(12, settings().max_examples // 8))
"""For properties that write and read back whole synthetic datasets: every type of value is in
each dataset, so an eighth of the profile's examples (50 under the ci profile) is thorough."""

ds = tr.load("1.0.0")
TABLE_NAMES = ["dataset", "sources", "actors", "events", "statuses", "status_events", "evidence"]
TABLE = {table.name: table for table in tables_of(ds)}  # as 1.0.0 has them
TABLE_OF = {v: {t.name: t for t in tables_of(tr.load(v))} for v in tr.versions()}
V2 = tr.load("2.0.0")
V2_NAMES = [
    "dataset",
    "sources",
    "actors",
    "events",
    "recognitions",
    "recognition_events",
    "representations",
    "representation_events",
    "evidence",
    "references",
]


# Reading the CSV files back with nothing but the csv module and the column types ------------


def _value(column: Column, text: str) -> Value:
    if text == "":
        return None
    if column.type == "integer":
        return int(text)
    if column.type == "boolean":
        assert text in {"true", "false"}
        return text == "true"
    if column.type == "date":
        return dt.date.fromisoformat(text)
    return text


def read_tables(
    contents: dict[str, bytes], schema: tuple[Table, ...]
) -> dict[str, list[dict[str, Value]]]:
    tables = {}
    for table in schema:
        text = contents[f"{table.name}.csv"].decode("utf-8")
        # The csv module of 3.10 reads no NUL: carry it through as a character the text lacks.
        nul = next(c for c in map(chr, range(0xE000, 0xF900)) if c not in text)
        reader = csv.reader(io.StringIO(text.replace("\x00", nul), newline=""))
        header = next(reader)
        assert tuple(header) == table.column_names
        tables[table.name] = [
            {
                column.name: _value(column, cell.replace(nul, "\x00"))
                for column, cell in zip(table.columns, row, strict=True)
            }
            for row in reader
        ]
    return tables


def _country(row: dict[str, Value], prefix: str) -> tr.Country | None:
    if row[f"{prefix}_alpha_2"] is None:
        return None
    return tr.Country(
        alpha_2=str(row[f"{prefix}_alpha_2"]),
        alpha_3=str(row[f"{prefix}_alpha_3"]),
        numeric=str(row[f"{prefix}_numeric"]),
        name=str(row[f"{prefix}_name"]),
        cow_code=row.get(f"{prefix}_cow_code"),  # type: ignore[arg-type]
        cow_abbr=row.get(f"{prefix}_cow_abbr"),  # type: ignore[arg-type]
        gw_code=row.get(f"{prefix}_gw_code"),  # type: ignore[arg-type]
        gw_abbr=row.get(f"{prefix}_gw_abbr"),  # type: ignore[arg-type]
        gw_microstate=row.get(f"{prefix}_gw_microstate"),  # type: ignore[arg-type]
    )


def _date(row: dict[str, Value], prefix: str) -> tr.FuzzyDate | None:
    if row.get(prefix) is None:
        return None
    date = tr.FuzzyDate(
        row[f"{prefix}_earliest"],  # type: ignore[arg-type]
        row[f"{prefix}_latest"],  # type: ignore[arg-type]
        tr.DatePrecision(row[f"{prefix}_precision"]),
    )
    assert str(date) == row[prefix]
    return date


def _events_of(tables: dict[str, list[dict[str, Value]]], record_type: str) -> dict[str, list[str]]:
    """The event ids each period rests on, from the table of a period type's events."""
    found: dict[str, list[str]] = {}
    for row in tables.get(f"{record_type}_events", []):
        ids = found.setdefault(str(row[f"{record_type}_id"]), [])
        assert row["position"] == len(ids)
        ids.append(str(row["event_id"]))
    return found


PARENTS = ("event", "status", "recognition", "representation")
"""The record types evidence can support, each with its own id column."""


def rebuild(tables: dict[str, list[dict[str, Value]]]) -> tr.Dataset:
    """The dataset the tables describe: the tables lose nothing if this equals the original."""
    (head,) = tables["dataset"]
    evidence: dict[tuple[str, str], list[tr.Evidence]] = {}
    for row in tables["evidence"]:
        parents = [kind for kind in PARENTS if row.get(f"{kind}_id") is not None]
        assert parents == [row["record_type"]]  # the id of the one record it supports
        record = str(row[f"{row['record_type']}_id"])
        assert row["id"] == f"{row['record_type']}/{record}/{row['position']}"
        found = evidence.setdefault((str(row["record_type"]), record), [])
        assert row["position"] == len(found)
        found.append(
            tr.Evidence(str(row["source_id"]), str(row["quote"]), row["start"], row["end"])  # type: ignore[arg-type]
        )
    period_events = {kind: _events_of(tables, kind) for kind in PARENTS[1:]}
    sources = tuple(
        tr.Source(
            id=str(row["id"]),
            title=str(row["title"]),
            text=str(row["text"]),
            sha256=str(row["sha256"]),
            notes=row["notes"],  # type: ignore[arg-type]
        )
        for row in tables["sources"]
    )
    actors = {
        str(row["id"]): tr.Actor(
            id=str(row["id"]),
            name=str(row["name"]),
            kind=tr.ActorKind(row["kind"]),
            country=_country(row, "country"),
            notes=row["notes"],  # type: ignore[arg-type]
        )
        for row in tables["actors"]
    }
    events = tuple(
        tr.Event(
            id=str(row["id"]),
            kind=tr.EventKind(row["kind"]),
            actor=actors[str(row["actor_id"])],
            target=None if row["target_id"] is None else actors[str(row["target_id"])],
            date=_date(row, "date"),  # type: ignore[arg-type]
            date_text=row["date_text"],  # type: ignore[arg-type]
            summary=str(row["summary"]),
            evidence=tuple(evidence.pop(("event", str(row["id"])))),
            ongoing=row["ongoing"],  # type: ignore[arg-type]
            notes=row["notes"],  # type: ignore[arg-type]
            codes=None
            if row.get("cameo") is None
            else tr.EventCodes(
                cameo=str(row["cameo"]),
                plover=tr.PloverType(row["plover"]),
                plover_mode=row.get("plover_mode"),  # type: ignore[arg-type]
                plover_context=row.get("plover_context"),  # type: ignore[arg-type]
                notes=row["codes_notes"],  # type: ignore[arg-type]
            ),
            corroboration=None
            if row.get("corroborated_date") is None
            else tr.Corroboration(
                date=_date(row, "corroborated_date"),  # type: ignore[arg-type]
                reference_id=str(row["corroborated_by"]),
                discrepancy=row["date_discrepancy"],  # type: ignore[arg-type]
            ),
        )
        for row in tables["events"]
    )
    for row in tables["events"]:
        if row.get("cameo") is not None:
            assert row["cameo_label"] == tr.CAMEO[str(row["cameo"])]
    statuses = tuple(
        tr.StatusPeriod(
            id=str(row["id"]),
            country=_country(row, "country"),  # type: ignore[arg-type]
            status=tr.RecognitionStatus(row["status"]),
            start=_date(row, "start"),  # type: ignore[arg-type]
            end=_date(row, "end"),
            basis=tr.Basis(row["basis"]),
            events=tuple(period_events["status"].pop(str(row["id"]), [])),
            evidence=tuple(evidence.pop(("status", str(row["id"])))),
            notes=row["notes"],  # type: ignore[arg-type]
        )
        for row in tables.get("statuses", [])
    )
    recognitions = tuple(
        tr.RecognitionPeriod(
            id=str(row["id"]),
            country=_country(row, "country"),  # type: ignore[arg-type]
            recognizes=row["recognizes"],  # type: ignore[arg-type]
            start=_date(row, "start"),  # type: ignore[arg-type]
            end=_date(row, "end"),
            basis=tr.Basis(row["basis"]),
            events=tuple(period_events["recognition"].pop(str(row["id"]), [])),
            evidence=tuple(evidence.pop(("recognition", str(row["id"])))),
            notes=row["notes"],  # type: ignore[arg-type]
        )
        for row in tables.get("recognitions", [])
    )
    representations = []
    for row in tables.get("representations", []):
        level = tr.RepresentationLevel(row["level"])
        assert row["level_cow_code"] == level.cow_code
        representations.append(
            tr.RepresentationPeriod(
                id=str(row["id"]),
                country=_country(row, "country"),  # type: ignore[arg-type]
                direction=tr.Direction(row["direction"]),
                level=level,
                start=_date(row, "start"),  # type: ignore[arg-type]
                end=_date(row, "end"),
                basis=tr.Basis(row["basis"]),
                events=tuple(period_events["representation"].pop(str(row["id"]), [])),
                evidence=tuple(evidence.pop(("representation", str(row["id"])))),
                notes=row["notes"],  # type: ignore[arg-type]
            )
        )
    assert not evidence, "evidence of no record"
    assert not any(period_events.values()), "events of no period"
    references = tuple(
        tr.Reference(
            id=str(row["id"]),
            title=str(row["title"]),
            publisher=str(row["publisher"]),
            url=str(row["url"]),
            date=_date(row, "date"),
            notes=row["notes"],  # type: ignore[arg-type]
            checked_on=row.get("checked_on"),  # type: ignore[arg-type]
        )
        for row in tables.get("references", [])
    )
    return tr.Dataset(
        version=str(head["version"]),
        references=references,
        sha256=str(head["sha256"]),
        as_of=head["as_of"],  # type: ignore[arg-type]
        coverage_start=head["coverage_start"],  # type: ignore[arg-type]
        sources=sources,
        actors=tuple(actors.values()),
        events=events,
        statuses=statuses,
        recognitions=recognitions,
        representations=tuple(representations),
        notes=str(head["notes"]),
    )


# The tables ----------------------------------------------------------------------------------


def test_the_tables_are_named_and_ordered() -> None:
    assert [table.name for table in TABLES] == [
        *TABLE_NAMES[:-1],
        "recognitions",
        "recognition_events",
        "representations",
        "representation_events",
        "evidence",
        "references",
    ]
    assert [table.name for table in tables_of(ds)] == TABLE_NAMES
    assert list(ds.to_records()) == TABLE_NAMES
    assert [table.name for table in tables_of(V2)] == V2_NAMES
    assert list(V2.to_records()) == V2_NAMES
    for version in tr.versions():
        tables = TABLE_OF[version]
        for table in tables.values():
            names = table.column_names
            assert len(set(names)) == len(names)
            assert set(table.primary_key) <= set(names)
            for key in table.foreign_keys:
                assert key.column in names
                assert key.table_column in tables[key.table].column_names  # in the same version


@given(datasets(max_events=2, max_states=2))
def test_a_version_has_the_status_tables_or_the_dimension_tables(dataset: tr.Dataset) -> None:
    names = {table.name for table in tables_of(dataset)}
    v1 = {"statuses", "status_events"}
    v2 = {"recognitions", "recognition_events", "representations", "representation_events"}
    derived = tuple(map(int, dataset.version.split("."))) >= (2, 0, 0)
    assert names >= (v2 if derived else v1)
    assert not names & (v1 if derived else v2)
    evidence = next(table for table in tables_of(dataset) if table.name == "evidence")
    (record_type,) = (c for c in evidence.columns if c.name == "record_type")
    parents = {c.name.removesuffix("_id") for c in evidence.columns if c.refers is not None}
    assert set(record_type.enum) == parents - {"source"}
    for table in tables_of(dataset):
        for key in table.foreign_keys:
            assert key.table in names  # never a key into a table the version does not export


def test_the_tables_hold_the_articles_facts() -> None:
    tables = ds.to_records()
    assert tables["dataset"] == [
        {
            "version": "1.0.0",
            "sha256": ds.sha256,
            "as_of": dt.date(2025, 7, 3),
            "coverage_start": dt.date(2021, 8, 1),
            "notes": ds.notes,
        }
    ]
    assert [row["id"] for row in tables["events"]] == [event.id for event in ds.events]
    recognition = next(r for r in tables["events"] if r["id"] == "russia-recognizes-taliban")
    assert (recognition["kind"], recognition["actor_id"], recognition["target_id"]) == (
        "recognition",
        "russia",
        "taliban",
    )
    assert recognition["date"] == "2025-07-03"
    assert recognition["date_text"] == "announced Thursday"
    welcome = next(r for r in tables["events"] if r["id"] == "russia-accepts-taliban-ambassador")
    assert welcome["date"] == "[2025-04..2025-07-03]"
    assert (welcome["date_earliest"], welcome["date_latest"]) == (
        dt.date(2025, 4, 1),
        dt.date(2025, 7, 3),
    )
    assert welcome["date_precision"] == "unknown"
    assert welcome["date_text"] is None
    formal = [r for r in tables["statuses"] if r["status"] == "formal_recognition"]
    assert [(r["country_alpha_3"], r["start"], r["end"], r["basis"]) for r in formal] == [
        ("RUS", "2025-07-03", None, "stated")
    ]
    assert len(tables["statuses"]) == len(ds.statuses) == 200
    assert len({r["country_alpha_2"] for r in tables["statuses"]}) == 194
    assert len(tables["evidence"]) == sum(len(e.evidence) for e in ds.events) + sum(
        len(p.evidence) for p in ds.statuses
    )
    text = ds.sources[0].text
    assert all(text[int(r["start"]) : int(r["end"])] == r["quote"] for r in tables["evidence"])  # type: ignore[arg-type]


def test_to_records_gives_fresh_copies() -> None:
    first = ds.to_records()
    first["events"][0]["id"] = "changed"
    first["events"].clear()
    assert ds.to_records()["events"][0]["id"] == ds.events[0].id
    assert ds.to_records() == tr.load("1.0.0").to_records()


@SERIALIZED
@given(datasets())
def test_the_csv_tables_lose_nothing(dataset: tr.Dataset) -> None:
    contents = files(dataset, "csv")
    schema = tables_of(dataset)
    assert list(contents) == [f"{table.name}.csv" for table in schema]
    assert read_tables(contents, schema) == dataset.to_records()
    assert rebuild(read_tables(contents, schema)) == dataset


def test_the_csv_tables_of_1_0_0_lose_nothing() -> None:
    assert rebuild(read_tables(files(ds, "csv"), tables_of(ds))) == ds


def test_the_csv_tables_of_2_0_0_lose_nothing() -> None:
    assert rebuild(read_tables(files(V2, "csv"), tables_of(V2))) == V2


def test_the_tables_of_2_0_0_hold_the_dimensions() -> None:
    tables = V2.to_records()
    assert len(tables["recognitions"]) == len(V2.recognitions) == 195
    assert len(tables["representations"]) == len(V2.representations)
    russia = [r for r in tables["recognitions"] if r["country_alpha_2"] == "RU"]
    assert [(r["id"], r["recognizes"], r["start"], r["end"]) for r in russia] == [
        ("ru-not-recognizing", False, "2021-08", "2025-07-03"),
        ("ru-recognizing", True, "2025-07-03", None),
    ]
    assert [r["country_alpha_2"] for r in tables["recognitions"] if r["recognizes"]] == ["RU"]
    china = next(
        r for r in tables["representations"] if r["id"] == "cn-state-in-afghanistan-ambassador"
    )
    assert (china["country_cow_code"], china["country_gw_code"], china["country_alpha_3"]) == (
        710,
        710,
        "CHN",
    )
    assert (china["direction"], china["level"], china["level_cow_code"]) == (
        "state_in_afghanistan",
        "ambassador",
        3,
    )
    for row in tables["representations"]:
        assert row["level_cow_code"] == tr.RepresentationLevel(row["level"]).cow_code
        assert (row["level_cow_code"] is None) is (row["level"] == "unknown")  # never 0
    namibia = [r for r in tables["representations"] if r["country_alpha_3"] == "NAM"]
    assert [r["country_alpha_2"] for r in namibia] == ["NA", "NA"]
    assert {r["record_type"] for r in tables["evidence"]} == {
        "event",
        "recognition",
        "representation",
    }
    assert len(tables["evidence"]) == (
        sum(len(e.evidence) for e in V2.events)
        + sum(len(p.evidence) for p in V2.recognitions)
        + sum(len(p.evidence) for p in V2.representations)
    )
    assert len(tables["representation_events"]) == sum(len(p.events) for p in V2.representations)
    text = V2.sources[0].text
    assert all(text[int(r["start"]) : int(r["end"])] == r["quote"] for r in tables["evidence"])  # type: ignore[arg-type]


def cow_rows(representations: pd.DataFrame) -> pd.DataFrame:
    """The representation table as COW Diplomatic Exchange lays it out, as the exports page says."""
    in_kabul = representations.direction == "state_in_afghanistan"
    state = representations.country_cow_code
    return pd.DataFrame(
        {
            "ccode1": state.where(~in_kabul, 700),
            "ccode2": state.where(in_kabul, 700),
            "DR_at_1": representations.level_cow_code,
        }
    )


def test_the_representations_give_cow_diplomatic_exchange_rows() -> None:
    frame = V2.to_dataframes()["representations"]
    cow = cow_rows(frame)
    rows = dict(zip(frame["id"], cow.itertuples(index=False, name=None), strict=True))
    assert rows["cn-state-in-afghanistan-ambassador"] == (700, 710, 3)
    assert rows["ru-afghanistan-in-state-ambassador"] == (365, 700, 3)
    assert all(str(dtype) == "Int64" for dtype in cow.dtypes)
    unknown = frame.level == "unknown"
    assert cow.DR_at_1[unknown.tolist()].isna().all()  # missing, never COW's 0
    assert not (cow.DR_at_1 == 0).any()
    assert cow.DR_at_1[(~unknown).tolist()].notna().all()
    coded = frame.country_cow_code.notna()  # COW lists no Palestine, no Holy See
    assert sorted(set(frame.country_alpha_2[~coded])) == ["PS", "VA"]
    open_now = cow[(frame.end.isna() & coded).tolist()]
    assert not open_now.duplicated(["ccode1", "ccode2"]).any()  # one open period per pair
    assert len(open_now) == 2 * 192  # both directions of each of the 192 states COW lists


# Files ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("format", ["csv", "datapackage", "json"])
def test_two_exports_are_byte_identical(tmp_path: Path, format: ExportFormat) -> None:  # noqa: A002
    first = ds.export(tmp_path / "a", format=format)
    second = ds.export(tmp_path / "b", format=format)
    assert [p.name for p in first] == [p.name for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(p.name for p in first)
    again = ds.export(tmp_path / "a", format=format, overwrite=True)  # the same bytes again
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in second]


def test_the_json_export_is_the_shipped_file(tmp_path: Path) -> None:
    (path,) = ds.export(tmp_path, format="json")
    assert path.name == "taliban-recognition-1.0.0.json"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == ds.sha256
    assert json.loads(path.read_bytes())["version"] == "1.0.0"


def test_csv_files_are_utf8_rfc4180(tmp_path: Path) -> None:
    paths = ds.export(tmp_path, format="csv")
    assert [p.name for p in paths] == [f"{name}.csv" for name in TABLE_NAMES]
    sources = (tmp_path / "sources.csv").read_bytes()
    assert sources.startswith(b"id,title,sha256,text,notes\r\n")
    assert "\u201cWe believe".encode() in sources  # the article's curly quotes, in UTF-8
    namibia = next(
        row
        for row in csv.DictReader(io.StringIO((tmp_path / "statuses.csv").read_text("utf-8")))
        if row["country_alpha_3"] == "NAM"
    )
    assert namibia["country_alpha_2"] == "NA"


@pytest.mark.parametrize("format", ["xlsx", "CSV", "", None, ["csv"]])
def test_unknown_formats_are_refused(tmp_path: Path, format: Any) -> None:  # noqa: A002
    with pytest.raises(tr.UnknownFormatError, match="valid formats are: csv, datapackage, json"):
        ds.export(tmp_path / "out", format=format)
    assert list(tmp_path.iterdir()) == []


def test_the_format_is_typed_as_the_three_formats(tmp_path: Path) -> None:
    # mypy (strict, warn_unused_ignores) fails on this line unless `format` is a Literal.
    with pytest.raises(tr.UnknownFormatError):
        ds.export(tmp_path, format="CSV")  # type: ignore[arg-type]
    assert get_args(ExportFormat) == FORMATS == ("csv", "datapackage", "json")


def test_an_export_below_a_file_fails_with_oserror(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OSError):  # noqa: PT011 -- the platform decides which OSError
        ds.export(blocker / "out", format="csv")
    assert blocker.read_text() == "not a folder"
    assert list(tmp_path.iterdir()) == [blocker]


# The Data Package ----------------------------------------------------------------------------


def _errors(descriptor: Path) -> list[str]:
    report = frictionless.validate(str(descriptor))
    return [f"{error.type}: {error.note}" for task in report.tasks for error in task.errors] + [
        f"{error.type}: {error.note}" for error in report.errors
    ]


@pytest.mark.parametrize("version", ["1.0.0", "2.0.0"])
def test_the_data_package_validates_with_frictionless(tmp_path: Path, version: str) -> None:
    tr.load(version).export(tmp_path, format="datapackage")
    assert _errors(tmp_path / "datapackage.json") == []


@pytest.mark.parametrize(
    ("table", "old", "new", "error"),
    [
        (
            "representations",
            b",state_in_afghanistan,ambassador,3,",
            b",state_in_afghanistan,ambassadorial,3,",
            "constraint-error",
        ),
        ("representations", b",ambassador,3,", b",ambassador,three,", "type-error"),
        ("recognitions", b",true,2025-07-03,", b",yes,2025-07-03,", "type-error"),
        (
            "representation_events",
            b"cn-state-in-afghanistan-ambassador,",
            b"cn-state-in-afghanistan-minister,",
            "foreign-key",
        ),
        ("evidence", b",recognition,", b",status,", "constraint-error"),
    ],
)
def test_frictionless_catches_a_broken_2_0_0_export(
    tmp_path: Path, table: str, old: bytes, new: bytes, error: str
) -> None:
    V2.export(tmp_path, format="datapackage")
    path = tmp_path / f"{table}.csv"
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))
    found = {line.split(":")[0] for line in _errors(tmp_path / "datapackage.json")}
    assert {error, "hash-count"} <= found


def test_the_descriptor_of_2_0_0_describes_the_dimensions(tmp_path: Path) -> None:
    V2.export(tmp_path, format="datapackage")
    descriptor = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == V2_NAMES
    fields = {f["name"]: f for f in resources["representations"]["schema"]["fields"]}
    assert fields["direction"]["constraints"] == {
        "required": True,
        "enum": ["state_in_afghanistan", "afghanistan_in_state"],
    }
    assert fields["level"]["constraints"]["enum"] == [
        level.value for level in tr.RepresentationLevel
    ]
    assert fields["level_cow_code"]["type"] == "integer"
    assert "constraints" not in fields["level_cow_code"]  # not required: empty when unknown
    assert fields["country_cow_code"]["type"] == "integer"
    recognizes = next(
        f for f in resources["recognitions"]["schema"]["fields"] if f["name"] == "recognizes"
    )
    assert (recognizes["type"], recognizes["constraints"]) == ("boolean", {"required": True})
    assert resources["representation_events"]["schema"]["primaryKey"] == [
        "representation_id",
        "position",
    ]
    evidence = resources["evidence"]["schema"]
    assert {
        "fields": ["recognition_id"],
        "reference": {"resource": "recognitions", "fields": ["id"]},
    } in evidence["foreignKeys"]
    assert "status_id" not in [f["name"] for f in evidence["fields"]]
    options = resources["representations"][READ_OPTIONS]
    assert options["pandas"]["dtype"]["level_cow_code"] == "Int64"
    assert options["r"]["colClasses"]["level_cow_code"] == "integer"
    assert options["r"]["colClasses"]["country_alpha_2"] == "character"
    with (tmp_path / R_COLCLASSES).open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert {row["resource"] for row in rows} == set(V2_NAMES)
    assert {"resource": "recognitions", "column": "recognizes", "colClass": "logical"} in rows


@pytest.mark.parametrize(
    ("table", "old", "new", "error"),
    [
        ("events", b",russia,taliban,2025-07-03,", b",russia,talibam,2025-07-03,", "foreign-key"),
        ("events", b"2025-07-03,2025-07-03,day", b"2025-07-03,2025-07-33,day", "type-error"),
        ("statuses", b",formal_recognition,", b",formally,", "constraint-error"),
        (
            "evidence",
            b"event/russia-recognizes-taliban/0,",
            b"event/russia-lifts-taliban-ban/0,",
            "primary-key",
        ),
    ],
)
def test_frictionless_catches_a_broken_export(
    tmp_path: Path, table: str, old: bytes, new: bytes, error: str
) -> None:
    ds.export(tmp_path, format="datapackage")
    path = tmp_path / f"{table}.csv"
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))
    found = {line.split(":")[0] for line in _errors(tmp_path / "datapackage.json")}
    assert {error, "hash-count"} <= found


def test_the_descriptor_names_version_license_sources_and_digests(tmp_path: Path) -> None:
    ds.export(tmp_path, format="datapackage")
    descriptor = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    assert descriptor["version"] == "1.0.0"
    assert ds.sha256 in descriptor["description"]
    assert descriptor["licenses"][0]["name"] == "MIT"
    assert descriptor["sources"] == [{"title": ds.sources[0].title}]
    assert [r["name"] for r in descriptor["resources"]] == TABLE_NAMES
    for resource in descriptor["resources"]:
        data = (tmp_path / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == f"sha256:{hashlib.sha256(data).hexdigest()}"
        schema = resource["schema"]
        assert [f["name"] for f in schema["fields"]] == list(TABLE[resource["name"]].column_names)
        assert schema["missingValues"] == [""]
    events = descriptor["resources"][TABLE_NAMES.index("events")]["schema"]
    assert events["primaryKey"] == ["id"]
    assert {
        "fields": ["actor_id"],
        "reference": {"resource": "actors", "fields": ["id"]},
    } in events["foreignKeys"]
    kind = next(f for f in events["fields"] if f["name"] == "kind")
    assert kind["constraints"]["enum"] == [k.value for k in tr.EventKind]


def _has_nul(dataset: tr.Dataset) -> bool:
    """Whether a text of `dataset` has a NUL, which some CSV readers cannot read.

    The writer writes it as any other character (`test_a_nul_character_is_written_as_itself`).
    """
    return any(b"\x00" in data for data in files(dataset, "csv").values())


@settings(max_examples=8)
@given(datasets(max_events=4, max_states=3))
def test_any_dataset_exports_to_a_valid_data_package(dataset: tr.Dataset) -> None:
    import tempfile  # noqa: PLC0415 -- a fresh folder per example, which tmp_path is not

    assume(not _has_nul(dataset))  # 3.10's csv module, which frictionless reads with, cannot
    with tempfile.TemporaryDirectory() as folder:
        dataset.export(folder, format="datapackage")
        from pathlib import Path  # noqa: PLC0415

        assert _errors(Path(folder) / "datapackage.json") == []


# pandas --------------------------------------------------------------------------------------


def shipped_options(folder: Path) -> dict[str, dict[str, Any]]:
    """The pandas options of each resource of the Data Package in `folder`, by table name."""
    descriptor = json.loads((folder / "datapackage.json").read_text("utf-8"))
    return {r["name"]: r[READ_OPTIONS]["pandas"] for r in descriptor["resources"]}


def read_back(folder: Path, table: str) -> pd.DataFrame:
    """A CSV file of a Data Package read with exactly the options it ships for pandas."""
    frame: pd.DataFrame = pd.read_csv(folder / f"{table}.csv", **shipped_options(folder)[table])
    return frame


def _records(frame: pd.DataFrame) -> list[dict[str, Value]]:
    """A frame's rows as to_records has them: None where missing, days as dates."""
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return [
        {str(k): v.date() if isinstance(v, pd.Timestamp) else v for k, v in row.items()}
        for row in rows
    ]


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_csv_reads_back_with_pandas_to_the_same_values(tmp_path: Path, table: str) -> None:
    ds.export(tmp_path, format="datapackage")
    frame = ds.to_dataframes()[table]
    read = read_back(tmp_path, table)
    assert list(read.columns) == list(frame.columns)
    pd.testing.assert_frame_equal(read.astype(frame.dtypes.to_dict()), frame)


@pytest.mark.parametrize("version", tr.versions())
def test_every_table_reads_back_in_pandas_with_the_shipped_options(
    tmp_path: Path, version: str
) -> None:
    dataset = tr.load(version)
    dataset.export(tmp_path, format="datapackage")
    options = shipped_options(tmp_path)
    records = dataset.to_records()
    assert list(options) == list(records)
    for table, rows in records.items():
        read = pd.read_csv(tmp_path / f"{table}.csv", **options[table])
        assert _records(read) == rows, table
        strings = [c.name for c in TABLE_OF[version][table].columns if c.type == "string"]
        assert all(read[name].dtype == "string" for name in strings), table
    per_state = [
        name for name in ("statuses", "recognitions", "representations") if name in options
    ]
    assert per_state == (
        ["statuses"] if version.startswith("1.") else ["recognitions", "representations"]
    )
    for name in per_state:
        states = pd.read_csv(tmp_path / f"{name}.csv", **options[name])
        codes = states.drop_duplicates("country_alpha_3").set_index("country_alpha_3")
        assert codes.country_alpha_2["NAM"] == "NA"
        assert states.country_alpha_2.notna().all()
        assert codes.country_numeric["AND"] == "020"
    if "cameo" in options["events"]["dtype"]:
        cameo = pd.read_csv(tmp_path / "events.csv", **options["events"]).cameo
        assert "050" in cameo.tolist()
        assert cameo.dropna().str.fullmatch(r"[0-9]{3,4}").all()


def test_without_the_options_pandas_loses_the_codes(tmp_path: Path) -> None:
    # What the shipped options are for: pandas' guesses drop zeros and take NA for missing.
    tr.load("1.2.0").export(tmp_path, format="csv")
    events = pd.read_csv(tmp_path / "events.csv")
    assert 50 in events.cameo.tolist()
    assert "050" not in events.cameo.astype(str).tolist()
    statuses = pd.read_csv(tmp_path / "statuses.csv")
    assert statuses[statuses.country_alpha_3 == "NAM"].country_alpha_2.isna().all()


def test_r_reads_the_same_classes_from_the_json_and_the_csv_file(tmp_path: Path) -> None:
    tr.load("1.2.0").export(tmp_path, format="datapackage")
    descriptor = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    with (tmp_path / R_COLCLASSES).open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    for resource in descriptor["resources"]:
        r = resource[READ_OPTIONS]["r"]
        assert r["na.strings"] == [""]
        assert r["encoding"] == "UTF-8"
        classes = {
            row["column"]: row["colClass"] for row in rows if row["resource"] == resource["name"]
        }
        assert classes == r["colClasses"]
        fields = resource["schema"]["fields"]
        assert list(classes) == [field["name"] for field in fields]
        r_class = {
            "string": "character",
            "integer": "integer",
            "boolean": "logical",
            "date": "Date",
        }
        assert list(classes.values()) == [r_class[field["type"]] for field in fields]
    assert {row["resource"] for row in rows} == {r["name"] for r in descriptor["resources"]}
    assert {"resource": "events", "column": "cameo", "colClass": "character"} in rows


@settings(max_examples=20)
@given(datasets(max_events=4, max_states=3))
def test_any_dataset_reads_back_in_pandas_with_its_options(dataset: tr.Dataset) -> None:
    assume(not _has_nul(dataset))  # pandas before 3.0 ends a field at a NUL
    package = files(dataset, "datapackage")
    descriptor = json.loads(package["datapackage.json"])
    for resource in descriptor["resources"]:
        read = pd.read_csv(
            io.BytesIO(package[resource["path"]]), **resource[READ_OPTIONS]["pandas"]
        )
        assert _records(read) == dataset.to_records()[resource["name"]]


def test_dataframes_have_proper_dtypes() -> None:
    frames = ds.to_dataframes()
    assert list(frames) == TABLE_NAMES
    events, statuses = frames["events"], frames["statuses"]
    assert str(events.date_earliest.dtype) == "datetime64[s]"
    assert events.date_earliest.min() == pd.Timestamp("2003-01-01")
    assert isinstance(events.kind.dtype, pd.CategoricalDtype)
    assert list(events.kind.cat.categories) == [k.value for k in tr.EventKind]
    assert events.ongoing.dtype == bool
    assert events.ongoing.sum() == sum(e.ongoing for e in ds.events)
    assert events.id.dtype == "string"
    assert events.target_id.isna().sum() == sum(e.target is None for e in ds.events)
    status = statuses.status.dtype
    assert isinstance(status, pd.CategoricalDtype)
    assert status.ordered
    assert list(status.categories) == [
        "no_recognition",
        "de_facto_engagement",
        "formal_recognition",
    ]
    assert statuses[statuses.status > "de_facto_engagement"].country_alpha_2.tolist() == ["RU"]
    assert statuses.end_earliest.isna().sum() == 194  # one open period per state
    assert frames["evidence"].start.dtype == "int64"


def test_dataframes_of_2_0_0_have_proper_dtypes() -> None:
    frames = V2.to_dataframes()
    assert list(frames) == V2_NAMES
    representations, recognitions = frames["representations"], frames["recognitions"]
    direction, level = representations.direction.dtype, representations.level.dtype
    assert isinstance(direction, pd.CategoricalDtype)
    assert list(direction.categories) == [d.value for d in tr.Direction]
    assert isinstance(level, pd.CategoricalDtype)
    assert list(level.categories) == [v.value for v in tr.RepresentationLevel]
    assert not level.ordered  # OTHER and UNKNOWN are not ordered against the others
    assert representations.level_cow_code.dtype == "Int64"
    assert representations.level_cow_code.isna().sum() == sum(
        p.level is tr.RepresentationLevel.UNKNOWN for p in V2.representations
    )
    assert representations.country_cow_code.dtype == "Int64"
    assert str(representations.start_earliest.dtype) == "datetime64[s]"
    assert recognitions.recognizes.dtype == bool
    assert recognitions[recognitions.recognizes].country_alpha_2.tolist() == ["RU"]
    assert frames["recognition_events"].position.dtype == "int64"
    assert list(frames["evidence"].record_type.cat.categories) == [
        "event",
        "recognition",
        "representation",
    ]


@SERIALIZED
@given(datasets())
def test_dataframes_hold_the_records(dataset: tr.Dataset) -> None:
    frames = dataset.to_dataframes()
    schema = {table.name: table for table in tables_of(dataset)}
    for name, rows in dataset.to_records().items():
        frame = frames[name]
        assert len(frame) == len(rows)
        for column in schema[name].columns:
            expected = [row[column.name] for row in rows]
            got = frame[column.name].astype(object).where(frame[column.name].notna(), None)
            if column.type == "date":
                got = got.map(lambda t: None if t is None else t.date())
            assert got.tolist() == expected


def test_to_dataframes_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what an environment without it does
    with pytest.raises(tr.MissingExtraError, match=r"taliban-recognition\[pandas\]") as caught:
        ds.to_dataframes()
    assert isinstance(caught.value, ImportError)
    assert caught.value.extra == "pandas"
    assert caught.value.name == "pandas"


def test_no_exported_cell_starts_like_a_spreadsheet_formula() -> None:
    # Spreadsheets run a cell that starts with one of these as a formula. Quotes are verbatim
    # and cannot be altered, so a version whose text did this would need a decision, not a fix.
    for version in tr.versions():
        for name, rows in tr.load(version).to_records().items():
            for row in rows:
                for column, value in row.items():
                    assert not (isinstance(value, str) and value[:1] in "=+-@\t\r"), (
                        version,
                        name,
                        column,
                    )


def test_a_broken_pandas_is_not_reported_as_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    class BrokenFinder:
        def find_spec(self, name: str, *_: object) -> None:
            if name == "pandas":
                raise ModuleNotFoundError("No module named 'numpy.core'", name="numpy.core")

    monkeypatch.delitem(sys.modules, "pandas")
    monkeypatch.setattr(sys, "meta_path", [BrokenFinder(), *sys.meta_path])
    with pytest.raises(ModuleNotFoundError, match=r"numpy\.core") as caught:
        ds.to_dataframes()
    assert not isinstance(caught.value, tr.MissingExtraError)


# The CSV writer ------------------------------------------------------------------------------

CSV_SHA256 = {  # every shipped version's CSV export as the csv module wrote it, before csv_text
    "1.0.0": {
        "dataset.csv": "9fbdc913ce5708287d0e6f474967596817d68f960cd6fd9bd43a227fbf287e39",
        "sources.csv": "4d289ca395a7b6e8eff3b2b7c9cc333df1ca33d3251e5efbc2590993221a5904",
        "actors.csv": "f246683ccda79f650ce449170bf0bc48998c349d0f494e8236e5053340f8d1ec",
        "events.csv": "f921162f731d77ae93628262eebe23da1759d1f9b3aa0b7e94ff0941682d372b",
        "statuses.csv": "8c586ab1ea47b56746ee0ca810614655492450d129b0ed813c09391dc988cb3a",
        "status_events.csv": "5c1fed8124fa0dee87e37e321cabd17b4f42a6a3330ced1a89d8ab19d7d2a30d",
        "evidence.csv": "ce20857f18d732897d93cf3a32aba8b99d0c9566e2172b30bbe60d54aa0609c8",
    },
    "1.1.0": {
        "dataset.csv": "adbb9454a86c2dce18735b73a231b452d2891950814e19a76d0c858a5e710f18",
        "sources.csv": "4d289ca395a7b6e8eff3b2b7c9cc333df1ca33d3251e5efbc2590993221a5904",
        "actors.csv": "93d4ad7e1f537566a8b04e14529bd7b87edf0d9e386a26eb59a2d7cd1029fc79",
        "events.csv": "812156d334d837a091346d2c7d1df0cd7188adea7f53e39e4094368397a9cc67",
        "statuses.csv": "e520943604f582f961e7dd6f43e12c3be8681228955a2ce529d922d7fcbad1c9",
        "status_events.csv": "5c1fed8124fa0dee87e37e321cabd17b4f42a6a3330ced1a89d8ab19d7d2a30d",
        "evidence.csv": "ce20857f18d732897d93cf3a32aba8b99d0c9566e2172b30bbe60d54aa0609c8",
        "references.csv": "f7755e3297e048ee4e45bad78d838bf6b3971e3895213baf85cf64dd683e8457",
    },
    "1.2.0": {
        "dataset.csv": "b90b0821c9084deb76fa529e5de4c3779d7b1a7200fe6e5ac85562569e68f694",
        "sources.csv": "4d289ca395a7b6e8eff3b2b7c9cc333df1ca33d3251e5efbc2590993221a5904",
        "actors.csv": "35bb56070b06263c6bb07c531cdb5a803d48da4492e17bd6d316556f3b69d6e1",
        "events.csv": "bb2bf94ba661aaf7fb3c5ec5fc3f3d80fe9e8bde3a5da0fccdbcca86fc6fcc26",
        "statuses.csv": "909a8c9d1bce6e0a1555facc7b7358036f3f5f5ca654c30866f346a6682cf654",
        "status_events.csv": "5c1fed8124fa0dee87e37e321cabd17b4f42a6a3330ced1a89d8ab19d7d2a30d",
        "evidence.csv": "ce20857f18d732897d93cf3a32aba8b99d0c9566e2172b30bbe60d54aa0609c8",
        "references.csv": "5a4c0a82802b5e67783322aabc9b6e5149ac6a082bf92068627ab747e599d6fc",
    },
}


@pytest.mark.parametrize("version", sorted(CSV_SHA256))
def test_the_shipped_csv_exports_are_byte_for_byte_as_before(version: str) -> None:
    csv_files = files(tr.load(version), "csv")
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in csv_files.items()}
    assert digests == CSV_SHA256[version]
    package = files(tr.load(version), "datapackage")
    assert {name: package[name] for name in csv_files} == csv_files


SCHEMA_SHA256 = {  # each 1.x Data Package's resources and r_colclasses.csv, before 2.0.0
    "1.0.0": (
        "1dedab7e49376511f84622768119c4ca5e1407c15205c08c6bcd1fe8fa8a5d2b",
        "10efb03ba8b5734e80aaf3e1852b2bba1df3eb75579b4442d4419d2633118931",
    ),
    "1.1.0": (
        "bdcb27f3941ea719f1eb56f22d24b526f272dfe7fcd713edda17c2ff2f508034",
        "3c72215a7530cd0373be09f3442701ad18de1036a3d64816c86a3cf42e27354a",
    ),
    "1.2.0": (
        "83fa41df8e3095c7e94394235c9d906f0a8c43f7ae174b129cc4a43b439f2204",
        "4de1b94fb5480503ae1b8283811d5ac36666baa602b623aeb47f57dcf432238f",
    ),
}


@pytest.mark.parametrize("version", sorted(SCHEMA_SHA256))
def test_the_1x_data_package_schemas_are_as_before_2_0_0(version: str) -> None:
    # The tables 2.0.0 added, and those it retired, leave every 1.x schema as it was.
    package = files(tr.load(version), "datapackage")
    resources = json.loads(package["datapackage.json"])["resources"]
    assert (
        hashlib.sha256(json.dumps(resources, sort_keys=True).encode()).hexdigest(),
        hashlib.sha256(package[R_COLCLASSES]).hexdigest(),
    ) == SCHEMA_SHA256[version]


def _csv_module(records: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(records)
    return buffer.getvalue()


# Text without NUL, which the csv module of every Python writes; the characters that quoting
# turns on are drawn often.
_TEXT = st.text(st.characters(exclude_characters="\x00") | st.sampled_from(',"\r\n '))


@given(st.lists(st.lists(_TEXT, max_size=5), max_size=5))
def test_csv_text_writes_what_the_csv_module_writes(records: list[list[str]]) -> None:
    assert csv_text(records) == _csv_module(records)


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        (
            [["a,b", 'say "x"', "two\nlines", "cr\r", "plain"]],
            '"a,b","say ""x""","two\nlines","cr\r",plain\r\n',
        ),
        ([[""]], '""\r\n'),  # a lone empty field is quoted, or the line would be blank
        ([["", ""]], ",\r\n"),
        ([[]], "\r\n"),
    ],
)
def test_csv_text_quotes_only_where_needed(records: list[list[str]], expected: str) -> None:
    assert csv_text(records) == expected
    assert _csv_module(records) == expected


def test_a_nul_character_is_written_as_itself() -> None:
    # The csv module of 3.10 raises "need to escape, but no escapechar set" here; that of
    # 3.11 and later writes these bytes, which every Python now writes.
    assert csv_text([["a\x00b", '\x00"', "\x00"]]) == 'a\x00b,"\x00""",\x00\r\n'
    with_nul = attrs.evolve(ds, notes="a\x00b")
    assert files(with_nul, "csv")["dataset.csv"].endswith(b",2021-08-01,a\x00b\r\n")
    assert rebuild(read_tables(files(with_nul, "csv"), tables_of(with_nul))) == with_nul


# The folder an export is ---------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry below `folder`: a file's bytes, a link's target, a folder as "/"."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = f"-> {path.readlink()}"
        elif path.is_dir():
            found[name] = "/"
        else:
            found[name] = path.read_bytes()
    return found


def test_a_new_folder_and_those_above_it_are_created(tmp_path: Path) -> None:
    paths = ds.export(tmp_path / "a" / "b" / "out")
    assert paths[0] == tmp_path / "a" / "b" / "out" / "dataset.csv"
    assert sorted(p.name for p in (tmp_path / "a" / "b" / "out").iterdir()) == sorted(
        p.name for p in paths
    )
    assert [p.name for p in tmp_path.iterdir()] == ["a"]  # no work folder is left beside it
    assert [p.name for p in (tmp_path / "a" / "b").iterdir()] == ["out"]


def test_an_empty_folder_becomes_the_export_and_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir(mode=0o750)
    out.chmod(0o750)
    paths = ds.export(out, format="json")
    assert (
        [p.name for p in out.iterdir()]
        == ["taliban-recognition-1.0.0.json"]
        == [p.name for p in paths]
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_versions_never_mix_in_one_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    tr.load("1.0.0").export(out, format="datapackage")
    before = snapshot(out)
    with pytest.raises(tr.ExportTargetError, match="it is not empty") as caught:
        tr.load("1.1.0").export(out, format="csv")
    assert caught.value.target == out
    assert "overwrite=True" in str(caught.value)
    assert "--force" in str(caught.value)
    assert snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_overwrite_replaces_an_earlier_export_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    tr.load("1.0.0").export(out, format="datapackage")
    tr.load("1.0.0").export(tmp_path / "json", format="json")
    (tmp_path / "json" / "taliban-recognition-1.0.0.json").rename(
        out / "taliban-recognition-1.0.0.json"
    )
    out.chmod(0o705)
    paths = tr.load("1.1.0").export(out, format="csv", overwrite=True)
    assert (
        snapshot(out)
        == {p.name: p.read_bytes() for p in paths}
        == dict(sorted(files(tr.load("1.1.0"), "csv").items()))
    )
    assert not (out / "datapackage.json").exists()  # 1.0.0's descriptor went with the rest
    assert stat.S_IMODE(out.stat().st_mode) == 0o705
    assert sorted(p.name for p in tmp_path.iterdir()) == ["json", "out"]


@pytest.mark.parametrize(("old", "new"), [("1.2.0", "2.0.0"), ("2.0.0", "1.2.0")])
def test_overwrite_replaces_an_export_across_the_schema_break(
    tmp_path: Path, old: str, new: str
) -> None:
    out = tmp_path / "out"
    tr.load(old).export(out, format="datapackage")
    tr.load(new).export(out, format="datapackage", overwrite=True)
    assert snapshot(out) == dict(sorted(files(tr.load(new), "datapackage").items()))


@pytest.mark.parametrize("foreign", ["notes.txt", "sub/", "events.csv.bak", "data.csv"])
def test_overwrite_never_removes_what_no_export_writes(tmp_path: Path, foreign: str) -> None:
    out = tmp_path / "out"
    tr.load("1.0.0").export(out, format="datapackage")
    if foreign.endswith("/"):
        (out / foreign).mkdir()
        (out / foreign / "analysis.do").write_text("regress y x")
    else:
        (out / foreign).write_text("someone's work")
    before = snapshot(out)
    with pytest.raises(tr.ExportTargetError, match="it holds what no export writes") as caught:
        tr.load("1.1.0").export(out, format="csv", overwrite=True)
    assert foreign.rstrip("/") in str(caught.value)
    assert "never other work" in str(caught.value)
    assert snapshot(out) == before
    assert (out / foreign.rstrip("/")).exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_link_inside_the_folder_is_removed_as_a_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "events.csv").write_text("someone else's file")
    (elsewhere / "folder").mkdir()
    (elsewhere / "folder" / "keep.txt").write_text("keep")
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.csv").symlink_to(elsewhere / "events.csv")
    (out / "statuses.csv").symlink_to(elsewhere / "missing.csv")  # dangling
    (out / "actors.csv").symlink_to(elsewhere / "folder", target_is_directory=True)
    before = snapshot(elsewhere)
    with pytest.raises(tr.ExportTargetError, match="it is not empty"):
        ds.export(out)
    ds.export(out, overwrite=True)
    assert snapshot(elsewhere) == before
    assert not any(path.is_symlink() for path in out.iterdir())
    assert (out / "events.csv").read_bytes() == files(ds, "csv")["events.csv"]
    assert (out / "actors.csv").read_bytes() == files(ds, "csv")["actors.csv"]  # not the folder


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_folder_that_is_a_link_is_refused(tmp_path: Path, overwrite: bool) -> None:
    real = tmp_path / "real"
    ds.export(real, format="json")
    before = snapshot(real)
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere", target_is_directory=True)
    for target in (link, dangling):
        with pytest.raises(tr.ExportTargetError, match="it is a symbolic link"):
            ds.export(target, overwrite=overwrite)
    assert snapshot(real) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling", "link", "real"]


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_file_is_refused(tmp_path: Path, overwrite: bool) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(tr.ExportTargetError, match="it is a file, not a folder") as caught:
        ds.export(blocker, format="csv", overwrite=overwrite)
    assert isinstance(caught.value, ValueError)
    assert blocker.read_text() == "not a folder"
    assert list(tmp_path.iterdir()) == [blocker]


def _disk_fills_at(
    monkeypatch: pytest.MonkeyPatch, number: int, error: BaseException
) -> list[Path]:
    """Make the `number`th file written stop half way with `error`; the files begun, in order."""
    begun: list[Path] = []
    write = _export._write  # noqa: SLF001 -- where the export writes its files

    def filling(path: Path, data: bytes) -> None:
        begun.append(path)
        if len(begun) == number:
            write(path, data[: len(data) // 2])
            raise error
        write(path, data)

    monkeypatch.setattr(_export, "_write", filling)
    return begun


FULL = OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("error", [FULL, KeyboardInterrupt()], ids=["ENOSPC", "interrupt"])
def test_a_failed_export_into_a_new_folder_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    begun = _disk_fills_at(monkeypatch, 4, error)
    with pytest.raises(type(error)) as caught:
        ds.export(tmp_path / "new" / "out", format="datapackage")
    assert caught.value is error
    assert len(begun) == 4
    assert all(tmp_path in path.parents for path in begun)  # beside the target, in tmp_path
    assert list(tmp_path.iterdir()) == []  # no export, no work folder, no folders above it


@pytest.mark.parametrize("format", ["csv", "datapackage", "json"])
def test_a_failed_replacement_leaves_the_old_export_as_it_was(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    format: ExportFormat,  # noqa: A002
) -> None:
    out = tmp_path / "out"
    tr.load("1.0.0").export(out, format="datapackage")
    (out / "events.csv").unlink()
    (out / "events.csv").symlink_to(tmp_path / "nowhere")  # a dangling link, kept as a link
    before = snapshot(out)
    _disk_fills_at(monkeypatch, 1, FULL)
    with pytest.raises(OSError, match="No space left on device") as caught:
        tr.load("1.1.0").export(out, format=format, overwrite=True)
    assert caught.value.errno == errno.ENOSPC
    assert snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_failed_move_into_place_puts_the_old_export_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    tr.load("1.0.0").export(out, format="datapackage")
    before = snapshot(out)
    rename = Path.rename
    placed: list[str] = []

    def refuse_the_second_new_file(self: Path, target: str | os.PathLike[str]) -> Path:
        if self.parent.name == "new":
            if placed:
                raise OSError(errno.EXDEV, "Invalid cross-device link")
            placed.append(self.name)
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", refuse_the_second_new_file)
    with pytest.raises(OSError, match="cross-device"):
        tr.load("1.1.0").export(out, overwrite=True)
    assert placed  # one new file was in place when the second failed
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(before)  # no work folder left
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_an_old_export_that_cannot_be_put_back_is_kept_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    tr.load("1.0.0").export(out, format="json")
    before = snapshot(out)
    rename = Path.rename

    def fail_after_moving_aside(self: Path, target: str | os.PathLike[str]) -> Path:
        if self.parent.name in {"new", "old"}:
            raise OSError(errno.EIO, "Input/output error")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", fail_after_moving_aside)
    with pytest.raises(OSError, match="Input/output error") as caught:
        tr.load("1.1.0").export(out, format="json", overwrite=True)
    (work,) = out.iterdir()  # the earlier export, moved aside: kept, not removed
    assert work.name.startswith(".taliban-recognition.export-")
    assert snapshot(work / "old") == before
    assert caught.value.__notes__ == [
        f"what {out} held could not all be put back; the rest is in {work / 'old'}"
    ]
    monkeypatch.setattr(Path, "rename", rename)
    tr.load("1.1.0").export(out, format="json", overwrite=True)  # a killed export's leftovers
    assert sorted(p.name for p in out.iterdir()) == ["taliban-recognition-1.1.0.json"]


def test_a_folder_that_is_there_stays_itself(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o750)
    inode = out.stat().st_ino
    ds.export(out, format="json")
    tr.load("1.1.0").export(out, format="csv", overwrite=True)
    assert out.stat().st_ino == inode  # not a new folder renamed over it: a mount point works
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    assert snapshot(out) == dict(sorted(files(tr.load("1.1.0"), "csv").items()))


@pytest.mark.parametrize("overwrite", [False, True])
def test_an_export_into_the_current_folder_leaves_it_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, overwrite: bool
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    if overwrite:
        ds.export(".", format="datapackage")
    paths = tr.load("1.1.0").export(".", format="json", overwrite=overwrite)
    assert Path.cwd() == here  # the folder the shell is in was not removed
    assert [p.read_bytes() for p in paths] == list(files(tr.load("1.1.0"), "json").values())
    assert [p.name for p in here.iterdir()] == ["taliban-recognition-1.1.0.json"]


def test_a_failed_export_through_dot_dot_removes_only_the_folders_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "existing").mkdir()
    _disk_fills_at(monkeypatch, 1, FULL)
    with pytest.raises(OSError, match="No space left on device"):
        ds.export(tmp_path / "new" / ".." / "existing" / "deeper" / "out", format="csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing"]
    assert list((tmp_path / "existing").iterdir()) == []


def test_a_file_that_comes_while_the_export_is_written_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    ds.export(out, format="json")
    write = _export._write  # noqa: SLF001 -- the step the other program races

    def another_program_writes_too(path: Path, data: bytes) -> None:
        (out / "results.csv").write_text("someone's results")
        write(path, data)

    monkeypatch.setattr(_export, "_write", another_program_writes_too)
    with pytest.raises(tr.ExportTargetError, match=r"it holds what no export writes \(results"):
        tr.load("1.1.0").export(out, format="json", overwrite=True)
    assert sorted(p.name for p in out.iterdir()) == [
        "results.csv",
        "taliban-recognition-1.0.0.json",
    ]


class _BytesPath:
    def __fspath__(self) -> bytes:
        return b"out"


class _NoPath:
    def __fspath__(self) -> object:
        return 3


@pytest.mark.parametrize("directory", [None, 3, b"out", ["out"], _BytesPath(), _NoPath()])
def test_a_directory_that_is_no_path_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, directory: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(tr.InvalidArgumentError, match=r"directory must be a str or os\.PathLike"):
        ds.export(directory)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("overwrite", [None, 1, "yes"])
def test_overwrite_is_a_bool(tmp_path: Path, overwrite: Any) -> None:
    with pytest.raises(tr.InvalidArgumentError, match="overwrite must be True or False") as e:
        ds.export(tmp_path / "out", overwrite=overwrite)
    assert isinstance(e.value, TypeError)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("directory", "problem"),
    [
        ("a\x00b", "the path has a NUL character"),
        ("out\ud800", "cannot be encoded in the file system's encoding"),
        ("", "the path is empty"),
        ("out/..", "the path ends in '..'"),
        ("/", "it is a file system root"),
    ],
)
def test_a_path_that_cannot_be_used_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, directory: str, problem: str
) -> None:
    monkeypatch.chdir(tmp_path)
    for overwrite in (False, True):
        with pytest.raises(tr.ExportTargetError, match=re.escape(problem)) as caught:
            ds.export(directory, overwrite=overwrite)
        assert caught.value.target == directory
        assert "\n" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


# The command line ----------------------------------------------------------------------------


def cli(*args: str | bytes, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "taliban_recognition", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
    )


def test_the_command_line_refuses_to_mix_and_replaces_with_force(tmp_path: Path) -> None:
    first = cli(
        "export", "--format", "datapackage", "--out", "out", "--dataset", "1.0.0", cwd=tmp_path
    )
    assert first.returncode == 0, first.stderr
    before = snapshot(tmp_path / "out")
    mixed = cli("export", "--out", "out", "--dataset", "1.1.0", cwd=tmp_path)
    assert mixed.returncode == 2
    assert mixed.stdout == ""
    assert mixed.stderr == (
        "taliban-recognition: error: cannot export into 'out': it is not empty; give a new or "
        "empty folder, or pass overwrite=True (--force on the command line) to replace the "
        "export it holds\n"
    )
    assert snapshot(tmp_path / "out") == before
    forced = cli("export", "--out", "out", "--dataset", "1.1.0", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout.splitlines() == [f"out/{name}" for name in files(tr.load("1.1.0"), "csv")]
    assert snapshot(tmp_path / "out") == dict(sorted(files(tr.load("1.1.0"), "csv").items()))


def test_the_command_line_prints_a_path_it_cannot_encode_escaped(tmp_path: Path) -> None:
    # The OS hands the undecodable byte to Python as a lone surrogate, which UTF-8 cannot encode.
    result = cli(
        "export", "--format", "json", "--out", b"out\xff", "--dataset", "1.0.0", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == "out\\udcff/taliban-recognition-1.0.0.json\n"
    assert [os.fsencode(path.name) for path in tmp_path.iterdir()] == [b"out\xff"]


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("out\ud800", "cannot export into 'out\\ud800': the path cannot be encoded"),
        ("a\x00b", "cannot export into 'a\\x00b': the path has a NUL character"),
        ("link", "cannot export into 'link': it is a symbolic link"),
        ("file", "cannot export into 'file': it is a file, not a folder"),
    ],
)
def test_the_command_line_refuses_a_target_in_one_line_with_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    out: str,
    message: str,
) -> None:
    # Run in this process: no OS passes a NUL or a lone surrogate in a program's arguments.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "file").write_text("not a folder")
    (tmp_path / "link").symlink_to(tmp_path / "nowhere", target_is_directory=True)
    for force in ([], ["--force"]):
        assert main(["export", "--out", out, "--dataset", "1.0.0", *force]) == 2
        printed = capsys.readouterr()
        assert printed.out == ""
        assert printed.err.startswith(f"taliban-recognition: error: {message}")
        assert printed.err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "link"]
