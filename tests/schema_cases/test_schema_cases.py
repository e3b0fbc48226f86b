"""Schema test cases as data: tests/schema_cases/<endpoint id>.json and webhooks/<event>.json.

Each file lists valid and invalid parameters (and, for JSON responses, bodies); every invalid case
names the rule it breaks (a jsonschema keyword) and where (``$.result[0].created_at``), and the
test checks that exactly that rule fails there, so a case cannot pass for the wrong reason.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from thulium_explore import check_response, check_webhook, default_catalog, webhook_events
from thulium_explore._wire._params import check, to_wire

HERE = Path(__file__).parent
ENDPOINT_FILES = sorted(HERE.glob("*.json"))
WEBHOOK_FILES = sorted((HERE / "webhooks").glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _cases(files: list[Path], section: str, kind: str) -> list[Any]:
    out = []
    for path in files:
        doc = _load(path)
        name = doc.get("endpoint") or doc.get("event")
        for i, case in enumerate(doc.get(section, {}).get(kind, [])):
            out.append(pytest.param(doc, case, id=f"{name}:{kind}{i}"))
    return out


def _locations(error: Any) -> set[str]:
    """Where an error points: its path, plus the missing or extra property for required/additionalProperties."""
    base = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    found = {base}
    if error.validator == "required" and isinstance(error.instance, dict):
        found |= {f"{base}.{n}" for n in error.validator_value if n not in error.instance}
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        props = error.schema.get("properties", {})
        found |= {f"{base}.{k}" for k in error.instance if k not in props}
    return found


def _assert_breaks(errors: list[Any], case: dict[str, Any]) -> None:
    seen = [(e.validator, sorted(_locations(e))) for e in errors]
    assert any(e.validator == case["rule"] and case["at"] in _locations(e) for e in errors), (
        f"{case['why']}: expected rule {case['rule']!r} to fail at {case['at']}, got {seen}"
    )


def _response_uri(doc: dict[str, Any]) -> str:
    endpoint = default_catalog()[doc["endpoint"]]
    spec = endpoint.responses[doc["response"]["status"]]
    assert spec.body == "json" and spec.schema_uri
    return spec.schema_uri


# --- the files themselves ------------------------------------------------------------------------


def test_every_endpoint_has_a_case_file() -> None:
    assert {p.stem for p in ENDPOINT_FILES} == set(default_catalog().endpoints)


def test_every_webhook_event_has_a_case_file() -> None:
    assert {_load(p)["event"] for p in WEBHOOK_FILES} == set(webhook_events())


@pytest.mark.parametrize("path", ENDPOINT_FILES, ids=lambda p: p.stem)
def test_case_file_covers_parameters_and_json_responses(path: Path) -> None:
    doc = _load(path)
    endpoint = default_catalog()[doc["endpoint"]]
    assert doc["endpoint"] == path.stem
    assert doc["parameters"]["valid"] and doc["parameters"]["invalid"]
    json_2xx = [s for s, spec in endpoint.responses.items() if s.startswith("2") and spec.body == "json"]
    if json_2xx:
        assert doc["response"]["status"] in json_2xx
        assert doc["response"]["valid"] and doc["response"]["invalid"]
    else:
        assert "response" not in doc, "empty responses have no body cases"
    for section in ("parameters", "response"):
        for case in doc.get(section, {}).get("valid", []) + doc.get(section, {}).get("invalid", []):
            assert case["why"].strip()
        for case in doc.get(section, {}).get("invalid", []):
            assert case["rule"] and case["at"].startswith("$")


@pytest.mark.parametrize("path", WEBHOOK_FILES, ids=lambda p: p.stem)
def test_webhook_case_file_has_valid_and_invalid_payloads(path: Path) -> None:
    doc = _load(path)
    assert doc["payload"]["valid"] and doc["payload"]["invalid"]
    assert all(c["why"].strip() for c in doc["payload"]["valid"] + doc["payload"]["invalid"])


# --- parameters ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("doc", "case"), _cases(ENDPOINT_FILES, "parameters", "valid"))
def test_valid_parameters_pass_and_reach_the_wire(doc: dict[str, Any], case: dict[str, Any]) -> None:
    catalog = default_catalog()
    endpoint = catalog[doc["endpoint"]]
    errors = list(catalog.validator(endpoint.parameters_uri).iter_errors(case["value"]))
    assert not errors, f"{case['why']}: {[e.message for e in errors]}"
    assert check(catalog, endpoint, case["value"]) == []
    wire = to_wire(endpoint, case["value"])
    assert "{" not in wire.path, "every path placeholder is filled"


@pytest.mark.parametrize(("doc", "case"), _cases(ENDPOINT_FILES, "parameters", "invalid"))
def test_invalid_parameters_fail_for_the_stated_rule(doc: dict[str, Any], case: dict[str, Any]) -> None:
    catalog = default_catalog()
    endpoint = catalog[doc["endpoint"]]
    _assert_breaks(list(catalog.validator(endpoint.parameters_uri).iter_errors(case["value"])), case)
    assert check(catalog, endpoint, case["value"]), "the client refuses it before sending"


# --- responses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("doc", "case"), _cases(ENDPOINT_FILES, "response", "valid"))
def test_valid_responses_pass_the_contract(doc: dict[str, Any], case: dict[str, Any]) -> None:
    catalog = default_catalog()
    errors = list(catalog.validator(_response_uri(doc)).iter_errors(case["value"]))
    assert not errors, f"{case['why']}: {[e.message for e in errors]}"
    status = int(doc["response"]["status"])
    verdict = check_response(catalog, catalog[doc["endpoint"]], status, json.dumps(case["value"]))
    assert verdict.ok, verdict.lines()


@pytest.mark.parametrize(("doc", "case"), _cases(ENDPOINT_FILES, "response", "invalid"))
def test_invalid_responses_fail_for_the_stated_rule(doc: dict[str, Any], case: dict[str, Any]) -> None:
    catalog = default_catalog()
    _assert_breaks(list(catalog.validator(_response_uri(doc)).iter_errors(case["value"])), case)
    status = int(doc["response"]["status"])
    assert not check_response(catalog, catalog[doc["endpoint"]], status, json.dumps(case["value"])).ok


# --- webhook payloads ----------------------------------------------------------------------------


@pytest.mark.parametrize(("doc", "case"), _cases(WEBHOOK_FILES, "payload", "valid"))
def test_valid_webhook_payloads_pass(doc: dict[str, Any], case: dict[str, Any]) -> None:
    verdict = check_webhook(case["value"], event=doc["event"])
    assert verdict.ok, f"{case['why']}: {verdict.lines()}"


@pytest.mark.parametrize(("doc", "case"), _cases(WEBHOOK_FILES, "payload", "invalid"))
def test_invalid_webhook_payloads_fail_for_the_stated_rule(doc: dict[str, Any], case: dict[str, Any]) -> None:
    catalog = default_catalog()
    uri = webhook_events(catalog)[doc["event"]].uri
    _assert_breaks(list(catalog.validator(uri).iter_errors(case["value"])), case)
    assert not check_webhook(case["value"], event=doc["event"]).ok


def test_raw_bytes_are_valid_file_content() -> None:
    """Bytes are not a JSON type, so the JSON case files cannot hold them: checked here."""
    catalog = default_catalog()
    endpoint = catalog["temporary_files.upload"]
    params = {"filename": "hello.bin", "content": b"\x00\x01binary"}
    assert check(catalog, endpoint, params) == []
    wire = to_wire(endpoint, params)
    assert wire.body == b"\x00\x01binary"
    assert wire.content_type == "application/octet-stream"
    assert wire.query == [("filename", "hello.bin")]
