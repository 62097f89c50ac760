"""Panel exports: CSV, a Data Package, Parquet and Stata, read back by pandas and DuckDB.

R reads the same files with base read.csv in `scripts/check_panel_reading.R`, which `.ci/run`
runs once it has installed R.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd
import pytest
from frictionless import Package, system

import taliban_recognition as tr
from taliban_recognition._export import READ_OPTIONS

if TYPE_CHECKING:
    from pathlib import Path

LATEST = tr.load("2.0.0")
PANELS = {
    "state_year": lambda: LATEST.panel("year"),
    "state_year_over": lambda: LATEST.panel("year", at="period"),
    "dyad_year": lambda: LATEST.dyad_panel("year"),
    "state_month_draws": lambda: LATEST.panel(
        "month", countries=["RU", "NA", "AD"], start="2025-01-01", draws=LATEST.draws(3, seed=2)
    ),
    "state_year_1_0_0": lambda: tr.load("1.0.0").panel("year"),
}


def read_with_options(folder: Path, engine: str) -> pd.DataFrame:
    """The panel's CSV file read as the Data Package says to read it."""
    (resource,) = json.loads((folder / "datapackage.json").read_text("utf-8"))["resources"]
    options = resource[READ_OPTIONS]
    path = folder / resource["path"]
    if engine == "pandas":
        frame: pd.DataFrame = pd.read_csv(path, **options["pandas"])
        return frame
    relation = duckdb.read_csv(str(path), **options["duckdb"])
    read: pd.DataFrame = relation.df()
    return read


def same(read: pd.DataFrame, panel: tr.Panel) -> None:
    """Every cell read back is the cell the panel holds: codes, dates, missing values."""
    records = panel.to_records()
    assert list(read.columns) == list(panel.column_names)
    assert len(read) == len(records)
    for name in panel.column_names:
        column = next(c for c in panel.columns if c.name == name)
        got = [None if pd.isna(v) else v for v in read[name].tolist()]
        want: list[Any] = [row[name] for row in records]
        if column.type == "date":
            got = [None if v is None else pd.Timestamp(v).date() for v in got]
        elif column.type == "integer":
            got = [None if v is None else int(v) for v in got]
        elif column.type == "boolean":
            got = [None if v is None else bool(v) for v in got]
        elif column.type == "number":  # pandas 2's fast parser may miss the last bit of one
            numbers = [float(v) for v in read[name].tolist()]  # shares are never empty
            assert all(
                math.isclose(g, w, rel_tol=1e-12) for g, w in zip(numbers, want, strict=True)
            ), name
            continue
        else:
            got = [None if v is None else str(v) for v in got]
        assert got == want, name


def facts(read: pd.DataFrame, name: str) -> None:
    """What the options are for, said outright: Namibia's NA, leading zeros, the bounds."""
    namibia = read[read.country_alpha_3 == "NAM"]
    assert (namibia.country_alpha_2 == "NA").all()
    assert len(namibia) > 0
    if "country_numeric" in read:
        assert set(read[read.country_alpha_3 == "AND"].country_numeric) <= {"020"}
        assert read.country_numeric.str.fullmatch("[0-9]{3}").all()
    if name.startswith("dyad"):
        china = read[(read.ccode1 == 700) & (read.ccode2 == 710) & (read.year == 2025)]
        assert china.DR_at_1.tolist() == [3]
        assert china.DR_at_2.isna().tolist() == [True]
        assert china.DR_at_2_possible.tolist() == ["0;1;2;3;9"]
    elif "status_code" in read and name != "state_year_1_0_0":
        unknown = read.status == "unknown"
        assert read.status_code[unknown].isna().all()
        assert read.status_code[~unknown].notna().all()
        assert (read.status_min_code <= read.status_max_code).all()


@pytest.mark.parametrize("name", sorted(PANELS))
@pytest.mark.parametrize("engine", ["pandas", "duckdb"])
def test_a_panel_data_package_reads_back_as_written(tmp_path: Path, name: str, engine: str) -> None:
    panel = PANELS[name]()
    written = panel.export(tmp_path / "out", format="datapackage")
    assert [path.name for path in written] == [
        f"{panel.name}.csv",
        "r_colclasses.csv",
        "datapackage.json",
    ]
    read = read_with_options(tmp_path / "out", engine)
    same(read, panel)
    facts(read, name)


