"""The documentation site: it builds, and what it says about the data comes from the data."""

from __future__ import annotations

import datetime as dt
import enum
import html as html_module
import importlib
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition import _errors, strategies
from taliban_recognition._tables import TABLES
from taliban_recognition.strategies import datasets

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import api_hooks  # noqa: E402 -- a script, not a package module
import docs_hooks  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable

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


def raw_page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def page(site: Path, name: str) -> str:
    """A page's HTML without the marks of the phone layout (tested apart): the labels of wide
    tables' cells, and the class that lets long codes in tables wrap."""
    html = re.sub(r' data-label="[^"]*"', "", raw_page(site, name))
    return html.replace('<code class="tr-wrap">', "<code>")


def section(html: str, anchor: str) -> str:
    """The HTML from the heading with this id to the next heading of its level or above."""
    start = html.index(f'id="{anchor}"')
    end = re.compile(r"<h[1-3][ >]").search(html, start)
    return html[start : end.start() if end else len(html)]


def svg(html: str, label: str) -> ET.Element:
    match = re.search(rf'<svg [^>]*aria-label="{re.escape(label)}".*?</svg>', html, re.DOTALL)
    assert match is not None, label
    return ET.fromstring(match[0])  # noqa: S314 -- our own build output


def api_pages(site: Path) -> dict[str, str]:
    """The pages of the API reference, by their path below ``api/``."""
    return {
        path.parent.relative_to(site / "api").as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((site / "api").rglob("index.html"))
    }


def test_every_public_name_is_in_the_api_reference_once(site: Path) -> None:
    pages = api_pages(site)
    for name in tr.__all__:
        found = [p for p, html in pages.items() if f'id="taliban_recognition.{name}"' in html]
        assert len(found) == 1, (name, found)
    for name in strategies.__all__:
        assert f'id="taliban_recognition.strategies.{name}"' in pages["strategies"], name


def test_the_api_reference_shows_types_not_code(site: Path) -> None:
    for name, html in api_pages(site).items():
        assert api_hooks.problems(html) == [], name

    def text(page: str, anchor: str) -> str:
        return html_module.unescape(re.sub(r"<[^>]+>", "", section(api_pages(site)[page], anchor)))

    sources = text("records", "taliban_recognition.Source")
    assert "Source(id: str, title: str, sha256: str, text: str" in sources
    assert "sha256: str" in sources
    assert "DateQuery = datetime.date | str" in text("dataset", "taliban_recognition.DateQuery")
    assert "draw" not in text("strategies", "taliban_recognition.strategies.sources")


def test_the_api_reference_draws_the_error_hierarchy(site: Path) -> None:
    api = html_module.unescape(re.sub(r"<[^>]+>", "", page(site, "api/errors")))
    assert docs_hooks.error_tree() in api
    assert "UnknownActorError" in docs_hooks.error_tree()


def test_the_errors_docstring_draws_the_hierarchy_the_classes_have() -> None:
    tree = "\n".join(f"    {line}" for line in docs_hooks.error_tree().splitlines())
    assert _errors.__doc__ is not None
    assert tree in _errors.__doc__


def test_the_data_dictionary_lists_every_field(site: Path) -> None:
    html = page(site, "data-dictionary/records")
    for cls in docs_hooks.RECORDS:
        part = section(html, f"record-{cls.__name__.lower()}")
        for field in attrs.fields(cls):
            if not field.name.startswith("_"):
                assert f"<td><code>{field.name}</code></td>" in part, (cls, field.name)
    statuses = section(html, "record-statusperiod")
    assert "Examples from dataset version 1.2.0" in statuses  # the newest that records them


def test_the_data_dictionary_lists_every_member_and_every_long_list(site: Path) -> None:
    html = page(site, "data-dictionary/enumerations")
    for kind in docs_hooks.ENUMS:
        part = section(html, f"enum-{kind.__name__.lower()}")
        for member in kind:
            assert f"<td><code>{member.name}</code></td>" in part, member
            assert f"<td><code>{member.value}</code></td>" in part, member
    levels = section(html, "enum-representationlevel")
    assert "<th>COW code</th>" in levels
    for level in tr.RepresentationLevel:
        code = level.cow_code
        row = levels[levels.index(f"<td><code>{level.name}</code></td>") :]
        row = row[: row.index("</tr>")]
        assert (f"<td><code>{code}</code></td>" if code is not None else "(missing)") in row
    long_lists = [c for t in TABLES for c in t.columns if len(c.enum) > docs_hooks.LISTED]
    assert {c.name for c in long_lists} >= {"plover_mode", "plover_context"}
    for column in long_lists:  # listed in full here, the tables page shows the first few
        part = section(html, f"values-{column.name.replace('_', '-')}")
        assert all(f"<code>{value}</code>" in part for value in column.enum), column.name


