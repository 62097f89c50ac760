"""The examples in docstrings and in the README run and say what they claim."""

from __future__ import annotations

import argparse
import doctest
import importlib
import pkgutil
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest

import taliban_recognition
from taliban_recognition import strategies

MODULES = ["taliban_recognition"] + [
    f"taliban_recognition.{m.name}"
    for m in pkgutil.iter_modules(taliban_recognition.__path__)
    if m.name != "__main__"
]
README = Path(__file__).parent.parent / "README.md"
PYPROJECT = README.parent / "pyproject.toml"


def docstring_tests() -> list[doctest.DocTest]:
    """Every example in the modules' and the public objects' docstrings, methods included."""
    finder = doctest.DocTestFinder(exclude_empty=True)
    # The package's public names, as `from taliban_recognition import *` gives them.
    globs = {name: getattr(taliban_recognition, name) for name in taliban_recognition.__all__}
    tests = [
        test
        for name in MODULES
        for test in doctest.DocTestFinder(recurse=False).find(importlib.import_module(name))
        if test.examples
    ]
    # module=False: the public objects report the package as their module, so the default
    # finder would skip the methods of classes defined in the private modules.
    public_names = [(taliban_recognition, n) for n in taliban_recognition.__all__]
    public_names += [(strategies, n) for n in strategies.__all__]
    for module, name in public_names:
        public = getattr(module, name)
        if callable(public):
            found = finder.find(public, name, module=False, globs=dict(globs))
            tests += [test for test in found if test.examples]
    return tests


DOCTESTS = docstring_tests()


@pytest.mark.parametrize("test", DOCTESTS, ids=[t.name for t in DOCTESTS])
def test_docstring_examples(test: doctest.DocTest) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0


def test_the_main_functions_have_examples() -> None:
    names = {t.name.rsplit(".", 1)[-1] for t in DOCTESTS}
    assert {
        "load",
        "versions",
        "country",
        "status_of",
        "possible_statuses",
        "recognizers",
        "find_events",
        "FuzzyDate",
        "Dataset",
        "recognition_periods",
        "possible_recognitions",
        "recognizes",
        "representation_periods",
        "possible_levels",
        "representation_of",
    } <= names


def test_every_public_name_has_a_docstring() -> None:
    for name in taliban_recognition.__all__:
        public = getattr(taliban_recognition, name)
        if name.endswith("Query") or name.isupper():
            continue  # type aliases and constants; documented where they are defined
        assert public.__doc__, name
        assert public.__module__ == "taliban_recognition", name


def test_all_is_sorted() -> None:
    # Constants, then classes, then functions, each in alphabetical order, as ruff sorts it.
    def group(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2), name

    assert taliban_recognition.__all__ == sorted(taliban_recognition.__all__, key=group)


PAGES = [README, *sorted((README.parent / "docs").rglob("*.md"))]
BLOCK = re.compile(r"```(python|console)\n(.*?)```", re.DOTALL)
SCRIPT = shutil.which("taliban-recognition", path=str(Path(sys.executable).parent))


def run_session(block: str, name: str, names: dict[str, object]) -> None:
    """Run a block written as a Python session (>>>): it must print what it shows."""
    test = doctest.DocTestParser().get_doctest(block, names, name, name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test, clear_globs=False)
    names.update(test.globs)  # DocTest runs on a copy
    assert runner.failures == 0


def run_console(block: str) -> None:
    """Run each ``$ taliban-recognition ...`` line: it must print the lines that follow it."""
    assert SCRIPT is not None
    commands = re.split(r"^\$ ", block, flags=re.MULTILINE)
    assert commands[0] == "", "a console block starts with a command"
    for command in commands[1:]:
        line, _, shown = command.partition("\n")
        program, *args = shlex.split(line)
        assert program == "taliban-recognition"
        result = subprocess.run(
            [SCRIPT, *args], capture_output=True, text=True, encoding="utf-8", check=False
        )
        assert result.returncode == (2 if ": error: " in shown else 0), result.stderr
        assert result.stdout + result.stderr == shown, line


