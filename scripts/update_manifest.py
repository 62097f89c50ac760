"""Regenerate the checksum manifest of the shipped dataset versions (``sha256sum -c`` format).

Run from the repository root after adding a dataset version:

    python scripts/update_manifest.py

The test suite fails while the manifest is stale. It also pins the digests of released
versions, so this script cannot quietly bless a change to a released file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "taliban_recognition" / "data"


def semver(path: Path) -> tuple[int, ...]:
    """Sort key of a data file named ``MAJOR.MINOR.PATCH.json``."""
    return tuple(int(part) for part in path.name.removesuffix(".json").split("."))


def main() -> None:
    """Write ``SHA256SUMS`` for every data file, oldest version first."""
    lines = [
        f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n"
        for path in sorted(DATA.glob("*.json"), key=semver)
    ]
    (DATA / "SHA256SUMS").write_text("".join(lines), encoding="utf-8", newline="\n")
    print(f"{len(lines)} version(s) listed in {DATA / 'SHA256SUMS'}")


if __name__ == "__main__":
    main()
