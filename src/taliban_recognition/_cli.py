"""The command line, ``taliban-recognition`` or ``python -m taliban_recognition``.

``--dataset X.Y.Z`` pins the dataset (default: the newest), ``--dates corroborated`` reads
event dates as other reports corroborate them, ``--version`` prints the program's version.
Exit status: 0 on success, 1 when the shipped data fails verification or a file cannot be
written, 2 for bad input (an unknown country, version, kind or format, a bad date, a query of
records the dataset version's schema does not have), 130 when interrupted (Ctrl-C).
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
from taliban_recognition._invariants import DIMENSIONS
from taliban_recognition._iso import country as find_country
from taliban_recognition._load import SHIPPED, load
from taliban_recognition._model import (
    DATES,
    KNOWN_LEVELS,
    ActorKind,
    Direction,
    Event,
    EventKind,
    RecognitionStatus,
    RepresentationLevel,
)
from taliban_recognition._schema import version_key

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from taliban_recognition._dataset import Dataset
    from taliban_recognition._model import (
        Country,
        Dates,
        RecognitionPeriod,
        RepresentationPeriod,
        StatusPeriod,
    )

PROG = "taliban-recognition"
WIDTH = 80
"""Every table and report fits a terminal this wide."""

EXPORT_FORMATS = ("csv", "datapackage", "json")
EVENT_FORMATS = ("table", "json", "csv")
INTERRUPTED = 130
"""The exit status of a command stopped by Ctrl-C: 128 + SIGINT, as shells report it."""


def _reading(dates: Dates) -> str:
    """What a report adds to say how it read event dates: nothing for the default reading."""
    return "" if dates == "stated" else f", {dates} dates"


def _row(dataset: Dataset, state: Country, dates: Dates) -> tuple[str, str]:
    """The status of `state` on ``as_of`` and the basis of the period that holds it."""
    status = dataset.status_of(state, dates=dates)
    bases = {p.basis.value for p in dataset.status_periods(state) if p.status is status}
    basis = "-" if status is RecognitionStatus.UNKNOWN else "/".join(sorted(bases))
    return status.value, basis


def _derives(dataset: Dataset) -> bool:
    """Whether `dataset` derives its statuses from recognition and representation (2.x)."""
    return version_key(dataset.version) >= DIMENSIONS


def _states(dataset: Dataset) -> tuple[dict[str, Country], dict[str, str]]:
    """The states the dataset covers, by code, and the names of those the source names."""
    periods = dataset.recognitions if _derives(dataset) else dataset.statuses
    states = {period.country.alpha_2: period.country for period in periods}
    named = {
        actor.country.alpha_2: actor.name
        for actor in dataset.actors
        if actor.kind is ActorKind.STATE and actor.country and actor.country.alpha_2 in states
    }
    return states, dict(sorted(named.items(), key=lambda item: item[1]))


def _summary_head(dataset: Dataset, dates: Dates, last: str) -> list[str]:
    return [
        f"taliban_recognition dataset {dataset.version}, as of {dataset.as_of.isoformat()}"
        + _reading(dates),
        f"sha256 {dataset.sha256}",
        "",
        f"Statuses of recognition of the Taliban government of Afghanistan on {dataset.as_of}:",
        "",
        f"{'State':<28}{'Status':<22}{last}",
    ]


def summary(dataset: Dataset, dates: Dates = "stated") -> str:
    """The summary table: version, as-of date, digest, and each named state's status.

    From 2.0.0, each status is given with what it is derived from (`_engagement`), and the
    states the source does not name are counted by status.
    """
    if _derives(dataset):
        return _derived_summary(dataset, dates)
    states, named = _states(dataset)
    lines = _summary_head(dataset, dates, "Basis")
    for code, name in named.items():
        status, basis = _row(dataset, states[code], dates)
        lines.append(f"{f'{name} ({code})':<28}{status:<22}{basis}")
    others = Counter(
        _row(dataset, state, dates) for code, state in states.items() if code not in named
    )
    for (status, basis), count in sorted(others.items()):
        lines.append(f"{f'{count} other states':<28}{status:<22}{basis}")
    return "\n".join(lines)


_RECOGNITION_WORDS = {
    True: "formally recognizing",
    False: "not formally recognizing",
    None: "formal recognition undecided",
}
"""What `Dataset.recognizes` says, in the words of the summary."""


def _mission_words(direction: Direction, level: RepresentationLevel) -> str:
    if direction is Direction.STATE_IN_AFGHANISTAN:
        return (
            "no mission in Kabul"
            if level is RepresentationLevel.NONE
            else f"{level.value} in Kabul"
        )
    if level is RepresentationLevel.NONE:
        return "no Taliban mission there"
    return f"Taliban {level.value} there"


def _engagement(dataset: Dataset, state: Country, dates: Dates) -> str:
    """What a state's status on ``as_of`` is derived from, in words (2.x).

    Its formal recognition, then each mission the data gives a level, or "engagement not
    recorded" when it gives neither: never "no recognition", which would claim more.
    """
    parts = [_RECOGNITION_WORDS[dataset.recognizes(state, dates=dates)]]
    levels = {d: dataset.representation_of(state, direction=d, dates=dates) for d in Direction}
    known = {d: level for d, level in levels.items() if level is not RepresentationLevel.UNKNOWN}
    if not known:
        parts.append("engagement not recorded")
    else:
        parts += [_mission_words(d, level) for d, level in known.items()]
        if len(known) < len(levels) and set(known.values()) == {RepresentationLevel.NONE}:
            parts.append("the other mission not recorded")
    return "; ".join(parts)


def _status_words(dataset: Dataset, state: Country, dates: Dates) -> tuple[str, tuple[str, ...]]:
    """A state's status on ``as_of`` and, when it is unknown, the statuses the data allows."""
    status = dataset.status_of(state, dates=dates)
    if status is not RecognitionStatus.UNKNOWN:
        return status.value, ()
    return status.value, tuple(s.value for s in dataset.possible_statuses(state, dates=dates))


