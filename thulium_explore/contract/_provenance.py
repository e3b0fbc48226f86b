"""Where a broken fact comes from: the nearest ``x-provenance`` along a validation error's schema path.

A recorded answer that breaks a fact we only inferred (``inferred``) or read on an older page of the
documentation (``documented-old``) is evidence against the schema, not against the server: ``verify``
reports it as a *suspect* (a warning; a failure only with ``--strict``). Facts from the current
documentation (``documented``), its examples (``example``) and third-party code (``code``) still fail.

The walk follows the error's ``schema_path`` from the schema the validator was built on, through
``$ref``s, noting every ``x-provenance`` (and, for ``type`` errors, ``x-type-provenance``) on the way;
the deepest one wins. A ``required`` error asks the missing property's own schema first. When no
schema on the path says, the documented response's provenance decides.

>>> SUSPECT_PROVENANCE
('documented-old', 'inferred')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

#: facts a recorded answer may overrule (a warning, a failure only with ``--strict``)
SUSPECT_PROVENANCE = ("documented-old", "inferred")
#: the advice printed beside a suspect
SUSPECT_ADVICE = "the recording is evidence, update the schema"
#: keywords whose value maps names (or lists positions) to schemas: the step after one names a schema
_SCHEMA_MAPS = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}
    | {"allOf", "anyOf", "oneOf", "prefixItems"}
)
#: keywords whose value is one schema
_SCHEMA_VALUES = frozenset(
    {
        "$ref",
        "items",
        "additionalProperties",
        "not",
        "if",
        "then",
        "else",
        "contains",
        "propertyNames",
        "unevaluatedItems",
        "unevaluatedProperties",
    }
)


def is_suspect(provenance: str | None) -> bool:
    """True for a fact a recorded answer may overrule (``inferred``, ``documented-old``)."""
    return provenance in SUSPECT_PROVENANCE


def error_provenance(
    schema: Any,
    resolver: Any,
    schema_path: Sequence[Any],
    *,
    keyword: str,
    leaf: Any,
    missing: str | None = None,
    fallback: str,
) -> str:
    """The provenance of the fact a validation error broke.

    ``schema``/``resolver`` are what the validator was built on; ``schema_path`` is the error's
    (jsonschema's ``error.schema_path``: keywords and names; jsonschema leaves ``$ref`` out, so a step
    a schema does not have is looked for behind its ``$ref``); ``keyword`` the failing keyword
    (``type``, ``enum``, ``required``…); ``leaf`` the schema holding it (``error.schema``); ``missing``
    the absent property of a ``required`` error.
    """
    found: str | None = None
    found_type: str | None = None
    node, kind = schema, "schema"  # what node is: a schema, a map of names (or list) of schemas, a keyword's value
    owner, owner_resolver = schema, resolver  # the last schema on the path (the object of a required error)

    def note(node: Mapping[str, Any]) -> None:
        nonlocal found, found_type
        if isinstance(node.get("x-provenance"), str):
            found = node["x-provenance"]
        if isinstance(node.get("x-type-provenance"), str):
            found_type = node["x-type-provenance"]

    if isinstance(node, Mapping):
        note(node)
    for step in schema_path:
        for _ in range(16):  # follow $ref (jsonschema's path omits it) until the step is there
            if kind != "schema" or not isinstance(node, Mapping) or step in node or not resolver:
                break
            if not isinstance(node.get("$ref"), str):
                break
            try:
                resolved = resolver.lookup(node["$ref"])
            except Exception:  # referencing raises several unrelated types; the catalog checked every $ref
                break
            node, resolver = resolved.contents, resolved.resolver
            if isinstance(node, Mapping):
                owner, owner_resolver = node, resolver
                note(node)
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if kind == "schema":
            kind = "schema" if step in _SCHEMA_VALUES else "map" if step in _SCHEMA_MAPS else "value"
        elif kind == "map":
            kind = "schema"
        if kind == "schema" and isinstance(node, Mapping):
            owner, owner_resolver = node, resolver
            note(node)
    if isinstance(leaf, Mapping):  # the schema holding the failing keyword: exact, whatever the walk found
        note(leaf)
        if leaf is not owner:
            owner = leaf
    if keyword == "required" and missing is not None and isinstance(owner, Mapping):
        own = _property_provenance(owner, owner_resolver, missing)
        if own is not None:
            return own
    if keyword == "type" and found_type is not None:
        return found_type
    return found or fallback


def _property_provenance(node: Mapping[str, Any], resolver: Any, name: str) -> str | None:
    """``x-provenance`` of property ``name`` of the object schema ``node`` (whose ``required`` failed)."""
    sub = node.get("properties", {}).get(name) if isinstance(node.get("properties"), Mapping) else None
    if not isinstance(sub, Mapping):
        return None
    if isinstance(sub.get("x-provenance"), str):
        return str(sub["x-provenance"])
    if isinstance(sub.get("$ref"), str) and resolver is not None:
        try:
            target = resolver.lookup(sub["$ref"]).contents
        except Exception:  # referencing raises several unrelated types
            return None
        if isinstance(target, Mapping) and isinstance(target.get("x-provenance"), str):
            return str(target["x-provenance"])
    return None
