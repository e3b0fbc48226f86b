"""Replaying a structurally malformed cassette: the same one-line CassetteError as verify, never a raw KeyError."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from thulium_explore import CassetteError, ThuliumClient, recorder
from thulium_explore.cassettes import read_cassette

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "cassettes" / "chat_conversations.start.documented_example.yaml"
Mutation = Callable[[dict[str, Any]], None]


def first(document: dict[str, Any]) -> dict[str, Any]:
    interaction: dict[str, Any] = document["interactions"][0]
    return interaction


def mutated(tmp_path: Path, mutation: Mutation) -> Path:
    document = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    mutation(document)
    path = tmp_path / "mutated.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def replay(path: Path) -> Any:
    with recorder(path, "replay"):
        client = ThuliumClient("https://your-system-name.thulium.com", "api_user", "api_pass")
        return client.chat_conversations.start(chat_queue_id=3, client_id="1234")


VERIFY_REJECTS: dict[str, Mutation] = {
    "response headers: 7": lambda d: first(d)["response"].update(headers=7),
    "request headers: 7": lambda d: first(d)["request"].update(headers=7),
    "body: 5": lambda d: first(d)["response"].update(body=5),
    "no status": lambda d: first(d)["response"].pop("status"),
    "status without code": lambda d: first(d)["response"]["status"].pop("code"),
    "no method": lambda d: first(d)["request"].pop("method"),
    "request body a mapping": lambda d: first(d)["request"].update(body={"a": 1}),
    "interactions a mapping": lambda d: d.update(interactions={"a": 1}),
    "no response": lambda d: first(d).pop("response"),
    "version 2": lambda d: d.update(version=2),
    "all three at once": lambda d: (
        first(d)["response"].update(headers=7, body=5),
        first(d)["response"]["status"].pop("message"),
    ),
}


@pytest.mark.parametrize("mutation", list(VERIFY_REJECTS.values()), ids=list(VERIFY_REJECTS))
def test_replay_rejects_what_verify_rejects_with_the_same_message(tmp_path: Path, mutation: Mutation) -> None:
    path = mutated(tmp_path, mutation)
    with pytest.raises(CassetteError) as by_verify:
        read_cassette(path)
    with pytest.raises(CassetteError) as by_replay:
        replay(path)
    assert str(by_replay.value) == str(by_verify.value)
    assert str(by_replay.value).startswith(f"{path}: ")
    assert "\n" not in str(by_replay.value)


@pytest.mark.parametrize(
    ("mutation", "message"),
    [
        (
            lambda d: first(d)["response"]["status"].update(message=7),
            r"mutated\.yaml: interaction 0: response\.status\.message: 7 is not text \(example: status: \{code: 200, ",
        ),
        (
            lambda d: first(d)["response"]["headers"].update({"Content-Type": [7]}),
            r"mutated\.yaml: interaction 0: response\.headers: 'Content-Type': "
            r"expected a name with a list of text values",
        ),
    ],
)
def test_what_vcrpy_cannot_replay_names_the_file_and_the_field(
    tmp_path: Path, mutation: Mutation, message: str
) -> None:
    with pytest.raises(CassetteError, match=message):
        replay(mutated(tmp_path, mutation))


def test_what_verify_accepts_replays_read_the_way_verify_reads_it(tmp_path: Path) -> None:
    def loosen(document: dict[str, Any]) -> None:
        response = first(document)["response"]
        response["status"].pop("message")  # vcrpy itself would raise KeyError: 'message'
        response["headers"] = {"Content-Type": "application/json; charset=utf-8"}  # one value, not a list
        first(document)["request"].pop("headers")

    path = mutated(tmp_path, loosen)
    read_cassette(path)  # verify accepts it
    result = replay(path)
    assert (result.status, result.json) == (200, {"conversation_id": "e3e70682-c209-4cac-a29f-6fbed82c07cd"})
    assert result.headers == {"Content-Type": "application/json; charset=utf-8"}
    assert result.verdict.label == "pass"


def test_no_body_string_is_an_empty_body(tmp_path: Path) -> None:
    path = mutated(tmp_path, lambda d: first(d)["response"].update(body={}))
    read_cassette(path)
    assert replay(path).text == ""
