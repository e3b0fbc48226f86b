"""Walking JSON Schemas alongside values: follow ``$ref``, find a property's or an item's subschema.

Shared by the scrubber (``x-sensitive``), the sandbox (fresh uuids, nested query values) and
anything else that needs "the schema of this part of the value". Deliberately partial: it follows
``$ref``, ``properties``, ``patternProperties``, ``additionalProperties``, ``items``,
``prefixItems`` and the branches of ``allOf``/``anyOf``/``oneOf`` (first branch that knows the key).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any


def deref(schema: Any, resolver: Any) -> tuple[Any, Any]:
    """Follow ``$ref`` chains (keeping an ``x-sensitive`` found on the way)."""
    kind = None
    for _ in range(16):
        if not isinstance(schema, Mapping) or "$ref" not in schema or resolver is None:
            break
        kind = kind or schema.get("x-sensitive")
        resolved = resolver.lookup(schema["$ref"])
        schema, resolver = resolved.contents, resolved.resolver
    if kind and isinstance(schema, Mapping) and not schema.get("x-sensitive"):
        schema = {**schema, "x-sensitive": kind}
    return schema, resolver


def branches(schema: Mapping[str, Any]) -> list[Any]:
    """The subschemas of allOf, anyOf and oneOf, in that order."""
    return [*schema.get("allOf", []), *schema.get("anyOf", []), *schema.get("oneOf", [])]


def child_schema(schema: Any, resolver: Any, key: str) -> tuple[Any, Any]:
    """The subschema for property ``key`` (properties, combinators, patternProperties, additionalProperties)."""
    schema, resolver = deref(schema, resolver)
    if not isinstance(schema, Mapping):
        return {}, resolver
    props = schema.get("properties", {})
    if key in props:
        return props[key], resolver
    for branch in branches(schema):
        sub, sub_resolver = child_schema(branch, resolver, key)
        if sub:
            return sub, sub_resolver
    for pattern, sub in schema.get("patternProperties", {}).items():
        if re.search(pattern, key):
            return sub, resolver
    extra = schema.get("additionalProperties")
    return (extra, resolver) if isinstance(extra, Mapping) else ({}, resolver)


def item_schema(schema: Any, resolver: Any, index: int) -> tuple[Any, Any]:
    """The subschema for array item ``index``."""
    schema, resolver = deref(schema, resolver)
    if not isinstance(schema, Mapping):
        return {}, resolver
    prefix = schema.get("prefixItems", [])
    if index < len(prefix):
        return prefix[index], resolver
    if isinstance(schema.get("items"), Mapping):
        return schema["items"], resolver
    for branch in branches(schema):
        sub, sub_resolver = item_schema(branch, resolver, index)
        if sub:
            return sub, sub_resolver
    return {}, resolver
