"""JSON paths (``catalog/_paths.py`` and ``_wire/_jsonpath.py``), as a table: tests/data/wire/jsonpath.json."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from thulium_explore import check_response, check_webhook, default_catalog
from thulium_explore._wire._jsonpath import field_path
from thulium_explore.catalog._catalog import _path as catalog_location
from thulium_explore.catalog._paths import json_path

TABLE: dict[str, Any] = json.loads((Path(__file__).parents[1] / "data" / "wire" / "jsonpath.json").read_text("utf-8"))


def _id(case: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in case.items() if k != "why"}, ensure_ascii=False)[:70]


@pytest.mark.parametrize("case", TABLE["json_path"], ids=_id)
def test_json_path(case: dict[str, Any]) -> None:
    assert json_path(case["parts"]) == case["path"]
    assert json_path(iter(case["parts"])) == case["path"]  # any iterable (jsonschema gives a deque)


@pytest.mark.parametrize("case", TABLE["field_path"], ids=_id)
def test_field_path(case: dict[str, Any]) -> None:
    assert field_path(case["field"]) == case["path"]


@pytest.mark.parametrize("case", TABLE["catalog"], ids=_id)
def test_the_catalog_location_is_the_path_without_its_root(case: dict[str, Any]) -> None:
    error = SimpleNamespace(
        absolute_path=case["parts"],
        validator=case["validator"],
        instance=case.get("instance"),
        validator_value=case.get("required"),
    )
    assert catalog_location(error) == case["location"]


def test_a_response_problem_and_its_drift_are_located_by_json_path() -> None:
    catalog = default_catalog()
    body = json.dumps({"request_id": "x", "errors": [{"message": "m", "code": "not-a-code", "extra": 1}]})
    verdict = check_response(catalog, catalog["chat_conversations.start"], 400, body)
    assert [p.path for p in verdict.problems] == ["$.errors[0].code"]
    assert [p.path for p in verdict.drift] == ["$.errors[0].extra"]


def test_a_webhook_problem_is_located_by_json_path() -> None:
    verdict = check_webhook({"date": "2017-12-11 11:21:05", "extra": 1}, event="CHAT_CONVERSATION_CLOSED")
    assert [p.path for p in verdict.problems] == ["$.conversation_id"]
    assert [p.path for p in verdict.drift] == ["$.extra"]
