"""Sensitivity draws: consistent with the data, uniform over what it allows, reproducible."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from itertools import accumulate, pairwise, product

import hypothesis
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition._draws import Node, _Path, _Plan, _sampler, _Star, _Tangle, node_of
from taliban_recognition._model import DATES, Dates
from taliban_recognition.strategies import datasets

WHOLE_DATASETS = settings(max_examples=max(25, settings().max_examples // 4))

LATEST = tr.load("2.0.0")


def narrowed(raw: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The windows of changes in order, narrowed as `_chains.chain` narrows them."""
    lows = list(accumulate((low for low, _ in raw), max))
    highs = list(accumulate((high for _, high in reversed(raw)), min))[::-1]
    return list(zip(lows, highs, strict=True))


def ordered(windows: list[tuple[int, int]], orders: list[list[int]]) -> set[tuple[int, ...]]:
    """Every assignment of days to the nodes within their windows that keeps each order."""
    return {
        days
        for days in product(*(range(low, high + 1) for low, high in windows))
        if all(days[a] <= days[b] for order in orders for a, b in pairwise(order))
    }


@st.composite
def chain_windows(draw: st.DrawFn) -> list[tuple[int, int]]:
    """One chain's windows, each a few days, that allow at least one order."""
    raw = []
    for _ in range(draw(st.integers(1, 3))):
        low = draw(st.integers(0, 6))
        raw.append((low, low + draw(st.integers(0, 3))))
    windows = narrowed(raw)
    if any(low > high for low, high in windows):
        return narrowed(sorted(raw))  # sorted by their first days, they always allow one
    return windows


DRAWS = 4_000
"""Draws per example: with at most 60 allowed assignments, the chance that a uniform sampler
misses one is below 60 (1 - 1/60)^4000 < 1e-27."""


@given(windows=chain_windows(), seed=st.integers())
def test_one_chain_is_drawn_over_every_allowed_order_and_only_those(
    windows: list[tuple[int, int]], seed: int
) -> None:
    allowed = ordered(windows, [list(range(len(windows)))])
    if not allowed or len(allowed) > 60:
        return
    rng = random.Random(seed)  # noqa: S311 -- reproducible, not secret
    sampler = _Path(windows)
    drawn = {tuple(sampler.draw(rng)) for _ in range(DRAWS)}
    assert drawn == allowed


Component = tuple[list[list[Node]], dict[Node, tuple[int, int]]]
"""Chains as lists of the nodes that date their changes, and each node's window."""


@st.composite
def tangles(draw: st.DrawFn) -> Component:
    """Chains whose changes share nodes, in any order, and each node's window of a few days.

    Chains may share several nodes, order two of them both ways (which puts them on one
    day), or hold one node twice; the windows may allow no order at all.
    """
    pool = [("event", f"e{n}") for n in range(draw(st.integers(2, 5)))]
    orders = draw(
        st.lists(st.lists(st.sampled_from(pool), min_size=1, max_size=3), min_size=1, max_size=3)
    )
    windows = {}
    for node in dict.fromkeys(node for order in orders for node in order):
        low = draw(st.integers(0, 5))
        windows[node] = (low, low + draw(st.integers(0, 3)))
    return orders, windows


def drawn_over_every_allowed_order(component: Component, seed: int) -> type:
    """Check a component's sampler against brute force: it refuses a component that allows
    no order, and otherwise draws every allowed assignment and only those. Its type."""
    orders, windows = component
    names = list(windows)
    allowed = ordered(
        [windows[n] for n in names], [[names.index(n) for n in order] for order in orders]
    )
    if not allowed:
        with pytest.raises(tr.DataFormatError, match="cannot all happen in order"):
            _sampler(orders, windows, "stated")
        return type(None)
    sampler = _sampler(orders, windows, "stated")  # any data that allows an order is drawn
    if len(allowed) <= 60:
        rng = random.Random(seed)  # noqa: S311 -- reproducible, not secret
        drawn = set()
        for _ in range(DRAWS):
            days = sampler.draw(rng)
            drawn.add(tuple(days[n] for n in names))
        assert drawn == allowed
    return type(sampler)


@given(tangle=tangles(), seed=st.integers())
def test_chains_that_share_nodes_are_drawn_over_every_allowed_order_and_only_those(
    tangle: Component, seed: int
) -> None:
    hypothesis.event(drawn_over_every_allowed_order(tangle, seed).__name__)


@st.composite
def stars(draw: st.DrawFn) -> Component:
    """Two to four chains that share one node and nothing else, with windows of a few days."""
    shared: Node = ("event", "s")
    orders = []
    for chain in range(draw(st.integers(2, 4))):
        before = [("period", f"c{chain}-b{n}") for n in range(draw(st.integers(0, 2)))]
        after = [("period", f"c{chain}-a{n}") for n in range(draw(st.integers(0, 1)))]
        orders.append([*before, shared, *after])
    windows = {}
    for node in dict.fromkeys(node for order in orders for node in order):
        low = draw(st.integers(0, 4))
        windows[node] = (low, low + draw(st.integers(0, 2)))
    return orders, windows


