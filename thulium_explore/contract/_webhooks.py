"""Webhook payloads Thulium POSTs to your URL: tell which event one is, check it against its schema.

>>> verdict = check_webhook({"conversation_id": "6ed7c941-2c8a-411e-95d2-338a9f64800a",
...                          "agent_login": "jkowalski", "date": "2017-12-11 10:24:10", "chat_queue_id": 3})
>>> verdict.event, str(verdict.outcome)
('CHAT_AGENT_ASSIGNED', 'pass')

The docs do not say how (or whether) a payload names its event, so the event is told only from
the documented fields that exactly one event has (``agent_login`` → ``CHAT_AGENT_ASSIGNED``,
``client_name``/``client_email`` → ``CHAT_CONVERSATION_CREATED``, ``customer_id``/``company_id``
→ ``CUSTOMER_CREATED``). ``CHAT_CONVERSATION_CLOSED`` has no such field, and a payload with fields
of several events is ambiguous: then :class:`WebhookError` asks for the event, never a guess.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from thulium_explore._errors import CatalogError, WebhookError
from thulium_explore._wire._body import JsonTooDeep, loads_json, utf8_text
from thulium_explore.catalog._catalog import SCHEMA_BASE, Catalog, default_catalog
from thulium_explore.catalog._paths import json_path, json_type
from thulium_explore.contract._outcome import Outcome
from thulium_explore.contract._response import Problem

WEBHOOKS_BASE = SCHEMA_BASE + "webhooks/"
META_URI = SCHEMA_BASE + "meta/webhook.json"
_EXAMPLE = 'a JSON object like {"conversation_id": "…", "date": "…", "chat_queue_id": 3}'


@dataclass(frozen=True)
class WebhookEvent:
    """One documented webhook event and its payload schema (``schemas/webhooks/<event>.json``)."""

    name: str
    uri: str
    document: Mapping[str, Any] = field(repr=False)

    @property
    def fields(self) -> tuple[str, ...]:
        """The documented payload fields."""
        return tuple(self.document.get("properties", {}))

    @property
    def summary(self) -> str:
        return str(self.document["x-thulium-webhook"]["summary"])

    def sensitive(self, name: str) -> str | None:
        """The ``x-sensitive`` kind of payload field ``name`` (it covers everything inside), if any."""
        sub = self.document.get("properties", {}).get(name)
        kind = sub.get("x-sensitive") if isinstance(sub, Mapping) else None
        return str(kind) if kind else None


@dataclass(frozen=True)
class WebhookVerdict:
    """Whether a payload conforms to its event's schema: ``problems`` are violations, ``drift`` undocumented fields.

    >>> WebhookVerdict("CHAT_CONVERSATION_CLOSED", "given").outcome
    <Outcome.PASS: 'pass'>
    """

    event: str
    detected_by: str
    problems: list[Problem] = field(default_factory=list)
    drift: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def outcome(self) -> Outcome:
        """``pass``, ``pass (drift)`` or ``FAIL`` (an :class:`Outcome`)."""
        return Outcome.decide(checked=True, problems=bool(self.problems), drift=bool(self.drift))

    @property
    def label(self) -> Outcome:
        """The same as :attr:`outcome` (the name before 0.2)."""
        return self.outcome

    def lines(self) -> list[str]:
        """The event and how it was told, the verdict, then one line per problem and per drift."""
        out = [f"event: {self.event} ({self.detected_by})", f"payload: {self.outcome}"]
        out += [f"  violation {p}" for p in self.problems]
        out += [f"  drift     {p}" for p in self.drift]
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "detected_by": self.detected_by,
            "verdict": str(self.outcome),
            "problems": [p.as_dict() for p in self.problems],
            "drift": [p.as_dict() for p in self.drift],
        }


def webhook_events(catalog: Catalog | None = None) -> dict[str, WebhookEvent]:
    """The documented webhook events by name, each checked against ``schemas/meta/webhook.json``."""
    return dict(_load_events(catalog or default_catalog()))


@lru_cache(maxsize=8)
def _load_events(catalog: Catalog) -> dict[str, WebhookEvent]:
    """Read the webhook documents out of the catalog's registry, once per catalog."""
    uris = sorted(uri for uri in catalog.registry if uri.startswith(WEBHOOKS_BASE))
    if uris and META_URI not in catalog.registry:
        raise CatalogError(f"{META_URI} is missing: webhook payload schemas cannot be checked")
    events: dict[str, WebhookEvent] = {}
    for uri in uris:
        document = catalog.registry.contents(uri)
        problems = (
            []
            if catalog.fast_check(META_URI)(document)
            else [e.message for e in catalog.validator(META_URI).iter_errors(document)]
        )
        if problems:
            raise CatalogError(f"{uri}: " + "; ".join(problems[:3]))
        name = str(document["x-thulium-webhook"]["event"])
        if name in events:
            raise CatalogError(f"webhook event {name!r} is defined twice")
        events[name] = WebhookEvent(name, uri, document)
    return events


def telling_fields(events: Mapping[str, WebhookEvent]) -> dict[str, tuple[str, ...]]:
    """Per event, the documented fields no other event has (empty when the event cannot be told)."""
    return {
        name: tuple(f for f in event.fields if not any(f in other.fields for o, other in events.items() if o != name))
        for name, event in events.items()
    }


