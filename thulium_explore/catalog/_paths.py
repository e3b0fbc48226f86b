"""JSON paths: where in a JSON value something is, written as ``$.errors[0].code``.

The one formatter for every report that points into a value (contract problems, webhook problems,
catalog errors). It lives in the catalog, the lowest layer that needs it; ``_wire/_jsonpath.py``
adds the dotted parameter-field form on top of it.

Keys are written as they are (``$.custom_fields.Imię i nazwisko``), never quoted: the forms build
the same paths for their fields and compare them with these.
"""

from __future__ import annotations

from collections.abc import Iterable


def json_path(parts: Iterable[str | int]) -> str:
    """``["errors", 0, "code"]`` → ``$.errors[0].code``: an int is an array index, anything else a key."""
    return "$" + "".join([f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts])
