"""The schema catalog: every endpoint document in ``schemas/``, loaded once, checked, indexed.

>>> from thulium_explore import default_catalog
>>> endpoint = default_catalog()["chat_conversations.start"]
>>> endpoint.method, endpoint.path
('POST', '/api/chat_conversations/start')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin

import jsonschema_rs

from thulium_explore._errors import CatalogError
from thulium_explore.catalog._fastcheck import Predicate, compile_fast
from thulium_explore.catalog._formats import FORMATS, PLAIN, format_checker
from thulium_explore.catalog._model import Endpoint, group_rank
from thulium_explore.catalog._paths import json_path

if TYPE_CHECKING:  # jsonschema words failures; it is imported on the first one (~1.7 s with its extras)
    from jsonschema import Draft202012Validator
    from referencing import Registry

SCHEMA_BASE = "https://thulium-explore.example/schemas/"


def schemas_root() -> Path:
    """Where the schema documents are: inside the installed package, else the repo's ``schemas/``."""
    package = Path(__file__).resolve().parent.parent  # thulium_explore/
    for candidate in (package / "schemas", package.parent / "schemas"):
        if (candidate / "endpoints").is_dir():
            return candidate
    raise CatalogError(f"schema folder not found in or next to {package} (expected schemas/endpoints/)")


