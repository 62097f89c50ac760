from __future__ import annotations

import ast
import datetime as dt
import enum
import hashlib
import importlib.metadata
import importlib.resources
import os
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import taliban_recognition as tr
from taliban_recognition import _load, _reader
from taliban_recognition._convert import dumps
from taliban_recognition._load import Shelf

# Released dataset versions and the digests they were released with. Append only: a released
# file never changes, so an entry here is never edited or removed.
RELEASED = {
    "1.0.0": "8e7b40c0a2e8366c50e978e05ddc179889961b77f660555597219362282d0969",
    "1.1.0": "9b0bce28fcc3a40373757b96a361e342d59351344dfed99553a06accf510600d",
    "1.2.0": "15daa60b7f47fd4709169607a48c8f0c8ae35ccf951316d049e14ffbff8c5a81",
    "2.0.0": "83eee73cad03b954108e458211bbe6f3edb4d9b972255887089c10616ec5c080",
}

DATA = importlib.resources.files("taliban_recognition").joinpath("data")
RELEASED_FILES = [f"{version}.json" for version in RELEASED]


def test_versions_are_the_manifest_in_semver_order() -> None:
    found = tr.versions()
    assert found[0] == "1.0.0"
    keys = [tuple(int(part) for part in v.split(".")) for v in found]
    assert keys == sorted(keys)


def test_released_versions_never_change() -> None:
    for version, digest in RELEASED.items():
        assert version in tr.versions()
        assert hashlib.sha256(DATA.joinpath(f"{version}.json").read_bytes()).hexdigest() == digest
        assert tr.load(version).sha256 == digest