@pytest.mark.parametrize(
    "page", PAGES, ids=[p.relative_to(README.parent).as_posix() for p in PAGES]
)
def test_examples_in_readme_and_docs_run(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every python and console block runs, in page order, in a fresh working directory.

    Sessions (>>>) and console blocks must print what they show; other Python blocks must run.
    A page's Python blocks share their names, as a reader's session would.
    """
    monkeypatch.chdir(tmp_path)  # so that exports written by one block are read by the next
    names: dict[str, object] = {}
    blocks = BLOCK.findall(page.read_text(encoding="utf-8"))
    for number, (language, block) in enumerate(blocks):
        name = f"{page.name} block {number}"
        if language == "console":
            run_console(block)
        elif ">>>" in block:
            run_session(block, name, names)
        else:
            exec(compile(block, name, "exec"), names)  # noqa: S102


def test_the_readme_names_the_pythons_the_package_supports_and_ci_tests() -> None:
    sys.path.insert(0, str(README.parent / "scripts"))
    try:
        import pythons  # noqa: PLC0415 -- scripts/pythons.py, which .ci/run asks
    finally:
        sys.path.remove(str(README.parent / "scripts"))
    supported = pythons.supported()
    assert supported[0] == "3.10"
    named = ", ".join(supported[:-1]) + f" and {supported[-1]}"
    readme = README.read_text(encoding="utf-8")
    assert f"Supported and tested: Python {named}." in " ".join(readme.split())
    requires = re.search(r'^requires-python = "(.*)"$', PYPROJECT.read_text(), re.MULTILINE)
    assert requires is not None
    assert requires[1] == f">={supported[0]}"


EXPORTS = README.parent / "docs" / "exports.md"


def test_the_exports_page_names_every_file_an_export_writes(tmp_path: Path) -> None:
    page = EXPORTS.read_text(encoding="utf-8")
    for version in taliban_recognition.versions():
        dataset = taliban_recognition.load(version)
        for format in ("csv", "datapackage", "json"):  # noqa: A001 -- the argument's name
            for path in dataset.export(tmp_path / version / format, format=format):
                assert f"`{path.name.replace(version, '<version>')}`" in page, (version, path)
    newest = taliban_recognition.load()
    draws = newest.draws(2, seed=0)
    formats: tuple[Literal["csv", "datapackage", "parquet", "stata"], ...]
    formats = ("csv", "datapackage", "parquet", "stata")
    for freq in ("day", "month", "year"):
        state = newest.panel(freq, countries=["RU"])
        dyad = newest.dyad_panel(freq, countries=["RU"], draws=draws)
        for panel in (state, dyad):
            for format in formats:  # noqa: A001 -- the argument's name
                for path in panel.export(tmp_path / freq / panel.name / format, format=format):
                    stem, _, suffix = path.name.partition(".")
                    named = f"`{path.name}`" in page or f"`<name>.{suffix}`" in page
                    assert named, path
                    assert f"`{stem}`" in page or f"`{path.name}`" in page, path


def test_the_exports_page_gives_every_subcommand_a_row() -> None:
    from taliban_recognition import _cli  # noqa: PLC0415 -- the parser, as the command builds it

    page = EXPORTS.read_text(encoding="utf-8")
    (commands,) = [
        action.choices
        for action in _cli.parser()._actions  # noqa: SLF001 -- argparse lists them nowhere else
        if isinstance(action, argparse._SubParsersAction)  # noqa: SLF001
    ]
    assert "diff" in commands
    assert "panel" in commands
    for name in commands:
        assert f"\n| `{name}" in page, name


def test_the_testing_guide_documents_every_strategy() -> None:
    guide = (README.parent / "docs" / "testing.md").read_text(encoding="utf-8")
    for name in strategies.__all__:
        assert f"\n        - {name}\n" in guide, name  # in its reference's members
        assert f"`{name}(" in guide, name  # and in its words
