"""`Dataset`: one loaded dataset version, and the queries researchers ask of it."""

from __future__ import annotations

import datetime as dt
import operator
from bisect import bisect_right
from typing import TYPE_CHECKING, Literal, Protocol

from taliban_recognition._args import CountryQuery, DateQuery, day_of
from taliban_recognition._chains import expand, possible_statuses
from taliban_recognition._errors import (
    InvalidArgumentError,
    InvalidDateError,
    NoStatusError,
    OutOfCoverageError,
    SchemaVersionError,
    UnknownActorError,
    UnknownCountryError,
    UnknownDirectionError,
    UnknownEventKindError,
    UnknownRecordError,
)
from taliban_recognition._invariants import (
    DIMENSIONS,
    QUERIES_KEPT,
    QUERY_LENGTH_KEPT,
    SUBJECT,
    Indices,
    Record,
    codes_of_event,
)
from taliban_recognition._iso import by_number, key, lookup, numbered
from taliban_recognition._model import (
    SHA256,
    Actor,
    Country,
    Direction,
    Event,
    EventKind,
    FuzzyDate,
    RecognitionPeriod,
    RecognitionStatus,
    Reference,
    RepresentationLevel,
    RepresentationPeriod,
    Source,
    StatusPeriod,
    check_dates,
)
from taliban_recognition._public import publish
from taliban_recognition._record import field, fields_dict, fields_of, record, unchecked
from taliban_recognition._schema import column, field_since, newest, version_key

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from pathlib import Path

    import pandas as pd

    from taliban_recognition._chains import Chain
    from taliban_recognition._draws import Draw
    from taliban_recognition._model import Dates
    from taliban_recognition._panel import Panel, _Unit
    from taliban_recognition._tables import Column, Value


class _KindColumns(Protocol):
    """The columns a kind of panel adds: ``_status_columns`` or ``_dyad_columns`` of `_panel`.

    With ``period=True``, those of a month or a year read as a whole.
    """

    def __call__(self, *, period: bool) -> list[Column]: ...