@pytest.mark.parametrize("name", ["state_year", "dyad_year", "state_month_draws"])
def test_the_panel_data_package_is_valid(tmp_path: Path, name: str) -> None:
    PANELS[name]().export(tmp_path / "out", format="datapackage")
    with system.use_context(trusted=True):
        report = Package(str(tmp_path / "out" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.mark.parametrize("name", sorted(PANELS))
def test_parquet_keeps_the_dtypes_and_duckdb_reads_it(tmp_path: Path, name: str) -> None:
    panel = PANELS[name]()
    (path,) = panel.export(tmp_path / "out", format="parquet")
    assert path.name == f"{panel.name}.parquet"
    read = pd.read_parquet(path)
    for column in panel.columns:  # days are Parquet dates, which pandas reads as dates
        if column.type == "date":
            assert {type(day) for day in read[column.name]} == {dt.date}
            read[column.name] = pd.to_datetime(read[column.name]).astype("datetime64[s]")
    pd.testing.assert_frame_equal(read, panel.to_dataframe())
    same(duckdb.read_parquet(str(path)).df(), panel)
    facts(read, name)


@pytest.mark.parametrize("name", sorted(PANELS))
def test_stata_keeps_codes_dates_labels_and_missing_values(tmp_path: Path, name: str) -> None:
    panel = PANELS[name]()
    (path,) = panel.export(tmp_path / "out", format="stata")
    read = pd.read_stata(path, convert_categoricals=True)
    assert list(read.columns) == list(panel.column_names)
    frame = panel.to_dataframe()
    for column in panel.columns:
        got, want = read[column.name], frame[column.name]
        if column.ordered:  # the bounds: labelled values, coded as status_code is
            codes = pd.read_stata(path, convert_categoricals=False)[column.name]
            assert codes.tolist() == want.cat.codes.tolist(), column.name
            assert got.astype(str).tolist() == want.astype(str).tolist(), column.name
        elif column.enum:  # status: text, so that "unknown" is no value above the others
            assert got.tolist() == want.astype(str).tolist(), column.name
        elif column.type == "string":
            assert got.tolist() == want.fillna("").tolist(), column.name
        elif column.type == "date":
            assert got.dt.date.tolist() == want.dt.date.tolist(), column.name
        else:  # numbers and flags: Stata's missing "." where the panel has none
            assert got.isna().tolist() == want.isna().tolist(), column.name
            assert got.dropna().tolist() == want.dropna().astype(float).tolist(), column.name
    facts(read, name)


def test_two_exports_are_byte_identical(tmp_path: Path) -> None:
    panel = LATEST.panel("year", countries=["RU", "CN"])
    for form in ("csv", "datapackage", "parquet", "stata"):
        first = panel.export(tmp_path / f"{form}-1", format=form)
        second = panel.export(tmp_path / f"{form}-2", format=form)
        assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second], form


def test_a_panel_export_replaces_only_an_earlier_export(tmp_path: Path) -> None:
    panel = LATEST.panel("year", countries=["RU"])
    target = tmp_path / "out"
    panel.export(target)
    with pytest.raises(tr.ExportTargetError, match="not empty"):
        panel.export(target)
    LATEST.dyad_panel("year", countries=["RU"]).export(target, format="datapackage", overwrite=True)
    assert sorted(p.name for p in target.iterdir()) == [
        "datapackage.json",
        "dyad_year.csv",
        "r_colclasses.csv",
    ]
    (target / "notes.txt").write_text("mine")
    with pytest.raises(tr.ExportTargetError, match=r"notes\.txt"):
        panel.export(target, overwrite=True)
    assert (target / "notes.txt").read_text() == "mine"
    with pytest.raises(tr.UnknownFormatError, match="parquet"):
        panel.export(tmp_path / "other", format="xlsx")  # type: ignore[arg-type]


def test_the_csv_keeps_what_naive_readers_lose(tmp_path: Path) -> None:
    panel = LATEST.panel("year", countries=["NA", "AD"], start="2025-01-01")
    (path,) = panel.export(tmp_path / "out")
    text = path.read_bytes().decode("utf-8")
    assert "\r\nNA,NAM,516,Namibia,565,565,2025," in text
    assert "\r\nAD,AND,020,Andorra,232,232,2025," in text
    naive = pd.read_csv(path)  # pandas' defaults turn both into something else
    assert naive.country_alpha_2.isna().any()
    assert 20 in naive.country_numeric.tolist()
    assert dt.date(2025, 7, 3).isoformat() in text


@pytest.mark.parametrize("form", ["csv", "datapackage", "parquet", "stata"])
def test_an_empty_panel_exports(tmp_path: Path, form: str) -> None:
    empty = LATEST.panel("year", countries=[])
    written = empty.export(tmp_path / form, format=form)  # type: ignore[arg-type]
    assert written
    if form == "stata":
        assert list(pd.read_stata(written[0]).columns) == list(empty.column_names)
