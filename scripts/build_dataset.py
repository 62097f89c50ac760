"""Build dataset versions from the annotations: the one way a data file is made.

Run from a clone of the repository (the builder uses the package in its ``src/``):

    python scripts/build_dataset.py --check        # rebuild every shipped version, compare bytes
    python scripts/build_dataset.py --check 1.1.0  # rebuild one version
    python scripts/build_dataset.py --write 1.2.0  # write a new version, its manifest line, its
                                                   # release date and the citation
    python scripts/build_dataset.py --refresh      # rewrite the release dates and CITATION.cff

The annotations (``annotations/``) are the one source of the facts: TOML files for the dataset's
notes, sources, actors, events, status chains, references and releases, and CSV reference
tables with their provenance (``tables.toml``). The builder makes records of them through the
public record constructors, so every validator and dataset invariant runs; it finds each quote
in its source (offsets are never typed), gives every covered state without a chain of its own
the default chain, takes country names and codes from the reference tables (never from
pycountry), and writes the canonical file. Every version is built from the same annotations:
what a later version added (``since``) is left out, and what it corrected (``corrections.toml``)
is put back as it was. docs/maintaining.md says how to use it.
"""

from __future__ import annotations

import argparse
import copy
import csv
import datetime as dt
import hashlib
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the standard library has tomllib from 3.11 on
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":  # build with this checkout's code, whatever else is installed
    sys.path.insert(0, str(ROOT / "src"))

import attrs  # noqa: E402 -- after the path is set
import cattrs  # noqa: E402
import cattrs.gen  # noqa: E402

