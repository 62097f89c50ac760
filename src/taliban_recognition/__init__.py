"""A versioned, sourced dataset of the diplomatic recognition of the Taliban government.

Every record traces back to the exact words of its source. Pin a dataset version in analysis
code with ``load("1.0.0")`` and get the same records from every later release.

Examples:
    >>> import taliban_recognition as tr
    >>> ds = tr.load("1.0.0")
    >>> ds.status_of("Russia").name
    'FORMAL_RECOGNITION'
"""

# True for type checkers only (mypy and ruff read the name as `typing.TYPE_CHECKING`): importing
# `typing` would cost the package's import more than all the rest of it.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from taliban_recognition._cite import cite

    __version__: str  # read from the installed metadata on first access
    from taliban_recognition._args import CountryQuery, DateQuery
    from taliban_recognition._dataset import Dataset
    from taliban_recognition._diff import DatasetDiff, FieldChange, RecordChange, diff
    from taliban_recognition._draws import Draw
    from taliban_recognition._errors import (
        DataFormatError,
        DataIntegrityError,
        ExportTargetError,
        InvalidArgumentError,
        InvalidDateError,
        InvalidRecordError,
        MissingExtraError,
        NoStatusError,
        OutOfCoverageError,
        SchemaVersionError,
        TalibanRecognitionError,
        UnknownActorError,
        UnknownCountryError,
        UnknownDatesError,
        UnknownDirectionError,
        UnknownEventKindError,
        UnknownFormatError,
        UnknownRecordError,
        UnknownVersionError,
    )
    from taliban_recognition._iso import country
    from taliban_recognition._load import load, versions
    from taliban_recognition._model import (
        CAMEO,
        PLOVER_CONTEXTS,
        PLOVER_MODES,
        Actor,
        ActorKind,
        Basis,
        Corroboration,
        Country,
        DatePrecision,
        Direction,
        Event,
        EventCodes,
        EventKind,
        Evidence,
        FuzzyDate,
        PloverType,
        RecognitionPeriod,
        RecognitionStatus,
        Reference,
        RepresentationLevel,
        RepresentationPeriod,
        Source,
        StatusPeriod,
    )
    from taliban_recognition._panel import Panel

__all__ = [
    "CAMEO",
    "PLOVER_CONTEXTS",
    "PLOVER_MODES",
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
    "Direction",
    "Draw",
    "Event",
    "EventCodes",
    "EventKind",
    "Evidence",
    "ExportTargetError",
    "FieldChange",
    "FuzzyDate",
    "InvalidArgumentError",
    "InvalidDateError",
    "InvalidRecordError",
    "MissingExtraError",
    "NoStatusError",
    "OutOfCoverageError",
    "Panel",
    "PloverType",
    "RecognitionPeriod",
    "RecognitionStatus",
    "RecordChange",
    "Reference",
    "RepresentationLevel",
    "RepresentationPeriod",
    "SchemaVersionError",
    "Source",
    "StatusPeriod",
    "TalibanRecognitionError",
    "UnknownActorError",
    "UnknownCountryError",
    "UnknownDatesError",
    "UnknownDirectionError",
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

# Where each public name is defined. Importing the package reads no submodule, so that it costs
# next to nothing; a name's module is imported the first time the name is used (PEP 562). The
# imports under TYPE_CHECKING above say the same to type checkers and the API docs, and a test
# holds the two lists equal.
_DEFINED_IN = {
    "_cite": ("cite",),
    "_args": ("CountryQuery", "DateQuery"),
    "_dataset": ("Dataset",),
    "_diff": ("DatasetDiff", "FieldChange", "RecordChange", "diff"),
    "_draws": ("Draw",),
    "_errors": (
        "DataFormatError",
        "DataIntegrityError",
        "ExportTargetError",
        "InvalidArgumentError",
        "InvalidDateError",
        "InvalidRecordError",
        "MissingExtraError",
        "NoStatusError",
        "OutOfCoverageError",
        "SchemaVersionError",
        "TalibanRecognitionError",
        "UnknownActorError",
        "UnknownCountryError",
        "UnknownDatesError",
        "UnknownDirectionError",
        "UnknownEventKindError",
        "UnknownFormatError",
        "UnknownRecordError",
        "UnknownVersionError",
    ),
    "_iso": ("country",),
    "_panel": ("Panel",),
    "_load": ("load", "versions"),
    "_model": (
        "CAMEO",
        "PLOVER_CONTEXTS",
        "PLOVER_MODES",
        "Actor",
        "ActorKind",
        "Basis",
        "Corroboration",
        "Country",
        "DatePrecision",
        "Direction",
        "Event",
        "EventCodes",
        "EventKind",
        "Evidence",
        "FuzzyDate",
        "PloverType",
        "RecognitionPeriod",
        "RecognitionStatus",
        "Reference",
        "RepresentationLevel",
        "RepresentationPeriod",
        "Source",
        "StatusPeriod",
    ),
}
_MODULE_OF = {name: module for module, names in _DEFINED_IN.items() for name in names}


# Defined for the interpreter only: type checkers see the names imported above, and flag any
# other attribute as missing instead of typing it as `object`.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        module = _MODULE_OF.get(name)
        if module is not None:
            from importlib import import_module  # noqa: PLC0415 -- only when a name is first used

            value: object = getattr(import_module(f"{__name__}.{module}"), name)
            globals()[name] = value  # later lookups are plain attribute reads
            return value
        # The package version is read from the installed metadata on first access, not at import.
        if name == "__version__":
            from importlib.metadata import version  # noqa: PLC0415

            return version("taliban-recognition")
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})


del TYPE_CHECKING  # not a name of the package's
