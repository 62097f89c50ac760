"""The record types of the dataset: frozen, slotted record classes and the enums they use."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from taliban_recognition._errors import InvalidDateError, InvalidRecordError, UnknownDatesError
from taliban_recognition._public import publish
from taliban_recognition._record import field, record
from taliban_recognition._schema import Derived, column, export_of

if TYPE_CHECKING:
    from collections.abc import Mapping

    import attrs

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


def _check_id(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        msg = f"{attribute.name} must be lower-case words joined by hyphens, got {value!r}"
        raise InvalidRecordError(attribute.name, value, msg)


def _check_text(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        msg = f"{attribute.name} must be a non-empty string, got {value!r}"
        raise InvalidRecordError(attribute.name, value, msg)


def _check_optional_text(_: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        msg = f"{attribute.name} must be None or a non-empty string, got {value!r}"
        raise InvalidRecordError(attribute.name, value, msg)


def _tuple_of(kind: type[Any], *, non_empty: bool = False) -> Any:  # noqa: ANN401
    """Validator for a field that must be a tuple whose members are all `kind`."""

    def check(_: object, attribute: attrs.Attribute[tuple[Any, ...]], value: object) -> None:
        if not isinstance(value, tuple) or not all(isinstance(v, kind) for v in value):
            msg = f"{attribute.name} must be a tuple of {kind.__name__}, got {value!r}"
            raise InvalidRecordError(attribute.name, value, msg)
        if non_empty and not value:
            msg = f"{attribute.name} must not be empty"
            raise InvalidRecordError(attribute.name, value, msg)

    return check


def _instance_of(kind: type[Any]) -> Any:  # noqa: ANN401
    """Validator for a field that must be a `kind` (as attrs' instance_of, with our error)."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            msg = f"{attribute.name} must be a {kind.__name__}, got {value!r}"
            raise InvalidRecordError(attribute.name, value, msg)

    return check


def _optional(check: Any) -> Any:  # noqa: ANN401
    """Validator that lets None through and hands anything else to `check`."""

    def optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return optional


def _one_of(values: tuple[str, ...], listed_in: str) -> Any:  # noqa: ANN401
    """Validator for a field that must be one of `values` (as attrs' in_, with our error)."""
    allowed = frozenset(values)

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or value not in allowed:
            msg = f"{attribute.name} must be one of the {len(values)} in {listed_in}, got {value!r}"
            raise InvalidRecordError(attribute.name, value, msg)

    return check


@functools.total_ordering
class RecognitionStatus(enum.Enum):
    """How far a state has gone in recognizing the Taliban government.

    The three known statuses are ordered, weakest first:
    ``NO_RECOGNITION < DE_FACTO_ENGAGEMENT < FORMAL_RECOGNITION``. ``UNKNOWN`` is the answer
    for a day on which the data allows more than one status (the change happened on a day the
    source does not pin down); it is not ordered against the others, and comparing it raises
    `TypeError`, as comparing ``None`` would.

    Examples:
        >>> RecognitionStatus.NO_RECOGNITION < RecognitionStatus.FORMAL_RECOGNITION
        True
        >>> RecognitionStatus("de_facto_engagement").name
        'DE_FACTO_ENGAGEMENT'
    """

    UNKNOWN = "unknown"
    """More than one status is possible on that day; see `Dataset.possible_statuses`."""
    NO_RECOGNITION = "no_recognition"
    """No formal recognition, and no posting or acceptance of ambassadors. Up to 1.x, the
    inferred status of a state the source does not single out, which may have ties the source
    does not mention; from 2.0.0, only where the data records no mission either way (level
    NONE in both directions), which the article does for no state."""
    DE_FACTO_ENGAGEMENT = "de_facto_engagement"
    """Ambassadors posted to Kabul or accepted from it, without formal recognition; from 2.0.0,
    a mission at any level in either direction without formal recognition."""
    FORMAL_RECOGNITION = "formal_recognition"
    """Official recognition of the Taliban government."""

    def _order(self) -> int:
        if self is RecognitionStatus.UNKNOWN:
            msg = "RecognitionStatus.UNKNOWN is not ordered against the other statuses"
            raise TypeError(msg)
        return list(RecognitionStatus).index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, RecognitionStatus):
            return NotImplemented
        return self._order() < other._order()


class Direction(enum.Enum):
    """Whose mission a `RepresentationPeriod` records, in the pair of Afghanistan and a state.

    The pair is directed, as in the Correlates of War Diplomatic Exchange data: each side's
    mission at the other is a variable of its own.
    """

    STATE_IN_AFGHANISTAN = "state_in_afghanistan"
    """The state's mission in Kabul, to the Taliban government (COW: the level of the state,
    side 2, at Afghanistan, side 1: ``DR_at_1`` with ``ccode1 = 700``)."""
    AFGHANISTAN_IN_STATE = "afghanistan_in_state"
    """The Taliban government's mission in the state (COW: the level of Afghanistan, side 2, at
    the state, side 1: ``DR_at_1`` with ``ccode2 = 700``)."""


@functools.total_ordering
class RepresentationLevel(enum.Enum):
    """The level of one side's diplomatic mission at the other, on COW Diplomatic Exchange's scale.

    ``NONE < CHARGE_D_AFFAIRES < MINISTER < AMBASSADOR`` is ordered. ``OTHER`` (COW's 9: a
    mission of another kind) and ``UNKNOWN`` (the source does not say, or more than one level
    is possible on the day) are not ordered against the others: comparing them raises
    `TypeError`. `cow_code` gives COW's number.

    Examples:
        >>> RepresentationLevel.NONE < RepresentationLevel.AMBASSADOR
        True
        >>> RepresentationLevel("ambassador").cow_code
        3
        >>> RepresentationLevel.UNKNOWN.cow_code is None
        True
    """

    UNKNOWN = "unknown"
    """The source does not say, or the data allows more than one level on that day; see
    `Dataset.possible_levels`. Not COW's 0: the absence of a mention is not the absence of a
    mission."""
    NONE = "none"
    """The source says this side has no mission at the other (COW 0)."""
    CHARGE_D_AFFAIRES = "charge_d_affaires"
    """A mission headed by a chargé d'affaires (COW 1)."""
    MINISTER = "minister"
    """A mission headed by a minister or envoy (COW 2)."""
    AMBASSADOR = "ambassador"
    """A mission headed by an ambassador (COW 3)."""
    OTHER = "other"
    """A mission of another kind, such as an interests section (COW 9)."""

    @property
    def cow_code(self) -> int | None:
        """The Correlates of War Diplomatic Exchange code of the level; None for UNKNOWN."""
        return _COW_LEVELS.get(self.value)

    def _order(self) -> int:
        if self in (RepresentationLevel.UNKNOWN, RepresentationLevel.OTHER):
            msg = f"RepresentationLevel.{self.name} is not ordered against the other levels"
            raise TypeError(msg)
        return list(RepresentationLevel).index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, RepresentationLevel):
            return NotImplemented
        return self._order() < other._order()


