"""Regenerate ``CITATION.cff`` from the package's citation metadata, for the newest version.

Run from the repository root after adding a dataset version (and its release date in
``src/taliban_recognition/_cite.py``):

    python scripts/update_citation.py

The test suite fails while ``CITATION.cff`` differs from ``taliban_recognition.cite(format="cff")``.
"""

from __future__ import annotations

from pathlib import Path

import taliban_recognition as tr

CITATION = Path(__file__).resolve().parent.parent / "CITATION.cff"


def main() -> None:
    """Write ``CITATION.cff`` for the newest dataset version."""
    CITATION.write_text(tr.cite(format="cff"), encoding="utf-8", newline="\n")
    print(f"{CITATION} cites dataset version {tr.versions()[-1]}")


if __name__ == "__main__":
    main()
