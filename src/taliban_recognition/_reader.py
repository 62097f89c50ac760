"""The shipped 2.x data files read without cattrs, for the first answer.

`_convert.loads` reads any data file with cattrs and checks every value's JSON type, which
costs importing cattrs and generating its hooks on the way to the first answer (about a sixth
of its time). The files a release ships never change, and their digests are known, so a file
whose SHA-256 digest is one of `TRUSTED` is read here instead, and without checks: its
bytes are those of a shipped file, which the tests read with every check, so no check can
fail on them. Each record is made from its JSON object by its class's unchecked maker
(`_record.unchecked`), and the dataset's indices are built without their checks; the
checks took about a third of reading the file. The tests read every trusted file both ways,
and every 2.x dataset the strategies draw, and require equal datasets with equal indices,
so the two readers cannot drift apart; any other file, or a trusted one this reader fails
on, is read by `_convert.loads`, which says where a file is wrong.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import threading
from typing import TYPE_CHECKING, Any

from taliban_recognition._dataset import Dataset, unchecked_dataset
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
from taliban_recognition._record import unchecked

if TYPE_CHECKING:
    import enum
    from collections.abc import Callable, Iterator

TRUSTED = {
    "2.0.0": "83eee73cad03b954108e458211bbe6f3edb4d9b972255887089c10616ec5c080",
}
"""The digest of each shipped file this module reads, by version.

A released file never changes, so its digest is fixed here when it is released; the tests
require every shipped file of a 2.x version to be listed with the manifest's digest.
"""


def trusted(version: str, sha256: str) -> bool:
    """Whether the file of `version` whose digest is `sha256` is one this module reads."""
    return TRUSTED.get(version) == sha256


def _record(kind: type, fields: dict[str, Callable[[Any], Any]]) -> Any:  # noqa: ANN401
    """A reader of one JSON object into `kind`: `fields` converts the values that need it."""
    make: Callable[..., Any] = unchecked(kind)

    def build(entry: dict[str, Any]) -> Any:  # noqa: ANN401
        return make(**{name: fields[name](v) if name in fields else v for name, v in entry.items()})

    return build


def _or_none(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A reader of an optional value: None stays None, anything else is read by `read`."""
    return lambda value: None if value is None else read(value)


def _member(kind: type[enum.Enum]) -> Callable[[Any], Any]:
    """A reader of an enum's value: its member.

    Any other value raises KeyError (TypeError if unhashable), where calling the enum raises
    ValueError; either way `loads` hands the file to the converter.
    """
    return {member.value: member for member in kind}.__getitem__


def read(record: dict[str, Any], sha256: str) -> Dataset:
    """The dataset of a trusted 2.x file's JSON object, read without cattrs and unchecked.

    Nothing is checked but what reading needs (a key that is missing, an id that names no
    record, a value no enum member has raises). A trusted file is one whose bytes the tests
    read with `_convert.loads` too, which checks everything (the fields of the file and of
    each record, their JSON types and values, ids that name their records, no record that
    none names, the invariants `Indices` checks) and must give an equal dataset with equal
    indices. `sha256` is the file's digest.
    """
    # Each day and date is made once for each text it has: about one date in two repeats.
    day = functools.cache(parse_iso_day)
    precision = _member(DatePrecision)

    make_date = unchecked(FuzzyDate)

    @functools.cache
    def date(earliest: str, latest: str, of: str) -> FuzzyDate:
        return make_date(day(earliest), day(latest), precision(of))

    def fuzzy(entry: dict[str, str]) -> FuzzyDate:
        return date(entry["earliest"], entry["latest"], entry["precision"])

    country, quote = unchecked(Country), unchecked(Evidence)
    countries = {key: country(**entry) for key, entry in record["countries"].items()}
    quotes = {key: quote(**entry) for key, entry in record["quotes"].items()}

    def evidence(keys: list[str]) -> tuple[Evidence, ...]:
        return tuple(quotes[key] for key in keys)

    actor_of = _record(
        Actor, {"kind": _member(ActorKind), "country": _or_none(countries.__getitem__)}
    )
    actors = tuple(actor_of(entry) for entry in record["actors"])
    by_id = {found.id: found for found in actors}
    periods = {"start": fuzzy, "end": _or_none(fuzzy), "basis": _member(Basis), "events": tuple}
    periods.update(country=countries.__getitem__, evidence=evidence)
    readers: dict[str, Callable[[Any], Any]] = {
        "events": _record(
            Event,
            {
                "kind": _member(EventKind),
                "actor": by_id.__getitem__,
                "target": _or_none(by_id.__getitem__),
                "date": fuzzy,
                "evidence": evidence,
                "codes": _or_none(_record(EventCodes, {"plover": _member(PloverType)})),
                "corroboration": _or_none(_record(Corroboration, {"date": fuzzy})),
            },
        ),
        "recognitions": _record(RecognitionPeriod, periods),
        "representations": _record(
            RepresentationPeriod,
            {**periods, "direction": _member(Direction), "level": _member(RepresentationLevel)},
        ),
        "sources": _record(Source, {}),
        "references": _record(Reference, {"date": _or_none(fuzzy), "checked_on": _or_none(day)}),
    }
    values = {name: tuple(map(build, record[name])) for name, build in readers.items()}
    return unchecked_dataset(
        version=record["version"],
        sha256=sha256,
        as_of=day(record["as_of"]),
        coverage_start=day(record["coverage_start"]),
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

    `sha256` is the digest the caller computed of `data`, which is not hashed again here. None
    when it is not `version`'s trusted digest, when the file's own version is another, or when
    reading fails in any way: the caller then reads the file with `_convert.loads`, which says
    what is wrong. A file with a trusted digest is a shipped file, byte for byte, which the
    tests read with every check, so none runs here (see `read`).
    """
    if not trusted(version, sha256):
        return None
    with collection_paused(), contextlib.suppress(Exception):
        record = json.loads(data.decode("utf-8"))  # strictly, as `_convert` reads it
        if record.get("version") == version:
            return read(record, sha256)
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
