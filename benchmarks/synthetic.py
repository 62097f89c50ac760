"""Synthetic datasets of any size, for measuring how loading and queries grow.

A synthetic dataset follows the newest 1.x schema and passes every check the loader makes. It
reuses the shipped data's source, references, evidence and event codes, so that every quote
is real text at real offsets, and gives its events to the states of ISO 3166-1:

- every ISO 3166-1 country but Afghanistan is a state with its own actor and status periods
  (248 states with pycountry's list today); Afghanistan's government is every event's target;
- one state, the probe (`PROBE`), has exactly `PROBE_EVENTS` events at every size, so that a
  query about it returns as many results however large the dataset grows; the other events go
  to the other states at random;
- event dates fall at random in the coverage, one in ten a month rather than a day; one in
  twenty has a corroborated date, the same as its stated one;
- every `CHANGE_EVERY`-th event of a state changes its status, so that status chains grow
  with the dataset. One state in `RECOGNIZING_EVERY` (the first, then every fourth by code)
  alternates between formal recognition and de facto engagement, the others between no
  recognition and de facto engagement: the share of states that ever recognize, which is
  what `recognizers` must look at, is the same at every size.

The generator builds the JSON directly, not through the records, so that a million events
take seconds; `tests/test_benchmarks.py` loads what it makes through the real loader.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

from taliban_recognition._model import _month_end

VERSION = "1.99.0"
"""The version synthetic datasets carry: one no release will use, of the newest 1.x schema.

