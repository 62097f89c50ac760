"""Sensitivity draws: every uncertain date of a dataset resolved to one day.

A change of a chain (a state's status in 1.x; its formal recognition or one direction of its
representation from 2.0.0) happens on a day the data may give only as a window: a month, or
``[2021-08..2025-07-03]``. A draw picks one day for each, uniformly among the assignments the
data allows: each day within its date's window, as the chosen reading of dates gives it, and
the changes of every chain in their order. An event that dates changes of several chains gets
one day for all of them. Researchers re-run a model over many draws to see how much its
answer rests on dates the source leaves open, as users of UCDP's uncertainty draws do for
fatality counts.

The days a change is dated by are its *nodes*: the event that brought it (the period's first
event, as `_chains.starts_of` reads it), or, for a change no event brought, the period's own
start. Nodes joined by a chain form a component, drawn jointly:

- a component that is one chain's changes, each once, is drawn exactly by counting: the number
  of ordered completions of every day of each window, then one day after another in
  proportion to those counts;
- any other component (an event that dates changes of two chains) is drawn by rejection:
  every node uniformly in its narrowed window, kept only when every chain is in order, which is
  uniform over the allowed assignments too.

Every other event, which dates no change, is drawn uniformly within its own window.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_right
from itertools import accumulate, pairwise
from types import MappingProxyType
from typing import TYPE_CHECKING

from taliban_recognition._chains import chain
from taliban_recognition._errors import DataFormatError
from taliban_recognition._model import Direction, FuzzyDate
from taliban_recognition._public import publish

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    from taliban_recognition._chains import Chain
    from taliban_recognition._dataset import Dataset
    from taliban_recognition._invariants import Indices
    from taliban_recognition._model import Dates

Node = tuple[str, str]
"""What dates a change: ``("event", id)`` for the event that brought it, or ``("period", id)``
for the start of a period no event brought."""

ATTEMPTS = 100_000
"""How many proposals a component drawn by rejection gets before the draw gives up."""


class Draw:
    """One resolution of every uncertain date of a dataset to a day, from `Dataset.draws`.

    Pass draws to `Dataset.panel` or `Dataset.dyad_panel` (``draws=``) for the panel each
    gives, with a ``draw`` column, to re-run a model over them.

    A draw is read-only: `number`, `seed`, `dates` (the reading of dates its windows come
    from), `version` and `sha256` (the dataset drawn from) say which draw it is, and `events`
    and `periods` the days it drew.
    """

    __slots__ = ("_about", "_events", "_periods")

    def __init__(  # noqa: PLR0913 -- what identifies a draw, and what it drew
        self,
        *,
        number: int,
        seed: int,
        dates: Dates,
        dataset: Dataset,
        events: dict[str, dt.date],
        periods: dict[str, dt.date],
    ) -> None:
        self._about: tuple[int, int, Dates, str, str] = (
            number,
            seed,
            dates,
            dataset.version,
            dataset.sha256,
        )
        self._events = events
        self._periods = periods

    @property
    def number(self) -> int:
        """The draw's position among the draws of its seed, from 1."""
        return self._about[0]

    @property
    def seed(self) -> int:
        """The seed the draw was made from; with `number` it fixes the days drawn."""
        return self._about[1]

    @property
    def dates(self) -> Dates:
        """The reading of dates the windows come from: ``"stated"`` or ``"corroborated"``."""
        return self._about[2]

    @property
    def version(self) -> str:
        """The dataset version drawn from."""
        return self._about[3]

    @property
    def sha256(self) -> str:
        """The SHA-256 of that version's data file."""
        return self._about[4]

    @property
    def events(self) -> Mapping[str, dt.date]:
        """The day drawn for each event, by event id (a read-only view)."""
        return MappingProxyType(self._events)

    @property
    def periods(self) -> Mapping[str, dt.date]:
        """The day drawn for the start of each period whose change no event brought, by id."""
        return MappingProxyType(self._periods)

    def day(self, node: Node) -> dt.date:
        """The day drawn for what dates a change.

        Returns:
            The day.
        """
        kind, name = node
        return (self._events if kind == "event" else self._periods)[name]

    def __eq__(self, other: object) -> bool:
        """Draws are equal when they are the same draw: data, reading, seed, number, days."""
        if not isinstance(other, Draw):
            return NotImplemented
        return (self._about, self._events, self._periods) == (
            other._about,
            other._events,
            other._periods,
        )

    def __hash__(self) -> int:
        """A draw hashes by its data, reading, seed and number."""
        return hash(self._about)

    def __repr__(self) -> str:
        """Which draw of which dataset this is."""
        return (
            f"<Draw {self.number} (seed {self.seed}) of dataset {self.version}, {self.dates} "
            f"dates: {len(self._events)} events, {len(self._periods)} undated period starts>"
        )


