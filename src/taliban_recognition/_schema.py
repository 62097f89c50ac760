"""The schema, declared once at each record field: when it was added, and how it is exported.

A field of a record says, in its `field` metadata (made by `column`), the dataset
version that added it and the column it becomes in the tidy tables. Everything that depends on
the schema reads it from there: the converter (which fields a version's file has), the tables
and the Data Package schema, the diff, the data dictionary, the builder and the strategies.
"""

from __future__ import annotations

import enum
import functools
import operator
import re
from types import UnionType
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar, Union, get_args, get_origin

from taliban_recognition._record import Field, evolve, fields_dict, fields_of, is_record

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

T = TypeVar("T")


class FieldLike(Protocol):
    """A record field: a `taliban_recognition._record.Field`, or its `attrs.Attribute`."""

    @property
    def name(self) -> str: ...

    @property
    def metadata(self) -> Mapping[Any, Any]: ...


Level = tuple[int, int, int]
"""A dataset version as a tuple that sorts in version order."""

FIRST: Level = (0, 0, 0)
"""The level of the fields every version has."""

_SINCE = "taliban_recognition_since"
_EXPORT = "taliban_recognition_export"

_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\Z")


def version_key(version: str) -> Level:
    """A dataset version ``MAJOR.MINOR.PATCH`` as a tuple that sorts in version order.

    Raises:
        ValueError: `version` is not of that form.
    """
    match = _SEMVER.match(version) if isinstance(version, str) else None
    if match is None:
        msg = f"a dataset version is MAJOR.MINOR.PATCH, got {version!r}"
        raise ValueError(msg)
    major, minor, patch = match.groups()
    return int(major), int(minor), int(patch)


class Derived:
    """A column computed from a record rather than stored in it, such as a code's label."""

    __slots__ = ("description", "empty", "get", "kind", "name")

    def __init__(
        self,
        name: str,
        description: str,
        get: Callable[[Any], object],
        *,
        kind: Literal["string", "integer"] = "string",
        empty: str | None = None,
    ) -> None:
        self.name = name  # "" for a column named by the field's prefix alone
        self.description = description
        self.get = get
        self.kind = kind  # the column's Table Schema type
        self.empty = empty  # what an empty cell means, if `get` can give None


class Export:
    """How a field appears in the tidy tables; see `column`."""

    __slots__ = (
        "after",
        "before",
        "description",
        "empty",
        "enum",
        "name",
        "ordered",
        "pattern",
        "refers",
        "what",
    )

    def __init__(  # noqa: PLR0913 -- one argument per part of the declaration
        self,
        description: str,
        *,
        name: str | None,
        pattern: str | None,
        enum: tuple[str, ...] | None,
        ordered: bool,
        refers: str | None,
        what: str | None,
        empty: str | None,
        before: tuple[Derived, ...],
        after: tuple[Derived, ...],
    ) -> None:
        self.description = description
        self.name = name
        self.pattern = pattern
        self.enum = enum
        self.ordered = ordered
        self.refers = refers
        self.what = what
        self.empty = empty
        self.before = before
        self.after = after


def column(  # noqa: PLR0913 -- one argument per part of the declaration
    description: str = "",
    *,
    since: str | None = None,
    name: str | None = None,
    pattern: str | None = None,
    enum: tuple[str, ...] | None = None,
    ordered: bool = False,
    refers: str | None = None,
    what: str | None = None,
    empty: str | None = None,
    before: tuple[Derived, ...] = (),
    after: tuple[Derived, ...] = (),
) -> dict[str, object]:
    """The metadata of a record field: its dataset version of introduction and its column.

    Args:
        description: What the column holds, for the Data Package schema and the data
            dictionary. ``{what}`` stands for what an embedding field says its record is of.
        since: The dataset version that added the field; None for the first fields. Older
            versions leave it at its default, and their data files leave it out.
        name: The column's name, if not the field's. A field holding a record prefixes its
            record's columns with it; ``""`` adds no prefix.
        pattern: A regular expression every value matches.
        enum: The values allowed, if not those of the field's enum type.
        ordered: Whether the order of `enum` is meaningful.
        refers: The table whose ids the column holds (a field holding a record with an id
            exports that id).
        what: For a field holding a record: what its columns describe, for their ``{what}``.
        empty: For an optional field holding a record: what an empty cell means.
        before: Derived columns that come before this field's.
        after: Derived columns that come after this field's.
    """
    metadata: dict[str, object] = {
        _EXPORT: Export(
            description,
            name=name,
            pattern=pattern,
            enum=enum,
            ordered=ordered,
            refers=refers,
            what=what,
            empty=empty,
            before=before,
            after=after,
        )
    }
    if since is not None:
        metadata[_SINCE] = version_key(since)
    return metadata