def test_manifest_lists_every_data_file_with_its_digest() -> None:
    lines = DATA.joinpath("SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = {}
    for line in lines:
        digest, name = line.split("  ")
        listed[name] = digest
    files = {p.name for p in DATA.iterdir() if p.name.endswith(".json")}
    assert set(listed) == files
    for name, digest in listed.items():
        assert hashlib.sha256(DATA.joinpath(name).read_bytes()).hexdigest() == digest


def test_data_files_are_canonical() -> None:
    for version in tr.versions():
        data = DATA.joinpath(f"{version}.json").read_bytes()
        assert dumps(tr.load(version)) == data
        assert b"\r" not in data
        assert data.endswith(b"}\n")


def test_newest_is_the_default() -> None:
    assert tr.load() is tr.load(tr.versions()[-1])


def test_load_is_cached() -> None:
    assert tr.load("1.0.0") is tr.load("1.0.0")


@pytest.mark.parametrize(
    "version",
    [
        "9.9.9",
        "1.0",
        "v1.0.0",
        "1.0.0.json",
        "../1.0.0",
        "/etc/passwd",
        "1.0.0/../1.0.0",
        "1.0.0\x00",
        "",
        " 1.0.0",
    ],
)
def test_unknown_version_lists_the_known_ones(version: str) -> None:
    with pytest.raises(tr.UnknownVersionError, match=r"versions this package ships are: 1\.0\.0"):
        tr.load(version)


@pytest.mark.parametrize("version", [1, 1.0, b"1.0.0", ["1.0.0"], ("1", "0", "0")])
def test_non_string_versions_are_unknown(version: object) -> None:
    with pytest.raises(tr.UnknownVersionError) as caught:
        tr.load(version)  # type: ignore[arg-type]
    assert caught.value.version == version
    assert isinstance(caught.value, LookupError)


@given(st.text())
def test_arbitrary_version_text_never_opens_a_file(version: str) -> None:
    if version in tr.versions():
        assert tr.load(version).version == version
        return
    with pytest.raises(tr.UnknownVersionError):
        tr.load(version)


class MemoryFolder:
    """A folder of in-memory files that records which names were read."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.read: list[str] = []

    def joinpath(self, name: str, /) -> MemoryFile:
        return MemoryFile(self, name)


class MemoryFile:
    def __init__(self, folder: MemoryFolder, name: str) -> None:
        self.folder, self.name = folder, name

    def is_file(self) -> bool:
        return self.name in self.folder.files

    def read_bytes(self) -> bytes:
        self.folder.read.append(self.name)
        return self.folder.files[self.name]


SHIPPED_FILES = {name: DATA.joinpath(name).read_bytes() for name in ("SHA256SUMS", *RELEASED_FILES)}


def shelf(**replaced: bytes) -> tuple[Shelf, MemoryFolder]:
    folder = MemoryFolder({**SHIPPED_FILES, **replaced})
    return Shelf(lambda: folder, "memory"), folder


def test_a_trusted_file_the_reader_fails_on_is_read_by_the_converter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Were a trusted digest ever to hold a file the reader of shipped files cannot read, the
    # converter reads it and says what is wrong, as for any other file.
    broken = SHIPPED_FILES["2.0.0.json"].replace(b'"actor": "russia"', b'"actor": "nobody"', 1)
    digest, shipped = hashlib.sha256(broken).hexdigest(), _reader.TRUSTED["2.0.0"]
    monkeypatch.setitem(_reader.TRUSTED, "2.0.0", digest)
    assert _reader.loads(broken, "2.0.0", digest) is None
    manifest = SHIPPED_FILES["SHA256SUMS"].replace(shipped.encode(), digest.encode())
    copy, _ = shelf(**{"2.0.0.json": broken, "SHA256SUMS": manifest})
    assert copy.digest("2.0.0") == ("2.0.0", digest)
    with pytest.raises(tr.DataFormatError) as caught:
        copy.load("2.0.0")
    assert caught.value.path.endswith(".actor")
    assert "no actor 'nobody'" in str(caught.value)


def test_a_shelf_loads_what_the_package_ships() -> None:
    copy, _ = shelf()
    assert copy.load("1.0.0") == tr.load("1.0.0")


@given(st.data())
def test_any_changed_byte_is_refused(data: st.DataObject) -> None:
    original = SHIPPED_FILES["1.0.0.json"]
    position = data.draw(st.integers(0, len(original) - 1), label="position")
    value = data.draw(st.integers(0, 255).filter(lambda b: b != original[position]), label="byte")
    corrupt = original[:position] + bytes([value]) + original[position + 1 :]
    broken, _ = shelf(**{"1.0.0.json": corrupt})
    with pytest.raises(tr.DataIntegrityError, match=r"memory/1\.0\.0\.json is corrupt") as caught:
        broken.load("1.0.0")
    assert caught.value.expected == RELEASED["1.0.0"]
    assert caught.value.actual == hashlib.sha256(corrupt).hexdigest()


@given(
    st.one_of(
        st.text(),
        st.sampled_from(
            ["../1.0.0", "/etc/passwd", "1.0.0/../1.0.0", "1.0.0\x00", "SHA256SUMS", "1.0.0.json"]
        ),
    )
)
def test_versions_are_never_used_as_paths(version: str) -> None:
    fresh, folder = shelf()
    if version in RELEASED:
        fresh.load(version)
        assert folder.read == ["SHA256SUMS", f"{version}.json"]
        return
    with pytest.raises(tr.UnknownVersionError):
        fresh.load(version)
    assert folder.read == ["SHA256SUMS"]


@pytest.mark.parametrize(
    "manifest", [b"not a manifest\n", b"0" * 64 + b" 1.0.0.json\n", b"0" * 64 + b"  01.0.0.json\n"]
)
def test_malformed_manifest_is_refused(manifest: bytes) -> None:
    broken, _ = shelf(SHA256SUMS=manifest)
    with pytest.raises(tr.DataFormatError, match=r"memory/SHA256SUMS:1: malformed line"):
        broken.manifest()


def test_concurrent_first_loads_share_one_dataset() -> None:
    fresh, folder = shelf()
    barrier = threading.Barrier(16)
    results: list[tr.Dataset] = []
    errors: list[BaseException] = []

    def first_load() -> None:
        barrier.wait()
        try:
            results.append(fresh.load("1.0.0"))
        except BaseException as error:  # noqa: BLE001 -- collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=first_load) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(results) == 16
    assert all(result is results[0] for result in results)
    assert folder.read.count("1.0.0.json") == 1


def test_loading_uses_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    fresh = Shelf(_load._package_data, "taliban_recognition/data")  # noqa: SLF001
    assert fresh.load("1.0.0").status_of("RU") is tr.RecognitionStatus.FORMAL_RECOGNITION


def test_installed_package_reads_its_data_from_anywhere(tmp_path: Path) -> None:
    # -I ignores PYTHONPATH, the current directory and user site: only the installed package.
    script = (
        "import importlib.resources, taliban_recognition as tr;"
        "ds = tr.load('1.0.0');"
        "data = importlib.resources.files('taliban_recognition').joinpath('data', '1.0.0.json');"
        "print(ds.sha256, data.is_file(), ds.status_of('Russia').name)"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [RELEASED["1.0.0"], "True", "FORMAL_RECOGNITION"]


def test_version_comes_from_package_metadata() -> None:
    assert tr.__version__ == importlib.metadata.version("taliban-recognition")
    pyproject = Path(__file__).parent.parent / "pyproject.toml"
    declared = re.search(r'^version = "(.+)"$', pyproject.read_text(encoding="utf-8"), re.MULTILINE)
    assert declared is not None
    assert tr.__version__ == declared[1]


def test_unknown_module_attribute() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = tr.nope  # type: ignore[attr-defined]  # type checkers flag it too


def test_a_file_must_hold_the_version_the_manifest_names() -> None:
    data = SHIPPED_FILES["1.0.0.json"]
    digest = hashlib.sha256(data).hexdigest()
    renamed, _ = shelf(**{"SHA256SUMS": f"{digest}  2.0.0.json\n".encode(), "2.0.0.json": data})
    with pytest.raises(
        tr.DataFormatError, match=r"the file says '1\.0\.0', the manifest '2\.0\.0'"
    ):
        renamed.load("2.0.0")


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ({"SHA256SUMS": b""}, "lists no dataset version"),
        ({"SHA256SUMS": b"\xff\xfe"}, "cannot be read"),
    ],
)
def test_broken_manifests_are_data_errors(files: dict[str, bytes], problem: str) -> None:
    broken, _ = shelf(**files)
    with pytest.raises(tr.DataFormatError, match=problem):
        broken.load(None)


def test_a_missing_file_is_said_to_be_missing_not_corrupt() -> None:
    folder = MemoryFolder({"SHA256SUMS": SHIPPED_FILES["SHA256SUMS"]})
    with pytest.raises(tr.DataFormatError, match=r"1\.0\.0\.json: is missing") as caught:
        Shelf(lambda: folder, "memory").load("1.0.0")
    assert "reinstall the package" in str(caught.value)


def copy_of_data(tmp_path: Path) -> Path:
    """A folder holding copies of the shipped manifest, releases and data files."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name, data in SHIPPED_FILES.items():
        (folder / name).write_bytes(data)
    (folder / "RELEASES").write_bytes(DATA.joinpath("RELEASES").read_bytes())
    return folder


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="a FIFO needs a POSIX system")
def test_a_fifo_or_a_device_in_place_of_a_file_is_refused_without_reading(tmp_path: Path) -> None:
    folder = copy_of_data(tmp_path)
    (folder / "1.0.0.json").unlink()
    os.mkfifo(folder / "1.0.0.json")  # reading it would wait for a writer for ever
    (folder / "1.1.0.json").unlink()
    (folder / "1.1.0.json").symlink_to(os.devnull)
    shelf = Shelf(lambda: folder, "copy")
    for version in ("1.0.0", "1.1.0"):
        with pytest.raises(tr.DataFormatError, match="is not a regular file"):
            shelf.load(version)
    assert shelf.load("1.2.0").version == "1.2.0"


