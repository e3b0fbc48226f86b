"""Responses of the OpenAPI export: each documented status, the error object under ``4XX``/``5XX``, and
``links`` that carry a value from an answer to the operations that take it (``x-thulium.links``)."""

from __future__ import annotations

from typing import Any

from thulium_explore._errors import CatalogError
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._model import Endpoint, Link, ResponseSpec
from thulium_explore.openapi._schemas import Schemas

#: The catalog's ``default`` (every non-2xx answer carries the error object) as OpenAPI ranges. OpenAPI's own
#: ``default`` would also cover a 2xx the catalog does not list, so an error body under 201 would pass.
ERROR_RANGES = ("4XX", "5XX")


def responses(endpoint: Endpoint, schemas: Schemas) -> dict[str, Any]:
    """The Responses Object: documented statuses, ``default`` as ``4XX`` and ``5XX``, links on 2xx."""
    out: dict[str, Any] = {}
    for status, spec in endpoint.responses.items():
        if status == "default":
            for error_range in ERROR_RANGES:
                out.setdefault(error_range, response(spec, schemas))
            continue
        out[status] = response(spec, schemas)
        if status.startswith("2") and spec.body == "json":
            links = operation_links(schemas.catalog, endpoint)
            if links:
                out[status]["links"] = links
    return out


def response(spec: ResponseSpec, schemas: Schemas) -> dict[str, Any]:
    """A Response Object: JSON content with the schema, or no content for an empty body."""
    out: dict[str, Any] = {"description": spec.description}
    if spec.body == "json" and spec.schema_uri:
        out["content"] = {"application/json": {"schema": {"$ref": schemas.local(spec.schema_uri)}}}
    out["x-provenance"] = spec.provenance
    return out


def operation_links(catalog: Catalog, endpoint: Endpoint) -> dict[str, Any]:
    """OpenAPI Link Objects for the endpoint's links that name one value (no ``*``).

    A link through every item of an array (``/result/*/id``) has no OpenAPI form: a runtime
    expression names one place. A link into a JSON body field has none either (a Link's
    ``requestBody`` replaces the whole body), so both stay catalog-only.
    """
    out: dict[str, Any] = {}
    for link in endpoint.links:
        if link.each_item:
            continue
        target = catalog.endpoints.get(link.target)
        if target is None:
            raise CatalogError(f"{endpoint.id}: x-thulium.links names {link.target!r}, which is not an endpoint")
        name = _parameter_name(target, link)
        if name is None:
            continue
        key = link.target if link.target not in out else f"{link.target}.{link.parameter}"
        exported: dict[str, Any] = {
            "operationId": target.id,
            "parameters": {name: f"$response.body#{link.source}"},
        }
        if link.description:
            exported["description"] = link.description
        exported["x-provenance"] = link.provenance
        out[key] = exported
    return out


def _parameter_name(target: Endpoint, link: Link) -> str | None:
    """``path.id`` / ``query.name`` as a Link names a parameter; None for a body field (no Link form)."""
    for param in target.parameters:
        if param.name == link.parameter:
            if param.location not in ("path", "query"):
                return None
            return f"{param.location}.{param.name}"
    raise CatalogError(f"{link.target}: has no parameter {link.parameter!r} (named by an x-thulium.links entry)")
