"""Hypothesis profiles: a fast one for local runs, a thorough one that CI selects.

Neither has a deadline: it measures the machine's speed, which on a shared, busy machine says
nothing about the code (the benchmark checks speed). Every health check stays on; without a
deadline, the one on slow generation allows 30 seconds for the first ten examples, which only a
truly slow strategy takes. Properties over whole datasets size their examples from the
profile's (see `WHOLE_DATASETS` in test_properties.py).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from taliban_recognition._reader import quote_id

if TYPE_CHECKING:
    from collections.abc import Callable

    import taliban_recognition as tr

settings.register_profile("fast", max_examples=50, deadline=None)
settings.register_profile("ci", max_examples=400, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


def _check_shared(dataset: tr.Dataset) -> None:
    """Each country, quote and actor a 2.x file names by id is one object wherever it is used,
    as the file stores it once: a reader that made a copy for each use would pass every check of
    equality and hold the data many times over."""
    periods: list[tr.RecognitionPeriod | tr.RepresentationPeriod]
    periods = [*dataset.recognitions, *dataset.representations]
    countries: dict[str, tr.Country] = {}
    for record in [*periods, *dataset.actors]:
        if record.country is not None:
            assert countries.setdefault(record.country.alpha_2, record.country) is record.country
    quotes: dict[str, tr.Evidence] = {}
    for cited in [*dataset.events, *periods]:
        for item in cited.evidence:
            assert quotes.setdefault(quote_id(item), item) is item, quote_id(item)
    for event in dataset.events:
        assert event.actor is dataset.actor(event.actor.id)
        assert event.target is None or event.target is dataset.actor(event.target.id)


@pytest.fixture(scope="session")
def check_shared() -> Callable[[tr.Dataset], None]:
    """`_check_shared`, for the tests of both readers of 2.x files (session-scoped, so that
    Hypothesis tests may take it)."""
    return _check_shared


_MEMOS = ("possible", "queried")
"""The slots of `Indices` that queries fill (what they have answered), not loading."""


def _state(value: object) -> object:
    """`value` with every `Chain` and `Indices` in it made comparable: their slots' values."""
    from taliban_recognition._chains import Chain  # noqa: PLC0415 -- the tests' own helper
    from taliban_recognition._invariants import Indices  # noqa: PLC0415

    if isinstance(value, Chain | Indices):
        slots = [name for name in type(value).__slots__ if name not in _MEMOS]
        return (type(value).__name__, {name: _state(getattr(value, name)) for name in slots})
    if isinstance(value, dict):  # in order: the order of an index is the order of its answers
        return [(key, _state(item)) for key, item in value.items()]
    if isinstance(value, tuple | list):
        return [_state(item) for item in value]
    if type(value).__name__ == "array":
        return list(value)  # type: ignore[call-overload]
    return value


def _check_indices(dataset: tr.Dataset) -> None:
    """The dataset's indices are those of the same records with every check run: the unchecked
    reader of shipped files (`_reader`) builds them without the checks."""
    from taliban_recognition._invariants import Indices  # noqa: PLC0415

    built = dataset._indices  # noqa: SLF001 -- what a load built
    assert _state(built) == _state(Indices(dataset, checked=True))
    assert _state(built) == _state(Indices(dataset, checked=False))


@pytest.fixture(scope="session")
def check_indices() -> Callable[[tr.Dataset], None]:
    """`_check_indices`, for the tests of both readers (session-scoped, as `check_shared`)."""
    return _check_indices