def test_the_data_dictionary_lists_every_column_of_every_table(site: Path) -> None:
    html = page(site, "data-dictionary/tables")
    for table in TABLES:
        part = section(html, f"table-{table.name.replace('_', '-')}")
        for column in table.columns:
            assert f"<td><code>{column.name}</code></td>" in part, (table.name, column.name)
            if len(column.enum) > docs_hooks.LISTED:
                assert f'href="../enumerations/#values-{column.name.replace("_", "-")}"' in part
    index = page(site, "data-dictionary")
    for part in ("records", "enumerations", "tables", "event-codes"):
        assert f'href="{part}/"' in index, part


def test_the_data_dictionary_examples_are_short_and_never_python_reprs() -> None:
    """A record inside a record (an event's codes, its corroboration) is shown by its values."""
    for version in tr.versions():
        text = docs_hooks.dictionary_records(tr.load(version))
        for line in text.splitlines():
            if line.startswith("| `"):
                example = line.split(" | ")[3]
                assert "=<" not in example, example
                assert not re.search(r"`[A-Z][A-Za-z]+\(", example), example
                assert len(example) <= 400, example
    codes = docs_hooks._example(tr.load().events[0].codes)  # noqa: SLF001
    assert codes.startswith("EventCodes: cameo `")


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
        for (first, last, (status, _)), after in zip(runs, [*runs[1:], None], strict=True):
            assert ds.status_of(country, first).value == status
            assert ds.status_of(country, last).value == status
            if after is not None:
                assert (after[0] - last).days == 1
        assert runs[-1][2][0] == ds.status_of(country).value  # ends on the table's answer


def test_the_status_timeline_has_a_lane_per_named_state(site: Path) -> None:
    html = page(site, "timeline")
    ds = tr.load()
    figure = svg(html, f"Recognition status of the named states, dataset {ds.version}")
    lanes = {a.get("id"): a for a in figure.iter(f"{SVG}a")}
    named = docs_hooks.named_states(ds)
    assert {f"status-timeline-{c.alpha_2.lower()}" for _, c in named} == set(lanes)
    for _, country in named:
        lane = lanes[f"status-timeline-{country.alpha_2.lower()}"]
        classes = [r.get("class") for r in lane.iter(f"{SVG}rect")]
        assert classes == [status for _, _, (status, _) in docs_hooks._runs(ds, country)]  # noqa: SLF001
        assert f'id="status-{country.alpha_2.lower()}"' in html


@pytest.mark.parametrize(
    ("version", "drawn"),
    [
        ("1.2.0", ["no_recognition", "unknown", "formal_recognition"]),
        # 2.0.0 records none of Russia's missions before the welcome: unknown, not no_recognition
        ("2.0.0", ["unknown", "formal_recognition"]),
    ],
)
def test_russia_is_drawn_as_its_version_says(version: str, drawn: list[str]) -> None:
    figure = ET.fromstring(docs_hooks.status_timeline(tr.load(version)))  # noqa: S314
    (russia,) = [a for a in figure.iter(f"{SVG}a") if a.get("id") == "status-timeline-ru"]
    assert [r.get("class") for r in russia.iter(f"{SVG}rect")] == drawn


def _cells(html: str, anchor: str) -> list[str]:
    """The text of each cell of the table row that holds this anchor."""
    start = html.rindex("<tr>", 0, html.index(f'id="{anchor}"'))
    row = html[start : html.index("</tr>", start)]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
    return [" ".join(html_module.unescape(re.sub(r"<[^>]+>", "", c)).split()) for c in cells]


def _other_rows(html: str, table_of: str) -> list[list[str]]:
    """The rows of the table that holds the anchor `table_of` that stand for the other states."""
    start = html.rindex("<table>", 0, html.index(f'id="{table_of}"'))
    table = html[start : html.index("</table>", start)]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
    cells = [
        [
            " ".join(html_module.unescape(re.sub(r"<[^>]+>", "", c)).split())
            for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
        ]
        for row in rows
    ]
    return [row for row in cells if row and re.fullmatch(r"\d+ other states?", row[0])]


