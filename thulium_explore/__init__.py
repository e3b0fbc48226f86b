"""thulium_explore: explore, record and contract-test Thulium's REST API.

>>> from thulium_explore import ThuliumClient
>>> client = ThuliumClient.from_env()  # doctest: +SKIP
>>> client.chat_conversations.start(chat_queue_id=3)  # doctest: +SKIP
<CallResult chat_conversations.start HTTP 200 contract=pass 41 ms>

Importing this package does not import ipywidgets; the forms load it when first used.
"""

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

__version__ = "0.1.0"

__all__ = [
    "ApiError",
    "CallResult",
    "CassetteError",
    "Catalog",
    "CatalogError",
    "ConfigError",
    "Connection",
    "Endpoint",
    "Finding",
    "InteractionReport",
    "Mode",
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
    "openapi_document",
    "recorder",
    "scan",
    "verify",
    "webhook_events",
]
