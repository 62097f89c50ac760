"""Dataset 2.0.0: the article's facts as two dimensions, and nothing claimed beyond them."""

from __future__ import annotations

import ast
import datetime as dt
import importlib.resources
import json
import sys
from pathlib import Path

import attrs
import pytest

import taliban_recognition as tr

DS = tr.load("2.0.0")
KABUL = tr.Direction.STATE_IN_AFGHANISTAN
ABROAD = tr.Direction.AFGHANISTAN_IN_STATE
NAMED = {"RU", "CN", "PK", "UZ", "AE"}
POSTED = {"CN": "2023-09-13", "PK": "2025-05-30", "UZ": "2024-10-27", "AE": None}
"""The corroborated day of each posting to Kabul; the UAE's has none from 2.0.0 (the day 1.2.0
gave is of the other direction: the Taliban's envoy accepted in Abu Dhabi)."""
DAY = dt.timedelta(days=1)
UNNAMED = sorted({p.country.alpha_2 for p in DS.recognitions} - NAMED)
EITHER = (tr.RecognitionStatus.NO_RECOGNITION, tr.RecognitionStatus.DE_FACTO_ENGAGEMENT)


def every_day() -> list[dt.date]:
    days, day = [], DS.coverage_start
    while day <= DS.as_of:
        days.append(day)
        day += DAY
    return days


def test_the_dimensions_cover_every_state_the_statuses_covered() -> None:
    old = {p.country.alpha_2 for p in tr.load("1.2.0").statuses}
    assert {p.country.alpha_2 for p in DS.recognitions} == old
    for direction in tr.Direction:
        assert {p.country.alpha_2 for p in DS.representations if p.direction is direction} == old
    assert len(old) == 194
    assert DS.statuses == ()


def test_a_state_the_article_does_not_name_is_not_formally_recognizing_engagement_unknown() -> None:
    assert len(UNNAMED) == 189  # the United States is named, but not for its ties
    days = every_day()
    for code in UNNAMED:
        (period,) = DS.recognition_periods(code)
        assert period.recognizes is False
        assert period.end is None
        assert period.start.earliest == DS.coverage_start
        for direction in tr.Direction:
            (mission,) = DS.representation_periods(code, direction=direction)
            assert mission.level is tr.RepresentationLevel.UNKNOWN
    for code in ("IR", "US", "IN", "TR", "NA"):  # every covered day, both readings
        for dates in ("stated", "corroborated"):
            for day in days:
                assert DS.recognizes(code, day, dates=dates) is False
                assert DS.possible_statuses(code, day, dates=dates) == EITHER
                assert DS.status_of(code, day, dates=dates) is tr.RecognitionStatus.UNKNOWN
    for code in UNNAMED:
        for day in (DS.coverage_start, dt.date(2023, 1, 1), DS.as_of):
            assert DS.status_of(code, day) is not tr.RecognitionStatus.NO_RECOGNITION
            assert DS.representation_of(code, day, direction=KABUL).cow_code is None


@pytest.mark.parametrize("code", sorted(POSTED))
def test_the_four_named_states_have_an_ambassador_in_kabul_from_their_windows(code: str) -> None:
    (event,) = (
        p
        for p in DS.representation_periods(code, direction=KABUL)
        if p.events[0] != "taliban-takes-afghanistan"
    )
    assert event.level is tr.RepresentationLevel.AMBASSADOR
    assert event.basis is tr.Basis.STATED
    assert "have posted ambassadors to Kabul" in event.evidence[0].quote
    assert str(event.start) == "[2021-08..2025-07-03]"
    # As the article dates it: only its reference date is certain.
    assert DS.representation_of(code, direction=KABUL) is tr.RepresentationLevel.AMBASSADOR
    assert DS.representation_of(code, DS.as_of - DAY, direction=KABUL).name == "UNKNOWN"
    assert DS.status_of(code) is tr.RecognitionStatus.DE_FACTO_ENGAGEMENT
    assert DS.possible_statuses(code, "2022-01-01") == EITHER
    corroborated = POSTED[code]
    if corroborated is None:  # undated on both readings: certain on the reference date only
        found = DS.representation_of(code, DS.as_of - DAY, direction=KABUL, dates="corroborated")
        assert found is tr.RepresentationLevel.UNKNOWN
        assert tr.load("1.2.0").event("united-arab-emirates-posts-ambassador").corroboration
        assert DS.event("united-arab-emirates-posts-ambassador").corroboration is None
        return
    # From the corroborated day of the posting on.
    posted = dt.date.fromisoformat(corroborated)
    for day, level in ((posted - DAY, "UNKNOWN"), (posted, "AMBASSADOR"), (DS.as_of, "AMBASSADOR")):
        found = DS.representation_of(code, day, direction=KABUL, dates="corroborated")
        assert found.name == level, day
    assert DS.status_of(code, posted, dates="corroborated").name == "DE_FACTO_ENGAGEMENT"
    assert DS.representation_of(code, direction=ABROAD) is tr.RepresentationLevel.UNKNOWN
    assert DS.recognizes(code) is False


