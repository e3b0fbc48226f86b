"""How a call travels: a deadline for the whole call, and loopback never through a proxy.

requests' ``timeout`` bounds each socket operation, not the call: a server dripping one byte a
second keeps a call alive for as long as it likes. Here the client's timeout is a deadline for the
whole call, connect to last byte of the body:

- urllib3's ``Timeout(total=…)`` gives the connect and the wait for the answer's first bytes only
  what is left of the deadline;
- the answer is streamed, and :func:`send_within` reads the body itself while one process-wide
  watchdog thread (:class:`_Watchdog`) watches the call; at the deadline it shuts the call's
  socket for reading (urllib3's ``HTTPResponse.shutdown``), so the blocked read returns at once
  and the call fails with :class:`DeadlineExceeded` (a ``requests.Timeout``). The connection is
  closed, never reused.

Cost per call: a hook, two uncontended lock round trips and a set insert (a few µs). The watchdog
is not woken per call: it sleeps until the earliest deadline it watches, or with nothing to watch
until the latest deadline it was given, so a call wakes it only when its deadline comes sooner
than that (a shorter timeout, or the first call after a quiet spell).

What is not bounded: a server that drips the status line and headers themselves (each read of
them waits at most the time left, but there is no socket to cut before the headers are in), a
replayed answer (no socket) and urllib3 releases without ``HTTPResponse.shutdown`` (< 2.3), where
only the per-read limits apply.

Loopback base URLs (127.0.0.0/8, ::1, localhost) never go through a proxy, whatever
``HTTP(S)_PROXY``/``ALL_PROXY``/``NO_PROXY`` say: the Basic credentials of a plain-http sandbox
would reach the proxy in clear text. Decided once per client: :class:`DirectAdapter` is mounted
on the client's own session (so ``client.session.request`` goes direct too), and the client's calls
pass no proxies (so a session the caller gave it goes direct for them) and skip requests' per-call
proxy lookup (:func:`direct_settings`). Other hosts keep the environment's proxies, looked up per
call as requests does.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from requests.models import PreparedRequest
from urllib3.util import Timeout

Timeouts = float | tuple[float, float]


@dataclass(frozen=True)
class Limits:
    """A client's time limits: ``socket`` for requests/urllib3, ``seconds`` for the whole call."""

    socket: Timeout
    seconds: float


def time_limits(timeout: Timeouts) -> Limits:
    """``timeout`` seconds for the whole call; a ``(connect, read)`` pair allows connect + read in all."""
    connect, read = timeout if isinstance(timeout, tuple) else (timeout, timeout)
    seconds = float(connect + read) if isinstance(timeout, tuple) else float(timeout)
    return Limits(Timeout(connect=connect, read=read, total=seconds), seconds)


class DeadlineExceeded(requests.exceptions.Timeout):
    """The whole call took longer than its deadline; the connection was closed."""


