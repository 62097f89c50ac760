"""The diff between versions: a value that changed is told apart from a field a schema added."""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path
from typing import Any

import attrs
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition._diff import _split
from taliban_recognition._schema import build, version_key
from taliban_recognition.strategies import datasets

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import docs_hooks  # noqa: E402 -- a script, not a package module

WHOLE_DATASETS = settings(max_examples=max(25, settings().max_examples // 4))
"""Each example draws whole datasets: a quarter of the profile's examples, as in
test_properties.py."""

ONE_X = st.sampled_from([v for v in tr.versions() if v.startswith("1.")]) | st.from_regex(
    r"1\.(0|[1-9][0-9]?)\.(0|[1-9][0-9]?)", fullmatch=True
)
"""Versions of the schema that records status periods, whose minor versions added fields."""


def as_version(dataset: tr.Dataset, version: str) -> tr.Dataset:
    """`dataset` as an older `version` of the same records has it: without the newer fields."""
    values = {field.name: getattr(dataset, field.name) for field in attrs.fields(tr.Dataset)}
    values = {name: value for name, value in values.items() if not name.startswith("_")}
    return build(tr.Dataset, version_key(version), {**values, "version": version})


def leaves(names: tuple[str, ...]) -> set[str]:
    """The field names of ``Type.field`` names."""
    return {name.split(".")[1] for name in names}


@st.composite
def older_and_newer(draw: st.DrawFn) -> tuple[tr.Dataset, tr.Dataset]:
    """A 1.x dataset, and the same records as an older 1.x version has them."""
    one, other = draw(ONE_X), draw(ONE_X)
    low, high = sorted((one, other), key=version_key)
    newer = draw(datasets(max_events=4, max_states=3, version=high))
    return as_version(newer, low), newer


@WHOLE_DATASETS
@given(older_and_newer())
def test_a_version_that_only_adds_fields_changes_no_record(
    pair: tuple[tr.Dataset, tr.Dataset],
) -> None:
    older, newer = pair
    change = tr.DatasetDiff.between(older, newer)
    assert change.changed == ()
    assert change.removed == ()
    assert change.dataset == ()
    # Only records of collections the newer schema added are new (1.1.0's references).
    assert {f"Dataset.{collection}" for collection, _ in change.added} <= set(change.fields_added)
    added = leaves(change.fields_added)
    for record in change.extended:
        assert record.fields == ()
        assert record.extended
        for field in record.extended:
            assert field.old is None
            assert field.new is not None
            assert field.path.split(".")[-1] in added, field.path
    back = tr.DatasetDiff.between(newer, older)
    assert back == change.reversed()
    assert back.changed == ()
    assert all(field.new is None for r in back.extended for field in r.extended)
    if not change.fields_added:  # versions of one schema: nothing to extend
        assert change.extended == ()


@WHOLE_DATASETS
@given(older_and_newer(), st.data())
def test_a_value_that_changed_is_changed_whatever_fields_are_added(
    pair: tuple[tr.Dataset, tr.Dataset], data: st.DataObject
) -> None:
    older, newer = pair
    assume(older.events)
    event = data.draw(st.sampled_from(older.events))
    corrected = attrs.evolve(event, summary=event.summary + " Corrected.")
    events = tuple(corrected if e.id == event.id else e for e in older.events)
    baseline = tr.DatasetDiff.between(older, newer)
    change = tr.DatasetDiff.between(attrs.evolve(older, events=events), newer)
    (record,) = change.changed
    assert (record.collection, record.id) == ("events", event.id)
    assert record.fields == (tr.FieldChange("summary", corrected.summary, event.summary),)
    gained = {(r.collection, r.id): r.extended for r in baseline.extended}
    assert record.extended == gained.pop(("events", event.id), ())  # its new fields, as before
    assert {(r.collection, r.id): r.extended for r in change.extended} == gained
    others = sum(r.collection == "events" for r in change.extended)
    assert f"events: 0 added, 0 removed, 1 changed, {others} extended" in change.summary()


@WHOLE_DATASETS
@given(datasets(max_events=4, max_states=3), datasets(max_events=4, max_states=3))
def test_changed_and_extended_records_are_apart_and_say_what_differs(
    a: tr.Dataset, b: tr.Dataset
) -> None:
    change = tr.DatasetDiff.between(a, b)
    changed = {(r.collection, r.id) for r in change.changed}
    extended = {(r.collection, r.id) for r in change.extended}
    assert not changed & extended
    assert all(r.fields for r in change.changed)
    assert all(not r.fields and r.extended for r in change.extended)
    schema = leaves(change.fields_added + change.fields_removed)
    for record in change.changed + change.extended:
        for field in record.extended:  # a field one of the two schemas does not have
            assert field.path.split(".")[-1] in schema, field.path
            assert (field.old is None) != (field.new is None)
    if not (change.fields_added or change.fields_removed):
        assert change.extended == ()


def test_items_that_differ_only_in_a_field_one_schema_lacks_are_extended() -> None:
    quote: dict[str, Any] = {"quote": "Last April", "start": 0}
    more = {**quote, "language": "en"}  # a field a later schema might add to each quote
    assert _split({"evidence": [quote]}, {"evidence": [more]}, "") == (
        [],
        [tr.FieldChange("evidence", [quote], [more])],
    )
    moved = {**more, "start": 1}
    assert _split({"evidence": [quote]}, {"evidence": [moved]}, "") == (
        [tr.FieldChange("evidence", [quote], [moved])],
        [],
    )
    # A field the older schema lacks and the newer leaves empty is no difference at all.
    assert _split({"id": "x"}, {"id": "x", "codes": None}, "") == ([], [])
    assert _split({"id": "x", "codes": None}, {"id": "x", "codes": {"cameo": "050"}}, "") == (
        [tr.FieldChange("codes", None, {"cameo": "050"})],  # a value the older version had: None
        [],
    )


def test_the_report_marks_extended_records_and_the_version_without_the_field() -> None:
    report = str(tr.diff("1.0.0", "1.1.0")).splitlines()
    start = report.index("^ events/russia-recognizes-taliban")
    assert report[start + 1 : start + 3] == [
        "    actor.country.cow_code: (not in 1.0.0) -> 365",
        '    actor.country.cow_abbr: (not in 1.0.0) -> "RUS"',
    ]
    assert not [line for line in report if line.startswith("~ ")]
    back = str(tr.diff("1.1.0", "1.0.0"))
    assert "    actor.country.cow_code: 365 -> (not in 1.0.0)" in back
    summary = tr.diff("1.1.0", "1.2.0").summary()
    assert "statuses: 0 added, 0 removed, 27 changed, 171 extended" in summary
    assert "    new fields: country.gw_microstate (198)" in summary


# The changelog agrees with the diff ------------------------------------------------------------


def release_entries() -> dict[str, str]:
    """Each dataset version's entry in CHANGELOG.md, by version."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    parts = re.split(r"^### Dataset (\d+\.\d+\.\d+)\n", text, flags=re.MULTILINE)
    return {
        version: " ".join(body.split("\n## ")[0].split())
        for version, body in zip(parts[1::2], parts[2::2], strict=True)
    }


def test_every_release_entry_says_what_its_diff_counts() -> None:
    entries = release_entries()
    versions = tr.versions()
    assert set(entries) == set(versions)
    for before, after in itertools.pairwise(versions):
        change, entry = tr.diff(before, after), entries[after]
        if "no value changed" in entry:
            assert change.changed == (), after
            assert change.removed == (), after
        if "nothing removed" in entry:
            assert change.removed == (), after
        assert {c for c, _ in change.removed} <= {"statuses"}, after  # 2.0.0 derives them
    assert "no value changed" in entries["1.1.0"]
    assert f"{len(tr.diff('1.0.0', '1.1.0').extended)} records extended" in entries["1.1.0"]


def test_the_changelog_page_reports_extended_records_apart() -> None:
    page = docs_hooks.release_diffs(tr.load())
    for before, after in zip(tr.versions(), tr.versions()[1:], strict=False):
        assert tr.diff(before, after).summary() in page
    assert "events: 0 added, 0 removed, 0 changed, 22 extended" in page  # 1.0.0 to 1.1.0
