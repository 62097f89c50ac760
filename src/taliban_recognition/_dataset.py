"""`Dataset`: one loaded dataset version, its invariants, and the queries researchers ask."""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_right
from collections import defaultdict
from itertools import accumulate
from typing import TYPE_CHECKING, Literal, TypeVar

import attrs

from taliban_recognition._errors import (
    DataFormatError,
    InvalidDateError,
    NoStatusError,
    OutOfCoverageError,
    UnknownActorError,
    UnknownCountryError,
    UnknownEventKindError,
    UnknownRecordError,
)
from taliban_recognition._iso import by_number, codes_of, key, lookup, numbered
from taliban_recognition._model import (
    DATES,
    SHA256,
    Actor,
    Country,
    Event,
    EventKind,
    Evidence,
    FuzzyDate,
    RecognitionStatus,
    Reference,
    Source,
    StatusPeriod,
    check_dates,
    parse_iso_day,
)
from taliban_recognition._public import publish
from taliban_recognition._schema import column, field_since, newest, version_key

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Mapping
    from pathlib import Path

    import pandas as pd

    from taliban_recognition._model import Dates
    from taliban_recognition._tables import Value

CountryQuery = str | int | Country
"""Anything `status_of` and `find_events` accept as a country."""

DateQuery = dt.date | str
"""A `datetime.date` (a `datetime.datetime` counts as its date) or an ISO ``YYYY-MM-DD`` string."""

_Record = TypeVar("_Record", Source, Reference, Actor, Event, StatusPeriod)

SUBJECT = "AF"
"""The state whose government the dataset is about; it has no recognition status of its own."""


def _day(value: object, argument: str) -> dt.date:
    """Turn a date argument into a `datetime.date`, or say what was wrong with it."""
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        try:  # a plain date, also of a subclass; a missing one (pandas' NaT) has no ordinal
            return dt.date.fromordinal(day.toordinal())
        except (AttributeError, TypeError, ValueError):
            raise InvalidDateError(
                value, f"{argument} must be a day, not a missing value"
            ) from None
    if isinstance(value, str):
        try:
            return parse_iso_day(value)
        except ValueError:
            raise InvalidDateError(value, f"{argument} must be an ISO date YYYY-MM-DD") from None
    raise InvalidDateError(value, f"{argument} must be a datetime.date or an ISO date string")


class _Chain:
    """A country's status periods, and the days on which each can hold, for binary search.

    Period ``i`` can hold on day ``d`` when ``firsts[i] <= d`` and, for all but the last,
    ``d < untils[i]``. Both are non-decreasing, so the periods that can hold on a day are the
    slice between two bisections: ``periods[lo:hi]``. Days are stored as proleptic Gregorian
    ordinals in arrays, contiguous in memory, so that a search in a long history touches
    few cache lines. A plain class, not an attrs one: it is private, and generating attrs
    methods would cost every import.
    """

    __slots__ = ("country", "ever_formal", "firsts", "periods", "statuses", "untils")

    def __init__(
        self,
        periods: tuple[StatusPeriod, ...],
        firsts: array[int],
        untils: array[int],  # one fewer than periods: the last holds through as_of
    ) -> None:
        self.country: Country = periods[0].country
        self.periods = periods
        self.statuses = tuple(period.status for period in periods)
        self.ever_formal = RecognitionStatus.FORMAL_RECOGNITION in self.statuses
        self.firsts = firsts
        self.untils = untils

    def span(self, day: dt.date) -> tuple[int, int]:
        """The positions ``lo, hi`` of the periods that can hold on `day`."""
        ordinal = day.toordinal()
        return bisect_right(self.untils, ordinal), bisect_right(self.firsts, ordinal)

    def status(self, day: dt.date) -> RecognitionStatus:
        """The one status that can hold on `day`, or UNKNOWN when more than one can."""
        lo, hi = self.span(day)
        found = self.statuses[lo]
        if any(other is not found for other in self.statuses[lo + 1 : hi]):
            return RecognitionStatus.UNKNOWN
        return found


def _chain(
    code: str, chain: tuple[StatusPeriod, ...], starts: list[FuzzyDate], dates: Dates
) -> _Chain:
    """When each of a country's statuses can hold, given that its changes happen in order.

    `starts` are the dates of the changes into each period, as `dates` reads them. A change
    happens no earlier than any change before it and no later than any after it, so its
    window narrows to [the latest earliest day so far, the earliest latest day from it on].
    """
    lows = array("i", accumulate((start.earliest.toordinal() for start in starts), max))
    highs = array("i", accumulate((start.latest.toordinal() for start in reversed(starts)), min))
    highs.reverse()
    if any(low > high for low, high in zip(lows, highs, strict=True)):
        raise DataFormatError(
            "$.statuses", f"the status changes of {code} cannot happen in order ({dates} dates)"
        )
    return _Chain(chain, lows, highs[1:])


