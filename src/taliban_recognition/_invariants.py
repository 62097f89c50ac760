"""The invariants of a loaded dataset, checked once, and the lookups built while checking them.

`Indices` is built when a `Dataset` is made: it checks every invariant of the records (ids,
quotes, the order of events, each chain of periods) and keeps the indices the queries read.
Only the reader of shipped files (`_reader`) builds them without the checks, for the exact
bytes of files the tests read with every check (`Indices(..., checked=False)`).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import TYPE_CHECKING, Any, TypeVar

from taliban_recognition._chains import Chain, chains_by_reading
from taliban_recognition._errors import DataFormatError
from taliban_recognition._iso import ALIASES, codes_of, normalize
from taliban_recognition._model import (
    Actor,
    Country,
    Direction,
    Event,
    Evidence,
    RecognitionPeriod,
    RecognitionStatus,
    Reference,
    RepresentationLevel,
    RepresentationPeriod,
    Source,
    StatusPeriod,
)
from taliban_recognition._record import fields_of, is_record
from taliban_recognition._schema import field_since, newest, version_key

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable

    from taliban_recognition._dataset import Dataset
    from taliban_recognition._model import Dates

Record = TypeVar(  # any record with an id
    "Record",
    Source,
    Reference,
    Actor,
    Event,
    StatusPeriod,
    RecognitionPeriod,
    RepresentationPeriod,
)

SUBJECT = "AF"
"""The state whose government the dataset is about; it has no recognition status of its own."""

NOUNS = {"statuses": "status", "recognitions": "recognition", "representations": "level"}
"""What the value of a period of each collection is called in messages."""

NOUNS_FIELD = {"status": "status", "recognition": "recognizes", "level": "level"}

DIMENSIONS = (2, 0, 0)
"""The first dataset version whose status is derived from recognition and representation."""


@functools.cache
def _schema() -> tuple[int, int, int]:
    """The newest schema: the latest ``since`` of any field (`_dataset.SCHEMA`)."""
    from taliban_recognition._dataset import Dataset  # noqa: PLC0415 -- it imports this module

    return newest(Dataset)


QUERIES_KEPT = 4096
"""How many country queries a dataset remembers the code of (`Indices.queried`)."""

QUERY_LENGTH_KEPT = 100
"""The longest string query remembered: longer than any country name. The strings are the
callers', and a longer one (padded, or a whole line of text) is answered but not kept."""


