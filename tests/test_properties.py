"""Invariants of the library, over synthetic datasets drawn from the public strategies."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import pickle
import re
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition import RecognitionStatus, _reader
from taliban_recognition._convert import converter, dumps, loads
from taliban_recognition._load import Shelf
from taliban_recognition._model import DATES, Dates
from taliban_recognition._schema import items_of, optional_of
from taliban_recognition.strategies import (
    actors,
    country_queries,
    datasets,
    fuzzy_dates,
    invalid_country_queries,
    sources,
)

WHOLE_DATASETS = settings(max_examples=max(25, settings().max_examples // 4))
"""For properties over whole synthetic datasets: each example draws and checks a dataset, a
hundred times the cost of a record, so these run a quarter of the profile's examples (100
under the ci profile); the properties over records and queries run all of them."""

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

REAL = tr.load("1.0.0")
FORMAL = RecognitionStatus.FORMAL_RECOGNITION

_PART = r"(0|[1-9][0-9]?)"
ONE_X = st.sampled_from([v for v in tr.versions() if v.startswith(("0.", "1."))]) | st.from_regex(
    rf"[01]\.{_PART}\.{_PART}", fullmatch=True
)
"""Versions of the schema that records status periods: the shipped 1.x ones, and any other."""
TWO_X = st.sampled_from([v for v in tr.versions() if not v.startswith(("0.", "1."))]) | (
    st.from_regex(rf"([2-9]|[1-9][0-9])\.{_PART}\.{_PART}", fullmatch=True)
)
"""Versions of the schema that derives the status from its dimensions: 2.0.0 and any later."""


def recorded(dataset: tr.Dataset) -> list[Any]:
    """Every period of a dataset, of either schema."""
    return [*dataset.statuses, *dataset.recognitions, *dataset.representations]


def covered(dataset: tr.Dataset) -> list[tr.Country]:
    """The states a dataset gives statuses for, by code."""
    found = {p.country for p in dataset.statuses} | {p.country for p in dataset.recognitions}
    return sorted(found, key=lambda c: c.alpha_2)


class Folder:
    """An in-memory folder of data files for a `Shelf`."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files

    def joinpath(self, name: str, /) -> File:
        return File(self.files[name])


class File:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def is_file(self) -> bool:
        return True

    def read_bytes(self) -> bytes:
        return self.data


def shelf_of(dataset: tr.Dataset) -> Shelf:
    data = dumps(dataset)
    manifest = f"{dataset.sha256}  {dataset.version}.json\n".encode()
    folder = Folder({"SHA256SUMS": manifest, f"{dataset.version}.json": data})
    return Shelf(lambda: folder, "memory")


def days_of(dataset: tr.Dataset) -> st.SearchStrategy[dt.date]:
    return st.dates(dataset.coverage_start, dataset.as_of)


# Round trips ---------------------------------------------------------------------------------


@WHOLE_DATASETS
@given(datasets())
def test_a_dataset_round_trips_through_the_converter_and_the_loader(dataset: tr.Dataset) -> None:
    assert loads(dumps(dataset), dataset.sha256) == dataset
    loaded = shelf_of(dataset).load(dataset.version)
    assert loaded == dataset
    assert loaded.sha256 == dataset.sha256
    assert dumps(loaded) == dumps(dataset)


@WHOLE_DATASETS
@given(dataset=datasets(version=st.sampled_from(sorted(_reader.TRUSTED))))
def test_the_reader_of_shipped_files_reads_any_2x_file_as_the_converter_does(
    dataset: tr.Dataset,
    check_shared: Callable[[tr.Dataset], None],
    check_indices: Callable[[tr.Dataset], None],
) -> None:
    # The files it is trusted with are few; the datasets drawn here have every optional field
    # both set and unset, targets, codes, corroborations and references of every kind.
    data = dumps(dataset)
    read = _reader.read(json.loads(data), dataset.sha256)
    converted = loads(data, dataset.sha256)
    assert read == converted == dataset
    assert _reader.loads(data, dataset.version, dataset.sha256) is None  # not a shipped file
    check_shared(read)  # each record stored once is one object, as the converter makes it
    check_shared(converted)
    check_indices(read)  # its indices, built without their checks, are those built with them
    check_indices(converted)


