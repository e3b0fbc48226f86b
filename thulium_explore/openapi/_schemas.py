"""``components/schemas`` of the OpenAPI export: catalog schemas copied with every ``$ref`` made local."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urljoin

from thulium_explore._errors import CatalogError
from thulium_explore.catalog._catalog import SCHEMA_BASE, Catalog

COMPONENTS = "#/components/schemas/"
_COMPONENT_NAME = re.compile(r"^[A-Za-z0-9._-]+$")
# Keywords whose values are data, not subschemas: a "$ref" key inside them is not a reference.
_DATA_KEYWORDS = frozenset({"const", "default", "enum", "example", "examples"})


def is_array_schema(node: Mapping[str, Any]) -> bool:
    """True when a schema's ``type`` is ``array`` or a list that holds ``array``."""
    kind = node.get("type")
    return kind == "array" or (isinstance(kind, list) and "array" in kind)


class Schemas:
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
        self._aliases: dict[str, str | None] = {}

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
                    if self._aliases[uri] is None:
                        raise CatalogError(f"$ref {uri}: refers to itself")
                    return str(self._aliases[uri])
                self._aliases[uri] = None  # being followed: meeting it again is a cycle
                self._aliases[uri] = self.local(urljoin(document, resolved["$ref"]))  # a bare alias: its target
                return str(self._aliases[uri])
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
        if is_array_schema(out) and "items" not in out and "prefixItems" not in out:
            # JSON Schema reads a missing "items" as "any item"; OpenAPI linters (Spectral's
            # array-items) and some generators want it said. {} says exactly that.
            out["items"] = {}
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
