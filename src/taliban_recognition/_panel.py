"""Panels: state-day, state-month, state-year and dyad-year tables that keep the uncertainty.

A panel has one row per unit (a state; or a pair of states, Afghanistan and another, for
representation) and period (a day, a month or a year of the span asked for). Its cells are
the queries' answers, computed once per stretch of days on which they cannot change: a
unit's chains change only at their periods' first and last possible days, so between two of
those days every answer is the same. The panel stores those stretches as runs (unit, first
period, count, cell) and writes out rows only when asked, so a panel of a thousand states
over ten thousand days is a few thousand runs.

What a cell means:

- ``freq="day"``: the answer on that day.
- ``at="end"`` (the default) or ``at="start"``: the answer on the last (first) day of the
  month or year within the span, the day in ``observed``: COW and V-Dem code a state-year as
  of 31 December.
- ``at="period"``: over every day of the period within the span: the value that certainly
  held on every day, else unknown; the least and most that can have held on any day; and, in
  a state panel, the share of the period's days on which each status certainly held.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
from bisect import bisect_right
from typing import TYPE_CHECKING, Any, Literal

from taliban_recognition._chains import ENGAGED, expand, possible_statuses
from taliban_recognition._errors import InvalidArgumentError, MissingExtraError, UnknownFormatError
from taliban_recognition._model import (
    KNOWN_LEVELS,
    RecognitionStatus,
    RepresentationLevel,
    _month_end,
)
from taliban_recognition._public import publish
from taliban_recognition._tables import Column, Table

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterator, Sequence
    from pathlib import Path

    import pandas as pd

    from taliban_recognition._chains import Chain
    from taliban_recognition._model import Country, Dates

Freq = Literal["day", "month", "year"]
"""How long a panel's period is."""
At = Literal["end", "start", "period"]
"""What a month or year cell means: the answer on its last or first day, or over all of it."""
PanelFormat = Literal["csv", "datapackage", "parquet", "stata"]
"""A format `Panel.export` writes."""

FREQS: tuple[str, ...] = ("day", "month", "year")
ATS: tuple[str, ...] = ("end", "start", "period")
PANEL_FORMATS: tuple[str, ...] = ("csv", "datapackage", "parquet", "stata")

KNOWN_STATUSES = (
    RecognitionStatus.NO_RECOGNITION,
    RecognitionStatus.DE_FACTO_ENGAGEMENT,
    RecognitionStatus.FORMAL_RECOGNITION,
)
STATUS_CODES = {status: code for code, status in enumerate(KNOWN_STATUSES)}
"""The numeric coding of the ordinal scale, for regressions: 0, 1, 2, weakest first."""

ORDERED_LEVELS = tuple(level for level in KNOWN_LEVELS if level is not RepresentationLevel.OTHER)
"""The levels COW orders, 0 to 3; OTHER (9) is a mission of another kind, outside the scale."""

Cell = tuple[Any, ...]


def _status_columns(*, period: bool) -> list[Column]:
    statuses = tuple(status.value for status in KNOWN_STATUSES)
    held = "certainly held on every day of the period" if period else "holds on the day"
    columns = [
        Column(
            "status",
            "string",
            f"The status that {held}, or unknown when more than one is possible.",
            enum=(*statuses, RecognitionStatus.UNKNOWN.value),
        ),
        Column(
            "status_code",
            "integer",
            "status on the ordinal scale: 0 no_recognition, 1 de_facto_engagement, "
            "2 formal_recognition; empty when unknown.",
            required=False,
        ),
        Column(
            "status_min",
            "string",
            "The weakest status possible"
            + (" on any day of the period." if period else " on the day: the lower bound."),
            enum=statuses,
            ordered=True,
        ),
        Column(
            "status_max",
            "string",
            "The strongest status possible"
            + (" on any day of the period." if period else " on the day: the upper bound."),
            enum=statuses,
            ordered=True,
        ),
        Column("status_min_code", "integer", "status_min on the scale of status_code."),
        Column("status_max_code", "integer", "status_max on the scale of status_code."),
        Column(
            "recognizes",
            "boolean",
            "Whether the state formally recognizes the Taliban government"
            + (" on every day of the period" if period else "")
            + "; empty when not known.",
            required=False,
        ),
    ]
    if period:
        columns.append(Column("days", "integer", "The days of the period within the span."))
        columns.extend(
            Column(
                f"share_{status.value}",
                "number",
                f"The share of the period's days on which {status.value} certainly held.",
            )
            for status in KNOWN_STATUSES
        )
    return columns


