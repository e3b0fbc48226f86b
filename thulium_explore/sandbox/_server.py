"""The sandbox's HTTP layer: a threaded loopback server whose every answer, refusals included, is JSON.

It only reads and writes bytes; the app (:class:`App`, the sandbox) decides what to answer. Requests http.server
refuses before they reach the sandbox (a request line over 64 kB, too many or too long headers, an
unknown method, a malformed request line) and bodies the sandbox will not read (chunked, a
Content-Length that is not a number, over 10 MB) get the documented error object too, never
http.server's HTML page.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol

from thulium_explore._version import __version__
from thulium_explore.sandbox._handlers import SANDBOX_CODES, Reply, error_reply

MAX_BODY = 10 * 1024 * 1024
_FIXED_DATE = "Mon, 01 Jan 2024 00:00:00 GMT"


class App(Protocol):
    """What the server needs of the sandbox: the answer to a request, request ids, the seed and a log."""

    seed: int | None
    log: Callable[[str], None] | None

    def answer(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Reply: ...

    def new_request_id(self) -> str: ...


class Server(ThreadingHTTPServer):
    """Threaded, bound to 127.0.0.1 only; remembers open connections so stop() can close them."""

    daemon_threads = True
    block_on_close = False  # keep-alive clients must not block stop(); stop() closes their sockets
    request_queue_size = 128  # listen backlog; socketserver's 5 stalls a burst of connects for ~1 s (SYN retry)

    def __init__(self, port: int, app: App) -> None:
        self.app = app
        self.open_connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(("127.0.0.1", port), RequestHandler)


class Headers(Mapping[str, str]):
    """The request headers, looked up ignoring case as HTTP names are (``authorization`` is ``Authorization``).

    A repeated header keeps its first value (as ``email.message.Message.get`` does).
    """

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self._items: dict[str, tuple[str, str]] = {}
        for name, value in items:
            self._items.setdefault(name.lower(), (name, value))

    def __getitem__(self, name: str) -> str:
        return self._items[name.lower()][1]

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._items


_HTTP_ERRORS = {  # status → (SANDBOX_CODES name, message) for the refusals http.server makes itself
    400: (
        "bad_request",
        "the request line or a header is not valid HTTP/1.1 "
        "(example: POST /api/chat_conversations/start?chat_queue_id=3 HTTP/1.1)",
    ),
    414: ("uri_too_long", "the request line is longer than 65536 bytes; send fewer or shorter query parameters"),
    431: ("headers_too_large", "a header line is longer than 65536 bytes, or there are more than 100 headers"),
    501: ("not_implemented", "method {command!r} is not supported (the API uses GET, POST, PUT and DELETE)"),
    505: ("http_version", "this HTTP version is not supported (example: HTTP/1.1)"),
}


class RequestHandler(BaseHTTPRequestHandler):
    """HTTP/1.1 with keep-alive; every answer has a Content-Length."""

    protocol_version = "HTTP/1.1"
    server_version = f"thulium-explore-sandbox/{__version__}"
    sys_version = ""
    timeout = 30
    wbufsize = 64 * 1024  # headers and body leave in one write (no Nagle/delayed-ACK stall)
    server: Server

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.server.connections_lock:
            self.server.open_connections.add(self.connection)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.open_connections.discard(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def _dispatch(self) -> None:
        app = self.server.app
        length_text = (self.headers.get("Content-Length", "0") or "0").strip()
        # ASCII digits only ('²' and '٣' are str.isdigit() too); more than 18 is over any size taken
        digits = length_text.isascii() and length_text.isdigit()
        length = -1 if not digits else int(length_text) if len(length_text) <= 18 else MAX_BODY + 1
        refusal = None
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            refusal = (
                411,
                "length_required",
                "Transfer-Encoding: chunked is not supported by the sandbox; send "
                "the body with a Content-Length (at most 10 MB)",
            )
        elif length < 0:
            refusal = (
                400,
                "bad_request",
                f"Content-Length: {length_text[:40]!r} is not a number of bytes (example: Content-Length: 42)",
            )
        elif length > MAX_BODY:
            refusal = (
                413,
                "too_large",
                f"the body is {length_text[:40]} bytes; the sandbox takes at most 10 MB ({MAX_BODY} bytes)",
            )
        if refusal is not None:  # the body is not read, so the connection cannot be reused
            self._refuse(*refusal)
            return
        body = self.rfile.read(length) if length else b""
        try:
            reply = app.answer(self.command, self.path, Headers(self.headers.items()), body)
        except Exception as exc:  # a handler bug must answer 500, not kill the connection
            reply = error_reply(
                500, SANDBOX_CODES["internal"], [f"sandbox error: {type(exc).__name__}"], app.new_request_id()
            )
        self._send(reply)

    def _refuse(self, status: int, code: str, message: str) -> None:
        """An error object, then close the connection (what is left of the request is not read)."""
        self.close_connection = True
        reply = error_reply(status, SANDBOX_CODES[code], [message], self.server.app.new_request_id())
        reply.headers["Connection"] = "close"
        self._send(reply)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (414, 431, 501, 505, a malformed request line) as the error object.

        http.server's ``message`` is not used: it can quote the request line, query string included.
        A request line that did not parse leaves the version at HTTP/0.9, which would drop the status
        line and headers: the answer is HTTP/1.1 whatever was asked.
        """
        self.request_version = self.protocol_version
        name, text = _HTTP_ERRORS.get(code, ("bad_request" if code < 500 else "internal", ""))
        command = str(getattr(self, "command", "") or "")[:20]
        self._refuse(code, name, text.format(command=command) or HTTPStatus(code).phrase)

    def _send(self, reply: Reply) -> None:
        data = b"" if reply.body is None else json.dumps(reply.body, ensure_ascii=False).encode("utf-8")
        self.send_response(reply.status)
        if reply.body is not None:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def version_string(self) -> str:
        return self.server_version

    def date_time_string(self, timestamp: float | None = None) -> str:
        if self.server.app.seed is not None:
            return _FIXED_DATE
        return super().date_time_string(timestamp)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _dispatch

    def log_message(self, format: str, *args: Any) -> None:
        """Request lines go to the sandbox's ``log`` callable, without the query string (personal data)."""
        log = self.server.app.log
        if log is not None and format.startswith('"%s"'):
            line = str(args[0]).split(" ")
            shown = " ".join([line[0], line[1].split("?", 1)[0]]) if len(line) > 1 else str(args[0])
            log(f"{shown} -> {args[1]}")
