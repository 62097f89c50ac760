from __future__ import annotations

import difflib
import pickle
import re
import sys
import unicodedata
from pathlib import Path

import attrs
import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition import _iso
from taliban_recognition._invariants import _index_names
from taliban_recognition._iso import all_countries, names_of, normalize
from taliban_recognition.strategies import countries

if sys.version_info >= (3, 11):
    import tomllib
else:  # the test extra installs tomli on Python 3.10
    import tomli as tomllib

ALL = [(c.alpha_2, c.alpha_3, c.numeric, c.name) for c in pycountry.countries]
ALIASES = [(alpha_2, alias) for alpha_2, aliases in _iso.ALIASES.items() for alias in aliases]
NEWEST = tr.load()
RECORDS = list(
    dict.fromkeys(
        [p.country for p in NEWEST.statuses]
        + [a.country for a in NEWEST.actors if a.country is not None]
    )
)


@pytest.mark.parametrize(
    ("query", "alpha_2"),
    [
        ("Russia", "RU"),
        ("russian federation", "RU"),
        ("RU", "RU"),
        ("rus", "RU"),
        (643, "RU"),
        ("643", "RU"),
        ("UAE", "AE"),
        ("United Arab Emirates", "AE"),
        ("US", "US"),
        ("USA", "US"),
        ("United States", "US"),
        ("United States of America", "US"),
        ("Iran", "IR"),
        ("Laos", "LA"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("turkiye", "TR"),
        ("Ivory Coast", "CI"),
        ("cote d’ivoire", "CI"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("Afghanistan", "AF"),
        (4, "AF"),
        ("004", "AF"),
        ("4", "AF"),
        ("China", "CN"),
        ("Pakistan", "PK"),
        ("Uzbekistan", "UZ"),
        ("South Korea", "KR"),
        ("Syria", "SY"),
        ("  pakistan\t", "PK"),
        ("Vietnam", "VN"),
        ("Burma", "MM"),
        ("Czech Republic", "CZ"),
        ("DPRK", "KP"),
        ("PRC", "CN"),
        ("ROK", "KR"),
        ("KSA", "SA"),
        ("Holland", "NL"),
        ("Republic of Korea", "KR"),
        ("Korea, Rep.", "KR"),
        ("korea south", "KR"),
        ("St. Lucia", "LC"),
        ("Bosnia & Herzegovina", "BA"),
        ("Congo, Dem. Rep.", "CD"),
        ("Democratic Republic of Congo", "CD"),
        ("Iran (Islamic Republic of)", "IR"),
        ("São Tomé & Príncipe", "ST"),
        ("Sao Tome & Principe", "ST"),
        ("Guinea Bissau", "GW"),
    ],
)
def test_names_people_type(query: str | int, alpha_2: str) -> None:
    assert tr.country(query).alpha_2 == alpha_2


def test_country_fields() -> None:
    ru = tr.country("Russia")
    assert (ru.alpha_2, ru.alpha_3, ru.numeric) == ("RU", "RUS", "643")
    assert ru.name == "Russian Federation"
    assert str(ru) == "Russian Federation (RU)"


@given(
    st.sampled_from(ALL),
    st.sampled_from([str.lower, str.upper, str.title, str]),
    st.sampled_from(["", " ", "\t", "  "]),
)
def test_every_way_of_naming_a_country_agrees(
    record: tuple[str, str, str, str], case: object, pad: str
) -> None:
    alpha_2, alpha_3, numeric, name = record
    expected = tr.country(alpha_2)
    assert (expected.alpha_2, expected.alpha_3, expected.numeric, expected.name) == record
    spellings: list[str | int] = [alpha_2, alpha_3, numeric, str(int(numeric)), int(numeric), name]
    for spelling in spellings:
        query = pad + case(spelling) + pad if isinstance(spelling, str) else spelling  # type: ignore[operator]
        assert tr.country(query) == expected


@pytest.mark.parametrize(
    "query", ["", "   ", "Atlantis", "XX", "XXX", 1000, -4, "9999", "Korea", "America"]
)
def test_unknown_country(query: str | int) -> None:
    with pytest.raises(tr.UnknownCountryError, match="no country matches") as caught:
        tr.country(query)
    assert caught.value.query == query
    assert caught.value.reason is None
    assert isinstance(caught.value, LookupError)


@pytest.mark.parametrize("query", [None, True, 4.0, b"RU", ["RU"]])
def test_wrong_types_are_unknown_countries(query: object) -> None:
    with pytest.raises(tr.UnknownCountryError):
        tr.country(query)  # type: ignore[arg-type]


@pytest.mark.parametrize("query", ["of", "xx", "zz"])
def test_short_queries_get_no_misleading_suggestions(query: str) -> None:
    with pytest.raises(tr.UnknownCountryError) as caught:
        tr.country(query)
    assert caught.value.suggestions == ()


def test_suggestions_for_near_misses() -> None:
    with pytest.raises(tr.UnknownCountryError, match="did you mean 'Russia'") as caught:
        tr.country("Rusia")
    assert caught.value.suggestions[0] == "Russia"


@given(st.one_of(st.text(), st.integers()))
def test_arbitrary_queries_answer_or_raise_our_error(query: str | int) -> None:
    try:
        found = tr.country(query)
    except tr.UnknownCountryError:
        return
    assert isinstance(found, tr.Country)
    assert tr.country(found.alpha_2) == found


def without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def test_every_name_of_every_country_resolves_with_and_without_accents() -> None:
    for found in all_countries():
        for name in names_of(found):
            assert tr.country(name) == found
            assert tr.country(without_accents(name)) == found
            assert tr.country(name.upper()) == found


# Aliases ---------------------------------------------------------------------------------------


def iso_keys() -> dict[str, set[str]]:
    """Every code and pycountry name of every ISO 3166-1 country, normalized, by alpha-2."""
    keys: dict[str, set[str]] = {}
    for record in pycountry.countries:
        spellings: list[str | None] = [record.alpha_2, record.alpha_3, record.numeric]
        spellings.append(record.name)
        spellings += [getattr(record, f, None) for f in ("official_name", "common_name")]
        keys[record.alpha_2] = {normalize(s) for s in spellings if s}
    return keys


def test_no_alias_names_two_states_or_shadows_another_states_code_or_name() -> None:
    keys = iso_keys()
    owner: dict[str, str] = {}
    for alpha_2, alias in ALIASES:
        assert alpha_2 in keys, alpha_2
        spelling = normalize(alias)
        assert owner.setdefault(spelling, alpha_2) == alpha_2, (alias, owner[spelling], alpha_2)
        others = [code for code, known in keys.items() if code != alpha_2 and spelling in known]
        assert others == [], (alias, alpha_2, others)


def test_every_alias_names_the_list_it_was_checked_against() -> None:
    for alpha_2, aliases in _iso.ALIASES.items():
        for alias, upstream in aliases.items():
            assert upstream in _iso.UPSTREAMS, (alpha_2, alias, upstream)
    assert all("commit" in upstream or "same" in upstream for upstream in _iso.UPSTREAMS.values())


@given(
    st.sampled_from(ALIASES),
    st.sampled_from([str.lower, str.upper, str.title, str.casefold, str, without_accents]),
    st.sampled_from(["", " ", "\t"]),
)
def test_every_alias_round_trips(alias: tuple[str, str], case: object, pad: str) -> None:
    alpha_2, spelling = alias
    found = tr.country(pad + case(spelling) + pad)  # type: ignore[operator]
    assert found.alpha_2 == alpha_2
    assert spelling in names_of(found)
    assert tr.country(found.name) == found


def test_republic_of_korea_is_south_korea_whatever_pycountry_calls_it() -> None:
    # pycountry 24.6 and 26.2 have no official name for KR; the alias does not depend on one.
    assert tr.country("Republic of Korea").alpha_3 == "KOR"
    assert tr.country("Democratic People's Republic of Korea").alpha_3 == "PRK"


@pytest.mark.parametrize(
    ("query", "states"),
    [
        ("Korea", {"North Korea", "South Korea"}),
        ("korea", {"North Korea", "South Korea"}),
        ("Virgin Islands", {"Virgin Islands, British", "Virgin Islands, U.S."}),
    ],
)
def test_a_word_that_names_two_states_picks_neither_and_suggests_both(
    query: str, states: set[str]
) -> None:
    with pytest.raises(tr.UnknownCountryError, match="no country matches") as caught:
        tr.country(query)
    assert set(caught.value.suggestions) == states
    assert caught.value.reason is None


def test_congo_and_guinea_are_the_states_iso_3166_gives_those_names() -> None:
    # They are not abbreviations: ISO 3166-1's English short names of CG and GN, and the names
    # the dataset's records give them. The other Congo and Guineas have names of their own.
    assert tr.country("Congo").alpha_2 == "CG"
    assert tr.country("Guinea").alpha_2 == "GN"
    assert NEWEST.country("CG").name == "Congo"
    assert {tr.country(n).alpha_2 for n in ("DR Congo", "DRC", "Congo-Kinshasa")} == {"CD"}
    assert [tr.country(n).alpha_2 for n in ("Guinea-Bissau", "Equatorial Guinea")] == [
        "GW",
        "GQ",
    ]


# Places the dataset does not cover -------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("Kosovo", ["Kosovo is not covered", "no ISO 3166-1 code", "347"]),
        ("Republic of Kosovo", ["Kosovo is not covered"]),
        ("XK", ["Kosovo is not covered", "user-assigned"]),
        ("Abkhazia", ["Abkhazia is not covered", "GW numbers it 396"]),
        ("South Ossetia", ["South Ossetia is not covered", "GW numbers it 397"]),
        ("Northern Cyprus", ["not covered", "part of Cyprus, CY", "neither COW nor GW"]),
        ("TRNC", ["Northern Cyprus is not covered"]),
        ("Somaliland", ["Somaliland is not covered", "part of Somalia, SO"]),
        ("Sahrawi Arab Democratic Republic", ["not covered", "Western Sahara, EH"]),
        ("Transnistria", ["Transnistria is not covered", "Moldova, MD"]),
    ],
)
def test_a_place_outside_the_dataset_is_said_to_be_not_covered_and_why(
    query: str, said: list[str]
) -> None:
    with pytest.raises(tr.UnknownCountryError) as caught:
        tr.country(query)
    error = caught.value
    assert error.query == query
    assert error.reason is not None
    assert str(error) == error.reason
    assert "193 UN member states and the 2 UN observer states" in error.reason
    for words in said:
        assert words in error.reason
    assert pickle.loads(pickle.dumps(error)).reason == error.reason  # noqa: S301 -- our own
    with pytest.raises(tr.UnknownCountryError, match="is not covered"):
        NEWEST.status_of(query)


