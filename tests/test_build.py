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
from taliban_recognition._schema import version_key

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import build_dataset as builder  # noqa: E402 -- a script, not a package module

ANNOTATIONS = builder.read()
DATA = ROOT / "src" / "taliban_recognition" / "data"
NEWEST = tr.versions()[-1]
_MAJOR, _MINOR, _ = version_key(NEWEST)
NEXT = f"{_MAJOR}.{_MINOR + 1}.0"
"""The version after the newest, which the tests and the guide's worked example write."""


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
    shipped = ", ".join(tr.versions())
    assert f"{shipped}: every data file is its build, byte for byte" in result.stdout


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
    newest = re.escape(tr.versions()[-1])
    for version in tr.versions():
        with pytest.raises(builder.BuildError, match=rf"{re.escape(version)} is released"):
            builder.write(ANNOTATIONS, version)
    with pytest.raises(builder.BuildError, match=rf"1\.0\.9 is not newer than .* {newest}"):
        builder.write(ANNOTATIONS, "1.0.9")
    with pytest.raises(builder.BuildError, match=r"MAJOR\.MINOR\.PATCH, got '1\.9'"):
        builder.write(ANNOTATIONS, "1.9")
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
    for version in tr.versions():
        ds = tr.load(version)
        units: list[list[tr.Country]] = (
            [[p.country for p in ds.statuses]]
            if ds.statuses
            else [
                [p.country for p in ds.recognitions],
                *(
                    [p.country for p in ds.representations if p.direction is d]
                    for d in tr.Direction
                ),
            ]
        )
        for countries in units:
            assert {country.alpha_2 for country in countries} == set(members) - {"AF"}


def test_the_codes_follow_each_state_list_on_its_own() -> None:
    states = {p.country.alpha_2: p.country for p in tr.load("1.2.0").statuses}
    assert (states["RS"].cow_code, states["RS"].cow_abbr, states["RS"].gw_code) == (345, "YUG", 340)
    assert (states["YE"].cow_code, states["YE"].gw_code, states["YE"].gw_abbr) == (679, 678, "YEM")
    assert (states["DE"].cow_code, states["DE"].gw_code) == (255, 260)
    assert (states["VN"].gw_code, states["VN"].gw_abbr) == (816, "DRV")
    assert (states["KI"].cow_code, states["KI"].gw_code, states["KI"].gw_abbr) == (946, 970, "KBI")
    assert (states["NR"].cow_code, states["NR"].gw_code) == (970, 971)  # 970 is each list's other
    micro = {code for code, c in states.items() if c.gw_microstate}
    assert len(micro) == 21
    assert {"MC", "LI", "AD", "SM", "TV", "NR"} <= micro
    for country in states.values():
        assert (country.gw_code is None) == (country.gw_microstate is None), country
    neither = {code for code, c in states.items() if c.cow_code is None and c.gw_code is None}
    assert neither == {"VA", "PS"}


def test_a_corrections_table_replaces_the_upstream_values_it_lists(on_disk: Path) -> None:
    (on_disk / "tables" / "cow-gw-fix.csv").write_text(
        "alpha_2,gw_code,gw_abbr,reason\nRS,345,YUG,a test departure\n", encoding="utf-8"
    )
    entry = """
[cow-gw-fix]
file = "tables/cow-gw-fix.csv"
key = "alpha_2"
corrects = "cow-gw"
describes = "x"
upstream = "x"
version = "x"
url = "https://example.org"
checked = "x"
checked_on = 2026-12-01
"""
    spoil(on_disk, "tables.toml", None, entry)
    annotations = builder.read(on_disk)
    assert annotations.files["cow-gw"]["RS"]["gw_code"] == "340"  # the upstream's, as it is
    serbia = builder.compile_version(annotations, "1.2.0").status_periods("RS")[0].country
    assert (serbia.gw_code, serbia.gw_abbr, serbia.cow_code) == (345, "YUG", 345)
    spoil(on_disk, "tables/cow-gw-fix.csv", "a test departure", "")
    with pytest.raises(builder.BuildError, match="RS corrects no row of cow-gw, or says why"):
        builder.compile_version(builder.read(on_disk), "1.2.0")


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
    countries = {p.country.alpha_2: p.country for p in tr.load().recognitions}
    assert countries == {p.country.alpha_2: p.country for p in tr.load("1.2.0").statuses}
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
            WELCOME,
            {"evidence": ["Moscow's move comes after"]},
            "occurs 0 times; the source writes \u2019 where the quote has '",
        ),
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


