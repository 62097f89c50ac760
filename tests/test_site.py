"""The documentation site: it builds, and what it says about the data comes from the data."""

from __future__ import annotations

import enum
import html as html_module
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import taliban_recognition as tr
from taliban_recognition import _errors
from taliban_recognition._tables import TABLES
from taliban_recognition.strategies import datasets

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import docs_hooks  # noqa: E402 -- a script, not a package module

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built as CI builds it: strict, so any warning fails the build."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return out


def page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def section(html: str, anchor: str) -> str:
    """The HTML from the heading with this id to the next heading of its level or above."""
    start = html.index(f'id="{anchor}"')
    end = re.compile(r"<h[1-3][ >]").search(html, start)
    return html[start : end.start() if end else len(html)]


def svg(html: str, label: str) -> ET.Element:
    match = re.search(rf'<svg [^>]*aria-label="{re.escape(label)}".*?</svg>', html, re.DOTALL)
    assert match is not None, label
    return ET.fromstring(match[0])  # noqa: S314 -- our own build output


def test_every_public_name_is_in_the_api_reference(site: Path) -> None:
    api = page(site, "api")
    for name in tr.__all__:
        assert f'id="taliban_recognition.{name}"' in api, name


def test_the_api_reference_draws_the_error_hierarchy(site: Path) -> None:
    api = html_module.unescape(re.sub(r"<[^>]+>", "", page(site, "api")))
    assert docs_hooks.error_tree() in api
    assert "UnknownActorError" in docs_hooks.error_tree()


def test_the_errors_docstring_draws_the_hierarchy_the_classes_have() -> None:
    tree = "\n".join(f"    {line}" for line in docs_hooks.error_tree().splitlines())
    assert _errors.__doc__ is not None
    assert tree in _errors.__doc__


def test_the_data_dictionary_lists_every_field_and_member(site: Path) -> None:
    html = page(site, "data-dictionary")
    for cls in docs_hooks.RECORDS:
        part = section(html, f"record-{cls.__name__.lower()}")
        for field in attrs.fields(cls):
            if not field.name.startswith("_"):
                assert f"<td><code>{field.name}</code></td>" in part, (cls, field.name)
    for kind in docs_hooks.ENUMS:
        part = section(html, f"enum-{kind.__name__.lower()}")
        for member in kind:
            assert f"<td><code>{member.name}</code></td>" in part, member
            assert f"<td><code>{member.value}</code></td>" in part, member
    for table in TABLES:
        part = section(html, f"table-{table.name.replace('_', '-')}")
        for column in table.columns:
            assert f"<td><code>{column.name}</code></td>" in part, (table.name, column.name)


def test_every_record_type_and_enum_of_the_api_is_in_the_data_dictionary() -> None:
    public = [getattr(tr, name) for name in tr.__all__]
    reports = {tr.DatasetDiff, tr.RecordChange, tr.FieldChange}  # what diff says, not data
    records = {c for c in public if isinstance(c, type) and attrs.has(c)} - reports
    enums = {c for c in public if isinstance(c, type) and issubclass(c, enum.Enum)}
    assert records == set(docs_hooks.RECORDS)
    assert enums == set(docs_hooks.ENUMS)


def test_every_field_and_member_has_a_meaning() -> None:
    for kind in docs_hooks.ENUMS:
        docs = docs_hooks.attribute_docs(kind)
        assert all(docs[member.name][1] for member in kind), kind
    for cls in docs_hooks.RECORDS:
        docs = docs_hooks.attribute_docs(cls)
        fields = [f.name for f in attrs.fields(cls) if not f.name.startswith("_")]
        assert all(docs[name][1] for name in fields), cls


def test_the_timeline_has_every_event_linked_to_its_quotes(site: Path) -> None:
    html = page(site, "timeline")
    ds = tr.load()
    figure = svg(html, f"Timeline of the events of dataset {ds.version}")
    rows = {a.get("id"): a for a in figure.iter(f"{SVG}a")}
    assert set(rows) == {f"timeline-{e.id}" for e in ds.events}
    for event in ds.events:
        row = rows[f"timeline-{event.id}"]
        assert row.get("href") == f"#event-{event.id}"
        assert f'id="event-{event.id}"' in html
        start = html.index(f'id="event-{event.id}"')
        entry = html[start : html.find('id="event-', start + 1)]
        shown = " ".join(html_module.unescape(re.sub(r"<[^>]+>", "", entry)).split())
        for item in event.evidence:
            assert f"\u201c{' '.join(item.quote.split())}\u201d" in shown, item
            assert f"characters {item.start} to {item.end}" in shown
        if event.date.precision is tr.DatePrecision.DAY:
            assert row.find(f"{SVG}circle") is not None
        else:
            mark = [r for r in row.iter(f"{SVG}rect") if r.get("class") != "band"]
            expected = "range" if event.date.precision is tr.DatePrecision.UNKNOWN else "known"
            assert [r.get("class") for r in mark] == [expected]


