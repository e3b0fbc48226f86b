"""Faults on purpose: the sandbox misbehaves now and then, so integrators can test their error handling.

A fault is written ``KIND[:VALUE]@PROBABILITY`` (the CLI's ``--fault``, ``Sandbox(faults=[…])``):

* ``STATUS@P`` (400-599): the documented error object with that status, not processed further;
  ``429`` adds ``Retry-After: 1`` (``429:30@P`` for 30 seconds);
* ``502-html@P``: an HTML "502 Bad Gateway" page, as a proxy in front of the API would send;
* ``reset@P``: the connection is reset (TCP RST) without an answer; the request is not processed;
* ``slow@P``: the answer comes 5 s late (``slow:1500@P`` for 1.5 s); the request is processed.

``latency`` (milliseconds) delays every answer. One random number is drawn per request; the faults
share it in the order given (``429@0.2`` then ``503@0.05``: below 0.2 a 429, below 0.25 a 503), so
their probabilities must add up to at most 1. With a ``seed`` the sequence of faults is the same in
every run (for requests sent one after another).

Everything here is SANDBOX-ONLY: Thulium documents no rate limit, no ``Retry-After`` and no codes;
the error codes (900000 + the status) are the sandbox's own.

>>> plan = FaultPlan(["429@0.5"], seed=7)
>>> [fault.kind if fault else None for fault in (plan.draw() for _ in range(4))]
[None, 'status', None, 'status']
"""

from __future__ import annotations

import math
import random
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from thulium_explore.sandbox._handlers import Reply, error_reply

#: A right example, quoted in every message about a bad fault.
EXAMPLE = "429@0.2, 503@0.05, 502-html@0.05, reset@0.05, slow:2000@0.1"
DEFAULT_RETRY_AFTER = 1  # seconds (SANDBOX-ONLY: Thulium documents no Retry-After)
DEFAULT_SLOW_MS = 5000
MAX_DELAY_MS = 600_000  # ten minutes: anything longer is a typo, not a test
_SPEC = re.compile(r"(?P<name>[a-z0-9-]+)(?::(?P<value>[^@]*))?@(?P<probability>[^@]+)")
_HTML_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)


@dataclass(frozen=True)
class Fault:
    """One kind of misbehaviour and how often it happens: ``kind`` is status, html, reset or slow."""

    spec: str
    kind: str
    probability: float
    status: int = 0
    retry_after: int = 0
    delay: float = 0.0  # seconds, for slow


def parse_fault(text: str, flag: str = "faults") -> Fault:
    """The fault ``text`` describes; ``ValueError`` naming ``flag``, what is wrong and a right example."""
    spec = str(text).strip().lower()
    found = _SPEC.fullmatch(spec)
    if found is None:
        raise ValueError(f"{flag}: {text!r} is not KIND[:VALUE]@PROBABILITY (example: {example(flag)})")
    name, value, probability_text = found["name"], found["value"], found["probability"]
    try:
        probability = float(probability_text)
    except ValueError:
        probability = math.nan
    if not 0 < probability <= 1:
        raise ValueError(
            f"{flag}: {text!r}: the probability {probability_text!r} must be a number above 0 and at most 1 "
            f"(example: {example(flag, f'{name}@0.2')})"
        )
    if name.isdigit():
        status = int(name)
        if not 400 <= status <= 599:
            raise ValueError(
                f"{flag}: {text!r}: status {status} is not an error status 400-599 "
                f"(example: {example(flag, '503@0.05')})"
            )
        if status != 429 and value is not None:
            raise ValueError(
                f"{flag}: {text!r}: only 429 takes a value, the Retry-After seconds "
                f"(example: {example(flag, '429:30@0.2')})"
            )
        retry = _number(
            value, DEFAULT_RETRY_AFTER, 86_400, f"{flag}: {text!r}: Retry-After", example(flag, "429:30@0.2")
        )
        if not retry.is_integer() or retry < 1:
            raise ValueError(
                f"{flag}: {text!r}: Retry-After {value!r} must be whole seconds, at least 1 "
                f"(example: {example(flag, '429:30@0.2')})"
            )
        return Fault(spec, "status", probability, status=status, retry_after=int(retry) if status == 429 else 0)
    if name == "slow":
        delay = _number(
            value, DEFAULT_SLOW_MS, MAX_DELAY_MS, f"{flag}: {text!r}: the delay", example(flag, "slow:2000@0.1")
        )
        return Fault(spec, "slow", probability, delay=delay / 1000)
    if name in ("reset", "502-html"):
        if value is not None:
            raise ValueError(f"{flag}: {text!r}: {name} takes no value (example: {example(flag, name + '@0.05')})")
        return Fault(spec, "reset" if name == "reset" else "html", probability, status=502 if name != "reset" else 0)
    raise ValueError(
        f"{flag}: {text!r}: unknown kind {name!r}; use an error status 400-599, 502-html, reset or slow "
        f"(example: {example(flag)})"
    )


