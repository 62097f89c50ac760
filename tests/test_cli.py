"""The command line, run as users run it: the real entry points, in subprocesses."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest

import taliban_recognition as tr
from taliban_recognition._convert import converter

ds = tr.load()
RELEASED = "8e7b40c0a2e8366c50e978e05ddc179889961b77f660555597219362282d0969"  # 1.0.0, forever
PACKAGE = Path(tr.__file__).parent


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "taliban_recognition", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env=env,
    )


def ok(*args: str) -> str:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_summary_lists_every_named_state() -> None:
    lines = ok().splitlines()
    assert lines[0] == f"taliban_recognition dataset {ds.version}, as of 2025-07-03"
    assert lines[1] == f"sha256 {ds.sha256}"
    rows = {line.split("  ")[0]: line.split()[-2:] for line in lines[5:]}
    assert rows["Russia (RU)"] == ["formal_recognition", "stated"]
    for name in ("China (CN)", "Pakistan (PK)", "Uzbekistan (UZ)", "United Arab Emirates (AE)"):
        assert rows[name] == ["de_facto_engagement", "stated"]
    assert rows["United States (US)"] == ["no_recognition", "inferred"]
    assert rows["188 other states"] == ["no_recognition", "inferred"]
    assert all(len(line) <= 80 for line in lines)


def test_summary_is_the_default_and_takes_a_version() -> None:
    default = ok()
    assert ok("summary") == default
    assert ok("--version", "1.0.0") == ok("summary", "--version", "1.0.0")
    assert ok("summary", "--version", "1.0.0").startswith("taliban_recognition dataset 1.0.0,")


def test_the_console_script_is_installed() -> None:
    script = shutil.which("taliban-recognition", path=str(Path(sys.executable).parent))
    assert script is not None
    result = subprocess.run(
        [script, "versions"], capture_output=True, text=True, encoding="utf-8", check=True
    )
    assert result.stdout == ok("versions")


def test_status_prints_the_status_and_its_evidence() -> None:
    out = ok("status", "Russia")
    lines = out.splitlines()
    assert (
        lines[0]
        == f"Russian Federation (RU) on 2025-07-03, dataset {ds.version}: formal_recognition"
    )
    assert "formal_recognition, from 2025-07-03 to as_of (stated)" in lines
    assert "  period: ru-formal-recognition" in lines
    assert "  events: russia-recognizes-taliban" in lines
    (period,) = ds.possible_periods("RU")
    flat = " ".join(line.removeprefix("  > ").strip() for line in lines)
    for item in period.evidence:
        assert f"\u201c{item.quote}\u201d" in flat
        assert f"characters {item.start} to {item.end}" in out


def test_status_on_an_uncertain_day_shows_every_possible_period() -> None:
    out = ok("status", "PAK", "--on", "2023-01-01", "--version", "1.0.0")
    assert out.startswith("Pakistan (PK) on 2023-01-01, dataset 1.0.0: unknown (the data")
    assert "no_recognition or de_facto_engagement" in " ".join(out.splitlines()[:2])
    assert "  period: pk-no-recognition" in out
    assert "  period: pk-de-facto-engagement" in out
    assert "pakistan-posts-ambassador" in out


def test_events_table_fits_80_columns_and_lists_the_filtered_events() -> None:
    out = ok("events", "--country", "RU", "--since", "2025-01-01")
    expected = ds.find_events(country="RU", since="2025-01-01")
    lines = out.splitlines()
    assert lines[0].split() == ["Date", "Event"]
    rows = [line.split() for line in lines[1:] if line and not line.startswith(" ")]
    assert rows[:-1] == [[str(e.date), e.id] for e in expected]
    assert lines[-1] == f"{len(expected)} events of dataset {ds.version}"
    assert all(len(line) <= 80 for line in ok("events").splitlines())


def test_events_as_json_are_the_canonical_records() -> None:
    out = ok("events", "--kind", "ambassador_posted", "--format", "json")
    expected = ds.find_events(kind="ambassador_posted")
    assert json.loads(out) == [converter().unstructure(e, tr.Event) for e in expected]
    assert len(expected) == 4


def test_events_as_csv_are_rows_of_the_events_table() -> None:
    out = ok("events", "--until", "2021-12-31", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = ds.find_events(until="2021-12-31")
    assert [row["id"] for row in rows] == [e.id for e in expected]
    by_id = {row["id"]: row for row in ds.to_records()["events"]}
    for row in rows:
        assert row["date_earliest"] == by_id[row["id"]]["date_earliest"].isoformat()  # type: ignore[union-attr]
        assert row["summary"] == by_id[row["id"]]["summary"]


def test_csv_on_stdout_is_utf8_with_crlf_rows_whatever_the_locale() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "taliban_recognition", "events", "--format", "csv"],
        capture_output=True,
        check=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"},
    )
    out = result.stdout
    assert out.endswith(b"\r\n")
    assert out.count(b"\r\n") == out.count(b"\n")  # every line, the last one too
    assert out.decode("utf-8").splitlines()[0].startswith("id,kind,actor_id,target_id,date,")
    records = subprocess.run(
        [sys.executable, "-m", "taliban_recognition", "events", "--format", "json"],
        capture_output=True,
        check=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"},
    ).stdout
    assert "Afghanistan\u2019s security".encode() in records  # a curly apostrophe, in UTF-8


def test_text_output_survives_an_ascii_locale() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    result = run("status", "Russia", env=env)
    assert result.returncode == 0, result.stderr
    assert "\u201cbecoming the first nation" in result.stdout
    failed = run("status", "Kabulist\u00e4n", env=env)
    assert failed.returncode == 2
    assert "Traceback" not in failed.stderr
    assert failed.stderr.count("\n") == 1


def test_every_output_fits_80_columns_but_unbreakable_words() -> None:
    outputs = [ok(), ok("versions"), ok("verify"), ok("events")]
    open_now = [p.country.alpha_2 for p in ds.statuses if p.end is None]
    outputs += [ok("status", code) for code in open_now[:3]]  # three, not every state
    outputs += [ok("status", name) for name in ("RU", "CN", "PK", "UZ", "AE", "US")]
    outputs += [
        ok(command, "--help")
        for command in ("summary", "status", "events", "versions", "verify", "export", "cite")
    ]
    for out in outputs:
        for line in out.splitlines():
            assert len(line) <= 80 or " " not in line.strip(" >(").rstrip(").,"), line


def test_an_empty_selection_is_not_an_error() -> None:
    out = ok("events", "--country", "Brazil")
    assert out.splitlines()[-1] == f"0 events of dataset {ds.version}"
    assert json.loads(ok("events", "--country", "Brazil", "--format", "json")) == []


def test_versions_lists_the_manifest() -> None:
    assert ok("versions", "--version", "1.0.0").splitlines()[1].split() == ["1.0.0", RELEASED]
    lines = ok("versions").splitlines()
    assert lines[0].split() == ["Version", "SHA-256"]
    assert [line.split() for line in lines[1:]] == [
        [version, ds.sha256 if version == ds.version else tr.load(version).sha256]
        for version in tr.versions()
    ]


def test_verify_passes_on_the_installed_data() -> None:
    out = ok("verify")
    assert out.splitlines() == [
        *(f"{version}: ok" for version in tr.versions()),
        f"{len(tr.versions())} of {len(tr.versions())} dataset files match the manifest and load",
    ]
    assert ok("verify", "--version", "1.0.0").splitlines() == [
        "1.0.0: ok",
        "1 of 1 dataset files match the manifest and load",
    ]


def test_verify_fails_on_a_corrupted_copy(tmp_path: Path) -> None:
    copy = tmp_path / "taliban_recognition"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    data = copy / "data" / "1.0.0.json"
    data.write_bytes(data.read_bytes().replace(b"Thursday", b"Tuesday!", 1))
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    where = subprocess.run(
        [sys.executable, "-c", "import taliban_recognition as t; print(t.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert Path(where.stdout.strip()).parent == copy  # the subprocess runs the corrupted copy
    result = run("verify", env=env)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    found = hashlib.sha256(data.read_bytes()).hexdigest()
    assert lines[:4] == [
        "1.0.0: FAILED",
        "  taliban_recognition/data/1.0.0.json is corrupt or was modified (SHA-256):",
        f"  expected {RELEASED}",
        f"  found    {found}",
    ]
    assert lines[-1] == f"1 of {len(tr.versions())} dataset files failed verification"
    assert all(len(line) <= 80 for line in lines)
    loaded = run("status", "RU", "--version", "1.0.0", env=env)
    assert loaded.returncode == 1
    assert loaded.stderr.count("\n") == 1
    assert "corrupt or was modified" in loaded.stderr


@pytest.mark.parametrize("format", ["csv", "datapackage", "json"])
def test_export_writes_the_same_files_as_the_api(
    tmp_path: Path,
    format: Literal["csv", "datapackage", "json"],  # noqa: A002
) -> None:
    out = ok("export", "--format", format, "--out", str(tmp_path / "cli"), "--version", "1.0.0")
    written = [Path(line) for line in out.splitlines()]
    expected = tr.load("1.0.0").export(tmp_path / "api", format=format)
    assert [p.name for p in written] == [p.name for p in expected]
    assert [p.read_bytes() for p in written] == [p.read_bytes() for p in expected]


@pytest.mark.parametrize("format", ["bibtex", "cff", "text"])
def test_cite_prints_the_citation(format: str) -> None:  # noqa: A002
    assert ok("cite", "--format", format, "--version", "1.0.0") == tr.cite("1.0.0", format)
    assert ok("cite") == tr.cite()


@pytest.mark.parametrize(
    "command", ["summary", "status", "events", "versions", "verify", "export", "cite"]
)
def test_every_subcommand_has_help_with_an_example(command: str) -> None:
    out = ok(command, "--help")
    assert f"Example:\n  taliban-recognition {command}" in out
    assert "--version X.Y.Z" in out


def test_top_level_help_lists_every_subcommand() -> None:
    out = ok("--help")
    for command in ("summary", "status", "events", "versions", "verify", "export", "cite"):
        assert f"    {command} " in out
    assert "Example:" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "Atlantis"], "no country matches 'Atlantis'"),
        (["status", "Ukrain"], "did you mean 'Ukraine'"),
        (["status", "Afghanistan"], "Afghanistan (AF) has no recognition status"),
        (["status", "Hong Kong"], "is not among the 194 states"),
        (["status", "RU", "--on", "2025-02-30"], "must be an ISO date YYYY-MM-DD"),
        (["status", "RU", "--on", "2020-01-01"], "statuses are known from 2021-08-01"),
        (["events", "--since", "yesterday"], "since must be an ISO date YYYY-MM-DD"),
        (["events", "--since", "2025-01-02", "--until", "2025-01-01"], "since must not be after"),
        (["events", "--country", "ZZ"], "no country matches 'ZZ'"),
        (["events", "--kind", "invasion"], "valid kinds are: takeover, "),
        (["--version", "9.9.9"], "the versions this package ships are: 1.0.0"),
        (["versions", "--version", "9.9.9"], "unknown dataset version '9.9.9'"),
        (["verify", "--version", "2.0.0"], "unknown dataset version '2.0.0'"),
        (["export", "--version", "0.1.0", "--out", "x"], "unknown dataset version '0.1.0'"),
        (["export", "--out", ""], "give a folder to write into"),
        (["status", "RU", "--version"], "expected one argument"),
        (["events", "--version", "1.0"], "unknown dataset version '1.0'"),
        (["cite", "--version", "0.9.0"], "unknown dataset version '0.9.0'"),
        (["events", "--format", "xml"], "invalid choice: 'xml'"),
        (["export", "--format", "xlsx", "--out", "x"], "invalid choice: 'xlsx'"),
        (["export"], "the following arguments are required: --out"),
        (["cite", "--format", "ris"], "invalid choice: 'ris'"),
        (["status"], "the following arguments are required: country"),
        (["recognize"], "invalid choice: 'recognize'"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("taliban-recognition")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unwritable_export_is_one_line_and_exit_1(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("export", "--out", str(blocker / "out"))  # a folder below a file
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert str(blocker) in result.stderr
    assert "Traceback" not in result.stderr


def test_a_closed_pipe_is_not_a_traceback() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "taliban_recognition", "events", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()  # as `| head` does, here before the first line is written
        stderr = process.stderr.read()
        assert process.wait() == 1
    assert stderr == b""
