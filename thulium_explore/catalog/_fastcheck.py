"""A fast "is this certainly valid?" check for flat schemas, with jsonschema as the judge of the rest.

Most calls send a flat object of scalars and get a small flat answer. jsonschema's fixed cost per
validation is several times the work such a check needs, so for schemas built only from the
keywords below, :func:`compile_fast` makes a plain-Python predicate. It answers ``True`` only when
the instance is valid; on ``False`` the caller runs jsonschema, which produces the messages. A
schema using any other keyword (``$ref``, ``enum``, ``allOf``, ``items``…) gets no predicate.

What it buys, measured: with the cached per-call lookups and the single body parse that came with
it, the per-call overhead benchmark (``python -m benchmarks --only overhead``: a client call ÷ a bare
requests call to the same loopback server) went from 1.21 to 1.13-1.23; composing each scalar check
from only the keywords it has was part of the step to 1.07 (benchmarks/README.md). Correctness is
held to jsonschema by a differential hypothesis test and keyword-by-keyword cases
(tests/unit/test_fastcheck.py).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from typing import Any, Protocol

Predicate = Callable[[Any], bool]


class FormatChecker(Protocol):
    """What the fast path needs of a format checker: jsonschema's ``FormatChecker`` or ``_formats.PLAIN``."""

    def conforms(self, instance: object, format: str) -> bool: ...


#: keywords that never affect validity
_ANNOTATIONS = frozenset(
    {"title", "description", "examples", "default", "$comment", "deprecated", "readOnly", "writeOnly", "$schema", "$id"}
)
_SCALAR_KEYWORDS = frozenset(
    {
        "type",
        "format",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "pattern",
    }
)
_OBJECT_KEYWORDS = frozenset({"type", "properties", "required", "additionalProperties"})


def _is_integer(x: Any) -> bool:
    return (isinstance(x, int) and not isinstance(x, bool)) or (isinstance(x, float) and x.is_integer())


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


_TYPES: dict[str, Predicate] = {
    "integer": _is_integer,
    "number": _is_number,
    "string": lambda x: isinstance(x, str),
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
    "array": lambda x: isinstance(x, list),
    "object": lambda x: isinstance(x, dict),
}


def _only(schema: Mapping[str, Any], allowed: frozenset[str]) -> bool:
    return all(k in allowed or k in _ANNOTATIONS or k.startswith("x-") for k in schema)


#: formats whose canonical spelling a regex can pass without calling the format's own checker
_QUICK_FORMATS: dict[str, re.Pattern[str]] = {
    "uuid": re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
}


def _all(checks: list[Predicate]) -> Predicate:
    """One predicate true when every check is (no loop for the usual one or two checks)."""
    if not checks:
        return lambda x: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda x: first(x) and second(x)
    return lambda x: all(check(x) for check in checks)


def _type(names: list[str]) -> Predicate:
    kinds = [_TYPES[n] for n in names]
    return kinds[0] if len(kinds) == 1 else (lambda x: any(kind(x) for kind in kinds))


def _format(fmt: str, formats: FormatChecker) -> Predicate:
    """The canonical spelling passes by regex; anything else goes to the format's own checker."""
    quick = _QUICK_FORMATS.get(fmt)

    def check(x: Any) -> bool:
        if quick is not None and isinstance(x, str) and quick.fullmatch(x):
            return True
        return bool(formats.conforms(x, fmt))

    return check


def _bounds(schema: Mapping[str, Any]) -> Predicate | None:
    """The numeric range keywords as one predicate on numbers (other values pass), or None."""
    tests = [
        (op, schema[key])
        for key, op in (
            ("minimum", operator.ge),
            ("maximum", operator.le),
            ("exclusiveMinimum", operator.gt),
            ("exclusiveMaximum", operator.lt),
        )
        if key in schema
    ]
    if not tests:
        return None
    if len(tests) == 1:
        ((op, limit),) = tests
        return lambda x: not _is_number(x) or op(x, limit)
    return lambda x: not _is_number(x) or all(op(x, limit) for op, limit in tests)


def _string(schema: Mapping[str, Any]) -> Predicate | None:
    """minLength / maxLength / pattern as one predicate on strings (other values pass), or None."""
    if not {"minLength", "maxLength", "pattern"} & schema.keys():
        return None
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    pattern = re.compile(schema["pattern"]) if "pattern" in schema else None
    return lambda x: (
        not isinstance(x, str)
        or (low <= len(x) and (high is None or len(x) <= high) and (pattern is None or pattern.search(x) is not None))
    )


def _scalar(schema: Any, formats: FormatChecker) -> Predicate | None:
    """A predicate for a scalar schema, or None when it uses a keyword this module does not know."""
    if not isinstance(schema, Mapping) or not _only(schema, _SCALAR_KEYWORDS):
        return None
    kinds = schema.get("type")
    names = [kinds] if isinstance(kinds, str) else kinds
    if names is not None and (not isinstance(names, list) or any(n not in _TYPES for n in names)):
        return None
    checks = [] if names is None else [_type(names)]
    if "format" in schema:
        checks.append(_format(schema["format"], formats))
    checks += [check for check in (_bounds(schema), _string(schema)) if check is not None]
    return _all(checks)


def compile_fast(schema: Any, formats: FormatChecker) -> Predicate | None:
    """A predicate true only for valid instances of a flat object schema; None if the schema is not flat."""
    if not isinstance(schema, Mapping) or schema.get("type") != "object" or not _only(schema, _OBJECT_KEYWORDS):
        return None
    extra = schema.get("additionalProperties", True)
    if not isinstance(extra, bool):
        return None
    checks: dict[str, Predicate] = {}
    for name, sub in schema.get("properties", {}).items():
        found = _scalar(sub, formats)
        if found is None:
            return None
        checks[name] = found
    required = tuple(schema.get("required", ()))

    def check(instance: Any) -> bool:
        if not isinstance(instance, dict):
            return False
        for name in required:
            if name not in instance:
                return False
        for name, value in instance.items():
            found = checks.get(name)
            if found is None:
                if not extra:
                    return False
            elif not found(value):
                return False
        return True

    return check
