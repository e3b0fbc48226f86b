"""OpenAPI 3.1 export, generated from the catalog (never a second, hand-kept copy).

>>> from thulium_explore import openapi_document
>>> document = openapi_document()
>>> document["paths"]["/api/chat_conversations/start"]["post"]["operationId"]
'chat_conversations.start'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from thulium_explore._errors import CatalogError, ConfigError
from thulium_explore._version import __version__
from thulium_explore.catalog._catalog import Catalog, default_catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.openapi._parameters import parameter, request_body
from thulium_explore.openapi._responses import responses
from thulium_explore.openapi._schemas import Schemas

OPENAPI_VERSION = "3.1.0"
DEFAULT_SYSTEM = "your-system-name"
SECURITY_SCHEME = "basicAuth"
_SYSTEM = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")

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
    schemas = Schemas(catalog)
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


def _webhooks(catalog: Catalog, schemas: Schemas) -> dict[str, Any]:
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
            "is not documented: every 4xx and 5xx answer is described by the `4XX` and `5XX` responses "
            "(Thulium's error object); a 2xx status the catalog does not list is undocumented. Rate limits are "
            "not documented. Response `links` carry values from an answer to the operations that take them."
        ),
    }


def _server(system: str) -> dict[str, Any]:
    return {
        "url": "https://{system}.thulium.com",
        "description": "Your Thulium system.",
        "variables": {"system": {"default": system, "description": "Your system name (the tenant's subdomain)."}},
    }


def _operation(endpoint: Endpoint, schemas: Schemas) -> dict[str, Any]:
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
        operation["parameters"] = [parameter(endpoint, p, schemas) for p in located]
    body = request_body(endpoint, schemas)
    if body is not None:
        operation["requestBody"] = body
    operation["responses"] = responses(endpoint, schemas)
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