class _Indices:
    """Lookups built once per loaded dataset, so that queries need not scan every record.

    Building them checks every invariant of the data. A plain class, like `_Chain`.
    """

    __slots__ = (
        "actors",
        "chains",
        "codes",
        "events",
        "events_by_actor",
        "events_by_country",
        "events_by_kind",
        "events_by_target",
        "periods",
        "references",
        "sources",
    )

    def __init__(self, dataset: Dataset) -> None:
        try:
            level = version_key(dataset.version)
        except ValueError as error:
            raise DataFormatError("$.version", str(error)) from None
        if level < SCHEMA:  # a version of the newest schema may set every field
            _check_schema(dataset, "$", level)
        self.sources = _unique(dataset.sources, "sources")
        self.actors = _unique(dataset.actors, "actors")
        self.events = _unique(dataset.events, "events")
        self.references = _unique(dataset.references, "references")
        _unique(dataset.statuses, "statuses")
        if dataset.as_of < dataset.coverage_start:
            raise DataFormatError("$.as_of", "as_of comes before coverage_start")
        self.events_by_country = _index_events(dataset, self.sources, self.actors, self.references)
        self.periods = _index_periods(dataset, self.sources, self.events)
        self.chains = _index_chains(self.periods, self.events)
        self.codes = _index_codes(dataset)  # each code key of every country the records name
        self.events_by_actor = _group(dataset.events, lambda e: e.actor.id)
        self.events_by_target = _group(dataset.events, lambda e: e.target.id if e.target else None)
        self.events_by_kind = _group(dataset.events, lambda e: e.kind)


def event_order(event: Event) -> tuple[dt.date, dt.date, str]:
    """The order of `Dataset.events`: earliest possible date, then latest, then id."""
    return event.date.earliest, event.date.latest, event.id


def _unique(records: tuple[_Record, ...], field: str) -> dict[str, _Record]:
    found: dict[str, _Record] = {}
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


def _index_codes(dataset: Dataset) -> dict[str, Country]:
    """The countries the records name, by each of their codes.

    Queries by code are answered from these, the dataset's own ISO records, without a search
    of the ISO 3166-1 list; names still go through `country`. A code that two records give
    to different countries is left out, so that a query by it is resolved by ISO 3166-1.
    """
    named = [period.country for period in dataset.statuses]
    named += [actor.country for actor in dataset.actors if actor.country is not None]
    codes: dict[str, Country] = {}
    ambiguous: set[str] = set()
    for found in dict.fromkeys(named):  # the first record of a country is the one answered
        for code in codes_of(found):
            known = codes.setdefault(code, found)
            if codes_of(known) != codes_of(found):
                ambiguous.add(code)
    for code in ambiguous:
        del codes[code]
    return codes


def _index_chains(
    periods: Mapping[str, tuple[StatusPeriod, ...]], events: Mapping[str, Event]
) -> dict[str, dict[str, _Chain]]:
    """Each country's chain, by reading of dates, then alpha-2 code (in code order).

    Where no change of a country's status has a corroborated date, both readings share one.
    """
    chains: dict[str, dict[str, _Chain]] = {dates: {} for dates in DATES}
    for code, chain in sorted(periods.items()):
        shared = None
        for dates in DATES:
            starts = _starts(chain, events, dates)
            if shared is None or starts != shared[0]:
                shared = starts, _chain(code, chain, starts, dates)
            chains[dates][code] = shared[1]
    return chains


def _starts(
    chain: tuple[StatusPeriod, ...], events: Mapping[str, Event], dates: Dates
) -> list[FuzzyDate]:
    """The date of each change of a country's status, as `dates` reads event dates.

    A change after the first period is dated by the event that brought it, the period's first
    event, so its corroborated date is that event's; the first period starts with coverage.
    """
    return [
        events[period.events[0]].date_for(dates) if n and period.events else period.start
        for n, period in enumerate(chain)
    ]


