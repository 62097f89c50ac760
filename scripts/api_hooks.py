"""The API reference (``docs/api/``): names in prose become links, and a guard keeps it typed.

Two parts, both named in ``mkdocs.yml``:

- A Griffe extension (`LinkNames`, under the mkdocstrings handler's ``extensions``) and an
  mkdocs hook (`on_page_markdown`, under ``hooks``) turn a backticked public name, such as
  `` `Dataset` ``, `` `status_of` `` or `` `Panel.export()` ``, into a cross-reference to its
  entry in the reference, in docstrings and in the pages alike. Docstrings are read in their
  scope: a function's own parameters stay plain, and a class's members are found by their
  bare names. Code blocks, headings and text that is already a link are left alone, and so
  are bare names that also name a record field, an exported column or a command (`country`,
  `recognizes`, `diff`): in a page, nothing says which one is meant.
- `on_post_page` fails the build when an API page shows code where a type belongs: a
  field's declaration (``= field(``), a private name (``_check_id``) in a signature or a type, the
  module alias ``dt.`` for ``datetime``, or a method that returns something and has no
  Returns section.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import inspect
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs
import griffe
from mkdocs.exceptions import PluginError

import taliban_recognition as tr
from taliban_recognition._cli import _COMMAND_NAMES
from taliban_recognition._tables import TABLES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "taliban_recognition"

# Which names link where -----------------------------------------------------------------------


def _final(obj: griffe.Object | griffe.Alias) -> griffe.Object:
    """The object itself, or the one an alias (an import) stands for."""
    return obj.final_target if isinstance(obj, griffe.Alias) else obj


def _documented(obj: griffe.Object) -> bool:
    """Whether the reference renders `obj` as a member: public and with a docstring."""
    return not obj.name.startswith("_") and obj.docstring is not None


def targets(package: griffe.Module) -> dict[str, str]:
    """The identifier of each entry in the reference, by the name prose writes it with.

    ``Dataset``, ``Dataset.status_of`` and ``strategies.datasets`` are keys; a bare method
    or member name is looked up as ``Class.name`` in its scope.
    """
    found: dict[str, str] = {}
    for name in tr.__all__:
        found[name] = f"{PACKAGE}.{name}"
        target = package[name].final_target
        if isinstance(target, griffe.Class):
            for member_name, member in target.all_members.items():
                if _documented(_final(member)):
                    found[f"{name}.{member_name}"] = f"{PACKAGE}.{name}.{member_name}"
    module = package["strategies"]
    for name, member in module.members.items():
        if not isinstance(member, griffe.Alias) and _documented(member):
            found[f"strategies.{name}"] = f"{PACKAGE}.strategies.{name}"
    return found


def _fields() -> set[str]:
    return {
        field.name
        for name in tr.__all__
        if attrs.has(kind := getattr(tr, name))
        for field in attrs.fields(kind)
    }


@functools.cache
def ambiguous_in_code() -> frozenset[str]:
    """Bare names that, in a docstring or an API page, may name a record's field instead.

    A public name of the package (`country`) is not among them: a field is written with its
    class there (`Actor.country`), or in its own class's docstrings.
    """
    return frozenset(_fields() - set(tr.__all__))


@functools.cache
def ambiguous_in_prose() -> frozenset[str]:
    """Bare names that, in a guide's page, may name a field, an exported column or a command."""
    columns = {column.name for table in TABLES for column in table.columns}
    return frozenset(_fields() | columns | set(_COMMAND_NAMES))


@dataclasses.dataclass(frozen=True)
class Scope:
    """Where a name is read: in a class's docstrings, a function's, the strategies' or a page."""

    cls: str | None = None
    parameters: frozenset[str] = frozenset()
    strategies: bool = False
    ambiguous: frozenset[str] = frozenset()


_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?")


def resolve(text: str, scope: Scope, known: dict[str, str]) -> str | None:
    """The identifier a backticked `text` names in `scope`, or None to leave it plain."""
    called = text.endswith("()")
    name = text.removesuffix("()").removeprefix("tr.")
    if name in scope.parameters or not _DOTTED.fullmatch(name):
        return None
    candidates = [name] if "." in name else []
    if "." not in name:
        if scope.cls is not None:
            candidates.append(f"{scope.cls}.{name}")  # a member of the class, by its name
        if scope.strategies:
            candidates.append(f"strategies.{name}")
        if called or name not in scope.ambiguous:
            candidates.append(name)  # a public name of the package
            if callable(getattr(tr.Dataset, name, None)):
                candidates.append(f"Dataset.{name}")  # a query, by its name
    return next((known[c] for c in candidates if c in known), None)