@record
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

    version: str = field(metadata=column("Dataset version (semantic versioning for data)."))
    """The dataset version, e.g. ``"1.0.0"``."""
    sha256: str = field(
        metadata=column(
            "SHA-256 of the version's shipped data file, as its manifest records it.",
            pattern=SHA256,
        )
    )
    """Hex SHA-256 digest of the shipped data file this dataset was read from."""
    as_of: dt.date = field(metadata=column("Reference date: the last day the data covers."))
    """The reference date: the source's "Thursday", and the last day covered."""
    coverage_start: dt.date = field(metadata=column("First day statuses are given for."))
    """The first day statuses are given for: the start of the takeover month."""
    sources: tuple[Source, ...]
    """The texts the evidence quotes."""
    actors: tuple[Actor, ...]
    """Every party named, by id."""
    events: tuple[Event, ...]
    """Every event, ordered by earliest possible date, then latest possible date, then id."""
    statuses: tuple[StatusPeriod, ...]
    """Every country's status periods, by country code, then in time order. Empty from 2.0.0,
    where the status is derived from `recognitions` and `representations`."""
    notes: str = field(metadata=column("The annotation conventions of this version."))
    """The annotation conventions of this version: which states statuses cover, how relative
    and missing dates were resolved."""
    references: tuple[Reference, ...] = field(default=(), metadata=column(since="1.1.0"))
    """Published works cited for corroborated dates; not shipped, not quoted."""
    recognitions: tuple[RecognitionPeriod, ...] = field(default=(), metadata=column(since="2.0.0"))
    """Every covered state's formal recognition over time, by country code, then in time order.
    From dataset 2.0.0."""
    representations: tuple[RepresentationPeriod, ...] = field(
        default=(), metadata=column(since="2.0.0")
    )
    """Every covered state's representation periods, by country code, then direction, then in
    time order: each state's mission in Kabul and the Taliban government's in the state. From
    dataset 2.0.0."""
    _indices: Indices = field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_indices", Indices(self))

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

        states = len(self._indices.periods)
        if self._indices.derived:
            periods = (
                f"{count(self.recognitions, 'recognition period')} and "
                f"{count(self.representations, 'representation period')}"
            )
        else:
            periods = count(self.statuses, "status period")
        return (
            f"<Dataset {self.version} as of {self.as_of.isoformat()}, sha256 {self.sha256[:8]}...: "
            f"{count(self.sources, 'source')}, {count(self.actors, 'actor')}, "
            f"{count(self.events, 'event')}, {periods} "
            f"of {states} states, {count(self.references, 'reference')}>"
        )

    def __reduce__(self) -> tuple[type[Dataset], tuple[object, ...]]:
        # A pickle holds the records only: unpickling checks them and rebuilds the indices,
        # so a pickle does not depend on how a release of the package builds its indices.
        return type(self), tuple(
            getattr(self, field.name) for field in fields_of(type(self)) if field.init
        )

    def source(self, source_id: str) -> Source:
        """The source with this id.

        Returns:
            The source.

        Raises:
            UnknownRecordError: No source has that id; the message lists the ids.
        """
        return _by_id(self._indices.sources, "source", source_id)

    def actor(self, actor_id: str | Actor) -> Actor:
        """The actor with this id (an `Actor` stands for its id).

        Returns:
            The dataset's record of the actor.

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

        Returns:
            The event.

        Raises:
            UnknownRecordError: No event has that id; the message lists the ids.
        """
        return _by_id(self._indices.events, "event", event_id)

    def country(
        self, query: CountryQuery | None = None, *, cow: int | None = None, gw: int | None = None
    ) -> Country:
        """This version's record of a country, by ISO code, number or name, or by COW or GW number.

        A query is read as `taliban_recognition.country` reads it, and a `Country` stands for
        its ISO codes. Codes, the names the records give and those names' aliases ("Russia")
        are looked up among the records, without building the ISO 3166-1 index (pycountry),
        which answers every other name. The answer is the record the dataset holds for that
        country, which from version 1.1.0 on carries its COW and GW codes (a country the
        records do not name is given as ISO 3166-1 has it). ``cow=`` or ``gw=`` finds the
        state with that Correlates of War or Gleditsch-Ward number among this version's
        records, so a pinned analysis keeps its numbers; `taliban_recognition.country`
        answers the same from the newest version.

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
        since = field_since(fields_dict(Country)["cow_code"])
        if version_key(self.version) < since:
            raise UnknownCountryError(
                number[1],
                reason=f"dataset {self.version} records no COW or GW numbers: its records carry "
                f"them from {'.'.join(map(str, since))} on, and tr.country(cow=...) or "
                "tr.country(gw=...) answers from the newest version",
            )
        return by_number(dict.fromkeys(self._indices.codes.values()), *number, self.version)

    def _country(self, query: CountryQuery | None) -> Country:
        """The ISO country a query names: by the records' own codes and names, else by ISO 3166-1.

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
        query_key = key(query)
        if query_key is None:
            return lookup(query)  # refused, as `country` refuses it
        found = codes.get(query_key) or self._indices.names.get(query_key)
        return lookup(query) if found is None else found

    def _code(self, query: CountryQuery) -> str:
        """The alpha-2 code of a country the dataset gives statuses for.

        The code of a plain `str` or `int` query (of that type itself: not a bool, not a
        subclass, whose equality may differ) is remembered for up to `QUERIES_KEPT` queries,
        strings of at most `QUERY_LENGTH_KEPT` characters.
        Only answers are remembered: a query that raises raises again, with the same error.
        """
        queried = self._indices.queried
        if type(query) is int or (type(query) is str and len(query) <= QUERY_LENGTH_KEPT):
            code = queried.get(query)
            if code is None:
                code = self._resolve_code(query)
                if len(queried) < QUERIES_KEPT:
                    queried[query] = code
            return code
        return self._resolve_code(query)

    def _resolve_code(self, query: CountryQuery) -> str:
        """`_code` without the memo: the code, or the error, from the indices."""
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

    def _chain(self, country: CountryQuery, dates: Dates) -> Chain[StatusPeriod, RecognitionStatus]:
        """A country's chain of status periods (1.x) as `dates` reads event dates."""
        chains = self._indices.chains.get(dates) if type(dates) is str else None
        if chains is None:
            chains = self._indices.chains[check_dates(dates)]  # raises UnknownDatesError
        return chains[self._code(country)]  # type: ignore[return-value]

    def _recognition(self, country: CountryQuery, dates: Dates) -> Chain[RecognitionPeriod, bool]:
        """A country's chain of recognition periods (2.x) as `dates` reads event dates."""
        self._dimensions("recognition periods")
        return self._chain(country, dates)  # type: ignore[return-value]

    def _levels(
        self, country: CountryQuery, direction: Direction | str, dates: Dates
    ) -> Chain[RepresentationPeriod, RepresentationLevel]:
        """A country's chain of representation periods in one direction (2.x)."""
        self._dimensions("representation periods")
        chains = self._indices.levels[_direction(direction)]
        found = chains.get(dates) if type(dates) is str else None
        if found is None:
            found = chains[check_dates(dates)]
        return found[self._code(country)]

    def _dimensions(self, records: str) -> None:
        """Refuse a query of the dimensions of a version that records statuses (1.x)."""
        if not self._indices.derived:
            since = ".".join(map(str, DIMENSIONS))
            raise SchemaVersionError(
                self.version,
                records,
                f"formal recognition and representation are recorded from dataset {since}; "
                "ask a 1.x version for its status periods",
            )

    def _statuses_recorded(self) -> None:
        """Refuse a query of status periods of a version that derives its statuses (2.x)."""
        if self._indices.derived:
            raise SchemaVersionError(
                self.version,
                "status periods",
                "from dataset 2.0.0 the status is derived from formal recognition and "
                "representation; possible_recognition_periods and "
                "possible_representation_periods give the periods a status rests on",
            )

    def _covered_day(self, on: DateQuery | None) -> dt.date:
        day = self.as_of if on is None else day_of(on, "on")
        if not self.coverage_start <= day <= self.as_of:
            raise OutOfCoverageError(day, self.coverage_start, self.as_of)
        return day

    def status_periods(self, country: CountryQuery) -> tuple[StatusPeriod, ...]:
        """A country's status periods, in time order (dataset versions 1.x).

        Args:
            country: An ISO code, number, English name or `Country`.

        Returns:
            The country's status periods, in time order.

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country has no status (Afghanistan, the subject).
            SchemaVersionError: The dataset is of 2.0.0 or later, whose statuses are derived.
        """
        self._statuses_recorded()
        return self._indices.periods[self._code(country)]  # type: ignore[return-value]

    def possible_periods(
        self,
        country: CountryQuery,
        on: DateQuery | None = None,
        *,
        dates: Literal["stated", "corroborated"] = "stated",
    ) -> tuple[StatusPeriod, ...]:
        """The status periods of a country that can hold on a day, in time order (1.x).

        A period can hold on a day when the change into it can have happened by that day and
        the change out of it after it; a change on a day already holds on that day. A
        country's changes happen in order, so each change falls no earlier than the earliest
        day of any change before it and no later than the latest day of any after it. One
        period is returned when the day is certain; more when it can fall on either side of a
        change the source does not date precisely. Their evidence is what the answer rests on.
        From dataset 2.0.0, `possible_recognition_periods` and
        `possible_representation_periods` give the periods a status rests on.

        Args:
            country: An ISO code, number, English name or `Country`.
            on: The day; ``None`` means the dataset's ``as_of``.
            dates: ``"stated"`` reads event dates as the source gives them; ``"corroborated"``
                uses an event's corroborated date where it has one (`Event.corroboration`).

        Returns:
            The periods that can hold on that day, in time order: one when the day is certain.

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country has no status (Afghanistan, the subject).
            InvalidDateError: `on` is not a date.
            OutOfCoverageError: `on` is before ``coverage_start`` or after ``as_of``.
            UnknownDatesError: `dates` is neither of the two readings.
            SchemaVersionError: The dataset is of 2.0.0 or later, whose statuses are derived.

        Examples:
            >>> import taliban_recognition as tr
            >>> [p.id for p in tr.load("1.0.0").possible_periods("Russia", on="2025-05-01")]
            ['ru-no-recognition', 'ru-de-facto-engagement']
        """
        self._statuses_recorded()
        chain = self._chain(country, dates)
        return chain.holding(self._covered_day(on))

    def possible_statuses(
        self,
        country: CountryQuery,
        on: DateQuery | None = None,
        *,
        dates: Literal["stated", "corroborated"] = "stated",
    ) -> tuple[RecognitionStatus, ...]:
        """Every status the data allows for a country on a day, weakest first.

        In 1.x these are the statuses of the `possible_periods` on that day. From 2.0.0 they
        are derived from the dimensions: every status the rule of `status_of` gives for the
        recognition and the levels of representation still possible that day, where a level
        the source does not record (``UNKNOWN``) may be any.

        Args:
            country: An ISO code, number, English name or `Country`.
            on: The day; ``None`` means the dataset's ``as_of``.
            dates: ``"stated"`` reads event dates as the source gives them; ``"corroborated"``
                uses an event's corroborated date where it has one (`Event.corroboration`).

        Returns:
            The statuses, weakest first: one when the status on that day is certain.

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
            >>> [s.value for s in tr.load("2.0.0").possible_statuses("Iran")]
            ['no_recognition', 'de_facto_engagement']
        """
        if self._indices.derived:
            return self._derived(country, self._covered_day(on), dates)
        chain = self._chain(country, dates)
        lo, hi = chain.span(self._covered_day(on))
        return tuple(sorted(set(chain.held[lo:hi])))

    def _derived(
        self, country: CountryQuery, day: dt.date, dates: Dates
    ) -> tuple[RecognitionStatus, ...]:
        """The statuses the dimensions allow on `day` (2.x).

        The three chains' positions on the day are found by bisection; the statuses of each
        combination of positions are worked out once, then looked up.
        """
        indices = self._indices
        triples = indices.triples.get(dates) if type(dates) is str else None
        if triples is None:
            dates = check_dates(dates)  # raises UnknownDatesError
            triples = indices.triples[dates]
        code = self._code(country)
        recognition, kabul, abroad = triples[code]
        ordinal = day.toordinal()
        spans = (
            bisect_right(recognition.untils, ordinal),
            bisect_right(recognition.firsts, ordinal),
            bisect_right(kabul.untils, ordinal),
            bisect_right(kabul.firsts, ordinal),
            bisect_right(abroad.untils, ordinal),
            bisect_right(abroad.firsts, ordinal),
        )
        key = (code, dates, spans)
        statuses = indices.possible.get(key)
        if statuses is None:
            statuses = indices.possible[key] = possible_statuses(
                recognition.held[spans[0] : spans[1]],
                kabul.held[spans[2] : spans[3]],
                abroad.held[spans[4] : spans[5]],
            )
        return statuses

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

        Up to 1.x the status is recorded. From 2.0.0 it is derived from formal recognition
        (`recognizes`) and the level of representation in both directions
        (`representation_of`) by one rule: formal recognition is ``FORMAL_RECOGNITION``; else
        a mission at any level in either direction is ``DE_FACTO_ENGAGEMENT``; else no
        mission either way (level ``NONE`` both ways) is ``NO_RECOGNITION``. A level the
        source does not record may be any, so a state the source does not single out is
        ``UNKNOWN`` (not formally recognizing; engagement not recorded).

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
            >>> tr.load("2.0.0").status_of("Iran").name  # engagement not recorded
            'UNKNOWN'
        """
        if self._indices.derived:
            found = self._derived(country, self._covered_day(on), dates)
            return found[0] if len(found) == 1 else RecognitionStatus.UNKNOWN
        chain = self._chain(country, dates)
        day = self.as_of if on is None else self._covered_day(on)
        return chain.value(day, RecognitionStatus.UNKNOWN)

    def recognizers(
        self, on: DateQuery | None = None, *, dates: Literal["stated", "corroborated"] = "stated"
    ) -> tuple[Country, ...]:
        """The states that certainly recognize the Taliban government formally on a day, by code.

        In 1.x, those whose status is certainly `FORMAL_RECOGNITION`; from 2.0.0, those whose
        formal recognition (`recognizes`) is certainly true: the same states, as the rule of
        `status_of` makes formal recognition the status.

        Args:
            on: The day; ``None`` means the dataset's ``as_of``.
            dates: ``"stated"`` reads event dates as the source gives them; ``"corroborated"``
                uses an event's corroborated date where it has one (`Event.corroboration`).

        Returns:
            The states' records, by code; empty when no state certainly recognizes.

        Raises:
            InvalidDateError: `on` is not a date.
            OutOfCoverageError: `on` is before ``coverage_start`` or after ``as_of``.
            UnknownDatesError: `dates` is neither of the two readings.

        Examples:
            >>> import taliban_recognition as tr
            >>> tr.load("1.0.0").recognizers(on="2025-07-02")
            ()
            >>> [c.alpha_2 for c in tr.load("2.0.0").recognizers()]
            ['RU']
        """
        day = self._covered_day(on)
        recognizing = self._indices.recognizing[check_dates(dates)]  # in code order
        wanted: object = True if self._indices.derived else RecognitionStatus.FORMAL_RECOGNITION
        return tuple(chain.country for chain in recognizing if chain.value(day, None) is wanted)

    def recognition_periods(self, country: CountryQuery) -> tuple[RecognitionPeriod, ...]:
        """A country's formal recognition periods, in time order (from dataset 2.0.0).

        Args:
            country: An ISO code, number, English name or `Country`.

        Returns:
            The country's recognition periods, in time order.

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country is not covered (Afghanistan, the subject).
            SchemaVersionError: The dataset is of 1.x, which records statuses only.

        Examples:
            >>> import taliban_recognition as tr
            >>> [p.id for p in tr.load("2.0.0").recognition_periods("Russia")]
            ['ru-not-recognizing', 'ru-recognizing']
        """
        self._dimensions("recognition periods")
        return self._indices.periods[self._code(country)]  # type: ignore[return-value]

    def possible_recognition_periods(
        self,
        country: CountryQuery,
        on: DateQuery | None = None,
        *,
        dates: Literal["stated", "corroborated"] = "stated",
    ) -> tuple[RecognitionPeriod, ...]:
        """The recognition periods of a country that can hold on a day, in time order (2.0.0+).

        Read as `possible_periods` reads status periods: more than one when the day can fall
        on either side of a change the source does not date precisely.

        Args:
            country: An ISO code, number, English name or `Country`.
            on: The day; ``None`` means the dataset's ``as_of``.
            dates: ``"stated"`` or ``"corroborated"``, as for `status_of`.

        Returns:
            The periods that can hold on that day, in time order: one when the day is certain.

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country is not covered (Afghanistan, the subject).
            InvalidDateError: `on` is not a date.
            OutOfCoverageError: `on` is before ``coverage_start`` or after ``as_of``.
            UnknownDatesError: `dates` is neither of the two readings.
            SchemaVersionError: The dataset is of 1.x, which records statuses only.
        """
        chain = self._recognition(country, dates)
        return chain.holding(self._covered_day(on))

    def possible_recognitions(
        self,
        country: CountryQuery,
        on: DateQuery | None = None,
        *,
        dates: Literal["stated", "corroborated"] = "stated",
    ) -> tuple[bool, ...]:
        """The values of a state's formal recognition the data allows on a day, false first.

        From dataset 2.0.0.

        Args:
            country: An ISO code, number, English name or `Country`.
            on: The day; ``None`` means the dataset's ``as_of``.
            dates: ``"stated"`` or ``"corroborated"``, as for `status_of`.

        Returns:
            The values, false first: one when formal recognition on that day is certain.

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country is not covered (Afghanistan, the subject).
            InvalidDateError: `on` is not a date.
            OutOfCoverageError: `on` is before ``coverage_start`` or after ``as_of``.
            UnknownDatesError: `dates` is neither of the two readings.
            SchemaVersionError: The dataset is of 1.x, which records statuses only.

        Examples:
            >>> import taliban_recognition as tr
            >>> tr.load("2.0.0").possible_recognitions("Iran")
            (False,)
        """
        chain = self._recognition(country, dates)
        return tuple(sorted(chain.possible(self._covered_day(on))))

    def recognizes(
        self,
        country: CountryQuery,
        on: DateQuery | None = None,
        *,
        dates: Literal["stated", "corroborated"] = "stated",
    ) -> bool | None:
        """Whether a state formally recognizes the Taliban government on a day (from 2.0.0).

        The one value `possible_recognitions` allows, or None when the data allows both (the
        day can fall on either side of an undated recognition). Test the answer with ``is
        True`` or ``is False``: None is not no.

        Args:
            country: An ISO code, number, English name or `Country`.
            on: The day; ``None`` means the dataset's ``as_of``.
            dates: ``"stated"`` or ``"corroborated"``, as for `status_of`.

        Returns:
            True, False, or None when it is not known.

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country is not covered (Afghanistan, the subject).
            InvalidDateError: `on` is not a date.
            OutOfCoverageError: `on` is before ``coverage_start`` or after ``as_of``.
            UnknownDatesError: `dates` is neither of the two readings.
            SchemaVersionError: The dataset is of 1.x, which records statuses only.

        Examples:
            >>> import taliban_recognition as tr
            >>> ds = tr.load("2.0.0")
            >>> ds.recognizes("Russia"), ds.recognizes("Russia", on="2025-07-02")
            (True, False)
            >>> ds.recognizes("China")
            False
        """
        chain = self._recognition(country, dates)
        found: bool | None = chain.value(self._covered_day(on), None)
        return found

    def representation_periods(
        self, country: CountryQuery, *, direction: Direction | str | None = None
    ) -> tuple[RepresentationPeriod, ...]:
        """A country's representation periods, in time order (from dataset 2.0.0).

        Args:
            country: An ISO code, number, English name or `Country`.
            direction: One `Direction` (or its value); None gives both, the state's mission
                in Kabul first.

        Returns:
            The country's representation periods of that direction (or of both), in time order.

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country is not covered (Afghanistan, the subject).
            UnknownDirectionError: `direction` is not a `Direction` or its value.
            SchemaVersionError: The dataset is of 1.x, which records statuses only.

        Examples:
            >>> import taliban_recognition as tr
            >>> ds = tr.load("2.0.0")
            >>> [p.level.value for p in ds.representation_periods("China",
            ...     direction="state_in_afghanistan")]
            ['unknown', 'ambassador']
        """
        self._dimensions("representation periods")
        wanted = tuple(Direction) if direction is None else (_direction(direction),)
        code = self._code(country)
        return tuple(period for one in wanted for period in self._indices.directions[one][code])

    def possible_representation_periods(
        self,
        country: CountryQuery,
        on: DateQuery | None = None,
        *,
        direction: Direction | str,
        dates: Literal["stated", "corroborated"] = "stated",
    ) -> tuple[RepresentationPeriod, ...]:
        """The representation periods of one direction that can hold on a day (from 2.0.0).

        Read as `possible_periods` reads status periods.

        Args:
            country: An ISO code, number, English name or `Country`.
            on: The day; ``None`` means the dataset's ``as_of``.
            direction: Whose mission: a `Direction` or its value.
            dates: ``"stated"`` or ``"corroborated"``, as for `status_of`.

        Returns:
            The periods that can hold on that day, in time order: one when the day is certain.

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country is not covered (Afghanistan, the subject).
            InvalidDateError: `on` is not a date.
            OutOfCoverageError: `on` is before ``coverage_start`` or after ``as_of``.
            UnknownDatesError: `dates` is neither of the two readings.
            UnknownDirectionError: `direction` is not a `Direction` or its value.
            SchemaVersionError: The dataset is of 1.x, which records statuses only.
        """
        chain = self._levels(country, direction, dates)
        return chain.holding(self._covered_day(on))

    def possible_levels(
        self,
        country: CountryQuery,
        on: DateQuery | None = None,
        *,
        direction: Direction | str,
        dates: Literal["stated", "corroborated"] = "stated",
    ) -> tuple[RepresentationLevel, ...]:
        """Every level of one side's mission at the other the data allows on a day (2.0.0+).

        Known levels only, in `RepresentationLevel` order (NONE, then up to AMBASSADOR, then
        OTHER): a period the source records nothing of (level ``UNKNOWN``) allows every one.

        Args:
            country: An ISO code, number, English name or `Country`.
            on: The day; ``None`` means the dataset's ``as_of``.
            direction: Whose mission: a `Direction` or its value.
            dates: ``"stated"`` or ``"corroborated"``, as for `status_of`.

        Returns:
            The known levels, in `RepresentationLevel` order: one when the level on that day is
            certain.

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country is not covered (Afghanistan, the subject).
            InvalidDateError: `on` is not a date.
            OutOfCoverageError: `on` is before ``coverage_start`` or after ``as_of``.
            UnknownDatesError: `dates` is neither of the two readings.
            UnknownDirectionError: `direction` is not a `Direction` or its value.
            SchemaVersionError: The dataset is of 1.x, which records statuses only.

        Examples:
            >>> import taliban_recognition as tr
            >>> [level.value for level in tr.load("2.0.0").possible_levels(
            ...     "Russia", direction="afghanistan_in_state")]
            ['ambassador']
        """
        chain = self._levels(country, direction, dates)
        return expand(chain.possible(self._covered_day(on)))

    def representation_of(
        self,
        country: CountryQuery,
        on: DateQuery | None = None,
        *,
        direction: Direction | str,
        dates: Literal["stated", "corroborated"] = "stated",
    ) -> RepresentationLevel:
        """The level of one side's mission at the other on a day (from dataset 2.0.0).

        The one level `possible_levels` allows, or ``UNKNOWN`` when the source records none or
        the day can fall on either side of an undated change. ``UNKNOWN`` is never COW's 0:
        the absence of a mention is not the absence of a mission.

        Args:
            country: An ISO code, number, English name or `Country`.
            on: The day; ``None`` means the dataset's ``as_of``.
            direction: ``"state_in_afghanistan"`` (the state's mission in Kabul) or
                ``"afghanistan_in_state"`` (the Taliban government's in the state), or a
                `Direction`.
            dates: ``"stated"`` or ``"corroborated"``, as for `status_of`.

        Returns:
            The level.

        Raises:
            UnknownCountryError: `country` names no ISO 3166-1 country.
            NoStatusError: The country is not covered (Afghanistan, the subject).
            InvalidDateError: `on` is not a date.
            OutOfCoverageError: `on` is before ``coverage_start`` or after ``as_of``.
            UnknownDatesError: `dates` is neither of the two readings.
            UnknownDirectionError: `direction` is not a `Direction` or its value.
            SchemaVersionError: The dataset is of 1.x, which records statuses only.

        Examples:
            >>> import taliban_recognition as tr
            >>> ds = tr.load("2.0.0")
            >>> ds.representation_of("China", direction="state_in_afghanistan").name
            'AMBASSADOR'
            >>> ds.representation_of("Iran", direction="state_in_afghanistan").name
            'UNKNOWN'
        """
        found = self.possible_levels(country, on, direction=direction, dates=dates)
        return found[0] if len(found) == 1 else RepresentationLevel.UNKNOWN

    def panel(  # noqa: PLR0913 -- the choices a panel is made of
        self,
        freq: Literal["day", "month", "year"] = "year",
        *,
        start: DateQuery | None = None,
        end: DateQuery | None = None,
        countries: Iterable[CountryQuery] | None = None,
        at: Literal["end", "start", "period"] = "end",
        dates: Literal["stated", "corroborated"] | None = None,
        draws: Sequence[Draw] | None = None,
    ) -> Panel:
        """A state panel: one row per state and day, month or year, its uncertainty kept.

        Each cell is what `status_of`, `possible_statuses` and `recognizes` answer: ``status``
        (``unknown`` when more than one is possible), its lower and upper bound on the ordinal
        scale (``status_min``, ``status_max``), the scale as numbers for regressions
        (``status_code``, empty when unknown, and ``status_min_code``, ``status_max_code``:
        0 no_recognition, 1 de_facto_engagement, 2 formal_recognition), ``recognizes``; the
        state's ISO, COW and GW codes; and the ids of the periods and events the cell rests
        on, whose evidence rows quote the words. Panels of 1.x versions use their statuses.

        What a month or year cell means is `at`:

        - ``"end"``: the answers on the last day of the period within the span (COW's and
          V-Dem's convention: a state-year as of 31 December; the year of `as_of` ends then);
        - ``"start"``: on its first day within the span;
        - ``"period"``: over all its days within the span: ``status`` is the status that
          certainly held on every day, else ``unknown``; ``status_min`` and ``status_max`` the
          weakest and strongest possible on any day; ``share_<status>`` the share of the days
          on which each status certainly held, and ``days`` how many there are.

        Args:
            freq: ``"day"``, ``"month"`` or ``"year"``.
            start: The first day (default ``coverage_start``); a month or year cell covers
                only the part of its period within the span.
            end: The last day (default ``as_of``).
            countries: The states, in any form `status_of` takes; default every covered
                state. Rows are in ISO code order whatever the order given; a state given
                twice is one.
            at: What a month or year cell means, as above.
            dates: ``"stated"`` (the default) or ``"corroborated"``, as for `status_of`.
            draws: Sensitivity draws from `draws`: the panel then has leading ``seed`` and
                ``draw`` columns and one panel's rows per draw, in the order given, every date
                resolved to the drawn day; draws of several seeds may be stacked. `dates` is
                then the draws' reading.

        Returns:
            The panel; `Panel.to_dataframe` and `Panel.export` read it out.

        Raises:
            InvalidArgumentError: `freq` or `at` is not one of its values, `countries` is one
                country rather than several, or `draws` holds something not drawn from this
                dataset, or two of one seed and number, or draws of two readings, or of another
                reading than `dates`.
            InvalidDateError: `start` or `end` is not a date, or `start` is after `end`.
            OutOfCoverageError: `start` or `end` is outside the coverage.
            UnknownCountryError: A country names no ISO 3166-1 country.
            NoStatusError: A country has no status (Afghanistan, the subject).
            UnknownDatesError: `dates` is neither of the two readings.

        Examples:
            >>> import taliban_recognition as tr
            >>> panel = tr.load("2.0.0").panel("year", countries=["RU", "PK"])
            >>> [(r["country_alpha_2"], r["year"], r["status"]) for r in panel.to_records()
            ...  if r["year"] >= 2024]
            [('PK', 2024, 'unknown'), ('PK', 2025, 'de_facto_engagement'), \
('RU', 2024, 'unknown'), ('RU', 2025, 'formal_recognition')]
        """
        from taliban_recognition import _panel  # noqa: PLC0415 -- on first use

        kind = _panel._Statuses(derived=self._indices.derived)  # noqa: SLF001
        return self._build_panel(
            "state",
            lambda chains: [_panel.state_unit(found[0].country, found, kind) for found in chains],
            _panel.STATE_KEY_COLUMNS,
            kind.columns,
            freq=freq,
            at=at,
            start=start,
            end=end,
            countries=countries,
            dates=dates,
            draws=draws,
        )

    def dyad_panel(  # noqa: PLR0913 -- the choices a panel is made of
        self,
        freq: Literal["day", "month", "year"] = "year",
        *,
        start: DateQuery | None = None,
        end: DateQuery | None = None,
        countries: Iterable[CountryQuery] | None = None,
        at: Literal["end", "start", "period"] = "end",
        dates: Literal["stated", "corroborated"] | None = None,
        draws: Sequence[Draw] | None = None,
        directed: bool = True,
    ) -> Panel:
        """A dyad panel of representation, in the layout of COW's Diplomatic Exchange data.

        One row per pair of Afghanistan (COW and GW 700) and a state, per day, month or year:
        ``ccode1``, ``ccode2``, ``gwcode1``, ``gwcode2``, the state's ISO codes, then
        ``DR_at_1`` (the level of side 2's mission at side 1, on COW's scale: 0 none, 1 chargé
        d'affaires, 2 minister, 3 ambassador, 9 other), ``DR_at_2`` and ``DE`` (any exchange),
        each empty when not known, never 0 for unknown, with its bounds beside it
        (``DR_at_1_min``, ``DR_at_1_max`` over the ordered levels 0 to 3, and
        ``DR_at_1_possible``, every code it can take); then the ids of the periods and events
        each cell rests on. Directed (the default), each pair is two rows, Afghanistan as
        side 1 and as side 2, as peacesciencer's directed dyad-years are; non-directed, one
        row, the smaller COW number as side 1, as COW's files have it. `at` reads a month or
        year as `panel` does (``"period"``: the level that held on every day, and the least
        and most on any). From dataset 2.0.0.

        Args:
            freq: ``"day"``, ``"month"`` or ``"year"``.
            start: The first day (default ``coverage_start``).
            end: The last day (default ``as_of``).
            countries: The states; default every covered state, by ISO code.
            at: What a month or year cell means, as for `panel`.
            dates: ``"stated"`` (the default) or ``"corroborated"``.
            draws: Sensitivity draws from `draws`, as for `panel`.
            directed: Two rows per pair (True) or one (False).

        Returns:
            The panel.

        Raises:
            SchemaVersionError: The dataset is of 1.x, which records no representation.
            InvalidArgumentError: As for `panel`, or `directed` is not a bool.
            InvalidDateError: `start` or `end` is not a date, or `start` is after `end`.
            OutOfCoverageError: `start` or `end` is outside the coverage.
            UnknownCountryError: A country names no ISO 3166-1 country.
            NoStatusError: A country is not covered (Afghanistan, the subject).
            UnknownDatesError: `dates` is neither of the two readings.

        Examples:
            >>> import taliban_recognition as tr
            >>> dyads = tr.load("2.0.0").dyad_panel(countries=["China"], directed=False)
            >>> [(r["ccode1"], r["ccode2"], r["year"], r["DR_at_1"], r["DR_at_1_min"],
            ...   r["DR_at_1_max"]) for r in dyads.to_records()][-2:]
            [(700, 710, 2024, None, 0, 3), (700, 710, 2025, 3, 3, 3)]
        """
        from taliban_recognition import _panel  # noqa: PLC0415 -- on first use

        self._dimensions("representation periods")
        if not isinstance(directed, bool):
            raise InvalidArgumentError("directed", directed, "True or False")
        return self._build_panel(
            "dyad",
            lambda chains: [
                unit
                for found in chains
                for unit in _panel.dyad_units(found[0].country, found[1:], directed=directed)
            ],
            _panel.DYAD_KEY_COLUMNS,
            _panel._dyad_columns,  # noqa: SLF001
            freq=freq,
            at=at,
            start=start,
            end=end,
            countries=countries,
            dates=dates,
            draws=draws,
        )

    def draws(
        self, n: int, *, seed: int, dates: Literal["stated", "corroborated"] = "stated"
    ) -> tuple[Draw, ...]:
        """`n` sensitivity draws: every uncertain date resolved to a day, reproducibly.

        Each draw gives every event, and every change no event dates, one day, uniformly
        among the assignments the data allows: each within its date's window (as `dates`
        reads it), the changes of each chain in their order, one day for an event however
        many chains it dates. A chain's first period starts with the coverage, as the
        queries read it; an event that dates no change is drawn on its own within its window,
        so an order between such events that no chain records is not kept.

        Pass them to `panel` or `dyad_panel` (``draws=``) and re-run a model over the draws,
        as users of UCDP's uncertainty draws do for fatality counts:
        how far its answer moves is how far it rests on dates the source leaves open. A
        level the source does not record stays unknown: a draw resolves dates, not levels.

        Draw ``k`` of a seed is the same in every call and every release that ships the
        same data: the first three of ten draws are the three of ``draws(3, seed=...)``.

        Args:
            n: How many draws, from 1 to 10,000 (UCDP ships 1,000); for more, draw again
                with another seed.
            seed: Any int; the same seed gives the same draws.
            dates: ``"stated"`` or ``"corroborated"``: the windows drawn within.

        Returns:
            The draws, numbered from 1.

        Raises:
            InvalidArgumentError: `n` is not an int from 1 to 10,000, or `seed` is not an int.
            UnknownDatesError: `dates` is neither of the two readings.

        Examples:
            >>> import taliban_recognition as tr
            >>> ds = tr.load("2.0.0")
            >>> [d.events["russia-accepts-taliban-ambassador"].isoformat()
            ...  for d in ds.draws(3, seed=1)]
            ['2025-04-07', '2025-05-22', '2025-05-13']
        """
        from taliban_recognition._draws import draws  # noqa: PLC0415 -- on first use

        count = _whole(n)
        if count is None or not 1 <= count <= MAX_DRAWS:
            raise InvalidArgumentError("n", n, f"an int from 1 to {MAX_DRAWS:,}")
        number = _whole(seed)
        if number is None:
            raise InvalidArgumentError("seed", seed, "an int")
        return draws(self, self._indices, count, number, check_dates(dates))

    def _build_panel(  # noqa: PLR0913 -- a panel's choices, passed through
        self,
        prefix: str,
        units_of: Callable[[list[list[Chain[object, object]]]], list[_Unit]],
        key_columns: list[Column],
        kind_columns: _KindColumns,
        *,
        freq: object,
        at: object,
        start: DateQuery | None,
        end: DateQuery | None,
        countries: Iterable[CountryQuery] | None,
        dates: object,
        draws: Sequence[Draw] | None,
    ) -> Panel:
        """What `panel` and `dyad_panel` share: their choices checked, then one build.

        `units_of` makes the panel's units from each state's chains (`_unit_chains`).
        """
        from taliban_recognition._panel import build  # noqa: PLC0415 -- on first use

        unit, rule, first, last = self._panel_span(freq, at, start, end)
        reading, drawn = self._drawn(dates, draws)
        codes = self._panel_codes(countries)
        return build(
            name=f"{prefix}_{unit}",
            meta=(self.version, self.sha256, unit, rule, reading, first, last),
            units=lambda number: units_of(self._unit_chains(codes, reading, drawn, number)),
            key_columns=key_columns,
            draws=tuple((d.seed, d.number) for d in drawn),
            kind_columns=kind_columns(period=rule == "period" and unit != "day"),
        )

    def _panel_span(
        self, freq: object, at: object, start: DateQuery | None, end: DateQuery | None
    ) -> tuple[str, str, dt.date, dt.date]:
        from taliban_recognition._panel import ATS, FREQS, check_choice  # noqa: PLC0415

        freq = check_choice("freq", freq, FREQS)
        at = check_choice("at", at, ATS)
        first = self.coverage_start if start is None else self._covered_day(start)
        last = self.as_of if end is None else self._covered_day(end)
        if first > last:
            raise InvalidDateError((first, last), "start must not be after end")
        return freq, at, first, last

    def _drawn(self, dates: object, draws: Sequence[Draw] | None) -> tuple[Dates, tuple[Draw, ...]]:
        from taliban_recognition._draws import Draw  # noqa: PLC0415

        if draws is None:
            return check_dates("stated" if dates is None else dates), ()
        if isinstance(draws, Draw) or not isinstance(draws, (list, tuple)) or not draws:
            raise InvalidArgumentError("draws", draws, "a non-empty list or tuple of draws")
        for found in draws:
            if not isinstance(found, Draw) or found.sha256 != self.sha256:
                raise InvalidArgumentError(
                    "draws", found, f"a draw of dataset {self.version} (from Dataset.draws)"
                )
        if len({(found.seed, found.number) for found in draws}) != len(draws):
            raise InvalidArgumentError("draws", draws, "draws of distinct seeds or numbers")
        readings = {found.dates for found in draws}
        if len(readings) > 1 or (dates is not None and readings != {dates}):
            raise InvalidArgumentError(
                "draws",
                draws,
                f"draws of one reading of dates{'' if dates is None else f', {dates!r}'}",
            )
        return draws[0].dates, tuple(draws)

    def _panel_codes(self, countries: Iterable[CountryQuery] | None) -> list[str]:
        if countries is None:
            return list(self._indices.periods)
        if isinstance(countries, (str, bytes, int, Country)) or not hasattr(countries, "__iter__"):
            raise InvalidArgumentError(
                "countries", countries, "a list of countries (codes, numbers or names)"
            )
        return sorted({self._code(query) for query in countries})

    def _unit_chains(
        self, codes: list[str], dates: Dates, drawn: tuple[Draw, ...], position: int | None
    ) -> list[list[Chain[object, object]]]:
        """Each state's chains: its statuses (1.x), or its recognition then both directions."""
        from taliban_recognition._draws import drawn_chain  # noqa: PLC0415

        indices = self._indices
        found: list[list[Chain[object, object]]] = []
        for code in codes:
            chains: list[Chain[object, object]] = [indices.chains[dates][code]]  # type: ignore[list-item]
            if indices.derived:
                chains += [indices.levels[d][dates][code] for d in Direction]  # type: ignore[misc]
            if position is not None:
                chains = [drawn_chain(c, drawn[position]) for c in chains]
            found.append(chains)
        return found

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

        Returns:
            The events, in dataset order; empty when none passes.

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
            checks.append(lambda e: code in codes_of_event(e))
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
        first = None if since is None else day_of(since, "since")
        last = None if until is None else day_of(until, "until")
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
        ``dataset`` (one row), ``sources``, ``actors``, ``events``; in 1.x ``statuses`` and
        ``status_events`` (which events each status period rests on); from 2.0.0
        ``recognitions``, ``recognition_events``, ``representations`` (one row per period of a
        directed pair, with ``level_cow_code``, COW Diplomatic Exchange's code of the level) and
        ``representation_events``; then ``evidence`` (every quote, for every record that has
        one) and, from 1.1.0, ``references``. Cells are `str`, `int`, `bool`,
        `datetime.date`, or None where a field is empty. Each call builds new lists and dicts,
        so changing them changes nothing else. For the canonical JSON records, nested as the
        data file has them, use ``export(directory, format="json")``.

        Returns:
            The tables, keyed by table name, each a list of rows keyed by column.

        Examples:
            >>> import taliban_recognition as tr
            >>> tables = tr.load("1.0.0").to_records()
            >>> list(tables)
            ['dataset', 'sources', 'actors', 'events', 'statuses', 'status_events', 'evidence']
            >>> event = tables["events"][-1]
            >>> event["id"], event["date"], event["date_earliest"]
            ('russian-foreign-ministry-announces-recognition', '2025-07-03', \
datetime.date(2025, 7, 3))

            >>> [r["level_cow_code"] for r in tr.load("2.0.0").to_records()["representations"]
            ...  if r["country_alpha_2"] == "CN"]
            [None, 3, None]
        """
        from taliban_recognition._tables import to_records  # noqa: PLC0415 -- on first use

        return to_records(self)

    def to_dataframes(self) -> dict[str, pd.DataFrame]:
        """The tables of `to_records` as pandas DataFrames, keyed by table name.

        Text columns have the ``string`` dtype, dates ``datetime64[s]`` (empty: ``NaT``),
        kinds, statuses, directions, levels, bases and precisions are categoricals (``status``
        ordered, weakest first), offsets and positions ``int64``, ``level_cow_code`` the
        nullable ``Int64`` (``<NA>`` where the level is unknown), and ``ongoing`` and
        ``recognizes`` are ``bool``.

        Returns:
            The DataFrames, keyed by table name.

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


MAX_DRAWS = 10_000
"""The most draws one call of `Dataset.draws` makes."""


def unchecked_dataset(**fields: object) -> Dataset:
    """A `Dataset` of `fields` made without any check: not its own, not its indices'.

    Its indices are built as `Dataset` builds them, less the checks (`Indices`). It is for
    the records of a file the tests have read with every check (`_reader`); any other data
    is made by calling `Dataset`.
    """
    dataset = unchecked(Dataset)(**fields)
    object.__setattr__(dataset, "_indices", Indices(dataset, checked=False))
    return dataset


def _whole(value: object) -> int | None:
    """`value` as an int if it is a whole number (an int, a numpy integer), not a bool."""
    if isinstance(value, bool):
        return None
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        return None


def _earliest(event: Event) -> dt.date:
    return event.date.earliest


def _stated(event: Event) -> FuzzyDate:
    return event.date


def _corroborated(event: Event) -> FuzzyDate:
    return event.date_for("corroborated")


def _by_id(records: Mapping[str, Record], record_type: str, record_id: object) -> Record:
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


def _direction(direction: object) -> Direction:
    if isinstance(direction, Direction):
        return direction
    for member in Direction:
        if isinstance(direction, str) and direction == member.value:
            return member
    raise UnknownDirectionError(direction, tuple(d.value for d in Direction))


# Also resolves the annotations, which cattrs and typing.get_type_hints read.
publish(__name__)

SCHEMA = newest(Dataset)
"""The newest dataset schema this code reads and writes: the latest ``since`` of any field."""
