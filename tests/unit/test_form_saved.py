"""Saved calls from the forms: form.save(), EndpointForm.load(), the explorer's Save button and Saved picker."""

from __future__ import annotations

from pathlib import Path

import pytest

from thulium_explore import ConfigError
from thulium_explore.connection._saved import load_call, save_call, saved_calls
from thulium_explore.forms import DEFAULT_RECIPE, EndpointForm, History, explore

from .forms_support import offline_client

UUID = "6ed7c941-2c8a-411e-95d2-338a9f64800a"


def start_form() -> EndpointForm:
    return EndpointForm(offline_client(), "chat_conversations.start", history=History())


def test_save_appends_the_current_call_and_load_gives_it_back(tmp_path: Path) -> None:
    path = tmp_path / "recipes" / "mine.yaml"
    form = start_form().set(chat_queue_id=3, client_id="1234")
    saved = form.save(path, name="start-jan")
    assert saved.name == "start-jan"
    assert saved.calls == (("chat_conversations.start", {"chat_queue_id": 3, "client_id": "1234"}),)
    assert load_call(path, "start-jan") == ("chat_conversations.start", form.values)  # what Send would send
    assert "Saved <b>start-jan</b>" in form.save_status.value
    assert f"thulium-explore record {path}" in form.save_status.value
    form.set(chat_queue_id=4).save(path, name="start-feb")
    assert [s.name for s in saved_calls(path)] == ["start-jan", "start-feb"]  # appended, not rewritten

    loaded = EndpointForm.load(path, "start-feb", offline_client())
    assert loaded.endpoint.id == "chat_conversations.start"
    assert loaded.values == {"chat_queue_id": 4, "client_id": "1234"}


def test_a_refusal_is_one_line_in_the_form_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "recipes" / "mine.yaml"
    form = EndpointForm(offline_client(), "chat_conversations.message").set(id=UUID, text="Hello, it is Jan")
    with pytest.raises(ConfigError, match="text"):
        form.save(path, name="hello")
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []  # not even the recipes/ folder made for it
    line = form.save_status.value
    assert "⚠" in line and "text" in line and "include_personal" in line
    assert "Traceback" not in line and "<br>" not in line and "\n" not in line

    form.save(path, name="hello", include_personal=True)  # asked for: saved as shown
    assert load_call(path, "hello")[1] == {"id": UUID, "text": "Hello, it is Jan"}
    with pytest.raises(ConfigError, match="already saved"):
        form.save(path, name="HELLO", include_personal=True)
    assert "already saved" in form.save_status.value


def test_a_chain_saved_with_a_placeholder_loads_as_shown(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    start_form().set(chat_queue_id=3).save(path, name="chat-jan")
    message = EndpointForm(offline_client(), "chat_conversations.message").set(id="${conversation_id}")
    saved = message.save(path, name="chat-jan", append=True)
    assert [endpoint for endpoint, _ in saved.calls] == ["chat_conversations.start", "chat_conversations.message"]
    loaded = EndpointForm.load(path, "chat-jan", offline_client(), index=1)
    assert loaded.values == {"id": "${conversation_id}"}  # shown as saved; the form says it is not a uuid yet
    assert "$.id" in loaded.errors


def test_the_explorer_saves_lists_and_loads_saved_calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    explorer = explore(offline_client())
    row = explorer.saved
    assert row.path.value == DEFAULT_RECIPE == "recipes/saved.yaml"
    assert row.picker.options == (("no saved calls in recipes/saved.yaml yet", None),)
    assert row.picker.disabled

    explorer.form.set(chat_queue_id=3)
    row.name.value = "start-jan"
    row.button.click()
    assert load_call(tmp_path / DEFAULT_RECIPE, "start-jan") == ("chat_conversations.start", {"chat_queue_id": 3})
    assert "Saved <b>start-jan</b>" in row.status.value
    assert row.picker.options == (
        ("saved calls in recipes/saved.yaml (1)", None),
        ("start-jan — chat_conversations.start", "start-jan"),
    )

    save_call(tmp_path / DEFAULT_RECIPE, "message-x", "chat_conversations.message", {"id": UUID})
    row.path.value = DEFAULT_RECIPE + " "  # a changed file box re-reads the file
    assert [value for _, value in row.picker.options] == [None, "start-jan", "message-x"]
    row.picker.value = "message-x"
    assert explorer.form.endpoint.id == "chat_conversations.message"
    assert explorer.form.values == {"id": UUID}
    assert "Loaded <b>message-x</b>" in row.status.value
    assert row.picker.value is None  # back at its prompt

    row.picker.value = "start-jan"
    assert explorer.picker.value == "chat_conversations.start"
    assert explorer.form.values == {"chat_queue_id": 3}


def test_the_explorer_save_refusals_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    explorer = explore(offline_client())
    row = explorer.saved
    row.button.click()  # no name: no traceback, one line
    assert "⚠" in row.status.value and "name" in row.status.value
    assert not (tmp_path / DEFAULT_RECIPE).exists()
    (tmp_path / "broken.yaml").write_text("cassettes: [: nope\n")
    row.path.value = "broken.yaml"
    assert "⚠" in row.status.value and "broken.yaml" in row.status.value
    assert row.picker.disabled
