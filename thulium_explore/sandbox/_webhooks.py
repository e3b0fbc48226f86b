"""Webhooks from the sandbox: registered with ``webhooks.create``, listed by ``webhooks.list``, POSTed on events.

What the docs leave open, the sandbox decides — these are SANDBOX behaviours, not Thulium facts:

* a registered webhook is ``{"id", "actions", "subscription_url", "http_auth_user",
  "http_auth_password"}`` (the documented answer), ids counting from 1; ``webhooks.list`` answers
  them all as a bare array, in registration order;
* the events, each POSTed to every webhook whose ``actions`` names it, with the documented payload
  fields only (``schemas/webhooks/``; dates written ``2017-12-11 10:23:04``):

  - ``CHAT_CONVERSATION_CREATED`` — ``chat_conversations.start`` answered 2xx;
  - ``CHAT_AGENT_ASSIGNED`` — ``sandbox.assign_agent(conversation_id, "jkowalski")``: no API call
    assigns an agent (in Thulium an agent takes the chat in the panel), so Python does it here; the
    conversation becomes ``IN_PROGRESS`` with that ``user_login``;
  - ``CHAT_CONVERSATION_CLOSED`` — ``chat_conversations.stop`` closed an open conversation (stopping
    twice sends one event);
  - ``CUSTOMER_CREATED`` — ``customers.create`` answered 2xx (``customers.batch_create`` answers no
    ids, so it sends none);

* how a payload names its event is not documented: the payload carries only the documented fields,
  and the header ``X-Thulium-Sandbox-Event`` (SANDBOX-ONLY) names the event;
* delivery: one background thread, in event order, ``POST`` with ``Content-Type: application/json;
  charset=utf-8`` and the registered ``http_auth_user``/``http_auth_password`` as Basic auth (none
  when both are empty), a 5 s timeout, no redirect followed, no proxy, no retry; only to loopback
  hosts (127.0.0.0/8, ::1, ``localhost``): the sandbox's data is made up and it never sends it
  further than this machine. A webhook to any other host is registered and listed but not delivered.
  Every attempt is kept in ``sandbox.webhook_deliveries``; a failure (refused, timeout, non-2xx, not
  loopback) is logged (logger ``thulium_explore.sandbox``, and the sandbox's ``log``), never raised.
"""

from __future__ import annotations

import base64
import collections
import http.client
import ipaddress
import json
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from thulium_explore._version import __version__
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.contract._webhooks import webhook_events
from thulium_explore.sandbox._handlers import Reply, SandboxCall, success_status

EVENT_HEADER = "X-Thulium-Sandbox-Event"  # SANDBOX-ONLY: the docs do not say how an event is named
DELIVERY_TIMEOUT = 5.0
logger = logging.getLogger("thulium_explore.sandbox")


def _webhooks(state: dict[str, Any]) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = state.setdefault("webhooks", {})
    return found


def register(call: SandboxCall) -> Reply:
    """``webhooks.create``: store the webhook and answer it with its new id."""
    hooks = _webhooks(call.state)
    webhook_id = max(hooks, default=0) + 1
    record = {
        "id": webhook_id,
        "actions": [str(a) for a in call.params["actions"]],
        "subscription_url": str(call.params["subscription_url"]),
        "http_auth_user": str(call.params.get("http_auth_user", "")),
        "http_auth_password": str(call.params.get("http_auth_password", "")),
    }
    hooks[webhook_id] = record
    return Reply(success_status(call.endpoint), dict(record))


def list_webhooks(call: SandboxCall) -> Reply:
    """``webhooks.list``: every registered webhook, a bare array (as documented)."""
    return Reply(success_status(call.endpoint), [dict(h) for h in _webhooks(call.state).values()])


WEBHOOK_HANDLERS = {"webhooks.create": register, "webhooks.list": list_webhooks}


# -- events -----------------------------------------------------------------------------------


