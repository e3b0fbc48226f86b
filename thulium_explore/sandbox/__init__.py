"""The sandbox: a local Thulium API on 127.0.0.1 driven by the catalog.

Extension point: a handler is a function ``(SandboxCall) -> Reply`` registered by endpoint id
(``SandboxServer(handlers={...})``); :func:`documented_example` and :func:`error_reply` build replies.
:class:`thulium_explore.Sandbox` is :class:`SandboxServer` plus ``client()``. Webhooks registered
with ``webhooks.create`` are POSTed to loopback receivers (each attempt a :class:`Delivery`; the
event named in the ``EVENT_HEADER`` header); ``faults=`` (:func:`parse_fault`, :class:`FaultPlan`)
makes the sandbox misbehave on purpose.
"""

from thulium_explore._lazy import publish as _publish
from thulium_explore.sandbox._app import HANDLERS, SAMPLE_PASSWORD, SAMPLE_USER, SandboxServer
from thulium_explore.sandbox._faults import Fault, FaultPlan, parse_fault
from thulium_explore.sandbox._handlers import (
    SANDBOX_CODES,
    Handler,
    Reply,
    SandboxCall,
    documented_example,
    error_reply,
)
from thulium_explore.sandbox._webhooks import EVENT_HEADER, Delivery

__all__ = [
    "EVENT_HEADER",
    "HANDLERS",
    "SAMPLE_PASSWORD",
    "SAMPLE_USER",
    "SANDBOX_CODES",
    "Delivery",
    "Fault",
    "FaultPlan",
    "Handler",
    "Reply",
    "SandboxCall",
    "SandboxServer",
    "documented_example",
    "error_reply",
    "parse_fault",
]

_publish(globals(), __name__)