@WHOLE_DATASETS
@given(datasets())
def test_every_record_round_trips(dataset: tr.Dataset) -> None:
    records: list[Any] = [*dataset.sources, *dataset.actors, *dataset.events, *recorded(dataset)]
    records += [event.date for event in dataset.events]
    records += [item for event in dataset.events for item in event.evidence]
    for record in records:
        kind = type(record)
        assert converter().structure(converter().unstructure(record, kind), kind) == record


@WHOLE_DATASETS
@given(datasets())
def test_records_are_hashable_and_equal_records_hash_equally(dataset: tr.Dataset) -> None:
    for record in (*dataset.sources, *dataset.actors, *dataset.events, *recorded(dataset)):
        copy = converter().structure(converter().unstructure(record, type(record)), type(record))
        assert copy is not record
        assert hash(copy) == hash(record)
    assert hash(dataset) == hash(loads(dumps(dataset), dataset.sha256))


# Malformed data files ------------------------------------------------------------------------


def required_fields(node: object, kind: Any = tr.Dataset, path: str = "$") -> list[str]:
    """Paths of every field without a default of every record in an unstructured dataset.

    The unstructured records are walked beside their types, so that what may be left out is
    what the record declarations say has a default.
    """
    kind = optional_of(kind) or kind
    found: list[str] = []
    if isinstance(node, dict) and attrs.has(kind):
        fields = attrs.fields_dict(kind)
        for key, value in node.items():
            here = f"{path}.{key}"
            if fields[key].default is attrs.NOTHING:
                found.append(here)
            found += required_fields(value, fields[key].type, here)
    elif isinstance(node, list):
        for position, value in enumerate(node):
            found += required_fields(value, items_of(kind), f"{path}[{position}]")
    return found


def locate(record: dict[str, Any], path: str) -> tuple[Any, str]:
    """The container holding the field at `path`, and the field's key."""
    steps = path[2:].replace("[", ".[").split(".")
    node: Any = record
    for step in steps[:-1]:
        node = node[int(step[1:-1])] if step.startswith("[") else node[step]
    return node, steps[-1]


def every_field(node: object, path: str = "$") -> list[str]:
    """Paths of every field of every record in an unstructured dataset, defaulted or not."""
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in [f"{path}.{k}", *every_field(v, f"{path}.{k}")]]
    if isinstance(node, list):
        return [p for n, v in enumerate(node) for p in every_field(v, f"{path}[{n}]")]
    return []


JSON_VALUES: st.SearchStrategy[object] = st.sampled_from(
    ["", "x", "2025-07-03", [], ["x"], [{}], {}, {"id": "x"}, 0, 1, -1, True, False, None, 1.0]
)


def accepts(record: dict[str, Any], version: str, *, detailed: bool) -> bool:
    try:
        converter(version, detailed=detailed).structure(copy.deepcopy(record), tr.Dataset)
    except Exception:  # noqa: BLE001 -- any refusal counts
        return False
    return True


@WHOLE_DATASETS
@given(datasets(max_events=3, max_states=2, version=ONE_X), st.data())  # 2.x files: one way
def test_the_fast_and_the_detailed_converters_accept_the_same_files(
    dataset: tr.Dataset, data: st.DataObject
) -> None:
    # loads tries the fast converter first and trusts what it accepts: it must refuse all that
    # the detailed one refuses.
    record = json.loads(dumps(dataset))
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        path = data.draw(st.sampled_from(every_field(record)), label="path")
        container, key = locate(record, path)
        container[key] = data.draw(JSON_VALUES, label="value")
    record["sha256"] = dataset.sha256
    fast = accepts(record, dataset.version, detailed=False)
    assert fast == accepts(record, dataset.version, detailed=True)