def before_call(call: SandboxCall) -> Any:
    """What an event needs to know from before the call: whether a stopped conversation was open."""
    if call.endpoint.id == "chat_conversations.stop":
        conversation = call.state.get("conversations", {}).get(str(call.params.get("id", "")).lower())
        return None if conversation is None else conversation.get("status")
    return None


def events_of(call: SandboxCall, reply: Reply, before: Any) -> list[tuple[str, dict[str, Any]]]:
    """The events a call caused: ``(EVENT, payload)`` pairs (nothing for an answer that is not 2xx)."""
    if not 200 <= reply.status < 300:
        return []
    params, body, date = call.params, reply.body, call.now()[:19]
    endpoint_id = call.endpoint.id
    if endpoint_id == "chat_conversations.start" and isinstance(body, Mapping) and "conversation_id" in body:
        name = " ".join(str(params[k]) for k in ("client_name", "client_surname") if params.get(k))
        return [
            (
                "CHAT_CONVERSATION_CREATED",
                {
                    "conversation_id": body["conversation_id"],
                    "client_name": name,
                    "client_email": str(params.get("client_email", "")),
                    "date": date,
                    "chat_queue_id": params["chat_queue_id"],
                },
            )
        ]
    if endpoint_id == "chat_conversations.stop" and before not in (None, "CLOSED"):
        conversation = call.state.get("conversations", {}).get(str(params["id"]).lower(), {})
        if conversation.get("status") == "CLOSED":
            payload = {"conversation_id": conversation["conversation_id"], "date": date}
            return [("CHAT_CONVERSATION_CLOSED", {**payload, "chat_queue_id": conversation["chat_queue_id"]})]
    if endpoint_id == "customers.create" and isinstance(body, Mapping) and "customer_id" in body:
        return [("CUSTOMER_CREATED", {"customer_id": body["customer_id"], "company_id": params.get("company_id", "")})]
    return []


def assign_agent(state: dict[str, Any], conversation_id: str, agent_login: str, date: str) -> dict[str, Any]:
    """Mark the conversation IN_PROGRESS with ``agent_login``; the CHAT_AGENT_ASSIGNED payload.

    ``ValueError`` for an unknown or closed conversation, or an empty login.
    """
    if not isinstance(agent_login, str) or not agent_login.strip():
        raise ValueError("agent_login: must be a non-empty login (example: agent_login='jkowalski')")
    conversation = state.get("conversations", {}).get(str(conversation_id).lower())
    if conversation is None:
        raise ValueError(
            f"conversation_id: no conversation {conversation_id!r} in this sandbox "
            "(start one with chat_conversations.start)"
        )
    if conversation["status"] == "CLOSED":
        raise ValueError(f"conversation_id: conversation {conversation_id} is closed; start a new one")
    conversation["status"], conversation["user_login"] = "IN_PROGRESS", agent_login
    return {
        "conversation_id": conversation["conversation_id"],
        "agent_login": agent_login,
        "date": date[:19],
        "chat_queue_id": conversation["chat_queue_id"],
    }


