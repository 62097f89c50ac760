"""The one place pycountry is used: ISO 3166-1 lookups, wrapped into our `Country`.

pycountry is imported on first use, not when the package is imported, and its records never
leave this module. Besides the codes and pycountry's names, the index knows the names that
published country lists give the dataset's states where ISO 3166-1 spells them differently
("Russia", "DPRK", "Korea, Rep.", "Holland"), and the places outside those states that people
look up (Kosovo, Abkhazia), which it answers by saying why they are not covered.
"""

from __future__ import annotations

import threading
import unicodedata
from typing import TYPE_CHECKING, TypeVar

from taliban_recognition._errors import InvalidArgumentError, UnknownCountryError
from taliban_recognition._model import Country
from taliban_recognition._public import publish

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

_T = TypeVar("_T")

UPSTREAMS = {
    "CLDR": "Unicode CLDR 47, English territory names with their short and variant forms: "
    "github.com/unicode-org/cldr-json, cldr-json/cldr-localenames-full/main/en/territories.json "
    "at commit b08a82b582f1120d630d623f9e5073316741574d, made from unicode-org/cldr's "
    "common/main/en.xml",
    "UN": "the UN's English country names as the countrycode package keeps them: "
    "github.com/vincentarelbundock/countrycode, dictionary/data_un_names.csv at commit "
    "284d6a2f7e49d826e10894227a05d4c857e21540",
    "World Bank": "the World Bank's country names, countrycode's dictionary/data_world_bank.csv "
    "at the same commit",
    "Polity": "Polity IV's country names, countrycode's dictionary/codelist_without_cldr.csv "
    "(column p4.name) at the same commit",
    "V-Dem": "V-Dem's country names, the same codelist (column vdem.name)",
    "IOC": "the International Olympic Committee's country codes, the same codelist (column ioc)",
    "countrycode": "countrycode's English regular expressions (dictionary/data_regex.csv) at the "
    "same commit: the state's expression matches the alias and no other state's does; names "
    "the expressions are tested with (tests/testthat/data-known-name-variations.R) or that "
    "name them (data_regex.csv) are filed here too",
    "coco": "country_converter's short and official names: github.com/IndEcol/country_converter, "
    "country_converter/country_data.tsv at commit 4d579e756168d0b6515a40a7406d058d413d676a",
    "Factbook": "the CIA World Factbook's country names and abbreviations: "
    "github.com/factbook/factbook.json at commit 8662a8b17a784841ab4528631b04090eb2f183eb",
}
"""The published lists the aliases were checked against, each at the commit read."""

