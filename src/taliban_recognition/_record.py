"""Frozen, slotted record classes, made without importing attrs.

The dataset's records were attrs classes. Importing attrs, and having it write and compile
each class's methods, took about a third of the first answer's time (``docs/performance.md``).
A class that `record` makes behaves as ``attrs.frozen`` makes it from the same declarations
(``name: type = field(...)``, or a plain annotation), and type checkers read it as that:

- an ``__init__`` that takes the fields in order (a private ``_name`` as ``name``), sets them
  all, then runs each field's validators in field order, then ``__attrs_post_init__``;
- equality of the same class by the fields compared, a hash from the same fields, a repr
  ``Name(field=value, ...)``, and ``__match_args__``;
- no setting or deleting of attributes (`attrs.exceptions.FrozenInstanceError`), slots with
  a weak-reference slot, the pickle state attrs gives a slotted class, and ``__replace__``;
- ``__attrs_attrs__``, made on first use by having attrs build a class from the same fields,
  so `attrs.fields`, `attrs.has`, `attrs.evolve`, cattrs and Hypothesis see an attrs class.
  Only that first use imports attrs.

A method the class body defines itself (``Dataset.__repr__``) is kept, as attrs keeps it.
``__init__`` is the one method written for each class; the others are shared. The tests
compare every record class with the attrs class made from its fields: the same values taken
and refused, with the same messages, and equal reprs, equality and pickles.
"""

from __future__ import annotations

import operator
import threading
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping


