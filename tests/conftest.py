"""Shared fixtures: a scripted loopback HTTP server that records what it receives."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests import network_guard
from thulium_explore import Sandbox

Reply = tuple[int, dict[str, str], bytes]


def pytest_configure(config: pytest.Config) -> None:
    """Tests reach nothing but 127.0.0.1 / ::1: block every other socket for the whole run."""
    network_guard.install()


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Put the guard back before every test: pytest-recording's ``--block-network`` (run in-process by the
    pytester tests) restores the ``socket`` functions it saw at import, which predate the guard."""
    if not network_guard.installed():
        network_guard.install()


@dataclass
class Received:
    """One request as the fake server saw it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class FakeServer:
    """A loopback server answering each request with ``reply(received)``."""

    base_url: str
    received: list[Received] = field(default_factory=list)
    reply: Callable[[Received], Reply | None] = lambda r: (200, {}, b"")


@pytest.fixture
def fake_server() -> Iterator[FakeServer]:
    """A scripted HTTP server on 127.0.0.1; set ``.reply``; a None reply drops the connection."""
    state = FakeServer(base_url="")

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            seen = Received(self.command, self.path, dict(self.headers.items()), self.rfile.read(length))
            state.received.append(seen)
            answer = state.reply(seen)
            if answer is None:
                self.close_connection = True
                self.connection.close()
                return
            status, headers, body = answer
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_DELETE = _handle

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """The catalog-driven sandbox on 127.0.0.1 with the sample credentials; fresh state per test."""
    with Sandbox() as running:
        yield running


@pytest.fixture(scope="session")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A throwaway self-signed certificate and key for 127.0.0.1 (made with the openssl command)."""
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key
