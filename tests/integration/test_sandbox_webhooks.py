"""Webhooks from the sandbox: registered, listed, delivered to a receiver on 127.0.0.1, each payload as documented."""

from __future__ import annotations

import base64
import json
import logging
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests

from thulium_explore import Sandbox, ThuliumClient, check_webhook, default_catalog
from thulium_explore.cli import main

EVENTS = ["CHAT_CONVERSATION_CREATED", "CHAT_AGENT_ASSIGNED", "CHAT_CONVERSATION_CLOSED", "CUSTOMER_CREATED"]
EVENT_HEADER = "X-Thulium-Sandbox-Event"


class Receiver(ThreadingHTTPServer):
    """A webhook receiver on 127.0.0.1 that keeps every POST and answers ``status``."""

    daemon_threads = True

    def __init__(self, status: int = 204) -> None:
        self.status = status
        self.received: list[tuple[dict[str, str], Any]] = []
        super().__init__(("127.0.0.1", 0), _ReceiverHandler)
        threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/thulium-webhook"

    def events(self) -> list[str]:
        return [headers[EVENT_HEADER] for headers, _ in self.received]


class _ReceiverHandler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append(({k: v for k, v in self.headers.items()}, json.loads(body)))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=5) as server:
        yield server


def subscribe(client: ThuliumClient, url: str, actions: list[str] = EVENTS, **auth: str) -> dict[str, Any]:
    result = client.webhooks.create(actions=actions, subscription_url=url, **auth)
    assert result.status == 200 and result.outcome == "pass", result.verdict.lines()
    answer: dict[str, Any] = result.json
    return answer


def lifecycle(sandbox: Sandbox, client: ThuliumClient) -> str:
    """Start a chat, have an agent take it, stop it twice, create a customer; wait for the deliveries."""
    started = client.chat_conversations.start(chat_queue_id=3, client_name="Jan", client_email="jan@example.org")
    conversation_id: str = started.json["conversation_id"]
    sandbox.assign_agent(conversation_id, "jkowalski")
    client.chat_conversations.stop(id=conversation_id).raise_for_status()
    client.chat_conversations.stop(id=conversation_id).raise_for_status()  # already closed: no second event
    client.customers.create(surname="Kowalski", company_id=12).raise_for_status()
    assert sandbox.wait_for_webhooks(timeout=20)
    return conversation_id


def test_each_event_is_posted_with_the_documented_payload_and_the_registered_auth(
    sandbox: Sandbox, receiver: Receiver
) -> None:
    client = sandbox.client()
    hook = subscribe(client, receiver.url, http_auth_user="thulium", http_auth_password="s3cret")
    assert hook == {
        "id": 1,
        "actions": EVENTS,
        "subscription_url": receiver.url,
        "http_auth_user": "thulium",
        "http_auth_password": "s3cret",
    }
    conversation_id = lifecycle(sandbox, client)
    assert receiver.events() == EVENTS  # in the order they happened, CLOSED once
    basic = "Basic " + base64.b64encode(b"thulium:s3cret").decode()
    for (headers, payload), event in zip(receiver.received, EVENTS, strict=True):
        assert headers["Authorization"] == basic
        assert headers["Content-Type"] == "application/json; charset=utf-8"
        verdict = check_webhook(payload, event=event)
        assert verdict.outcome == "pass", verdict.lines()  # no violation and no drift
    created, assigned, closed, customer = (payload for _, payload in receiver.received)
    assert created == {
        "conversation_id": conversation_id,
        "client_name": "Jan",
        "client_email": "jan@example.org",
        "date": "2024-01-01 12:00:00",
        "chat_queue_id": 3,
    }
    assert assigned["agent_login"] == "jkowalski" and assigned["conversation_id"] == conversation_id
    assert closed == {"conversation_id": conversation_id, "date": "2024-01-01 12:00:00", "chat_queue_id": 3}
    assert customer == {"customer_id": 273, "company_id": 12}
    chats = client.chats.list().json["result"]
    assert [(c["status"], c["user_login"]) for c in chats if c["conversation_id"] == conversation_id] == [
        ("CLOSED", "jkowalski")
    ]
    assert [d.ok for d in sandbox.webhook_deliveries] == [True] * 4