class Indices:
    """Lookups built once per loaded dataset, so that queries need not scan every record.

    Building them checks every invariant of the data, unless `checked` is false: then only
    the indices are built, which is for the records of a file the tests have read with every
    check (`_reader`). A plain class, like `Chain`.

    A dataset of 1.x has status periods, indexed by country in `periods` and `chains`. From
    2.0.0 (`derived`) it has recognition and representation periods instead: `periods` and
    `chains` index the recognition ones, `directions` and `levels` those of each direction,
    and the status is derived from them.
    """

    __slots__ = (
        "actors",
        "chains",
        "codes",
        "derived",
        "directions",
        "events",
        "events_by_actor",
        "events_by_country",
        "events_by_kind",
        "events_by_target",
        "levels",
        "names",
        "periods",
        "possible",
        "queried",
        "recognizing",
        "references",
        "sources",
        "triples",
    )

    def __init__(self, dataset: Dataset, *, checked: bool = True) -> None:
        try:
            level = version_key(dataset.version)
        except ValueError as error:
            raise DataFormatError("$.version", str(error)) from None
        if checked and level < _schema():  # a version of the newest schema may set every field
            _check_schema(dataset, "$", level)
        self.derived = level >= DIMENSIONS
        self.sources = _unique(dataset.sources, "sources")
        self.actors = _unique(dataset.actors, "actors")
        self.events = _unique(dataset.events, "events")
        self.references = _unique(dataset.references, "references")
        if checked:
            if dataset.as_of < dataset.coverage_start:
                raise DataFormatError("$.as_of", "as_of comes before coverage_start")
            _check_events(dataset, self.sources, self.actors, self.references)
        self.events_by_country = _index_events(dataset)
        self.periods: dict[str, tuple[StatusPeriod, ...]] | dict[str, tuple[RecognitionPeriod, ...]]
        self.chains: (
            dict[Dates, dict[str, Chain[StatusPeriod, RecognitionStatus]]]
            | dict[Dates, dict[str, Chain[RecognitionPeriod, bool]]]
        )
        self.directions: dict[Direction, dict[str, tuple[RepresentationPeriod, ...]]] = {}
        self.levels: dict[
            Direction, dict[Dates, dict[str, Chain[RepresentationPeriod, RepresentationLevel]]]
        ] = {}
        check = _Checker(dataset, self.sources, self.events, checked=checked)
        if self.derived:
            self._index_dimensions(dataset, check)
        else:
            if checked:
                _unique(dataset.statuses, "statuses")
            statuses = check.chains("statuses", _status)
            self.periods = statuses
            self.chains = chains_by_reading(statuses, self.events, _status, "statuses")
        if checked:
            from taliban_recognition._draws import check_order  # noqa: PLC0415 -- when checking

            check_order(self)  # chains that share an event must be orderable together
        named = _named(dataset)
        self.codes = _index_codes(named)  # each code key of every country the records name
        self.names = _index_names(named, self.codes)  # and their names, without pycountry
        # The chains that ever hold formal recognition, by reading: the only ones `recognizers`
        # needs to look at on a day, however long the others' histories.
        wanted: object = True if self.derived else RecognitionStatus.FORMAL_RECOGNITION
        self.recognizing: dict[Dates, tuple[Chain[Any, Any], ...]] = {
            dates: tuple(found for found in chains.values() if wanted in found.held)
            for dates, chains in self.chains.items()
        }
        # A 2.x state's three chains by reading and code: formal recognition, its mission in
        # Kabul, Afghanistan's in it; the status is derived from them.
        self.triples: dict[Dates, dict[str, tuple[Chain[Any, Any], ...]]] = {
            dates: {
                code: (found, *(self.levels[d][dates][code] for d in Direction))
                for code, found in chains.items()
            }
            for dates, chains in self.chains.items()
            if self.derived
        }
        # The statuses a 2.x state's dimensions allow, by state, reading and the positions of
        # the periods that can hold: filled as queries ask, a few entries per state.
        self.possible: dict[tuple[str, str, tuple[int, ...]], tuple[RecognitionStatus, ...]] = {}
        # The alpha-2 code of each plain str or int query answered so far, up to QUERIES_KEPT:
        # asking about the same country the same way again skips normalizing and looking up.
        self.queried: dict[str | int, str] = {}
        self.events_by_actor = _group(dataset.events, lambda e: e.actor.id)
        self.events_by_target = _group(dataset.events, lambda e: e.target.id if e.target else None)
        self.events_by_kind = _group(dataset.events, lambda e: e.kind)

    def _index_dimensions(self, dataset: Dataset, check: _Checker) -> None:
        """Index (and check, as `check` does) a 2.x dataset's recognition and representation."""
        if check.checked and dataset.statuses:
            raise DataFormatError(
                "$.statuses", "from dataset 2.0.0 the status is derived, not recorded"
            )
        recognitions = check.chains("recognitions", _recognizes)
        self.periods = recognitions
        self.chains = chains_by_reading(recognitions, self.events, _recognizes, "recognitions")
        for direction in Direction:
            grouped = check.chains("representations", _level, _of_direction(direction))
            if check.checked and grouped.keys() != recognitions.keys():
                raise DataFormatError(
                    "$.representations",
                    f"{direction.value} must cover the states recognitions cover",
                )
            self.directions[direction] = grouped
            self.levels[direction] = chains_by_reading(
                grouped, self.events, _level, "representations"
            )
        if check.checked:
            _unique(dataset.recognitions, "recognitions")
            _unique(dataset.representations, "representations")
            _one_record_per_country(dataset)


def _one_record_per_country(dataset: Dataset) -> None:
    """Refuse two records of one country: a 2.x file names countries by code, once each."""
    countries: dict[str, Country] = {}
    for field in ("actors", "recognitions", "representations"):
        for position, record in enumerate(getattr(dataset, field)):
            country = record.country
            if country is not None and countries.setdefault(country.alpha_2, country) != country:
                raise DataFormatError(
                    f"$.{field}[{position}].country",
                    f"{country.alpha_2} is recorded in two ways; from dataset 2.0.0 each "
                    "country has one record",
                )


def _of_direction(direction: Direction) -> Callable[[RepresentationPeriod], bool]:
    def keep(period: RepresentationPeriod) -> bool:
        return period.direction is direction

    return keep


def _status(period: StatusPeriod) -> RecognitionStatus:
    return period.status


def _recognizes(period: RecognitionPeriod) -> bool:
    return period.recognizes


def _level(period: RepresentationPeriod) -> RepresentationLevel:
    return period.level


def event_order(event: Event) -> tuple[dt.date, dt.date, str]:
    """The order of `Dataset.events`: earliest possible date, then latest, then id."""
    return event.date.earliest, event.date.latest, event.id


def _unique(records: tuple[Record, ...], field: str) -> dict[str, Record]:
    found: dict[str, Record] = {}
    for position, record in enumerate(records):
        if record.id in found:
            raise DataFormatError(f"$.{field}[{position}].id", f"duplicate id {record.id!r}")
        found[record.id] = record
    return found


