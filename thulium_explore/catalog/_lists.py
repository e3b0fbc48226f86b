"""Paged lists: which endpoints answer ``{"count", "result": [...]}`` and what their items look like.

Read from the catalog, never from a list of ids: an endpoint is a *list* when its 200 answer's schema
(or one branch of its ``anyOf``/``oneOf``) is an object whose ``result`` property is an array of
items; ``count`` (the total ignoring ``limit``) is used when the schema documents it. A bare-array
branch (``customers.list`` documents both shapes) is a list too. It is *paged* when the endpoint
takes ``limit`` and ``offset``; the documented ``default`` and ``maximum`` of ``limit`` come from
its schema. The table view, ``to_dataframe()``, ``paginate()`` and the sandbox's list handlers all
read this one description.

>>> from thulium_explore.catalog import default_catalog
>>> shape = list_shape(default_catalog(), "chats.list")
>>> shape.pageable, shape.default_limit, shape.max_limit, shape.fields[0].name
(True, 100, 100, 'chat_queue_id')
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.catalog._walk import branches, deref

#: The response dates the docs show (``2014-07-08 08:05``, ``2014-10-24 10:30:44``,
#: ``2017-12-11 10:23:04.318``) and the filters' ``2017-12-11``: a string schema whose pattern
#: accepts one of them (and no duration) is a date.
DATE_SAMPLES = ("2017-12-11 10:23:04.318", "2014-10-24 10:30:44", "2014-07-08 08:05", "2017-12-11")
_DURATION_SAMPLE = "123:33:44"


@dataclass(frozen=True)
class ItemField:
    """One documented field of a list item, in schema order.

    ``kind`` is what a table column should hold: ``integer`` (ids and counts: integers, or digit
    strings where the schema accepts both), ``number``, ``boolean``, ``date`` (one of the documented
    date formats, see :data:`DATE_SAMPLES`), ``duration`` (``123:33:44``), ``string``, ``object``,
    ``array`` or ``any`` (no single documented type).
    """

    name: str
    kind: str
    nullable: bool
    pattern: str | None
    sensitive: str | None
    description: str


@dataclass(frozen=True)
class ListShape:
    """What the catalog documents about one list endpoint's answer and paging."""

    endpoint_id: str
    fields: tuple[ItemField, ...]
    has_count: bool  # the object shape documents ``count``
    bare_array: bool  # a bare JSON array is a documented answer too
    default_limit: int | None
    max_limit: int | None
    min_limit: int
    pageable: bool  # the endpoint takes ``limit`` and ``offset``

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def items(self, body: Any) -> list[Any] | None:
        """The items of an answer body, or None when the body is not this list's shape."""
        if isinstance(body, dict):
            result = body.get("result")
            return result if isinstance(result, list) else None
        if isinstance(body, list) and self.bare_array:
            return body
        return None

    def count(self, body: Any) -> int | None:
        """The answer's ``count`` (total ignoring ``limit``), when it carries an integer one."""
        found = body.get("count") if isinstance(body, dict) else None
        if isinstance(found, bool):
            return None
        if isinstance(found, str) and found.isdigit():
            return int(found)
        return found if isinstance(found, int) else None


_CACHE: weakref.WeakKeyDictionary[Catalog, dict[str, ListShape | None]] = weakref.WeakKeyDictionary()


def list_shape(catalog: Catalog, endpoint: Endpoint | str) -> ListShape | None:
    """The list description of ``endpoint`` (an id or an Endpoint), or None when it does not answer a list."""
    endpoint = catalog[endpoint] if isinstance(endpoint, str) else endpoint
    shapes = _CACHE.setdefault(catalog, {})
    if endpoint.id not in shapes:
        shapes[endpoint.id] = _shape(catalog, endpoint)
    return shapes[endpoint.id]


def list_endpoints(catalog: Catalog, *, pageable: bool = False) -> list[str]:
    """The ids of every list endpoint (``pageable``: only those taking ``limit`` and ``offset``), sorted."""
    found = []
    for endpoint_id in sorted(catalog.endpoints):
        shape = list_shape(catalog, endpoint_id)
        if shape is not None and (shape.pageable or not pageable):
            found.append(endpoint_id)
    return found


