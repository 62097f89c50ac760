"""The article's facts, asked through the public API, and the queries' behaviour."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition import EventKind, RecognitionStatus
from taliban_recognition._invariants import QUERY_LENGTH_KEPT
from taliban_recognition.strategies import datasets

if TYPE_CHECKING:
    from collections.abc import Callable

NO = RecognitionStatus.NO_RECOGNITION
DE_FACTO = RecognitionStatus.DE_FACTO_ENGAGEMENT
FORMAL = RecognitionStatus.FORMAL_RECOGNITION
UNKNOWN = RecognitionStatus.UNKNOWN

ds = tr.load("1.0.0")
covered = st.dates(min_value=ds.coverage_start, max_value=ds.as_of)


def test_header() -> None:
    assert ds.version == "1.0.0"
    assert ds.as_of == dt.date(2025, 7, 3)
    assert ds.coverage_start == dt.date(2021, 8, 1)
    assert len(ds.sha256) == 64


def test_russia_is_the_first_and_only_recognizer() -> None:
    assert ds.status_of("Russia") is FORMAL
    assert [c.alpha_2 for c in ds.recognizers()] == ["RU"]
    assert ds.recognizers(on=dt.date(2025, 7, 2)) == ()
    assert ds.recognizers(on="2021-08-01") == ()


def test_russia_recognized_on_thursday_3_july_2025() -> None:
    (recognition,) = ds.find_events(kind=EventKind.RECOGNITION)
    assert recognition.actor.id == "russia"
    assert recognition.target is not None
    assert recognition.target.id == "taliban"
    assert str(recognition.date) == "2025-07-03"
    assert recognition.date_text == "announced Thursday"
    assert ds.status_of("RU", on=dt.date(2025, 7, 2)) is not FORMAL


def test_ambassador_welcome_is_dated_no_closer_than_the_text_allows() -> None:
    (welcome,) = ds.find_events(kind="ambassador_accepted")
    assert welcome.actor.id == "russia"
    assert str(welcome.date) == "[2025-04..2025-07-03]"
    assert welcome.date_text is None
    assert ds.possible_statuses("RU", on="2025-05-01") == (NO, DE_FACTO)
    assert ds.status_of("RU", on="2025-05-01") is UNKNOWN
    assert ds.status_of("RU", on="2025-03-31") is NO


@pytest.mark.parametrize("name", ["China", "Pakistan", "Uzbekistan", "UAE"])
def test_four_states_posted_ambassadors_without_recognition(name: str) -> None:
    assert ds.status_of(name) is DE_FACTO
    (posting,) = ds.find_events(country=name, kind="ambassador_posted")
    assert posting.date.earliest == ds.coverage_start
    assert posting.date.latest == ds.as_of
    assert "have posted ambassadors to Kabul" in posting.evidence[0].quote
    # The posting is undated, so before as_of the status is not certain.
    assert ds.status_of(name, on=dt.date(2024, 1, 1)) is UNKNOWN
    assert ds.possible_statuses(name, on=dt.date(2024, 1, 1)) == (NO, DE_FACTO)


def test_united_states_withholds_funds_and_sanctions() -> None:
    assert ds.status_of("US") is NO
    kinds = {e.kind for e in ds.find_events(actor="united-states")}
    assert kinds == {EventKind.ASSET_FREEZE, EventKind.SANCTIONS}
    (freeze,) = ds.find_events(kind="asset_freeze")
    assert freeze.target is not None
    assert freeze.target.name == "Afghan central bank"


def test_states_not_singled_out_take_inferred_no_recognition() -> None:
    for name in ("France", "India", "Iran", "Germany", "Kazakhstan"):
        (period,) = ds.status_periods(name)
        assert period.status is NO
        assert period.basis is tr.Basis.INFERRED
        assert ds.status_of(name) is NO
        assert ds.status_of(name, on="2022-06-30") is NO


def test_russian_ban_history() -> None:
    designation, lifted = (
        ds.find_events(actor="russia", kind="terrorist_designation")[0],
        ds.find_events(actor="russia", kind="designation_lifted")[0],
    )
    assert str(designation.date) == "2003"
    assert str(lifted.date) == "2025-04"
    assert lifted.date_text == "Last April"


def test_ordered_history_of_russia() -> None:
    events = ds.find_events(country="Russia")
    assert [e.date.earliest for e in events] == sorted(e.date.earliest for e in events)
    assert events[0].kind is EventKind.TERRORIST_DESIGNATION
    assert {EventKind.RECOGNITION, EventKind.TRADE, EventKind.ATTACK} <= {e.kind for e in events}


def test_crocus_discrepancy_is_kept_as_stated_and_noted() -> None:
    (attack,) = ds.find_events(kind="attack")
    assert attack.actor.id == "isis-k"
    assert attack.date_text == "this year"
    assert (attack.date.earliest, attack.date.latest) == (dt.date(2025, 1, 1), ds.as_of)
    assert attack.notes is not None
    assert "22 March 2024" in attack.notes


def test_trade_since_2022_and_takeover_in_august_2021() -> None:
    (trade,) = ds.find_events(kind="trade")
    assert (trade.actor.id, str(trade.date)) == ("afghanistan", "2022")
    assert trade.date_text == "since 2022"
    (takeover,) = ds.find_events(kind="takeover")
    assert str(takeover.date) == "2021-08"


def test_western_countries_demand_reforms() -> None:
    (demand,) = ds.find_events(kind="demand")
    assert demand.actor.kind is tr.ActorKind.STATE_GROUP
    assert demand.actor.country is None
    assert "women’s rights" in demand.evidence[0].quote


def test_afghanistan_has_no_status() -> None:
    with pytest.raises(tr.NoStatusError, match="whose government is recognized"):
        ds.status_of("Afghanistan")


@pytest.mark.parametrize("version", ["1.0.0", "1.1.0"])
def test_a_state_without_status_is_reported_alike_however_named(version: str) -> None:
    # Codes are answered from the data's records and names through ISO 3166-1: the error
    # names the same country either way.
    errors = []
    for query in ("AF", "afg", 4, "004", "Afghanistan", "PR", "Guam", "gu"):
        with pytest.raises(tr.NoStatusError) as caught:
            tr.load(version).status_of(query)
        errors.append((caught.value.country, str(caught.value)))
    assert errors[0] == errors[1] == errors[2] == errors[3] == errors[4]
    assert errors[0][0] == tr.country("AF")
    assert errors[6] == errors[7]


@pytest.mark.parametrize("dates", [[], {}, None, 1, b"stated", "Stated"])
def test_an_unknown_reading_of_dates_is_refused_by_every_query(dates: object) -> None:
    queries: list[Callable[[], object]] = [
        lambda: ds.status_of("RU", dates=dates),  # type: ignore[arg-type]
        lambda: ds.possible_statuses("RU", dates=dates),  # type: ignore[arg-type]
        lambda: ds.possible_periods("RU", dates=dates),  # type: ignore[arg-type]
        lambda: ds.recognizers(dates=dates),  # type: ignore[arg-type]
        lambda: ds.find_events(country="RU", dates=dates),  # type: ignore[arg-type]
    ]
    for query in queries:
        with pytest.raises(tr.UnknownDatesError, match="valid readings are: stated, corroborated"):
            query()


@pytest.mark.parametrize("day", [dt.date(2021, 7, 31), dt.date(2025, 7, 4), "1999-01-01"])
def test_out_of_coverage(day: dt.date | str) -> None:
    with pytest.raises(tr.OutOfCoverageError, match="2021-08-01 to 2025-07-03") as caught:
        ds.status_of("RU", on=day)
    assert isinstance(caught.value, ValueError)
    with pytest.raises(tr.OutOfCoverageError):
        ds.recognizers(on=day)


@pytest.mark.parametrize("day", ["yesterday", "2025-13-01", 20250703, 2025.0, ["2025-07-03"]])
def test_bad_dates(day: object) -> None:
    with pytest.raises(tr.InvalidDateError):
        ds.status_of("RU", on=day)  # type: ignore[arg-type]
    with pytest.raises(tr.InvalidDateError):
        ds.find_events(since=day)  # type: ignore[arg-type]


def test_datetimes_count_as_their_day() -> None:
    moment = dt.datetime(2025, 7, 3, 23, 59, tzinfo=dt.timezone.utc)
    assert ds.status_of("RU", on=moment) is FORMAL


def test_country_arguments_in_every_form() -> None:
    russia = tr.country("RU")
    for query in ("RU", "rus", 643, "643", "Russia", "Russian Federation", russia):
        assert ds.status_of(query) is FORMAL
        assert ds.find_events(country=query) == ds.find_events(country="RU")


def test_find_events_errors() -> None:
    with pytest.raises(tr.UnknownActorError, match=r"the actor ids are: .*russia"):
        ds.find_events(actor="kremlin")
    with pytest.raises(tr.UnknownEventKindError, match="valid kinds are: takeover"):
        ds.find_events(kind="invasion")
    with pytest.raises(tr.UnknownCountryError):
        ds.find_events(country="Atlantis")
    with pytest.raises(tr.InvalidDateError, match="since must not be after until"):
        ds.find_events(since="2025-01-01", until="2024-01-01")


def test_find_events_by_target_and_actor_object() -> None:
    taliban = ds.actor("taliban")
    aimed = ds.find_events(target=taliban)
    assert aimed
    assert all(e.target == taliban for e in aimed)
    assert ds.find_events(actor=taliban) == ds.find_events(actor="taliban")


def test_lookups_by_id() -> None:
    assert ds.event("russia-recognizes-taliban").kind is EventKind.RECOGNITION
    assert ds.source(ds.sources[0].id) is ds.sources[0]
    with pytest.raises(tr.UnknownActorError):
        ds.actor("nobody")
    with pytest.raises(tr.UnknownRecordError, match=r"the event ids are: .*russia-recognizes") as e:
        ds.event("russia-annexes-the-moon")
    assert (e.value.record_type, e.value.record_id) == ("event", "russia-annexes-the-moon")
    with pytest.raises(tr.UnknownRecordError, match="no source with id 7"):
        ds.source(7)  # type: ignore[arg-type]
    assert isinstance(e.value, LookupError)


@given(covered, covered)
def test_date_filters_keep_exactly_the_overlapping_events(a: dt.date, b: dt.date) -> None:
    since, until = min(a, b), max(a, b)
    expected = [e for e in ds.events if e.date.latest >= since and e.date.earliest <= until]
    assert list(ds.find_events(since=since, until=until)) == expected
    assert list(ds.find_events(since=since)) == [e for e in ds.events if e.date.latest >= since]
    assert list(ds.find_events(until=until)) == [e for e in ds.events if e.date.earliest <= until]


@given(
    st.sampled_from([None, "RU", "CN", "US", "AF", "FR"]),
    st.sampled_from([None, *(a.id for a in ds.actors)]),
    st.sampled_from([None, *EventKind]),
)
def test_filters_are_sound_complete_and_combine_by_intersection(
    code: str | None, actor: str | None, kind: EventKind | None
) -> None:
    found = ds.find_events(country=code, actor=actor, kind=kind)

    def involves(event: tr.Event) -> bool:
        parties = (event.actor, event.target)
        return code in {p.country.alpha_2 for p in parties if p and p.country}

    expected = [
        e
        for e in ds.events
        if (code is None or involves(e))
        and (actor is None or e.actor.id == actor)
        and (kind is None or e.kind is kind)
    ]
    assert list(found) == expected
    separately = [
        set(ds.find_events(country=code)),
        set(ds.find_events(actor=actor)),
        set(ds.find_events(kind=kind)),
    ]
    assert set(found) == set.intersection(*separately)


@given(covered)
def test_recognizers_agree_with_status_of(day: dt.date) -> None:
    formal = {p.country for p in ds.statuses if ds.status_of(p.country, on=day) is FORMAL}
    assert set(ds.recognizers(on=day)) == formal


@given(st.sampled_from(ds.statuses), covered)
def test_status_of_agrees_with_the_periods(period: tr.StatusPeriod, day: dt.date) -> None:
    periods = ds.status_periods(period.country)
    certain = [
        p.status
        for p in periods
        if p.start.latest <= day and (p.end is None or day < p.end.earliest)
    ]
    possible = ds.possible_statuses(period.country, on=day)
    status = ds.status_of(period.country, on=day)
    if certain:
        assert status is certain[0]
        assert possible == (certain[0],)
    elif any(p.start.earliest <= day < p.start.latest for p in periods[1:]):
        assert status is UNKNOWN  # inside the window of an undated change
        assert len(possible) == 2
    else:  # inside the takeover month, before which nothing else held
        assert possible == (periods[0].status,)


@pytest.mark.parametrize(
    "day", ["2025070399", "2025W274", "20250703", "2025-07-03T00:00", " 2025-07-03"]
)
def test_only_iso_calendar_dates_are_dates(day: str) -> None:
    with pytest.raises(tr.InvalidDateError, match="YYYY-MM-DD"):
        ds.status_of("RU", on=day)


def test_impostor_countries_and_actors_are_refused() -> None:
    with pytest.raises(tr.UnknownCountryError):
        ds.status_of(tr.Country(alpha_2="RU", alpha_3="XXX", numeric="999", name="Nowhere"))
    with pytest.raises(tr.UnknownCountryError):
        ds.find_events(country=tr.Country(alpha_2="XX", alpha_3="XXX", numeric="999", name="X"))
    renamed = tr.Country(alpha_2="RU", alpha_3="RUS", numeric="643", name="Russia")
    assert ds.status_of(renamed) is FORMAL  # names may change between pycountry releases
    kremlin = tr.Actor(id="russia", name="Kremlin", kind=tr.ActorKind.STATE, country=renamed)
    with pytest.raises(tr.UnknownActorError):
        ds.find_events(actor=kremlin)


def test_compatibility_characters_are_not_country_names() -> None:
    for query in ("ﬁ", "㏌", "Ǳ"):
        with pytest.raises(tr.UnknownCountryError):
            tr.country(query)


def test_possible_periods_are_the_evidence_of_an_answer() -> None:
    assert [p.id for p in ds.possible_periods("RU", on="2025-05-01")] == [
        "ru-no-recognition",
        "ru-de-facto-engagement",
    ]
    assert [p.id for p in ds.possible_periods("RU")] == ["ru-formal-recognition"]
    assert [p.id for p in ds.possible_periods("RU", on="2025-03-31")] == ["ru-no-recognition"]
    for period in ds.possible_periods("China", on="2023-01-01"):
        assert period in ds.status_periods("China")


@given(covered)
def test_possible_statuses_are_those_of_the_possible_periods(day: dt.date) -> None:
    for state in ("RU", "CN", "PK", "US"):
        periods = ds.possible_periods(state, on=day)
        assert periods
        assert list(periods) == [p for p in ds.status_periods(state) if p in periods]
        assert ds.possible_statuses(state, on=day) == tuple(sorted({p.status for p in periods}))


@settings(max_examples=max(10, settings().max_examples // 8))  # a repr: a few datasets do
@given(datasets())
def test_the_repr_is_one_short_line_that_names_the_dataset(dataset: tr.Dataset) -> None:
    text = repr(dataset)
    assert "\n" not in text
    assert len(text) < 200
    assert text.startswith(f"<Dataset {dataset.version} as of {dataset.as_of.isoformat()}, ")
    assert f"{len(dataset.events)} event" in text
    assert dataset.sha256[:8] in text


def test_the_repr_of_a_shipped_version_counts_its_records() -> None:
    assert repr(tr.load("1.0.0")) == (
        "<Dataset 1.0.0 as of 2025-07-03, sha256 8e7b40c0...: 1 source, 14 actors, 22 events, "
        "200 status periods of 194 states, 0 references>"
    )


@pytest.mark.parametrize("old", ["1.0.0", None, 1])
def test_a_diff_between_things_that_are_not_datasets_says_what_it_takes(old: object) -> None:
    with pytest.raises(tr.InvalidArgumentError, match="old must be a Dataset") as caught:
        tr.DatasetDiff.between(old, tr.load("1.1.0"))  # type: ignore[arg-type]
    assert caught.value.argument == "old"
    assert caught.value.value == old
    with pytest.raises(tr.InvalidArgumentError, match=r"tr\.diff compares versions by name"):
        tr.DatasetDiff.between(tr.load("1.1.0"), "1.2.0")  # type: ignore[arg-type]


class _Code(str):
    """A str that reads as another country: its `lower` gives "zz", which names none."""

    __slots__ = ()

    def lower(self) -> str:
        return "zz"


class _Number(int):
    """An int that reads as another country: formatted, it is 840, the United States."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return "840"


