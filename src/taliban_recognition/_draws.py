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
  proportion to those counts (`_Path`);
- a component of chains that share one node, each once, and nothing else (an event that
  brings a change of each of several states) is drawn exactly by its shared day first, in
  proportion to the orders each chain allows around it, then each chain given that day
  (`_Star`);
- any other component (chains that share several nodes, or a node that dates two changes of
  one chain) is drawn exactly by counting too, over its partial order and stretches of days
  rather than days (`_Tangle`).

Data whose chains cannot all be put in order together, though each can alone, is refused
when it is loaded (`check_order`), so every dataset that loads can be drawn from. (A shipped
file is read without the check, which the tests run on its exact bytes: see `_reader`.)

Every other event, which dates no change, is drawn uniformly within its own window.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_right
from itertools import accumulate, pairwise
from math import comb
from types import MappingProxyType
from typing import TYPE_CHECKING

from taliban_recognition._chains import chain
from taliban_recognition._errors import DataFormatError
from taliban_recognition._model import DATES, Direction, FuzzyDate
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
        windows, orders, _ = _nodes(indices, dates)
        self.paths: list[tuple[list[Node], _Path]] = []
        self.tangles: list[_Star | _Tangle] = []
        for component in _components(orders):
            if _tangled(component):
                self.tangles.append(_sampler(component, windows, dates))
            else:
                nodes = component[0]
                self.paths.append((nodes, _Path([windows[node] for node in nodes])))
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


def _nodes(
    indices: Indices, dates: Dates
) -> tuple[dict[Node, tuple[int, int]], list[list[Node]], dict[Node, set[str]]]:
    """What dates each change under `dates`, as ordinal windows, and each chain's in order.

    A node that dates changes of several chains has the windows of all of them intersected.
    The third mapping gives the states (ISO alpha-2) whose chains each node dates changes of.
    """
    windows: dict[Node, tuple[int, int]] = {}
    orders: list[list[Node]] = []
    states: dict[Node, set[str]] = {}
    for found in _chains_of(indices, dates):
        order: list[Node] = []
        for position, period in enumerate(found.periods[1:], start=1):
            node = node_of(period, position)
            assert node is not None  # noqa: S101 -- only the first period has none
            low, high = found.firsts[position], found.untils[position - 1]
            seen = windows.get(node)
            windows[node] = (low, high) if seen is None else (max(low, seen[0]), min(high, seen[1]))
            states.setdefault(node, set()).add(found.country.alpha_2)
            order.append(node)
        if order:
            orders.append(order)
    return windows, orders, states


def _tangled(component: list[list[Node]]) -> bool:
    """Whether a component needs `_Tangle`: several chains, or a node twice in one chain.

    Chains in one component share a node; a node twice in a chain dates two of its changes.
    """
    return len(component) > 1 or len(set(component[0])) < len(component[0])


def check_order(indices: Indices) -> None:
    """Refuse data whose changes cannot all happen in order, under either reading of dates.

    Each chain's changes are checked alone as its chain is built (`_chains.chain`). An event
    that dates changes of several chains, or two of one, gives them one day, so those chains
    must also be orderable together; only the components where that is so are checked here.

    Raises:
        DataFormatError: The changes of chains that share an event cannot all happen in order.
    """
    for dates in DATES:
        windows, orders, states = _nodes(indices, dates)
        for component in _components(orders):
            if _tangled(component):
                of = {state for order in component for node in order for state in states[node]}
                _Order(component, windows, dates, states=sorted(of))


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

    def completions(self, first: int) -> int:
        """The number of ordered assignments whose first change is on day `first` or later.

        `first` is at most the first change's last day.
        """
        low = self.windows[0][0]
        prefix = self.prefix[0]
        return prefix[-1] - prefix[max(0, first - low)]

    def draw(self, rng: random.Random, first: int | None = None) -> list[int]:
        """One day per change, uniformly among the ordered assignments.

        With `first` (at most the first change's last day), among those whose first change is
        on that day or later.
        """
        days: list[int] = []
        previous = first
        for (low, _), prefix in zip(self.windows, self.prefix, strict=True):
            skip = 0 if previous is None else max(0, previous - low)
            target = prefix[skip] + rng.randrange(prefix[-1] - prefix[skip])
            day = low + bisect_right(prefix, target) - 1
            days.append(day)
            previous = day
        return days


