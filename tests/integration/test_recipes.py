"""`thulium-explore record`: the recipe is checked before anything is sent; failures name cassettes[i].calls[j]."""

from __future__ import annotations

import base64
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from thulium_explore import ConfigError, Reply, Sandbox, SandboxCall, TransportError
from thulium_explore.cli import main
from thulium_explore.connection import load_recipe, record_recipe
from thulium_explore.connection._recipes import WRONG_PASSWORD

START = "/api/chat_conversations/start"
GOOD_CASSETTE = """
  - name: first
    calls:
      - endpoint: chat_conversations.start
        params: {chat_queue_id: 3, client_id: "1234"}
      - request: {method: POST, path: /api/chat_conversations/start, query: {chat_queue_id: 3}}
"""


def write(tmp_path: Path, cassettes: str) -> Path:
    recipe = tmp_path / "recipe.yaml"
    recipe.write_text("cassettes:" + cassettes, encoding="utf-8")
    return recipe


@pytest.fixture
def tenant(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Sandbox, list[str]]]:
    """A sandbox standing in for the tenant (THULIUM_* set); the list holds every request line it received."""
    lines: list[str] = []
    with Sandbox(user="tenant_user", password="tenant-pass-ż", log=lines.append) as sandbox:
        monkeypatch.setenv("THULIUM_BASE_URL", sandbox.base_url)
        monkeypatch.setenv("THULIUM_API_USER", sandbox.user)
        monkeypatch.setenv("THULIUM_API_PASSWORD", sandbox.password)
        monkeypatch.delenv("THULIUM_MODE", raising=False)
        yield sandbox, lines


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- checked when loaded, before the first request ----------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "{endpoint: chat_conversations.start, params: {chat_queue_id: abc}}",
            r"cassettes\[1\]\.calls\[1\]\.params: chat_conversations\.start: "
            r"chat_queue_id: 'abc' is not of type 'integer' "
            r"\(example: chat_queue_id=3\)",
        ),
        (
            "{endpoint: chat_conversations.start, params: {client_id: x}}",
            r"cassettes\[1\]\.calls\[1\]\.params: chat_conversations\.start: chat_queue_id: is required",
        ),
        (
            "{endpoint: chat_conversations.start, params: {chat_queue_id: 3, colour: zielony}, credentials: wrong}",
            r"cassettes\[1\]\.calls\[1\]\.params: .*colour: is not a documented parameter",
        ),
        (
            "{endpoint: chat_conversations.strat, params: {chat_queue_id: 3}}",
            r"cassettes\[1\]\.calls\[1\]\.endpoint: unknown endpoint 'chat_conversations\.strat'",
        ),
        ("{endpoint: chat_conversations.start, params: [3]}", r"cassettes\[1\]\.calls\[1\]\.params: must be a mapping"),
        (
            "{endpoint: chat_conversations.message, params: {id: '${conversaton_id}', text: Hej}}",
            r"cassettes\[1\]\.calls\[1\]: \$\{conversaton_id\} is not a documented field of an earlier answer in this "
            r"cassette \(documented: conversation_id;",
        ),
        ("{request: {method: POST, path: /api/x, query: [a]}}", r"cassettes\[1\]\.calls\[1\]\.request\.query: must be"),
    ],
)
def test_a_bad_call_anywhere_stops_the_recipe_before_anything_is_sent(
    tmp_path: Path, tenant: tuple[Sandbox, list[str]], call: str, message: str
) -> None:
    recipe = write(
        tmp_path,
        GOOD_CASSETTE
        + f"""
  - name: second
    calls:
      - endpoint: chat_conversations.start
        params: {{chat_queue_id: 3}}
      - {call}
""",
    )
    out = tmp_path / "out"
    with pytest.raises(ConfigError, match=message) as caught:
        record_recipe(recipe, out, echo=lambda line: None)
    assert str(caught.value).startswith(f"{recipe}: ")
    assert "\n" not in str(caught.value)
    assert tenant[1] == []  # not one request reached the "tenant"
    assert not out.exists()


def test_a_placeholder_parameter_is_checked_once_filled_in_and_the_rest_at_load(tmp_path: Path) -> None:
    good = write(
        tmp_path,
        """
  - name: lifecycle
    calls:
      - endpoint: chat_conversations.start
        params: {chat_queue_id: 3}
      - endpoint: chat_conversations.message
        params: {id: "${conversation_id}", text: Hej}
""",
    )
    assert len(load_recipe(good)) == 1
    bad = write(
        tmp_path,
        """
  - name: lifecycle
    calls:
      - endpoint: chat_conversations.start
        params: {chat_queue_id: 3}
      - endpoint: chat_conversations.message
        params: {id: "${conversation_id}", text: [Hej]}
""",
    )
    with pytest.raises(ConfigError, match=r"cassettes\[0\]\.calls\[1\]\.params: chat_conversations\.message: text:"):
        load_recipe(bad)


def test_a_filled_in_placeholder_that_fails_validation_names_the_call_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def odd_start(call: SandboxCall) -> Reply:
        return Reply(200, {"conversation_id": "not-a-uuid"})

    recipe = write(
        tmp_path,
        """
  - name: lifecycle
    calls:
      - endpoint: chat_conversations.start
        params: {chat_queue_id: 3}
      - endpoint: chat_conversations.message
        params: {id: "${conversation_id}", text: Hej}
""",
    )
    lines: list[str] = []
    with Sandbox(handlers={"chat_conversations.start": odd_start}, log=lines.append) as sandbox:
        environ = {
            "THULIUM_BASE_URL": sandbox.base_url,
            "THULIUM_API_USER": sandbox.user,
            "THULIUM_API_PASSWORD": sandbox.password,
        }
        with pytest.raises(
            ConfigError,
            match=r"cassettes\[0\]\.calls\[1\] \(lifecycle\)\.params: "
            r"chat_conversations\.message: id: 'not-a-uuid' is not a valid uuid",
        ):
            record_recipe(recipe, tmp_path / "out", environ=environ, echo=lambda line: None)
    assert lines == [f"POST {START} -> 200"]  # the start went out, the message did not
    assert not (tmp_path / "out" / "lifecycle.yaml").exists()


