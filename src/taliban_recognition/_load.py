"""Finding, verifying and caching dataset versions: the shelf of data files and its manifest."""

from __future__ import annotations

import datetime as dt
import gc
import re
import threading
from typing import TYPE_CHECKING, Protocol

from taliban_recognition._errors import DataFormatError, DataIntegrityError, UnknownVersionError
from taliban_recognition._public import publish

if TYPE_CHECKING:
    from collections.abc import Callable

    from taliban_recognition._dataset import Dataset

MANIFEST = "SHA256SUMS"
"""The manifest: one ``<sha256>  <version>.json`` line per dataset version (sha256sum -c)."""

_LINE = re.compile(r"([0-9a-f]{64})  ((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))\.json")

RELEASES = "RELEASES"
"""The day each version was released: one ``<version>  <YYYY-MM-DD>`` line per version,
written by the builder from the annotations' list of releases."""

_RELEASE = re.compile(r"((?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*))  (\d{4}-\d{2}-\d{2})")


def _read(folder: Folder, name: str, where: str) -> bytes:
    """The bytes of `name` in `folder`, if it is a regular file.

    Anything else is refused unread: a FIFO would wait for a writer for ever, and a device
    such as ``/dev/zero`` never ends.

    Raises:
        DataFormatError: The file is missing, is not a regular file or cannot be read; `where`
            names it.
    """
    try:
        entry = folder.joinpath(name)
        if not entry.is_file():
            problem = "is missing, or is not a regular file; reinstall the package"
            raise DataFormatError(where, problem)
        return entry.read_bytes()
    except (OSError, KeyError) as error:
        raise DataFormatError(where, f"cannot be read: {error}") from None


def _semver(version: str) -> tuple[int, int, int]:
    major, minor, patch = version.split(".")
    return int(major), int(minor), int(patch)


class Readable(Protocol):
    """A file a shelf can read: an `importlib.resources` Traversable or a `pathlib.Path`."""

    def is_file(self) -> bool:
        """Whether it is a regular file (not missing, not a folder, FIFO or device)."""
        ...

    def read_bytes(self) -> bytes:
        """The file's bytes."""
        ...


class Folder(Protocol):
    """A folder a shelf can read files from, by name."""

    def joinpath(self, name: str, /) -> Readable:
        """The file of that name in the folder."""
        ...


