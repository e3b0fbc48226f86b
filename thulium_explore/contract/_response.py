"""The contract verdict: does one HTTP answer match what the catalog documents for it?"""

from __future__ import annotations

import contextlib
import json
import reprlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from thulium_explore._wire._body import JsonTooDeep, loads_json, utf8_text
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.catalog._paths import json_path, json_type
from thulium_explore.contract._outcome import Outcome
from thulium_explore.contract._provenance import error_provenance, is_suspect

EMPTY_BODY = object()  # what parse_body returns for an empty body
_UNPARSED = object()


@dataclass(frozen=True)
class Problem:
    """One finding, located by JSON path (``$.errors[0].code``).

    A violation may carry the offending ``value``. Drift (a field no schema documents) carries only its
    JSON ``type``: what is undocumented may be personal data nobody meant to show, so it is never printed.

    >>> str(Problem("$.pesel", "is not documented", type="string"))
    '$.pesel: is not documented (string)'
    """

    path: str
    message: str
    value: Any = None
    type: str | None = None
    #: where the broken fact comes from (``documented``, ``inferred``…; contract/_provenance.py), when known
    provenance: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        if self.type is not None:
            return f"{self.path}: {self.message} ({self.type})"
        shown = "" if self.value is None else f" (got {_short(self.value)})"
        return f"{self.path}: {self.message}{shown}"

    @property
    def suspect(self) -> bool:
        """True when the broken fact is only inferred or from an older page: the answer may be right."""
        return is_suspect(self.provenance)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "message": self.message}
        if self.type is not None:
            out["type"] = self.type
        else:
            out["value"] = self.value
        if self.provenance is not None:
            out["provenance"] = self.provenance
        return out


@dataclass(frozen=True)
class Verdict:
    """Whether an answer conforms: ``problems`` are violations, ``drift`` undocumented fields.

    >>> Verdict("chat_conversations.start", 200).ok
    True
    """

    endpoint_id: str | None
    status: int
    problems: list[Problem] = field(default_factory=list)
    drift: list[Problem] = field(default_factory=list)
    checked: bool = True

    @property
    def ok(self) -> bool:
        return self.checked and not self.problems

    @property
    def outcome(self) -> Outcome:
        """``pass``, ``pass (drift)``, ``FAIL`` or ``unchecked`` (an :class:`Outcome`)."""
        return Outcome.decide(checked=self.checked, problems=bool(self.problems), drift=bool(self.drift))

    @property
    def label(self) -> Outcome:
        """The same as :attr:`outcome` (the name before 0.2)."""
        return self.outcome

    def lines(self) -> list[str]:
        """The verdict, then one line per problem and per drift."""
        out = [f"contract: {self.outcome}"]
        out += [f"  violation {p}" for p in self.problems]
        out += [f"  drift     {p}" for p in self.drift]
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "endpoint": self.endpoint_id,
            "status": self.status,
            "verdict": str(self.outcome),
            "problems": [p.as_dict() for p in self.problems],
            "drift": [p.as_dict() for p in self.drift],
        }


def parse_body(body: bytes | str | None) -> Any:
    """The JSON value of a body; ``EMPTY_BODY`` when it is empty, ``ValueError`` when not JSON."""
    if body is None:
        return EMPTY_BODY
    text = body if isinstance(body, str) else utf8_text(body)  # UTF-8, a BOM allowed
    if not text or text.isspace():
        return EMPTY_BODY
    return loads_json(text)


