"""The sandbox's paged lists: every ``{count, result}`` endpoint pages a deterministic corpus.

For each endpoint of the catalog whose 200 answer is ``{"count", "result": [...]}`` and which takes
``limit`` and ``offset`` (:func:`~thulium_explore.catalog._lists.list_shape`, asked on the call: the
table is keyed by the shipped schema files' names, so importing the sandbox loads no catalog), it answers
pages the way the documentation says: ``limit`` items at most (its documented default when not
sent; a value above the documented maximum is refused with 400 by the parameter check, like any
schema violation), from ``offset``, and ``count`` = the total number of matching items, ignoring
``limit``. Handlers other modules register for the same endpoint win (``chats.list`` is the chat
lifecycle's, over the conversations actually started).

SANDBOX-ONLY — the corpus is ours, not Thulium's data: :data:`CORPUS_SIZE` items per endpoint, each
the documented example item with

* its own id (``id`` or ``<resource>_id``, else its first non-null ``*_id`` field) set to the
  example's id + its position (so ids are distinct and ascending),
* every documented date moved 37 minutes later per position (same format as the example),
* every ``format: uuid`` field a fresh uuid,
* every ``enum`` field one of its documented values,

made from a seed derived from the endpoint id, so every sandbox answers the same items. Filters:
a parameter named like an item field (``customer_id``, ``user_login``, ``status_id[]``…) keeps the
items whose field equals the value (or one of the listed values); no other filter is applied (which
field a date filter compares is not documented). Personal fields keep the documented example's
values (``example.org`` addresses, the docs' sample names and numbers).

``list_handler(size)`` makes a handler over another corpus size (a benchmark, a test).
"""

from __future__ import annotations

import copy
import random
import uuid
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from thulium_explore._errors import CatalogError
from thulium_explore.catalog._catalog import Catalog, schemas_root
from thulium_explore.catalog._lists import ListShape, list_shape
from thulium_explore.catalog._model import Endpoint
from thulium_explore.catalog._walk import deref
from thulium_explore.sandbox._handlers import (
    Handler,
    Reply,
    SandboxCall,
    documented_example,
    example_value,
    success_status,
)

CORPUS_SIZE = 1000  # SANDBOX-ONLY: items per list endpoint (enough for ten pages of the maximum 100)
STEP = timedelta(minutes=37)  # SANDBOX-ONLY: how far apart consecutive items' dates are
_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")


def list_handler(size: int = CORPUS_SIZE) -> Handler:
    """A handler answering pages of a ``size``-item corpus for whichever list endpoint it is registered on."""
    if not isinstance(size, int) or size < 0:
        raise ValueError(f"size: {size!r} must be a whole number ≥ 0 (example: list_handler(size=1000))")

    def page(call: SandboxCall) -> Reply:
        shape = list_shape(call.catalog, call.endpoint)
        if shape is None:
            return call.example()
        corpora: dict[tuple[str, int], list[dict[str, Any]]] = call.state.setdefault("list_corpora", {})
        key = (call.endpoint.id, size)
        if key not in corpora:
            corpora[key] = corpus(call.catalog, call.endpoint, size)
        matching = [item for item in corpora[key] if _matches(item, call.params, shape)]
        limit = int(call.params.get("limit", shape.default_limit or len(matching) or 1))
        offset = int(call.params.get("offset", 0))
        result = [copy.deepcopy(item) for item in matching[offset : offset + limit]]
        return Reply(success_status(call.endpoint), {"count": len(matching), "result": result})

    return page


def corpus(catalog: Catalog, endpoint: Endpoint, size: int) -> list[dict[str, Any]]:
    """The ``size`` items of ``endpoint``'s sandbox corpus (the same on every call and every run)."""
    shape = list_shape(catalog, endpoint)
    base = _example_item(catalog, endpoint)
    if shape is None or not isinstance(base, dict):
        return []
    rng = random.Random(f"thulium-sandbox-list:{endpoint.id}")  # noqa: S311 - a reproducible test corpus
    own_id = _own_id(endpoint, shape, base)
    item_schema = _item_schema(catalog, endpoint)
    uuids = [name for name in base if _is_uuid(item_schema, name)]
    enums = {name: values for name in base if (values := _enum(item_schema, name))}
    dates = {f.name: parsed for f in shape.fields if f.kind == "date" and (parsed := _parse(base.get(f.name)))}
    items = []
    for position in range(size):
        item = copy.deepcopy(base)
        if own_id is not None:
            first = base[own_id]
            number = int(first) + position
            item[own_id] = str(number) if isinstance(first, str) else number
        for name, (moment, fmt) in dates.items():
            text = (moment + STEP * position).strftime(fmt)
            item[name] = text[:-3] if fmt.endswith("%f") else text
        for name in uuids:
            item[name] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        for name, values in enums.items():
            item[name] = rng.choice(values)
        items.append(item)
    return items