@given(star=stars(), seed=st.integers())
def test_chains_that_share_one_node_are_drawn_by_the_shared_day_exactly(
    star: Component, seed: int
) -> None:
    # Conditioned on the shared day, not counted over downsets (or refused).
    assert drawn_over_every_allowed_order(star, seed) in {_Star, type(None)}


@pytest.mark.parametrize("kind", [_Tangle, _sampler])
def test_chains_that_share_a_node_are_drawn_uniformly(kind: object) -> None:
    # Two chains a < s < b and c < s < d share s; 7-day windows allow 1,092 assignments, too
    # many to see each, so the statistic is over s's day, whose law is known by counting.
    week = (0, 6)
    orders = [[("event", "a"), ("event", "s"), ("event", "b")]]
    orders.append([("event", "c"), ("event", "s"), ("event", "d")])
    windows = dict.fromkeys([node for order in orders for node in order], week)
    law = Counter(days[1] for days in ordered(list(windows.values()), [[0, 1, 2], [3, 1, 4]]))
    rng = random.Random(20261202)  # noqa: S311 -- reproducible, not secret
    sampler = kind(orders, windows, "corroborated")  # type: ignore[operator]
    assert isinstance(sampler, _Tangle if kind is _Tangle else _Star)
    n = 30_000
    counts = Counter(sampler.draw(rng)[("event", "s")] for _ in range(n))
    total = sum(law.values())
    assert total == 1_092  # the sum over s = k of ((k + 1) * (7 - k)) ** 2
    chi_square = sum(
        (counts[day] - n * ways / total) ** 2 / (n * ways / total) for day, ways in law.items()
    )
    assert chi_square < 30  # 7 cells, 6 degrees of freedom: p < 1e-4 above 30


def test_a_chain_is_drawn_uniformly() -> None:
    # Two changes in order in the windows [0, 3] and [1, 4]: 13 allowed pairs, each of which
    # should come up about equally often; with a fixed seed the statistic is fixed.
    windows = narrowed([(0, 3), (1, 4)])
    allowed = ordered(windows, [[0, 1]])
    rng = random.Random(20251201)  # noqa: S311 -- reproducible, not secret
    sampler = _Path(windows)
    n = 30_000
    counts = Counter(tuple(sampler.draw(rng)) for _ in range(n))
    assert set(counts) == allowed
    expected = n / len(allowed)
    chi_square = sum((count - expected) ** 2 / expected for count in counts.values())
    assert chi_square < 40  # 13 cells, 12 degrees of freedom: p < 1e-4 above 40


@WHOLE_DATASETS
@given(dataset=datasets(), dates=st.sampled_from(DATES), seed=st.integers())
def test_every_draw_is_consistent_with_the_data(
    dataset: tr.Dataset, dates: Dates, seed: int
) -> None:
    assert_consistent_draws(dataset, dates, seed)


@WHOLE_DATASETS
@given(
    dataset=datasets(max_events=2, max_states=10), dates=st.sampled_from(DATES), seed=st.integers()
)
def test_every_dataset_that_loads_can_be_drawn_from_where_chains_share_events(
    dataset: tr.Dataset, dates: Dates, seed: int
) -> None:
    # With few events, many chains' changes are brought by the same one: the components a
    # draw takes whole, which the loader requires to be orderable together.
    plan = _Plan(dataset, dataset._indices, dates)  # noqa: SLF001
    hypothesis.event("a component whose chains share nodes" if plan.tangles else "chains apart")
    assert_consistent_draws(dataset, dates, seed)


def assert_consistent_draws(dataset: tr.Dataset, dates: Dates, seed: int) -> None:
    """Each of three draws puts every event and change within its window, in order."""
    draws = dataset.draws(3, seed=seed, dates=dates)
    for found in draws:
        assert found.dates == dates
        assert set(found.events) == {event.id for event in dataset.events}
        for event in dataset.events:
            window = event.date_for(dates)
            assert window.earliest <= found.events[event.id] <= window.latest
        units = [
            *dataset._indices.periods.values(),  # noqa: SLF001
            *(p for d in tr.Direction for p in dataset._indices.directions.get(d, {}).values()),  # noqa: SLF001
        ]
        for periods in units:
            changes = [found.day(node_of(period, n)) for n, period in enumerate(periods) if n]  # type: ignore[arg-type]
            starts = [
                dataset.event(p.events[0]).date_for(dates) if p.events else p.start
                for p in periods[1:]
            ]
            assert changes == sorted(changes)
            assert all(
                s.earliest <= day <= s.latest for s, day in zip(starts, changes, strict=True)
            )
            assert all(periods[0].start.earliest <= day for day in changes)
    span = min(dataset.as_of, dataset.coverage_start + dt.timedelta(days=20))
    panel = dataset.panel("day", end=span, draws=draws)
    assert panel.draws == ((seed, 1), (seed, 2), (seed, 3))
    assert len(panel) == 3 * len(dataset.panel("day", end=span, dates=dates))
    for row in panel.to_records():
        possible = {
            s.value
            for s in dataset.possible_statuses(row["country_alpha_2"], row["date"], dates=dates)
        }
        if row["status"] != "unknown":
            assert row["status"] in possible
        assert {row["status_min"], row["status_max"]} <= possible
        if dataset.statuses:  # 1.x: a status is recorded, so a drawn day leaves none unknown
            assert row["status"] != "unknown"


