"""The catalog: loading, metaschema checks, cached validators, formats, path matching."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from thulium_explore import Catalog, CatalogError, default_catalog
from thulium_explore.catalog import schemas_root
from thulium_explore.catalog._formats import FORMAT_CHECKER

#: For every format the catalog may use: a value that must be rejected and one that must pass.
FORMAT_CASES = {
    "email": ("jan.kowalski(at)example.org", "jan.kowalski@example.org"),
    "uuid": ("6ed7c941-2c8a-411e-95d2-338a9f64800", "6ed7c941-2c8a-411e-95d2-338a9f64800a"),
}


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _formats_used() -> set[str]:
    return {
        node["format"]
        for path in schemas_root().rglob("*.json")
        for node in _walk(json.loads(path.read_text(encoding="utf-8")))
        if isinstance(node.get("format"), str)
    }


def test_every_document_is_a_valid_draft_2020_12_schema_with_id() -> None:
    paths = sorted(schemas_root().rglob("*.json"))
    assert paths
    for path in paths:
        document = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(document)
        assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema", path
        assert document["$id"].endswith(path.relative_to(schemas_root()).as_posix()), path


def test_seed_endpoint_is_described() -> None:
    endpoint = default_catalog()["chat_conversations.start"]
    assert (endpoint.method, endpoint.path, endpoint.group) == ("POST", "/api/chat_conversations/start", "chats")
    assert [p.name for p in endpoint.parameters if p.required] == ["chat_queue_id"]
    assert {p.location for p in endpoint.parameters} == {"query"}
    assert endpoint.request_body == "empty"
    assert endpoint.example_parameters() == {"chat_queue_id": 3, "client_id": "1234"}
    assert "1. customer_id, 2. client_id, 3. e-mail" in endpoint.description
    assert endpoint.response_for(200).schema_uri.endswith("#/$defs/response_200")  # type: ignore[union-attr]
    assert endpoint.response_for(404).schema_uri.endswith("#/$defs/error")  # type: ignore[union-attr]
    assert endpoint.response_for(201) is None


def test_validators_are_built_once() -> None:
    catalog = default_catalog()
    uri = catalog["chat_conversations.start"].parameters_uri
    assert catalog.validator(uri) is catalog.validator(uri)


@pytest.mark.parametrize("fmt", sorted(_formats_used()))
def test_every_format_used_is_really_checked(fmt: str) -> None:
    assert fmt in FORMAT_CASES, f"add a bad and a good value for format {fmt!r} to FORMAT_CASES"
    bad, good = FORMAT_CASES[fmt]
    assert not FORMAT_CHECKER.conforms(bad, fmt)
    assert FORMAT_CHECKER.conforms(good, fmt)


def test_client_validation_rejects_bad_formats() -> None:
    problems = default_catalog().validate_parameters(
        "chat_conversations.start", {"chat_queue_id": 3, "client_email": "no-at-sign"}
    )
    assert problems == ["client_email: 'no-at-sign' is not a 'email'"]


def test_match_by_method_and_path_template() -> None:
    catalog = default_catalog()
    found = catalog.match("post", "/api/chat_conversations/start")
    assert found is not None and found[0].id == "chat_conversations.start"
    assert catalog.match("GET", "/api/chat_conversations/start") is None
    assert catalog.match("POST", "/api/nothing/here") is None


def test_unknown_endpoint_error_says_where_to_look() -> None:
    with pytest.raises(CatalogError, match="unknown endpoint 'chat.start'.*thulium-explore endpoints"):
        default_catalog()["chat.start"]


def _copy_schemas(tmp_path: Path) -> Path:
    root = tmp_path / "schemas"
    shutil.copytree(schemas_root(), root)
    return root


def test_malformed_document_is_refused_at_load(tmp_path: Path) -> None:
    root = _copy_schemas(tmp_path)
    seed = root / "endpoints" / "chat_conversations.start.json"
    document = json.loads(seed.read_text(encoding="utf-8"))
    document["$defs"]["parameters"]["properties"]["chat_queue_id"]["type"] = "int"
    seed.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CatalogError, match="not a valid draft 2020-12 schema"):
        Catalog(root)


def test_endpoint_metadata_is_checked_against_our_meta_schema(tmp_path: Path) -> None:
    root = _copy_schemas(tmp_path)
    seed = root / "endpoints" / "chat_conversations.start.json"
    document = json.loads(seed.read_text(encoding="utf-8"))
    document["x-thulium"]["method"] = "FETCH"
    seed.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CatalogError, match="x-thulium.method"):
        Catalog(root)


def test_invalid_json_names_the_file(tmp_path: Path) -> None:
    root = _copy_schemas(tmp_path)
    (root / "endpoints" / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(CatalogError, match="broken.json: cannot read schema"):
        Catalog(root)


def test_broken_ref_is_refused_at_load(tmp_path: Path) -> None:
    root = _copy_schemas(tmp_path)
    seed = root / "endpoints" / "chat_conversations.start.json"
    document = json.loads(seed.read_text(encoding="utf-8"))
    document["$defs"]["error"] = {"$ref": "../common/nope.json"}
    seed.write_text(json.dumps(document), encoding="utf-8")
    expected = r"chat_conversations.start.json: \$ref '../common/nope.json' does not resolve"
    with pytest.raises(CatalogError, match=expected):
        Catalog(root)
