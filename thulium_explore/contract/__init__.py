"""The contract: answers, requests, recorded cassettes and webhook payloads checked against the catalog."""

from thulium_explore._lazy import publish as _publish
from thulium_explore.contract._outcome import Outcome
from thulium_explore.contract._response import Problem, Verdict, check_response
from thulium_explore.contract._verify import InteractionReport, VerifyReport, verify
from thulium_explore.contract._webhooks import WebhookEvent, WebhookVerdict, check_webhook, webhook_events

Report = VerifyReport  # the name before 0.2; kept as an alias

__all__ = [
    "InteractionReport",
    "Outcome",
    "Problem",
    "Report",
    "Verdict",
    "VerifyReport",
    "WebhookEvent",
    "WebhookVerdict",
    "check_response",
    "check_webhook",
    "verify",
    "webhook_events",
]

_publish(globals(), __name__)