def test_places_with_an_iso_code_are_found_and_have_no_status() -> None:
    for name, alpha_2 in [("Western Sahara", "EH"), ("Taiwan", "TW")]:
        assert tr.country(name).alpha_2 == alpha_2
        with pytest.raises(tr.NoStatusError):
            NEWEST.status_of(name)


def test_no_name_of_a_place_outside_the_dataset_is_a_name_of_a_country() -> None:
    keys = set().union(*iso_keys().values()) | {normalize(alias) for _, alias in ALIASES}
    outside = {normalize(n) for _, names, _, _ in _iso.OUTSIDE for n in names}
    assert outside
    assert outside.isdisjoint(keys)


def test_the_numbers_outside_the_dataset_are_those_the_reference_table_lists() -> None:
    tables = Path(__file__).parent.parent / "annotations" / "tables.toml"
    listed = tomllib.loads(tables.read_text(encoding="utf-8"))["cow-gw"]["outside"]
    ours = [number for _, _, numbers, _ in _iso.OUTSIDE for number in numbers]
    assert sorted(ours) == sorted(listed)


# Lookups by COW and GW number ------------------------------------------------------------------


def codes(found: tr.Country) -> tuple[object, ...]:
    return found.alpha_2, found.alpha_3, found.numeric, found.cow_code, found.gw_code


