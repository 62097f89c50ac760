"""The command line, ``taliban-recognition`` or ``python -m taliban_recognition``.

Exit status: 0 on success, 1 when the shipped data fails verification or a file cannot be
written, 2 for bad input (an unknown country, version, kind or format, a bad date).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import textwrap
from collections import Counter
from typing import TYPE_CHECKING, NoReturn

from taliban_recognition._cite import FORMATS as CITATION_FORMATS
from taliban_recognition._cite import cite
from taliban_recognition._errors import (
    DataFormatError,
    DataIntegrityError,
    TalibanRecognitionError,
)
from taliban_recognition._iso import country as find_country
from taliban_recognition._load import SHIPPED, load
from taliban_recognition._model import ActorKind, Event, EventKind, RecognitionStatus

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from taliban_recognition._dataset import Dataset
    from taliban_recognition._model import Country, StatusPeriod

PROG = "taliban-recognition"
WIDTH = 80
"""Every table and report fits a terminal this wide."""

EXPORT_FORMATS = ("csv", "datapackage", "json")
EVENT_FORMATS = ("table", "json", "csv")


def _row(dataset: Dataset, state: Country) -> tuple[str, str]:
    """The status of `state` on ``as_of`` and the basis of the period that holds it."""
    status = dataset.status_of(state)
    bases = {p.basis.value for p in dataset.status_periods(state) if p.status is status}
    basis = "-" if status is RecognitionStatus.UNKNOWN else "/".join(sorted(bases))
    return status.value, basis


def summary(dataset: Dataset) -> str:
    """The summary table: version, as-of date, digest, and each named state's status."""
    states = {period.country.alpha_2: period.country for period in dataset.statuses}
    named = {
        actor.country.alpha_2: actor.name
        for actor in dataset.actors
        if actor.kind is ActorKind.STATE and actor.country and actor.country.alpha_2 in states
    }
    lines = [
        f"taliban_recognition dataset {dataset.version}, as of {dataset.as_of.isoformat()}",
        f"sha256 {dataset.sha256}",
        "",
        f"Statuses of recognition of the Taliban government of Afghanistan on {dataset.as_of}:",
        "",
        f"{'State':<28}{'Status':<22}Basis",
    ]
    for code, name in sorted(named.items(), key=lambda item: item[1]):
        status, basis = _row(dataset, states[code])
        lines.append(f"{f'{name} ({code})':<28}{status:<22}{basis}")
    others = Counter(_row(dataset, state) for code, state in states.items() if code not in named)
    for (status, basis), count in sorted(others.items()):
        lines.append(f"{f'{count} other states':<28}{status:<22}{basis}")
    return "\n".join(lines)


def _wrap(text: str, indent: str) -> list[str]:
    """Text wrapped to the width; words (ids, URLs) are never broken, so one may overflow."""
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent]


def _period_report(dataset: Dataset, period: StatusPeriod) -> list[str]:
    end = "as_of" if period.end is None else str(period.end)
    lines = [
        f"{period.status.value}, from {period.start} to {end} ({period.basis.value})",
        f"  period: {period.id}",
    ]
    if period.events:
        lines += _wrap("events: " + ", ".join(period.events), "  ")
    for item in period.evidence:
        lines += _wrap(f"\u201c{item.quote}\u201d", "  > ")
        source = dataset.source(item.source_id)
        lines.append(f"    ({source.id}, characters {item.start} to {item.end})")
    if period.notes:
        lines += _wrap("notes: " + period.notes, "  ")
    return lines


def status_report(dataset: Dataset, query: str, on: str | None) -> str:
    """A country's status on a day, with the periods and quotes the answer rests on."""
    state = find_country(query)
    status = dataset.status_of(state, on)
    periods = dataset.possible_periods(state, on)
    day = dataset.as_of.isoformat() if on is None else on
    answer = status.value
    if status is RecognitionStatus.UNKNOWN:
        possible = " or ".join(s.value for s in dataset.possible_statuses(state, on))
        answer += f" (the data allows {possible} on that day)"
    lines = _wrap(
        f"{state.name} ({state.alpha_2}) on {day}, dataset {dataset.version}: {answer}", ""
    )
    for period in periods:
        lines += ["", *_period_report(dataset, period)]
    return "\n".join(lines)


