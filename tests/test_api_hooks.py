"""The API reference's hooks: which names become links, and what the guard refuses."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import api_hooks  # noqa: E402 -- a script, not a package module

KNOWN = api_hooks._known()  # noqa: SLF001 -- the targets the pages link to
IN_CODE = api_hooks.Scope(ambiguous=api_hooks.ambiguous_in_code())
IN_PROSE = api_hooks.Scope(ambiguous=api_hooks.ambiguous_in_prose())


@pytest.mark.parametrize(
    ("text", "scope", "target"),
    [
        ("Dataset", IN_PROSE, "taliban_recognition.Dataset"),
        ("tr.load", IN_PROSE, "taliban_recognition.load"),
        ("status_of", IN_PROSE, "taliban_recognition.Dataset.status_of"),
        ("to_dataframes()", IN_PROSE, "taliban_recognition.Dataset.to_dataframes"),
        ("Panel.export", IN_PROSE, "taliban_recognition.Panel.export"),
        ("Event.corroboration", IN_PROSE, "taliban_recognition.Event.corroboration"),
        ("recognizes", IN_PROSE, None),  # a field of RecognitionPeriod, and a column
        ("recognizes()", IN_PROSE, "taliban_recognition.Dataset.recognizes"),
        ("diff", IN_PROSE, None),  # a command too
        ("diff", IN_CODE, "taliban_recognition.diff"),
        ("country", IN_CODE, "taliban_recognition.country"),
        ("events", IN_CODE, None),  # a field, not a query
        ("Dataset.nothing", IN_CODE, None),
        ("datetime.date", IN_CODE, None),
        ("country", api_hooks.Scope(parameters=frozenset({"country"})), None),
        ("notes", api_hooks.Scope(cls="Source"), "taliban_recognition.Source.notes"),
        ("datasets", api_hooks.Scope(strategies=True), "taliban_recognition.strategies.datasets"),
        ("datasets", IN_PROSE, None),
    ],
)
def test_a_backticked_name_links_to_its_entry_where_it_is_unambiguous(
    text: str, scope: api_hooks.Scope, target: str | None
) -> None:
    assert api_hooks.resolve(text, scope, KNOWN) == target


def test_code_headings_sessions_and_links_are_left_alone() -> None:
    markdown = textwrap.dedent(
        """\
        # `Dataset`
        Get a `Dataset` with `load`; ``Dataset`` is a literal.
        [the `Dataset`](api/dataset.md) and [`load`][taliban_recognition.load] are links.
        ```python
        `Dataset`
        ```
        >>> `Dataset`
        `Dataset`

        After: `Panel`."""
    )
    linked = api_hooks.link_names(markdown, IN_PROSE, KNOWN).split("\n")
    assert linked[0] == "# `Dataset`"
    assert linked[1] == (
        "Get a [`Dataset`][taliban_recognition.Dataset] with [`load`][taliban_recognition.load];"
        " ``Dataset`` is a literal."
    )
    assert linked[2:8] == markdown.split("\n")[2:8]
    assert linked[9] == "After: [`Panel`][taliban_recognition.Panel]."


SIGNATURE = '<div class="doc-signature highlight"><pre><code>{}</code></pre></div>'


def function(signature: str, *, returns: bool) -> str:
    section = '<p><span class="doc-section-title">Returns:</span></p>' if returns else ""
    return (
        '<div class="doc doc-object doc-function">'
        '<h3 id="taliban_recognition.f" class="doc doc-heading">f</h3>'
        f"{SIGNATURE.format(signature)}"
        f'<div class="doc doc-contents"><p>Does f.</p>{section}</div></div>'
    )


def test_the_guard_passes_types_and_documented_returns() -> None:
    page = function("f(day: date | None = None) -&gt; Dataset", returns=True)
    page += function("g(x: int) -&gt; None", returns=False)
    page += "<pre><code>import datetime as dt\n_private = dt.date(2025, 1, 1)</code></pre>"
    assert api_hooks.problems(page) == []


@pytest.mark.parametrize(
    ("page", "problem"),
    [
        (
            SIGNATURE.format("sha256 = field(validator=_check_id)"),
            "a field's declaration (field(...)) shown 1 times",
        ),
        (
            SIGNATURE.format("sha256 = attrs.field(validator=_check_id)"),
            "a field's declaration (field(...)) shown 1 times",
        ),
        (SIGNATURE.format("kind: str = _KIND"), "private names in signatures or types: _KIND"),
        (
            SIGNATURE.format("on: dt.date | None = None"),
            "the dt alias in place of datetime: dt.date",
        ),
        (
            function("f() -&gt; tuple[str, ...]", returns=False),
            "taliban_recognition.f returns tuple[str, ...] but has no Returns section",
        ),
    ],
)
def test_the_guard_names_code_where_a_type_belongs(page: str, problem: str) -> None:
    assert problem in api_hooks.problems(page)