def test_the_status_table_derives_each_status_and_says_why(site: Path) -> None:
    html = page(site, "timeline")
    ds = tr.load()
    assert docs_hooks.derived(ds)
    for name, country in docs_hooks.named_states(ds):
        cells = _cells(html, f"status-{country.alpha_2.lower()}")
        assert cells[0] == name
        assert cells[2] == ds.status_of(country).value
        assert cells[3] == ", ".join(s.value for s in ds.possible_statuses(country))
        assert cells[4].startswith(docs_hooks.reading(ds, country, ds.as_of))
    assert _cells(html, "status-ru")[4].startswith("formally recognizing")
    assert _cells(html, "status-cn")[4] == (
        "not formally recognizing; mission in Kabul: ambassador; "
        "Taliban mission in the state not recorded"
    )


def test_the_states_the_article_does_not_name_are_unknown_with_the_caveat(site: Path) -> None:
    html = page(site, "timeline")
    ds = tr.load()
    named = {c.alpha_2 for _, c in docs_hooks.named_states(ds)}
    (row,) = _other_rows(html, "status-ru")
    assert row[0] == f"{len(docs_hooks.covered(ds) - named)} other states"
    assert row[0] == "188 other states"
    assert row[2] == "unknown"  # never no_recognition: their engagement is not recorded
    assert row[3] == "no_recognition, de_facto_engagement"
    assert row[4].startswith("not formally recognizing; engagement not recorded.")
    assert "a list it leaves open" in row[4]  # the caveat, from the periods' own notes
    france = ds.representation_periods("France")
    for period in france:
        assert " ".join((period.notes or "").split()) in row[4]


def test_the_dimensions_table_gives_every_period_with_its_window(site: Path) -> None:
    html = page(site, "timeline")
    ds = tr.load()
    for _, country in docs_hooks.named_states(ds):
        cells = _cells(html, f"dimensions-{country.alpha_2.lower()}")
        for cell, (unit, _) in zip(cells[1:4], docs_hooks.UNITS, strict=True):
            periods = docs_hooks.unit_periods(ds, country, unit)
            shown = [f"{docs_hooks.value_of(p)} from {p.start} ({p.basis.value})" for p in periods]
            assert cell == " \u2192 ".join(shown)
        events = {
            e
            for unit, _ in docs_hooks.UNITS
            for p in docs_hooks.unit_periods(ds, country, unit)
            for e in p.events
        }
        assert set(cells[4].split(", ")) == events
    russia = _cells(html, "dimensions-ru")
    assert "ambassador from [2025-04..2025-07-03] (stated)" in russia[3]
    (others,) = _other_rows(html, "dimensions-ru")
    assert others[1:4] == [
        "false from 2021-08 (inferred)",
        "unknown from 2021-08 (inferred)",
        "unknown from 2021-08 (inferred)",
    ]


@pytest.mark.parametrize("version", [v for v in tr.versions() if docs_hooks.derived(tr.load(v))])
def test_every_drawn_stretch_of_a_dimension_is_what_the_queries_answer(version: str) -> None:
    ds = tr.load(version)
    for _, country in docs_hooks.named_states(ds):
        for unit, _ in docs_hooks.UNITS:
            runs = docs_hooks.unit_runs(ds, country, unit)
            assert runs[0][0] == ds.coverage_start
            assert runs[-1][1] == ds.as_of
            for (first, last, periods), after in zip(runs, [*runs[1:], None], strict=True):
                assert docs_hooks.possible_of(ds, country, unit, first) == periods
                assert docs_hooks.possible_of(ds, country, unit, last) == periods
                if after is not None:
                    assert (after[0] - last).days == 1
                    assert after[2] != periods