def field_since(field: FieldLike) -> Level:
    """The dataset version a record field was added in; `FIRST` for the first fields."""
    found: Level = field.metadata.get(_SINCE, FIRST)
    return found


def export_of(field: FieldLike) -> Export | None:
    """How a field is exported, or None for a field that is not a column (a collection)."""
    found: Export | None = field.metadata.get(_EXPORT)
    return found


def optional_of(kind: Any) -> Any:  # noqa: ANN401 -- a type expression
    """``X`` for a type ``X | None``; None for any other type."""
    args = get_args(kind)
    if get_origin(kind) in (Union, UnionType) and len(args) == 2 and args[1] is type(None):
        return args[0]
    return None


def items_of(kind: Any) -> Any:  # noqa: ANN401 -- a type expression
    """``X`` for a type ``tuple[X, ...]``; None for any other type."""
    args = get_args(kind)
    if get_origin(kind) is tuple and len(args) == 2 and args[1] is ...:
        return args[0]
    return None


def _parts(kind: Any) -> Iterator[Any]:  # noqa: ANN401 -- a type expression
    """The types a field's type is made of: itself, or its optional or item type."""
    inner = optional_of(kind) or items_of(kind)
    yield kind if inner is None else inner


def reachable(root: type) -> tuple[type, ...]:
    """`root` and every record and enum type its fields hold, at any depth.

    In the order first met: depth first, in field order.
    """
    found: dict[type, None] = {}

    def visit(kind: type) -> None:
        if kind in found:
            return
        found[kind] = None
        if is_record(kind):
            for field in fields_of(kind):
                for part in _parts(field.type):
                    if isinstance(part, type) and (is_record(part) or issubclass(part, enum.Enum)):
                        visit(part)

    visit(root)
    return tuple(found)


def records_of(root: type) -> tuple[type, ...]:
    """`root` and the record types it holds."""
    return tuple(kind for kind in reachable(root) if is_record(kind))


def enums_of(root: type) -> tuple[type[enum.Enum], ...]:
    """The enum types `root`'s records hold."""
    return tuple(k for k in reachable(root) if isinstance(k, type) and issubclass(k, enum.Enum))


def newest(root: type) -> Level:
    """The newest schema the records of `root` have: the latest ``since`` of any field."""
    return max(
        (field_since(field) for kind in records_of(root) for field in fields_of(kind)),
        default=FIRST,
    )


def added_after(kind: type, level: Level) -> tuple[Field, ...]:
    """The fields of `kind` that dataset version `level` does not have."""
    return tuple(field for field in fields_of(kind) if field_since(field) > level)


def narrow(value: Any, level: Level) -> Any:  # noqa: ANN401 -- any record, tuple or value
    """`value` as dataset version `level` has it: fields added after it left at their defaults.

    Records and tuples that change are rebuilt through their constructors, so their validators
    run again; anything that `level` has in full is returned as it is.
    """
    if isinstance(value, tuple):
        items = tuple(narrow(item, level) for item in value)
        return value if all(map(operator.is_, items, value)) else items
    kind: type = type(value)
    if not is_record(kind) or _newest_of(kind) <= level:
        return value
    changes: dict[str, Any] = {}
    for field in fields_of(kind):
        if not field.init:
            continue
        current = getattr(value, field.name)
        new = field.default if field_since(field) > level else narrow(current, level)
        if new is not current:
            changes[field.alias or field.name] = new
    return evolve(value, **changes) if changes else value


@functools.cache
def _newest_of(kind: type) -> Level:
    return newest(kind)


def build(kind: Callable[..., T], level: Level, values: Mapping[str, Any]) -> T:
    """A `kind` record as dataset version `level` has it, from values of the newest schema.

    Values of the fields `level` does not have are dropped, so they take their defaults, and
    the records the others hold are narrowed (`narrow`).
    """
    fields = fields_dict(kind)  # type: ignore[arg-type]
    return kind(
        **{
            name: narrow(value, level)
            for name, value in values.items()
            if field_since(fields[name]) <= level
        }
    )
