"""What changed between two dataset versions: records added, removed, changed and extended, by id.

A record both versions have is *changed* when a value of a field both versions' schemas have
differs, and *extended* when it differs only in fields one of the schemas lacks: 1.1.0 gave
every 1.0.0 event a CAMEO code, and changed none.
"""

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
    """A record that both versions have, by id, whose fields differ.

    Its `fields` are the values it has in both versions that differ; its `extended`, the values
    of fields only one of the versions' schemas has (a field the newer one added), which are no
    change: the other version has no value there.
    """

    collection: str
    """Where the record is: ``"events"``, ``"statuses"``, ..."""
    id: str
    """The record's id."""
    fields: tuple[FieldChange, ...]
    """Each field both versions' schemas have whose value differs, in the order of the record's
    fields. Empty for a record that is only extended."""
    extended: tuple[FieldChange, ...] = ()
    """Each field one version's schema does not have (a field the newer one added) that has a
    value in the other, in the order of the record's fields; the version without the field
    has the value None."""


def _split(old: Any, new: Any, path: str) -> tuple[list[FieldChange], list[FieldChange]]:  # noqa: ANN401
    """Where two JSON values differ: the changed values, and the values of fields one lacks.

    Each side is as its own version's schema writes it, so a key that only one object has is a
    field the other's schema does not have. Objects on both sides are compared key by key, and
    lists of the same length item by item: a list whose items differ only in such fields (the
    quotes of an event, were a field added to each) is extended, not changed.
    """
    if old == new:
        return [], []
    if isinstance(old, dict) and isinstance(new, dict):
        changed: list[FieldChange] = []
        extended: list[FieldChange] = []
        for key in list(old) + [key for key in new if key not in old]:
            inner = f"{path}.{key}" if path else key
            if key in old and key in new:
                more, gained = _split(old[key], new[key], inner)
                changed += more
                extended += gained
            elif old.get(key) != new.get(key):  # None and a field left out are the same
                extended.append(FieldChange(inner, old.get(key), new.get(key)))
        return changed, extended
    items = isinstance(old, list) and isinstance(new, list) and len(old) == len(new)
    if items and not any(_split(a, b, path)[0] for a, b in zip(old, new, strict=True)):
        return [], [FieldChange(path, old, new)]
    return [FieldChange(path, old, new)], []


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

    Records are matched by id within each collection. A record both versions have is in
    `changed` when a value it has in both differs, and in `extended` when it differs only in
    fields one version's schema does not have: a record of an older version, seen in a newer
    one that only added fields, is extended, not changed. A diff is empty (false) when the two
    versions have the same records, field for field; `reversed` gives the diff the other way.

    Examples:
        >>> import taliban_recognition as tr
        >>> same = tr.diff("1.0.0", "1.0.0")
        >>> bool(same), same.added, same.changed, same.extended
        (False, (), (), ())
        >>> codes = tr.diff("1.0.0", "1.1.0")  # 1.1.0 added fields, and changed no value
        >>> len(codes.changed), len(codes.extended)
        (0, 231)
        >>> [(c.path, c.old, c.new) for c in codes.extended[0].extended][:2]
        [('country.cow_code', None, 700), ('country.cow_abbr', None, 'AFG')]
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
    """Changes to the dataset's own fields that both versions have (as-of date, coverage
    start, notes)."""
    added: tuple[tuple[str, str], ...]
    """Records only the new version has, as (collection, id)."""
    removed: tuple[tuple[str, str], ...]
    """Records only the old version has, as (collection, id)."""
    changed: tuple[RecordChange, ...]
    """Records both have with a value that differs in a field both versions' schemas have
    (each may also be extended: `RecordChange.extended`)."""
    schema: tuple[str, ...] = ()
    """What the schema breaks between the two versions changed, in words (e.g. from 1.x to
    2.0.0: the status became derived, and the file names records by id)."""
    extended: tuple[RecordChange, ...] = ()
    """Records both have that differ only in fields one version's schema does not have: those
    the newer version's schema added, given values (going back to the older version, the
    values it drops). Their `RecordChange.fields` are empty."""

    @classmethod
    def between(cls, old: Dataset, new: Dataset) -> DatasetDiff:
        """The diff from dataset `old` to dataset `new`.

        Args:
            old: The dataset compared from.
            new: The dataset compared to.

        Returns:
            The diff: the records added, removed and changed, and the fields the schema gained or
            lost.

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
        added, removed, changed, extended = [], [], [], []
        for collection in COLLECTIONS:
            olds = {record["id"]: record for record in before.get(collection, ())}
            news = {record["id"]: record for record in after.get(collection, ())}
            added += [(collection, key) for key in news if key not in olds]
            removed += [(collection, key) for key in olds if key not in news]
            for key in sorted(olds.keys() & news.keys()):
                fields, gained = _split(olds[key], news[key], "")
                change = RecordChange(collection, key, tuple(fields), tuple(gained))
                if fields:
                    changed.append(change)
                elif gained:
                    extended.append(change)
        # The dataset's own fields that one version lacks are named by `fields_added`.
        header = _split(
            {name: before[name] for name in _HEADER if name in before},
            {name: after[name] for name in _HEADER if name in after},
            "",
        )[0]
        low, high = version_key(old.version), version_key(new.version)
        return cls(
            old_version=old.version,
            new_version=new.version,
            fields_added=_schema_fields(low, high),
            fields_removed=_schema_fields(high, low),
            dataset=tuple(header),
            added=tuple(added),
            removed=tuple(removed),
            changed=tuple(changed),
            schema=_schema_changes(low, high),
            extended=tuple(extended),
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
                self.extended,
            )
        )

    def reversed(self) -> DatasetDiff:
        """The diff from the new version back to the old one.

        Returns:
            The diff with the versions swapped: what was added is removed, and each change is
            undone.
        """
        return DatasetDiff(
            old_version=self.new_version,
            new_version=self.old_version,
            fields_added=self.fields_removed,
            fields_removed=self.fields_added,
            dataset=_swapped(self.dataset),
            added=self.removed,
            removed=self.added,
            changed=tuple(map(_reversed, self.changed)),
            schema=self.schema,
            extended=tuple(map(_reversed, self.extended)),
        )

    def summary(self) -> str:
        """A short report of the changes, with counts instead of records.

        The schema changes, and per collection how many records were added, removed, changed
        and extended; below it, in which fields values changed (``changed:``), and which fields
        of one schema only have values (``new fields:`` the new version's schema added,
        ``dropped fields:`` it does not have), with how many records each.

        Returns:
            The report, its lines joined by newlines, with none at the end.
        """
        lines = [(f"Dataset {self.old_version} to {self.new_version}", "")]
        if not self:
            return lines[0][0] + ": no changes"
        if self.fields_added:
            lines.append(("Fields added: " + ", ".join(self.fields_added), ""))
        if self.fields_removed:
            lines.append(("Fields removed: " + ", ".join(self.fields_removed), ""))
        lines += [(f"Schema changed: {change}", "") for change in self.schema]
        if self.dataset:
            lines.append(("Dataset fields changed: " + ", ".join(c.path for c in self.dataset), ""))
        for collection in COLLECTIONS:
            added = sum(c == collection for c, _ in self.added)
            removed = sum(c == collection for c, _ in self.removed)
            changed = [r for r in self.changed if r.collection == collection]
            extended = [r for r in self.extended if r.collection == collection]
            if not (added or removed or changed or extended):
                continue
            lines.append(
                (
                    (
                        f"{collection}: {added} added, {removed} removed, "
                        f"{len(changed)} changed, {len(extended)} extended"
                    ),
                    "",
                )
            )
            details = {
                "changed": [c for r in changed for c in r.fields],
                "new fields": [c for r in changed + extended for c in r.extended if c.old is None],
                "dropped fields": [
                    c for r in changed + extended for c in r.extended if c.old is not None
                ],
            }
            for label, changes in details.items():
                paths: dict[str, int] = {}
                for change in changes:
                    paths[change.path] = paths.get(change.path, 0) + 1
                if paths:
                    counts = ", ".join(f"{path} ({count})" for path, count in paths.items())
                    lines.append((f"{label}: {counts}", "    "))
        import textwrap  # noqa: PLC0415 -- deferred, as importing the package must stay cheap

        return "\n".join(
            wrapped
            for line, indent in lines
            for wrapped in textwrap.wrap(
                line,
                80,
                initial_indent=indent,
                subsequent_indent=indent + "    ",
                break_on_hyphens=False,
            )
        )

    def __str__(self) -> str:
        """The summary, then every record, with the old and new value of each field that differs.

        Added records are marked ``+``, removed ``-``, changed ``~`` and extended ``^``.
        """
        lines = self.summary().splitlines()
        for change in self.dataset:
            old, new = _show(change.old, change.new), _show(change.new, change.old)
            lines.append(f"  dataset {change.path}: {old} -> {new}")
        for collection, key in self.added:
            lines.append(f"+ {collection}/{key}")
        for collection, key in self.removed:
            lines.append(f"- {collection}/{key}")
        for mark, records in (("~", self.changed), ("^", self.extended)):
            for record in records:
                lines.append(f"{mark} {record.collection}/{record.id}")
                lines += [
                    f"    {c.path}: {_show(c.old, c.new)} -> {_show(c.new, c.old)}"
                    for c in record.fields
                ]
                for c in record.extended:  # a field one version lacks: its side says so
                    old = f"(not in {self.old_version})" if c.old is None else _show(c.old, c.new)
                    new = f"(not in {self.new_version})" if c.new is None else _show(c.new, c.old)
                    lines.append(f"    {c.path}: {old} -> {new}")
        return "\n".join(lines)


def _swapped(changes: tuple[FieldChange, ...]) -> tuple[FieldChange, ...]:
    """The changes the other way: each field's old value is its new one."""
    return tuple(FieldChange(c.path, c.new, c.old) for c in changes)


def _reversed(record: RecordChange) -> RecordChange:
    """A record's changes the other way."""
    return RecordChange(
        record.collection, record.id, _swapped(record.fields), _swapped(record.extended)
    )


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
