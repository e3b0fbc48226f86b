"""thulium_explore: explore, record and contract-test Thulium's REST API.

>>> from thulium_explore import ThuliumClient
>>> client = ThuliumClient.from_env()  # doctest: +SKIP
>>> client.chat_conversations.start(chat_queue_id=3)  # doctest: +SKIP
<CallResult chat_conversations.start HTTP 200 contract=pass 41 ms>

Importing this package does not import ipywidgets; the forms load it when first used.
"""

from typing import TYPE_CHECKING as _TYPE_CHECKING

from thulium_explore._cassettes import recorder
from thulium_explore._catalog import Catalog, Endpoint, Parameter, ResponseSpec, default_catalog
from thulium_explore._client import ThuliumClient
from thulium_explore._connect import Connection, connect
from thulium_explore._contract import Problem, Verdict, check_response
from thulium_explore._exceptions import (
    ApiError,
    CassetteError,
    CatalogError,
    ConfigError,
    ParameterError,
    ParameterProblem,
    ScanError,
    ThuliumError,
    TransportError,
    WebhookError,
)
from thulium_explore._modes import Mode
from thulium_explore._openapi import openapi_document
from thulium_explore._result import CallResult, SentRequest
from thulium_explore._sandbox import Sandbox
from thulium_explore._scan import Finding, ScanReport, scan
from thulium_explore._verify import InteractionReport, Report, verify
from thulium_explore._webhooks import WebhookEvent, WebhookVerdict, check_webhook, webhook_events

if _TYPE_CHECKING:  # the forms import ipywidgets: loaded on first use by __getattr__ below
    from thulium_explore.forms import EndpointForm, ModeSwitch, explore

__version__ = "0.1.0"
_LAZY = {"EndpointForm", "ModeSwitch", "explore"}


def __getattr__(name: str) -> object:
    """``thulium_explore.EndpointForm``, ``.ModeSwitch``, ``.explore``: import the forms (and ipywidgets) now."""
    if name in _LAZY:
        from thulium_explore import forms

        return getattr(forms, name)
    raise AttributeError(f"module 'thulium_explore' has no attribute {name!r}")


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
    "InteractionReport",
    "Mode",
    "ModeSwitch",
    "Parameter",
    "ParameterError",
    "ParameterProblem",
    "Problem",
    "Report",
    "ResponseSpec",
    "Sandbox",
    "ScanError",
    "ScanReport",
    "SentRequest",
    "ThuliumClient",
    "ThuliumError",
    "TransportError",
    "Verdict",
    "WebhookError",
    "WebhookEvent",
    "WebhookVerdict",
    "__version__",
    "check_response",
    "check_webhook",
    "connect",
    "default_catalog",
    "explore",
    "openapi_document",
    "recorder",
    "scan",
    "verify",
    "webhook_events",
]
