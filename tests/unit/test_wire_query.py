"""The query string both ways (``_wire/_query.py``), as a table: tests/data/wire/query.json; and its users."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from thulium_explore import Problem, default_catalog
from thulium_explore._wire import _params
from thulium_explore._wire._jsonpath import field_path
from thulium_explore._wire._query import (
    decode_query,
    key_path,
    query_pairs,
    query_problem,
    query_string,
)
from thulium_explore.contract._request import _text_params, check_request
from thulium_explore.sandbox._app import decode_params

TABLE: dict[str, Any] = json.loads((Path(__file__).parents[1] / "data" / "wire" / "query.json").read_text("utf-8"))


def _id(case: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in case.items() if k != "why"}, ensure_ascii=False)[:70]


def _pairs(query: str) -> list[tuple[str, str]]:
    return parse_qsl(query, keep_blank_values=True)


@pytest.mark.parametrize("case", TABLE["decode"], ids=_id)
def test_decode(case: dict[str, Any]) -> None:
    tree, clashes = decode_query(_pairs(case["query"]))
    assert tree == case["tree"]
    expected = case.get("clashes", [])
    assert [list(place) for place, _ in clashes] == [place for place, _ in expected]
    for (_, message), (_, piece) in zip(clashes, expected, strict=True):
        assert piece in message
        assert message.endswith("a query parameter takes one of these shapes")


def expand(query: str) -> str:
    """``a{[b]*3}=v`` → ``a[b][b][b]=v``: the table's shorthand for long keys."""
    return re.sub(r"\{(.+?)\*(\d+)\}", lambda m: m.group(1) * int(m.group(2)), query)


def depth_of(value: Any) -> int:
    """How many levels of objects (and a last list) hold the text: ``"v"`` 0, ``{"b": "v"}`` 1."""
    depth = 0
    while not isinstance(value, str):
        value = next(iter(value.values())) if isinstance(value, dict) else value[0]
        depth += 1
    return depth


@pytest.mark.parametrize("case", TABLE["deep"], ids=_id)
def test_nesting_is_read_to_a_limit(case: dict[str, Any]) -> None:
    tree, clashes = decode_query(_pairs(expand(case["query"])))
    assert [depth_of(v) for v in tree.values()] == ([case["depth"]] if "depth" in case else [])
    assert [m for _, m in clashes if case.get("clash", "\0") in m] == [m for _, m in clashes]
    assert bool(clashes) is ("clash" in case)
    assert all(len(m) < 250 for _, m in clashes)  # a hostile name is not echoed whole


@pytest.mark.parametrize("case", [c for c in TABLE["deep"] if "nested" in c.get("clash", "")], ids=_id)
def test_verify_and_the_sandbox_answer_a_deep_key_with_a_problem(case: dict[str, Any]) -> None:
    catalog = default_catalog()
    endpoint = catalog["tickets.list"]
    query = expand(case["query"]).replace("a", "custom_fields")
    found = check_request(catalog, endpoint, {}, query, {"body": None, "headers": {}})
    assert any(p.path == "$.custom_fields" and case["clash"] in p.message for p in found)
    _, problems = decode_params(catalog, endpoint, {}, query, b"")
    assert problems  # refused, never a RecursionError


@pytest.mark.parametrize("case", TABLE["key_path"], ids=_id)
def test_key_path(case: dict[str, Any]) -> None:
    assert key_path(case["name"]) == case["path"]


@pytest.mark.parametrize("case", TABLE["encode"], ids=_id)
def test_encode_and_back(case: dict[str, Any]) -> None:
    pairs = query_pairs(case["name"], case["value"])
    assert [list(p) for p in pairs] == case["pairs"]
    assert query_string(pairs) == case["text"]
    assert query_problem(case["name"], case["value"]) is None
    tree, clashes = decode_query(_pairs(case["text"]))
    assert (tree, clashes) == (case["decoded"], [])


@pytest.mark.parametrize("case", TABLE["problems"], ids=_id)
def test_what_cannot_travel(case: dict[str, Any]) -> None:
    found = query_problem(case["name"], case["value"])
    if case["problem"] is None:
        assert found is None
    else:
        assert found is not None
        assert found[0] == case["field"] and case["problem"] in found[1]


@pytest.mark.parametrize("case", TABLE["coerce"]["cases"], ids=_id)
def test_a_decoded_query_is_typed_by_the_schema(case: dict[str, Any]) -> None:
    schema = TABLE["coerce"]["schema"]
    resolved = (
        Registry().with_resource(schema["$id"], DRAFT202012.create_resource(schema)).resolver().lookup(schema["$id"])
    )
    tree, _ = decode_query(_pairs(case["query"]))
    assert _params.coerce_query(resolved.contents, resolved.resolver, tree) == case["params"]


# -- the users: verify and the sandbox read a query alike ----------------------------------------


@pytest.mark.parametrize("case", TABLE["users"], ids=_id)
def test_verify_reads_the_query(case: dict[str, Any]) -> None:
    catalog = default_catalog()
    endpoint = catalog[case["endpoint"]]
    problems: list[Problem] = []
    assert _text_params(catalog, endpoint, _pairs(case["query"]), problems) == case["params"]
    found = check_request(catalog, endpoint, {}, case["query"], {"body": None, "headers": {}})
    assert sorted({p.path for p in found}) == sorted(case["problems"])


@pytest.mark.parametrize("case", TABLE["users"], ids=_id)
def test_the_sandbox_reads_the_query_alike(case: dict[str, Any]) -> None:
    catalog = default_catalog()
    endpoint = catalog[case["endpoint"]]
    params, problems = decode_params(catalog, endpoint, {}, case["query"], b"")
    assert params == case["params"]
    lines = problems + [str(p) for p in _params.check(catalog, endpoint, params)]
    assert sorted({field_path(line.split(": ", 1)[0]) for line in lines}) == sorted(case["problems"])


def test_the_sandbox_refuses_a_query_value_meant_for_the_path_or_body_once() -> None:
    catalog = default_catalog()
    endpoint = catalog["chat_conversations.message"]
    _, problems = decode_params(catalog, endpoint, {}, "text=a&text[]=b&text=c", b"")
    assert problems == [
        "text: is sent both as text (a single value) and as text[] (a list); "
        "a query parameter takes one of these shapes",
        "text: is a body parameter, not a query parameter",
    ]
