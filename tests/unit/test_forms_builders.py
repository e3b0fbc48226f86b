"""Form builders: each kind from a schema, the table dispatch, tri-state booleans, empty means not sent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as W
import pytest

from thulium_explore import Catalog, default_catalog
from thulium_explore.forms import BUILDERS, UNSET, Field, FieldSpec, Input, endpoint_specs, kind_of
from thulium_explore.forms._field import FieldFactory
from thulium_explore.forms._spec import build_spec

from .forms_support import make_sink_catalog


@pytest.fixture(scope="module")
def sink(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return make_sink_catalog(tmp_path_factory.mktemp("sink"))


@pytest.fixture(scope="module")
def specs(sink: Catalog) -> dict[str, FieldSpec]:
    return {s.name: s for s in endpoint_specs(sink, sink["test.kitchen_sink"])}


def field(specs: dict[str, FieldSpec], name: str) -> Field:
    return FieldFactory().field(specs[name])


def type_into(f: Field, text: str) -> None:
    """Set the editor's text as a user would."""
    f.input.widget.value = text


EXPECTED_KINDS = {
    "login": "string",
    "count": "integer",
    "ratio": "number",
    "email": "string:email",
    "chatbot": "string:uuid",
    "date_from": "string:date",
    "status": "enum",
    "vip": "boolean",
    "status_id": "array",
    "actions": "array:enum",
    "note": "string:long",  # a free-text name: a multi-line box
    "agent_id": "multi",
    "address": "object",
    "custom_fields": "json",
}


def test_table_dispatch_picks_one_builder_per_kind(specs: dict[str, FieldSpec]) -> None:
    assert {name: kind_of(spec) for name, spec in specs.items()} == EXPECTED_KINDS


def test_every_field_is_built_with_the_widget_of_its_kind(specs: dict[str, FieldSpec]) -> None:
    expected = {
        "count": W.Text,
        "note": W.Textarea,
        "status": W.Dropdown,
        "vip": W.ToggleButtons,
        "status_id": W.Textarea,
        "actions": W.SelectMultiple,
        "address": W.VBox,
        "custom_fields": W.Textarea,
    }
    for name, widget_type in expected.items():
        assert isinstance(field(specs, name).input.widget, widget_type), name


