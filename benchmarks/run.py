"""Measure the package against its performance targets, print the results, fail on a miss.

Run it from a clone with the package installed: ``python benchmarks/run.py``. It prints one
Markdown table per part, with the target each row is held to, and exits 1 when a target is
missed (0 when all are met). ``--record docs/performance.md`` also writes the tables and the
machine into that page. ``--quick`` runs a smaller version that checks the script itself.

The parts:

1. Whole processes (``python -c ...``), by the processor time each child used (user and
   system, from ``os.wait4``), with its wall time beside it. Another process on the machine
   makes a child wait, which wall time counts and processor time does not, so the verdicts
   hold on a busy machine. The commands run interleaved, round after round, and each ratio is
   the median of the per-round ratios. The floors are the interpreter's own: ``python -c
   pass`` for importing the package (which imports nothing it does not need, ``typing``
   included), and reading the newest data file with the standard library's ``json`` for the
   first answer, which is also held to the dependencies' own cost (importing attrs, cattrs
   and pycountry and looking one country up).
2. The first answer stage by stage: whole processes cut after each stage of its path
   (`STAGES`: importing `importlib.resources`, then `hashlib` and `json`, then making the
   model classes, and so on), timed in the rounds of part 1, with each stage's own cost as
   the difference of medians. Part 1 also reads the newest file, checks and parses it with
   no record made, through `importlib.resources` as the package does and through its
   loader's `get_data`.
3. Peak memory (the largest resident set) of loading the newest dataset, against importing
   pycountry and looking one country up.
4. Repeated queries on the newest dataset, each timed after a first call: microseconds of
   processor time a call, the median of 7 repeats of 2000 calls. A query that finds no
   country is held to `MISS_LIMIT` times one that finds a country by name: in each of 7
   rounds, 2000 hits and then 200 misses are timed, and the ratio is the median of the
   rounds' ratios, so that a change in the machine's load between the two does not count.
5. Panels: a synthetic dataset of the 248 ISO states over ten thousand days, with four
   sensitivity draws of its dates, so that the day panel over the draws is 992 state series
   of 10^4 days (about 10^7 state-days). The processor time of each step in a fresh process
   (CPU time, which another process on the machine does not add to): drawing, building the
   day panel (held to `PANEL_LIMIT_S`), its DataFrame, and the month and year panels; then the
   year panels of the newest shipped dataset over a thousand draws, as UCDP users take.
6. Garbage collection: a full collection after loading a synthetic dataset of
   `COLLECTION_EVENTS` events, as the package leaves the process (the records frozen out of
   the collector's way), against one that scans them all (`gc.unfreeze` first), in processor
   time; held to `COLLECTION_LIMIT`.
7. Scale: synthetic datasets of 10^3 to 10^6 events (`synthetic.py`), each loaded in a fresh
   process; seconds per 10^5 events and peak memory to load, and the time of each query, all
   in processor time. The growth of a measure with the number of events n is fitted as n^k
   by least squares on logarithms: k = 0 is flat, a logarithmic growth over this range gives
   k of about 0.1, a linear one k = 1. A query fails with k above `QUERY_GROWTH_LIMIT`,
   loading above `LOAD_GROWTH_LIMIT`. The fits are the last table, `GROWTH`, which
   `find_events` of part 4 refers to.

Times under a millisecond are printed in µs (microseconds).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import importlib.resources
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import synthetic

IMPORT_LIMIT = 1.1
"""`import taliban_recognition` against `python -c pass`."""
FIRST_FLOOR_LIMIT = 2.0
"""The first answer by code against reading the newest file with `json`."""
FIRST_BASE_LIMIT = 0.7
"""The first answer by code against importing the dependencies and one pycountry lookup."""
FIRST_NAME_LIMIT = 2.5
"""The first answer by name against reading the newest file with `json`."""
MEMORY_LIMIT = 1.5
REPEATED_LIMIT_US = 5.0
MISS_LIMIT = 20
"""A country query that finds nothing, against one that finds a country by name."""
QUERY_GROWTH_LIMIT = 0.25
LOAD_GROWTH_LIMIT = 1.15
PANEL_LIMIT_S = 5.0
COLLECTION_LIMIT = 0.1
"""A full collection after a load, against one that scans the loaded records."""
COLLECTION_EVENTS = 100_000
PANEL_DAYS = 10_000
PANEL_DRAWS = 4

BASE_IMPORT = "pass"
IMPORT = "import taliban_recognition"
IMPORTED = (
    "import sys; before = set(sys.modules); import taliban_recognition; "
    "added = sorted(set(sys.modules) - before); import json; print(json.dumps(added))"
)
"""Prints the modules importing the package adds to a bare interpreter's."""
BASE_FIRST = "import attrs, cattrs, pycountry; pycountry.countries.get(alpha_2='RU')"
FIRST = "import taliban_recognition as tr; tr.load().status_of('RU')"
FIRST_BY_NAME = "import taliban_recognition as tr; tr.load().status_of('Russia')"
BASE_MEMORY = "import pycountry; pycountry.countries.get(alpha_2='RU')"
MEMORY = "import taliban_recognition as tr; tr.load()"

