"""The strategies module: importable with the extra, a clear error without it."""

from __future__ import annotations

import subprocess
import sys


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
