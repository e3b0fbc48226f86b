"""The sandbox: a local Thulium API on 127.0.0.1 that behaves as the documentation says.

Driven by the catalog, not by hand-written routes: each request is matched to an endpoint by
method and path template, its parameters are coerced from text and validated against the
endpoint's schema, and a valid call is answered by a handler (:data:`HANDLERS`: the chat lifecycle
of ``_chat.py``, webhooks of ``_webhooks.py``, uploads; the documented example for every other
endpoint). Invalid parameters get 400, missing or wrong Basic auth 401, an unknown path 404 (405
with ``Allow`` for a known path with another method, whatever the method: TRACE, OPTIONS…), each
with the documented error object ``{"request_id", "errors": [{"message", "code"}]}``; so are the
HTTP layer's refusals (``_server.py``: 411, 413, 414, 431, 505, malformed requests). The error
``code`` values are SANDBOX-ONLY (see ``SANDBOX_CODES``): the docs list no codes. Calls that cause
a webhook event queue its delivery (``_webhooks.py``); a fault plan (``_faults.py``) acts before all this.

>>> from thulium_explore import Sandbox
>>> with Sandbox() as sandbox:  # doctest: +SKIP
...     sandbox.client().chat_conversations.start(chat_queue_id=3).json
{'conversation_id': '0b0e5c1a-…'}
"""

from __future__ import annotations

import base64
import binascii
import collections
import contextlib
import hmac
import json
import random
import socket
import sys
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlsplit

from thulium_explore._wire import _params
from thulium_explore._wire._body import utf8_text
from thulium_explore._wire._query import decode_query
from thulium_explore.catalog._catalog import Catalog, default_catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.sandbox._campaigns import CAMPAIGN_HANDLERS
from thulium_explore.sandbox._chat import CHAT_HANDLERS
from thulium_explore.sandbox._faults import Fault, FaultPlan
from thulium_explore.sandbox._handlers import (
    SANDBOX_CODES,
    Handler,
    Reply,
    SandboxCall,
    documented_example,
    error_reply,
    upload_temporary_file,
)
from thulium_explore.sandbox._lists import LIST_HANDLERS
from thulium_explore.sandbox._server import Headers, Server
from thulium_explore.sandbox._webhooks import (
    WEBHOOK_HANDLERS,
    Delivery,
    WebhookSender,
    assign_agent,
    before_call,
    events_of,
)

SAMPLE_USER = "api_user"
SAMPLE_PASSWORD = "api_pass"  # noqa: S105 - the documentation's sample credential

#: endpoint id → handler for every sandbox; endpoints not listed answer their documented example.
HANDLERS: dict[str, Handler] = {
    **LIST_HANDLERS,  # first: every paged {count, result} list pages a corpus unless a later entry answers it
    **CHAT_HANDLERS,
    **WEBHOOK_HANDLERS,
    **CAMPAIGN_HANDLERS,
    "temporary_files.upload": upload_temporary_file,
}
_MESSAGES_PL = {
    "auth": "Brak lub niepoprawne dane logowania (HTTP Basic) użytkownika API.",
    "not_found": "Nie znaleziono zasobu {path}.",
    "method": "Metoda {method} nie jest obsługiwana dla {path}; dozwolone: {allowed}.",
}