GROWTH = "Growth with the number of events"
"""The title of the table of fitted growth, which a query held to its results refers to."""

START = "<!-- benchmark:start -->"
END = "<!-- benchmark:end -->"


@dataclass(frozen=True)
class Row:
    """One measured line of a table: what, its value, and the target it is held to."""

    what: str
    value: str
    target: str = ""
    met: bool | None = None  # None: reported, not held to a target

    @property
    def verdict(self) -> str:
        """``met``, ``MISSED`` or empty, for the table."""
        return "" if self.met is None else "met" if self.met else "MISSED"


def growth(sizes: list[int], values: list[float]) -> float:
    """The exponent k of the best fit ``value = c * size**k`` (least squares on logarithms).

    Raises:
        ValueError: Fewer than two sizes, or a size or value that is not positive.
    """
    if len(sizes) != len(values) or len(sizes) < 2:
        msg = "growth needs a value for each of at least two sizes"
        raise ValueError(msg)
    if min(sizes) <= 0 or min(values) <= 0:
        msg = "growth needs positive sizes and values"
        raise ValueError(msg)
    xs = [math.log(size) for size in sizes]
    ys = [math.log(value) for value in values]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        msg = "growth needs at least two different sizes"
        raise ValueError(msg)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def shape(exponent: float) -> str:
    """A word for a fitted growth exponent."""
    if exponent < 0.05:
        return "flat"
    if exponent < QUERY_GROWTH_LIMIT:
        return "logarithmic or less"
    if exponent < 0.85:
        return "sublinear, more than logarithmic"
    if exponent < LOAD_GROWTH_LIMIT:
        return "linear"
    return "more than linear"


def environment() -> dict[str, str]:
    """The environment for the timed processes: byte code may be cached, as when installed."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(code: str) -> str:
    """Run `code` in a fresh interpreter; its standard output."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=environment(),
    )
    return result.stdout


@dataclass(frozen=True)
class Spent:
    """What a child process cost: processor time (user and system) and wall time, seconds."""

    cpu: float
    wall: float


def spent(code: str) -> Spent:
    """What a fresh interpreter running `code` costs, start to exit."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], env=environment())
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
    else:  # no wait4: the children's usage, before and after (POSIX without wait4)
        import resource  # noqa: PLC0415 -- POSIX only

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        child.wait()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    wall = time.perf_counter() - start
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, code)
    return Spent(cpu, wall)


def newest_file() -> str:
    """The name of the newest dataset version's file, as the package data holds it."""
    import taliban_recognition as tr  # noqa: PLC0415 -- the benchmark's own process

    newest = max(tr.versions(), key=lambda v: tuple(int(n) for n in v.split(".")))
    return f"{newest}.json"


def floor_of_reading() -> str:
    """The standard library's cost of the first answer's data: `json` reading the newest file."""
    files = importlib.resources.files("taliban_recognition").joinpath("data", newest_file())
    with importlib.resources.as_file(files) as path:
        return f"import json; json.load(open({str(path)!r}, 'rb'))"