def test_the_talibans_ambassador_in_moscow_from_russias_welcome() -> None:
    periods = DS.representation_periods("RU", direction=ABROAD)
    assert [p.level.value for p in periods] == ["unknown", "ambassador"]
    assert periods[1].events[0] == "russia-accepts-taliban-ambassador"
    assert str(periods[1].start) == "[2025-04..2025-07-03]"
    level = tr.RepresentationLevel
    assert DS.representation_of("RU", "2025-03-31", direction=ABROAD) is level.UNKNOWN
    assert DS.possible_levels("RU", "2025-05-01", direction=ABROAD) == tuple(tr._model.KNOWN_LEVELS)  # noqa: SLF001
    assert DS.representation_of("RU", direction=ABROAD) is level.AMBASSADOR
    assert DS.representation_of("Russia", "2025-07-02", direction=ABROAD, dates="corroborated") is (
        level.UNKNOWN
    )
    assert DS.representation_of("rus", "2025-07-03", direction=ABROAD, dates="corroborated") is (
        level.AMBASSADOR
    )
    assert DS.representation_of(643, direction=KABUL) is level.UNKNOWN  # not in the article


def test_russia_formally_recognizes_from_the_announcement() -> None:
    periods = DS.recognition_periods("Russia")
    assert [(p.id, p.recognizes, str(p.start)) for p in periods] == [
        ("ru-not-recognizing", False, "2021-08"),
        ("ru-recognizing", True, "2025-07-03"),
    ]
    assert periods[1].basis is tr.Basis.STATED
    for dates in ("stated", "corroborated"):
        assert DS.recognizes("RU", "2025-07-02", dates=dates) is False
        assert DS.recognizes("RU", "2025-07-03", dates=dates) is True
        assert DS.status_of("RU", dates=dates) is tr.RecognitionStatus.FORMAL_RECOGNITION
    assert [c.alpha_2 for c in DS.recognizers()] == ["RU"]
    assert DS.recognizers("2025-07-02") == ()
    assert [p.id for p in DS.possible_recognition_periods("RU")] == ["ru-recognizing"]
    # Before the welcome, Russia's ties are not recorded: 1.x answered no recognition.
    assert DS.status_of("RU", "2025-03-31") is tr.RecognitionStatus.UNKNOWN
    assert tr.load("1.2.0").status_of("RU", "2025-03-31") is tr.RecognitionStatus.NO_RECOGNITION


def test_the_level_scale_maps_to_cow_diplomatic_exchange() -> None:
    codes = {level.value: level.cow_code for level in tr.RepresentationLevel}
    assert codes == {
        "unknown": None,
        "none": 0,
        "charge_d_affaires": 1,
        "minister": 2,
        "ambassador": 3,
        "other": 9,
    }
    level = tr.RepresentationLevel
    assert level.NONE < level.CHARGE_D_AFFAIRES < level.MINISTER < level.AMBASSADOR
    for unordered in (level.UNKNOWN, level.OTHER):
        with pytest.raises(TypeError):
            _ = unordered < level.AMBASSADOR


def test_the_file_names_countries_actors_and_quotes_once() -> None:
    data = importlib.resources.files("taliban_recognition").joinpath("data", "2.0.0.json")
    text = data.read_text(encoding="utf-8")
    record = json.loads(text)
    assert "statuses" not in record
    phrase = "Although no state ever granted official recognition to the Taliban"
    quoting = sum(phrase in q["quote"] for q in record["quotes"].values())
    assert text.count(phrase) == 1 + quoting <= 3  # the source's text, and each quote once
    assert text.count('"Russian Federation"') == 1
    assert record["recognitions"][0]["country"] == "AD"
    assert all(isinstance(e, str) for p in record["representations"] for e in p["evidence"])
    assert set(record["quotes"]) == {
        tr._reader.quote_id(e)  # noqa: SLF001
        for records in (DS.events, DS.recognitions, DS.representations)
        for r in records
        for e in r.evidence
    }
    old = importlib.resources.files("taliban_recognition").joinpath("data", "1.1.0.json")
    assert old.read_text(encoding="utf-8").count("no state ever granted") > 190


