from __future__ import annotations

import calendar
import datetime as dt
import gc
import hashlib
import importlib.resources
import json
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import attrs
import pytest

import taliban_recognition as tr
from taliban_recognition import _convert, _load, _reader
from taliban_recognition._convert import converter, dumps, loads
from taliban_recognition._invariants import DIMENSIONS, _index_codes, _named
from taliban_recognition._schema import version_key

if TYPE_CHECKING:
    from collections.abc import Callable

RECORD_TYPES = (
    tr.Source,
    tr.Actor,
    tr.Event,
    tr.StatusPeriod,
    tr.Evidence,
    tr.FuzzyDate,
    tr.Country,
)
DATA = importlib.resources.files("taliban_recognition").joinpath("data", "1.0.0.json")


def raw() -> dict[str, Any]:
    result: dict[str, Any] = json.loads(DATA.read_bytes())
    return result


def test_every_record_round_trips() -> None:
    ds = tr.load("1.0.0")
    records: list[object] = [*ds.sources, *ds.actors, *ds.events, *ds.statuses]
    records += [e for event in ds.events for e in event.evidence]
    records += [event.date for event in ds.events]
    records += [period.country for period in ds.statuses]
    seen = set()
    for record in records:
        kind = type(record)
        seen.add(kind)
        assert converter().structure(converter().unstructure(record, kind), kind) == record
    assert seen == set(RECORD_TYPES)


def test_dataset_round_trips() -> None:
    ds = tr.load("1.0.0")
    assert loads(dumps(ds), ds.sha256) == ds


def mutate(path: list[str | int], value: object = None, *, delete: bool = False) -> bytes:
    record = raw()
    target: Any = record
    for step in path[:-1]:
        target = target[step]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return json.dumps(record).encode()


@pytest.mark.parametrize(
    ("path", "value", "delete", "where", "problem"),
    [
        (["events", 2, "date"], None, True, "$.events[2].date", "required field missing"),
        (
            ["events", 2, "evidence", 0, "start"],
            "12",
            False,
            "$.events[2].evidence[0].start",
            "expected int",
        ),
        (["events", 2, "evidence"], "abc", False, "$.events[2].evidence", "expected a JSON array"),
        (["events", 0, "kind"], "invasion", False, "$.events[0].kind", "invasion"),
        (["statuses", 5, "status"], "unknown", False, "$.statuses[5]", "not UNKNOWN"),
        (["as_of"], "3 July 2025", False, "$.as_of", "YYYY-MM-DD"),
        (["events", 1, "surprise"], 1, False, "$.events[1]", "unknown field"),
        (["events", 0, "date", "precision"], "day", False, "$.events[0]", "DAY date"),
        (["sources", 0, "sha256"], "0" * 64, False, "$.sources[0]", "text has sha256"),
    ],
)
def test_malformed_data_names_the_field(
    path: list[str | int], value: object, delete: bool, where: str, problem: str
) -> None:
    with pytest.raises(tr.DataFormatError) as caught:
        loads(mutate(path, value, delete=delete), "0" * 64)
    assert caught.value.path.startswith(where)
    assert problem in str(caught.value)


def test_invariants_are_checked_with_paths() -> None:
    swapped = raw()
    swapped["events"][0], swapped["events"][1] = swapped["events"][1], swapped["events"][0]
    with pytest.raises(tr.DataFormatError, match="ordered by earliest date") as caught:
        loads(json.dumps(swapped).encode(), "0" * 64)
    assert caught.value.path == "$.events[1]"

    moved = raw()
    moved["events"][3]["evidence"][0]["start"] += 1
    moved["events"][3]["evidence"][0]["end"] += 1
    with pytest.raises(tr.DataFormatError, match="is not the text at"):
        loads(json.dumps(moved).encode(), "0" * 64)


NEWEST = importlib.resources.files("taliban_recognition").joinpath("data", "1.1.0.json")


def test_records_a_file_repeats_are_read_once_and_shared() -> None:
    ds = loads(NEWEST.read_bytes(), tr.load("1.1.0").sha256)
    for event in ds.events:
        assert event.actor is ds.actor(event.actor.id)
        assert event.target is None or event.target is ds.actor(event.target.id)
    countries: dict[str, tr.Country] = {}
    for period in ds.statuses:
        assert countries.setdefault(period.country.alpha_2, period.country) is period.country
    russia = ds.actor("russia").country
    assert russia is not None
    assert russia is ds.status_periods("RU")[0].country
    assert ds == tr.load("1.1.0")  # sharing changes no value