def test_the_dimension_timeline_has_a_lane_per_named_state_and_dimension(site: Path) -> None:
    html = page(site, "timeline")
    ds = tr.load()
    label = f"Formal recognition and representation of the named states, dataset {ds.version}"
    lanes = {a.get("id"): a for a in svg(html, label).iter(f"{SVG}a")}
    named = docs_hooks.named_states(ds)
    units = [unit for unit, _ in docs_hooks.UNITS]
    assert set(lanes) == {
        f"dimension-timeline-{c.alpha_2.lower()}-{unit}" for _, c in named for unit in units
    }
    drawn = {
        unit: [r.get("class") for r in lanes[f"dimension-timeline-ru-{unit}"].iter(f"{SVG}rect")]
        for unit in units
    }
    assert drawn == {
        "recognition": ["not-recognizing", "recognizing"],
        "state_in_afghanistan": ["level-unknown"],
        "afghanistan_in_state": ["level-unknown", "change", "level-ambassador"],
    }
    for lane in lanes.values():
        assert str(lane.get("href")).removeprefix("#") in {
            f"dimensions-{c.alpha_2.lower()}" for _, c in named
        }


def test_a_1x_version_keeps_its_status_table() -> None:
    table = docs_hooks.statuses(tr.load("1.2.0"))
    assert "| 188 other states |  | `no_recognition` |  | inferred |  |" in table  # 1.x inferred it
    assert "United States | `USA` | `no_recognition` |" in table
    assert "recorded from dataset version 2.0.0" in docs_hooks.dimensions(tr.load("1.2.0"))


def test_the_changelog_page_is_the_changelog(site: Path) -> None:
    html = page(site, "changelog")
    for version in tr.versions():
        assert f"Dataset {version}" in html
    assert 'href="../migration/"' in html  # the changelog's docs/ links work on the site


def test_the_coding_rules_and_the_migration_guide_are_in_the_nav(site: Path) -> None:
    home = page(site, "method")
    assert 'href="../coding-rules/"' in home
    assert 'href="../migration/"' in home
    rules = page(site, "coding-rules")
    assert 'href="../method/#agreement-between-annotators"' in rules


def test_the_method_page_shows_the_agreement_the_script_computes(site: Path) -> None:
    html = page(site, "method")
    part = html_module.unescape(
        re.sub(r"<[^>]+>", "", section(html, "agreement-between-annotators"))
    )
    script = docs_hooks.load_script("agreement")
    result = script.compare(tr.load())
    assert f"Cohen's kappa {result['kappa']:.4f}" in part
    assert f"{result['unit_days']:,} unit-days" in part
    settled = script.tomllib.loads(script.SETTLEMENTS.read_text(encoding="utf-8"))["settled"]
    for entry in settled:
        assert " ".join(entry["settled"].split()) in " ".join(part.split())


NEWEST_1X = [v for v in tr.versions() if not docs_hooks.derived(tr.load(v))][-1]


@pytest.mark.parametrize("code", ["RU", "CN", "PK", "FR", "US"])
def test_the_compared_answers_are_those_of_every_day(code: str) -> None:
    old, new = tr.load(NEWEST_1X), tr.load()
    changes = docs_hooks.answer_changes(NEWEST_1X, new.version)
    for dates in ("stated", "corroborated"):
        asked: dict[tuple[str, str], int] = {}
        day = new.coverage_start
        while day <= new.as_of:
            pair = (
                old.status_of(code, day, dates=dates).name,
                new.status_of(code, day, dates=dates).name,
            )
            asked[pair] = asked.get(pair, 0) + 1
            day += dt.timedelta(days=1)
        shown = {
            (before, after): docs_hooks._days(states[code])  # noqa: SLF001
            for (reading, before, after), states in changes.items()
            if reading == dates and code in states
        }
        assert shown == asked


def test_every_changed_answer_becomes_unknown_and_1x_versions_agree() -> None:
    new = tr.load()
    changes = docs_hooks.answer_changes(NEWEST_1X, new.version)
    states = len(docs_hooks.covered(new))
    days = (new.as_of - new.coverage_start).days + 1
    for dates in ("stated", "corroborated"):
        counted = sum(
            docs_hooks._days(spans)  # noqa: SLF001
            for (reading, _, _), found in changes.items()
            if reading == dates
            for spans in found.values()
        )
        assert counted == states * days
    assert all(after in (before, "UNKNOWN") for _, before, after in changes)
    assert ("stated", "NO_RECOGNITION", "UNKNOWN") in changes  # the break the guide is about
    for version in tr.versions():
        if version != NEWEST_1X and not docs_hooks.derived(tr.load(version)):
            same = docs_hooks.answer_changes(version, NEWEST_1X)
            assert all(before == after for dates, before, after in same if dates == "stated")