def _check_schema(record: object, path: str, level: tuple[int, int, int]) -> None:
    """Check that no field added after dataset version `level` is set, at any depth."""
    if isinstance(record, tuple):
        for n, item in enumerate(record):
            _check_schema(item, f"{path}[{n}]", level)
        return
    kind = type(record)
    if not attrs.has(kind):
        return
    for field in attrs.fields(kind):
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


def _index_events(
    dataset: Dataset,
    sources: dict[str, Source],
    actors: dict[str, Actor],
    references: dict[str, Reference],
) -> dict[str, tuple[Event, ...]]:
    """Check the events' order, dates, actors and quotes; index them by country."""
    by_country: defaultdict[str, list[Event]] = defaultdict(list)
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
        for code in sorted(_codes_of(event)):
            by_country[code].append(event)
    return {code: tuple(found) for code, found in by_country.items()}


def _check_link(
    previous: StatusPeriod | None, period: StatusPeriod, path: str, dataset: Dataset
) -> None:
    """Check that `period` follows on from the country's `previous` one, within coverage."""
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
        raise DataFormatError(f"{path}.start", "a country's periods must follow on from each other")
    if previous.status is period.status:
        raise DataFormatError(f"{path}.status", "a country's status must change between periods")


def _index_periods(
    dataset: Dataset, sources: dict[str, Source], events: dict[str, Event]
) -> dict[str, tuple[StatusPeriod, ...]]:
    """Check that each country's periods chain across the coverage; index them by country."""
    periods: defaultdict[str, list[StatusPeriod]] = defaultdict(list)
    for position, period in enumerate(dataset.statuses):
        path = f"$.statuses[{position}]"
        _check_evidence(period.evidence, f"{path}.evidence", sources)
        for event_id in period.events:
            if event_id not in events:
                raise DataFormatError(f"{path}.events", f"no event {event_id!r}")
        chain = periods[period.country.alpha_2]
        _check_link(chain[-1] if chain else None, period, path, dataset)
        if chain and period.events and events[period.events[0]].date != period.start:
            raise DataFormatError(
                f"{path}.start", "a change of status is dated by its first event's date"
            )
        chain.append(period)
    for code, chain in periods.items():
        if chain[-1].end is not None:
            raise DataFormatError(
                "$.statuses", f"the last period of {code} must be open (end null)"
            )
    if SUBJECT in periods:
        raise DataFormatError("$.statuses", "Afghanistan is the subject and takes no status")
    return {code: tuple(chain) for code, chain in periods.items()}


