"""The contract verdict for one answer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from thulium_explore import Catalog, Verdict, VerifyReport, check_response, default_catalog, verify
from thulium_explore.catalog import schemas_root

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


# --- provenance-aware verdicts: a recorded answer against an inferred fact is a suspect, not a failure ---

PROBE = Path(__file__).resolve().parents[1] / "data" / "provenance"


@pytest.fixture(scope="module")
def probe_catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The shipped meta-schema and common types, plus two fixture endpoints whose facts have known provenance."""
    root = tmp_path_factory.mktemp("schemas")
    for folder in ("meta", "common"):
        shutil.copytree(schemas_root() / folder, root / folder)
    shutil.copytree(PROBE / "endpoints", root / "endpoints")
    return Catalog(root)


def _probe(catalog: Catalog, *, strict: bool = False) -> VerifyReport:
    return verify(PROBE / "probe.yaml", catalog=catalog, strict=strict)


#: interaction index → (outcome, outcome with --strict, [(path, provenance)] of the response problems)
PROBE_EXPECTED = {
    0: ("pass", "pass", []),
    1: ("pass (suspect)", "FAIL (suspect)", [("$.status", "documented-old")]),  # an enum from an older page
    2: ("pass (suspect)", "FAIL (suspect)", [("$.count", "inferred")]),  # x-type-provenance beats x-provenance
    3: ("pass (suspect)", "FAIL (suspect)", [("$.queue_id", "inferred")]),  # the $ref'd type is inferred
    4: ("FAIL", "FAIL", [("$.name", "documented")]),
    5: ("FAIL", "FAIL", [("$.code", "example")]),  # a documented example's fact still fails
    6: ("FAIL", "FAIL", [("$.note", "inferred")]),  # the request keeps today's strictness (a documented-old enum)
    7: ("pass (suspect)", "FAIL (suspect)", [("$", "inferred")]),  # an inferred empty body
    8: ("FAIL", "FAIL", [("$.errors", "documented")]),
}


@pytest.mark.parametrize("index", sorted(PROBE_EXPECTED))
def test_verdict_follows_the_provenance_of_the_broken_fact(probe_catalog: Catalog, index: int) -> None:
    outcome, strict_outcome, found = PROBE_EXPECTED[index]
    item = _probe(probe_catalog).interactions[index]
    assert item.outcome == outcome
    assert _probe(probe_catalog, strict=True).interactions[index].outcome == strict_outcome
    assert [(p.path, p.provenance) for p in item.response.problems] == found  # type: ignore[union-attr]


def test_an_inferred_fact_warns_and_fails_only_with_strict(probe_catalog: Catalog) -> None:
    suspects_only = [i for i in _probe(probe_catalog).interactions if i.index in (1, 2, 3, 7)]
    assert suspects_only and all(i.ok and i.suspects and not i.problems for i in suspects_only)
    lines = "\n".join(suspects_only[1].lines())
    assert "suspect  $.count: '3' is not of type 'integer'" in lines
    assert "— inferred: the recording is evidence, update the schema" in lines
    report = verify(PROBE / "probe.yaml", catalog=probe_catalog)
    only_suspects = VerifyReport(suspects_only, report.cassettes)
    assert only_suspects.exit_code == 0
    strict = [i for i in _probe(probe_catalog, strict=True).interactions if i.index in (1, 2, 3, 7)]
    assert VerifyReport(strict, report.cassettes, strict=True).exit_code == 1


def test_summary_counts_response_problems_by_provenance(probe_catalog: Catalog) -> None:
    report = _probe(probe_catalog)
    assert report.provenance_counts() == {"documented": 2, "documented-old": 1, "example": 1, "inferred": 4}
    assert report.summary().endswith(
        "; response problems by provenance: documented 2, documented-old 1, example 1, inferred 4"
    )
    data = report.as_dict()
    assert data["provenance_counts"]["inferred"] == 4
    assert data["interactions"][2]["suspects"] == [
        {"path": "$.count", "message": "'3' is not of type 'integer'", "value": "3", "provenance": "inferred"}
    ]
    assert data["interactions"][2]["response_problems"] == []


def test_a_live_answer_keeps_its_problems_with_their_provenance() -> None:
    """check_response (the client's verdict) still lists every problem; verify decides what is a suspect."""
    result = verdict(200, {"conversation_id": 42})
    assert result.problems[0].provenance in ("documented", "example", "code", "inferred", "documented-old")
    assert not result.ok


# -- hostile nesting: a finding, never a RecursionError ---------------------------------------------


def test_an_answer_nested_past_the_parser_is_a_problem_not_a_crash() -> None:
    catalog = default_catalog()
    verdict = check_response(catalog, catalog["chats.list"], 200, b"[" * 100_000)
    assert [(p.path, p.message) for p in verdict.problems] == [("$", "body is JSON nested too deeply to check")]


def test_a_deep_but_readable_answer_gets_a_brief_message_that_keeps_the_rule() -> None:
    catalog = default_catalog()
    body = '{"count": 1, "result": ' + "[" * 900 + "]" * 900 + "}"
    verdict = check_response(catalog, catalog["chats.list"], 200, body)
    (problem,) = verdict.problems
    assert problem.message.endswith("is not of type 'object'") and len(problem.message) < 100


def test_a_recorded_request_body_nested_past_the_parser_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    interaction = {
        "request": {
            "method": "POST",
            "uri": "https://your-system-name.thulium.com/api/customers",
            "body": "[" * 100_000,
            "headers": {"Content-Type": ["application/json"]},
        },
        "response": {
            "status": {"code": 200, "message": "OK"},
            "headers": {"Content-Type": ["application/json"]},
            "body": {"string": '{"customer_id": 1}'},
        },
    }
    path.write_text(json.dumps({"interactions": [interaction], "version": 1}), encoding="utf-8")
    report = verify([path])
    messages = [p.message for interaction in report.interactions for p in interaction.request_problems]
    assert "request body is JSON nested too deeply to check" in messages