def _example_item(catalog: Catalog, endpoint: Endpoint) -> Any:
    """The first item of the documented example answer, else one built from the item schema's examples."""
    spec = endpoint.responses.get("200")
    if spec is None or spec.schema_uri is None:
        return None
    resolved = catalog.resolve(spec.schema_uri)
    example = example_value(resolved.contents, resolved.resolver)
    items = example.get("result") if isinstance(example, dict) else None
    if isinstance(items, list) and items and isinstance(items[0], dict):
        return copy.deepcopy(items[0])
    schema = _item_schema(catalog, endpoint)
    return example_value(schema, None) if schema else None


def _item_schema(catalog: Catalog, endpoint: Endpoint) -> Mapping[str, Any]:
    """The item schema with every property dereferenced (one level: enough for uuid/enum lookups)."""
    spec = endpoint.responses["200"]
    assert spec.schema_uri is not None
    resolved = catalog.resolve(spec.schema_uri)
    schema, resolver = deref(resolved.contents, resolved.resolver)
    for candidate in [schema, *schema.get("anyOf", []), *schema.get("oneOf", [])]:
        candidate, sub = deref(candidate, resolver)
        result = candidate.get("properties", {}).get("result") if isinstance(candidate, Mapping) else None
        if result is None:
            continue
        result, sub = deref(result, sub)
        items, sub = deref(result.get("items", {}), sub)
        props = {name: deref(value, sub)[0] for name, value in items.get("properties", {}).items()}
        return {**items, "properties": props}
    return {}


def _own_id(endpoint: Endpoint, shape: ListShape, base: Mapping[str, Any]) -> str | None:
    """The item's own id field: ``id``, ``<resource>_id`` (``/api/tickets`` → ``ticket_id``), else the first
    non-null ``*_id`` field. SANDBOX-ONLY heuristic: Thulium documents no such notion."""
    resource = endpoint.path.rstrip("/").rsplit("/", 1)[-1]
    singular = resource[:-1] if resource.endswith("s") else resource
    ids = [f.name for f in shape.fields if f.kind == "integer" or f.name.endswith("_id") or f.name == "id"]
    usable = [n for n in ids if _digits(base.get(n))]
    for preferred in ("id", f"{singular}_id"):
        if preferred in usable:
            return preferred
    return next((n for n in usable if n.endswith("_id")), None)


def _digits(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, str) and value.isdigit())


def _is_uuid(schema: Mapping[str, Any], name: str) -> bool:
    return bool(schema.get("properties", {}).get(name, {}).get("format") == "uuid")


def _enum(schema: Mapping[str, Any], name: str) -> list[Any]:
    values = schema.get("properties", {}).get(name, {}).get("enum")
    return [v for v in values if v is not None] if isinstance(values, list) else []


def _parse(value: Any) -> tuple[datetime, str] | None:
    if not isinstance(value, str):
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt), fmt
        except ValueError:
            continue
    return None


def _matches(item: Mapping[str, Any], params: Mapping[str, Any], shape: ListShape) -> bool:
    """Equality filters: a parameter named like a documented item field (a list: any of its values)."""
    for name, wanted in params.items():
        if name in ("limit", "offset") or name not in shape.field_names or isinstance(wanted, dict | bool):
            continue
        value = item.get(name)
        if isinstance(value, dict | list):
            continue
        choices = wanted if isinstance(wanted, list) else [wanted]
        if str(value) not in {str(choice) for choice in choices}:
            return False
    return True


def _shipped_endpoint_ids() -> list[str]:
    """The shipped catalog's endpoint ids from its file names (``schemas/endpoints/<id>.json``), without
    loading it: the sandbox's import (and so every command's start-up) stays free of the catalog."""
    try:
        folder = schemas_root() / "endpoints"
        return sorted(path.name[: -len(".json")] for path in folder.iterdir() if path.name.endswith(".json"))
    except (OSError, CatalogError):
        return []


def _list_or_example(call: SandboxCall) -> Reply:
    """A paged ``{count, result}`` list pages the corpus; any other endpoint answers its documented example."""
    shape = list_shape(call.catalog, call.endpoint)
    if shape is None or not shape.pageable or not shape.has_count:
        return documented_example(call)
    return _CORPUS_PAGE(call)


_CORPUS_PAGE = list_handler()

#: Every endpoint of the shipped catalog → a handler that pages the corpus when the catalog says the
#: endpoint is a paged ``{count, result}`` list (decided on the first call, from the schema) and answers
#: the documented example otherwise. Merged first into the sandbox's table, so the handlers of other
#: modules win for the same endpoint (``chats.list`` lists the conversations actually started).
LIST_HANDLERS: dict[str, Handler] = dict.fromkeys(_shipped_endpoint_ids(), _list_or_example)