def reading_as_the_package_must() -> str:
    """The floor's work done as the package must do it, and nothing more.

    The file is read through `importlib.resources` (the package's data is read no other
    way) and checked against a SHA-256 digest before it is parsed; no record is made. What
    this costs over the floor, the first answer cannot save.
    """
    where = f"joinpath('data', {newest_file()!r})"
    return (
        "import hashlib, importlib.resources, json; "
        f"data = importlib.resources.files('taliban_recognition').{where}.read_bytes(); "
        "hashlib.sha256(data).hexdigest(); json.loads(data)"
    )


def added_modules() -> list[str]:
    """The modules importing the package adds to a bare interpreter's."""
    return list(json.loads(run(IMPORTED)))


STAGES = (
    ("starting Python (`pass`)", "pass"),
    ("importing `importlib.resources`", "import importlib.resources"),
    ("and `hashlib` and `json`", "import importlib.resources, hashlib, json"),
    (
        "and making the model classes (`_model`)",
        "import importlib.resources, hashlib, json, taliban_recognition._model",
    ),
    (
        "and `Dataset` and the reader of shipped files",
        "import importlib.resources, hashlib, json, taliban_recognition._reader",
    ),
    ("and reading, checking and parsing the file, making the records, answering", FIRST),
)
"""The first answer's path, cut after each stage: what each whole process imports or does."""


def reading_through_the_loader() -> str:
    """`reading_as_the_package_must`, but through the package loader's `get_data`.

    Not how the package reads its data (it reads it through `importlib.resources`): it shows
    what that choice costs the first answer.
    """
    return (
        "import hashlib, json, os, taliban_recognition as t; "
        "data = t.__spec__.loader.get_data("
        f"os.path.join(os.path.dirname(t.__file__), 'data', {newest_file()!r})); "
        "hashlib.sha256(data).hexdigest(); json.loads(data)"
    )


def processes(rounds: int) -> tuple[list[Row], list[Row]]:
    """Parts 1 and 2: whole processes, each timed in every round, by processor time.

    Part 1 holds the first answer and the import to their targets; part 2 is the first
    answer's path cut after each stage (`STAGES`). Both come from the same rounds, so the
    first answer is one figure in both, and each stage's own cost is the difference of the
    medians of the processes that end before and after it.
    """
    floor = floor_of_reading()
    must, loader = reading_as_the_package_must(), reading_through_the_loader()
    commands = [BASE_IMPORT, IMPORT, floor, must, loader, BASE_FIRST, FIRST, FIRST_BY_NAME]
    commands += [code for _, code in STAGES if code not in commands]
    for code in commands * 3:  # warm up: byte code written, files in the page cache
        spent(code)
    costs: dict[str, list[Spent]] = {code: [] for code in commands}
    for _ in range(rounds):
        for code in commands:
            costs[code].append(spent(code))

    def ratio(code: str, base: str) -> float:
        pairs = zip(costs[code], costs[base], strict=True)
        return statistics.median(a.cpu / b.cpu for a, b in pairs)

    def cpu(code: str) -> float:
        return 1000 * statistics.median(c.cpu for c in costs[code])

    def ms(code: str) -> str:
        wall = statistics.median(c.wall for c in costs[code])
        return f"{cpu(code):.1f} ms ({1000 * wall:.1f} ms wall)"

    def held(what: str, code: str, base: str, limit: float, then: str = "") -> Row:
        found = ratio(code, base)
        return Row(what, f"{ms(code)}, {found:.2f}x{then}", f"<= {limit}x", found <= limit)

    added = added_modules()
    typing = [name for name in added if name == "typing" or name.startswith("typing.")]
    name = f"`{floor.split(';', 1)[0]}; json.load(<newest file>)`"
    whole = [
        Row(f"`python -c {BASE_IMPORT}` (floor)", ms(BASE_IMPORT)),
        held(f"`{IMPORT}`", IMPORT, BASE_IMPORT, IMPORT_LIMIT, f", {len(added)} modules"),
        Row(
            f"`{IMPORT}` imports `typing`",
            "yes" if typing else "no",
            "no",
            not typing,
        ),
        Row(f"{name} (floor)", ms(floor)),
        Row(
            "the same file read through `importlib.resources` and its digest checked, "
            "no records made (what the package must do at least)",
            f"{ms(must)}, {ratio(must, floor):.2f}x the floor",
        ),
        Row(
            "the same through the package loader's `get_data` instead (not how the package "
            "reads it)",
            f"{ms(loader)}, {ratio(loader, floor):.2f}x the floor",
        ),
        Row(f"`{BASE_FIRST}` (baseline)", ms(BASE_FIRST)),
        held(f"`{FIRST}` against the floor", FIRST, floor, FIRST_FLOOR_LIMIT),
        held(f"`{FIRST}` against the baseline", FIRST, BASE_FIRST, FIRST_BASE_LIMIT),
        held(f"`{FIRST_BY_NAME}` against the floor", FIRST_BY_NAME, floor, FIRST_NAME_LIMIT),
    ]
    stages, before = [], None
    for what, code in STAGES:
        own = "" if before is None else f", {cpu(code) - cpu(before):+.1f} ms"
        stages.append(Row(what, f"{cpu(code):.1f} ms{own}"))
        before = code
    return whole, stages


