"""A fast "is this certainly valid?" check for flat schemas, with jsonschema as the judge of the rest.

Most calls send a flat object of scalars and get a small flat answer. jsonschema's fixed cost per
validation is several times the work such a check needs, so for schemas built only from the
keywords below, :func:`compile_fast` makes a plain-Python predicate. It answers ``True`` only when
the instance is valid; on ``False`` the caller runs jsonschema, which produces the messages. A
schema using any other keyword (``$ref``, ``enum``, ``allOf``, ``items``…) gets no predicate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from jsonschema import FormatChecker

Predicate = Callable[[Any], bool]

#: keywords that never affect validity
_ANNOTATIONS = frozenset({"title", "description", "examples", "default", "$comment", "deprecated",
                          "readOnly", "writeOnly", "$schema", "$id"})
_SCALAR_KEYWORDS = frozenset({"type", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                              "minLength", "maxLength", "pattern"})
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


def _scalar(schema: Any, formats: FormatChecker) -> Predicate | None:
    """A predicate for a scalar schema, or None when it uses a keyword this module does not know."""
    if not isinstance(schema, Mapping) or not _only(schema, _SCALAR_KEYWORDS):
        return None
    kinds = schema.get("type")
    names = [kinds] if isinstance(kinds, str) else kinds
    if names is not None and (not isinstance(names, list) or any(n not in _TYPES for n in names)):
        return None
    type_checks = [_TYPES[n] for n in names] if names is not None else None
    fmt = schema.get("format")
    low, high = schema.get("minimum"), schema.get("maximum")
    xlow, xhigh = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    min_len, max_len = schema.get("minLength"), schema.get("maxLength")
    pattern = re.compile(schema["pattern"]) if "pattern" in schema else None

    def check(x: Any) -> bool:
        if type_checks is not None and not any(t(x) for t in type_checks):
            return False
        if fmt is not None and not formats.conforms(x, fmt):
            return False
        if _is_number(x) and not (
            (low is None or x >= low) and (high is None or x <= high)
            and (xlow is None or x > xlow) and (xhigh is None or x < xhigh)
        ):
            return False
        if isinstance(x, str):
            if (min_len is not None and len(x) < min_len) or (max_len is not None and len(x) > max_len):
                return False
            if pattern is not None and not pattern.search(x):
                return False
        return True

    return check


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
