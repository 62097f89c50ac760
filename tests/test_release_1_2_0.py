"""Dataset 1.2.0: third-party facts re-verified, and the undated engagements dated."""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

import attrs
import pytest

import taliban_recognition as tr
from taliban_recognition import PLOVER_CONTEXTS, PLOVER_MODES, PloverType, RecognitionStatus

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import build_dataset as builder  # noqa: E402 -- a script, not a package module

old = tr.load("1.1.0")
new = tr.load("1.2.0")
ANNOTATIONS = builder.read()
TABLES = ROOT / "annotations" / "tables"
NEW_FIELDS = {
    "Country.gw_microstate",
    "EventCodes.plover_mode",
    "EventCodes.plover_context",
    "Reference.checked_on",
}


def reference_of(dataset: tr.Dataset, reference_id: str) -> tr.Reference:
    (found,) = [r for r in dataset.references if r.id == reference_id]
    return found


def rows(name: str, key: str) -> dict[str, dict[str, str]]:
    with (TABLES / name).open(encoding="utf-8", newline="") as handle:
        return {row[key]: row for row in csv.DictReader(handle)}


def test_1_2_0_follows_1_1_0_which_is_as_released() -> None:
    assert tr.versions()[:3] == ("1.0.0", "1.1.0", "1.2.0")
    assert old.sha256 == "9b0bce28fcc3a40373757b96a361e342d59351344dfed99553a06accf510600d"
    assert new.sha256 == "15daa60b7f47fd4709169607a48c8f0c8ae35ccf951316d049e14ffbff8c5a81"
    assert new.version == "1.2.0"


# Codes held to the dataset's own tables ----------------------------------------------------


def test_every_states_codes_are_its_row_of_the_cow_gw_table() -> None:
    table = rows("cow-gw.csv", "alpha_2")
    seen = set()
    for country in {p.country for p in new.statuses} | {a.country for a in new.actors if a.country}:
        row = table[country.alpha_2]
        assert str(country.cow_code or "") == row["cow_code"], country
        assert (country.cow_abbr or "") == row["cow_abbr"], country
        assert str(country.gw_code or "") == row["gw_code"], country
        assert (country.gw_abbr or "") == row["gw_abbr"], country
        flag = "" if country.gw_microstate is None else str(country.gw_microstate).lower()
        assert flag == row["gw_microstate"], country
        seen.add(country.alpha_2)
    assert len(seen) == 195  # the 194 covered states and Afghanistan


def test_1_1_0_keeps_the_codes_it_was_released_with() -> None:
    states = {p.country.alpha_2: p.country for p in old.statuses}
    assert states["RS"].cow_code is None
    assert states["YE"].gw_code is None
    assert states["MC"].gw_code is None
    assert all(c.gw_microstate is None for c in states.values())


def test_every_plover_value_is_the_tables_or_the_notes_say_why() -> None:
    table = rows("cameo-plover.csv", "cameo")
    departing = set()
    for event in new.events:
        codes = event.codes
        assert codes is not None
        assert codes.cameo in table, event.id
        assert codes.plover_mode is None or codes.plover_mode in PLOVER_MODES[codes.plover]
        assert codes.plover_context is None or codes.plover_context in PLOVER_CONTEXTS
        row = table[codes.cameo]
        given = (codes.plover.value, codes.plover_mode or "", codes.plover_context or "")
        if given != (row["plover"], row["plover_mode"], row["plover_context"]):
            departing.add(event.id)
            assert codes.notes is not None, event.id
            assert "table" in codes.notes, event.id  # the notes say why it departs
    assert departing == {
        "taliban-takes-afghanistan",  # context: the table's military is for state forces
        "russia-designates-taliban-terrorist",  # context: an anti-terrorism ban
        "taliban-seeks-sanctions-relief",  # the table has no appeals
        "us-withholds-central-bank-funds",  # the table's COERCE for sanctions
        "us-sanctions-taliban-officials",
        "isis-k-bombing-in-moscow",  # mode: not a suicide attack
        "taliban-vows-to-counter-islamic-state",  # the table has no statements
    }


@pytest.mark.parametrize(
    "event_id",
    [
        "taliban-appoints-ambassador-to-russia",
        "russia-accepts-taliban-ambassador",
        "china-posts-ambassador",
        "pakistan-posts-ambassador",
        "uzbekistan-posts-ambassador",
        "united-arab-emirates-posts-ambassador",
    ],
)
def test_ambassadors_are_diplomatic_support_not_material_cooperation(event_id: str) -> None:
    assert new.event(event_id).codes == tr.EventCodes(
        cameo="050",
        plover=PloverType.SUPPORT,
        plover_context="diplomatic",
        notes=new.event(event_id).codes.notes,  # type: ignore[union-attr]
    )
    assert old.event(event_id).codes.plover is PloverType.COOPERATE  # type: ignore[union-attr]


