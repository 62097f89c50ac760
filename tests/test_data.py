"""Dataset 1.0.0 against its source: every quote, every offset, every country."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pycountry
import pytest

import taliban_recognition as tr

ROOT = Path(__file__).parent.parent
SEED = ROOT / "seeds" / "000_175e52cd24af4336.txt"
ds = tr.load("1.0.0")


def all_evidence(dataset: tr.Dataset) -> list[tr.Evidence]:
    found = [e for event in dataset.events for e in event.evidence]
    return found + [e for period in dataset.statuses for e in period.evidence]


def test_source_is_the_seed_byte_for_byte() -> None:
    (source,) = ds.sources
    assert source.text.encode("utf-8") == SEED.read_bytes()
    assert source.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()


def test_every_quote_is_the_text_at_its_offsets() -> None:
    evidence = all_evidence(ds)
    assert {e.source_id for e in evidence} == {ds.sources[0].id}
    for item in evidence:
        text = ds.source(item.source_id).text
        assert text[item.start : item.end] == item.quote


def test_every_event_latest_date_is_within_as_of() -> None:
    assert all(event.date.latest <= ds.as_of for event in ds.events)


def test_events_are_ordered_by_earliest_then_latest_then_id() -> None:
    keys = [(e.date.earliest, e.date.latest, e.id) for e in ds.events]
    assert keys == sorted(keys)
    ids = [e.id for e in ds.events]
    assert ids.index("russia-lifts-taliban-ban") < ids.index("russia-accepts-taliban-ambassador")


def test_every_date_text_is_in_a_quote() -> None:
    for event in ds.events:
        if event.date_text is not None:
            quoted = " ".join(e.quote for e in event.evidence)
            assert event.date_text in quoted, event.id


def test_statuses_cover_the_un_member_and_observer_states_but_afghanistan() -> None:
    covered = {p.country.alpha_2 for p in ds.statuses}
    assert len(covered) == 193 + 2 - 1
    assert {"VA", "PS", "SS", "ME", "TL", "RU", "US", "NA"} <= covered
    assert covered <= {c.alpha_2 for c in pycountry.countries}
    for code in ("HK", "MO", "TW", "AQ", "PR", "GL", "EH", "AF"):
        assert code not in covered
    with pytest.raises(tr.NoStatusError, match=r"194 states dataset 1\.0\.0 gives statuses for"):
        ds.status_of("Hong Kong")
    assert "193 member states" in ds.notes


def test_status_period_ids() -> None:
    assert [p.id for p in ds.status_periods("RU")] == [
        "ru-no-recognition",
        "ru-de-facto-engagement",
        "ru-formal-recognition",
    ]
    assert len({p.id for p in ds.statuses}) == len(ds.statuses)


def test_named_states_are_stated_or_explained() -> None:
    stated = {p.id for p in ds.statuses if p.basis is tr.Basis.STATED}
    assert stated == {
        "ru-formal-recognition",
        "cn-de-facto-engagement",
        "pk-de-facto-engagement",
        "uz-de-facto-engagement",
        "ae-de-facto-engagement",
    }
    for period in ds.statuses:
        if period.basis is tr.Basis.INFERRED:
            assert period.notes, period


def test_ongoing_events_are_the_ones_the_text_says_continue() -> None:
    ongoing = {e.id for e in ds.events if e.ongoing}
    assert ongoing == {
        "taliban-seeks-sanctions-relief",
        "us-withholds-central-bank-funds",
        "afghanistan-imports-from-russia",
        "western-countries-demand-reforms",
    }


def test_each_undated_event_explains_its_bounds() -> None:
    for event in ds.events:
        if event.date_text is None:
            assert event.notes, event.id


def test_actor_countries_match_the_article() -> None:
    expected = {
        "russia": "RU",
        "russian-foreign-ministry": "RU",
        "taliban": "AF",
        "afghanistan": "AF",
        "amir-khan-muttaqi": "AF",
        "afghan-central-bank": "AF",
        "china": "CN",
        "pakistan": "PK",
        "uzbekistan": "UZ",
        "united-arab-emirates": "AE",
        "united-states": "US",
        "isis-k": None,
        "islamic-state": None,
        "western-countries": None,
    }
    found = {a.id: a.country.alpha_2 if a.country else None for a in ds.actors}
    assert found == expected