_COW_LEVELS = {"none": 0, "charge_d_affaires": 1, "minister": 2, "ambassador": 3, "other": 9}
"""COW Diplomatic Exchange's codes of the levels (codebook v2006.1: 0, 1, 2, 3 and 9)."""

KNOWN_LEVELS: tuple[RepresentationLevel, ...] = tuple(
    level for level in RepresentationLevel if level is not RepresentationLevel.UNKNOWN
)
"""Every level but UNKNOWN: the levels an unrecorded mission may have."""


class EventKind(enum.Enum):
    """What kind of happening an `Event` records.

    Examples:
        >>> EventKind("recognition") is EventKind.RECOGNITION
        True
    """

    TAKEOVER = "takeover"
    """A group takes control of a country by force."""
    TERRORIST_DESIGNATION = "terrorist_designation"
    """A state lists a group as a terrorist organisation, or bans it as one."""
    DESIGNATION_LIFTED = "designation_lifted"
    """A state ends or suspends such a listing or ban."""
    RECOGNITION = "recognition"
    """A state officially recognizes a government."""
    AMBASSADOR_APPOINTED = "ambassador_appointed"
    """A government appoints an ambassador to a state."""
    AMBASSADOR_ACCEPTED = "ambassador_accepted"
    """A state accepts an ambassador appointed by a government."""
    AMBASSADOR_POSTED = "ambassador_posted"
    """A state posts an ambassador to a government's capital."""
    STATEMENT = "statement"
    """A public statement, praise or position that no other kind fits."""
    COOPERATION = "cooperation"
    """An expressed intent or commitment to cooperate, or support given."""
    TRADE = "trade"
    """Trade between the parties, such as imports or exports of goods."""
    SANCTIONS = "sanctions"
    """Sanctions imposed on a government, group or persons."""
    ASSET_FREEZE = "asset_freeze"
    """Funds or assets withheld or frozen."""
    ATTACK = "attack"
    """A violent attack."""
    DEMAND = "demand"
    """A demand for change, such as reforms, made as a condition."""
    APPEAL = "appeal"
    """A request for relief, support or recognition."""


class ActorKind(enum.Enum):
    """What kind of party an `Actor` is."""

    STATE = "state"
    """A state, named by its ISO 3166-1 country."""
    GOVERNMENT = "government"
    """A body that governs a state, recognized or not."""
    ORGANIZATION = "organization"
    """A ministry, bank or other institution."""
    PERSON = "person"
    """A named or described individual."""
    NON_STATE_GROUP = "non_state_group"
    """An armed or political group that is not a state."""
    STATE_GROUP = "state_group"
    """A group of states the source names together, such as "Western countries"."""


class DatePrecision(enum.Enum):
    """How precisely a `FuzzyDate` is known."""

    DAY = "day"
    """One known day: ``earliest == latest``."""
    MONTH = "month"
    """A known month, day unknown: the first to the last day of that month."""
    YEAR = "year"
    """A known year, month unknown: 1 January to 31 December."""
    UNKNOWN = "unknown"
    """One day, unknown, that lies within ``[earliest, latest]``."""


class Basis(enum.Enum):
    """Whether the source states a status or the dataset infers it."""

    STATED = "stated"
    """The source says so of this country in so many words."""
    INFERRED = "inferred"
    """Not said of this state in so many words, but derived from what the source says (of
    states in general, e.g. "the first nation", or of related events); the notes say how."""


class PloverType(enum.Enum):
    """The PLOVER event type of an event, as POLECAT codes event data.

    PLOVER (Political Language Ontology for Verifiable Event Records) is the ontology of the
    POLECAT event data that succeeds CAMEO; these are its sixteen event types, with their
    meanings in brief, as the PLOVER manual defines them (draft 2.0, 2024, at
    https://github.com/openeventdata/PLOVER, commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f).

    Examples:
        >>> PloverType("SUPPORT").name
        'SUPPORT'
    """

    AGREE = "AGREE"
    """Agree to, promise, or state an intent or commitment to cooperate."""
    CONSULT = "CONSULT"
    """Meet, visit, or talk with another party."""
    SUPPORT = "SUPPORT"
    """Start, resume or expand diplomatic, non-material cooperation (posting or accepting an
    ambassador, recognizing a government); praise, endorse or defend another party; sign an
    agreement. Verbal and diplomatic only: material cooperation is `COOPERATE`."""
    CONCEDE = "CONCEDE"
    """Concede without immediate material effect: ease administrative or legal restrictions,
    promise a concession, pardon, express regret. Material yielding is `RETREAT`."""
    COOPERATE = "COOPERATE"
    """Cooperate materially with another party: economic exchange and trade, military
    exchanges, judicial cooperation, sharing intelligence. Diplomatic cooperation is
    `SUPPORT`."""
    AID = "AID"
    """Give material, humanitarian, military, or other aid."""
    RETREAT = "RETREAT"
    """Withdraw, demobilize, release, or return persons or property."""
    REQUEST = "REQUEST"
    """Ask, appeal, or demand that another party act."""
    ACCUSE = "ACCUSE"
    """Criticize, blame, or accuse another party; investigate or sue it."""
    REJECT = "REJECT"
    """Refuse, reject, or veto a proposal, demand, or request."""
    THREATEN = "THREATEN"
    """Threaten another party with action."""
    PROTEST = "PROTEST"
    """Protest collectively and physically: demonstrate, riot, strike, boycott, obstruct.
    A verbal or diplomatic protest is `ACCUSE`."""
    SANCTION = "SANCTION"
    """Impose sanctions, embargoes, or other penalties; cut or reduce relations."""
    MOBILIZE = "MOBILIZE"
    """Mobilize or raise the alert of armed forces."""
    COERCE = "COERCE"
    """Coerce short of violence: repress, restrict rights or movement, ban individuals or
    groups from political life, arrest, deport, seize, censor. Physical force, lethal or not,
    is `ASSAULT`."""
    ASSAULT = "ASSAULT"
    """Use violence that could cause substantial physical harm: armed attacks, bombings,
    abductions, beatings, destruction of property."""