def _check_evidence(evidence: tuple[Evidence, ...], path: str, sources: dict[str, Source]) -> None:
    for position, item in enumerate(evidence):
        source = sources.get(item.source_id)
        if source is None:
            raise DataFormatError(f"{path}[{position}].source_id", f"no source {item.source_id!r}")
        if source.text[item.start : item.end] != item.quote:
            raise DataFormatError(
                f"{path}[{position}]",
                f"quote {item.quote!r} is not the text at [{item.start}, {item.end}) "
                f"of {source.id}",
            )


_Key = TypeVar("_Key")


def _group(
    events: tuple[Event, ...], key: Callable[[Event], _Key | None]
) -> dict[_Key, tuple[Event, ...]]:
    """The events by a key (None: left out), each group in dataset order."""
    groups: defaultdict[_Key, list[Event]] = defaultdict(list)
    for event in events:
        found = key(event)
        if found is not None:
            groups[found].append(event)
    return {found: tuple(group) for found, group in groups.items()}


def _index_codes(named: Iterable[Country]) -> dict[str, Country]:
    """The countries the records name, by each of their codes.

    Queries by code are answered from these, the dataset's own ISO records, without a search
    of the ISO 3166-1 list (names: `_index_names`). A code that two records give
    to different countries is left out, so that a query by it is resolved by ISO 3166-1.
    """
    codes: dict[str, Country] = {}
    ambiguous: set[str] = set()
    for found in dict.fromkeys(named):  # a country's first record is the one answered
        for code in codes_of(found):
            known = codes.setdefault(code, found)
            if codes_of(known) != codes_of(found):
                ambiguous.add(code)
    for code in ambiguous:
        del codes[code]
    return codes


def _index_names(named: Iterable[Country], codes: dict[str, Country]) -> dict[str, Country]:
    """The countries the records name, by the name each record gives and the aliases of `country`.

    Queries by these names are answered without building the ISO 3166-1 index, which imports
    pycountry. The shipped records carry ISO 3166-1's names, and the aliases are the ones the
    ISO index adds, so the answers are its answers. A name two countries share, or one that is
    a code of a country, is left out: the query goes to ISO 3166-1.
    """
    names: dict[str, Country] = {}
    ambiguous: set[str] = set()
    for found in dict.fromkeys(named):  # a country's first record is the one answered
        for name in (found.name, *ALIASES.get(found.alpha_2, ())):
            name_key = normalize(name)
            known = names.setdefault(name_key, found)
            if known.alpha_2 != found.alpha_2 or name_key in codes or not name_key:
                ambiguous.add(name_key)
    for name_key in ambiguous:
        del names[name_key]
    return names


def _named(dataset: Dataset) -> list[Country]:
    """The countries the records name, in record order, with repeats."""
    named = [period.country for period in dataset.statuses]
    named += [period.country for period in dataset.recognitions]
    named += [actor.country for actor in dataset.actors if actor.country is not None]
    return named


def _check_schema(record: object, path: str, level: tuple[int, int, int]) -> None:
    """Check that no field added after dataset version `level` is set, at any depth."""
    if isinstance(record, tuple):
        for n, item in enumerate(record):
            _check_schema(item, f"{path}[{n}]", level)
        return
    kind = type(record)
    if not is_record(kind):
        return
    for field in fields_of(kind):
        if not field.init:
            continue
        value = getattr(record, field.name)
        added = field_since(field)
        if added > level and value != field.default:
            raise DataFormatError(
                f"{path}.{field.name}",
                f"the field was added in dataset version {'.'.join(map(str, added))} and "
                f"cannot be set in a version {'.'.join(map(str, level))} dataset",
            )
        _check_schema(value, f"{path}.{field.name}", level)


def _index_events(dataset: Dataset) -> dict[str, tuple[Event, ...]]:
    """The events by the code of each country of their actor and target, in dataset order."""
    by_country: defaultdict[str, list[Event]] = defaultdict(list)
    for event in dataset.events:
        for code in sorted(codes_of_event(event)):
            by_country[code].append(event)
    return {code: tuple(found) for code, found in by_country.items()}


