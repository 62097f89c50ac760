"""Exports of a dataset: canonical JSON, tidy CSV, a Frictionless Data Package, pandas.

Every export is a pure function of the dataset, so two exports of the same version are
byte-identical, and is written into a fresh folder that is then moved into place whole.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import secrets
import shutil
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from taliban_recognition._cite import ABSTRACT, AUTHOR, KEYWORDS, LICENSE, TITLE
from taliban_recognition._convert import dumps
from taliban_recognition._errors import (
    ExportTargetError,
    InvalidArgumentError,
    MissingExtraError,
    UnknownFormatError,
)
from taliban_recognition._tables import TABLES, Column, ColumnType, Row, Table, Value, tables_of

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    import pandas as pd

    from taliban_recognition._dataset import Dataset

ExportFormat = Literal["csv", "datapackage", "json"]
"""A format `Dataset.export` writes."""

FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
"""The formats `Dataset.export` writes."""

READ_OPTIONS = "taliban_recognition:readOptions"
"""The custom property of each Data Package resource that says how pandas and R read its file."""

R_COLCLASSES = "r_colclasses.csv"
"""The Data Package's file of R ``colClasses`` per table and column, for base R."""


def _cell(value: Value) -> str:
    """A value as CSV text: empty for None, ``true``/``false``, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


_QUOTED = re.compile('[",\r\n]')
"""What makes a field quoted: the delimiter, the quote, or a line break."""


def _csv_field(text: str) -> str:
    if _QUOTED.search(text) is None:
        return text
    return '"' + text.replace('"', '""') + '"'


def csv_text(records: Iterable[Sequence[str]]) -> str:
    """Records as CSV text: RFC 4180, CRLF line ends, fields quoted only where needed.

    These are the csv module's ``excel`` dialect's rules, written out so that the text is the
    same on every Python: the csv module of 3.10 cannot write a NUL character, which here, as
    in the csv module of 3.11 and later, is a character like any other.
    """
    lines = []
    for record in records:
        if len(record) == 1 and record[0] == "":
            lines.append('""')  # a lone empty field is quoted, so that the line is not blank
        else:
            lines.append(",".join(map(_csv_field, record)))
    return "".join(f"{line}\r\n" for line in lines)


def csv_bytes(table: Table, rows: list[Row]) -> bytes:
    """A table as UTF-8 CSV (RFC 4180: CRLF line ends, quoted only where needed)."""
    records = [list(table.column_names), *([_cell(value) for value in row] for row in rows)]
    return csv_text(records).encode("utf-8")


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.pattern:
        constraints["pattern"] = column.pattern
    if constraints:
        field["constraints"] = constraints
    return field


def _schema(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(column) for column in table.columns],
        "missingValues": [""],  # and only "": Namibia's code "NA" is a value
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": [key.column],
                "reference": {"resource": key.table, "fields": [key.table_column]},
            }
            for key in table.foreign_keys
        ]
    return schema


_PANDAS_DTYPES: dict[ColumnType, str] = {
    "string": "string",
    "integer": "Int64",
    "boolean": "boolean",
    "number": "Float64",
}
"""pandas' dtype per column type: nullable ones, so an empty cell stays missing."""

_R_CLASSES: dict[ColumnType, str] = {
    "string": "character",
    "integer": "integer",
    "boolean": "logical",
    "date": "Date",
    "number": "numeric",
}

_DUCKDB_TYPES: dict[ColumnType, str] = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "number": "DOUBLE",
}


def read_options(table: Table, *, duckdb: bool = False) -> dict[str, Any]:
    """How pandas, R and DuckDB read `table`'s CSV file: each column as its type, only "" missing.

    A code of digits (``cameo`` ``050``, ``country_numeric`` ``004``) stays text with its
    leading zeros, and Namibia's ``NA`` stays a code, where both readers would guess otherwise.
    """
    options: dict[str, Any] = {
        "pandas": {
            "dtype": {c.name: _PANDAS_DTYPES[c.type] for c in table.columns if c.type != "date"},
            "parse_dates": [c.name for c in table.columns if c.type == "date"],
            "keep_default_na": False,
            "na_values": [""],
            "encoding": "utf-8",
        },
        "r": {
            "colClasses": {c.name: _R_CLASSES[c.type] for c in table.columns},
            "na.strings": [""],
            "encoding": "UTF-8",
        },
    }
    if duckdb:  # a panel's: the dataset's own packages stay as their versions shipped them
        options["duckdb"] = {  # the keyword arguments of duckdb.read_csv in Python
            "header": True,
            "auto_detect": False,
            "columns": {c.name: _DUCKDB_TYPES[c.type] for c in table.columns},
            "na_values": [""],
        }
    return options