# Names that published lists give a state and ISO 3166-1 does not, by alpha-2 code, each with
# the list in UPSTREAMS it was checked against (most are in several). They include names some
# pycountry releases give as common names and others do not ("Iran", "Laos", "Syria"), and
# names pycountry has as no official name ("Republic of Korea"), so that no lookup depends on
# which release is installed. Every list was read for every state of the dataset: CLDR's and
# the World Bank's names all resolve, and so do the others' but for historical names (Zaire,
# the Papal States), parts of a state (V-Dem's Palestine/Gaza, the West Bank), rare forms of
# names that resolve (the UN's "China (the People's Republic of)", "Korea, D.P.R.") and the
# IOC's codes: three letters like ISO's alpha-3 codes but other ones (Bahrain's BRN is ISO's
# Brunei), so only Saudi Arabia's KSA, a common abbreviation, is taken. No alias is a bare
# word that names two states: "Korea" finds no country and suggests both, while "Congo" and
# "Guinea" are ISO 3166-1's own names of the Republic of the Congo and of Guinea.
ALIASES: dict[str, dict[str, str]] = {
    "AE": {"UAE": "Factbook", "Emirates": "countrycode", "U.A.E.": "countrycode"},
    "AG": {"Antigua & Barbuda": "CLDR"},
    "AU": {"Commonwealth of Australia": "Factbook"},
    "BA": {"Bosnia & Herzegovina": "CLDR", "Bosnia": "CLDR", "Bosnia-Herzegovina": "countrycode"},
    "BN": {"Brunei": "CLDR"},
    "BO": {"Bolivia": "CLDR", "Bolivia (Plurinational State of)": "UN"},
    "BS": {"The Bahamas": "Factbook", "Bahamas, The": "World Bank", "Bahamas (The)": "UN"},
    "CD": {
        "DR Congo": "coco",
        "DRC": "Factbook",
        "DROC": "Factbook",
        "Congo-Kinshasa": "countrycode",
        "Congo - Kinshasa": "CLDR",
        "Congo (DRC)": "CLDR",
        "Congo Kinshasa": "Polity",
        "Democratic Republic of the Congo": "UN",
        "Democratic Republic of Congo": "countrycode",
        "Congo, Dem. Rep.": "World Bank",
        "Congo, Democratic Republic of the": "countrycode",
        "D.R. Congo": "countrycode",
    },
    "CF": {"CAR": "Factbook"},
    "CG": {
        "Congo-Brazzaville": "countrycode",
        "Congo - Brazzaville": "CLDR",
        "Congo (Republic)": "CLDR",
        "Congo Brazzaville": "Polity",
        "Congo Republic": "coco",
        "Republic of the Congo": "V-Dem",
        "Republic of Congo": "countrycode",
        "Congo, Rep.": "World Bank",
        "Congo, Republic of the": "countrycode",
    },
    "CI": {"Ivory Coast": "CLDR"},
    "CN": {"PRC": "Factbook"},
    "CV": {"Cape Verde": "CLDR"},
    "CZ": {"Czech Republic": "CLDR"},
    "EG": {"Egypt, Arab Rep.": "World Bank"},
    "ER": {"State of Eritrea": "Factbook"},
    "ET": {"FDRE": "Factbook"},
    "FM": {
        "Micronesia": "CLDR",
        "Micronesia (Federated States of)": "UN",
        "Micronesia, Fed. Sts.": "World Bank",
    },
    "GB": {
        "UK": "CLDR",
        "U.K.": "countrycode",
        "Britain": "countrycode",
        "Great Britain": "countrycode",
    },
    "GM": {"The Gambia": "V-Dem", "Gambia, The": "World Bank"},
    "GW": {"Guinea Bissau": "countrycode"},
    "GY": {"Co-operative Republic of Guyana": "coco", "Cooperative Republic of Guyana": "Factbook"},
    "HU": {"Republic of Hungary": "coco"},
    "IE": {"Republic of Ireland": "countrycode"},
    "IR": {"Iran": "CLDR", "Iran (Islamic Republic of)": "UN", "Iran, Islamic Rep.": "World Bank"},
    "KN": {
        "St. Kitts & Nevis": "CLDR",
        "St. Kitts and Nevis": "World Bank",
        "Federation of Saint Kitts and Nevis": "Factbook",
    },
    "KP": {
        "North Korea": "CLDR",
        "DPRK": "Factbook",
        "DPR Korea": "countrycode",
        "Korea, Dem. People's Rep.": "World Bank",
        "Korea North": "Polity",
        "Korea, North": "countrycode",
        "Korea, Dem. Rep.": "countrycode",
        "D.P.R. Korea": "countrycode",
    },
    "KR": {
        "South Korea": "CLDR",
        "Republic of Korea": "UN",
        "ROK": "Factbook",
        "Korea, Rep.": "World Bank",
        "Korea South": "Polity",
        "Korea, South": "countrycode",
        "Rep. of Korea": "countrycode",
        "Korea, Rep. of": "countrycode",
    },
    "LA": {"Laos": "CLDR", "Lao PDR": "World Bank"},
    "LC": {"St. Lucia": "CLDR"},
    "LY": {"State of Libya": "Factbook"},
    "MD": {"Moldova": "CLDR"},
    "MH": {"RMI": "Factbook"},
    "MK": {
        "Macedonia": "Polity",
        "FYROM": "countrycode",
        "The former Yugoslav Republic of Macedonia": "countrycode",
    },
    "MM": {
        "Burma": "Factbook",
        "Myanmar (Burma)": "CLDR",
        "Burma/Myanmar": "V-Dem",
        "Republic of the Union of Myanmar": "coco",
        "Union of Burma": "Factbook",
    },
    "NE": {"Republic of Niger": "Factbook"},
    "NL": {"Holland": "countrycode", "Netherlands (Kingdom of the)": "UN"},
    "NZ": {"Aotearoa New Zealand": "CLDR"},
    "PS": {
        "Palestine": "CLDR",
        "Palestinian Territories": "CLDR",
        "State of Palestine": "coco",
        "West Bank and Gaza": "World Bank",
    },
    "RU": {"Russia": "CLDR"},
    "RW": {"Republic of Rwanda": "Factbook"},
    "SA": {"KSA": "IOC"},
    "SD": {"Sudan-North": "Polity"},
    "ST": {"São Tomé & Príncipe": "CLDR"},
    "SY": {"Syria": "CLDR"},
    "SZ": {"Swaziland": "CLDR"},
    "TL": {"East Timor": "CLDR"},
    "TR": {"Turkey": "CLDR", "Türkiye": "CLDR", "Republic of Turkey": "Factbook"},
    "TT": {"Trinidad & Tobago": "CLDR"},
    "TW": {"Taiwan": "CLDR"},
    "TZ": {"Tanzania": "CLDR"},
    "US": {
        "US": "CLDR",
        "U.S.": "countrycode",
        "USA": "Factbook",
        "U.S.A.": "countrycode",
        "United States of America": "UN",
    },
    "UY": {"Oriental Republic of Uruguay": "Factbook"},
    "VA": {
        "Vatican": "coco",
        "Vatican City": "CLDR",
        "Holy See": "countrycode",
        "Vatican City State": "coco",
    },
    "VC": {"St. Vincent & Grenadines": "CLDR", "St. Vincent and the Grenadines": "World Bank"},
    "VE": {
        "Venezuela": "CLDR",
        "Venezuela (Bolivarian Republic of)": "UN",
        "Venezuela, RB": "World Bank",
    },
    "VN": {"Vietnam": "CLDR", "Socialist Republic of Vietnam": "Factbook", "SRV": "Factbook"},
    "YE": {"Yemen, Rep.": "World Bank"},
    "ZA": {"RSA": "Factbook"},
}

