"""The shipped 2.x data files read without cattrs, for the first answer.

`_convert.loads` reads any data file with cattrs and checks every value's JSON type, which
costs importing cattrs and generating its hooks on the way to the first answer (about a fifth
of its time). The files a release ships never change, and their digests are known, so a file
whose SHA-256 digest is one of `TRUSTED` is read here instead: each record is made from its
JSON object by calling the model class, whose own checks still run, and the same `Dataset` is
built. The tests read every trusted file both ways and require equal datasets, so the two
readers cannot drift apart; any other file, or a trusted one this reader fails on, is read by
`_convert.loads`, which says where a file is wrong.
"""

from __future__ import annotations

import contextlib
import gc
import json
import threading
from typing import TYPE_CHECKING, Any

from taliban_recognition._dataset import Dataset
from taliban_recognition._model import (
    Actor,
    ActorKind,
    Basis,
    Corroboration,
    Country,
    DatePrecision,
    Direction,
    Event,
    EventCodes,
    EventKind,
    Evidence,
    FuzzyDate,
    PloverType,
    RecognitionPeriod,
    Reference,
    RepresentationLevel,
    RepresentationPeriod,
    Source,
    parse_iso_day,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

TRUSTED = {
    "2.0.0": "83eee73cad03b954108e458211bbe6f3edb4d9b972255887089c10616ec5c080",
}
"""The digest of each shipped file this module reads, by version.

A released file never changes, so its digest is fixed here when it is released; the tests
require every shipped file of a 2.x version to be listed with the manifest's digest.
"""

_FILE_KEYS = frozenset(
    {
        "version",
        "as_of",
        "coverage_start",
        "notes",
        "countries",
        "quotes",
        "actors",
        "sources",
        "references",
        "events",
        "recognitions",
        "representations",
    }
)
"""The keys of a 2.x file, as `_convert` reads them."""


def trusted(version: str, sha256: str) -> bool:
    """Whether the file of `version` whose digest is `sha256` is one this module reads."""
    return TRUSTED.get(version) == sha256


def _record(kind: Callable[..., Any], fields: dict[str, Callable[[Any], Any]]) -> Any:  # noqa: ANN401
    """A reader of one JSON object into `kind`: `fields` converts the values that need it."""

    def build(entry: dict[str, Any]) -> Any:  # noqa: ANN401
        return kind(**{name: fields[name](v) if name in fields else v for name, v in entry.items()})

    return build


def _optional(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else read(value)


def read(record: dict[str, Any], version: str, sha256: str) -> Dataset:
    """The dataset of a 2.x file's JSON, read without cattrs; any error if it is not one."""
    if set(record) != _FILE_KEYS:
        msg = f"a {version} file has the fields {sorted(_FILE_KEYS)}"
        raise ValueError(msg)
    fuzzy = _record(
        FuzzyDate,
        {"earliest": parse_iso_day, "latest": parse_iso_day, "precision": DatePrecision},
    )
    countries = {key: Country(**entry) for key, entry in record["countries"].items()}
    quotes = {key: Evidence(**entry) for key, entry in record["quotes"].items()}
    for table in (countries, quotes):  # each record must be the one of its id
        for key, found in table.items():
            named = found.alpha_2 if isinstance(found, Country) else quote_id(found)
            if named != key:
                msg = f"{key!r} holds the record of {named!r}"
                raise ValueError(msg)
    used: set[str] = set()

    def country(key: str) -> Country:
        used.add(key)
        return countries[key]

    def evidence(keys: list[str]) -> tuple[Evidence, ...]:
        used.update(keys)
        return tuple(quotes[key] for key in keys)

    actor_of = _record(Actor, {"kind": ActorKind, "country": _optional(country)})
    actors = tuple(actor_of(entry) for entry in record["actors"])
    by_id = {found.id: found for found in actors}
    periods = {"start": fuzzy, "end": _optional(fuzzy), "basis": Basis, "events": tuple}
    periods.update(country=country, evidence=evidence)
    readers: dict[str, Callable[[Any], Any]] = {
        "events": _record(
            Event,
            {
                "kind": EventKind,
                "actor": by_id.__getitem__,
                "target": _optional(by_id.__getitem__),
                "date": fuzzy,
                "evidence": evidence,
                "codes": _optional(_record(EventCodes, {"plover": PloverType})),
                "corroboration": _optional(_record(Corroboration, {"date": fuzzy})),
            },
        ),
        "recognitions": _record(RecognitionPeriod, periods),
        "representations": _record(
            RepresentationPeriod,
            {**periods, "direction": Direction, "level": RepresentationLevel},
        ),
        "sources": _record(Source, {}),
        "references": _record(
            Reference, {"date": _optional(fuzzy), "checked_on": _optional(parse_iso_day)}
        ),
    }
    values = {name: tuple(map(build, record[name])) for name, build in readers.items()}
    if used != {*countries, *quotes}:  # a canonical file holds no record that none names
        msg = "a country or quote that no record names"
        raise ValueError(msg)
    return Dataset(
        version=record["version"],
        sha256=sha256,
        as_of=parse_iso_day(record["as_of"]),
        coverage_start=parse_iso_day(record["coverage_start"]),
        notes=record["notes"],
        actors=actors,
        statuses=(),
        **values,
    )


def quote_id(evidence: Evidence) -> str:
    """The id a 2.x file gives a quote: its source's id and its offsets, e.g. ``src:81-194``."""
    return f"{evidence.source_id}:{evidence.start}-{evidence.end}"


def loads(data: bytes, version: str, sha256: str) -> Dataset | None:
    """The dataset of a trusted file's bytes, or None when it is not read here.

    None when `sha256` is not `version`'s trusted digest, or when reading fails in any way:
    the caller then reads the file with `_convert.loads`, which says what is wrong.
    """
    if not trusted(version, sha256):
        return None
    with collection_paused(), contextlib.suppress(Exception):
        record = json.loads(data)
        if record.get("version") == version:
            return read(record, version, sha256)
    return None


_gc_lock = threading.Lock()
_gc_pauses = {"loads": 0, "was_enabled": 0}


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, process-wide, while any load runs.

    Reading a large file makes millions of objects, none in a reference cycle; the collector
    would scan them again and again as they accumulate, for nothing, so that loading grew
    faster than the file. The first of overlapping loads pauses it, the last restores it to
    what it was before the first; a collector the user had disabled stays disabled.
    """
    with _gc_lock:
        if _gc_pauses["loads"] == 0:
            _gc_pauses["was_enabled"] = int(gc.isenabled())
            gc.disable()
        _gc_pauses["loads"] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses["loads"] -= 1
            if _gc_pauses["loads"] == 0 and _gc_pauses["was_enabled"]:
                gc.enable()
