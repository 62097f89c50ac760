"""The command line: through `main` in this process, and as users run it, in subprocesses.

A subprocess costs about 0.3 s of CPU, so only what needs one runs in one: the installed
entry points, locales, pipes, written files, and a corrupted copy of the installed package.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import pytest

import taliban_recognition as tr
from taliban_recognition import _cli
from taliban_recognition._cite import FORMATS, Format
from taliban_recognition._convert import converter

ds = tr.load()
V1 = tr.load("1.2.0")  # the newest with status periods, for what is about them
RELEASED = "8e7b40c0a2e8366c50e978e05ddc179889961b77f660555597219362282d0969"  # 1.0.0, forever
PACKAGE = Path(tr.__file__).parent
COMMANDS = (
    "summary",
    "status",
    "recognition",
    "representation",
    "events",
    "versions",
    "verify",
    "export",
    "panel",
    "cite",
    "diff",
)
DATED = {"summary", "status", "recognition", "representation", "events", "panel"}
"""The commands that take --dates."""
VERSION_LINE = f"taliban-recognition {tr.__version__}\n"

Run = Callable[..., tuple[int, str, str]]
"""`main` run in this process on the arguments: its exit status, stdout and stderr."""
Ok = Callable[..., str]
"""What `main` prints on the arguments, which must succeed with nothing on stderr."""


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


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("COLUMNS", "80")  # argparse wraps help to the terminal's width

    def call(*args: str) -> tuple[int, str, str]:
        try:
            status = _cli.main(args)
        except SystemExit as stop:  # argparse's --help, --version and usage errors
            status = stop.code if isinstance(stop.code, int) else -1
        out, err = capsys.readouterr()
        return status, out, err

    return call


@pytest.fixture
def cli_ok(cli: Run) -> Ok:
    def call(*args: str) -> str:
        status, out, err = cli(*args)
        assert (status, err) == (0, ""), err
        return out

    return call


@pytest.fixture(scope="module")
def corrupted(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path]:
    """An environment whose Python imports a copy of the package with 1.0.0's file changed."""
    folder = tmp_path_factory.mktemp("corrupted")
    copy = folder / "taliban_recognition"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    data = copy / "data" / "1.0.0.json"
    data.write_bytes(data.read_bytes().replace(b"Thursday", b"Tuesday!", 1))
    env = {**os.environ, "PYTHONPATH": str(folder)}
    where = subprocess.run(
        [sys.executable, "-c", "import taliban_recognition as t; print(t.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert Path(where.stdout.strip()).parent == copy  # the subprocess runs the corrupted copy
    return env, data


def test_summary_lists_every_named_state(cli_ok: Ok) -> None:
    lines = cli_ok("--dataset", "1.2.0").splitlines()
    assert lines[0] == "taliban_recognition dataset 1.2.0, as of 2025-07-03"
    assert lines[1] == f"sha256 {V1.sha256}"
    rows = {line.split("  ")[0]: line.split()[-2:] for line in lines[5:]}
    assert rows["Russia (RU)"] == ["formal_recognition", "stated"]
    for name in ("China (CN)", "Pakistan (PK)", "Uzbekistan (UZ)", "United Arab Emirates (AE)"):
        assert rows[name] == ["de_facto_engagement", "stated"]
    assert rows["United States (US)"] == ["no_recognition", "inferred"]
    assert rows["188 other states"] == ["no_recognition", "inferred"]
    assert all(len(line) <= 80 for line in lines)


def summary_rows(out: str) -> dict[str, tuple[str, str]]:
    """The rows of a 2.x summary table, by state: the status and, unwrapped, what it rests on."""
    lines = out.splitlines()
    start = lines.index(f"{'State':<28}{'Status':<22}Derived from") + 1
    rows: dict[str, tuple[str, str]] = {}
    label = ""
    for line in lines[start : lines.index("", start)]:
        if line.startswith(" "):
            status, words = rows[label]
            rows[label] = (status, f"{words} {line.strip()}")
        else:
            label, status, words = line[:28].strip(), line[28:50].strip(), line[50:].strip()
            rows[label] = (status, words)
    return rows


def test_summary_of_2_0_0_says_what_each_status_is_derived_from(cli_ok: Ok) -> None:
    out = cli_ok()
    lines = out.splitlines()
    assert lines[0] == f"taliban_recognition dataset {ds.version}, as of 2025-07-03"
    assert ds.version == "2.0.0"
    assert lines[1] == f"sha256 {ds.sha256}"
    rows = summary_rows(out)
    assert rows["Russia (RU)"] == (
        "formal_recognition",
        "formally recognizing; Taliban ambassador there",
    )
    for name in ("China (CN)", "Pakistan (PK)", "Uzbekistan (UZ)", "United Arab Emirates (AE)"):
        assert rows[name] == (
            "de_facto_engagement",
            "not formally recognizing; ambassador in Kabul",
        )
    unnamed = ("unknown", "not formally recognizing; engagement not recorded")
    assert rows["United States (US)"] == unnamed
    assert rows["188 other states"] == unnamed
    assert "no_recognition" not in " ".join(" ".join(row) for row in rows.values())
    assert " ".join(lines[lines.index("", 7) + 1 :]).startswith(
        "Of the 194 states: 1 formal_recognition, 4 de_facto_engagement, 189 unknown "
        "(no_recognition or de_facto_engagement)."
    )
    assert all(len(line) <= 80 for line in lines)


def test_the_summary_of_2_0_0_agrees_with_the_api(cli_ok: Ok) -> None:
    rows = summary_rows(cli_ok())
    named = {
        f"{actor.name} ({actor.country.alpha_2})": actor.country
        for actor in ds.actors
        if actor.kind is tr.ActorKind.STATE and actor.country and actor.country.alpha_2 != "AF"
    }
    assert set(rows) == {*named, "188 other states"}
    for label, country in named.items():
        assert rows[label][0] == ds.status_of(country).value
        recognizes = ds.recognizes(country)
        assert rows[label][1].startswith(
            "formally recognizing" if recognizes else "not formally recognizing"
        )
    others = [p.country for p in ds.recognitions if p.country not in named.values()]
    assert len({c.alpha_2 for c in others}) == 188
    assert {ds.status_of(c) for c in others} == {tr.RecognitionStatus.UNKNOWN}


def test_summary_is_the_default_and_takes_a_dataset(cli_ok: Ok) -> None:
    default = cli_ok()
    assert cli_ok("summary") == default
    pinned = cli_ok("summary", "--dataset", "1.0.0")
    assert pinned.startswith("taliban_recognition dataset 1.0.0,")
    assert cli_ok("--dataset", "1.0.0") == cli_ok("--dataset=1.0.0", "summary") == pinned


def test_the_console_script_is_installed() -> None:
    script = shutil.which("taliban-recognition", path=str(Path(sys.executable).parent))
    assert script is not None
    result = subprocess.run(
        [script, "--version"], capture_output=True, text=True, encoding="utf-8", check=True
    )
    assert result.stdout == VERSION_LINE
    assert result.stderr == ""


def test_status_prints_the_status_and_its_evidence(cli_ok: Ok) -> None:
    out = cli_ok("status", "Russia", "--dataset", "1.2.0")
    lines = out.splitlines()
    assert lines[0] == "Russian Federation (RU) on 2025-07-03, dataset 1.2.0: formal_recognition"
    assert "formal_recognition, from 2025-07-03 to as_of (stated)" in lines
    assert "  period: ru-formal-recognition" in lines
    assert "  events: russia-recognizes-taliban" in lines
    (period,) = V1.possible_periods("RU")
    flat = " ".join(line.removeprefix("  > ").strip() for line in lines)
    for item in period.evidence:
        assert f"\u201c{item.quote}\u201d" in flat
        assert f"characters {item.start} to {item.end}" in out


def quoted(out: str) -> str:
    """A report's lines joined into one, with the quotes' wrapping undone."""
    return " ".join(line.removeprefix("  > ").strip() for line in out.splitlines())


def test_status_of_2_0_0_shows_the_periods_it_is_derived_from(cli_ok: Ok) -> None:
    out = cli_ok("status", "China")
    lines = out.splitlines()
    assert lines[0] == "China (CN) on 2025-07-03, dataset 2.0.0: de_facto_engagement"
    assert "Formal recognition: does not formally recognize the Taliban government" in lines
    assert "Its mission in Kabul (state_in_afghanistan): ambassador (COW 3)" in lines
    assert "  period: cn-not-recognizing" in lines
    assert "  period: cn-state-in-afghanistan-ambassador" in lines
    assert "  period: cn-afghanistan-in-state-unknown" in lines
    assert "unknown (the data allows any level on that day)" in quoted(out)
    periods = [
        *ds.possible_recognition_periods("CN"),
        *(ds.possible_representation_periods("CN", direction=d) for d in tr.Direction),
    ]
    for period in ds.possible_recognition_periods("CN"):
        for item in period.evidence:
            assert f"\u201c{item.quote}\u201d" in quoted(out)
    assert len(periods) == 3


def test_status_of_2_0_0_on_an_uncertain_day_lists_the_possible_statuses(cli_ok: Ok) -> None:
    out = cli_ok("status", "PK", "--on", "2023-01-01")
    assert quoted(out).startswith(
        "Pakistan (PK) on 2023-01-01, dataset 2.0.0: unknown (the data allows no_recognition "
        "or de_facto_engagement on that day)"
    )
    assert "  period: pk-state-in-afghanistan-unknown" in out
    assert "  period: pk-state-in-afghanistan-ambassador" in out


def test_recognition_prints_the_answer_and_its_periods(cli_ok: Ok) -> None:
    now = cli_ok("recognition", "Russia").splitlines()
    assert quoted("\n".join(now[:2])).startswith(
        "Russian Federation (RU) on 2025-07-03, dataset 2.0.0: formally recognizes the "
        "Taliban government"
    )
    assert "recognizing, from 2025-07-03 to as_of (stated)" in now
    assert "  period: ru-recognizing" in now
    assert "  events: russia-recognizes-taliban" in now
    before = cli_ok("recognition", "RU", "--on", "2025-07-02")
    assert "does not formally recognize the Taliban government" in quoted(before)
    assert "  period: ru-not-recognizing" in before
    assert "  period: ru-recognizing" not in before
    assert ds.recognizes("RU", "2025-07-02") is False


def test_representation_prints_both_directions_or_the_one_asked_for(cli_ok: Ok) -> None:
    both = cli_ok("representation", "China")
    lines = both.splitlines()
    assert lines[0] == "China (CN) on 2025-07-03, dataset 2.0.0"
    mission = "Its mission in Kabul (state_in_afghanistan): ambassador (COW 3)"
    taliban = "The Taliban government's mission there (afghanistan_in_state): unknown"
    assert lines.index(mission) < lines.index(taliban.rsplit(" ", 1)[0] + " unknown (the data")
    assert "ambassador (COW 3), from [2021-08..2025-07-03] to as_of (stated)" in lines
    one = cli_ok("representation", "CN", "--direction", "state_in_afghanistan")
    assert one == both[: both.index("\n\nThe Taliban government's")] + "\n"
    other = cli_ok("representation", "CN", "--direction", "afghanistan_in_state").splitlines()
    assert other[0] == lines[0]
    assert quoted("\n".join(other[2:4])).startswith(taliban)
    assert "  period: cn-afghanistan-in-state-unknown" in other
    assert ds.representation_of("CN", direction="afghanistan_in_state").name == "UNKNOWN"


def test_representation_on_an_uncertain_day_lists_the_periods(cli_ok: Ok) -> None:
    out = cli_ok(
        "representation", "PK", "--on", "2023-01-01", "--direction", "state_in_afghanistan"
    )
    assert "  period: pk-state-in-afghanistan-unknown" in out
    assert "  period: pk-state-in-afghanistan-ambassador" in out
    corroborated = cli_ok(
        "representation",
        "PK",
        "--on",
        "2023-01-01",
        "--direction",
        "state_in_afghanistan",
        "--dates",
        "corroborated",
    )
    assert corroborated.startswith("Pakistan (PK) on 2023-01-01, dataset 2.0.0, corroborated")
    assert "  period: pk-state-in-afghanistan-ambassador" not in corroborated


@pytest.mark.parametrize("version", ["1.0.0", "1.1.0", "1.2.0"])
@pytest.mark.parametrize(
    ("command", "records"),
    [("recognition", "recognition periods"), ("representation", "representation periods")],
)
def test_the_dimensions_of_a_1x_dataset_are_one_line_and_exit_2(
    cli: Run, version: str, command: str, records: str
) -> None:
    status, out, err = cli(command, "RU", "--dataset", version)
    query = getattr(tr.load(version), records.replace(" ", "_"))
    with pytest.raises(tr.SchemaVersionError) as caught:
        query("RU")
    assert (status, out) == (2, "")
    assert err == f"taliban-recognition: error: {caught.value}\n"
    assert f"dataset {version} has no {records}" in err


def test_status_on_an_uncertain_day_shows_every_possible_period(cli_ok: Ok) -> None:
    out = cli_ok("status", "PAK", "--on", "2023-01-01", "--dataset", "1.0.0")
    assert out.startswith("Pakistan (PK) on 2023-01-01, dataset 1.0.0: unknown (the data")
    assert "no_recognition or de_facto_engagement" in " ".join(out.splitlines()[:2])
    assert "  period: pk-no-recognition" in out
    assert "  period: pk-de-facto-engagement" in out
    assert "pakistan-posts-ambassador" in out


def test_events_table_fits_80_columns_and_lists_the_filtered_events(cli_ok: Ok) -> None:
    out = cli_ok("events", "--country", "RU", "--since", "2025-01-01")
    expected = ds.find_events(country="RU", since="2025-01-01")
    lines = out.splitlines()
    assert lines[0].split() == ["Date", "Event"]
    rows = [line.split() for line in lines[1:] if line and not line.startswith(" ")]
    assert rows[:-1] == [[str(e.date), e.id] for e in expected]
    assert lines[-1] == f"{len(expected)} events of dataset {ds.version}"
    assert all(len(line) <= 80 for line in cli_ok("events").splitlines())


def test_events_as_json_are_the_canonical_records(cli_ok: Ok) -> None:
    out = cli_ok("events", "--kind", "ambassador_posted", "--format", "json")
    expected = ds.find_events(kind="ambassador_posted")
    assert json.loads(out) == [converter().unstructure(e, tr.Event) for e in expected]
    assert len(expected) == 4


def test_events_as_csv_are_rows_of_the_events_table(cli_ok: Ok) -> None:
    out = cli_ok("events", "--until", "2021-12-31", "--format", "csv")
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


def test_every_output_fits_80_columns_but_unbreakable_words(cli_ok: Ok) -> None:
    outputs = [cli_ok(), cli_ok("versions"), cli_ok("verify"), cli_ok("events")]
    open_now = [p.country.alpha_2 for p in ds.recognitions if p.end is None]
    outputs += [cli_ok("status", code) for code in open_now[:3]]  # three, not every state
    for command in ("status", "recognition", "representation"):
        outputs += [cli_ok(command, name) for name in ("RU", "CN", "PK", "UZ", "AE", "US")]
    outputs += [cli_ok("--dataset", "1.2.0"), cli_ok("status", "PK", "--dataset", "1.2.0")]
    corroborated = ("--dates", "corroborated")
    outputs += [cli_ok("summary", *corroborated), cli_ok("events", *corroborated)]
    outputs += [cli_ok("status", name, *corroborated) for name in ("RU", "PK", "US")]
    outputs += [cli_ok("representation", "PK", "--on", "2023-01-01", *corroborated)]
    outputs += [cli_ok("--help"), *(cli_ok(command, "--help") for command in COMMANDS)]
    for out in outputs:
        for line in out.splitlines():
            assert len(line) <= 80 or " " not in line.strip(" >(").rstrip(").,"), line


def test_an_empty_selection_is_not_an_error(cli_ok: Ok) -> None:
    out = cli_ok("events", "--country", "Brazil")
    assert out.splitlines()[-1] == f"0 events of dataset {ds.version}"
    assert json.loads(cli_ok("events", "--country", "Brazil", "--format", "json")) == []


def test_versions_lists_the_manifest(cli_ok: Ok) -> None:
    assert cli_ok("versions", "--dataset", "1.0.0").splitlines()[1].split() == [
        "1.0.0",
        RELEASED,
    ]
    lines = cli_ok("versions").splitlines()
    assert lines[0].split() == ["Version", "SHA-256"]
    assert [line.split() for line in lines[1:]] == [
        [version, ds.sha256 if version == ds.version else tr.load(version).sha256]
        for version in tr.versions()
    ]


def test_verify_passes_on_the_installed_data(cli_ok: Ok) -> None:
    out = cli_ok("verify")
    assert out.splitlines() == [
        *(f"{version}: ok" for version in tr.versions()),
        f"{len(tr.versions())} of {len(tr.versions())} dataset files match the manifest and load",
    ]
    assert cli_ok("verify", "--dataset", "1.0.0").splitlines() == [
        "1.0.0: ok",
        "1 of 1 dataset files match the manifest and load",
    ]


def test_verify_fails_on_a_corrupted_copy(corrupted: tuple[dict[str, str], Path]) -> None:
    env, data = corrupted
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
    loaded = run("status", "RU", "--dataset", "1.0.0", env=env)
    assert loaded.returncode == 1
    assert loaded.stderr.count("\n") == 1
    assert "corrupt or was modified" in loaded.stderr


def test_cite_refuses_a_corrupted_data_file(corrupted: tuple[dict[str, str], Path]) -> None:
    env, data = corrupted
    result = run("cite", "--dataset", "1.0.0", env=env)
    assert result.returncode == 1
    assert result.stdout == ""
    found = hashlib.sha256(data.read_bytes()).hexdigest()
    assert result.stderr.startswith("taliban-recognition: taliban_recognition/data/1.0.0.json")
    assert result.stderr.count("\n") == 1
    assert "corrupt or was modified" in result.stderr
    assert RELEASED in result.stderr
    assert found in result.stderr


@pytest.mark.parametrize("format", ["csv", "datapackage", "json"])
def test_export_writes_the_same_files_as_the_api(
    tmp_path: Path,
    format: Literal["csv", "datapackage", "json"],  # noqa: A002
) -> None:
    out = ok("export", "--format", format, "--out", str(tmp_path / "cli"), "--dataset", "1.0.0")
    written = [Path(line) for line in out.splitlines()]
    expected = tr.load("1.0.0").export(tmp_path / "api", format=format)
    assert [p.name for p in written] == [p.name for p in expected]
    assert [p.read_bytes() for p in written] == [p.read_bytes() for p in expected]


@pytest.mark.parametrize("format", FORMATS)
def test_cite_prints_the_citation(cli_ok: Ok, format: Format) -> None:  # noqa: A002
    assert cli_ok("cite", "--format", format, "--dataset", "1.0.0") == tr.cite("1.0.0", format)
    assert cli_ok("cite") == tr.cite()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_has_help_with_an_example(cli_ok: Ok, command: str) -> None:
    out = cli_ok(command, "--help")
    assert f"Example:\n  taliban-recognition {command}" in out
    assert "--version " in out
    assert ("--dataset X.Y.Z" in out) is (command != "diff")  # diff names its two versions
    assert ("--dates {stated,corroborated}" in out) is (command in DATED)


def test_top_level_help_lists_every_subcommand(cli_ok: Ok) -> None:
    out = cli_ok("--help")
    for command in COMMANDS:  # a name longer than the column has its purpose on the next line
        assert re.search(f"^    {command}( +[a-z]|\n {{19}}[a-z])", out, re.MULTILINE), command
    assert "--dataset X.Y.Z" in out
    assert "Example:" in out


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--version", "status", "RU"],  # a subcommand's name is not a dataset version
        ["--version", "--dataset", "1.0.0"],
        ["--dataset", "1.0.0", "--version"],
        *(["--version", command] for command in COMMANDS),
        *([command, "--version"] for command in COMMANDS),
        ["status", "RU", "--version"],
        ["events", "--kind", "trade", "--version"],
        ["diff", "--version", "1.0.0", "1.1.0"],  # diff never took a dataset pin
        ["diff", "1.0.0", "1.1.0", "--version"],
    ],
)
def test_version_prints_the_package_version(cli: Run, args: list[str]) -> None:
    assert cli(*args) == (0, VERSION_LINE, "")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (["--version", "1.0.0"], ["--dataset", "1.0.0"]),
        (["--version=1.0.0"], ["--dataset", "1.0.0"]),
        (["--version", "1.0.0", "status", "RU"], ["status", "RU", "--dataset", "1.0.0"]),
        (["status", "RU", "--version", "1.0.0"], ["status", "RU", "--dataset", "1.0.0"]),
        (["status", "--version", "1.0.0", "RU"], ["status", "RU", "--dataset", "1.0.0"]),
        (["versions", "--version=1.1.0"], ["versions", "--dataset", "1.1.0"]),
        (["--version", "1.1.0", "cite", "--version", "1.1.0"], ["cite", "--dataset", "1.1.0"]),
    ],
)
def test_the_old_dataset_pin_works_and_says_it_is_deprecated(
    cli: Run, old: list[str], new: list[str]
) -> None:
    version = next(word for word in new if word[0].isdigit())
    status, out, err = cli(*old)
    assert (status, out) == cli(*new)[:2]
    assert (
        err == f"taliban-recognition: --version {version} is deprecated, use --dataset {version}\n"
    )