_COVERED = (
    "the dataset covers the 193 UN member states and the 2 UN observer states, and {place} "
    "is neither"
)

# Places outside the dataset's states that people look up, and how they are recorded: the
# names they go by, their Correlates of War and Gleditsch-Ward numbers (as the reference
# table annotations/tables.toml [cow-gw] lists them in `outside`), and why they are not
# covered. Western Sahara is not here: it has an ISO 3166-1 code (EH) and is found as such.
OUTSIDE: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...] = (
    (
        "Kosovo",
        ("Kosovo", "Republic of Kosovo", "XK", "XKX"),
        ("COW 347", "GW 347"),
        (
            "it has no ISO 3166-1 code (XK is a user-assigned code, outside the standard), though "
            "COW and GW number it 347"
        ),
    ),
    (
        "Taiwan",
        (),  # found by name: ISO 3166-1 gives it a code
        ("COW 713", "GW 713"),
        'COW and GW number it 713, and tr.country("Taiwan") gives its ISO 3166-1 record, TW',
    ),
    (
        "Abkhazia",
        ("Abkhazia", "Republic of Abkhazia"),
        ("GW 396",),
        (
            "it has no ISO 3166-1 code, COW does not list it, and GW numbers it 396 among its "
            "microstates"
        ),
    ),
    (
        "South Ossetia",
        ("South Ossetia", "Republic of South Ossetia"),
        ("GW 397",),
        (
            "it has no ISO 3166-1 code, COW does not list it, and GW numbers it 397 among its "
            "microstates"
        ),
    ),
    (
        "Northern Cyprus",
        ("Northern Cyprus", "North Cyprus", "Turkish Republic of Northern Cyprus", "TRNC"),
        (),
        (
            "it has no ISO 3166-1 code (the standard counts its territory as part of Cyprus, CY), "
            "and neither COW nor GW lists it"
        ),
    ),
    (
        "Somaliland",
        ("Somaliland", "Republic of Somaliland"),
        (),
        (
            "it has no ISO 3166-1 code (the standard counts its territory as part of Somalia, SO), "
            "and neither COW nor GW lists it"
        ),
    ),
    (
        "the Sahrawi Arab Democratic Republic",
        ("Sahrawi Arab Democratic Republic", "Sahrawi Republic", "SADR"),
        (),
        (
            "it has no ISO 3166-1 code (the standard lists the territory it claims as Western "
            "Sahara, EH, a territory and not a state), and neither COW nor GW lists it"
        ),
    ),
    (
        "Transnistria",
        ("Transnistria", "Pridnestrovian Moldavian Republic"),
        (),
        (
            "it has no ISO 3166-1 code (the standard counts its territory as part of Moldova, MD), "
            "and neither COW nor GW lists it"
        ),
    ),
)