def test_draws_are_reproducible_and_each_depends_only_on_its_number() -> None:
    ten = LATEST.draws(10, seed=42)
    assert LATEST.draws(3, seed=42) == ten[:3]
    assert [d.number for d in ten] == list(range(1, 11))
    assert LATEST.draws(3, seed=43) != ten[:3]
    assert len({d.events["china-posts-ambassador"] for d in ten}) > 1


@pytest.mark.parametrize("version", tr.versions())
@pytest.mark.parametrize("dates", DATES)
def test_every_shipped_version_draws_under_both_readings(version: str, dates: Dates) -> None:
    dataset = tr.load(version)
    (found,) = dataset.draws(1, seed=0, dates=dates)
    assert len(dataset.panel("year", draws=[found])) == len(dataset.panel("year", dates=dates))


def test_draws_of_two_seeds_stack_and_the_panel_says_which() -> None:
    first, second = LATEST.draws(2, seed=1), LATEST.draws(2, seed=2)
    panel = LATEST.panel("year", countries=["CN"], draws=[*first, *second])
    assert panel.draws == ((1, 1), (1, 2), (2, 1), (2, 2))
    assert [(r["seed"], r["draw"]) for r in panel.to_records()][::5] == list(panel.draws)
    assert "seed 1, 2" in panel.table().description
    with pytest.raises(AttributeError):
        panel.draws = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        first[0].dates = "corroborated"  # type: ignore[misc]
    assert first[0] != second[0]
    assert first[0] == LATEST.draws(1, seed=1)[0]
    assert hash(first[0]) == hash(LATEST.draws(1, seed=1)[0])


def test_numpy_integers_are_whole_numbers() -> None:
    import numpy as np  # noqa: PLC0415 -- a test dependency, through pandas

    assert LATEST.draws(np.int64(2), seed=np.int32(5)) == LATEST.draws(2, seed=5)  # type: ignore[arg-type]


def test_a_draw_keeps_each_window_of_the_article() -> None:
    for found in LATEST.draws(200, seed=1):
        welcome = found.events["russia-accepts-taliban-ambassador"]
        assert dt.date(2025, 4, 1) <= welcome <= dt.date(2025, 7, 3)  # [2025-04..2025-07-03]
        assert found.events["russia-recognizes-taliban"] == dt.date(2025, 7, 3)
        assert dt.date(2021, 8, 1) <= found.events["china-posts-ambassador"] <= dt.date(2025, 7, 3)


def test_a_year_panel_over_draws_moves_where_the_dates_are_open() -> None:
    draws = LATEST.draws(50, seed=3)
    frame = LATEST.panel("year", countries=["CN"], draws=draws).to_dataframe()
    assert frame["draw"].tolist() == [n for n in range(1, 51) for _ in range(5)]
    by_year = frame.groupby("year")["status_code"].apply(lambda s: set(s.dropna()))
    assert by_year[2025] == {1}  # China's ambassador is in Kabul on the reference day in every draw
    # The posting is dated [2021-08..2025-07-03]: in some draws it comes by the end of 2022
    # (de facto engagement), in others after (nothing recorded of China's mission: unknown).
    at_2022 = frame[frame.year == 2022].status_code
    assert at_2022.isna().any()
    assert (at_2022 == 1).any()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"n": 0, "seed": 1}, "n must be an int from 1 to 10,000"),
        ({"n": 10_001, "seed": 1}, "n must be an int from 1 to 10,000"),
        ({"n": True, "seed": 1}, "n must be an int from 1 to 10,000"),
        ({"n": 2, "seed": 1.5}, "seed must be an int"),
        ({"n": 2, "seed": None}, "seed must be an int"),
    ],
)
def test_bad_draw_arguments_say_what_is_valid(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(tr.InvalidArgumentError, match=message):
        LATEST.draws(**arguments)  # type: ignore[arg-type]