PLOVER_MODES: Mapping[PloverType, tuple[str, ...]] = MappingProxyType(
    {
        PloverType.AGREE: (),
        PloverType.CONSULT: ("visit", "third-party", "multilateral", "phone"),
        PloverType.SUPPORT: (),
        PloverType.CONCEDE: (),
        PloverType.COOPERATE: (),
        PloverType.AID: (),
        PloverType.RETREAT: ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
        PloverType.REQUEST: ("assist", "change", "yield", "meet"),
        PloverType.ACCUSE: ("disapprove", "investigate", "allege"),
        PloverType.REJECT: ("assist", "change", "yield", "meet"),
        PloverType.THREATEN: ("restrict", "arrest", "relations", "expel", "territory", "violence"),
        PloverType.PROTEST: (
            "demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize",
        ),
        PloverType.SANCTION: ("convict", "expel", "withdraw", "discontinue"),
        PloverType.MOBILIZE: ("troops", "weapons", "police", "militia"),
        PloverType.COERCE: (
            "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
            "withhold", "misinformation", "cyber",
        ),
        PloverType.ASSAULT: (
            "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
            "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
            "crowd-control", "unconventional",
        ),
    }
)  # fmt: skip
"""The modes of each PLOVER event type: how it was done, as the PLOVER manual lists them
(draft 2.0, 2024, commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f). A type with none has
no modes."""

PLOVER_CONTEXTS: tuple[str, ...] = (
    "military", "intelligence", "executive", "legislative", "election",
    "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
    "reparations", "human_rights", "rights_freedoms", "repression", "human_security", "gender",
    "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory", "peacekeeping",
    "health", "asylum", "migration", "disasters", "natural_resource", "environment",
    "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking",
)  # fmt: skip
"""PLOVER's contexts: what an event is about, as the same manual lists them."""

CAMEO: Mapping[str, str] = MappingProxyType(
    {
        "010": "Make statement, not specified below",
        "030": "Express intent to cooperate, not specified below",
        "050": "Engage in diplomatic cooperation, not specified below",
        "051": "Praise or endorse",
        "054": "Grant diplomatic recognition",
        "061": "Cooperate economically",
        "081": "Ease administrative sanctions, not specified below",
        "0812": "Ease ban on political parties or politicians",
        "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
        "104": "Demand political reform, not specified below",
        "1043": "Demand rights",
        "163": "Impose embargo, boycott, or sanctions",
        "1721": "Impose restrictions on political freedoms",
        "1722": "Ban political parties or politicians",
        "183": "Conduct suicide, car, or other non-military bombing, not specified below",
        "190": "Use conventional military force, not specified below",
    }
)
"""The CAMEO event codes the dataset uses, with their codebook labels.

From the CAMEO codebook (Schrodt, *CAMEO Conflict and Mediation Event Observations Event and
Actor Codebook*, version 1.1b3, 2012, http://data.gdeltproject.org/documentation/CAMEO.Manual.1.1b3.pdf).
"""


def _month_end(day: dt.date) -> dt.date:
    """The last day of the month of `day`."""
    if day.month == 12:
        return day.replace(day=31)
    return day.replace(month=day.month + 1, day=1) - dt.timedelta(days=1)


