"""Finding, verifying and caching the dataset versions shipped inside the package."""

from __future__ import annotations

import hashlib
import importlib.resources
import re
import threading
from typing import TYPE_CHECKING

from taliban_recognition._errors import DataFormatError, DataIntegrityError, UnknownVersionError

if TYPE_CHECKING:
    from taliban_recognition._dataset import Dataset

DATA = "data"
"""Folder of the package that holds the data files and the manifest."""
MANIFEST = "SHA256SUMS"
"""The manifest: one ``<sha256>  <version>.json`` line per dataset version (sha256sum -c)."""

_LINE = re.compile(r"([0-9a-f]{64})  ((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))\.json")

_lock = threading.Lock()
_manifest: dict[str, str] = {}
_cache: dict[str, Dataset] = {}


def _resource(name: str) -> bytes:
    return importlib.resources.files("taliban_recognition").joinpath(DATA, name).read_bytes()


def _semver(version: str) -> tuple[int, int, int]:
    major, minor, patch = version.split(".")
    return int(major), int(minor), int(patch)


def manifest() -> dict[str, str]:
    """The digest on record for each shipped version, oldest version first."""
    with _lock:
        if not _manifest:
            entries: dict[str, str] = {}
            for number, line in enumerate(_resource(MANIFEST).decode().splitlines(), 1):
                match = _LINE.fullmatch(line)
                if match is None:
                    raise DataFormatError(f"{MANIFEST}:{number}", f"malformed line {line!r}")
                entries[match[2]] = match[1]
            _manifest.update(sorted(entries.items(), key=lambda item: _semver(item[0])))
        return dict(_manifest)


def versions() -> tuple[str, ...]:
    """Every dataset version this package ships, oldest first (semantic version order).

    Examples:
        >>> import taliban_recognition as tr
        >>> "1.0.0" in tr.versions()
        True
    """
    return tuple(manifest())


def load(version: str | None = None) -> Dataset:
    """Load a dataset version: the newest by default, or exactly the one named.

    A version's data never changes once released, so code that pins ``load("1.0.0")`` gets the
    same records from every later release of the package. The file is checked against the
    manifest's SHA-256 digest on first load, then cached: every later call returns the same
    `Dataset` object. Safe to call from many threads.

    Args:
        version: A version from `versions`, e.g. ``"1.0.0"``; None means the newest.

    Returns:
        The dataset.

    Raises:
        UnknownVersionError: The package ships no such version; the message lists those it does.
        DataIntegrityError: The installed data file does not match its manifest digest.

    Examples:
        >>> import taliban_recognition as tr
        >>> ds = tr.load("1.0.0")
        >>> ds.version, ds.as_of.isoformat()
        ('1.0.0', '2025-07-03')
    """
    digests = manifest()
    if version is None:
        version = next(reversed(digests))
    if not isinstance(version, str) or version not in digests:
        raise UnknownVersionError(version, tuple(digests))
    with _lock:
        if version not in _cache:
            name = f"{version}.json"
            data = _resource(name)
            actual = hashlib.sha256(data).hexdigest()
            if actual != digests[version]:
                resource = f"taliban_recognition/{DATA}/{name}"
                raise DataIntegrityError(resource, digests[version], actual)
            from taliban_recognition._convert import loads  # noqa: PLC0415 -- cattrs on first use

            _cache[version] = loads(data, actual)
        return _cache[version]