def _not_covered(place: str, why: str) -> str:
    return f"{place} is not covered: {why}; {_COVERED.format(place=place)}"


_OUTSIDE_NUMBERS = {
    (label, int(number)): _not_covered(place, why)
    for place, _, numbers, why in OUTSIDE
    for label, number in (entry.split() for entry in numbers)
}
"""Why each COW or GW number of a place outside the dataset is not covered, by ("COW", 347)."""

SCHEMES = {"cow": "COW", "gw": "GW"}
"""The numbering schemes `country` takes, by keyword: Correlates of War and Gleditsch-Ward."""


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
            names = [  # the common name first: it is the one suggestions show
                getattr(record, field, None) for field in ("common_name", "name", "official_name")
            ]
            names += ALIASES.get(found.alpha_2, ())
            for code in codes_of(found):
                self._add(code, found)
            for spelling in filter(None, names):
                self._add(normalize(spelling), found)
            for name in filter(None, names):
                self.names.setdefault(normalize(name), name)
            self.spellings[found] = (*dict.fromkeys(filter(None, names)),)
        self.countries = tuple(sorted(self.spellings, key=lambda c: c.alpha_2))
        self.outside = {
            normalize(name): _not_covered(place, why)
            for place, names, _, why in OUTSIDE
            for name in names
        }
        # The suggestions for each key that found nothing so far, up to SUGGESTIONS_KEPT.
        self.suggested: dict[str, tuple[str, ...]] = {}

    def _add(self, key: str, found: Country) -> None:
        known = self.by_key.setdefault(key, found)
        if known != found:
            msg = f"{key!r} names both {known} and {found}"
            raise AssertionError(msg)


_lock = threading.Lock()
_built: list[_Index] = []  # holds the index once built; a list so no global statement is needed


def _once(built: list[_T], build: Callable[[], _T]) -> _T:
    """What `build` gives, built by the first caller only and kept in `built`."""
    if not built:
        with _lock:
            if not built:
                built.append(build())
    return built[0]


def _index() -> _Index:
    return _once(_built, _Index)