class _Impostor(str):
    """A str equal to every string, with the hash of "RU": a dict takes it for that key."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return hash("RU")


class _DayImpostor(_Impostor):
    """Likewise, with the hash of "2025-07-03"."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash("2025-07-03")


def _outcome(call: Callable[..., object], *args: object, **kwargs: object) -> tuple[object, ...]:
    """What a query gives: its answer, or its error's type, message and arguments."""
    try:
        return ("answer", call(*args, **kwargs))
    except tr.TalibanRecognitionError as error:
        return ("error", type(error), str(error), error.args)


_QUERIES: list[object] = [
    *("RU", "rus", 643, "643", "Russia", "Russian Federation", "ru ", "US", 840, "usa"),
    *("AF", 4, "Afghanistan", "Guam", "Rusia", "Narnia", "XX", 999, "", "  ", None),
    *(True, False, 643.0, 4.0, b"RU", "x" * 101, "RU" + " " * 100),
    *(_Code("RU"), _Number(643), _Impostor("Narnia")),
]
"""Country queries of every kind: answered, without a status, unknown, refused, look-alikes."""

_remembered = attrs.evolve(tr.load())  # its own indices: the queries below fill its memo


_READINGS: list[Literal["stated", "corroborated"]] = ["stated", "corroborated"]