def test_uncertain_dates_are_drawn_as_ranges_to_scale() -> None:
    ds = tr.load("1.0.0")
    figure = ET.fromstring(docs_hooks.event_timeline(ds))  # noqa: S314 -- our own output
    widths = {}
    for row in figure.iter(f"{SVG}a"):
        marks = [r for r in row.iter(f"{SVG}rect") if r.get("class") != "band"]
        widths[str(row.get("id")).removeprefix("timeline-")] = sum(
            float(mark.get("width", "0")) for mark in marks
        )
    # [2021-08..2025-07-03] spans the whole coverage; [2025-04..2025-07-03] about 3 months of it
    assert widths["china-posts-ambassador"] > 10 * widths["russia-accepts-taliban-ambassador"] > 0
    assert widths["russia-recognizes-taliban"] == 0.0  # a known day is a dot
    ongoing = [a for a in figure.iter(f"{SVG}a") if a.find(f"{SVG}line") is not None]
    assert {str(a.get("id")) for a in ongoing} == {
        f"timeline-{e.id}" for e in ds.events if e.ongoing
    }


@pytest.mark.parametrize("version", tr.versions())
def test_every_drawn_stretch_of_status_is_what_status_of_answers(version: str) -> None:
    ds = tr.load(version)
    for _, country in docs_hooks.named_states(ds):
        runs = docs_hooks._runs(ds, country)  # noqa: SLF001 -- the figure's own data
        assert runs[0][0] == ds.coverage_start
        assert runs[-1][1] == ds.as_of
        for (first, last, status), after in zip(runs, [*runs[1:], None], strict=True):
            assert ds.status_of(country, first).value == status
            assert ds.status_of(country, last).value == status
            if after is not None:
                assert (after[0] - last).days == 1
        assert runs[-1][2] == ds.status_of(country).value  # ends on the table's answer


def test_the_status_timeline_has_a_lane_per_named_state(site: Path) -> None:
    html = page(site, "timeline")
    ds = tr.load()
    figure = svg(html, f"Recognition status of the named states, dataset {ds.version}")
    lanes = {a.get("id"): a for a in figure.iter(f"{SVG}a")}
    named = docs_hooks.named_states(ds)
    assert {f"status-timeline-{c.alpha_2.lower()}" for _, c in named} == set(lanes)
    russia = lanes["status-timeline-ru"]
    classes = [r.get("class") for r in russia.iter(f"{SVG}rect")]
    assert classes == ["no_recognition", "unknown", "formal_recognition"]
    for _, country in named:
        assert f'id="status-{country.alpha_2.lower()}"' in html


def test_the_changelog_page_is_the_changelog(site: Path) -> None:
    html = page(site, "changelog")
    for version in tr.versions():
        assert f"Dataset {version}" in html


def test_the_method_page_lists_every_version_and_quotes_the_source(site: Path) -> None:
    html = page(site, "method")
    for version in tr.versions():
        assert tr.load(version).sha256 in html
    text = tr.load().sources[0].text
    first = text.split("\n")[0]
    assert first.split(",")[0] in html


def test_an_unknown_marker_fails_the_build() -> None:
    with pytest.raises(ValueError, match="unknown generated content 'nope'"):
        docs_hooks.generate("<!-- generated: nope -->\n", tr.load())


@settings(max_examples=10, deadline=None)
@given(datasets(max_events=4, max_states=3))
def test_any_dataset_gets_pages_and_well_formed_figures(dataset: tr.Dataset) -> None:
    text = docs_hooks.generate(
        "\n".join(f"<!-- generated: {name} -->" for name in docs_hooks.GENERATORS), dataset
    )
    assert "<!-- generated:" not in text
    figure = ET.fromstring(docs_hooks.event_timeline(dataset))  # noqa: S314 -- our own output
    ids = {a.get("id") for a in figure.iter(f"{SVG}a")}
    assert ids == {f"timeline-{e.id}" for e in dataset.events}
    ET.fromstring(docs_hooks.status_timeline(dataset))  # noqa: S314 -- our own output