def country(
    query: str | int | None = None, *, cow: int | None = None, gw: int | None = None
) -> Country:
    """Find a country by ISO 3166-1 code, number or English name, or by its COW or GW number.

    A query may be an alpha-2 or alpha-3 code in any case, the ISO numeric code as an int or
    a string (``643``, ``"643"``, ``"004"`` or ``"4"``), pycountry's short, official and
    common names, or a name another published list gives the state: "Russia", "UAE", "US",
    "UK", "Turkey", "DPRK", "Republic of Korea", "Korea, Rep.", "Holland". Case, accents,
    curly apostrophes and surrounding spaces do not matter. The answer is the ISO 3166-1
    record, without COW or GW codes. A bare word that names two states, such as "Korea",
    finds nothing and suggests both; places outside the dataset's states (Kosovo, Abkhazia,
    South Ossetia, Northern Cyprus, Somaliland) are said to be not covered, and why.

    ``cow=`` or ``gw=`` looks a state up by its Correlates of War or Gleditsch-Ward number
    instead, among the records of the newest shipped dataset, and gives that record, which
    carries both numbers. A plain int is always the ISO numeric code. The two lists number
    some states differently (Germany is COW 255 and GW 260, Serbia COW 345 and GW 340), and
    Gleditsch and Ward number microstates in a list of their own (`Country.gw_microstate`).
    The answer can be given to every dataset version's queries, which compare ISO codes. For
    a pinned version's own records, use `Dataset.country`.

    Args:
        query: The code, number or name.
        cow: A Correlates of War state number, e.g. ``365``.
        gw: A Gleditsch-Ward state number, e.g. ``260``.

    Returns:
        The matching country.

    Raises:
        UnknownCountryError: Nothing matches: the message suggests close names if there are
            any, or, with `reason` set, says why the place or number is not covered.
        InvalidArgumentError: More than one of `query`, `cow` and `gw` is given, or `cow` or
            `gw` is not an int (a bool is not one).
        DataIntegrityError: With `cow` or `gw`: the newest data file does not match its
            manifest digest (see `load`).
        DataFormatError: With `cow` or `gw`: the newest data file or the manifest cannot be
            read (see `load`).

    Examples:
        >>> country("uae").alpha_3
        'ARE'
        >>> country(4).name
        'Afghanistan'
        >>> country("DPRK").name
        "Korea, Democratic People's Republic of"
        >>> germany = country(cow=255)
        >>> germany.alpha_2, germany.cow_code, germany.gw_code
        ('DE', 255, 260)
        >>> country(gw=232).name, country(gw=232).gw_microstate
        ('Andorra', True)
        >>> country("Kosovo")
        Traceback (most recent call last):
        ...
        taliban_recognition.UnknownCountryError: Kosovo is not covered: it has no ISO 3166-1 \
code (XK is a user-assigned code, outside the standard), though COW and GW number it 347; \
the dataset covers the 193 UN member states and the 2 UN observer states, and Kosovo is neither
    """
    if cow is None and gw is None:
        return lookup(query)
    numbered(query, cow, gw)  # refuse a bad call before loading anything
    from taliban_recognition._load import load  # noqa: PLC0415 -- _load imports this module

    return load().country(cow=cow, gw=gw)


def lookup(query: object) -> Country:
    """The ISO 3166-1 country a code, number or name names; `country` without numbers.

    Raises:
        UnknownCountryError: Nothing matches.
    """
    index = _index()
    found_key = key(query)
    if found_key is None:
        raise UnknownCountryError(query)
    found = index.by_key.get(found_key)
    if found is None:
        reason = index.outside.get(found_key)
        if reason is not None:
            raise UnknownCountryError(query, reason=reason)
        raise UnknownCountryError(query, _suggested(index, found_key))
    return found


def numbered(query: object, cow: object, gw: object) -> tuple[str, int] | None:
    """The scheme and number of a lookup by COW or GW number, or None for a lookup by query.

    Raises:
        InvalidArgumentError: More than one of the three is given, or a number is not an int.
    """
    if cow is None and gw is None:
        return None
    scheme, number = ("cow", cow) if gw is None else ("gw", gw)
    if query is not None:
        raise InvalidArgumentError(
            "query", query, f"None when {scheme} is given: give one of query, cow and gw"
        )
    if cow is not None and gw is not None:
        raise InvalidArgumentError("gw", gw, "None when cow is given: give one of cow and gw")
    if not isinstance(number, int) or isinstance(number, bool):
        raise InvalidArgumentError(scheme, number, f"an int, a {SCHEMES[scheme]} state number")
    return scheme, number


