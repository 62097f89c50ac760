"""Every 1.x version answers as it did before 2.0.0: every state, every boundary day.

``data/answers-1.x.json.gz`` was written by the code of release 1.2.0 (commit 02904b6), before
the schema break, with the listing below: for each 1.x version, each reading of dates and each
day that is a bound of an event's date window (or the day either side of one), the
recognizers and every covered state's status, possible statuses and possible periods. The
listing of today's code must be the same, key for key.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

import taliban_recognition as tr

FIXTURE = Path(__file__).parent / "data" / "answers-1.x.json.gz"
VERSIONS = ("1.0.0", "1.1.0", "1.2.0")


def _days(dataset: tr.Dataset) -> list[dt.date]:
    found = {dataset.coverage_start, dataset.as_of}
    for event in dataset.events:
        for date in {event.date, event.date_for("corroborated")}:
            for bound in (date.earliest, date.latest):
                found.update({bound - dt.timedelta(1), bound, bound + dt.timedelta(1)})
    return sorted(d for d in found if dataset.coverage_start <= d <= dataset.as_of)


def listing() -> dict[str, Any]:
    """Every answer of every 1.x version, as the fixture holds them."""
    result: dict[str, Any] = {}
    for version in VERSIONS:
        ds = tr.load(version)
        states = sorted({p.country.alpha_2 for p in ds.statuses})
        readings: dict[str, Any] = {}
        for dates in tr._model.DATES:  # noqa: SLF001 -- the two readings
            rows: dict[str, Any] = {}
            for day in _days(ds):
                rows[day.isoformat()] = {
                    "recognizers": [c.alpha_2 for c in ds.recognizers(day, dates=dates)],
                    "states": {
                        s: [
                            ds.status_of(s, day, dates=dates).value,
                            [x.value for x in ds.possible_statuses(s, day, dates=dates)],
                            [p.id for p in ds.possible_periods(s, day, dates=dates)],
                        ]
                        for s in states
                    },
                }
            readings[dates] = rows
        result[version] = {
            "sha256": ds.sha256,
            "periods": [p.id for p in ds.statuses],
            "answers": readings,
        }
    return result


def _first_difference(old: Any, new: Any, path: str = "") -> str | None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            if key not in old or key not in new:
                return f"{path}/{key}: only in {'the fixture' if key in old else 'today'}"
            found = _first_difference(old[key], new[key], f"{path}/{key}")
            if found:
                return found
        return None
    return None if old == new else f"{path}: was {old!r}, now {new!r}"


def test_every_1x_answer_is_unchanged() -> None:
    expected = json.loads(gzip.decompress(FIXTURE.read_bytes()))
    assert set(expected) == set(VERSIONS)
    # 194 states on 20 to 50 days per version and reading: not a trivially small listing.
    assert all(len(expected[v]["answers"]["stated"]) >= 20 for v in VERSIONS)
    assert _first_difference(expected, listing()) is None
