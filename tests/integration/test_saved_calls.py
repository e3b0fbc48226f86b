"""Values carried between calls and saved calls: suggestions after a start; save → load → record → verify → scan."""

from __future__ import annotations

from pathlib import Path

import pytest

from thulium_explore import ConfigError, Sandbox, load_call, save_call, scan, suggestions, verify
from thulium_explore.client import Memory, default_memory
from thulium_explore.connection import load_recipe, record_recipe, saved_calls

START = "chat_conversations.start"
MESSAGE = "chat_conversations.message"


def test_suggestions_after_a_start_offer_its_conversation_id() -> None:
    with Sandbox() as sandbox, sandbox.client() as client:
        started = client.chat_conversations.start(chat_queue_id=3).json["conversation_id"]
        first = suggestions(MESSAGE, "id")[0]
        assert (first.value, first.source_endpoint) == (started, START)
        later = client.chat_conversations.start(chat_queue_id=3).json["conversation_id"]
        assert [s.value for s in suggestions(MESSAGE, "id")[:2]] == [later, started]  # most recent first
        assert client.chat_conversations.message(id=suggestions(MESSAGE, "id")[0].value, text="Hi").ok
    default_memory().forget()


def test_a_client_can_keep_its_own_memory_or_none() -> None:
    mine = Memory()
    with Sandbox() as sandbox:
        with sandbox.client(memory=mine) as client:
            started = client.chat_conversations.start(chat_queue_id=3).json["conversation_id"]
        assert [s.value for s in mine.suggestions(MESSAGE, "id")] == [started]
        default_memory().forget()
        with sandbox.client(memory=None) as client:
            client.chat_conversations.start(chat_queue_id=3)
        assert suggestions(MESSAGE, "id") == []
        with sandbox.client() as client:  # an error answer feeds nothing
            client.chat_conversations.message(id="6ed7c941-2c8a-411e-95d2-338a9f64800a", text="x")
        assert suggestions(MESSAGE, "id") == []


# -- saved calls ------------------------------------------------------------------------------------------------


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    params = {"chat_queue_id": 3, "client_id": "1234", "customer_id": None}
    save_call(path, "start-jan", START, params)
    save_call(path, "list-tickets", "tickets.list", {"status_id": [1, 2], "date_from": "2024-01-01"})
    assert load_call(path, "start-jan") == (START, {"chat_queue_id": 3, "client_id": "1234"})  # None: not sent
    assert load_call(path, "LIST-tickets") == ("tickets.list", {"status_id": [1, 2], "date_from": "2024-01-01"})
    assert [s.name for s in saved_calls(path)] == ["start-jan", "list-tickets"]
    assert [c["name"] for c in load_recipe(path)] == ["start-jan", "list-tickets"]  # what record reads
    with pytest.raises(ConfigError, match=r"no saved call named 'nope' \(saved: start-jan, list-tickets\)"):
        load_call(path, "nope")


def test_refusals_are_one_line_and_leave_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    save_call(path, "start-jan", START, {"chat_queue_id": 3})
    before = path.read_bytes()
    cases = [
        ("start-jan", START, {"chat_queue_id": 4}, "is already saved"),
        ("Start-Jan", START, {"chat_queue_id": 4}, "is already saved"),  # names are file names
        ("x", START, {"chat_queue_id": 3, "client_email": "jan@example.org"}, "client_email: is personal data"),
        ("x", START, {"chat_queue_id": "three"}, "chat_queue_id: 'three' is not of type 'integer'"),
        ("x", "customers.list", {"custom_fields": {"Miasto": ["Łódź"]}}, "custom_fields"),
        ("x", "no.such", {}, "unknown endpoint 'no.such'"),
        ("a/b", START, {"chat_queue_id": 3}, "must be a plain file name"),
        ("x", MESSAGE, {"id": "${conversation_id}"}, "${conversation_id} is not a documented field"),
    ]
    for name, endpoint, params, message in cases:
        with pytest.raises(ConfigError) as caught:
            save_call(path, name, endpoint, params)
        assert message in str(caught.value) and "\n" not in str(caught.value), (name, str(caught.value))
    secret = {"actions": ["CUSTOMER_CREATED"], "subscription_url": "https://example.org/h", "http_auth_password": "p"}
    with pytest.raises(
        ConfigError, match=r"http_auth_password: is a secret \(x-sensitive: secret\) and is never saved"
    ):
        save_call(path, "hook", "webhooks.create", secret, include_personal=True)  # never, even when asked
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]  # no temporary file left


def test_personal_values_are_saved_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    save_call(
        path, "named", START, {"chat_queue_id": 3, "client_email": "jan.kowalski@firma.pl"}, include_personal=True
    )
    assert load_call(path, "named")[1]["client_email"] == "jan.kowalski@firma.pl"  # as given: nothing replaced
    assert not scan([path]).ok  # and the scan flags it


def test_a_hand_written_recipe_keeps_its_comments(tmp_path: Path) -> None:
    path = tmp_path / "recipe.yaml"
    path.write_text(
        "# my recipe\ncassettes:\n  # the first\n  - name: first\n    calls:\n      - endpoint: chats.queues\n",
        encoding="utf-8",
    )
    save_call(path, "second", START, {"chat_queue_id": 3})
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my recipe\ncassettes:\n  # the first\n  - name: first\n")
    assert [s.name for s in saved_calls(path)] == ["first", "second"]


def test_save_record_verify_scan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "recipes" / "mine.yaml"
    path.parent.mkdir()
    save_call(path, "start-jan", START, {"chat_queue_id": 3, "client_id": "1234"}, expect=200)
    save_call(path, "chat-jan", START, {"chat_queue_id": 3})
    save_call(path, "chat-jan", MESSAGE, {"id": "${conversation_id}"}, append=True, expect=200)
    assert scan([path]).ok  # no personal data: the recipe passes the scan
    out = tmp_path / "cassettes"
    out.mkdir()
    assert record_recipe(path, out, environ={}, echo=lambda *_: None) == 0  # every status as expected
    assert sorted(p.name for p in out.iterdir()) == ["chat-jan.yaml", "start-jan.yaml"]
    report = verify([out])
    assert report.ok and len(report.interactions) == 3
    assert [i.endpoint_id for i in report.interactions if i.endpoint_id == MESSAGE] == [MESSAGE]


def test_append_adds_only_to_the_last_saved_cassette(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    save_call(path, "a", START, {"chat_queue_id": 3})
    save_call(path, "b", START, {"chat_queue_id": 3})
    with pytest.raises(ConfigError, match="only the file's last saved cassette can be added to"):
        save_call(path, "a", MESSAGE, {"id": "${conversation_id}"}, append=True)
    with pytest.raises(ConfigError, match="none is named so"):
        save_call(path, "c", MESSAGE, {"id": "${conversation_id}"}, append=True)
    save_call(path, "b", MESSAGE, {"id": "${conversation_id}"}, append=True)
    assert load_call(path, "b", index=1) == (MESSAGE, {"id": "${conversation_id}"})
