"""The sandbox's chat lifecycle: start → message → stop, the history read back, content deletion."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from thulium_explore import Sandbox, ThuliumClient
from thulium_explore.sandbox import SANDBOX_CODES

AUTH = ("api_user", "api_pass")


@pytest.fixture
def client(sandbox: Sandbox) -> ThuliumClient:
    return sandbox.client()


def start(client: ThuliumClient, **params: Any) -> str:
    result = client.chat_conversations.start(**{"chat_queue_id": 3, **params})
    assert result.status == 200 and result.verdict.ok
    return str(result.json["conversation_id"])


def history(client: ThuliumClient, **params: Any) -> dict[str, Any]:
    result = client.chats.list(**params)
    assert result.status == 200
    assert result.verdict.ok, result.verdict.lines()
    return dict(result.json)


def test_the_documented_lifecycle_start_message_stop_then_read_back(client: ThuliumClient) -> None:
    conversation = start(
        client, client_name="Zofia", client_surname="Wiśniewska", client_email="zofia@example.org", customer_id=2
    )
    listed = history(client)
    assert listed["count"] == 1
    assert listed["result"][0]["status"] == "CREATED" and listed["result"][0]["closed_at"] is None
    for text in ("Dzień dobry!", "Mam pytanie o zamówienie."):
        sent = client.chat_conversations.message(id=conversation, text=text)
        assert sent.status == 200 and sent.text == "" and sent.verdict.ok
    stopped = client.chat_conversations.stop(id=conversation)
    assert stopped.status == 200 and stopped.text == "" and stopped.verdict.ok
    closed = history(client, include_messages=True)
    assert closed["count"] == 1
    item = closed["result"][0]
    assert item["conversation_id"] == conversation
    assert item["status"] == "CLOSED" and item["closed_at"] is not None
    assert item["chat_queue_id"] == 3 and item["customer_id"] == 2
    assert item["client_name"] == "Zofia Wiśniewska" and item["client_email"] == "zofia@example.org"
    assert [m["text"] for m in item["messages"]] == ["Dzień dobry!", "Mam pytanie o zamówienie."]
    assert {m["sent_by"] for m in item["messages"]} == {"customer"}
    assert "messages" not in history(client)["result"][0]  # only with include_messages


def test_the_history_with_messages_has_no_drift_every_message_field_is_in_the_schema(client: ThuliumClient) -> None:
    conversation = start(client)
    client.chat_conversations.message(id=conversation, text="Dzień dobry")
    result = client.chats.list(include_messages=True)
    assert set(result.json["result"][0]["messages"][0]) == {"sent_by", "text", "created_at"}
    assert (result.verdict.label, result.verdict.drift) == ("pass", [])
    items = client.catalog["chats.list"].document["$defs"]["response_200"]["properties"]["result"]["items"]
    message = items["properties"]["messages"]["items"]["properties"]
    for inferred in ("text", "created_at"):  # what the sandbox adds beyond the docs is marked as such
        assert message[inferred]["x-provenance"] == "inferred" and "Inferred" in message[inferred]["description"]


def test_deleting_content_empties_the_chosen_sides_messages(client: ThuliumClient) -> None:
    conversation = start(client)
    client.chat_conversations.message(id=conversation, text="od klienta")
    client.chat_conversations.message(
        id=conversation, text="od bota", external_chatbot_id="0b5e5ad5-1c8c-4b52-9d6f-5a8f0c9c1e11"
    )

    def texts() -> list[tuple[str, str]]:
        item = history(client, include_messages=True)["result"][0]
        return [(m["sent_by"], m["text"]) for m in item["messages"]]

    assert texts() == [("customer", "od klienta"), ("chatbot", "od bota")]
    assert client.chat_conversations.delete_content(id=conversation, participant="user").status == 200
    assert texts() == [("customer", "od klienta"), ("chatbot", "")]
    assert client.chat_conversations.delete_content(id=conversation, participant="customer").status == 200
    assert texts() == [("customer", ""), ("chatbot", "")]


def test_deleting_both_sides_and_then_the_conversation(client: ThuliumClient) -> None:
    conversation = start(client)
    client.chat_conversations.message(id=conversation, text="tajemnica")
    client.chat_conversations.delete_content(id=conversation, participant="both")
    assert history(client, include_messages=True)["result"][0]["messages"][0]["text"] == ""
    assert client.chat_conversations.delete(id=conversation).status == 200
    assert history(client) == {"count": 0, "result": []}


def _error_code(result: Any) -> int:
    return int(result.json["errors"][0]["code"])


def test_an_unknown_conversation_gets_404_with_the_error_object(client: ThuliumClient) -> None:
    unknown = "6ed7c941-2c8a-411e-95d2-338a9f64800a"
    for result in (
        client.chat_conversations.message(id=unknown, text="x"),
        client.chat_conversations.stop(id=unknown),
        client.chat_conversations.delete_content(id=unknown, participant="both"),
        client.chat_conversations.delete(id=unknown),
    ):
        assert result.status == 404
        assert result.verdict.ok  # the documented error object
        assert _error_code(result) == SANDBOX_CODES["not_found"]
        assert unknown in result.json["errors"][0]["message"]


def test_a_closed_conversation_takes_no_messages_and_stopping_twice_is_harmless(client: ThuliumClient) -> None:
    conversation = start(client)
    assert client.chat_conversations.stop(id=conversation).status == 200
    closed_at = history(client)["result"][0]["closed_at"]
    assert client.chat_conversations.stop(id=conversation).status == 200
    assert history(client)["result"][0]["closed_at"] == closed_at
    refused = client.chat_conversations.message(id=conversation, text="za późno")
    assert refused.status == 409 and _error_code(refused) == SANDBOX_CODES["conversation_closed"]


def test_the_history_filters_by_status_and_queue_and_pages_with_count(client: ThuliumClient) -> None:
    ids = [start(client, chat_queue_id=q) for q in (3, 3, 5, 3)]
    client.chat_conversations.stop(id=ids[1])
    assert [c["conversation_id"] for c in history(client, status="CLOSED")["result"]] == [ids[1]]
    assert [c["conversation_id"] for c in history(client, chat_queue_id=5)["result"]] == [ids[2]]
    page = history(client, limit=2, offset=1)
    assert page["count"] == 4
    assert [c["conversation_id"] for c in page["result"]] == ids[1:3]
    today = history(client)["result"][0]["created_at"][:10]
    assert history(client, date_from=today, date_to=today)["count"] == 4
    assert history(client, date_to="2000-01-01")["count"] == 0


def test_each_sandbox_has_its_own_state_and_reset_forgets_it() -> None:
    with Sandbox() as first, Sandbox() as second:
        start(first.client())
        assert history(second.client())["count"] == 0
        assert history(first.client())["count"] == 1
        first.reset()
        assert history(first.client())["count"] == 0


def test_other_endpoints_still_answer_their_documented_examples(sandbox: Sandbox) -> None:
    answer = requests.get(sandbox.base_url + "/api/agents/jkowalski/status", auth=AUTH, timeout=5)
    assert answer.status_code == 200
    assert set(answer.json()) >= {"login", "status"}


def test_the_lifecycle_replays_from_the_committed_cassette() -> None:
    from pathlib import Path

    from thulium_explore import recorder

    cassette = Path(__file__).resolve().parents[2] / "cassettes" / "chat_lifecycle.yaml"
    with recorder(cassette, "replay"):
        client = ThuliumClient("https://your-system-name.thulium.com", "api_user", "api_pass")
        conversation = client.chat_conversations.start(
            chat_queue_id=3, client_name="Anna", client_surname="Nowak", client_email="anna@firma.pl"
        ).json["conversation_id"]
        client.chat_conversations.message(id=conversation, text="pierwsza")
        client.chat_conversations.message(id=conversation, text="druga")
        client.chat_conversations.stop(id=conversation)
        closed = client.chats.list(status="CLOSED", include_messages=True)
    assert closed.verdict.ok
    item = closed.json["result"][0]
    assert item["conversation_id"] == conversation and item["status"] == "CLOSED"
    assert [m["text"] for m in item["messages"]] == ["Text1", "Text2"]  # placeholders, never the real texts