# The shape of the annotations, checked before anything is built ------------------------------


@pytest.fixture
def on_disk(tmp_path: Path) -> Path:
    """A copy of the annotations to spoil."""
    shutil.copytree(ROOT / "annotations", tmp_path / "annotations")
    return tmp_path / "annotations"


def spoil(root: Path, name: str, old: str | None, new: str) -> None:
    """Replace `old` once in an annotation file, or append `new` when `old` is None."""
    text = (root / name).read_text(encoding="utf-8")
    if old is None:
        text += new
    else:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    (root / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        (
            "events.toml",
            None,
            "\n[event.x]\nkind = 'takeover'\n",
            r"tables of no record: \['event'\]",
        ),
        (
            "statuses.toml",
            None,
            "\n[[chain.BR]]\nbasis = 'stated'\n",
            r"\['chain'\]; use \[\[chains",
        ),
        (
            "statuses.toml",
            "\n[[default]]\n",
            "\n[default]\n",
            r"\[\[default\]\]: expected an array of tables",
        ),
        ("dataset.toml", "as_of =", "as_off =", r"\['as_off'\] are no fields of the dataset"),
        (
            "tables.toml",
            "\nfills = ",
            "\nfils = ",
            r"\[iso-3166\]: a name of its own, and only file",
        ),
        (
            "tables.toml",
            "\n[un-membership]\n",
            '\n[un-membership]\ncorrects = "cow-gw2"\n',
            "corrects names another",
        ),
        ("tables.toml", "checked_on = 2026-12-01", "", r"\[iso-3166\]: says nothing of checked_on"),
        ("releases.toml", 'version = "1.1.0"', 'version = "1.1"', "MAJOR.MINOR.PATCH, got '1.1'"),
        ("events.toml", 'kind = "takeover"', 'kind = "takeover"\nsince = "1.9.0"', "'1.9.0' is no"),
    ],
)
def test_a_misspelt_or_misshapen_table_is_refused(
    on_disk: Path, name: str, old: str | None, new: str, message: str
) -> None:
    spoil(on_disk, name, old, new)
    with pytest.raises(builder.BuildError, match=message):
        builder.read(on_disk)


def correction(path: str, *, version: str = '"1.1.0"', was: str | None = None) -> str:
    lines = ["", "[[corrections]]", f"version = {version}", f'path = "{path}"', 'why = "test"']
    return "\n".join([*lines, *([f"was = {was}"] if was is not None else []), ""])


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (correction("events.russia-recognizes-taliban.place"), "without `was` it must name one"),
        (correction("events.nope.summary", was='"x"'), "nothing at 'nope'"),
        (correction("statuses.chains.RU.1", was="{}"), "must end at a field, not a position"),
        (correction("statuses.chains.RU.x.notes", was='"x"'), "nothing at 'x'"),
        (correction("events.russia-recognizes-taliban.summary", version='"1.5.0"'), "a release's"),
        (correction("events.russia-recognizes-taliban.summary", version="1.3"), "a release's"),
        (correction("cow-gw.RS.cow_code", was="345"), "a cell of a reference table was text"),
        (
            correction("events.russia-recognizes-taliban.sumary", was='"x"'),
            "'sumary' is no field of any record",
        ),
        (correction("cow-gw.RS.cow_cod", was='"345"'), "'cow_cod' is no field"),
    ],
)
def test_a_correction_that_names_no_field_or_release_is_refused(
    on_disk: Path, entry: str, message: str
) -> None:
    spoil(on_disk, "corrections.toml", None, entry)
    with pytest.raises(builder.BuildError, match=message):
        builder.read(on_disk)


