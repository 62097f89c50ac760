"""The Python versions the package supports, and where this machine has each one.

``--supported`` prints the minor versions the package's classifiers name (3.10 3.11 ...);
``--find 3.12`` prints the path of an interpreter of that version: ``python3.12`` on the PATH
if it runs, else the newest pyenv install of it. One it cannot find is an error that says
where it looked, so CI never reports a version as tested that it did not run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the standard library has tomllib from 3.11 on
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def supported() -> list[str]:
    """The minor versions the classifiers in pyproject.toml name, oldest first."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        classifiers = tomllib.load(handle)["project"]["classifiers"]
    found = [
        match[1]
        for text in classifiers
        if (match := re.fullmatch(r"Programming Language :: Python :: (3\.\d+)", text))
    ]
    return sorted(found, key=lambda minor: tuple(map(int, minor.split("."))))


def _runs(candidate: str, minor: str) -> bool:
    """Whether `candidate` starts and is Python `minor` (a pyenv shim may do neither)."""
    try:
        result = subprocess.run(  # noqa: S603 -- an interpreter path we found
            [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0 and result.stdout.strip() == minor


def find(minor: str) -> tuple[str | None, list[str]]:
    """An interpreter of Python `minor`, and every place looked in."""
    looked = []
    on_path = shutil.which(f"python{minor}")
    looked.append(f"python{minor} on the PATH ({on_path or 'none'})")
    if on_path and _runs(on_path, minor):
        return on_path, looked
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    installs = sorted(
        (p for p in root.glob(f"{minor}.*") if re.fullmatch(rf"{re.escape(minor)}\.\d+", p.name)),
        key=lambda p: int(p.name.rsplit(".", 1)[1]),
        reverse=True,
    )
    looked.append(f"pyenv installs in {root} ({', '.join(p.name for p in installs) or 'none'})")
    for install in installs:
        candidate = str(install / "bin" / "python")
        if _runs(candidate, minor):
            return candidate, looked
    return None, looked


def main() -> int:
    """Print the supported versions, or the interpreter of one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--supported", action="store_true", help="print the supported versions")
    group.add_argument("--find", metavar="3.X", help="print an interpreter of that version")
    args = parser.parse_args()
    if args.supported:
        print(" ".join(supported()))
        return 0
    found, looked = find(args.find)
    if found is None:
        print(
            f"Python {args.find} is not on this machine; looked for: {'; '.join(looked)}. "
            "Install it (e.g. pyenv install) to run the tests on it.",
            file=sys.stderr,
        )
        return 1
    print(found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
