"""The sandbox under hostile requests, over raw sockets to 127.0.0.1: always an answer, always the error object."""

from __future__ import annotations

import base64
import json
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from thulium_explore.sandbox import SandboxServer

START = "/api/chat_conversations/start?chat_queue_id=3"
MESSAGE = "/api/chat_conversations/{id}/message"
AUTH = base64.b64encode(b"api_user:api_pass").decode()


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(seed=1) as server:
        yield server


def exchange(sandbox: SandboxServer, request: bytes, timeout: float = 10.0) -> tuple[int, dict[str, str], Any]:
    """Send raw bytes, read one answer (status, lower-cased headers, JSON body)."""
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=timeout) as sock:
        sock.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            assert chunk, f"the connection closed without an answer: {data!r}"
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        while len(body) < int(headers.get("content-length", "0")):
            chunk = sock.recv(65536)
            assert chunk
            body += chunk
    return int(lines[0].split()[1]), headers, json.loads(body) if body else None


def request(method: str, target: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body  # as http.server decodes headers


def test_a_unicode_digit_content_length_gets_400_and_the_error_object(sandbox: SandboxServer) -> None:
    assert "²".isdigit()
    with pytest.raises(ValueError, match="invalid literal"):
        int("²")
    status, _, body = exchange(
        sandbox, request("POST", START, {"Authorization": f"Basic {AUTH}", "Content-Length": "²"})
    )
    assert status == 400
    assert (
        set(body) == {"request_id", "errors"} and "Content-Length: '²' is not a number" in body["errors"][0]["message"]
    )


def test_a_content_length_of_5000_digits_is_too_large_not_a_crash(sandbox: SandboxServer) -> None:
    status, _, body = exchange(
        sandbox, request("POST", START, {"Authorization": f"Basic {AUTH}", "Content-Length": "9" * 5000})
    )
    assert status == 413 and "at most 10 MB" in body["errors"][0]["message"]


def test_a_deeply_nested_json_body_gets_400_naming_the_nesting_limit(sandbox: SandboxServer) -> None:
    conversation = exchange(sandbox, request("POST", START, {"Authorization": f"Basic {AUTH}"}))[2]["conversation_id"]
    target = MESSAGE.format(id=conversation)
    for depth in (100_000, 65):
        deep = b'{"text": ' + b"[" * depth + b"]" * depth + b"}"
        status, _, body = exchange(
            sandbox,
            request(
                "POST",
                target,
                {
                    "Authorization": f"Basic {AUTH}",
                    "Content-Type": "application/json",
                    "Content-Length": str(len(deep)),
                },
                deep,
            ),
        )
        assert status == 400, (depth, body)
        assert "JSON nested more than 64 levels deep" in body["errors"][0]["message"]


@pytest.mark.parametrize("scheme", ["basic", "BASIC", "bAsIc"])
def test_the_auth_scheme_is_case_insensitive(sandbox: SandboxServer, scheme: str) -> None:
    status, _, _ = exchange(sandbox, request("POST", START, {"Authorization": f"{scheme} {AUTH}"}))
    assert status == 200


def test_header_names_are_case_insensitive(sandbox: SandboxServer) -> None:
    assert exchange(sandbox, request("POST", START, {"authorization": f"Basic {AUTH}"}))[0] == 200
    status, _, body = exchange(sandbox, request("POST", START, {"accept-language": "pl"}))
    assert status == 401 and body["errors"][0]["message"].startswith("Brak lub niepoprawne dane logowania")


def test_a_burst_of_100_simultaneous_connections_is_all_answered(sandbox: SandboxServer) -> None:
    assert sandbox._server is not None and sandbox._server.request_queue_size >= 64
    sockets = [socket.create_connection(("127.0.0.1", sandbox.port), timeout=20) for _ in range(100)]
    answers: list[bytes] = [b""] * len(sockets)

    def one(index: int) -> None:
        sock = sockets[index]
        with sock:
            sock.sendall(request("POST", START, {"Authorization": f"Basic {AUTH}"}))
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
            answers[index] = data

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(sockets))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert all(a.startswith(b"HTTP/1.1 200 ") for a in answers), [a[:40] for a in answers if b" 200 " not in a[:20]]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("a" + "[b]" * 5000 + "=1", "(query): a key nested more than 64 levels deep"),
        ("chat_queue_id=" + "9" * 5000, "(query): a number longer than 4300 digits"),
    ],
)
def test_a_hostile_query_string_gets_400_not_500(sandbox: SandboxServer, query: str, message: str) -> None:
    status, _, body = exchange(
        sandbox, request("POST", f"/api/chat_conversations/start?{query}", {"Authorization": f"Basic {AUTH}"})
    )
    assert status == 400 and body["errors"][0]["message"].startswith(message), body
