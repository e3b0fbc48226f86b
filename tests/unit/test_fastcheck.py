"""The fast path never passes what jsonschema fails, and does pass the documented examples."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from thulium_explore import default_catalog
from thulium_explore.catalog._fastcheck import compile_fast
from thulium_explore.catalog._formats import FORMAT_CHECKER

CATALOG = default_catalog()
FLAT = sorted(  # the schemas the plain-Python predicate covers (fast_check adds jsonschema-rs for the rest)
    uri
    for endpoint in CATALOG
    for uri in [endpoint.parameters_uri] + [s.schema_uri for s in endpoint.responses.values() if s.schema_uri]
    if compile_fast(CATALOG.resolve(uri).contents, FORMAT_CHECKER) is not None
)

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "",
            "3",
            "abc",
            "jan.kowalski@example.org",
            "a@b",
            "6ed7c941-2c8a-411e-95d2-338a9f64800a",
            "2014-10-24 10:30:44",
            "2014-10-24",
            "x" * 300,
            "Łukasz",
            "USER",
            "both",
        ]
    ),
    st.text(max_size=12),
    st.lists(st.integers(), max_size=2),
)


def test_the_fast_path_covers_the_seed_and_most_parameter_objects() -> None:
    seed = CATALOG["chat_conversations.start"]
    assert seed.parameters_uri in FLAT and seed.responses["200"].schema_uri in FLAT
    assert len(FLAT) >= 20


@pytest.mark.parametrize("uri", FLAT)
def test_documented_examples_take_the_fast_path(uri: str) -> None:
    schema = CATALOG.resolve(uri).contents
    fast = CATALOG.fast_check(uri)
    for example in schema.get("examples", []):
        assert fast(example), (uri, example)


@pytest.mark.parametrize("uri", FLAT)
@settings(max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_pass_implies_jsonschema_pass(uri: str, data: st.DataObject) -> None:
    schema = CATALOG.resolve(uri).contents
    names = [*schema.get("properties", {}), "undocumented"]
    base: dict[str, Any] = dict((schema.get("examples") or [{}])[0])
    changes = data.draw(st.dictionaries(st.sampled_from(names), SCALARS, max_size=4))
    drop = data.draw(st.lists(st.sampled_from(names), max_size=2))
    instance = {k: v for k, v in {**base, **changes}.items() if k not in drop}
    if CATALOG.fast_check(uri)(instance):
        assert CATALOG.validator(uri).is_valid(instance), (uri, instance)


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "object", "properties": {"a": {"$ref": "#/x"}}},
        {"type": "object", "properties": {"a": {"enum": [1]}}},
        {"type": "object", "allOf": []},
        {"$ref": "x.json"},
        {"type": "array"},
        {"type": "object", "additionalProperties": {"type": "string"}},
    ],
)
def test_schemas_beyond_flat_objects_get_no_fast_path(schema: dict[str, Any]) -> None:
    assert compile_fast(schema, FORMAT_CHECKER) is None


@pytest.mark.parametrize(
    ("value", "fast"),
    [
        ("6ed7c941-2c8a-411e-95d2-338a9f64800a", True),
        ("6ED7C941-2C8A-411E-95D2-338A9F64800A", True),
        ("6ed7c941-2c8a-411e-95d2-338a9f64800a\n", False),  # a regex "$" would let this through
        ("6ed7c9412c8a411e95d2338a9f64800a", False),  # valid hex, hyphens missing: jsonschema says no
        ("{6ed7c941-2c8a-411e-95d2-338a9f64800a}", False),
        ("6ed7c941-2c8a-411e-95d2-338a9f64800", False),
        ("g" * 8 + "-2c8a-411e-95d2-338a9f64800a", False),
    ],
)
def test_uuid_quick_path_agrees_with_the_format_checker(value: str, fast: bool) -> None:
    schema = {"type": "object", "properties": {"id": {"type": "string", "format": "uuid"}}}
    check = compile_fast(schema, FORMAT_CHECKER)
    assert check is not None
    assert check({"id": value}) is fast
    assert FORMAT_CHECKER.conforms(value, "uuid") is fast


@pytest.mark.parametrize(
    ("keywords", "value", "valid"),
    [
        ({"minimum": 1}, 1, True),
        ({"minimum": 1}, 0, False),
        ({"maximum": 5}, 5.0, True),
        ({"maximum": 5}, 6, False),
        ({"exclusiveMinimum": 1, "exclusiveMaximum": 3}, 2, True),
        ({"exclusiveMinimum": 1, "exclusiveMaximum": 3}, 3, False),
        ({"minimum": 1}, "zero", True),
        ({"minLength": 2, "maxLength": 3}, "ab", True),
        ({"minLength": 2}, "a", False),
        ({"maxLength": 3}, "abcd", False),
        ({"pattern": "^[0-9]+$"}, "12", True),
        ({"pattern": "^[0-9]+$"}, "1a", False),
        ({"type": ["integer", "null"]}, None, True),
        ({"type": ["integer", "null"]}, True, False),
        ({"type": "integer", "minimum": 1}, 2.0, True),
        ({"type": "number"}, False, False),
    ],
)
def test_each_scalar_keyword_agrees_with_jsonschema(keywords: dict[str, Any], value: Any, valid: bool) -> None:
    schema = {"type": "object", "properties": {"x": keywords}}
    check = compile_fast(schema, FORMAT_CHECKER)
    assert check is not None
    assert Draft202012Validator(schema).is_valid({"x": value}) is valid
    assert check({"x": value}) is valid  # these are all plain cases: the fast path decides them itself
