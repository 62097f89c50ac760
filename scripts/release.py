"""What every dataset build script does with its build: check it against the file, or write it.

A build script compares the shipped file with a fresh build and exits 1 if they differ; with
``--write`` it writes the file, which it refuses once the manifest lists the version, since a
released file never changes.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def check_or_write(out: Path, built: bytes, description: str) -> int:
    """Compare `out` with `built`, or with ``--write`` write it; return the exit status."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--write", action="store_true", help="write the file (before release)")
    shown = f"{out.parent.name}/{out.name}"
    if parser.parse_args().write:
        manifest = (out.parent / "SHA256SUMS").read_text(encoding="utf-8")
        if f"  {out.name}\n" in manifest:
            print(
                f"{out.name} is released (listed in SHA256SUMS) and never changes", file=sys.stderr
            )
            return 1
        out.write_bytes(built)
        print(f"wrote {shown} ({len(built)} bytes)")
        return 0
    if not out.exists() or out.read_bytes() != built:
        print(f"{shown} differs from its build", file=sys.stderr)
        return 1
    print(f"{shown} matches its build")
    return 0
