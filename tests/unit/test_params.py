"""Parameters: problems named by field, coercion from text, wire layout."""

from __future__ import annotations

import pytest

from thulium_explore import ParameterError, default_catalog
from thulium_explore._wire._params import check, coerce, coerce_value, require_valid, to_wire

START = default_catalog()["chat_conversations.start"]


def test_valid_documented_example_has_no_problems() -> None:
    assert check(default_catalog(), START, START.example_parameters()) == []


def test_each_problem_names_field_reason_and_example() -> None:
    problems = check(default_catalog(), START, {"chat_queue_id": 0, "customer_id": "1", "zzz": 1})
    assert [str(p) for p in problems] == [
        "zzz: is not a documented parameter (documented: chat_queue_id, client_name, client_surname, "
        "client_email, client_id, customer_id)",
        "chat_queue_id: 0 is less than the minimum of 1 (example: chat_queue_id=3)",
        "customer_id: '1' is not of type 'integer' (example: customer_id=1)",
    ]


def test_require_valid_raises_value_error_with_endpoint_id() -> None:
    with pytest.raises(ParameterError, match=r"^chat_conversations\.start: chat_queue_id: is required"):
        require_valid(default_catalog(), START, {})
    with pytest.raises(ValueError, match="chat_queue_id"):
        require_valid(default_catalog(), START, {})


@pytest.mark.parametrize(
    ("schema", "text", "expected"),
    [
        ({"type": "integer"}, "3", 3),
        ({"type": "integer"}, "-3", -3),
        ({"type": "integer"}, "abc", "abc"),
        ({"type": "integer"}, "٣", "٣"),  # a non-ASCII digit stays text and fails validation
        ({"type": "number"}, "2.5", 2.5),
        ({"type": "boolean"}, "true", True),
        ({"type": "boolean"}, "False", False),
        ({"type": "boolean"}, "yes", "yes"),
        ({"type": ["integer", "string"]}, "12", 12),
        ({"type": ["integer", "string"]}, "x12", "x12"),
        ({"type": ["string", "null"]}, "", ""),
        ({"type": "string"}, "1234", "1234"),
    ],
)
def test_coerce_value_by_schema_type(schema: dict[str, object], text: str, expected: object) -> None:
    assert coerce_value(schema, text) == expected
    assert type(coerce_value(schema, text)) is type(expected)


def test_coerce_parameters_from_query_text() -> None:
    assert coerce(START, {"chat_queue_id": "3", "client_id": "1234", "customer_id": "abc"}) == {
        "chat_queue_id": 3,
        "client_id": "1234",
        "customer_id": "abc",
    }


def test_wire_layout_matches_the_documented_example() -> None:
    wire = to_wire(START, {"chat_queue_id": 3, "client_id": "1234"})
    assert (wire.method, wire.path, wire.body) == ("POST", "/api/chat_conversations/start", None)
    assert wire.query == [("chat_queue_id", "3"), ("client_id", "1234")]
    assert wire.content_type == "application/json; charset=utf-8"


def test_nested_problem_never_borrows_the_parent_example() -> None:
    endpoint = default_catalog()["customers.create"]
    problems = check(default_catalog(), endpoint, {"surname": "Kowalski", "address": {"city": 5}})
    [problem] = problems
    assert problem.field == "address.city"
    assert problem.example is None or not isinstance(problem.example, dict)


def _typed(schema: dict[str, object] | object) -> bool:
    """A schema whose type (and, for arrays, item type) is documented."""
    if not isinstance(schema, dict) or "type" not in schema:
        return False
    return schema["type"] != "array" or _typed(schema.get("items"))


def test_every_typed_parameter_gets_an_example_in_its_errors() -> None:
    from thulium_explore._wire._params import _example

    missing = [
        (e.id, p.name)
        for e in default_catalog()
        for p in e.parameters
        if _typed(p.schema) and _example(e, p.name) is None
    ]
    assert missing == []


def test_a_parameter_without_documented_example_gets_a_sample_of_its_shape() -> None:
    endpoint = default_catalog()["tickets.create"]
    [problem] = check(
        default_catalog(), endpoint, {"to": "a@example.org", "subject": "s", "body": "b", "attachments": "tok"}
    )
    assert str(problem) == "attachments: 'tok' is not of type 'array' (example: attachments=['text'])"


def test_one_of_two_required_parameters_names_the_other_that_would_do() -> None:
    catalog = default_catalog()
    problems = check(catalog, catalog["agents.work_report"], {"date_from": "2024-12-19", "date_to": "2025-01-18"})
    assert [(p.field, p.message) for p in problems] == [("agent_group_ids", "is required unless agent_logins is given")]
    assert (
        check(
            catalog,
            catalog["agents.work_report"],
            {"date_from": "2024-12-19", "date_to": "2025-01-18", "agent_logins": ["jkowalski"]},
        )
        == []
    )