class _Star:
    """The exact uniform sampler of chains that share one node, each once, and nothing else.

    Such a component (one event that brings a change of each of several states, or of two
    dimensions of one) is common, and can be large: given the shared node's day, the chains
    are independent. The shared node's day is drawn in proportion to the product, over the
    chains, of the ordered assignments of the changes before it (no later than that day) and
    of those after it (no earlier), each a `_Path` (the changes before it with their days
    negated, in reverse order); then each chain's changes given it. Its cost is linear in the
    days of the shared node's window and in the chains, where `_Tangle`'s grows exponentially
    with the chains.
    """

    __slots__ = ("chains", "days", "node", "totals")

    def __init__(self, orders: list[list[Node]], windows: Mapping[Node, tuple[int, int]]) -> None:
        (self.node,) = _shared(orders)
        self.chains: list[tuple[list[Node], _Path | None, list[Node], _Path | None]] = []
        for order in orders:
            at = order.index(self.node)
            before, after = order[:at][::-1], order[at + 1 :]
            self.chains.append(
                (
                    before,
                    _Path([(-windows[n][1], -windows[n][0]) for n in before]) if before else None,
                    after,
                    _Path([windows[n] for n in after]) if after else None,
                )
            )
        low, high = windows[self.node]
        weights = []
        for day in range(low, high + 1):
            weight = 1
            for _, earlier, _, later in self.chains:
                if earlier is not None:
                    weight *= earlier.completions(-day) if -day <= earlier.windows[0][1] else 0
                if later is not None:
                    weight *= later.completions(day) if day <= later.windows[0][1] else 0
            weights.append(weight)
        self.days = low
        self.totals = list(accumulate(weights))

    def draw(self, rng: random.Random) -> dict[Node, int]:
        """One day per node, uniformly among the assignments that keep every chain in order."""
        day = self.days + bisect_right(self.totals, rng.randrange(self.totals[-1]))
        days = {self.node: day}
        for before, earlier, after, later in self.chains:
            if earlier is not None:
                days.update(zip(before, (-d for d in earlier.draw(rng, -day)), strict=True))
            if later is not None:
                days.update(zip(after, later.draw(rng, day), strict=True))
        return days


def _shared(orders: list[list[Node]]) -> list[Node]:
    """The nodes of more than one of `orders`, or more than once in one."""
    seen: dict[Node, int] = {}
    for order in orders:
        for node in order:
            seen[node] = seen.get(node, 0) + 1
    return [node for node, count in seen.items() if count > 1]


def _sampler(
    orders: list[list[Node]], windows: Mapping[Node, tuple[int, int]], dates: Dates
) -> _Star | _Tangle:
    """The sampler of a component whose chains share nodes: `_Star` where it can, `_Tangle`.

    `_Order` checks first that the windows allow an order, and narrows them jointly.
    """
    order = _Order(orders, windows, dates)
    shared = _shared(orders)
    if len(shared) == 1 and all(o.count(shared[0]) == 1 for o in orders) and len(orders) > 1:
        narrowed = {
            node: (order.lows[g], order.highs[g])
            for node, g in zip(order.nodes, order.group_of, strict=True)
        }
        return _Star(orders, narrowed)
    return _Tangle(orders, windows, dates)


class _Order:
    """The nodes of a component as a partial order: the groups of nodes that share a day.

    Each chain puts its nodes in order (each no later than the next). Nodes that these orders
    force onto one day (one is no later than the other and the other no later than the one: a
    node in two places of a chain, or two chains that order shared nodes both ways) are one
    *group*. Group ``g`` is no later than every group in ``above[g]`` and no earlier than every
    group in ``below[g]`` (bit masks, transitive). Each group's window is its nodes' windows
    intersected and narrowed by the order: from the latest first day of any group below it to
    the earliest last day of any above. The windows then allow an order exactly when none is
    empty (every group on its first day is one), which is how the data is checked.

    Raises:
        DataFormatError: The windows allow no order: the changes cannot all happen in order.
    """

    __slots__ = ("above", "below", "group_of", "highs", "lows", "nodes")

    def __init__(
        self,
        orders: list[list[Node]],
        windows: Mapping[Node, tuple[int, int]],
        dates: Dates,
        states: Sequence[str] = (),
    ) -> None:
        self.nodes = list(dict.fromkeys(node for order in orders for node in order))
        self.group_of, self.above, self.below = _grouped(_reach(self.nodes, orders))
        members: list[list[int]] = [[] for _ in self.above]
        for n, g in enumerate(self.group_of):
            members[g].append(n)
        lows = [max(windows[self.nodes[n]][0] for n in group) for group in members]
        highs = [min(windows[self.nodes[n]][1] for n in group) for group in members]
        self.lows = [
            max([lows[g], *(lows[h] for h in _bits(self.below[g]))]) for g in range(len(members))
        ]
        self.highs = [
            min([highs[g], *(highs[h] for h in _bits(self.above[g]))]) for g in range(len(members))
        ]
        if any(low > high for low, high in zip(self.lows, self.highs, strict=True)):
            raise DataFormatError("$.events", _impossible(self.nodes, dates, states))