def r_colclasses(tables: tuple[Table, ...]) -> bytes:
    """The R ``colClasses`` of every table as CSV, for base R, which reads no JSON."""
    rows = [
        [table.name, column, r_class]
        for table in tables
        for column, r_class in read_options(table)["r"]["colClasses"].items()
    ]
    return csv_text([["resource", "column", "colClass"], *rows]).encode("utf-8")


def _resource(table: Table, data: bytes, *, duckdb: bool = False) -> dict[str, Any]:
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
        "schema": _schema(table),
        READ_OPTIONS: read_options(table, duckdb=duckdb),
    }


def _descriptor(dataset: Dataset, files: dict[str, bytes]) -> bytes:
    description = (
        f"{ABSTRACT} Dataset version {dataset.version} (SHA-256 {dataset.sha256}), as of "
        f"{dataset.as_of.isoformat()}. The sources are quoted as evidence; their copyright "
        "stays with their publishers."
    )
    tables = [(table, files[f"{table.name}.csv"]) for table in tables_of(dataset)]
    sources = [source.title for source in dataset.sources]
    return descriptor_of(dataset.version, description, tables, sources)


def descriptor_of(
    version: str,
    description: str,
    tables: list[tuple[Table, bytes]],
    sources: list[str] | None = None,
) -> bytes:
    """A Frictionless ``datapackage.json`` of CSV files, one per table, with their bytes.

    `description` says which dataset version (and its SHA-256) the tables come from; when
    `sources` is None (a panel), the version, which lists them, stands for its sources.
    """
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "taliban-recognition",
        "title": TITLE,
        "description": description,
        "version": version,
        "licenses": [
            {"name": LICENSE, "path": "https://opensource.org/licenses/MIT", "title": "MIT License"}
        ],
        "keywords": list(KEYWORDS),
        "contributors": [{"title": AUTHOR, "role": "author"}],
    }
    if sources is not None:
        descriptor["sources"] = [{"title": title} for title in sources]
    descriptor["resources"] = [
        _resource(table, data, duckdb=sources is None) for table, data in tables
    ]
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def files(dataset: Dataset, format: object) -> dict[str, bytes]:  # noqa: A002
    """The files an export of `dataset` in `format` consists of, by file name."""
    if not isinstance(format, str) or format not in FORMATS:
        raise UnknownFormatError(format, FORMATS)
    if format == "json":
        return {f"taliban-recognition-{dataset.version}.json": dumps(dataset)}
    tables = tables_of(dataset)
    written = {f"{table.name}.csv": csv_bytes(table, list(table.rows(dataset))) for table in tables}
    if format == "datapackage":
        descriptor = _descriptor(dataset, written)
        written[R_COLCLASSES] = r_colclasses(tables)
        written["datapackage.json"] = descriptor
    return written


def _folder(directory: object) -> Path:
    """The path of the folder `directory` names, as given, or why no export can go there."""
    if not isinstance(directory, (str, os.PathLike)):
        raise InvalidArgumentError("directory", directory, "a str or os.PathLike folder path")
    try:
        text = os.fspath(directory)
    except TypeError:  # its __fspath__ returned something that is no path
        text = None
    if not isinstance(text, str):
        raise InvalidArgumentError("directory", directory, "a str or os.PathLike folder path")
    if not text:
        raise ExportTargetError(directory, "the path is empty; give the folder to write into")
    if "\x00" in text:
        raise ExportTargetError(directory, "the path has a NUL character, which no path can hold")
    try:
        os.fsencode(text)
    except UnicodeEncodeError as error:
        raise ExportTargetError(
            directory,
            "the path cannot be encoded in the file system's encoding, "
            f"{sys.getfilesystemencoding()} ({error.reason}); give a path it can encode",
        ) from None
    given = Path(text)
    if given.name == "..":  # the folder above another one, which is never empty
        raise ExportTargetError(directory, "the path ends in '..'; give the folder by its name")
    if not given.absolute().name:
        raise ExportTargetError(directory, "it is a file system root; give a folder inside it")
    return given


