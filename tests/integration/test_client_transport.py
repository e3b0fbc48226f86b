"""How the client's calls travel: no credentials in the base URL, loopback never through a proxy,
and the timeout as a deadline for the whole call (connect, send, the complete answer).

Every server here listens on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import select
import socket
import ssl
import threading
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import FakeServer, Received
from thulium_explore import ConfigError, Sandbox, ThuliumClient, TransportError
from thulium_explore.cli._main import main

UUID = "6ed7c941-2c8a-411e-95d2-338a9f64800a"
START = "/api/chat_conversations/start"
ANSWER = json.dumps({"conversation_id": UUID}).encode()
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


def ok_start(_: Received) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/json"}, ANSWER


def _read_head(conn: socket.socket) -> bytes:
    """Everything up to the end of the request's (or a CONNECT's) header section, or what came before EOF."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


class _Listener:
    """A TCP server on 127.0.0.1 handing each accepted connection to ``handle`` in its own thread."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.stopping = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(10)
            with contextlib.suppress(OSError):  # the client hung up
                self.handle(conn)

    def handle(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.stopping.set()
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept(), which then ends
        self.sock.close()


# --- 1. credentials in the base URL ------------------------------------------------------------------

CANARIES = ["Canary/Pw9", "Can#ary1", "Can?ary2", "Can[ary3", "Can]ary4", "Can@ary5", "Can:ary6", "C/a#n?a[r]y@:7"]


def _everything_shown(exc: BaseException) -> list[str]:
    """str, repr, args and the formatted traceback of ``exc`` and of every exception chained to it."""
    texts: list[str] = []
    seen: BaseException | None = exc
    while seen is not None:
        texts += [str(seen), repr(seen), repr(seen.args), *map(str, seen.args)]
        texts.append("".join(traceback.format_exception(seen)))
        seen = seen.__cause__ or seen.__context__
    return texts


@pytest.mark.parametrize("canary", CANARIES)
@pytest.mark.parametrize(
    "template",
    [
        "https://apiuser:{}@canary-host.example",
        "http://apiuser:{}@127.0.0.1:8080/api",
        "https://{}@canary-host.example",
    ],
)
def test_credentials_in_the_base_url_are_refused_without_echoing_any_of_it(template: str, canary: str) -> None:
    url = template.format(canary)
    with pytest.raises(ConfigError) as caught:
        ThuliumClient(url, "apiuser", "password")
    exc = caught.value
    message = str(exc)
    assert message == (
        "base_url: must not carry credentials; pass user and password separately "
        '(example: ThuliumClient("https://your-system-name.thulium.com", user, password))'
    )
    assert isinstance(exc, ValueError)
    assert exc.__cause__ is None and exc.__context__ is None
    for text in _everything_shown(exc):
        for fragment in (canary, "Can", "canary-host", "apiuser:", "Port could not be cast", "IPv6"):
            assert fragment not in text, f"{fragment!r} shown in {text!r}"


def test_credentials_in_the_base_url_are_refused_from_the_environment_too() -> None:
    env = {
        "THULIUM_BASE_URL": "https://apiuser:Canary/Pw9@canary-host.example",
        "THULIUM_API_USER": "apiuser",
        "THULIUM_API_PASSWORD": "pw",
    }
    with pytest.raises(ConfigError, match="must not carry credentials") as caught:
        ThuliumClient.from_env(env)
    assert not any("Canary" in text or "canary-host" in text for text in _everything_shown(caught.value))


# --- 2. loopback never through a proxy ---------------------------------------------------------------


class _RecordingProxy(_Listener):
    """A "proxy" that records whatever arrives and answers 502, so a proxied call fails visibly."""

    def __init__(self) -> None:
        self.received: list[bytes] = []
        super().__init__()
        self.url = f"http://127.0.0.1:{self.port}"

    def handle(self, conn: socket.socket) -> None:
        self.received.append(_read_head(conn))
        conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[_RecordingProxy]:
    """Every proxy variable of the environment points at a recording proxy on 127.0.0.1; NO_PROXY is unset."""
    server = _RecordingProxy()
    for name in PROXY_VARIABLES:
        monkeypatch.setenv(name, server.url)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    try:
        yield server
    finally:
        server.close()


@pytest.mark.parametrize("no_proxy", [None, "example.org", "", "thulium.com,.example.org"])
def test_loopback_calls_never_go_through_the_environments_proxy(
    proxy: _RecordingProxy, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch, no_proxy: str | None
) -> None:
    if no_proxy is not None:
        monkeypatch.setenv("NO_PROXY", no_proxy)
    fake_server.reply = ok_start
    with ThuliumClient(fake_server.base_url, "api_user", "s3cret", timeout=5) as client:
        result = client.call("chat_conversations.start", chat_queue_id=3)
    assert proxy.received == []
    assert result.ok and result.json == {"conversation_id": UUID}
    [seen] = fake_server.received
    assert seen.path == START + "?chat_queue_id=3" and seen.headers["Authorization"].startswith("Basic ")


def test_the_sandbox_is_reached_directly_with_a_proxy_set(proxy: _RecordingProxy) -> None:
    with Sandbox() as sandbox, sandbox.client(timeout=5) as client:
        assert client.call("chat_conversations.start", chat_queue_id=3).ok
    assert proxy.received == []


def test_the_clients_own_session_used_directly_skips_the_proxy_too(
    proxy: _RecordingProxy, fake_server: FakeServer
) -> None:
    # the recipe recorder sends through client.session.request: the session itself must go direct
    fake_server.reply = ok_start
    with ThuliumClient(fake_server.base_url, "api_user", "s3cret", timeout=5) as client:
        answer = client.session.post(fake_server.base_url + START, auth=("api_user", "s3cret"), timeout=5)
    assert answer.status_code == 200
    assert proxy.received == []


def test_a_users_own_session_on_loopback_skips_the_proxy(proxy: _RecordingProxy, fake_server: FakeServer) -> None:
    fake_server.reply = ok_start
    with requests.Session() as session:
        session.proxies = {"http": proxy.url, "all": proxy.url}
        client = ThuliumClient(fake_server.base_url, "api_user", "s3cret", timeout=5, session=session)
        assert client.call("chat_conversations.start", chat_queue_id=3).ok
    assert proxy.received == []


def test_other_hosts_still_go_through_the_environments_proxy(proxy: _RecordingProxy) -> None:
    # users behind a corporate proxy need it: the tunnel to the tenant is asked of the proxy (no credentials in it)
    client = ThuliumClient("https://your-system-name.thulium.com", "api_user", "s3cret", timeout=5)
    with pytest.raises(TransportError):
        client.call("chat_conversations.start", chat_queue_id=3)
    [request] = proxy.received
    assert request.startswith(b"CONNECT your-system-name.thulium.com:443 HTTP/1.")
    assert b"s3cret" not in request and b"Authorization" not in request


# --- 3. the timeout is a deadline for the whole call ------------------------------------------------


class _Dripper(_Listener):
    """Answers the first request with ``head`` at once, then ``body`` one byte every ``every`` seconds;
    later connections get the whole answer at once.

    ``client_closed`` is set when the client hangs up before the dripped body is complete.
    """

    def __init__(self, head: bytes, body: bytes, every: float = 0.3, tls: ssl.SSLContext | None = None) -> None:
        self.head, self.body, self.every, self.tls = head, body, every, tls
        self.client_closed = threading.Event()
        self.connections = 0
        super().__init__()
        self.base_url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"

    def handle(self, conn: socket.socket) -> None:
        self.connections += 1
        if self.tls is not None:
            conn = self.tls.wrap_socket(conn, server_side=True)
        _read_head(conn)
        if self.connections > 1:
            conn.sendall(self.head + self.body)
            return
        conn.sendall(self.head)
        for i in range(len(self.body)):
            readable, _, _ = select.select([conn], [], [], self.every)
            if self.stopping.is_set():
                return
            try:
                if readable and not conn.recv(1):
                    raise ConnectionResetError
                conn.sendall(self.body[i : i + 1])
            except OSError:
                self.client_closed.set()
                return


def _head(*headers: str) -> bytes:
    return (
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n"
    ).encode()


def _chunked(body: bytes) -> bytes:
    return b"".join(b"1\r\n" + body[i : i + 1] + b"\r\n" for i in range(len(body))) + b"0\r\n\r\n"


DRIPS = {
    "content-length": (_head(f"Content-Length: {len(ANSWER)}"), ANSWER),
    "chunked": (_head("Transfer-Encoding: chunked"), _chunked(ANSWER)),
    "gzip": (_head("Content-Encoding: gzip", f"Content-Length: {len(gzip.compress(ANSWER))}"), gzip.compress(ANSWER)),
    "until-close": (_head("Connection: close"), ANSWER),
}


@pytest.mark.parametrize("timeout", [1, (0.5, 0.5)])
@pytest.mark.parametrize("drip", list(DRIPS))
def test_a_dripping_answer_ends_at_the_deadline(drip: str, timeout: float | tuple[float, float]) -> None:
    head, body = DRIPS[drip]
    server = _Dripper(head, body)  # the whole answer would take 0.3 s per byte: 15 s and more
    client = ThuliumClient(server.base_url, "api_user", "s3cret", timeout=timeout)
    started = time.perf_counter()
    try:
        with pytest.raises(TransportError) as caught:
            client.call("chat_conversations.start", chat_queue_id=3, client_email="jan@example.org")
        took = time.perf_counter() - started
        assert server.client_closed.wait(5), "the client kept the connection open after its deadline"
    finally:
        server.close()
    assert caught.value.kind == "timeout"
    assert 0.9 < took < 5, f"took {took:.1f} s with a 1 s deadline"  # bounded by the deadline, not the body
    message = str(caught.value)
    assert message.startswith(f"timeout error for {server.base_url}{START}: ")
    assert "1 s deadline" in message
    assert "jan@example.org" not in message and "s3cret" not in message


def test_a_dripping_answer_over_tls_ends_at_the_deadline(self_signed: tuple[Path, Path]) -> None:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*self_signed)
    server = _Dripper(*DRIPS["content-length"], tls=context)
    client = ThuliumClient(server.base_url, "api_user", "s3cret", timeout=1, verify=str(self_signed[0]))
    started = time.perf_counter()
    try:
        with pytest.raises(TransportError) as caught:
            client.call("chat_conversations.start", chat_queue_id=3)
        took = time.perf_counter() - started
        assert server.client_closed.wait(5), "the client kept the connection open after its deadline"
    finally:
        server.close()
    assert caught.value.kind == "timeout" and "1 s deadline" in str(caught.value)
    assert took < 5, f"took {took:.1f} s with a 1 s deadline"


def test_the_client_still_works_after_a_call_ran_out_of_time() -> None:
    server = _Dripper(*DRIPS["content-length"])  # drips on the first connection only
    client = ThuliumClient(server.base_url, "api_user", "s3cret", timeout=1)
    try:
        with pytest.raises(TransportError, match="timeout"):
            client.call("chat_conversations.start", chat_queue_id=3)
        result = client.call("chat_conversations.start", chat_queue_id=3)  # a new connection, not the cut one
    finally:
        server.close()
    assert result.ok and result.json == {"conversation_id": UUID}
    assert server.connections == 2


def test_cli_call_with_a_dripping_server_ends_at_its_timeout(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server = _Dripper(*DRIPS["content-length"])
    monkeypatch.setenv("THULIUM_API_PASSWORD", "s3cret")
    for name in ("THULIUM_MODE", "THULIUM_CASSETTE", "THULIUM_BASE_URL", "THULIUM_API_USER"):
        monkeypatch.delenv(name, raising=False)
    started = time.perf_counter()
    try:
        code = main(
            [
                "call",
                "chat_conversations.start",
                "chat_queue_id=3",
                "--base-url",
                server.base_url,
                "--user",
                "api_user",
                "--timeout",
                "1",
            ]
        )
    finally:
        server.close()
    took = time.perf_counter() - started
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"transport error: timeout error for {server.base_url}{START}: ")
    assert err.count("\n") == 1
    assert took < 5, f"took {took:.1f} s with --timeout 1"


def test_a_big_answer_arriving_fast_is_read_whole_within_the_deadline(fake_server: FakeServer) -> None:
    body = json.dumps({"conversation_id": UUID, "padding": "x" * 4_000_000}).encode()
    fake_server.reply = lambda r: (200, {"Content-Type": "application/json"}, body)
    with ThuliumClient(fake_server.base_url, "api_user", "s3cret", timeout=5) as client:
        result = client.call("chat_conversations.start", chat_queue_id=3)
    assert result.ok
    assert len(result.text) == len(body) and result.json is not None and result.json["padding"] == "x" * 4_000_000