def _reach(nodes: list[Node], orders: list[list[Node]]) -> list[int]:
    """For each node, the nodes the orders put no earlier than it (itself too), as a bit mask."""
    where = {node: n for n, node in enumerate(nodes)}
    reach = [1 << n for n in range(len(nodes))]
    for order in orders:
        for a, b in pairwise(order):
            reach[where[a]] |= 1 << where[b]
    for k in range(len(nodes)):  # Warshall's transitive closure, a row at a time
        for n in range(len(nodes)):
            if reach[n] >> k & 1:
                reach[n] |= reach[k]
    return reach


def _grouped(reach: list[int]) -> tuple[list[int], list[int], list[int]]:
    """Each node's group, and each group's groups above and below, from `_reach`."""
    group_of: list[int] = []
    for n in range(len(reach)):
        same = next((m for m in range(n) if reach[n] >> m & 1 and reach[m] >> n & 1), None)
        group_of.append(max(group_of, default=-1) + 1 if same is None else group_of[same])
    above = [0] * (max(group_of) + 1)
    below = [0] * len(above)
    for n, row in enumerate(reach):
        for m in _bits(row):
            g, h = group_of[n], group_of[m]
            if g != h:
                above[g] |= 1 << h
                below[h] |= 1 << g
    return group_of, above, below