def _bound_text(day: dt.date, *, earliest: bool) -> str:
    """Shortest EDTF text for a range bound: a year or month when the bound covers all of it."""
    last_day = _month_end(day).day
    if (day.month, day.day) == ((1, 1) if earliest else (12, 31)):
        return f"{day.year:04d}"
    if day.day == (1 if earliest else last_day):
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_iso_day(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` date; nothing else, whatever the Python version's fromisoformat takes.

    Raises:
        ValueError: `text` is not of that form or names no real day.
    """
    if not _ISO_DAY.fullmatch(text):
        msg = f"expected YYYY-MM-DD, got {text!r}"
        raise ValueError(msg)
    return dt.date.fromisoformat(text)


_EDTF_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")


def _check_number(value: object, what: str, most: int) -> None:
    if type(value) is not int or not 1 <= value <= most:
        raise InvalidDateError(value, f"a {what} is a whole number from 1 to {most}")


def _parse_edtf_date(text: str) -> tuple[dt.date, dt.date, DatePrecision]:
    match = _EDTF_DATE.match(text)
    if not match:
        raise InvalidDateError(text, "expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        if day is not None:
            exact = dt.date(int(year), int(month), int(day))
            return exact, exact, DatePrecision.DAY
        if month is not None:
            first = dt.date(int(year), int(month), 1)
            last = _month_end(first)
            return first, last, DatePrecision.MONTH
        return dt.date(int(year), 1, 1), dt.date(int(year), 12, 31), DatePrecision.YEAR
    except ValueError as error:
        raise InvalidDateError(text, str(error)) from None


def _check_fuzzy_date(instance: FuzzyDate, _: attrs.Attribute[dt.date], __: dt.date) -> None:
    earliest, latest, precision = instance.earliest, instance.latest, instance.precision
    if type(earliest) is not dt.date or type(latest) is not dt.date:
        raise InvalidDateError((earliest, latest), "earliest and latest must be datetime.date")
    if not isinstance(precision, DatePrecision):
        raise InvalidDateError(precision, "precision must be a DatePrecision")
    if precision is DatePrecision.UNKNOWN:
        if not earliest < latest:
            raise InvalidDateError(
                instance, "an UNKNOWN date needs earliest < latest; one known day is DAY"
            )
        return
    if precision is DatePrecision.DAY:
        expected = earliest, earliest
    elif precision is DatePrecision.MONTH:
        expected = earliest.replace(day=1), _month_end(earliest)
    else:
        expected = earliest.replace(month=1, day=1), earliest.replace(month=12, day=31)
    if (earliest, latest) != expected:
        raise InvalidDateError(
            instance,
            f"a {precision.name} date must run from {expected[0]} to {expected[1]}",
        )


@functools.total_ordering
@record
class FuzzyDate:
    """A day known only as precisely as the source gives it.

    The day lies within ``[earliest, latest]`` (both inclusive); `precision` says why the
    interval is as wide as it is. `str()` gives the EDTF (ISO 8601-2) form, and `parse` reads it
    back. Dates order by ``(earliest, latest)``, then by precision.

    Raises:
        InvalidDateError: The bounds are not dates, are out of order, or do not fit the precision.

    Examples:
        >>> d = FuzzyDate.month(2025, 4)
        >>> str(d), d.earliest.isoformat(), d.latest.isoformat()
        ('2025-04', '2025-04-01', '2025-04-30')
        >>> str(FuzzyDate.parse("[2021-08..2025-07-03]"))
        '[2021-08..2025-07-03]'
    """

    earliest: dt.date = field(
        validator=_check_fuzzy_date,
        metadata=column(
            "First day the date of {what} can be.",
            before=(
                Derived(
                    "",
                    "Date of {what}, in EDTF (ISO 8601-2): a day, a month, a year, or [A..B], "
                    "one unknown day between A and B.",
                    str,
                ),
            ),
        ),
    )
    """The first day the date can be."""
    latest: dt.date = field(metadata=column("Last day the date of {what} can be."))
    """The last day the date can be."""
    precision: DatePrecision = field(metadata=column("How precisely the date of {what} is known."))
    """How precisely the day is known."""

    @classmethod
    def day(cls, day: dt.date) -> FuzzyDate:
        """One known day.

        Returns:
            The date, of precision `DatePrecision.DAY`.

        Raises:
            InvalidDateError: `day` is not a `datetime.date`.
        """
        return cls(day, day, DatePrecision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> FuzzyDate:
        """A known month of a known year.

        Returns:
            The date, of precision `DatePrecision.MONTH`: every day of that month.

        Raises:
            InvalidDateError: `year` is not a whole number from 1 to 9999, or `month` not one
                from 1 to 12.
        """
        _check_number(year, "year", 9999)
        _check_number(month, "month", 12)
        return cls.parse(f"{year:04d}-{month:02d}")

    @classmethod
    def year(cls, year: int) -> FuzzyDate:
        """A known year.

        Returns:
            The date, of precision `DatePrecision.YEAR`: every day of that year.

        Raises:
            InvalidDateError: `year` is not a whole number from 1 to 9999.
        """
        _check_number(year, "year", 9999)
        return cls.parse(f"{year:04d}")

    @classmethod
    def between(cls, earliest: dt.date, latest: dt.date) -> FuzzyDate:
        """An unknown day within ``[earliest, latest]``.

        Returns:
            The date, of precision `DatePrecision.UNKNOWN`: any day from `earliest` to `latest`.

        Raises:
            InvalidDateError: A bound is not a `datetime.date`, or `earliest` is not before
                `latest`.
        """
        return cls(earliest, latest, DatePrecision.UNKNOWN)

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Read the EDTF forms that `str()` writes.

        ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, and ``[A..B]`` for an unknown day from the start
        of ``A`` to the end of ``B``, each bound in any of the first three forms.

        Returns:
            The date `text` writes.

        Raises:
            InvalidDateError: `text` is not one of those forms, or names no real day.
        """
        if not isinstance(text, str):
            raise InvalidDateError(text, "an EDTF date must be a string")
        if text.startswith("[") and text.endswith("]") and ".." in text:
            low, _, high = text[1:-1].partition("..")
            return cls.between(_parse_edtf_date(low)[0], _parse_edtf_date(high)[1])
        earliest, latest, precision = _parse_edtf_date(text)
        return cls(earliest, latest, precision)

    def __str__(self) -> str:
        if self.precision is DatePrecision.UNKNOWN:
            low = _bound_text(self.earliest, earliest=True)
            high = _bound_text(self.latest, earliest=False)
            return f"[{low}..{high}]"
        return {
            DatePrecision.DAY: self.earliest.isoformat(),
            DatePrecision.MONTH: self.earliest.isoformat()[:7],
            DatePrecision.YEAR: self.earliest.isoformat()[:4],
        }[self.precision]

    def _key(self) -> tuple[dt.date, dt.date, int]:
        return self.earliest, self.latest, list(DatePrecision).index(self.precision)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, FuzzyDate):
            return NotImplemented
        return self._key() < other._key()


def _matches(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: the value is text matching the pattern the field's column declares."""
    export = export_of(attribute)
    pattern = export.pattern if export is not None else None
    if pattern is None:
        msg = f"{attribute.name} declares no pattern to match"
        raise InvalidRecordError(attribute.name, value, msg)
    if not isinstance(value, str) or not re.fullmatch(pattern, value):
        msg = f"{attribute.name} must match {pattern}, got {value!r}"
        raise InvalidRecordError(attribute.name, value, msg)


def _check_optional_code(_: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None and (type(value) is not int or not 0 < value < 1000):
        msg = f"{attribute.name} must be None or a state number from 1 to 999, got {value!r}"
        raise InvalidRecordError(attribute.name, value, msg)


def _check_gw_microstate(instance: Country, _: attrs.Attribute[bool | None], value: object) -> None:
    if value is not None and type(value) is not bool:
        msg = f"gw_microstate must be None, True or False, got {value!r}"
        raise InvalidRecordError("gw_microstate", value, msg)
    if value is not None and instance.gw_code is None:
        msg = "gw_microstate says which Gleditsch-Ward list gw_code is from: there is no gw_code"
        raise InvalidRecordError("gw_microstate", value, msg)


@record
class Country:
    """An ISO 3166-1 country, as the dataset records it.

    Datasets store these fields, so a pinned version keeps its country names even when a later
    pycountry release renames a country. From dataset version 1.1.0 on, they also carry the
    state's Correlates of War and Gleditsch-Ward codes, for merging with data keyed by them.
    `country` looks up the ISO fields only.

    Raises:
        InvalidRecordError: A field is of the wrong type or out of its range (a code that is
            not upper-case letters or digits, a COW or GW number outside 1 to 999).

    Examples:
        >>> import taliban_recognition as tr
        >>> russia = tr.country("Russia")
        >>> russia.alpha_3, russia.numeric, russia.name
        ('RUS', '643', 'Russian Federation')
        >>> russia.cow_code is None  # an ISO lookup; the records of 1.1.0 carry the COW codes
        True
    """

    alpha_2: str = field(
        validator=_matches,
        metadata=column("ISO 3166-1 alpha-2 code of {what}.", pattern="[A-Z]{2}"),
    )
    """ISO 3166-1 alpha-2 code, e.g. ``"RU"``."""
    alpha_3: str = field(
        validator=_matches,
        metadata=column("ISO 3166-1 alpha-3 code of {what}.", pattern="[A-Z]{3}"),
    )
    """ISO 3166-1 alpha-3 code, e.g. ``"RUS"``."""
    numeric: str = field(
        validator=_matches,
        metadata=column("ISO 3166-1 numeric code of {what}.", pattern="[0-9]{3}"),
    )
    """ISO 3166-1 numeric code as three digits, e.g. ``"643"``."""
    name: str = field(
        validator=_check_text,
        metadata=column("English short name of {what}, as recorded in this dataset version."),
    )
    """ISO 3166-1 English short name, e.g. ``"Russian Federation"``."""
    cow_code: int | None = field(
        default=None,
        validator=_check_optional_code,
        metadata=column(
            "Correlates of War state number of {what}; empty where COW lists none.",
            since="1.1.0",
        ),
    )
    """Correlates of War state number, e.g. ``365``; None where COW lists none."""
    cow_abbr: str | None = field(
        default=None,
        validator=_optional(_matches),
        metadata=column(
            "Correlates of War state abbreviation of {what}; empty where COW lists none.",
            since="1.1.0",
            pattern="[A-Z]{3}",
        ),
    )
    """Correlates of War state abbreviation, e.g. ``"RUS"``; None where COW lists none."""
    gw_code: int | None = field(
        default=None,
        validator=_check_optional_code,
        metadata=column(
            "Gleditsch-Ward state number of {what}; empty where the list has none.",
            since="1.1.0",
        ),
    )
    """Gleditsch-Ward state number, e.g. ``365``; None where the list of independent states
    has none."""
    gw_abbr: str | None = field(
        default=None,
        validator=_optional(_matches),
        metadata=column(
            "Gleditsch-Ward state abbreviation of {what}; empty where the list has none.",
            since="1.1.0",
            pattern="[A-Z]{3}",
        ),
    )
    """Gleditsch-Ward state abbreviation, e.g. ``"RUS"``; None where the list has none."""
    gw_microstate: bool | None = field(
        default=None,
        validator=_check_gw_microstate,
        metadata=column(
            "Whether {what}'s Gleditsch-Ward number is from the list of microstates rather than"
            " the list of independent states; empty where it has no number.",
            since="1.2.0",
        ),
    )
    """Whether `gw_code` comes from Gleditsch and Ward's list of microstates (states of under
    250,000 people, kept apart from the main list): True for, e.g., Monaco's 221; False for a
    number on the main list; None where there is no `gw_code`. A Gleditsch-Ward panel of the
    main list keeps the states where this is False. From dataset version 1.2.0."""

    def __str__(self) -> str:
        return f"{self.name} ({self.alpha_2})"


def _check_evidence(instance: Evidence, _: attrs.Attribute[int], __: int) -> None:
    start, end, quote = instance.start, instance.end, instance.quote
    if not all(type(v) is int for v in (start, end)) or not 0 <= start < end:
        msg = f"evidence needs integer offsets with 0 <= start < end, got [{start!r}, {end!r})"
        raise InvalidRecordError("start", (start, end), msg)
    if end - start != len(quote):
        msg = f"evidence [{start}, {end}) spans {end - start} characters, quote has {len(quote)}"
        raise InvalidRecordError("quote", quote, msg)


@record
class Evidence:
    """A verbatim quote from a source, with where it stands in the source's text.

    Offsets count Unicode code points of the decoded text (Python string indices), so
    ``source.text[start:end] == quote`` always holds.

    Raises:
        InvalidRecordError: A field is of the wrong type, or the offsets do not fit the quote.
    """

    source_id: str = field(
        validator=_check_id, metadata=column("Id of the source quoted.", refers="sources")
    )
    """The `Source.id` the quote is from."""
    quote: str = field(validator=_check_text, metadata=column("The quoted text, verbatim."))
    """The exact characters of the source."""
    start: int = field(
        validator=_check_evidence,
        metadata=column("Offset of the quote's first character in the text."),
    )
    """Index of the quote's first character in the source text."""
    end: int = field(metadata=column("Offset just past the quote's last character."))
    """Index one past the quote's last character."""


SHA256 = "[0-9a-f]{64}"
"""A hex SHA-256 digest."""


def _check_digest(instance: Source, _: attrs.Attribute[str], __: str) -> None:
    import hashlib  # noqa: PLC0415 -- deferred: importing the package stays cheap

    actual = hashlib.sha256(instance.text.encode("utf-8")).hexdigest()
    if actual != instance.sha256:
        msg = f"source {instance.id}: text has sha256 {actual}, record says {instance.sha256}"
        raise InvalidRecordError("sha256", instance.sha256, msg)


_URL = re.compile(r"https?://[^\s/$.?#][^\s]*\Z")


def _check_url(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not _URL.match(value):
        msg = f"{attribute.name} must be an http(s) URL, got {value!r}"
        raise InvalidRecordError(attribute.name, value, msg)


@record
class Source:
    """A text the dataset's evidence quotes, shipped whole inside the package.

    Raises:
        InvalidRecordError: A field is of the wrong type or out of its range, or `sha256` is
            not the digest of `text`.
    """

    id: str = field(validator=_check_id, metadata=column("Source id."))
    """Stable identifier, used by `Evidence.source_id`."""
    title: str = field(validator=_check_text, metadata=column("Title of the source."))
    """Title of the source (see `notes` for where it comes from)."""
    sha256: str = field(
        validator=_matches,
        metadata=column("SHA-256 of the UTF-8 bytes of the text.", pattern=SHA256),
    )
    """Hex SHA-256 digest of the text's UTF-8 bytes."""
    text: str = field(
        validator=[_check_text, _check_digest],
        repr=False,
        metadata=column("The full text; evidence offsets index into it."),
    )
    """The full text, as shipped."""
    notes: str | None = field(
        default=None, validator=_check_optional_text, metadata=column("Provenance of the source.")
    )
    """How the source was obtained and anything else a reader should know."""


def _check_day(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not dt.date:
        msg = f"{attribute.name} must be a datetime.date, got {value!r}"
        raise InvalidRecordError(attribute.name, value, msg)


@record
class Reference:
    """A published work cited for a fact the sources leave vague, such as an exact date.

    Unlike a `Source`, a reference is not shipped and not quoted: the dataset records where it
    is and what it is cited for, and nothing of its text.

    Raises:
        InvalidRecordError: A field is of the wrong type or out of its range.
    """

    id: str = field(validator=_check_id, metadata=column("Reference id."))
    """Stable identifier, used by `Corroboration.reference_id`."""
    title: str = field(validator=_check_text, metadata=column("Title of the work."))
    """Title of the work (see `notes` for where it comes from)."""
    publisher: str = field(validator=_check_text, metadata=column("Who published it."))
    """Who published it, e.g. ``"Daily Sabah"``."""
    url: str = field(validator=_check_url, metadata=column("Where it is published."))
    """Where it is published: an ``https`` or ``http`` URL."""
    date: FuzzyDate | None = field(
        validator=_optional(_instance_of(FuzzyDate)),
        metadata=column(what="the work's publication", empty="no date is known"),
    )
    """When it was published, as precisely as known; None for a work without one, such as a
    wiki article."""
    notes: str | None = field(
        default=None, validator=_check_optional_text, metadata=column("What it is cited for.")
    )
    """What it is cited for, what of it was checked and how, and anything else a reader should
    know."""
    checked_on: dt.date | None = field(
        default=None,
        validator=_optional(_check_day),
        metadata=column(
            "The day the title, publisher, address and date were checked against a copy of the"
            " work; empty where they were not.",
            since="1.2.0",
        ),
    )
    """The day its title, publisher, URL and publication date were checked against a stored
    copy of the work (`notes` say what matched and what could not be checked); None where they
    were not. From dataset version 1.2.0."""


@record
class Actor:
    """A party that acts or is acted on: a state, government, person, group, ...

    Raises:
        InvalidRecordError: A field is of the wrong type or out of its range.
    """

    id: str = field(validator=_check_id, metadata=column("Actor id."))
    """Stable identifier, e.g. ``"russia"``."""
    name: str = field(validator=_check_text, metadata=column("Name of the actor."))
    """Display name, e.g. ``"Russia"``."""
    kind: ActorKind = field(
        validator=_instance_of(ActorKind),
        metadata=column("What sort of party the actor is."),
    )
    """What kind of party this is."""
    country: Country | None = field(
        validator=_optional(_instance_of(Country)),
        metadata=column(what="the state the actor belongs to"),
    )
    """The state the actor is, belongs to or governs; None for groups without one."""
    notes: str | None = field(
        default=None, validator=_check_optional_text, metadata=column("Annotation remarks.")
    )
    """Annotation remarks."""


def _cameo_label(codes: EventCodes) -> str:
    return codes.cameo_label


def _check_plover_mode(instance: EventCodes, _: attrs.Attribute[str | None], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        msg = f"plover_mode must be None or text, got {value!r}"
        raise InvalidRecordError("plover_mode", value, msg)
    modes = PLOVER_MODES.get(instance.plover, ())
    if value not in modes:
        valid = ", ".join(modes) or "none"
        msg = f"{value!r} is no PLOVER mode of {instance.plover.value}; its modes: {valid}"
        raise InvalidRecordError("plover_mode", value, msg)


def _check_plover_context(_: object, __: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and value not in PLOVER_CONTEXTS:
        msg = (
            f"plover_context must be None or one of PLOVER's contexts (PLOVER_CONTEXTS, such as"
            f" 'diplomatic' or 'economic'), got {value!r}"
        )
        raise InvalidRecordError("plover_context", value, msg)


@record
class EventCodes:
    """An event's codes in the event-data ontologies, so it lines up with coded event data.

    Raises:
        InvalidRecordError: A code is not in the codebook, or a mode or context is not PLOVER's.

    Examples:
        >>> codes = EventCodes(cameo="054", plover=PloverType.SUPPORT)
        >>> codes.cameo_label
        'Grant diplomatic recognition'
    """

    cameo: str = field(
        validator=_one_of(tuple(CAMEO), "taliban_recognition.CAMEO"),
        metadata=column(
            "CAMEO event code, with its leading zero.",
            enum=tuple(CAMEO),
            after=(
                Derived("cameo_label", "The CAMEO codebook's label of the code.", _cameo_label),
            ),
        ),
    )
    """CAMEO event code, as a string with its leading zero, e.g. ``"054"``."""
    plover: PloverType = field(
        validator=_instance_of(PloverType),
        metadata=column("PLOVER event type."),
    )
    """PLOVER event type, e.g. `PloverType.SUPPORT`."""
    plover_mode: str | None = field(
        default=None,
        validator=_check_plover_mode,
        metadata=column(
            "PLOVER mode of the event type (how it was done); empty where none is given.",
            since="1.2.0",
            enum=tuple(sorted({mode for modes in PLOVER_MODES.values() for mode in modes})),
        ),
    )
    """PLOVER mode, one of `PLOVER_MODES` for the `plover` type, e.g. ``"explosives"`` for an
    `ASSAULT`; None where none is given. From dataset version 1.2.0."""
    plover_context: str | None = field(
        default=None,
        validator=_check_plover_context,
        metadata=column(
            "PLOVER context (what the event is about); empty where none is given.",
            since="1.2.0",
            enum=PLOVER_CONTEXTS,
        ),
    )
    """PLOVER context, one of `PLOVER_CONTEXTS`, e.g. ``"diplomatic"``; None where none is
    given. From dataset version 1.2.0."""
    notes: str | None = field(
        default=None,
        validator=_check_optional_text,
        metadata=column("Why these codes, where the choice is not plain.", name="codes_notes"),
    )
    """Why these codes, where the choice is not plain from the codebooks."""

    @property
    def cameo_label(self) -> str:
        """The CAMEO codebook's label of `cameo`."""
        return CAMEO[self.cameo]


@record
class Corroboration:
    """A date for an event from a published work, beside the date the source gives.

    The corroborated date does not replace the source's: queries use it only when asked to
    (``dates="corroborated"``). When it falls outside the source's date, `discrepancy` says so;
    it may also say how the reference's account differs from the source's within it (an
    ambassador accepted rather than posted, a ban suspended rather than ended).

    Raises:
        InvalidRecordError: A field is of the wrong type or out of its range.
    """

    date: FuzzyDate = field(
        validator=_instance_of(FuzzyDate),
        metadata=column(name="corroborated_date", what="the event by a published reference"),
    )
    """The date the reference gives."""
    reference_id: str = field(
        validator=_check_id,
        metadata=column(
            "Id of the reference that gives the corroborated date.",
            name="corroborated_by",
            refers="references",
        ),
    )
    """The `Reference.id` of the work that gives it."""
    discrepancy: str | None = field(
        default=None,
        validator=_check_optional_text,
        metadata=column(
            "How the reference disagrees with the source: always when its date falls outside"
            " the source's; from 1.2.0 also where it reports a different act within it.",
            name="date_discrepancy",
        ),
    )
    """How the reference and the source disagree. Given whenever the date falls outside the
    source's date; from dataset version 1.2.0 also where the date falls within it but the
    reference reports the event differently (a different act, or a different party acting).
    None where they agree."""


def _check_corroboration(
    instance: Event, _: attrs.Attribute[Corroboration | None], value: object
) -> None:
    if value is None:
        return
    if not isinstance(value, Corroboration):
        msg = f"corroboration must be None or a Corroboration, got {value!r}"
        raise InvalidRecordError("corroboration", value, msg)
    stated = instance.date
    within = stated.earliest <= value.date.earliest and value.date.latest <= stated.latest
    if not within and value.discrepancy is None:
        msg = f"corroborated date {value.date} is outside {stated}: say how they disagree"
        raise InvalidRecordError("corroboration", value, msg)


@record
class Event:
    """A dated, sourced happening: who did what to whom, and when.

    Raises:
        InvalidRecordError: A field is of the wrong type or out of its range, or a corroborated
            date outside the stated one gives no discrepancy.
    """

    id: str = field(validator=_check_id, metadata=column("Event id."))
    """Stable identifier, e.g. ``"russia-recognizes-taliban"``."""
    kind: EventKind = field(validator=_instance_of(EventKind), metadata=column("What happened."))
    """What kind of happening this is."""
    actor: Actor = field(
        validator=_instance_of(Actor),
        metadata=column("Id of the actor who acted.", name="actor_id", refers="actors"),
    )
    """Who acted."""
    target: Actor | None = field(
        validator=_optional(_instance_of(Actor)),
        metadata=column("Id of the actor acted upon.", name="target_id", refers="actors"),
    )
    """Who was acted on, if anyone."""
    date: FuzzyDate = field(validator=_instance_of(FuzzyDate), metadata=column(what="the event"))
    """When, as precisely as the source says."""
    date_text: str | None = field(
        validator=_check_optional_text,
        metadata=column("The source's own words for the date, verbatim."),
    )
    """The source's own words for the date (``"Last April"``), or None if it gives none."""
    summary: str = field(validator=_check_text, metadata=column("One line saying what happened."))
    """One line saying what happened."""
    evidence: tuple[Evidence, ...] = field(validator=_tuple_of(Evidence, non_empty=True))
    """The quotes that support the record; never empty."""
    ongoing: bool = field(
        default=False,
        validator=_instance_of(bool),
        metadata=column("Whether the source presents the event as still going on at as_of."),
    )
    """Whether the source presents it as still going on at its reference date ("has
    continued to pursue", "are still wary"); `date` is then when it began, if known."""
    notes: str | None = field(
        default=None,
        validator=_check_optional_text,
        metadata=column("How the date was resolved, discrepancies, remarks."),
    )
    """How the date was resolved, discrepancies, and other annotation remarks."""
    codes: EventCodes | None = field(
        default=None,
        validator=_optional(_instance_of(EventCodes)),
        metadata=column(since="1.1.0", name=""),
    )
    """Its CAMEO code and PLOVER type."""
    corroboration: Corroboration | None = field(
        default=None,
        validator=_check_corroboration,
        metadata=column(since="1.1.0", name="", empty="no reference corroborates the date"),
    )
    """A date from a published work where the source leaves the date vague, or None."""

    def date_for(self, dates: Literal["stated", "corroborated"] = "stated") -> FuzzyDate:
        """The event's date as the source states it, or as corroborated where it is.

        Args:
            dates: ``"stated"`` (the source's date) or ``"corroborated"`` (the corroborated
                date where there is one, else the source's).

        Returns:
            The date of that reading.

        Raises:
            UnknownDatesError: `dates` is neither.
        """
        if check_dates(dates) == "corroborated" and self.corroboration is not None:
            return self.corroboration.date
        return self.date


def _check_period(
    instance: StatusPeriod, _: attrs.Attribute[RecognitionStatus], __: RecognitionStatus
) -> None:
    if instance.status is RecognitionStatus.UNKNOWN:
        msg = "a status period records a known status, not UNKNOWN"
        raise InvalidRecordError("status", instance.status, msg)


_PERIODS = {
    "StatusPeriod": "status period",
    "RecognitionPeriod": "recognition period",
    "RepresentationPeriod": "representation period",
}


def _check_span(instance: Any, _: attrs.Attribute[Any], __: object) -> None:  # noqa: ANN401
    """Refuse a period that ends before it starts; run after `end`'s own type check."""
    end = instance.end
    if end is not None and end.latest < instance.start.earliest:
        kind = _PERIODS[type(instance).__name__]
        msg = f"{kind} ends ({end}) before it starts ({instance.start})"
        raise InvalidRecordError("end", end, msg)


@record
class StatusPeriod:
    """One country's recognition status from one change to the next.

    The change into this status happened on a day within `start`; the change out of it on a
    day within `end` (None: it still held on the dataset's ``as_of``). On a day that can fall
    on either side of a change, the status is not known for certain.

    Raises:
        InvalidRecordError: A field is of the wrong type, the status is UNKNOWN, or the period ends
            before it starts.
    """

    id: str = field(validator=_check_id, metadata=column("Status period id."))
    """Stable identifier: the country code and the status, e.g. ``"ru-formal-recognition"``."""
    country: Country = field(
        validator=_instance_of(Country),
        metadata=column(what="the state whose status this is"),
    )
    """The state whose status this is."""
    status: RecognitionStatus = field(
        validator=[_instance_of(RecognitionStatus), _check_period],
        metadata=column(
            "The status held (ordered: no < de facto < formal).",
            enum=tuple(s.value for s in RecognitionStatus if s is not RecognitionStatus.UNKNOWN),
            ordered=True,
        ),
    )
    """The status held during the period."""
    start: FuzzyDate = field(
        validator=_instance_of(FuzzyDate),
        metadata=column(what="the change into this status"),
    )
    """When the status began: the date of the event that brought it, or of the takeover."""
    end: FuzzyDate | None = field(
        validator=[_optional(_instance_of(FuzzyDate)), _check_span],
        metadata=column(
            what="the change out of this status", empty="the status held through as_of"
        ),
    )
    """When the next status began, or None if the status held through ``as_of``."""
    basis: Basis = field(
        validator=_instance_of(Basis),
        metadata=column("Whether the source states the status or it is inferred."),
    )
    """Whether the source states this status of this country or it is inferred."""
    events: tuple[str, ...] = field(
        validator=_tuple_of(str),
        metadata=column("Id of an event the period rests on.", name="event_id", refers="events"),
    )
    """Ids of the events the period rests on (the one that started it, if any)."""
    evidence: tuple[Evidence, ...] = field(validator=_tuple_of(Evidence, non_empty=True))
    """The quotes the status rests on; never empty."""
    notes: str | None = field(
        default=None,
        validator=_check_optional_text,
        metadata=column("How the status was inferred, caveats."),
    )
    """How the status was inferred, and its caveats."""


@record
class RecognitionPeriod:
    """Whether one state formally recognizes the Taliban government, from one change to the next.

    The change into this period happened on a day within `start`; the change out of it on a
    day within `end` (None: it still held on the dataset's ``as_of``). From dataset 2.0.0.

    Raises:
        InvalidRecordError: A field is of the wrong type, or the period ends before it starts.
    """

    id: str = field(validator=_check_id, metadata=column("Recognition period id."))
    """Stable identifier: the country code and the value, e.g. ``"ru-recognizing"``."""
    country: Country = field(
        validator=_instance_of(Country),
        metadata=column(what="the state whose recognition this is"),
    )
    """The state."""
    recognizes: bool = field(
        validator=_instance_of(bool),
        metadata=column("Whether the state formally recognizes the Taliban government."),
    )
    """Whether the state formally recognizes the Taliban government in this period."""
    start: FuzzyDate = field(
        validator=_instance_of(FuzzyDate), metadata=column(what="the change into this period")
    )
    """When the period began: the date of the event that brought it, or of the takeover."""
    end: FuzzyDate | None = field(
        validator=[_optional(_instance_of(FuzzyDate)), _check_span],
        metadata=column(what="the change out of this period", empty="it held through as_of"),
    )
    """When the next period began, or None if this one held through ``as_of``."""
    basis: Basis = field(
        validator=_instance_of(Basis),
        metadata=column("Whether the source states it of this state or it is inferred."),
    )
    """Whether the source states this of this state or it is inferred."""
    events: tuple[str, ...] = field(
        validator=_tuple_of(str),
        metadata=column("Id of an event the period rests on.", name="event_id", refers="events"),
    )
    """Ids of the events the period rests on (the one that started it first)."""
    evidence: tuple[Evidence, ...] = field(validator=_tuple_of(Evidence, non_empty=True))
    """The quotes the period rests on; never empty."""
    notes: str | None = field(
        default=None,
        validator=_check_optional_text,
        metadata=column("How it was inferred, caveats."),
    )
    """How the value was inferred, and its caveats."""


@record
class RepresentationPeriod:
    """The level of one side's mission at the other, between Afghanistan and a state.

    A period of the directed pair (`country`, `direction`), from one change to the next, as
    the Correlates of War Diplomatic Exchange data codes representation (see `Direction`). A
    level of ``UNKNOWN`` is a period for which the source records nothing: any level may have
    held. From dataset 2.0.0.

    Raises:
        InvalidRecordError: A field is of the wrong type, or the period ends before it starts.
    """

    id: str = field(validator=_check_id, metadata=column("Representation period id."))
    """Stable identifier: country code, direction and level, e.g.
    ``"cn-state-in-afghanistan-ambassador"``."""
    country: Country = field(
        validator=_instance_of(Country),
        metadata=column(what="the state paired with Afghanistan"),
    )
    """The state paired with Afghanistan."""
    direction: Direction = field(
        validator=_instance_of(Direction),
        metadata=column("Whose mission: the state's in Kabul, or the Taliban's in the state."),
    )
    """Whose mission the period records."""
    level: RepresentationLevel = field(
        validator=_instance_of(RepresentationLevel),
        metadata=column(
            "The level of the mission (unknown: the source records none).",
            after=(
                Derived(
                    "level_cow_code",
                    "COW Diplomatic Exchange code of the level: 0 none, 1 charge d'affaires, "
                    "2 minister, 3 ambassador, 9 other.",
                    lambda period: period.level.cow_code,
                    kind="integer",
                    empty="the level is unknown (never 0, which is no mission)",
                ),
            ),
        ),
    )
    """The level of the mission during the period."""
    start: FuzzyDate = field(
        validator=_instance_of(FuzzyDate), metadata=column(what="the change into this period")
    )
    """When the period began: the date of the event that brought it, or of the takeover."""
    end: FuzzyDate | None = field(
        validator=[_optional(_instance_of(FuzzyDate)), _check_span],
        metadata=column(what="the change out of this period", empty="it held through as_of"),
    )
    """When the next period began, or None if this one held through ``as_of``."""
    basis: Basis = field(
        validator=_instance_of(Basis),
        metadata=column("Whether the source states it of this state or it is inferred."),
    )
    """Whether the source states this of this state or it is inferred."""
    events: tuple[str, ...] = field(
        validator=_tuple_of(str),
        metadata=column("Id of an event the period rests on.", name="event_id", refers="events"),
    )
    """Ids of the events the period rests on (the one that started it first)."""
    evidence: tuple[Evidence, ...] = field(validator=_tuple_of(Evidence, non_empty=True))
    """The quotes the period rests on; never empty."""
    notes: str | None = field(
        default=None,
        validator=_check_optional_text,
        metadata=column("How it was inferred, caveats."),
    )
    """How the level was inferred, and its caveats."""


Dates = Literal["stated", "corroborated"]
"""The type of a query's `dates` argument."""

DATES: tuple[Dates, ...] = ("stated", "corroborated")
"""The two readings of event dates the queries take: the source's, or corroborated."""


def check_dates(dates: object) -> Dates:
    """`dates` itself, if it names a reading of event dates.

    Raises:
        UnknownDatesError: It does not.
    """
    for reading in DATES:
        if isinstance(dates, str) and dates == reading:
            return reading
    raise UnknownDatesError(dates, DATES)


# Also resolves the annotations, which cattrs and typing.get_type_hints read.
publish(__name__)
