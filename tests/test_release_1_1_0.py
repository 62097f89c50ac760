"""Dataset 1.1.0: COW and GW codes, CAMEO and PLOVER codes, corroborated dates; and `diff`."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import frictionless
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition import PloverType, RecognitionStatus
from taliban_recognition._convert import converter
from taliban_recognition.strategies import datasets

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

old = tr.load("1.0.0")
new = tr.load("1.1.0")
NEW_FIELDS = {
    "Dataset.references",
    "Country.cow_code",
    "Country.cow_abbr",
    "Country.gw_code",
    "Country.gw_abbr",
    "Event.codes",
    "Event.corroboration",
}


def test_1_1_0_follows_1_0_0_which_is_still_there() -> None:
    assert tr.versions()[:2] == ("1.0.0", "1.1.0")  # later versions come after them
    assert old.sha256 == "8e7b40c0a2e8366c50e978e05ddc179889961b77f660555597219362282d0969"


def test_every_1_0_0_record_is_in_1_1_0_with_the_same_values() -> None:
    # A minor release adds: read through the 1.0.0 schema, 1.1.0 has every 1.0.0 record as is.
    as_released = converter("1.0.0").unstructure(old)
    seen_through_1_0_0 = converter("1.0.0").unstructure(new)
    for collection in ("sources", "actors", "events", "statuses"):
        assert seen_through_1_0_0[collection] == as_released[collection], collection
    assert seen_through_1_0_0["as_of"] == as_released["as_of"]
    assert new.notes.startswith(old.notes)


@pytest.mark.parametrize(
    ("code", "number", "abbr"),
    [
        ("US", 2, "USA"),
        ("RU", 365, "RUS"),
        ("AE", 696, "UAE"),
        ("AF", 700, "AFG"),
        ("UZ", 704, "UZB"),
        ("CN", 710, "CHN"),
        ("PK", 770, "PAK"),
    ],
)
def test_the_named_states_carry_their_cow_and_gw_codes(code: str, number: int, abbr: str) -> None:
    countries = [p.country for p in new.statuses if p.country.alpha_2 == code]
    countries += [a.country for a in new.actors if a.country and a.country.alpha_2 == code]
    assert countries
    for country in countries:
        assert (country.cow_code, country.cow_abbr, country.gw_code, country.gw_abbr) == (
            number,
            abbr,
            number,
            abbr,
        )


def test_every_state_has_codes_but_those_the_lists_leave_out() -> None:
    states = {p.country.alpha_2: p.country for p in new.statuses}
    assert len(states) == 194
    no_cow = {code for code, c in states.items() if c.cow_code is None}
    assert no_cow == {"PS", "RS", "VA"}  # Palestine; Serbia as countrycode has it; Holy See
    no_gw = {code for code, c in states.items() if c.gw_code is None}
    assert {"PS", "VA", "YE", "AD", "LI", "MC", "SM", "TV", "NR"} <= no_gw
    assert len(no_gw) == 24
    assert states["VN"].gw_code == 816  # corrected from countrycode's 817, South Vietnam
    for country in states.values():
        assert (country.cow_code is None) == (country.cow_abbr is None)
        assert (country.gw_code is None) == (country.gw_abbr is None)
    for needle in ("countrycode", "817", "Palestine", "microstates"):
        assert needle in new.notes


@pytest.mark.parametrize(
    ("event_id", "cameo", "plover"),
    [
        ("russia-recognizes-taliban", "054", PloverType.SUPPORT),
        ("muttaqi-welcomes-recognition", "051", PloverType.SUPPORT),
        ("russia-sees-cooperation-potential", "030", PloverType.AGREE),
        ("afghanistan-imports-from-russia", "061", PloverType.COOPERATE),
        ("russia-lifts-taliban-ban", "0812", PloverType.CONCEDE),
        ("russia-designates-taliban-terrorist", "1722", PloverType.COERCE),
        ("us-sanctions-taliban-officials", "163", PloverType.SANCTION),
        ("western-countries-demand-reforms", "104", PloverType.REQUEST),
        ("taliban-seeks-sanctions-relief", "0254", PloverType.REQUEST),
        ("isis-k-bombing-in-moscow", "183", PloverType.ASSAULT),
    ],
)
def test_events_carry_cameo_and_plover_codes(event_id: str, cameo: str, plover: PloverType) -> None:
    codes = new.event(event_id).codes
    assert codes is not None
    assert (codes.cameo, codes.plover) == (cameo, plover)
    assert codes.cameo_label == tr.CAMEO[cameo]


def test_every_event_has_codes_from_the_codebooks() -> None:
    for event in new.events:
        assert event.codes is not None, event.id
        assert event.codes.cameo in tr.CAMEO
    assert all(event.codes is None and event.corroboration is None for event in old.events)


@pytest.mark.parametrize(
    ("event_id", "day", "publisher"),
    [
        ("russia-recognizes-taliban", "2025-07-03", "Daily Sabah"),
        ("russia-accepts-taliban-ambassador", "2025-07-03", "Daily Sabah"),
        ("russia-lifts-taliban-ban", "2025-04-17", "Asia-Plus"),
        ("russia-designates-taliban-terrorist", "2003-02-14", "Radio Free Europe/Radio Liberty"),
        ("taliban-takes-afghanistan", "2021-08-15", "Wikipedia"),
        ("isis-k-bombing-in-moscow", "2024-03-22", "Wikipedia"),
    ],
)
def test_corroborated_dates_sit_beside_the_stated_ones(
    event_id: str, day: str, publisher: str
) -> None:
    event = new.event(event_id)
    assert event.corroboration is not None
    assert str(event.corroboration.date) == day
    assert event.date == old.event(event_id).date  # the source's own date is kept
    reference = next(r for r in new.references if r.id == event.corroboration.reference_id)
    assert reference.publisher == publisher
    assert reference.url.startswith("https://")
    assert event.date_for("corroborated") == event.corroboration.date
    assert event.date_for("stated") == event.date


def test_the_crocus_discrepancy_is_recorded() -> None:
    bombing = new.event("isis-k-bombing-in-moscow")
    assert str(bombing.date) == "[2025..2025-07-03]"
    assert bombing.date_text == "this year"
    assert bombing.corroboration is not None
    assert bombing.corroboration.discrepancy is not None
    assert "22 March 2024" in bombing.corroboration.discrepancy
    agreeing = [e for e in new.events if e.corroboration and e.id != bombing.id]
    assert len(agreeing) == 6
    assert all(e.corroboration.discrepancy is None for e in agreeing if e.corroboration)


def test_corroborated_dates_answer_what_the_stated_ones_cannot() -> None:
    unknown, no = RecognitionStatus.UNKNOWN, RecognitionStatus.NO_RECOGNITION
    assert new.status_of("RU", on="2025-05-01") is unknown
    assert new.status_of("RU", on="2025-05-01", dates="corroborated") is no
    assert new.status_of("RU", on="2025-07-02", dates="corroborated") is no
    assert new.possible_periods("RU", on="2025-07-03", dates="corroborated") == (
        new.status_periods("RU")[-1],
    )
    assert new.recognizers(on="2025-07-02", dates="corroborated") == ()
    assert "isis-k-bombing-in-moscow" not in {
        e.id for e in new.find_events(since="2024-01-01", until="2024-12-31")
    }
    assert "isis-k-bombing-in-moscow" in {
        e.id for e in new.find_events(since="2024-01-01", until="2024-12-31", dates="corroborated")
    }


@pytest.mark.parametrize("dates", ["reported", "", None, "Stated", 1])
def test_an_unknown_reading_of_dates_is_refused(dates: object) -> None:
    with pytest.raises(tr.UnknownDatesError, match="valid readings are: stated, corroborated"):
        new.status_of("RU", dates=dates)  # type: ignore[arg-type]
    with pytest.raises(tr.UnknownDatesError):
        new.find_events(dates=dates)  # type: ignore[arg-type]
    with pytest.raises(tr.UnknownDatesError):
        new.recognizers(dates=dates)  # type: ignore[arg-type]


@given(st.dates(old.coverage_start, old.as_of))
def test_without_corroborations_both_readings_agree(day: dt.date) -> None:
    for state in ("RU", "CN", "PK", "US"):
        assert old.possible_statuses(state, day) == old.possible_statuses(
            state, day, dates="corroborated"
        )


def test_the_1_1_0_data_package_validates_and_joins_references(tmp_path: Path) -> None:
    paths = new.export(tmp_path, format="datapackage")
    assert "references.csv" in {p.name for p in paths}
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    header = (tmp_path / "events.csv").read_text("utf-8").splitlines()[0].split(",")
    added = [
        "cameo",
        "cameo_label",
        "plover",
        "codes_notes",
        "corroborated_date",
        "corroborated_date_earliest",
        "corroborated_date_latest",
        "corroborated_date_precision",
        "corroborated_by",
        "date_discrepancy",
    ]
    assert header[-len(added) :] == added
    assert header[: -len(added)] == list(old.to_records()["events"][0])  # 1.0.0's, in order


# diff ----------------------------------------------------------------------------------------


def test_diff_lists_exactly_what_1_1_0_changed() -> None:
    changes = tr.diff("1.0.0", "1.1.0")
    assert set(changes.fields_added) == NEW_FIELDS
    assert changes.fields_removed == ()
    assert changes.removed == ()
    assert set(changes.added) == {("references", r.id) for r in new.references}
    assert [c.path for c in changes.dataset] == ["notes"]  # paragraphs on the new fields
    assert changes.changed == ()  # no value 1.0.0 has is altered: the records are extended
    leaves = {"cow_code", "cow_abbr", "gw_code", "gw_abbr", "codes", "corroboration"}
    for record in changes.extended:
        assert record.fields == ()
        for change in record.extended:
            assert change.path.split(".")[-1] in leaves, (record.id, change.path)
            assert change.old is None  # only filled in, never altered
    extended = {(r.collection, r.id) for r in changes.extended}
    assert {("events", e.id) for e in new.events} <= extended
    assert ("statuses", "ps-no-recognition") not in extended  # Palestine has no codes
    assert "0 changed, 22 extended" in changes.summary()


def test_a_version_diffed_with_itself_is_empty() -> None:
    for version in tr.versions():
        same = tr.diff(version, version)
        assert not same
        assert str(same) == f"Dataset {version} to {version}: no changes"


@settings(max_examples=30, deadline=None)
@given(datasets(max_events=4, max_states=3), datasets(max_events=4, max_states=3))
def test_diff_one_way_is_the_reverse_of_the_other(a: tr.Dataset, b: tr.Dataset) -> None:
    assert not tr.DatasetDiff.between(a, a)
    forth, back = tr.DatasetDiff.between(a, b), tr.DatasetDiff.between(b, a)
    assert forth.reversed() == back
    assert back.reversed() == forth
    assert bool(forth) == bool(back)


def test_diff_of_an_unknown_version_is_refused() -> None:
    with pytest.raises(tr.UnknownVersionError):
        tr.diff("1.0.0", "9.0.0")


def test_the_diff_subcommand_prints_the_report() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "taliban_recognition", "diff", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )

    summary = run("1.0.0", "1.1.0", "--summary")
    assert summary.returncode == 0
    assert summary.stdout == tr.diff("1.0.0", "1.1.0").summary() + "\n"
    assert all(len(line) <= 80 for line in summary.stdout.splitlines())
    full = run("1.0.0", "1.1.0")
    assert full.stdout == str(tr.diff("1.0.0", "1.1.0")) + "\n"
    assert "+ references/wikipedia-crocus-city-hall-attack" in full.stdout
    unknown = run("1.0.0", "3.0.0")
    assert unknown.returncode == 2
    assert "unknown dataset version '3.0.0'" in unknown.stderr
    assert unknown.stderr.count("\n") == 1
    assert "Example:\n  taliban-recognition diff 1.0.0 1.1.0" in run("--help").stdout
