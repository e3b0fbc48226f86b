"""Schemathesis reads the generated OpenAPI document the way the sandbox and the client mean it.

The full run (every check, every phase, stateful included) is in test_openapi_tools.py, through
Schemathesis' CLI as users run it. These tests pin single agreements through its Python API: a
non-conforming answer is caught, lists inside query objects travel as the sandbox reads them, the
document's links feed the chat operations, and the file the CLI writes loads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import response_schema_conformance

from thulium_explore import Sandbox, default_catalog, openapi_document
from thulium_explore.cli import main

pytestmark = pytest.mark.slow

ENDPOINTS = [(e.id, e.method, e.path) for e in default_catalog()]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as running:
        yield running


@pytest.fixture(scope="module")
def api(sandbox: Sandbox) -> Any:
    """The generated document, loaded by Schemathesis, pointed at the sandbox with its credentials."""
    config = schemathesis.Config.from_dict(
        {
            "base-url": sandbox.base_url,
            "auth": {"basic": {"username": sandbox.user, "password": sandbox.password}},
            # Credentials come from the config; do not generate Authorization headers of its own.
            "generation": {"with-security-parameters": False},
        }
    )
    return schemathesis.openapi.from_dict(openapi_document(), config=config)


def _lists_in_query_objects() -> list[tuple[str, str, str]]:
    """(path, method, parameter) of every deepObject query parameter whose values are lists."""
    found = []
    for path, item in openapi_document()["paths"].items():
        for method, operation in item.items():
            for param in operation.get("parameters", []):
                values = param["schema"].get("additionalProperties")
                if param.get("style") == "deepObject" and isinstance(values, dict) and "propertyNames" in values:
                    found.append((path, method.upper(), param["name"]))
    return found


@pytest.mark.parametrize(("path", "method", "name"), _lists_in_query_objects())
def test_lists_inside_query_objects_travel_as_the_sandbox_reads_them(
    api: Any, sandbox: Sandbox, path: str, method: str, name: str
) -> None:
    """custom_fields: Schemathesis sends custom_fields[Name][0]=v (PHP style, as the docs show), and the
    sandbox accepts it; before the fix it sent custom_fields[Name]=v and got 400."""
    operation = api[path][method]
    sent: list[str] = []

    @settings(max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(operation.as_strategy(generation_mode=schemathesis.GenerationMode.POSITIVE))
    def exchange(case: schemathesis.Case) -> None:
        keys = [k for k in (case.query or {}) if k.startswith(f"{name}[")]
        if not keys:
            return
        assert all(k.count("[") == 2 and k.endswith("]") for k in keys), keys
        response = case.call(session=session)
        errors = response.json().get("errors", []) if response.status_code == 400 else []
        assert not [e for e in errors if e["message"].startswith(f"{name}")], (keys, errors)
        sent.extend(keys)

    with requests.Session() as session:
        exchange()
    assert sent, f"no case carried {name}"


def test_schemathesis_turns_the_links_into_stateful_transitions(api: Any) -> None:
    """Its state machine steps from a started chat to message, stop, delete and delete_content through the
    document's links (named after the target operationId; before the export had links, there were none)."""
    rules = [name for name in dir(api.as_state_machine()) if name.startswith("POST_api_chat_conversations_start___")]
    reached = {name.split("___200_", 1)[1].split("__", 1)[0] for name in rules}
    start = default_catalog()["chat_conversations.start"]
    expected = {link.target.replace(".", "_") for link in start.links if not link.each_item}
    assert expected and expected <= reached, (expected, reached)


def test_a_non_conforming_answer_would_be_caught(api: Any, sandbox: Sandbox) -> None:
    """The conformance check is live: a 200 whose body breaks the schema fails it."""
    operation = api["/api/chat_conversations/start"]["POST"]
    case = operation.Case(query={"chat_queue_id": 3})
    response = requests.Response()
    response.status_code = 200
    response._content = json.dumps({"conversation_id": 42}).encode()
    response.headers["Content-Type"] = "application/json"
    response.request = requests.Request("POST", sandbox.base_url + "/api/chat_conversations/start").prepare()
    with pytest.raises(BaseException, match="(?i)schema"):
        case.validate_response(response, checks=[response_schema_conformance])


def test_schemathesis_loads_the_file_the_cli_writes(tmp_path: Path) -> None:
    """The README path: `thulium-explore openapi -o openapi.json`, then point Schemathesis at the file."""
    target = tmp_path / "openapi.json"
    assert main(["openapi", "-o", str(target)]) == 0
    schema = schemathesis.openapi.from_path(str(target))
    labels = {result.ok().label for result in schema.get_all_operations()}
    assert labels == {f"{method} {path}" for _, method, path in ENDPOINTS}