@given(st.sampled_from([c for c in RECORDS if c.cow_code is not None]))
def test_every_state_is_found_by_its_cow_number(state: tr.Country) -> None:
    assert codes(tr.country(cow=state.cow_code)) == codes(state)


@given(st.sampled_from([c for c in RECORDS if c.gw_code is not None]))
def test_every_state_is_found_by_its_gw_number(state: tr.Country) -> None:
    assert codes(tr.country(gw=state.gw_code)) == codes(state)


@pytest.mark.parametrize("version", [v for v in tr.versions() if v != "1.0.0"])
def test_a_pinned_version_answers_from_its_own_records(version: str) -> None:
    ds = tr.load(version)
    for period in ds.statuses:
        state = period.country
        if state.cow_code is not None:
            assert ds.country(cow=state.cow_code) == state
        if state.gw_code is not None:
            assert ds.country(gw=state.gw_code) == state
        assert ds.country(state.alpha_2) == state
        assert ds.country(state.name) == state


def test_the_two_lists_number_some_states_differently() -> None:
    germany, serbia = tr.country(cow=255), tr.country(gw=340)
    assert (germany.alpha_2, germany.gw_code) == ("DE", 260)
    assert tr.country(gw=260) == germany
    assert (serbia.alpha_2, serbia.cow_code) == ("RS", 345)
    assert tr.country(cow=345) == serbia
    assert tr.country(cow=970).alpha_2 == "NR"  # Nauru in COW, Kiribati in GW
    assert tr.country(gw=970).alpha_2 == "KI"
    with pytest.raises(tr.UnknownCountryError, match="Germany \\(DE\\) is COW 255 and GW 260"):
        tr.country(gw=255)