def test_an_unknown_old_dataset_pin_lists_the_versions(cli: Run) -> None:
    status, out, err = cli("--version", "9.9.9")
    shipped = f"the versions this package ships are: {', '.join(tr.versions())}"
    assert (status, out) == (2, "")
    assert err.splitlines() == [
        "taliban-recognition: --version 9.9.9 is deprecated, use --dataset 9.9.9",
        f"taliban-recognition: error: unknown dataset version '9.9.9'; {shipped}",
    ]


def test_the_same_pin_twice_is_one_pin(cli_ok: Ok) -> None:
    once = cli_ok("status", "RU", "--dataset", "1.0.0")
    assert cli_ok("--dataset", "1.0.0", "status", "RU", "--dataset=1.0.0") == once


def test_reading_corroborated_dates_changes_an_answer(cli_ok: Ok) -> None:
    # Pakistan's ambassador, posted on a day the article leaves open, was posted on 2025-05-30
    # by the reports that corroborate it: a day before is no longer undecided.
    event = V1.event("pakistan-posts-ambassador")
    assert str(event.date) == "[2021-08..2025-07-03]"
    assert str(event.date_for("corroborated")) == "2025-05-30"
    head = "Pakistan (PK) on 2024-01-01, dataset 1.2.0"
    pin = ("--dataset", "1.2.0")
    stated = cli_ok("status", "PK", "--on", "2024-01-01", *pin)
    assert stated.startswith(f"{head}: unknown (the data allows")
    corroborated = cli_ok("status", "PK", "--on", "2024-01-01", "--dates", "corroborated", *pin)
    assert corroborated.splitlines()[0] == f"{head}, corroborated dates: no_recognition"
    assert "  period: pk-de-facto-engagement" in stated
    assert "  period: pk-de-facto-engagement" not in corroborated
    assert "events: taliban-takes-afghanistan (corroborated 2021-08-15)" in corroborated
    for day, status in [("2025-05-29", "no_recognition"), ("2025-05-30", "de_facto_engagement")]:
        out = cli_ok("status", "PK", "--on", day, "--dates", "corroborated", *pin)
        answer = " ".join(out.partition("\n\n")[0].split())  # the first line, maybe wrapped
        assert answer.endswith(f"corroborated dates: {status}")
        assert V1.status_of("PK", day, dates="corroborated").value == status
        assert V1.status_of("PK", day).value == "unknown"