_ORDER = ("formal_recognition", "de_facto_engagement", "no_recognition", "unknown")


def _strongest_first(item: tuple[tuple[str, tuple[str, ...]], int]) -> tuple[int, tuple[str, ...]]:
    """The order of the summary's counts: the strongest status first, unknown last."""
    (status, possible), _ = item
    return _ORDER.index(status), possible


def _derived_summary(dataset: Dataset, dates: Dates) -> str:
    """The summary of a 2.x dataset: each status with the dimensions it is derived from."""
    states, named = _states(dataset)
    rows = {
        code: (*_status_words(dataset, state, dates), _engagement(dataset, state, dates))
        for code, state in states.items()
    }
    lines = _summary_head(dataset, dates, "Derived from")
    width = WIDTH - 50

    def add(label: str, status: str, words: str) -> None:
        wrapped = textwrap.wrap(words, width, break_long_words=False) or [""]
        lines.append(f"{label:<28}{status:<22}{wrapped[0]}".rstrip())
        lines.extend(" " * 50 + more for more in wrapped[1:])

    for code, name in named.items():
        status, _, words = rows[code]
        add(f"{name} ({code})", status, words)
    others = Counter(row for code, row in rows.items() if code not in named)
    for (status, _, words), count in sorted(others.items()):
        add(f"{count} other state{'s' * (count != 1)}", status, words)
    counts = Counter((status, possible) for status, possible, _ in rows.values())
    tally = ", ".join(
        f"{count} {status}" + (f" ({' or '.join(possible)})" if possible else "")
        for (status, possible), count in sorted(counts.items(), key=_strongest_first)
    )
    lines += ["", *_wrap(f"Of the {len(rows)} states: {tally}.", "")]
    lines += _wrap(
        "The status is derived from formal recognition and each side's mission at the other; "
        "a mission the source does not record may be at any level.",
        "",
    )
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


