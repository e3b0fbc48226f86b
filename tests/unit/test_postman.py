"""The Postman collection: structure, no credentials, every endpoint once, descriptions in both languages,
and the draft-07 schema copies judged by an independent draft-07 validator against the schema cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from thulium_explore import default_catalog
from thulium_explore.catalog._formats import FORMATS
from thulium_explore.postman import draft07, postman_collection

CASES = Path(__file__).resolve().parents[1] / "schema_cases"


@pytest.fixture(scope="module")
def collection() -> dict[str, Any]:
    return postman_collection()


def _requests(collection: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for folder in collection["item"] for item in folder["item"]]


def test_collection_v21_with_basic_auth_from_variables_without_values(collection: dict[str, Any]) -> None:
    assert collection["info"]["schema"] == "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
    assert collection["auth"] == {
        "type": "basic",
        "basic": [
            {"key": "username", "value": "{{apiUser}}", "type": "string"},
            {"key": "password", "value": "{{apiPassword}}", "type": "string"},
        ],
    }
    own = {v["key"]: v["value"] for v in collection["variable"][:3]}
    assert own == {"baseUrl": "", "apiUser": "", "apiPassword": ""}
    text = json.dumps(collection)
    assert "api_pass" not in text and "Authorization" not in text


def test_one_folder_per_group_and_every_endpoint_once(collection: dict[str, Any]) -> None:
    catalog = default_catalog()
    assert [f["name"] for f in collection["item"]] == list(dict.fromkeys(e.group for e in catalog))
    names = [item["name"].split(" — ")[0] for item in _requests(collection)]
    assert sorted(names) == sorted(e.id for e in catalog)
    for folder in collection["item"]:
        assert {catalog[i["name"].split(" — ")[0]].group for i in folder["item"]} == {folder["name"]}


def test_requests_use_base_url_and_the_documented_example(collection: dict[str, Any]) -> None:
    start = next(i for i in _requests(collection) if i["name"].startswith("chat_conversations.start "))
    assert start["request"]["method"] == "POST"
    assert start["request"]["url"]["raw"] == "{{baseUrl}}/api/chat_conversations/start?chat_queue_id=3&client_id=1234"
    assert start["request"]["url"]["query"] == [
        {"key": "chat_queue_id", "value": "3"},
        {"key": "client_id", "value": "1234"},
    ]
    for item in _requests(collection):
        assert item["request"]["url"]["raw"].startswith("{{baseUrl}}/api/")


def test_linked_values_come_from_the_earlier_answer(collection: dict[str, Any]) -> None:
    chats = next(f for f in collection["item"] if f["name"] == "chats")
    order = [i["name"].split(" — ")[0] for i in chats["item"]]
    assert order.index("chat_conversations.start") < order.index("chat_conversations.message")
    assert order[-2:] == ["chat_conversations.delete_content", "chat_conversations.delete"]  # part, then whole
    message = chats["item"][order.index("chat_conversations.message")]
    assert (
        message["request"]["url"]["raw"]
        == "{{baseUrl}}/api/chat_conversations/{{chat_conversations.message.id}}/message"
    )
    start = "\n".join(chats["item"][order.index("chat_conversations.start")]["event"][0]["script"]["exec"])
    assert 'thuliumPick(body, "/conversation_id")' in start and '"chat_conversations.message.id"' in start
    preset = {v["key"]: v["value"] for v in collection["variable"]}["chat_conversations.message.id"]
    assert preset == "6ed7c941-2c8a-411e-95d2-338a9f64800a"  # the documented example until start has run


def test_descriptions_in_english_and_polish(collection: dict[str, Any]) -> None:
    catalog = default_catalog()
    for item in _requests(collection):
        endpoint = catalog[item["name"].split(" — ")[0]]
        description = item["request"]["description"]
        assert endpoint.summary in description
        if endpoint.summary_pl:
            assert endpoint.summary_pl in description
        for p in endpoint.parameters:
            if p.description_pl:
                assert " ".join(p.description_pl.split()).replace("|", "\\|") in description


def test_every_test_script_checks_status_and_schema(collection: dict[str, Any]) -> None:
    for item in _requests(collection):
        (event,) = item["event"]
        script = "\n".join(event["script"]["exec"])
        assert event["listen"] == "test"
        assert "pm.expect(pm.response.code).to.be.oneOf(expected)" in script
        assert "pm.response.to.have.jsonSchema(schema" in script


def _cases() -> list[tuple[str, str, Any, bool]]:
    out = []
    for path in sorted(CASES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        blocks = data.get("response")
        for block in blocks if isinstance(blocks, list) else [blocks] if blocks else []:
            for valid in (True, False):
                for case in block.get("valid" if valid else "invalid", []):
                    out.append((data["endpoint"], str(block.get("status", "200")), case["value"], valid))
    return out


def _checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker(formats=())
    for name, rule in FORMATS.items():
        checker.checks(name)(rule)
    return checker


@pytest.mark.parametrize(("endpoint_id", "status", "value", "valid"), _cases())
def test_the_draft07_copy_judges_like_the_catalog(endpoint_id: str, status: str, value: Any, valid: bool) -> None:
    """An independent draft-07 validator on the copy agrees with the schema case (and so with the catalog)."""
    catalog = default_catalog()
    if endpoint_id not in catalog:
        pytest.skip(f"{endpoint_id} is not in the catalog")
    spec = catalog[endpoint_id].responses.get(status) or catalog[endpoint_id].responses["default"]
    assert spec.schema_uri is not None
    copy = draft07(catalog, spec.schema_uri)
    assert copy.unchecked == ()
    text = json.dumps(copy.schema)
    assert "$ref" not in text and "$defs" not in text and "$schema" not in text
    jsonschema.Draft7Validator.check_schema(copy.schema)
    errors = list(jsonschema.Draft7Validator(copy.schema, format_checker=_checker()).iter_errors(value))
    assert (not errors) == valid, [e.message for e in errors]


def _fake_catalog(document: dict[str, Any]) -> Any:
    from types import SimpleNamespace

    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    return SimpleNamespace(registry=Registry().with_resource(document["$id"], DRAFT202012.create_resource(document)))


def test_2020_12_spellings_become_draft07_and_what_cannot_is_named() -> None:
    document = {
        "$id": "https://thulium-explore.example/schemas/test.json",
        "$defs": {"n": {"type": "integer", "title": "N"}},
        "type": "object",
        "properties": {
            "a": {"$ref": "#/$defs/n", "minimum": 3, "description": "beside the $ref: applies in 2020-12"},
            "b": {"prefixItems": [{"type": "string"}], "items": {"type": "integer"}},
            "c": {"type": "string", "format": "date-time"},
        },
        "dependentRequired": {"a": ["b"]},
        "unevaluatedProperties": False,
    }
    copy = draft07(_fake_catalog(document), document["$id"] + "#")
    assert copy.schema == {
        "type": "object",
        "properties": {
            "a": {"allOf": [{"type": "integer"}, {"minimum": 3}]},
            "b": {"items": [{"type": "string"}], "additionalItems": {"type": "integer"}},
            "c": {"type": "string"},  # a format the catalog does not check either
        },
        "dependencies": {"a": ["b"]},
    }
    assert copy.unchecked == ("$: unevaluatedProperties",)
    validator = jsonschema.Draft7Validator(copy.schema)
    assert not validator.is_valid({"a": 2, "b": ["x"]})  # minimum beside $ref still counts
    assert not validator.is_valid({"b": ["x", "y"]})  # additional items are integers


def test_a_recursive_schema_is_refused() -> None:
    from thulium_explore._errors import CatalogError

    document = {"$id": "https://thulium-explore.example/schemas/tree.json", "properties": {"kids": {"$ref": "#"}}}
    with pytest.raises(CatalogError, match="refers back to itself"):
        draft07(_fake_catalog(document), document["$id"] + "#")


def test_a_request_takes_its_linked_values_from_one_answer() -> None:
    from thulium_explore.postman._collection import _fed_variables

    catalog = default_catalog()
    sources: dict[str, set[str]] = {}
    for (target, _), (source, *_rest) in _fed_variables(catalog, list(catalog)).items():
        sources.setdefault(target, set()).add(source)
    assert sources and all(len(found) == 1 for found in sources.values()), sources
