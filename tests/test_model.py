from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition import DatePrecision, FuzzyDate, RecognitionStatus
from taliban_recognition._model import _month_end

if TYPE_CHECKING:
    from collections.abc import Callable

any_day = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 30))
# Month and year boundaries are where EDTF bounds shorten, so they are drawn often.
days = st.one_of(
    any_day,
    any_day.map(lambda d: d.replace(day=1)),
    any_day.map(lambda d: d.replace(day=1) - dt.timedelta(days=1)),
    any_day.map(lambda d: d.replace(month=1, day=1)),
    any_day.map(lambda d: d.replace(month=12, day=31)),
)


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    day = draw(days)
    precision = draw(st.sampled_from(DatePrecision))
    if precision is DatePrecision.DAY:
        return FuzzyDate.day(day)
    if precision is DatePrecision.MONTH:
        return FuzzyDate.month(day.year, day.month)
    if precision is DatePrecision.YEAR:
        return FuzzyDate.year(day.year)
    later = draw(days.filter(lambda d: d != day))
    return FuzzyDate.between(min(day, later), max(day, later))


@given(fuzzy_dates())
def test_fuzzy_date_bounds_are_ordered(date: FuzzyDate) -> None:
    assert date.earliest <= date.latest
    assert (date.earliest == date.latest) == (date.precision is DatePrecision.DAY)


@given(fuzzy_dates())
def test_edtf_round_trips(date: FuzzyDate) -> None:
    text = str(date)
    assert FuzzyDate.parse(text) == date
    assert str(FuzzyDate.parse(text)) == text


@given(fuzzy_dates(), fuzzy_dates(), fuzzy_dates())
def test_ordering_is_total_and_follows_earliest(a: FuzzyDate, b: FuzzyDate, c: FuzzyDate) -> None:
    assert (a < b) + (a == b) + (a > b) == 1
    assert (a <= b) == (a < b or a == b)
    if a.earliest < b.earliest:
        assert a < b
    if a <= b <= c:
        assert a <= c
    assert sorted([a, b, c]) == sorted([c, b, a])


@given(fuzzy_dates())
def test_equal_dates_hash_equally(date: FuzzyDate) -> None:
    copy = FuzzyDate(date.earliest, date.latest, date.precision)
    assert copy == date
    assert hash(copy) == hash(date)


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        ("2025-07-03", "2025-07-03", "2025-07-03", DatePrecision.DAY),
        ("2025-04", "2025-04-01", "2025-04-30", DatePrecision.MONTH),
        ("2024-02", "2024-02-01", "2024-02-29", DatePrecision.MONTH),
        ("2003", "2003-01-01", "2003-12-31", DatePrecision.YEAR),
        ("[2021-08..2025-07-03]", "2021-08-01", "2025-07-03", DatePrecision.UNKNOWN),
        ("[2025..2025-07-03]", "2025-01-01", "2025-07-03", DatePrecision.UNKNOWN),
        ("[2021-08-15..2022]", "2021-08-15", "2022-12-31", DatePrecision.UNKNOWN),
        ("[2021-08-31..2025-07-01]", "2021-08-31", "2025-07-01", DatePrecision.UNKNOWN),
        ("[2021-12-31..2025-06]", "2021-12-31", "2025-06-30", DatePrecision.UNKNOWN),
        ("[2025-04..2025-04]", "2025-04-01", "2025-04-30", DatePrecision.UNKNOWN),
    ],
)
def test_edtf_examples(text: str, earliest: str, latest: str, precision: DatePrecision) -> None:
    date = FuzzyDate.parse(text)
    assert date.earliest == dt.date.fromisoformat(earliest)
    assert date.latest == dt.date.fromisoformat(latest)
    assert date.precision is precision
    assert str(date) == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2025-13",
        "2025-02-30",
        "25",
        "2025/07",
        "[2025-07-03]",
        "[2025..2024]",
        "July 2025",
        "[2025-07-03..2025-07-03]",
        "2025-7-3",
    ],
)
def test_bad_edtf_is_rejected(text: str) -> None:
    with pytest.raises(tr.InvalidDateError, match="invalid date"):
        FuzzyDate.parse(text)


