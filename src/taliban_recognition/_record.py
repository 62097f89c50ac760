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
  a weak-reference slot, the pickle state attrs gives a slotted class, and from Python 3.13
  ``__replace__`` (`copy.replace`);
- ``__attrs_attrs__`` and ``__attrs_props__``, made on first use by having attrs build a
  class of the same fields (`attrs_twin`), so `attrs.fields`, `attrs.has`, `attrs.evolve`,
  `attrs.inspect`, cattrs and Hypothesis see an attrs class. Only that first use imports
  attrs.

A ``__repr__`` the class body defines itself (``Dataset.__repr__``) is kept, as attrs keeps
it; a class that defines another of the methods it would be given, derives from a class, or
declares a field in a way read differently here (``attrs.field``, an ``attrs.Factory``
default, an ``eq`` or ``repr`` function) is refused. ``__init__`` is the one method written
for each class, ahead of time for the shipped ones (`_inits`); the others are shared. Beside
it, each class gets a maker that sets the fields and runs no check (`unchecked`), for the
records of files the tests have already read with every check.

Where it is knowingly not attrs: ``attrs.validators.disabled()`` does not turn the
validators off; an ``attrs.define`` subclass of a record class is not made frozen; fields
are compared as tuples, so a field holding a NaN equals itself; a repr has no guard against
a record that holds itself; and ``__init__``'s annotations are the resolved types, where
attrs leaves them as written. The tests compare every record class with the attrs class
that attrs makes from the class's own source: the same values taken and refused, with the
same messages, and equal reprs, equality, fields and pickles.
"""

from __future__ import annotations

import operator
import re
import sys
import threading
import typing
import weakref
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

_R = TypeVar("_R")


class _Nothing:
    """The default of a field that has none."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOTHING"


NOTHING: Any = _Nothing()
"""The default of a field that has none (attrs' own `attrs.NOTHING` in the attrs view)."""


class Field:
    """One field of a record: what `field` declares, then the name and type its class gives.

    `field` is this class: it takes the arguments of `attrs.field` that a record uses. The
    attribute names are those of `attrs.Attribute`, so code that reads a field's ``name``,
    ``metadata``, ``default`` or ``init`` reads either.

    Raises:
        TypeError: ``eq`` or ``repr`` is not a bool (attrs' key and repr functions are not
            taken), or the default is an attrs declaration such as ``attrs.Factory``.
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
        validator: Callable[[Any, Any, Any], None]
        | list[Callable[[Any, Any, Any], None]]
        | None = None,
        repr: bool = True,  # noqa: A002 -- attrs' name
        eq: bool = True,
        hash: bool | None = None,  # noqa: A002 -- attrs' name
        init: bool = True,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        if type(eq) is not bool or type(repr) is not bool:
            msg = "a record field's eq and repr are True or False (not attrs' key functions)"
            raise TypeError(msg)
        if _from_attrs(default):
            msg = f"a record field's default is a value, not attrs' {type(default).__name__}"
            raise TypeError(msg)
        listed = validator if isinstance(validator, (list, tuple)) else (validator,)
        self.validators = tuple(check for check in listed if check is not None)
        self.default = default
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


def _from_attrs(value: object) -> bool:
    """Whether `value` is an attrs declaration (``attrs.field()``, ``attrs.Factory``)."""
    return type(value).__module__.startswith("attr.")


_CLASS_VAR = re.compile(r"(?:\w+\.)*ClassVar\b")


def _is_class_var(annotation: object) -> bool:
    if isinstance(annotation, str):
        return _CLASS_VAR.match(annotation) is not None
    return typing.get_origin(annotation) is ClassVar or annotation is ClassVar


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
    """The source of a function that makes `kind`'s ``__init__`` and unchecked maker.

    The ``__init__`` is the one attrs writes for `fields`: set them all, then run the
    validators in field order, then ``__attrs_post_init__``. The maker (`unchecked`) takes
    the same arguments and makes a new instance with its fields set, and does nothing else.
    The values both use (the defaults, the validators and the fields they are given, the
    class) are the factory's parameters.
    """
    values: dict[str, Any] = {"_set": object.__setattr__, "_new": object.__new__, "_cls": kind}
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
    setting = "\n        ".join(["self = _new(_cls)", *lines, "return self"])
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
        f"    def unchecked({', '.join(parameters)}):\n        {setting}\n"
        "    return __init__, unchecked\n"
    )
    return source, values


def _written() -> Mapping[str, Any]:
    """The factories written ahead of time (`_inits`), by their source."""
    from taliban_recognition._inits import FACTORIES  # noqa: PLC0415 -- no cycle

    return FACTORIES


def _init(kind: type, fields: tuple[Field, ...]) -> tuple[Callable[..., None], Callable[..., Any]]:
    """`kind`'s ``__init__`` and unchecked maker, from a factory written ahead of time if any.

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
    init, maker = factory(*values.values())
    init.__qualname__ = f"{kind.__qualname__}.__init__"
    init.__module__ = kind.__module__
    return init, maker


