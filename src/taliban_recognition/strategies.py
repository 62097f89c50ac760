"""Hypothesis strategies for records and whole datasets shaped like this package's data.

Use them to property-test analysis code against every dataset the schemas allow, not only the
shipped ones. Every value drawn satisfies the invariants the loader checks: valid ISO 3166-1
countries, quotes that match their source offsets, events in dataset order and no later than
``as_of``, and periods that chain without gaps or overlaps from ``coverage_start``: status
periods in a dataset of 1.x; from 2.0.0, each covered state's formal recognition and its
representation in both directions. `datasets` draws either schema unless given a version.

Needs Hypothesis, which is not a runtime dependency: install the ``strategies`` extra
(``pip install "taliban-recognition[strategies]"``).

Examples:
    A property test over synthetic datasets, as a researcher would write for their own
    analysis code:

    >>> from hypothesis import given, settings
    >>> from taliban_recognition.strategies import datasets
    >>> @settings(max_examples=25, deadline=None)  # a whole dataset per example
    ... @given(datasets())
    ... def test_recognizers_have_formal_status(ds):
    ...     for state in ds.recognizers():
    ...         assert ds.status_of(state).name == "FORMAL_RECOGNITION"
    >>> test_recognizers_have_formal_status()
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import hashlib
import inspect
import unicodedata
from typing import TYPE_CHECKING, Any, TypeVar

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess by the tests
    msg = (
        "taliban_recognition.strategies needs Hypothesis, which is not installed; "
        'install the extra: pip install "taliban-recognition[strategies]"'
    )
    raise ImportError(msg, name=error.name) from error

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

from taliban_recognition._dataset import Dataset
from taliban_recognition._errors import InvalidArgumentError
from taliban_recognition._invariants import SUBJECT, event_order
from taliban_recognition._iso import all_countries, names_of
from taliban_recognition._load import versions
from taliban_recognition._model import (
    CAMEO,
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
    RecognitionStatus,
    Reference,
    RepresentationLevel,
    RepresentationPeriod,
    Source,
    StatusPeriod,
)
from taliban_recognition._schema import Level, build, field_since, version_key

__all__ = [
    "actors",
    "countries",
    "country_queries",
    "datasets",
    "event_codes",
    "events",
    "evidence",
    "fuzzy_dates",
    "invalid_country_queries",
    "recognition_chains",
    "references",
    "representation_chains",
    "sources",
    "status_chains",
]

_VERSION = r"(0|[1-9][0-9]?)\.(0|[1-9][0-9]?)\.(0|[1-9][0-9]?)"
_EARLIEST = dt.date(1900, 1, 1)
"""The earliest day `fuzzy_dates` and `events` draw by default, as their signatures say."""
_KNOWN = [s for s in RecognitionStatus if s is not RecognitionStatus.UNKNOWN]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _tuple_of(kind: type, *, nonempty: bool = False) -> Callable[[object], bool]:
    def check(value: object) -> bool:
        return (
            isinstance(value, tuple)
            and (bool(value) or not nonempty)
            and all(isinstance(item, kind) for item in value)
        )

    return check


def _strategy(value: object) -> bool:
    return isinstance(value, st.SearchStrategy)


def _bool(value: object) -> bool:
    return isinstance(value, bool)


_Check = tuple["Callable[[object], bool]", str]

_F = TypeVar("_F", bound="Callable[..., st.SearchStrategy[Any]]")


def _checked(**checks: _Check) -> Callable[[_F], _F]:
    """Check a strategy's arguments when it is called, not when Hypothesis first draws.

    A value of the wrong type raises `InvalidArgumentError` at once, naming the argument and
    what it takes, instead of an AttributeError deep inside a draw.
    """

    def decorate(make: _F) -> _F:
        signature = inspect.signature(make)

        @functools.wraps(make)
        def checked(*args: Any, **kwargs: Any) -> st.SearchStrategy[Any]:  # noqa: ANN401
            bound = signature.bind(*args, **kwargs)
            for name, value in bound.arguments.items():
                accepts, expected = checks[name]
                if not accepts(value):
                    raise InvalidArgumentError(name, value, expected)
            return make(*args, **kwargs)

        return checked  # type: ignore[return-value]

    return decorate


_ID = (_strategy, "a Hypothesis strategy of ids")
_CODES = (_bool, "True or False")
_DAY = (_is_date, "a datetime.date")

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
identifiers = st.lists(_WORD, min_size=1, max_size=3).map("-".join)
"""Record ids: lower-case words joined by hyphens."""
texts = st.text(min_size=1, max_size=40).filter(str.strip)
"""Non-blank text, for names, titles, summaries and notes."""
_NOTES = st.none() | texts
_URLS = st.builds(
    "{}://{}.{}{}".format,
    st.sampled_from(["http", "https"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=3),
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", max_size=12), max_size=3
    ).map(lambda parts: "".join(f"/{part}" for part in parts)),
)


@_checked(codes=_CODES)
def countries(*, codes: bool = False) -> st.SearchStrategy[Country]:
    """Any ISO 3166-1 country, as `country` returns it.

    With `codes`, it may also carry Correlates of War and Gleditsch-Ward codes (dataset
    version 1.1.0 and later) and, with a Gleditsch-Ward number, which of its lists it is from
    (1.2.0); they are drawn, not looked up, so they are not the real ones.

    Args:
        codes: Whether to draw COW and GW codes.

    Returns:
        A strategy of countries.

    Raises:
        InvalidArgumentError: An argument is not of the type it takes.

    Examples:
        >>> from hypothesis import given
        >>> from taliban_recognition.strategies import countries
        >>> @given(countries())
        ... def test_codes_are_upper_case(state):
        ...     assert state.alpha_2.isupper() and len(state.numeric) == 3
        >>> test_codes_are_upper_case()
    """
    return _countries(codes)


@functools.cache
def _countries(codes: bool) -> st.SearchStrategy[Country]:  # noqa: FBT001 -- one flag, cached
    """`countries`, built once for each value of `codes`: strategies are immutable."""
    plain = st.sampled_from(all_countries())
    if not codes:
        return plain
    number = st.none() | st.integers(1, 999)
    abbr = st.none() | _letters(3)
    gw = st.tuples(st.none(), st.none()) | st.tuples(st.integers(1, 999), st.booleans())
    return st.builds(
        lambda country, cow_code, cow_abbr, gw_pair, gw_abbr: attrs.evolve(
            country,
            cow_code=cow_code,
            cow_abbr=cow_abbr,
            gw_code=gw_pair[0],
            gw_abbr=gw_abbr,
            gw_microstate=gw_pair[1],
        ),
        plain,
        number,
        abbr,
        gw,
        abbr,
    )


def country_queries() -> st.SearchStrategy[tuple[str | int, Country]]:
    """A way users name a country, with the `Country` it must resolve to.

    Alpha-2 and alpha-3 codes in any case, numeric codes as ints or strings with or without
    leading zeros, ISO and common names and aliases, with or without their accents, with
    surrounding whitespace.

    Returns:
        A strategy of pairs: the query, and the country it names.
    """
    return _country_queries()


@st.composite
def _country_queries(draw: st.DrawFn) -> tuple[str | int, Country]:
    found = draw(countries())
    number = int(found.numeric)
    spelling = draw(
        st.sampled_from(
            [found.alpha_2, found.alpha_3, found.numeric, str(number), *names_of(found)]
        )
    )
    if draw(st.booleans()) and spelling.isdigit():
        return number, found
    if draw(st.booleans()):  # "Cote d'Ivoire" as people type it without accents
        spelling = "".join(
            c for c in unicodedata.normalize("NFKD", spelling) if not unicodedata.combining(c)
        )
    cases: list[Callable[[str], str]] = [str.lower, str.upper, str.title, str.casefold, str]
    cased = draw(st.sampled_from(cases))(spelling)
    pad = draw(st.sampled_from(["", " ", "\t", "  ", "\n"]))
    return f"{pad}{cased}{draw(st.sampled_from(['', ' ', '  ']))}", found


def _letters(length: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=length, max_size=length)


def invalid_country_queries() -> st.SearchStrategy[object]:
    """Inputs `country` must reject with `UnknownCountryError`.

    Blank strings, codes ISO 3166-1 reserves for user assignment (``AA``, ``QM``-``QZ``,
    ``XA``-``XZ``, ``ZZ`` and their alpha-3 and numeric ``900``-``999`` ranges), numbers out of
    range, and values that are neither strings nor integers.

    Returns:
        A strategy of values that name no country.
    """
    user_alpha_2 = st.sampled_from(
        [
            "AA",
            "ZZ",
            *(f"Q{c}" for c in "MNOPQRSTUVWXYZ"),
            *(f"X{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        ]
    )
    return st.one_of(
        st.text(alphabet=" \t\n\r\u00a0", max_size=5),
        user_alpha_2,
        st.builds(lambda code, last: code + last, user_alpha_2, _letters(1)),
        st.integers(900, 999),
        st.integers(900, 999).map(str),
        st.integers(max_value=-1),
        st.integers(min_value=1000),
        st.none(),
        st.booleans(),
        st.floats(),
        st.binary(max_size=3),
    )


@_checked(min_value=_DAY, max_value=_DAY)
def fuzzy_dates(
    min_value: dt.date = dt.date(1900, 1, 1), max_value: dt.date = dt.date(2100, 12, 31)
) -> st.SearchStrategy[FuzzyDate]:
    """Any `FuzzyDate` within ``[min_value, max_value]``, of every precision.

    Month and year boundaries, where EDTF bounds shorten, are drawn often.

    Args:
        min_value: The earliest its earliest day may be.
        max_value: The latest its latest day may be.

    Returns:
        A strategy of fuzzy dates.

    Raises:
        InvalidArgumentError: An argument is not of the type it takes.
    """
    if min_value > max_value:
        raise InvalidArgumentError("max_value", max_value, f"a day no earlier than {min_value}")
    return _fuzzy_dates(min_value, max_value)


@functools.lru_cache(maxsize=256)
def _fuzzy_dates(min_value: dt.date, max_value: dt.date) -> st.SearchStrategy[FuzzyDate]:
    """`fuzzy_dates`, built once for each pair of bounds (the events of one dataset share them)."""
    days = st.dates(min_value, max_value)
    edges = days.flatmap(
        lambda d: st.sampled_from(
            [
                d,
                d.replace(day=1),
                d.replace(month=1, day=1),
                d.replace(month=12, day=31),
                d.replace(day=calendar.monthrange(d.year, d.month)[1]),
            ]
        )
    ).filter(lambda d: min_value <= d <= max_value)

    @st.composite
    def draw_date(draw: st.DrawFn) -> FuzzyDate:
        day = draw(edges)
        precision = draw(st.sampled_from(DatePrecision))
        if precision is DatePrecision.MONTH:
            candidate = FuzzyDate.month(day.year, day.month)
        elif precision is DatePrecision.YEAR:
            candidate = FuzzyDate.year(day.year)
        elif precision is DatePrecision.UNKNOWN and day < max_value:
            candidate = FuzzyDate.between(
                day, draw(st.dates(day + dt.timedelta(days=1), max_value))
            )
        else:
            candidate = FuzzyDate.day(day)
        within = min_value <= candidate.earliest and candidate.latest <= max_value
        return candidate if within else FuzzyDate.day(day)

    return draw_date()


@_checked(id=_ID)
def sources(id: st.SearchStrategy[str] = identifiers) -> st.SearchStrategy[Source]:  # noqa: A002
    """A source with non-blank text and the right digest.

    Args:
        id: The strategy for its id.

    Returns:
        A strategy of sources.

    Raises:
        InvalidArgumentError: An argument is not of the type it takes.
    """
    return _sources(id)


@st.composite
def _sources(draw: st.DrawFn, id: st.SearchStrategy[str]) -> Source:  # noqa: A002
    text = draw(st.text(min_size=1, max_size=300).filter(str.strip))
    return Source(
        id=draw(id),
        title=draw(texts),
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        notes=draw(_NOTES),
    )


@_checked(source=(lambda value: isinstance(value, Source), "a Source"))
def evidence(source: Source) -> st.SearchStrategy[Evidence]:
    """A quote of `source`: a slice of its text with at least one non-space character.

    Args:
        source: The source it quotes.

    Returns:
        A strategy of evidence.

    Raises:
        InvalidArgumentError: An argument is not of the type it takes.
    """
    return _evidence(source)


@st.composite
def _evidence(draw: st.DrawFn, source: Source) -> Evidence:
    text = source.text
    anchors = [i for i, c in enumerate(text) if not c.isspace()]
    anchor = draw(st.sampled_from(anchors))
    start = draw(st.integers(0, anchor))
    end = draw(st.integers(anchor + 1, len(text)))
    return Evidence(source_id=source.id, quote=text[start:end], start=start, end=end)


@_checked(id=_ID, codes=_CODES)
def actors(
    id: st.SearchStrategy[str] = identifiers,  # noqa: A002
    *,
    codes: bool = False,
) -> st.SearchStrategy[Actor]:
    """An actor of any kind; states always have a country, groups of states never do.

    Args:
        id: The strategy for its id.
        codes: Whether its country may carry COW and GW codes (see `countries`).

    Returns:
        A strategy of actors.

    Raises:
        InvalidArgumentError: An argument is not of the type it takes.
    """
    return _actors(id, codes=codes)


@st.composite
def _actors(draw: st.DrawFn, id: st.SearchStrategy[str], *, codes: bool) -> Actor:  # noqa: A002
    kind = draw(st.sampled_from(ActorKind))
    if kind is ActorKind.STATE:
        where: Country | None = draw(countries(codes=codes))
    elif kind is ActorKind.STATE_GROUP:
        where = None
    else:
        where = draw(st.none() | countries(codes=codes))
    return Actor(id=draw(id), name=draw(texts), kind=kind, country=where, notes=draw(_NOTES))


@_checked(id=_ID)
def references(id: st.SearchStrategy[str] = identifiers) -> st.SearchStrategy[Reference]:  # noqa: A002
    """A reference: a published work cited for a date, with an http(s) URL.

    Args:
        id: The strategy for its id.

    Returns:
        A strategy of references.

    Raises:
        InvalidArgumentError: An argument is not of the type it takes.
    """
    return _references(id)


@st.composite
def _references(draw: st.DrawFn, id: st.SearchStrategy[str]) -> Reference:  # noqa: A002
    return Reference(
        id=draw(id),
        title=draw(texts),
        publisher=draw(texts),
        url=draw(_URLS),
        date=draw(st.none() | fuzzy_dates()),
        notes=draw(_NOTES),
        checked_on=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))),
    )


def event_codes() -> st.SearchStrategy[EventCodes]:
    """A CAMEO code from the package's codebook and any PLOVER type.

    Returns:
        A strategy of event codes.
    """
    return _event_codes()


@st.composite
def _event_codes(draw: st.DrawFn) -> EventCodes:
    return EventCodes(
        cameo=draw(st.sampled_from(sorted(CAMEO))),
        plover=draw(st.sampled_from(PloverType)),
        notes=draw(_NOTES),
    )


@st.composite
def _corroboration(
    draw: st.DrawFn, stated: FuzzyDate, as_of: dt.date, cited: tuple[Reference, ...]
) -> Corroboration:
    """A corroborated date no later than `as_of`, inside `stated` or, with a discrepancy, not.

    Half are drawn inside `stated`, as a reference narrows a vague date. Inside `stated`, it
    may also carry a discrepancy: the reference reports a different act.
    """
    date = draw(fuzzy_dates(stated.earliest, stated.latest) | fuzzy_dates(max_value=as_of))
    within = stated.earliest <= date.earliest and date.latest <= stated.latest
    return Corroboration(
        date=date,
        reference_id=draw(st.sampled_from(cited)).id,
        discrepancy=draw(_NOTES) if within else draw(texts),
    )


@_checked(
    cast=(_tuple_of(Actor, nonempty=True), "a non-empty tuple of Actor"),
    texts_of=(_tuple_of(Source, nonempty=True), "a non-empty tuple of Source"),
    as_of=_DAY,
    id=_ID,
    earliest=_DAY,
    codes=_CODES,
    cited=(_tuple_of(Reference), "a tuple of Reference"),
)
def events(  # noqa: PLR0913 -- the context an event needs from its dataset
    *,
    cast: tuple[Actor, ...],
    texts_of: tuple[Source, ...],
    as_of: dt.date,
    id: st.SearchStrategy[str] = identifiers,  # noqa: A002
    earliest: dt.date = dt.date(1900, 1, 1),
    codes: bool = False,
    cited: tuple[Reference, ...] = (),
) -> st.SearchStrategy[Event]:
    """An event between actors of `cast`, quoting `texts_of`, dated no later than `as_of`.

    Args:
        cast: The actors it may be between.
        texts_of: The sources it may quote.
        as_of: The latest its date may end.
        id: The strategy for its id.
        earliest: The earliest its date may start.
        codes: Whether it may carry CAMEO and PLOVER codes (dataset version 1.1.0 on).
        cited: References a corroborated date may cite; none, no corroboration.

    Returns:
        A strategy of events.

    Raises:
        InvalidArgumentError: An argument is not of the type it takes.
    """
    return _events(
        cast=cast,
        texts_of=texts_of,
        as_of=as_of,
        id=id,
        earliest=earliest,
        codes=codes,
        cited=cited,
    )


@st.composite
def _events(  # noqa: PLR0913 -- the context an event needs from its dataset
    draw: st.DrawFn,
    *,
    cast: tuple[Actor, ...],
    texts_of: tuple[Source, ...],
    as_of: dt.date,
    id: st.SearchStrategy[str],  # noqa: A002
    earliest: dt.date,
    codes: bool,
    cited: tuple[Reference, ...],
) -> Event:
    date = draw(fuzzy_dates(earliest, as_of))
    return Event(
        id=draw(id),
        kind=draw(st.sampled_from(EventKind)),
        actor=draw(st.sampled_from(cast)),
        target=draw(st.none() | st.sampled_from(cast)),
        date=date,
        date_text=draw(_NOTES),
        summary=draw(texts),
        evidence=tuple(
            draw(st.lists(st.sampled_from(texts_of).flatmap(evidence), min_size=1, max_size=3))
        ),
        ongoing=draw(st.booleans()),
        notes=draw(_NOTES),
        codes=draw(st.none() | event_codes()) if codes else None,
        corroboration=draw(st.none() | _corroboration(date, as_of, cited)) if cited else None,
    )


def _true_day(event: Event, coverage_start: dt.date, as_of: dt.date) -> dt.date | None:
    """The day `event` really happened on, if it can bring a change in coverage.

    It is the middle day of what its stated and corroborated dates and the coverage share,
    the same for every chain: an event that brings changes of several chains brings them on
    one day, so that the chains can be put in order together, as the loader requires.
    """
    dates = [event.date_for("stated"), event.date_for("corroborated")]
    low = max(coverage_start, *(date.earliest for date in dates))
    high = min(as_of, *(date.latest for date in dates))
    return low + (high - low) // 2 if low <= high else None


_Span = tuple[FuzzyDate, "FuzzyDate | None", tuple[str, ...]]
"""When a period starts and ends, and the ids of the events it rests on."""


@st.composite
def _spans(  # noqa: PLR0913 -- the context a chain needs from its dataset
    draw: st.DrawFn,
    coverage_start: dt.date,
    as_of: dt.date,
    event_ids: tuple[str, ...],
    events_of: tuple[Event, ...],
    *,
    most: int = 4,
) -> list[_Span]:
    """When each period of one unit's chain starts and ends, and the events it rests on.

    The changes really happen in order on days drawn first; each is then recorded as a fuzzy
    date around its day, or brought by one of `events_of` that really happened on its day
    (`_true_day`, one day per event for every chain), so that both readings of dates can put
    the changes of every chain in order together; an event with a corroborated date is
    preferred, so that the readings differ. There are at most `most` periods.
    """
    days = st.lists(_change_days(coverage_start, as_of, events_of), min_size=1, max_size=most)
    truths = sorted(draw(days))
    if truths[0] == coverage_start and (coverage_start == as_of or draw(st.booleans())):
        first = FuzzyDate.day(coverage_start)
    else:
        latest = draw(st.dates(max(truths[0], coverage_start + dt.timedelta(days=1)), as_of))
        first = FuzzyDate.between(coverage_start, latest)
    changes: list[FuzzyDate] = []
    brought: list[tuple[str, ...]] = [
        tuple(draw(st.lists(st.sampled_from(event_ids), max_size=2))) if event_ids else ()
    ]
    for day in truths[1:]:
        bringers = [e for e in events_of if _true_day(e, coverage_start, as_of) == day]
        # A corroborated bringer first, where there is one: the readings of dates then differ.
        bringers = [e for e in bringers if e.corroboration is not None] or bringers
        if bringers and draw(st.booleans()):  # type: ignore[arg-type]
            bringer = draw(st.sampled_from(bringers))
            changes.append(bringer.date)
            brought.append((bringer.id,))
        else:
            changes.append(draw(_around(day, coverage_start, as_of)))
            brought.append(())
    return list(zip([first, *changes], [*changes, None], brought, strict=True))


def _change_days(
    coverage_start: dt.date, as_of: dt.date, events_of: tuple[Event, ...]
) -> st.SearchStrategy[dt.date]:
    """Days in coverage; half of them the days on which one of `events_of` really happened.

    Those of events with a corroborated date are preferred, as `_spans` prefers the events.
    """
    days_of: dict[bool, list[dt.date]] = {True: [], False: []}
    for event in events_of:
        day = _true_day(event, coverage_start, as_of)
        if day is not None:
            days_of[event.corroboration is not None].append(day)
    days = st.dates(coverage_start, as_of)
    preferred = days_of[True] or days_of[False]
    if not preferred:
        return days
    return days | st.sampled_from(preferred)


_V = TypeVar("_V")
_Period = TypeVar("_Period", StatusPeriod, RecognitionPeriod, RepresentationPeriod)


def _successive(
    draw: st.DrawFn, count: int, pick: Callable[[_V | None], st.SearchStrategy[_V]]
) -> list[_V]:
    """`count` values, each drawn from `pick` of the one before (None for the first)."""
    values: list[_V] = []
    for _ in range(count):
        values.append(draw(pick(values[-1] if values else None)))
    return values


def _quotes(texts_of: tuple[Source, ...]) -> st.SearchStrategy[tuple[Evidence, ...]]:
    """One or two quotes of `texts_of`: the evidence of a period."""
    return st.lists(st.sampled_from(texts_of).flatmap(evidence), min_size=1, max_size=2).map(tuple)


_CHAIN_CHECKS: dict[str, _Check] = {
    "state": (lambda value: isinstance(value, Country), "a Country"),
    "coverage_start": _DAY,
    "as_of": _DAY,
    "texts_of": (_tuple_of(Source, nonempty=True), "a non-empty tuple of Source"),
    "event_ids": (_tuple_of(str), "a tuple of event ids (str)"),
    "events_of": (_tuple_of(Event), "a tuple of Event"),
}
"""The arguments every chain strategy takes: the context a chain needs from its dataset."""


def _status_after(previous: RecognitionStatus | None) -> st.SearchStrategy[RecognitionStatus]:
    return st.sampled_from([s for s in _KNOWN if s is not previous])


def _records(  # noqa: PLR0913 -- a chain's records, from what each kind draws of them
    draw: st.DrawFn,
    kind: Callable[..., _Period],
    *,
    prefix: str,
    field: str,
    values: Sequence[object],
    spans: Sequence[_Span],
    texts_of: tuple[Source, ...],
    **fixed: object,
) -> tuple[_Period, ...]:
    """The periods of a chain: `values` of `field` over `spans`, ids `prefix` and a number.

    The basis, quotes and notes of each period are drawn, in that order.
    """
    return tuple(
        kind(
            id=f"{prefix}-{number}",
            **fixed,
            **{field: value},
            start=start,
            end=end,
            basis=draw(st.sampled_from(Basis)),
            events=ids,
            evidence=draw(_quotes(texts_of)),
            notes=draw(_NOTES),
        )
        for number, (value, (start, end, ids)) in enumerate(zip(values, spans, strict=True), 1)
    )


@_checked(**_CHAIN_CHECKS)
def status_chains(  # noqa: PLR0913 -- the context a chain needs from its dataset
    *,
    state: Country,
    coverage_start: dt.date,
    as_of: dt.date,
    texts_of: tuple[Source, ...],
    event_ids: tuple[str, ...] = (),
    events_of: tuple[Event, ...] = (),
) -> st.SearchStrategy[tuple[StatusPeriod, ...]]:
    """One state's status periods, following on from each other from `coverage_start`.

    Each period starts where the previous ends; consecutive statuses differ; the last is
    open (``end=None``). The changes really happen in order on days drawn first; each is then
    recorded as a fuzzy date around its day, so the recorded windows may overlap and need
    not be sorted, as in annotated data. A change may instead be brought by one of
    `events_of` that really happened on its day, the middle day its dates (stated and
    corroborated) and the coverage share: the period then starts on that event's date and
    lists it first. Each event has that one day in every chain drawn with the same
    `events_of`, so chains that share an event can be put in order together, as the loader
    requires. Period ids are the country code and a running number. Status periods are the
    records of dataset versions 1.x.

    Args:
        state: The country.
        coverage_start: The first period's start.
        as_of: The latest a change may be.
        texts_of: The sources the periods may quote.
        event_ids: Ids the first period may list as resting on.
        events_of: Events that may bring the later changes.

    Returns:
        A strategy of chains: tuples of status periods, in time order.

    Raises:
        InvalidArgumentError: An argument is not of the type it takes.
    """
    return _status_chains(
        state=state,
        coverage_start=coverage_start,
        as_of=as_of,
        texts_of=texts_of,
        event_ids=event_ids,
        events_of=events_of,
    )


@st.composite
def _status_chains(  # noqa: PLR0913 -- the context a chain needs from its dataset
    draw: st.DrawFn,
    *,
    state: Country,
    coverage_start: dt.date,
    as_of: dt.date,
    texts_of: tuple[Source, ...],
    event_ids: tuple[str, ...],
    events_of: tuple[Event, ...],
) -> tuple[StatusPeriod, ...]:
    spans = draw(_spans(coverage_start, as_of, event_ids, events_of))
    statuses = _successive(draw, len(spans), _status_after)
    return _records(
        draw,
        StatusPeriod,
        prefix=state.alpha_2.lower(),
        field="status",
        values=statuses,
        spans=spans,
        texts_of=texts_of,
        country=state,
    )


def _recognition_after(previous: bool | None) -> st.SearchStrategy[bool]:  # noqa: FBT001 -- a value
    return st.booleans() if previous is None else st.just(not previous)


@_checked(**_CHAIN_CHECKS)
def recognition_chains(  # noqa: PLR0913 -- the context a chain needs from its dataset
    *,
    state: Country,
    coverage_start: dt.date,
    as_of: dt.date,
    texts_of: tuple[Source, ...],
    event_ids: tuple[str, ...] = (),
    events_of: tuple[Event, ...] = (),
) -> st.SearchStrategy[tuple[RecognitionPeriod, ...]]:
    """One state's formal recognition periods (dataset 2.0.0 on), from `coverage_start`.

    Drawn as `status_chains` draws status periods: the periods follow on from each other,
    the changes happen in order but are recorded with fuzzy dates, or brought by one of
    `events_of`, and the last period is open. `recognizes` alternates, from either value.
    Half the chains are, as for most states in the shipped data, one period of no
    recognition. Period ids are the country code and a running number.

    Args:
        state: The country.
        coverage_start: The first period's start.
        as_of: The latest a change may be.
        texts_of: The sources the periods may quote.
        event_ids: Ids the first period may list as resting on.
        events_of: Events that may bring the later changes.

    Returns:
        A strategy of chains: tuples of recognition periods, in time order.

    Raises:
        InvalidArgumentError: An argument is not of the type it takes.
    """
    return _recognition_chains(
        state=state,
        coverage_start=coverage_start,
        as_of=as_of,
        texts_of=texts_of,
        event_ids=event_ids,
        events_of=events_of,
    )


@st.composite
def _recognition_chains(  # noqa: PLR0913 -- the context a chain needs from its dataset
    draw: st.DrawFn,
    *,
    state: Country,
    coverage_start: dt.date,
    as_of: dt.date,
    texts_of: tuple[Source, ...],
    event_ids: tuple[str, ...],
    events_of: tuple[Event, ...],
) -> tuple[RecognitionPeriod, ...]:
    if draw(st.booleans()):  # the source reports no recognition by the state
        spans = draw(_spans(coverage_start, as_of, event_ids, events_of, most=1))
        values = [False]
    else:
        spans = draw(_spans(coverage_start, as_of, event_ids, events_of))
        values = _successive(draw, len(spans), _recognition_after)
    return _records(
        draw,
        RecognitionPeriod,
        prefix=state.alpha_2.lower(),
        field="recognizes",
        values=values,
        spans=spans,
        texts_of=texts_of,
        country=state,
    )


_UNKNOWN_LEVEL = RepresentationLevel.UNKNOWN
_NO_MISSION = RepresentationLevel.NONE


def _level_after(previous: RepresentationLevel | None) -> st.SearchStrategy[RepresentationLevel]:
    """A level other than `previous`; UNKNOWN and NONE, on which the status turns, often."""
    others = [level for level in RepresentationLevel if level is not previous]
    often = [st.just(level) for level in (_UNKNOWN_LEVEL, _NO_MISSION) if level is not previous]
    return st.one_of(*often, st.sampled_from(others))


@_checked(direction=(lambda value: isinstance(value, Direction), "a Direction"), **_CHAIN_CHECKS)
def representation_chains(  # noqa: PLR0913 -- the context a chain needs from its dataset
    *,
    state: Country,
    direction: Direction,
    coverage_start: dt.date,
    as_of: dt.date,
    texts_of: tuple[Source, ...],
    event_ids: tuple[str, ...] = (),
    events_of: tuple[Event, ...] = (),
) -> st.SearchStrategy[tuple[RepresentationPeriod, ...]]:
    """One direction of a state's representation periods (dataset 2.0.0 on).

    Drawn as `status_chains` draws status periods, of the directed pair (`state`,
    `direction`). Consecutive levels differ; ``UNKNOWN`` (the source records nothing) and
    ``NONE`` are drawn more often than each level of a mission, as the status turns on them.
    Half the chains are, as for most states in the shipped data, one period of level
    ``UNKNOWN``: the source records nothing of the mission. Period ids are the country code,
    the direction and a running number, e.g. ``"cn-state-in-afghanistan-1"``.

    Args:
        state: The country.
        direction: Whose mission the periods record.
        coverage_start: The first period's start.
        as_of: The latest a change may be.
        texts_of: The sources the periods may quote.
        event_ids: Ids the first period may list as resting on.
        events_of: Events that may bring the later changes.

    Returns:
        A strategy of chains: tuples of representation periods, in time order.

    Raises:
        InvalidArgumentError: An argument is not of the type it takes.
    """
    return _representation_chains(
        state=state,
        direction=direction,
        coverage_start=coverage_start,
        as_of=as_of,
        texts_of=texts_of,
        event_ids=event_ids,
        events_of=events_of,
    )


@st.composite
def _representation_chains(  # noqa: PLR0913 -- the context a chain needs from its dataset
    draw: st.DrawFn,
    *,
    state: Country,
    direction: Direction,
    coverage_start: dt.date,
    as_of: dt.date,
    texts_of: tuple[Source, ...],
    event_ids: tuple[str, ...],
    events_of: tuple[Event, ...],
) -> tuple[RepresentationPeriod, ...]:
    if draw(st.booleans()):  # the source records nothing of the mission
        spans = draw(_spans(coverage_start, as_of, event_ids, events_of, most=1))
        levels = [_UNKNOWN_LEVEL]
    else:
        spans = draw(_spans(coverage_start, as_of, event_ids, events_of))
        levels = _successive(draw, len(spans), _level_after)
    prefix = f"{state.alpha_2.lower()}-{direction.value.replace('_', '-')}"
    return _records(
        draw,
        RepresentationPeriod,
        prefix=prefix,
        field="level",
        values=levels,
        spans=spans,
        texts_of=texts_of,
        country=state,
        direction=direction,
    )


@st.composite
def _around(draw: st.DrawFn, day: dt.date, low: dt.date, high: dt.date) -> FuzzyDate:
    """A fuzzy date within ``[low, high]`` that contains `day`."""
    one_day = dt.timedelta(days=1)
    candidates = [
        FuzzyDate.day(day),
        FuzzyDate.month(day.year, day.month),
        FuzzyDate.year(day.year),
        FuzzyDate.between(draw(st.dates(low, day - one_day)), day) if low < day else None,
        FuzzyDate.between(day, draw(st.dates(day + one_day, high))) if day < high else None,
    ]
    return draw(
        st.sampled_from([c for c in candidates if c and low <= c.earliest <= c.latest <= high])
    )


def _has(kind: type, name: str, level: Level) -> bool:
    """Whether dataset version `level` has field `name` of record type `kind`."""
    return field_since(attrs.fields_dict(kind)[name]) <= level


def _unique_by_id(records: list[Any]) -> tuple[Any, ...]:
    return tuple({record.id: record for record in records}.values())


def _is_version(value: object) -> bool:
    if isinstance(value, str):
        try:
            version_key(value)
        except ValueError:
            return False
        return True
    return value is None or isinstance(value, st.SearchStrategy)


_A_VERSION = "a dataset version MAJOR.MINOR.PATCH, a Hypothesis strategy of them, or None"


@functools.cache
def _any_version() -> st.SearchStrategy[str]:
    """Any dataset version: a shipped one, or any other, of either schema."""
    return st.sampled_from(versions()) | st.from_regex(_VERSION, fullmatch=True)


def _version_of(draw: st.DrawFn, version: str | st.SearchStrategy[str] | None) -> str:
    """The version a drawn dataset is to have, as `datasets` takes `version`."""
    if isinstance(version, str):
        return str.__str__(version)  # a str subclass, such as a str enum, as the plain str
    drawn = draw(_any_version() if version is None else version)
    if not _is_version(drawn) or not isinstance(drawn, str):
        raise InvalidArgumentError("version", drawn, "a strategy that draws MAJOR.MINOR.PATCH")
    return str.__str__(drawn)


def _one_record_per_country(cast: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """`cast` with every actor of a country holding the first record drawn of it.

    A 2.x file names countries by their code, so it can hold only one record of each.
    """
    first: dict[str, Country] = {}
    for actor in cast:
        if actor.country is not None:
            first.setdefault(actor.country.alpha_2, actor.country)
    return tuple(
        actor
        if actor.country is None
        else attrs.evolve(actor, country=first[actor.country.alpha_2])
        for actor in cast
    )


@_checked(
    max_events=(_is_int, "a whole number of at least 0"),
    max_states=(_is_int, "a whole number of at least 0"),
    version=(_is_version, _A_VERSION),
)
def datasets(
    max_events: int = 8,
    max_states: int = 6,
    *,
    version: str | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Dataset]:
    """A whole synthetic `Dataset` that the real loader would accept.

    Each dataset has the records of its version's schema. One of 1.x records each covered
    state's status periods (`status_chains`). One of 2.0.0 or later records instead each
    covered state's formal recognition (`recognition_chains`) and its representation in both
    directions (`representation_chains`), from which the status is derived, with ``statuses``
    empty; its countries, as its file names them by code, have one record each. Its
    ``sha256`` is the digest of its canonical data file, as for a shipped version.

    By default a dataset has any version, of either schema: a shipped one, or any other
    ``MAJOR.MINOR.PATCH``, so that analysis code is tested against every version it may be
    given. Pin `version` to test code written for one, as ``tr.load(version)`` pins it.

    Args:
        max_events: The most events to draw.
        max_states: The most states to cover: to give status periods (1.x), or recognition
            and representation periods (2.x).
        version: The datasets' version, e.g. ``"2.0.0"``; a Hypothesis strategy of versions,
            e.g. ``st.sampled_from(["1.2.0", "2.0.0"])``; or None, any version.

    Returns:
        A strategy of datasets.

    Raises:
        InvalidArgumentError: An argument is not of the type it takes, or `version` is a string
            that is not a version ``MAJOR.MINOR.PATCH``; when drawn, a `version` strategy
            draws something that is not one.

    Examples:
        >>> from hypothesis import given, settings
        >>> from taliban_recognition.strategies import datasets
        >>> @settings(max_examples=10, deadline=None)
        ... @given(datasets(max_events=3))
        ... def test_events_come_in_dataset_order(ds):
        ...     starts = [event.date.earliest for event in ds.events]
        ...     assert starts == sorted(starts)
        >>> test_events_come_in_dataset_order()

        Datasets of the 2.x schema, whose status is derived:

        >>> @settings(max_examples=10, deadline=None)
        ... @given(datasets(max_states=3, version="2.0.0"))
        ... def test_recognizers_recognize(ds):
        ...     assert not ds.statuses
        ...     for state in ds.recognizers():
        ...         assert ds.recognizes(state) is True
        >>> test_recognizers_recognize()
    """
    return _datasets(max_events, max_states, version=version)


@st.composite
def _datasets(
    draw: st.DrawFn,
    max_events: int,
    max_states: int,
    *,
    version: str | st.SearchStrategy[str] | None,
) -> Dataset:
    from taliban_recognition._convert import dumps  # noqa: PLC0415 -- cattrs only when drawn

    # The fields the drawn version's schema has are drawn, as the record declarations say;
    # the dataset is then seen through that schema, so that nothing newer is left set.
    drawn = _version_of(draw, version)
    level = version_key(drawn)
    codes = _has(Country, "cow_code", level)
    derived = _has(Dataset, "recognitions", level)
    as_of = draw(st.dates(dt.date(1950, 1, 1), dt.date(2100, 1, 1)))
    coverage_start = draw(st.dates(as_of - dt.timedelta(days=20 * 366), as_of))
    texts_of = _unique_by_id(draw(st.lists(sources(), min_size=1, max_size=2)))
    cited = (
        _unique_by_id(draw(st.lists(references(), max_size=2)))
        if _has(Dataset, "references", level)
        else ()
    )
    cast = _unique_by_id(draw(st.lists(actors(codes=codes), min_size=1, max_size=6)))
    if derived:
        cast = _one_record_per_country(cast)
    happenings = _unique_by_id(
        draw(
            st.lists(
                # Half within coverage, where they can bring the changes of the periods.
                st.sampled_from([_EARLIEST, coverage_start]).flatmap(
                    lambda earliest: events(
                        cast=cast,
                        texts_of=texts_of,
                        as_of=as_of,
                        earliest=earliest,
                        codes=_has(Event, "codes", level),
                        cited=cited if _has(Event, "corroboration", level) else (),
                    )
                ),
                max_size=max_events,
            )
        )
    )
    states = draw(
        st.lists(
            countries(codes=codes).filter(lambda c: c.alpha_2 != SUBJECT),
            max_size=max_states,
            unique_by=lambda c: c.alpha_2,
        )
    )
    if derived:
        named = {a.country.alpha_2: a.country for a in cast if a.country is not None}
        states = [named.get(state.alpha_2, state) for state in states]
    context: dict[str, Any] = {
        "coverage_start": coverage_start,
        "as_of": as_of,
        "texts_of": texts_of,
        "event_ids": tuple(e.id for e in happenings),
        "events_of": happenings,
    }
    covered = sorted(states, key=lambda c: c.alpha_2)
    chains: dict[str, tuple[Any, ...]] = {"statuses": (), "recognitions": (), "representations": ()}
    if derived:
        chains["recognitions"] = tuple(
            period
            for state in covered
            for period in draw(recognition_chains(state=state, **context))
        )
        chains["representations"] = tuple(
            period
            for state in covered
            for direction in Direction
            for period in draw(representation_chains(state=state, direction=direction, **context))
        )
    else:
        chains["statuses"] = tuple(
            period for state in covered for period in draw(status_chains(state=state, **context))
        )
    dataset = build(
        Dataset,
        level,
        {
            "version": drawn,
            "references": cited,
            "sha256": "0" * 64,
            "as_of": as_of,
            "coverage_start": coverage_start,
            "sources": texts_of,
            "actors": cast,
            "events": tuple(sorted(happenings, key=event_order)),
            **chains,
            "notes": draw(texts),
        },
    )
    return attrs.evolve(dataset, sha256=hashlib.sha256(dumps(dataset)).hexdigest())
