"""What changed between two dataset versions: records added, removed and changed, by id."""

from __future__ import annotations

from typing import Any

import attrs

from taliban_recognition._dataset import Dataset
from taliban_recognition._errors import InvalidArgumentError
from taliban_recognition._invariants import DIMENSIONS
from taliban_recognition._public import publish
from taliban_recognition._schema import Level, field_since, items_of, records_of, version_key

_IDENTITY = ("version", "sha256")
"""The dataset's own fields that say which version it is: two versions differ in them."""

COLLECTIONS = tuple(
    field.name for field in attrs.fields(Dataset) if field.init and items_of(field.type)
)
"""The collections of records with ids, in the order a diff reports them: the dataset's."""

_HEADER = tuple(
    field.name
    for field in attrs.fields(Dataset)
    if field.init and field.name not in COLLECTIONS and field.name not in _IDENTITY
)
"""The dataset's own fields a diff compares (as-of date, coverage start, notes)."""


def _schema_fields(low: Level, high: Level) -> tuple[str, ...]:
    """``Type.field`` for each field added after version `low`, up to and including `high`.

    A field a version between them stopped recording counts as added going down across that
    version (`_RETIRED`): from 2.0.0 to 1.2.0, ``Dataset.statuses``; so the other way round,
    ``_schema_fields(high, low)``, it is a field removed.
    """
    added = tuple(
        f"{kind.__name__}.{field.name}"
        for kind in records_of(Dataset)
        for field in attrs.fields(kind)
        if field.init and low < field_since(field) <= high
    )
    retired = tuple(name for name, level in _RETIRED.items() if high < level <= low)
    return added + retired


_RETIRED = {"Dataset.statuses": DIMENSIONS}
"""Fields a version stopped recording, and that version: from 2.0.0 the status is derived."""

_SCHEMA_CHANGES = {
    DIMENSIONS: (
        (
            "from 2.0.0 the status is derived from formal recognition (recognitions) and "
            "representation (representations) by one rule; 1.x records it (statuses)"
        ),
        (
            "from 2.0.0 the data file names countries, actors and quotes by id, each stored "
            "once; 1.x files embed them in every record"
        ),
    ),
}
"""What a schema break changed, by the version that made it."""


def _schema_changes(low: Level, high: Level) -> tuple[str, ...]:
    """What the schema breaks between two versions changed, oldest first."""
    first, last = min(low, high), max(low, high)
    return tuple(
        change
        for level, changes in sorted(_SCHEMA_CHANGES.items())
        if first < level <= last
        for change in changes
    )


@attrs.frozen
class FieldChange:
    """One field of a record whose value differs between two versions.

    Values are as the data files write them (JSON: strings, numbers, objects, lists, null).
    """

    path: str
    """The field, with dots into nested records: ``"country.cow_code"``."""
    old: Any
    """Its value in the old version (None: absent or null)."""
    new: Any
    """Its value in the new version (None: absent or null)."""


@attrs.frozen
class RecordChange:
    """A record that both versions have, by id, whose fields differ."""

    collection: str
    """Where the record is: ``"events"``, ``"statuses"``, ..."""
    id: str
    """The record's id."""
    fields: tuple[FieldChange, ...]
    """Each field that differs, in the order of the record's fields."""