def _existing(folder: Path, directory: object, *, overwrite: bool) -> bool:
    """Whether the folder an export goes to is there; or why it cannot take the export.

    An empty folder takes it; one that holds an earlier export only when `overwrite` says
    so, and one that holds anything else never. A symbolic link or a file is never replaced.
    """
    try:
        found = folder.lstat()
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(found.st_mode):
        raise ExportTargetError(
            directory,
            "it is a symbolic link, which an export never replaces or follows; "
            "give the folder itself",
        )
    if not stat.S_ISDIR(found.st_mode):
        raise ExportTargetError(directory, "it is a file, not a folder; give a new or empty folder")
    held = sorted(entry.name for entry in folder.iterdir())
    if held and not overwrite:
        raise ExportTargetError(
            directory,
            "it is not empty; give a new or empty folder, or pass overwrite=True "
            "(--force on the command line) to replace the export it holds",
        )
    _refuse_foreign(folder, held, directory)
    return True


def _refuse_foreign(folder: Path, held: list[str], directory: object) -> None:
    """Refuse a folder any of whose entries `held` is not something an export writes."""
    foreign = [name for name in held if not _written_by_an_export(folder / name)]
    if foreign:
        more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
        raise ExportTargetError(
            directory,
            f"it holds what no export writes ({', '.join(foreign[:3])}{more}); overwrite=True "
            "replaces an earlier export, never other work: give a folder of its own",
        )


_WORK = re.compile(r"\..{1,32}\.export-[0-9a-f]{8}")
"""The name of the work folder an export builds in (left behind only by a process killed
outright)."""


_EXPORTED_JSON = re.compile(r"taliban-recognition-(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)\.json")


_PANEL_FILE = re.compile(r"(state|dyad)_(day|month|year)\.(csv|parquet|dta)")
"""The name of the file a panel export writes (`Panel.export`)."""


def _written_by_an_export(entry: Path) -> bool:
    """Whether `entry` is a file, or a link, of a name some export of some version writes.

    Replacing a folder removes all it holds, so it must hold an earlier export and nothing
    else: never a folder, and never a file of another name, which is someone's work.
    """
    name = entry.name
    if entry.is_dir() and not entry.is_symlink():
        return _WORK.fullmatch(name) is not None  # an export's own, left by a killed one
    return (
        name in {"datapackage.json", R_COLCLASSES}
        or name in {f"{table.name}.csv" for table in TABLES}
        or _EXPORTED_JSON.fullmatch(name) is not None
        or _PANEL_FILE.fullmatch(name) is not None
    )


def _make_parents(parent: Path) -> Path | None:
    """Create the folder `parent` and those above it that are missing; the topmost created."""
    topmost = None
    missing = parent
    while not (missing.is_symlink() or missing.exists()):
        topmost, missing = missing, missing.parent
    parent.mkdir(parents=True, exist_ok=True)
    return topmost


def _remove_parents(parent: Path, topmost: Path | None) -> None:
    """Remove the folders `_make_parents` created, as far as they are still empty."""
    if topmost is None:
        return
    for folder in (parent, *parent.parents):
        try:
            folder.rmdir()
        except OSError:
            return
        if folder == topmost:
            return


def _work_folder(parent: Path, name: str) -> Path:
    """A new, empty folder in `parent`, where the export `name` is built beside where it goes."""
    while True:
        work = parent / f".{name[:32]}.export-{secrets.token_hex(4)}"
        try:
            work.mkdir(0o700)
        except FileExistsError:
            continue
        return work


def _write(path: Path, data: bytes) -> None:
    with path.open("xb") as file:  # a new file, never one that is there, nor a link
        file.write(data)


def export(
    dataset: Dataset,
    directory: object,
    format: object,  # noqa: A002
    *,
    overwrite: object,
) -> tuple[Path, ...]:
    """Write the files of an export as the whole content of the folder `directory`.

    A new folder is built beside where it goes (so on the same file system) and renamed into
    place. A folder that is there already stays, with its owner, permissions and mount: the
    files are built in a work folder inside it, what it held is moved into the work folder,
    the new files are moved out, and the work folder is removed, as ``rm -r`` would (a link
    in it goes as a link). On any failure what was moved is moved back, the work folder is
    removed, and so are the folders created above `directory`.
    """
    return write_files(directory, lambda: files(dataset, format), overwrite=overwrite)