def test_in_2_0_0_an_unrecorded_mission_keeps_a_corroborated_day_unknown(cli_ok: Ok) -> None:
    # Before the corroborated posting Pakistan's mission in Kabul is not recorded, not absent:
    # 2.0.0 no longer answers no_recognition there, as 1.x did.
    out = cli_ok("status", "PK", "--on", "2024-01-01", "--dates", "corroborated")
    assert quoted(out).startswith(
        "Pakistan (PK) on 2024-01-01, dataset 2.0.0, corroborated dates: unknown (the data "
        "allows no_recognition or de_facto_engagement on that day)"
    )
    assert "  period: pk-state-in-afghanistan-ambassador" not in out
    after = cli_ok("status", "PK", "--on", "2025-05-30", "--dates", "corroborated")
    assert quoted(after.partition("\n\n")[0]).endswith("corroborated dates: de_facto_engagement")


def test_reading_corroborated_dates_can_leave_an_answer_as_it_is(cli_ok: Ok) -> None:
    assert V1.status_of("RU", dates="corroborated") is V1.status_of("RU")
    stated = cli_ok("status", "RU", "--dataset", "1.2.0")
    corroborated = cli_ok("status", "RU", "--dates", "corroborated", "--dataset", "1.2.0")
    head = "Russian Federation (RU) on 2025-07-03, dataset 1.2.0"
    assert corroborated.splitlines()[:2] == [f"{head}, corroborated dates:", "formal_recognition"]
    assert corroborated.splitlines()[2:] == stated.splitlines()[1:]
    assert cli_ok("status", "RU", "--dates", "stated") == cli_ok("status", "RU")  # the default