def node_of(period: object, position: int) -> Node | None:
    """What dates the change into `period`, the `position`-th of its chain (none for the first)."""
    if position == 0:
        return None
    events: tuple[str, ...] = period.events  # type: ignore[attr-defined]
    return ("event", events[0]) if events else ("period", period.id)  # type: ignore[attr-defined]


def _chains_of(indices: Indices, dates: Dates) -> Iterator[Chain[object, object]]:
    yield from indices.chains[dates].values()  # type: ignore[misc]
    for direction in Direction:
        yield from indices.levels.get(direction, {}).get(dates, {}).values()  # type: ignore[misc]


class _Plan:
    """What a draw draws: the components of nodes, each with its windows and sampler."""

    __slots__ = ("others", "paths", "tangles")

    def __init__(self, dataset: Dataset, indices: Indices, dates: Dates) -> None:
        windows: dict[Node, tuple[int, int]] = {}
        orders: list[list[Node]] = []
        for found in _chains_of(indices, dates):
            order: list[Node] = []
            for position, period in enumerate(found.periods[1:], start=1):
                node = node_of(period, position)
                assert node is not None  # noqa: S101 -- only the first period has none
                low, high = found.firsts[position], found.untils[position - 1]
                seen = windows.get(node)
                windows[node] = (
                    (low, high) if seen is None else (max(low, seen[0]), min(high, seen[1]))
                )
                order.append(node)
            if order:
                orders.append(order)
        self.paths: list[tuple[list[Node], _Path]] = []
        self.tangles: list[_Tangle] = []
        for component in _components(orders):
            nodes = component[0]
            if len(component) == 1 and len(set(nodes)) == len(nodes):
                self.paths.append((nodes, _Path([windows[node] for node in nodes])))
            else:
                self.tangles.append(_Tangle(component, windows))
        placed = {node[1] for node in windows if node[0] == "event"}
        self.others = [
            (event.id, event.date_for(dates)) for event in dataset.events if event.id not in placed
        ]

    def draw(self, rng: random.Random) -> tuple[dict[str, dt.date], dict[str, dt.date]]:
        days: dict[Node, int] = {}
        for nodes, path in self.paths:
            days.update(zip(nodes, path.draw(rng), strict=True))
        for tangle in self.tangles:
            days.update(tangle.draw(rng))
        events = {
            event_id: date.earliest
            + dt.timedelta(days=rng.randrange((date.latest - date.earliest).days + 1))
            for event_id, date in self.others
        }
        periods: dict[str, dt.date] = {}
        for (kind, name), ordinal in days.items():
            (events if kind == "event" else periods)[name] = dt.date.fromordinal(ordinal)
        return dict(sorted(events.items())), dict(sorted(periods.items()))


def _components(orders: list[list[Node]]) -> list[list[list[Node]]]:
    """The chains' node orders grouped into components: chains that share a node are one."""
    parent: dict[Node, Node] = {}

    def root(node: Node) -> Node:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for order in orders:
        for node in order:
            parent.setdefault(node, node)
        for node in order[1:]:
            parent[root(node)] = root(order[0])
    grouped: dict[Node, list[list[Node]]] = {}
    for order in orders:
        grouped.setdefault(root(order[0]), []).append(order)
    return list(grouped.values())