def test_the_migration_page_lists_the_exported_tables_of_both_schemas(site: Path) -> None:
    html = page(site, "migration")
    for version in ("1.2.0", tr.versions()[-1]):
        for name, rows in tr.load(version).to_records().items():
            assert f'href="../data-dictionary/tables/#table-{name.replace("_", "-")}"' in html
            assert f"<td>{len(rows)}</td>" in html


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
    if docs_hooks.derived(dataset):
        figure = ET.fromstring(docs_hooks.dimension_timeline(dataset))  # noqa: S314
        lanes = {a.get("id") for a in figure.iter(f"{SVG}a")}
        assert len(lanes) == 3 * len(docs_hooks.named_states(dataset))


CHARTS = (docs_hooks.event_timeline, docs_hooks.status_timeline, docs_hooks.dimension_timeline)
FONT_SIZE = re.compile(r"font(?:-size)?:\s*(?:bold\s+)?(\d+(?:\.\d+)?)px")


def _chart(dataset: tr.Dataset, draw: Callable[[tr.Dataset], str]) -> ET.Element | None:
    out = draw(dataset)
    return ET.fromstring(out) if out.startswith("<div") else None  # noqa: S314 -- our own output


def with_named_states(dataset: tr.Dataset) -> tr.Dataset:
    """The dataset with a state actor for each covered state, which the charts then draw."""
    named = {a.country.alpha_2 for a in dataset.actors if a.country is not None}
    periods: list[tr.StatusPeriod | tr.RecognitionPeriod] = [
        *dataset.statuses,
        *dataset.recognitions,
    ]
    covered = {p.country.alpha_2: p.country for p in periods if p.country.alpha_2 not in named}
    actors = [
        tr.Actor(
            id=f"named-{code.lower()}", name=country.name, kind=tr.ActorKind.STATE, country=country
        )
        for code, country in sorted(covered.items())
    ]
    return attrs.evolve(dataset, actors=(*dataset.actors, *actors))


@settings(max_examples=10, deadline=None)
@given(datasets(max_events=4, max_states=3).map(with_named_states))
def test_charts_keep_their_size_and_legible_text_and_come_with_their_table(
    dataset: tr.Dataset,
) -> None:
    """A chart is drawn at its own size (a phone scrolls it, never shrinks it), every text in
    it is at least 11 CSS pixels, and the table below it has a row per mark drawn."""
    named = docs_hooks.named_states(dataset)
    marks = {
        "event_timeline": len(dataset.events),
        "status_timeline": sum(len(docs_hooks._runs(dataset, c)) for _, c in named),  # noqa: SLF001
        "dimension_timeline": sum(
            len(docs_hooks.unit_runs(dataset, c, unit))
            for _, c in named
            for unit, _ in docs_hooks.UNITS
        )
        if docs_hooks.derived(dataset)
        else 0,
    }
    for draw in CHARTS:
        root = _chart(dataset, draw)
        if root is None:  # a 1.x dataset has no dimensions to draw
            continue
        (figure,) = root.iter(f"{SVG}svg")
        _, _, width, height = (float(n) for n in str(figure.get("viewBox")).split())
        assert (float(str(figure.get("width"))), float(str(figure.get("height")))) == (
            width,
            height,
        )
        style = "".join(s.text or "" for s in figure.iter(f"{SVG}style"))
        sizes = [float(size) for size in FONT_SIZE.findall(style)]
        assert sizes, style
        assert min(sizes) >= 11
        assert all(t.get("font-size") is None for t in figure.iter(f"{SVG}text"))
        (table,) = root.iter("table")
        assert len(table.findall("./tbody/tr")) == marks[draw.__name__]


def stated_by_rule(ds: tr.Dataset, country: tr.Country, day: dt.date, status: str) -> bool:
    """Whether a status on a day rests on stated periods only, as the charts' key says: in
    1.x every status period that can hold; from 2.0.0, formal recognition on the recognition
    periods, de facto engagement on them and the missions, any other status on every period
    of the three dimensions that can hold."""
    if not ds.recognitions:
        periods: list[object] = list(ds.possible_periods(country, day))
    else:
        periods = list(ds.possible_recognition_periods(country, day))
        levels = [
            p
            for direction in tr.Direction
            for p in ds.possible_representation_periods(country, day, direction=direction)
        ]
        if status == "de_facto_engagement":
            periods += [p for p in levels if p.level.value not in ("none", "unknown")]
        elif status != "formal_recognition":
            periods += levels
    return all(p.basis is tr.Basis.STATED for p in periods)  # type: ignore[attr-defined]


