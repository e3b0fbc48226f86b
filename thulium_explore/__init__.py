"""thulium_explore: explore, record and contract-test Thulium's REST API.

>>> from thulium_explore import ThuliumClient
>>> client = ThuliumClient.from_env()  # doctest: +SKIP
>>> client.chat_conversations.start(chat_queue_id=3)  # doctest: +SKIP
<CallResult chat_conversations.start HTTP 200 contract=pass 41 ms>

Importing this package does not import ipywidgets; the forms load it when first used.
"""

from typing import TYPE_CHECKING as _TYPE_CHECKING

from thulium_explore._errors import (
    ApiError,
    CassetteError,
    CatalogError,
    ConfigError,
    MissingDependencyError,
    PaginationError,
    ParameterError,
    ParameterProblem,
    ScanError,
    ThuliumError,
    TransportError,
    WebhookError,
)
from thulium_explore._lazy import lazy_exports as _lazy_exports
from thulium_explore._lazy import publish as _publish
from thulium_explore._settings import Mode
from thulium_explore._version import __version__
from thulium_explore.cassettes import recorder
from thulium_explore.catalog import Catalog, Endpoint, Parameter, ResponseSpec, default_catalog
from thulium_explore.client import CallResult, Paginator, SentRequest, Suggestion, ThuliumClient, suggestions
from thulium_explore.contract import (
    InteractionReport,
    Outcome,
    Problem,
    Report,
    Verdict,
    VerifyReport,
    WebhookEvent,
    WebhookVerdict,
    check_response,
    check_webhook,
    verify,
    webhook_events,
)

if _TYPE_CHECKING:  # loaded on first use (the sandbox, the scan, the export; the forms need ipywidgets)
    from thulium_explore.connection import Connection, Sandbox, SavedCall, connect, load_call, save_call
    from thulium_explore.forms import EndpointForm, ModeSwitch, explore
    from thulium_explore.openapi import openapi_document
    from thulium_explore.sandbox import Handler, Reply, SandboxCall
    from thulium_explore.scanner import Finding, ScanReport, scan

#: public name -> the module that defines it, imported when the name is first used
_LAZY = {
    "Connection": "thulium_explore.connection",
    "Sandbox": "thulium_explore.connection",
    "connect": "thulium_explore.connection",
    "SavedCall": "thulium_explore.connection",
    "load_call": "thulium_explore.connection",
    "save_call": "thulium_explore.connection",
    "EndpointForm": "thulium_explore.forms",
    "ModeSwitch": "thulium_explore.forms",
    "explore": "thulium_explore.forms",
    "openapi_document": "thulium_explore.openapi",
    "Handler": "thulium_explore.sandbox",
    "Reply": "thulium_explore.sandbox",
    "SandboxCall": "thulium_explore.sandbox",
    "Finding": "thulium_explore.scanner",
    "ScanReport": "thulium_explore.scanner",
    "scan": "thulium_explore.scanner",
}

__all__ = [
    "ApiError",
    "CallResult",
    "CassetteError",
    "Catalog",
    "CatalogError",
    "ConfigError",
    "Connection",
    "Endpoint",
    "EndpointForm",
    "Finding",
    "Handler",
    "InteractionReport",
    "MissingDependencyError",
    "Mode",
    "ModeSwitch",
    "Outcome",
    "PaginationError",
    "Paginator",
    "Parameter",
    "ParameterError",
    "ParameterProblem",
    "Problem",
    "Reply",
    "Report",
    "ResponseSpec",
    "Sandbox",
    "SandboxCall",
    "SavedCall",
    "ScanError",
    "ScanReport",
    "SentRequest",
    "Suggestion",
    "ThuliumClient",
    "ThuliumError",
    "TransportError",
    "Verdict",
    "VerifyReport",
    "WebhookError",
    "WebhookEvent",
    "WebhookVerdict",
    "__version__",
    "check_response",
    "check_webhook",
    "connect",
    "default_catalog",
    "explore",
    "load_call",
    "openapi_document",
    "recorder",
    "save_call",
    "scan",
    "suggestions",
    "verify",
    "webhook_events",
]

__getattr__, __dir__ = _lazy_exports(globals(), _LAZY)
_publish(globals(), __name__)
