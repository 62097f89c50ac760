"""Panels agree with the queries cell by cell, keep their uncertainty, and pin the article."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition import Direction, RecognitionStatus, RepresentationLevel
from taliban_recognition._model import DATES, Dates
from taliban_recognition._panel import KNOWN_STATUSES, ORDERED_LEVELS, STATUS_CODES
from taliban_recognition.strategies import datasets

if TYPE_CHECKING:
    from collections.abc import Iterator

WHOLE_DATASETS = settings(max_examples=max(25, settings().max_examples // 4))
"""Each example draws a dataset and asks the queries of every cell: a quarter of the
profile's examples, as in test_properties.py."""

FORMAL = RecognitionStatus.FORMAL_RECOGNITION
UNKNOWN = RecognitionStatus.UNKNOWN
KABUL, ABROAD = Direction.STATE_IN_AFGHANISTAN, Direction.AFGHANISTAN_IN_STATE


@st.composite
def spans(draw: st.DrawFn, dataset: tr.Dataset, most: int) -> tuple[dt.date, dt.date]:
    """A span within the coverage of at most `most` days."""
    length = (dataset.as_of - dataset.coverage_start).days
    first = draw(st.integers(0, length))
    last = draw(st.integers(first, min(length, first + most - 1)))
    start = dataset.coverage_start
    return start + dt.timedelta(days=first), start + dt.timedelta(days=last)


def days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def resting(
    dataset: tr.Dataset, code: str, day: dt.date, dates: Dates
) -> tuple[list[str], list[str]]:
    """The ids of the periods (and their events) the queries say an answer rests on."""
    if dataset.statuses:
        periods: list[Any] = list(dataset.possible_periods(code, day, dates=dates))
    else:
        periods = [
            *dataset.possible_recognition_periods(code, day, dates=dates),
            *dataset.possible_representation_periods(code, day, direction=KABUL, dates=dates),
            *dataset.possible_representation_periods(code, day, direction=ABROAD, dates=dates),
        ]
    events = list(dict.fromkeys(e for period in periods for e in period.events))
    return [period.id for period in periods], events


def status_cells(
    status: RecognitionStatus, low: RecognitionStatus, high: RecognitionStatus
) -> dict[str, Any]:
    """The status columns of a cell: the status (unknown or not), its bounds, their codes."""
    return {
        "status": status.value,
        "status_code": None if status is UNKNOWN else STATUS_CODES[status],
        "status_min": low.value,
        "status_max": high.value,
        "status_min_code": STATUS_CODES[low],
        "status_max_code": STATUS_CODES[high],
    }


def expected_point(dataset: tr.Dataset, code: str, day: dt.date, dates: Dates) -> dict[str, Any]:
    """The cells of a state on a day, from the queries, written out as the docs define them."""
    status = dataset.status_of(code, day, dates=dates)
    possible = dataset.possible_statuses(code, day, dates=dates)
    periods, events = resting(dataset, code, day, dates)
    recognizes = (
        dataset.recognizes(code, day, dates=dates)
        if not dataset.statuses
        else (True if set(possible) == {FORMAL} else (False if FORMAL not in possible else None))
    )
    return {
        **status_cells(status, min(possible), max(possible)),
        "recognizes": recognizes,
        "periods": ";".join(periods),
        "events": ";".join(events) or None,
    }


def expected_over(
    dataset: tr.Dataset, code: str, first: dt.date, last: dt.date, dates: Dates
) -> dict[str, Any]:
    """The cells of a state over the days of a period, from the queries of each day."""
    each = [dataset.possible_statuses(code, day, dates=dates) for day in days(first, last)]
    union = sorted({status for possible in each for status in possible})
    certain = {s: sum(possible == (s,) for possible in each) for s in KNOWN_STATUSES}
    held = [s for s, count in certain.items() if count == len(each)]
    periods: dict[str, None] = {}
    events: dict[str, None] = {}
    for day in days(first, last):
        ids, held_events = resting(dataset, code, day, dates)
        periods.update(dict.fromkeys(ids))
        events.update(dict.fromkeys(held_events))
    recognized = [dataset.status_of(code, day, dates=dates) is FORMAL for day in days(first, last)]
    never = all(FORMAL not in possible for possible in each)
    return {
        **status_cells(held[0] if held else UNKNOWN, union[0], union[-1]),
        "recognizes": True if all(recognized) else (False if never else None),
        "days": len(each),
        **{f"share_{s.value}": certain[s] / len(each) for s in KNOWN_STATUSES},
        "periods": ";".join(periods),
        "events": ";".join(events) or None,
    }