PEAK_OF = """
def resident(field):
    # A memory figure of this process from /proc/self/status, in bytes; None elsewhere.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None

def peak_of_process():
    # The process's peak resident set in bytes. On Linux, VmHWM of /proc/self/status: getrusage's
    # ru_maxrss keeps the parent's peak across fork and exec, so it would report the benchmark's.
    import sys
    peak = resident("VmHWM")
    if peak is not None:
        return peak
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak * (1 if sys.platform == "darwin" else 1024)
"""
"""Source of a function a measured process runs to report its own peak memory."""

PEAK = "\n" + PEAK_OF + "print(peak_of_process())"
"""Appended to a command: print the process's peak resident set in bytes."""


def peak_bytes(code: str, runs: int = 5) -> float:
    """The median peak resident set, in bytes, of a fresh interpreter running `code`."""
    return statistics.median(float(run(code + PEAK)) for _ in range(runs))


def memory() -> list[Row]:
    """Part 3: peak memory of loading the newest dataset against pycountry and one lookup."""
    base, loading = peak_bytes(BASE_MEMORY), peak_bytes(MEMORY)
    ratio = loading / base
    return [
        Row(f"`{BASE_MEMORY}` (baseline)", f"{base / 2**20:.1f} MiB"),
        Row(
            f"`{MEMORY}`",
            f"{loading / 2**20:.1f} MiB, {ratio:.2f}x",
            f"<= {MEMORY_LIMIT}x",
            ratio <= MEMORY_LIMIT,
        ),
    ]


MISSES = ("Rusia", "Narnia", "Republic of Atlantis")
"""Country queries that find nothing: a misspelling, a name of no state, a longer one."""

REPEATED = (
    f"MISSES = {MISSES!r}"
    """
import json, statistics, time, timeit, taliban_recognition as tr
ds = tr.load()
russia = ds.country("RU")
calls = {
    "ds.status_of('RU')": lambda: ds.status_of("RU"),
    "ds.status_of('rus', on='2024-05-01')": lambda: ds.status_of("rus", on="2024-05-01"),
    "ds.status_of(643)": lambda: ds.status_of(643),
    "ds.status_of(<Country RU>)": lambda: ds.status_of(russia),
    "ds.status_of('Russia')": lambda: ds.status_of("Russia"),
    "tr.country('RU')": lambda: tr.country("RU"),
    "tr.country('Russia')": lambda: tr.country("Russia"),
    "ds.find_events(country='RU')": lambda: ds.find_events(country="RU"),
}
found = {}
for name, call in calls.items():
    call()
    number = 2000
    times = timeit.repeat(call, number=number, repeat=7, timer=time.process_time)
    found[name] = statistics.median(times) / number
found["results"] = len(ds.find_events(country="RU"))

def miss(query):
    try:
        tr.country(query)
    except tr.UnknownCountryError as error:
        return str(error)
    raise AssertionError(query)

def hit():
    return tr.country("Russia")

from taliban_recognition import _iso
remembered = _iso._index().suggested

def afresh(query):
    # The query's suggestions searched for again: as the first time it is asked.
    remembered.clear()
    return miss(query)

misses = []
for query in MISSES:
    for when, call in (("the first time", afresh), ("asked again", miss)):
        rounds = []  # (miss, hit) per call, timed one after the other: the same load on both
        for _ in range(7):
            hits = timeit.timeit(hit, number=2000, timer=time.process_time) / 2000
            missed = timeit.timeit(lambda: call(query), number=200, timer=time.process_time) / 200
            rounds.append((missed, hits))
        ratio = statistics.median(missed / hits for missed, hits in rounds)
        seconds = statistics.median(m for m, _ in rounds)
        misses.append([query, when, miss(query), seconds, ratio])
found["misses"] = misses
print(json.dumps(found))
"""
)


