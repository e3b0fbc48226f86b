"""Parameters: check them against the schema, coerce them from text, lay them out on the wire."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from thulium_explore._errors import ParameterError, ParameterProblem
from thulium_explore._wire._query import query_pairs, query_problem, wire_text
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._model import Endpoint, Parameter
from thulium_explore.catalog._walk import child_schema, deref, item_schema


def check(catalog: Catalog, endpoint: Endpoint, params: Mapping[str, Any]) -> list[ParameterProblem]:
    """Every problem with ``params``, one per field, each with the documented example."""
    problems: dict[str, ParameterProblem] = {}
    fast = catalog.fast_check(endpoint.parameters_uri)
    if fast is None or not fast(params if isinstance(params, dict) else dict(params)):
        validator = catalog.validator(endpoint.parameters_uri)
        for error in sorted(validator.iter_errors(dict(params)), key=lambda e: list(e.path)):
            for problem in _explain(endpoint, error):
                problems.setdefault(problem.field, problem)
    for problem in wire_problems(endpoint, params):
        if problem.field.split(".")[0] not in problems:
            problems.setdefault(problem.field, problem)
    return list(problems.values())


def wire_problems(endpoint: Endpoint, params: Mapping[str, Any]) -> list[ParameterProblem]:
    """Values the schema allows but a URL cannot carry: they would arrive changed or not at all."""
    problems: list[ParameterProblem] = []
    for name, value in params.items():
        param = endpoint.parameter(name)
        if param is None:
            continue
        if param.location == "body":  # bytes are no JSON string, so the schema's minLength is applied here
            least = param.schema.get("minLength", 0)
            if isinstance(value, bytes | bytearray) and len(value) < least:
                problems.append(
                    ParameterProblem(name, f"{len(value)} byte(s); at least {least} expected", param.example)
                )
            continue
        if param.location == "path":
            if isinstance(value, list | tuple | Mapping) or value is None or wire_text(value) in ("", ".", ".."):
                problems.append(
                    ParameterProblem(
                        name,
                        f"{value!r} cannot fill {{{name}}} in the path (URLs drop empty, '.' and '..' "
                        "segments and have no place for lists)",
                        param.example,
                    )
                )
            continue
        problem = query_problem(name, value)
        if problem:
            problems.append(ParameterProblem(problem[0], problem[1], param.example))
    return problems


def require_valid(catalog: Catalog, endpoint: Endpoint, params: Mapping[str, Any]) -> None:
    """Raise :class:`ParameterError` naming every bad parameter."""
    problems = check(catalog, endpoint, params)
    if problems:
        raise ParameterError(endpoint.id, problems)


def _explain(endpoint: Endpoint, error: Any) -> list[ParameterProblem]:
    """Turn one jsonschema error into problems named by field."""
    if error.validator == "additionalProperties" and not error.path:
        documented = ", ".join(p.name for p in endpoint.parameters) or "none"
        extra = [k for k in error.instance if k not in endpoint.parameters_schema["properties"]]
        return [ParameterProblem(name, f"is not a documented parameter (documented: {documented})") for name in extra]
    if error.validator == "required" and not error.path:
        missing = [n for n in error.validator_value if n not in error.instance]
        otherwise = _alternatives(endpoint, error)
        why = f"is required unless {' or '.join(otherwise)} is given" if otherwise else "is required"
        return [ParameterProblem(n, why, _example(endpoint, n)) for n in missing]
    field = ".".join(str(p) for p in error.absolute_path) or "(parameters)"
    message = error.message
    if error.validator == "format":
        message = f"{error.instance!r} is not a valid {error.validator_value}"
    if error.absolute_path and str(error.absolute_path[0]) in secret_names(endpoint):
        message = f"the value (not shown: a secret) fails {error.validator!r} {error.validator_value!r}"
    if len(error.absolute_path) == 1:
        example = _example(endpoint, field)
    else:  # a nested field: only its own schema's example fits (never the parent's)
        own = error.schema.get("examples") if isinstance(error.schema, Mapping) else None
        example = own[0] if isinstance(own, list) and own else None
    return [ParameterProblem(field, message, example)]


def _alternatives(endpoint: Endpoint, error: Any) -> list[str]:
    """For ``if: {not: {required: [a]}}, then: {required: [b]}`` (one of a or b): the names that would do
    instead (``a``); empty for a plain ``required``."""
    if list(error.schema_path)[:1] != ["then"]:
        return []
    condition = endpoint.parameters_schema.get("if")
    negated = condition.get("not") if isinstance(condition, Mapping) else None
    names = negated.get("required") if isinstance(negated, Mapping) else None
    return [str(name) for name in names] if isinstance(names, list) else []


def _example(endpoint: Endpoint, name: str) -> Any:
    """The documented example, else a sample built from the parameter's schema."""
    param = endpoint.parameter(name)
    if param is None:
        return None
    return param.example if param.example is not None else sample(param.schema)