def detect_event(payload: Mapping[str, Any], catalog: Catalog | None = None) -> tuple[str, str]:
    """The event ``payload`` is, and how that was told; :class:`WebhookError` when it cannot be told."""
    events = webhook_events(catalog)
    telling = telling_fields(events)
    found = {name: [f for f in fields if f in payload] for name, fields in telling.items()}
    found = {name: fields for name, fields in found.items() if fields}
    choices = ", ".join(events)
    if len(found) == 1:
        name, fields = next(iter(found.items()))
        verb = "is" if len(fields) == 1 else "are"
        return name, f"detected: {', '.join(fields)} {verb} documented only for {name}"
    if not found:
        silent = [name for name, fields in telling.items() if not fields]
        hint = f" ({', '.join(silent)} has none)" if silent else ""
        raise WebhookError(
            f"cannot tell the webhook event: the payload has no field that only one event documents{hint}; "
            f"name the event (event=… or --event NAME), one of: {choices}"
        )
    clash = "; ".join(f"{', '.join(fields)} → {name}" for name, fields in found.items())
    raise WebhookError(
        f"cannot tell the webhook event: the payload has fields of several events ({clash}); "
        f"name the event (event=… or --event NAME), one of: {choices}"
    )


def parse_payload(raw: str | bytes, source: str = "payload") -> Any:
    """The JSON value of a received body; :class:`WebhookError` when it is empty or not JSON."""
    try:
        text = utf8_text(raw) if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        raise WebhookError(f"{source}: not UTF-8 text (bad byte at offset {exc.start}); expected {_EXAMPLE}") from None
    if not text.strip():
        raise WebhookError(f"{source}: empty; expected {_EXAMPLE}")
    try:
        return loads_json(text)
    except JsonTooDeep:
        raise WebhookError(f"{source}: JSON nested too deeply to read; expected {_EXAMPLE}") from None
    except json.JSONDecodeError as exc:
        raise WebhookError(
            f"{source}: not JSON ({exc.msg} at line {exc.lineno} column {exc.colno}); expected {_EXAMPLE}"
        ) from None


def check_webhook(
    payload: Mapping[str, Any] | str | bytes, event: str | None = None, catalog: Catalog | None = None
) -> WebhookVerdict:
    """Check a received webhook payload against its event's documented schema.

    ``payload`` is the parsed JSON object or the raw body; ``event`` names the event (any case),
    else it is told from the payload (see the module docstring). Values of fields marked
    ``x-sensitive`` never appear in the problems.

    >>> check_webhook('{"date": "2017-12-11 11:21:05"}', event="chat_conversation_closed").lines()
    ['event: CHAT_CONVERSATION_CLOSED (given)', 'payload: FAIL', '  violation $.conversation_id: is required']
    """
    catalog = catalog or default_catalog()
    events = webhook_events(catalog)
    if not events:
        raise WebhookError("the catalog has no webhook payload schemas (schemas/webhooks/)")
    value = parse_payload(payload) if isinstance(payload, str | bytes) else payload
    if event is not None:
        spec = _lookup(events, event)
        how = "given"
        if isinstance(value, Mapping):
            guess = _quiet_detect(value, catalog)
            if guess and guess != spec.name:
                how = f"given; note: its fields suggest {guess}"
    elif isinstance(value, Mapping):
        name, how = detect_event(value, catalog)
        spec = events[name]
    else:
        raise WebhookError(
            f"cannot tell the webhook event of a JSON {json_type(value)}: a payload is a JSON object; "
            "name the event (event=… or --event NAME) to check it anyway"
        )
    errors = (
        []
        if catalog.fast_check(spec.uri)(value)
        else sorted(catalog.validator(spec.uri).iter_errors(value), key=lambda e: [str(p) for p in e.absolute_path])
    )
    problems = [_problem(spec, error) for error in errors]
    drift: list[Problem] = []
    if isinstance(value, Mapping):
        drift = [
            Problem(json_path([str(key)]), "is not documented for this event")
            for key in value
            if key not in spec.fields
        ]
    return WebhookVerdict(spec.name, how, problems, drift)


def _lookup(events: Mapping[str, WebhookEvent], name: str) -> WebhookEvent:
    """The event called ``name`` (any case); :class:`WebhookError` naming the documented ones."""
    found = events.get(name.strip().upper())
    if found is None:
        raise WebhookError(f"unknown webhook event {name!r}; documented events: {', '.join(events)}")
    return found


def _quiet_detect(payload: Mapping[str, Any], catalog: Catalog) -> str | None:
    try:
        return detect_event(payload, catalog)[0]
    except WebhookError:
        return None


def _problem(event: WebhookEvent, error: Any) -> Problem:
    """A jsonschema error as a Problem; no value of a sensitive field (or of the whole payload) is shown."""
    parts = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, Mapping):
        missing = [n for n in error.validator_value if n not in error.instance]
        parts += missing[:1]
        return Problem(json_path(parts), "is required")
    kind = event.sensitive(str(parts[0])) if parts else None
    if parts and kind is None:
        return Problem(json_path(parts), error.message, error.instance)
    hidden = f" (value hidden: {kind})" if kind else ""
    return Problem(json_path(parts), _generic_message(error) + hidden)


def _generic_message(error: Any) -> str:
    """What rule failed, without echoing the value."""
    rule = error.validator
    if rule == "type":
        expected = error.validator_value
        return f"should be of type {' or '.join(expected) if isinstance(expected, list) else expected}"
    if rule == "format":
        return f"is not a valid {error.validator_value}"
    if rule == "pattern":
        return f"does not match {error.validator_value!r}"
    if rule == "enum":
        return f"is not one of {error.validator_value!r}"
    return f"fails the {rule!r} rule of the schema"


# --- command line: thulium-explore verify-webhook FILE [--event NAME] [--json] ------------------