def test_a_new_kind_is_one_table_entry(specs: dict[str, FieldSpec], monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []

    def build_email_upper(spec: FieldSpec, ctx: Any) -> Input:
        made.append(spec.name)
        box = W.Text()
        return Input(box, lambda: box.value.upper() or UNSET, lambda v: None, (box,))

    monkeypatch.setitem(BUILDERS, "string:email", build_email_upper)
    f = field(specs, "email")
    type_into(f, "a@example.org")
    assert made == ["email"]
    assert f.read() == "A@EXAMPLE.ORG"


def test_integer_converts_text_keeps_bad_text_for_the_validator_and_empty_is_unset(specs: dict[str, FieldSpec]) -> None:
    f = field(specs, "count")
    assert f.read() is UNSET
    type_into(f, " 42 ")
    assert f.read() == 42
    type_into(f, "4x")
    assert f.read() == "4x"
    type_into(f, "")
    assert f.read() is UNSET


def test_number_reads_floats(specs: dict[str, FieldSpec]) -> None:
    f = field(specs, "ratio")
    type_into(f, "0.25")
    assert f.read() == 0.25


def test_string_is_sent_as_typed_but_formatted_strings_are_trimmed(specs: dict[str, FieldSpec]) -> None:
    login, email = field(specs, "login"), field(specs, "email")
    type_into(login, " Zażółć ")
    type_into(email, " jan@example.org ")
    assert login.read() == " Zażółć "
    assert email.read() == "jan@example.org"


def test_placeholder_is_the_documented_example(specs: dict[str, FieldSpec]) -> None:
    assert field(specs, "count").input.widget.placeholder == "3"
    assert field(specs, "email").input.widget.placeholder == "jan.kowalski@example.org"
    assert field(specs, "status_id").input.widget.placeholder == "1\n2"


def test_enum_dropdown_starts_unset_and_reads_the_value(specs: dict[str, FieldSpec]) -> None:
    f = field(specs, "status")
    labels = [label for label, _ in f.input.widget.options]
    assert labels == ["(not set)", "CREATED", "IN_PROGRESS", "CLOSED"]
    assert f.read() is UNSET
    f.write("CLOSED")
    assert f.read() == "CLOSED"
    f.clear()
    assert f.read() is UNSET


def test_optional_boolean_is_tri_state(specs: dict[str, FieldSpec]) -> None:
    f = field(specs, "vip")
    toggle = f.input.widget
    assert [v for _, v in toggle.options] == ["unset", "true", "false"]
    assert f.read() is UNSET
    toggle.value = "true"
    assert f.read() is True
    toggle.value = "false"
    assert f.read() is False
    toggle.value = "unset"
    assert f.read() is UNSET


def test_required_boolean_starts_with_nothing_chosen() -> None:
    spec = build_spec("active", {"type": "boolean"}, True, ("active",), None)
    f = FieldFactory().field(spec)
    assert [v for _, v in f.input.widget.options] == ["true", "false"]
    assert f.read() is UNSET
    f.write(False)
    assert f.read() is False


def test_array_of_scalars_one_per_line(specs: dict[str, FieldSpec]) -> None:
    f = field(specs, "status_id")
    type_into(f, "1\n\n 2 \nx")
    assert f.read() == [1, 2, "x"]
    type_into(f, "\n  \n")
    assert f.read() is UNSET
    f.write([5, 6])
    assert f.input.widget.value == "5\n6"


def test_array_of_enum_is_a_multiple_choice(specs: dict[str, FieldSpec]) -> None:
    f = field(specs, "actions")
    assert f.read() is UNSET
    f.write(["CUSTOMER_CREATED"])
    assert f.read() == ["CUSTOMER_CREATED"]


def test_type_list_with_null(specs: dict[str, FieldSpec]) -> None:
    spec = specs["note"]
    assert (spec.types, spec.nullable) == (("string",), True)
    f = field(specs, "note")
    assert f.read() is UNSET  # optional: empty is not sent, not null
    required = build_spec("note", {"type": ["string", "null"]}, True, ("note",), None)
    assert FieldFactory().field(required).read() is None  # required and nullable: empty is null


def test_multi_type_scalar_tries_each_type_in_order(specs: dict[str, FieldSpec]) -> None:
    f = field(specs, "agent_id")
    type_into(f, "11")
    assert f.read() == 11
    type_into(f, "jk11")
    assert f.read() == "jk11"


def test_ref_is_resolved_through_the_registry_and_becomes_a_nested_group(specs: dict[str, FieldSpec]) -> None:
    spec = specs["address"]
    assert [c.name for c in spec.children] == ["street", "city", "postcode"]
    assert [c.required for c in spec.children] == [False, True, False]
    assert spec.description == "Where the customer lives."  # the $ref's sibling wins
    assert spec.children[1].description_pl == "Miasto."
    f = field(specs, "address")
    assert f.read() is UNSET  # an empty optional group is not sent
    assert list(f.walk()) == [f]  # an optional group builds its fields when first opened
    f.input.widget.children[0].value = True  # open it
    city = next(c for c in f.walk() if c.spec.name == "city")
    assert f.read() is UNSET  # opened but still empty: not sent
    type_into(city, "Kraków")
    assert f.read() == {"city": "Kraków"}
    assert city.spec.json_path == "$.address.city"


def test_seed_error_ref_resolves_across_documents() -> None:
    catalog = default_catalog()
    endpoint = catalog["chat_conversations.start"]
    resolver = catalog.registry.resolver(base_uri=endpoint.uri)
    spec = build_spec("error", {"$ref": "#/$defs/error"}, True, ("error",), resolver)
    assert [c.name for c in spec.children] == ["request_id", "errors"]
    assert kind_of(spec.children[1]) == "json"  # an array of objects is edited as JSON


def test_free_form_object_is_json_and_bad_json_is_a_local_problem(specs: dict[str, FieldSpec]) -> None:
    f = field(specs, "custom_fields")
    assert f.read() is UNSET
    assert f.problem() is None
    type_into(f, '{"Colour": "blue"}')
    assert f.read() == {"Colour": "blue"}
    type_into(f, "{oops")
    assert f.problem() is not None
    assert "not valid JSON" in (f.problem() or "")


def test_every_field_shows_label_marker_descriptions_and_type(specs: dict[str, FieldSpec]) -> None:
    header = field(specs, "login")._header.value
    for text in ("Agent login", "thulium-required", "Login of the agent.", "PL: Login agenta.", "<code>login</code>"):
        assert text in header
    optional = field(specs, "ratio")._header.value
    assert "(optional)" in optional
    assert "thulium-required" not in optional


def test_write_example_then_read_round_trips_every_kind(specs: dict[str, FieldSpec]) -> None:
    for name, spec in specs.items():
        if spec.example is UNSET:
            continue
        f = field(specs, name)
        f.write(spec.example)
        assert f.read() == spec.example, name


def test_specs_are_cached_per_catalog(sink: Catalog) -> None:
    endpoint = sink["test.kitchen_sink"]
    assert endpoint_specs(sink, endpoint) is endpoint_specs(sink, endpoint)


def test_kitchen_sink_fixture_is_a_valid_catalog(tmp_path: Path) -> None:
    catalog = make_sink_catalog(tmp_path)
    assert "test.kitchen_sink" in catalog


@pytest.mark.parametrize(
    "pattern", [r"^\d{4}-\d{2}-\d{2}$", r"^[0-9]{4}-(0[1-9]|1[0-2])-[0-9]{2}$", r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"]
)
def test_date_patterns_are_dates_other_patterns_plain_strings(pattern: str) -> None:
    assert kind_of(build_spec("d", {"type": "string", "pattern": pattern}, False, ("d",), None)) == "string:date"
    assert kind_of(build_spec("n", {"type": "string", "pattern": "^[0-9]+$"}, False, ("n",), None)) == "string"


def test_type_hint_names_bounds_formats_and_enum_values(specs: dict[str, FieldSpec]) -> None:
    assert specs["count"].type_text == "integer ≥ 1 ≤ 100"
    assert specs["email"].type_text == "string (email)"
    assert specs["note"].type_text == "string | null"
    assert specs["status"].type_text == "string, one of CREATED, IN_PROGRESS, CLOSED"
    assert specs["date_from"].type_text == "string (pattern)"  # long patterns go to the tooltip


@pytest.mark.parametrize(
    ("schema", "kind"),
    [
        ({"type": ["string", "array"], "items": {"type": "string"}}, "text-or-json"),
        ({"title": "no documented type"}, "text-or-json"),
        ({"type": ["integer", "object"]}, "text-or-json"),
        ({"type": "string", "maxLength": 1000}, "string:long"),
        ({"type": "string", "maxLength": 100}, "string"),
    ],
)
def test_text_or_json_and_long_text_kinds(schema: dict[str, Any], kind: str) -> None:
    assert kind_of(build_spec("x", schema, False, ("x",), None)) == kind
