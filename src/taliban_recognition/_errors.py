"""The exceptions the package raises, all under one base class.

Every specific error also subclasses the built-in exception it is closest to, so code that
already catches ``LookupError`` or ``ValueError`` keeps working::

    TalibanRecognitionError(Exception)
    ├── UnknownVersionError(LookupError)
    ├── UnknownCountryError(LookupError)
    ├── UnknownRecordError(LookupError)
    │   └── UnknownActorError
    ├── NoStatusError(LookupError)
    ├── SchemaVersionError(LookupError)
    ├── UnknownEventKindError(ValueError)
    ├── InvalidDateError(ValueError)
    ├── OutOfCoverageError(ValueError)
    ├── UnknownFormatError(ValueError)
    ├── UnknownDatesError(ValueError)
    ├── UnknownDirectionError(ValueError)
    ├── DataIntegrityError(ValueError)
    ├── DataFormatError(ValueError)
    ├── InvalidRecordError(ValueError, TypeError)
    ├── ExportTargetError(ValueError)
    ├── InvalidArgumentError(TypeError)
    └── MissingExtraError(ImportError)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taliban_recognition._public import publish

if TYPE_CHECKING:
    import datetime as dt

    from taliban_recognition._model import Country


def _shown(value: object, limit: int = 80) -> str:
    """`value`'s repr for a message, cut to `limit` characters.

    A repr that cannot be made, of an int too long to print, is described instead.
    """
    try:
        text = repr(value)
    except ValueError:  # sys.get_int_max_str_digits() refuses a very long int
        bits = value.bit_length() if isinstance(value, int) else 0
        return f"<an int of {bits} bits>"
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def _rebuild(
    kind: type[TalibanRecognitionError], args: tuple[Any, ...], state: dict[str, Any]
) -> TalibanRecognitionError:
    """An exception of `kind` with its message `args` and attributes `state`, not re-derived.

    Its constructor is not called: it takes the parts the message was made from, which the
    message no longer holds, so the exception is put back as it was.
    """
    error = kind.__new__(kind, *args)
    if isinstance(error, ImportError):
        ImportError.__init__(error, *args, name=state.pop("name"), path=state.pop("path"))
    else:
        Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class TalibanRecognitionError(Exception):
    """Base class of every exception this package raises on purpose.

    Every one pickles and copies with its type, message and attributes, so it crosses process
    boundaries (`concurrent.futures.ProcessPoolExecutor`, `multiprocessing`) intact.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        state = dict(self.__dict__)
        if isinstance(self, ImportError):
            state |= {"name": self.name, "path": self.path}
        return (_rebuild, (type(self), self.args, state))


class UnknownVersionError(TalibanRecognitionError, LookupError):
    """Raised by `load` for a dataset version the package does not ship.

    Attributes:
        version: The version that was asked for.
        available: The versions the package ships, oldest first.
    """

    version: object
    available: tuple[str, ...]

    def __init__(self, version: object, available: tuple[str, ...]) -> None:
        self.version = version
        self.available = available
        super().__init__(
            f"unknown dataset version {_shown(version)}; "
            f"the versions this package ships are: {', '.join(available)}"
        )


class UnknownCountryError(TalibanRecognitionError, LookupError):
    """Raised when a query names no ISO 3166-1 country, or a place the dataset does not cover.

    A place outside the dataset's states (Kosovo, Abkhazia, Northern Cyprus) and a COW or GW
    number no state of the dataset has are told apart from a misspelling: `reason` says why,
    and the message is that reason.

    Attributes:
        query: The query as given (for a lookup by COW or GW number, the number).
        suggestions: Close matches, best first (may be empty).
        reason: Why nothing the dataset covers matches, when that is known: the place is not
            covered, or the number is in no record; None when the query matches nothing known.
    """

    query: object
    suggestions: tuple[str, ...]
    reason: str | None

    def __init__(
        self, query: object, suggestions: tuple[str, ...] = (), reason: str | None = None
    ) -> None:
        self.query = query
        self.suggestions = suggestions
        self.reason = reason
        hint = (
            f"; did you mean {', '.join(map(repr, suggestions))}?"
            if suggestions
            else "; give an ISO 3166-1 alpha-2 or alpha-3 code, a numeric code or an English name"
        )
        message = f"no country matches {_shown(query)}" if reason is None else reason
        super().__init__(message + (hint if reason is None or suggestions else ""))