WRONG_TYPE: dict[type, object] = {
    str: 12,
    int: "12",
    bool: "yes",
    list: "x",
    dict: [],
    type(None): 7,
}


@WHOLE_DATASETS
@given(datasets(max_events=3, max_states=2, version=ONE_X), st.data())  # records in full
def test_a_missing_required_field_is_named(dataset: tr.Dataset, data: st.DataObject) -> None:
    record = json.loads(dumps(dataset))
    path = data.draw(st.sampled_from(required_fields(record)), label="path")
    container, key = locate(record, path)
    del container[key]
    with pytest.raises(tr.DataFormatError, match="required field missing") as caught:
        loads(json.dumps(record).encode(), dataset.sha256)
    assert caught.value.path == path


@WHOLE_DATASETS
@given(datasets(max_events=3, max_states=2, version=ONE_X), st.data())  # records in full
def test_a_mistyped_field_is_named(dataset: tr.Dataset, data: st.DataObject) -> None:
    record = json.loads(dumps(dataset))
    path = data.draw(st.sampled_from(required_fields(record)), label="path")
    container, key = locate(record, path)
    container[key] = WRONG_TYPE[type(container[key])]
    with pytest.raises(tr.DataFormatError) as caught:
        loads(json.dumps(record).encode(), dataset.sha256)
    assert caught.value.path.startswith(path)


# Queries -------------------------------------------------------------------------------------


def can_hold(starts: list[tr.FuzzyDate], index: int, day: dt.date) -> bool:
    """Whether some order-respecting choice of change days puts `day` in period `index`.

    `starts` are the dates of the changes into each period. Changes happen in order; each is
    set to the earliest day it can take, which makes every constraint easiest to meet except
    "after `day`" for the change out of the period.
    """
    previous = dt.date.min
    for number, start in enumerate(starts[1:], 1):  # the change into period `number`
        floor = max(start.earliest, previous)
        if number == index + 1:
            floor = max(floor, day + dt.timedelta(days=1))
        if floor > start.latest or (number == index and floor > day):
            return False
        previous = floor
    return True


def starts_of(dataset: tr.Dataset, chain: Sequence[Any], dates: Dates) -> list[tr.FuzzyDate]:
    """The dates of the changes into each period of a chain (of any kind of period): the
    first event's, as `dates` reads it."""
    starts = [chain[0].start]
    for period in chain[1:]:
        corroboration = dataset.event(period.events[0]).corroboration if period.events else None
        if dates == "corroborated" and corroboration is not None:
            starts.append(corroboration.date)
        else:
            starts.append(period.start)
    return starts


@given(
    datasets(version=ONE_X), st.data()
)  # every example: a window not narrowed shows in long chains only
def test_status_of_agrees_with_the_periods(dataset: tr.Dataset, data: st.DataObject) -> None:
    drawn = data.draw(days_of(dataset), label="day")
    dates = data.draw(st.sampled_from(DATES), label="dates")
    for state in dict.fromkeys(p.country for p in dataset.statuses):
        chain = dataset.status_periods(state)
        starts = starts_of(dataset, chain, dates)
        edges = edges_of(starts)
        for day in [drawn, *(d for d in edges if dataset.coverage_start <= d <= dataset.as_of)]:
            holding = [p for i, p in enumerate(chain) if can_hold(starts, i, day)]
            assert list(dataset.possible_periods(state, on=day, dates=dates)) == holding
            possible = {p.status for p in holding}
            assert set(dataset.possible_statuses(state, on=day, dates=dates)) == possible
            expected = next(iter(possible)) if len(possible) == 1 else RecognitionStatus.UNKNOWN
            assert dataset.status_of(state, on=day, dates=dates) is expected
            if dates == "corroborated":
                continue
            certain = [
                p.status
                for p in chain
                if p.start.latest <= day and (p.end is None or day < p.end.earliest)
            ]
            if certain:
                assert dataset.status_of(state, on=day) is certain[0]