@given(st.lists(st.sampled_from(_QUERIES), max_size=12), st.sampled_from(_READINGS))
def test_a_country_query_asked_again_is_answered_as_it_was_first(
    queries: list[object], dates: Literal["stated", "corroborated"]
) -> None:
    # The memo of country codes changes no answer and no error: each query on a dataset that
    # has seen many gives what it gives on one that has seen none. 643.0 is not taken for
    # 643, nor a subclass of str or int, which may read or compare otherwise, for the plain
    # value it equals; a query longer than a name is answered but not kept.
    first = tr.load()
    for query in queries:
        first._indices.queried.clear()  # noqa: SLF001 -- asked as if for the first time
        fresh = _outcome(first.status_of, query, dates=dates)
        again = _outcome(_remembered.status_of, query, dates=dates)
        assert again == fresh, query
    kept = _remembered._indices.queried  # noqa: SLF001
    assert all(isinstance(query, int) or len(query) <= QUERY_LENGTH_KEPT for query in kept)


def test_past_the_kept_number_country_queries_are_answered_without_being_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("taliban_recognition._dataset.QUERIES_KEPT", 2)
    dataset = attrs.evolve(tr.load())
    answers = [dataset.status_of(query) for query in ("RU", "rus", 643, "Russia", "US")]
    assert answers == [tr.load().status_of(q) for q in ("RU", "rus", 643, "Russia", "US")]
    assert dataset._indices.queried == {"RU": "RU", "rus": "RU"}  # noqa: SLF001


