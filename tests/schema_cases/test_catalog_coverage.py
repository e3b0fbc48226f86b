"""The catalog covers the facts file, and uses only known formats, patterns and x-sensitive kinds."""

from __future__ import annotations

import json
import keyword
import re
from collections.abc import Iterator
from typing import Any

import pytest

from thulium_explore import default_catalog
from thulium_explore.catalog import SCHEMA_BASE, schemas_root
from thulium_explore.catalog._formats import FORMAT_CHECKER

# Every endpoint in /work/shared/reference/thulium-api-facts.md, as (method, path), copied by hand.
FACTS_ENDPOINTS = {
    # Chats
    ("POST", "/api/chat_conversations/start"),
    ("POST", "/api/chat_conversations/{id}/message"),
    ("POST", "/api/chat_conversations/{id}/stop"),
    ("DELETE", "/api/chat_conversations/content/{id}/{participant}"),
    ("DELETE", "/api/chat_conversations/{id}"),
    ("GET", "/api/chats"),
    ("GET", "/api/chats/queues"),
    ("GET", "/api/chats/reports/summary"),
    # Webhooks
    ("POST", "/api/webhooks"),
    # CRM
    ("GET", "/api/customers"),
    ("GET", "/api/customers/{id}"),
    ("POST", "/api/customers"),
    ("POST", "/api/batch/customers"),
    ("PUT", "/api/customers/{id}"),
    ("DELETE", "/api/customers/{id}"),
    ("GET", "/api/companies"),
    ("POST", "/api/companies"),
    ("GET", "/api/companies/{id}"),
    ("PUT", "/api/companies/{id}"),
    ("DELETE", "/api/companies/{id}"),
    # Tickets
    ("GET", "/api/tickets"),
    ("GET", "/api/tickets/{id}"),
    ("POST", "/api/tickets"),
    ("POST", "/api/tickets/{id}/agent_response"),
    ("POST", "/api/temporary_files"),
    # Agents, queues, calls
    ("GET", "/api/agents/{login}"),
    ("GET", "/api/agents/{login}/status"),
    ("POST", "/api/agents"),
    ("POST", "/api/agents/{login}/call"),
    *{
        ("POST", f"/api/agents/{{login}}/{action}")
        for action in (
            "answer",
            "call_preview",
            "free",
            "hangup",
            "hold",
            "login",
            "logout",
            "mute",
            "pause",
            "stop_recording",
            "transfer",
            "unhold",
            "unmute",
        )
    },
    ("GET", "/api/queues/{id}/waiting_list"),
    ("POST", "/api/queues/{id}/schedule_call"),
    ("GET", "/api/queues/{id}/waiting_stats"),
    ("GET", "/api/connections"),
    ("POST", "/api/connections/call"),
    ("GET", "/api/recordings"),
}
LIST_ENDPOINTS = ("chats.list", "tickets.list", "connections.list", "recordings.list")
PROVENANCE = {"documented", "documented-old", "example", "code", "inferred"}


def _documents() -> dict[str, dict[str, Any]]:
    root = schemas_root()
    return {
        str(p.relative_to(root)): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(root.rglob("*.json"))
        if p.relative_to(root).parts[0] != "meta"
    }