def events_report(dataset: Dataset, events: Sequence[Event], output: str) -> str:
    """Events as an 80-column table, as canonical JSON records, or as the events CSV table."""
    if output == "json":
        from taliban_recognition._convert import converter  # noqa: PLC0415 -- cattrs on first use

        records = [converter().unstructure(event, Event) for event in events]
        return json.dumps(records, ensure_ascii=False, indent=2, sort_keys=True)
    if output == "csv":
        from taliban_recognition._export import csv_bytes  # noqa: PLC0415 -- on first use
        from taliban_recognition._tables import tables_of  # noqa: PLC0415 -- on first use

        table = next(table for table in tables_of(dataset) if table.name == "events")
        wanted = {event.id for event in events}
        rows = [row for row in table.rows(dataset) if row[0] in wanted]
        return csv_bytes(table, rows).decode("utf-8")  # CRLF rows, as RFC 4180 has them
    return "\n".join(_events_table(dataset, events))


def _events_table(dataset: Dataset, events: Sequence[Event]) -> list[str]:
    """Each event's date, then its id whole and its kind and summary wrapped beneath."""
    width = max((len(str(event.date)) for event in events), default=4) + 2
    lines = [f"{'Date':<{width}}Event"]
    for event in events:
        lines.append(f"{event.date!s:<{width}}{event.id}")
        lines += _wrap(f"{event.kind.value}: {event.summary}", " " * width)
    lines += ["", f"{len(events)} event{'s' * (len(events) != 1)} of dataset {dataset.version}"]
    return lines


def _summary(args: argparse.Namespace) -> int:
    print(summary(load(args.dataset_version)))
    return 0


def _status(args: argparse.Namespace) -> int:
    print(status_report(load(args.dataset_version), args.country, args.on))
    return 0


def _events(args: argparse.Namespace) -> int:
    dataset = load(args.dataset_version)
    events = dataset.find_events(
        country=args.country, kind=args.kind, since=args.since, until=args.until
    )
    report = events_report(dataset, events, args.format)
    print(report, end="" if args.format == "csv" else "\n")
    return 0


def _versions(args: argparse.Namespace) -> int:
    digests = SHIPPED.manifest()
    if args.dataset_version is not None:
        digests = dict([SHIPPED.digest(args.dataset_version)])
    print(f"{'Version':<10}SHA-256")
    for version, digest in digests.items():
        print(f"{version:<10}{digest}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    results = SHIPPED.verify(args.dataset_version)
    for version, error in results.items():
        print(f"{version}: ok" if error is None else f"{version}: FAILED")
        if isinstance(error, DataIntegrityError):
            print(f"  {error.resource} is corrupt or was modified (SHA-256):")
            print(f"  expected {error.expected}")
            print(f"  found    {error.actual}")
        elif error is not None:
            print("\n".join(_wrap(str(error), "  ")))
    failed = sum(error is not None for error in results.values())
    if failed:
        print(f"{failed} of {len(results)} dataset files failed verification")
        return 1
    print(f"{len(results)} of {len(results)} dataset files match the manifest and load")
    return 0


def _export(args: argparse.Namespace) -> int:
    dataset = load(args.dataset_version)
    for path in dataset.export(args.out, format=args.format, overwrite=args.force):
        # A name the OS gave as undecodable bytes holds surrogates, which UTF-8 cannot encode.
        print(str(path).encode("utf-8", "backslashreplace").decode("utf-8"))
    return 0


def _diff(args: argparse.Namespace) -> int:
    from taliban_recognition._diff import diff  # noqa: PLC0415 -- on first use

    changes = diff(args.old, args.new)
    print(changes.summary() if args.summary else str(changes))
    return 0


def _cite(args: argparse.Namespace) -> int:
    print(cite(args.dataset_version, format=args.format), end="")
    return 0


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _folder(text: str) -> str:
    """An --out argument: a folder path, which an empty string is not."""
    if not text.strip():
        msg = "give a folder to write into, e.g. --out exports"
        raise argparse.ArgumentTypeError(msg)
    return text


def _add_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--version",
        dest="dataset_version",
        metavar="X.Y.Z",
        default=argparse.SUPPRESS,  # so a subcommand's default does not undo the top level's
        help="the dataset version to use (default: the newest; see `versions`)",
    )


