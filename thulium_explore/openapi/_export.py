"""OpenAPI 3.1 export, generated from the catalog (never a second, hand-kept copy).

>>> from thulium_explore import openapi_document
>>> document = openapi_document()
>>> document["paths"]["/api/chat_conversations/start"]["post"]["operationId"]
'chat_conversations.start'
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urljoin

from thulium_explore._errors import CatalogError, ConfigError
from thulium_explore._version import __version__
from thulium_explore.catalog._catalog import SCHEMA_BASE, Catalog, default_catalog
from thulium_explore.catalog._model import Endpoint, Parameter, ResponseSpec

OPENAPI_VERSION = "3.1.0"
DEFAULT_SYSTEM = "your-system-name"
COMPONENTS = "#/components/schemas/"
SECURITY_SCHEME = "basicAuth"
_SYSTEM = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_COMPONENT_NAME = re.compile(r"^[A-Za-z0-9._-]+$")
# Keywords whose values are data, not subschemas: a "$ref" key inside them is not a reference.
_DATA_KEYWORDS = frozenset({"const", "default", "enum", "example", "examples"})

_GROUPS = {
    "chats": "Chat conversations: start, message, stop, delete, history and reports.",
    "crm": "Customers and companies in Thulium's CRM.",
    "tickets": "Tickets (e-mail, phone, chat cases) and agent responses.",
    "agents": "Agents: details, status and call-control actions.",
    "queues": "Call queues: waiting lists, statistics, scheduled calls.",
    "calls": "Connections (call history), recordings, click-to-call.",
    "webhooks": "Subscriptions to events Thulium sends to your URL.",
    "files": "Temporary files (attachment tokens).",
}


def openapi_document(catalog: Catalog | None = None, *, system: str = DEFAULT_SYSTEM) -> dict[str, Any]:
    """The catalog as one OpenAPI 3.1 document (a JSON-ready dict).

    ``system`` is the default of the ``{system}`` server variable
    (``https://{system}.thulium.com``).

    >>> doc = openapi_document(system="acme")
    >>> doc["servers"][0]["variables"]["system"]["default"]
    'acme'
    """
    if not _SYSTEM.match(system):
        raise ConfigError(f"system: {system!r} is not a host name label (example: system='your-system-name')")
    catalog = catalog or default_catalog()
    schemas = _Schemas(catalog)
    paths: dict[str, dict[str, Any]] = {}
    for endpoint in catalog:
        item = paths.setdefault(endpoint.path, {})
        method = endpoint.method.lower()
        if method in item:
            other = item[method]["operationId"]
            raise CatalogError(f"{endpoint.id}: {endpoint.method} {endpoint.path} is also {other}")
        item[method] = _operation(endpoint, schemas)
    webhooks = _webhooks(catalog, schemas)
    groups = sorted({endpoint.group for endpoint in catalog} | ({"webhooks"} if webhooks else set()))
    document: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        "info": _info(),
        "servers": [_server(system)],
        "security": [{SECURITY_SCHEME: []}],
        "tags": [{"name": g, "description": _GROUPS.get(g, g)} for g in groups],
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": dict(sorted(schemas.done.items())),
            "securitySchemes": {
                SECURITY_SCHEME: {
                    "type": "http",
                    "scheme": "basic",
                    "description": "An API user and its password (admin panel: Administracja → Użytkownicy → "
                    "Użytkownicy API). Each API user has per-method permissions.",
                }
            },
        },
    }
    if webhooks:
        document["webhooks"] = webhooks
    return document


def _webhooks(catalog: Catalog, schemas: _Schemas) -> dict[str, Any]:
    """OpenAPI 3.1 ``webhooks``: one POST per payload document (``x-thulium-webhook``) Thulium sends you."""
    out: dict[str, Any] = {}
    for uri in sorted(catalog.registry):
        document = catalog.registry.contents(uri)
        meta = document.get("x-thulium-webhook") if isinstance(document, Mapping) else None
        if not isinstance(meta, Mapping):
            continue
        event = str(meta["event"])
        payload = schemas.local(uri)
        notes = [f"- {note}" for note in meta.get("notes", [])]
        text = "\n\n".join(
            [str(document.get("description", meta["summary"])), *(["Notes:\n" + "\n".join(notes)] if notes else [])]
        )
        out[event] = {
            "post": {
                "operationId": f"webhook.{event}",
                "tags": ["webhooks"],
                "summary": str(meta["summary"]),
                "description": text + "\n\nThulium calls the subscription_url given to webhooks.create. The HTTP "
                "method is not documented (POST is assumed here); http_auth_user/http_auth_password suggest HTTP "
                "Basic auth when they were set.",
                # Either no credentials or the ones given when subscribing.
                "security": [{}, {SECURITY_SCHEME: []}],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": payload}}}},
                "responses": {
                    "200": {
                        "description": "Your endpoint's answer. What Thulium expects back (and whether "
                        "it retries) is not documented."
                    }
                },
                "x-provenance": str(meta["provenance"]),
                "x-method-provenance": "inferred",
            }
        }
    return dict(sorted(out.items()))


def _info() -> dict[str, Any]:
    """The info object: what this document is and how far to trust it."""
    return {
        "title": "Thulium REST API",
        "version": f"thulium-explore {__version__}",
        "summary": "Thulium's REST API as catalogued by thulium-explore.",
        "description": (
            "Generated from the thulium-explore schema catalog. Thulium's documentation rarely gives JSON "
            "types; each operation, parameter and schema carries x-provenance (documented, documented-old, "
            "example, code, inferred) saying where a fact comes from. Which HTTP status goes with which error "
            "is not documented: every non-2xx answer is described by the `default` response (Thulium's error "
            "object). Rate limits are not documented."
        ),
    }


def _server(system: str) -> dict[str, Any]:
    return {
        "url": "https://{system}.thulium.com",
        "description": "Your Thulium system.",
        "variables": {"system": {"default": system, "description": "Your system name (the tenant's subdomain)."}},
    }


def _operation(endpoint: Endpoint, schemas: _Schemas) -> dict[str, Any]:
    """One operation: parameters in path and query, the request body, each documented response."""
    meta = endpoint.document["x-thulium"]
    operation: dict[str, Any] = {
        "operationId": endpoint.id,
        "tags": [endpoint.group],
        "summary": endpoint.summary,
        "description": _description(endpoint, meta),
    }
    located = [p for p in endpoint.parameters if p.location in ("path", "query")]
    located.sort(key=lambda p: p.location != "path")
    if located:
        operation["parameters"] = [_parameter(endpoint, p, schemas) for p in located]
    body = _request_body(endpoint, schemas)
    if body is not None:
        operation["requestBody"] = body
    operation["responses"] = {status: _response(spec, schemas) for status, spec in endpoint.responses.items()}
    operation["x-provenance"] = endpoint.provenance
    if endpoint.summary_pl:
        operation["x-summary-pl"] = endpoint.summary_pl
    if meta.get("doc_example"):
        operation["x-doc-example"] = meta["doc_example"]
    return operation


def _description(endpoint: Endpoint, meta: Mapping[str, Any]) -> str:
    """Markdown: the English description, the Polish summary, the notes, the documented example."""
    parts = [endpoint.description or endpoint.summary]
    if endpoint.summary_pl:
        parts.append(f"(PL) {endpoint.summary_pl}")
    if endpoint.notes:
        parts.append("Notes:\n" + "\n".join(f"- {note}" for note in endpoint.notes))
    if meta.get("doc_example"):
        parts.append(f"Documented example: `{meta['doc_example']}`")
    parts.append(f"Provenance: {endpoint.provenance}.")
    return "\n\n".join(parts)


def _parameter(endpoint: Endpoint, param: Parameter, schemas: _Schemas) -> dict[str, Any]:
    """A path or query Parameter Object laid out the way ``_params.to_wire`` sends it."""
    schema = schemas.convert(param.schema, endpoint.uri, drop=("x-in",))
    text = param.description
    if param.description_pl:
        text = f"{text}\n\n(PL) {param.description_pl}" if text else f"(PL) {param.description_pl}"
    out: dict[str, Any] = {"name": param.name, "in": param.location, "required": param.required}
    if text:
        out["description"] = text
    kind = schemas.json_types(param.schema, endpoint.uri)
    if param.location == "query" and kind == {"array"}:
        # Thulium's docs send lists PHP-style: status_id[]=1&status_id[]=2. OpenAPI has no style
        # for that, but form + explode repeats the parameter's *name* once per item, so naming the
        # parameter "status_id[]" reproduces exactly that query string (Swagger UI, Postman, Prism
        # and Schemathesis all serialise it this way).
        out.update(name=f"{param.name}[]", style="form", explode=True)
    elif param.location == "query" and kind == {"object"}:
        # Objects go as name[key]=value (deepObject), as _params.to_wire sends them. Lists inside
        # an object (custom_fields[Name][0]=v) go beyond what deepObject defines; tools may differ.
        out.update(style="deepObject", explode=True)
        if _holds_lists(param.schema):
            note = _LISTS_IN_OBJECTS.format(name=param.name)
            out["description"] = f"{out['description']}\n\n{note}" if "description" in out else note
    out["schema"] = schema
    if param.example is not None:
        out["example"] = param.example
    out["x-provenance"] = param.provenance
    return out


_LISTS_IN_OBJECTS = (
    "Lists inside go as {name}[Name][0]=value, {name}[Name][1]=value (as the docs show). OpenAPI's deepObject "
    "style cannot describe lists inside an object, so a tool reading this document may send {name}[Name]=value "
    "instead; thulium-explore's client never does, and its sandbox refuses that (400)."
)


def _holds_lists(schema: Mapping[str, Any]) -> bool:
    """True when an object schema's values (named or additional) are lists."""
    values = [*schema.get("properties", {}).values(), schema.get("additionalProperties")]
    return any(isinstance(v, Mapping) and v.get("type") == "array" for v in values)


def _request_body(endpoint: Endpoint, schemas: _Schemas) -> dict[str, Any] | None:
    """The JSON body (body parameters only) or the raw octet-stream body; None when the body is empty."""
    in_body = [p for p in endpoint.parameters if p.location == "body"]
    if endpoint.request_body == "raw":
        described = in_body[0].description if in_body else ""
        raw = {"type": "string", "format": "binary", "contentMediaType": "application/octet-stream"}
        return {
            "description": described or "The file's bytes, as they are.",
            "required": any(p.required for p in in_body) or not in_body,
            "content": {"application/octet-stream": {"schema": raw}},
        }
    if endpoint.request_body != "json":
        return None
    names = {p.name for p in in_body}
    schema = schemas.convert(endpoint.parameters_schema, endpoint.uri, drop=("examples",))
    schema["properties"] = {
        name: {k: v for k, v in sub.items() if k != "x-in"}
        for name, sub in schema.get("properties", {}).items()
        if name in names
    }
    required = [name for name in schema.get("required", []) if name in names]
    if required:
        schema["required"] = required
    else:
        schema.pop("required", None)
    examples = [
        {k: v for k, v in example.items() if k in names}
        for example in endpoint.parameters_schema.get("examples", [])
        if isinstance(example, Mapping)
    ]
    if examples:
        schema["examples"] = examples
    return {
        "required": _body_required(schemas.catalog, endpoint, names),
        "content": {"application/json": {"schema": schema}},
    }


def _body_required(catalog: Catalog, endpoint: Endpoint, names: set[str]) -> bool:
    """True when no body at all would be refused: a required body field, or a rule like "phone_number
    or customer_id" (if/then, anyOf, minProperties) that an empty object breaks."""
    for error in catalog.validator(endpoint.parameters_uri).iter_errors({}):
        if error.validator != "required" or set(error.validator_value) & names:
            return True
    return False


def _response(spec: ResponseSpec, schemas: _Schemas) -> dict[str, Any]:
    """A Response Object: JSON content with the schema, or no content for an empty body."""
    out: dict[str, Any] = {"description": spec.description}
    if spec.body == "json" and spec.schema_uri:
        out["content"] = {"application/json": {"schema": {"$ref": schemas.local(spec.schema_uri)}}}
    out["x-provenance"] = spec.provenance
    return out


class _Schemas:
    """``components/schemas``, filled on demand: each catalog schema a ``$ref`` reaches, refs made local.

    ``<doc>#/$defs/<name>`` becomes the component ``<prefix>.<name>``; a whole common document
    (``../common/error.json``) becomes ``<prefix>``, where the prefix is the endpoint id for an
    endpoint document and the path under ``schemas/`` (dots for slashes) otherwise.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.done: dict[str, Any] = {}
        self._endpoint_uris = {endpoint.uri: endpoint.id for endpoint in catalog.endpoints.values()}
        self._prefixes: dict[str, str] = {}
        self._aliases: set[str] = set()

    def local(self, uri: str) -> str:
        """The components ``$ref`` for an absolute catalog URI (adding the component when new)."""
        document, _, fragment = uri.partition("#")
        if fragment and not fragment.startswith("/"):
            raise CatalogError(f"$ref {uri}: only JSON-pointer references can be exported to OpenAPI")
        tokens = fragment.split("/")[1:] if fragment else []
        prefix = self._prefix(document)
        if len(tokens) >= 2 and tokens[0] == "$defs":
            name, target, rest = f"{prefix}.{_unescape(tokens[1])}", f"/$defs/{tokens[1]}", tokens[2:]
        elif document in self._endpoint_uris:
            raise CatalogError(f"$ref {uri}: points into an endpoint document outside its $defs")
        else:
            name, target, rest = prefix, "", tokens
        if not _COMPONENT_NAME.match(name):
            raise CatalogError(f"$ref {uri}: {name!r} cannot be an OpenAPI component name")
        if name not in self.done:
            try:
                contents = self.catalog.registry.contents(document)
                resolved = self.catalog.registry.resolver().lookup(f"{document}#{target}").contents
            except Exception as exc:  # referencing raises several unrelated types
                raise CatalogError(f"$ref {uri}: cannot be resolved ({exc})") from None
            if not rest and isinstance(resolved, Mapping) and set(resolved) == {"$ref"}:
                if uri in self._aliases:
                    raise CatalogError(f"$ref {uri}: refers to itself")
                self._aliases.add(uri)
                return self.local(urljoin(document, resolved["$ref"]))  # a bare alias: point at its target
            self.done[name] = {}  # placeholder: a recursive schema refers to itself
            drop = ("$defs",) if resolved is contents else ()
            self.done[name] = self.convert(resolved, document, drop=drop)
        return COMPONENTS + name + "".join("/" + token for token in rest)

    def convert(self, node: Any, base: str, *, drop: tuple[str, ...] = ()) -> Any:
        """A copy of ``node`` without ``$id``/``$schema`` (and ``drop`` at the top), every ``$ref`` local."""
        if isinstance(node, list):
            return [self.convert(item, base) for item in node]
        if not isinstance(node, Mapping):
            return node
        if isinstance(node.get("$id"), str):
            base = urljoin(base, node["$id"])
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in ("$id", "$schema") or key in drop:
                continue
            if key == "$ref" and isinstance(value, str):
                out[key] = self.local(urljoin(base, value))
            elif key in _DATA_KEYWORDS:
                out[key] = json.loads(json.dumps(value))
            else:
                out[key] = self.convert(value, base)
        return out

    def json_types(self, schema: Mapping[str, Any], base: str) -> set[str]:
        """The JSON types a (possibly ``$ref``) schema declares; empty when it declares none."""
        if "$ref" in schema and "type" not in schema:
            found = self.catalog.registry.resolver().lookup(urljoin(base, schema["$ref"]))
            target = found.contents
            return self.json_types(target, urljoin(base, schema["$ref"])) if isinstance(target, Mapping) else set()
        kind = schema.get("type")
        if isinstance(kind, str):
            return {kind}
        return {k for k in kind if k != "null"} if isinstance(kind, list) else set()

    def _prefix(self, document: str) -> str:
        """The component-name prefix of a catalog document; two documents never share one."""
        prefix = self._endpoint_uris.get(document)
        if prefix is None:
            if not (document.startswith(SCHEMA_BASE) and document.endswith(".json")):
                raise CatalogError(f"$ref {document}: not a document of the catalog")
            prefix = document[len(SCHEMA_BASE) : -len(".json")].replace("/", ".")
        owner = self._prefixes.setdefault(prefix, document)
        if owner != document:
            raise CatalogError(f"{document} and {owner} would share the OpenAPI component name {prefix!r}")
        return prefix


def _unescape(token: str) -> str:
    """A JSON-pointer token as text (``~1`` → ``/``, ``~0`` → ``~``, %-escapes decoded)."""
    return unquote(token).replace("~1", "/").replace("~0", "~")
