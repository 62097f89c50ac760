"""Hold the dataset's reference tables of codes to their upstream lists.

Usage: ``python scripts/check_upstream.py DIR``, where DIR holds the upstreams that
``annotations/tables.toml`` names: ``cow-states.csv`` and ``gw-states.csv``, the Correlates of
War and Gleditsch-Ward state lists as the R package ``states`` packages them (one row per spell
of statehood: number, abbreviation, name, start, end, microstate), for ``cow-gw``; and
``cameo-to-plover-2021.txt``, PLOVER's CAMEO-to-PLOVER table, for ``cameo-plover``. The
upstreams are not shipped with the project; this script is how a maintainer checks the tables
against them when re-verifying them, and ``.ci/run`` runs it when it finds them.

Each list is checked on its own. A state's number must be the number of a spell of that list
still open on the dataset's first day of coverage, with that spell's abbreviation (and, for
Gleditsch-Ward, its microstate flag); and every such spell must be some state's, or be one of
the spells the table says it leaves out (``outside`` in tables.toml, with why).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_dataset import ANNOTATIONS, Annotations, BuildError, read

if TYPE_CHECKING:
    from collections.abc import Mapping

TABLE = "cow-gw"
"""The reference table of the states' COW and Gleditsch-Ward codes."""

LISTS = {
    "COW": ("cow-states.csv", "cowcode", "cowc", "cow_code", "cow_abbr"),
    "GW": ("gw-states.csv", "gwcode", "gwc", "gw_code", "gw_abbr"),
}
"""Each list: its file, its number and abbreviation columns, and the table's columns for them."""


def spells(path: Path, number: str, abbr: str, since: dt.date) -> dict[int, dict[str, str]]:
    """The spells of the list at `path` open on or after `since`, by their number."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise BuildError(f"{path}: {error}") from None
    needed = {number, abbr, "country_name", "start", "end", "microstate"}
    if rows and not needed <= set(rows[0]):
        raise BuildError(f"{path.name}: expected the columns {', '.join(sorted(needed))}")
    found: dict[int, dict[str, str]] = {}
    for line, row in enumerate(rows, 2):
        try:
            is_open = not row["end"] or dt.date.fromisoformat(row["end"]) >= since
            code = int(row[number])
        except (TypeError, ValueError):
            msg = f"{path.name}:{line}: {number} must be a number and end a day (YYYY-MM-DD)"
            raise BuildError(msg) from None
        if is_open:
            if code in found:
                raise BuildError(f"{path.name}: two spells of {code} are open after {since}")
            found[code] = row
    return found


def compare(
    annotations: Annotations, upstream: Mapping[str, dict[int, dict[str, str]]]
) -> list[str]:
    """Every way the table departs from the lists `upstream` gives, by list name."""
    table = annotations.files[TABLE]
    outside = set(annotations.tables[TABLE].get("outside", ()))
    problems = [
        f"{row['alpha_2']}: gw_microstate is given exactly when gw_code is"
        for row in table.values()
        if (row["gw_microstate"] == "") != (row["gw_code"] == "")
    ]
    problems += [
        f"tables.toml [{TABLE}] outside: {entry!r} names no list of {set(LISTS)}"
        for entry in sorted(outside)
        if entry.partition(" ")[0] not in LISTS
    ]
    for name in LISTS:
        problems += _rows_against(name, table, upstream[name])
        problems += _spells_against(name, table, upstream[name], outside)
    return problems


def _rows_against(
    name: str, table: Mapping[str, dict[str, str]], listed: Mapping[int, dict[str, str]]
) -> list[str]:
    """Each row whose number in list `name` is no open spell of it, or not that spell's."""
    _, _, abbr, number_column, abbr_column = LISTS[name]
    problems = []
    for code, row in table.items():
        number = row[number_column]
        spell = listed.get(int(number)) if number else None
        if not number:
            if row[abbr_column]:
                problems.append(f"{code}: a {name} abbreviation without a number")
        elif spell is None:
            problems.append(f"{code}: {name} {number} is no spell open in coverage")
        elif row[abbr_column] != spell[abbr]:
            problems.append(
                f"{code}: {name} {number} is {spell[abbr]} ({spell['country_name']}),"
                f" the table says {row[abbr_column]!r}"
            )
        elif name == "GW" and row["gw_microstate"] != spell["microstate"]:
            problems.append(
                f"{code}: GW {number} is microstate={spell['microstate']} upstream,"
                f" the table says {row['gw_microstate']!r}"
            )
    return problems


