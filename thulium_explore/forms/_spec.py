"""Field specs: an endpoint's parameter schema resolved ($ref, type lists, nesting) once and cached.

Nothing here imports ipywidgets; the builders turn a :class:`FieldSpec` into widgets.

>>> from thulium_explore import default_catalog
>>> specs = endpoint_specs(default_catalog(), default_catalog()["chat_conversations.start"])
>>> specs[0].name, specs[0].required, specs[0].types
('chat_queue_id', True, ('integer',))
"""

from __future__ import annotations

import html
import json
import re
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.catalog._paths import json_path, json_type
from thulium_explore.forms._theme import ERROR_TEXT, MUTED_TEXT


class _Unset:
    """The value of an empty field: the parameter is not sent."""

    _instance: _Unset | None = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Any = _Unset()
_SCALARS = frozenset({"string", "integer", "number", "boolean"})
_MAX_REF_DEPTH = 32


@dataclass(frozen=True)
class FieldSpec:
    """One parameter (or nested property), with its schema resolved and its texts prepared."""

    name: str
    path: tuple[str, ...]
    schema: Mapping[str, Any]
    required: bool
    types: tuple[str, ...]  # JSON types other than "null", in schema order
    nullable: bool
    children: tuple[FieldSpec, ...] = ()
    items: FieldSpec | None = None

    @property
    def title(self) -> str:
        return str(self.schema.get("title") or self.name)

    @property
    def description(self) -> str:
        return str(self.schema.get("description", ""))

    @property
    def description_pl(self) -> str:
        return str(self.schema.get("x-description-pl", ""))

    @property
    def example(self) -> Any:
        """The first documented example, or UNSET."""
        examples = self.schema.get("examples")
        if isinstance(examples, list) and examples:
            return examples[0]
        if "default" in self.schema:
            return self.schema["default"]
        return UNSET

    @property
    def json_path(self) -> str:
        """``$.address.city``: how errors name this field."""
        return json_path(self.path)

    @property
    def type_text(self) -> str:
        """``integer ≥ 1``, ``string (email)``, ``string | null``: a short hint."""
        text = " | ".join(self.types) or "any"
        if self.nullable:
            text += " | null"
        fmt = self.schema.get("format")
        if fmt:
            text += f" ({fmt})"
        if "minimum" in self.schema:
            text += f" ≥ {self.schema['minimum']}"
        if "maximum" in self.schema:
            text += f" ≤ {self.schema['maximum']}"
        if "pattern" in self.schema and not fmt:
            pattern = str(self.schema["pattern"])
            text += f" matching {pattern}" if len(pattern) <= 24 else " (pattern)"
        if self.items is not None:
            text += f" of {' | '.join(self.items.types) or 'any'}"
        values = self.schema.get("enum")
        if isinstance(values, list) and values:
            shown = ", ".join(example_text(v) if v is not None else "null" for v in values[:8])
            text += f", one of {shown}" + (", …" if len(values) > 8 else "")
        return text

    @property
    def css_class(self) -> str:
        """``thulium-field-address-city``: a stable CSS class on the editor, for tests and styling."""
        return "thulium-field-" + re.sub(r"[^A-Za-z0-9_-]", "_", "-".join(self.path))

    @property
    def placeholder(self) -> str:
        """The documented example as text, for an empty input."""
        return example_text(self.example)

    @property
    def header_html(self) -> str:
        """Label, required marker, type hint, English and Polish descriptions."""
        return _header_html(self)


def example_text(value: Any) -> str:
    """A JSON value as a user types it: strings bare, everything else as JSON."""
    if value is UNSET or value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _header_html(spec: FieldSpec) -> str:
    esc = html.escape
    marker = (
        f" <span class='thulium-required' title='required' style='color:{ERROR_TEXT}'>*</span>"
        if spec.required
        else f" <span style='color:{MUTED_TEXT}'>(optional)</span>"
    )
    provenance = spec.schema.get("x-provenance")
    prov = f" · {esc(str(provenance))}" if provenance else ""
    parts = [
        "<div style='line-height:1.4'>"
        f"<b>{esc(spec.title)}</b>{marker} <code>{esc(spec.name)}</code> "
        f"<span style='color:{MUTED_TEXT};font-size:90%' title='{esc(str(spec.schema.get('pattern', '')))}'>"
        f"{esc(spec.type_text)}{prov}</span>"
    ]
    if spec.description:
        parts.append(f"<div style='font-size:90%'>{esc(spec.description)}</div>")
    if spec.description_pl:
        parts.append(
            f"<div lang='pl' style='font-size:90%;color:{MUTED_TEXT}'><i>PL: {esc(spec.description_pl)}</i></div>"
        )
    return "".join(parts) + "</div>"