def _side_columns(side: int, *, period: bool) -> list[Column]:
    other = 3 - side
    where = "on every day of the period" if period else "on the day"
    return [
        Column(
            f"DR_at_{side}",
            "integer",
            f"COW Diplomatic Exchange's level of side {other}'s mission at side {side} {where}: "
            "0 none, 1 charge d'affaires, 2 minister, 3 ambassador, 9 other; empty when not "
            "known, never 0 for unknown.",
            required=False,
        ),
        Column(
            f"DR_at_{side}_min",
            "integer",
            f"The lowest of the ordered levels 0 to 3 DR_at_{side} can take"
            + (" on any day" if period else "")
            + "; empty when only 9 can.",
            required=False,
        ),
        Column(
            f"DR_at_{side}_max",
            "integer",
            f"The highest of the ordered levels 0 to 3 DR_at_{side} can take"
            + (" on any day" if period else "")
            + "; empty when only 9 can.",
            required=False,
        ),
        Column(
            f"DR_at_{side}_possible",
            "string",
            f"Every code DR_at_{side} can take"
            + (" on any day" if period else "")
            + ", separated by ';'.",
            pattern=r"[0-39](;[0-39])*",
        ),
    ]


def _dyad_columns(*, period: bool) -> list[Column]:
    where = "on every day of the period" if period else "on the day"
    columns = [*_side_columns(1, period=period), *_side_columns(2, period=period)]
    columns += [
        Column(
            "DE",
            "integer",
            f"COW's any diplomatic exchange {where}: 1 when either side has a mission at the "
            "other (any level but 0), 0 when neither has; empty when not known.",
            required=False,
        ),
        Column("DE_min", "integer", "The lower bound of DE."),
        Column("DE_max", "integer", "The upper bound of DE."),
    ]
    if period:
        columns.append(Column("days", "integer", "The days of the period within the span."))
    return columns


_PROVENANCE = [
    Column(
        "periods",
        "string",
        "The ids of the periods the cell rests on, separated by ';': their evidence rows quote "
        "the words.",
    ),
    Column(
        "events",
        "string",
        "The ids of the events of those periods, separated by ';'.",
        required=False,
    ),
]


def _country_columns(suffix: str = "") -> list[Column]:
    return [
        Column(f"country_alpha_2{suffix}", "string", "The state's ISO 3166-1 alpha-2 code."),
        Column(f"country_alpha_3{suffix}", "string", "The state's ISO 3166-1 alpha-3 code."),
        Column(
            f"country_numeric{suffix}",
            "string",
            "The state's ISO 3166-1 numeric code, three digits with leading zeros.",
            pattern="[0-9]{3}",
        ),
        Column(f"country_name{suffix}", "string", "The state's name."),
        Column(
            f"country_cow_code{suffix}",
            "integer",
            "The state's Correlates of War state number; empty where the version has none.",
            required=False,
        ),
        Column(
            f"country_gw_code{suffix}",
            "integer",
            "The state's Gleditsch-Ward state number; empty where the version has none.",
            required=False,
        ),
    ]


def _time_columns(freq: str, at: str) -> list[Column]:
    columns = [Column("year", "integer", "The year.")]
    if freq in ("month", "day"):
        columns.append(Column("month", "integer", "The month, 1 to 12."))
    if freq == "day":
        columns.append(Column("date", "date", "The day."))
        return columns
    columns += [
        Column("period_start", "date", "The first day of the period within the span."),
        Column("period_end", "date", "The last day of the period within the span."),
    ]
    if at != "period":
        columns.append(Column("observed", "date", "The day whose answers the cell gives."))
    return columns


def _calendar(freq: str, at: str, first: dt.date, last: dt.date) -> list[tuple[int, int, Cell]]:
    """The periods of the span: first day, last day (ordinals) and key cells of each."""
    if freq == "day":
        found = []
        for ordinal in range(first.toordinal(), last.toordinal() + 1):
            day = dt.date.fromordinal(ordinal)
            found.append((ordinal, ordinal, (day.year, day.month, day)))
        return found
    periods = []
    start = first
    while start <= last:
        if freq == "month":
            end = min(_month_end(start), last)
            key: Cell = (start.year, start.month)
        else:
            end = min(dt.date(start.year, 12, 31), last)
            key = (start.year,)
        key += (start, end) if at == "period" else (start, end, end if at == "end" else start)
        periods.append((start.toordinal(), end.toordinal(), key))
        start = end + dt.timedelta(days=1)
    return periods


class _Unit:
    """One row unit of a panel: its key cells, its chains, and how a day's answers read."""

    __slots__ = ("chains", "key", "kind")

    def __init__(self, key: Cell, chains: Sequence[Chain[Any, Any]], kind: _Kind) -> None:
        self.key = key
        self.chains = chains
        self.kind = kind

    def segments(self, first: int, last: int) -> tuple[list[int], list[Any]]:
        """The stretches of days from `first` to `last` on which no answer changes.

        Returns their first days (ordinals, ascending) and the day's state on each: the
        possible values of every chain and the periods that can hold.
        """
        points = {first}
        for found in self.chains:
            points.update(day for day in found.firsts if first < day <= last)
            points.update(day for day in found.untils if first < day <= last)
        starts = sorted(points)
        states = []
        cache: dict[tuple[tuple[int, int], ...], Any] = {}
        for start in starts:
            spans = tuple(
                (bisect_right(c.untils, start), bisect_right(c.firsts, start)) for c in self.chains
            )
            state = cache.get(spans)
            if state is None:
                state = cache[spans] = self.kind.state(self.chains, spans)
            states.append(state)
        return starts, states


