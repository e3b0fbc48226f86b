"""JSON paths and JSON type names: where in a JSON value something is (``$.errors[0].code``), and what it is.

The one formatter for every report that points into a value (contract problems, webhook problems,
catalog errors). It lives in the catalog, the lowest layer that needs it; ``_wire/_jsonpath.py``
adds the dotted parameter-field form on top of it.

Keys are written as they are (``$.custom_fields.Imię i nazwisko``), never quoted: the forms build
the same paths for their fields and compare them with these.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def json_path(parts: Iterable[str | int]) -> str:
    """``["errors", 0, "code"]`` → ``$.errors[0].code``: an int is an array index, anything else a key."""
    return "$" + "".join([f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts])


def json_type(value: Any) -> str:
    """The JSON Schema type name of a parsed JSON value (bool before int: ``True`` is a boolean).

    >>> json_type({"a": 1}), json_type(1.5), json_type(3), json_type(None)
    ('object', 'number', 'integer', 'null')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    return "object" if isinstance(value, Mapping) else type(value).__name__
