"""The benchmark script's own logic: its fits, its verdicts, its synthetic data.

The timings themselves are the benchmark's to judge (`python benchmarks/run.py`), not the
tests': these check that the script would notice a missed target.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition._load import Shelf

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))  # the script imports its neighbour as `synthetic`
import run as benchmark  # noqa: E402
import synthetic  # noqa: E402

SIZES = [10**3, 10**4, 10**5, 10**6]


@given(
    st.floats(-1, 2),
    st.floats(1e-9, 1e3),
    st.lists(st.integers(1, 10**7), min_size=2, max_size=6, unique=True),
)
def test_growth_recovers_the_exponent_of_a_power_law(
    exponent: float, scale: float, sizes: list[int]
) -> None:
    values = [scale * size**exponent for size in sizes]
    assert benchmark.growth(sizes, values) == pytest.approx(exponent, abs=1e-6)


@pytest.mark.parametrize(
    ("sizes", "values"),
    [([1000], [1.0]), ([1000, 1000], [1.0, 2.0]), ([0, 10], [1.0, 2.0]), ([1, 10], [0.0, 1.0])],
)
def test_growth_refuses_what_it_cannot_fit(sizes: list[int], values: list[float]) -> None:
    with pytest.raises(ValueError, match="growth needs"):
        benchmark.growth(sizes, values)


def test_shapes_order_the_exponents() -> None:
    words = [benchmark.shape(k) for k in (0.0, 0.1, 0.5, 1.0, 1.5)]
    assert words == [
        "flat",
        "logarithmic or less",
        "sublinear, more than logarithmic",
        "linear",
        "more than linear",
    ]


def measured(query: float, load: float) -> list[dict[str, float]]:
    """Made-up scale measurements: queries growing as n^query, loading as n^load."""
    return [
        {
            "load": 1e-5 * n**load,
            "peak": 2e3 * n + 1e7,
            "before": 1e7,
            "held": 5e2 * n + 1e7,
            "status_of": 1e-6 * n**query,
            "recognizers": 1e-4 * n**query,
            "find_events_probe": 1e-5 * n**query,
            "find_events_busy": 1e-7 * n,
            "busy_results": n / 250,
        }
        for n in SIZES
    ]


def verdicts(rows: list[benchmark.Row]) -> dict[str, str]:
    return {row.what: row.verdict for row in rows}


def test_flat_queries_and_linear_loading_meet_their_targets() -> None:
    found = verdicts(benchmark.fits_of(SIZES, measured(query=0.0, load=1.0)))
    assert set(found.values()) == {"met", ""}  # memory is reported, not held to a target
    log_like = measured(query=0.0, load=1.0)
    for n, m in zip(SIZES, log_like, strict=True):
        m["status_of"] = 1e-6 * (5 + n.bit_length())  # logarithmic: a bisection's steps
    assert "MISSED" not in verdicts(benchmark.fits_of(SIZES, log_like)).values()


def test_a_query_that_grows_linearly_is_a_missed_target() -> None:
    found = verdicts(benchmark.fits_of(SIZES, measured(query=1.0, load=1.0)))
    assert found["`status_of(code, on=day)`"] == "MISSED"
    assert found["`recognizers(on=day)`"] == "MISSED"
    assert found["loading: seconds"] == "met"


def test_loading_that_grows_faster_than_linearly_is_a_missed_target() -> None:
    found = verdicts(benchmark.fits_of(SIZES, measured(query=0.0, load=1.3)))
    assert found["loading: seconds"] == "MISSED"


def test_the_report_is_written_between_the_markers_only(tmp_path: Path) -> None:
    page = tmp_path / "performance.md"
    page.write_text(f"# Title\n\n{benchmark.START}\nold\n{benchmark.END}\n\nAfter.\n")
    benchmark.record(page, "new table")
    assert (
        page.read_text() == f"# Title\n\n{benchmark.START}\nnew table\n{benchmark.END}\n\nAfter.\n"
    )
    bare = tmp_path / "bare.md"
    bare.write_text("no markers\n")
    with pytest.raises(SystemExit, match="markers"):
        benchmark.record(bare, "new table")
    assert bare.read_text() == "no markers\n"


def load_synthetic(data: bytes, tmp_path: Path) -> tr.Dataset:
    (tmp_path / f"{synthetic.VERSION}.json").write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    (tmp_path / "SHA256SUMS").write_text(f"{digest}  {synthetic.VERSION}.json\n")
    return Shelf(lambda: tmp_path, "synthetic").load(synthetic.VERSION)


@pytest.mark.parametrize("events", [synthetic.PROBE_EVENTS, 100, 2000])
def test_a_synthetic_dataset_loads_and_has_the_shape_promised(events: int, tmp_path: Path) -> None:
    ds = load_synthetic(synthetic.dataset(events), tmp_path)
    assert len(ds.events) == events
    assert len(ds.find_events(country=synthetic.PROBE)) == synthetic.PROBE_EVENTS
    states = {period.country.alpha_2 for period in ds.statuses}
    # Every ISO 3166-1 country but the subject is a state with statuses.
    assert states == {c.alpha_2 for c in pycountry.countries} - {synthetic.SUBJECT}
    changes = sum(len(ds.status_periods(code)) - 1 for code in states)
    counts = [len(ds.find_events(actor=f"state-{code.lower()}")) for code in states]
    assert changes == sum(count // synthetic.CHANGE_EVERY for count in counts)
    recognizing = {c for n, c in enumerate(sorted(states)) if n % synthetic.RECOGNIZING_EVERY == 0}
    formal = tr.RecognitionStatus.FORMAL_RECOGNITION
    assert {p.country.alpha_2 for p in ds.statuses if p.status is formal} == recognizing
    corroborated = [e for e in ds.events if e.corroboration is not None]
    assert len(corroborated) == -(-events // synthetic.CORROBORATED_EVERY)


def test_a_synthetic_dataset_is_the_same_for_the_same_seed() -> None:
    assert synthetic.dataset(300, seed=1) == synthetic.dataset(300, seed=1)
    assert synthetic.dataset(300, seed=1) != synthetic.dataset(300, seed=2)
    with pytest.raises(ValueError, match="at least"):
        synthetic.dataset(synthetic.PROBE_EVENTS - 1)
    assert json.loads(synthetic.dataset(300))["version"] == synthetic.VERSION


def test_the_quick_run_prints_every_table_and_a_verdict() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in {0, 1}, result.stderr
    for heading in (
        "### Whole processes",
        "### The first answer, stage by stage",
        "### Peak memory",
        "### Repeated queries, newest dataset",
        "### Garbage collection after loading",
        "### Scale: synthetic datasets",
        "### Growth with the number of events",
    ):
        assert heading in result.stdout
    missed = "target(s) missed" in result.stdout
    assert missed == (result.returncode == 1)
    assert missed != ("Every target met." in result.stdout)