def by_number(countries: Iterable[Country], scheme: str, number: int, version: str) -> Country:
    """The country among a dataset's `countries` whose `scheme` number is `number`.

    Raises:
        UnknownCountryError: None has it; the reason says whether it is a place the dataset
            does not cover, or which state has the number in the other scheme.
    """
    field, other = ("cow_code", "gw_code") if scheme == "cow" else ("gw_code", "cow_code")
    label, other_label = SCHEMES[scheme], SCHEMES["gw" if scheme == "cow" else "cow"]
    elsewhere = None
    for found in countries:
        if getattr(found, field) == number:
            return found
        if getattr(found, other) == number:
            elsewhere = found
    reason = _OUTSIDE_NUMBERS.get((label, number))
    if reason is None:
        shown = number if 0 < number < 1000 else "outside 1 to 999"
        reason = f"no state of dataset {version} has {label} number {shown}"
        if elsewhere is not None:
            reason += (
                f"; {elsewhere} is {other_label} {number} and "
                f"{label} {getattr(elsewhere, field) or 'none'}"
            )
    raise UnknownCountryError(number, reason=reason)


_LONGEST = 100
"""Longer than any country name: a longer query has no name close to it."""

_CUTOFF = 0.8
"""How alike a name must be to a query to be suggested, as difflib's ratio measures it."""

_MOST = 3
"""How many names close in spelling are suggested at most."""


SUGGESTIONS_KEPT = 4096
"""How many queries that found nothing the ISO index remembers the suggestions of."""


def _suggested(index: _Index, key: str) -> tuple[str, ...]:
    """`_suggestions` for `key`, remembered for the next query with that key.

    A list of names to clean repeats its misspellings; each is searched for once. Only the
    suggestions are kept, by the query's normalized key (a plain str): each query that finds
    nothing raises a new error, as the first did.
    """
    found = index.suggested.get(key)
    if found is None:
        found = _suggestions(index, key)
        if len(index.suggested) < SUGGESTIONS_KEPT and len(key) <= _LONGEST:
            index.suggested[key] = found
    return found


def _suggestions(index: _Index, key: str) -> tuple[str, ...]:
    """Names close in spelling to `key`, or containing it as a word, one per country."""
    if not 3 <= len(key) <= _LONGEST:
        return ()
    shown: dict[Country, str] = {}  # one name per country, so that "korea" shows both Koreas
    for name in close_names(key):
        shown.setdefault(index.by_key[name], index.names[name])
    for name in _sieve().with_word(key):
        found = index.by_key[name]
        if found not in shown:  # its first name with the word: its common name if that has it
            spellings = index.spellings[found]
            shown[found] = next(s for s in spellings if has_word(normalize(s), key))
    return tuple(shown.values())[:5]


def _is_word(character: str) -> bool:
    r"""Whether `re` counts a character as part of a word, as its ``\b`` does."""
    return character.isalnum() or character == "_"


def has_word(text: str, word: str) -> bool:
    r"""Whether `word` occurs in `text` between word boundaries, as `re`'s ``\b`` finds them.

    That is, ``re.search(rf"\b{re.escape(word)}\b", text)`` for a word that is not empty (an
    empty word is never found): the characters on either side of each boundary are one of a
    word and one not, the ends of `text` counting as not. Without compiling a pattern for
    each word, which costs more than the search.
    """
    if not word:
        return False
    first, last = _is_word(word[0]), _is_word(word[-1])
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = at > 0 and _is_word(text[at - 1])
        after = end < len(text) and _is_word(text[end])
        if before != first and after != last:
            return True
        at = text.find(word, at + 1)
    return False


def _bounded(name: str) -> Iterator[str]:
    """Every part of `name` that starts and ends at a word boundary: `has_word` finds it.

    A part a[i:j] of `name` is found as a word where the characters on each side of i and of
    j are one of a word and one not (the ends of `name` counting as not), whatever the part.
    """
    marks = [False, *map(_is_word, name), False]
    bounds = [i for i in range(len(name) + 1) if marks[i] != marks[i + 1]]
    for first, i in enumerate(bounds):
        for j in bounds[first + 1 :]:
            yield name[i:j]


def _counts(text: str) -> dict[str, int]:
    """How many times each character occurs in `text`.

    A plain dict: for strings as short as names, faster than `collections.Counter` (0.4
    against 1.0 µs for "narnia", 1.2 against 1.8 µs for "republic of atlantis").
    """
    counts: dict[str, int] = {}
    for character in text:
        counts[character] = counts.get(character, 0) + 1
    return counts