def test_a_query_longer_than_any_name_is_answered_without_being_kept() -> None:
    dataset = attrs.evolve(tr.load())
    padded = "RU" + " " * QUERY_LENGTH_KEPT
    assert dataset.status_of(padded) is dataset.status_of("RU")
    assert dataset._indices.queried == {"RU": "RU"}  # noqa: SLF001


@given(
    st.one_of(
        covered.map(dt.date.isoformat),
        st.sampled_from(["2025-02-30", "2025-7-03", "yesterday", " 2025-07-03", "20250703"]),
    )
)
def test_a_day_asked_again_is_read_as_it_was_first(day: str) -> None:
    # The memo of ISO days changes no day and no error, and keeps only plain strings.
    tr._args._days.clear()  # noqa: SLF001 -- read as if for the first time
    first = _outcome(ds.status_of, "RU", on=day)
    assert _outcome(ds.status_of, "RU", on=day) == first
    kept = tr._args._days  # noqa: SLF001
    assert all(type(text) is str for text in kept)
    assert all(dt.date.fromisoformat(text) == found for text, found in kept.items())


def test_a_str_that_equals_a_remembered_day_is_not_taken_for_it() -> None:
    assert ds.status_of("RU", on="2025-07-03") is FORMAL  # remembered
    with pytest.raises(tr.InvalidDateError, match="YYYY-MM-DD"):
        ds.status_of("RU", on=_DayImpostor("yesterday"))


def test_past_the_kept_number_days_are_read_without_being_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from taliban_recognition import _args  # noqa: PLC0415

    monkeypatch.setattr(_args, "_days", {})
    monkeypatch.setattr(_args, "DAYS_KEPT", 1)
    assert ds.status_of("RU", on="2025-07-03") is FORMAL
    later = ds.status_of("RU", on="2022-01-01")
    assert later is ds.status_of("RU", on=dt.date(2022, 1, 1)) is NO
    assert _args._days == {"2025-07-03": dt.date(2025, 7, 3)}  # noqa: SLF001