def write_files(
    directory: object, contents: Callable[[], dict[str, bytes]], *, overwrite: object
) -> tuple[Path, ...]:
    """Write the files `contents` gives as the whole content of the folder `directory`.

    The folder is checked first, then the files are made, then written as `export` says.
    """
    given = _folder(directory)
    # ".." collapsed as text (resolve() would follow links), so a cleanup removes only ours
    folder = Path(os.path.abspath(given))  # noqa: PTH100
    if not isinstance(overwrite, bool):
        raise InvalidArgumentError("overwrite", overwrite, "True or False")
    made = contents()
    if _existing(folder, directory, overwrite=overwrite):
        _replace_within(folder, directory, made)
    else:
        _create(folder, made)
    return tuple(given / name for name in made)


def _create(folder: Path, contents: dict[str, bytes]) -> None:
    """Build the export beside `folder`, which is not there, and rename it into place."""
    topmost = _make_parents(folder.parent)
    done = False
    try:
        work = _work_folder(folder.parent, folder.name)
        try:
            new = work / "new"
            new.mkdir()
            for name, data in contents.items():
                _write(new / name, data)
            new.rename(folder)
            done = True
        finally:
            shutil.rmtree(work, ignore_errors=True)
    finally:
        if not done:
            _remove_parents(folder.parent, topmost)


def _replace_within(folder: Path, directory: object, contents: dict[str, bytes]) -> None:
    """Replace what `folder` holds, an earlier export or nothing, by `contents`."""
    work = _work_folder(folder, "taliban-recognition")
    new, old = work / "new", work / "old"
    moved: list[str] = []  # what the folder held, now in `old`
    placed: list[str] = []  # the new files, now in the folder
    kept = False
    try:
        new.mkdir()
        old.mkdir()
        for name, data in contents.items():
            _write(new / name, data)
        held = sorted(entry.name for entry in folder.iterdir() if entry.name != work.name)
        _refuse_foreign(folder, held, directory)  # again: something may have come meanwhile
        for name in held:
            (folder / name).rename(old / name)
            moved.append(name)
        for name in contents:
            (new / name).rename(folder / name)
            placed.append(name)
    except BaseException as error:
        try:
            for name in placed:
                (folder / name).unlink()
            for name in moved:
                (old / name).rename(folder / name)
        except OSError:
            kept = True  # the earlier export, or part of it, stays in the work folder
            note = f"what {folder} held could not all be put back; the rest is in {old}"
            error.__notes__ = [*getattr(error, "__notes__", ()), note]  # add_note, on 3.10 too
        raise
    finally:
        if not kept:
            shutil.rmtree(work, ignore_errors=True)


def _series(pandas: Any, column: Column, values: list[Value]) -> Any:  # noqa: ANN401
    if column.enum:
        return pandas.Categorical(values, categories=column.enum, ordered=column.ordered)
    dtype = {
        "string": "string",
        "integer": "int64" if column.required else "Int64",
        "boolean": "bool" if column.required else "boolean",
        "date": "datetime64[s]",
        "number": "float64" if column.required else "Float64",
    }[column.type]
    if column.type == "date":
        return pandas.to_datetime(pandas.Series(values, dtype=object)).astype(dtype)
    return pandas.Series(values, dtype=dtype)


def dataframes(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """Every table of `dataset` as a pandas DataFrame, keyed by table name."""
    try:
        import pandas as pd  # noqa: PLC0415 -- an optional extra, imported only when asked for
    except ModuleNotFoundError as error:
        if error.name != "pandas":
            raise  # pandas is there but broken: its own error says more than ours would
        raise MissingExtraError("Dataset.to_dataframes", "pandas", "pandas") from None
    frames = {}
    for table in tables_of(dataset):
        rows = list(table.rows(dataset))
        frames[table.name] = pd.DataFrame(
            {
                column.name: _series(pd, column, [row[i] for row in rows])
                for i, column in enumerate(table.columns)
            },
            columns=list(table.column_names),
        )
    return frames