def repeated() -> list[Row]:
    """Part 4: repeated queries on the newest dataset, after a first call."""
    found = json.loads(run(REPEATED))
    results = found.pop("results")
    misses = found.pop("misses")
    rows = []
    for query, when, message, seconds, ratio in misses:
        rows.append(
            Row(
                f"`tr.country({query!r})`, a miss {when} ({message.partition(';')[2].strip()!r})",
                f"{seconds * 1e6:.1f} µs, {ratio:.0f}x `tr.country('Russia')`",
                f"<= {MISS_LIMIT}x a hit",
                ratio <= MISS_LIMIT,
            )
        )
    for name, seconds in found.items():
        micro = seconds * 1e6
        if name.startswith("ds.find_events"):
            value = f"{micro:.2f} µs ({results} events, {micro / results:.2f} µs each)"
            rows.append(Row(f"`{name}`", value, f"proportional to results ({GROWTH})"))
        else:
            met = micro < REPEATED_LIMIT_US
            rows.append(Row(f"`{name}`", f"{micro:.2f} µs", f"< {REPEATED_LIMIT_US} µs", met))
    return rows


SCALE = (
    PEAK_OF
    + """
import hashlib, importlib.resources, json, random, sys, time  # the package defers the first two
from pathlib import Path
from taliban_recognition._load import Shelf
from taliban_recognition._convert import converter
from taliban_recognition._dataset import Dataset
folder, version, probe = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
converter(version, detailed=False).get_structure_hook(Dataset)  # generated once, not timed
before = peak_of_process()  # the code is imported: what follows is the data's
start = time.process_time()
ds = Shelf(lambda: folder, "synthetic").load(version)
load = time.process_time() - start
peak = peak_of_process()
import gc
gc.collect()
held = resident("VmRSS")  # once the parsed JSON is freed (not all of it goes back to the OS)
rng = random.Random(1)
codes = sorted({p.country.alpha_2 for p in ds.statuses})
span = (ds.as_of - ds.coverage_start).days
days = [ds.coverage_start + __import__("datetime").timedelta(days=rng.randrange(span + 1))
        for _ in range(1000)]
pairs = [(rng.choice(codes), day) for day in days]

def per_call(call, arguments, rounds=5):
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for argument in arguments:
            call(argument)
        best = min(best, (time.process_time() - start) / len(arguments))
    return best

busy = max(codes, key=lambda code: len(ds.find_events(country=code)))
print(json.dumps({
    "load": load,
    "peak": peak,
    "before": before,
    "held": held if held is not None else peak,
    "periods": len(ds.statuses),
    "status_of": per_call(lambda pair: ds.status_of(pair[0], on=pair[1]), pairs),
    "recognizers": per_call(lambda day: ds.recognizers(on=day), days[:50]),
    "find_events_probe": per_call(lambda code: ds.find_events(country=code), [probe] * 200),
    "probe_results": len(ds.find_events(country=probe)),
    "find_events_busy": per_call(lambda code: ds.find_events(country=code), [busy] * 20),
    "busy_results": len(ds.find_events(country=busy)),
}))
"""
)


