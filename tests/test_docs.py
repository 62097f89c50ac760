"""The examples in docstrings and in the README run and say what they claim."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import taliban_recognition

MODULES = ["taliban_recognition"] + [
    f"taliban_recognition.{m.name}" for m in pkgutil.iter_modules(taliban_recognition.__path__)
    if m.name != "__main__"
]
README = Path(__file__).parent.parent / "README.md"


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_every_public_name_has_a_docstring() -> None:
    for name in taliban_recognition.__all__:
        public = getattr(taliban_recognition, name)
        if name.endswith("Query"):
            continue  # type aliases; documented in the module that defines them
        assert public.__doc__, name
        assert public.__module__ == "taliban_recognition", name


def test_all_is_sorted() -> None:
    assert taliban_recognition.__all__ == sorted(taliban_recognition.__all__)


def test_readme_examples_run() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks
    for block in blocks:
        parser = doctest.DocTestParser()
        test = parser.get_doctest(block, {}, "README", str(README), 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        runner.run(test)
        assert runner.failures == 0
        assert test.examples