def check_response(
    catalog: Catalog, endpoint: Endpoint, status: int, body: bytes | str | None, *, parsed: Any = _UNPARSED
) -> Verdict:
    """Check status and body against the endpoint's documented responses.

    ``parsed`` is ``parse_body(body)`` when the caller already has it (the body is parsed once per call).
    """
    spec = endpoint.response_for(status)
    problems: list[Problem] = []
    drift: list[Problem] = []
    if spec is None:
        documented = ", ".join(s for s in endpoint.responses if s != "default")
        problems.append(Problem("$", f"status {status} is not documented (documented: {documented})"))
        spec = next((s for s in endpoint.responses.values() if s.status.startswith("2")), None)
        if spec is None:
            return Verdict(endpoint.id, status, problems)
    where = spec.provenance  # the documented response's: the fact that the body is JSON, or empty
    try:
        value = parse_body(body) if parsed is _UNPARSED else parsed
    except (ValueError, UnicodeDecodeError) as exc:
        excerpt = (body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body))[:80]
        message = "body is JSON nested too deeply to check" if isinstance(exc, JsonTooDeep) else "body is not JSON"
        problems.append(Problem("$", message, excerpt, provenance=where))
        return Verdict(endpoint.id, status, problems)
    if spec.body == "empty":
        if value is not EMPTY_BODY:
            problems.append(Problem("$", "body should be empty", value, provenance=where))
        return Verdict(endpoint.id, status, problems)
    if value is EMPTY_BODY:
        problems.append(Problem("$", "body is empty; JSON is documented", "", provenance=where))
        return Verdict(endpoint.id, status, problems)
    assert spec.schema_uri is not None
    fast = catalog.fast_check(spec.schema_uri)
    resolved = catalog.resolve(spec.schema_uri)
    try:
        if fast is None or not fast(value):  # jsonschema judges (and words) whatever the fast path cannot pass
            for error in catalog.validator(spec.schema_uri).iter_errors(value):
                problems.append(
                    Problem(
                        json_path(error.absolute_path),
                        _worded(error),
                        error.instance,
                        provenance=_provenance(resolved, error, where),
                    )
                )
        drift.extend(_drift(catalog, resolved.contents, resolved.resolver, value, ()))
    except RecursionError:  # parsed, but deeper than the checks can walk
        problems.append(Problem("$", "body is JSON nested too deeply to check", provenance=where))
        return Verdict(endpoint.id, status, problems)
    return Verdict(endpoint.id, status, problems, drift)


def _provenance(resolved: Any, error: Any, fallback: str) -> str:
    """Where the fact a jsonschema error broke comes from (contract/_provenance.py)."""
    missing = None
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = next((n for n in error.validator_value if n not in error.instance), None)
    return error_provenance(
        resolved.contents,
        resolved.resolver,
        list(error.schema_path),
        keyword=str(error.validator),
        leaf=error.schema,
        missing=missing,
        fallback=fallback,
    )


class _DriftNode:
    """One schema as the drift walk needs it, resolved once: the nodes it includes (``$ref``, ``allOf``), its
    documented property names (and whether others are allowed), its ``items``. Children are built on first
    use and kept, so a 100-item page costs one dict look-up per key instead of a schema walk per item."""

    __slots__ = ("_children", "_deep", "_flat", "_flat_known", "_items", "_resolver", "includes", "open_ended", "props")

    def __init__(self, schema: Any, resolver: Any) -> None:
        self._resolver = resolver
        self.includes: list[_DriftNode] = []
        self.props: Mapping[str, Any] | None = None
        self.open_ended = False
        self._items: Any = None
        self._children: dict[Any, _DriftNode] = {}
        self._deep: frozenset[str] | None = None
        self._flat: _DriftNode | None = None  # worked out on first use (``self._flat_known``)
        self._flat_known = False
        if not isinstance(schema, Mapping):
            return
        if "$ref" in schema:
            found = resolver.lookup(schema["$ref"])
            self.includes.append(_drift_node(found.contents, found.resolver))
        self.includes.extend(_drift_node(sub, resolver) for sub in schema.get("allOf", []))
        if "properties" in schema:
            self.props = schema["properties"]
            self.open_ended = "additionalProperties" in schema or "patternProperties" in schema
        if isinstance(schema.get("items"), Mapping):
            self._items = schema["items"]

    def child(self, key: str) -> _DriftNode:
        node = self._children.get(key)
        if node is None:
            assert self.props is not None
            node = self._children[key] = _drift_node(self.props[key], self._resolver)
        return node

    def deep(self) -> frozenset[str]:
        """The documented properties whose schema can document fields of their own (the others hold no drift)."""
        if self._deep is None:
            assert self.props is not None
            self._deep = frozenset(key for key in self.props if not self.child(key).barren(set()))
        return self._deep

    def flat(self) -> _DriftNode | None:
        """The node this one stands for (through ``$ref``-only nodes) when it is a flat object — properties,
        none of which can hold drift, nothing included, no items: an item of it is judged by its keys alone."""
        if not self._flat_known:
            node = self
            while len(node.includes) == 1 and node.props is None and node._items is None:
                node = node.includes[0]
            flat = not node.includes and node.props is not None and node._items is None and not node.deep()
            self._flat, self._flat_known = (node if flat else None), True
        return self._flat

    def barren(self, seen: set[int]) -> bool:
        """True when no value under this schema can be drift (no properties, no items, nothing included)."""
        if id(self) in seen:
            return False  # a cycle: assume it can
        seen.add(id(self))
        return self.props is None and self._items is None and all(n.barren(seen) for n in self.includes)

    def items(self) -> _DriftNode | None:
        if self._items is None:
            return None
        node = self._children.get(0)
        if node is None:
            node = self._children[0] = _drift_node(self._items, self._resolver)
        return node


