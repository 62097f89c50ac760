"""The builder and the annotations: every shipped version is its build, and names resolve."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition._convert import dumps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import build_dataset as builder  # noqa: E402 -- a script, not a package module

ANNOTATIONS = builder.read()
DATA = ROOT / "src" / "taliban_recognition" / "data"


def changed(**files: Any) -> builder.Annotations:
    """The annotations with some files replaced."""
    return attrs.evolve(ANNOTATIONS, files={**copy.deepcopy(ANNOTATIONS.files), **files})


def events_with(event_id: str, **fields: Any) -> dict[str, Any]:
    events: dict[str, Any] = copy.deepcopy(ANNOTATIONS.files["events"])
    events["events"][event_id] |= fields
    return events


# Every shipped version is its build ------------------------------------------------------


@pytest.mark.parametrize("version", tr.versions())
def test_every_shipped_version_is_its_build_byte_for_byte(version: str) -> None:
    built = dumps(builder.compile_version(ANNOTATIONS, version))
    assert built == (DATA / f"{version}.json").read_bytes()
    assert hashlib.sha256(built).hexdigest() == tr.load(version).sha256


def test_the_check_finds_nothing_stale() -> None:
    assert builder.check(ANNOTATIONS, list(tr.versions())) == []


def test_the_check_command_passes_and_says_so() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_dataset.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "1.0.0, 1.1.0: every data file is its build, byte for byte" in result.stdout


def test_1_0_0_is_1_1_0_seen_through_the_1_0_0_schema() -> None:
    old = builder.compile_version(ANNOTATIONS, "1.0.0")
    new = builder.compile_version(ANNOTATIONS, "1.1.0")
    assert old.references == ()
    assert all(event.codes is None and event.corroboration is None for event in old.events)
    assert all(period.country.cow_code is None for period in old.statuses)
    assert new.notes.startswith(old.notes + " Country codes (from 1.1.0)")
    assert [e.id for e in old.events] == [e.id for e in new.events]


def test_the_build_never_imports_pycountry() -> None:
    # The names and codes a version records come from the reference tables, so that another
    # pycountry release cannot change a rebuilt file.
    code = (
        "import sys; sys.modules['pycountry'] = None; "
        f"sys.path.insert(0, {str(ROOT / 'scripts')!r}); import build_dataset as b; "
        "print(b.check(b.read(), ['1.0.0', '1.1.0']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[]\n"


def test_write_refuses_a_released_or_older_version() -> None:
    before = {path.name: path.read_bytes() for path in DATA.iterdir()}
    with pytest.raises(builder.BuildError, match=r"1\.1\.0 is released .* never changes"):
        builder.write(ANNOTATIONS, "1.1.0")
    with pytest.raises(builder.BuildError, match=r"1\.0\.9 is not newer than .* 1\.1\.0"):
        builder.write(ANNOTATIONS, "1.0.9")
    assert {path.name: path.read_bytes() for path in DATA.iterdir()} == before


def test_the_release_dates_are_the_annotations() -> None:
    listed = (DATA / "RELEASES").read_text(encoding="utf-8").splitlines()
    assert listed == [
        f"{version}  {ANNOTATIONS.releases[version]['date'].isoformat()}"
        for version in tr.versions()
    ]
    for version in tr.versions():
        assert ANNOTATIONS.releases[version]["summary"].strip()


# The reference tables ------------------------------------------------------------------------


def test_every_reference_table_names_its_upstream_and_how_it_was_checked() -> None:
    listed = {entry["file"] for entry in ANNOTATIONS.tables.values()}
    on_disk = {f"tables/{p.name}" for p in (ROOT / "annotations" / "tables").iterdir()}
    assert listed == on_disk
    for name, entry in ANNOTATIONS.tables.items():
        for field in builder.PROVENANCE:
            assert entry[field], (name, field)
        assert entry["url"].startswith(("https://", "http://")), name
        assert len(entry["checked"].split()) >= 10, name  # says how, not just "yes"


def test_each_covered_state_has_one_row_in_each_table_of_states() -> None:
    files = ANNOTATIONS.files
    members = files["un-membership"]
    assert len(members) == 195
    assert sorted(row["membership"] for row in members.values()).count("member") == 193
    assert {code for code, row in members.items() if row["membership"] == "observer"} == {
        "PS",
        "VA",
    }
    for name in ("iso-3166", "cow-gw"):
        assert set(files[name]) == set(members), name
    covered = {period.country.alpha_2 for period in tr.load().statuses}
    assert covered == set(members) - {"AF"}


def test_corrections_of_the_codes_say_why_and_change_something() -> None:
    corrections = ANNOTATIONS.files["cow-gw-corrections"]
    assert set(corrections) == {"VA", "VN"}
    for code, row in corrections.items():
        assert row["reason"].strip()
        upstream = ANNOTATIONS.files["cow-gw"][code]
        assert {k: v for k, v in row.items() if k != "reason"} != upstream
    vietnam = next(p.country for p in tr.load("1.1.0").statuses if p.country.alpha_2 == "VN")
    assert (vietnam.gw_code, vietnam.gw_abbr) == (816, "DRV")


def test_every_name_an_annotation_gives_resolves() -> None:
    files = ANNOTATIONS.files
    countries = set(files["iso-3166"])
    actors = files["actors"]["actors"]
    events = files["events"]["events"]
    references = files["references"]["references"]
    for actor in actors.values():
        assert actor.get("country", "AF") in countries
    for event_id, event in events.items():
        assert event["actor"] in actors, event_id
        assert event.get("target", event["actor"]) in actors, event_id
        if "corroboration" in event:
            assert event["corroboration"]["reference_id"] in references, event_id
    chains = files["statuses"]["chains"]
    assert set(chains) <= set(files["un-membership"]) - {"AF"}
    for period in [p for chain in chains.values() for p in chain] + files["statuses"]["default"]:
        assert all(event_id in events for event_id in period["events"]), period
    for source in files["sources"]["sources"].values():
        assert (ROOT / source["file"]).is_file()
    for correction in ANNOTATIONS.corrections:
        builder._locate(ANNOTATIONS.files, correction["path"])  # noqa: SLF001 -- resolves


def test_a_country_code_that_reads_as_a_boolean_elsewhere_stays_a_code() -> None:
    # YAML reads Norway's NO as false and pandas Namibia's NA as missing; TOML and the csv
    # module read text as text.
    countries = {p.country.alpha_2: p.country for p in tr.load().statuses}
    assert countries["NO"].alpha_3 == "NOR"
    assert countries["NA"].alpha_3 == "NAM"
    assert ANNOTATIONS.files["iso-3166"]["NA"]["alpha_3"] == "NAM"


# Mistakes are refused with a message that says where ----------------------------------------


EVENT_IDS = sorted(ANNOTATIONS.files["events"]["events"])


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(EVENT_IDS), st.sampled_from(["kind", "summary", "date", "actor"]))
def test_a_misspelt_key_names_the_event_and_the_key(event_id: str, key: str) -> None:
    events = copy.deepcopy(ANNOTATIONS.files["events"])
    body = events["events"][event_id]
    body[key + "s"] = body.pop(key)
    with pytest.raises(builder.BuildError) as caught:
        builder.compile_version(changed(events=events), "1.1.0")
    message = str(caught.value)
    assert f"[events.{event_id}]" in message
    assert f"{key}s" in message or "required field missing" in message


WELCOME = "russia-accepts-taliban-ambassador"


@pytest.mark.parametrize(
    ("event_id", "fields", "message"),
    [
        (WELCOME, {"evidence": ["Russia has officially recognized a new"]}, "occurs 0 times"),
        (WELCOME, {"evidence": ["the Taliban"]}, r"must occur once .*'the Taliban' occurs 6"),
        (WELCOME, {"date": "April 2025"}, "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        (WELCOME, {"date": 2025}, "a date is EDTF text"),
        (WELCOME, {"actor": "moscow"}, r"no actor 'moscow'; known: afghan-central-bank"),
        (WELCOME, {"kind": "welcome"}, "'welcome' is not a valid EventKind"),
        (WELCOME, {"ongoing": "yes"}, "expected bool"),
        (WELCOME, {"date": "2025-08"}, r"corroborated date 2025-07-03 is outside 2025-08"),
        (
            "russia-sees-cooperation-potential",
            {"date": "2025-08"},
            r"events\.toml, russia-sees-cooperation-potential\.date: .* ends after as_of",
        ),
    ],
)
def test_bad_values_are_refused_with_what_was_wrong(
    event_id: str, fields: dict[str, Any], message: str
) -> None:
    with pytest.raises(builder.BuildError, match=message) as caught:
        builder.compile_version(changed(events=events_with(event_id, **fields)), "1.1.0")
    assert event_id in str(caught.value)


# The maintainers' guide, worked in a throwaway copy -------------------------------------------

GUIDE = ROOT / "docs" / "maintaining.md"
FENCE = re.compile(r"^( *)```diff\n(.*?)^\1```$", re.MULTILINE | re.DOTALL)


def guide_hunks() -> list[tuple[str, list[str], list[str]]]:
    """Every hunk of the guide's diffs, in order: the file, its old lines and its new lines."""
    hunks: list[tuple[str, list[str], list[str]]] = []
    for match in FENCE.finditer(GUIDE.read_text(encoding="utf-8")):
        path = ""
        for line in (line[len(match[1]) :] for line in match[2].splitlines()):
            if line.startswith("+++ b/"):
                path = line.removeprefix("+++ b/")
            elif line.startswith("@@"):
                hunks.append((path, [], []))
            elif not line.startswith("--- a/"):
                sign, text = (line[0], line[1:]) if line else (" ", "")
                if sign in " -":
                    hunks[-1][1].append(text)
                if sign in " +":
                    hunks[-1][2].append(text)
    return hunks


