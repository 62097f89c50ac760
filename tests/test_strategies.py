"""The strategies module: importable with the extra, a clear error without it."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

import taliban_recognition as tr
from taliban_recognition import strategies


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
    ],
)
def test_a_strategy_checks_its_arguments_when_called_not_when_drawn(
    make: Any, arguments: dict[str, object], problem: str
) -> None:
    with pytest.raises(tr.InvalidArgumentError, match=problem):
        make(**arguments)
