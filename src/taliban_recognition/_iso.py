"""The one place pycountry is used: ISO 3166-1 lookups, wrapped into our `Country`.

pycountry is imported on first use, not when the package is imported, and its records never
leave this module. Besides the codes and pycountry's names, the index knows the short English
names people type that ISO 3166-1 spells differently ("Russia", "UAE", "Laos", "Turkey").
"""

from __future__ import annotations

import re
import threading
import unicodedata

from taliban_recognition._errors import UnknownCountryError
from taliban_recognition._model import Country
from taliban_recognition._public import publish

# Common English short names and abbreviations that ISO 3166-1 does not use, keyed by alpha-2,
# including those some pycountry releases give as common names and others do not ("Iran",
# "Laos", "Syria"), so that no lookup depends on which release is installed. They follow the
# English short names in the Unicode CLDR territory list
# (https://github.com/unicode-org/cldr/blob/main/common/main/en.xml) and common press usage.
_ALIASES: dict[str, tuple[str, ...]] = {
    "AE": ("UAE", "Emirates"),
    "BN": ("Brunei",),
    "BO": ("Bolivia",),
    "BS": ("The Bahamas",),
    "CD": ("DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of the Congo"),
    "CG": ("Congo-Brazzaville", "Republic of the Congo"),
    "CI": ("Ivory Coast",),
    "CV": ("Cape Verde",),
    "CZ": ("Czech Republic",),
    "FM": ("Micronesia",),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "GM": ("The Gambia",),
    "IR": ("Iran",),
    "KP": ("North Korea",),
    "KR": ("South Korea",),
    "LA": ("Laos",),
    "MD": ("Moldova",),
    "MK": ("Macedonia",),
    "MM": ("Burma",),
    "PS": ("Palestine",),
    "RU": ("Russia",),
    "SY": ("Syria",),
    "SZ": ("Swaziland",),
    "TL": ("East Timor",),
    "TR": ("Turkey", "Türkiye"),  # pycountry 22.3.5 names it Turkey, 23.12.11 on Türkiye
    "TW": ("Taiwan",),
    "TZ": ("Tanzania",),
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "VE": ("Venezuela",),
    "VN": ("Vietnam",),
}


def normalize(text: str) -> str:
    """Fold case, accents, apostrophes and spacing so that spellings compare equal."""
    if text.isascii():  # codes and most names: nothing to decompose, so skip the slow path
        return " ".join(text.lower().split())
    # NFD, not NFKD: only accents fold away; compatibility forms ("ﬁ", "㏌") stay themselves.
    decomposed = unicodedata.normalize("NFD", text.replace("\u2019", "'"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.lower().split())  # lower, not casefold: "ﬁ" must not read "fi"


def key(query: object) -> str | None:
    """The index key of a country query, or None when `query` is neither a str nor an int.

    Codes and names are normalized; numbers, given as an int or as digits, become the
    three-digit numeric code (``4`` and ``"4"`` are ``"004"``).
    """
    if isinstance(query, str):
        found = normalize(query)
        if found.isdigit() and found.isascii() and len(found) <= 3:
            return found.zfill(3)
        return found
    if isinstance(query, int) and not isinstance(query, bool):
        return f"{query:03d}" if 0 <= query <= 999 else ""
    return None


def codes_of(found: Country) -> tuple[str, str, str]:
    """The keys of a country's three codes: alpha-2 and alpha-3 normalized, and numeric."""
    return found.alpha_2.lower(), found.alpha_3.lower(), found.numeric


class _Index:
    """Every accepted spelling of every ISO 3166-1 country, built once from pycountry."""

    def __init__(self) -> None:
        import pycountry  # noqa: PLC0415 -- deferred so that importing this package stays cheap

        self.by_key: dict[str, Country] = {}
        self.spellings: dict[Country, tuple[str, ...]] = {}  # the names each country answers to
        self.names: dict[str, str] = {}  # normalized name -> name as shown in suggestions
        for record in pycountry.countries:
            found = Country(
                alpha_2=record.alpha_2,
                alpha_3=record.alpha_3,
                numeric=record.numeric,
                name=record.name,
            )
            names = [
                getattr(record, field, None) for field in ("name", "official_name", "common_name")
            ]
            names += _ALIASES.get(found.alpha_2, ())
            for code in codes_of(found):
                self._add(code, found)
            for spelling in filter(None, names):
                self._add(normalize(spelling), found)
            for name in filter(None, names):
                self.names.setdefault(normalize(name), name)
            self.spellings[found] = (*dict.fromkeys(filter(None, names)),)
        self.countries = tuple(sorted(self.spellings, key=lambda c: c.alpha_2))

    def _add(self, key: str, found: Country) -> None:
        known = self.by_key.setdefault(key, found)
        if known != found:
            msg = f"{key!r} names both {known} and {found}"
            raise AssertionError(msg)


_lock = threading.Lock()
_built: list[_Index] = []  # holds the index once built; a list so no global statement is needed


def _index() -> _Index:
    if not _built:
        with _lock:
            if not _built:
                _built.append(_Index())
    return _built[0]


def country(query: str | int) -> Country:
    """Find an ISO 3166-1 country by code, number or English name.

    Accepts alpha-2 and alpha-3 codes in any case, the numeric code as an int or a string
    (``643``, ``"643"``, ``"004"`` or ``"4"``), pycountry's short, official and common names,
    and common short names such as "Russia", "UAE", "US", "UK" or "Turkey". Case, accents,
    curly apostrophes and surrounding spaces do not matter.

    Args:
        query: The code, number or name.

    Returns:
        The matching country.

    Raises:
        UnknownCountryError: Nothing matches; the message suggests close names if there are any.

    Examples:
        >>> country("uae").alpha_3
        'ARE'
        >>> country(4).name
        'Afghanistan'
    """
    index = _index()
    found_key = key(query)
    if found_key is None:
        raise UnknownCountryError(query)
    found = index.by_key.get(found_key)
    if found is None:
        raise UnknownCountryError(query, _suggestions(index, found_key))
    return found


_LONGEST = 100
"""Longer than any country name: a longer query has no name close to it."""


def _suggestions(index: _Index, key: str) -> tuple[str, ...]:
    """Names close in spelling to `key`, or containing it as a word ("korea" -> both Koreas)."""
    if not 3 <= len(key) <= _LONGEST:
        return ()
    import difflib  # noqa: PLC0415 -- deferred: importing the package stays cheap

    close = difflib.get_close_matches(key, index.names, n=3, cutoff=0.8)
    word = re.compile(rf"\b{re.escape(key)}\b")
    containing = sorted(name for name in index.names if word.search(name))
    unique = dict.fromkeys([*close, *containing])
    return tuple(index.names[name] for name in list(unique)[:5])


def all_countries() -> tuple[Country, ...]:
    """Every ISO 3166-1 country, by alpha-2 code."""
    return _index().countries


def names_of(found: Country) -> tuple[str, ...]:
    """Every name `country` accepts for `found`: ISO names, common names and aliases."""
    return _index().spellings[found]


publish(__name__)
