"""The command line: ``python -m taliban_recognition`` prints a summary of the newest dataset."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from taliban_recognition._load import load
from taliban_recognition._model import ActorKind, RecognitionStatus

if TYPE_CHECKING:
    from taliban_recognition._dataset import Dataset
    from taliban_recognition._model import Country


def _row(dataset: Dataset, state: Country) -> tuple[str, str]:
    """The status of `state` on ``as_of`` and the basis of the period that holds it."""
    status = dataset.status_of(state)
    bases = {p.basis.value for p in dataset.status_periods(state) if p.status is status}
    basis = "-" if status is RecognitionStatus.UNKNOWN else "/".join(sorted(bases))
    return status.value, basis


def summary(dataset: Dataset) -> str:
    """The summary table: version, as-of date, digest, and each named state's status."""
    states = {period.country.alpha_2: period.country for period in dataset.statuses}
    named = {
        actor.country.alpha_2: actor.name
        for actor in dataset.actors
        if actor.kind is ActorKind.STATE and actor.country and actor.country.alpha_2 in states
    }
    lines = [
        f"taliban_recognition dataset {dataset.version}, as of {dataset.as_of.isoformat()}",
        f"sha256 {dataset.sha256}",
        "",
        f"Statuses of recognition of the Taliban government of Afghanistan on {dataset.as_of}:",
        "",
        f"{'State':<28}{'Status':<22}Basis",
    ]
    for code, name in sorted(named.items(), key=lambda item: item[1]):
        status, basis = _row(dataset, states[code])
        lines.append(f"{f'{name} ({code})':<28}{status:<22}{basis}")
    others = Counter(_row(dataset, state) for code, state in states.items() if code not in named)
    for (status, basis), count in sorted(others.items()):
        lines.append(f"{f'{count} other states':<28}{status:<22}{basis}")
    return "\n".join(lines)


def main() -> int:
    """Print the summary of the newest dataset version; the exit status is 0."""
    print(summary(load()))  # noqa: T201 -- printing is this command's job
    return 0