def test_a_mode_of_another_type_is_refused() -> None:
    with pytest.raises(
        ValueError, match="'explosives' is no PLOVER mode of SUPPORT; its modes: none"
    ):
        tr.EventCodes(cameo="050", plover=PloverType.SUPPORT, plover_mode="explosives")
    with pytest.raises(ValueError, match="plover_context"):
        tr.EventCodes(cameo="050", plover=PloverType.SUPPORT, plover_context="democracy")


# References ------------------------------------------------------------------------------


def test_every_reference_was_checked_and_has_a_date_or_says_why_not() -> None:
    new_release_day = ANNOTATIONS.releases["1.2.0"]["date"]
    assert len(new.references) == 14
    for reference in new.references:
        assert reference.checked_on is not None, reference.id
        assert reference.checked_on <= new_release_day, reference.id
        assert reference.notes is not None
        assert "stored copy" in reference.notes, reference.id
        if reference.date is None:
            assert "no single publication date" in reference.notes or (
                "no publication date is known" in reference.notes
            ), reference.id
    assert reference_of(new, "rferl-supreme-court-bans-15-groups").title == (
        "Russia: Court Rules 15 Islamic Organizations Terrorist Groups"
    )
    assert reference_of(old, "rferl-supreme-court-bans-15-groups").date is None


def test_every_corroboration_cites_a_reference_of_its_version() -> None:
    for dataset in (old, new):
        ids = {r.id for r in dataset.references}
        for event in dataset.events:
            if event.corroboration is not None:
                assert event.corroboration.reference_id in ids


# The undated engagements, dated --------------------------------------------------------------

ENGAGED = {
    "CN": ("china-posts-ambassador", dt.date(2023, 9, 13)),
    "PK": ("pakistan-posts-ambassador", dt.date(2025, 5, 30)),
    "UZ": ("uzbekistan-posts-ambassador", dt.date(2024, 10, 27)),
    "AE": ("united-arab-emirates-posts-ambassador", dt.date(2024, 8, 21)),
    "RU": ("russia-accepts-taliban-ambassador", dt.date(2025, 7, 3)),
}


@pytest.mark.parametrize("state", sorted(ENGAGED))
def test_each_engagement_has_a_day_backed_by_a_reference(state: str) -> None:
    event_id, day = ENGAGED[state]
    event = new.event(event_id)
    assert event.corroboration is not None
    assert (event.corroboration.date.earliest, event.corroboration.date.latest) == (day, day)
    assert reference_of(new, event.corroboration.reference_id).checked_on is not None
    assert str(event.date) == str(old.event(event_id).date)  # the article's date stays


def test_a_country_year_series_has_known_statuses_where_the_reports_settle_them() -> None:
    de_facto, no = RecognitionStatus.DE_FACTO_ENGAGEMENT, RecognitionStatus.NO_RECOGNITION
    year_ends = [dt.date(year, 12, 31) for year in range(2021, 2025)] + [new.as_of]
    series = {
        state: [new.status_of(state, on=day, dates="corroborated") for day in year_ends]
        for state in ("CN", "PK", "UZ", "AE")
    }
    assert series == {
        "CN": [no, no, de_facto, de_facto, de_facto],
        "PK": [no, no, no, no, de_facto],
        "UZ": [no, no, no, de_facto, de_facto],
        "AE": [no, no, no, de_facto, de_facto],
    }
    for state in series:  # without the reports, the same years are unknown
        assert new.status_of(state, on=year_ends[1]) is RecognitionStatus.UNKNOWN
    assert new.status_of("RU", on="2025-07-02", dates="corroborated") is no


def test_a_report_of_another_act_is_a_recorded_discrepancy() -> None:
    uae = new.event("united-arab-emirates-posts-ambassador").corroboration
    assert uae is not None
    assert uae.discrepancy is not None
    assert "Abu Dhabi" in uae.discrepancy
    pakistan = new.event("pakistan-posts-ambassador").corroboration
    assert pakistan is not None
    assert pakistan.discrepancy is not None
    assert "upgrade" in pakistan.discrepancy
    china = new.event("china-posts-ambassador").corroboration
    assert china is not None
    assert china.discrepancy is not None
    assert "August 2023" in china.discrepancy  # the ambassador before, from before the takeover
    muttaqi = new.event("muttaqi-welcomes-recognition").corroboration
    assert muttaqi is not None
    assert muttaqi.discrepancy is None  # the report says what the article says
    ban = new.event("russia-lifts-taliban-ban").corroboration
    assert ban is not None
    assert ban.discrepancy is not None
    assert "suspension" in ban.discrepancy


