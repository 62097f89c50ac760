"""How the package presents its public classes and functions: under its own name."""

from __future__ import annotations

import sys
from types import FunctionType

from taliban_recognition._record import is_record, resolve_types

PACKAGE = "taliban_recognition"


def publish(module: str) -> None:
    """Have the public classes and functions that `module` defines report the package.

    Users, tracebacks, pickles and the API docs then see ``taliban_recognition.Country``, not
    the private module that defines it. The package's ``_DEFINED_IN`` says which names each
    module defines; each of those modules calls this last, with its ``__name__``, so the
    names are the same whichever way, and in whatever order, the modules were imported.

    The string annotations of a record or attrs class are resolved first, in the defining module's
    namespace, and stored resolved, in the class's ``__annotations__`` and its fields: the
    package's namespace fills in lazily, so `typing.get_type_hints` could not evaluate them
    there.
    """
    defined_in: dict[str, tuple[str, ...]] = sys.modules[PACKAGE]._DEFINED_IN  # noqa: SLF001
    namespace = vars(sys.modules[module])
    items = [namespace[name] for name in defined_in[module.rpartition(".")[2]]]
    resolve_types([item for item in items if is_record(item)], namespace)
    for item in items:
        if isinstance(item, type) and "__attrs_attrs__" in item.__dict__ and not is_record(item):
            import inspect  # noqa: PLC0415 -- attrs has imported both

            import attrs  # noqa: PLC0415 -- only for attrs classes

            attrs.resolve_types(item)
            own = inspect.get_annotations(item)
            item.__annotations__ = {
                field.name: field.type for field in attrs.fields(item) if field.name in own
            }
        if isinstance(item, (type, FunctionType)):  # not the type aliases and constants
            item.__module__ = PACKAGE