def test_the_real_annotations_read_from_a_copy_as_they_do_in_place(on_disk: Path) -> None:
    assert builder.read(on_disk) == ANNOTATIONS


# What later versions add and correct stays out of the earlier ones ---------------------------

LATER = {"version": NEXT, "date": ANNOTATIONS.releases[NEWEST]["date"], "summary": "x"}


def with_later_version(**files: Any) -> builder.Annotations:
    return attrs.evolve(changed(**files), releases={**ANNOTATIONS.releases, NEXT: LATER})


def test_a_table_added_with_since_is_left_out_of_earlier_versions() -> None:
    events = events_with(
        "taliban-vows-to-counter-islamic-state",
        corroboration={
            "since": NEXT,
            "date": "2021-09",
            "reference_id": "wikipedia-fall-of-kabul-2021",
        },
    )
    recognitions = copy.deepcopy(ANNOTATIONS.files["recognitions"])
    recognitions["chains"]["BR"] = [
        {**recognitions["default"][0], "since": NEXT, "notes": f"Brazil, from {NEXT}."}
    ]
    later = with_later_version(events=events, recognitions=recognitions)
    for version in tr.versions():  # Brazil takes the default chain before NEXT
        assert (
            dumps(builder.compile_version(later, version))
            == (DATA / f"{version}.json").read_bytes()
        )
    new = builder.compile_version(later, NEXT)
    corroboration = new.event("taliban-vows-to-counter-islamic-state").corroboration
    assert corroboration is not None
    assert str(corroboration.date) == "2021-09"
    assert new.recognition_periods("BR")[0].notes == f"Brazil, from {NEXT}."


def test_a_correction_is_undone_in_earlier_versions() -> None:
    events = events_with("russia-recognizes-taliban", summary="Russia recognizes the Taliban.")
    old = ANNOTATIONS.files["events"]["events"]["russia-recognizes-taliban"]["summary"]
    undone = {
        "version": NEXT,
        "path": "events.russia-recognizes-taliban.summary",
        "was": old,
        "why": "test",
    }
    added = {"version": NEXT, "path": "events.russia-recognizes-taliban.place", "why": "test"}
    events["events"]["russia-recognizes-taliban"]["place"] = "Moscow"  # no such field: refused
    known = ANNOTATIONS.corrections
    later = attrs.evolve(with_later_version(events=events), corrections=(*known, undone, added))
    for version in tr.versions():
        assert (
            dumps(builder.compile_version(later, version))
            == (DATA / f"{version}.json").read_bytes()
        )
    with pytest.raises(builder.BuildError, match=r"unknown field\(s\) \['place'\]"):
        builder.compile_version(later, NEXT)
    del events["events"]["russia-recognizes-taliban"]["place"]
    fixed = attrs.evolve(later, corrections=(*known, undone))
    new = builder.compile_version(fixed, NEXT)
    assert new.event("russia-recognizes-taliban").summary == "Russia recognizes the Taliban."


def test_a_changed_fact_without_its_correction_is_named_by_the_check() -> None:
    events = events_with("russia-recognizes-taliban", summary="Russia recognizes the Taliban.")
    problems = builder.check(changed(events=events), list(tr.versions()))
    assert len(problems) == len(tr.versions())
    for version, problem in zip(tr.versions(), problems, strict=True):
        assert problem.startswith(f"data/{version}.json differs from its build; record in")
        assert "~ events/russia-recognizes-taliban\n        summary: " in problem


def test_the_check_builds_a_listed_version_not_written_yet() -> None:
    later = with_later_version()
    assert builder.check(later, [*tr.versions(), NEXT]) == []
    events = copy.deepcopy(ANNOTATIONS.files["events"])
    events["events"]["new-event"] = {"since": NEXT, "kind": "nothing"}
    with pytest.raises(builder.BuildError, match=r"\[events\.new-event\]"):
        builder.check(attrs.evolve(later, files={**later.files, "events": events}), [NEXT])