def test_microstates_have_gleditsch_ward_numbers_from_their_own_list() -> None:
    andorra = tr.country(gw=232)
    assert (andorra.alpha_2, andorra.gw_microstate) == ("AD", True)
    assert tr.country(gw=365).gw_microstate is False
    with pytest.raises(
        tr.UnknownCountryError, match=r"no state of dataset 1\.1\.0 has GW number 232"
    ):
        tr.load("1.1.0").country(gw=232)  # 1.1.0 had no numbers from the microstates list


def test_a_plain_int_is_always_an_iso_number() -> None:
    assert tr.country(cow=2).alpha_2 == "US"
    for number in (2, 365):  # ISO 3166-1 gives neither number to a country
        with pytest.raises(tr.UnknownCountryError, match=f"no country matches {number};"):
            tr.country(number)
    assert tr.country(cow=365) == tr.country(gw=365)
    assert tr.country(cow=365).alpha_2 == tr.country(643).alpha_2 == "RU"


@pytest.mark.parametrize(
    ("numbers", "said"),
    [
        ({"cow": 347}, "Kosovo is not covered"),
        ({"gw": 347}, "Kosovo is not covered"),
        ({"gw": 396}, "Abkhazia is not covered"),
        ({"gw": 397}, "South Ossetia is not covered"),
        ({"cow": 713}, "Taiwan is not covered"),
        ({"gw": 713}, "Taiwan is not covered"),
        ({"cow": 999}, f"no state of dataset {NEWEST.version} has COW number 999"),
        ({"gw": 0}, f"no state of dataset {NEWEST.version} has GW number outside 1 to 999"),
        ({"cow": -(10**5000)}, "has COW number outside 1 to 999"),
        ({"cow": 340}, "Serbia (RS) is GW 340 and COW 345"),
    ],
)
def test_a_number_no_state_has_is_said_to_be_so(numbers: dict[str, int], said: str) -> None:
    with pytest.raises(tr.UnknownCountryError, match=re.escape(said)) as caught:
        tr.country(**numbers)
    assert caught.value.reason == str(caught.value)
    assert caught.value.query == next(iter(numbers.values()))


def test_dataset_1_0_0_says_it_records_no_numbers() -> None:
    ds = tr.load("1.0.0")
    for numbers in ({"cow": 365}, {"gw": 365}, {"cow": 347}):
        with pytest.raises(tr.UnknownCountryError, match=r"1\.0\.0 records no COW or GW numbers"):
            ds.country(**numbers)
    assert ds.country("Russia").cow_code is None
    assert tr.load("1.2.0").country("Russia").cow_code == 365