class Shelf:
    """A folder of dataset files and their manifest, read once and cached behind one lock.

    Versions are looked up in the manifest and never used to build a path: the only files a
    shelf opens are the manifest and the files the manifest names.
    """

    def __init__(self, locate: Callable[[], Folder], label: str) -> None:
        self._locate = locate  # called on first use, so that importing stays cheap
        self._label = label  # how errors name the folder, e.g. "taliban_recognition/data"
        self._lock = threading.Lock()
        self._manifest: dict[str, str] = {}
        self._releases: dict[str, dt.date] = {}
        self._cache: dict[str, Dataset] = {}

    def manifest(self) -> dict[str, str]:
        """The digest on record for each version, oldest version first."""
        with self._lock:
            if not self._manifest:
                where = f"{self._label}/{MANIFEST}"
                try:
                    text = _read(self._locate(), MANIFEST, where).decode()
                except UnicodeDecodeError as error:
                    raise DataFormatError(where, f"cannot be read: {error}") from None
                entries: dict[str, str] = {}
                for number, line in enumerate(text.splitlines(), 1):
                    match = _LINE.fullmatch(line)
                    if match is None:
                        raise DataFormatError(f"{where}:{number}", f"malformed line {line!r}")
                    if match[2] in entries:
                        raise DataFormatError(
                            f"{where}:{number}", f"lists version {match[2]} a second time"
                        )
                    entries[match[2]] = match[1]
                if not entries:
                    raise DataFormatError(where, "lists no dataset version")
                self._manifest.update(sorted(entries.items(), key=lambda kv: _semver(kv[0])))
            return dict(self._manifest)

    def released(self, version: str) -> dt.date:
        """The day a version the manifest lists was released.

        Raises:
            DataFormatError: The list of releases cannot be read or does not list `version`.
        """
        where = f"{self._label}/{RELEASES}"
        with self._lock:
            if not self._releases:
                try:
                    text = _read(self._locate(), RELEASES, where).decode()
                except UnicodeDecodeError as error:
                    raise DataFormatError(where, f"cannot be read: {error}") from None
                dates: dict[str, dt.date] = {}
                for number, line in enumerate(text.splitlines(), 1):
                    match = _RELEASE.fullmatch(line)
                    try:
                        day = dt.date.fromisoformat(match[2]) if match else None
                    except ValueError:
                        day = None
                    if match is None or day is None:
                        raise DataFormatError(f"{where}:{number}", f"malformed line {line!r}")
                    if match[1] in dates:
                        raise DataFormatError(
                            f"{where}:{number}", f"lists version {match[1]} a second time"
                        )
                    dates[match[1]] = day
                self._releases.update(dates)  # all or nothing: a bad line is reported each time
            found = self._releases.get(version)
        if found is None:
            raise DataFormatError(where, f"lists no release of version {version}")
        return found

    def digest(self, version: object) -> tuple[str, str]:
        """A version the manifest lists (None: the newest), and the digest on record for it.

        Raises:
            UnknownVersionError: The manifest does not list `version`.
        """
        digests = self.manifest()
        if version is None:
            version = next(reversed(digests))
        if not isinstance(version, str) or version not in digests:
            raise UnknownVersionError(version, tuple(digests))
        # The manifest's own string: a str subclass or a (str, Enum) member that compares equal
        # may print differently ("Pin.V1"), and versions must never shape a file name.
        listed = next((known for known in digests if known == version), None)
        if listed is None:  # an object that is equal without being equal to any listed one
            raise UnknownVersionError(version, tuple(digests))
        return listed, digests[listed]

    def load(self, version: str | None) -> Dataset:
        """The dataset of `version` (None: the newest), verified on first load, then cached.

        A cached dataset lives as long as the process, so once it is read, the objects alive
        are moved out of the cyclic collector's way (`gc.freeze`): a full collection then no
        longer walks every record, which at 10^6 events took seconds. `gc.unfreeze` undoes it.
        """
        version, expected = self.digest(version)
        with self._lock:
            if version not in self._cache:
                self._cache[version] = self._read(version, expected)
                gc.freeze()
            return self._cache[version]

    def _read(self, version: str, expected: str) -> Dataset:
        """Read a version's file, check it against its digest, and parse it."""
        name = f"{version}.json"
        data = _read(self._locate(), name, f"{self._label}/{name}")
        import hashlib  # noqa: PLC0415 -- deferred: importing the package stays cheap

        actual = hashlib.sha256(data).hexdigest()
        if actual != expected:
            raise DataIntegrityError(f"{self._label}/{name}", expected, actual)
        from taliban_recognition import _reader  # noqa: PLC0415 -- the model on first use

        dataset = _reader.loads(data, version, actual)  # a file a release shipped, of 2.x
        if dataset is None:  # any other file
            from taliban_recognition._convert import loads  # noqa: PLC0415 -- cattrs: costly

            dataset = loads(data, actual)
        if dataset.version != version:
            raise DataFormatError(
                f"{self._label}/{name}: $.version",
                f"the file says {dataset.version!r}, the manifest {version!r}",
            )
        return dataset

    def verify(
        self, version: str | None = None
    ) -> dict[str, DataIntegrityError | DataFormatError | None]:
        """Re-read every file the manifest lists, or the one of `version`, bypassing the cache.

        Returns:
            For each version, oldest first: None when its file matches its digest and loads,
            else the error that reading it raised.

        Raises:
            DataFormatError: The manifest itself cannot be read.
            UnknownVersionError: The manifest does not list `version`.
        """
        digests = self.manifest() if version is None else dict([self.digest(version)])
        found: dict[str, DataIntegrityError | DataFormatError | None] = {}
        for listed, expected in digests.items():
            try:
                self._read(listed, expected)
            except (DataIntegrityError, DataFormatError) as error:  # noqa: PERF203 -- report all
                found[listed] = error
            else:
                found[listed] = None
        return found


def _package_data() -> Folder:
    import importlib.resources  # noqa: PLC0415 -- deferred: it costs more than the package

    return importlib.resources.files("taliban_recognition").joinpath("data")


SHIPPED = Shelf(_package_data, "taliban_recognition/data")
"""The dataset versions shipped inside the package."""


def versions() -> tuple[str, ...]:
    """Every dataset version this package ships, oldest first (semantic version order).

    Returns:
        The version strings, oldest first.

    Examples:
        >>> import taliban_recognition as tr
        >>> "1.0.0" in tr.versions()
        True
    """
    return tuple(SHIPPED.manifest())


def load(version: str | None = None) -> Dataset:
    """Load a dataset version: the newest by default, or exactly the one named.

    A version's data never changes once released, so code that pins ``load("1.0.0")`` gets the
    same records from every later release of the package. The file is checked against the
    manifest's SHA-256 digest on first load, then cached: every later call returns the same
    `Dataset` object. Safe to call from many threads. The first load of a version freezes the
    objects then alive (`gc.freeze`), so that later garbage collections skip its records.

    Args:
        version: A version from `versions`, e.g. ``"1.0.0"``; None means the newest.

    Returns:
        The dataset.

    Raises:
        UnknownVersionError: The package ships no such version; the message lists those it does.
        DataIntegrityError: The installed data file does not match its manifest digest.
        DataFormatError: The installed data file or manifest is missing or unreadable, or the
            file does not fit the schema.

    Examples:
        >>> import taliban_recognition as tr
        >>> ds = tr.load("1.0.0")
        >>> ds.version, ds.as_of.isoformat()
        ('1.0.0', '2025-07-03')
    """
    return SHIPPED.load(version)


publish(__name__)