def _spells_against(
    name: str,
    table: Mapping[str, dict[str, str]],
    listed: Mapping[int, dict[str, str]],
    outside: set[str],
) -> list[str]:
    """Each open spell of list `name` that is no row's and not left `outside`, and back."""
    number_column = LISTS[name][3]
    used = {int(row[number_column]) for row in table.values() if row[number_column]}
    problems = [
        f"{name} {number} ({listed[number]['country_name']}) is open in coverage and no row's;"
        f" give a row its number, or list '{name} {number}' as outside in tables.toml"
        for number in sorted(set(listed) - used)
        if f"{name} {number}" not in outside
    ]
    for entry in sorted(outside):
        list_name, _, number = entry.partition(" ")
        if list_name != name:
            continue
        if not number.isdigit() or int(number) not in listed:
            problems.append(
                f"tables.toml [{TABLE}] outside: {entry!r} is no spell open in coverage"
            )
        elif int(number) in used:
            problems.append(f"tables.toml [{TABLE}] outside: {entry!r} is a row's number")
    return problems


PLOVER_TABLE = "cameo-plover"
"""The reference table of PLOVER's codes for the CAMEO codes the events use."""

_PLOVER_LINE = re.compile(r"(\d+):\s*([A-Z]+)\s*(?:,([^,#]*)(?:,([^#]*))?)?(?:#.*)?")


def plover_table(path: Path) -> dict[str, tuple[str, str, str]]:
    """PLOVER's table at `path`: each CAMEO code's type, mode and context, the first given."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise BuildError(f"{path}: {error}") from None
    found: dict[str, tuple[str, str, str]] = {}
    for line in lines:
        match = _PLOVER_LINE.fullmatch(line.strip())
        if match:
            code, kind, mode, context = match.groups()
            found.setdefault(code, (kind, (mode or "").strip(), (context or "").strip()))
    if not found:
        raise BuildError(f"{path.name}: no line of the form 'CAMEO: TYPE, mode, context'")
    return found


def compare_plover(
    annotations: Annotations, upstream: Mapping[str, tuple[str, str, str]]
) -> list[str]:
    """What the cameo-plover table says other than PLOVER's table, or lacks.

    That is every row whose values are not the upstream's, and every CAMEO code an event uses
    that has no row.
    """
    table = annotations.files[PLOVER_TABLE]
    used = {event["codes"]["cameo"] for event in annotations.files["events"]["events"].values()}
    missing = [
        f"{PLOVER_TABLE}: no row for CAMEO {code}, which an event uses"
        for code in sorted(used - set(table))
    ]
    return missing + [
        f"{PLOVER_TABLE}: CAMEO {code} is {expected} upstream, the table says {given}"
        for code, row in annotations.files[PLOVER_TABLE].items()
        if (given := (row["plover"], row["plover_mode"], row["plover_context"]))
        != (expected := upstream.get(code, ("", "", "")))
    ]


def main(argv: list[str] | None = None) -> int:
    """Compare the reference tables with the upstreams in the directory given."""
    arguments = sys.argv[1:] if argv is None else argv
    if len(arguments) != 1:
        usage = (__doc__ or "").split("\n\n")[1]
        print(usage, file=sys.stderr)
        return 2
    directory = Path(arguments[0])
    try:
        annotations = read(ANNOTATIONS)
        since = annotations.files["dataset"]["coverage_start"]
        upstream = {
            name: spells(directory / file, number, abbr, since)
            for name, (file, number, abbr, _, _) in LISTS.items()
        }
        problems = compare(annotations, upstream)
        plover = plover_table(directory / "cameo-to-plover-2021.txt")
        problems += compare_plover(annotations, plover)
    except BuildError as error:
        print(f"check_upstream: {error}", file=sys.stderr)
        return 1
    for problem in problems:
        print(f"check_upstream: {problem}", file=sys.stderr)
    if not problems:
        counts = ", ".join(f"{name} {len(found)}" for name, found in upstream.items())
        print(
            f"{TABLE}: all {len(annotations.files[TABLE])} rows agree with the lists in "
            f"{directory} (spells open from {since}: {counts}); {PLOVER_TABLE}: all "
            f"{len(annotations.files[PLOVER_TABLE])} rows agree with PLOVER's table"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
