"""The contract verdict for one answer."""

from __future__ import annotations

import json

from thulium_explore import Verdict, check_response, default_catalog

CATALOG = default_catalog()
START = CATALOG["chat_conversations.start"]
UUID = "6ed7c941-2c8a-411e-95d2-338a9f64800a"


def verdict(status: int, body: object) -> Verdict:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return check_response(CATALOG, START, status, raw)


def test_documented_example_passes() -> None:
    assert verdict(200, {"conversation_id": UUID}).label == "pass"


def test_problems_carry_json_path_and_value() -> None:
    result = verdict(200, {"conversation_id": 42})
    assert [str(p) for p in result.problems] == ["$.conversation_id: 42 is not of type 'string' (got 42)"]
    assert result.label == "FAIL" and not result.ok


def test_error_object_is_checked_for_every_non_2xx_status() -> None:
    good = {"request_id": "53678450401cf", "errors": [{"message": "x", "code": 1}]}
    assert verdict(400, good).ok and verdict(503, good).ok
    bad = verdict(401, {"request_id": "r", "errors": [{"message": "x", "code": "1"}]})
    assert [p.path for p in bad.problems] == ["$.errors[0].code"]


def test_undocumented_success_status_is_a_violation() -> None:
    result = verdict(201, {"conversation_id": UUID})
    assert [p.message for p in result.problems] == ["status 201 is not documented (documented: 200)"]


def test_drift_is_reported_separately() -> None:
    result = verdict(200, {"conversation_id": UUID, "new_field": "x"})
    assert result.ok and result.label == "pass (drift)"
    assert result.as_dict()["drift"] == [{"path": "$.new_field", "message": "is not documented", "type": "string"}]


def test_non_json_body_is_a_problem_with_an_excerpt() -> None:
    result = verdict(500, b"<html>Internal Server Error</html>")
    excerpt = "<html>Internal Server Error</html>"
    assert [(p.message, p.value) for p in result.problems] == [("body is not JSON", excerpt)]


def test_status_known_only_from_code_is_not_the_only_one_accepted() -> None:
    companies = CATALOG["companies.create"]
    for status in (200, 201):
        result = check_response(CATALOG, companies, status, json.dumps({"company_id": 5}).encode())
        assert result.ok, (status, result.lines())
    assert companies.responses["200"].provenance == "inferred"


def test_html_display_shows_each_problem_with_its_value() -> None:
    from thulium_explore._wire._params import to_wire
    from thulium_explore.client._result import CallResult, SentRequest

    wire = to_wire(START, {"chat_queue_id": 3})
    result = CallResult(
        "chat_conversations.start",
        {"chat_queue_id": 3},
        200,
        {},
        "",
        {"conversation_id": 42},
        0.01,
        SentRequest("POST", "http://127.0.0.1/x", {}, None, wire),
        verdict(200, {"conversation_id": 42}),
    )
    shown = result._repr_html_()
    assert "$.conversation_id" in shown and "(got <code>42</code>)" in shown