def test_write_refuses_while_a_shipped_version_is_not_its_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    monkeypatch.setattr(builder, "DATA", data)
    monkeypatch.setattr(builder, "CITATION", tmp_path / "CITATION.cff")
    events = events_with("russia-recognizes-taliban", summary="Russia recognizes the Taliban.")
    with pytest.raises(
        builder.BuildError, match=rf"data/{re.escape(NEWEST)}\.json differs from its build"
    ):
        builder.write(with_later_version(events=events), NEXT)
    assert sorted(p.name for p in data.iterdir()) == sorted(p.name for p in DATA.iterdir())
    assert builder.write(with_later_version(), NEXT).startswith(f"wrote data/{NEXT}.json")
    assert (data / f"{NEXT}.json").is_file()


# The maintainers' guide, worked in a throwaway copy -------------------------------------------

GUIDE = ROOT / "docs" / "maintaining.md"
FENCE = re.compile(r"^( *)```diff\n(.*?)^\1```$", re.MULTILINE | re.DOTALL)
EXAMPLE = "2.1.0"
"""The version the guide's worked example writes; the tests write it as `NEXT`."""
LOGS = ("annotations/releases.toml", "annotations/corrections.toml")
"""Files kept oldest entry first: the guide's entries for them go at their end."""


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
    """Apply each hunk where its old lines stand, which must be exactly one place.

    The worked example's version is renumbered `NEXT`, and its entries of the logs go at their
    end, so that the example still applies once later versions are out.
    """
    for path, old, new in hunks:
        lines = (root / path).read_text(encoding="utf-8").split("\n")
        renumbered = [line.replace(EXAMPLE, NEXT) for line in new]
        if path in LOGS:
            assert new[: len(old)] == old, (path, "a log entry is appended, after its context")
            lines[-1:] = [*renumbered[len(old) :], ""]
        else:
            places = [n for n in range(len(lines)) if lines[n : n + len(old)] == old]
            assert len(places) == 1, (path, old[:3], len(places))
            lines[places[0] : places[0] + len(old)] = renumbered
        (root / path).write_text("\n".join(lines), encoding="utf-8")


PROBE = """
import json, sys, tempfile
import taliban_recognition as tr
import docs_hooks
from build_dataset import compile_version, read
newest, example = sys.argv[1:]
new, old = tr.load(example), tr.load(newest)
with tempfile.TemporaryDirectory() as folder:
    new.export(folder, format="datapackage")
    package = json.load(open(folder + "/datapackage.json", encoding="utf-8"))
(events,) = [r["schema"]["fields"] for r in package["resources"] if r["name"] == "events"]
changes = tr.diff(newest, example)
print(json.dumps({
    "package": tr.__file__,
    "versions": tr.versions(),
    "columns": list(new.to_records()["events"][0]),
    "old_columns": list(old.to_records()["events"][0]),
    "places": {e.id: e.place for e in new.events if e.place is not None},
    "schema": events[-1],
    "fields_added": changes.fields_added,
    "changed": [[r.collection, r.id, [[c.path, c.old, c.new] for c in r.fields],
                 [[c.path, c.old, c.new] for c in r.extended]]
                for r in changes.changed],
    "extended": len(changes.extended),
    "dictionary": docs_hooks.data_dictionary(new),
    "summary_before": compile_version(read(), newest).event("isis-k-bombing-in-moscow").summary,
}))
"""


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository with the guide's diffs applied and its version written."""
    root = tmp_path_factory.mktemp("maintainer")
    for part in ("src", "scripts", "annotations", "seeds"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "CITATION.cff", root)
    apply(root, guide_hunks())
    script = str(root / "scripts" / "build_dataset.py")
    checked = subprocess.run(
        [sys.executable, script, "--check"], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr
    assert f"{NEXT}: builds; not written yet" in checked.stdout
    written = subprocess.run(
        [sys.executable, script, "--write", NEXT], capture_output=True, text=True, check=False
    )
    assert written.returncode == 0, written.stderr
    checked = subprocess.run(
        [sys.executable, script, "--check"], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr
    assert f"{', '.join([*tr.versions(), NEXT])}: every data file is its build" in checked.stdout
    return root


def probe(root: Path) -> dict[str, Any]:
    environment = {**os.environ, "PYTHONPATH": f"{root / 'src'}{os.pathsep}{root / 'scripts'}"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, NEWEST, NEXT],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
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
    assert all(EXAMPLE in "".join(new) for path, _, new in guide_hunks() if path in LOGS)


def test_a_field_declared_once_reaches_every_table_schema_diff_and_dictionary(
    example: Path,
) -> None:
    found = probe(example)
    assert found["versions"] == [*tr.versions(), NEXT]
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
    assert "| `place` | string |  |" in found["dictionary"]  # not required: no ", required"


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
                ]
            ],
            [["place", None, "Moscow"]],  # a field the new version adds: extended
        ]
    ]
    assert found["extended"] == 0  # no other event has a place
    assert found["summary_before"] == "A fatal ISIS-K bombing in Moscow."  # built, not read
    data = example / "src" / "taliban_recognition" / "data"
    manifest = (data / "SHA256SUMS").read_text(encoding="utf-8")
    assert manifest.startswith((DATA / "SHA256SUMS").read_text(encoding="utf-8"))
    assert (data / "RELEASES").read_text(encoding="utf-8").endswith(f"{NEXT}  2026-12-01\n")
    assert f'version: "{NEXT}"' in (example / "CITATION.cff").read_text(encoding="utf-8")


