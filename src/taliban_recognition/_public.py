"""How the package presents its public classes and functions: under its own name."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

PACKAGE = "taliban_recognition"


def publish(*public: type | Callable[..., object]) -> None:
    """Have `public` classes and functions report the package as their module.

    Users, tracebacks, pickles and the API docs then see ``taliban_recognition.Country``, not
    the private module that defines it. Each defining module calls this last, so the names
    are the same whichever way, and in whatever order, the modules were imported.

    The string annotations of an attrs class are resolved first, in the defining module's
    namespace, and stored resolved: the package's namespace fills in lazily, so
    `typing.get_type_hints` could not evaluate them there.
    """
    for item in public:
        if hasattr(item, "__attrs_attrs__"):
            import inspect  # noqa: PLC0415 -- attrs has imported both

            import attrs  # noqa: PLC0415 -- only for attrs classes

            assert isinstance(item, type)  # noqa: S101 -- attrs records are classes
            attrs.resolve_types(item)
            own = inspect.get_annotations(item)
            item.__annotations__ = {
                field.name: field.type for field in attrs.fields(item) if field.name in own
            }
        item.__module__ = PACKAGE