class _Path:
    """The exact uniform sampler of the days of one chain's changes, in order.

    `windows` are the changes' windows as ordinals, narrowed by the chain's order (lows and
    highs each non-decreasing), so that every day of each is reachable. ``prefix[i][j]`` is
    the number of ordered completions of changes ``i..`` with change ``i`` on no more than
    day ``low_i + j - 1``, summed: the cumulative counts a day is drawn in proportion to.
    """

    __slots__ = ("prefix", "windows")

    def __init__(self, windows: Sequence[tuple[int, int]]) -> None:
        self.windows = list(windows)
        prefix: list[list[int]] = [[] for _ in self.windows]
        after: list[int] | None = None  # the suffix sums of the next change's counts
        for i in reversed(range(len(self.windows))):
            low, high = self.windows[i]
            if after is None:
                counts = [1] * (high - low + 1)
            else:
                next_low = self.windows[i + 1][0]
                counts = [after[max(day, next_low) - next_low] for day in range(low, high + 1)]
            prefix[i] = [0, *accumulate(counts)]
            after = list(accumulate(reversed(counts)))[::-1]
        self.prefix = prefix

    def draw(self, rng: random.Random) -> list[int]:
        """One day per change, uniformly among the ordered assignments."""
        days: list[int] = []
        previous = None
        for (low, _), prefix in zip(self.windows, self.prefix, strict=True):
            skip = 0 if previous is None else max(0, previous - low)
            target = prefix[skip] + rng.randrange(prefix[-1] - prefix[skip])
            day = low + bisect_right(prefix, target) - 1
            days.append(day)
            previous = day
        return days


class _Tangle:
    """The rejection sampler of a component whose chains share nodes."""

    __slots__ = ("nodes", "orders", "windows")

    def __init__(self, orders: list[list[Node]], windows: dict[Node, tuple[int, int]]) -> None:
        self.nodes = list(dict.fromkeys(node for order in orders for node in order))
        self.windows = [windows[node] for node in self.nodes]
        where = {node: n for n, node in enumerate(self.nodes)}
        self.orders = [[where[node] for node in order] for order in orders]
        if any(low > high for low, high in self.windows):
            raise DataFormatError("$.events", _impossible(self.nodes))

    def draw(self, rng: random.Random) -> dict[Node, int]:
        for _ in range(ATTEMPTS):
            days = [low + rng.randrange(high - low + 1) for low, high in self.windows]
            if all(days[a] <= days[b] for order in self.orders for a, b in pairwise(order)):
                return dict(zip(self.nodes, days, strict=True))
        raise DataFormatError("$.events", _impossible(self.nodes, tried=ATTEMPTS))


def _impossible(nodes: Iterable[Node], tried: int | None = None) -> str:
    named = ", ".join(f"{kind} {name!r}" for kind, name in nodes)
    if tried is None:
        return f"the changes dated by {named} cannot all happen in order"
    return (
        f"the draw by rejection of {named}, which date changes of more than one chain, found "
        f"no order in {tried:,} tries; the data allows orders, but too few of the days each "
        "may take for this sampler (the exact one covers the changes of one chain)"
    )


def draws(dataset: Dataset, indices: Indices, n: int, seed: int, dates: Dates) -> tuple[Draw, ...]:
    """`n` draws of `dataset`'s dates under the reading `dates`, from `seed`.

    Draw ``k`` depends only on the seed, ``k`` and the data: the first three of ten draws are
    the three draws of three.
    """
    plan = _Plan(dataset, indices, dates)
    found = []
    for number in range(1, n + 1):
        rng = random.Random(f"taliban-recognition draw {seed} {number}")  # noqa: S311 -- reproducible
        events, periods = plan.draw(rng)
        found.append(
            Draw(
                number=number,
                seed=seed,
                dates=dates,
                dataset=dataset,
                events=events,
                periods=periods,
            )
        )
    return tuple(found)


def drawn_chain(found: Chain[object, object], draw: Draw) -> Chain[object, object]:
    """A chain with its changes on the days `draw` drew (itself when it has none)."""
    periods = found.periods
    if len(periods) == 1:  # nothing to draw: most states' missions, recorded as unknown
        return found
    starts = [periods[0].start]  # type: ignore[attr-defined]
    for n, period in enumerate(periods[1:], start=1):
        node = node_of(period, n)
        assert node is not None  # noqa: S101 -- only the first period has none
        starts.append(FuzzyDate.day(draw.day(node)))
    return chain(
        periods,
        found.held,
        starts,
        path="$",
        problem=f"draw {draw.number} puts the changes of {found.country.alpha_2} out of order",
    )


publish(__name__)