class UnknownRecordError(TalibanRecognitionError, LookupError):
    """Raised when an id names no record of the dataset: no source, actor or event.

    Attributes:
        record_type: ``"source"``, ``"actor"`` or ``"event"``.
        record_id: The id that was asked for.
        available: The ids of that record type the dataset has.
    """

    record_type: str
    record_id: object
    available: tuple[str, ...]

    def __init__(self, record_type: str, record_id: object, available: tuple[str, ...]) -> None:
        self.record_type = record_type
        self.record_id = record_id
        self.available = available
        super().__init__(
            f"no {record_type} with id {_shown(record_id)}; "
            f"the {record_type} ids are: {', '.join(available)}"
        )


class UnknownActorError(UnknownRecordError):
    """Raised when an actor id, or an `Actor`, is not one of the dataset's actors."""

    def __init__(self, actor_id: object, available: tuple[str, ...]) -> None:
        super().__init__("actor", actor_id, available)


class NoStatusError(TalibanRecognitionError, LookupError):
    """Raised when a real country has no recognition status in the dataset.

    Afghanistan is the one such country in every shipped version: it is the state whose
    government is being recognized, not a state that recognizes.

    Attributes:
        country: The `Country` asked about.
    """

    country: Country

    def __init__(self, country: Country, reason: str) -> None:
        self.country = country
        super().__init__(f"{country} has no recognition status: {reason}")


class UnknownEventKindError(TalibanRecognitionError, ValueError):
    """Raised when an event kind is neither an `EventKind` nor one of its values.

    Attributes:
        kind: The kind as given.
    """

    kind: object

    def __init__(self, kind: object, valid: tuple[str, ...]) -> None:
        self.kind = kind
        super().__init__(f"unknown event kind {_shown(kind)}; valid kinds are: {', '.join(valid)}")


class InvalidDateError(TalibanRecognitionError, ValueError):
    """Raised for a date argument that is not a date, or a date range that is empty.

    Attributes:
        value: The offending value.
    """

    value: object

    def __init__(self, value: object, problem: str) -> None:
        self.value = value
        super().__init__(f"invalid date {_shown(value)}: {problem}")


class OutOfCoverageError(TalibanRecognitionError, ValueError):
    """Raised when a status is asked for a day outside the dataset's coverage.

    Attributes:
        day: The day asked about.
        start: The first day covered.
        end: The last day covered (the dataset's ``as_of``).
    """

    day: dt.date
    start: dt.date
    end: dt.date

    def __init__(self, day: dt.date, start: dt.date, end: dt.date) -> None:
        self.day = day
        self.start = start
        self.end = end
        super().__init__(
            f"{day.isoformat()} is outside the dataset's coverage; "
            f"statuses are known from {start.isoformat()} to {end.isoformat()}"
        )


class UnknownFormatError(TalibanRecognitionError, ValueError):
    """Raised when an export or citation format is not one the package writes.

    Attributes:
        format: The format as given.
        valid: The formats that are written.
    """

    format: object
    valid: tuple[str, ...]

    def __init__(self, format: object, valid: tuple[str, ...]) -> None:  # noqa: A002
        self.format = format
        self.valid = valid
        super().__init__(f"unknown format {_shown(format)}; valid formats are: {', '.join(valid)}")


class UnknownDatesError(TalibanRecognitionError, ValueError):
    """Raised when a query's `dates` is neither ``"stated"`` nor ``"corroborated"``.

    Attributes:
        dates: The value as given.
    """

    dates: object

    def __init__(self, dates: object, valid: tuple[str, ...]) -> None:
        self.dates = dates
        super().__init__(
            f"unknown reading of dates {_shown(dates)}; valid readings are: {', '.join(valid)}"
        )


