"""Agreement between the dataset's coding of the dimensions and an independent second coding.

The second coding (``annotations/second/annotation.toml``) was made from the article and
``docs/coding-rules.md`` alone. This compares it with the newest dataset version, unit by
unit (a state's formal recognition, or one direction of its representation), for every
covered state, and writes the tables the method page shows. Every disagreement must have a
settlement in ``annotations/second/settlements.toml``; the script fails when one is missing
or stale, so the page never shows an unsettled difference.

A settlement either keeps the dataset's value, saying why, or says ``adopted = true``: the
dataset took the second coding's value, so the difference is no longer found; the entry gives
the dataset's value before, where it was and in how many units, and counts in the column of
agreement before settling. A kept entry may say ``agreed_before = N``: N of its units agreed
when the codings were first compared, and differ since a later revision of the dataset.

Usage: ``python scripts/agreement.py`` prints the Markdown; ``--check`` only checks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
from collections import Counter
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the standard library has tomllib from 3.11 on
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))

import taliban_recognition as tr  # noqa: E402

SECOND = ROOT / "annotations" / "second" / "annotation.toml"
SETTLEMENTS = ROOT / "annotations" / "second" / "settlements.toml"
DIMENSIONS = ("recognition", "state_in_afghanistan", "afghanistan_in_state")

Period = tuple[str, str, str, frozenset[tuple[int, int]]]
"""A coded period: value, start (EDTF; the first period's is the coverage), basis, quote spans."""


class AgreementError(Exception):
    """The codings cannot be compared, or a disagreement has no settlement."""


def _spans(text: str, quotes: list[str], where: str) -> frozenset[tuple[int, int]]:
    found = set()
    for quote in quotes:
        start = text.find(quote)
        if start < 0:
            raise AgreementError(f"{where}: {quote!r} is not in the source")
        found.add((start, start + len(quote)))
    return frozenset(found)


def dataset_units(dataset: tr.Dataset) -> dict[tuple[str, str], list[Period]]:
    """The dataset's periods, by (state, dimension)."""
    units: dict[tuple[str, str], list[Period]] = {}
    for period in dataset.recognitions:
        units.setdefault((period.country.alpha_2, "recognition"), []).append(
            _period(str(period.recognizes).lower(), period)
        )
    for mission in dataset.representations:
        units.setdefault((mission.country.alpha_2, mission.direction.value), []).append(
            _period(mission.level.value, mission)
        )
    return units


def _period(value: str, period: tr.RecognitionPeriod | tr.RepresentationPeriod) -> Period:
    spans = frozenset((item.start, item.end) for item in period.evidence)
    return value, str(period.start), period.basis.value, spans


def second_units(text: str, covered: list[str]) -> dict[tuple[str, str], list[Period]]:
    """The second coding's periods, by (state, dimension), defaults expanded."""
    coding = tomllib.loads(SECOND.read_text(encoding="utf-8"))
    defaults = {entry["dimension"]: entry["periods"] for entry in coding["default"]}
    own = {(entry["country"], entry["dimension"]): entry["periods"] for entry in coding["chains"]}
    if (
        len(defaults) != len(coding["default"])
        or set(defaults) != set(DIMENSIONS)
        or len(own) != len(coding["chains"])
        or {c for c, _ in own} - set(covered)
        or {d for _, d in own} - set(DIMENSIONS)
    ):
        raise AgreementError(
            f"{SECOND.name}: one default per dimension of {DIMENSIONS}, and at most one chain "
            "per covered state and dimension"
        )
    units = {}
    for code in covered:
        for dimension in DIMENSIONS:
            periods = own.get((code, dimension), defaults[dimension])
            units[code, dimension] = [
                (
                    str(body["value"]),
                    str(body["start"]),
                    str(body["basis"]),
                    _spans(text, list(body["evidence"]), f"{code} {dimension}"),
                )
                for body in periods
            ]
    return units


def _days(dataset: tr.Dataset, periods: list[Period]) -> tuple[frozenset[str], ...]:
    """The values a chain allows on each covered day, changes in order (read as the queries do)."""
    chain = tuple((value, start) for value, start, _, _ in periods)
    return _chain_days(dataset.coverage_start, dataset.as_of, chain)


@functools.cache
def _chain_days(
    first: dt.date, last: dt.date, chain: tuple[tuple[str, str], ...]
) -> tuple[frozenset[str], ...]:
    """`_days` of a chain of (value, start): most units share a few chains, each done once."""
    starts = [tr.FuzzyDate.parse(start) for _, start in chain[1:]]
    lows, highs = [], []
    low = first
    for start in starts:
        low = max(low, start.earliest)
        lows.append(low)
    high = last
    for start in reversed(starts):
        high = min(high, start.latest)
        highs.append(high)
    highs.reverse()
    days = []
    day = first
    while day <= last:
        possible = sum(1 for low in lows if low <= day)  # changes that can have happened
        done = sum(1 for high in highs if high <= day)  # changes that must have happened
        days.append(frozenset(value for value, _ in chain[done : possible + 1]))
        day += dt.timedelta(days=1)
    return tuple(days)


def _quotes(text: str, spans: frozenset[tuple[int, int]]) -> str:
    return " / ".join(f"“{text[start:end]}”" for start, end in sorted(spans))


def _kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two codings of the same items."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / n / n
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def compare(dataset: tr.Dataset) -> dict[str, Any]:
    """Every figure of the agreement, and every disagreement, by unit."""
    text = dataset.sources[0].text
    ours = dataset_units(dataset)
    covered = sorted({code for code, _ in ours})
    theirs = second_units(text, covered)
    rows: dict[str, list[int]] = {}
    disagreements: list[tuple[str, str, str, str]] = []

    def tally(field: str, agree: bool, unit: str, mine: str, other: str) -> None:  # noqa: FBT001
        counts = rows.setdefault(field, [0, 0])
        counts[0] += agree
        counts[1] += 1
        if not agree:
            disagreements.append((f"{unit}: {field}", mine, other, unit))

    default = dict(_defaults(ours).items())
    for key in sorted(ours):
        unit = f"{key[0]} {key[1]}"
        mine, other = ours[key], theirs[key]
        singled = [p[0] for p in mine] != [p[0] for p in default[key[1]]]
        singled_other = [p[0] for p in other] != [p[0] for p in _defaults(theirs)[key[1]]]
        tally("singled out", singled == singled_other, unit, str(singled), str(singled_other))
        same_values = [p[0] for p in mine] == [p[0] for p in other]
        tally(
            "values",
            same_values,
            unit,
            " > ".join(p[0] for p in mine),
            " > ".join(p[0] for p in other),
        )
        if not same_values:
            continue
        for n, (a, b) in enumerate(zip(mine, other, strict=True)):
            if n:  # the first period starts with the coverage in both codings
                same = tr.FuzzyDate.parse(a[1]) == tr.FuzzyDate.parse(b[1])
                tally(f"window {n}", same, unit, a[1], b[1])
            tally(f"basis {n}", a[2] == b[2], unit, a[2], b[2])
            overlap = any(s < f2 and s2 < f for s, f in a[3] for s2, f2 in b[3])
            tally(f"evidence {n}", overlap, unit, _quotes(text, a[3]), _quotes(text, b[3]))
    pairs: list[tuple[str, str]] = []
    named: list[tuple[str, str]] = []  # the unit-days of the units either coding singles out
    for key in sorted(ours):
        days = zip(_days(dataset, ours[key]), _days(dataset, theirs[key]), strict=True)
        found = [("/".join(sorted(a)), "/".join(sorted(b))) for a, b in days]
        pairs += found
        if len(ours[key]) > 1 or len(theirs[key]) > 1:
            named += found
    return {
        "named_days": len(named),
        "named_agreement": sum(a == b for a, b in named) / len(named),
        "named_kappa": _kappa(named),
        "units": len(ours),
        "rows": rows,
        "disagreements": disagreements,
        "unit_days": len(pairs),
        "day_agreement": sum(a == b for a, b in pairs) / len(pairs),
        "kappa": _kappa(pairs),
    }


def _defaults(units: dict[tuple[str, str], list[Period]]) -> dict[str, list[Period]]:
    """The most common chain of each dimension: the one a state not singled out takes."""
    found = {}
    for dimension in DIMENSIONS:
        chains = Counter(
            tuple(p[0] for p in periods) for (_, d), periods in units.items() if d == dimension
        )
        common = chains.most_common(1)[0][0]
        found[dimension] = next(
            periods
            for (_, d), periods in units.items()
            if d == dimension and tuple(p[0] for p in periods) == common
        )
    return found


def _field(name: str) -> str:
    kind, _, n = name.partition(" ")
    return {
        "singled": "which units are singled out",
        "values": "the sequence of values",
        "window": f"the window of change {n}",
        "basis": f"the basis of period {int(n) + 1}" if n.isdigit() else name,
        "evidence": f"the evidence of period {int(n) + 1} (a quote in common)"
        if n.isdigit()
        else name,
    }.get(kind, name)


def _settled_since(kept: list[Any], adopted: list[Any]) -> dict[str, int]:
    """By field, how many more units agree now than when the codings were first compared."""
    before: dict[str, int] = {}
    for entry in adopted:  # settled by taking the second coding's value
        name = _field(entry["field"])
        before[name] = before.get(name, 0) + entry["units"]
    for entry in kept:  # units that agreed until the dataset was revised after a review
        name = _field(entry["field"])
        before[name] = before.get(name, 0) - entry.get("agreed_before", 0)
    return before


def markdown(dataset: tr.Dataset) -> str:
    """The method page's section: the figures, every disagreement and how it was settled."""
    result = compare(dataset)
    settlements = tomllib.loads(SETTLEMENTS.read_text(encoding="utf-8"))["settled"]
    kept = [e for e in settlements if not e.get("adopted")]
    adopted = [e for e in settlements if e.get("adopted")]
    by_field = {(e["field"], e["dataset"], e["second"]): e["settled"].strip() for e in kept}
    before = _settled_since(kept, adopted)
    lines = [
        (
            f"Compared on dataset {dataset.version}: {result['units']} units (each of the "
            f"{result['units'] // 3} covered states' formal recognition and both directions of its "
            "representation), with the second coding's default chains given to the states it does "
            "not code on its own."
        ),
        "",
        "| field | units or periods compared | agree before settling | agree | share |",
        "|---|---|---|---|---|",
    ]
    merged: dict[str, list[int]] = {}
    for name, (agree, total) in result["rows"].items():
        counts = merged.setdefault(_field(name), [0, 0])
        counts[0] += agree
        counts[1] += total
    for name, (agree, total) in merged.items():
        first = agree - before.get(name, 0)
        lines.append(f"| {name} | {total} | {first} | {agree} | {agree / total:.1%} |")
    lines += [
        "",
        (
            f"Day by day, over {result['unit_days']:,} unit-days (the values each coding allows "
            f"on each covered day): {result['day_agreement']:.2%} agree, Cohen's kappa "
            f"{result['kappa']:.4f}. Over the {result['named_days']:,} unit-days of the units "
            "whose value changes in either coding (the ones the article singles out): "
            f"{result['named_agreement']:.2%} agree, kappa {result['named_kappa']:.4f}."
        ),
        "",
        "| disagreement | dataset | second coding | settled |",
        "|---|---|---|---|",
    ]
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for field, mine, other, unit in result["disagreements"]:
        grouped.setdefault((field.split(": ", 1)[1], mine, other), []).append(unit)
    missing = []
    for (name, mine, other), units in grouped.items():
        settled = by_field.get((name, mine, other))
        if settled is None:
            missing.append({"field": name, "dataset": mine, "second": other})
            continue
        states = sorted({unit.split()[0] for unit in units})
        dimension = units[0].split()[1]
        where = (
            f"{len(states)} states' {dimension}"
            if len(states) > 5
            else ", ".join(f"{code} {dimension}" for code in states)
        )
        lines.append(f"| {where}: {_field(name)} | {mine} | {other} | {settled} |")
    for entry in adopted:
        if (entry["field"], entry["dataset"], entry["second"]) in grouped:
            missing.append({"adopted, yet still found": entry["field"]})
        lines.append(
            f"| {entry['where']}: {_field(entry['field'])} | {entry['dataset']} | "
            f"{entry['second']} | {entry['settled'].strip()} |"
        )
    stale = set(by_field) - set(grouped)
    if missing or stale:
        raise AgreementError(
            "settle every disagreement in settlements.toml, and only those: missing "
            f"{missing}; stale {sorted(stale)}"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print the agreement section, or with ``--check`` only check that it can be made."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check, print nothing")
    arguments = parser.parse_args(argv)
    try:
        text = markdown(tr.load())
    except AgreementError as error:
        print(f"agreement: {error}", file=sys.stderr)
        return 1
    if not arguments.check:
        print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
