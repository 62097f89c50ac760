"""Write `taliban_recognition/_inits.py`: the ``__init__`` of each record class, ahead of time.

Making a record class compiles its ``__init__`` unless `_inits` holds a factory for it
(`taliban_recognition._record`). Run this after changing a record class's fields; with
``--check`` it changes nothing and fails if the file is not current, which a test runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import taliban_recognition as tr
from taliban_recognition._record import inits_module
from taliban_recognition._schema import records_of

TARGET = Path(__file__).resolve().parent.parent / "src" / "taliban_recognition" / "_inits.py"


def main(argv: list[str] | None = None) -> int:
    """Write the file, or with ``--check`` say whether it is current.

    Returns:
        The exit status: 0, or 1 when ``--check`` finds the file out of date.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is not current")
    check = parser.parse_args(argv).check
    text = inits_module(records_of(tr.Dataset))
    if TARGET.read_text(encoding="utf-8") == text:
        return 0
    if check:
        print(f"{TARGET} is not current: run python scripts/write_inits.py", file=sys.stderr)
        return 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