def _period_report(
    dataset: Dataset,
    period: StatusPeriod | RecognitionPeriod | RepresentationPeriod,
    value: str,
    dates: Dates,
) -> list[str]:
    """A period, which says `value`: its dates, basis, id, events, quotes and notes."""
    end = "as_of" if period.end is None else str(period.end)
    lines = [
        f"{value}, from {period.start} to {end} ({period.basis.value})",
        f"  period: {period.id}",
    ]
    if period.events:
        lines += _wrap(
            "events: " + ", ".join(_event_id(dataset, e, dates) for e in period.events), "  "
        )
    for item in period.evidence:
        lines += _wrap(f"\u201c{item.quote}\u201d", "  > ")
        source = dataset.source(item.source_id)
        lines.append(f"    ({source.id}, characters {item.start} to {item.end})")
    if period.notes:
        lines += _wrap("notes: " + period.notes, "  ")
    return lines


def _event_id(dataset: Dataset, event_id: str, dates: Dates) -> str:
    """An event's id, with the date a reading other than the default gives it, if another."""
    event = dataset.event(event_id)
    read = event.date_for(dates)
    return event_id if read == event.date else f"{event_id} ({dates} {read})"


def _headline(
    dataset: Dataset, state: Country, on: str | None, dates: Dates, answer: str | None
) -> list[str]:
    """The first line of a report on one state: who, on which day, in which data, and the answer."""
    day = dataset.as_of.isoformat() if on is None else on
    said = "" if answer is None else f": {answer}"
    return _wrap(
        f"{state.name} ({state.alpha_2}) on {day}, dataset {dataset.version}"
        f"{_reading(dates)}{said}",
        "",
    )


def status_report(dataset: Dataset, query: str, on: str | None, dates: Dates = "stated") -> str:
    """A country's status on a day, with the periods and quotes the answer rests on.

    Up to 1.x these are status periods; from 2.0.0, the periods of formal recognition and of
    representation in both directions that the derived status rests on.
    """
    state = find_country(query)
    status = dataset.status_of(state, on, dates=dates)
    answer = status.value
    if status is RecognitionStatus.UNKNOWN:
        possible = dataset.possible_statuses(state, on, dates=dates)
        answer += f" (the data allows {' or '.join(s.value for s in possible)} on that day)"
    lines = _headline(dataset, state, on, dates, answer)
    if _derives(dataset):
        lines += ["", *_recognition_section(dataset, state, on, dates)]
        for direction in Direction:
            lines += ["", *_representation_section(dataset, state, on, direction, dates)]
        return "\n".join(lines)
    for period in dataset.possible_periods(state, on, dates=dates):
        lines += ["", *_period_report(dataset, period, period.status.value, dates)]
    return "\n".join(lines)


_RECOGNITION_ANSWERS = {
    True: "formally recognizes the Taliban government",
    False: "does not formally recognize the Taliban government",
    None: "unknown (the data allows either on that day)",
}
"""What `Dataset.recognizes` answers, in the words of a report."""


def _recognition_answer(dataset: Dataset, state: Country, on: str | None, dates: Dates) -> str:
    return _RECOGNITION_ANSWERS[dataset.recognizes(state, on, dates=dates)]


def _recognition_periods(
    dataset: Dataset, state: Country, on: str | None, dates: Dates
) -> list[str]:
    lines: list[str] = []
    for period in dataset.possible_recognition_periods(state, on, dates=dates):
        value = "recognizing" if period.recognizes else "not recognizing"
        lines += ["", *_period_report(dataset, period, value, dates)]
    return lines


def _recognition_section(
    dataset: Dataset, state: Country, on: str | None, dates: Dates
) -> list[str]:
    """Formal recognition on a day, and the periods it rests on, within a status report."""
    answer = _recognition_answer(dataset, state, on, dates)
    return [
        *_wrap(f"Formal recognition: {answer}", ""),
        *_recognition_periods(dataset, state, on, dates),
    ]


