"""Schemathesis, driven by the generated OpenAPI document, against a live sandbox.

Every operation gets positive cases (valid by the document) and negative ones (invalid on purpose):
the sandbox must never answer 5xx, and every answer must conform to the document (status
documented, content type, body schema). Bounded: a few examples per operation, no deadline,
derandomized so CI sees the same cases each run.
"""

from __future__ import annotations

import collections
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from thulium_explore import Endpoint, Sandbox, default_catalog, openapi_document
from thulium_explore.cli import main

pytestmark = pytest.mark.slow

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = {schemathesis.GenerationMode.POSITIVE: 10, schemathesis.GenerationMode.NEGATIVE: 4}
ENDPOINTS = [(e.id, e.method, e.path) for e in default_catalog()]


def _can_be_invalid(endpoint: Endpoint) -> bool:
    """Whether negative cases exist: a body, a query parameter, or a path value with a type or rule.
    (A free-text path value, like an agent's login, cannot be made invalid; trying costs seconds.)"""
    return endpoint.request_body != "empty" or any(
        p.location == "query" or p.type != "string" or {"pattern", "format", "enum"} & set(p.schema)
        for p in endpoint.parameters
    )


CASES = [
    pytest.param(endpoint_id, method, path, mode, id=f"{mode.value}-{endpoint_id}")
    for mode in EXAMPLES
    for endpoint_id, method, path in ENDPOINTS
    if mode is schemathesis.GenerationMode.POSITIVE or _can_be_invalid(default_catalog()[endpoint_id])
]


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


@pytest.fixture(scope="module")
def statuses() -> collections.Counter[tuple[str, str, int]]:
    return collections.Counter()


@pytest.mark.parametrize(("endpoint_id", "method", "path", "mode"), CASES)
def test_no_server_errors_and_every_answer_conforms(
    api: Any,
    endpoint_id: str,
    method: str,
    path: str,
    mode: schemathesis.GenerationMode,
    statuses: collections.Counter[tuple[str, str, int]],
) -> None:
    operation = api[path][method]
    session = requests.Session()

    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        derandomize=True,
        database=None,
        # a handful of examples per operation: generation speed and filtering are not under test
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
    @given(operation.as_strategy(generation_mode=mode))
    def exchange(case: schemathesis.Case) -> None:
        response = case.call_and_validate(session=session, checks=CHECKS)
        statuses[(endpoint_id, mode.value, response.status_code)] += 1

    with session:
        try:
            exchange()
        except Unsatisfiable:
            if mode is schemathesis.GenerationMode.POSITIVE:
                raise
            pytest.skip("nothing in this operation can be made invalid (no parameters, or free-text path only)")
    seen = {status for (eid, m, status) in statuses if eid == endpoint_id and m == mode.value}
    assert seen, "no request was sent"
    if mode is schemathesis.GenerationMode.POSITIVE:
        # valid cases must not all be refused: the document and the sandbox agree on what is valid
        assert seen - {400}, f"{endpoint_id}: every valid case was refused with 400"


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