@pytest.mark.parametrize("wrong", [365.0, True, "365"])
def test_a_repeated_record_must_repeat_its_json_exactly(wrong: object) -> None:
    # Python's == calls 365.0 equal to 365: a repeat that differs only so is still refused.
    record = json.loads(NEWEST.read_bytes())
    position = next(
        n for n, e in enumerate(record["events"]) if e["actor"]["country"]["alpha_2"] == "RU"
    )
    record["events"][position]["actor"]["country"]["cow_code"] = wrong
    with pytest.raises(tr.DataFormatError) as caught:
        loads(json.dumps(record).encode(), "0" * 64)
    assert caught.value.path == f"$.events[{position}].actor.country.cow_code"


@pytest.mark.parametrize("data", [b"", b"\xff\xfe", b"[]", b"{", b'{"sha256": "x"}'])
def test_non_documents_are_refused(data: bytes) -> None:
    with pytest.raises(tr.DataFormatError) as caught:
        loads(data, "0" * 64)
    assert caught.value.path.startswith("$")


def first_day_of_month(record: dict[str, Any]) -> None:
    record["statuses"][0]["start"] = {
        "earliest": "2021-08-02",
        "latest": "2021-08-02",
        "precision": "day",
    }


def gap_in_chain(record: dict[str, Any]) -> None:
    record["statuses"][151]["start"] = record["statuses"][152]["start"]


def open_end_missing(record: dict[str, Any]) -> None:
    record["statuses"][0]["end"] = record["statuses"][2]["start"]


def subject_with_status(record: dict[str, Any]) -> None:
    record["statuses"][0]["country"] = {
        "alpha_2": "AF",
        "alpha_3": "AFG",
        "name": "Afghanistan",
        "numeric": "004",
    }


def same_code_two_ways(record: dict[str, Any]) -> None:
    record["statuses"][2]["country"]["name"] = "Emirates"


def changes_out_of_order(record: dict[str, Any]) -> None:
    # Russia's second change can only fall before coverage_start, where its first cannot.
    first = {"earliest": "2021-07-01", "latest": "2021-08-31", "precision": "unknown"}
    second = {"earliest": "2021-07-02", "latest": "2021-07-31", "precision": "unknown"}
    record["statuses"][150]["end"] = record["statuses"][151]["start"] = first
    record["statuses"][151]["end"] = record["statuses"][152]["start"] = second
    record["statuses"][151]["events"] = record["statuses"][152]["events"] = []


WELCOME = "russia-accepts-taliban-ambassador"


def share_the_welcome(
    record: dict[str, Any], andorra: dict[str, str], angola: dict[str, str]
) -> None:
    """Make the ambassador's welcome, dated April to 3 July 2025, bring changes of two more
    states: Andorra's, after its change dated `andorra`, and Angola's, before one dated `angola`.
    """
    date = next(e for e in record["events"] if e["id"] == WELCOME)["date"]
    for code, (middle, last) in [("ad", (andorra, date)), ("ao", (date, angola))]:
        position = next(
            n for n, p in enumerate(record["statuses"]) if p["id"] == f"{code}-no-recognition"
        )
        first = record["statuses"][position]
        later = [
            {
                **first,
                "id": f"{code}-{n}",
                "status": status,
                "start": start,
                "end": end,
                "events": [WELCOME] if start == date else [],
            }
            for n, (status, start, end) in enumerate(
                [("de_facto_engagement", middle, last), ("no_recognition", last, None)], 2
            )
        ]
        first["end"] = middle
        record["statuses"][position + 1 : position + 1] = later


def month(text: str) -> dict[str, str]:
    year, number = map(int, text.split("-"))
    last = calendar.monthrange(year, number)[1]
    return {"earliest": f"{text}-01", "latest": f"{text}-{last}", "precision": "month"}


def chains_out_of_order_together(record: dict[str, Any]) -> None:
    # Each chain can be put in order alone; both at once would need the welcome after June
    # (Andorra's change before it) and before April (Angola's after it).
    share_the_welcome(record, andorra=month("2025-06"), angola=month("2025-04"))