def test_a_date_outside_the_stated_one_still_needs_a_discrepancy() -> None:
    event = new.event("isis-k-bombing-in-moscow")
    outside = tr.Corroboration(
        date=tr.FuzzyDate.parse("2024-03-22"), reference_id="wikipedia-crocus-city-hall-attack"
    )
    with pytest.raises(ValueError, match="say how they disagree"):
        attrs.evolve(event, corroboration=outside)
    within = attrs.evolve(outside, date=tr.FuzzyDate.parse("2025-02"), discrepancy="Another act.")
    assert attrs.evolve(event, corroboration=within).corroboration == within


# What changed ----------------------------------------------------------------------------


def test_seen_through_1_1_0_the_new_records_differ_only_where_corrections_say() -> None:
    """Every value 1.1.0 has that 1.2.0 changed is a correction the annotations record."""
    recorded = {c["path"] for c in ANNOTATIONS.corrections if c["version"] == "1.2.0"}
    changes = tr.diff("1.1.0", "1.2.0")
    assert set(changes.fields_added) == NEW_FIELDS
    assert changes.fields_removed == ()
    assert changes.removed == ()
    assert {record for _, record in changes.added} == {
        key
        for key, r in ANNOTATIONS.files["references"]["references"].items()
        if r.get("since") == "1.2.0"
    }
    added_leaves = {name.split(".")[1] for name in NEW_FIELDS}
    for record in changes.changed + changes.extended:
        for change in record.extended:  # the fields 1.2.0 added, filled in
            assert change.path.split(".")[-1] in added_leaves, (record.id, change.path)
            assert change.old is None
        for change in record.fields:
            leaf = change.path.split(".")[-1]
            assert leaf not in added_leaves, (record.id, change.path)
            if record.collection == "statuses":
                code = record.id.split("-")[0].upper()
                if change.path.startswith("country."):  # a state's codes: its row of cow-gw
                    assert f"cow-gw.{code}.{leaf}" in recorded, (record.id, change.path)
                else:  # a field of a period of its chain
                    ids = [p.id for p in new.status_periods(code)]
                    path = f"statuses.chains.{code}.{ids.index(record.id)}.{change.path}"
                    assert path in recorded, path
                continue
            if change.path == "corroboration":  # a corroboration 1.2.0 adds
                assert change.old is None
                continue
            path = f"{record.collection}.{record.id}.{change.path}"
            assert path in recorded, path
    assert [c.path for c in changes.dataset] == ["notes"]


def test_the_new_fields_refuse_what_they_cannot_hold() -> None:
    monaco = tr.country("MC")
    with pytest.raises(TypeError, match="gw_microstate must be None, True or False"):
        attrs.evolve(monaco, gw_code=221, gw_microstate="true")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="there is no gw_code"):
        attrs.evolve(monaco, gw_microstate=True)
    assert attrs.evolve(monaco, gw_code=221, gw_microstate=True).gw_microstate is True
    reference = new.references[0]
    for value in ("2026-12-01", dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)):
        with pytest.raises(TypeError, match=r"checked_on must be a datetime\.date"):
            attrs.evolve(reference, checked_on=value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="plover_mode must be None or text"):
        tr.EventCodes(cameo="183", plover=PloverType.ASSAULT, plover_mode=5)  # type: ignore[arg-type]


def test_an_empty_true_false_cell_stays_missing_in_a_dataframe() -> None:
    frame = new.to_dataframes()["statuses"]
    states = frame.drop_duplicates("country_alpha_2").set_index("country_alpha_2")
    flags = states["country_gw_microstate"]
    assert str(flags.dtype) == "boolean"
    assert flags["MC"] is True or bool(flags["MC"]) is True
    assert not bool(flags["RU"])
    assert flags.isna()["PS"]


def test_a_diff_of_older_versions_shows_no_field_they_lack() -> None:
    # Each side is read through its own version's schema: a field 1.2.0 added is not a value
    # 1.1.0 has, so the 1.0.0-to-1.1.0 diff says what it said when 1.1.0 was the newest.
    report = str(tr.diff("1.0.0", "1.1.0"))
    for name in NEW_FIELDS:
        assert name.split(".")[1] not in report, name
    change = next(
        c
        for r in tr.diff("1.0.0", "1.1.0").extended
        if r.id == "russia-recognizes-taliban"
        for c in r.extended
        if c.path == "codes"
    )
    assert change.new == {"cameo": "054", "notes": None, "plover": "SUPPORT"}