@settings(max_examples=25, deadline=None)
@given(datasets(max_events=4, max_states=3).map(with_named_states))
def test_each_stretch_and_block_of_a_chart_has_the_basis_of_what_it_rests_on(
    dataset: tr.Dataset,
) -> None:
    named = docs_hooks.named_states(dataset)
    for _, country in named:
        runs = docs_hooks._runs(dataset, country)  # noqa: SLF001 -- the figure's own data
        for first, last, (status, basis) in runs:
            for day in (first, last):
                assert dataset.status_of(country, day).value == status
                assert (basis == "stated") is stated_by_rule(dataset, country, day, status)
    root = _chart(dataset, docs_hooks.status_timeline)
    if root is None:
        return
    left = docs_hooks._NOW_X  # noqa: SLF001
    chips = [r for r in root.iter(f"{SVG}rect") if float(r.get("x") or "nan") == left]
    assert [(c.get("class"), c.get("data-basis")) for c in chips] == [
        docs_hooks._runs(dataset, country)[-1][2]  # noqa: SLF001
        for _, country in named
    ]
    dimensions = _chart(dataset, docs_hooks.dimension_timeline)
    if dimensions is None or not docs_hooks.derived(dataset):
        return
    chips = [r for r in dimensions.iter(f"{SVG}rect") if float(r.get("x") or "nan") == left]
    expected = []
    for _, country in named:
        for unit, said in docs_hooks.UNITS:
            now = docs_hooks.possible_of(dataset, country, unit, dataset.as_of)
            values = " or ".join(docs_hooks.value_of(p) for p in now)
            one = len(now) == 1
            expected.append(
                (
                    docs_hooks._level_class(now[0]) if one else "change",  # noqa: SLF001
                    now[0].basis.value if one else None,
                    f"{said} on {dataset.as_of}: {values}",
                )
            )
    assert [
        (c.get("class"), c.get("data-basis"), c.findtext(f"{SVG}title")) for c in chips
    ] == expected


def test_each_state_shows_its_status_on_the_as_of_date_as_a_block() -> None:
    """Russia's recognition is one day of the coverage: its block on the right shows it."""
    ds = tr.load()
    root = _chart(ds, docs_hooks.status_timeline)
    assert root is not None
    (figure,) = root.iter(f"{SVG}svg")
    left = docs_hooks._NOW_X  # noqa: SLF001
    chips = [r for r in figure.findall(f"{SVG}rect") if float(str(r.get("x"))) == left]
    named = docs_hooks.named_states(ds)
    assert [c.get("class") for c in chips] == [ds.status_of(c).value for _, c in named]
    assert all(float(str(c.get("width"))) >= 80 for c in chips)
    russia = chips[[c.alpha_2 for _, c in named].index("RU")]
    assert (russia.get("class"), russia.get("data-basis")) == ("formal_recognition", "stated")


def test_inferred_periods_are_drawn_apart_from_stated_ones() -> None:
    ds = tr.load()
    root = _chart(ds, docs_hooks.dimension_timeline)
    assert root is not None
    lanes = {a.get("id"): a for a in root.iter(f"{SVG}a")}
    seen = set()
    for _, country in docs_hooks.named_states(ds):
        for unit, _ in docs_hooks.UNITS:
            lane = lanes[f"dimension-timeline-{country.alpha_2.lower()}-{unit}"]
            runs = docs_hooks.unit_runs(ds, country, unit)
            drawn = [r.get("data-basis") for r in lane.iter(f"{SVG}rect")]
            assert drawn == [p[0].basis.value if len(p) == 1 else None for _, _, p in runs]
            seen |= set(drawn)
    assert seen == {"stated", "inferred", None}  # both bases, and undated changes, are drawn
    assert "rect[data-basis=inferred]" in docs_hooks._STYLE  # noqa: SLF001


