"""Hypothesis strategies from the catalog's parameter schemas (used by the property tests).

Leaves (strings, numbers, arrays of scalars, formats, patterns) come from hypothesis-jsonschema.
Objects are composed here: hypothesis-jsonschema 0.23.1's object strategy calls
``hypothesis.internal.conjecture.utils.many(...).more()``, which the installed Hypothesis
(6.170) no longer has, so every object schema fails with AttributeError (see
``test_hypothesis_jsonschema_objects_still_broken`` in tests/integration/test_properties.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from thulium_explore import Catalog

FORMATS = {"uuid": st.uuids().map(str)}
#: Keywords this module does not model: a schema using them is filtered by validation.
UNMODELLED = frozenset(
    {
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "if",
        "dependentRequired",
        "dependentSchemas",
        "minProperties",
        "maxProperties",
        "patternProperties",
        "propertyNames",
        "unevaluatedProperties",
        "prefixItems",
        "contains",
        "unevaluatedItems",
    }
)
JSON_TYPES = ["null", "boolean", "integer", "number", "string", "array", "object"]


def inline(catalog: Catalog, uri: str) -> Any:
    """The schema at ``uri`` with every ``$ref`` replaced by its target (generators need that)."""
    found = catalog.registry.resolver().lookup(uri)
    return _inline(found.contents, found.resolver, (id(found.contents),))


def _inline(node: Any, resolver: Any, seen: tuple[int, ...]) -> Any:
    if isinstance(node, list):
        return [_inline(item, resolver, seen) for item in node]
    if not isinstance(node, Mapping):
        return node
    if isinstance(node.get("$ref"), str):
        found = resolver.lookup(node["$ref"])
        if id(found.contents) in seen:
            raise AssertionError(f"recursive parameter schema at {node['$ref']}: cannot be generated")
        merged = {**found.contents, **{k: v for k, v in node.items() if k != "$ref"}}
        return _inline(merged, found.resolver, (*seen, id(found.contents)))
    return {
        k: v if k in ("examples", "const", "enum", "default") else _inline(v, resolver, seen)
        for k, v in node.items()
        if k not in ("$defs", "$id", "$schema")
    }


def is_object_schema(schema: Mapping[str, Any]) -> bool:
    kind = schema.get("type")
    return kind == "object" or (kind is None and ("properties" in schema or "additionalProperties" in schema))


def unmodelled(schema: Any) -> set[str]:
    """Keywords anywhere in ``schema`` that :func:`values` does not model (then callers filter)."""
    found: set[str] = set()
    if isinstance(schema, Mapping):
        found |= UNMODELLED & set(schema)
        for key, value in schema.items():
            if key not in ("examples", "const", "enum", "default"):
                found |= unmodelled(value)
    elif isinstance(schema, list):
        for item in schema:
            found |= unmodelled(item)
    return found


def values(schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """Values for an inlined schema: objects and arrays composed here, scalars by hypothesis-jsonschema."""
    if "enum" in schema or "const" in schema:
        return from_schema(dict(schema), custom_formats=FORMATS)
    if is_object_schema(schema):
        return _objects(schema)
    kind = schema.get("type")
    kinds = JSON_TYPES if kind is None else [kind] if isinstance(kind, str) else list(kind)
    parts = [
        _objects(schema)
        if k == "object"
        else _arrays(schema)
        if k == "array"
        else from_schema({**schema, "type": k}, custom_formats=FORMATS)
        for k in kinds
    ]
    return parts[0] if len(parts) == 1 else st.one_of(parts)


def _objects(schema: Mapping[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    props: Mapping[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    fixed = {name: values(sub) for name, sub in props.items() if name in required}
    optional = {name: values(sub) for name, sub in props.items() if name not in required}
    extra = schema.get("additionalProperties", True)
    if props or extra is False:
        return st.fixed_dictionaries(fixed, optional=optional)
    value_schema = extra if isinstance(extra, Mapping) else {"type": ["string", "integer", "boolean"]}
    return st.dictionaries(st.text(min_size=1, max_size=12), values(value_schema), max_size=3)


def _arrays(schema: Mapping[str, Any]) -> st.SearchStrategy[list[Any]]:
    items = schema.get("items")
    low = int(schema.get("minItems", 0))
    high = max(low, int(schema.get("maxItems", low + 3)))
    unique = json.dumps if schema.get("uniqueItems") else None
    item_schema = items if isinstance(items, Mapping) else {"type": ["string", "integer", "boolean"]}
    return st.lists(
        values(item_schema),
        min_size=low,
        max_size=high,
        unique_by=(lambda v: json.dumps(v, sort_keys=True)) if unique else None,
    )
