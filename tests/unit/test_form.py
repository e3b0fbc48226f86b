"""EndpointForm without a network: values, errors by JSON path, Send enabled only when valid, example fill."""

from __future__ import annotations

from typing import Any

import pytest

from thulium_explore import Catalog, ParameterError, default_catalog
from thulium_explore.forms import EndpointForm, Field, History

from .forms_support import make_sink_catalog, offline_client


@pytest.fixture(scope="module")
def sink(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return make_sink_catalog(tmp_path_factory.mktemp("sink"))


@pytest.fixture
def start_form() -> EndpointForm:
    return EndpointForm(offline_client(), "chat_conversations.start", history=History())


@pytest.fixture
def sink_form(sink: Catalog) -> EndpointForm:
    return EndpointForm(offline_client(sink), "test.kitchen_sink", history=History())


def by_path(form: EndpointForm, *path: str) -> Field:
    return form._by_path[path]


def test_untouched_form_sends_nothing_and_send_is_disabled(start_form: EndpointForm) -> None:
    assert start_form.values == {}
    assert start_form.errors == {"$.chat_queue_id": "is required (example: 3)"}
    assert start_form._send.disabled
    # errors of untouched fields are not shouted at the user yet
    assert all(f.error is None for f in start_form.fields)


def test_typing_validates_per_field_with_the_catalog_validator(start_form: EndpointForm) -> None:
    by_path(start_form, "client_email").input.widget.value = "jan(at)example.org"
    assert "$.client_email" in start_form.errors
    assert by_path(start_form, "client_email").error is not None
    assert "not a valid email" in (by_path(start_form, "client_email").error or "")
    assert start_form._send.disabled
    by_path(start_form, "client_email").input.widget.value = "jan@example.org"
    by_path(start_form, "chat_queue_id").input.widget.value = "0"
    assert start_form.errors == {"$.chat_queue_id": "0 is less than the minimum of 1 (example: 3)"}
    by_path(start_form, "chat_queue_id").input.widget.value = "3"
    assert start_form.errors == {}
    assert not start_form._send.disabled
    assert all(f.error is None for f in start_form.fields)


def test_empty_optional_field_is_never_sent_as_empty_or_zero(start_form: EndpointForm) -> None:
    start_form.fill_samples(ids=True)
    assert start_form.values["customer_id"] == 1
    start_form.set(customer_id=None, client_email=None)
    by_path(start_form, "client_name").input.widget.value = ""
    assert start_form.values == {"chat_queue_id": 3, "client_surname": "Kowalski", "client_id": "1234"}


def test_fill_documented_example_fills_only_the_documented_request(start_form: EndpointForm) -> None:
    start_form.fill_samples().fill_example()
    assert start_form.values == {"chat_queue_id": 3, "client_id": "1234"}
    assert start_form.errors == {}


def test_fill_every_field_with_sample_values_leaves_the_crm_customer_id_empty(start_form: EndpointForm) -> None:
    start_form.fill_samples()
    assert start_form.values == {
        "chat_queue_id": 3,
        "client_name": "Jan",
        "client_surname": "Kowalski",
        "client_email": "jan.kowalski@example.org",
        "client_id": "1234",
    }
    assert start_form.errors == {}


def test_values_match_what_the_client_would_validate(start_form: EndpointForm) -> None:
    start_form.set(chat_queue_id=3, client_id="0042")
    assert start_form.values == {"chat_queue_id": 3, "client_id": "0042"}
    assert default_catalog().validate_parameters("chat_conversations.start", start_form.values) == []


def test_submit_of_an_invalid_form_raises_and_sends_nothing(start_form: EndpointForm) -> None:
    start_form.set(client_email="nope")
    with pytest.raises(ParameterError) as caught:
        start_form.submit()
    assert {p.field for p in caught.value.problems} == {"chat_queue_id", "client_email"}
    assert start_form.history.entries == []
    assert start_form.result is None
    # submit shows every error, touched or not
    assert by_path(start_form, "chat_queue_id").error is not None


def test_unknown_field_in_set_names_the_fields(start_form: EndpointForm) -> None:
    with pytest.raises(ValueError, match="no field 'queue'.*chat_queue_id"):
        start_form.set(queue=3)


def test_clear_empties_everything(start_form: EndpointForm) -> None:
    start_form.fill_samples().clear()
    assert start_form.values == {}


def test_nested_errors_are_named_by_json_path(sink_form: EndpointForm) -> None:
    sink_form.set(login="jk", count=3)
    assert sink_form._more is not None
    sink_form._more.click()  # "4 more optional parameters"
    assert ("address", "street") not in sink_form._by_path  # built when the group is opened
    by_path(sink_form, "address").editor.children[0].value = True  # the user opens the group
    by_path(sink_form, "address", "street").input.widget.value = "Długa"
    errors = sink_form.errors
    assert errors == {"$.address": "'city' is a required property"}
    by_path(sink_form, "address", "city").input.widget.value = "Kraków"
    by_path(sink_form, "address", "postcode").input.widget.value = "30001"
    assert list(sink_form.errors) == ["$.address.postcode"]
    assert by_path(sink_form, "address", "postcode").error is not None


def test_array_item_errors_point_at_the_array_field(sink_form: EndpointForm) -> None:
    sink_form.set(login="jk", count=3)
    by_path(sink_form, "status_id").input.widget.value = "1\ntwo"
    assert list(sink_form.errors) == ["$.status_id[1]"]
    assert "$.status_id[1]" in (by_path(sink_form, "status_id").error or "")


def test_bad_json_blocks_send(sink_form: EndpointForm) -> None:
    sink_form.set(login="jk", count=3).show_all_fields()
    by_path(sink_form, "custom_fields").input.widget.value = "{"
    assert "not valid JSON" in sink_form.errors["$.custom_fields"]
    assert sink_form._send.disabled


def test_kitchen_sink_samples_fill_nested_groups(sink_form: EndpointForm) -> None:
    sink_form.fill_samples()
    values = sink_form.values
    assert values["address"] == {"street": "Długa", "city": "Kraków", "postcode": "30-001"}
    assert "vip" not in values and "agent_id" not in values  # a flag and an id: only when asked
    assert "status_id" not in values  # ids of existing objects, even in a list
    assert sink_form.fill_samples(flags=True).values["vip"] is True
    values = sink_form.fill_samples(ids=True).values
    assert values["status_id"] == [1, 2] and values["agent_id"] == 11
    assert "actions" not in values  # no documented example: stays empty, not sent
    assert sink_form.errors == {}


def test_big_forms_show_required_and_first_optional_fields_then_the_rest_on_demand(sink_form: EndpointForm) -> None:
    shown = [f.spec.name for f in sink_form.fields]
    assert shown == [
        "login",
        "count",
        "ratio",
        "email",
        "chatbot",
        "date_from",
        "status",
        "vip",
        "status_id",
        "actions",
    ]
    assert sink_form._more is not None and sink_form._more.description == "4 more optional parameters"
    assert sink_form._more in sink_form.widget.children
    assert sink_form.values == {}
    sink_form.set(note="hi")  # a field not shown yet: set() shows them all
    assert [f.spec.name for f in sink_form.fields][-4:] == ["note", "agent_id", "address", "custom_fields"]
    assert sink_form._more not in sink_form.widget.children
    assert sink_form.values == {"note": "hi"}
    header_index = sink_form.widget.children.index(by_path(sink_form, "note").widgets[0])
    assert sink_form.widget.children[header_index + 1] is by_path(sink_form, "note").editor


def test_form_widget_carries_css_hooks(start_form: EndpointForm) -> None:
    classes = start_form.widget._dom_classes
    assert "thulium-form" in classes
    assert "thulium-field-chat_queue_id" in by_path(start_form, "chat_queue_id").editor._dom_classes
    assert "thulium-send" in start_form._send._dom_classes


def test_displays_itself(start_form: EndpointForm) -> None:
    bundle: Any = start_form._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