@pytest.mark.parametrize(
    "arguments",
    [
        {"query": "RU", "cow": 365},
        {"query": 643, "gw": 365},
        {"cow": 365, "gw": 365},
        {"cow": True},
        {"gw": False},
        {"cow": "365"},
        {"gw": 365.0},
        {"cow": [365]},
    ],
)
def test_bad_arguments_to_a_number_lookup_are_invalid(arguments: dict[str, object]) -> None:
    for lookup in (tr.country, NEWEST.country, tr.load("1.0.0").country):
        with pytest.raises(tr.InvalidArgumentError, match="must be") as caught:
            lookup(**arguments)  # type: ignore[arg-type]
        assert isinstance(caught.value, TypeError)


def test_a_state_found_by_number_works_in_every_versions_queries() -> None:
    for version in tr.versions():
        ds = tr.load(version)
        for state in RECORDS:
            if state.cow_code is None or state.alpha_2 == "AF":
                continue
            found = tr.country(cow=state.cow_code)
            assert ds.status_of(found) is ds.status_of(state.alpha_2)
            assert ds.find_events(country=found) == ds.find_events(country=state.alpha_2)


def test_a_dataset_gives_its_own_record_or_else_the_iso_one() -> None:
    ds = tr.load("1.2.0")
    assert ds.country("Russia") is ds.country(tr.country("RU"))
    assert ds.country("Russia").cow_code == 365
    assert ds.country("Taiwan") == tr.country("Taiwan")  # not among the records
    with pytest.raises(tr.UnknownCountryError, match="Kosovo is not covered"):
        ds.country("Kosovo")
    with pytest.raises(tr.UnknownCountryError, match="no country matches None"):
        ds.country()


@pytest.mark.parametrize("version", tr.versions())
def test_a_name_the_records_give_is_answered_as_iso_3166_answers_it(version: str) -> None:
    # The dataset's own index of names spares pycountry; its answers must be the ISO index's.
    ds = tr.load(version)
    names = ds._indices.names  # noqa: SLF001
    recorded = {c.alpha_2: c for c in ds._indices.codes.values()}  # noqa: SLF001
    assert {normalize(c.name) for c in recorded.values()} <= names.keys()
    assert {normalize("Russia"), normalize("Korea, Rep.")} <= names.keys()  # aliases too
    for name, found in names.items():
        assert found is recorded[found.alpha_2]  # the record, as a code query gives it
        assert tr.country(name).alpha_2 == found.alpha_2, name
        assert ds.country(name) is found


@given(st.lists(countries(), min_size=2, max_size=6, unique_by=lambda c: c.alpha_2))
def test_a_name_two_records_share_is_left_to_iso_3166(records: list[tr.Country]) -> None:
    # A dataset whose records give two states one name: that name is neither's, and the
    # query goes to ISO 3166-1; every other name and alias still finds its record.
    first, second, *rest = records
    clashing = attrs.evolve(second, name=first.name)
    named = [first, clashing, *rest]
    names = _index_names(named, {})
    assert normalize(first.name) not in names
    for found in named:
        for alias in map(normalize, _iso.ALIASES.get(found.alpha_2, ())):
            assert names.get(alias) is (None if alias == normalize(first.name) else found)
    for found in rest:
        assert names[normalize(found.name)] is found
    codes = {"ru": first}  # a name that is a code of a record is left to the codes
    assert "ru" not in _index_names([attrs.evolve(second, name="RU")], codes)


# Suggestions -------------------------------------------------------------------------------------


NAMES = sorted({normalize(name) for found in all_countries() for name in names_of(found)})


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.'-", min_size=3, max_size=40))
def test_close_names_are_those_difflib_finds(key: str) -> None:
    assert _iso.close_names(key) == difflib.get_close_matches(key, NAMES, 3, 0.8)


_TEXTS = st.one_of(st.text(max_size=30), st.text(alphabet="aabnr ", max_size=12))
"""Any text, and text of few characters with many repeats, where the longest block has rivals
and which one is taken decides what is left to match on either side."""


