from __future__ import annotations

import unicodedata

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition._iso import all_countries, names_of

ALL = [(c.alpha_2, c.alpha_3, c.numeric, c.name) for c in pycountry.countries]


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


@pytest.mark.parametrize("query", ["", "   ", "Atlantis", "XX", "XXX", 1000, -4, "9999", "Korea"])
def test_unknown_country(query: str | int) -> None:
    with pytest.raises(tr.UnknownCountryError, match="no country matches") as caught:
        tr.country(query)
    assert caught.value.query == query
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
    with pytest.raises(tr.UnknownCountryError) as korea:
        tr.country("Korea")
    assert {"North Korea", "South Korea"} <= set(korea.value.suggestions)


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