class DirectAdapter(HTTPAdapter):
    """An adapter that never uses a proxy (for loopback base URLs)."""

    def send(
        self,
        request: PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: bool | str = True,
        cert: Any = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        return super().send(request, stream=stream, timeout=timeout, verify=verify, cert=cert, proxies=None)


def direct_settings(session: requests.Session, verify: bool | str) -> dict[str, Any]:
    """What ``session.merge_environment_settings`` gives a request, but no proxies and none of their lookup.

    For loopback base URLs, decided once per client: requests' per-call proxy lookup reads the whole
    environment twice (the largest part of its per-call cost), only for the answer to be dropped.
    ``REQUESTS_CA_BUNDLE`` / ``CURL_CA_BUNDLE`` still count, as in requests.
    """
    if session.trust_env and verify is True:
        verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or verify
    return {"proxies": {}, "stream": session.stream, "verify": verify, "cert": session.cert}


class _Watch:
    """One call's deadline; also requests' response hook that hands the answer to the watchdog."""

    __slots__ = ("cut", "deadline", "raw")

    def __init__(self) -> None:
        self.deadline = math.inf
        self.raw: Any = None
        self.cut = False  # set (under the watchdog's lock) once the watchdog shut the socket

    def __call__(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        """The headers are in (requests calls this before it touches the body, redirects included)."""
        if callable(getattr(response.raw, "shutdown", None)):  # urllib3 >= 2.3; not a replayed answer
            self.raw = response.raw
            _WATCHDOG.add(self)

    def expire(self) -> None:
        """Shut the socket for reading: the read blocked on it returns now. Runs on the watchdog thread."""
        try:
            self.raw.shutdown()
        except (OSError, RuntimeError, ValueError):  # already released to the pool, or closed: the body is in
            return
        self.cut = True


class _Watchdog:
    """One daemon thread for the process: shuts the socket of any call still reading past its deadline."""

    def __init__(self) -> None:
        self._reset()
        os.register_at_fork(after_in_child=self._reset)  # the thread does not survive a fork; the state must not either

    def _reset(self) -> None:
        self._lock = threading.Lock()  # taken directly on the calls' path: cheaper than the Condition's methods
        self._wakeup = threading.Condition(self._lock)
        self._watches: set[_Watch] = set()
        self._wake_at = math.inf  # when the thread wakes next (inf: it waits to be notified)
        self._horizon = -math.inf  # the latest deadline it was given
        self._thread: threading.Thread | None = None

    def add(self, watch: _Watch) -> None:
        with self._lock:
            self._watches.add(watch)
            if watch.deadline > self._horizon:
                self._horizon = watch.deadline
            if watch.deadline < self._wake_at:
                self._wake_at = watch.deadline
                if self._thread is None:
                    thread = threading.Thread(target=self._run, name="thulium_explore-deadlines", daemon=True)
                    try:
                        thread.start()
                    except RuntimeError:  # no new threads (e.g. at interpreter exit): only per-read limits apply
                        return
                    self._thread = thread
                else:
                    self._wakeup.notify()

    def end(self, watch: _Watch) -> bool:
        """Stop watching ``watch``; True if the watchdog cut it off first."""
        with self._lock:
            self._watches.discard(watch)
            return watch.cut

    def _run(self) -> None:
        with self._lock:
            while True:
                now = time.monotonic()
                for watch in [w for w in self._watches if w.deadline <= now]:
                    self._watches.discard(watch)
                    watch.expire()
                # Nothing to watch: sleep on until the latest deadline given anyway. The next calls' deadlines
                # (same timeouts, later starts) come after it, so they need not wake the thread.
                horizon = self._horizon if self._horizon > now else math.inf
                self._wake_at = min((w.deadline for w in self._watches), default=horizon)
                self._wakeup.wait(None if self._wake_at == math.inf else self._wake_at - now)


_WATCHDOG = _Watchdog()


def send_within(
    session: requests.Session, prepared: PreparedRequest, limits: Limits, **settings: Any
) -> requests.Response:
    """``session.send`` without redirects, the body read before returning, all within ``limits.seconds``.

    Raises what ``session.send`` raises, or :class:`DeadlineExceeded` when the deadline cut the call off.
    """
    watch = _Watch()
    prepared.hooks["response"].append(watch)  # prepare_request made this list for this request alone
    watch.deadline = time.monotonic() + limits.seconds
    cut = False
    try:
        try:
            # stream: the body is read below, under the watchdog. timeout: HTTPAdapter.send takes urllib3's
            # Timeout as it is ("float or tuple or urllib3 Timeout object"; requests' stubs know only numbers)
            settings.update(stream=True, timeout=limits.socket)
            response = session.send(prepared, allow_redirects=False, **settings)
            response.content  # noqa: B018 - read the body now, while the watchdog watches
        finally:
            cut = _WATCHDOG.end(watch)
    except requests.RequestException:
        if not cut:
            raise
    else:
        if not cut:
            return response
        response.raw.close()  # the body may look complete (read until EOF): it was cut off; never reuse the socket
    raise DeadlineExceeded(
        f"no complete answer within the {limits.seconds:g} s deadline (the whole call); connection closed"
    )
