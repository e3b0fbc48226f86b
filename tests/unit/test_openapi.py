"""The OpenAPI export: valid 3.1, one operation per endpoint, parameters and schemas that round-trip."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from tests.shapes import shapes_catalog
from thulium_explore import (
    Catalog,
    CatalogError,
    ConfigError,
    Endpoint,
    _files,
    default_catalog,
    openapi_document,
)
from thulium_explore._wire import _params
from thulium_explore._wire._query import wire_text
from thulium_explore.cli import main
from thulium_explore.openapi import _export as _openapi
from thulium_explore.openapi._parameters import KEY_PATTERN
from thulium_explore.openapi._responses import ERROR_RANGES
from thulium_explore.openapi._schemas import is_array_schema

METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
#: Keys the export removes on purpose: identifiers of catalog documents, and x-in (said by "in").
STRIPPED = {"$id", "$schema", "$defs", "x-in"}


@pytest.fixture(scope="module")
def fixture_catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """Three test endpoints (query array/object, path + JSON body + 204, raw body) and a common schema."""
    return shapes_catalog(tmp_path_factory.mktemp("schemas"))


def _catalogs(fixture_catalog: Catalog) -> list[Catalog]:
    return [default_catalog(), fixture_catalog]


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield method.upper(), path, operation


def _operation(document: dict[str, Any], endpoint: Endpoint) -> dict[str, Any]:
    return document["paths"][endpoint.path][endpoint.method.lower()]  # type: ignore[no-any-return]


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key not in ("examples", "example", "enum", "const"):  # data, not schemas
                yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _deref_openapi(document: dict[str, Any], node: Any, seen: tuple[str, ...] = ()) -> Any:
    """``node`` with every components ``$ref`` replaced by its target; a cycle becomes ``{"$cycle": True}``."""
    if isinstance(node, list):
        return [_deref_openapi(document, item, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node and isinstance(node["$ref"], str):
        ref = node["$ref"]
        if ref in seen:
            return {"$cycle": True}
        target: Any = document
        for token in ref.removeprefix("#/").split("/"):
            target = target[unquote(token).replace("~1", "/").replace("~0", "~")]
        rest = {k: v for k, v in node.items() if k != "$ref"}
        return _deref_openapi(document, {**target, **rest}, (*seen, ref))
    return {
        k: v if k in ("examples", "example") else _deref_openapi(document, v, seen)
        for k, v in node.items()
        if k not in STRIPPED
    }


def _deref_catalog(catalog: Catalog, node: Any, resolver: Any, seen: tuple[int, ...] = ()) -> Any:
    """The same for a catalog schema, resolving ``$ref`` with the catalog's registry."""
    if isinstance(node, list):
        return [_deref_catalog(catalog, item, resolver, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node and isinstance(node["$ref"], str):
        found = resolver.lookup(node["$ref"])
        if id(found.contents) in seen:
            return {"$cycle": True}
        rest = {k: v for k, v in node.items() if k != "$ref"}
        return _deref_catalog(catalog, {**found.contents, **rest}, found.resolver, (*seen, id(found.contents)))
    out = {
        k: v if k in ("examples", "example") else _deref_catalog(catalog, v, resolver, seen)
        for k, v in node.items()
        if k not in STRIPPED
    }
    if is_array_schema(out) and "items" not in out and "prefixItems" not in out:
        out["items"] = {}  # JSON Schema reads no "items" as any item; the export says so
    return out


def _deref_catalog_uri(catalog: Catalog, uri: str) -> Any:
    found = catalog.registry.resolver().lookup(uri)
    return _deref_catalog(catalog, found.contents, found.resolver, (id(found.contents),))


# -- validity ---------------------------------------------------------------------------------


def test_the_shipped_catalog_exports_a_valid_openapi_3_1_document() -> None:
    document = openapi_document()
    assert document["openapi"] == "3.1.0"
    validate(document, cls=OpenAPIV31SpecValidator)


def test_the_fixture_catalog_exports_a_valid_document(fixture_catalog: Catalog) -> None:
    validate(openapi_document(fixture_catalog), cls=OpenAPIV31SpecValidator)


def test_a_broken_document_is_caught_by_the_validator() -> None:
    """The validity test can fail: the validator rejects a parameter "in" the body (OpenAPI 2 style)."""
    document = openapi_document()
    operation = _operation(document, default_catalog()["chat_conversations.start"])
    operation["parameters"][0]["in"] = "body"
    with pytest.raises(Exception, match="body"):
        validate(document, cls=OpenAPIV31SpecValidator)


def test_every_ref_is_local_and_resolves_and_no_catalog_identifiers_leak(fixture_catalog: Catalog) -> None:
    for catalog in _catalogs(fixture_catalog):
        document = openapi_document(catalog)
        refs = [node["$ref"] for node in _walk(document) if isinstance(node.get("$ref"), str)]
        assert refs
        for ref in refs:
            assert ref.startswith("#/components/schemas/"), ref
            _deref_openapi(document, {"$ref": ref})
        for node in _walk(document):
            assert "$id" not in node and "$schema" not in node, node
        # every component is reachable: nothing exported that nothing uses
        used = {ref.split("/")[3] for ref in refs}
        assert set(document["components"]["schemas"]) == used


def test_data_that_looks_like_a_ref_is_left_alone(fixture_catalog: Catalog) -> None:
    schema = openapi_document(fixture_catalog)["components"]["schemas"]["things.list.response_200"]
    assert schema["examples"][0]["result"][0]["$ref"] == "data, not a reference"


def test_the_export_is_deterministic() -> None:
    assert json.dumps(openapi_document()) == json.dumps(openapi_document())


# -- operations ---------------------------------------------------------------------------------


def test_every_endpoint_appears_exactly_once_with_its_method_and_path(fixture_catalog: Catalog) -> None:
    for catalog in _catalogs(fixture_catalog):
        document = openapi_document(catalog)
        found = sorted((op["operationId"], method, path) for method, path, op in _operations(document))
        expected = sorted((e.id, e.method, e.path) for e in catalog)
        assert found == expected
        for endpoint in catalog:
            operation = _operation(document, endpoint)
            assert operation["tags"] == [endpoint.group]
            assert operation["summary"] == endpoint.summary
        assert {t["name"] for t in document["tags"]} == {e.group for e in catalog}


def test_operation_text_carries_the_polish_summary_notes_and_example() -> None:
    endpoint = default_catalog()["chat_conversations.start"]
    operation = _operation(openapi_document(), endpoint)
    assert endpoint.summary_pl in operation["description"]
    assert operation["x-summary-pl"] == endpoint.summary_pl
    for note in endpoint.notes:
        assert note in operation["description"]
    assert operation["x-doc-example"] == "POST /api/chat_conversations/start?chat_queue_id=3&client_id=1234"
    assert operation["x-provenance"] == "documented"


def test_servers_and_security_follow_the_docs() -> None:
    document = openapi_document(system="acme")
    (server,) = document["servers"]
    assert server["url"] == "https://{system}.thulium.com"
    assert server["variables"]["system"]["default"] == "acme"
    assert openapi_document()["servers"][0]["variables"]["system"]["default"] == "your-system-name"
    assert document["components"]["securitySchemes"]["basicAuth"] == {
        **document["components"]["securitySchemes"]["basicAuth"],
        "type": "http",
        "scheme": "basic",
    }
    assert document["security"] == [{"basicAuth": []}]


@pytest.mark.parametrize("system", ["", "acme.evil.com", "ACME", "a b", "-acme"])
def test_a_bad_system_name_is_refused_naming_the_field(system: str) -> None:
    with pytest.raises(ConfigError, match=r"^system: .*example: system='your-system-name'"):
        openapi_document(system=system)


# -- parameters and bodies -----------------------------------------------------------------------


def _exported_parameters(document: dict[str, Any], endpoint: Endpoint) -> dict[str, tuple[str, bool, Any]]:
    """name → (location, required, dereferenced schema) as the OpenAPI operation declares them."""
    operation = _operation(document, endpoint)
    out: dict[str, tuple[str, bool, Any]] = {}
    for param in operation.get("parameters", []):
        name = param["name"].removesuffix("[]")
        assert name not in out, f"{endpoint.id}: {name} declared twice"
        schema = _deref_openapi(document, param["schema"])
        if param.get("style") == "deepObject":
            schema = _wire_shape_undone(schema)
        out[name] = (param["in"], param["required"], schema)
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        body = _deref_openapi(document, content["application/json"]["schema"])
        for name, schema in body["properties"].items():
            assert name not in out, f"{endpoint.id}: {name} both in the body and elsewhere"
            out[name] = ("body", name in body.get("required", []), schema)
    if "application/octet-stream" in content:
        (raw,) = [p for p in endpoint.parameters if p.location == "body"]
        out[raw.name] = ("body", raw.required, None)  # the body's own "required": see the raw-body test
    return out


def _wire_shape_undone(schema: dict[str, Any]) -> dict[str, Any]:
    """A deepObject parameter's schema as the catalog says it: without the wire's key rule, and with each
    list the export wrote as an object keyed by position (``{"0": a}``) a list again."""
    out = dict(schema)
    if out.get("propertyNames") == {"pattern": KEY_PATTERN}:
        del out["propertyNames"]

    def as_list(member: Any) -> Any:
        if not (isinstance(member, dict) and member.get("propertyNames") == {"pattern": "^[0-9]+$"}):
            return member
        listed = {k: v for k, v in member.items() if k not in ("propertyNames", "additionalProperties")}
        listed.update(type="array", items=member["additionalProperties"])
        listed.pop("minProperties", None)
        if "maxProperties" in listed:
            listed["maxItems"] = listed.pop("maxProperties")
        return listed

    if "properties" in out:
        out["properties"] = {k: as_list(v) for k, v in out["properties"].items()}
    if "additionalProperties" in out:
        out["additionalProperties"] = as_list(out["additionalProperties"])
    if "examples" in out:
        out["examples"] = [
            {k: [v[i] for i in sorted(v, key=int)] if isinstance(v, dict) else v for k, v in e.items()}
            for e in out["examples"]
        ]
    return out


def test_parameters_round_trip_through_the_export(fixture_catalog: Catalog) -> None:
    for catalog in _catalogs(fixture_catalog):
        document = openapi_document(catalog)
        for endpoint in catalog:
            exported = _exported_parameters(document, endpoint)
            assert set(exported) == {p.name for p in endpoint.parameters}, endpoint.id
            for param in endpoint.parameters:
                location, required, schema = exported[param.name]
                assert (location, required) == (param.location, param.required), (endpoint.id, param.name)
                if schema is not None:
                    uri = f"{endpoint.parameters_uri}/properties/{param.name}"
                    assert schema == _deref_catalog_uri(catalog, uri), (endpoint.id, param.name)


def test_responses_round_trip_through_the_export(fixture_catalog: Catalog) -> None:
    for catalog in _catalogs(fixture_catalog):
        document = openapi_document(catalog)
        for endpoint in catalog:
            responses = _operation(document, endpoint)["responses"]
            expected = set(endpoint.responses) - {"default"}
            if "default" in endpoint.responses:
                expected |= set(ERROR_RANGES)
            assert set(responses) == expected, endpoint.id
            for status, spec in endpoint.responses.items():
                for exported in [responses[s] for s in (ERROR_RANGES if status == "default" else (status,))]:
                    _assert_same_response(catalog, document, endpoint.id, status, spec, exported)


def _assert_same_response(
    catalog: Catalog, document: dict[str, Any], endpoint_id: str, status: str, spec: Any, exported: dict[str, Any]
) -> None:
    assert exported["description"] == spec.description
    if spec.body == "empty":
        assert "content" not in exported, (endpoint_id, status)
        return
    assert spec.schema_uri is not None
    schema = _deref_openapi(document, exported["content"]["application/json"]["schema"])
    assert schema == _deref_catalog_uri(catalog, spec.schema_uri), (endpoint_id, status)


def test_the_error_object_is_every_4xx_and_5xx_answer_and_no_default() -> None:
    """Under OpenAPI's ``default``, an error body would also pass as an undocumented 2xx (a 201, say)."""
    document = openapi_document()
    error = document["components"]["schemas"]["common.error"]
    assert error["required"] == ["request_id", "errors"]
    checked = 0
    for endpoint in default_catalog():
        responses = _operation(document, endpoint)["responses"]
        assert "default" not in responses, endpoint.id
        if "default" in endpoint.responses:
            for error_range in ("4XX", "5XX"):
                schema = _deref_openapi(document, responses[error_range]["content"]["application/json"]["schema"])
                assert schema["required"] == ["request_id", "errors"], (endpoint.id, error_range)
            checked += 1
    assert checked == len(list(default_catalog()))


def test_every_array_says_its_items() -> None:
    """Spectral's array-items rule: a schema of type array has ``items`` (``{}`` = any item, as JSON Schema
    reads it missing); before the fix 11 arrays had none."""
    document = openapi_document()
    arrays = [node for node in _walk(document) if is_array_schema(node)]
    assert arrays
    assert [a for a in arrays if "items" not in a and "prefixItems" not in a] == []
    roles = _operation(document, default_catalog()["agents.create"])["requestBody"]["content"]["application/json"]
    assert roles["schema"]["properties"]["roles"]["items"] == {}


def _query_names(wire: _params.WireRequest) -> set[str]:
    return {name for name, _ in wire.query}


def test_query_arrays_are_named_the_way_the_client_sends_them(fixture_catalog: Catalog) -> None:
    """``status_id[]=1&status_id[]=2``: form + explode under the name ``status_id[]``."""
    checked = 0
    for catalog in _catalogs(fixture_catalog):
        document = openapi_document(catalog)
        for endpoint in catalog:
            declared = {p["name"]: p for p in _operation(document, endpoint).get("parameters", [])}
            for param in endpoint.parameters:
                if param.location != "query" or param.schema.get("type") != "array":
                    continue
                items = param.example if isinstance(param.example, list) and param.example else None
                if items is None:
                    continue
                wire = _params.to_wire(endpoint, {param.name: items})
                (sent,) = _query_names(wire)
                assert sent == f"{param.name}[]"
                assert declared[sent]["style"] == "form" and declared[sent]["explode"] is True
                assert [v for _, v in wire.query] == [wire_text(v) for v in items]
                checked += 1
    assert checked >= 1


def test_query_objects_are_deep_objects(fixture_catalog: Catalog) -> None:
    endpoint = fixture_catalog["things.list"]
    (param,) = [
        p for p in _operation(openapi_document(fixture_catalog), endpoint)["parameters"] if p["name"] == "custom_fields"
    ]
    assert (param["style"], param["explode"]) == ("deepObject", True)
    wire = _params.to_wire(endpoint, {"custom_fields": {"Colour": "red"}})
    assert wire.query == [("custom_fields[Colour]", "red")]


def test_query_object_keys_cannot_hold_brackets(fixture_catalog: Catalog) -> None:
    """name[key]=v: a key with [ or ] cannot travel (``_wire._query.query_problem``); the schema says so."""
    for catalog in _catalogs(fixture_catalog):
        document = openapi_document(catalog)
        for endpoint in catalog:
            for param in _operation(document, endpoint).get("parameters", []):
                if param.get("style") == "deepObject":
                    assert param["schema"]["propertyNames"] == {"pattern": KEY_PATTERN}, (endpoint.id, param["name"])
                    assert re.fullmatch(KEY_PATTERN[1:-1], "Segment") and not re.search(KEY_PATTERN, "a[b")


def test_lists_inside_query_objects_are_objects_keyed_by_position() -> None:
    """custom_fields {"Segment": ["VIP"]} goes as custom_fields[Segment][0]=VIP; OpenAPI's deepObject sends
    exactly that for {"Segment": {"0": "VIP"}}, so that is what the document describes."""
    document = openapi_document()
    checked = 0
    for endpoint in default_catalog():
        for param in endpoint.parameters:
            kind = param.schema.get("additionalProperties")
            if param.location != "query" or not (isinstance(kind, dict) and kind.get("type") == "array"):
                continue
            (exported,) = [p for p in _operation(document, endpoint)["parameters"] if p["name"] == param.name]
            values = exported["schema"]["additionalProperties"]
            assert values["type"] == "object" and values["minProperties"] == 1
            assert values["propertyNames"] == {"pattern": "^[0-9]+$"}
            assert values["additionalProperties"] == kind["items"]
            # the documented example, as the client sends it and as deepObject would send the exported one
            example = param.example
            wire = _params.to_wire(endpoint, {param.name: example})
            deep = [
                (f"{param.name}[{key}][{index}]", wire_text(value))
                for key, positions in exported["example"].items()
                for index, value in positions.items()
            ]
            assert wire.query == deep
            checked += 1
    assert checked >= 2  # customers.list and tickets.list


def test_links_carry_single_values_to_the_operations_that_take_them() -> None:
    """x-thulium.links without ``*`` become OpenAPI Link objects on the source's 2xx answer."""
    document = openapi_document()
    catalog = default_catalog()
    operation_ids = {op["operationId"] for _, _, op in _operations(document)}
    exported = 0
    for endpoint in catalog:
        responses = _operation(document, endpoint)["responses"]
        links = [link for link in endpoint.links if not link.each_item]
        found = {
            name: link
            for status, r in responses.items()
            if status.startswith("2")
            for name, link in r.get("links", {}).items()
        }
        assert len(found) == len(links), endpoint.id
        for link in links:
            target = catalog[link.target]
            (param,) = [p for p in target.parameters if p.name == link.parameter]
            expected = {
                "operationId": link.target,
                "parameters": {f"{param.location}.{param.name}": f"$response.body#{link.source}"},
            }
            assert any({k: v for k, v in f.items() if k in expected} == expected for f in found.values()), link
            assert link.target in operation_ids
            # the pointer names a value in the documented answer
            ok = [s for s in endpoint.responses if s.startswith("2") and endpoint.responses[s].body == "json"]
            example = _deref_catalog_uri(catalog, endpoint.responses[ok[0]].schema_uri or "").get("examples", [None])[0]
            if example is not None:
                assert link.values(example), (endpoint.id, link.source)
            exported += 1
        for status, response in responses.items():
            if not status.startswith("2"):
                assert "links" not in response
    assert exported >= 4  # at least chat start → message, stop, delete, delete_content


def test_a_link_through_every_item_has_no_openapi_form_and_stays_out() -> None:
    document = openapi_document()
    chats = default_catalog()["chats.list"]
    assert any(link.each_item for link in chats.links)
    responses = _operation(document, chats)["responses"]
    assert all("links" not in r for r in responses.values())


def test_json_body_holds_only_body_parameters(fixture_catalog: Catalog) -> None:
    operation = _operation(openapi_document(fixture_catalog), fixture_catalog["things.update"])
    assert [p["name"] for p in operation["parameters"]] == ["id"]
    body = operation["requestBody"]
    assert body["required"] is True
    schema = body["content"]["application/json"]["schema"]
    assert schema["required"] == ["name"]
    assert set(schema["properties"]) == {"name", "place", "tags"}
    assert schema["additionalProperties"] is False
    assert schema["examples"] == [{"name": "Ola", "tags": ["a"]}]
    assert schema["properties"]["place"] == {"$ref": "#/components/schemas/common.place"}
    assert "204" in operation["responses"] and "content" not in operation["responses"]["204"]


def test_raw_body_is_octet_stream(fixture_catalog: Catalog) -> None:
    operation = _operation(openapi_document(fixture_catalog), fixture_catalog["things.upload"])
    assert [p["name"] for p in operation["parameters"]] == ["filename"]
    assert list(operation["requestBody"]["content"]) == ["application/octet-stream"]
    assert operation["requestBody"]["description"] == "The file's bytes."


def test_a_raw_body_is_required_only_when_no_body_would_be_refused(fixture_catalog: Catalog, tmp_path: Path) -> None:
    """No body and an empty one are the same on the wire; the catalog's schema says whether "" is a file.
    (Schemathesis found this: a missing body the document forbade, the sandbox took as an empty file.)"""
    root = tmp_path / "schemas"
    shapes_catalog(root)
    upload = root / "endpoints" / "things.upload.json"
    data = json.loads(upload.read_text(encoding="utf-8"))
    data["$defs"]["parameters"]["properties"]["content"]["minLength"] = 1  # an empty file is refused here
    upload.write_text(json.dumps(data), encoding="utf-8")
    seen = set()
    for catalog in [*_catalogs(fixture_catalog), Catalog(root)]:
        document = openapi_document(catalog)
        for endpoint in catalog:
            if endpoint.request_body != "raw":
                continue
            (param,) = [p for p in endpoint.parameters if p.location == "body"]
            empty_ok = catalog.validator(f"{endpoint.parameters_uri}/properties/{param.name}").is_valid("")
            body = _operation(document, endpoint)["requestBody"]
            assert body["required"] is (param.required and not empty_ok), endpoint.id
            seen.add(body["required"])
            schema = body["content"]["application/octet-stream"]["schema"]
            assert {k: schema[k] for k in ("minLength", "maxLength") if k in schema} == {
                k: param.schema[k] for k in ("minLength", "maxLength") if k in param.schema
            }
    assert seen == {True, False}


def test_a_ref_that_cannot_be_exported_is_a_catalog_error(tmp_path: Path, fixture_catalog: Catalog) -> None:
    shutil.copytree(fixture_catalog.root, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "endpoints" / "things.upload.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["$defs"]["response_200"] = {"$ref": "#anchor"}
    document["$defs"]["anchored"] = {"$anchor": "anchor", "type": "object"}
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CatalogError, match="only JSON-pointer references"):
        openapi_document(Catalog(tmp_path))


# -- the command -------------------------------------------------------------------------------


def test_cli_writes_the_document_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["openapi"]) == 0
    assert json.loads(capsys.readouterr().out) == openapi_document()


def test_cli_writes_a_file_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "openapi.json"
    assert main(["openapi", "-o", str(target), "--system", "acme"]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == openapi_document(system="acme")
    assert "wrote" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["openapi.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # like any new file, not mkstemp's 0600


def test_cli_refuses_an_unwritable_target_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "openapi.json"
    assert main(["openapi", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "-o" in err and "example: -o openapi.json" in err
    assert "Traceback" not in err
    assert not target.parent.exists()


def test_cli_refuses_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["openapi", "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_a_bad_system(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["openapi", "--system", "a.b"]) == 2
    assert capsys.readouterr().err.startswith("error: system:")


def test_a_failed_generation_leaves_the_old_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "openapi.json"
    target.write_text("previous", encoding="utf-8")

    def broken(*args: Any, **kwargs: Any) -> dict[str, Any]:
        raise CatalogError("endpoints/x.json: broken")

    monkeypatch.setattr(_openapi, "openapi_document", broken)
    assert main(["openapi", "-o", str(target)]) == 2
    assert "broken" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["openapi.json"]


def test_a_failed_write_leaves_the_old_file_untouched_and_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "openapi.json"
    target.write_text("previous", encoding="utf-8")

    def full_disk(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_files.os, "replace", full_disk)
    assert main(["openapi", "-o", str(target)]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["openapi.json"]


def test_webhook_payloads_are_openapi_webhooks() -> None:
    document = openapi_document()
    catalog = default_catalog()
    events = {
        catalog.registry.contents(uri)["x-thulium-webhook"]["event"]: uri
        for uri in catalog.registry
        if "x-thulium-webhook" in catalog.registry.contents(uri)
    }
    assert events, "the catalog has webhook payload schemas"
    assert set(document.get("webhooks", {})) == set(events)
    for event, uri in events.items():
        operation = document["webhooks"][event]["post"]
        assert operation["operationId"] == f"webhook.{event}"
        schema = operation["requestBody"]["content"]["application/json"]["schema"]
        assert _deref_openapi(document, schema) == _deref_catalog_uri(catalog, uri)
    operation_ids = [op["operationId"] for _, _, op in _operations(document)]
    operation_ids += [item["post"]["operationId"] for item in document["webhooks"].values()]
    assert len(operation_ids) == len(set(operation_ids))


def test_a_body_is_required_when_an_empty_one_would_be_refused(fixture_catalog: Catalog) -> None:
    """agents.call: "phone_number, or customer_id" (if/then) makes the body required though no field is."""
    document = openapi_document()
    call = _operation(document, default_catalog()["agents.call"])
    schema = call["requestBody"]["content"]["application/json"]["schema"]
    assert "required" not in schema and call["requestBody"]["required"] is True
    assert _operation(openapi_document(fixture_catalog), fixture_catalog["things.update"])["requestBody"]["required"]
    for endpoint in default_catalog():
        body = _operation(document, endpoint).get("requestBody")
        if body and "application/json" in body["content"]:
            empty_ok = not [
                e
                for e in default_catalog().validator(endpoint.parameters_uri).iter_errors({})
                if e.validator != "required"
                or set(e.validator_value) - {p.name for p in endpoint.parameters if p.location != "body"}
            ]
            assert body["required"] is not empty_ok, endpoint.id
