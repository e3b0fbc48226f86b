"""Recent values for linked parameters: the dropdown beside a field, form.suggestions(), and when it follows."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from thulium_explore import Connection, ThuliumClient, connect, default_catalog
from thulium_explore.client import Memory, default_memory
from thulium_explore.forms import EndpointForm, History, ModeSwitch, SuggestionBox, _suggest

UUID_A = "6ed7c941-2c8a-411e-95d2-338a9f64800a"
UUID_B = "0b0e5c1a-1111-4222-8333-444455556666"


def client_with(memory: Memory | None) -> ThuliumClient:
    return ThuliumClient("http://127.0.0.1:9", "api_user", "api_pass", memory=memory, timeout=2)


def box_of(form: EndpointForm, name: str) -> SuggestionBox:
    (box,) = [f.suggest for f in form.fields if f.spec.name == name and f.suggest is not None]
    return box


def start_answer(memory: Memory, conversation_id: str, when: float) -> None:
    """What the client does with a 2xx start answer (client/_client.py)."""
    memory.remember(default_catalog()["chat_conversations.start"], {"conversation_id": conversation_id}, when=when)


@pytest.fixture
def conn() -> Iterator[Connection]:
    default_memory().forget()
    with connect("sandbox", environ={}) as c:
        yield c
    default_memory().forget()


def test_right_after_a_start_the_message_form_offers_that_conversation(conn: Connection) -> None:
    conversation = conn.client.send("chat_conversations.start", {"chat_queue_id": 3}).json["conversation_id"]
    form = EndpointForm(conn, "chat_conversations.message", history=History())
    (first,) = form.suggestions("id")
    assert first.value == conversation
    assert first.source_endpoint == "chat_conversations.start"
    box = box_of(form, "id")
    labels = [label for label, _ in box.widget.options]
    assert labels[0] == "recent values (1)"
    assert labels[1].startswith(f"{conversation} (from chat_conversations.start, ")
    assert "id" not in form.values  # offered, not filled
    box.widget.value = 0  # the user picks it
    assert form.values["id"] == conversation  # the field shows what will be sent
    assert form._by_path[("id",)].editor.value == conversation
    assert box.widget.value is None  # the dropdown is back at its prompt
    form.set(text="hello")
    assert form.submit().status == 200  # the picked id is a conversation the sandbox knows


def test_most_recent_first_with_where_each_came_from() -> None:
    memory = Memory()
    start_answer(memory, UUID_A, when=1_000.0)
    start_answer(memory, UUID_B, when=2_000.0)
    form = EndpointForm(client_with(memory), "chat_conversations.message")
    assert [s.value for s in form.suggestions("id")] == [UUID_B, UUID_A]
    options = box_of(form, "id").widget.options
    assert [value for _, value in options] == [None, 0, 1]
    assert options[1][0].startswith(f"{UUID_B} (from chat_conversations.start")
    assert options[2][0].startswith(f"{UUID_A} (from chat_conversations.start")
    box_of(form, "id").choose(1)
    assert form.values["id"] == UUID_A


def test_a_form_opened_before_the_start_follows_sends_from_any_form(conn: Connection) -> None:
    message = EndpointForm(conn, "chat_conversations.message")
    box = box_of(message, "id")
    assert box.widget.options == (("no recent values yet", None),)
    assert box.widget.disabled
    start = EndpointForm(conn, "chat_conversations.start").set(chat_queue_id=3)
    conversation = start.submit().json["conversation_id"]
    assert not box.widget.disabled  # refreshed by the other form's send, no cell run needed
    assert box.widget.options[1][0].startswith(conversation)


def test_a_start_sent_in_code_shows_after_the_cell_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    registered: list[tuple[str, Any]] = []
    shell = SimpleNamespace(events=SimpleNamespace(register=lambda event, fn: registered.append((event, fn))))
    monkeypatch.setattr(_suggest, "_HOOKED", False)
    monkeypatch.setattr("IPython.get_ipython", lambda: shell)
    memory = Memory()
    form = EndpointForm(client_with(memory), "chat_conversations.message")
    assert [event for event, _ in registered] == ["post_execute"]
    start_answer(memory, UUID_A, when=1_000.0)  # what client.chat_conversations.start(...) in a cell does
    assert box_of(form, "id").widget.options == (("no recent values yet", None),)  # not yet: the cell runs
    registered[0][1]()  # the cell finished
    assert box_of(form, "id").widget.options[1][0].startswith(UUID_A)


def test_no_memory_no_suggestions_and_unknown_fields_are_named() -> None:
    form = EndpointForm(client_with(None), "chat_conversations.message")
    assert form.suggestions("id") == []
    assert box_of(form, "id").widget.disabled
    assert form.suggestions("text") == []  # no link feeds it: no dropdown either
    assert all(f.suggest is None for f in form.fields if f.spec.name == "text")
    with pytest.raises(ValueError, match="no field 'conversation_id'"):
        form.suggestions("conversation_id")


def test_a_mode_switch_not_connected_reads_the_kernel_memory() -> None:
    default_memory().forget()
    try:
        start_answer(default_memory(), UUID_B, when=3_000.0)
        form = EndpointForm(ModeSwitch(environ={}), "chat_conversations.message")  # nothing connects here
        assert [s.value for s in form.suggestions("id")] == [UUID_B]
    finally:
        default_memory().forget()


def test_links_decide_which_fields_get_a_dropdown() -> None:
    catalog = default_catalog()
    fed = {(link.target, link.parameter) for e in catalog for link in e.links}
    for endpoint_id in ("chat_conversations.message", "chat_conversations.start"):
        form = EndpointForm(client_with(Memory()), endpoint_id).show_all_fields()
        with_box = {f.spec.name for f in form.fields if f.suggest is not None}
        assert with_box == {f.spec.name for f in form.fields if (endpoint_id, f.spec.name) in fed}
    assert ("chat_conversations.message", "id") in fed