@WHOLE_DATASETS
@given(datasets(version=ONE_X), st.data())
def test_recognizers_are_the_states_certainly_recognizing(
    dataset: tr.Dataset, data: st.DataObject
) -> None:
    day = data.draw(days_of(dataset), label="day")
    formal = {p.country for p in dataset.statuses if dataset.status_of(p.country, on=day) is FORMAL}
    assert set(dataset.recognizers(on=day)) == formal
    assert list(dataset.recognizers(on=day)) == sorted(formal, key=lambda c: c.alpha_2)


@WHOLE_DATASETS
@given(datasets(), st.data())
def test_status_on_days_outside_coverage_is_refused(
    dataset: tr.Dataset, data: st.DataObject
) -> None:
    outside = data.draw(
        st.dates(max_value=dataset.coverage_start - dt.timedelta(days=1))
        | st.dates(min_value=dataset.as_of + dt.timedelta(days=1)),
        label="day",
    )
    with pytest.raises(tr.OutOfCoverageError):
        dataset.recognizers(on=outside)
    for state in covered(dataset)[:1]:
        with pytest.raises(tr.OutOfCoverageError):
            dataset.status_of(state, on=outside)
        with pytest.raises(tr.OutOfCoverageError):
            dataset.possible_statuses(state, on=outside)
        if not dataset.recognitions:
            continue
        with pytest.raises(tr.OutOfCoverageError):
            dataset.recognizes(state, on=outside)
        for direction in tr.Direction:
            with pytest.raises(tr.OutOfCoverageError):
                dataset.representation_of(state, on=outside, direction=direction)


# Queries of the 2.x schema: the status derived from its dimensions ---------------------------

UNKNOWN_LEVEL = tr.RepresentationLevel.UNKNOWN
NO_MISSION = tr.RepresentationLevel.NONE
KNOWN_LEVELS = [level for level in tr.RepresentationLevel if level is not UNKNOWN_LEVEL]


def known(levels: Iterable[tr.RepresentationLevel]) -> set[tr.RepresentationLevel]:
    """The known levels `levels` allow: UNKNOWN, a mission nothing is recorded of, allows all."""
    return {k for level in levels for k in (KNOWN_LEVELS if level is UNKNOWN_LEVEL else [level])}


def rule(recognizes: bool, levels: Iterable[tr.RepresentationLevel]) -> RecognitionStatus:
    """The status of formal recognition and the known levels of both directions, as the
    issue states it."""
    if recognizes:
        return FORMAL
    if any(level is not NO_MISSION for level in levels):
        return RecognitionStatus.DE_FACTO_ENGAGEMENT
    return RecognitionStatus.NO_RECOGNITION


def units_of(dataset: tr.Dataset, state: tr.Country) -> list[tuple[str, tuple[Any, ...]]]:
    """A state's chains of the 2.x schema: its recognition, then each direction."""
    return [
        ("recognition", dataset.recognition_periods(state)),
        *(
            (direction.value, dataset.representation_periods(state, direction=direction))
            for direction in tr.Direction
        ),
    ]


def days_to_check(
    dataset: tr.Dataset, state: tr.Country, dates: Dates, drawn: dt.date
) -> list[dt.date]:
    """The drawn day, and the days on and next to the bounds of a state's changes."""
    starts = [s for _, chain in units_of(dataset, state) for s in starts_of(dataset, chain, dates)]
    edges = edges_of(starts)
    return [drawn, *(d for d in edges if dataset.coverage_start <= d <= dataset.as_of)]