def test_chains_that_share_an_event_are_drawn_with_it_on_one_day() -> None:
    # Andorra's change in May comes before the welcome, Angola's in May after it, and the
    # welcome before Russia's recognition: every draw puts the welcome in May, in order.
    record = raw()
    share_the_welcome(record, andorra=month("2025-05"), angola=month("2025-05"))
    ds = loads(json.dumps(record).encode(), "0" * 64)
    draws = ds.draws(200, seed=7)
    for found in draws:
        welcome = found.events[WELCOME]
        assert found.periods["ad-2"] <= welcome <= found.periods["ao-3"]
        assert dt.date(2025, 5, 1) <= welcome <= dt.date(2025, 5, 31)
        assert welcome <= found.events["russia-recognizes-taliban"]
    # Angola's de facto engagement begins on the day drawn for the welcome, in each draw
    # whose next change of Angola's comes later; on the same day, it never holds.
    panel = ds.panel("day", start=dt.date(2025, 5, 1), countries=["AO"], draws=draws[:20])
    engaged: dict[int, dt.date] = {}
    for row in panel.to_records():
        if row["status"] == "de_facto_engagement":
            engaged.setdefault(row["draw"], row["date"])
    assert engaged == {
        found.number: found.events[WELCOME]
        for found in draws[:20]
        if found.periods["ao-3"] > found.events[WELCOME]
    }
    welcomes = {found.events[WELCOME] for found in draws}
    assert len(welcomes) > 10  # the welcome is still drawn over May, not pinned to a day


def change_not_dated_by_its_event(record: dict[str, Any]) -> None:
    # Russia's de facto engagement began with the ambassador's welcome, not in 2024.
    moved = {"earliest": "2024-01-01", "latest": "2025-07-03", "precision": "unknown"}
    record["statuses"][150]["end"] = record["statuses"][151]["start"] = moved


def duplicate_period_id(record: dict[str, Any]) -> None:
    record["statuses"][3]["id"] = record["statuses"][0]["id"]


def duplicate_event_id(record: dict[str, Any]) -> None:
    record["events"][2]["id"] = record["events"][1]["id"]


def event_after_as_of(record: dict[str, Any]) -> None:
    record["as_of"] = "2025-07-02"


def actor_differs_from_its_record(record: dict[str, Any]) -> None:
    record["events"][0]["actor"]["name"] = "Moscow"


def unknown_event_in_period(record: dict[str, Any]) -> None:
    record["statuses"][152]["events"] = ["russia-annexes-the-moon"]


def unknown_source(record: dict[str, Any]) -> None:
    record["events"][0]["evidence"][0]["source_id"] = "another-article"


@pytest.mark.parametrize(
    ("corrupt", "where", "problem"),
    [
        (first_day_of_month, "$.statuses[0].start", "start at coverage_start"),
        (gap_in_chain, "$.statuses[151].start", "follow on from each other"),
        (open_end_missing, "$.statuses", "must be open"),
        (subject_with_status, "$.statuses", "Afghanistan is the subject"),
        (same_code_two_ways, "$.statuses[2].country", "recorded in two ways"),
        (duplicate_event_id, "$.events[2].id", "duplicate id"),
        (duplicate_period_id, "$.statuses[3].id", "duplicate id"),
        (changes_out_of_order, "$.statuses", "status changes of RU cannot happen in order"),
        (
            chains_out_of_order_together,
            "$.events",
            (
                "changes of the chains of AD, AO, RU dated by period 'ad-2', event "
                "'russia-accepts-taliban-ambassador', period 'ao-3', event "
                "'russia-recognizes-taliban' cannot all happen in order \\(stated dates\\)"
            ),
        ),
        (change_not_dated_by_its_event, "$.statuses[151].start", "dated by its first event"),
        (event_after_as_of, "$.events[", "ends after as_of"),
        (actor_differs_from_its_record, "$.events[0].actor", "differs from the actor record"),
        (unknown_event_in_period, "$.statuses[152].events", "no event"),
        (unknown_source, "$.events[0].evidence[0].source_id", "no source"),
    ],
)
def test_each_invariant_is_enforced(corrupt: Any, where: str, problem: str) -> None:
    record = raw()
    corrupt(record)
    with pytest.raises(tr.DataFormatError, match=problem) as caught:
        loads(json.dumps(record).encode(), "0" * 64)
    assert caught.value.path.startswith(where)