# -- delivery ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Delivery:
    """One attempt to deliver an event: ``status`` is the receiver's HTTP status, or None with ``error``."""

    webhook_id: int
    event: str
    url: str  # scheme, host, port and path: no credentials, no query
    payload: Mapping[str, Any]
    status: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost`` (where the sandbox delivers)."""
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class WebhookSender:
    """Queues events and POSTs them, one background thread per sandbox, in the order they happened."""

    def __init__(
        self, catalog: Catalog, log: Callable[[str], None] | None = None, timeout: float = DELIVERY_TIMEOUT
    ) -> None:
        self.catalog = catalog
        self.log = log
        self.timeout = timeout
        self.deliveries: collections.deque[Delivery] = collections.deque(maxlen=1000)
        self._queue: collections.deque[tuple[dict[str, Any], str, dict[str, Any]]] = collections.deque()
        self._changed = threading.Condition()
        self._busy = False
        self._thread: threading.Thread | None = None
        self._closed = False

    def emit(self, state: dict[str, Any], event: str, payload: Mapping[str, Any]) -> None:
        """Queue ``payload`` for every webhook subscribed to ``event`` (only its documented fields)."""
        documented = webhook_events(self.catalog).get(event)
        fields = documented.fields if documented is not None else tuple(payload)
        body = {k: v for k, v in payload.items() if k in fields}
        hooks = [dict(h) for h in _webhooks(state).values() if event in h["actions"]]
        if not hooks:
            return
        with self._changed:
            if self._closed:
                return
            self._queue.extend((hook, event, body) for hook in hooks)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="thulium-sandbox-webhooks", daemon=True)
                self._thread.start()
            self._changed.notify_all()

    def wait(self, timeout: float = 10.0) -> bool:
        """Wait until every queued event was attempted; False if ``timeout`` seconds passed first."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._queue and not self._busy, timeout)

    def open(self) -> None:
        """Deliver again after :meth:`close` (the sandbox was started again)."""
        with self._changed:
            self._closed = False

    def close(self) -> None:
        """Stop the thread after the attempt in progress; events still queued are dropped (and logged)."""
        with self._changed:
            self._closed = True
            dropped = len(self._queue)
            self._queue.clear()
            self._changed.notify_all()
            thread = self._thread
        if dropped:
            self._report(f"webhooks: {dropped} queued event(s) not delivered: the sandbox stopped", failed=True)
        if thread is not None:
            thread.join(timeout=self.timeout + 1)
        with self._changed:
            self._thread = None if thread is None or not thread.is_alive() else thread

    def clear(self) -> None:
        """Forget the attempts (``sandbox.reset()``)."""
        self.deliveries.clear()

    def _run(self) -> None:
        while True:
            with self._changed:
                self._busy = False
                self._changed.notify_all()
                self._changed.wait_for(lambda: self._queue or self._closed)
                if self._closed:
                    return
                hook, event, body = self._queue.popleft()
                self._busy = True
            delivery = self._deliver(hook, event, body)
            self.deliveries.append(delivery)
            where = f"webhook {delivery.webhook_id} {event} -> {delivery.url}"
            if delivery.ok:
                self._report(f"{where}: HTTP {delivery.status}", failed=False)
            else:
                self._report(f"{where}: not delivered ({delivery.error or f'HTTP {delivery.status}'})", failed=True)

    def _report(self, line: str, *, failed: bool) -> None:
        (logger.warning if failed else logger.info)("%s", line)
        if self.log is not None:
            self.log(line)

    def _deliver(self, hook: Mapping[str, Any], event: str, body: Mapping[str, Any]) -> Delivery:
        url = str(hook["subscription_url"])
        parts = urlsplit(url)
        try:
            host, port = parts.hostname or "", parts.port
        except ValueError:  # a port that is not a number
            host, port = "", None
        shown = f"{parts.scheme}://{host}{f':{port}' if port else ''}{parts.path}" if host else "(not a URL)"
        attempt = Delivery(int(hook["id"]), event, shown, dict(body))
        if parts.scheme not in ("http", "https") or not host:
            return _failed(attempt, "subscription_url is not an http(s) URL (example: http://127.0.0.1:8000/hook)")
        if not is_loopback(host):
            return _failed(attempt, f"{host} is not loopback; the sandbox delivers only to 127.0.0.1, ::1, localhost")
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": f"thulium-explore-sandbox/{__version__}",
            EVENT_HEADER: event,
        }
        if hook.get("http_auth_user") or hook.get("http_auth_password"):
            pair = f"{hook.get('http_auth_user', '')}:{hook.get('http_auth_password', '')}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        connection = kind(host, port, timeout=self.timeout)
        try:
            connection.request("POST", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), data, headers)
            response = connection.getresponse()
            response.read(64 * 1024)
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            return _failed(attempt, f"{type(exc).__name__}: {str(exc)[:120] or 'no answer'}")
        finally:
            connection.close()
        return Delivery(attempt.webhook_id, event, shown, attempt.payload, status=status)


def _failed(attempt: Delivery, error: str) -> Delivery:
    return Delivery(attempt.webhook_id, attempt.event, attempt.url, attempt.payload, error=error)