def _walk(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object inside a document (skipping examples, defaults, enums and x-thulium)."""
    if isinstance(node, dict):
        yield where, node
        for key, sub in node.items():
            if key in ("examples", "default", "enum", "const", "x-thulium", "x-thulium-webhook"):
                continue
            yield from _walk(sub, f"{where}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from _walk(sub, f"{where}/{i}")


def _meta() -> dict[str, Any]:
    return json.loads((schemas_root() / "meta" / "endpoint.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_every_endpoint_in_the_facts_file_is_in_the_catalog() -> None:
    """The first facts file, copied by hand; the whole documented index (both facts files, either way round)
    is compared in tests/unit/test_endpoint_index.py."""
    routes = {(e.method, e.path) for e in default_catalog()}
    assert sorted(FACTS_ENDPOINTS - routes) == []
    assert len(FACTS_ENDPOINTS) == 48


def test_ids_are_dotted_words_without_a_python_keyword_at_the_end() -> None:
    for endpoint in default_catalog():
        assert re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", endpoint.id)
        assert not keyword.iskeyword(endpoint.id.rsplit(".", 1)[-1]), endpoint.id


def test_groups_are_the_documented_ones() -> None:
    assert {e.group for e in default_catalog()} == {
        "chats",
        "crm",
        "tickets",
        "agents",
        "queues",
        "campaigns",
        "calls",
        "webhooks",
    }


def test_every_format_used_is_really_checked() -> None:
    used = {
        (name, where, s["format"])
        for name, doc in _documents().items()
        for where, s in _walk(doc)
        if isinstance(s.get("format"), str)
    }
    assert used, "the catalog uses formats (uuid, email)"
    unknown = [u for u in used if u[2] not in FORMAT_CHECKER.checkers]
    assert unknown == []
    assert not [u for u in used if u[2] == "date-time"], "Thulium dates are not RFC 3339"


def test_every_pattern_used_is_one_of_the_shared_patterns() -> None:
    types = json.loads((schemas_root() / "common" / "types.json").read_text(encoding="utf-8"))
    known = {s["pattern"] for s in types["$defs"].values() if "pattern" in s}
    for pattern in known:
        re.compile(pattern)
    used = {
        (name, where, s["pattern"])
        for name, doc in _documents().items()
        for where, s in _walk(doc)
        if isinstance(s.get("pattern"), str)
    }
    assert [u for u in used if u[2] not in known] == []


def test_every_sensitive_kind_used_is_in_the_vocabulary() -> None:
    vocabulary = set(_meta()["$defs"]["sensitive_kind"]["enum"])
    used = {
        (name, where, s["x-sensitive"])
        for name, doc in _documents().items()
        for where, s in _walk(doc)
        if "x-sensitive" in s
    }
    assert used
    assert [u for u in used if u[2] not in vocabulary] == []
    for kind in vocabulary:
        assert kind in _meta()["$defs"]["sensitive_kind"]["description"], f"{kind} is described"


@pytest.mark.parametrize("suffix", ["email", "surname", "phone_number", "password", "_login", "pesel", "nip"])
def test_fields_that_look_personal_are_marked_sensitive(suffix: str) -> None:
    """The scrubber relies on x-sensitive: every field named like personal data carries it."""
    missing = []
    for name, doc in _documents().items():
        for where, schema in _walk(doc):
            for prop, sub in schema.get("properties", {}).items():
                named = prop.endswith(suffix) or prop == "login"
                if isinstance(sub, dict) and named and sub.get("type") != "boolean" and "x-sensitive" not in sub:
                    missing.append(f"{name}{where}/properties/{prop}")
    assert missing == []


def test_every_property_says_where_it_comes_from() -> None:
    missing = []
    for name, doc in _documents().items():
        for where, schema in _walk(doc):
            for prop, sub in schema.get("properties", {}).items():
                if isinstance(sub, dict) and sub.get("x-provenance") not in PROVENANCE:
                    missing.append(f"{name}{where}/properties/{prop}")
            if "x-type-provenance" in schema:
                assert schema["x-type-provenance"] in PROVENANCE, f"{name}{where}"
    assert missing == []


def test_every_example_in_every_schema_is_valid_where_it_stands() -> None:
    catalog = default_catalog()
    checked = 0
    for name, doc in _documents().items():
        uri = SCHEMA_BASE + name
        for where, schema in _walk(doc):
            for i, example in enumerate(schema.get("examples", [])):
                errors = [e.message for e in catalog.validator(uri + where).iter_errors(example)]
                assert errors == [], f"{name}{where}/examples/{i}: {errors}"
                checked += 1
    assert checked > 200


def test_example_emails_are_example_org() -> None:
    def strings(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for sub in value.values():
                yield from strings(sub)
        elif isinstance(value, list):
            for sub in value:
                yield from strings(sub)

    for name, doc in _documents().items():
        for where, schema in _walk(doc):
            for text in strings(schema.get("examples", [])):
                if "@" in text:
                    assert text.endswith("@example.org"), f"{name}{where}: {text}"


def test_every_json_success_response_has_an_example() -> None:
    resolver = default_catalog().registry.resolver()
    for endpoint in default_catalog():
        for status, spec in endpoint.responses.items():
            if status.startswith("2") and spec.body == "json":
                assert spec.schema_uri
                assert resolver.lookup(spec.schema_uri).contents.get("examples"), f"{endpoint.id} {status}"


def test_empty_answers_accept_200_and_204_with_204_marked_inferred() -> None:
    for endpoint in default_catalog():
        empty = {s for s, spec in endpoint.responses.items() if spec.body == "empty"}
        if empty:
            assert empty == {"200", "204"}, endpoint.id
            assert endpoint.responses["204"].provenance == "inferred", endpoint.id


def test_list_endpoints_answer_count_and_result() -> None:
    resolver = default_catalog().registry.resolver()
    for endpoint_id in LIST_ENDPOINTS:
        spec = default_catalog()[endpoint_id].responses["200"]
        schema = resolver.lookup(spec.schema_uri).contents
        assert schema["required"] == ["count", "result"], endpoint_id
        assert schema["properties"]["result"]["type"] == "array", endpoint_id


def test_query_arrays_travel_with_brackets() -> None:
    from thulium_explore._wire._params import to_wire

    wire = to_wire(default_catalog()["tickets.list"], {"status_id": [1, 2]})
    assert wire.query == [("status_id[]", "1"), ("status_id[]", "2")]


def test_path_parameters_are_required_and_in_the_path() -> None:
    for endpoint in default_catalog():
        for param in endpoint.parameters:
            if param.location == "path":
                assert param.required and "{" + param.name + "}" in endpoint.path, endpoint.id
