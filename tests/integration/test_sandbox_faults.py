"""Faults on purpose: what the sandbox sends for each, what the client makes of it, the same sequence per seed."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator

import pytest
import requests

from thulium_explore import ApiError, ConfigError, Sandbox, ThuliumClient, TransportError, connect, default_catalog
from thulium_explore.cli import main
from thulium_explore.sandbox import SandboxServer

START = "/api/chat_conversations/start"
AUTH = ("api_user", "api_pass")
ERROR_URI = "https://thulium-explore.example/schemas/common/error.json"


def raw_post(sandbox: SandboxServer) -> requests.Response:
    with requests.Session() as session:
        session.trust_env = False
        return session.post(sandbox.base_url + START, params={"chat_queue_id": 3}, auth=AUTH, timeout=10)


def assert_error_object(response: requests.Response, status: int) -> str:
    assert response.status_code == status
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert list(default_catalog().validator(ERROR_URI).iter_errors(body)) == []
    assert [e["code"] for e in body["errors"]] == [900000 + status]  # sandbox-only codes
    return str(body["errors"][0]["message"])


@pytest.fixture
def client_of() -> Iterator[list[Sandbox]]:
    started: list[Sandbox] = []
    yield started
    for sandbox in started:
        sandbox.stop()


def faulty(started: list[Sandbox], *faults: str, **kwargs: object) -> tuple[Sandbox, ThuliumClient]:
    sandbox = Sandbox(faults=faults, **kwargs).start()  # type: ignore[arg-type]
    started.append(sandbox)
    return sandbox, sandbox.client()


def test_429_is_the_error_object_with_retry_after_and_the_client_returns_it(client_of: list[Sandbox]) -> None:
    sandbox, client = faulty(client_of, "429@1")
    raw = raw_post(sandbox)
    assert assert_error_object(raw, 429).startswith("Too many requests; retry after 1 s (fault injected")
    assert raw.headers["Retry-After"] == "1"
    result = client.chat_conversations.start(chat_queue_id=3)
    assert (result.status, result.outcome, result.headers["Retry-After"]) == (429, "pass", "1")
    with pytest.raises(ApiError) as raised:
        result.raise_for_status()
    assert raised.value.status == 429 and raised.value.request_id == result.request_id
    assert raised.value.response.headers["Retry-After"] == "1"
    assert sandbox.calls == type(sandbox.calls)()  # refused before the API: nothing processed
    longer, _ = faulty(client_of, "429:30@1")
    assert raw_post(longer).headers["Retry-After"] == "30"


def test_503_is_the_error_object_and_raise_for_status_an_api_error(client_of: list[Sandbox]) -> None:
    sandbox, client = faulty(client_of, "503@1")
    assert assert_error_object(raw_post(sandbox), 503) == "Service unavailable (fault injected by the sandbox: 503@1)"
    result = client.chat_conversations.start(chat_queue_id=3)
    assert result.status == 503 and result.outcome == "pass" and "Retry-After" not in result.headers
    with pytest.raises(ApiError, match=r"HTTP 503 .* Service unavailable"):
        result.raise_for_status()


def test_an_html_502_page_is_a_result_with_a_failing_verdict_not_a_traceback(client_of: list[Sandbox]) -> None:
    sandbox, client = faulty(client_of, "502-html@1")
    raw = raw_post(sandbox)
    assert raw.status_code == 502 and raw.headers["Content-Type"] == "text/html"
    assert "<title>502 Bad Gateway</title>" in raw.text
    result = client.chat_conversations.start(chat_queue_id=3)
    assert result.status == 502 and result.json is None and "502 Bad Gateway" in result.text
    assert result.outcome == "FAIL" and result.verdict.problems[0].message.startswith("body is not JSON")
    with pytest.raises(ApiError) as raised:
        result.raise_for_status()
    assert raised.value.status == 502 and raised.value.errors == []


def test_a_reset_connection_is_a_transport_error_and_nothing_is_re_sent(client_of: list[Sandbox]) -> None:
    sandbox, client = faulty(client_of, "reset@0.5", seed=7)
    raw: list[requests.Response | Exception] = []
    for _ in range(10):
        try:
            raw.append(raw_post(sandbox))
        except requests.ConnectionError as exc:
            raw.append(exc)
    assert any(isinstance(r, requests.ConnectionError) for r in raw) and any(
        isinstance(r, requests.Response) for r in raw
    )
    sandbox.reset()
    outcomes: list[int | TransportError] = []
    for _ in range(20):
        try:
            outcomes.append(client.chat_conversations.start(chat_queue_id=3).status)
        except TransportError as exc:
            outcomes.append(exc)
    errors = [o for o in outcomes if isinstance(o, TransportError)]
    assert all(e.kind == "connection" and "reset" in str(e).lower() for e in errors)
    assert set(outcomes) - set(errors) == {200}
    failed = len(errors)
    assert 0 < failed < 20
    assert len(sandbox.calls) == 20 - failed  # a reset call reached no handler, and the client did not retry it


def test_a_slow_answer_past_the_clients_deadline_is_a_timeout(client_of: list[Sandbox]) -> None:
    sandbox, _ = faulty(client_of, "slow:3000@1")
    client = sandbox.client(timeout=0.3)
    with pytest.raises(TransportError) as raised:
        client.chat_conversations.start(chat_queue_id=3)
    assert raised.value.kind == "timeout"


def test_a_slow_answer_within_the_deadline_and_latency_arrive_late_but_whole(client_of: list[Sandbox]) -> None:
    _, client = faulty(client_of, "slow:300@1")
    result = client.chat_conversations.start(chat_queue_id=3)
    assert result.status == 200 and result.outcome == "pass" and result.elapsed >= 0.3
    _, delayed = faulty(client_of, latency=150)
    assert all(delayed.chat_conversations.start(chat_queue_id=3).elapsed >= 0.15 for _ in range(3))


def statuses(seed: int | None, count: int = 40) -> list[int]:
    with Sandbox(faults=["429@0.3", "503@0.2"], seed=seed) as sandbox:
        client = sandbox.client()
        return [client.chat_conversations.start(chat_queue_id=3).status for _ in range(count)]


def test_a_seed_gives_the_same_sequence_of_faults_every_run() -> None:
    first = statuses(7)
    assert first == statuses(7)
    assert {200, 429, 503} == set(first)
    assert first != statuses(8)


def test_connect_passes_faults_latency_and_seed_to_the_sandbox_only() -> None:
    with connect("sandbox", faults=["503@1"], latency=10, seed=3, environ={}) as conn:
        assert conn.sandbox is not None and conn.sandbox.faults is not None
        assert conn.client.chat_conversations.start(chat_queue_id=3).status == 503
    with pytest.raises(ConfigError, match=r"^faults: '503@2': the probability '2' must be a number above 0"):
        connect("sandbox", faults=["503@2"], environ={})
    with pytest.raises(ConfigError, match=r"only the sandbox takes them, and this is replay mode"):
        connect("replay", cassette="x.yaml", faults=["503@0.1"], environ={})


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--fault", "429@2"], "--fault: '429@2': the probability '2' must be a number above 0 and at most 1"),
        (["--fault", "429"], "--fault: '429' is not KIND[:VALUE]@PROBABILITY (example: --fault 429@0.2 --fault"),
        (["--fault", "teapot@0.1"], "--fault: 'teapot@0.1': unknown kind 'teapot'"),
        (["--fault", "418:5@0.1"], "--fault: '418:5@0.1': only 429 takes a value"),
        (["--fault", "429@0.8", "--fault", "503@0.5"], "--fault: the probabilities add up to 1.3; at most 1"),
        (["--latency", "fast"], "--latency: 'fast' is not a number of milliseconds 0-600000 (example: --latency 150)"),
    ],
)
def test_a_bad_fault_flag_is_one_line_exit_2_naming_the_flag_and_a_right_example(
    flags: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sandbox", "--port", "0", *flags]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: {message}") and "example: --" in err


def test_the_cli_serves_the_faults_it_was_given_and_says_so() -> None:
    command = [sys.executable, "-m", "thulium_explore", "sandbox", "--port", "0", "--fault", "429@1", "--seed", "7"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split()[4]
        lines = [process.stdout.readline() for _ in range(5)]
        assert lines[4] == "  faults:   429@1; latency 0 ms (seed 7: the same sequence every run)\n"
        answer = requests.post(url + START, params={"chat_queue_id": 3}, auth=AUTH, timeout=5)
        assert answer.status_code == 429 and answer.headers["Retry-After"] == "1"
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert process.returncode == 0 and f"POST {START} -> 429" in err and "Traceback" not in err


def handler_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if "process_request_thread" in t.name]


def wait_until(condition: Callable[[], bool], seconds: float = 10) -> bool:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(0.02)
    return True


def test_stopping_ends_a_slow_answer_instead_of_waiting_it_out() -> None:
    before = set(handler_threads())
    sandbox = SandboxServer(faults=["slow:60000@1"]).start()
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=10) as conn:
        conn.sendall(b"GET /api/chats HTTP/1.1\r\nHost: x\r\n\r\n")
        assert wait_until(lambda: len(set(handler_threads()) - before) == 1)  # the request waits in its thread
        sandbox.stop()
        # without the stop signal the thread would sleep on for a minute
        assert wait_until(lambda: not set(handler_threads()) - before)
        with contextlib.suppress(ConnectionResetError):
            assert conn.recv(100) == b""  # no answer