_FORMAT_SAMPLES = {"email": "jan.kowalski@example.org", "uuid": "6ed7c941-2c8a-411e-95d2-338a9f64800a"}


def sample(schema: Mapping[str, Any]) -> Any:
    """A value of the schema's shape, for hints where the docs give no example (None if unknown)."""
    for key in ("examples", "enum"):
        if schema.get(key):
            return schema[key][0]
    if "format" in schema:
        return _FORMAT_SAMPLES.get(schema["format"])
    kinds = schema.get("type")
    kind = next((k for k in ([kinds] if isinstance(kinds, str) else kinds or []) if k != "null"), None)
    if kind == "array":
        item = sample(schema.get("items", {}))
        return [item] if item is not None else None
    return {
        "integer": max(1, int(schema.get("minimum", 1))),
        "number": 1.5,
        "boolean": True,
        "string": "text",
        "object": {},
    }.get(str(kind))


def coerce(endpoint: Endpoint, raw: Mapping[str, str | Sequence[str]]) -> dict[str, Any]:
    """Turn text values (query strings, ``key=value`` on the CLI) into the schema's types.

    A value that does not convert is left as text, so validation reports it by name:
    ``"3"`` becomes ``3`` for an integer; ``"abc"`` stays ``"abc"`` and fails.
    """
    out: dict[str, Any] = {}
    for name, value in raw.items():
        bare = name[:-2] if name.endswith("[]") else name
        param = endpoint.parameter(bare)
        schema = param.schema if param else {}
        if isinstance(value, str) and not name.endswith("[]"):
            out[bare] = coerce_value(schema, value)
        else:
            values = [value] if isinstance(value, str) else list(value)
            items = schema.get("items", {}) if isinstance(schema, Mapping) else {}
            out[bare] = [coerce_value(items, v) for v in values]
    return out


def coerce_value(schema: Mapping[str, Any], text: str) -> Any:
    """One text value converted to the first JSON type in ``schema`` that accepts it."""
    types = schema.get("type", "string")
    for kind in [types] if isinstance(types, str) else types:
        converted = _CONVERTERS.get(kind, _as_string)(text)
        if converted is not _NO:
            return converted
    return text


def coerce_query(schema: Any, resolver: Any, tree: Mapping[str, Any]) -> dict[str, Any]:
    """A decoded query (``_query.decode_query``: texts in lists and objects) typed by the parameters' schema.

    ``schema`` and ``resolver`` are the endpoint's resolved parameter object (``catalog.resolve(
    endpoint.parameters_uri)``); ``$ref``, combinators and ``additionalProperties`` are followed
    down to each text, which converts as :func:`coerce_value` says (or stays text).
    """
    schema, resolver = deref(schema, resolver)
    props = schema.get("properties", {}) if isinstance(schema, Mapping) else {}
    out: dict[str, Any] = {}
    for name, value in tree.items():
        sub = props.get(name)  # what child_schema finds first, without its lookups (verify calls this a lot)
        out[name] = _coerce_decoded(
            *((sub, resolver) if sub is not None else child_schema(schema, resolver, name)), value
        )
    return out