class _Nothing:
    """The default of a field that has none."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOTHING"


NOTHING: Any = _Nothing()
"""The default of a field that has none (attrs' own `attrs.NOTHING` in the attrs view)."""


class Field:
    """One field of a record, as `field` declares it and its class names and types it.

    The attribute names are those of `attrs.Attribute`, so code that reads a field's
    ``name``, ``metadata``, ``default`` or ``init`` reads either.
    """

    __slots__ = (
        "alias",
        "default",
        "eq",
        "hash",
        "init",
        "metadata",
        "name",
        "repr",
        "type",
        "validators",
    )

    def __init__(  # noqa: PLR0913 -- the options attrs.field takes
        self,
        *,
        default: Any = NOTHING,  # noqa: ANN401 -- any value
        validators: tuple[Callable[[Any, Field, Any], None], ...] = (),
        repr: bool = True,  # noqa: A002 -- attrs' name
        eq: bool = True,
        hash: bool | None = None,  # noqa: A002 -- attrs' name
        init: bool = True,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        self.default = default
        self.validators = validators
        self.repr = repr
        self.eq = eq
        self.hash = hash
        self.init = init
        self.metadata: Mapping[str, Any] = MappingProxyType(dict(metadata or {}))
        self.name = ""
        self.alias = ""
        self.type: Any = None

    def __repr__(self) -> str:
        return f"<field {self.name}>"


def _field(  # noqa: PLR0913 -- the options attrs.field takes
    *,
    default: Any = NOTHING,  # noqa: ANN401 -- any value
    validator: Callable[[Any, Any, Any], None]
    | list[Callable[[Any, Any, Any], None]]
    | None = None,
    repr: bool = True,  # noqa: A002 -- attrs' name
    eq: bool = True,
    hash: bool | None = None,  # noqa: A002 -- attrs' name
    init: bool = True,
    metadata: Mapping[str, Any] | None = None,
) -> Any:  # noqa: ANN401 -- stands for the field's value in the class body
    """Declare a record field, as `attrs.field` does with the same arguments.

    Returns:
        The declaration; the class replaces it with the field's slot.
    """
    validators = tuple(validator) if isinstance(validator, list) else (validator,)
    return Field(
        default=default,
        validators=tuple(v for v in validators if v is not None),
        repr=repr,
        eq=eq,
        hash=hash,
        init=init,
        metadata=metadata,
    )


def _is_class_var(annotation: object) -> bool:
    return isinstance(annotation, str) and annotation.startswith(("ClassVar", "typing.ClassVar"))


class _NothingCompared:
    """The key of a record with no field compared: every record of its class is equal."""

    __slots__ = ()

    def __call__(self, _: object) -> tuple[()]:
        return ()


def _key(names: tuple[str, ...]) -> Callable[[Any], Any]:
    """A callable giving the values of `names` of an object to compare or hash it by.

    Not a function, so that stored on a class it stays as it is when read from an instance.
    """
    return operator.attrgetter(*names) if names else _NothingCompared()


def _init_factory(kind: type, fields: tuple[Field, ...]) -> tuple[str, dict[str, Any]]:
    """The source of a function that makes `kind`'s ``__init__``, and the values it takes.

    The ``__init__`` is the one attrs writes for `fields`: set them all, then run the
    validators in field order, then ``__attrs_post_init__``. The values it uses (the
    defaults, the validators and the fields they are given) are the factory's parameters.
    """
    values: dict[str, Any] = {"_set": object.__setattr__}
    parameters: list[str] = []
    lines: list[str] = []
    for n, item in enumerate(fields):
        if item.default is not NOTHING:
            values[f"_d{n}"] = item.default
        if item.init:
            default = "" if item.default is NOTHING else f"=_d{n}"
            parameters.append(f"{item.alias}{default}")
            lines.append(f"_set(self, {item.name!r}, {item.alias})")
        elif item.default is not NOTHING:
            lines.append(f"_set(self, {item.name!r}, _d{n})")
    for n, item in enumerate(fields):
        for m, check in enumerate(item.validators):
            values[f"_f{n}"] = item
            values[f"_v{n}_{m}"] = check
            lines.append(f"_v{n}_{m}(self, _f{n}, self.{item.name})")
    if hasattr(kind, "__attrs_post_init__"):
        lines.append("self.__attrs_post_init__()")
    body = "\n        ".join(lines or ["pass"])
    source = (
        f"def factory({', '.join(values)}):\n"
        f"    def __init__(self, {', '.join(parameters)}):\n        {body}\n"
        "    return __init__\n"
    )
    return source, values


def _written() -> Mapping[str, Any]:
    """The factories written ahead of time (`_inits`), by their source."""
    from taliban_recognition._inits import FACTORIES  # noqa: PLC0415 -- no cycle

    return FACTORIES


def _init(kind: type, fields: tuple[Field, ...]) -> Callable[..., None]:
    """`kind`'s ``__init__``, from a factory written ahead of time if there is one for it.

    The shipped record classes have theirs in `_inits` (``scripts/write_inits.py`` writes it,
    and a test requires it to be current), so making them compiles nothing: compiling the
    fourteen took a thirtieth of the first answer. Any other class's is compiled here.
    """
    source, values = _init_factory(kind, fields)
    factory = _written().get(source)
    if factory is None:
        space: dict[str, Any] = {}
        name = f"{kind.__module__}.{kind.__qualname__}"
        exec(compile(source, f"<record __init__ {name}>", "exec"), space)  # noqa: S102 -- our text
        factory = space["factory"]
    init: Callable[..., None] = factory(*values.values())
    init.__qualname__ = f"{kind.__qualname__}.__init__"
    init.__module__ = kind.__module__
    return init


def inits_module(kinds: Iterable[type]) -> str:
    """The text of `_inits`: the ``__init__`` factories of `kinds`, by their source."""
    sources = dict.fromkeys(_init_factory(kind, fields_of(kind))[0] for kind in kinds)
    lines = [
        '"""The ``__init__`` of each record class, written ahead of time: do not edit.',
        "",
        "``scripts/write_inits.py`` writes this file from the record classes, and a test requires",
        "it to be current; see `taliban_recognition._record`.",
        '"""',
        "# mypy: ignore-errors",
        "",
    ]
    for n, source in enumerate(sources):
        lines.append(source.replace("def factory(", f"def _factory_{n}(", 1))
    lines.append("FACTORIES = {")
    lines.extend(f"    {source!r}: _factory_{n}," for n, source in enumerate(sources))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _record(kind: type) -> type:
    """Make `kind` a record class: its annotated fields become slots (see the module)."""
    namespace = dict(kind.__dict__)
    for name in ("__dict__", "__weakref__"):
        namespace.pop(name, None)
    if kind.__bases__ != (object,):
        msg = f"a record class derives from object alone, not {kind.__bases__}"
        raise TypeError(msg)
    fields: list[Field] = []
    for attribute, annotation in namespace.get("__annotations__", {}).items():
        if _is_class_var(annotation):
            continue
        declared = namespace.pop(attribute, NOTHING)
        item = declared if isinstance(declared, Field) else Field(default=declared)
        item.name, item.alias, item.type = attribute, attribute.lstrip("_"), annotation
        fields.append(item)
    for value in namespace.values():
        code = getattr(value, "__code__", None)
        if code is not None and "__class__" in code.co_freevars:
            msg = f"{kind.__qualname__}: a record class's methods cannot use super() or __class__"
            raise TypeError(msg)
    record_fields = tuple(fields)
    names = tuple(item.name for item in record_fields)
    namespace["__slots__"] = (*names, "__weakref__")
    namespace["__qualname__"] = kind.__qualname__
    namespace["__record_fields__"] = record_fields
    namespace["__record_names__"] = names
    namespace["__record_eq__"] = _key(tuple(item.name for item in record_fields if item.eq))
    hashed = (item for item in record_fields if (item.eq if item.hash is None else item.hash))
    namespace["__record_hash__"] = _key(tuple(item.name for item in hashed))
    namespace["__record_repr__"] = tuple(item.name for item in record_fields if item.repr)
    namespace["__attrs_attrs__"] = _ATTRS_VIEW
    namespace.setdefault("__match_args__", tuple(item.name for item in record_fields if item.init))
    for name, method in _METHODS.items():
        namespace.setdefault(name, method)
    made = type(kind)(kind.__name__, kind.__bases__, namespace)
    if "__init__" not in kind.__dict__:
        type.__setattr__(made, "__init__", _init(made, record_fields))
    return made


_LOCK = threading.Lock()


class _AttrsView:
    """``__attrs_attrs__``: the attrs fields of a record class, made on first use."""

    def __get__(self, instance: object, owner: type) -> Any:  # noqa: ANN401 -- attrs' tuple
        # A subclass a user makes, as of an attrs class, has the fields of its record class.
        kind = next(base for base in owner.__mro__ if is_record(base))
        with _LOCK:
            found = kind.__dict__["__attrs_attrs__"]
            if found is self:
                found = attrs_fields(kind)
                type.__setattr__(kind, "__attrs_attrs__", found)
        return found


_ATTRS_VIEW = _AttrsView()


def attrs_twin(kind: type) -> type:
    """The attrs class made from the fields of record class `kind`, as ``attrs.frozen`` would.

    Its fields are `kind`'s attrs view; the tests compare `kind` with it.
    """
    import attrs  # noqa: PLC0415 -- only when something asks for the attrs view

    these = {
        item.name: attrs.field(
            default=attrs.NOTHING if item.default is NOTHING else item.default,
            validator=_one(item.validators),
            repr=item.repr,
            eq=item.eq,
            hash=item.hash,
            init=item.init,
            metadata=dict(item.metadata),
            type=item.type,
        )
        for item in fields_of(kind)
    }
    twin: type = attrs.make_class(
        kind.__name__, these, frozen=True, slots=True, weakref_slot=True, eq=True, order=False
    )
    twin.__qualname__ = kind.__qualname__
    return twin


def attrs_fields(kind: type) -> Any:  # noqa: ANN401 -- attrs' tuple of Attribute
    """The attrs fields of record class `kind`: those of `attrs_twin`."""
    import attrs  # noqa: PLC0415 -- only when something asks for the attrs view

    return attrs.fields(attrs_twin(kind))


def _one(validators: tuple[Any, ...]) -> Any:  # noqa: ANN401 -- attrs' validator type
    """A field's validators as it would give them to attrs: one alone, more as a list."""
    if not validators:
        return None
    return validators[0] if len(validators) == 1 else list(validators)


def _frozen() -> BaseException:
    from attrs.exceptions import FrozenInstanceError  # noqa: PLC0415 -- only on this error

    return FrozenInstanceError()


def _eq(self: Any, other: Any) -> Any:  # noqa: ANN401 -- any record; a bool or NotImplemented
    if other.__class__ is not self.__class__:
        return NotImplemented
    return self.__record_eq__(self) == self.__record_eq__(other)


def _ne(self: Any, other: Any) -> Any:  # noqa: ANN401 -- any record; a bool or NotImplemented
    if other.__class__ is not self.__class__:
        return NotImplemented
    return self.__record_eq__(self) != self.__record_eq__(other)


def _hash(self: Any) -> int:  # noqa: ANN401 -- any record
    return hash((self.__class__.__qualname__, self.__record_hash__(self)))


def _repr(self: Any) -> str:  # noqa: ANN401 -- any record
    name = self.__class__.__qualname__.rsplit(">.", 1)[-1]
    values = ", ".join(f"{item}={getattr(self, item)!r}" for item in self.__record_repr__)
    return f"{name}({values})"


def _setattr(_self: object, _name: str, _value: object) -> None:
    raise _frozen()


def _delattr(_self: object, _name: str) -> None:
    raise _frozen()


def _getstate(self: Any) -> dict[str, Any]:  # noqa: ANN401 -- any record
    return {name: getattr(self, name) for name in self.__record_names__}


def _setstate(self: Any, state: dict[str, Any] | tuple[Any, ...]) -> None:  # noqa: ANN401
    names = self.__record_names__
    pairs: Iterable[tuple[str, Any]] = (
        zip(names, state, strict=False)
        if isinstance(state, tuple)
        else ((name, state[name]) for name in names if name in state)
    )
    for name, value in pairs:
        object.__setattr__(self, name, value)


def _replace(self: Any, **changes: Any) -> Any:  # noqa: ANN401 -- any record, any values
    return evolve(self, **changes)


_METHODS: dict[str, Callable[..., Any]] = {
    "__eq__": _eq,
    "__ne__": _ne,
    "__hash__": _hash,
    "__repr__": _repr,
    "__setattr__": _setattr,
    "__delattr__": _delattr,
    "__getstate__": _getstate,
    "__setstate__": _setstate,
    "__replace__": _replace,
}
"""The methods every record class shares, unless its body defines its own."""

__all__ = [
    "NOTHING",
    "Field",
    "attrs_fields",
    "attrs_twin",
    "evolve",
    "field",
    "fields_dict",
    "fields_of",
    "inits_module",
    "is_record",
    "record",
    "resolve_types",
]

if TYPE_CHECKING:
    # Type checkers read the record classes as the attrs classes they behave as.
    from attrs import field
    from attrs import frozen as record
else:
    field, record = _field, _record


def resolve_types(kinds: list[type], namespace: dict[str, Any]) -> None:
    """Evaluate the string annotations of the record classes `kinds` in `namespace`.

    Each field's ``type``, the class's ``__annotations__`` and its ``__init__``'s (as attrs
    annotates the ``__init__`` it writes) then hold the types, as `typing.get_type_hints`
    gives them. All of them are evaluated as one expression: compiling each alone, as
    `typing.get_type_hints` does, took a twentieth of the first answer.
    """
    pending = [item for kind in kinds for item in fields_of(kind) if isinstance(item.type, str)]
    if pending:
        expression = f"({', '.join(item.type for item in pending)},)"
        for item, value in zip(pending, eval(expression, namespace), strict=True):  # noqa: S307 -- our own annotations
            item.type = type(None) if value is None else value
    for kind in kinds:
        found = fields_of(kind)
        type.__setattr__(kind, "__annotations__", {item.name: item.type for item in found})
        vars(kind)["__init__"].__annotations__ = {
            **{item.alias: item.type for item in found if item.init},
            "return": None,
        }


def is_record(kind: object) -> bool:
    """Whether `kind` is a record class."""
    return isinstance(kind, type) and "__record_fields__" in kind.__dict__


def fields_of(kind: type) -> tuple[Field, ...]:
    """The fields of record class `kind`, in order.

    Raises:
        TypeError: `kind` is not a record class.
    """
    if not is_record(kind):
        msg = f"{kind!r} is not a record class"
        raise TypeError(msg)
    found: tuple[Field, ...] = kind.__dict__["__record_fields__"]
    return found


def fields_dict(kind: type) -> dict[str, Field]:
    """The fields of record class `kind` by name."""
    return {item.name: item for item in fields_of(kind)}


def evolve(record: Any, **changes: Any) -> Any:  # noqa: ANN401 -- any record, any values
    """A copy of `record` with `changes` (by ``__init__`` name), made through ``__init__``.

    As `attrs.evolve`: the new record's validators run.
    """
    kind = type(record)
    for item in fields_of(kind):
        if item.init and item.alias not in changes:
            changes[item.alias] = getattr(record, item.name)
    return kind(**changes)