def test_valid_files_are_read_by_the_fast_converter_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The detailed converter is only for saying where a file is wrong; a file that loads
    # must never need it, or every load would pay for both.
    asked: list[bool] = []
    original = _convert.converter

    def spy(version: str | None = None, *, detailed: bool = True) -> Any:
        asked.append(detailed)
        return original(version, detailed=detailed)

    shipped = {version: tr.load(version) for version in tr.versions()}  # before the spy
    monkeypatch.setattr(_convert, "converter", spy)
    for version, dataset in shipped.items():
        data = importlib.resources.files("taliban_recognition").joinpath("data", f"{version}.json")
        assert loads(data.read_bytes(), dataset.sha256) == dataset
    assert asked == [False] * len(tr.versions())
    with pytest.raises(tr.DataFormatError):
        loads(mutate(["events", 2, "date"], delete=True), "0" * 64)
    assert asked[-2:] == [False, True]


def test_loading_pauses_the_collector_and_restores_it_as_it_was() -> None:
    assert gc.isenabled()
    with _reader.collection_paused():
        assert not gc.isenabled()
        with _reader.collection_paused():  # loads overlapping
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer load still runs
    assert gc.isenabled()
    with pytest.raises(tr.DataFormatError):
        loads(b"{", "0" * 64)
    assert gc.isenabled()  # restored after a failure too
    gc.disable()
    try:
        loads(DATA.read_bytes(), tr.load("1.0.0").sha256)
        assert not gc.isenabled()  # a collector the user disabled stays disabled
    finally:
        gc.enable()


def test_a_code_two_records_give_to_different_countries_is_left_to_iso() -> None:
    russia = tr.country("RU")
    forged = attrs.evolve(russia, numeric="999")
    codes = _index_codes([russia, forged])  # the records' countries, in record order
    assert "ru" not in codes  # the two records disagree on what RU and RUS are
    assert "rus" not in codes
    assert codes["643"] is russia  # each of these only one record names
    assert codes["999"] is forged
    assert _index_codes([russia]) == {"ru": russia, "rus": russia, "643": russia}
    records = SimpleNamespace(  # statuses, recognitions, then the actors that have a country
        recognitions=[SimpleNamespace(country=forged)],
        statuses=[SimpleNamespace(country=russia)],
        actors=[SimpleNamespace(country=forged), SimpleNamespace(country=None)],
    )
    assert _named(records) == [russia, forged, forged]  # type: ignore[arg-type]


V2 = importlib.resources.files("taliban_recognition").joinpath("data", "2.0.0.json").read_bytes()
SOURCE = "000-175e52cd24af4336"


def _v2(change: Any) -> bytes:
    record = json.loads(V2)
    change(record)
    return json.dumps(record, ensure_ascii=False).encode()


def _unused_quote(record: dict[str, Any]) -> None:
    record["quotes"][f"{SOURCE}:0-6"] = {
        "source_id": SOURCE,
        "start": 0,
        "end": 6,
        "quote": "Russia",
    }


@pytest.mark.parametrize(
    ("change", "path", "problem"),
    [
        (lambda r: r["events"][0].update(actor="nobody"), "$.events[0].actor", "no actor 'nobody'"),
        (
            lambda r: r["representations"][3].update(country="XX"),
            "$.representations[3].country",
            "no country 'XX' in $.countries",
        ),
        (
            lambda r: r["recognitions"][0].update(evidence=[f"{SOURCE}:0-6"]),
            "$.recognitions[0].evidence[0]",
            "no quote",
        ),
        (lambda r: r["recognitions"][0].update(country=None), "$.recognitions[0].country", "id"),
        (_unused_quote, "$.quotes", f"no record names {SOURCE}:0-6"),
        (lambda r: r["countries"].update(ZZ=r["countries"]["RU"]), "$.countries.ZZ", "'RU'"),
        (lambda r: r.pop("quotes"), "$", "missing ['quotes']"),
        (lambda r: r.update(statuses=[]), "$", "unknown ['statuses']"),
        (lambda r: r.update(notes=1), "$.notes", "expected str"),
        (lambda r: r["countries"].pop("AD"), "$.", "no country 'AD'"),
    ],
    ids=[
        "unknown-actor",
        "unknown-country",
        "unknown-quote",
        "country-not-an-id",
        "unused-quote",
        "country-under-another-id",
        "missing-table",
        "statuses-in-2x",
        "notes-not-text",
        "country-missing",
    ],
)
def test_a_2x_file_that_names_what_it_does_not_hold_is_refused_where(
    change: Any,
    path: str,
    problem: str,
) -> None:
    with pytest.raises(tr.DataFormatError) as caught:
        loads(_v2(change), "0" * 64)
    assert caught.value.path.startswith(path)
    assert problem in str(caught.value)


