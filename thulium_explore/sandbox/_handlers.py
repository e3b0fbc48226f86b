"""What the sandbox answers for a valid call: the documented example, unless a handler says otherwise.

The extension point is a table of functions keyed by endpoint id (``HANDLERS`` in ``_app.py``, the
chat lifecycle of ``_chat.py`` by default; ``Sandbox(handlers=…)`` adds or overrides). A handler gets
a :class:`SandboxCall` (the endpoint, the validated parameters, the sandbox's shared ``state`` and
helpers) and returns a :class:`Reply`. An endpoint without a handler answers
:func:`documented_example`: the response schema's first ``examples`` entry, with a fresh uuid in
every ``format: uuid`` field (each started conversation gets a new ``conversation_id``), or an empty
body where the docs say the body is empty.

>>> def always_empty(call: SandboxCall) -> Reply:
...     return Reply(200, None)
>>> sandbox = Sandbox(handlers={"chat_conversations.start": always_empty})  # doctest: +SKIP
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.catalog._walk import branches, child_schema, deref, item_schema

#: Error codes in the sandbox's error objects: 900000 + the HTTP status. SANDBOX-ONLY: Thulium's docs
#: give no list of codes (their one example is 111111), so these are our invention; never compare a
#: real answer with them.
SANDBOX_CODES = {
    "invalid_parameter": 900400,
    "bad_request": 900400,
    "unauthorized": 900401,
    "not_found": 900404,
    "method_not_allowed": 900405,
    "conversation_closed": 900409,
    "length_required": 900411,
    "too_large": 900413,
    "uri_too_long": 900414,
    "headers_too_large": 900431,
    "internal": 900500,
    "not_implemented": 900501,
    "http_version": 900505,
}


@dataclass
class Reply:
    """What to answer: a status and a JSON body (``None`` for an empty body).

    ``raw`` bytes, when given, are sent as they are instead of ``body`` (with the ``Content-Type`` of
    ``headers``): what a proxy in front of Thulium might answer (see ``_faults.py``), never a handler's answer.
    """

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None


@dataclass
class SandboxCall:
    """One valid call, as a handler sees it."""

    endpoint: Endpoint
    params: dict[str, Any]
    catalog: Catalog
    state: dict[str, Any]
    new_uuid: Callable[[], str]
    new_request_id: Callable[[], str]
    now: Callable[[], str]
    lock: threading.Lock

    def example(self, status: int | None = None) -> Reply:
        """The documented example answer (see :func:`documented_example`)."""
        return documented_example(self, status)

    def error(self, status: int, code: str, *messages: str) -> Reply:
        """An error answer in the documented error object (``code`` names a :data:`SANDBOX_CODES` entry)."""
        return error_reply(status, SANDBOX_CODES[code], messages, self.new_request_id())


class Handler(Protocol):
    """The sandbox's extension point: a function that answers one valid call to one endpoint."""

    def __call__(self, call: SandboxCall, /) -> Reply: ...


def error_reply(status: int, code: int, messages: tuple[str, ...] | list[str], request_id: str) -> Reply:
    """The documented error object: ``{"request_id", "errors": [{"message", "code"}]}``."""
    return Reply(status, {"request_id": request_id, "errors": [{"message": m, "code": code} for m in messages]})


def success_status(endpoint: Endpoint) -> int:
    """The endpoint's documented success status (the lowest 2xx; 200 when none is documented)."""
    statuses = sorted(int(s) for s in endpoint.responses if s.isdigit() and 200 <= int(s) < 300)
    return statuses[0] if statuses else 200


def documented_example(call: SandboxCall, status: int | None = None) -> Reply:
    """The documented example answer for ``status`` (default: the documented success status)."""
    status = status or success_status(call.endpoint)
    spec = call.endpoint.response_for(status)
    if spec is None or spec.body == "empty" or spec.schema_uri is None:
        return Reply(status, None)
    resolved = call.catalog.registry.resolver().lookup(spec.schema_uri)
    example = example_value(resolved.contents, resolved.resolver)
    return Reply(status, fresh_uuids(example, resolved.contents, resolved.resolver, call.new_uuid))


def example_value(schema: Any, resolver: Any) -> Any:
    """The schema's first example; else an object built from its properties' examples; else ``{}``."""
    schema, resolver = deref(schema, resolver)
    if not isinstance(schema, Mapping):
        return {}
    if schema.get("examples"):
        return copy.deepcopy(schema["examples"][0])
    if "const" in schema:
        return copy.deepcopy(schema["const"])
    if schema.get("enum"):
        return copy.deepcopy(schema["enum"][0])
    for branch in branches(schema):
        found = example_value(branch, resolver)
        if found not in ({}, None):
            return found
    kind = schema.get("type")
    if kind == "array" or (isinstance(kind, list) and "array" in kind and "object" not in kind):
        return []
    props = schema.get("properties", {})
    return {
        name: example_value(sub, resolver)
        for name, sub in props.items()
        if name in schema.get("required", []) or _has_example(sub, resolver)
    }


def upload_temporary_file(call: SandboxCall) -> Reply:
    """``temporary_files.upload``: a token for the uploaded bytes, echoing the real file name and size.

    The file is kept in ``state["temporary_files"]`` (token → name and size; the bytes are not kept).
    The token is 32 hex digits like the documented example; a file name that was not sent is not echoed.
    """
    content = call.params.get("content", "")  # the raw body, decoded as latin-1: one character per byte
    token = call.new_uuid().replace("-", "")
    stored: dict[str, Any] = {"token": token, "size": len(content)}
    if "filename" in call.params:
        stored = {"filename": call.params["filename"], **stored}
    call.state.setdefault("temporary_files", {})[token] = stored
    return Reply(success_status(call.endpoint), dict(stored))


def _has_example(schema: Any, resolver: Any) -> bool:
    schema, _ = deref(schema, resolver)
    return isinstance(schema, Mapping) and bool(schema.get("examples"))


def fresh_uuids(
    value: Any, schema: Any, resolver: Any, new_uuid: Callable[[], str], issued: dict[str, str] | None = None
) -> Any:
    """``value`` with every string under a ``format: uuid`` schema replaced by a new uuid.

    The same example uuid gets the same new uuid throughout one answer.
    """
    issued = {} if issued is None else issued
    schema, resolver = deref(schema, resolver)
    if isinstance(value, dict):
        return {k: fresh_uuids(v, *child_schema(schema, resolver, k), new_uuid, issued) for k, v in value.items()}
    if isinstance(value, list):
        return [fresh_uuids(v, *item_schema(schema, resolver, i), new_uuid, issued) for i, v in enumerate(value)]
    if isinstance(value, str) and _is_uuid_schema(schema, resolver):
        if value not in issued:
            issued[value] = new_uuid()
        return issued[value]
    return value


def _is_uuid_schema(schema: Any, resolver: Any) -> bool:
    schema, resolver = deref(schema, resolver)
    if not isinstance(schema, Mapping):
        return False
    return schema.get("format") == "uuid" or any(_is_uuid_schema(b, resolver) for b in branches(schema))