# -- no answer: a TransportError naming the call and the URL, without the query string ----------


@pytest.mark.parametrize(
    "call",
    [
        "{request: {method: POST, path: /api/chat_conversations/start, query: {client_email: jan@example.org}}}",
        "{endpoint: chat_conversations.start, params: {chat_queue_id: 3, client_email: jan@example.org}}",
    ],
)
def test_no_answer_is_a_transport_error_naming_the_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], call: str
) -> None:
    recipe = write(
        tmp_path,
        f"""
  - name: refused
    calls:
      - {call}
""",
    )
    port = closed_port()
    monkeypatch.setenv("THULIUM_BASE_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("THULIUM_API_USER", "tenant_user")
    monkeypatch.setenv("THULIUM_API_PASSWORD", "tenant-pass-ż")
    with pytest.raises(TransportError) as caught:
        record_recipe(recipe, tmp_path / "out", echo=lambda line: None)
    assert caught.value.kind == "connection"
    assert caught.value.url == f"http://127.0.0.1:{port}{START}"
    capsys.readouterr()
    assert main(["record", str(recipe), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        f"transport error: {recipe}: cassettes[0].calls[0] (refused): connection error for "
        f"http://127.0.0.1:{port}{START}: "
    ), err
    assert err.count("\n") == 1
    for leak in ("internal error", "jan", "example.org", "tenant-pass", "?", "Traceback"):
        assert leak not in err
    assert not (tmp_path / "out" / "refused.yaml").exists()


# -- the Basic credentials never reach a cassette, even when the server echoes them --------------


class _EchoHeaders(BaseHTTPRequestHandler):
    """A tenant stand-in that answers every request with its request headers as JSON."""

    def _echo(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        # a documented text field, so only the secrets the recorder is given can hide it
        data = json.dumps({"conversation_id": f"echo {self.headers.get('Authorization', '')}"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Echo-Authorization", self.headers.get("Authorization", ""))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = _echo

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_a_server_echoing_the_authorization_header_leaves_no_credentials_in_the_cassette(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user, password = "canary_user", "canary-pässwörd-7Q"  # latin-1-encodable: both base64 spellings differ
    server = ThreadingHTTPServer(("127.0.0.1", 0), _EchoHeaders)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("THULIUM_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}")
        monkeypatch.setenv("THULIUM_API_USER", user)
        monkeypatch.setenv("THULIUM_API_PASSWORD", password)
        recipe = write(
            tmp_path,
            """
  - name: echoed
    calls:
      - endpoint: chat_conversations.start
        params: {chat_queue_id: 3}
      - request: {method: POST, path: /api/chat_conversations/start, query: {chat_queue_id: 3}}
      - endpoint: chat_conversations.start
        params: {chat_queue_id: 3}
        credentials: wrong
""",
        )
        record_recipe(recipe, tmp_path / "out", echo=lambda line: None)
    finally:
        server.shutdown()
        server.server_close()
    stored = (tmp_path / "out" / "echoed.yaml").read_bytes()
    assert stored.count(b"echo") >= 3  # each answer, echo included, was recorded
    forbidden = [password.encode(), password.encode("latin-1")] + [
        base64.b64encode(f"{user}:{secret}".encode(encoding))
        for secret in (password, WRONG_PASSWORD)
        for encoding in ("utf-8", "latin-1")
    ]
    for text in forbidden:
        assert text not in stored, text


# -- --allow-field: an undocumented field the user vouches for is stored as received ------------


def test_record_allow_field_stores_that_undocumented_field_as_received_and_only_that_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def chatty_start(call: SandboxCall) -> Reply:
        reply = call.example()
        return Reply(200, {**reply.body, "queue_note": "kolejka-główna", "agent_note": "CANARY-Zażółć"})

    recipe = write(
        tmp_path,
        """
  - name: noted
    calls:
      - endpoint: chat_conversations.start
        params: {chat_queue_id: 3}
""",
    )
    with Sandbox(handlers={"chat_conversations.start": chatty_start}) as sandbox:
        environ = {
            "THULIUM_BASE_URL": sandbox.base_url,
            "THULIUM_API_USER": sandbox.user,
            "THULIUM_API_PASSWORD": sandbox.password,
        }
        record_recipe(
            recipe,
            tmp_path / "out",
            environ=environ,
            echo=lambda line: None,
            allow=["chat_conversations.start:$.queue_note"],
        )
    stored = (tmp_path / "out" / "noted.yaml").read_text(encoding="utf-8")
    assert "kolejka-g" in stored  # allowed: as received (the YAML may escape the Polish letters)
    assert "CANARY" not in stored  # not allowed: denied by default


def test_record_refuses_a_bad_allow_field_in_one_line_before_anything_is_sent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipe = write(
        tmp_path,
        """
  - name: never
    calls:
      - endpoint: chat_conversations.start
        params: {chat_queue_id: 3}
""",
    )
    assert main(["record", str(recipe), "--out", str(tmp_path / "out"), "--allow-field", "nope:$.x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope" in err and "example:" in err
    assert not (tmp_path / "out").exists()