def test_a_2x_file_stores_each_named_record_once_and_round_trips() -> None:
    dataset = tr.load("2.0.0")
    assert dumps(dataset) == V2
    record = json.loads(V2)
    assert len(record["countries"]) == len({p.country for p in dataset.recognitions}) + 1  # AF
    russia = dataset.actor("russia")
    assert all(e.actor is russia for e in dataset.find_events(actor="russia"))
    assert dataset.recognition_periods("RU")[0].country is russia.country


# The reader of shipped files (`_reader`) --------------------------------------------------------


def test_every_shipped_2x_file_and_only_those_is_trusted_with_its_digest() -> None:
    manifest = _load.SHIPPED.manifest()
    shipped = {v: digest for v, digest in manifest.items() if version_key(v) >= DIMENSIONS}
    assert "2.0.0" in shipped
    assert shipped == _reader.TRUSTED
    folder = importlib.resources.files("taliban_recognition").joinpath("data")
    for version, digest in shipped.items():
        assert hashlib.sha256(folder.joinpath(f"{version}.json").read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("version", sorted(_reader.TRUSTED))
def test_a_shipped_file_reads_as_the_converter_reads_it(
    version: str,
    check_shared: Callable[[tr.Dataset], None],
    check_indices: Callable[[tr.Dataset], None],
) -> None:
    data = importlib.resources.files("taliban_recognition").joinpath("data", f"{version}.json")
    digest = _reader.TRUSTED[version]
    fast = _reader.loads(data.read_bytes(), version, digest)
    slow = loads(data.read_bytes(), digest)
    assert fast is not None
    assert fast == slow
    for field in attrs.fields(tr.Dataset):  # each field alike; the indices: by their answers
        if field.eq:
            assert getattr(fast, field.name) == getattr(slow, field.name), field.name
    for country in {p.country for p in slow.recognitions}:
        assert fast.status_of(country) is slow.status_of(country)
        for way in tr.Direction:
            assert fast.representation_of(country, direction=way) is slow.representation_of(
                country, direction=way
            )
    assert fast.status_of("RU") is tr.RecognitionStatus.FORMAL_RECOGNITION
    assert tr.load(version) == slow
    check_shared(fast)
    check_shared(slow)
    check_indices(fast)  # built without their checks, they are those built with them
    check_indices(slow)


def test_the_check_of_shared_records_refuses_a_copy_of_each_kind(
    check_shared: Callable[[tr.Dataset], None],
) -> None:
    # The check the tests of both readers rely on: a copy, equal but not the same object, of a
    # country, a quote, an actor or a target used elsewhere must fail it.
    shipped = tr.load("2.0.0")
    check_shared(shipped)
    event = next(e for e in shipped.events if e.target is not None and e.evidence)
    period = next(p for p in shipped.recognitions if p.country.alpha_2 == "RU")
    assert event.target is not None
    copies: dict[str, dict[str, tuple[object, ...]]] = {
        "a country": {
            "recognitions": (attrs.evolve(period, country=attrs.evolve(period.country)),)
        },
        "a quote": {
            "events": (
                *shipped.events,
                SimpleNamespace(
                    evidence=(attrs.evolve(event.evidence[0]),), actor=event.actor, target=None
                ),
            )
        },
        "an actor": {"events": (attrs.evolve(event, actor=attrs.evolve(event.actor)),)},
        "a target": {"events": (attrs.evolve(event, target=attrs.evolve(event.target)),)},
    }
    fields = ("recognitions", "representations", "actors", "events")
    for changed in copies.values():
        copy = SimpleNamespace(**{f: getattr(shipped, f) for f in fields}, actor=shipped.actor)
        for name, value in changed.items():
            setattr(copy, name, value)
        with pytest.raises(AssertionError):
            check_shared(copy)  # type: ignore[arg-type]


def test_the_reader_of_shipped_files_takes_no_other_file(monkeypatch: pytest.MonkeyPatch) -> None:
    digest = _reader.TRUSTED["2.0.0"]
    assert _reader.loads(V2, "2.0.0", "0" * 64) is None  # not the shipped digest
    assert _reader.loads(V2, "1.0.0", digest) is None  # not that version's digest
    monkeypatch.setitem(_reader.TRUSTED, "2.0.1", digest)
    assert _reader.loads(V2, "2.0.1", digest) is None  # the file is of another version
    assert _reader.loads(V2 + b" ", "2.0.0", digest) is not None  # the digest is the caller's