class _Sieve:
    """The normalized country names as bit sets, to test every name against a query at once.

    Name number p is bit p of each set. `having[c, k]` holds the names with at least k of the
    character c, and `of_length[n]` those n characters long. How many characters a name has in
    common with a query (difflib's quick ratio counts them) is the number of sets
    `having[c, k]` it is in, for each character c of the query and k up to the times c occurs
    in it; `common` adds those sets as binary numbers held bit-plane by bit-plane, so that one
    big-integer operation adds one bit for every name.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.pool = tuple(names)
        self.having: dict[tuple[str, int], int] = {}
        self.of_length: dict[int, int] = {}
        self.by_size: dict[int, tuple[tuple[float, int, int, int], ...]] = {}  # see `groups`
        words: dict[str, set[str]] = {}  # each part `has_word` finds -> the names with it
        for position, name in enumerate(self.pool):
            bit = 1 << position
            self.of_length[len(name)] = self.of_length.get(len(name), 0) | bit
            for character, times in _counts(name).items():
                for k in range(1, times + 1):
                    self.having[character, k] = self.having.get((character, k), 0) | bit
            for part in _bounded(name):
                words.setdefault(part, set()).add(name)
        self.words = {part: tuple(sorted(names)) for part, names in words.items()}

    def common(self, counts: dict[str, int]) -> list[int]:
        """Each name's number of characters in common with a query of `counts`, as bit planes.

        Plane i holds bit i of each name's count: the names whose count has that bit set.
        """
        planes: list[int] = []
        for character, times in counts.items():
            for k in range(1, times + 1):
                carry = self.having.get((character, k), 0)
                if not carry:
                    break  # no name has k of it, so none has more
                plane = 0
                while carry:  # add one to the count of every name in `carry`
                    if plane == len(planes):
                        planes.append(carry)
                        break
                    held = planes[plane]
                    planes[plane] = held ^ carry
                    carry &= held
                    plane += 1
        return planes

    def with_word(self, word: str) -> tuple[str, ...]:
        """The names with `word` in them as a word (`has_word`), sorted."""
        return self.words.get(word, ())

    def groups(self, size: int) -> tuple[tuple[float, int, int, int], ...]:
        """For a query of `size` characters, the names difflib's first two tests can pass.

        One (quick ratio, total, common, names) for each length whose test by lengths passes
        and each number of characters in common whose quick ratio passes: the quick ratio
        they give, the two lengths' sum, that number, and the names of that length. Best quick
        ratio first; worked out once for each size.
        """
        found = self.by_size.get(size)
        if found is None:
            found = self.by_size[size] = tuple(
                sorted(
                    (
                        (2.0 * common / (length + size), length + size, common, among)
                        for length, among in self.of_length.items()
                        if 2.0 * min(length, size) / (length + size) >= _CUTOFF
                        for common in range(min(length, size) + 1)
                        if 2.0 * common / (length + size) >= _CUTOFF
                    ),
                    reverse=True,
                )
            )
        return found

    def named(self, found: int) -> Iterator[str]:
        """The names of a set, by position."""
        pool = self.pool
        while found:
            lowest = found & -found
            yield pool[lowest.bit_length() - 1]
            found ^= lowest


def _exactly(planes: list[int], count: int, among: int) -> int:
    """The names of `among` whose count, held in bit `planes`, is `count`."""
    if count >> len(planes):
        return 0
    for plane, bits in enumerate(planes):
        among &= bits if count >> plane & 1 else ~bits
        if not among:
            break
    return among


_sieves: list[_Sieve] = []


def _sieve() -> _Sieve:
    index = _index()  # first: building it takes the lock too
    return _once(_sieves, lambda: _Sieve(index.names))


def close_names(key: str) -> list[str]:
    """The names `difflib.get_close_matches(key, names, _MOST, _CUTOFF)` gives, faster.

    `names` are the normalized names of every country, those `names_of` gives.

    difflib tests every name three ways, each bounding the next: by the two lengths, by the
    characters the two have in common (its quick ratio), and by its ratio proper, which is
    costly. Here the first two tests are made of every name at once, on bit sets (`_Sieve`):
    the names of each length the first test allows that have each number of characters in
    common the second allows, best quick ratio first. Their ratios are computed in that
    order, by `matches`, stopping once no quick ratio left can beat the best ratios found; a
    name whose longest common subsequence with the query (`common_subsequence`, which bounds
    its ratio) fails is skipped.
    """
    import heapq  # noqa: PLC0415 -- as difflib does

    sieve = _sieve()
    size = len(key)
    counts = _counts(key)
    planes = sieve.common(counts)
    positions, masks = where(key)
    best: list[tuple[float, str]] = []  # a heap of the _MOST best (ratio, name) so far
    for quick, total, common, among in sieve.groups(size):
        if len(best) == _MOST and quick < best[0][0]:  # a ratio is at most its quick ratio
            break
        for name in sieve.named(_exactly(planes, common, among)):
            if 2.0 * common_subsequence(name, masks, size) / total < _CUTOFF:
                continue  # a bound on its ratio, as quick as its quick ratio, fails
            score = 2.0 * matches(name, positions, size) / total
            if score >= _CUTOFF:
                (heapq.heappush if len(best) < _MOST else heapq.heappushpop)(best, (score, name))
    return [name for _, name in sorted(best, reverse=True)]


def where(b: str) -> tuple[dict[str, list[int]], dict[str, int]]:
    """Where each character of b occurs.

    Its positions in order, for `matches`, and as bits, for `common_subsequence`.
    """
    positions: dict[str, list[int]] = {}
    masks: dict[str, int] = {}
    for position, character in enumerate(b):
        positions.setdefault(character, []).append(position)
        masks[character] = masks.get(character, 0) | 1 << position
    return positions, masks


def common_subsequence(a: str, masks: dict[str, int], size: int) -> int:
    """The length of the longest common subsequence of a and b, at most b's length, `size`.

    `masks` gives, for each character of b, the bits of its positions in b. Computed a
    character of a at a time on all of b at once (Allison and Dix's bit-vector method, as
    Hyyrö writes it): the zeros of `row` are the positions where the subsequence grows. The
    blocks difflib matches are a common subsequence, so this bounds `matches`.
    """
    everything = (1 << size) - 1
    row = everything
    for character in a:
        match = row & masks.get(character, 0)
        row = ((row + match) | (row - match)) & everything
    return size - row.bit_count()


def matches(a: str, positions: dict[str, list[int]], size: int) -> int:
    """How many characters difflib's `SequenceMatcher(None, a, b)` matches.

    `positions` gives, for each character of b, where it occurs in b, in order; `size` is b's
    length. As difflib does without junk: the longest common block of a window (the first in
    a, then the first in b, of those as long), then the same in the windows on either side of
    it. The ratio is ``2.0 * matches(...) / (len(a) + size)``. b must be shorter than 200
    characters, beyond which difflib sets aside b's most frequent characters.
    """
    total = 0
    windows = [(0, len(a), 0, size)]  # a[low:high] against b[start:end]
    while windows:
        low, high, start, end = windows.pop()
        best_i, best_j, best = low, start, 0
        ending: dict[int, int] = {}  # j -> length of the common block ending at a[i - 1], b[j]
        for i in range(low, high):
            here: dict[int, int] = {}
            for j in positions.get(a[i], ()):
                if j < start:
                    continue
                if j >= end:
                    break
                k = here[j] = ending.get(j - 1, 0) + 1
                if k > best:
                    best_i, best_j, best = i - k + 1, j - k + 1, k
            ending = here
        if best:
            total += best
            if low < best_i and start < best_j:
                windows.append((low, best_i, start, best_j))
            if best_i + best < high and best_j + best < end:
                windows.append((best_i + best, high, best_j + best, end))
    return total


def all_countries() -> tuple[Country, ...]:
    """Every ISO 3166-1 country, by alpha-2 code."""
    return _index().countries


def names_of(found: Country) -> tuple[str, ...]:
    """Every name `country` accepts for `found`: ISO names, common names and aliases."""
    return _index().spellings[found]


publish(__name__)