def test_precision_must_match_bounds() -> None:
    with pytest.raises(tr.InvalidDateError, match="MONTH date must run from 2025-04-01"):
        FuzzyDate(dt.date(2025, 4, 2), dt.date(2025, 4, 30), DatePrecision.MONTH)
    with pytest.raises(tr.InvalidDateError, match="earliest < latest"):
        FuzzyDate.between(dt.date(2025, 4, 2), dt.date(2025, 4, 1))
    with pytest.raises(tr.InvalidDateError, match=r"must be datetime\.date"):
        FuzzyDate(dt.datetime(2025, 4, 2), dt.datetime(2025, 4, 2), DatePrecision.DAY)  # noqa: DTZ001


def test_status_order() -> None:
    no, de_facto, formal = (
        RecognitionStatus.NO_RECOGNITION,
        RecognitionStatus.DE_FACTO_ENGAGEMENT,
        RecognitionStatus.FORMAL_RECOGNITION,
    )
    assert no < de_facto < formal
    assert formal > no
    assert formal >= RecognitionStatus.FORMAL_RECOGNITION
    assert sorted([formal, no, de_facto]) == [no, de_facto, formal]


def test_unknown_status_is_not_ordered() -> None:
    with pytest.raises(TypeError, match="not ordered"):
        _ = RecognitionStatus.UNKNOWN < RecognitionStatus.FORMAL_RECOGNITION
    with pytest.raises(TypeError):
        _ = RecognitionStatus.NO_RECOGNITION < "formal_recognition"


def test_records_are_frozen() -> None:
    ds = tr.load("1.0.0")
    event = ds.events[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.summary = "changed"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ds.events = ()  # type: ignore[misc]
    assert isinstance(ds.events, tuple)
    assert isinstance(event.evidence, tuple)
    assert not hasattr(event, "__dict__")


def test_evidence_offsets_must_fit_the_quote() -> None:
    with pytest.raises(tr.InvalidRecordError, match="spans 3 characters, quote has 6"):
        tr.Evidence(source_id="s", quote="Russia", start=0, end=3)
    with pytest.raises(tr.InvalidRecordError, match="0 <= start < end"):
        tr.Evidence(source_id="s", quote="Russia", start=-1, end=5)


def test_source_digest_must_match_its_text() -> None:
    with pytest.raises(tr.InvalidRecordError, match="text has sha256"):
        tr.Source(id="s", title="t", text="abc", sha256="0" * 64)


def test_country_codes_are_validated() -> None:
    with pytest.raises(tr.InvalidRecordError, match="alpha_2 must match"):
        tr.Country(alpha_2="ru", alpha_3="RUS", numeric="643", name="Russian Federation")
    with pytest.raises(tr.InvalidRecordError, match="numeric must match"):
        tr.Country(alpha_2="RU", alpha_3="RUS", numeric="64", name="Russian Federation")


def test_status_period_cannot_hold_unknown() -> None:
    ru = tr.country("RU")
    evidence = tr.load("1.0.0").statuses[0].evidence
    with pytest.raises(tr.InvalidRecordError, match="not UNKNOWN") as caught:
        tr.StatusPeriod(
            id="ru-unknown",
            country=ru,
            status=RecognitionStatus.UNKNOWN,
            start=FuzzyDate.month(2021, 8),
            end=None,
            basis=tr.Basis.STATED,
            events=(),
            evidence=evidence,
        )
    assert caught.value.field == "status"
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, TypeError)  # as attrs' own validators raised for a type


@given(st.dates())
def test_a_month_ends_on_the_day_the_calendar_says(day: dt.date) -> None:
    last = calendar.monthrange(day.year, day.month)[1]
    assert _month_end(day) == day.replace(day=last)


KNOWN: dict[DatePrecision, Callable[[dt.date], str]] = {
    DatePrecision.DAY: lambda day: day.isoformat(),
    DatePrecision.MONTH: lambda day: f"{day.year:04d}-{day.month:02d}",
    DatePrecision.YEAR: lambda day: f"{day.year:04d}",
}


@given(st.dates(), st.dates(), st.sampled_from(list(KNOWN)))
def test_a_known_date_spans_exactly_its_day_month_or_year(
    earliest: dt.date, latest: dt.date, precision: DatePrecision
) -> None:
    expected = FuzzyDate.parse(KNOWN[precision](earliest))  # the span its text names
    if (earliest, latest) == (expected.earliest, expected.latest):
        assert FuzzyDate(earliest, latest, precision) == expected
    else:
        with pytest.raises(tr.InvalidDateError, match=f"a {precision.name} date must run from"):
            FuzzyDate(earliest, latest, precision)
    exact = FuzzyDate(expected.earliest, expected.latest, precision)
    assert str(exact) == KNOWN[precision](earliest)