def country_cells(country: tr.Country) -> dict[str, Any]:
    return {
        "country_alpha_2": country.alpha_2,
        "country_alpha_3": country.alpha_3,
        "country_numeric": country.numeric,
        "country_name": country.name,
        "country_cow_code": country.cow_code,
        "country_gw_code": country.gw_code,
    }


@WHOLE_DATASETS
@given(data=st.data(), dataset=datasets(), dates=st.sampled_from(DATES))
def test_a_state_day_panel_is_status_of_and_possible_statuses_on_each_day(
    data: st.DataObject, dataset: tr.Dataset, dates: Dates
) -> None:
    first, last = data.draw(spans(dataset, 40))
    panel = dataset.panel("day", start=first, end=last, dates=dates)
    rows = panel.to_records()
    states = [chain.country for chain in dataset._indices.chains[dates].values()]  # noqa: SLF001
    assert len(rows) == len(panel) == len(states) * ((last - first).days + 1)
    expected = [
        {
            **country_cells(country),
            "year": day.year,
            "month": day.month,
            "date": day,
            **expected_point(dataset, country.alpha_2, day, dates),
        }
        for country in states
        for day in days(first, last)
    ]
    assert rows == expected


def month_or_year(freq: str, day: dt.date) -> tuple[dt.date, dt.date]:
    if freq == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day.replace(day=1), following - dt.timedelta(days=1)


@WHOLE_DATASETS
@given(
    data=st.data(),
    dataset=datasets(),
    dates=st.sampled_from(DATES),
    freq=st.sampled_from(["month", "year"]),
    at=st.sampled_from(["end", "start", "period"]),
)
def test_a_month_or_year_cell_is_the_queries_on_its_day_or_over_its_days(
    data: st.DataObject, dataset: tr.Dataset, dates: Dates, freq: str, at: str
) -> None:
    first, last = data.draw(spans(dataset, 400 if freq == "year" else 120))
    codes = list(dataset._indices.periods)  # noqa: SLF001
    chosen = data.draw(st.lists(st.sampled_from(codes), max_size=3, unique=True)) if codes else []
    panel = dataset.panel(freq, start=first, end=last, dates=dates, at=at, countries=chosen)  # type: ignore[arg-type]
    rows = panel.to_records()
    expected = []
    for code in sorted(chosen):  # rows are in ISO code order, whatever the order given
        day = first
        while day <= last:
            period_first, period_last = month_or_year(freq, day)
            start, end = max(period_first, first), min(period_last, last)
            time: dict[str, object] = {"year": day.year}
            time |= {"month": day.month} if freq == "month" else {}
            time |= {"period_start": start, "period_end": end}
            country = dataset.country(code)
            if at == "period":
                cells = expected_over(dataset, code, start, end, dates)
            else:
                observed = end if at == "end" else start
                time["observed"] = observed
                cells = expected_point(dataset, code, observed, dates)
            expected.append({**country_cells(country), **time, **cells})
            day = end + dt.timedelta(days=1)
    assert rows == expected


def level_cells(levels: tuple[RepresentationLevel, ...], side: int) -> dict[str, Any]:
    ordered = [ORDERED_LEVELS.index(level) for level in levels if level in ORDERED_LEVELS]
    return {
        f"DR_at_{side}": levels[0].cow_code if len(levels) == 1 else None,
        f"DR_at_{side}_min": min(ordered) if ordered else None,
        f"DR_at_{side}_max": max(ordered) if ordered else None,
        f"DR_at_{side}_possible": ";".join(str(level.cow_code) for level in levels),
    }


ENGAGED = {level for level in RepresentationLevel if level.cow_code not in (None, 0)}