class _Kind:
    """How a unit of one kind reads its chains: a state's status, or a dyad's levels."""

    columns: Callable[..., list[Column]]
    key: tuple[object, ...]  # what a unit's cells depend on besides its chains

    def state(self, chains: Sequence[Chain[Any, Any]], spans: tuple[tuple[int, int], ...]) -> Any:  # noqa: ANN401
        """What holds on a day: (the answer's possibilities, period ids, event ids)."""
        periods = [p for c, (lo, hi) in zip(chains, spans, strict=True) for p in c.periods[lo:hi]]
        events = dict.fromkeys(event for period in periods for event in period.events)
        return (
            self.possible(chains, spans),
            ";".join(period.id for period in periods),
            ";".join(events) or None,
        )

    def possible(
        self, chains: Sequence[Chain[Any, Any]], spans: tuple[tuple[int, int], ...]
    ) -> Any:  # noqa: ANN401
        raise NotImplementedError

    def point(self, possible: Any) -> Cell:  # noqa: ANN401
        raise NotImplementedError

    def over(self, possibles: list[tuple[Any, int]]) -> Cell:
        raise NotImplementedError


class _Statuses(_Kind):
    """A state: its possible statuses, from its status chain (1.x) or its dimensions (2.x)."""

    def __init__(self, *, derived: bool) -> None:
        self.derived = derived
        self.columns = _status_columns
        self.key: tuple[object, ...] = ("statuses", derived)
        # The statuses of each combination of values still possible, found once per panel:
        # most states and draws share a few, and the rule weighs every level against every.
        self.known: dict[tuple[tuple[Any, ...], ...], tuple[RecognitionStatus, ...]] = {}
        self.points: dict[tuple[RecognitionStatus, ...], Cell] = {}

    def possible(
        self, chains: Sequence[Chain[Any, Any]], spans: tuple[tuple[int, int], ...]
    ) -> tuple[RecognitionStatus, ...]:
        held = tuple(c.held[lo:hi] for c, (lo, hi) in zip(chains, spans, strict=True))
        found = self.known.get(held)
        if found is None:
            if self.derived:
                found = possible_statuses(held[0], *held[1:])
            else:
                found = tuple(sorted(set(held[0])))
            self.known[held] = found
        return found

    @staticmethod
    def _cells(possible: Sequence[RecognitionStatus], status: RecognitionStatus | None) -> Cell:
        low, high = possible[0], possible[-1]
        formal = RecognitionStatus.FORMAL_RECOGNITION
        return (
            (status or RecognitionStatus.UNKNOWN).value,
            None if status is None else STATUS_CODES[status],
            low.value,
            high.value,
            STATUS_CODES[low],
            STATUS_CODES[high],
            True if low is formal else (False if high is not formal else None),
        )

    def point(self, possible: tuple[RecognitionStatus, ...]) -> Cell:
        found = self.points.get(possible)
        if found is None:
            found = self._cells(possible, possible[0] if len(possible) == 1 else None)
            self.points[possible] = found
        return found

    def over(self, possibles: list[tuple[tuple[RecognitionStatus, ...], int]]) -> Cell:
        days = sum(count for _, count in possibles)
        union = sorted({status for possible, _ in possibles for status in possible})
        certain = dict.fromkeys(KNOWN_STATUSES, 0)
        for possible, count in possibles:
            if len(possible) == 1:
                certain[possible[0]] += count
        held = [status for status, count in certain.items() if count == days]
        cells = list(self._cells(union, held[0] if held else None))
        formal = RecognitionStatus.FORMAL_RECOGNITION
        everywhere = certain[formal] == days
        nowhere = all(formal not in possible for possible, _ in possibles)
        cells[-1] = True if everywhere else (False if nowhere else None)
        return (*cells, days, *(certain[status] / days for status in KNOWN_STATUSES))


def _codes(levels: Sequence[RepresentationLevel]) -> Cell:
    ordered = [ORDERED_LEVELS.index(level) for level in levels if level in ORDERED_LEVELS]
    return (
        levels[0].cow_code if len(levels) == 1 else None,
        min(ordered) if ordered else None,
        max(ordered) if ordered else None,
        ";".join(str(level.cow_code) for level in levels),
    )