# Backticked names, in Markdown ----------------------------------------------------------------

# A code span of one backtick around a dotted name, perhaps called with no arguments; not one
# of double backticks, and not the text of a link.
_NAME = re.compile(r"(?<![`\[])`([A-Za-z_][\w.]*(?:\(\))?)`(?![`\]])")
# Existing links and link texts, which are left as they are.
_LINK = re.compile(r"\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_FENCE = re.compile(r"^\s*(```|~~~)")


def link_names(markdown: str, scope: Scope, known: dict[str, str]) -> str:
    """`markdown` with each backticked name that `resolve` knows made a cross-reference.

    Fenced code, doctest sessions (from ``>>>`` to the next blank line) and headings are
    left alone.
    """
    lines, fenced, session = [], False, False
    for line in markdown.split("\n"):
        stripped = line.strip()
        if _FENCE.match(line):
            fenced = not fenced
        elif stripped.startswith(">>>"):
            session = True
        elif not stripped:
            session = False
        if fenced or session or _FENCE.match(line) or stripped.startswith("#"):
            lines.append(line)
            continue
        lines.append(_link_line(line, scope, known))
    return "\n".join(lines)


def _link_line(line: str, scope: Scope, known: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        identifier = resolve(match[1], scope, known)
        return match[0] if identifier is None else f"[`{match[1]}`][{identifier}]"

    parts, end = [], 0
    for link in _LINK.finditer(line):
        parts += [_NAME.sub(replace, line[end : link.start()]), link[0]]
        end = link.end()
    parts.append(_NAME.sub(replace, line[end:]))
    return "".join(parts)


# In docstrings: a Griffe extension ------------------------------------------------------------


def _objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    """`obj` and every object defined in it, aliases left out."""
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            yield from _objects(member)  # type: ignore[arg-type]


def _scope(obj: griffe.Object, public: dict[str, str]) -> Scope:
    """The scope of `obj`'s docstring; `public` names each public class by its path."""
    cls = obj if isinstance(obj, griffe.Class) else obj.parent
    parameters = (
        frozenset(p.name for p in obj.parameters)
        if isinstance(obj, griffe.Function)
        else frozenset()
    )
    return Scope(
        cls=public.get(cls.path) if cls is not None else None,
        parameters=parameters,
        strategies=obj.module.name == "strategies",
        ambiguous=ambiguous_in_code(),
    )


class LinkNames(griffe.Extension):
    """Make the backticked public names in the package's docstrings cross-references."""

    def on_package(self, *, pkg: griffe.Module, **_: object) -> None:
        """Rewrite every docstring of the package once it is loaded (a Griffe hook)."""
        if pkg.name != PACKAGE:
            return
        known = targets(pkg)
        public = {
            target.path: name
            for name in tr.__all__
            if isinstance(target := pkg[name].final_target, griffe.Class)
        }
        for obj in _objects(pkg):
            if obj.docstring is not None:
                obj.docstring.value = link_names(obj.docstring.value, _scope(obj, public), known)


class AttrsInit(griffe.Extension):
    """Give each public record class its `__init__`, so its signature is shown.

    Griffe reads the source, where record classes have no `__init__`; the parameters are
    read off the class at run time, with the annotations of its fields as written.
    """

    def on_package(self, *, pkg: griffe.Module, **_: object) -> None:
        """Add the constructors once the package is loaded (a Griffe hook)."""
        if pkg.name != PACKAGE:
            return
        for name in tr.__all__:
            runtime = getattr(tr, name)
            cls = pkg[name].final_target
            if not attrs.has(runtime) or "__init__" in cls.members:
                continue
            fields = {field.alias: field.name for field in attrs.fields(runtime)}
            parameters = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
            for parameter in inspect.signature(runtime).parameters.values():
                member = cls.members.get(fields[parameter.name])
                parameters.append(
                    griffe.Parameter(
                        parameter.name,
                        annotation=getattr(member, "annotation", None),
                        kind=griffe.ParameterKind(parameter.kind.description),
                        default=None
                        if parameter.default is parameter.empty
                        else repr(parameter.default),
                    )
                )
            init = griffe.Function(
                "__init__", parameters=griffe.Parameters(*parameters), returns="None"
            )
            cls.set_member("__init__", init)


# In pages: an mkdocs hook ---------------------------------------------------------------------


@functools.cache
def _known() -> dict[str, str]:
    package = griffe.load(PACKAGE, search_paths=[str(ROOT / "src")], docstring_parser=None)
    return targets(cast("griffe.Module", package))


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    """Link the backticked public names of a page (an mkdocs hook, after docs_hooks')."""
    api = page.file.src_uri.startswith("api/")
    scope = Scope(
        strategies=f"{PACKAGE}.strategies" in markdown,
        ambiguous=ambiguous_in_code() if api else ambiguous_in_prose(),
    )
    return link_names(markdown, scope, _known())


# The guard ------------------------------------------------------------------------------------

_PRIVATE = re.compile(r"(?<![\w.])_[A-Za-z]\w*")
_ALIAS = re.compile(r"(?<![\w.])dt\.[A-Za-z]")
_FIELD = re.compile(r"=\s*(?:attrs\.)?field\(")
_RETURNS = re.compile(r"\)\s*->\s*(.+?)\s*$", re.DOTALL)


@dataclasses.dataclass
class _Open:
    """An element the reader is inside."""

    tag: str
    classes: str
    example: bool  # a <pre> of an example, not of a signature


class _Reader(HTMLParser):
    """The parts of a rendered API page the guard reads: text, signatures, types, functions."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []  # all but the examples: prose, headings, signatures, tables
        self.typed: list[str] = []  # each signature, heading and table cell, as text
        self.functions: list[tuple[str, str, bool]] = []  # id, signature, has a Returns section
        self._open: list[_Open] = []
        self._examples = 0
        self._typed_at: int | None = None  # the depth of the signature, heading or cell read
        self._typed: list[str] = []
        self._function: list[Any] | None = None  # [depth, id, signature, has Returns]

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img", "hr", "input", "meta", "link", "wbr"):
            return  # void elements: no end tag follows
        found = dict(attributes)
        classes = found.get("class") or ""
        signature = any("doc-signature" in element.classes for element in self._open)
        self._open.append(_Open(tag, classes, example=tag == "pre" and not signature))
        self._examples += self._open[-1].example
        heading = tag in ("h2", "h3", "h4", "h5", "h6") and "doc-heading" in classes
        if self._typed_at is None and ("doc-signature" in classes or heading or tag == "td"):
            self._typed_at, self._typed = len(self._open), []
        if tag == "div" and "doc-function" in classes and self._function is None:
            self._function = [len(self._open), "", "", False]
        if heading and self._function is not None and not self._function[1]:
            self._function[1] = found.get("id") or ""

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            element = self._open.pop()
            depth = len(self._open) + 1
            self._examples -= element.example
            if self._typed_at == depth:
                self.typed.append("".join(self._typed))
                if self._function is not None and "doc-signature" in element.classes:
                    self._function[2] = self.typed[-1]
                self._typed_at = None
            if self._function is not None and self._function[0] == depth:
                self.functions.append((self._function[1], self._function[2], self._function[3]))
                self._function = None
            if element.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._examples:
            self.text.append(data)
        if self._typed_at is not None:
            self._typed.append(data)
        if self._function is not None and data.strip() == "Returns:":
            self._function[3] = True


def problems(page_html: str) -> list[str]:
    """What an API page shows that it should not: code for types, or a missing Returns."""
    reader = _Reader()
    reader.feed(page_html)
    text = html.unescape("".join(reader.text))
    found = []
    declarations = len(_FIELD.findall(text))
    if declarations:
        found.append(f"a field's declaration (field(...)) shown {declarations} times")
    private = sorted({name for typed in reader.typed for name in _PRIVATE.findall(typed)})
    if private:
        found.append(f"private names in signatures or types: {', '.join(private)}")
    if _ALIAS.search(text):
        shown = sorted({m for typed in reader.typed for m in re.findall(r"dt\.\w+", typed)})
        found.append(f"the dt alias in place of datetime: {', '.join(shown) or 'in prose'}")
    for identifier, signature, has_returns in reader.functions:
        returned = _RETURNS.search(signature)
        if returned and returned[1] != "None" and not has_returns:
            found.append(f"{identifier} returns {returned[1]} but has no Returns section")
    return found


def on_post_page(output: str, page: Page, **_: object) -> str:
    """Fail the build on an API page that shows code where a type belongs (an mkdocs hook)."""
    if page.file.src_uri.startswith("api/"):
        found = problems(output)
        if found:
            raise PluginError(f"{page.file.src_uri}: " + "; ".join(found))
    return output