def test_every_delivered_payload_passes_verify_webhook(
    sandbox: Sandbox, receiver: Receiver, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    subscribe(sandbox.client(), receiver.url)
    lifecycle(sandbox, sandbox.client())
    assert len(receiver.received) == 4
    for index, (headers, payload) in enumerate(receiver.received):
        path = tmp_path / f"payload{index}.json"
        path.write_text(json.dumps(payload), encoding="utf-8")
        assert main(["verify-webhook", str(path), "--event", headers[EVENT_HEADER]]) == 0
        out = capsys.readouterr().out
        assert f"event: {headers[EVENT_HEADER]} (given)" in out and "payload: pass" in out


def test_only_the_subscribed_events_reach_each_webhook_and_no_auth_when_none_registered(
    sandbox: Sandbox, receiver: Receiver
) -> None:
    client = sandbox.client()
    subscribe(client, receiver.url, ["CHAT_CONVERSATION_CLOSED"])
    lifecycle(sandbox, client)
    assert receiver.events() == ["CHAT_CONVERSATION_CLOSED"]
    assert "Authorization" not in receiver.received[0][0]


def test_a_failed_delivery_is_logged_not_fatal(
    sandbox: Sandbox, receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    client = sandbox.client()
    receiver.status = 500
    subscribe(client, f"http://127.0.0.1:{closed_port()}/gone", ["CHAT_CONVERSATION_CREATED"])
    subscribe(client, receiver.url, ["CHAT_CONVERSATION_CREATED"])
    subscribe(client, "https://example.org/thulium-webhook", ["CHAT_CONVERSATION_CREATED"])  # the docs' example
    with caplog.at_level(logging.WARNING, logger="thulium_explore.sandbox"):
        assert client.chat_conversations.start(chat_queue_id=3).status == 200  # the call is not held up
        assert sandbox.wait_for_webhooks(timeout=20)
    refused, answered_500, elsewhere = sandbox.webhook_deliveries
    assert refused.status is None and "ConnectionRefusedError" in (refused.error or "")
    assert answered_500.status == 500 and not answered_500.ok
    assert elsewhere.status is None and elsewhere.error == (
        "example.org is not loopback; the sandbox delivers only to 127.0.0.1, ::1, localhost"
    )
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 3 and all("CHAT_CONVERSATION_CREATED" in line and "not delivered" in line for line in lines)
    assert len(receiver.received) == 1  # the receiver did get it, and said 500
    assert client.chats.list().status == 200  # the sandbox goes on


def test_webhooks_are_stored_in_sandbox_state_and_reset_forgets_them(sandbox: Sandbox, receiver: Receiver) -> None:
    client = sandbox.client()
    first = subscribe(client, receiver.url, ["CUSTOMER_CREATED"])
    second = subscribe(client, "http://localhost:9/other", ["CHAT_CONVERSATION_CREATED"])
    assert (first["id"], second["id"]) == (1, 2)
    assert sorted(sandbox.state["webhooks"]) == [1, 2]
    sandbox.reset()
    client.customers.create(surname="Nowak")
    assert sandbox.wait_for_webhooks(timeout=20)
    assert receiver.received == [] and sandbox.webhook_deliveries == []


def test_webhooks_list_answers_the_registered_webhooks(sandbox: Sandbox, receiver: Receiver) -> None:
    if "webhooks.list" not in default_catalog():
        pytest.fail("webhooks.list has no schema in the catalog yet (the catalog helper adds it)")
    client = sandbox.client()
    assert client.call("webhooks.list").json == []
    hooks = [subscribe(client, receiver.url, ["CUSTOMER_CREATED"]), subscribe(client, receiver.url, EVENTS)]
    listed = client.call("webhooks.list")
    assert listed.status == 200 and listed.outcome == "pass", listed.verdict.lines()
    assert listed.json == hooks
    raw = requests.get(sandbox.base_url + "/api/webhooks", auth=("api_user", "api_pass"), timeout=5)
    assert raw.json() == hooks


def test_an_agent_cannot_take_an_unknown_or_closed_conversation(sandbox: Sandbox) -> None:
    client = sandbox.client()
    with pytest.raises(ValueError, match=r"^conversation_id: no conversation 'nope' in this sandbox"):
        sandbox.assign_agent("nope")
    conversation_id = client.chat_conversations.start(chat_queue_id=3).json["conversation_id"]
    client.chat_conversations.stop(id=conversation_id)
    with pytest.raises(ValueError, match=r"is closed; start a new one"):
        sandbox.assign_agent(conversation_id)
    with pytest.raises(ValueError, match=r"^agent_login: must be a non-empty login"):
        sandbox.assign_agent(conversation_id, " ")


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
