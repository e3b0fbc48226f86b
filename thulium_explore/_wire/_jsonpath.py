"""JSON paths for parameter fields: ``custom_fields.Segment.0`` (as ``_params.check`` names them) → ``$``-paths.

The formatter itself is :func:`thulium_explore.catalog._paths.json_path` (the catalog, a layer
below, needs it too); this is the one variant that is genuinely different: its input is a dotted
field name, whose all-digit parts are array indexes.
"""

from __future__ import annotations

from thulium_explore.catalog._paths import json_path

WHOLE = "(parameters)"  # the field _params.check names for a problem with the parameters as a whole


def field_path(field: str) -> str:
    """``a.b.0`` → ``$.a.b[0]``; the whole parameter object (``""`` or ``(parameters)``) → ``$``.

    A part is an index only when it is how an index is written (``0``, ``12``: ASCII digits, no
    leading zero); ``007`` or ``²`` are keys.
    """
    if field in ("", WHOLE):
        return "$"
    return json_path([_index(p) for p in field.split(".")])


def _index(part: str) -> str | int:
    """``"12"`` → ``12``; any other text stays a key."""
    return int(part) if part.isascii() and part.isdigit() and str(int(part)) == part else part
