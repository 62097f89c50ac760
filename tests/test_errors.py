"""Every exception of the package crosses a process boundary, and copies, intact."""

from __future__ import annotations

import concurrent.futures
import copy
import datetime as dt
import inspect
import pickle
from typing import Any

import pytest

import taliban_recognition as tr
from taliban_recognition import _errors

RUSSIA = tr.country("RU")
EXAMPLES: dict[type[tr.TalibanRecognitionError], tuple[Any, ...]] = {
    tr.TalibanRecognitionError: ("something went wrong",),
    tr.UnknownVersionError: ("9.9.9", ("1.0.0", "1.1.0")),
    tr.UnknownCountryError: ("Kosova", ("Kosovo",), "Kosovo is not covered: it has no ISO code"),
    tr.UnknownRecordError: ("event", "nope", ("a", "b")),
    tr.UnknownActorError: ("nobody", ("russia", "taliban")),
    tr.NoStatusError: (RUSSIA, "it is the subject"),
    tr.UnknownEventKindError: ("party", ("recognition", "statement")),
    tr.InvalidDateError: ("2025-13", "month must be in 1..12"),
    tr.OutOfCoverageError: (dt.date(2020, 1, 1), dt.date(2021, 8, 1), dt.date(2025, 7, 3)),
    tr.UnknownFormatError: ("xml", ("csv", "json")),
    tr.UnknownDatesError: ("reported", ("stated", "corroborated")),
    tr.UnknownDirectionError: ("inbound", ("state_in_afghanistan", "afghanistan_in_state")),
    tr.SchemaVersionError: ("1.2.0", "recognition periods", "they are recorded from 2.0.0"),
    tr.DataIntegrityError: ("1.0.0.json", "a" * 64, "b" * 64),
    tr.DataFormatError: ("$.events[3].date", "not a date"),
    tr.InvalidRecordError: ("alpha_2", "r", "alpha_2 must match [A-Z]{2}, got 'r'"),
    tr.ExportTargetError: ("exports", "it holds files; pass overwrite=True to replace them"),
    tr.InvalidArgumentError: ("directory", None, "a path (str or os.PathLike)"),
    tr.MissingExtraError: ("Dataset.to_dataframes", "pandas", "pandas"),
}


def test_every_exception_class_has_an_example() -> None:
    classes = {
        value
        for value in vars(_errors).values()
        if inspect.isclass(value) and issubclass(value, tr.TalibanRecognitionError)
    }
    assert classes == set(EXAMPLES)


def same(a: BaseException, b: BaseException) -> bool:
    """Whether two exceptions have one type, message, args and attributes."""
    attributes = {k: v for k, v in vars(a).items() if not k.startswith("__")}
    return (
        type(a) is type(b)
        and str(a) == str(b)
        and a.args == b.args
        and attributes == {k: v for k, v in vars(b).items() if not k.startswith("__")}
        and getattr(a, "name", None) == getattr(b, "name", None)
    )


@pytest.mark.parametrize("kind", list(EXAMPLES), ids=lambda kind: kind.__name__)
def test_an_exception_pickles_and_copies_with_its_attributes(
    kind: type[tr.TalibanRecognitionError],
) -> None:
    error = kind(*EXAMPLES[kind])
    error.__notes__ = ["a note added on the way"]  # what add_note (3.11 on) does
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(error, protocol))  # noqa: S301 -- our own bytes
        assert same(error, back), protocol
        assert back.__notes__ == ["a note added on the way"]
    assert same(error, copy.copy(error))
    assert same(error, copy.deepcopy(error))


def _raise(kind: type[tr.TalibanRecognitionError]) -> None:
    raise kind(*EXAMPLES[kind])


def test_every_exception_raised_in_a_process_pool_arrives_intact() -> None:
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        futures = {kind: pool.submit(_raise, kind) for kind in EXAMPLES}
        for kind, future in futures.items():
            error = future.exception(timeout=120)
            assert error is not None, kind
            assert same(kind(*EXAMPLES[kind]), error), kind


def test_a_lookup_error_from_a_worker_is_still_a_lookup_error() -> None:
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(tr.load, "9.9.9")
        with pytest.raises(LookupError) as caught:
            future.result(timeout=120)
    assert isinstance(caught.value, tr.UnknownVersionError)
    assert caught.value.version == "9.9.9"
    assert caught.value.available == tr.versions()


# Inputs that used to escape the hierarchy -----------------------------------------------------


@pytest.mark.parametrize(
    ("call", "kind", "message"),
    [
        (lambda: tr.country(10**5000), tr.UnknownCountryError, "an int of 16610 bits"),
        (lambda: tr.country("A" * 1_000_000), tr.UnknownCountryError, "AAAA…; give an ISO"),
        (lambda: tr.FuzzyDate.year("2025"), tr.InvalidDateError, "a year is a whole number"),  # type: ignore[arg-type]
        (lambda: tr.FuzzyDate.year(True), tr.InvalidDateError, "a year is a whole number"),
        (lambda: tr.FuzzyDate.year(0), tr.InvalidDateError, "from 1 to 9999"),
        (lambda: tr.FuzzyDate.month(2025, 13), tr.InvalidDateError, "a month is a whole number"),
        (lambda: tr.FuzzyDate.parse("２０２５-０４"), tr.InvalidDateError, "expected YYYY"),
        (lambda: tr.FuzzyDate.parse("２０２５"), tr.InvalidDateError, "expected YYYY"),
    ],
)
def test_bad_input_gets_a_documented_error(call: Any, kind: type[Exception], message: str) -> None:
    with pytest.raises(kind, match=message):
        call()


def test_a_missing_day_from_pandas_is_an_invalid_date_and_a_timestamp_a_day() -> None:
    import pandas as pd  # noqa: PLC0415 -- the test extra installs it

    ds = tr.load("1.2.0")
    with pytest.raises(tr.InvalidDateError, match="on must be a day, not a missing value"):
        ds.status_of("RU", on=pd.NaT)  # type: ignore[arg-type]
    assert (
        ds.status_of("RU", on=pd.Timestamp("2025-07-03")) is tr.RecognitionStatus.FORMAL_RECOGNITION
    )
    assert tr.FuzzyDate.year(2025) == tr.FuzzyDate.parse("2025")
    assert tr.FuzzyDate.month(2025, 4) == tr.FuzzyDate.parse("2025-04")


def test_a_long_value_is_cut_in_the_message_and_kept_whole_in_the_attribute() -> None:
    query = "Z" * 500
    with pytest.raises(tr.UnknownCountryError) as caught:
        tr.country(query)
    assert len(str(caught.value)) < 250
    assert caught.value.query == query
