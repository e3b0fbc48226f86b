"""How the client's calls travel: no credentials in the base URL (nothing of it echoed), loopback
never through a proxy.

Every server here listens on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import traceback
from collections.abc import Iterator

import pytest
import requests

from tests.conftest import FakeServer, Received
from thulium_explore import ConfigError, Sandbox, ThuliumClient, TransportError

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