def example(flag: str, spec: str = "") -> str:
    """A right way to write ``spec`` (default: several) for ``flag``: CLI flags or a Python list."""
    specs = [spec] if spec else EXAMPLE.split(", ")
    if flag.startswith("--"):
        return " ".join(f"{flag} {s}" for s in specs)
    return f"{flag}=[" + ", ".join(repr(s) for s in specs) + "]"


def _number(value: str | None, default: float, high: float, what: str, right: str) -> float:
    if value is None:
        return float(default)
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0 <= number <= high:
        raise ValueError(f"{what} {value!r} must be a number from 0 to {high:g} (example: {right})")
    return number


class FaultPlan:
    """The faults and latency of one sandbox, and the random draws that pick a fault per request."""

    def __init__(
        self,
        faults: Iterable[str | Fault] = (),
        *,
        latency: float = 0,
        seed: int | None = None,
        flag: str = "faults",
        latency_flag: str = "latency",
    ) -> None:
        if isinstance(faults, str):  # one spec given as a string, not a list of them
            faults = [faults]
        self.faults = tuple(f if isinstance(f, Fault) else parse_fault(f, flag) for f in faults)
        total = sum(f.probability for f in self.faults)
        if total > 1 + 1e-9:
            raise ValueError(
                f"{flag}: the probabilities add up to {total:g}; at most 1 (one fault per request at most; "
                f"example: {example(flag)})"
            )
        if isinstance(latency, bool) or not isinstance(latency, int | float) or not 0 <= latency <= MAX_DELAY_MS:
            raise ValueError(
                f"{latency_flag}: {latency!r} is not a number of milliseconds 0-{MAX_DELAY_MS} "
                f"(example: {latency_flag}{' ' if latency_flag.startswith('--') else '='}150)"
            )
        self.latency = float(latency) / 1000
        # separate from the sandbox's ids: the faults do not shift when a handler draws one more uuid
        self._rng = random.Random(f"faults:{seed}") if seed is not None else random.Random()  # noqa: S311
        self._lock = threading.Lock()

    def __bool__(self) -> bool:
        return bool(self.faults) or self.latency > 0

    def __repr__(self) -> str:
        faults = ", ".join(f.spec for f in self.faults) or "none"
        return f"<FaultPlan faults: {faults}; latency {self.latency * 1000:g} ms>"

    def draw(self) -> Fault | None:
        """The fault for the next request, or None (one random number per request)."""
        if not self.faults:
            return None
        with self._lock:
            point = self._rng.random()
        for fault in self.faults:
            if point < fault.probability:
                return fault
            point -= fault.probability
        return None

    def delay(self, fault: Fault | None) -> float:
        """Seconds to wait before answering: the latency, plus a slow fault's delay."""
        return self.latency + (fault.delay if fault is not None and fault.kind == "slow" else 0.0)


def fault_reply(fault: Fault, request_id: str) -> Reply | None:
    """The answer a status or HTML fault sends instead of the real one (None for reset and slow)."""
    if fault.kind == "html":
        return Reply(fault.status, None, {"Content-Type": "text/html"}, raw=_HTML_502)
    if fault.kind != "status":
        return None
    message = f"fault injected by the sandbox ({fault.spec}): HTTP {fault.status}"
    if fault.status == 429:
        message = f"Too many requests; retry after {fault.retry_after} s (fault injected by the sandbox: {fault.spec})"
    elif fault.status == 503:
        message = f"Service unavailable (fault injected by the sandbox: {fault.spec})"
    reply = error_reply(fault.status, 900000 + fault.status, [message], request_id)
    if fault.status == 429:
        reply.headers["Retry-After"] = str(fault.retry_after)
    return reply