class _Levels(_Kind):
    """A dyad of Afghanistan and a state: the level of each side's mission at the other.

    `host_first` puts Afghanistan as side 1, so that ``DR_at_1`` is the state's mission in
    Kabul; otherwise the state is side 1 and ``DR_at_1`` is the Taliban government's mission
    in it. The chains are always the state's mission in Kabul, then Afghanistan's in the state.
    """

    def __init__(self, *, host_first: bool) -> None:
        self.host_first = host_first
        self.columns = _dyad_columns
        self.key: tuple[object, ...] = ("levels", host_first)

    def possible(
        self, chains: Sequence[Chain[Any, Any]], spans: tuple[tuple[int, int], ...]
    ) -> tuple[tuple[RepresentationLevel, ...], tuple[RepresentationLevel, ...]]:
        kabul, abroad = (
            _expanded(c.held[lo:hi]) for c, (lo, hi) in zip(chains, spans, strict=True)
        )
        return (kabul, abroad) if self.host_first else (abroad, kabul)

    @staticmethod
    def _exchange(
        first: Sequence[RepresentationLevel], second: Sequence[RepresentationLevel]
    ) -> set[int]:
        return {int(a in ENGAGED or b in ENGAGED) for a in first for b in second}

    @staticmethod
    def _exchange_cells(exchange: set[int]) -> Cell:
        return (next(iter(exchange)) if len(exchange) == 1 else None, min(exchange), max(exchange))

    def point(self, possible: tuple[tuple[RepresentationLevel, ...], ...]) -> Cell:
        return _level_point(*possible)

    def over(self, possibles: list[tuple[Any, int]]) -> Cell:
        days = sum(count for _, count in possibles)
        cells: list[Any] = []
        for side in (0, 1):
            union = expand(level for possible, _ in possibles for level in possible[side])
            side_cells = list(_codes(union))
            known = {possible[side] for possible, _ in possibles}
            if len(known) != 1 or len(next(iter(known))) != 1:
                side_cells[0] = None
            cells += side_cells
        exchanges = [self._exchange(*possible) for possible, _ in possibles]
        union_exchange = set().union(*exchanges)
        certain = (
            exchanges[0] if all(e == exchanges[0] and len(e) == 1 for e in exchanges) else {0, 1}
        )
        found = self._exchange_cells(union_exchange)
        cells += [next(iter(certain)) if len(certain) == 1 else None, found[1], found[2], days]
        return tuple(cells)


@functools.cache
def _expanded(levels: tuple[RepresentationLevel, ...]) -> tuple[RepresentationLevel, ...]:
    """`expand`, once per combination of levels: a panel asks it for every stretch."""
    return expand(levels)


@functools.cache
def _level_point(
    first: tuple[RepresentationLevel, ...], second: tuple[RepresentationLevel, ...]
) -> Cell:
    """The cells of a dyad on a day, once per combination of possible levels."""
    exchange = _Levels._exchange(first, second)  # noqa: SLF001 -- the class's own rule
    return (*_codes(first), *_codes(second), *_Levels._exchange_cells(exchange))  # noqa: SLF001