def _check_events(
    dataset: Dataset,
    sources: dict[str, Source],
    actors: dict[str, Actor],
    references: dict[str, Reference],
) -> None:
    """Check the events' order, dates, actors, quotes and references."""
    previous: tuple[dt.date, dt.date, str] | None = None
    for position, event in enumerate(dataset.events):
        path = f"$.events[{position}]"
        key = event_order(event)
        if previous is not None and key < previous:
            raise DataFormatError(
                path, "events must be ordered by earliest date, then latest date, then id"
            )
        previous = key
        if event.date.latest > dataset.as_of:
            raise DataFormatError(f"{path}.date", f"{event.date} ends after as_of {dataset.as_of}")
        for role, party in (("actor", event.actor), ("target", event.target)):
            if party is not None and actors.get(party.id) != party:
                raise DataFormatError(
                    f"{path}.{role}", f"{party.id!r} differs from the actor record"
                )
        _check_evidence(event.evidence, f"{path}.evidence", sources)
        if event.corroboration is not None:
            found = event.corroboration.reference_id
            if found not in references:
                raise DataFormatError(
                    f"{path}.corroboration.reference_id", f"no reference {found!r}"
                )
            if event.corroboration.date.latest > dataset.as_of:
                raise DataFormatError(f"{path}.corroboration.date", "ends after as_of")


_Period = TypeVar("_Period", StatusPeriod, RecognitionPeriod, RepresentationPeriod)


class _Checker:
    """Checks that each unit's periods chain across the coverage, and indexes them by country.

    Unless `checked` is false: then it only indexes them (see `Indices`).
    """

    __slots__ = ("checked", "dataset", "events", "sources")

    def __init__(
        self,
        dataset: Dataset,
        sources: dict[str, Source],
        events: dict[str, Event],
        *,
        checked: bool = True,
    ) -> None:
        self.dataset = dataset
        self.sources = sources
        self.events = events
        self.checked = checked

    def chains(
        self,
        field: str,
        value: Callable[[_Period], object],
        keep: Callable[[_Period], bool] | None = None,
    ) -> dict[str, tuple[_Period, ...]]:
        """The periods of `field` (a collection of the dataset) by country, checked.

        `keep` picks the periods of one kind of unit (a direction), if not all.
        """
        dataset = self.dataset
        noun = NOUNS[field]
        if not self.checked:
            return self._grouped(field, keep)
        grouped: defaultdict[str, list[_Period]] = defaultdict(list)
        for position, period in enumerate(getattr(dataset, field)):
            if keep is not None and not keep(period):
                continue
            path = f"$.{field}[{position}]"
            _check_evidence(period.evidence, f"{path}.evidence", self.sources)
            for event_id in period.events:
                if event_id not in self.events:
                    raise DataFormatError(f"{path}.events", f"no event {event_id!r}")
            chain = grouped[period.country.alpha_2]
            self._link(chain[-1] if chain else None, period, path, value, noun)
            if chain and period.events and self.events[period.events[0]].date != period.start:
                raise DataFormatError(
                    f"{path}.start", f"a change of {noun} is dated by its first event's date"
                )
            chain.append(period)
        for code, chain in grouped.items():
            if chain[-1].end is not None:
                raise DataFormatError(
                    f"$.{field}", f"the last period of {code} must be open (end null)"
                )
        if SUBJECT in grouped:
            raise DataFormatError(f"$.{field}", f"Afghanistan is the subject and takes no {noun}")
        return {code: tuple(chain) for code, chain in grouped.items()}

    def _grouped(
        self, field: str, keep: Callable[[_Period], bool] | None
    ) -> dict[str, tuple[_Period, ...]]:
        """The periods of `field` (that `keep` keeps) by country, unchecked."""
        grouped: defaultdict[str, list[_Period]] = defaultdict(list)
        for period in getattr(self.dataset, field):
            if keep is None or keep(period):
                grouped[period.country.alpha_2].append(period)
        return {code: tuple(chain) for code, chain in grouped.items()}

    def _link(
        self,
        previous: _Period | None,
        period: _Period,
        path: str,
        value: Callable[[_Period], object],
        noun: str,
    ) -> None:
        """Check that `period` follows on from its unit's `previous` one, within coverage."""
        dataset = self.dataset
        if period.start.latest > dataset.as_of:
            raise DataFormatError(f"{path}.start", f"{period.start} ends after as_of")
        if previous is None:
            if period.start.earliest != dataset.coverage_start:
                raise DataFormatError(
                    f"{path}.start", "a country's first period must start at coverage_start"
                )
            return
        if previous.country != period.country:
            raise DataFormatError(f"{path}.country", f"{period.country} is recorded in two ways")
        if previous.end != period.start:
            raise DataFormatError(
                f"{path}.start", "a country's periods must follow on from each other"
            )
        if value(previous) == value(period):
            raise DataFormatError(
                f"{path}.{NOUNS_FIELD[noun]}", f"a country's {noun} must change between periods"
            )


def codes_of_event(event: Event) -> set[str]:
    """The alpha-2 codes of the countries of an event's actor and target."""
    return {p.country.alpha_2 for p in (event.actor, event.target) if p and p.country}