def _flatten(old: Any, new: Any, path: str) -> list[FieldChange]:  # noqa: ANN401
    """The leaves at which two JSON values differ; objects on both sides are compared by key."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        keys = list(old) + [key for key in new if key not in old]
        return [
            change
            for key in keys
            for change in _flatten(old.get(key), new.get(key), f"{path}.{key}" if path else key)
        ]
    return [FieldChange(path, old, new)]


def _show(value: Any, other: Any, limit: int = 60) -> str:  # noqa: ANN401
    """`value` as JSON, cut to `limit` characters around where it starts to differ from `other`."""
    import json  # noqa: PLC0415 -- deferred, as importing the package must stay cheap

    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if len(text) <= limit:
        return text
    start = 0
    if isinstance(value, str) and isinstance(other, str):
        same = next(
            (n for n, (a, b) in enumerate(zip(value, other, strict=False)) if a != b), len(other)
        )
        start = max(0, same - 10)
    cut = text[start : start + limit - 2]
    return ("\u2026" if start else "") + cut + "\u2026"


@attrs.frozen
class DatasetDiff:
    """What changed from one dataset version to another.

    Records are matched by id within each collection. A diff is empty (false) when the two
    versions have the same records, field for field; `reversed` gives the diff the other way.

    Examples:
        >>> import taliban_recognition as tr
        >>> same = tr.diff("1.0.0", "1.0.0")
        >>> bool(same), same.added, same.changed
        (False, (), ())
    """

    old_version: str
    """The version compared from."""
    new_version: str
    """The version compared to."""
    fields_added: tuple[str, ...]
    """Schema fields the new version has and the old does not, as ``"Type.field"``."""
    fields_removed: tuple[str, ...]
    """Schema fields the old version has and the new does not."""
    dataset: tuple[FieldChange, ...]
    """Changes to the dataset's own fields (as-of date, coverage start, notes)."""
    added: tuple[tuple[str, str], ...]
    """Records only the new version has, as (collection, id)."""
    removed: tuple[tuple[str, str], ...]
    """Records only the old version has, as (collection, id)."""
    changed: tuple[RecordChange, ...]
    """Records both have whose fields differ."""
    schema: tuple[str, ...] = ()
    """What the schema breaks between the two versions changed, in words (e.g. from 1.x to
    2.0.0: the status became derived, and the file names records by id)."""

    @classmethod
    def between(cls, old: Dataset, new: Dataset) -> DatasetDiff:
        """The diff from dataset `old` to dataset `new`.

        Args:
            old: The dataset compared from.
            new: The dataset compared to.

        Raises:
            InvalidArgumentError: `old` or `new` is not a `Dataset` (`diff` takes versions).
        """
        from taliban_recognition._convert import converter  # noqa: PLC0415 -- cattrs on first use

        for argument, value in (("old", old), ("new", new)):
            if not isinstance(value, Dataset):
                expected = "a Dataset (tr.diff compares versions by name)"
                raise InvalidArgumentError(argument, value, expected)

        def records(dataset: Dataset) -> dict[str, Any]:
            # Through its own version's schema: a field added later is not one it has.
            return converter(dataset.version).unstructure(dataset)  # type: ignore[no-any-return]

        before, after = records(old), records(new)
        added, removed, changed = [], [], []
        for collection in COLLECTIONS:
            olds = {record["id"]: record for record in before.get(collection, ())}
            news = {record["id"]: record for record in after.get(collection, ())}
            added += [(collection, key) for key in news if key not in olds]
            removed += [(collection, key) for key in olds if key not in news]
            for key in olds.keys() & news.keys():
                fields = _flatten(olds[key], news[key], "")
                if fields:
                    changed.append(RecordChange(collection, key, tuple(fields)))
        changed.sort(key=lambda change: (COLLECTIONS.index(change.collection), change.id))
        low, high = version_key(old.version), version_key(new.version)
        return cls(
            old_version=old.version,
            new_version=new.version,
            fields_added=_schema_fields(low, high),
            fields_removed=_schema_fields(high, low),
            dataset=tuple(
                change
                for name in _HEADER
                for change in _flatten(before.get(name), after.get(name), name)
            ),
            added=tuple(added),
            removed=tuple(removed),
            changed=tuple(changed),
            schema=_schema_changes(low, high),
        )

    def __bool__(self) -> bool:
        return any(
            (
                self.fields_added,
                self.fields_removed,
                self.schema,
                self.dataset,
                self.added,
                self.removed,
                self.changed,
            )
        )

    def reversed(self) -> DatasetDiff:
        """The diff from the new version back to the old one."""
        return DatasetDiff(
            old_version=self.new_version,
            new_version=self.old_version,
            fields_added=self.fields_removed,
            fields_removed=self.fields_added,
            dataset=tuple(FieldChange(c.path, c.new, c.old) for c in self.dataset),
            added=self.removed,
            removed=self.added,
            changed=tuple(
                RecordChange(
                    r.collection, r.id, tuple(FieldChange(c.path, c.new, c.old) for c in r.fields)
                )
                for r in self.changed
            ),
            schema=self.schema,
        )

    def summary(self) -> str:
        """A short report of the changes, with counts instead of records.

        The schema changes, and per collection how many records were added, removed and
        changed, and in which fields.
        """
        lines = [f"Dataset {self.old_version} to {self.new_version}"]
        if not self:
            return lines[0] + ": no changes"
        if self.fields_added:
            lines.append("Fields added: " + ", ".join(self.fields_added))
        if self.fields_removed:
            lines.append("Fields removed: " + ", ".join(self.fields_removed))
        lines += [f"Schema changed: {change}" for change in self.schema]
        if self.dataset:
            lines.append("Dataset fields changed: " + ", ".join(c.path for c in self.dataset))
        for collection in COLLECTIONS:
            added = sum(c == collection for c, _ in self.added)
            removed = sum(c == collection for c, _ in self.removed)
            records = [r for r in self.changed if r.collection == collection]
            if not (added or removed or records):
                continue
            paths: dict[str, int] = {}
            for record in records:
                for change in record.fields:
                    paths[change.path] = paths.get(change.path, 0) + 1
            detail = ", ".join(f"{path} ({count})" for path, count in paths.items())
            lines.append(
                f"{collection}: {added} added, {removed} removed, {len(records)} changed"
                + (f": {detail}" if detail else "")
            )
        import textwrap  # noqa: PLC0415 -- deferred, as importing the package must stay cheap

        return "\n".join(
            wrapped
            for line in lines
            for wrapped in textwrap.wrap(line, 80, subsequent_indent="    ", break_on_hyphens=False)
        )

    def __str__(self) -> str:
        lines = self.summary().splitlines()
        for change in self.dataset:
            old, new = _show(change.old, change.new), _show(change.new, change.old)
            lines.append(f"  dataset {change.path}: {old} -> {new}")
        for collection, key in self.added:
            lines.append(f"+ {collection}/{key}")
        for collection, key in self.removed:
            lines.append(f"- {collection}/{key}")
        for record in self.changed:
            lines.append(f"~ {record.collection}/{record.id}")
            lines += [
                f"    {c.path}: {_show(c.old, c.new)} -> {_show(c.new, c.old)}"
                for c in record.fields
            ]
        return "\n".join(lines)


def diff(old: str, new: str) -> DatasetDiff:
    """What changed from dataset version `old` to version `new`.

    Args:
        old: A version from `versions`, the one compared from.
        new: A version from `versions`, the one compared to.

    Returns:
        The records added, removed and changed, by id, with the old and new value of each
        changed field, and the fields the schema gained or lost. `str()` of it is a report.

    Raises:
        UnknownVersionError: The package ships no such version.
        DataIntegrityError: An installed data file does not match its manifest digest.
        DataFormatError: An installed data file or the manifest is missing or unreadable.

    Examples:
        >>> import taliban_recognition as tr
        >>> print(tr.diff("1.0.0", "1.0.0"))
        Dataset 1.0.0 to 1.0.0: no changes
    """
    from taliban_recognition._load import load  # noqa: PLC0415 -- avoid an import cycle

    return DatasetDiff.between(load(old), load(new))


publish(__name__)
