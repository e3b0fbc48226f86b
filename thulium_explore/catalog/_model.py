"""The catalog's model: an :class:`Endpoint` with its :class:`Parameter` list and :class:`ResponseSpec` table."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Parameter:
    """One documented parameter of an endpoint."""

    name: str
    schema: Mapping[str, Any]
    required: bool
    location: str  # "path", "query" or "body"

    @property
    def type(self) -> str:
        """The JSON type as text, e.g. ``integer`` or ``string|null``."""
        t = self.schema.get("type", "any")
        return "|".join(t) if isinstance(t, list) else str(t)

    @property
    def example(self) -> Any:
        """The documented example value, or None."""
        examples = self.schema.get("examples") or [None]
        return examples[0]

    @property
    def description(self) -> str:
        return str(self.schema.get("description", ""))

    @property
    def description_pl(self) -> str:
        return str(self.schema.get("x-description-pl", ""))

    @property
    def provenance(self) -> str:
        return str(self.schema.get("x-provenance", "inferred"))

    @property
    def sensitive(self) -> str | None:
        """The kind of personal data this parameter carries (``x-sensitive``), if any."""
        kind = self.schema.get("x-sensitive")
        return str(kind) if kind else None


@dataclass(frozen=True)
class ResponseSpec:
    """What the catalog documents for one status (or ``default`` for every non-2xx)."""

    status: str
    description: str
    body: str  # "json" or "empty"
    schema_uri: str | None
    provenance: str


@dataclass(frozen=True)
class Link:
    """A value carried between calls: ``source`` (a JSON Pointer into this endpoint's 2xx answer, ``*`` =
    every array item) feeds ``parameter`` of the endpoint ``target`` (``x-thulium.links``).

    >>> Link("/result/*/conversation_id", "chat_conversations.stop", "id", "", "inferred").values(
    ...     {"result": [{"conversation_id": "a"}, {"conversation_id": "b"}]})
    ['a', 'b']
    """

    source: str
    target: str
    parameter: str
    description: str
    provenance: str

    @cached_property
    def steps(self) -> tuple[str, ...]:
        """``source``'s segments (``/result/*/id`` → ``("result", "*", "id")``)."""
        return tuple(self.source.split("/")[1:])

    @property
    def each_item(self) -> bool:
        """True when ``source`` walks an array (has a ``*`` segment): no single OpenAPI link expresses it."""
        return "*" in self.steps

    def values(self, body: Any, *, last: int | None = None) -> list[Any]:
        """The values ``source`` points at in an answer body, in order (missing steps give none; ``None`` and
        containers are skipped); with ``last``, only the last that many, found from the end without a full walk."""
        found: list[Any] = []
        for value in _from_the_end(body, self.steps):
            if value is not None and not isinstance(value, dict | list):
                found.append(value)
                if last is not None and len(found) >= last:
                    break
        found.reverse()
        return found


def _from_the_end(node: Any, steps: tuple[str, ...]) -> Iterator[Any]:
    """What ``steps`` reach from ``node``, last first (``*`` walks a list's items backwards)."""
    if not steps:
        yield node
    elif steps[0] == "*":
        if isinstance(node, list):
            for item in reversed(node):
                yield from _from_the_end(item, steps[1:])
    elif isinstance(node, dict) and steps[0] in node:
        yield from _from_the_end(node[steps[0]], steps[1:])


@dataclass(frozen=True)
class Endpoint:
    """One endpoint document: metadata, parameters and responses."""

    id: str
    uri: str
    document: Mapping[str, Any] = field(repr=False)

    @property
    def _meta(self) -> Mapping[str, Any]:
        return self.document["x-thulium"]  # type: ignore[no-any-return]

    @cached_property
    def method(self) -> str:
        return str(self._meta["method"])

    @cached_property
    def path(self) -> str:
        return str(self._meta["path"])

    @property
    def group(self) -> str:
        return str(self._meta["group"])

    @property
    def summary(self) -> str:
        return str(self._meta["summary"])

    @property
    def summary_pl(self) -> str:
        return str(self._meta.get("summary_pl", ""))

    @property
    def description(self) -> str:
        return str(self.document.get("description", ""))

    @property
    def notes(self) -> list[str]:
        return list(self._meta.get("notes", []))

    @property
    def provenance(self) -> str:
        return str(self._meta["provenance"])

    @cached_property
    def links(self) -> tuple[Link, ...]:
        """Where this endpoint's answers feed other endpoints' parameters (``x-thulium.links``)."""
        return tuple(
            Link(link["from"], link["to"], link["parameter"], link.get("description", ""), link["provenance"])
            for link in self._meta.get("links", [])
        )

    @cached_property
    def request_body(self) -> str:
        """``empty``, ``json`` or ``raw``."""
        return str(self._meta["request_body"])

    @property
    def parameters_schema(self) -> Mapping[str, Any]:
        return self.document["$defs"]["parameters"]  # type: ignore[no-any-return]

    @cached_property
    def parameters_uri(self) -> str:
        return f"{self.uri}#/$defs/parameters"

    @cached_property
    def parameters(self) -> tuple[Parameter, ...]:
        """Documented parameters, required ones first, then in document order."""
        schema = self.parameters_schema
        required = set(schema.get("required", []))
        default_in = self._meta["parameters_in"]
        params = [
            Parameter(name, sub, name in required, sub.get("x-in", default_in))
            for name, sub in schema.get("properties", {}).items()
        ]
        return tuple(sorted(params, key=lambda p: not p.required))

    def parameter(self, name: str) -> Parameter | None:
        """The parameter called ``name``, or None."""
        return self._parameters_by_name.get(name)

    @cached_property
    def _parameters_by_name(self) -> dict[str, Parameter]:
        return {p.name: p for p in self.parameters}

    @cached_property
    def secret_names(self) -> frozenset[str]:
        """Parameters the schema marks ``x-sensitive: secret`` (passwords): never shown back."""
        return frozenset(p.name for p in self.parameters if p.sensitive == "secret")

    @cached_property
    def responses(self) -> dict[str, ResponseSpec]:
        return {
            status: ResponseSpec(
                status,
                spec["description"],
                spec["body"],
                f"{self.uri}{spec['schema']}" if "schema" in spec else None,
                spec["provenance"],
            )
            for status, spec in self._meta["responses"].items()
        }

    def response_for(self, status: int) -> ResponseSpec | None:
        """The documented response for ``status``: exact, else ``default`` for non-2xx."""
        exact = self.responses.get(str(status))
        if exact is not None or 200 <= status < 300:
            return exact
        return self.responses.get("default")

    def example_parameters(self) -> dict[str, Any]:
        """The documented example request's parameters (or each parameter's example)."""
        examples = self.parameters_schema.get("examples")
        if examples:
            return dict(examples[0])
        return {p.name: p.example for p in self.parameters if p.example is not None}

    @cached_property
    def path_regex(self) -> re.Pattern[str]:
        """Matches a concrete path; ``{name}`` segments become named groups."""
        pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(self.path))
        return re.compile(f"^{pattern}/?$")


#: The order ``thulium-explore endpoints`` and the forms list groups in.
GROUP_ORDER = ("chats", "crm", "tickets", "agents", "queues", "campaigns", "calls", "webhooks")


def group_rank(group: str) -> int:
    return GROUP_ORDER.index(group) if group in GROUP_ORDER else len(GROUP_ORDER)