@WHOLE_DATASETS
@given(data=st.data(), dataset=datasets(version="2.0.0"), dates=st.sampled_from(DATES))
def test_a_dyad_day_panel_is_possible_levels_each_way_on_each_day(
    data: st.DataObject, dataset: tr.Dataset, dates: Dates
) -> None:
    first, last = data.draw(spans(dataset, 30))
    directed = data.draw(st.booleans())
    rows = dataset.dyad_panel(
        "day", start=first, end=last, dates=dates, directed=directed
    ).to_records()
    expected = []
    for chain in dataset._indices.chains[dates].values():  # noqa: SLF001
        country = chain.country
        sides = [True, False]
        if not directed:
            sides = [not (country.cow_code is not None and country.cow_code < 700)]
        for host_first in sides:
            for day in days(first, last):
                kabul = dataset.possible_levels(country, day, direction=KABUL, dates=dates)
                abroad = dataset.possible_levels(country, day, direction=ABROAD, dates=dates)
                one, two = (kabul, abroad) if host_first else (abroad, kabul)
                exchange = {int(a in ENGAGED or b in ENGAGED) for a in one for b in two}
                periods = [
                    *dataset.possible_representation_periods(
                        country, day, direction=KABUL, dates=dates
                    ),
                    *dataset.possible_representation_periods(
                        country, day, direction=ABROAD, dates=dates
                    ),
                ]
                events = dict.fromkeys(e for period in periods for e in period.events)
                codes: tuple[int | None, ...] = (700, country.cow_code, 700, country.gw_code)
                if not host_first:
                    codes = (country.cow_code, 700, country.gw_code, 700)
                expected.append(
                    {
                        **dict(zip(["ccode1", "ccode2", "gwcode1", "gwcode2"], codes, strict=True)),
                        "afghanistan_side": 1 if host_first else 2,
                        "country_alpha_2": country.alpha_2,
                        "country_alpha_3": country.alpha_3,
                        "country_numeric": country.numeric,
                        "year": day.year,
                        "month": day.month,
                        "date": day,
                        **level_cells(one, 1),
                        **level_cells(two, 2),
                        "DE": next(iter(exchange)) if len(exchange) == 1 else None,
                        "DE_min": min(exchange),
                        "DE_max": max(exchange),
                        "periods": ";".join(period.id for period in periods),
                        "events": ";".join(events) or None,
                    }
                )
                # the panel's own level is the query's, where the query knows it
                known = dataset.representation_of(country, day, direction=KABUL, dates=dates)
                side = "DR_at_1" if host_first else "DR_at_2"
                assert expected[-1][side] == known.cow_code
    assert rows == expected


@WHOLE_DATASETS
@given(data=st.data(), dataset=datasets(version="2.0.0"), dates=st.sampled_from(DATES))
def test_a_dyad_year_over_the_period_bounds_every_day(
    data: st.DataObject, dataset: tr.Dataset, dates: Dates
) -> None:
    first, last = data.draw(spans(dataset, 800))
    codes = list(dataset._indices.periods)  # noqa: SLF001
    if not codes:
        assert len(dataset.dyad_panel("year", start=first, end=last)) == 0
        return
    code = data.draw(st.sampled_from(codes))
    rows = dataset.dyad_panel(
        "year", start=first, end=last, dates=dates, at="period", countries=[code], directed=False
    ).to_records()
    for row in rows:
        side = "DR_at_1" if row["afghanistan_side"] == 1 else "DR_at_2"
        each = [
            dataset.possible_levels(code, day, direction=KABUL, dates=dates)
            for day in days(row["period_start"], row["period_end"])
        ]
        found = sorted({level.cow_code or 0 for levels in each for level in levels})
        assert row[f"{side}_possible"] == ";".join(map(str, found))
        single = set(each)
        assert row[side] == (
            next(iter(single))[0].cow_code
            if len(single) == 1 and len(next(iter(single))) == 1
            else None
        )
        assert row["days"] == len(each)


# -- the article's facts, as panels give them --------------------------------------------------

LATEST = tr.load("2.0.0")


def cell(panel: tr.Panel, **where: object) -> dict[str, Any]:
    (found,) = [row for row in panel.to_records() if all(row[k] == v for k, v in where.items())]
    return found