class Catalog:
    """All endpoint documents under one ``referencing`` registry, each validator built once.

    Validity is decided by compiled validators (jsonschema-rs, draft 2020-12, with the catalog's own
    format functions); jsonschema is imported only when something is invalid, to word the problems
    (:meth:`validator`), so a command that meets only valid data never pays for importing it.

    >>> catalog = Catalog()
    >>> catalog.validate_parameters("chat_conversations.start", {"chat_queue_id": 3})
    []
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or schemas_root()
        paths = sorted(self.root.rglob("*.json"))
        documents = [_load(path) for path in paths]
        meta_uri = SCHEMA_BASE + "meta/endpoint.json"
        self._documents = documents
        self._by_id = by_id = {doc["$id"]: doc for doc in documents}
        for path, doc in zip(paths, documents, strict=True):
            _check_schema(path, doc)
            if not _refs_resolve(by_id, doc):
                _check_refs(self.registry, doc)  # referencing decides, and names the $ref that fails
        self._compiled_registry = jsonschema_rs.Registry([(doc["$id"], doc) for doc in documents])
        self._validators: dict[str, Draft202012Validator] = {}
        self._resolved: dict[str, Any] = {}  # uri -> referencing's Resolved(contents, resolver)
        self._fast: dict[str, Predicate] = {}
        meta = self.fast_check(meta_uri)
        endpoints: dict[str, Endpoint] = {}
        for doc in documents:
            if "x-thulium" not in doc:
                continue
            if not meta(doc):
                problems = [f"{_path(e)}: {e.message}" for e in self.validator(meta_uri).iter_errors(doc)]
                raise CatalogError(f"{doc['$id']}: " + "; ".join(problems[:3] or ["does not match the meta-schema"]))
            endpoint = Endpoint(doc["x-thulium"]["id"], doc["$id"], doc)
            if endpoint.id in endpoints:
                raise CatalogError(f"endpoint id {endpoint.id!r} is defined twice")
            _check_consistent(endpoint)
            endpoints[endpoint.id] = endpoint
        for endpoint in endpoints.values():
            _check_links(endpoint, endpoints)
        self.endpoints = endpoints
        self._by_route = sorted(endpoints.values(), key=lambda e: (e.path.count("{"), -len(e.path)))

    @cached_property
    def registry(self) -> Registry[Any]:
        """Every document as a ``referencing`` resource (built on first use: resolving, walking schemas)."""
        from referencing import Registry
        from referencing.jsonschema import DRAFT202012

        return Registry().with_resources((doc["$id"], DRAFT202012.create_resource(doc)) for doc in self._documents)

    def __getitem__(self, endpoint_id: str) -> Endpoint:
        try:
            return self.endpoints[endpoint_id]
        except KeyError:
            known = ", ".join(sorted(self.endpoints)[:6])
            raise CatalogError(
                f"unknown endpoint {endpoint_id!r}; known ids include: {known} "
                "(list them with `thulium-explore endpoints`)"
            ) from None

    def __iter__(self) -> Iterator[Endpoint]:
        """Endpoints grouped as users meet them (chats first), then by id."""
        return iter(sorted(self.endpoints.values(), key=lambda e: (group_rank(e.group), e.group, e.id)))

    def __len__(self) -> int:
        return len(self.endpoints)

    def __contains__(self, endpoint_id: object) -> bool:
        return endpoint_id in self.endpoints

    def resolve(self, uri: str) -> Any:
        """The schema at ``uri`` (with ``#/json/pointer``) and a resolver for its own ``$ref``s, cached."""
        found = self._resolved.get(uri)
        if found is None:
            found = self._resolved[uri] = self.registry.resolver().lookup(uri)
        return found

    def fast_check(self, uri: str) -> Predicate:
        """True exactly when an instance is valid against the schema at ``uri``, without jsonschema.

        A plain-Python predicate for flat schemas (``_fastcheck``, the cheapest for a small flat
        object), else jsonschema-rs compiled once with the catalog's format functions. ``False`` (or
        an instance the compiled validator cannot take) sends the caller to :meth:`validator`, which
        words the problems; callers treat ``False`` as "ask jsonschema", so it never decides alone.
        """
        found = self._fast.get(uri)
        if found is None:
            plain = _at(self._by_id, uri)  # the subschema without referencing (loaded only to resolve)
            flat = compile_fast(self.resolve(uri).contents if plain is _MISSING else plain, PLAIN)
            compiled = jsonschema_rs.validator_for(
                {"$ref": uri},
                registry=self._compiled_registry,
                formats=dict(FORMATS),
                validate_formats=True,
            )

            def valid(instance: Any) -> bool:
                try:
                    return bool(compiled.is_valid(instance))
                except Exception:  # a value jsonschema-rs cannot take (e.g. a tuple): jsonschema decides
                    return False

            found = valid if flat is None else (lambda instance: flat(instance) or valid(instance))
            self._fast[uri] = found
        return found

    def validator(self, uri: str) -> Draft202012Validator:
        """A jsonschema validator for the schema at ``uri`` (with ``#/json/pointer``), built once: it
        words problems (messages, paths, the schema path that ``contract._provenance`` walks).

        Built on the resolved subschema, not on ``{"$ref": uri}``, so a validation pays no
        registry lookup for its root (about a third of validating a small parameter object).
        """
        found = self._validators.get(uri)
        if found is None:
            from jsonschema import Draft202012Validator

            resolved = self.resolve(uri)
            found = Draft202012Validator(
                resolved.contents,
                registry=self.registry,
                format_checker=format_checker(),
                _resolver=resolved.resolver,  # relative $refs resolve from the subschema's document
            )
            self._validators[uri] = found
        return found

    def validate_parameters(self, endpoint_id: str, params: Mapping[str, Any]) -> list[str]:
        """Problems of ``params`` as ``field: message`` lines; empty when valid."""
        uri = self[endpoint_id].parameters_uri
        if self.fast_check(uri)(params):
            return []
        return [f"{_path(e) or '(parameters)'}: {e.message}" for e in self.validator(uri).iter_errors(params)]

    def match(self, method: str, path: str) -> tuple[Endpoint, dict[str, str]] | None:
        """The endpoint whose method and path template fit, with the path's values.

        Routed as OpenAPI routes: a path belongs to its most specific templates (fewest ``{…}``), so
        ``DELETE /api/outbounds/stats`` is no ``DELETE /api/outbounds/{id}`` with ``id="stats"``.
        """
        method = method.upper()
        for endpoint, values in self.routes(path):
            if endpoint.method == method:
                return endpoint, values
        return None

    def routes(self, path: str) -> list[tuple[Endpoint, dict[str, str]]]:
        """Every endpoint of the most specific path templates ``path`` fits (one per method), with its values.

        >>> sorted(e.method for e, _ in default_catalog().routes("/api/chat_conversations/start"))
        ['POST']
        """
        found: list[tuple[Endpoint, dict[str, str]]] = []
        for endpoint in self._by_route:
            if found and endpoint.path.count("{") > found[0][0].path.count("{"):
                break
            matched = endpoint.path_regex.match(path)
            if matched:
                found.append((endpoint, matched.groupdict()))
        return found


def _load(path: Path) -> dict[str, Any]:
    """Read one schema document."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogError(f"{path}: cannot read schema: {exc}") from None
    if not isinstance(document, dict) or "$id" not in document:
        raise CatalogError(f"{path}: a schema document needs an object with $id")
    return document


def _check_schema(path: Path, document: dict[str, Any]) -> None:
    """The document is a valid draft 2020-12 schema (jsonschema-rs decides, jsonschema words a failure)."""
    try:
        valid = jsonschema_rs.meta.is_valid(document)
    except Exception:  # jsonschema-rs refuses what it cannot read: jsonschema decides
        valid = False
    if valid:
        return
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(document)
    except SchemaError as exc:
        raise CatalogError(f"{path}: not a valid draft 2020-12 schema: {exc.message}") from None


_DATA_KEYWORDS = frozenset({"examples", "const", "enum", "default"})


def _refs(node: Any) -> Iterator[str]:
    """Every ``$ref`` in schema positions of a document (not inside examples or x- data)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref
        for key, value in node.items():
            if key not in _DATA_KEYWORDS and not key.startswith("x-"):
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


_SCOPE_KEYWORDS = ("$id", "$anchor", "$dynamicRef", "$dynamicAnchor")


_NAME_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})