@contextlib.contextmanager
def shelved(data: bytes) -> Iterator[str]:
    """A temporary folder holding `data` as the synthetic version's file, with its manifest.

    The reference to `data` is dropped once it is written, so that a caller that drops its
    own frees the memory while the folder is in use.
    """
    with tempfile.TemporaryDirectory() as folder:
        name = f"{synthetic.VERSION}.json"
        Path(folder, name).write_bytes(data)
        digest = hashlib.sha256(data).hexdigest()
        Path(folder, "SHA256SUMS").write_text(f"{digest}  {name}\n", encoding="utf-8")
        del data
        yield folder


PANEL = """
import json, sys, time
from pathlib import Path
from taliban_recognition._load import Shelf
folder, version, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
ds = Shelf(lambda: folder, "synthetic").load(version)
found = {}

def cpu(name, make):
    start = time.process_time()
    made = make()
    found[name] = time.process_time() - start
    return made

draws = cpu("draws", lambda: ds.draws(n, seed=1))
panel = cpu("day", lambda: ds.panel("day", draws=draws))
found["day_rows"] = len(panel)
found["series"] = len(panel._keys)
cpu("dataframe", panel.to_dataframe)
found["month_rows"] = len(cpu("month", lambda: ds.panel("month", draws=draws)))
found["year_rows"] = len(cpu("year", lambda: ds.panel("year", at="period", draws=draws)))
import taliban_recognition as tr
shipped = tr.load()
many = cpu("shipped_draws", lambda: shipped.draws(1000, seed=1))
found["shipped_rows"] = len(cpu("shipped_year", lambda: shipped.panel("year", draws=many)))
found["shipped_dyads"] = len(cpu("shipped_dyad", lambda: shipped.dyad_panel("year", draws=many)))
found["shipped"] = shipped.version
print(json.dumps(found))
"""


def panels(days: int, draws: int, events: int = 20_000) -> list[Row]:
    """Part 5: panels of a synthetic dataset of `events` over `days` days, with `draws` draws."""
    start = dt.date(1998, 3, 1)
    end = start + dt.timedelta(days - 1)
    data = synthetic.dataset(events, coverage_start=start, as_of=end)
    with shelved(data) as folder:
        result = subprocess.run(
            [sys.executable, "-c", PANEL, folder, synthetic.VERSION, str(draws)],
            capture_output=True,
            text=True,
            check=True,
            env=environment(),
        )
    found = json.loads(result.stdout)
    size = f"{found['series']} state series x {days:,} days = {found['day_rows']:,} state-days"
    return [
        Row(f"`draws({draws})`", f"{found['draws']:.2f} s"),
        Row(
            f"`panel('day', draws=...)`: {size}",
            f"{found['day']:.2f} s",
            f"< {PANEL_LIMIT_S:.0f} s",
            found["day"] < PANEL_LIMIT_S,
        ),
        Row("`Panel.to_dataframe()` of that panel", f"{found['dataframe']:.2f} s"),
        Row(
            f"`panel('month', draws=...)`: {found['month_rows']:,} rows", f"{found['month']:.2f} s"
        ),
        Row(
            f"`panel('year', at='period', draws=...)`: {found['year_rows']:,} rows",
            f"{found['year']:.2f} s",
        ),
        Row(f"dataset {found['shipped']}: `draws(1000)`", f"{found['shipped_draws']:.2f} s"),
        Row(
            f"dataset {found['shipped']}: `panel('year', draws=...)`, "
            f"{found['shipped_rows']:,} rows",
            f"{found['shipped_year']:.2f} s",
        ),
        Row(
            f"dataset {found['shipped']}: `dyad_panel('year', draws=...)`, "
            f"{found['shipped_dyads']:,} rows",
            f"{found['shipped_dyad']:.2f} s",
        ),
    ]


COLLECTION = """
import gc, json, sys, time
from pathlib import Path
from taliban_recognition._load import Shelf
folder, version = Path(sys.argv[1]), sys.argv[2]
ds = Shelf(lambda: folder, "synthetic").load(version)

def full_collection():
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        gc.collect()
        best = min(best, time.process_time() - start)
    return best

frozen = full_collection()  # as the package leaves the process
gc.unfreeze()  # every record back in the collector's generations, as before freezing
print(json.dumps({"frozen": frozen, "scanned": full_collection(), "events": len(ds.events)}))
"""