def recognition_report(
    dataset: Dataset, query: str, on: str | None, dates: Dates = "stated"
) -> str:
    """Whether a state formally recognizes the Taliban government on a day, and why (2.x)."""
    state = find_country(query)
    answer = _recognition_answer(dataset, state, on, dates)
    lines = _headline(dataset, state, on, dates, answer)
    return "\n".join([*lines, *_recognition_periods(dataset, state, on, dates)])


_MISSIONS = {
    Direction.STATE_IN_AFGHANISTAN: "Its mission in Kabul",
    Direction.AFGHANISTAN_IN_STATE: "The Taliban government's mission there",
}
"""Whose mission a direction records, said of the state a report is about."""


def _level(level: RepresentationLevel) -> str:
    """A level, with its COW Diplomatic Exchange code when it has one."""
    code = level.cow_code
    return level.value if code is None else f"{level.value} (COW {code})"


def _representation_section(
    dataset: Dataset, state: Country, on: str | None, direction: Direction, dates: Dates
) -> list[str]:
    """The level of one side's mission on a day, and the periods it rests on."""
    level = dataset.representation_of(state, on, direction=direction, dates=dates)
    answer = _level(level)
    if level is RepresentationLevel.UNKNOWN:
        possible = dataset.possible_levels(state, on, direction=direction, dates=dates)
        answer += (
            " (the data allows any level on that day)"
            if possible == KNOWN_LEVELS
            else f" (the data allows {' or '.join(p.value for p in possible)} on that day)"
        )
    lines = _wrap(f"{_MISSIONS[direction]} ({direction.value}): {answer}", "")
    periods = dataset.possible_representation_periods(state, on, direction=direction, dates=dates)
    for period in periods:
        lines += ["", *_period_report(dataset, period, _level(period.level), dates)]
    return lines


def representation_report(
    dataset: Dataset,
    query: str,
    on: str | None,
    direction: str | None,
    dates: Dates = "stated",
) -> str:
    """The level of the missions between a state and Afghanistan on a day, and why (2.x).

    One direction, or both (`direction` None), the state's mission in Kabul first.
    """
    state = find_country(query)
    wanted = tuple(Direction) if direction is None else (Direction(direction),)
    sections = [_representation_section(dataset, state, on, one, dates) for one in wanted]
    lines = _headline(dataset, state, on, dates, None)
    for section in sections:
        lines += ["", *section]
    return "\n".join(lines)


def events_report(
    dataset: Dataset, events: Sequence[Event], output: str, dates: Dates = "stated"
) -> str:
    """Events as an 80-column table, as canonical JSON records, or as the events CSV table.

    The table shows each event's date as `dates` reads it; the records hold both dates.
    """
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
    return "\n".join(_events_table(dataset, events, dates))


def _events_table(dataset: Dataset, events: Sequence[Event], dates: Dates) -> list[str]:
    """Each event's date, then its id whole and its kind and summary wrapped beneath."""
    shown = [str(event.date_for(dates)) for event in events]
    width = max(map(len, shown), default=4) + 2
    lines = [f"{'Date':<{width}}Event"]
    for event, date in zip(events, shown, strict=True):
        lines.append(f"{date:<{width}}{event.id}")
        lines += _wrap(f"{event.kind.value}: {event.summary}", " " * width)
    count = f"{len(events)} event{'s' * (len(events) != 1)}"
    lines += ["", f"{count} of dataset {dataset.version}{_reading(dates)}"]
    return lines


def _summary(args: argparse.Namespace) -> int:
    print(summary(load(args.dataset_version), args.dates))
    return 0


def _status(args: argparse.Namespace) -> int:
    print(status_report(load(args.dataset_version), args.country, args.on, args.dates))
    return 0