@given(_TEXTS, _TEXTS)
def test_matches_are_the_characters_difflib_matches(a: str, b: str) -> None:
    found = _iso.matches(a, _iso.where(b)[0], len(b))
    expected = difflib.SequenceMatcher(None, a, b).get_matching_blocks()
    assert found == sum(block.size for block in expected)
    ratio = 2.0 * found / (len(a) + len(b)) if a or b else 1.0
    assert ratio == difflib.SequenceMatcher(None, a, b).ratio()


def longest_common_subsequence(a: str, b: str) -> int:
    """The textbook dynamic programme, row by row."""
    row = [0] * (len(b) + 1)
    for x in a:
        previous = row[:]
        for j, y in enumerate(b, 1):
            row[j] = previous[j - 1] + 1 if x == y else max(previous[j], row[j - 1])
    return row[-1]


@given(st.text(alphabet="abcab é", max_size=25), st.text(alphabet="abcab é", max_size=25))
def test_the_common_subsequence_is_the_longest_and_bounds_the_matches(a: str, b: str) -> None:
    positions, masks = _iso.where(b)
    found = _iso.common_subsequence(a, masks, len(b))
    assert found == longest_common_subsequence(a, b)
    assert _iso.matches(a, positions, len(b)) <= found


@given(st.lists(st.text(alphabet="abcde", max_size=8), min_size=1, max_size=40), st.text("abcdef"))
def test_the_sieve_counts_the_characters_each_name_shares_with_a_query(
    names: list[str], query: str
) -> None:
    sieve = _iso._Sieve(dict.fromkeys(names))  # noqa: SLF001
    counts = _iso._counts(query)  # noqa: SLF001
    planes = sieve.common(counts)
    shared = {name: sum(min(name.count(c), n) for c, n in counts.items()) for name in sieve.pool}
    for position, name in enumerate(sieve.pool):
        held = sum((plane >> position & 1) << i for i, plane in enumerate(planes))
        assert held == shared[name]
    everyone = (1 << len(sieve.pool)) - 1
    for count in range(len(query) + 2):
        chosen = set(sieve.named(_iso._exactly(planes, count, everyone)))  # noqa: SLF001
        assert chosen == {name for name, n in shared.items() if n == count}


def test_a_word_character_is_what_re_takes_for_one() -> None:
    # Every code point: re's \w (and so its \b) counts letters, digits and marks of all scripts.
    word = re.compile(r"\w")
    for point in range(sys.maxunicode + 1):
        character = chr(point)
        found = _iso._is_word(character)  # noqa: SLF001
        assert found is (word.match(character) is not None), hex(point)


def test_a_word_is_found_where_its_occurrences_overlap() -> None:
    # The first "a-a" in "ba-a-a" begins inside "ba"; the second is a word.
    assert re.search(r"\ba\-a\b", "ba-a-a")
    assert _iso.has_word("ba-a-a", "a-a")


_WORDY = "ab_'- .1\u00e9\u00b2\u2160\u0301\n"
"""Characters of words and between them, as `re` counts them: the superscript two, the Roman
numeral one and the combining accent are of words; the apostrophe, hyphen, space and line
break are not."""


@given(st.text(st.sampled_from(_WORDY), max_size=12), st.text(st.sampled_from(_WORDY), max_size=4))
def test_a_word_is_found_where_re_finds_it_between_word_boundaries(text: str, word: str) -> None:
    expected = bool(word) and re.search(rf"\b{re.escape(word)}\b", text) is not None
    assert _iso.has_word(text, word) is expected


@given(st.lists(st.text(st.sampled_from(_WORDY[:-1]), max_size=8), min_size=1), st.data())
def test_the_names_with_a_word_are_those_re_finds(names: list[str], data: st.DataObject) -> None:
    sieve = _iso._Sieve(dict.fromkeys(names))  # noqa: SLF001
    word = data.draw(st.one_of(st.sampled_from(names), st.text(st.sampled_from(_WORDY))))
    pattern = re.compile(rf"\b{re.escape(word)}\b")
    expected = sorted(name for name in sieve.pool if word and pattern.search(name))
    assert list(sieve.with_word(word)) == expected