@pytest.mark.parametrize("version", ["1.2.0", "2.0.0"])
def test_summary_says_which_reading_it_used(cli_ok: Ok, version: str) -> None:
    stated = cli_ok("summary", "--dataset", version).splitlines()
    corroborated = cli_ok("summary", "--dates", "corroborated", "--dataset", version).splitlines()
    assert corroborated[0] == f"{stated[0]}, corroborated dates"
    assert corroborated[1:] == stated[1:]  # on as_of the two readings agree for every state


def test_events_are_filtered_and_dated_by_the_reading(cli_ok: Ok) -> None:
    args = ("events", "--country", "PK", "--until", "2024-12-31")
    stated = cli_ok(*args).splitlines()
    assert stated[1].split() == ["[2021-08..2025-07-03]", "pakistan-posts-ambassador"]
    assert stated[-1] == f"1 event of dataset {ds.version}"
    assert cli_ok(*args, "--dates", "corroborated").splitlines() == [
        "Date  Event",
        "",
        f"0 events of dataset {ds.version}, corroborated dates",
    ]
    table = cli_ok("events", "--country", "PK", "--dates", "corroborated").splitlines()
    assert table[1].split() == ["2025-05-30", "pakistan-posts-ambassador"]
    records = json.loads(
        cli_ok("events", "--since", "2025-06-01", "--format", "json", "--dates", "corroborated")
    )
    expected = ds.find_events(since="2025-06-01", dates="corroborated")
    assert [record["id"] for record in records] == [event.id for event in expected]
    assert len(expected) < len(ds.find_events(since="2025-06-01"))