def _recognition(args: argparse.Namespace) -> int:
    print(recognition_report(load(args.dataset_version), args.country, args.on, args.dates))
    return 0


def _representation(args: argparse.Namespace) -> int:
    dataset = load(args.dataset_version)
    print(representation_report(dataset, args.country, args.on, args.direction, args.dates))
    return 0


def _events(args: argparse.Namespace) -> int:
    dataset = load(args.dataset_version)
    events = dataset.find_events(
        country=args.country, kind=args.kind, since=args.since, until=args.until, dates=args.dates
    )
    report = events_report(dataset, events, args.format, args.dates)
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


def _panel(args: argparse.Namespace) -> int:
    refused = _panel_refusal(args)
    if refused is not None:
        print(f"{PROG}: error: {refused}", file=sys.stderr)
        return 2
    dataset = load(args.dataset_version)
    draws = None
    if args.draws is not None:
        draws = dataset.draws(
            args.draws, seed=0 if args.seed is None else args.seed, dates=args.dates
        )
    options = {
        "start": args.start,
        "end": args.end,
        "countries": args.countries,
        "at": args.at,
        "dates": None if draws else args.dates,
        "draws": draws,
    }
    if args.unit == "dyad":
        made = dataset.dyad_panel(args.freq, directed=not args.non_directed, **options)
    else:
        made = dataset.panel(args.freq, **options)
    if args.out is None:
        from taliban_recognition._panel import panel_files  # noqa: PLC0415 -- on first use

        (data,) = panel_files(made, "csv").values()
        sys.stdout.write(data.decode("utf-8"))
        return 0
    for path in made.export(args.out, format=args.format, overwrite=args.force):
        print(str(path).encode("utf-8", "backslashreplace").decode("utf-8"))
    return 0


def _panel_refusal(args: argparse.Namespace) -> str | None:
    """What is wrong with a ``panel`` command's options together, if anything."""
    if args.non_directed and args.unit != "dyad":
        return "--non-directed is an option of --unit dyad"
    if args.seed is not None and args.draws is None:
        return "--seed is the seed of --draws N; give both"
    if args.out is None and args.format != "csv":
        return f"--format {args.format} writes files: give --out DIR"
    if args.countries is not None and not [c for c in args.countries if c.strip()]:
        return "--countries needs at least one country"
    return None


def _diff(args: argparse.Namespace) -> int:
    from taliban_recognition._diff import diff  # noqa: PLC0415 -- on first use

    changes = diff(args.old, args.new)
    print(changes.summary() if args.summary else str(changes))
    return 0


def _cite(args: argparse.Namespace) -> int:
    dataset = load(args.dataset_version)  # a citation of a file that fails its hash is no use
    print(cite(dataset.version, format=args.format), end="")
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


class _PrintVersion(argparse.Action):
    """``--version``: print the program's version and exit, as every command line does."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str) -> None:  # noqa: A002
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        _namespace: argparse.Namespace,
        _values: object,
        _option: str | None = None,
    ) -> NoReturn:
        from taliban_recognition import __version__  # noqa: PLC0415 -- metadata, read if asked

        print(f"{PROG} {__version__}")  # on stdout, as --help is
        parser.exit()


class _Pin(argparse.Action):
    """``--dataset X.Y.Z``: every value given is kept, so that two different ones are refused."""

    def __call__(
        self,
        _parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        _option: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, [*getattr(namespace, self.dest, ()), values])


def _add_options(parser: argparse.ArgumentParser, pin: str | None) -> None:
    """``--version``, and ``--dataset`` unless `pin` is None, into the namespace's `pin`."""
    parser.add_argument(
        "--version", action=_PrintVersion, help="print the program's version and exit"
    )
    if pin is not None:
        parser.add_argument(
            "--dataset",
            action=_Pin,
            dest=pin,  # the top level's and a subcommand's apart, so a conflict is seen
            metavar="X.Y.Z",
            default=argparse.SUPPRESS,
            help="the dataset version to use (default: the newest; see `versions`)",
        )