def possible_periods_of(
    dataset: tr.Dataset, state: tr.Country, unit: str, day: dt.date, dates: Dates
) -> tuple[Any, ...]:
    if unit == "recognition":
        return dataset.possible_recognition_periods(state, on=day, dates=dates)
    return dataset.possible_representation_periods(state, on=day, direction=unit, dates=dates)


@WHOLE_DATASETS
@given(datasets(version=TWO_X), st.data())
def test_the_status_follows_the_rule_from_every_possible_combination(
    dataset: tr.Dataset, data: st.DataObject
) -> None:
    drawn = data.draw(days_of(dataset), label="day")
    dates = data.draw(st.sampled_from(DATES), label="dates")
    assert dataset.statuses == ()
    for state in covered(dataset):
        for day in days_to_check(dataset, state, dates, drawn):
            recognitions = dataset.possible_recognitions(state, on=day, dates=dates)
            holding = dataset.possible_recognition_periods(state, on=day, dates=dates)
            assert recognitions == tuple(sorted({p.recognizes for p in holding}))
            levels = []
            for direction in tr.Direction:
                found = dataset.possible_levels(state, on=day, direction=direction, dates=dates)
                periods = dataset.possible_representation_periods(
                    state, on=day, direction=direction, dates=dates
                )
                allowed = known(p.level for p in periods)
                assert found == tuple(level for level in KNOWN_LEVELS if level in allowed)
                levels.append(found)
                level = dataset.representation_of(state, on=day, direction=direction, dates=dates)
                assert level is (found[0] if len(found) == 1 else UNKNOWN_LEVEL)
            expected = {
                rule(recognizes, (one, other))
                for recognizes in recognitions
                for one in known(levels[0])
                for other in known(levels[1])
            }
            possible = dataset.possible_statuses(state, on=day, dates=dates)
            assert possible == tuple(sorted(expected))
            status = dataset.status_of(state, on=day, dates=dates)
            assert status is (possible[0] if len(possible) == 1 else RecognitionStatus.UNKNOWN)
            recognizes = dataset.recognizes(state, on=day, dates=dates)
            assert recognizes is (recognitions[0] if len(recognitions) == 1 else None)


