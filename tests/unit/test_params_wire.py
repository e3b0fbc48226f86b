"""Values a schema allows but a URL cannot carry are refused by name before anything is sent."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from requests.models import RequestEncodingMixin

from tests.shapes import shapes_catalog
from thulium_explore import Catalog, ParameterError
from thulium_explore._wire._params import check, require_valid, to_wire, wire_problems
from thulium_explore._wire._query import query_string


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return shapes_catalog(tmp_path_factory.mktemp("shapes"))


@pytest.mark.parametrize(
    ("params", "field", "words"),
    [
        ({"status_id": []}, "status_id", "an empty list would send nothing"),
        ({"custom_fields": {}}, "custom_fields", "an empty object would send nothing"),
    ],
)
def test_query_values_that_would_vanish_or_garble_are_refused(
    shapes: Catalog, params: dict[str, Any], field: str, words: str
) -> None:
    endpoint = shapes["things.list"]
    problems = check(shapes, endpoint, params)
    assert [p.field for p in problems] == [field]
    assert words in problems[0].message
    with pytest.raises(ParameterError, match=f"^things.list: {field}"):
        require_valid(shapes, endpoint, params)


def test_nested_query_objects_are_refused_per_key(shapes: Catalog) -> None:
    endpoint = shapes["things.list"]
    problems = wire_problems(endpoint, {"custom_fields": {"Colour": {"deep": "x"}}})
    assert [(p.field, "nested too deeply" in p.message) for p in problems] == [("custom_fields.Colour", True)]
    problems = wire_problems(endpoint, {"custom_fields": {"Colour": []}})
    assert [p.field for p in problems] == ["custom_fields.Colour"]
    for key in ("", "a]", "[b"):
        (problem,) = wire_problems(endpoint, {"custom_fields": {key: "x"}})
        assert problem.field == f"custom_fields.{key}" and "cannot be empty or hold [ or ]" in problem.message
    (problem,) = wire_problems(endpoint, {"status_id": [[1]]})
    assert "holds only text, numbers or booleans" in problem.message
    assert wire_problems(endpoint, {"custom_fields": {"Colour": ["red", ""]}}) == []
    assert to_wire(endpoint, {"custom_fields": {"Colour": ["red", ""]}}).query == [
        ("custom_fields[Colour][0]", "red"),
        ("custom_fields[Colour][1]", ""),
    ]


def test_null_in_a_query_string_is_refused() -> None:
    from thulium_explore import default_catalog

    endpoint = default_catalog()["chat_conversations.start"]
    (problem,) = wire_problems(endpoint, {"client_name": None})
    assert problem.field == "client_name" and "leave client_name out" in problem.message
    assert problem.example == "Jan"
    assert wire_problems(endpoint, {"client_name": ""}) == []  # an empty string does travel: client_name=


@pytest.mark.parametrize("value", ["", ".", "..", None, ["a"]])
def test_path_values_a_url_cannot_carry_are_refused(shapes: Catalog, value: Any) -> None:
    # things.update's {id} is an integer; the wire check is about the value, whatever the schema says.
    endpoint = shapes["things.update"]
    (problem,) = wire_problems(endpoint, {"id": value, "name": "x"})
    assert problem.field == "id" and "cannot fill {id} in the path" in problem.message
    assert problem.example == 7


def test_values_that_travel_are_not_flagged(shapes: Catalog) -> None:
    assert wire_problems(shapes["things.update"], {"id": "a/b", "name": None}) == []  # name travels in JSON
    assert wire_problems(shapes["things.list"], {"status_id": [1, 2], "include_place": False, "limit": 0}) == []
    assert check(shapes, shapes["things.list"], {"status_id": [1, 2]}) == []


@settings(max_examples=300, derandomize=True, deadline=None)
@given(pairs=st.lists(st.tuples(st.text(max_size=12), st.text(max_size=12)), max_size=4))
def test_query_string_is_what_requests_would_send(pairs: list[tuple[str, str]]) -> None:
    """The client spells the query itself (cheaper); it must equal requests' own ``params=`` encoding."""
    assert query_string(pairs) == RequestEncodingMixin._encode_params(pairs)


@pytest.mark.parametrize(
    "pairs",
    [
        [("chat_queue_id", "3"), ("client_id", "1234")],
        [("date_from", "2014-10-24 10:30:44")],
        [("status_id[]", "1"), ("status_id[]", "2")],
        [("custom_fields[Kolor][0]", "żółty & co=1")],
        [],
    ],
)
def test_query_string_matches_requests_for_the_shapes_we_send(pairs: list[tuple[str, str]]) -> None:
    assert query_string(pairs) == RequestEncodingMixin._encode_params(pairs)