_UNCHECKED: weakref.WeakKeyDictionary[type, Callable[..., Any]] = weakref.WeakKeyDictionary()
"""The unchecked maker of each record class (`unchecked`); a class made and dropped (as the
tests make some) is not kept alive by it."""


def unchecked(kind: type[_R]) -> Callable[..., _R]:
    """A maker of `kind`'s records that runs neither its validators nor its post-init.

    It takes what `kind` takes and sets the fields; nothing else runs. A field that is not
    an argument (``init=False``) is set to its default, and one without a default is left
    unset for the caller to set: what `kind`'s post-init would have set (``Dataset._indices``;
    `_dataset.unchecked_dataset` sets it). It is for values known to pass the checks already:
    the reader of shipped files (`_reader`) makes the records of files the tests have read
    with every check.

    Raises:
        TypeError: `kind` is not a class `record` made (a subclass of one is not).
    """
    maker = _UNCHECKED.get(kind)
    if maker is None:
        msg = f"{kind!r} is not a record class"
        raise TypeError(msg)
    return maker


def inits_module(kinds: Iterable[type]) -> str:
    """The text of `_inits`: the ``__init__`` factories of `kinds`, by their source."""
    sources = dict.fromkeys(_init_factory(kind, fields_of(kind))[0] for kind in kinds)
    lines = [
        '"""The ``__init__`` and unchecked maker of each record class, written ahead of time.',
        "",
        "``scripts/write_inits.py`` writes this file from the record classes, and a test requires",
        "it to be current; see `taliban_recognition._record`. Do not edit it.",
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


def _refuse(kind: type, namespace: dict[str, Any]) -> None:
    """Refuse what a record class cannot be: a subclass, or one with methods it makes itself.

    Raises:
        TypeError: `kind` derives from a class, defines a method a record class makes (all
            but ``__repr__``), or has a method that uses ``super()`` or ``__class__``, whose
            cell would name the class before it was made a record class.
    """
    if kind.__bases__ != (object,):
        msg = f"a record class derives from object alone, not {kind.__bases__}"
        raise TypeError(msg)
    own = sorted(set(namespace) & {*_METHODS, "__init__", "__eq__"} - {"__repr__"})
    if own:
        msg = f"{kind.__qualname__} defines {', '.join(own)}, which a record class makes itself"
        raise TypeError(msg)
    for value in namespace.values():
        parts = ("fget", "fset", "fdel", "__func__")  # of a property, classmethod, staticmethod
        for function in (value, *(getattr(value, part, None) for part in parts)):
            code = getattr(function, "__code__", None)
            if code is not None and "__class__" in code.co_freevars:
                msg = f"{kind.__qualname__}: a record class's methods cannot use super()"
                raise TypeError(msg)


def _declared(kind: type, namespace: dict[str, Any]) -> tuple[Field, ...]:
    """The fields the class body declares, in order, taken out of `namespace`.

    Raises:
        TypeError: A field is declared with attrs' ``attrs.field`` rather than `field`.
        ValueError: A field without a default follows one with a default.
    """
    fields: list[Field] = []
    for attribute, annotation in namespace.get("__annotations__", {}).items():
        if _is_class_var(annotation):
            continue
        declared = namespace.pop(attribute, NOTHING)
        if _from_attrs(declared):
            msg = f"{kind.__qualname__}.{attribute} is declared with attrs: use _record.field"
            raise TypeError(msg)
        item = declared if isinstance(declared, Field) else Field(default=declared)
        item.name, item.alias, item.type = attribute, attribute.lstrip("_"), annotation
        defaulted = any(f.init and f.default is not NOTHING for f in fields)
        if item.init and item.default is NOTHING and defaulted:
            msg = f"{kind.__qualname__}.{attribute}: no mandatory field after one with a default"
            raise ValueError(msg)
        fields.append(item)
    return tuple(fields)


def _record(kind: type) -> type:
    """Make `kind` a record class: its annotated fields become slots (see the module)."""
    namespace = dict(kind.__dict__)
    for name in ("__dict__", "__weakref__"):
        namespace.pop(name, None)
    _refuse(kind, namespace)
    record_fields = _declared(kind, namespace)
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
    namespace["__attrs_props__"] = _ATTRS_PROPS
    namespace.setdefault("__match_args__", tuple(item.name for item in record_fields if item.init))
    for name, method in _METHODS.items():
        namespace.setdefault(name, method)
    made = type(kind)(kind.__name__, kind.__bases__, namespace)
    init, _UNCHECKED[made] = _init(made, record_fields)
    type.__setattr__(made, "__init__", init)
    return made


_LOCK = threading.Lock()


class _AttrsView:
    """An attribute of the attrs view of a record class, made on first use from its twin.

    ``__attrs_attrs__`` (the fields, which `attrs.fields` reads) or ``__attrs_props__`` (the
    class's options, which `attrs.inspect` reads), as `attrs_twin` has them.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type) -> Any:  # noqa: ANN401 -- attrs' own
        # A subclass a user makes, as of an attrs class, has the fields of its record class.
        kind = next(base for base in owner.__mro__ if "__record_fields__" in vars(base))
        with _LOCK:
            found = vars(kind)[self.name]
            if found is self:
                twin = attrs_twin(kind)
                for view in (_ATTRS_VIEW, _ATTRS_PROPS):
                    type.__setattr__(kind, view.name, getattr(twin, view.name, None))
                found = vars(kind)[self.name]
        return found


_ATTRS_VIEW = _AttrsView("__attrs_attrs__")
_ATTRS_PROPS = _AttrsView("__attrs_props__")


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
        kind.__name__,
        these,
        frozen=True,
        slots=True,
        weakref_slot=True,
        eq=True,
        order=False,
        collect_by_mro=True,  # attrs.frozen's defaults, where make_class has attr.s's
        repr=vars(kind)["__repr__"] is _repr,  # a __repr__ of its own is kept, as attrs keeps it
    )
    twin.__qualname__ = kind.__qualname__
    return twin


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
    equal = _eq(self, other)
    return equal if equal is NotImplemented else not equal


def _hash(self: Any) -> int:  # noqa: ANN401 -- any record
    return hash((self.__class__.__qualname__, self.__record_hash__(self)))


def _repr(self: Any) -> str:  # noqa: ANN401 -- any record
    name = self.__class__.__qualname__.rsplit(">.", 1)[-1]
    values = ", ".join(f"{item}={getattr(self, item, NOTHING)!r}" for item in self.__record_repr__)
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
}
"""The methods every record class shares (its body may define its own ``__repr__``)."""
if sys.version_info >= (3, 13):  # copy.replace, as attrs gives it from 3.13
    _METHODS["__replace__"] = _replace

__all__ = [
    "NOTHING",
    "Field",
    "attrs_twin",
    "evolve",
    "field",
    "fields_dict",
    "fields_of",
    "inits_module",
    "is_record",
    "record",
    "resolve_types",
    "unchecked",
]

if TYPE_CHECKING:
    # Type checkers read the record classes as the attrs classes they behave as.
    from attrs import field
    from attrs import frozen as record
else:
    field, record = Field, _record


def resolve_types(kinds: list[type], namespace: dict[str, Any]) -> None:
    """Evaluate the string annotations of the record classes `kinds` in `namespace`.

    `namespace` is the defining module's: each field's ``type``, the class's
    ``__annotations__`` and its ``__init__``'s then hold the types. All of them are evaluated
    as one expression: compiling each alone, as `typing.get_type_hints` does, took a
    twentieth of the first answer. An annotation that gives a string (``"Inner"`` under
    ``from __future__ import annotations``) is evaluated again, as `typing.get_type_hints`
    evaluates it.
    """
    pending = [item for kind in kinds for item in fields_of(kind) if isinstance(item.type, str)]
    while pending:
        expression = f"({', '.join(item.type for item in pending)},)"
        values = eval(expression, namespace)  # noqa: S307 -- the classes' own annotations
        for item, value in zip(pending, values, strict=True):
            item.type = type(None) if value is None else value
        pending = [item for item in pending if isinstance(item.type, str)]
    for kind in kinds:
        found = fields_of(kind)
        type.__setattr__(kind, "__annotations__", {item.name: item.type for item in found})
        vars(kind)["__init__"].__annotations__ = {
            **{item.alias: item.type for item in found if item.init},
            "return": None,
        }


def is_record(kind: object) -> bool:
    """Whether `kind` is a record class, or a subclass of one (as `attrs.has` says of those)."""
    return isinstance(kind, type) and hasattr(kind, "__record_fields__")


def fields_of(kind: type) -> tuple[Field, ...]:
    """The fields of record class `kind`, in order.

    Raises:
        TypeError: `kind` is not a record class.
    """
    if not is_record(kind):
        msg = f"{kind!r} is not a record class"
        raise TypeError(msg)
    found: tuple[Field, ...] = kind.__record_fields__  # type: ignore[attr-defined]
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
