"""The request half of verify: parameters recovered from a recorded request, then checked.

Path values and query strings travel as text and are coerced by the schema's types (``"3"`` is a
valid integer, ``"abc"`` is not); JSON bodies are checked as sent; form bodies like a query.
A parameter sent somewhere other than where the catalog documents it is a problem too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, unquote

from thulium_explore._wire import _params
from thulium_explore._wire._body import BodyError, JsonTooDeep, decode_body, header, loads_json, raw_bytes
from thulium_explore._wire._jsonpath import field_path
from thulium_explore._wire._query import decode_query
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.catalog._paths import json_path
from thulium_explore.contract._response import Problem


def check_request(
    catalog: Catalog, endpoint: Endpoint, path_values: Mapping[str, str], query: str, request: Mapping[str, Any]
) -> list[Problem]:
    """Parameters from the path, query string and body, coerced where they travel as text, then checked."""
    problems: list[Problem] = []
    params: dict[str, Any] = {}
    for name, text in path_values.items():
        param = endpoint.parameter(name)
        params[name] = _params.coerce_value(param.schema if param else {}, unquote(text))
    if query:
        from_query = _text_params(catalog, endpoint, parse_qsl(query, keep_blank_values=True), problems)
        problems += _placed(endpoint, from_query, "query", params)
        params.update(from_query)
    from_body = _body_params(catalog, endpoint, request, problems)
    if from_body:
        problems += _placed(endpoint, from_body, "body", params)
        params.update(from_body)
    for found in _params.check(catalog, endpoint, params):
        hint = f" (example: {found.example!r})" if found.example is not None else ""
        problems.append(Problem(field_path(found.field), found.message + hint, _value_at(params, found.field)))
    return problems


def _placed(endpoint: Endpoint, found: Mapping[str, Any], where: str, earlier: Mapping[str, Any]) -> list[Problem]:
    """Parameters sent somewhere other than where the catalog documents them, or sent twice."""
    names = {"query": "the query string", "body": "the body", "path": "the path"}
    out = []
    for name, value in found.items():
        param = endpoint.parameter(name)
        if name in earlier:
            out.append(Problem(json_path([name]), f"is sent twice (also in {names[where]})", value))
        elif param is not None and param.location != where:
            out.append(
                Problem(json_path([name]), f"is sent in {names[where]}; documented in {names[param.location]}", value)
            )
    return out


def _body_params(
    catalog: Catalog, endpoint: Endpoint, request: Mapping[str, Any], problems: list[Problem]
) -> dict[str, Any]:
    """Parameters carried by the request body (JSON typed as sent; form fields coerced from text)."""
    try:
        raw = raw_bytes(request.get("body"))
    except BodyError as exc:
        problems.append(Problem("$", f"request {exc}"))
        return {}
    if raw is None or not raw.strip():
        return {}
    if endpoint.request_body == "empty":
        shown = raw if isinstance(raw, str) else raw.decode("utf-8", "replace")
        problems.append(
            Problem("$", "request body should be empty (parameters travel in the query string)", shown[:80])
        )
        return {}
    if endpoint.request_body == "raw":  # the body is a file: any bytes are fine
        named = [p.name for p in endpoint.parameters if p.location == "body"]
        text = raw if isinstance(raw, str) else raw.decode("utf-8", "replace")
        return {named[0]: text} if named else {}
    try:
        body = decode_body(raw, request.get("headers"))
    except BodyError as exc:
        problems.append(Problem("$", f"request {exc}"))
        return {}
    text = body or ""
    content_type = (header(request.get("headers"), "content-type") or "").lower()
    if "application/x-www-form-urlencoded" in content_type:
        return _text_params(catalog, endpoint, parse_qsl(text, keep_blank_values=True), problems)
    try:
        value = loads_json(text)
    except JsonTooDeep:
        problems.append(Problem("$", "request body is JSON nested too deeply to check", text[:80]))
        return {}
    except ValueError:
        problems.append(Problem("$", "request body is not JSON", text[:80]))
        return {}
    if not isinstance(value, dict):
        problems.append(Problem("$", f"request body is a JSON {type(value).__name__}, expected an object", value))
        return {}
    return value


def _text_params(
    catalog: Catalog, endpoint: Endpoint, pairs: list[tuple[str, str]], problems: list[Problem]
) -> dict[str, Any]:
    """Query-string pairs into typed parameters: ``a=3``, ``a[]=1&a[]=2``, ``a[k]=v``, ``a[k][0]=v``.

    A name sent in two shapes (``a=1&a[]=2``) is a problem: servers differ on which one wins.
    """
    tree, clashes = decode_query(pairs)
    problems += [Problem(json_path(place), message) for place, message in clashes]
    resolved = catalog.resolve(endpoint.parameters_uri)
    return _params.coerce_query(resolved.contents, resolved.resolver, tree)


def _value_at(params: Mapping[str, Any], fieldname: str) -> Any:
    """The sent value at a dotted field, or None when it was not sent."""
    value: Any = params
    for part in fieldname.split("."):
        if isinstance(value, Mapping) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value