def resolve(schema: Mapping[str, Any], resolver: Any) -> tuple[dict[str, Any], Any]:
    """Follow ``$ref`` (siblings override the target) and merge ``allOf``; return the schema and its resolver."""
    merged: dict[str, Any] = dict(schema)
    for _ in range(_MAX_REF_DEPTH):
        ref = merged.pop("$ref", None)
        if ref is None:
            break
        found = resolver.lookup(ref)
        resolver = found.resolver
        merged = {**found.contents, **merged}
    for sub in merged.pop("allOf", []):
        part, _ = resolve(sub, resolver)
        props = {**part.get("properties", {}), **merged.get("properties", {})}
        required = [*part.get("required", []), *merged.get("required", [])]
        merged = {**part, **merged}
        if props:
            merged["properties"] = props
        if required:
            merged["required"] = required
    return merged, resolver


def _types(schema: Mapping[str, Any], resolver: Any) -> tuple[dict[str, Any], tuple[str, ...], bool]:
    """The schema's non-null types and whether null is allowed (``["string","null"]``, ``anyOf`` with null)."""
    raw = schema.get("type")
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if raw is None and isinstance(alternatives, list):
        non_null = [s for s in alternatives if not (isinstance(s, Mapping) and s.get("type") == "null")]
        nullable = len(non_null) < len(alternatives)
        if len(non_null) == 1:
            inner, _ = resolve(non_null[0], resolver)
            merged = {**inner, **{k: v for k, v in schema.items() if k not in ("anyOf", "oneOf")}}
            _, types, inner_null = _types(merged, resolver)
            return merged, types, nullable or inner_null
        return dict(schema), (), nullable
    if raw is None and "enum" in schema:
        kinds = {json_type(v) for v in schema["enum"]}
        return dict(schema), tuple(sorted(kinds - {"null"})), "null" in kinds
    names = [raw] if isinstance(raw, str) else list(raw or [])
    return dict(schema), tuple(t for t in names if t != "null"), "null" in names


def build_spec(
    name: str, schema: Mapping[str, Any], required: bool, path: tuple[str, ...], resolver: Any, depth: int = 0
) -> FieldSpec:
    """Resolve one (sub)schema into a :class:`FieldSpec`, recursing into object properties and array items."""
    resolved, resolver = resolve(schema, resolver)
    resolved, types, nullable = _types(resolved, resolver)
    children: tuple[FieldSpec, ...] = ()
    items: FieldSpec | None = None
    if types == ("object",) and isinstance(resolved.get("properties"), Mapping) and depth < 6:
        needed = set(resolved.get("required", []))
        children = tuple(
            build_spec(key, sub, key in needed, (*path, key), resolver, depth + 1)
            for key, sub in resolved["properties"].items()
        )
    elif types == ("array",) and isinstance(resolved.get("items"), Mapping) and depth < 6:
        items = build_spec("item", resolved["items"], True, path, resolver, depth + 1)
    return FieldSpec(name, path, resolved, required, types, nullable, children, items)


def is_scalar(spec: FieldSpec) -> bool:
    """True when every type of ``spec`` is a JSON scalar (or it is an enum)."""
    return "enum" in spec.schema or (bool(spec.types) and set(spec.types) <= _SCALARS)


_CACHE: weakref.WeakKeyDictionary[Catalog, dict[str, tuple[FieldSpec, ...]]] = weakref.WeakKeyDictionary()


def endpoint_specs(catalog: Catalog, endpoint: Endpoint) -> tuple[FieldSpec, ...]:
    """The endpoint's top-level field specs (required first), resolved once per catalog."""
    per_catalog = _CACHE.setdefault(catalog, {})
    found = per_catalog.get(endpoint.id)
    if found is None:
        resolver = catalog.registry.resolver(base_uri=endpoint.uri)
        resolver = resolver.lookup(endpoint.parameters_uri).resolver
        found = tuple(build_spec(p.name, p.schema, p.required, (p.name,), resolver) for p in endpoint.parameters)
        per_catalog[endpoint.id] = found
    return found
