"""thulium_explore: explore, record and contract-test Thulium's REST API.

>>> from thulium_explore import ThuliumClient
>>> client = ThuliumClient.from_env()  # doctest: +SKIP
>>> client.chat_conversations.start(chat_queue_id=3)  # doctest: +SKIP
<CallResult chat_conversations.start HTTP 200 contract=pass 41 ms>

Importing this package does not import ipywidgets; the forms load it when first used.
"""

from typing import TYPE_CHECKING as _TYPE_CHECKING

from thulium_explore._catalog import Catalog, Endpoint, Parameter, ResponseSpec, default_catalog
from thulium_explore._client import ThuliumClient
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
from thulium_explore._result import CallResult, SentRequest

if _TYPE_CHECKING:  # loaded on first use by __getattr__ below (cheap import; the forms need ipywidgets)
    from thulium_explore._cassettes import recorder
    from thulium_explore._connect import Connection, connect
    from thulium_explore._modes import Mode
    from thulium_explore._openapi import openapi_document
    from thulium_explore._sandbox import Sandbox
    from thulium_explore._scan import Finding, ScanReport, scan
    from thulium_explore._verify import InteractionReport, Report, verify
    from thulium_explore._webhooks import WebhookEvent, WebhookVerdict, check_webhook, webhook_events
    from thulium_explore.forms import EndpointForm, ModeSwitch, explore

__version__ = "0.1.0"

#: public name -> the module that defines it, imported when the name is first used
_LAZY = {
    "recorder": "_cassettes",
    "Connection": "_connect",
    "connect": "_connect",
    "Mode": "_modes",
    "openapi_document": "_openapi",
    "Sandbox": "_sandbox",
    "Finding": "_scan",
    "ScanReport": "_scan",
    "scan": "_scan",
    "InteractionReport": "_verify",
    "Report": "_verify",
    "verify": "_verify",
    "WebhookEvent": "_webhooks",
    "WebhookVerdict": "_webhooks",
    "check_webhook": "_webhooks",
    "webhook_events": "_webhooks",
    "EndpointForm": "forms",
    "ModeSwitch": "forms",
    "explore": "forms",
}


def __getattr__(name: str) -> object:
    """Import the module behind a lazily exported name (sandbox, verify, forms…) on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'thulium_explore' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"thulium_explore.{module}"), name)
    globals()[name] = value
    return value


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