def _add_dates(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dates",
        choices=DATES,
        default="stated",
        help="read event dates as the source states them (the default) or as other "
        "reports corroborate them",
    )


_COMMANDS: tuple[tuple[str, str, str, Callable[[argparse.Namespace], int]], ...] = (
    (
        "summary",
        "print the summary table (the default)",
        f"{PROG} summary --dataset 1.0.0",
        _summary,
    ),
    (
        "status",
        "a country's status on a day, with the evidence it rests on",
        f"{PROG} status Pakistan --on 2023-01-01",
        _status,
    ),
    (
        "recognition",
        "whether a state formally recognizes the Taliban government on a day (2.0.0 on)",
        f"{PROG} recognition Russia --on 2025-07-02",
        _recognition,
    ),
    (
        "representation",
        "the level of each side's mission at the other on a day (2.0.0 on)",
        f"{PROG} representation China --direction state_in_afghanistan",
        _representation,
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
        f"{PROG} export --format datapackage --out exports --dataset 1.0.0",
        _export,
    ),
    (
        "panel",
        "a state or dyad panel by day, month or year, its uncertainty kept",
        f"{PROG} panel --countries RU CN --out panel --format stata",
        _panel,
    ),
    (
        "cite",
        "print the citation of the dataset version",
        f"{PROG} cite --format bibtex --dataset 1.0.0",
        _cite,
    ),
    (
        "diff",
        "what changed from one dataset version to another",
        f"{PROG} diff 1.0.0 1.1.0 --summary",
        _diff,
    ),
)


_COMMAND_NAMES = frozenset(name for name, *_ in _COMMANDS)


def parser() -> argparse.ArgumentParser:
    """The argument parser of the command line."""
    top = _Parser(
        prog=PROG,
        description="Query, export and cite the taliban_recognition dataset.",
        epilog=f"Example:\n  {PROG} status Russia\n  {PROG} events --kind recognition",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_options(top, "top_pins")
    top.set_defaults(run=_summary, dates="stated")
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
        _add_options(command, None if name == "diff" else "pins")  # diff names two versions
        command.set_defaults(run=run)
        made[name] = command
    for name in ("status", "recognition", "representation"):
        made[name].add_argument("country", help="an ISO code or number, or an English name")
        made[name].add_argument("--on", metavar="YYYY-MM-DD", help="the day (default: as_of)")
    made["representation"].add_argument(
        "--direction",
        choices=[direction.value for direction in Direction],
        metavar="DIRECTION",
        help="state_in_afghanistan (the state's mission in Kabul) or afghanistan_in_state "
        "(the Taliban government's in the state); default: both, in that order",
    )
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
    for name in ("summary", "status", "recognition", "representation", "events"):
        _add_dates(made[name])
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
        help="replace the earlier export DIR holds (a folder with anything else is refused)",
    )
    _add_panel(made["panel"])
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


