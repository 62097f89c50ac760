"""How the package presents its public classes and functions: under its own name."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

PACKAGE = "taliban_recognition"


def publish(*public: type | Callable[..., object]) -> None:
    """Have `public` classes and functions report the package as their module.

    Users, tracebacks, pickles and the API docs then see ``taliban_recognition.Country``, not
    the private module that defines it. Each defining module calls this last, after
    `attrs.resolve_types` has read its annotations in the module's own namespace, so the
    names are the same whichever way, and in whatever order, the modules were imported.
    """
    for item in public:
        item.__module__ = PACKAGE