def _shape(catalog: Catalog, endpoint: Endpoint) -> ListShape | None:
    spec = endpoint.responses.get("200")
    if spec is None or spec.schema_uri is None:
        return None
    resolved = catalog.resolve(spec.schema_uri)
    schema, resolver = deref(resolved.contents, resolved.resolver)
    if not isinstance(schema, Mapping):
        return None
    found = _object_branch(schema, resolver)
    bare = _array_branch(schema, resolver)
    if found is None and bare is None:
        return None
    has_count = False
    item_schema: Any = None
    item_resolver = resolver
    if found is not None:
        obj, obj_resolver = found
        props = obj.get("properties", {})
        has_count = "count" in props
        result, item_resolver = deref(props["result"], obj_resolver)
        item_schema = result.get("items")
    elif bare is not None:
        arr, item_resolver = bare
        item_schema = arr.get("items")
    fields = _fields(item_schema, item_resolver)
    limit, offset = endpoint.parameter("limit"), endpoint.parameter("offset")
    default_limit = _int(limit.schema.get("default")) if limit else None
    max_limit = _int(limit.schema.get("maximum")) if limit else None
    min_limit = (_int(limit.schema.get("minimum")) or 1) if limit else 1
    return ListShape(
        endpoint.id,
        fields,
        has_count,
        bare is not None,
        default_limit,
        max_limit,
        min_limit,
        limit is not None and offset is not None,
    )


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _candidates(schema: Mapping[str, Any], resolver: Any) -> list[tuple[Mapping[str, Any], Any]]:
    """The schema itself and its anyOf/oneOf branches, each dereferenced."""
    found = [(schema, resolver)]
    for branch in branches(schema):
        sub, sub_resolver = deref(branch, resolver)
        if isinstance(sub, Mapping):
            found.append((sub, sub_resolver))
    return found


def _types(schema: Mapping[str, Any]) -> set[str]:
    kind = schema.get("type")
    return {kind} if isinstance(kind, str) else set(kind) if isinstance(kind, list) else set()


def _object_branch(schema: Mapping[str, Any], resolver: Any) -> tuple[Mapping[str, Any], Any] | None:
    for candidate, sub_resolver in _candidates(schema, resolver):
        result = candidate.get("properties", {}).get("result")
        if result is None:
            continue
        result, _ = deref(result, sub_resolver)
        if isinstance(result, Mapping) and "array" in _types(result) and "object" in (_types(candidate) or {"object"}):
            return candidate, sub_resolver
    return None


def _array_branch(schema: Mapping[str, Any], resolver: Any) -> tuple[Mapping[str, Any], Any] | None:
    for candidate, sub_resolver in _candidates(schema, resolver):
        if _types(candidate) == {"array"} and isinstance(candidate.get("items"), Mapping):
            return candidate, sub_resolver
    return None


def _fields(item_schema: Any, resolver: Any) -> tuple[ItemField, ...]:
    schema, resolver = deref(item_schema, resolver)
    if not isinstance(schema, Mapping):
        return ()
    out = []
    for name, sub in schema.get("properties", {}).items():
        resolved, _ = deref(sub, resolver)
        if not isinstance(resolved, Mapping):
            resolved = {}
        merged = {**resolved, **{k: v for k, v in sub.items() if k != "$ref"}} if isinstance(sub, Mapping) else {}
        types = _types(merged)
        pattern = merged.get("pattern") if isinstance(merged.get("pattern"), str) else None
        out.append(
            ItemField(
                name,
                _kind(types, pattern, merged),
                "null" in types or (pattern is not None and re.fullmatch(pattern, "") is not None),
                pattern,
                str(merged["x-sensitive"]) if merged.get("x-sensitive") else None,
                str(merged.get("description", "")),
            )
        )
    return tuple(out)


def _digits_only(pattern: str) -> bool:
    return re.fullmatch(pattern, "12") is not None and re.fullmatch(pattern, "ab") is None


def _kind(types: set[str], pattern: str | None, schema: Mapping[str, Any]) -> str:
    kinds = types - {"null"}
    # an id: a number, or a digit string where the schema accepts both ("status_id": "2")
    if kinds == {"integer"} or (kinds == {"integer", "string"} and pattern is not None and _digits_only(pattern)):
        return "integer"
    if kinds == {"string"} and pattern is not None:
        if re.fullmatch(pattern, _DURATION_SAMPLE):
            return "duration"
        if any(re.fullmatch(pattern, sample) for sample in DATE_SAMPLES):
            return "date"
    if len(kinds) == 1:
        return next(iter(kinds))
    if not kinds and "enum" in schema:
        return "string" if all(isinstance(v, str) for v in schema["enum"] if v is not None) else "any"
    return "any"
