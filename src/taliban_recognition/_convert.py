"""The one cattrs converter: data file bytes to records and back, in canonical form.

The canonical form of a data file is JSON with sorted keys, two-space indents, UTF-8 without
escapes, and one final newline; its SHA-256 is what the manifest records.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from typing import Any, get_args, get_origin

import attrs
import cattrs
import cattrs.cols
import cattrs.gen

from taliban_recognition._dataset import Dataset
from taliban_recognition._errors import DataFormatError
from taliban_recognition._model import SCHEMA, field_since, parse_iso_day, version_key


def _strict(kind: type[Any]) -> Any:  # noqa: ANN401
    """A structure hook that takes values of exactly `kind` and refuses to coerce others."""

    def hook(value: object, _: object) -> object:
        if type(value) is not kind:
            msg = f"expected {kind.__name__}, got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        return value

    return hook


def _structure_date(value: object, _: object) -> dt.date:
    if not isinstance(value, str):
        msg = f"expected an ISO date YYYY-MM-DD, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return parse_iso_day(value)


def _is_homogeneous_tuple(kind: Any) -> bool:  # noqa: ANN401
    return get_origin(kind) is tuple and len(get_args(kind)) == 2 and get_args(kind)[1] is ...


def _only(json_type: type, what: str, structure: Any) -> Any:  # noqa: ANN401
    """A hook that hands `structure` values of `json_type` and refuses anything else."""

    def hook(value: object, kind: object) -> object:
        if not isinstance(value, json_type):
            msg = f"expected {what}, got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        return structure(value, kind)

    return hook


def _tuple_from_list(kind: Any, converter: cattrs.Converter) -> Any:  # noqa: ANN401
    """Structure JSON arrays only: cattrs alone would also split a string into characters."""
    return _only(
        list, "a JSON array", cattrs.cols.homogenous_tuple_structure_factory(kind, converter)
    )


def _describe(error: BaseException, kind: object) -> str:
    """Say what was wrong in our words; cattrs's default hides the validator's message."""
    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        return f"unknown field(s) {sorted(error.extra_fields)}"
    name = getattr(kind, "__name__", None)
    return f"invalid {name}: {error}" if name else str(error)


Level = tuple[int, int, int]


def _newer(kind: Any, level: Level) -> dict[str, Any]:  # noqa: ANN401
    """Overrides that leave out the fields of `kind` added after dataset version `level`."""
    return {
        field.name: cattrs.gen.override(omit=True)
        for field in attrs.fields(kind)
        if field_since(field) > level
    }


def _make_converter(level: Level) -> cattrs.Converter:
    """The converter of the data files of dataset version `level`.

    Fields added after that version are left out both ways: a file of that version that has
    one is refused as having an unknown field, and dumping never writes one, so a released
    file's bytes do not change when the schema grows.
    """
    converter = cattrs.Converter(forbid_extra_keys=True)
    for kind in (str, int, bool):
        converter.register_structure_hook(kind, _strict(kind))
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_from_list)

    def structure_record(kind: Any, converter: cattrs.Converter) -> Any:  # noqa: ANN401
        structure = cattrs.gen.make_dict_structure_fn(
            kind, converter, _cattrs_forbid_extra_keys=True, **_newer(kind, level)
        )
        return _only(dict, "a JSON object", structure)

    def unstructure_record(kind: Any, converter: cattrs.Converter) -> Any:  # noqa: ANN401
        return cattrs.gen.make_dict_unstructure_fn(kind, converter, **_newer(kind, level))

    converter.register_structure_hook_factory(attrs.has, structure_record)
    converter.register_unstructure_hook_factory(attrs.has, unstructure_record)
    return converter


_lock = threading.Lock()
_built: dict[Level, cattrs.Converter] = {}


def converter(version: str | None = None) -> cattrs.Converter:
    """The converter of dataset version `version` (None: the newest schema), built on first use.

    Versions whose files have the same fields share one converter.
    """
    level = min(SCHEMA, version_key(version)) if version is not None else SCHEMA
    if level not in _built:
        with _lock:
            _built.setdefault(level, _make_converter(level))
    return _built[level]


def dumps(dataset: Dataset) -> bytes:
    """The canonical data file bytes of a dataset (its ``sha256`` is not part of the file)."""
    record = converter(dataset.version).unstructure(dataset, Dataset)
    del record["sha256"]
    return (json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def loads(data: bytes, sha256: str) -> Dataset:
    """Read data file bytes whose digest is `sha256` into a `Dataset`.

    Raises:
        DataFormatError: The bytes are not UTF-8 JSON, or do not fit the schema or its
            invariants; the error's ``path`` says where (``$.events[3].date``).
    """
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataFormatError("$", f"not a UTF-8 JSON document: {error}") from None
    if not isinstance(record, dict):
        raise DataFormatError("$", f"expected a JSON object, got {type(record).__name__}")
    if "sha256" in record:
        raise DataFormatError("$.sha256", "a data file does not record its own digest")
    if "version" not in record:
        raise DataFormatError("$.version", "required field missing")
    version = record["version"]
    try:
        version_key(version if isinstance(version, str) else repr(version))
    except ValueError as error:
        raise DataFormatError("$.version", str(error)) from None
    assert isinstance(version, str)  # noqa: S101 -- a repr is never a valid version
    try:
        return converter(version).structure({**record, "sha256": sha256}, Dataset)
    except cattrs.BaseValidationError as error:
        invariant = error.exceptions[0]
        if isinstance(invariant, DataFormatError):  # from Dataset's own checks: has its path
            raise invariant from None
        first = cattrs.transform_error(error, format_exception=_describe)[0]
        problem, _, path = first.rpartition(" @ ")
        raise DataFormatError(path or "$", problem or first) from None