def test_a_version_the_manifest_lists_twice_is_refused_even_with_one_digest() -> None:
    first = SHIPPED_FILES["SHA256SUMS"].splitlines(keepends=True)[0]
    for second in (first, b"0" * 64 + first[64:]):  # the same line, or another digest
        broken, _ = shelf(SHA256SUMS=SHIPPED_FILES["SHA256SUMS"] + second)
        with pytest.raises(tr.DataFormatError, match=r"lists version 1\.0\.0 a second time"):
            broken.load(None)


def test_a_version_the_releases_list_twice_is_refused() -> None:
    releases = DATA.joinpath("RELEASES").read_bytes()
    broken, _ = shelf(RELEASES=releases + b"1.0.0  2030-01-01\n")
    with pytest.raises(tr.DataFormatError, match=r"lists version 1\.0\.0 a second time"):
        broken.released("1.2.0")


class Pin(str, enum.Enum):
    V1 = "1.0.0"


class Tag(str):
    __slots__ = ()

    def __str__(self) -> str:
        return "../../etc/passwd"

    def __format__(self, spec: str) -> str:
        return "../../etc/passwd"


@pytest.mark.parametrize("version", [Pin.V1, Tag("1.0.0")], ids=["enum", "str-subclass"])
def test_a_version_that_prints_otherwise_is_looked_up_as_the_manifest_spells_it(
    version: str,
) -> None:
    copy, folder = shelf()
    assert copy.load(version).version == "1.0.0"
    assert folder.read == ["SHA256SUMS", "1.0.0.json"]
    assert type(copy.digest(version)[0]) is str