@attrs.frozen(repr=False)
class Dataset:
    """One version of the dataset: its records, and queries over them.

    Get one with `load`. Every collection is a tuple of frozen records, so nothing a caller
    does can change the data other callers see.

    Examples:
        >>> import taliban_recognition as tr
        >>> ds = tr.load("1.0.0")
        >>> ds.status_of("Russia")
        <RecognitionStatus.FORMAL_RECOGNITION: 'formal_recognition'>
        >>> [c.alpha_2 for c in ds.recognizers()]
        ['RU']
    """

    version: str = attrs.field(metadata=column("Dataset version (semantic versioning for data)."))
    """The dataset version, e.g. ``"1.0.0"``."""
    sha256: str = attrs.field(
        metadata=column(
            "SHA-256 of the version's shipped data file, as its manifest records it.",
            pattern=SHA256,
        )
    )
    """Hex SHA-256 digest of the shipped data file this dataset was read from."""
    as_of: dt.date = attrs.field(metadata=column("Reference date: the last day the data covers."))
    """The reference date: the source's "Thursday", and the last day covered."""
    coverage_start: dt.date = attrs.field(metadata=column("First day statuses are given for."))
    """The first day statuses are given for: the start of the takeover month."""
    sources: tuple[Source, ...]
    """The texts the evidence quotes."""
    actors: tuple[Actor, ...]
    """Every party named, by id."""
    events: tuple[Event, ...]
    """Every event, ordered by earliest possible date, then latest possible date, then id."""
    statuses: tuple[StatusPeriod, ...]
    """Every country's status periods, by country code, then in time order."""
    notes: str = attrs.field(metadata=column("The annotation conventions of this version."))
    """The annotation conventions of this version: which states statuses cover, how relative
    and missing dates were resolved."""
    references: tuple[Reference, ...] = attrs.field(default=(), metadata=column(since="1.1.0"))
    """Published works cited for corroborated dates; not shipped, not quoted."""
    _indices: _Indices = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_indices", _Indices(self))

    def __repr__(self) -> str:
        """One line that says which dataset this is; the records are its attributes.

        The full records run to hundreds of thousands of characters, which would flood a
        notebook cell or a log line.

        Examples:
            >>> import taliban_recognition as tr
            >>> tr.load("1.0.0")  # doctest: +ELLIPSIS
            <Dataset 1.0.0 as of 2025-07-03, sha256 8e7b40c0...: 1 source, ... events, ...>
        """

        def count(records: tuple[object, ...], noun: str) -> str:
            return f"{len(records)} {noun}{'s' * (len(records) != 1)}"

        states = len({period.country.alpha_2 for period in self.statuses})
        return (
            f"<Dataset {self.version} as of {self.as_of.isoformat()}, sha256 {self.sha256[:8]}...: "
            f"{count(self.sources, 'source')}, {count(self.actors, 'actor')}, "
            f"{count(self.events, 'event')}, {count(self.statuses, 'status period')} "
            f"of {states} states, {count(self.references, 'reference')}>"
        )

    def __reduce__(self) -> tuple[type[Dataset], tuple[object, ...]]:
        # A pickle holds the records only: unpickling checks them and rebuilds the indices,
        # so a pickle does not depend on how a release of the package builds its indices.
        return type(self), tuple(
            getattr(self, field.name) for field in attrs.fields(type(self)) if field.init
        )

    def source(self, source_id: str) -> Source:
        """The source with this id.

        Raises:
            UnknownRecordError: No source has that id; the message lists the ids.
        """
        return _by_id(self._indices.sources, "source", source_id)

    def actor(self, actor_id: str | Actor) -> Actor:
        """The actor with this id (an `Actor` stands for its id).

        Raises:
            UnknownActorError: The dataset has no such actor; the message lists the ids.

        Examples:
            >>> import taliban_recognition as tr
            >>> tr.load("1.0.0").actor("russia").country.alpha_3
            'RUS'
        """
        key = actor_id.id if isinstance(actor_id, Actor) else actor_id
        found = self._indices.actors.get(key) if isinstance(key, str) else None
        if found is None or (isinstance(actor_id, Actor) and actor_id != found):
            raise UnknownActorError(actor_id, tuple(sorted(self._indices.actors)))
        return found

    def event(self, event_id: str) -> Event:
        """The event with this id.

        Raises:
            UnknownRecordError: No event has that id; the message lists the ids.
        """
        return _by_id(self._indices.events, "event", event_id)

    def country(
        self, query: CountryQuery | None = None, *, cow: int | None = None, gw: int | None = None
    ) -> Country:
        """This version's record of a country, by ISO code, number or name, or by COW or GW number.

        A query is read as `taliban_recognition.country` reads it, and a `Country` stands for
        its ISO codes; the answer is the record the dataset holds for that country, which from
        version 1.1.0 on carries its COW and GW codes (a country the records do not name is
        given as ISO 3166-1 has it). ``cow=`` or ``gw=`` finds the state with that Correlates of
        War or Gleditsch-Ward number among this version's records, so a pinned analysis keeps
        its numbers; `taliban_recognition.country` answers the same from the newest version.

        Args:
            query: An ISO code, number, English name or `Country`.
            cow: A Correlates of War state number, e.g. ``365``.
            gw: A Gleditsch-Ward state number, e.g. ``365``.

        Returns:
            The country.

        Raises:
            UnknownCountryError: Nothing matches; with `cow` or `gw`, `reason` says why: no
                state of this version has the number, the place is not covered, or the
                version records no COW or GW numbers (1.0.0).
            InvalidArgumentError: More than one of `query`, `cow` and `gw` is given, or `cow`
                or `gw` is not an int.

        Examples:
            >>> import taliban_recognition as tr
            >>> tr.load("1.1.0").country(gw=340).name    # GW 340 is Serbia, COW 345
            'Serbia'
            >>> tr.load("1.1.0").country("Serbia").cow_code is None   # COW's 345 came in 1.2.0
            True
            >>> tr.load("1.0.0").country(cow=365)
            Traceback (most recent call last):
            ...
            taliban_recognition.UnknownCountryError: dataset 1.0.0 records no COW or GW \
numbers: its records carry them from 1.1.0 on, and tr.country(cow=...) or tr.country(gw=...) \
answers from the newest version
        """
        number = numbered(query, cow, gw)
        if number is None:
            found = self._country(query)
            return self._indices.codes.get(found.alpha_2.lower(), found)
        since = field_since(attrs.fields(Country).cow_code)
        if version_key(self.version) < since:
            raise UnknownCountryError(
                number[1],
                reason=f"dataset {self.version} records no COW or GW numbers: its records carry "
                f"them from {'.'.join(map(str, since))} on, and tr.country(cow=...) or "
                "tr.country(gw=...) answers from the newest version",
            )
        return by_number(dict.fromkeys(self._indices.codes.values()), *number, self.version)

    def _country(self, query: CountryQuery | None) -> Country:
        """The ISO country a query names: by the records' own codes first, else by ISO 3166-1.

        A `Country` must carry the codes ISO gives it; its name is not compared, so a country
        pycountry has since renamed still matches.
        """
        codes = self._indices.codes
        if isinstance(query, Country):
            found = codes.get(query.alpha_2.lower())
            if found is None:
                found = lookup(query.alpha_2)
            if (found.alpha_3, found.numeric) != (query.alpha_3, query.numeric):
                raise UnknownCountryError(query)
            return query
        found = codes.get(key(query))  # type: ignore[arg-type]
        return lookup(query) if found is None else found

    def _code(self, query: CountryQuery) -> str:
        """The alpha-2 code of a country the dataset gives statuses for."""
        found = self._country(query)
        if found.alpha_2 not in self._indices.periods:
            if not isinstance(query, Country):  # the ISO record, however the query was put
                found = lookup(found.alpha_2)
            if found.alpha_2 == SUBJECT:
                raise NoStatusError(found, "it is the state whose government is recognized")
            raise NoStatusError(
                found,
                f"it is not among the {len(self._indices.periods)} states dataset {self.version} "
                "gives statuses for (Dataset.notes says which)",
            )
        return found.alpha_2

    def _chain(self, country: CountryQuery, dates: Dates) -> _Chain:
        """A country's chain of periods as `dates` reads event dates."""
        chains = self._indices.chains.get(dates) if type(dates) is str else None
        if chains is None:
            chains = self._indices.chains[check_dates(dates)]  # raises UnknownDatesError
        return chains[self._code(country)]

    def _covered_day(self, on: DateQuery | None) -> dt.date:
        day = self.as_of if on is None else _day(on, "on")
        if not self.coverage_start <= day <= self.as_of:
            raise OutOfCoverageError(day, self.coverage_start, self.as_of)
        return day

    def status_periods(self, country: CountryQuery) -> tuple[StatusPeriod, ...]:
        """A country's status periods, in time order.

        Args:
            country: An ISO code, number, English name or `Country`.

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country has no status (Afghanistan, the subject).
        """
        return self._indices.periods[self._code(country)]

    def possible_periods(
        self,
        country: CountryQuery,
        on: DateQuery | None = None,
        *,
        dates: Literal["stated", "corroborated"] = "stated",
    ) -> tuple[StatusPeriod, ...]:
        """The status periods of a country that can hold on a day, in time order.

        A period can hold on a day when the change into it can have happened by that day and
        the change out of it after it; a change on a day already holds on that day. A
        country's changes happen in order, so each change falls no earlier than the earliest
        day of any change before it and no later than the latest day of any after it. One
        period is returned when the day is certain; more when it can fall on either side of a
        change the source does not date precisely. Their evidence is what the answer rests on.

        Args:
            country: An ISO code, number, English name or `Country`.
            on: The day; ``None`` means the dataset's ``as_of``.
            dates: ``"stated"`` reads event dates as the source gives them; ``"corroborated"``
                uses an event's corroborated date where it has one (`Event.corroboration`).

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country has no status (Afghanistan, the subject).
            InvalidDateError: `on` is not a date.
            OutOfCoverageError: `on` is before ``coverage_start`` or after ``as_of``.
            UnknownDatesError: `dates` is neither of the two readings.

        Examples:
            >>> import taliban_recognition as tr
            >>> [p.id for p in tr.load("1.0.0").possible_periods("Russia", on="2025-05-01")]
            ['ru-no-recognition', 'ru-de-facto-engagement']
        """
        chain = self._chain(country, dates)
        lo, hi = chain.span(self._covered_day(on))
        return chain.periods[lo:hi]

    def possible_statuses(
        self,
        country: CountryQuery,
        on: DateQuery | None = None,
        *,
        dates: Literal["stated", "corroborated"] = "stated",
    ) -> tuple[RecognitionStatus, ...]:
        """Every status the data allows for a country on a day, weakest first.

        These are the statuses of the `possible_periods` on that day.

        Args:
            country: An ISO code, number, English name or `Country`.
            on: The day; ``None`` means the dataset's ``as_of``.
            dates: ``"stated"`` reads event dates as the source gives them; ``"corroborated"``
                uses an event's corroborated date where it has one (`Event.corroboration`).

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country has no status (Afghanistan, the subject).
            InvalidDateError: `on` is not a date.
            OutOfCoverageError: `on` is before ``coverage_start`` or after ``as_of``.
            UnknownDatesError: `dates` is neither of the two readings.

        Examples:
            >>> import taliban_recognition as tr
            >>> tr.load("1.0.0").possible_statuses("China", on="2023-01-01")
            (<RecognitionStatus.NO_RECOGNITION: 'no_recognition'>, \
<RecognitionStatus.DE_FACTO_ENGAGEMENT: 'de_facto_engagement'>)
        """
        chain = self._chain(country, dates)
        lo, hi = chain.span(self._covered_day(on))
        return tuple(sorted(set(chain.statuses[lo:hi])))

    def status_of(
        self,
        country: CountryQuery,
        on: DateQuery | None = None,
        *,
        dates: Literal["stated", "corroborated"] = "stated",
    ) -> RecognitionStatus:
        """A country's recognition status of the Taliban government on a day.

        The answer is the one status `possible_statuses` allows, or
        `RecognitionStatus.UNKNOWN` when the data allows more than one: a day that can fall on
        either side of a change the source does not date precisely is never given a definite
        status.

        Args:
            country: An ISO code (``"RU"``, ``"rus"``), number (``643``), English name
                (``"Russia"``) or `Country`.
            on: The day; ``None`` means the dataset's ``as_of``.
            dates: ``"stated"`` reads event dates as the source gives them; ``"corroborated"``
                uses an event's corroborated date where it has one (`Event.corroboration`).

        Returns:
            The status on that day.

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country has no status (Afghanistan, the subject).
            InvalidDateError: `on` is not a date.
            OutOfCoverageError: `on` is before ``coverage_start`` or after ``as_of``.
            UnknownDatesError: `dates` is neither of the two readings.

        Examples:
            >>> import datetime, taliban_recognition as tr
            >>> ds = tr.load("1.0.0")
            >>> ds.status_of("Russia", on=datetime.date(2025, 3, 31)).name
            'NO_RECOGNITION'
            >>> ds.status_of("Russia", on=datetime.date(2025, 7, 2)).name  # welcome undated
            'UNKNOWN'
            >>> ds.status_of("Pakistan").name
            'DE_FACTO_ENGAGEMENT'
            >>> ds.status_of("Pakistan", on=datetime.date(2023, 1, 1)).name
            'UNKNOWN'
        """
        chain = self._chain(country, dates)
        return chain.status(self.as_of if on is None else self._covered_day(on))

    def recognizers(
        self, on: DateQuery | None = None, *, dates: Literal["stated", "corroborated"] = "stated"
    ) -> tuple[Country, ...]:
        """The states whose status on a day is certainly `FORMAL_RECOGNITION`, by code.

        Args:
            on: The day; ``None`` means the dataset's ``as_of``.
            dates: ``"stated"`` reads event dates as the source gives them; ``"corroborated"``
                uses an event's corroborated date where it has one (`Event.corroboration`).

        Raises:
            InvalidDateError: `on` is not a date.
            OutOfCoverageError: `on` is before ``coverage_start`` or after ``as_of``.
            UnknownDatesError: `dates` is neither of the two readings.

        Examples:
            >>> import taliban_recognition as tr
            >>> tr.load("1.0.0").recognizers(on="2025-07-02")
            ()
        """
        day = self._covered_day(on)
        formal = RecognitionStatus.FORMAL_RECOGNITION
        return tuple(
            chain.country
            for chain in self._indices.chains[check_dates(dates)].values()  # in code order
            if chain.ever_formal and chain.status(day) is formal
        )

    def find_events(  # noqa: PLR0913 -- the filters are the issue's public contract
        self,
        *,
        country: CountryQuery | None = None,
        actor: str | Actor | None = None,
        target: str | Actor | None = None,
        kind: EventKind | str | None = None,
        since: DateQuery | None = None,
        until: DateQuery | None = None,
        dates: Literal["stated", "corroborated"] = "stated",
    ) -> tuple[Event, ...]:
        """The events that pass every filter given, in dataset order.

        Args:
            country: Keep events whose actor or target belongs to this country.
            actor: Keep events by this actor (an id or an `Actor`).
            target: Keep events aimed at this actor (an id or an `Actor`).
            kind: Keep events of this kind (an `EventKind` or its value, e.g. ``"trade"``).
            since: Keep events whose date interval ends on or after this day.
            until: Keep events whose date interval starts on or before this day.
            dates: ``"stated"`` reads event dates as the source gives them; ``"corroborated"``
                uses an event's corroborated date where it has one (`Event.corroboration`).

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            UnknownActorError: `actor` or `target` is not an actor of the dataset.
            UnknownEventKindError: `kind` is not an event kind.
            InvalidDateError: `since` or `until` is not a date, or `since` is after `until`.
            UnknownDatesError: `dates` is neither of the two readings.

        Examples:
            >>> import taliban_recognition as tr
            >>> ds = tr.load("1.0.0")
            >>> [str(e.date) for e in ds.find_events(actor="russia", kind="designation_lifted")]
            ['2025-04']
        """
        indices = self._indices
        # Start from the fewest events a filter allows, from the indices; then check the rest.
        groups: list[tuple[Event, ...]] = [self.events]
        checks: list[Callable[[Event], bool]] = []
        if country is not None:
            code = self._country(country).alpha_2
            groups.append(indices.events_by_country.get(code, ()))
            checks.append(lambda e: code in _codes_of(e))
        if actor is not None:
            actor_id = self.actor(actor).id
            groups.append(indices.events_by_actor.get(actor_id, ()))
            checks.append(lambda e: e.actor.id == actor_id)
        if target is not None:
            target_id = self.actor(target).id
            groups.append(indices.events_by_target.get(target_id, ()))
            checks.append(lambda e: e.target is not None and e.target.id == target_id)
        if kind is not None:
            wanted = _event_kind(kind)
            groups.append(indices.events_by_kind.get(wanted, ()))
            checks.append(lambda e: e.kind is wanted)
        first = None if since is None else _day(since, "since")
        last = None if until is None else _day(until, "until")
        if first is not None and last is not None and first > last:
            raise InvalidDateError((first, last), "since must not be after until")
        events = min(groups, key=len)
        if check_dates(dates) == "stated":
            if last is not None:  # every group is in dataset order: by earliest date first
                events = events[: bisect_right(events, last, key=_earliest)]
                last = None
            date_of = _stated
        else:
            date_of = _corroborated
        if first is not None:
            checks.append(lambda e: date_of(e).latest >= first)
        if last is not None:
            checks.append(lambda e: date_of(e).earliest <= last)
        return tuple(e for e in events if all(check(e) for check in checks))

    def to_records(self) -> dict[str, list[dict[str, Value]]]:
        """The dataset as tidy tables: row dicts keyed by column, lists keyed by table name.

        The tables are those of the CSV export, with the same columns in the same order:
        ``dataset`` (one row), ``sources``, ``actors``, ``events``, ``statuses``,
        ``status_events`` (which events each status period rests on) and ``evidence`` (every
        quote, for events and status periods alike). Cells are `str`, `int`, `bool`,
        `datetime.date`, or None where a field is empty. Each call builds new lists and dicts,
        so changing them changes nothing else. For the canonical JSON records, nested as the
        data file has them, use ``export(directory, format="json")``.

        Examples:
            >>> import taliban_recognition as tr
            >>> tables = tr.load("1.0.0").to_records()
            >>> list(tables)
            ['dataset', 'sources', 'actors', 'events', 'statuses', 'status_events', 'evidence']
            >>> event = tables["events"][-1]
            >>> event["id"], event["date"], event["date_earliest"]
            ('russian-foreign-ministry-announces-recognition', '2025-07-03', \
datetime.date(2025, 7, 3))
        """
        from taliban_recognition._tables import to_records  # noqa: PLC0415 -- on first use

        return to_records(self)

    def to_dataframes(self) -> dict[str, pd.DataFrame]:
        """The tables of `to_records` as pandas DataFrames, keyed by table name.

        Text columns have the ``string`` dtype, dates ``datetime64[s]`` (empty: ``NaT``),
        kinds, statuses, bases and precisions are categoricals (``status`` ordered, weakest
        first), offsets and positions ``int64``, and ``ongoing`` is ``bool``.

        Raises:
            MissingExtraError: pandas is not installed; the ``pandas`` extra installs it.

        Examples:
            >>> import taliban_recognition as tr
            >>> frames = tr.load("1.0.0").to_dataframes()
            >>> statuses = frames["statuses"]
            >>> statuses[statuses.status == "formal_recognition"].country_alpha_3.tolist()
            ['RUS']
        """
        from taliban_recognition._export import dataframes  # noqa: PLC0415 -- pandas is optional

        return dataframes(self)

    def export(
        self,
        directory: str | os.PathLike[str],
        format: Literal["csv", "datapackage", "json"] = "csv",  # noqa: A002 -- researchers' word
        *,
        overwrite: bool = False,
    ) -> tuple[Path, ...]:
        """Write the dataset as the whole content of the folder `directory`; return its files.

        Formats:
            - ``"json"``: ``taliban-recognition-<version>.json``, the canonical data file,
              byte for byte the file the package ships, so its SHA-256 is `sha256`.
            - ``"csv"``: one UTF-8 CSV file per table of `to_records`, ``<table>.csv``, with
              ISO dates, ``true``/``false`` flags and empty cells for empty fields.
            - ``"datapackage"``: those CSV files and a Frictionless ``datapackage.json`` that
              describes them: a Table Schema per file (types, required fields, allowed values,
              primary and foreign keys), each CSV file's byte count and SHA-256, and under
              ``"taliban_recognition:readOptions"`` the options pandas' ``read_csv`` and R's
              ``read.csv`` read the file with; and ``r_colclasses.csv``, R's ``colClasses``
              of every table, for base R, which reads no JSON.

        `directory` may be missing (it is created, with the folders above it) or an empty
        folder. A folder that holds anything is refused unless `overwrite` is true, and then
        the earlier export in it is replaced whole, so an export never mixes with another; a
        folder that holds anything no export writes (a subfolder, a file of another name) is
        refused even then, and keeps all it holds. The files are
        written into a new folder beside `directory` and moved into place by a rename: a
        failure leaves no part of an export, and `directory` as it was. A symbolic link is
        never followed: one inside the folder is removed as a link, and a `directory` that is
        a link is refused. Two exports of the same version are byte-identical. Read the CSV
        files with the shipped options, or at least as text with empty cells as the only
        missing values: the ``cameo`` code ``050`` keeps its zero, Namibia's ``NA`` is a code.

        Args:
            directory: The folder the export is to be.
            format: ``"csv"``, ``"datapackage"`` or ``"json"``.
            overwrite: Replace the earlier export `directory` holds, if it holds one.

        Returns:
            The paths written, in order, below `directory` as given.

        Raises:
            InvalidArgumentError: `directory` is not a `str` or `os.PathLike` path, or
                `overwrite` is not a bool.
            ExportTargetError: `directory` cannot be used, and nothing was written: it holds
                something and `overwrite` is false, or holds what no export writes; it is a
                file or a symbolic link; it is a
                file system root or ends in ``..``; or its path is empty, has a NUL character
                or cannot be encoded in the file system's encoding.
            UnknownFormatError: `format` is not one of the three above.
            OSError: The files cannot be written there (the folder above cannot be written,
                the disk is full); nothing of the export is left.

        Examples:
            >>> import tempfile, taliban_recognition as tr
            >>> with tempfile.TemporaryDirectory() as folder:
            ...     [path.name for path in tr.load("1.0.0").export(folder, format="csv")][:3]
            ['dataset.csv', 'sources.csv', 'actors.csv']
        """
        from taliban_recognition._export import export  # noqa: PLC0415 -- on first use

        return export(self, directory, format, overwrite=overwrite)


def _codes_of(event: Event) -> set[str]:
    """The alpha-2 codes of the countries of an event's actor and target."""
    return {p.country.alpha_2 for p in (event.actor, event.target) if p and p.country}


def _earliest(event: Event) -> dt.date:
    return event.date.earliest


def _stated(event: Event) -> FuzzyDate:
    return event.date


def _corroborated(event: Event) -> FuzzyDate:
    return event.date_for("corroborated")


def _by_id(records: Mapping[str, _Record], record_type: str, record_id: object) -> _Record:
    found = records.get(record_id) if isinstance(record_id, str) else None
    if found is None:
        raise UnknownRecordError(record_type, record_id, tuple(sorted(records)))
    return found


def _event_kind(kind: object) -> EventKind:
    if isinstance(kind, EventKind):
        return kind
    try:
        return EventKind(kind)
    except (ValueError, TypeError):
        raise UnknownEventKindError(kind, tuple(k.value for k in EventKind)) from None


# Also resolves the annotations, which cattrs and typing.get_type_hints read.
publish(__name__)

SCHEMA = newest(Dataset)
"""The newest dataset schema this code reads and writes: the latest ``since`` of any field."""
