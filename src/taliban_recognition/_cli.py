"""The command line: ``python -m taliban_recognition`` prints a summary of the newest dataset."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from taliban_recognition._load import load
from taliban_recognition._model import ActorKind

if TYPE_CHECKING:
    from taliban_recognition._dataset import Dataset


def summary(dataset: Dataset) -> str:
    """The summary table: version, as-of date, digest, and each named state's status."""
    named = {
        actor.country.alpha_2: actor.name
        for actor in dataset.actors
        if actor.kind is ActorKind.STATE and actor.country is not None
    }
    current = {period.country.alpha_2: period for period in dataset.statuses if period.end is None}
    lines = [
        f"taliban_recognition dataset {dataset.version}, as of {dataset.as_of.isoformat()}",
        f"sha256 {dataset.sha256}",
        "",
        f"Statuses of recognition of the Taliban government of Afghanistan on {dataset.as_of}:",
        "",
        f"{'State':<28}{'Status':<22}Basis",
    ]
    for code, name in sorted(named.items(), key=lambda item: item[1]):
        if code in current:
            period = current[code]
            label = f"{name} ({code})"
            lines.append(f"{label:<28}{period.status.value:<22}{period.basis.value}")
    others = Counter(
        (period.status.value, period.basis.value)
        for code, period in current.items()
        if code not in named
    )
    for (status, basis), count in sorted(others.items()):
        lines.append(f"{f'{count} other states':<28}{status:<22}{basis}")
    return "\n".join(lines)


def main() -> int:
    """Print the summary of the newest dataset version; the exit status is 0."""
    print(summary(load()))  # noqa: T201 -- printing is this command's job
    return 0