_DRIFT_NODES: dict[int, tuple[Any, _DriftNode]] = {}  # id(schema) -> (schema kept alive, node); bounded below


def _drift_node(schema: Any, resolver: Any) -> _DriftNode:
    """The node of ``schema`` (the catalog's schema objects live as long as it does; a foreign one is built anew
    once the table is full)."""
    found = _DRIFT_NODES.get(id(schema))
    if found is not None and found[0] is schema:
        return found[1]
    node = _DriftNode(schema, resolver)
    if len(_DRIFT_NODES) < 10_000:
        _DRIFT_NODES[id(schema)] = (schema, node)
    return node


def _drift(catalog: Catalog, schema: Any, resolver: Any, value: Any, where: tuple[str | int, ...]) -> Iterator[Problem]:
    """Fields present in ``value`` that the schema does not document (and does not forbid)."""
    return _drift_walk(_drift_node(schema, resolver), value, where)


def _drift_walk(node: _DriftNode, value: Any, where: tuple[str | int, ...]) -> Iterator[Problem]:
    for included in node.includes:
        yield from _drift_walk(included, value, where)
    if node.props is not None and isinstance(value, dict):
        props, deep = node.props, node.deep()
        if not deep and (node.open_ended or value.keys() <= props.keys()):
            pass  # a flat item with documented keys only: the common case, decided without a loop
        else:
            for key, sub_value in value.items():
                if key in props:
                    if key in deep and isinstance(sub_value, dict | list):  # only containers hold fields
                        yield from _drift_walk(node.child(key), sub_value, (*where, key))
                elif not node.open_ended:
                    yield Problem(json_path((*where, key)), "is not documented", type=json_type(sub_value))
    if isinstance(value, list):
        items = node.items()
        if items is not None:
            flat = items.flat()
            known = flat.props if flat is not None else None  # a flat item schema's documented names
            open_ended = flat is not None and flat.open_ended
            for i, item in enumerate(value):
                if known is not None and isinstance(item, dict) and (open_ended or item.keys() <= known.keys()):
                    continue  # a flat item with documented keys only: no walk
                if isinstance(item, dict | list):
                    yield from _drift_walk(items, item, (*where, i))


_BRIEF = reprlib.Repr()  # Python 3.11's Repr takes no keywords
_BRIEF.maxlevel, _BRIEF.maxstring, _BRIEF.maxother, _BRIEF.maxlist, _BRIEF.maxdict = 2, 60, 60, 4, 4


def _worded(error: Any, limit: int = 300) -> str:
    """A validator's message on one readable line: the value it starts by quoting shown briefly (what the rule
    says stays whole), and the whole cut at ``limit``."""
    message = str(error.message)
    if len(message) > limit:
        with contextlib.suppress(RecursionError):
            quoted = repr(error.instance)
            if message.startswith(quoted):
                message = _BRIEF.repr(error.instance) + message[len(quoted) :]
    return message if len(message) <= limit else message[: limit - 1] + "…"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