_COMMANDS: tuple[tuple[str, str, str, Callable[[argparse.Namespace], int]], ...] = (
    (
        "summary",
        "print the summary table (the default)",
        f"{PROG} summary --version 1.0.0",
        _summary,
    ),
    (
        "status",
        "a country's status on a day, with the evidence it rests on",
        f"{PROG} status Pakistan --on 2023-01-01",
        _status,
    ),
    (
        "events",
        "the events that pass the filters, in dataset order",
        f"{PROG} events --country RU --since 2025-01-01 --format csv",
        _events,
    ),
    ("versions", "every shipped dataset version and its sha256", f"{PROG} versions", _versions),
    (
        "verify",
        "re-hash every shipped data file against the manifest",
        f"{PROG} verify",
        _verify,
    ),
    (
        "export",
        "write the dataset as JSON, CSV files or a Frictionless Data Package",
        f"{PROG} export --format datapackage --out exports --version 1.0.0",
        _export,
    ),
    (
        "cite",
        "print the citation of the dataset version",
        f"{PROG} cite --format bibtex --version 1.0.0",
        _cite,
    ),
    (
        "diff",
        "what changed from one dataset version to another",
        f"{PROG} diff 1.0.0 1.1.0 --summary",
        _diff,
    ),
)


def parser() -> argparse.ArgumentParser:
    """The argument parser of the command line."""
    top = _Parser(
        prog=PROG,
        description="Query, export and cite the taliban_recognition dataset.",
        epilog=f"Example:\n  {PROG} status Russia\n  {PROG} events --kind recognition",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_version(top)
    top.set_defaults(run=_summary)
    commands = top.add_subparsers(title="commands", metavar="COMMAND")
    made = {}
    for name, purpose, example, run in _COMMANDS:
        command = commands.add_parser(
            name,
            help=purpose,
            description=purpose[0].upper() + purpose[1:] + ".",
            epilog=f"Example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if name != "diff":  # diff names its two versions itself
            _add_version(command)
        command.set_defaults(run=run)
        made[name] = command
    made["status"].add_argument("country", help="an ISO code or number, or an English name")
    made["status"].add_argument("--on", metavar="YYYY-MM-DD", help="the day (default: as_of)")
    events = made["events"]
    events.add_argument("--country", help="events whose actor or target is of this country")
    events.add_argument(
        "--kind",
        metavar="KIND",
        help="events of this kind: " + ", ".join(kind.value for kind in EventKind),
    )
    events.add_argument("--since", metavar="YYYY-MM-DD", help="events that can fall on or after")
    events.add_argument("--until", metavar="YYYY-MM-DD", help="events that can fall on or before")
    events.add_argument(
        "--format",
        choices=EVENT_FORMATS,
        default="table",
        help="an 80-column table (the default), the canonical JSON records, or CSV rows",
    )
    made["export"].add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="csv",
        help="CSV tables (the default), a Frictionless Data Package, or the canonical JSON",
    )
    made["export"].add_argument(
        "--out",
        required=True,
        type=_folder,
        metavar="DIR",
        help="the folder the export is to be: new, or empty unless --force",
    )
    made["export"].add_argument(
        "--force",
        action="store_true",
        help="replace everything DIR holds (without it, a folder that holds anything is refused)",
    )
    made["diff"].add_argument("old", metavar="OLD", help="the version to compare from")
    made["diff"].add_argument("new", metavar="NEW", help="the version to compare to")
    made["diff"].add_argument(
        "--summary", action="store_true", help="counts per collection and field, not records"
    )
    made["cite"].add_argument(
        "--format",
        choices=CITATION_FORMATS,
        default="bibtex",
        help="BibTeX (the default), Citation File Format 1.2.0, or a reference-list entry",
    )
    return top


def _pin_output() -> None:
    """Write UTF-8 with the line ends we write, whatever the platform and locale say.

    The exports promise UTF-8, and CSV rows end with CRLF of their own, which a text stream
    on Windows would turn into CR CR LF. Errors escape what stderr cannot show.
    """
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    if isinstance(sys.stderr, io.TextIOWrapper):
        sys.stderr.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on `argv` (default: ``sys.argv[1:]``); return the exit status."""
    _pin_output()
    args = parser().parse_args(argv)
    if not hasattr(args, "dataset_version"):
        args.dataset_version = None
    try:
        if args.dataset_version is not None:
            SHIPPED.digest(args.dataset_version)  # an unknown version is refused up front
        return int(args.run(args))
    except BrokenPipeError:  # the reader closed the pipe, as `| head` does
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that flushing at exit does not fail again
        return 1
    except (DataIntegrityError, DataFormatError, OSError) as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    except TalibanRecognitionError as error:  # the user's input: say what was wrong
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