def _bits(mask: int) -> Iterator[int]:
    """The positions of the set bits of `mask`, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


class _Tangle:
    """The exact uniform sampler of a component whose chains share nodes.

    It counts, as `_Path` does, over the component's partial order of groups (`_Order`), and
    over stretches of days rather than single days. The first and the day after the last day
    of every group's window cut time into *segments*; within one, the same groups may be
    placed. The groups placed before a segment's first day form a *downset* (with each group,
    every group below it), which holds every group whose window has ended and none whose
    window is yet to begin. The groups ``Q`` placed within a segment of ``L`` days can be
    placed in order in ``sum_k e_k * C(L, k)`` ways (``Q``'s order polynomial): ``e_k`` counts
    the ways to split ``Q`` into ``k`` blocks, one per day used, each a downset of ``Q`` once
    the blocks before it are added, and ``C(L, k)`` the ways to choose those days.

    ``steps`` counts forward, segment by segment: for each downset after the segment, the
    downsets it can follow and the cumulative numbers of assignments through each. A draw
    samples backward from the full set: a downset before each segment in proportion to those
    numbers, then a split of the groups placed within it and the days of its blocks, which is
    uniform over the assignments the data allows.

    Its cost is about the square of the number of downsets at a boundary (each pair of one
    before and one after a segment is counted, and each placed set is split), and the number
    of downsets is up to two to the number of groups whose windows hold the boundary. That is
    small for what annotation gives: no shipped version has such a component, and those
    `strategies.datasets` draws have at most about ten nodes, built in a few milliseconds. It
    grows steeply past that: one event shared by seven chains of two changes each before it,
    all with windows of 1,500 days (15 nodes), took about 12 s to build; eight such chains,
    minutes. That shape, the commonest large one, is a `_Star`, built in 0.02 s; a component
    that shares several nodes among many long chains would still be slow.
    """

    __slots__ = ("order", "splits", "steps")

    def __init__(
        self, orders: list[list[Node]], windows: Mapping[Node, tuple[int, int]], dates: Dates
    ) -> None:
        self.order = order = _Order(orders, windows, dates)
        self.splits: dict[int, tuple[list[int], dict[int, list[int]]]] = {}
        groups = sorted(range(len(order.lows)), key=lambda g: order.below[g].bit_count())
        bounds = sorted({*order.lows, *(high + 1 for high in order.highs)})
        counts = {0: 1}  # the downsets before the first segment: only the empty one
        self.steps: list[tuple[int, int, dict[int, tuple[list[int], list[int]]]]] = []
        for start, end in pairwise(bounds):
            ended = sum(1 << g for g in groups if order.highs[g] < end)
            begun = sum(1 << g for g in groups if order.lows[g] < end)
            table: dict[int, tuple[list[int], list[int]]] = {}
            for after in self._downsets(groups, ended, begun):
                befores: list[int] = []
                totals: list[int] = []
                total = 0
                for before, count in counts.items():
                    if before & ~after == 0:
                        ways = count * self._ways(after & ~before, end - start)
                        if ways:
                            total += ways
                            befores.append(before)
                            totals.append(total)
                if total:
                    table[after] = (befores, totals)
            counts = {after: totals[-1] for after, (_, totals) in table.items()}
            self.steps.append((start, end - start, table))

    def _downsets(self, groups: list[int], ended: int, begun: int) -> list[int]:
        """The downsets holding every group of `ended` and only groups of `begun`.

        `groups` are in an order that puts each after every group below it.
        """
        found = [0]
        for g in groups:
            bit = 1 << g
            below = self.order.below[g]
            if ended & bit:
                found = [mask | bit for mask in found]  # its groups below have ended too
            elif begun & bit:
                found += [mask | bit for mask in found if below & ~mask == 0]
        return found

    def _split(self, placed: int) -> tuple[list[int], dict[int, list[int]]]:
        """The downsets of the groups of `placed` alone, and the ways from each to all of them.

        ``ways[mask][k]`` is the number of ways to add the rest of `placed` to ``mask`` in ``k``
        blocks, each block's addition leaving a downset; ``ways[0]`` are the ``e_k``.
        """
        if placed not in self.splits:
            below = self.order.below
            downsets = [0]
            for g in sorted(_bits(placed), key=lambda g: below[g].bit_count()):
                bit = 1 << g
                downsets += [mask | bit for mask in downsets if below[g] & placed & ~mask == 0]
            downsets.sort(key=int.bit_count, reverse=True)
            size = placed.bit_count()
            ways: dict[int, list[int]] = {}
            for mask in downsets:
                counts = [1 if mask == placed else 0] + [0] * size
                for other in downsets:
                    if other != mask and other & mask == mask:
                        for k in range(size):
                            counts[k + 1] += ways[other][k]
                ways[mask] = counts
            self.splits[placed] = downsets, ways
        return self.splits[placed]

    def _ways(self, placed: int, days: int) -> int:
        """The number of ways to place the groups of `placed` in order on `days` days."""
        if not placed:
            return 1
        return sum(
            blocks * comb(days, k) for k, blocks in enumerate(self._split(placed)[1][0]) if k
        )

    def draw(self, rng: random.Random) -> dict[Node, int]:
        """One day per node, uniformly among the assignments that keep every chain in order."""
        days = [0] * len(self.order.lows)
        after = (1 << len(days)) - 1
        for start, length, table in reversed(self.steps):
            befores, totals = table[after]
            before = befores[bisect_right(totals, rng.randrange(totals[-1]))]
            if placed := after & ~before:
                self._place(placed, start, length, rng, days)
            after = before
        group_of = self.order.group_of
        return {node: days[group_of[n]] for n, node in enumerate(self.order.nodes)}

    def _place(
        self, placed: int, start: int, length: int, rng: random.Random, days: list[int]
    ) -> None:
        """Put the groups of `placed` on days of the segment from `start`, uniformly in order."""
        downsets, ways = self._split(placed)
        totals = list(accumulate(blocks * comb(length, k) for k, blocks in enumerate(ways[0])))
        blocks = bisect_right(totals, rng.randrange(totals[-1]))
        mask = 0
        for n, offset in enumerate(sorted(rng.sample(range(length), blocks))):
            left = blocks - n - 1  # the blocks after this one
            options = [
                other
                for other in downsets
                if other != mask and other & mask == mask and ways[other][left]
            ]
            cumulative = list(accumulate(ways[other][left] for other in options))
            chosen = options[bisect_right(cumulative, rng.randrange(cumulative[-1]))]
            for g in _bits(chosen & ~mask):
                days[g] = start + offset
            mask = chosen


def _impossible(nodes: Iterable[Node], dates: Dates, states: Sequence[str]) -> str:
    named = ", ".join(f"{kind} {name!r}" for kind, name in nodes)
    chains = f" of the chains of {', '.join(states)}" if states else ""
    return (
        f"the changes{chains} dated by {named} cannot all happen in order ({dates} dates): "
        "each chain's can alone, but an event that dates changes of several chains, or two of "
        "one, gives them one day, and no days keep every chain in order"
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