def test_ctrl_c_is_one_line_and_exit_130(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(_version: str | None) -> tr.Dataset:
        raise KeyboardInterrupt

    monkeypatch.setattr(_cli, "load", interrupted)
    assert cli("status", "RU") == (130, "", "taliban-recognition: interrupted\n")
    assert cli() == (130, "", "taliban-recognition: interrupted\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "Atlantis"], "no country matches 'Atlantis'"),
        (["status", "Ukrain"], "did you mean 'Ukraine'"),
        (["status", "Afghanistan"], "Afghanistan (AF) has no recognition status"),
        (["status", "Hong Kong"], "is not among the 194 states"),
        (["status", "RU", "--on", "2025-02-30"], "must be an ISO date YYYY-MM-DD"),
        (["status", "RU", "--on", "2020-01-01"], "statuses are known from 2021-08-01"),
        (["status", "RU", "--dates", "reported"], "invalid choice: 'reported'"),
        (["events", "--since", "yesterday"], "since must be an ISO date YYYY-MM-DD"),
        (["events", "--since", "2025-01-02", "--until", "2025-01-01"], "since must not be after"),
        (["events", "--country", "ZZ"], "no country matches 'ZZ'"),
        (["events", "--kind", "invasion"], "valid kinds are: takeover, "),
        (["--dataset", "9.9.9"], "the versions this package ships are: 1.0.0"),
        (["versions", "--dataset", "9.9.9"], "unknown dataset version '9.9.9'"),
        (["verify", "--dataset", "9.0.0"], "unknown dataset version '9.0.0'"),
        (["export", "--dataset", "0.1.0", "--out", "x"], "unknown dataset version '0.1.0'"),
        (["export", "--out", ""], "give a folder to write into"),
        (["status", "RU", "--dataset"], "expected one argument"),
        (["events", "--dataset", "1.0"], "unknown dataset version '1.0'"),
        (["cite", "--dataset", "0.9.0"], "unknown dataset version '0.9.0'"),
        (["--dataset", "1.0.0", "--version", "1.0.0"], "give the dataset version once"),
        (["status", "RU", "--version=1.0.0", "--dataset", "1.0.0"], "with --dataset"),
        (["--dataset", "1.0.0", "events", "--dataset", "1.1.0"], "given, 1.0.0 and 1.1.0"),
        (["cite", "--dataset", "1.2.0", "--dataset=1.0.0"], "given, 1.2.0 and 1.0.0"),
        (["--version", "1.0.0", "--version", "1.1.0"], "given, 1.0.0 and 1.1.0"),
        (["--dataset", "1.0.0", "diff", "1.0.0", "1.1.0"], "it takes no --dataset"),
        (["diff", "1.0.0", "1.1.0", "--dataset", "1.0.0"], "unrecognized arguments: --dataset"),
        (["status", "--", "--version"], "no country matches '--version'"),
        (["events", "--format", "xml"], "invalid choice: 'xml'"),
        (["export", "--format", "xlsx", "--out", "x"], "invalid choice: 'xlsx'"),
        (["export"], "the following arguments are required: --out"),
        (["cite", "--format", "ris"], "invalid choice: 'ris'"),
        (["status"], "the following arguments are required: country"),
        (["recognize"], "invalid choice: 'recognize'"),
        (["recognition"], "the following arguments are required: country"),
        (["recognition", "Atlantis"], "no country matches 'Atlantis'"),
        (["recognition", "Afghanistan"], "Afghanistan (AF) has no recognition status"),
        (["recognition", "RU", "--on", "2020-01-01"], "2021-08-01"),
        (["recognition", "RU", "--dataset", "1.0.0"], "dataset 1.0.0 has no recognition"),
        (["representation", "RU", "--direction", "kabul"], "invalid choice: 'kabul'"),
        (["representation", "RU", "--on", "2025-13-01"], "must be an ISO date YYYY-MM-DD"),
        (["representation", "Ukrain"], "did you mean 'Ukraine'"),
        (["representation", "RU", "--dataset", "1.2.0"], "has no representation periods"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(
    cli: Run, args: list[str], message: str
) -> None:
    status, out, err = cli(*args)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("taliban-recognition")
    assert message in err
    assert "Traceback" not in err


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


def test_panel_prints_the_state_year_panel_as_csv(cli_ok: Ok) -> None:
    out = cli_ok("panel", "--countries", "RU", "Namibia")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["country_alpha_2"], r["year"]) for r in rows][:2] == [("NA", "2021"), ("NA", "2022")]
    assert [r["status_code"] for r in rows if r["country_alpha_2"] == "RU"] == ["", "", "", "", "2"]
    assert {r["country_alpha_2"] for r in rows} == {"RU", "NA"}
    named = cli_ok("panel", "--countries", "Iran, Islamic Republic of", "--start", "2025-01-01")
    assert [row["country_alpha_3"] for row in csv.DictReader(io.StringIO(named))] == ["IRN"]
    assert out.startswith(",".join(ds.panel("year").column_names) + "\r\n")


def test_panel_takes_the_options_of_the_api(cli_ok: Ok) -> None:
    out = cli_ok(
        "panel",
        "--unit",
        "dyad",
        "--non-directed",
        "--countries",
        "CN",
        "--freq",
        "month",
        "--start",
        "2025-06-01",
        "--at",
        "period",
        "--dates",
        "corroborated",
    )
    made = ds.dyad_panel(
        "month",
        countries=["CN"],
        start="2025-06-01",
        at="period",
        dates="corroborated",
        directed=False,
    )
    expected = [[("" if v is None else str(v)) for v in row] for row in made.rows()]
    assert [list(row.values()) for row in csv.DictReader(io.StringIO(out))] == expected
    drawn = cli_ok("panel", "--countries", "CN", "--draws", "2", "--seed", "9")
    numbers = [row["draw"] for row in csv.DictReader(io.StringIO(drawn))]
    assert numbers == ["1"] * 5 + ["2"] * 5
    assert drawn == cli_ok("panel", "--countries", "CN", "--draws", "2", "--seed", "9")


def test_panel_writes_files_into_a_folder(cli_ok: Ok, tmp_path: Path) -> None:
    out = cli_ok("panel", "--format", "datapackage", "--out", str(tmp_path / "p"))
    assert out.splitlines() == [
        str(tmp_path / "p" / name)
        for name in ("state_year.csv", "r_colclasses.csv", "datapackage.json")
    ]
    again = cli_ok("panel", "--format", "stata", "--out", str(tmp_path / "p"), "--force")
    assert again.splitlines() == [str(tmp_path / "p" / "state_year.dta")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "stata"), "--format stata writes files: give --out DIR"),
        (("--non-directed",), "--non-directed is an option of --unit dyad"),
        (("--unit", "dyad", "--dataset", "1.2.0"), "has no representation periods"),
        (("--countries", "Atlantis"), "Atlantis"),
        (("--start", "2020-01-01"), "2020-01-01"),
        (("--draws", "0"), "n must be an int from 1 to 10,000"),
        (("--seed", "3"), "--seed is the seed of --draws N"),
        (("--countries", ""), "--countries needs at least one country"),
    ],
)
def test_panel_refuses_what_it_cannot_do(cli: Run, args: tuple[str, ...], message: str) -> None:
    status, out, err = cli("panel", *args)
    assert (status, out) == (2, "")
    assert message in err