def suggested(key: str) -> tuple[str, ...]:
    """The suggestions for a normalized query, worked out the plain way: difflib and `re`."""
    index = _iso._index()  # noqa: SLF001
    if not 3 <= len(key) <= 100:
        return ()
    shown: dict[tr.Country, str] = {}
    for name in difflib.get_close_matches(key, NAMES, 3, 0.8):
        shown.setdefault(index.by_key[name], index.names[name])
    word = re.compile(rf"\b{re.escape(key)}\b")
    for name in sorted(name for name in index.names if word.search(name)):
        found = index.by_key[name]
        if found not in shown:
            shown[found] = next(s for s in index.spellings[found] if word.search(normalize(s)))
    return tuple(shown.values())[:5]


@given(
    st.one_of(
        st.sampled_from(NAMES).flatmap(
            lambda name: st.tuples(st.integers(0, len(name)), st.integers(1, 12)).map(
                lambda cut: name[cut[0] : cut[0] + cut[1]]  # a part of a name: often a word
            )
        ),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.'-", min_size=1, max_size=30),
    ).map(normalize)
)
def test_suggestions_are_those_difflib_and_re_give(key: str) -> None:
    assert _iso._suggestions(_iso._index(), key) == suggested(key)  # noqa: SLF001


def _miss(query: str) -> tr.UnknownCountryError:
    with pytest.raises(tr.UnknownCountryError) as caught:
        tr.country(query)
    return caught.value


def _unknown(text: str) -> bool:
    """Whether `text` names no country and no place outside the dataset's."""
    index = _iso._index()  # noqa: SLF001
    return normalize(text) not in index.by_key and normalize(text) not in index.outside


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.'-ÉÅ", min_size=1, max_size=110).filter(_unknown)
)
def test_a_miss_asked_again_raises_anew_with_the_same_suggestions(query: str) -> None:
    first, again = _miss(query), _miss(f"  {query.upper()} ")  # the same key, spelled otherwise
    assert again is not first
    assert again.query == f"  {query.upper()} "
    assert first.suggestions == again.suggestions == suggested(normalize(query))
    remembered = _iso._index().suggested  # noqa: SLF001
    key = normalize(query)
    assert remembered.get(key, first.suggestions) == first.suggestions
    if len(key) > 100:
        assert key not in remembered
    else:
        assert key in remembered or len(remembered) >= _iso.SUGGESTIONS_KEPT


def test_the_suggestions_remembered_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    remembered: dict[str, tuple[str, ...]] = {}
    monkeypatch.setattr(_iso._index(), "suggested", remembered)  # noqa: SLF001
    monkeypatch.setattr(_iso, "SUGGESTIONS_KEPT", 1)
    searched: list[str] = []
    search = _iso._suggestions  # noqa: SLF001

    def counted(index: object, key: str) -> tuple[str, ...]:
        searched.append(key)
        return search(index, key)  # type: ignore[arg-type]

    monkeypatch.setattr(_iso, "_suggestions", counted)
    assert _miss("Rusia").suggestions == ("Russia",)
    assert _miss(" RUSIA").suggestions == ("Russia",)  # remembered: not searched for again
    assert searched == ["rusia"]
    assert _miss("Austrlia").suggestions == ("Australia", "Austria")
    assert remembered == {"rusia": ("Russia",)}  # the first is kept; then it is full
    assert _miss("Austrlia").suggestions == ("Australia", "Austria")  # searched for again
    assert searched == ["rusia", "austrlia", "austrlia"]
    assert remembered == {"rusia": ("Russia",)}
    remembered.clear()
    assert _miss("x" * 101).suggestions == ()
    assert remembered == {}  # longer than any name: never kept


@given(st.sampled_from(NAMES), st.integers(0, 3), st.data())
def test_close_names_of_a_near_miss_are_those_difflib_finds(
    name: str, edits: int, data: st.DataObject
) -> None:
    key = list(name)
    for _ in range(edits):
        position = data.draw(st.integers(0, max(len(key) - 1, 0)))
        letter = data.draw(st.sampled_from("aeiourstn "))
        key[position : position + data.draw(st.integers(0, 1))] = letter
    query = "".join(key)
    if 3 <= len(query) <= 100:
        assert _iso.close_names(query) == difflib.get_close_matches(query, NAMES, 3, 0.8)
