"""The catalog's response schemas as Postman can check them: one self-contained draft-07 document each.

Postman's and Newman's sandbox (postman-sandbox 4.x, in Newman 6) checks
``pm.response.to.have.jsonSchema(schema)`` with **Ajv 6**, which knows drafts 04, 06 and 07 — not
2019-09 or 2020-12 (and ``tv4`` is older still). The catalog is draft 2020-12 and spread over
several documents (``$ref`` to ``common/…``), so each schema is copied here:

* every ``$ref`` is inlined (a ``$ref`` with other keywords beside it becomes ``allOf``, because in
  draft-07 a ``$ref`` hides its siblings while in 2020-12 both apply);
* 2020-12 spellings are turned into their draft-07 ones: ``prefixItems`` → array ``items`` (and
  ``items`` beside it → ``additionalItems``), ``dependentRequired``/``dependentSchemas`` →
  ``dependencies``;
* annotations (``title``, ``description``, ``examples``, ``default``, ``x-…``, ``$id``, ``$schema``,
  ``$defs`` once inlined) are left out;
* ``format`` is kept only for the formats the catalog checks (``email``, ``uuid``; see
  ``catalog/_formats.py``) and the test script gives Ajv the catalog's own rules for them; any other
  format is not checked by the toolkit either, so it is left out;
* a keyword with no draft-07 equivalent (``unevaluatedProperties``, ``unevaluatedItems``,
  ``minContains``/``maxContains``, ``$dynamicRef``) cannot be checked by Ajv 6: it is left out and
  **named** in :attr:`Draft07.unchecked`, which the request's description repeats. (The catalog
  uses none of them today.)

>>> from thulium_explore import default_catalog
>>> copy = draft07(default_catalog(), default_catalog()["chat_conversations.start"].responses["200"].schema_uri)
>>> copy.schema["required"], copy.unchecked
(['conversation_id'], ())
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from thulium_explore._errors import CatalogError
from thulium_explore.catalog._catalog import Catalog

#: keywords Ajv 6 (draft-07) cannot check: dropped and named
NO_DRAFT07 = frozenset(
    {"unevaluatedProperties", "unevaluatedItems", "minContains", "maxContains", "$dynamicRef", "$dynamicAnchor"}
)
#: the formats the catalog checks (``catalog/_formats.py``: any other format is not checked)
CHECKED_FORMATS = frozenset({"email", "uuid"})
_ANNOTATIONS = frozenset(
    {
        "$schema",
        "$id",
        "$anchor",
        "$comment",
        "$defs",
        "definitions",
        "title",
        "description",
        "examples",
        "default",
        "deprecated",
        "readOnly",
        "writeOnly",
        "contentMediaType",
        "contentEncoding",
        "contentSchema",
    }
)
_ONE = ("items", "additionalProperties", "additionalItems", "not", "if", "then", "else", "contains", "propertyNames")
_MANY = ("allOf", "anyOf", "oneOf")
_BY_NAME = ("properties", "patternProperties")
_MAX_DEPTH = 64


@dataclass(frozen=True)
class Draft07:
    """A self-contained draft-07 copy of one schema, and what it could not carry (``path: keyword``)."""

    schema: Any
    unchecked: tuple[str, ...]


def draft07(catalog: Catalog, uri: str) -> Draft07:
    """The schema at ``uri`` (a catalog URI with fragment) as one draft-07 document (see the module docstring)."""
    resolved = catalog.registry.resolver().lookup(uri)
    notes: list[str] = []
    schema = _convert(resolved.contents, resolved.resolver, "$", notes, (uri, id(resolved.contents)))
    return Draft07(schema, tuple(dict.fromkeys(notes)))


def _convert(node: Any, resolver: Any, where: str, notes: list[str], seen: tuple[str | int, ...]) -> Any:
    if isinstance(node, bool):
        return node
    if not isinstance(node, Mapping):
        return node
    if len(seen) > _MAX_DEPTH:
        raise CatalogError(f"{seen[0]}: $ref chain deeper than {_MAX_DEPTH} at {where}")
    if "$ref" in node:
        ref = str(node["$ref"])
        resolved = resolver.lookup(ref)
        key = id(resolved.contents)  # the same subschema reached again: a cycle
        if key in seen:
            raise CatalogError(f"{seen[0]}: {ref} refers back to itself at {where}; a recursive schema is not inlined")
        target = _convert(resolved.contents, resolved.resolver, where, notes, (*seen, key))
        rest = _keywords({k: v for k, v in node.items() if k != "$ref"}, resolver, where, notes, seen)
        return {"allOf": [target, rest]} if rest else target
    return _keywords(node, resolver, where, notes, seen)


def _keywords(node: Mapping[str, Any], resolver: Any, where: str, notes: list[str], seen: tuple[str | int, ...]) -> Any:
    out: dict[str, Any] = {}
    prefix = node.get("prefixItems")
    for key, value in node.items():
        if key.startswith("x-") or key in _ANNOTATIONS:
            continue
        if key in NO_DRAFT07:
            notes.append(f"{where}: {key}")
        elif key == "format":
            if value in CHECKED_FORMATS:
                out[key] = value
        elif key == "prefixItems":
            out["items"] = [_convert(v, resolver, f"{where}[{i}]", notes, seen) for i, v in enumerate(value)]
        elif key == "items" and isinstance(prefix, list):
            out["additionalItems"] = _convert(value, resolver, f"{where}[*]", notes, seen)
        elif key == "dependentRequired":
            out.setdefault("dependencies", {}).update(value)
        elif key == "dependentSchemas":
            deps = out.setdefault("dependencies", {})
            deps.update({k: _convert(v, resolver, f"{where}.{k}", notes, seen) for k, v in value.items()})
        elif key in _BY_NAME and isinstance(value, Mapping):
            out[key] = {k: _convert(v, resolver, f"{where}.{k}", notes, seen) for k, v in value.items()}
        elif key in _ONE:
            out[key] = _convert(value, resolver, f"{where}[*]" if key == "items" else where, notes, seen)
        elif key in _MANY and isinstance(value, list):
            out[key] = [_convert(v, resolver, where, notes, seen) for v in value]
        else:
            out[key] = value
    return out