class Panel:
    """A panel: one row per unit and period, with the uncertainty of each cell kept.

    Made by `Dataset.panel` (states) and `Dataset.dyad_panel` (pairs of states). Read it as
    rows (`rows`, `to_records`), as a pandas DataFrame (`to_dataframe`), or write it out
    (`export`: CSV, a Frictionless Data Package, Parquet, Stata). Its cells are computed once
    per stretch of days on which nothing can change, so building a large panel is cheap;
    rows are written out only when read.

    The attributes say what the panel is of (`name`, `version`, `sha256`, `freq`, `at`,
    `dates`, `start`, `end`, `draws`) and its `columns`; they are read-only, so a panel's
    description cannot drift from its cells.
    """

    __slots__ = (
        "_about",
        "_cell_width",
        "_cells",
        "_columns",
        "_draws",
        "_keys",
        "_periods",
        "_runs",
    )

    def __init__(  # noqa: PLR0913 -- what a panel is of, and its runs
        self,
        *,
        name: str,
        meta: tuple[str, str, str, str, Dates, dt.date, dt.date],
        columns: tuple[Column, ...],
        draws: tuple[tuple[int, int], ...],
        keys: list[Cell],
        periods: list[Cell],
        cells: list[Cell],
        runs: list[tuple[int, int, int, int]],
        cell_width: int,
    ) -> None:
        self._about = (name, *meta)
        self._columns = columns
        self._draws = draws
        self._keys = keys
        self._periods = periods
        self._cells = cells
        self._runs = runs
        self._cell_width = cell_width

    @property
    def name(self) -> str:
        """``"state_year"``, ``"dyad_month"`` and so on: the unit and the frequency."""
        return self._about[0]

    @property
    def version(self) -> str:
        """The dataset version."""
        return self._about[1]

    @property
    def sha256(self) -> str:
        """The SHA-256 of that version's data file."""
        return self._about[2]

    @property
    def freq(self) -> str:
        """``"day"``, ``"month"`` or ``"year"``."""
        return self._about[3]

    @property
    def at(self) -> str:
        """What a month or year cell means: ``"end"``, ``"start"`` or ``"period"``."""
        return self._about[4]

    @property
    def dates(self) -> Dates:
        """The reading of dates the answers rest on: ``"stated"`` or ``"corroborated"``."""
        return self._about[5]

    @property
    def start(self) -> dt.date:
        """The first day of the span."""
        return self._about[6]

    @property
    def end(self) -> dt.date:
        """The last day of the span."""
        return self._about[7]

    @property
    def columns(self) -> tuple[Column, ...]:
        """The columns, in order, described as the Data Package describes them."""
        return self._columns

    @property
    def draws(self) -> tuple[tuple[int, int], ...]:
        """The draws the panel stacks, as (seed, number) pairs in row order, or ``()``.

        They are the ``seed`` and ``draw`` columns of a panel over draws.
        """
        return self._draws

    @property
    def column_names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(column.name for column in self.columns)

    def __len__(self) -> int:
        """The number of rows."""
        return sum(run[2] for run in self._runs)

    def __repr__(self) -> str:
        """Which panel this is, and how large."""
        drawn = f", {len(self.draws)} draws" if self.draws else ""
        rule = "" if self.freq == "day" else f", at={self.at}"
        return (
            f"<Panel {self.name} of dataset {self.version} ({self.dates} dates{rule}{drawn}): "
            f"{len(self)} rows, {self.start.isoformat()} to {self.end.isoformat()}>"
        )

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """The rows, cells in column order: text, whole numbers, numbers, flags, days, None.

        Ordered by draw, then unit (a state by its ISO code; a dyad then by side), then time.

        Returns:
            An iterator over the rows, each a tuple of cells in column order.
        """
        keys, periods, cells = self._keys, self._periods, self._cells
        for unit, first, count, cell in self._runs:
            key, values = keys[unit], cells[cell]
            for position in range(first, first + count):
                yield (*key, *periods[position], *values)

    def to_records(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column name; new dicts on every call.

        Returns:
            The rows, in the order of `rows`.
        """
        names = self.column_names
        return [dict(zip(names, row, strict=True)) for row in self.rows()]

    def to_dataframe(self) -> pd.DataFrame:
        """The panel as a pandas DataFrame with nullable dtypes and categoricals.

        Codes and ids are ``string``; whole numbers ``Int64`` (``<NA>`` where empty);
        ``recognizes`` ``boolean``; shares ``Float64``; days ``datetime64[s]``; ``status`` a
        categorical with ``unknown``; ``status_min`` and ``status_max`` ordered categoricals,
        weakest first. Built column by column from the runs, so a panel of ten million rows
        takes seconds, not minutes.

        Returns:
            The DataFrame, one row per row of the panel, in the order of `rows`.

        Raises:
            MissingExtraError: pandas is not installed; the ``pandas`` extra installs it.
        """
        try:
            import numpy as np  # noqa: PLC0415 -- pandas' own dependency, optional here
            import pandas as pd  # noqa: PLC0415
        except ModuleNotFoundError as error:
            if error.name not in ("pandas", "numpy"):
                raise
            raise MissingExtraError("Panel.to_dataframe", "pandas", "pandas") from None
        runs = np.array(self._runs, dtype=np.int64).reshape(-1, 4)
        counts = runs[:, 2]
        total = int(counts.sum())
        starts = np.cumsum(counts) - counts
        units = np.repeat(runs[:, 0], counts)
        positions = np.repeat(runs[:, 1] - starts, counts) + np.arange(total, dtype=np.int64)
        cells = np.repeat(runs[:, 3], counts)
        tables = (
            (self._keys, units),
            (self._periods, positions),
            (self._cells, cells),
        )
        series: dict[str, Any] = {}
        columns = iter(self.columns)
        key_width = len(self.columns) - len(self._periods[0]) - self._cell_width
        for (table, index), width in zip(
            tables, (key_width, len(self._periods[0]), self._cell_width), strict=True
        ):
            for i in range(width):
                column = next(columns)
                series[column.name] = _series(pd, np, column, [row[i] for row in table], index)
        return pd.DataFrame(series, columns=list(self.column_names))

    def table(self) -> Table:
        """The panel's columns and key as a `Table`, for the Data Package's schema.

        Returns:
            The table: its columns, in order, and its primary key.
        """
        key: tuple[str, ...] = ("seed", "draw") if self.draws else ()
        key += ("country_alpha_2",)
        if self.name.startswith("dyad"):
            key += ("afghanistan_side",)
        key += ("date",) if self.freq == "day" else ("year", "month")[: 1 + (self.freq == "month")]
        return Table(
            name=self.name,
            description=_describe(self),
            columns=self.columns,
            primary_key=key,
            records=lambda _: (),
        )

    def export(
        self,
        directory: str | os.PathLike[str],
        format: PanelFormat = "csv",  # noqa: A002 -- researchers' word
        *,
        overwrite: bool = False,
    ) -> tuple[Path, ...]:
        """Write the panel as the whole content of the folder `directory`; return its files.

        Formats:
            - ``"csv"``: ``<name>.csv`` (``state_year.csv``...), UTF-8, ISO dates,
              ``true``/``false`` flags, empty cells where a value is not known.
            - ``"datapackage"``: that file, a Frictionless ``datapackage.json`` with its Table
              Schema and the options pandas, R and DuckDB read it with, and
              ``r_colclasses.csv`` for base R's ``read.csv``.
            - ``"parquet"``: ``<name>.parquet``, with pandas' dtypes and days as Parquet
              dates (the ``parquet`` extra).
            - ``"stata"``: ``<name>.dta`` (version 118), categoricals as value labels, days as
              Stata dates, missing values as ``.`` (the ``stata`` extra).

        The folder is treated as `Dataset.export` treats it: created, or empty, or replaced
        whole with `overwrite` when it holds an earlier export; never mixed.

        Returns:
            The paths written, in order, below `directory` as given.

        Raises:
            UnknownFormatError: `format` is not one of the four.
            MissingExtraError: Parquet or Stata is asked for and pandas (or pyarrow) is not
                installed.
            ExportTargetError: `directory` cannot take the export; nothing was written.
            InvalidArgumentError: `overwrite` is not a bool.
        """
        from taliban_recognition._export import write_files  # noqa: PLC0415 -- on first use

        if not isinstance(format, str) or format not in PANEL_FORMATS:
            raise UnknownFormatError(format, PANEL_FORMATS)
        return write_files(directory, lambda: panel_files(self, format), overwrite=overwrite)


def _describe(panel: Panel) -> str:
    unit = "pair of Afghanistan and a state" if panel.name.startswith("dyad") else "state"
    rule = {
        "end": "the answers on the period's last day within the span (observed)",
        "start": "the answers on the period's first day within the span (observed)",
        "period": "the answers over every day of the period within the span",
    }[panel.at]
    return (
        f"One row per {unit} and {panel.freq} from {panel.start.isoformat()} to "
        f"{panel.end.isoformat()}, dataset {panel.version} (SHA-256 {panel.sha256}), "
        f"{panel.dates} dates"
        + ("" if panel.freq == "day" else f"; each cell gives {rule}")
        + (
            f"; {len(panel.draws)} sensitivity draws (seed {_seeds(panel.draws)})"
            if panel.draws
            else ""
        )
        + "."
    )


def _seeds(draws: tuple[tuple[int, int], ...]) -> str:
    return ", ".join(str(seed) for seed in dict.fromkeys(seed for seed, _ in draws))


def _series(pd: Any, np: Any, column: Column, values: list[Any], index: Any) -> Any:  # noqa: ANN401
    """One column of the DataFrame: `values` per distinct row, taken by `index`."""
    if column.enum:
        codes = np.array([column.enum.index(value) for value in values], dtype=np.int16)
        return pd.Categorical.from_codes(
            codes[index], categories=list(column.enum), ordered=column.ordered
        )
    if column.type == "date":
        ordinals = np.array([v.toordinal() for v in values], dtype=np.int64)
        days = (ordinals - _EPOCH).astype("datetime64[D]").astype("datetime64[s]")
        return pd.Series(days[index])
    if column.type == "string":
        return pd.array(values, dtype="string").take(index)
    missing = np.array([value is None for value in values], dtype=bool)[index]
    kind, filler, make = {
        "integer": (np.int64, 0, pd.arrays.IntegerArray),
        "boolean": (np.bool_, False, pd.arrays.BooleanArray),
        "number": (np.float64, 0.0, pd.arrays.FloatingArray),
    }[column.type]
    raw = np.array([filler if value is None else value for value in values], dtype=kind)
    return make(raw[index], missing)


_EPOCH = dt.date(1970, 1, 1).toordinal()


class _Runs:
    """The runs of a panel as they are found, each cell stored once."""

    __slots__ = ("at", "calendar", "cells", "done", "first", "freq", "interned", "last", "runs")

    def __init__(self, freq: str, at: str, calendar: list[tuple[int, int, Cell]]) -> None:
        self.freq, self.at, self.calendar = freq, at, calendar
        self.first, self.last = calendar[0][0], calendar[-1][1]
        self.cells: list[Cell] = []
        self.interned: dict[Cell, int] = {}
        self.runs: list[tuple[int, int, int, int]] = []
        # The runs of units already built, by their chains (held, so that no id is reused)
        # and kind: a unit a draw leaves as it was, as most are, repeats the runs it had.
        self.done: dict[tuple[object, ...], tuple[tuple[object, ...], list[tuple[int, int, int]]]]
        self.done = {}

    def add_unit(self, number: int, unit: _Unit) -> None:
        """The runs of unit `number`, built once for each set of chains and kind."""
        key = (*map(id, unit.chains), unit.kind.key)
        found = self.done.get(key)
        if found is None or any(a is not b for a, b in zip(found[0], unit.chains, strict=True)):
            before = len(self.runs)
            self._build(number, unit)
            found = (tuple(unit.chains), [run[1:] for run in self.runs[before:]])
            self.done[key] = found
            return
        self.runs.extend((number, *run) for run in found[1])

    def _add(self, unit: int, position: int, count: int, values: Cell) -> None:
        cell = self.interned.get(values)
        if cell is None:
            cell = self.interned[values] = len(self.cells)
            self.cells.append(values)
        runs = self.runs
        if runs and runs[-1][0] == unit and runs[-1][3] == cell:
            previous = runs[-1]
            runs[-1] = (unit, previous[1], previous[2] + count, cell)
        else:
            runs.append((unit, position, count, cell))

    def _build(self, number: int, unit: _Unit) -> None:
        """The runs of unit `number`: per stretch (days), or per period (months, years)."""
        starts, states = unit.segments(self.first, self.last)
        point = unit.kind.point
        if self.freq == "day":
            ends = [*starts[1:], self.last + 1]
            for start, end, (possible, periods, events) in zip(starts, ends, states, strict=True):
                self._add(
                    number, start - self.first, end - start, (*point(possible), periods, events)
                )
            return
        for place, (period_start, period_end, _) in enumerate(self.calendar):
            if self.at != "period":
                day = period_end if self.at == "end" else period_start
                possible, periods, events = states[bisect_right(starts, day) - 1]
                self._add(number, place, 1, (*point(possible), periods, events))
            else:
                self._add(
                    number, place, 1, self._over(unit, starts, states, period_start, period_end)
                )

    def _over(
        self, unit: _Unit, starts: list[int], states: list[Any], period_start: int, period_end: int
    ) -> Cell:
        """The cell of a period read over all its days: the stretches that overlap it."""
        lo = bisect_right(starts, period_start) - 1
        hi = bisect_right(starts, period_end)
        ends = [*starts[lo + 1 : hi], period_end + 1]
        parts = [
            (states[n][0], end - max(starts[n], period_start))
            for n, end in zip(range(lo, hi), ends, strict=True)
        ]
        ids = dict.fromkeys(i for state in states[lo:hi] for i in state[1].split(";"))
        held = dict.fromkeys(
            e for state in states[lo:hi] if state[2] is not None for e in state[2].split(";")
        )
        return (*unit.kind.over(parts), ";".join(ids), ";".join(held) or None)


def build(  # noqa: PLR0913 -- the panel's unit, span, reading and draws
    *,
    name: str,
    meta: tuple[str, str, str, str, Dates, dt.date, dt.date],
    units: Callable[[int | None], list[_Unit]],
    key_columns: list[Column],
    draws: Sequence[tuple[int, int]],
    kind_columns: list[Column],
) -> Panel:
    """Build a panel: for each draw (or none), each unit, the runs of its periods.

    `units` gives the units of the draw at a position of `draws` (the draws' seeds and
    numbers), or of the data itself for None.
    """
    _, _, freq, at, _, first_day, last_day = meta
    calendar = _calendar(freq, at, first_day, last_day)
    found = _Runs(freq, at, calendar)
    keys: list[Cell] = []
    numbered: list[tuple[int | None, tuple[int, int] | None]] = (
        list(enumerate(draws)) if draws else [(None, None)]
    )
    for position, drawn in numbered:
        for unit in units(position):
            keys.append((() if drawn is None else drawn) + unit.key)
            found.add_unit(len(keys) - 1, unit)
    columns = (
        *(
            (
                Column("seed", "integer", "The seed of the sensitivity draws (Dataset.draws)."),
                Column("draw", "integer", "The sensitivity draw of that seed, from 1."),
            )
            if draws
            else ()
        ),
        *key_columns,
        *_time_columns(freq, at),
        *kind_columns,
        *_PROVENANCE,
    )
    return Panel(
        name=name,
        meta=meta,
        columns=tuple(columns),
        draws=tuple(draws),
        keys=keys,
        periods=[key for _, _, key in calendar],
        cells=found.cells,
        runs=found.runs,
        cell_width=len(kind_columns) + len(_PROVENANCE),
    )


def state_unit(country: Country, chains: Sequence[Chain[Any, Any]], kind: _Statuses) -> _Unit:
    """A state's unit of a state panel."""
    return _Unit(_country_key(country), chains, kind)


def _country_key(country: Country) -> Cell:
    return (
        country.alpha_2,
        country.alpha_3,
        country.numeric,
        country.name,
        country.cow_code,
        country.gw_code,
    )


SUBJECT_COW = 700
"""Afghanistan's COW and GW state number (both lists give it 700)."""


def dyad_units(
    country: Country, chains: Sequence[Chain[Any, Any]], *, directed: bool
) -> list[_Unit]:
    """A state's units of a dyad panel: Afghanistan first, then (when directed) the state first.

    Non-directed, one row per dyad with the smaller COW number as side 1, as COW's own files
    have it; a state without a COW number is side 2.
    """
    found = []
    state_first_key = (country.cow_code, SUBJECT_COW, country.gw_code, SUBJECT_COW)
    host_first_key = (SUBJECT_COW, country.cow_code, SUBJECT_COW, country.gw_code)
    orders: tuple[bool, ...] = (True, False)
    if not directed:
        state_first = country.cow_code is not None and country.cow_code < SUBJECT_COW
        orders = (not state_first,)
    for host_first in orders:
        key = (*(host_first_key if host_first else state_first_key), 1 if host_first else 2)
        found.append(
            _Unit((*key, *_country_key(country)[:3]), chains, _Levels(host_first=host_first))
        )
    return found


DYAD_KEY_COLUMNS = [
    Column("ccode1", "integer", "Side 1's COW state number.", required=False),
    Column("ccode2", "integer", "Side 2's COW state number.", required=False),
    Column("gwcode1", "integer", "Side 1's Gleditsch-Ward state number.", required=False),
    Column("gwcode2", "integer", "Side 2's Gleditsch-Ward state number.", required=False),
    Column(
        "afghanistan_side",
        "integer",
        "Which side Afghanistan is: 1 (DR_at_1 is the state's mission in Kabul) or 2 "
        "(DR_at_1 is the Taliban government's mission in the state).",
    ),
    *_country_columns()[:3],
]
"""The key of a dyad row: COW's and GW's numbers of both sides, then the state's ISO codes
(the other side is Afghanistan)."""

STATE_KEY_COLUMNS = _country_columns()


def panel_files(panel: Panel, format: str) -> dict[str, bytes]:  # noqa: A002
    """The files a panel export of `format` consists of, by name."""
    from taliban_recognition._export import (  # noqa: PLC0415 -- on first use
        R_COLCLASSES,
        csv_text,
        descriptor_of,
        r_colclasses,
    )

    if format in ("csv", "datapackage"):
        text = csv_text(
            [list(panel.column_names), *([_text(v) for v in row] for row in panel.rows())]
        )
        data = text.encode("utf-8")
        written = {f"{panel.name}.csv": data}
        if format == "datapackage":
            table = panel.table()
            written[R_COLCLASSES] = r_colclasses((table,))
            written["datapackage.json"] = descriptor_of(
                panel.version, _describe(panel), [(table, data)]
            )
        return written
    frame = panel.to_dataframe()
    import io  # noqa: PLC0415

    buffer = io.BytesIO()
    if format == "parquet":
        if importlib.util.find_spec("pyarrow") is None:  # pandas writes Parquet through it
            raise MissingExtraError(
                "Panel.export(format='parquet')", "pyarrow", "parquet"
            ) from None
        for column in panel.columns:  # days as Parquet's DATE, which R and DuckDB read as dates
            if column.type == "date":
                frame[column.name] = frame[column.name].dt.date
        frame.to_parquet(buffer, index=False)
        return {f"{panel.name}.parquet": buffer.getvalue()}
    _stata(panel, frame).to_stata(
        buffer,
        write_index=False,
        version=118,
        convert_dates={c.name: "td" for c in panel.columns if c.type == "date"},
        data_label=f"taliban_recognition {panel.version} {panel.name}"[:80],
        variable_labels={c.name: _label(c.description) for c in panel.columns},
        time_stamp=dt.datetime(2000, 1, 1),  # noqa: DTZ001 -- fixed, so two exports are equal
    )
    return {f"{panel.name}.dta": buffer.getvalue()}


def _stata(panel: Panel, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as Stata takes it: numbers and flags as doubles, ``.`` where empty.

    Only the ordered bounds (``status_min``, ``status_max``) stay labelled numbers, coded as
    ``status_code`` is (0, 1, 2); ``status`` is text, since Stata would order an ``unknown``
    label among the statuses, and models take ``status_code``. An empty panel has no value
    to label, so its categories are text too.
    """
    out = frame.copy()
    for column in panel.columns:
        series = out[column.name]
        if column.type in ("boolean", "integer", "number"):
            out[column.name] = series.astype("Float64").astype("float64")
        elif column.type == "string" and (not column.ordered or not len(out)):
            out[column.name] = series.astype(object).where(series.notna(), "")
    return out


def _label(description: str) -> str:
    """A Stata variable label: the description cut at a word to Stata's 80 characters."""
    if len(description) <= 80:
        return description
    return description[:77].rsplit(" ", 1)[0].rstrip(",;:") + "..."


def _text(value: Any) -> str:  # noqa: ANN401
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def check_choice(argument: str, value: object, choices: tuple[str, ...]) -> str:
    """`value` itself, if it is one of `choices`; else a specific error."""
    if isinstance(value, str) and value in choices:
        return value
    raise InvalidArgumentError(argument, value, " or ".join(repr(choice) for choice in choices))


publish(__name__)