def _coerce_decoded(schema: Any, resolver: Any, value: Any) -> Any:
    """One decoded value (text, list or object) typed by its subschema."""
    if type(schema) is not dict or "$ref" in schema:  # a plain dict is its own deref
        schema, resolver = deref(schema, resolver)
        if not isinstance(schema, Mapping):
            schema = {}
    if type(value) is str:
        return coerce_value(schema, value)
    if type(value) is list:
        items = schema.get("items")
        if type(items) is dict and "prefixItems" not in schema:  # what item_schema gives for every index
            return [_coerce_decoded(items, resolver, v) for v in value]
        return [_coerce_decoded(*item_schema(schema, resolver, i), v) for i, v in enumerate(value)]
    return {k: _coerce_decoded(*child_schema(schema, resolver, k), v) for k, v in value.items()}


_NO = object()


def _as_integer(text: str) -> Any:
    stripped = text.strip()
    digits = stripped[1:] if stripped[:1] in "+-" else stripped
    return int(stripped) if digits.isdigit() and digits.isascii() else _NO


def _as_number(text: str) -> Any:
    try:
        value = float(text)
    except ValueError:
        return _NO
    return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value


def _as_boolean(text: str) -> Any:
    return {"true": True, "false": False, "1": True, "0": False}.get(text.strip().lower(), _NO)


def _as_null(text: str) -> Any:
    return None if text in ("", "null") else _NO


def _as_json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return _NO


def _as_string(text: str) -> Any:
    return text


_CONVERTERS = {
    "integer": _as_integer,
    "number": _as_number,
    "boolean": _as_boolean,
    "null": _as_null,
    "object": _as_json,
    "array": _as_json,
    "string": _as_string,
}


@dataclass(frozen=True)
class WireRequest:
    """How a call travels: method, path with values filled in, query pairs, body bytes."""

    method: str
    path: str
    query: list[tuple[str, str]]
    body: bytes | None
    content_type: str


def to_wire(endpoint: Endpoint, params: Mapping[str, Any]) -> WireRequest:
    """Lay out validated parameters as the docs show (query string, path, JSON body)."""
    path = endpoint.path
    query: list[tuple[str, str]] = []
    body: dict[str, Any] = {}
    raw: bytes | None = None
    kind = endpoint.request_body
    for name, value in params.items():
        param = endpoint.parameter(name)
        location = param.location if param else "query"
        if location == "query":
            query.extend(query_pairs(name, value))
        elif location == "path":
            path = path.replace("{" + name + "}", quote(wire_text(value), safe=""))
        elif kind == "raw":
            raw = value if isinstance(value, bytes) else str(value).encode("utf-8")
        else:
            body[name] = value
    content_type = "application/json; charset=utf-8"
    if kind == "json":
        raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
    elif kind == "raw":
        content_type = "application/octet-stream"
    return WireRequest(endpoint.method, path, query, raw, content_type)


SECRET_MASK = "***"  # noqa: S105 - the mask shown instead of a secret


def secret_names(endpoint: Endpoint) -> frozenset[str]:
    """Parameters the schema marks ``x-sensitive: secret`` (passwords): never shown back."""
    return endpoint.secret_names


def mask_secrets(endpoint: Endpoint, params: Mapping[str, Any]) -> Mapping[str, Any]:
    """``params`` with secret values replaced by ``***`` (the same object when there are none)."""
    names = secret_names(endpoint)
    secrets = names & params.keys() if names else None
    if not secrets:
        return params
    return {k: (SECRET_MASK if k in secrets and v is not None else v) for k, v in params.items()}


def parameter_help(param: Parameter) -> str:
    """One line about a parameter for docstrings and the CLI."""
    need = "required" if param.required else "optional"
    example = f", example {param.example!r}" if param.example is not None else ""
    return f"{param.name} ({param.type}, {need}{example}): {param.description}"
