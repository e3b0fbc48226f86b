"""The sandbox's HTTP layer: a threaded loopback server whose every answer, refusals included, is JSON.

It only reads and writes bytes; the app (:class:`App`, the sandbox) decides what to answer. Requests http.server
refuses before they reach the sandbox (a request line over 64 kB, too many or too long headers, a
malformed request line) and bodies the sandbox will not read (chunked, a Content-Length that is not a
number, over 10 MB) get the documented error object too, never http.server's HTML page. A method the
API does not use (TRACE, OPTIONS, BREW…) reaches the app like any other: 405 with ``Allow`` on a known
path, 404 elsewhere (http.server alone would answer 501).

The app's :class:`FaultPlan` (if any) acts here, as a proxy in front of the API would: after the body
is read, each request may wait (latency, a slow answer), be answered with an error or an HTML page
instead, or have its connection reset (see ``_faults.py``).
"""

from __future__ import annotations

import contextlib
import io
import json
import socket
import struct
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol

from thulium_explore._version import __version__
from thulium_explore.sandbox._faults import FaultPlan, fault_reply
from thulium_explore.sandbox._handlers import SANDBOX_CODES, Reply, error_reply

MAX_BODY = 10 * 1024 * 1024
_FIXED_DATE = "Mon, 01 Jan 2024 00:00:00 GMT"


class App(Protocol):
    """What the server needs of the sandbox: the answer to a request, request ids, the seed, faults and a log."""

    seed: int | None
    log: Callable[[str], None] | None
    faults: FaultPlan | None

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
        self.stopping = threading.Event()  # set by shutdown(): delayed answers stop waiting
        super().__init__(("127.0.0.1", port), RequestHandler)

    def shutdown(self) -> None:
        self.stopping.set()
        super().shutdown()


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
        plan = app.faults
        if plan and self._faulted(plan):
            return
        try:
            reply = app.answer(self.command, self.path, Headers(self.headers.items()), body)
        except Exception as exc:  # a handler bug must answer 500, not kill the connection
            reply = error_reply(
                500, SANDBOX_CODES["internal"], [f"sandbox error: {type(exc).__name__}"], app.new_request_id()
            )
        self._send(reply)

    def _faulted(self, plan: FaultPlan) -> bool:
        """Apply the next fault (after latency or a slow delay); True when it answered (or reset) for the app."""
        fault = plan.draw()
        delay = plan.delay(fault)
        if delay and self.server.stopping.wait(delay):
            self._reset()  # the sandbox is stopping: no answer
            return True
        if fault is None:
            return False
        if fault.kind == "reset":
            log = self.server.app.log
            if log is not None:
                log(f"{self.command} {self.path.split('?', 1)[0]} -> connection reset (fault {fault.spec})")
            self._reset()
            return True
        reply = fault_reply(fault, self.server.app.new_request_id())
        if reply is None:  # slow: the delay was the fault; the app answers
            return False
        self._send(reply)
        return True

    def _reset(self) -> None:
        """Close the connection with a TCP RST (SO_LINGER 0), no answer."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        with contextlib.suppress(OSError, ValueError):
            self.wfile.close()
            self.rfile.close()
            self.connection.close()  # the last reference: the socket closes now, and linger 0 sends RST
        self.wfile = io.BytesIO()  # handle_one_request and finish() still flush it

    def _refuse(self, status: int, code: str, message: str) -> None:
        """An error object, then close the connection (what is left of the request is not read)."""
        self.close_connection = True
        reply = error_reply(status, SANDBOX_CODES[code], [message], self.server.app.new_request_id())
        reply.headers["Connection"] = "close"
        self._send(reply)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (414, 431, 505, a malformed request line) as the error object.

        An unknown method (http.server's 501) goes to the app instead, which answers 405 with ``Allow``
        on a known path. http.server's ``message`` is not used: it can quote the request line, query
        string included. A request line that did not parse leaves the version at HTTP/0.9, which would
        drop the status line and headers: the answer is HTTP/1.1 whatever was asked.
        """
        if code == HTTPStatus.NOT_IMPLEMENTED and getattr(self, "command", None):  # parsed: a method without do_X
            self._dispatch()
            self.wfile.flush()  # handle_one_request flushes only after a do_X method
            return
        self.request_version = self.protocol_version
        name, text = _HTTP_ERRORS.get(code, ("bad_request" if code < 500 else "internal", ""))
        command = str(getattr(self, "command", "") or "")[:20]
        self._refuse(code, name, text.format(command=command) or HTTPStatus(code).phrase)

    def _send(self, reply: Reply) -> None:
        data = b"" if reply.body is None else json.dumps(reply.body, ensure_ascii=False).encode("utf-8")
        data = data if reply.raw is None else reply.raw
        self.send_response(reply.status)
        if reply.body is not None and reply.raw is None:
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