def test_russia_recognizes_in_the_2025_state_year_and_not_before() -> None:
    panel = LATEST.panel("year")
    assert len(panel) == 194 * 5
    russia = cell(panel, country_alpha_2="RU", year=2025)
    assert (russia["status"], russia["status_code"], russia["recognizes"]) == (
        "formal_recognition",
        2,
        True,
    )
    assert russia["observed"] == dt.date(2025, 7, 3)
    assert "ru-recognizing" in russia["periods"].split(";")
    assert "russia-recognizes-taliban" in russia["events"].split(";")
    before = cell(panel, country_alpha_2="RU", year=2024)
    assert (before["status"], before["status_min"], before["status_max"]) == (
        "unknown",
        "no_recognition",
        "de_facto_engagement",
    )
    assert before["recognizes"] is False
    formal = [row["country_alpha_2"] for row in panel.to_records() if row["recognizes"]]
    assert formal == ["RU"]


def test_over_2025_russia_recognized_for_one_day_of_184() -> None:
    russia = cell(LATEST.panel("year", at="period", countries=["Russia"]), year=2025)
    assert russia["days"] == 184  # 1 January to 3 July 2025
    assert russia["share_formal_recognition"] == 1 / 184
    assert (russia["status"], russia["recognizes"]) == ("unknown", None)
    assert (russia["status_min"], russia["status_max"]) == ("no_recognition", "formal_recognition")


def test_pakistan_is_unknown_until_the_reference_day_not_engaged_from_2021() -> None:
    panel = LATEST.panel("year", countries=["PK"])
    assert [row["status"] for row in panel.to_records()] == ["unknown"] * 4 + [
        "de_facto_engagement"
    ]
    # the 1.x statuses give the same answers where 1.0.0 knew them
    old = tr.load("1.0.0").panel("year", countries=["PK"])
    assert [row["status"] for row in old.to_records()] == ["unknown"] * 4 + ["de_facto_engagement"]
    assert old.to_records()[0]["country_cow_code"] is None  # 1.0.0 records no COW numbers


def test_china_has_an_ambassador_in_kabul_in_the_2025_dyad_year() -> None:
    dyads = LATEST.dyad_panel("year", countries=["CN"])
    kabul = cell(dyads, ccode1=700, ccode2=710, year=2025)
    assert (kabul["DR_at_1"], kabul["DR_at_2"], kabul["DE"]) == (3, None, 1)
    assert kabul["DR_at_2_possible"] == "0;1;2;3;9"
    mirror = cell(dyads, ccode1=710, ccode2=700, year=2025)
    assert (mirror["DR_at_1"], mirror["DR_at_2"], mirror["afghanistan_side"]) == (None, 3, 2)
    earlier = cell(dyads, ccode1=700, ccode2=710, year=2024)
    assert (earlier["DR_at_1"], earlier["DR_at_1_min"], earlier["DR_at_1_max"], earlier["DE"]) == (
        None,
        0,
        3,
        None,
    )


def test_a_non_directed_dyad_puts_the_smaller_cow_number_first() -> None:
    dyads = LATEST.dyad_panel("year", countries=["RU", "CN"], directed=False, start="2025-07-03")
    assert [
        (row["ccode1"], row["ccode2"], row["DR_at_1"], row["DR_at_2"]) for row in dyads.to_records()
    ] == [
        (700, 710, 3, None),  # China's ambassador in Kabul (rows in ISO order: CN, then RU)
        (365, 700, 3, None),  # the Taliban government's ambassador in Moscow
    ]


def test_namibia_keeps_its_code() -> None:
    (row,) = LATEST.panel("year", countries=["Namibia"], start="2025-01-01").to_records()
    assert (row["country_alpha_2"], row["country_cow_code"]) == ("NA", 565)