def _scoped(node: Any) -> bool:
    """True when a schema below the root sets its own base or anchors (``$id``, ``$anchor``…)."""
    if isinstance(node, list):
        return any(_scoped(v) for v in node)
    if not isinstance(node, dict):
        return False
    if any(key in node for key in _SCOPE_KEYWORDS):
        return True
    for key, value in node.items():
        if key in _NAME_MAPS and isinstance(value, dict):  # names, not keywords: look into each schema
            if any(_scoped(sub) for sub in value.values()):
                return True
        elif key not in _DATA_KEYWORDS and not key.startswith("x-") and _scoped(value):
            return True
    return False


def _refs_resolve(by_id: Mapping[str, Any], document: Mapping[str, Any]) -> bool:
    """True when every ``$ref`` of ``document`` points at something (a plain walk, no ``referencing``).

    Only for documents whose refs resolve against the document's own ``$id`` (no nested ``$id``,
    ``$anchor`` or ``$dynamicRef``); anything else, and any miss, goes to :func:`_check_refs`.
    """
    if _scoped({k: v for k, v in document.items() if k != "$id"}):
        return False
    base = document["$id"]
    return all(_at(by_id, urljoin(base, ref)) is not _MISSING for ref in set(_refs(document)))


_MISSING = object()


def _at(by_id: Mapping[str, Any], uri: str) -> Any:
    """The value at ``uri`` (a document ``$id`` and a ``#/json/pointer``), or ``_MISSING``."""
    base, _, fragment = uri.partition("#")
    node = by_id.get(base, _MISSING)
    if fragment and not fragment.startswith("/"):
        return _MISSING  # a plain-name fragment is an anchor: referencing decides
    for step in fragment.split("/")[1:]:
        key = unquote(step).replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        elif isinstance(node, dict) and key in node:
            node = node[key]
        else:
            return _MISSING
    return node


def _check_refs(registry: Registry[Any], document: Mapping[str, Any]) -> None:
    """Every ``$ref`` resolves at load, not at the first validation that needs it."""
    resolver = registry.resolver(base_uri=document["$id"])
    for ref in _refs(document):
        try:
            resolver.lookup(ref)
        except Exception:  # referencing raises several unrelated types
            raise CatalogError(f"{document['$id']}: $ref {ref!r} does not resolve") from None


def _check_consistent(endpoint: Endpoint) -> None:
    """Path placeholders and ``x-in: path`` parameters must agree."""
    placeholders = set(re.findall(r"\{(\w+)\}", endpoint.path))
    in_path = {p.name for p in endpoint.parameters if p.location == "path"}
    if placeholders != in_path:
        raise CatalogError(
            f"{endpoint.id}: path placeholders {sorted(placeholders)} do not match "
            f"parameters with x-in=path {sorted(in_path)}"
        )
    missing = [p for p in in_path if not endpoint.parameter(p).required]  # type: ignore[union-attr]
    if missing:
        raise CatalogError(f"{endpoint.id}: path parameters must be required: {missing}")


def _check_links(endpoint: Endpoint, endpoints: Mapping[str, Endpoint]) -> None:
    """An ``x-thulium.links`` entry names a parameter its target has (a catalog of a few files may lack the
    target; the shipped catalog has every one, tests/unit/test_links.py checks)."""
    for link in endpoint.links:
        target = endpoints.get(link.target)
        if target is not None and target.parameter(link.parameter) is None:
            raise CatalogError(
                f"{endpoint.id}: link {link.source} -> {link.target} has no parameter {link.parameter!r}"
            )


def _path(error: Any) -> str:
    """A jsonschema error's location as ``a.b[0]`` (the missing name for ``required``)."""
    parts = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = next((n for n in error.validator_value if n not in error.instance), None)
        if missing:
            parts.append(str(missing))
    return json_path(parts)[1:].lstrip(".")


@cache
def default_catalog() -> Catalog:
    """The catalog shipped with the package, loaded on first use and then shared."""
    return Catalog()