class SandboxServer:
    """A threaded local Thulium API, bound to 127.0.0.1 only.

    ``port=0`` picks a free port. ``seed`` makes uuids and request ids reproducible (for recording
    cassettes that do not change from run to run). ``handlers`` override or extend :data:`HANDLERS`
    by endpoint id. ``state`` holds what stateful handlers remember (``reset()`` forgets it).
    ``faults`` and ``latency`` (ms) make it misbehave on purpose (``_faults.py``; with ``seed``, the
    same way every run). Webhooks registered with ``webhooks.create`` are delivered to loopback URLs
    (``_webhooks.py``; ``webhook_deliveries``, ``wait_for_webhooks()``, ``assign_agent()``).

    :class:`thulium_explore.Sandbox` is this server plus ``client()``.

    >>> with SandboxServer() as sandbox:  # doctest: +SKIP
    ...     print(sandbox.base_url)
    http://127.0.0.1:40123
    """

    def __init__(
        self,
        port: int = 0,
        *,
        user: str = SAMPLE_USER,
        password: str = SAMPLE_PASSWORD,
        catalog: Catalog | None = None,
        seed: int | None = None,
        handlers: Mapping[str, Handler] | None = None,
        log: Callable[[str], None] | None = None,
        faults: Iterable[str | Fault] = (),
        latency: float = 0,
    ) -> None:
        if not isinstance(port, int) or not 0 <= port <= 65535:
            raise ValueError(f"port: {port!r} is not a port number 0-65535 (example: port=8765, or 0 for any)")
        if not user or not password:
            raise ValueError("user and password: must not be empty (example: user='api_user', password='api_pass')")
        self.port = port
        self.user = user
        self.password = password
        self.catalog = catalog or default_catalog()
        self.seed = seed
        self.handlers: dict[str, Handler] = {**HANDLERS, **(handlers or {})}
        self.log = log
        self.faults: FaultPlan | None = FaultPlan(faults, latency=latency, seed=seed) or None
        self.webhooks = WebhookSender(self.catalog, log)
        self.state: dict[str, Any] = {}
        self.lock = threading.Lock()
        self.calls: collections.deque[tuple[str, dict[str, Any]]] = collections.deque(maxlen=1000)
        self._rng = random.Random(seed)  # noqa: S311 - ids for a test server, reproducible on purpose
        pair = f"{user}:{password}"
        self._expected = [pair.encode("utf-8")] + (
            [pair.encode("latin-1")] if pair.isascii() is False and all(ord(c) < 256 for c in pair) else []
        )
        self._server: Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> Self:
        """Bind and serve in a background thread; returns self."""
        if self._server is not None:
            return self
        self._server = Server(self.port, self)
        self.webhooks.open()
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"thulium-sandbox-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close open keep-alive connections, release the port."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        with server.connections_lock:
            for conn in list(server.open_connections):
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self.webhooks.close()

    def reset(self) -> None:
        """Forget every conversation, webhook, delivery and recorded call (as if freshly started)."""
        with self.lock:
            self.state.clear()
            self.calls.clear()
            self.webhooks.clear()

    # -- webhooks -----------------------------------------------------------------------------

    @property
    def webhook_deliveries(self) -> list[Delivery]:
        """Every attempt to deliver a webhook so far (the last 1000), oldest first."""
        return list(self.webhooks.deliveries)

    def wait_for_webhooks(self, timeout: float = 10.0) -> bool:
        """Wait until every event so far was attempted; False when ``timeout`` seconds passed first."""
        return self.webhooks.wait(timeout)

    def assign_agent(self, conversation_id: str, agent_login: str = "jkowalski") -> None:
        """An agent takes the conversation (IN_PROGRESS): CHAT_AGENT_ASSIGNED goes to its webhooks.

        No API call does this (in Thulium, an agent takes the chat in the panel). ``ValueError`` for an
        unknown or closed conversation.
        """
        with self.lock:
            payload = assign_agent(self.state, conversation_id, agent_login, self.now())
            self.webhooks.emit(self.state, "CHAT_AGENT_ASSIGNED", payload)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (the port is known once started)."""
        return f"http://127.0.0.1:{self.port}"

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<{type(self).__name__} {self.base_url} user={self.user!r} {state}>"

    # -- answers ------------------------------------------------------------------------------

    def new_uuid(self) -> str:
        """A fresh uuid4 (reproducible when seeded)."""
        if self.seed is None:
            return str(uuid.uuid4())
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def new_request_id(self) -> str:
        """A request id shaped like the documented one (13 hex digits)."""
        bits = self._rng.getrandbits(52) if self.seed is not None else random.SystemRandom().getrandbits(52)
        return f"{bits:013x}"

    def now(self) -> str:
        """The current time as the docs write it: ``2017-12-11 10:23:04.318`` (fixed when seeded)."""
        moment = datetime(2024, 1, 1, 12, 0, 0) if self.seed is not None else datetime.now()
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]

    def authorised(self, header: str | None) -> bool:
        """True when the Authorization header carries this sandbox's Basic credentials."""
        scheme, _, credentials = (header or "").strip().partition(" ")
        if scheme.lower() != "basic":  # auth schemes are case-insensitive (RFC 9110, 11.1)
            return False
        try:
            sent = base64.b64decode(credentials.strip(), validate=True)
        except (binascii.Error, ValueError):
            return False
        # RFC 7617 says UTF-8; requests (like many clients) sends latin-1: accept either spelling
        return any(hmac.compare_digest(sent, expected) for expected in self._expected)

    def answer(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Reply:
        """The reply to one request (the HTTP layer only reads and writes bytes); header names ignore case."""
        headers = headers if isinstance(headers, Headers) else Headers(headers.items())
        polish = headers.get("Accept-Language", "").lower().startswith("pl")
        parts = urlsplit(target)
        path = parts.path
        if not self.authorised(headers.get("Authorization")):
            text = _MESSAGES_PL["auth"] if polish else "Missing or wrong HTTP Basic credentials of an API user."
            reply = error_reply(401, SANDBOX_CODES["unauthorized"], [text], self.new_request_id())
            reply.headers["WWW-Authenticate"] = 'Basic realm="Thulium API (sandbox)", charset="UTF-8"'
            return reply
        found = self.catalog.match(method, path)
        if found is None:
            allowed = sorted({endpoint.method for endpoint, _ in self.catalog.routes(path)})
            if allowed:
                text = (
                    _MESSAGES_PL["method"]
                    if polish
                    else "Method {method} is not allowed for {path}; allowed: {allowed}."
                ).format(method=method, path=path, allowed=", ".join(allowed))
                reply = error_reply(405, SANDBOX_CODES["method_not_allowed"], [text], self.new_request_id())
                reply.headers["Allow"] = ", ".join(allowed)
                return reply
            text = (_MESSAGES_PL["not_found"] if polish else "No such resource: {path}.").format(path=path)
            return error_reply(404, SANDBOX_CODES["not_found"], [text], self.new_request_id())
        endpoint, path_values = found
        params, problems = decode_params(self.catalog, endpoint, path_values, parts.query, body)
        named = {problem.split(":", 1)[0] for problem in problems}
        problems += [str(p) for p in _params.check(self.catalog, endpoint, params) if p.field not in named]
        if problems:
            return error_reply(400, SANDBOX_CODES["invalid_parameter"], problems, self.new_request_id())
        self.calls.append((endpoint.id, params))
        call = SandboxCall(
            endpoint, params, self.catalog, self.state, self.new_uuid, self.new_request_id, self.now, self.lock
        )
        handler = self.handlers.get(endpoint.id, documented_example)
        with self.lock:
            before = before_call(call)
            reply = handler(call)
            for event, payload in events_of(call, reply, before):
                self.webhooks.emit(self.state, event, payload)
            return reply


_JSON_SPACE = b" \t\r\n"  # RFC 8259's whitespace (bytes.strip() would also take \f and \v)
MAX_JSON_DEPTH = 64  # SANDBOX-ONLY: the docs state no limit; the API's parameters nest one or two levels
_TOO_DEEP = (
    f"(body): JSON nested more than {MAX_JSON_DEPTH} levels deep; the sandbox reads at most "
    f'{MAX_JSON_DEPTH} (example: {{"text": "Hello"}})'
)


def _depth_over(document: Any, limit: int) -> bool:
    """True when lists and objects nest deeper than ``limit`` (walked with a stack, not recursion)."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                return True
            stack.extend((item, depth + 1) for item in (value.values() if isinstance(value, dict) else value))
    return False


def decode_params(
    catalog: Catalog, endpoint: Endpoint, path_values: Mapping[str, str], query: str, body: bytes
) -> tuple[dict[str, Any], list[str]]:
    """Parameters from the path, the query string (``a[]``, ``a[k][0]``) and a JSON body, coerced by schema."""
    problems: list[str] = []
    params: dict[str, Any] = {}
    for name, value in path_values.items():
        param = endpoint.parameter(name)
        params[name] = _params.coerce_value(param.schema if param else {}, unquote(value))
    pairs = parse_qsl(query, keep_blank_values=True)
    if any(key.count("[") > MAX_JSON_DEPTH for key, _ in pairs):
        return params, [
            f"(query): a key nested more than {MAX_JSON_DEPTH} levels deep ([…][…]); the sandbox reads at most "
            f"{MAX_JSON_DEPTH} (example: chat_queue_id=3&tags[0]=a)"
        ]
    tree, clashes = decode_query(pairs)
    problems += [f"{'.'.join(place)}: {message}" for place, message in clashes]
    for name in list(tree):
        param = endpoint.parameter(name)
        if param is not None and param.location != "query":
            problems.append(f"{name}: is a {param.location} parameter, not a query parameter")
            del tree[name]
    resolved = catalog.resolve(endpoint.parameters_uri)
    try:
        params.update(_params.coerce_query(resolved.contents, resolved.resolver, tree))
    except ValueError as exc:  # int() refuses more than 4300 digits
        if "integer string conversion" not in str(exc):
            raise
        return params, [
            f"(query): a number longer than {sys.get_int_max_str_digits()} digits (example: chat_queue_id=3)"
        ]
    if endpoint.request_body == "json" and body.strip(_JSON_SPACE):  # only JSON's whitespace is no body
        try:
            document = json.loads(utf8_text(body))
        except RecursionError:
            return params, [_TOO_DEEP]
        except (UnicodeDecodeError, ValueError) as exc:
            return params, [f"(body): is not valid JSON ({str(exc)[:80]})"]
        if _depth_over(document, MAX_JSON_DEPTH):
            return params, [_TOO_DEEP]
        if not isinstance(document, dict):
            return params, ['(body): must be a JSON object of parameters (example: {"text": "Hello"})']
        for name, value in document.items():
            param = endpoint.parameter(name)
            if param is not None and param.location != "body":
                problems.append(f"{name}: is a {param.location} parameter, not a body parameter")
            else:
                params[name] = value
    elif endpoint.request_body == "raw":
        for param in endpoint.parameters:
            if param.location != "body":
                continue
            params[param.name] = body.decode("latin-1")
            if not body and param.required and int(param.schema.get("minLength", 0)) > 0:  # the schema's rule
                problems.append(
                    f"{param.name}: the file is missing: send its bytes as the raw request body "
                    "(example: curl --data-binary @invoice.pdf …)"
                )
    return params, problems