def collection(events: int) -> list[Row]:
    """Part 6: a full garbage collection after loading `events` events, frozen and not."""
    data = synthetic.dataset(events)
    with shelved(data) as folder:
        result = subprocess.run(
            [sys.executable, "-c", COLLECTION, folder, synthetic.VERSION],
            capture_output=True,
            text=True,
            check=True,
            env=environment(),
        )
    found = json.loads(result.stdout)
    ratio = found["frozen"] / found["scanned"]
    return [
        Row(
            f"`gc.collect()` with the records scanned (`gc.unfreeze()` first), "
            f"{found['events']:,} events",
            f"{1000 * found['scanned']:.1f} ms",
        ),
        Row(
            "`gc.collect()` after loading, as the package leaves the process",
            f"{1000 * found['frozen']:.2f} ms, {ratio:.3f}x",
            f"<= {COLLECTION_LIMIT}x",
            ratio <= COLLECTION_LIMIT,
        ),
    ]


def scale(sizes: list[int]) -> tuple[list[list[str]], list[Row]]:
    """Part 7: synthetic datasets of each size, each loaded and queried in a fresh process."""
    measured: list[dict[str, float]] = []
    for size in sizes:
        data = synthetic.dataset(size)
        with shelved(data) as folder:
            del data  # the shelf's file holds it: free the memory for the measured process
            result = subprocess.run(
                [sys.executable, "-c", SCALE, folder, synthetic.VERSION, synthetic.PROBE],
                capture_output=True,
                text=True,
                check=True,
                env=environment(),
            )
        measured.append(json.loads(result.stdout))
    table = [
        [
            f"{size:,} events, {m['periods']:,} periods",
            f"{m['load'] * 1e5 / size:.2f} s",
            (
                f"{(m['peak'] - m['before']) / 2**20:,.0f} MiB, "
                f"{(m['held'] - m['before']) / 2**20:,.0f} MiB"
            ),
            f"{m['status_of'] * 1e6:.2f} µs",
            f"{m['recognizers'] * 1e6:.0f} µs",
            f"{m['find_events_probe'] * 1e6:.2f} µs ({m['probe_results']:.0f})",
            f"{m['find_events_busy'] * 1e6 / m['busy_results']:.3f} µs",
        ]
        for size, m in zip(sizes, measured, strict=True)
    ]
    return table, fits_of(sizes, measured)


Measure = Callable[[dict[str, float]], float]


def fits_of(sizes: list[int], measured: list[dict[str, float]]) -> list[Row]:
    """The fitted growth of each measure over `sizes`, held to its limit where it has one."""
    checks: list[tuple[str, float | None, Measure]] = [
        ("loading: seconds", LOAD_GROWTH_LIMIT, lambda m: m["load"]),
        ("loading: peak memory added", None, lambda m: m["peak"] - m["before"]),
        ("loading: memory resident after", None, lambda m: m["held"] - m["before"]),
        ("`status_of(code, on=day)`", QUERY_GROWTH_LIMIT, lambda m: m["status_of"]),
        ("`recognizers(on=day)`", QUERY_GROWTH_LIMIT, lambda m: m["recognizers"]),
        (
            f"`find_events(country=...)`, {synthetic.PROBE_EVENTS} results at every size",
            QUERY_GROWTH_LIMIT,
            lambda m: m["find_events_probe"],
        ),
        (
            "`find_events(country=...)`, time per result",
            QUERY_GROWTH_LIMIT,
            lambda m: m["find_events_busy"] / m["busy_results"],
        ),
    ]
    fits = []
    for what, limit, measure in checks:
        exponent = growth(sizes, [measure(m) for m in measured])
        target = "" if limit is None else f"k <= {limit}"
        met = None if limit is None else exponent <= limit
        fits.append(Row(what, f"k = {exponent:.2f} ({shape(exponent)})", target, met))
    return fits