def test_an_undated_window_is_a_bracket_not_a_bar() -> None:
    """A day known only to lie in a window is drawn with end caps and no fill; a duration
    (an event still going on) is a line of its own."""
    ds = tr.load()
    root = _chart(ds, docs_hooks.event_timeline)
    assert root is not None
    rows = {a.get("id"): a for a in root.iter(f"{SVG}a")}
    for event in ds.events:
        row = rows[f"timeline-{event.id}"]
        caps = row.findall(f"{SVG}path")
        assert len(caps) == (event.date.precision is not tr.DatePrecision.DAY)
        assert (row.find(f"{SVG}line") is not None) == event.ongoing
        shown = "".join(row.itertext())
        assert event.id in shown
        assert str(event.date) in shown  # the window in words, readable without hovering
    assert re.search(r"rect\.range\{fill:none", docs_hooks._STYLE)  # noqa: SLF001


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.text(alphabet="abcdefgh ", min_size=1, max_size=8).map(str.strip).filter(bool),
        min_size=1,
        max_size=7,
    ),
    st.integers(min_value=0, max_value=4),
)
def test_wide_tables_have_each_cell_labelled_by_its_heading(headers: list[str], count: int) -> None:
    markdown = importlib.import_module("markdown")  # the docs extra's, untyped

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += [
        "| " + " | ".join(f"r{n}c{k}" for k in range(len(headers))) + " |" for n in range(count)
    ]
    rendered = markdown.markdown("\n".join(lines), extensions=["tables"])
    stacked = docs_hooks.stack_tables(rendered)
    if len(headers) < docs_hooks.STACKED:
        assert stacked == rendered
        return
    labels = re.findall(r'<td data-label="([^"]*)">r(\d+)c(\d+)</td>', stacked)
    assert len(labels) == count * len(headers)
    for label, _, column in labels:
        assert html_module.unescape(label) == " ".join(headers[int(column)].split())


def test_the_home_page_says_how_to_install_which_versions_exist_and_where_to_go(
    site: Path,
) -> None:
    html = page(site, "")
    text = html_module.unescape(re.sub(r"<[^>]+>", "", html))
    assert "python -m pip install ." in text
    assert set(docs_hooks.version_notes()) == set(tr.versions())  # the README's table, whole
    for version in tr.versions():
        row = _cells(html, f"home-version-{version.replace('.', '-')}")
        assert row[0].startswith(version)
        assert row[3] == tr.load(version).sha256[:12]
        assert row[4] == " ".join(docs_hooks.version_notes()[version].replace("`", "").split())
    for target in ("tutorial/", "data-dictionary/", "api/", "licence/", "panels/"):
        assert f'href="{target}"' in html, target
    licence = page(site, "licence")
    assert "Permission is hereby granted, free of charge" in licence
    assert "MIT" in licence


def test_the_versions_table_names_the_readme_section_it_needs() -> None:
    readme = "# taliban_recognition\n\n## Versions\n\n| 1.0.0 | the article |\n"
    with pytest.raises(ValueError, match="no '## Dataset versions' section"):
        docs_hooks.version_notes(readme)
    table = "## Dataset versions\n\n| 1.0.0 | the article |\n| 1.1.0 | codes |\n\n## Next\n"
    notes = docs_hooks.version_notes(f"# t\n\n{table}| 9.9.9 | after the section |\n")
    assert notes == {"1.0.0": "the article", "1.1.0": "codes"}


def test_only_long_codes_in_tables_may_wrap_and_tracebacks_are_output() -> None:
    cells = (
        "<table><tr><td><code>de_facto_engagement</code></td>"
        f"<td><code>{'0' * 64}</code></td></tr></table><p><code>{'x' * 40}</code></p>"
    )
    wrapped = docs_hooks.wrap_long_codes(cells)
    assert "<td><code>de_facto_engagement</code></td>" in wrapped  # a name stays whole
    assert f'<td><code class="tr-wrap">{"0" * 64}</code></td>' in wrapped  # a digest may wrap
    assert f"<p><code>{'x' * 40}</code></p>" in wrapped  # outside tables nothing changes
    session = (
        '<code><span class="gp">&gt;&gt;&gt; </span><span class="n">f</span>()\n'
        '<span class="gt">Traceback (most recent call last):</span>\n<span class="c">...</span>\n'
        '<span class="gr">Error</span>: <span class="n">why</span>\n'
        '<span class="gp">&gt;&gt;&gt; </span><span class="n">g</span>()\n</code>'
    )
    marked = docs_hooks.tracebacks_as_output(session)
    assert marked.count('<span class="go"><span class="gt">') == 1
    hidden = re.sub(
        r'<span class="go">.*?</span>\n?(?=<span class="gp">)', "", marked, flags=re.DOTALL
    )
    shown = html_module.unescape(re.sub(r"<[^>]+>", "", hidden))
    assert shown == ">>> f()\n>>> g()\n"
