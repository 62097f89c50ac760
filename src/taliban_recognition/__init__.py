"""A versioned, sourced dataset of the diplomatic recognition of the Taliban government.

Every record traces back to the exact words of its source. Pin a dataset version in analysis
code with ``load("1.0.0")`` and get the same records from every later release.

Examples:
    >>> import taliban_recognition as tr
    >>> ds = tr.load("1.0.0")
    >>> ds.status_of("Russia").name
    'FORMAL_RECOGNITION'
"""

from __future__ import annotations

from types import FunctionType

from taliban_recognition._cite import cite
from taliban_recognition._dataset import CountryQuery, Dataset, DateQuery
from taliban_recognition._diff import DatasetDiff, FieldChange, RecordChange, diff
from taliban_recognition._errors import (
    DataFormatError,
    DataIntegrityError,
    InvalidDateError,
    MissingExtraError,
    NoStatusError,
    OutOfCoverageError,
    TalibanRecognitionError,
    UnknownActorError,
    UnknownCountryError,
    UnknownDatesError,
    UnknownEventKindError,
    UnknownFormatError,
    UnknownRecordError,
    UnknownVersionError,
)
from taliban_recognition._iso import country
from taliban_recognition._load import load, versions
from taliban_recognition._model import (
    CAMEO,
    Actor,
    ActorKind,
    Basis,
    Corroboration,
    Country,
    DatePrecision,
    Event,
    EventCodes,
    EventKind,
    Evidence,
    FuzzyDate,
    PloverType,
    RecognitionStatus,
    Reference,
    Source,
    StatusPeriod,
)

__all__ = [
    "CAMEO",
    "Actor",
    "ActorKind",
    "Basis",
    "Corroboration",
    "Country",
    "CountryQuery",
    "DataFormatError",
    "DataIntegrityError",
    "Dataset",
    "DatasetDiff",
    "DatePrecision",
    "DateQuery",
    "Event",
    "EventCodes",
    "EventKind",
    "Evidence",
    "FieldChange",
    "FuzzyDate",
    "InvalidDateError",
    "MissingExtraError",
    "NoStatusError",
    "OutOfCoverageError",
    "PloverType",
    "RecognitionStatus",
    "RecordChange",
    "Reference",
    "Source",
    "StatusPeriod",
    "TalibanRecognitionError",
    "UnknownActorError",
    "UnknownCountryError",
    "UnknownDatesError",
    "UnknownEventKindError",
    "UnknownFormatError",
    "UnknownRecordError",
    "UnknownVersionError",
    "cite",
    "country",
    "diff",
    "load",
    "versions",
]

# Public classes and functions report this module, as users and the API docs see them.
for _name in __all__:
    _public = globals()[_name]
    if isinstance(_public, (type, FunctionType)):
        _public.__module__ = __name__
del _name, _public


def __getattr__(name: str) -> str:
    # The package version is read from the installed metadata on first access, not at import.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("taliban-recognition")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