# The reference tables against their upstream lists -------------------------------------------

sys.path.insert(0, str(ROOT / "scripts"))
import check_upstream  # noqa: E402 -- a script, not a package module

SINCE = ANNOTATIONS.files["dataset"]["coverage_start"]


def upstream_from_the_table() -> dict[str, dict[int, dict[str, str]]]:
    """State lists that give exactly what the cow-gw table says, with the spells it leaves out."""
    lists: dict[str, dict[int, dict[str, str]]] = {"COW": {}, "GW": {}}
    for row in ANNOTATIONS.files["cow-gw"].values():
        for name, number, abbr in (("COW", "cow_code", "cow_abbr"), ("GW", "gw_code", "gw_abbr")):
            if row[number]:
                flag = row["gw_microstate"] if name == "GW" else "false"
                spell = {"country_name": row["alpha_2"], "microstate": flag}
                lists[name][int(row[number])] = {
                    "cowc" if name == "COW" else "gwc": row[abbr]
                } | spell
    for entry in ANNOTATIONS.tables["cow-gw"]["outside"]:
        name, number = entry.split()
        lists[name][int(number)] = {
            "cowc": "OUT",
            "gwc": "OUT",
            "country_name": entry,
            "microstate": "true",
        }
    return lists


def test_lists_that_say_what_the_tables_say_raise_no_false_alarm() -> None:
    assert check_upstream.compare(ANNOTATIONS, upstream_from_the_table()) == []
    plover = {
        code: (r["plover"], r["plover_mode"], r["plover_context"])
        for code, r in ANNOTATIONS.files["cameo-plover"].items()
        if r["plover"]
    }
    assert check_upstream.compare_plover(ANNOTATIONS, plover) == []


@pytest.mark.parametrize(
    ("spoil_lists", "message"),
    [
        (lambda ls: ls["COW"][365].update(cowc="RUZ"), "RU: COW 365 is RUZ"),
        (lambda ls: ls["GW"].pop(221), "MC: GW 221 is no spell open in coverage"),
        (lambda ls: ls["GW"][221].update(microstate="false"), "MC: GW 221 is microstate=false"),
        (
            lambda ls: ls["GW"].__setitem__(
                999, {"gwc": "NEW", "country_name": "New", "microstate": "true"}
            ),
            "GW 999 .New. is open in coverage and no row's",
        ),
    ],
)
def test_a_table_that_departs_from_its_upstream_is_named(
    spoil_lists: Any,
    message: str,
) -> None:
    lists = upstream_from_the_table()
    spoil_lists(lists)
    problems = check_upstream.compare(ANNOTATIONS, lists)
    assert len(problems) == 1
    assert re.match(message, problems[0]), problems