class UnknownDirectionError(TalibanRecognitionError, ValueError):
    """Raised when a representation query's `direction` is not a `Direction` or its value.

    Attributes:
        direction: The value as given.
    """

    direction: object

    def __init__(self, direction: object, valid: tuple[str, ...]) -> None:
        self.direction = direction
        super().__init__(
            f"unknown direction {_shown(direction)}; valid directions are: {', '.join(valid)}"
        )


class SchemaVersionError(TalibanRecognitionError, LookupError):
    """Raised when a query asks a dataset version for records its schema does not have.

    Status periods are recorded up to 1.x; from 2.0.0 the status is derived from formal
    recognition and representation, which earlier versions do not record.

    Attributes:
        version: The dataset's version.
        records: What was asked for, e.g. ``"recognition periods"``.
    """

    version: str
    records: str

    def __init__(self, version: str, records: str, problem: str) -> None:
        self.version = version
        self.records = records
        super().__init__(f"dataset {version} has no {records}: {problem}")


class DataIntegrityError(TalibanRecognitionError, ValueError):
    """Raised when shipped data does not match its recorded SHA-256 digest.

    Attributes:
        resource: The file or source whose bytes were checked.
        expected: The digest on record.
        actual: The digest of the bytes found.
    """

    resource: str
    expected: str
    actual: str

    def __init__(self, resource: str, expected: str, actual: str) -> None:
        self.resource = resource
        self.expected = expected
        self.actual = actual
        super().__init__(
            f"{resource} is corrupt or was modified: expected sha256 {expected}, got {actual}"
        )


class DataFormatError(TalibanRecognitionError, ValueError):
    """Raised when a data file is missing or unreadable, or its content does not fit the schema.

    A file that is not a regular file (a FIFO, a device) counts as missing: it is not read.

    Attributes:
        path: Where in the file the problem is, as ``$.events[3].date`` (``$`` is the root).
    """

    path: str

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        super().__init__(f"{path}: {problem}")


class InvalidRecordError(TalibanRecognitionError, ValueError, TypeError):
    """Raised when a record is made with a field its type does not allow.

    A value of the wrong type or out of its range (an id that is not lower-case words, a quote
    that does not fit its offsets, a CAMEO code outside the codebook). It is a `ValueError` and
    a `TypeError`, which the two kinds of mistake would raise elsewhere.

    Attributes:
        field: The field's name.
        value: The value as given.
    """

    field: str
    value: object

    def __init__(self, field: str, value: object, problem: str) -> None:
        self.field = field
        self.value = value
        super().__init__(problem)


class ExportTargetError(TalibanRecognitionError, ValueError):
    """Raised when an export cannot be written where it was asked to go.

    The folder holds files and replacing them was not asked for, or holds what no export
    writes; it is a file or is a symbolic link; or its path cannot be used on this system (it
    has a NUL character, or cannot be encoded). Nothing is written when this is raised.

    Attributes:
        target: The folder as given.
    """

    target: object

    def __init__(self, target: object, problem: str) -> None:
        self.target = target
        super().__init__(f"cannot export into {_shown(target)}: {problem}")


class InvalidArgumentError(TalibanRecognitionError, TypeError):
    """Raised when an argument is not of a type (or in a range) the function takes.

    Attributes:
        argument: The parameter's name.
        value: The value as given.
    """

    argument: str
    value: object

    def __init__(self, argument: str, value: object, expected: str) -> None:
        self.argument = argument
        self.value = value
        super().__init__(
            f"{argument} must be {expected}, not {_shown(value)} ({type(value).__name__})"
        )


class MissingExtraError(TalibanRecognitionError, ImportError):
    """Raised when a feature needs an optional dependency that is not installed.

    Attributes:
        extra: The package extra that installs it, e.g. ``"pandas"``.
    """

    extra: str

    def __init__(self, feature: str, module: str, extra: str) -> None:
        self.extra = extra
        super().__init__(
            f"{feature} needs {module}, which is not installed; "
            f'install the extra: pip install "taliban-recognition[{extra}]"',
            name=module,
        )


publish(__name__)