Synthetic datasets are of the 1.x schema, with status periods, whose loading and queries the
benchmarks have measured since 1.0.0; 2.x files name records by id and are loaded otherwise."""

PROBE = "IS"
"""The state whose number of events stays the same at every size."""
PROBE_EVENTS = 10
CHANGE_EVERY = 8
CORROBORATED_EVERY = 20
MONTHLY = 0.1  # the share of events dated to a month, not a day
SUBJECT = "AF"

COVERAGE_START = dt.date(2021, 8, 1)
AS_OF = dt.date(2025, 7, 3)
RECOGNIZING_EVERY = 4
RECOGNIZING = ("formal_recognition", "de_facto_engagement")
NOT_RECOGNIZING = ("no_recognition", "de_facto_engagement")

JSON = dict[str, Any]


def _countries() -> list[JSON]:
    """Every ISO 3166-1 country as a data-file country record, by alpha-2 code."""
    import pycountry  # noqa: PLC0415 -- only when a dataset is made

    found = [
        {
            "alpha_2": record.alpha_2,
            "alpha_3": record.alpha_3,
            "numeric": record.numeric,
            "name": record.name,
            "cow_abbr": None,
            "cow_code": None,
            "gw_abbr": None,
            "gw_code": None,
        }
        for record in pycountry.countries
    ]
    return sorted(found, key=lambda country: country["alpha_2"])


def _template() -> JSON:
    """The newest shipped 1.x data file, parsed: the source of real quotes and codes."""
    import importlib.resources  # noqa: PLC0415

    import taliban_recognition as tr  # noqa: PLC0415

    newest = [version for version in tr.versions() if version.startswith("1.")][-1]
    folder = importlib.resources.files("taliban_recognition").joinpath("data")
    record: JSON = json.loads(folder.joinpath(f"{newest}.json").read_bytes())
    return record


def _day(date: dt.date) -> JSON:
    return {"earliest": date.isoformat(), "latest": date.isoformat(), "precision": "day"}


def _month(date: dt.date) -> JSON:
    first, last = date.replace(day=1), _month_end(date)
    return {"earliest": first.isoformat(), "latest": last.isoformat(), "precision": "month"}


def dataset(
    events: int,
    seed: int = 0,
    *,
    coverage_start: dt.date = COVERAGE_START,
    as_of: dt.date = AS_OF,
) -> bytes:
    """The data file of a synthetic dataset with `events` events, the same for the same seed.

    The coverage is the shipped data's unless `coverage_start` and `as_of` say otherwise (the
    panel benchmark's ten thousand days).

    Raises:
        ValueError: `events` is fewer than the probe's events.
    """
    if events < PROBE_EVENTS:
        msg = f"a synthetic dataset needs at least {PROBE_EVENTS} events, got {events}"
        raise ValueError(msg)
    rng = random.Random(seed)
    template = _template()
    countries = _countries()
    subject = next(c for c in countries if c["alpha_2"] == SUBJECT)
    states = [c for c in countries if c["alpha_2"] != SUBJECT]
    actor_of = {
        c["alpha_2"]: {
            "id": f"state-{c['alpha_2'].lower()}",
            "kind": "state",
            "name": c["name"],
            "country": c,
            "notes": None,
        }
        for c in states
    }
    taliban = {
        "id": "taliban",
        "kind": "government",
        "name": "Taliban",
        "country": subject,
        "notes": None,
    }
    evidence = [min((e for r in template["events"] for e in r["evidence"]), key=len_of_quote)]
    kinds = sorted(
        {(e["kind"], json.dumps(e["codes"], sort_keys=True)) for e in template["events"]}
    )
    reference = template["references"][0]["id"]

    # Who acts, and when: the probe's events spread evenly, the rest at random.
    days = (as_of - coverage_start).days
    last_month = as_of.replace(day=1) - dt.timedelta(days=1)  # a month must end by as_of
    others = [code for code in actor_of if code != PROBE]
    drawn: list[tuple[JSON, str]] = []
    for n in range(events):
        code = PROBE if n < PROBE_EVENTS else rng.choice(others)
        offset = n * days // PROBE_EVENTS if n < PROBE_EVENTS else rng.randrange(days + 1)
        day = coverage_start + dt.timedelta(days=offset)
        monthly = day <= last_month and rng.random() < MONTHLY
        drawn.append((_month(day) if monthly else _day(day), code))
    drawn.sort(key=lambda pair: (pair[0]["earliest"], pair[0]["latest"]))  # stable: ids follow

    records: list[JSON] = []
    for n, (date, code) in enumerate(drawn):
        kind, codes = kinds[n % len(kinds)]
        corroborated = n % CORROBORATED_EVERY == 0
        records.append(
            {
                "id": f"event-{n:07d}",
                "kind": kind,
                "actor": actor_of[code],
                "target": taliban,
                "date": date,
                "date_text": None,
                "summary": "A synthetic event.",
                "evidence": evidence,
                "ongoing": False,
                "notes": None,
                "codes": json.loads(codes),
                "corroboration": (
                    {"date": date, "discrepancy": None, "reference_id": reference}
                    if corroborated
                    else None
                ),
            }
        )
    document = {
        "version": VERSION,
        "as_of": as_of.isoformat(),
        "coverage_start": coverage_start.isoformat(),
        "notes": f"A synthetic dataset of {events} events, for benchmarks only.",
        "sources": template["sources"],
        "references": template["references"],
        "actors": [taliban, *actor_of.values()],
        "events": records,
        "statuses": _statuses(records, actor_of, evidence, coverage_start),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def len_of_quote(evidence: JSON) -> int:
    """The length of a piece of evidence's quote."""
    return len(evidence["quote"])


def _statuses(
    records: list[JSON], actor_of: dict[str, JSON], evidence: list[JSON], coverage_start: dt.date
) -> list[JSON]:
    """Each state's status periods: a change at every `CHANGE_EVERY`-th event of the state."""
    changes: dict[str, list[JSON]] = {code: [] for code in actor_of}
    seen = dict.fromkeys(actor_of, 0)
    for record in records:
        code = record["actor"]["country"]["alpha_2"]
        seen[code] += 1
        if seen[code] % CHANGE_EVERY == 0:
            changes[code].append(record)
    periods: list[JSON] = []
    for number, code in enumerate(sorted(actor_of)):
        cycle = RECOGNIZING if number % RECOGNIZING_EVERY == 0 else NOT_RECOGNIZING
        starts = [(_month(coverage_start), []), *((e["date"], [e["id"]]) for e in changes[code])]
        for n, (start, events) in enumerate(starts):
            periods.append(
                {
                    "id": f"{code.lower()}-{n}",
                    "country": actor_of[code]["country"],
                    "status": cycle[n % 2],
                    "start": start,
                    "end": starts[n + 1][0] if n + 1 < len(starts) else None,
                    "basis": "inferred",
                    "events": events,
                    "evidence": evidence,
                    "notes": None,
                }
            )
    return periods