def machine() -> str:
    """One line on the machine and software the measurements were taken on."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            line.partition(":")[2].strip()
            for line in cpuinfo.read_text(encoding="utf-8").splitlines()
            if line.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    meminfo = Path("/proc/meminfo")
    memory = ""
    if meminfo.exists():
        total = meminfo.read_text(encoding="utf-8").split("\n", 1)[0].split()  # MemTotal: N kB
        memory = f", {int(total[1]) / 2**20:.0f} GiB of memory"
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 -- git from PATH, if any
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent,
        ).stdout.strip()
        commit += " with uncommitted changes" if changed else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    from importlib.metadata import version  # noqa: PLC0415

    software = ", ".join(
        f"{name} {version(name)}"
        for name in ("taliban-recognition", "attrs", "cattrs", "pycountry")
    )
    return (
        f"{cpu}, {cores} cores available{memory}, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {software}; commit {commit}"
    )


def markdown(title: str, header: list[str], cells: list[list[str]]) -> str:
    """A Markdown table of `cells` under a level-3 heading."""
    lines = [f"### {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines)


def judged(title: str, columns: list[str], rows: list[Row]) -> str:
    """A table of `rows`: the two `columns`, then each row's target and verdict."""
    cells = [[r.what, r.value, r.target, r.verdict] for r in rows]
    return markdown(title, [*columns, "Target", "Verdict"], cells)


def record(page: Path, report: str) -> None:
    """Replace the part of `page` between the benchmark markers with `report`."""
    text = page.read_text(encoding="utf-8")
    before, start, rest = text.partition(START)
    _, end, after = rest.partition(END)
    if not start or not end:
        msg = f"{page} has no {START} ... {END} markers to write between"
        raise SystemExit(msg)
    page.write_text(f"{before}{START}\n{report}\n{END}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; 0 when every target is met, 1 when one is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short run that checks the script")
    parser.add_argument("--record", type=Path, help="also write the results into this page")
    options = parser.parse_args(argv)
    rounds, sizes = (3, [1000, 3000]) if options.quick else (21, [10**3, 10**4, 10**5, 10**6])
    panel_days, panel_events = (400, 2_000) if options.quick else (PANEL_DAYS, 20_000)
    collected = 3_000 if options.quick else COLLECTION_EVENTS

    whole, stages = processes(rounds)
    parts = [
        (
            "Whole processes, processor time",
            ["Command", "Median CPU time (wall time), ratio"],
            whole,
        ),
        (
            "The first answer, stage by stage, processor time",
            ["The process stops after", "Median CPU time, the stage's own"],
            stages,
        ),
        ("Peak memory", ["Command", "Peak resident set, ratio to baseline"], memory()),
        ("Repeated queries, newest dataset", ["Call", "Time per call"], repeated()),
        (
            "Panels, processor time",
            ["Call", "CPU time"],
            panels(panel_days, PANEL_DRAWS, panel_events),
        ),
        (
            "Garbage collection after loading, processor time",
            ["Call", "CPU time, the best of 3"],
            collection(collected),
        ),
    ]
    table, fits = scale(sizes)
    scale_header = ["Synthetic dataset", "Load, per 10^5 events"]
    scale_header += ["Memory added: peak, resident after", "`status_of`", "`recognizers`"]
    scale_header += ["`find_events`, probe (results)", "`find_events`, busiest, per result"]
    sections = [judged(title, columns, rows) for title, columns, rows in parts]
    sections.append(markdown("Scale: synthetic datasets", scale_header, table))
    sections.append(judged(GROWTH, ["Measure", "Fitted n^k"], fits))
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    report = "\n\n".join([f"Measured {stamp} on: {machine()}.", *sections])
    print(report)
    missed = [row for _, _, rows in parts for row in rows if row.met is False]
    missed += [row for row in fits if row.met is False]
    if options.record:
        record(options.record, report)
    if missed:
        print(f"\n{len(missed)} target(s) missed:", *(f"- {r.what}" for r in missed), sep="\n")
        return 1
    print("\nEvery target met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