def test_a_dyad_panel_of_a_1x_version_is_refused() -> None:
    with pytest.raises(tr.SchemaVersionError, match=r"from dataset 2\.0\.0"):
        tr.load("1.2.0").dyad_panel()


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"freq": "week"}, tr.InvalidArgumentError, "freq must be 'day' or 'month' or 'year'"),
        ({"at": "middle"}, tr.InvalidArgumentError, "at must be 'end' or 'start' or 'period'"),
        ({"start": "2020-01-01"}, tr.OutOfCoverageError, "2020-01-01"),
        ({"end": "2025-07-04"}, tr.OutOfCoverageError, "2025-07-04"),
        (
            {"start": "2024-01-02", "end": "2024-01-01"},
            tr.InvalidDateError,
            "start must not be after end",
        ),
        ({"start": "1 May"}, tr.InvalidDateError, "ISO date"),
        ({"countries": "RU"}, tr.InvalidArgumentError, "a list of countries"),
        ({"countries": b"RU"}, tr.InvalidArgumentError, "a list of countries"),
        ({"countries": ["Atlantis"]}, tr.UnknownCountryError, "Atlantis"),
        ({"countries": ["AF"]}, tr.NoStatusError, "recognized"),
        ({"dates": "guessed"}, tr.UnknownDatesError, "guessed"),
        ({"draws": []}, tr.InvalidArgumentError, "non-empty"),
        ({"draws": [object()]}, tr.InvalidArgumentError, "a draw of dataset 2.0.0"),
    ],
)
def test_bad_panel_arguments_say_what_is_valid(
    arguments: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        LATEST.panel(**arguments)


def test_draws_of_another_dataset_or_reading_are_refused() -> None:
    other = tr.load("1.2.0").draws(1, seed=0)
    with pytest.raises(tr.InvalidArgumentError, match=r"a draw of dataset 2\.0\.0"):
        LATEST.panel(draws=other)
    stated = LATEST.draws(2, seed=0)
    with pytest.raises(tr.InvalidArgumentError, match="'corroborated'"):
        LATEST.panel(draws=stated, dates="corroborated")
    with pytest.raises(tr.InvalidArgumentError, match="distinct seeds or numbers"):
        LATEST.panel(draws=[stated[0], stated[0]])
    with pytest.raises(tr.InvalidArgumentError, match="directed must be True or False"):
        LATEST.dyad_panel(directed="yes")  # type: ignore[arg-type]


def test_the_panel_does_not_share_its_rows() -> None:
    panel = LATEST.panel("year", countries=["RU"])
    rows = panel.to_records()
    rows[0]["status"] = "formal_recognition"
    assert panel.to_records()[0]["status"] == "unknown"


def test_the_dataframe_has_nullable_dtypes_and_ordered_bounds() -> None:
    frame = LATEST.panel("year").to_dataframe()
    assert list(frame.columns) == list(LATEST.panel("year").column_names)
    assert str(frame["status_code"].dtype) == "Int64"
    assert str(frame["recognizes"].dtype) == "boolean"
    assert str(frame["country_numeric"].dtype) == "string"
    assert str(frame["observed"].dtype) == "datetime64[s]"
    assert frame["status_min"].cat.ordered
    assert list(frame["status_max"].cat.categories) == [s.value for s in KNOWN_STATUSES]
    assert not frame["status"].cat.ordered
    russia = frame[(frame.country_alpha_2 == "RU") & (frame.year == 2025)]
    assert russia.status_code.tolist() == [2]
    assert (
        frame.status_code.isna().sum() == 194 * 5 - 5
    )  # only the four and Russia are known in 2025
    assert (frame[frame.country_alpha_2 == "NA"].country_name == "Namibia").all()
    records = LATEST.panel("year").to_records()
    assert (
        frame.astype(object).where(frame.notna(), None).to_dict("records")[0].keys()
        == records[0].keys()
    )


def test_an_empty_panel_has_its_columns_and_dtypes() -> None:
    empty = LATEST.panel("year", countries=[])
    assert len(empty) == 0
    assert empty.to_records() == []
    frame = empty.to_dataframe()
    full = LATEST.panel("year").to_dataframe()
    assert list(frame.columns) == list(full.columns)
    assert frame.dtypes.astype(str).tolist() == full.dtypes.astype(str).tolist()


def test_rows_are_in_iso_code_order_whatever_the_order_given() -> None:
    given = LATEST.panel("year", countries=["Russia", "CN", "PAK"])
    codes = [row["country_alpha_2"] for row in given.to_records()]
    assert codes == sorted(codes)
    assert list(given.rows()) == list(LATEST.panel("year", countries={"RU", "PK", "CN"}).rows())


def test_a_panel_says_what_it_is_and_cannot_be_relabelled() -> None:
    panel = LATEST.panel("month", start="2025-01-15", at="period", dates="corroborated")
    assert (panel.name, panel.version, panel.freq, panel.at, panel.dates) == (
        "state_month",
        "2.0.0",
        "month",
        "period",
        "corroborated",
    )
    assert (panel.start, panel.end, panel.sha256) == (
        dt.date(2025, 1, 15),
        LATEST.as_of,
        LATEST.sha256,
    )
    for name in ("version", "dates", "columns"):
        with pytest.raises(AttributeError):
            setattr(panel, name, None)
