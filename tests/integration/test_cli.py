"""The command line: output, exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import FakeServer
from thulium_explore.cli import main

UUID = "6ed7c941-2c8a-411e-95d2-338a9f64800a"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, fake_server: FakeServer) -> FakeServer:
    monkeypatch.setenv("THULIUM_BASE_URL", fake_server.base_url)
    monkeypatch.setenv("THULIUM_API_USER", "api_user")
    monkeypatch.setenv("THULIUM_API_PASSWORD", "pw-canary-123")
    fake_server.reply = lambda r: (
        200,
        {"Content-Type": "application/json"},
        json.dumps({"conversation_id": UUID}).encode(),
    )
    return fake_server


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_endpoints_lists_id_method_path_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "endpoints")
    assert code == 0
    line = next(x for x in out.splitlines() if "chat_conversations.start" in x)
    assert line.split()[:3] == ["chat_conversations.start", "POST", "/api/chat_conversations/start"]
    assert "Start a chat conversation" in line


def test_describe_shows_parameters_response_and_crm_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "describe", "chat_conversations.start")
    assert code == 0
    assert "chat_queue_id" in out and "required" in out and "example: 3" in out
    assert "Identyfikator kolejki czata." in out
    assert "conversation_id" in out
    assert "1. customer_id, 2. client_id, 3. e-mail address" in out


def test_call_sends_prints_and_passes(env: FakeServer, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "call", "chat_conversations.start", "chat_queue_id=3", "client_id=1234")
    assert (code, err) == (0, "")
    assert env.received[0].path == "/api/chat_conversations/start?chat_queue_id=3&client_id=1234"
    assert "HTTP 200" in out and UUID in out and "contract: pass" in out
    assert "pw-canary-123" not in out


def test_call_json_report(env: FakeServer, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "call", "chat_conversations.start", "chat_queue_id=3", "--json")
    report = json.loads(out)
    assert code == 0 and report["status"] == 200 and report["contract"]["verdict"] == "pass"


def test_api_error_exits_1_with_one_line(env: FakeServer, capsys: pytest.CaptureFixture[str]) -> None:
    body = {"request_id": "abc123", "errors": [{"message": "Forbidden", "code": 7}]}
    env.reply = lambda r: (403, {}, json.dumps(body).encode())
    code, _, err = run(capsys, "call", "chat_conversations.start", "chat_queue_id=3")
    assert code == 1
    assert err.count("\n") == 1 and "HTTP 403" in err and "request_id abc123" in err and "Forbidden (code 7)" in err


def test_contract_violation_exits_1(env: FakeServer, capsys: pytest.CaptureFixture[str]) -> None:
    env.reply = lambda r: (200, {}, b"<html>oops</html>")
    code, out, _ = run(capsys, "call", "chat_conversations.start", "chat_queue_id=3")
    assert code == 1 and "body is not JSON" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["call", "chat_conversations.start", "chat_queue_id=abc"],
            "chat_queue_id: 'abc' is not of type 'integer' (example: chat_queue_id=3)",
        ),
        (["call", "chat_conversations.start", "chat_queue_id"], "expected key=value (example: chat_queue_id=3)"),
        (["call", "chat_conversations.start", "chat_queue_id=3", "chat_queue_id=4"], "given twice"),
        (["call", "chats.nothing", "a=1"], "unknown endpoint 'chats.nothing'"),
        (["describe"], "the following arguments are required: endpoint"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        ([], "choose a command"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    env: FakeServer, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.count("\n") == 1 and expected in err, err
    assert env.received == []


def test_missing_configuration_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("THULIUM_BASE_URL", "THULIUM_API_USER", "THULIUM_API_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    code, _, err = run(capsys, "call", "chat_conversations.start", "chat_queue_id=3")
    assert code == 2 and "THULIUM_BASE_URL" in err and "THULIUM_API_PASSWORD" in err


def test_password_from_stdin(
    env: FakeServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.delenv("THULIUM_API_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO("from-stdin\n"))
    code, _, _ = run(capsys, "call", "chat_conversations.start", "chat_queue_id=3", "--password-stdin")
    assert code == 0
    assert env.received[0].headers["Authorization"] == "Basic YXBpX3VzZXI6ZnJvbS1zdGRpbg=="


def test_transport_failure_exits_1_without_traceback() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "thulium_explore",
            "call",
            "chat_conversations.start",
            "chat_queue_id=3",
            "--base-url",
            "http://127.0.0.1:9",
            "--user",
            "u",
            "--timeout",
            "2",
        ],
        env={"THULIUM_API_PASSWORD": "p", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith(
        "transport error: connection error for http://127.0.0.1:9/api/chat_conversations/start"
    )
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_replay_mode_answers_from_the_cassette_not_the_tenant(
    env: FakeServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cassette = "cassettes/chat_conversations.start.documented_example.yaml"
    monkeypatch.setenv("THULIUM_MODE", "replay")
    monkeypatch.setenv("THULIUM_CASSETTE", cassette)
    code, out, err = run(capsys, "call", "chat_conversations.start", "chat_queue_id=3", "client_id=1234")
    assert (code, err) == (0, "")
    assert env.received == []  # the configured tenant was never contacted
    assert "HTTP 200" in out and "contract: pass" in out


def test_replay_miss_is_one_line_exit_2(env: FakeServer, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "call",
        "chat_conversations.start",
        "chat_queue_id=77",
        "--mode",
        "replay",
        "--cassette",
        "cassettes/chat_conversations.start.documented_example.yaml",
    )
    assert code == 2 and err.count("\n") == 1 and "chat_queue_id" in err
    assert env.received == []


def test_sandbox_mode_needs_no_configuration(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("THULIUM_BASE_URL", "THULIUM_API_USER", "THULIUM_API_PASSWORD", "THULIUM_MODE"):
        monkeypatch.delenv(name, raising=False)
    code, out, _ = run(capsys, "call", "chat_conversations.start", "chat_queue_id=3", "--mode", "sandbox")
    assert code == 0 and "HTTP 200" in out and "contract: pass" in out


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [("THULIUM_MODE", "bogus", "choose one of"), ("THULIUM_BASE_URL", "https://[::1", "is not a valid URL")],
)
def test_bad_environment_is_one_line_exit_2(
    env: FakeServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    variable: str,
    value: str,
    expected: str,
) -> None:
    monkeypatch.setenv(variable, value)
    code, _, err = run(capsys, "call", "chat_conversations.start", "chat_queue_id=3")
    assert code == 2 and err.count("\n") == 1 and expected in err, err
    assert env.received == []


@pytest.mark.parametrize("flags", [["--timeout", "inf"], ["--timeout", "0"], ["--base-url", "https://a:99999"]])
def test_bad_flags_are_one_line_exit_2(env: FakeServer, capsys: pytest.CaptureFixture[str], flags: list[str]) -> None:
    code, _, err = run(capsys, "call", "chat_conversations.start", "chat_queue_id=3", *flags)
    assert code == 2 and err.count("\n") == 1 and "internal error" not in err, err