def test_verify_reports_every_version_and_bypasses_the_cache() -> None:
    good, folder = shelf()
    good.load("1.0.0")
    assert good.verify() == dict.fromkeys(RELEASED)
    assert folder.read.count("1.0.0.json") == 2  # verify re-reads what load had cached
    data = SHIPPED_FILES["1.0.0.json"]
    folder.files["1.0.0.json"] = data[:-2] + b" }"  # same length, other bytes
    problem = good.verify()["1.0.0"]
    assert isinstance(problem, tr.DataIntegrityError)
    assert problem.expected == RELEASED["1.0.0"]
    assert problem.actual == hashlib.sha256(folder.files["1.0.0.json"]).hexdigest()
    assert good.load("1.0.0").sha256 == RELEASED["1.0.0"]  # the verified copy stays cached


def test_verify_reports_a_missing_file_and_a_file_of_another_version() -> None:
    missing, folder = shelf()
    del folder.files["1.0.0.json"]
    assert isinstance(missing.verify()["1.0.0"], tr.DataFormatError)
    renamed = SHIPPED_FILES["1.0.0.json"].replace(b'"version": "1.0.0"', b'"version": "1.0.1"')
    digest = hashlib.sha256(renamed).hexdigest()
    mislabelled, _ = shelf(
        **{"1.0.0.json": renamed, "SHA256SUMS": f"{digest}  1.0.0.json\n".encode()}
    )
    problem = mislabelled.verify()["1.0.0"]
    assert isinstance(problem, tr.DataFormatError)
    assert "the file says '1.0.1', the manifest '1.0.0'" in str(problem)


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter has imported after running `code`."""
    probe = f"import sys; {code}; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


HEAVY = {"argparse", "cattrs", "csv", "difflib", "hashlib", "importlib.metadata"}
HEAVY |= {"importlib.resources", "json", "pandas", "pycountry", "attrs", "unicodedata"}
HEAVY |= {"typing", "re", "enum", "__future__"}  # typing alone cost more than the package


def test_importing_the_package_reads_and_imports_nothing_heavy() -> None:
    # The package's own modules, attrs included, are imported when a name is first used.
    found = modules_after("import taliban_recognition")
    assert (found - modules_after("pass")) & HEAVY == set()  # not what the interpreter has
    assert {m for m in found if m.startswith("taliban_recognition")} == {"taliban_recognition"}


def test_a_loaded_dataset_is_out_of_the_collectors_way() -> None:
    # Frozen objects are in no generation, so a full collection does not walk the records.
    probe = (
        "import gc, taliban_recognition as tr\n"
        "ds = tr.load('1.0.0')\n"
        "ids = {id(o) for o in gc.get_objects()}\n"
        "records = [ds, *ds.events, *ds.statuses, ds.events[0].date]\n"
        "print(gc.get_freeze_count() > 1000, sum(id(r) in ids for r in records), gc.isenabled())\n"
        "gc.unfreeze()\n"
        "ids = {id(o) for o in gc.get_objects()}\n"
        "print(sum(id(r) in ids for r in records) == len(records))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True", "0", "True", "True"]


def test_a_public_name_imports_only_what_it_needs() -> None:
    found = modules_after("import taliban_recognition as tr; tr.RecognitionStatus")
    assert "taliban_recognition._model" in found
    assert found & {"attrs", "cattrs", "pycountry", "json", "taliban_recognition._diff"} == set()
    assert tr.RecognitionStatus.__module__ == "taliban_recognition"  # as if imported eagerly


def test_a_status_by_code_or_recorded_name_is_answered_from_the_data_without_pycountry() -> None:
    by_code = modules_after("import taliban_recognition as tr; tr.load().status_of('RU')")
    assert "taliban_recognition._reader" in by_code  # the shipped file, read without cattrs
    checks = {"taliban_recognition._convert", "taliban_recognition._draws"}  # and check_order
    assert by_code & {"attrs", "cattrs", "pycountry", *checks} == set()
    older = modules_after("import taliban_recognition as tr; tr.load('1.2.0').status_of('RU')")
    assert {"cattrs", *checks} <= older  # a 1.x file is read by the converter, with every check
    for name in ("Russia", "Russian Federation", "korea, rep."):  # an alias, the record's name
        by_name = modules_after(f"import taliban_recognition as tr; tr.load().status_of({name!r})")
        assert by_name & {"attrs", "pycountry"} == set(), name
    # pycountry's official name, which no record carries: the ISO 3166-1 index answers it.
    official = "import taliban_recognition as tr; tr.load().status_of('Republic of Albania')"
    assert "pycountry" in modules_after(official)


def test_the_lazy_names_are_the_names_type_checkers_see() -> None:
    # __init__ lists each public name twice: imported under TYPE_CHECKING for type checkers
    # and the API docs, and in _DEFINED_IN for the lazy loader. The two must agree.
    init = Path(tr.__file__)
    tree = ast.parse(init.read_text(encoding="utf-8"))
    guarded = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    seen = {
        alias.name: node.module.removeprefix("taliban_recognition.")
        for node in guarded.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }
    assert seen == tr._MODULE_OF  # noqa: SLF001
    assert sorted(seen) == sorted(tr.__all__)
    assert set(dir(tr)) >= set(tr.__all__)


def test_type_hints_of_public_classes_resolve_in_a_fresh_process() -> None:
    # The package's namespace fills in lazily; the classes' annotations must not depend on it.
    probe = (
        "import typing, attrs, taliban_recognition as tr\n"
        "kind = typing.get_type_hints(tr.Event)['kind']  # before any other name is used\n"
        "for name in tr.__all__:\n"
        "    public = getattr(tr, name)\n"
        "    if attrs.has(public):\n"
        "        hints = typing.get_type_hints(public)\n"
        "        assert all(not isinstance(h, str) for h in hints.values()), name\n"
        "print(kind.__name__)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "EventKind"


def test_release_dates_are_read_and_a_bad_line_is_reported_every_time() -> None:
    good, _ = shelf(RELEASES=b"1.0.0  2026-11-28\n1.1.0  2026-11-30\n")
    assert good.released("1.1.0") == dt.date(2026, 11, 30)
    with pytest.raises(tr.DataFormatError, match=r"lists no release of version 9\.9\.9"):
        good.released("9.9.9")
    bad, _ = shelf(RELEASES=b"1.0.0  2026-11-28\n1.1.0  2026-13-01\n")
    for _ in range(2):  # nothing of a bad file is kept, so it is reported again
        with pytest.raises(tr.DataFormatError, match=r"RELEASES:2: malformed line"):
            bad.released("1.0.0")
    missing, _ = shelf()
    with pytest.raises(tr.DataFormatError, match="RELEASES: is missing"):
        missing.released("1.0.0")