def test_the_diff_across_the_break_says_what_the_schema_changed() -> None:
    change = tr.diff("1.2.0", "2.0.0")
    assert change.fields_added == ("Dataset.recognitions", "Dataset.representations")
    assert change.fields_removed == ("Dataset.statuses",)
    assert len(change.schema) == 2
    assert "derived" in change.schema[0]
    assert sum(c == "statuses" for c, _ in change.removed) == 200
    assert sum(c == "representations" for c, _ in change.added) == len(DS.representations)
    back = tr.diff("2.0.0", "1.2.0")
    assert back.fields_added == change.fields_removed
    assert back.schema == change.schema
    assert back.reversed() == change
    assert "Schema changed" in change.summary()
    assert tr.diff("1.1.0", "1.2.0").schema == ()


def test_the_schemas_queries_refuse_each_other() -> None:
    old = tr.load("1.2.0")
    with pytest.raises(tr.SchemaVersionError, match=r"recorded from dataset 2\.0\.0") as caught:
        old.recognizes("RU")
    assert (caught.value.version, caught.value.records) == ("1.2.0", "recognition periods")
    with pytest.raises(tr.SchemaVersionError):
        old.representation_of("RU", direction=KABUL)
    with pytest.raises(tr.SchemaVersionError, match="possible_recognition_periods"):
        DS.possible_periods("RU")
    with pytest.raises(tr.SchemaVersionError):
        DS.status_periods("RU")
    with pytest.raises(
        tr.UnknownDirectionError, match="state_in_afghanistan, afghanistan_in_state"
    ):
        DS.representation_of("RU", direction="inbound")
    with pytest.raises(tr.NoStatusError):
        DS.recognizes("AF")
    with pytest.raises(tr.OutOfCoverageError):
        DS.representation_of("RU", "2021-07-31", direction=KABUL)
    with pytest.raises(tr.UnknownDatesError):
        DS.recognizes("RU", dates="reported")  # type: ignore[arg-type]


PACKAGE = Path(tr.__file__).parent


def _runtime_imports(module: Path) -> set[str]:
    """The package modules `module` imports when it is imported (not for type checkers only)."""
    found = set()
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "taliban_recognition."
        ):
            found.add(node.module.rpartition(".")[2])  # type: ignore[union-attr]
    return found


def test_the_model_modules_import_no_cycle() -> None:
    graph = {path.stem: _runtime_imports(path) for path in PACKAGE.glob("_*.py")}
    graph = {name: deps & set(graph) for name, deps in graph.items()}
    order: list[str] = []
    while graph:  # Kahn's algorithm: peel off the modules that import nothing left
        ready = sorted(name for name, deps in graph.items() if not deps)
        assert ready, f"an import cycle among {sorted(graph)}"
        order += ready
        graph = {name: deps - set(ready) for name, deps in graph.items() if name not in ready}
    for earlier, later in (
        ("_args", "_dataset"),
        ("_chains", "_invariants"),
        ("_invariants", "_dataset"),
        ("_dataset", "_export"),
    ):
        assert order.index(earlier) < order.index(later)


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import agreement  # noqa: E402 -- a script, not a package module


def test_the_second_coding_agrees_on_every_unit_and_value() -> None:
    result = agreement.compare(DS)
    assert result["units"] == 3 * 194
    for field in ("singled out", "values", "basis 0"):
        assert result["rows"][field] == [582, 582], field
    windows = result["rows"]["window 1"]
    assert windows == [5, 6]  # the welcome in Moscow: a window against a day
    assert 0.98 < result["named_agreement"] < 1
    assert {d[0].split(": ")[1] for d in result["disagreements"]} == {"evidence 0", "window 1"}


def test_every_disagreement_is_settled_on_the_method_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = agreement.markdown(DS)
    assert "| RU afghanistan_in_state: the window of change 1 | [2025-04..2025-07-03] |" in text
    assert text.count("Kept.") == 3
    assert text.count("Adopted.") == 1  # the evidence of the Taliban's missions abroad
    empty = tmp_path / "settlements.toml"
    empty.write_text("settled = []\n", encoding="utf-8")
    monkeypatch.setattr(agreement, "SETTLEMENTS", empty)
    with pytest.raises(agreement.AgreementError, match="window 1"):
        agreement.markdown(DS)
    assert agreement.main(["--check"]) == 1


def test_a_2x_dataset_has_one_record_per_country() -> None:
    position, mission = next(
        (n, p)
        for n, p in enumerate(DS.representations)
        if p.country.alpha_2 == "RU" and p.direction is KABUL
    )
    other = attrs.evolve(mission, country=attrs.evolve(mission.country, cow_code=1))
    representations = (*DS.representations[:position], other, *DS.representations[position + 1 :])
    with pytest.raises(tr.DataFormatError, match="RU is recorded in two ways") as caught:
        attrs.evolve(DS, representations=representations)
    assert caught.value.path == f"$.representations[{position}].country"