@given(datasets(version=TWO_X), st.data())  # every example, as for the status periods of 1.x
def test_the_possible_periods_are_the_slice_of_the_chain_that_can_hold(
    dataset: tr.Dataset, data: st.DataObject
) -> None:
    drawn = data.draw(days_of(dataset), label="day")
    dates = data.draw(st.sampled_from(DATES), label="dates")
    one = dt.timedelta(days=1)
    for state in covered(dataset):
        days = days_to_check(dataset, state, dates, drawn)
        for unit, chain in units_of(dataset, state):
            starts = starts_of(dataset, chain, dates)
            for day in days:
                found = possible_periods_of(dataset, state, unit, day, dates)
                assert found
                first = chain.index(found[0])
                assert found == chain[first : first + len(found)]
                assert list(found) == [p for i, p in enumerate(chain) if can_hold(starts, i, day)]
            # On a day after the change into a period can be and before the change out of it
            # can be, that period certainly holds, whatever the days of the other changes.
            for index, period in enumerate(chain):
                after = starts[index].latest + one
                before = starts[index + 1].earliest - one if index + 1 < len(chain) else None
                last = dataset.as_of if before is None else min(before, dataset.as_of)
                for day in {after, last, after + (last - after) // 2} if after <= last else ():
                    assert possible_periods_of(dataset, state, unit, day, dates) == (period,)


@WHOLE_DATASETS
@given(datasets(version=TWO_X), st.data())
def test_a_state_with_no_mission_recorded_is_never_said_to_have_no_ties(
    dataset: tr.Dataset, data: st.DataObject
) -> None:
    drawn = data.draw(days_of(dataset), label="day")
    dates = data.draw(st.sampled_from(DATES), label="dates")
    for state in covered(dataset):
        unrecorded = all(p.level is UNKNOWN_LEVEL for p in dataset.representation_periods(state))
        never = not any(p.recognizes for p in dataset.recognition_periods(state))
        for day in days_to_check(dataset, state, dates, drawn):
            status = dataset.status_of(state, on=day, dates=dates)
            levels = [
                dataset.representation_of(state, on=day, direction=direction, dates=dates)
                for direction in tr.Direction
            ]
            if levels == [UNKNOWN_LEVEL, UNKNOWN_LEVEL]:
                assert status is not RecognitionStatus.NO_RECOGNITION
                if dataset.recognizes(state, on=day, dates=dates) is False:
                    possible = dataset.possible_statuses(state, on=day, dates=dates)
                    assert RecognitionStatus.DE_FACTO_ENGAGEMENT in possible
            if unrecorded and never:  # a state the source names for nothing: the case
                assert status is RecognitionStatus.UNKNOWN
                assert dataset.possible_statuses(state, on=day, dates=dates) == (
                    RecognitionStatus.NO_RECOGNITION,
                    RecognitionStatus.DE_FACTO_ENGAGEMENT,
                )


@WHOLE_DATASETS
@given(datasets(version=TWO_X), st.data())
def test_recognizers_are_the_states_that_certainly_recognize(
    dataset: tr.Dataset, data: st.DataObject
) -> None:
    dates = data.draw(st.sampled_from(DATES), label="dates")
    chains = chains_by_state(dataset.recognitions)
    edges = edges_of(start for chain in chains for start in starts_of(dataset, chain, dates))
    inside = [d for d in edges if dataset.coverage_start <= d <= dataset.as_of]
    for day in [data.draw(days_of(dataset), label="day"), *inside]:
        expected = [
            state
            for state in covered(dataset)
            if dataset.recognizes(state, on=day, dates=dates) is True
        ]
        assert list(dataset.recognizers(on=day, dates=dates)) == expected
        for state in expected:
            assert dataset.status_of(state, on=day, dates=dates) is FORMAL


def chains_by_state(periods: Iterable[Any]) -> list[list[Any]]:
    chains: dict[str, list[Any]] = {}
    for period in periods:
        chains.setdefault(period.country.alpha_2, []).append(period)
    return list(chains.values())


@WHOLE_DATASETS
@given(datasets(version=TWO_X))
def test_a_2x_dataset_round_trips_through_its_file_of_records_named_by_id(
    dataset: tr.Dataset,
) -> None:
    data = dumps(dataset)
    record = json.loads(data)
    assert {"countries", "quotes"} <= set(record)
    assert "statuses" not in record
    assert all(isinstance(p["country"], str) for p in record["representations"])
    again = loads(data, dataset.sha256)
    assert again == dataset
    assert dumps(again) == data
    assert hashlib.sha256(data).hexdigest() == dataset.sha256


def involves(event: tr.Event, code: str) -> bool:
    return code in {p.country.alpha_2 for p in (event.actor, event.target) if p and p.country}


def edges_of(dates: Iterable[tr.FuzzyDate]) -> list[dt.date]:
    """The days on and next to the bounds of `dates`: where date comparisons go wrong."""
    one = dt.timedelta(days=1)
    return sorted(
        {
            bound + shift
            for date in dates
            for bound in (date.earliest, date.latest)
            for shift in (-one, dt.timedelta(0), one)
        }
    )


def boundary_days(dataset: tr.Dataset) -> st.SearchStrategy[dt.date]:
    """Days on and next to the events' date bounds, and others."""
    edges = edges_of(e.date for e in dataset.events)
    return st.sampled_from(edges) | st.dates() if edges else st.dates()


@WHOLE_DATASETS
@given(datasets())
def test_each_find_events_filter_is_sound_and_complete(dataset: tr.Dataset) -> None:
    codes = {
        p.country.alpha_2 for e in dataset.events for p in (e.actor, e.target) if p and p.country
    }
    for code in sorted(codes | {"FR"}):
        assert list(dataset.find_events(country=code)) == [
            e for e in dataset.events if involves(e, code)
        ]
    for actor in dataset.actors:
        assert list(dataset.find_events(actor=actor.id)) == [
            e for e in dataset.events if e.actor == actor
        ]
        assert list(dataset.find_events(target=actor)) == [
            e for e in dataset.events if e.target == actor
        ]
    for kind in tr.EventKind:
        assert list(dataset.find_events(kind=kind.value)) == [
            e for e in dataset.events if e.kind is kind
        ]
    for dates in DATES:  # each reading on the edges of its own dates
        for day in edges_of(e.date_for(dates) for e in dataset.events):
            assert list(dataset.find_events(since=day, dates=dates)) == [
                e for e in dataset.events if e.date_for(dates).latest >= day
            ]
            assert list(dataset.find_events(until=day, dates=dates)) == [
                e for e in dataset.events if e.date_for(dates).earliest <= day
            ]


@WHOLE_DATASETS
@given(datasets(), st.data())
def test_find_events_filters_are_sound_complete_and_intersect(
    dataset: tr.Dataset, data: st.DataObject
) -> None:
    codes = sorted(
        {p.country.alpha_2 for e in dataset.events for p in (e.actor, e.target) if p and p.country}
        | {"FR"}
    )
    code = data.draw(st.none() | st.sampled_from(codes), label="country")
    actor = data.draw(st.none() | st.sampled_from([a.id for a in dataset.actors]), label="actor")
    target = data.draw(st.none() | st.sampled_from([a.id for a in dataset.actors]), label="target")
    kind = data.draw(st.none() | st.sampled_from(tr.EventKind), label="kind")
    days = boundary_days(dataset)
    first, last = sorted(data.draw(st.tuples(days, days), label="range"))
    since = data.draw(st.none() | st.just(first), label="since")
    until = data.draw(st.none() | st.just(last), label="until")

    dates = data.draw(st.sampled_from(DATES), label="dates")

    found = dataset.find_events(
        country=code, actor=actor, target=target, kind=kind, since=since, until=until, dates=dates
    )
    expected = [
        e
        for e in dataset.events
        if (code is None or involves(e, code))
        and (actor is None or e.actor.id == actor)
        and (target is None or (e.target is not None and e.target.id == target))
        and (kind is None or e.kind is kind)
        and (since is None or e.date_for(dates).latest >= since)
        and (until is None or e.date_for(dates).earliest <= until)
    ]
    assert list(found) == expected
    if dates == "corroborated":
        return
    alone = [
        set(dataset.find_events(country=code)),
        set(dataset.find_events(actor=actor)),
        set(dataset.find_events(target=target)),
        set(dataset.find_events(kind=kind)),
        set(dataset.find_events(since=since)),
        set(dataset.find_events(until=until)),
    ]
    assert set(found) == set.intersection(*alone)


@WHOLE_DATASETS
@given(datasets(max_events=4, max_states=3))
def test_events_are_in_dataset_order(dataset: tr.Dataset) -> None:
    keys = [(e.date.earliest, e.date.latest, e.id) for e in dataset.events]
    assert keys == sorted(keys)
    assert all(e.date.latest <= dataset.as_of for e in dataset.events)


@WHOLE_DATASETS
@given(datasets(), st.randoms())
def test_a_file_with_events_out_of_order_is_refused(dataset: tr.Dataset, random: Any) -> None:
    record = json.loads(dumps(dataset))
    shuffled = list(record["events"])
    random.shuffle(shuffled)
    record["events"] = shuffled
    data = json.dumps(record).encode()
    if shuffled == json.loads(dumps(dataset))["events"]:
        assert loads(data, dataset.sha256) == dataset
        return
    with pytest.raises(tr.DataFormatError, match="events must be ordered"):
        loads(data, dataset.sha256)


@WHOLE_DATASETS
@given(datasets(max_events=3, max_states=2))
def test_records_are_immutable_and_datasets_pickle(dataset: tr.Dataset) -> None:
    records: list[Any] = [*dataset.sources, *dataset.actors, *dataset.events, *recorded(dataset)]
    for record in records:
        field = attrs.fields(type(record))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(record, field, None)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        pickled = pickle.dumps(dataset, protocol=protocol)
        assert b"_Indices" not in pickled  # the records only: indices are rebuilt
        again = pickle.loads(pickled)  # noqa: S301 -- our own bytes
        assert again == dataset
        assert again.recognizers() == dataset.recognizers()
    assert copy.deepcopy(dataset) == dataset


# Arbitrary input -----------------------------------------------------------------------------

anything = st.one_of(
    st.text(),
    st.text(alphabet="0123456789-W:T ", max_size=12),  # near-ISO strings fromisoformat may take
    st.dates().map(dt.date.isoformat),
    st.dates(),
    st.integers(),
    st.none(),
    st.floats(),
    st.binary(max_size=4),
)


def oracle_day(value: Any) -> dt.date | None:
    """What a date argument means, by the documented rule; None when it must be refused."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            return None
    return None


@given(country_queries())
def test_every_way_of_naming_a_country_resolves_to_it(pair: tuple[str | int, tr.Country]) -> None:
    query, expected = pair
    assert tr.country(query) == expected


@given(invalid_country_queries())
def test_invalid_country_queries_are_refused(query: object) -> None:
    with pytest.raises(tr.UnknownCountryError):
        tr.country(query)  # type: ignore[arg-type]


@given(st.one_of(anything, st.sampled_from(["RU", "cn", 586, "UAE", "France"])), anything)
def test_status_of_answers_or_raises_a_documented_error(country: Any, on: Any) -> None:
    day = REAL.as_of if on is None else oracle_day(on)
    if day is None:
        with pytest.raises(tr.TalibanRecognitionError):
            REAL.status_of(country, on=on)
        return
    documented = (tr.UnknownCountryError, tr.NoStatusError, tr.OutOfCoverageError)
    try:
        answer = REAL.status_of(country, on=on)
    except documented:
        return
    assert REAL.coverage_start <= day <= REAL.as_of
    assert answer is REAL.status_of(tr.country(country), on=day)


@given(anything, anything, anything, anything)
def test_find_events_answers_or_raises_a_documented_error(
    country: Any, actor: Any, kind: Any, since: Any
) -> None:
    documented = (
        tr.UnknownCountryError,
        tr.UnknownActorError,
        tr.UnknownEventKindError,
        tr.InvalidDateError,
    )
    try:
        found = REAL.find_events(country=country, actor=actor, kind=kind, since=since)
    except documented:
        return
    assert set(found) <= set(REAL.events)


@given(anything)
def test_load_answers_or_raises_a_documented_error(version: Any) -> None:
    if version is None or version in tr.versions():
        assert tr.load(version).version == (version or tr.versions()[-1])
        return
    with pytest.raises(tr.UnknownVersionError) as caught:
        tr.load(version)
    assert caught.value.available == tr.versions()


# Strategies produce what they promise --------------------------------------------------------


@given(fuzzy_dates(dt.date(2021, 8, 1), dt.date(2025, 7, 3)))
def test_fuzzy_dates_stay_within_their_bounds(date: tr.FuzzyDate) -> None:
    assert dt.date(2021, 8, 1) <= date.earliest <= date.latest <= dt.date(2025, 7, 3)


@given(sources())
def test_sources_carry_their_digest(source: tr.Source) -> None:
    assert hashlib.sha256(source.text.encode("utf-8")).hexdigest() == source.sha256


@given(actors())
def test_states_have_countries(actor: tr.Actor) -> None:
    if actor.kind is tr.ActorKind.STATE:
        assert actor.country is not None
    if actor.kind is tr.ActorKind.STATE_GROUP:
        assert actor.country is None