def test_the_lists_are_read_from_their_files_by_spells_open_in_coverage(tmp_path: Path) -> None:
    (tmp_path / "cow-states.csv").write_text(
        "cowcode,cowc,country_name,start,end,microstate\n"
        "365,RUS,Russia,1816-01-01,,false\n"
        "345,YUG,Yugoslavia,1878-07-13,1941-04-20,false\n"
        "345,YUG,Yugoslavia,1944-10-20,,false\n"
        "817,RVN,Republic of Vietnam,1954-06-04,1975-04-30,false\n",
        encoding="utf-8",
    )
    found = check_upstream.spells(tmp_path / "cow-states.csv", "cowcode", "cowc", SINCE)
    assert sorted(found) == [345, 365]
    assert found[345]["start"] == "1944-10-20"
    (tmp_path / "bad.csv").write_text("code,name\n1,x\n", encoding="utf-8")
    with pytest.raises(builder.BuildError, match="expected the columns"):
        check_upstream.spells(tmp_path / "bad.csv", "cowcode", "cowc", SINCE)


def test_plovers_table_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "table.txt"
    path.write_text(
        "# a comment\n05: SUPPORT\n050: SUPPORT,   ,   diplomatic # Engage\n"
        "183: ASSAULT,  suicide-attack,  # Bombing\n050: AGREE, , economic # a repeat\n",
        encoding="utf-8",
    )
    table = check_upstream.plover_table(path)
    assert table["050"] == ("SUPPORT", "", "diplomatic")
    assert table["183"] == ("ASSAULT", "suicide-attack", "")
    assert table["05"] == ("SUPPORT", "", "")
    upstream = {**table, "030": ("AGREE", "", "diplomatic"), "051": ("SUPPORT", "", "diplomatic")}
    problems = check_upstream.compare_plover(ANNOTATIONS, upstream)
    assert any(p.startswith("cameo-plover: CAMEO 061 is ('', '', '') upstream") for p in problems)


