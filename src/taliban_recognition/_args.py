"""The arguments of the queries: how a country, a day and a reading of dates may be given."""

from __future__ import annotations

import datetime  # noqa: ICN001 -- the API reference shows DateQuery as written: datetime.date | str

from taliban_recognition._errors import InvalidDateError
from taliban_recognition._model import Country, parse_iso_day
from taliban_recognition._public import publish

CountryQuery = str | int | Country
"""Anything `status_of` and `find_events` accept as a country."""

DateQuery = datetime.date | str
"""A `datetime.date` (a `datetime.datetime` counts as its date) or an ISO ``YYYY-MM-DD`` string."""


DAYS_KEPT = 4096
"""How many ISO day strings `day_of` remembers the day of; past that it parses each anew."""

_days: dict[str, datetime.date] = {}  # ISO string -> its day; dates are immutable, so shared


def day_of(value: object, argument: str) -> datetime.date:
    """Turn a date argument into a `datetime.date`, or say what was wrong with it.

    The day of an ISO string (of type `str` itself, not a subclass) is remembered, for up to
    `DAYS_KEPT` strings, so that asking about the same day again does not parse it again.
    """
    if type(value) is datetime.date:
        return value
    if type(value) is str:
        day = _days.get(value)
        if day is not None:
            return day
    if isinstance(value, datetime.date):
        day = value.date() if isinstance(value, datetime.datetime) else value
        try:  # a plain date, also of a subclass; a missing one (pandas' NaT) has no ordinal
            return datetime.date.fromordinal(day.toordinal())
        except (AttributeError, TypeError, ValueError):
            raise InvalidDateError(
                value, f"{argument} must be a day, not a missing value"
            ) from None
    if isinstance(value, str):
        try:
            day = parse_iso_day(value)
        except ValueError:
            raise InvalidDateError(value, f"{argument} must be an ISO date YYYY-MM-DD") from None
        if type(value) is str and len(_days) < DAYS_KEPT:
            _days[value] = day
        return day
    raise InvalidDateError(value, f"{argument} must be a datetime.date or an ISO date string")


publish(__name__)