def apply(root: Path, hunks: list[tuple[str, list[str], list[str]]]) -> None:
    """Apply each hunk where its old lines stand, which must be exactly one place."""
    for path, old, new in hunks:
        lines = (root / path).read_text(encoding="utf-8").split("\n")
        places = [n for n in range(len(lines)) if lines[n : n + len(old)] == old]
        assert len(places) == 1, (path, old[:3], len(places))
        lines[places[0] : places[0] + len(old)] = new
        (root / path).write_text("\n".join(lines), encoding="utf-8")


PROBE = """
import json, sys, tempfile
import taliban_recognition as tr
import docs_hooks
new, old = tr.load("1.2.0"), tr.load("1.1.0")
with tempfile.TemporaryDirectory() as folder:
    new.export(folder, format="datapackage")
    package = json.load(open(folder + "/datapackage.json", encoding="utf-8"))
(events,) = [r["schema"]["fields"] for r in package["resources"] if r["name"] == "events"]
changes = tr.diff("1.1.0", "1.2.0")
print(json.dumps({
    "package": tr.__file__,
    "versions": tr.versions(),
    "columns": list(new.to_records()["events"][0]),
    "old_columns": list(old.to_records()["events"][0]),
    "places": {e.id: e.place for e in new.events if e.place is not None},
    "schema": events[-1],
    "fields_added": changes.fields_added,
    "changed": [[r.collection, r.id, [[c.path, c.old, c.new] for c in r.fields]]
                for r in changes.changed],
    "dictionary": docs_hooks.data_dictionary(new),
    "summary_1_1_0": old.event("isis-k-bombing-in-moscow").summary,
}))
"""


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository with the guide's diffs applied and version 1.2.0 written."""
    root = tmp_path_factory.mktemp("maintainer")
    for part in ("src", "scripts", "annotations", "seeds"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "CITATION.cff", root)
    apply(root, guide_hunks())
    script = str(root / "scripts" / "build_dataset.py")
    written = subprocess.run(
        [sys.executable, script, "--write", "1.2.0"], capture_output=True, text=True, check=False
    )
    assert written.returncode == 0, written.stderr
    checked = subprocess.run(
        [sys.executable, script, "--check"], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr
    assert "1.0.0, 1.1.0, 1.2.0: every data file is its build" in checked.stdout
    return root


def probe(root: Path) -> dict[str, Any]:
    environment = {**os.environ, "PYTHONPATH": f"{root / 'src'}{os.pathsep}{root / 'scripts'}"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=False, env=environment
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    assert found["package"].startswith(str(root))
    return found


def test_the_guides_diffs_are_one_correction_one_field_and_one_release() -> None:
    files = [path for path, _, _ in guide_hunks()]
    assert files == [
        "annotations/events.toml",
        "annotations/corrections.toml",
        "src/taliban_recognition/_model.py",
        "annotations/events.toml",
        "annotations/releases.toml",
    ]


def test_a_field_declared_once_reaches_every_table_schema_diff_and_dictionary(
    example: Path,
) -> None:
    found = probe(example)
    assert found["versions"] == ["1.0.0", "1.1.0", "1.2.0"]
    assert found["columns"] == [*found["old_columns"], "place"]
    assert found["places"] == {"isis-k-bombing-in-moscow": "Moscow"}
    assert found["schema"] == {
        "name": "place",
        "type": "string",
        "description": "Where it happened, as the source names the place.",
    }
    assert found["fields_added"] == ["Event.place"]
    assert "| `place` | `str | None` | Where it happened" in found["dictionary"]
    assert "`Moscow`" in found["dictionary"]
    assert "| `place` | string | no |" in found["dictionary"]


def test_a_correction_changes_the_new_version_only(example: Path) -> None:
    found = probe(example)
    assert found["changed"] == [
        [
            "events",
            "isis-k-bombing-in-moscow",
            [
                [
                    "summary",
                    "A fatal ISIS-K bombing in Moscow.",
                    "A fatal ISIS-K attack in Moscow, which the source calls a bombing.",
                ],
                ["place", None, "Moscow"],
            ],
        ]
    ]
    assert found["summary_1_1_0"] == "A fatal ISIS-K bombing in Moscow."
    data = example / "src" / "taliban_recognition" / "data"
    for version in ("1.0.0", "1.1.0"):
        assert (data / f"{version}.json").read_bytes() == (DATA / f"{version}.json").read_bytes()
    manifest = (data / "SHA256SUMS").read_text(encoding="utf-8")
    assert manifest.startswith((DATA / "SHA256SUMS").read_text(encoding="utf-8"))
    assert (data / "RELEASES").read_text(encoding="utf-8").endswith("1.2.0  2026-12-01\n")
    assert 'version: "1.2.0"' in (example / "CITATION.cff").read_text(encoding="utf-8")
