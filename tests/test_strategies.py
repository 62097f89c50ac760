"""The strategies module: importable with the extra, a clear error without it."""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition import strategies

SOURCE = tr.load("1.0.0").sources[0]
CONTEXT: dict[str, Any] = {
    "state": tr.country("CN"),
    "coverage_start": dt.date(2021, 8, 1),
    "as_of": dt.date(2025, 7, 3),
    "texts_of": (SOURCE,),
}
"""Valid arguments of the chain strategies."""
SMALL = settings(max_examples=max(10, settings().max_examples // 5))
"""For properties of whole datasets that check little: a fifth of the profile's examples."""


def test_import_without_hypothesis_names_the_extra() -> None:
    # A None entry in sys.modules makes the import of hypothesis fail, as if not installed.
    script = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    import taliban_recognition.strategies\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert "needs Hypothesis" in result.stdout
    assert 'pip install "taliban-recognition[strategies]"' in result.stdout


def test_the_package_imports_without_hypothesis() -> None:
    script = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "import taliban_recognition as tr\n"
        "print(tr.load('1.0.0').status_of('RU').name)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "FORMAL_RECOGNITION"


def test_datasets_import_as_documented() -> None:
    from taliban_recognition.strategies import datasets  # noqa: PLC0415 -- the documented line

    assert callable(datasets)


@pytest.mark.parametrize(
    ("make", "arguments", "problem"),
    [
        (strategies.datasets, {"max_events": "8"}, "max_events must be a whole number"),
        (strategies.datasets, {"max_states": -1}, "max_states must be a whole number"),
        (strategies.countries, {"codes": 1}, "codes must be True or False"),
        (strategies.fuzzy_dates, {"min_value": "2020-01-01"}, "min_value must be a datetime.date"),
        (strategies.sources, {"id": "abc"}, "id must be a Hypothesis strategy"),
        (strategies.evidence, {"source": "text"}, "source must be a Source"),
        (strategies.datasets, {"version": "2.0"}, "version must be a dataset version"),
        (strategies.datasets, {"version": 2}, "version must be a dataset version"),
        (strategies.datasets, {"version": ["2.0.0"]}, "version must be a dataset version"),
        (
            strategies.representation_chains,
            {**CONTEXT, "direction": "state_in_afghanistan"},
            "direction must be a Direction",
        ),
        (strategies.recognition_chains, {**CONTEXT, "as_of": "2025-07-03"}, "as_of must be a"),
    ],
)
def test_a_strategy_checks_its_arguments_when_called_not_when_drawn(
    make: Any, arguments: dict[str, object], problem: str
) -> None:
    with pytest.raises(tr.InvalidArgumentError, match=problem):
        make(**arguments)


class Pinned(str, enum.Enum):
    """A str enum, as a caller's table of versions may hold."""

    NEWEST = "2.0.0"


@SMALL
@given(strategies.datasets(max_events=2, max_states=2, version=Pinned.NEWEST))
def test_a_pinned_version_is_the_version_of_every_draw(dataset: tr.Dataset) -> None:
    assert type(dataset.version) is str
    assert dataset.version == "2.0.0"
    assert dataset.statuses == ()
    assert {p.country for p in dataset.recognitions} == {p.country for p in dataset.representations}


@SMALL
@given(strategies.datasets(max_events=2, max_states=2, version=st.sampled_from(["1.2.0", "3.1.4"])))
def test_a_version_strategy_gives_each_draw_its_version_and_schema(dataset: tr.Dataset) -> None:
    assert dataset.version in {"1.2.0", "3.1.4"}
    if dataset.version == "1.2.0":
        assert not dataset.recognitions
        assert not dataset.representations
    else:
        assert not dataset.statuses
        covered = {p.country for p in dataset.recognitions}
        for direction in tr.Direction:
            assert {p.country for p in dataset.representations if p.direction is direction} == (
                covered
            )


def test_a_version_strategy_that_draws_no_version_is_refused_when_drawn() -> None:
    @settings(max_examples=1, database=None)
    @given(strategies.datasets(version=st.just("2.0")))
    def draw(dataset: tr.Dataset) -> None:
        raise AssertionError(dataset)  # never reached: the draw is refused

    with pytest.raises(tr.InvalidArgumentError, match="version must be a strategy that draws"):
        draw()


def follow_on(chain: tuple[Any, ...], value: str) -> None:
    """Check that `chain` is one unit's periods from coverage_start, each value new."""
    assert chain
    assert chain[0].start.earliest == CONTEXT["coverage_start"]
    assert all(p.country == CONTEXT["state"] for p in chain)
    assert [p.end for p in chain] == [p.start for p in chain[1:]] + [None]
    values = [getattr(p, value) for p in chain]
    assert all(one != other for one, other in itertools.pairwise(values))
    assert len({p.id for p in chain}) == len(chain)
    assert all(SOURCE.text[q.start : q.end] == q.quote for p in chain for q in p.evidence)


@given(st.data())
def test_recognition_chains_alternate_from_coverage_start(data: st.DataObject) -> None:
    chain = data.draw(strategies.recognition_chains(**CONTEXT))
    follow_on(chain, "recognizes")
    assert [p.id for p in chain] == [f"cn-{n}" for n in range(1, len(chain) + 1)]


@given(st.sampled_from(tr.Direction), st.data())
def test_representation_chains_are_of_their_direction(
    direction: tr.Direction, data: st.DataObject
) -> None:
    chain = data.draw(strategies.representation_chains(direction=direction, **CONTEXT))
    follow_on(chain, "level")
    assert all(p.direction is direction for p in chain)
    prefix = f"cn-{direction.value.replace('_', '-')}-"
    assert [p.id for p in chain] == [f"{prefix}{n}" for n in range(1, len(chain) + 1)]