def _add_panel(panel: argparse.ArgumentParser) -> None:
    """The options of ``panel``: those of `Dataset.panel`, and where the panel goes."""
    panel.add_argument(
        "--unit",
        choices=("state", "dyad"),
        default="state",
        help="state rows (status), or dyad rows in COW Diplomatic Exchange's layout (2.0.0 on)",
    )
    panel.add_argument(
        "--freq",
        choices=("day", "month", "year"),
        default="year",
        help="one row per unit and day, month or year (the default)",
    )
    panel.add_argument(
        "--at",
        choices=("end", "start", "period"),
        default="end",
        help="a month or year cell gives the answers on its last day within the span (the "
        "default), its first, or over all its days",
    )
    panel.add_argument("--start", metavar="YYYY-MM-DD", help="the first day (default: coverage)")
    panel.add_argument("--end", metavar="YYYY-MM-DD", help="the last day (default: as_of)")
    panel.add_argument(
        "--countries",
        nargs="+",
        metavar="COUNTRY",
        help="codes or names, one argument each (default: every covered state)",
    )
    _add_dates(panel)
    panel.add_argument(
        "--draws",
        type=int,
        metavar="N",
        help="N sensitivity draws, every uncertain date resolved to a day, with a draw column",
    )
    panel.add_argument("--seed", type=int, help="the seed of the draws (default: 0)")
    panel.add_argument("--non-directed", action="store_true", help="one dyad row per pair, not two")
    panel.add_argument(
        "--format",
        choices=("csv", "datapackage", "parquet", "stata"),
        default="csv",
        help="CSV (the default; to stdout without --out), a Data Package, Parquet or Stata",
    )
    panel.add_argument(
        "--out", type=_folder, metavar="DIR", help="the folder to write (default: CSV to stdout)"
    )
    panel.add_argument("--force", action="store_true", help="replace the earlier export in DIR")


def _pin_output() -> None:
    """Write UTF-8 with the line ends we write, whatever the platform and locale say.

    The exports promise UTF-8, and CSV rows end with CRLF of their own, which a text stream
    on Windows would turn into CR CR LF. Errors escape what stderr cannot show.
    """
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    if isinstance(sys.stderr, io.TextIOWrapper):
        sys.stderr.reconfigure(errors="backslashreplace")


def _respell(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """`argv` with the old dataset pin ``--version X.Y.Z`` spelt ``--dataset``, and its values.

    ``--version`` is the old pin when a value follows it: ``--version=X.Y.Z``, or a next word
    that is no option and, before the subcommand, no subcommand's name. Otherwise (last, before
    an option or a subcommand's name, or in ``diff``, which never took a pin) it asks for the
    program's version. Words after ``--`` are left alone.
    """
    words = list(argv)
    old: list[str] = []
    command: str | None = None
    at = 0
    while at < len(words) and words[at] != "--" and command != "diff":
        word = words[at]
        after = words[at + 1] if at + 1 < len(words) else "-"
        if word.startswith("--version="):
            words[at] = "--dataset=" + word.partition("=")[2]
            old.append(word.partition("=")[2])
        elif word in {"--version", "--dataset"} and not after.startswith("-"):
            if word == "--dataset" or command is not None or after not in _COMMAND_NAMES:
                words[at] = "--dataset"
                old += [after] if word == "--version" else []
                at += 1  # the value, which is no subcommand
        elif command is None and not word.startswith("-"):
            command = word
        at += 1
    return words, old


def _pin(top: argparse.ArgumentParser, args: argparse.Namespace, old: list[str]) -> str | None:
    """The one dataset version the arguments pin (None: the newest); a usage error if not one.

    `old` are the values given with the old spelling, ``--version X.Y.Z``.
    """
    pins = [*getattr(args, "top_pins", ()), *getattr(args, "pins", ())]
    if old and len(pins) > len(old):
        top.error("give the dataset version once, with --dataset (--version is its old spelling)")
    other = next((pin for pin in pins if pin != pins[0]), None)
    if other is not None:
        top.error(f"two dataset versions given, {pins[0]} and {other}; give one")
    if pins and args.run is _diff:
        top.error("diff compares the two versions it names; it takes no --dataset")
    if old:
        print(f"{PROG}: --version {old[0]} is deprecated, use --dataset {old[0]}", file=sys.stderr)
    return pins[0] if pins else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on `argv` (default: ``sys.argv[1:]``); return the exit status."""
    _pin_output()
    try:
        return _run(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:  # Ctrl-C: the user knows why, so no traceback
        print(f"{PROG}: interrupted", file=sys.stderr)
        return INTERRUPTED


def _run(argv: Sequence[str]) -> int:
    words, old = _respell(argv)
    top = parser()
    args = top.parse_args(words)
    args.dataset_version = _pin(top, args, old)
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