def test_the_check_says_which_files_it_could_not_read(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_upstream.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "cow-states.csv" in result.stderr
    assert "Traceback" not in result.stderr


def test_several_fields_may_share_one_correction(on_disk: Path) -> None:
    entry = (
        '\n[[corrections]]\nversion = "1.2.0"\n'
        'paths = ["events.russia-recognizes-taliban.summary",'
        ' "events.russia-recognizes-taliban.summary"]\n'
        'was = "x"\nwhy = "test"\n'
    )
    spoil(on_disk, "corrections.toml", None, entry)
    with pytest.raises(builder.BuildError, match="paths names a field twice"):
        builder.read(on_disk)
    shared = [c for c in ANNOTATIONS.corrections if c["path"].startswith("cow-gw.AD.")]
    assert [c["path"] for c in shared] == [
        f"cow-gw.AD.{f}" for f in ("gw_code", "gw_abbr", "gw_microstate")
    ]
    assert all(c["was"] == "" and c["why"] == shared[0]["why"] for c in shared)


@pytest.mark.parametrize("cell", ["yes", "True", "1", " true"])
def test_a_true_false_cell_is_true_or_false_in_lower_case(on_disk: Path, cell: str) -> None:
    spoil(on_disk, "tables/cow-gw.csv", "MC,221,MNC,221,MNC,true", f"MC,221,MNC,221,MNC,{cell}")
    with pytest.raises(
        builder.BuildError, match=f"gw_microstate must be true or false, got {cell!r}"
    ):
        builder.compile_version(builder.read(on_disk), "1.2.0")


def with_cow_gw(
    changes: dict[str, dict[str, str]], outside: list[str] | None = None
) -> builder.Annotations:
    """The annotations with some cells of the cow-gw table, or its `outside` list, changed."""
    table = copy.deepcopy(ANNOTATIONS.files["cow-gw"])
    for code, cells in changes.items():
        table[code] |= cells
    tables = copy.deepcopy(ANNOTATIONS.tables)
    if outside is not None:
        tables["cow-gw"]["outside"] = outside
    return attrs.evolve(changed(**{"cow-gw": table}), tables=tables)


@pytest.mark.parametrize(
    ("changes", "outside", "message"),
    [
        ({"RS": {"cow_code": ""}}, None, "RS: a COW abbreviation without a number"),
        ({"MC": {"gw_microstate": ""}}, None, "MC: gw_microstate is given exactly when gw_code is"),
        (
            {},
            ["COW 347", "COW 713", "GW 347", "GW 396", "GW 397", "GW 713", "GW 999"],
            "'GW 999' is no spell open",
        ),
        (
            {},
            ["COW 347", "COW 713", "GW 347", "GW 396", "GW 397", "GW 713", "GV 1"],
            "'GV 1' names no list",
        ),
        (
            {},
            ["COW 347", "COW 713", "GW 347", "GW 396", "GW 397", "GW 713", "GW 221"],
            "'GW 221' is a row's number",
        ),
    ],
)
def test_a_table_that_contradicts_itself_or_its_exclusions_is_named(
    changes: dict[str, dict[str, str]], outside: list[str] | None, message: str
) -> None:
    lists = upstream_from_the_table()
    problems = check_upstream.compare(with_cow_gw(changes, outside), lists)
    assert any(message in problem for problem in problems), problems


def test_a_list_with_two_open_spells_of_one_number_or_a_bad_day_is_refused(tmp_path: Path) -> None:
    head = "cowcode,cowc,country_name,start,end,microstate\n"
    path = tmp_path / "cow-states.csv"
    path.write_text(
        head + "365,RUS,Russia,1816-01-01,,false\n365,RUS,Russia,1992-01-01,,false\n",
        encoding="utf-8",
    )
    with pytest.raises(builder.BuildError, match="two spells of 365 are open after 2021-08-01"):
        check_upstream.spells(path, "cowcode", "cowc", SINCE)
    path.write_text(head + "365,RUS,Russia,1816-01-01,2021-13-01,false\n", encoding="utf-8")
    with pytest.raises(builder.BuildError, match=r"cow-states.csv:2: cowcode must be a number"):
        check_upstream.spells(path, "cowcode", "cowc", SINCE)


def test_a_cameo_code_an_event_uses_needs_a_row_of_plovers_values() -> None:
    table = copy.deepcopy(ANNOTATIONS.files["cameo-plover"])
    del table["054"]
    upstream = {
        c: (r["plover"], r["plover_mode"], r["plover_context"])
        for c, r in table.items()
        if r["plover"]
    }
    problems = check_upstream.compare_plover(changed(**{"cameo-plover": table}), upstream)
    assert problems == ["cameo-plover: no row for CAMEO 054, which an event uses"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('paths = ["dataset.as_of"]\npath = "dataset.as_of"', "a path or paths, not both"),
        ("paths = []", "paths is a list of paths, as text"),
        ("paths = [[1]]", "paths is a list of paths, as text"),
        ('paths = "dataset.as_of"', "paths is a list of paths, as text"),
    ],
)
def test_a_misshapen_list_of_paths_is_refused(on_disk: Path, entry: str, message: str) -> None:
    spoil(
        on_disk,
        "corrections.toml",
        None,
        f'\n[[corrections]]\nversion = "1.2.0"\n{entry}\nwas = "x"\nwhy = "test"\n',
    )
    with pytest.raises(builder.BuildError, match=message):
        builder.read(on_disk)


def test_the_readmes_table_of_versions_is_the_releases() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([0-9]+\.[0-9]+\.[0-9]+) \| (.+) \|$", readme, flags=re.MULTILINE)
    assert rows == [
        (version, " ".join(entry["summary"].split()))
        for version, entry in ANNOTATIONS.releases.items()
    ]