from taliban_recognition import (  # noqa: E402
    Actor,
    Country,
    Dataset,
    Event,
    Evidence,
    FuzzyDate,
    RecognitionPeriod,
    Reference,
    RepresentationPeriod,
    Source,
    StatusPeriod,
)
from taliban_recognition._cite import citation  # noqa: E402
from taliban_recognition._convert import describe, dumps, loads, strict_converter  # noqa: E402
from taliban_recognition._diff import DatasetDiff  # noqa: E402
from taliban_recognition._errors import DataFormatError  # noqa: E402
from taliban_recognition._invariants import DIMENSIONS, SUBJECT, event_order  # noqa: E402
from taliban_recognition._load import MANIFEST, RELEASES, Shelf  # noqa: E402
from taliban_recognition._schema import (  # noqa: E402
    Level,
    build,
    items_of,
    optional_of,
    records_of,
    version_key,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterator, Mapping

ANNOTATIONS = ROOT / "annotations"
DATA = ROOT / "src" / "taliban_recognition" / "data"
CITATION = ROOT / "CITATION.cff"

_LATER = object()
"""Stands for a table added after the version being built, or one that is not there."""

RECORD_FILES = (
    "dataset",
    "sources",
    "actors",
    "events",
    "statuses",
    "references",
    "recognitions",
    "representations",
)
"""The annotation files of records; any of their tables may say ``since``."""

PROVENANCE = ("describes", "upstream", "version", "url", "checked", "checked_on")
"""What every reference table says of where its facts come from and how they were checked."""

COVERAGE = "un-membership"
"""The reference table of the states the statuses cover (all of them but the subject)."""

MADE = ("id", "country", "start", "end", "direction")
"""The fields of a period that the builder makes, and a chain does not give."""

CHAINS = {
    "statuses": (StatusPeriod, "status", (None,)),
    "recognitions": (RecognitionPeriod, "recognizes", (None,)),
    "representations": (
        RepresentationPeriod,
        "level",
        ("state_in_afghanistan", "afghanistan_in_state"),
    ),
}
"""Each file of chains of periods: the record, the field that changes between periods, and
the units of a state (a representation chain per direction: [[chains.XX.<direction>]])."""

MADE_HEAD = ("version", "sha256", "notes")
"""The dataset's own fields the builder makes: the version built, a digest that is not in the
file, and the notes, from their paragraphs."""


class BuildError(Exception):
    """The annotations cannot be built: the message says where and what is wrong."""


# Reading ------------------------------------------------------------------------------------


@attrs.frozen
class Annotations:
    """Everything under ``annotations/``, as read."""

    files: dict[str, Any]  # the record files' TOML, and each reference table's rows by key
    tables: dict[str, dict[str, Any]]  # each reference table's entry in tables.toml
    releases: dict[str, dict[str, Any]]  # version -> its date and summary, oldest first
    corrections: tuple[dict[str, Any], ...]


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise BuildError(f"{path.name}: {error}") from None


def read(root: Path = ANNOTATIONS) -> Annotations:
    """Read the annotations under `root`, and check their shape before anything is built."""
    files = {name: _toml(root / f"{name}.toml") for name in RECORD_FILES}
    _check_shape(files)
    tables = _toml(root / "tables.toml")
    for name, table in tables.items():
        _check_table(name, table, tables, taken=files)
        files[name] = _rows(root / str(table["file"]), str(table["key"]))
    releases = {}
    for entry in _toml(root / "releases.toml").get("releases", []):
        if set(entry) != {"version", "date", "summary"} or type(entry["date"]) is not dt.date:
            raise BuildError(f"releases.toml: a release has a version, date and summary: {entry}")
        releases[entry["version"]] = entry
    order = [_version(version, "releases.toml") for version in releases]
    if order != sorted(set(order)):
        raise BuildError("releases.toml: each version once, oldest first")
    entries = _toml(root / "corrections.toml").get("corrections", [])
    corrections = tuple(
        _check_correction(one, files, releases) for entry in entries for one in _each(entry)
    )
    for name in RECORD_FILES:
        for since in _sinces(files[name]):
            if since not in releases:
                raise BuildError(f"{name}.toml: since {since!r} is no release in releases.toml")
    return Annotations(files, tables, releases, corrections)


def _version(value: object, where: str) -> Level:
    """The sort key of a version, or a `BuildError` that says `where` it is not one."""
    try:
        return version_key(value)  # type: ignore[arg-type]
    except ValueError as error:
        raise BuildError(f"{where}: {error}") from None


def _tables_of(value: object, where: str) -> dict[str, Any]:
    """`value` if it is a table of tables (``[events.<id>]``), else a `BuildError`."""
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise BuildError(f"{where}: expected tables, one per record, got {value!r}")
    return value


def _arrays_of_tables(value: object, where: str) -> list[Any]:
    """`value` if it is an array of tables (``[[default]]``), else a `BuildError`."""
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise BuildError(f"{where}: expected an array of tables, [[...]], got {value!r}")
    return value


def _check_shape(files: dict[str, Any]) -> None:
    """Refuse a misspelt or misshapen table that the build would otherwise pass over."""
    for name in ("sources", "actors", "events", "references"):
        unknown = set(files[name]) - {name}
        if unknown:
            raise BuildError(
                f"{name}.toml: tables of no record: {sorted(unknown)}; use [{name}.<id>]"
            )
        _tables_of(files[name].get(name, {}), f"{name}.toml")
    _check_chain_files(files)
    head = files["dataset"]
    unknown = set(head) - set(_HEAD) - {"notes"}
    if unknown:
        raise BuildError(f"dataset.toml: {sorted(unknown)} are no fields of the dataset")
    for key, note in _tables_of(head.get("notes", {}), "dataset.toml [notes]").items():
        if set(note) - {"since"} != {"text"} or not isinstance(note["text"], str):
            raise BuildError(f"dataset.toml [notes.{key}]: a paragraph has a text, may say since")


def _check_chain_files(files: dict[str, Any]) -> None:
    """Refuse a file of chains that is not [[chains.XX]] and [[default]] (per direction)."""
    for name, (_, _, units) in CHAINS.items():
        found = files[name]
        unknown = set(found) - {"chains", "default"}
        if unknown:
            raise BuildError(f"{name}.toml: {sorted(unknown)}; use [[chains.XX]] and [[default]]")
        for code, chain in found.get("chains", {}).items():
            for unit, periods in _units(chain, units, f"{name}.toml [[chains.{code}]]"):
                _arrays_of_tables(periods, f"{name}.toml [[chains.{code}{unit}]]")
        for unit, periods in _units(found.get("default"), units, f"{name}.toml [[default]]"):
            if not _arrays_of_tables(periods, f"{name}.toml [[default{unit}]]"):
                raise BuildError(f"{name}.toml: the default chain{unit} has no period")


TABLE_KEYS = ("file", "key", "fills", "corrects", "outside", *PROVENANCE)
"""What an entry of ``tables.toml`` may say."""


def _check_table(
    name: str, table: dict[str, Any], tables: dict[str, Any], taken: Collection[str]
) -> None:
    """Refuse an entry of ``tables.toml`` without its provenance, or that the build misreads."""
    where = f"tables.toml [{name}]"
    missing = [key for key in (*PROVENANCE, "file", "key") if not table.get(key)]
    if missing:
        raise BuildError(f"{where}: says nothing of {', '.join(missing)}")
    unknown = sorted(set(table) - set(TABLE_KEYS))
    if unknown or name in taken:
        raise BuildError(f"{where}: a name of its own, and only {', '.join(TABLE_KEYS)}: {unknown}")
    outside = table.get("outside", [])
    if not isinstance(outside, list) or not all(isinstance(entry, str) for entry in outside):
        raise BuildError(f"{where}: outside lists upstream entries as text, such as 'COW 347'")
    if table.get("fills", "countries") != "countries":
        raise BuildError(f"{where}: fills = 'countries' is all a table can fill")
    corrects = table.get("corrects")
    if corrects is not None and (corrects not in tables or corrects == name or "fills" in table):
        raise BuildError(f"{where}: corrects names another table, and then fills nothing")


def _each(entry: object) -> Iterator[object]:
    """A correction of several fields (``paths``, one `was` for all) as one per field."""
    if not isinstance(entry, dict) or "paths" not in entry:
        yield entry
        return
    paths = entry["paths"]
    if "path" in entry:
        raise BuildError(f"corrections.toml: a path or paths, not both: {entry}")
    if not isinstance(paths, list) or not paths or not all(isinstance(p, str) for p in paths):
        raise BuildError(f"corrections.toml: paths is a list of paths, as text: {entry}")
    if len(set(paths)) < len(paths):
        raise BuildError(f"corrections.toml: paths names a field twice: {entry}")
    for path in paths:
        yield {key: value for key, value in entry.items() if key != "paths"} | {"path": path}


def _check_correction(
    entry: object, files: dict[str, Any], releases: dict[str, Any]
) -> dict[str, Any]:
    """Refuse a correction that names no release, or no field of the annotations as they are."""
    fields = {"version", "path", "why"}
    if not isinstance(entry, dict) or not fields <= set(entry) <= {*fields, "was"}:
        raise BuildError(f"corrections.toml: a version, path, why and maybe was: {entry}")
    where = f"corrections.toml: {entry['path']!r}"
    if not all(isinstance(entry[key], str) for key in fields) or entry["version"] not in releases:
        raise BuildError(f"{where}: version, path and why are text, the version a release's")
    holder, key = _locate(files, entry["path"])
    if "was" not in entry and key not in holder:
        raise BuildError(f"{where}: names no field, and without `was` it must name one")
    in_record = entry["path"].split(".")[0] in RECORD_FILES
    if key not in holder and key not in (_FIELD_NAMES if in_record else ()):
        raise BuildError(f"{where}: {key!r} is no field of any record, nor a key there")
    if not in_record and not isinstance(entry.get("was", ""), str):
        raise BuildError(f"{where}: a cell of a reference table was text, quoted")
    return entry


def _rows(path: Path, key: str) -> dict[str, dict[str, str]]:
    """A CSV reference table's rows by their `key` column; every cell is text, empty or not."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise BuildError(f"{path.name}: {error}") from None
    found: dict[str, dict[str, str]] = {}
    for line, row in enumerate(rows, 2):
        if None in row or None in row.values():
            raise BuildError(f"{path.name}:{line}: not one cell per column")
        if not row.get(key) or row[key] in found:
            raise BuildError(f"{path.name}:{line}: {key} is empty or repeats a row's")
        found[row[key]] = row
    return found


def _sinces(value: object) -> Iterator[object]:
    """Every ``since`` a record file's tables say, at any depth."""
    if isinstance(value, list):
        for item in value:
            yield from _sinces(item)
    elif isinstance(value, dict):
        if "since" in value:
            yield value["since"]
        for item in value.values():
            yield from _sinces(item)


def _locate(files: dict[str, Any], path: str) -> tuple[dict[str, Any], str]:
    """The table holding the field at a dotted `path`, and the field's name.

    The path may pass through positions in arrays, but ends at a field: a correction changes
    a value, and an array is corrected whole, so that no correction shifts another's positions.
    """
    parts = path.split(".")
    holder: Any = files
    if set(files.get(parts[0]) or ()) == {parts[0]}:
        parts.insert(0, parts[0])  # events.X is [events.X] of events.toml
    for part in parts[:-1]:
        holder = _member(holder, part)
        if holder is _LATER:
            raise BuildError(f"corrections.toml: nothing at {part!r} of {path!r}")
    if not isinstance(holder, dict):
        raise BuildError(f"corrections.toml: {path!r} must end at a field, not a position")
    return holder, parts[-1]


def _member(holder: object, part: str) -> Any:  # noqa: ANN401 -- any TOML value
    """The value at key (or, in an array, position) `part` of `holder`; `_LATER` if none."""
    if isinstance(holder, dict):
        return holder.get(part, _LATER)
    if isinstance(holder, list) and part.isdigit() and int(part) < len(holder):
        return holder[int(part)]
    return _LATER


# One version's view of the annotations ------------------------------------------------------


def at(annotations: Annotations, version: str) -> dict[str, Any]:
    """The annotations as of `version`: later corrections undone, later additions left out."""
    level = version_key(version)
    files = copy.deepcopy(annotations.files)
    later = [c for c in annotations.corrections if version_key(c["version"]) > level]
    for correction in sorted(later, key=lambda c: version_key(c["version"]), reverse=True):
        holder, key = _locate(files, correction["path"])
        if "was" in correction:
            holder[key] = correction["was"]
        elif holder.pop(key, _LATER) is _LATER:
            raise BuildError(f"corrections.toml: {correction['path']!r}: undone twice")
    return {
        name: _as_of(value, level) if name in RECORD_FILES else value
        for name, value in files.items()
    }


def _as_of(value: Any, level: Level) -> Any:  # noqa: ANN401 -- any TOML value
    """`value` without the tables that say they were added after `level`, nor their ``since``."""
    if isinstance(value, list):
        return [item for item in (_as_of(v, level) for v in value) if item is not _LATER]
    if not isinstance(value, dict):
        return value
    if "since" in value and version_key(value["since"]) > level:
        return _LATER
    kept = {key: _as_of(item, level) for key, item in value.items() if key != "since"}
    return {key: item for key, item in kept.items() if item is not _LATER}


# Records ------------------------------------------------------------------------------------


def _converter(names: Mapping[type, Callable[[str], Any]]) -> cattrs.Converter:
    """The converter of annotations: records from TOML tables, by the rules of the data files.

    A date is EDTF text and a day a TOML date; `names` turn the text that names a record (an
    actor's id, a country's alpha-2 code, a quote) into the record. A field that may be None
    is None when a table leaves it out, and a key that is no field is refused.
    """
    converter = strict_converter(detailed=True)

    def fuzzy(value: object, _: object) -> FuzzyDate:
        if not isinstance(value, str):
            msg = f"a date is EDTF text such as '2025-04' or '[2021-08..2025-07-03]': {value!r}"
            raise TypeError(msg)
        return FuzzyDate.parse(value)

    def day(value: object, _: object) -> dt.date:
        if type(value) is not dt.date:
            msg = f"expected a TOML date such as 2025-07-03, got {value!r}"
            raise TypeError(msg)
        return value

    def record(kind: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
        structure: Callable[[Any, Any], Any] = cattrs.gen.make_dict_structure_fn(
            kind, converter, _cattrs_forbid_extra_keys=True
        )
        nones = {
            field.name: None
            for field in attrs.fields(kind)
            if field.default is attrs.NOTHING and optional_of(field.type) is not None
        }

        def hook(value: object, _: object) -> object:
            find = names.get(kind)  # looked up on use: the records named are made later
            if find is not None and isinstance(value, str):
                return find(value)
            if not isinstance(value, dict):
                msg = f"expected a table of the fields of {kind.__name__}, got {value!r}"
                raise TypeError(msg)
            return structure({**nones, **value}, kind)

        return hook

    converter.register_structure_hook(FuzzyDate, fuzzy)
    converter.register_structure_hook(dt.date, day)
    converter.register_structure_hook_factory(attrs.has, record)
    return converter


def _make(converter: cattrs.Converter, value: object, kind: Any, where: str) -> Any:  # noqa: ANN401
    """A record of `kind` from `value`, or a `BuildError` that says `where` it is wrong."""
    try:
        return converter.structure(value, kind)
    except cattrs.BaseValidationError as error:
        problems = cattrs.transform_error(error, format_exception=describe, path=where)
        raise BuildError("; ".join(problems)) from None
    except (ValueError, TypeError, LookupError) as error:
        raise BuildError(f"{where}: {error}") from None


def _finder(what: str, records: Mapping[str, Any]) -> Callable[[str], Any]:
    def find(name: str) -> Any:  # noqa: ANN401 -- any record
        if name not in records:
            msg = f"no {what} {name!r}; known: {', '.join(sorted(records))}"
            raise LookupError(msg)
        return records[name]

    return find


def _quoter(sources: Mapping[str, Source]) -> Callable[[str], Evidence]:
    def quote(text: str) -> Evidence:
        places = [
            (source.id, start) for source in sources.values() for start in _finds(source.text, text)
        ]
        if len(places) != 1:
            msg = f"a quote must occur once in the sources, {text!r} occurs {len(places)} times"
            curly = text.replace("'", "\u2019")
            if not places and curly != text and any(curly in s.text for s in sources.values()):
                msg += "; the source writes \u2019 where the quote has '"
            raise LookupError(msg)
        ((source_id, start),) = places
        return Evidence(source_id=source_id, quote=text, start=start, end=start + len(text))

    return quote


def _finds(text: str, part: str) -> Iterator[int]:
    """Where `part` starts in `text`, each place (overlapping ones too)."""
    start = text.find(part)
    while start >= 0:
        yield start
        start = text.find(part, start + 1)


def _countries(files: dict[str, Any], tables: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The fields of each country the reference tables describe, with their corrections."""
    fields = attrs.fields_dict(Country)
    merged: dict[str, dict[str, object]] = {}
    for name, table in tables.items():
        if table.get("fills") != "countries":
            continue
        for code, row in _corrected(name, files, tables).items():
            found = merged.setdefault(code, {"alpha_2": code})
            for column, cell in row.items():
                if column != table["key"]:
                    if column not in fields or column in found:
                        raise BuildError(f"{name}: {column!r} is no Country field, or given twice")
                    found[column] = _cell(fields[column], cell, f"{name}: {code}")
    return merged


def _corrected(
    name: str, files: dict[str, Any], tables: dict[str, dict[str, Any]]
) -> dict[str, dict[str, str]]:
    """The rows of reference table `name`, with the values the tables correcting it give."""
    rows = {code: dict(row) for code, row in files[name].items()}
    for other, entry in tables.items():
        if entry.get("corrects") != name:
            continue
        for code, correction in files[other].items():
            if code not in rows or not correction.get("reason"):
                raise BuildError(f"{other}: {code} corrects no row of {name}, or says why")
            rows[code] |= {k: v for k, v in correction.items() if k != "reason"}
    return rows


def _cell(field: attrs.Attribute[Any], cell: str, where: str) -> object:
    """A CSV cell as the value of `field`: None when empty, a number for a number field."""
    optional = optional_of(field.type)
    if cell == "":
        if optional is None:
            raise BuildError(f"{where}: {field.name} must not be empty")
        return None
    if (optional or field.type) is int:
        if not cell.isascii() or not cell.isdigit():
            raise BuildError(f"{where}: {field.name} must be a whole number, got {cell!r}")
        return int(cell)
    if (optional or field.type) is bool:
        if cell not in ("true", "false"):
            raise BuildError(f"{where}: {field.name} must be true or false, got {cell!r}")
        return cell == "true"
    return cell


def compile_version(annotations: Annotations, version: str) -> Dataset:
    """The dataset of `version`, made from the annotations."""
    files = at(annotations, version)
    names: dict[type, Callable[[str], Any]] = {}
    converter = _converter(names)

    def records(name: str, kind: type, extra: Callable[[dict[str, Any]], dict[str, Any]]) -> Any:  # noqa: ANN401
        return {
            key: _make(converter, {"id": key, **extra(body)}, kind, f"{name}.toml [{name}.{key}]")
            for key, body in files[name].get(name, {}).items()
        }

    countries = {
        code: _make(converter, fields, Country, f"tables: {code}")
        for code, fields in _countries(files, annotations.tables).items()
    }
    names[Country] = _finder("country", countries)
    sources = records("sources", Source, _source_text)
    names[Evidence] = _quoter(sources)
    actors = records("actors", Actor, dict)
    names[Actor] = _finder("actor", actors)
    events = records("events", Event, dict)
    head = dict(files["dataset"])
    notes = head.pop("notes", {})
    values = {
        key: _make(converter, value, _HEAD[key].type, f"dataset.toml: {key}")
        for key, value in head.items()
    }
    values |= {
        "version": version,
        "sha256": "0" * 64,  # the digest is of the file, so it is not written into it
        "notes": " ".join(note["text"] for note in notes.values()),
    }
    collections = {
        "sources": tuple(sources.values()),
        "actors": tuple(actors.values()),
        "events": tuple(sorted(events.values(), key=event_order)),
        "statuses": (),
        "references": tuple(records("references", Reference, dict).values()),
    }
    if _version(version, "the version") >= DIMENSIONS:
        for name in ("recognitions", "representations"):
            collections[name] = _chains(converter, files, events, name)
    else:
        collections["statuses"] = _chains(converter, files, events, "statuses")
    try:
        return build(Dataset, _version(version, "the version"), values | collections)
    except DataFormatError as error:  # an invariant of the whole: say which record breaks it
        problem = str(error).removeprefix(f"{error.path}: ")
        match = re.fullmatch(r"\$\.(\w+)\[(\d+)\](.*)", error.path)
        if match is None:
            raise BuildError(f"version {version}: {error}") from None
        name, position, field = match.groups()
        record = collections[name][int(position)].id
        raise BuildError(f"{name}.toml, {record}{field}: {problem}") from None


_FIELD_NAMES = frozenset(
    field.name for kind in records_of(Dataset) for field in attrs.fields(kind) if field.init
)
"""Every field name of every record: a correction may restore a field that is empty now."""

_HEAD = {
    field.name: field
    for field in attrs.fields(Dataset)
    if field.init and items_of(field.type) is None and field.name not in MADE_HEAD
}
"""The dataset's own fields that ``dataset.toml`` gives: not its collections, nor what the
builder makes."""


def _source_text(body: dict[str, Any]) -> dict[str, Any]:
    """A source's fields, with its text and digest read from the file it names."""
    fields = dict(body)
    path = ROOT / str(fields.pop("file", ""))
    try:
        text = path.read_bytes().decode("utf-8") if path.is_file() else None
    except UnicodeDecodeError:
        text = None
    if text is None:
        raise BuildError(f"sources.toml: a source names its file, UTF-8 text: {path.name!r}")
    return {**fields, "text": text, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def _units(chain: object, units: tuple[str | None, ...], where: str) -> Iterator[tuple[str, Any]]:
    """The chains of a state's units: its one chain, or one per direction, with their names."""
    if units == (None,):
        yield "", chain
        return
    if not isinstance(chain, dict) or set(chain) != set(units):
        raise BuildError(f"{where}: one chain per direction, {', '.join(map(str, units))}")
    for unit in units:
        yield f".{unit}", chain[unit]


def _chains(
    converter: cattrs.Converter, files: dict[str, Any], events: dict[str, Event], name: str
) -> tuple[Any, ...]:
    """Every covered state's chains of periods of file `name`, by code: its own, or the default.

    A period's id is its country's code, its unit and its value; it starts on the date of
    its first event, and ends where the next period starts.
    """
    kind, changes, units = CHAINS[name]
    chains = files[name].get("chains", {})
    covered = sorted(set(files[COVERAGE]) - {SUBJECT})
    if set(chains) - set(covered):
        raise BuildError(f"{name}.toml: chains of uncovered states {set(chains) - set(covered)}")
    periods = []
    for code in covered:
        own = code in chains
        for unit, chain in _units(chains.get(code) or files[name]["default"], units, name):
            where = f"{name}.toml [[chains.{code}{unit}]]" if own else f"[[default{unit}]]"
            starts = []
            for body in chain:
                ids = body.get("events") or [None]
                if ids[0] not in events or set(MADE) & set(body):
                    raise BuildError(f"{where}: first event {ids[0]!r} dates it; {MADE} are made")
                starts.append(str(events[ids[0]].date))
            for body, start, end in zip(chain, starts, [*starts[1:], None], strict=True):
                made = {"id": _period_id(code, unit, body.get(changes)), "country": code}
                made |= {"start": start, "end": end}
                if unit:
                    made["direction"] = unit[1:]
                periods.append(_make(converter, {**made, **body}, kind, where))
    return tuple(periods)


def _period_id(code: str, unit: str, value: object) -> str:
    """A period's id, e.g. ``ru-formal-recognition``, ``ru-recognizing``.

    A representation period's names its direction: ``cn-state-in-afghanistan-ambassador``.
    """
    if isinstance(value, bool):
        shown = "recognizing" if value else "not-recognizing"
    else:
        shown = str(value)
    return "-".join(part.replace("_", "-") for part in (code.lower(), unit[1:], shown) if part)


# Checking and writing -----------------------------------------------------------------------


def manifest() -> dict[str, str]:
    """The shipped versions and their digests, oldest first, from this checkout's manifest."""
    try:
        return Shelf(lambda: DATA, "src/taliban_recognition/data").manifest()
    except DataFormatError as error:
        raise BuildError(str(error)) from None


def derived_files(annotations: Annotations, digests: dict[str, str]) -> dict[Path, bytes]:
    """The files made for the versions `digests` lists, other than their data files.

    They are the manifest, the release dates and ``CITATION.cff`` (the newest version's).
    """
    missing = [version for version in digests if version not in annotations.releases]
    if missing:
        raise BuildError(f"releases.toml lists no release of {', '.join(missing)}")
    dates = {version: annotations.releases[version]["date"] for version in digests}
    newest = list(digests)[-1]
    texts = {
        DATA / MANIFEST: "".join(f"{d}  {v}.json\n" for v, d in digests.items()),
        DATA / RELEASES: "".join(f"{v}  {day.isoformat()}\n" for v, day in dates.items()),
        CITATION: citation(newest, digests[newest], dates[newest], "cff"),
    }
    return {path: text.encode("utf-8") for path, text in texts.items()}


def unwritten(annotations: Annotations) -> list[str]:
    """The versions ``releases.toml`` lists that are newer than every shipped one."""
    newest = version_key(list(manifest())[-1])
    return [version for version in annotations.releases if version_key(version) > newest]


def check(annotations: Annotations, versions: list[str]) -> list[str]:
    """What differs from its build: each version's data file, and the derived files.

    A version that ``releases.toml`` lists and no data file has yet is built too, so that its
    annotations are checked before it is written.
    """
    digests = manifest()
    problems = []
    for version in versions:
        if version in unwritten(annotations):
            compile_version(annotations, version)  # raises if it cannot be built
        elif version not in digests:
            problems.append(f"{version} is not a shipped version ({', '.join(digests)})")
        else:
            shipped = (DATA / f"{version}.json").read_bytes()
            built = compile_version(annotations, version)
            if dumps(built) != shipped:
                problems.append(_difference(version, shipped, built))
    for path, data in derived_files(annotations, digests).items():
        if not path.is_file() or path.read_bytes() != data:
            shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            problems.append(f"{shown} is stale: run scripts/build_dataset.py --refresh")
    return problems


def _difference(version: str, shipped: bytes, built: Dataset) -> str:
    """What a version's build changes in its shipped file, record by record."""
    old = loads(shipped, hashlib.sha256(shipped).hexdigest())
    changes = str(DatasetDiff.between(old, built)).splitlines()[1:]
    shown = "\n    ".join(changes[:12] + (["..."] if len(changes) > 12 else []))
    return (
        f"data/{version}.json differs from its build; record in corrections.toml what changed,"
        f" or say since on what is new:\n    {shown}"
    )


def write(annotations: Annotations, version: str) -> str:
    """Write a new version's data file, and the manifest, release dates and citation with it."""
    digests = manifest()
    newest = list(digests)[-1]
    if version in digests:
        raise BuildError(f"{version} is released (SHA256SUMS lists it) and never changes")
    if _version(version, "--write") <= version_key(newest):
        raise BuildError(f"{version} is not newer than the newest shipped version, {newest}")
    stale = [p for p in check(annotations, list(digests)) if not p.endswith("--refresh")]
    if stale:  # the annotations must still say what every released version has
        raise BuildError("; ".join(stale) + ": record what changed before writing a version")
    data = dumps(compile_version(annotations, version))
    digests[version] = hashlib.sha256(data).hexdigest()
    _save({DATA / f"{version}.json": data, **derived_files(annotations, digests)})
    return f"wrote data/{version}.json (SHA-256 {digests[version]}); {_names(digests)}"


def _save(files: dict[Path, bytes]) -> None:
    for path, data in files.items():
        path.write_bytes(data)


def _names(digests: dict[str, str]) -> str:
    listed = ", ".join(digests)
    return f"{MANIFEST} and {RELEASES} list {listed}; {CITATION.name} cites {list(digests)[-1]}"


def main(argv: list[str] | None = None) -> int:
    """Check the shipped versions against their builds, write a new one, or refresh."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument(
        "--check", nargs="*", metavar="VERSION", help="rebuild shipped versions (default: all)"
    )
    group.add_argument("--write", metavar="VERSION", help="write a new version")
    group.add_argument(
        "--refresh", action="store_true", help="rewrite the release dates and CITATION.cff"
    )
    arguments = parser.parse_args(argv)
    try:
        annotations = read()
        if arguments.write is not None:
            print(write(annotations, arguments.write))
            return 0
        if arguments.refresh:
            _save(derived_files(annotations, manifest()))
            print(f"wrote {_names(manifest())}")
            return 0
        versions = arguments.check or [*manifest(), *unwritten(annotations)]
        problems = check(annotations, versions)
    except BuildError as error:
        print(f"build: {error}", file=sys.stderr)
        return 1
    for problem in problems:
        print(f"build: {problem}", file=sys.stderr)
    if not problems:
        written = [version for version in versions if version not in unwritten(annotations)]
        print(f"{', '.join(written)}: every data file is its build, byte for byte")
        for version in sorted(set(versions) - set(written)):
            print(
                f"{version}: builds; not written yet (scripts/build_dataset.py --write {version})"
            )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
