"""Chains of periods, and the day-by-day values they allow; the rule that derives the status.

A chain is one unit's periods in time order (a state's status in 1.x; from 2.0.0 a state's
formal recognition, or one direction of its representation). The changes between periods
happen in order, on days the data may not pin down, so on some days more than one period can
hold. Everything here is private and free of records' other concerns: the queries
(`_dataset`) and the invariants (`_invariants`) build on it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from itertools import accumulate, product
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from taliban_recognition._errors import DataFormatError
from taliban_recognition._model import (
    KNOWN_LEVELS,
    Country,
    Event,
    FuzzyDate,
    RecognitionStatus,
    RepresentationLevel,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Sequence

    from taliban_recognition._model import Dates

_Period = TypeVar("_Period")
_Value = TypeVar("_Value")
_Unknown = TypeVar("_Unknown")


class Chain(Generic[_Period, _Value]):
    """A unit's periods, their values, and the days on which each can hold, for binary search.

    Period ``i`` can hold on day ``d`` when ``firsts[i] <= d`` and, for all but the last,
    ``d < untils[i]``. Both are non-decreasing, so the periods that can hold on a day are the
    slice between two bisections: ``periods[lo:hi]``. Days are stored as proleptic Gregorian
    ordinals in arrays, contiguous in memory, so that a search in a long history touches
    few cache lines. A plain class, not an attrs one: it is private, and generating attrs
    methods would cost every import.
    """

    __slots__ = ("country", "firsts", "held", "periods", "untils")

    def __init__(
        self,
        periods: tuple[_Period, ...],
        values: tuple[_Value, ...],
        firsts: array[int],
        untils: array[int],  # one fewer than periods: the last holds through as_of
    ) -> None:
        self.country: Country = periods[0].country  # type: ignore[attr-defined]
        self.periods = periods
        self.held = values
        self.firsts = firsts
        self.untils = untils

    def span(self, day: dt.date) -> tuple[int, int]:
        """The positions ``lo, hi`` of the periods that can hold on `day`."""
        ordinal = day.toordinal()
        return bisect_right(self.untils, ordinal), bisect_right(self.firsts, ordinal)

    def holding(self, day: dt.date) -> tuple[_Period, ...]:
        """The periods that can hold on `day`, in chain order."""
        lo, hi = self.span(day)
        return self.periods[lo:hi]

    def possible(self, day: dt.date) -> tuple[_Value, ...]:
        """The values of the periods that can hold on `day`, each once, in chain order."""
        lo, hi = self.span(day)
        return tuple(dict.fromkeys(self.held[lo:hi]))

    def value(self, day: dt.date, unknown: _Unknown) -> _Value | _Unknown:
        """The one value that can hold on `day`, or `unknown` when more than one can."""
        lo, hi = self.span(day)
        found = self.held[lo]
        if any(other != found for other in self.held[lo + 1 : hi]):
            return unknown
        return found


def chain(
    periods: tuple[_Period, ...],
    values: tuple[_Value, ...],
    starts: Sequence[FuzzyDate],
    *,
    path: str,
    problem: str,
) -> Chain[_Period, _Value]:
    """When each of a unit's periods can hold, given that its changes happen in order.

    `starts` are the dates of the changes into each period, as a reading of event dates gives
    them. A change happens no earlier than any change before it and no later than any after
    it, so its window narrows to [the latest earliest day so far, the earliest latest day from
    it on].

    Raises:
        DataFormatError: The changes cannot happen in order: `problem`, at `path`.
    """
    lows = array("i", accumulate((start.earliest.toordinal() for start in starts), max))
    highs = array("i", accumulate((start.latest.toordinal() for start in reversed(starts)), min))
    highs.reverse()
    if any(low > high for low, high in zip(lows, highs, strict=True)):
        raise DataFormatError(path, problem)
    return Chain(periods, values, lows, highs[1:])


def starts_of(periods: Sequence[Any], events: dict[str, Event], dates: Dates) -> list[FuzzyDate]:
    """The date of each change of a chain, as `dates` reads event dates.

    A change after the first period is dated by the event that brought it, the period's first
    event, so its corroborated date is that event's; the first period starts with coverage.
    """
    return [
        events[period.events[0]].date_for(dates) if n and period.events else period.start
        for n, period in enumerate(periods)
    ]


def chains_by_reading(
    grouped: dict[str, tuple[_Period, ...]],
    events: dict[str, Event],
    value: Callable[[_Period], _Value],
    field: str,
) -> dict[Dates, dict[str, Chain[_Period, _Value]]]:
    """Each unit's chain, by reading of dates, then key (in key order).

    Where no change of a unit has a corroborated date, both readings share one chain.
    """
    readings: tuple[Dates, ...] = ("stated", "corroborated")
    chains: dict[Dates, dict[str, Chain[_Period, _Value]]] = {dates: {} for dates in readings}
    for key, periods in sorted(grouped.items()):
        values = tuple(value(period) for period in periods)
        shared: tuple[list[FuzzyDate], Chain[_Period, _Value]] | None = None
        for dates in readings:
            starts = starts_of(periods, events, dates)
            if shared is None or starts != shared[0]:
                noun = {"statuses": "status"}.get(field, field.removesuffix("s"))
                problem = f"the {noun} changes of {key} cannot happen in order ({dates} dates)"
                shared = starts, chain(periods, values, starts, path=f"$.{field}", problem=problem)
            chains[dates][key] = shared[1]
    return chains


ENGAGED = frozenset(KNOWN_LEVELS) - {RepresentationLevel.NONE}
"""The levels that are a mission: every known level but NONE."""


def derive(recognizes: bool, levels: Iterable[RepresentationLevel]) -> RecognitionStatus:  # noqa: FBT001 -- a value, not an option
    """The status that formal recognition and the known levels of both directions give.

    The rule, from dataset 2.0.0: formal recognition is `FORMAL_RECOGNITION`; else a mission
    in either direction (any level but NONE) is `DE_FACTO_ENGAGEMENT`; else, NONE both ways,
    `NO_RECOGNITION`.
    """
    if recognizes:
        return RecognitionStatus.FORMAL_RECOGNITION
    if any(level in ENGAGED for level in levels):
        return RecognitionStatus.DE_FACTO_ENGAGEMENT
    return RecognitionStatus.NO_RECOGNITION


def expand(levels: Iterable[RepresentationLevel]) -> tuple[RepresentationLevel, ...]:
    """The known levels `levels` allow, in order.

    UNKNOWN, a mission the source records nothing of, allows every one.
    """
    found: dict[RepresentationLevel, None] = {}
    for level in levels:
        found.update(
            dict.fromkeys(KNOWN_LEVELS if level is RepresentationLevel.UNKNOWN else (level,))
        )
    return tuple(level for level in KNOWN_LEVELS if level in found)


def possible_statuses(
    recognitions: Iterable[bool], *directions: Iterable[RepresentationLevel]
) -> tuple[RecognitionStatus, ...]:
    """Every status the rule gives for the values still possible, weakest first.

    The dimensions are combined as if independent: where one event changes two of them on
    an undated day, a combination that cannot occur is allowed too, so the answer may be
    less certain than the data, never more.
    """
    found = {
        derive(recognizes, levels)
        for recognizes in set(recognitions)
        for levels in product(*(expand(direction) for direction in directions))
    }
    return tuple(sorted(found))
