"""The sandbox: a local Thulium API on 127.0.0.1 driven by the catalog.

Extension point: a handler is a function ``(SandboxCall) -> Reply`` registered by endpoint id
(``SandboxServer(handlers={...})``); :func:`documented_example` and :func:`error_reply` build replies.
:class:`thulium_explore.Sandbox` is :class:`SandboxServer` plus ``client()``.
"""

from thulium_explore._lazy import publish as _publish
from thulium_explore.sandbox._app import HANDLERS, SAMPLE_PASSWORD, SAMPLE_USER, SandboxServer
from thulium_explore.sandbox._handlers import (
    SANDBOX_CODES,
    Handler,
    Reply,
    SandboxCall,
    documented_example,
    error_reply,
)

__all__ = [
    "HANDLERS",
    "SAMPLE_PASSWORD",
    "SAMPLE_USER",
    "SANDBOX_CODES",
    "Handler",
    "Reply",
    "SandboxCall",
    "SandboxServer",
    "documented_example",
    "error_reply",
]

_publish(globals(), __name__)
