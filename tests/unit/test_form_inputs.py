"""Inputs people can type: text or JSON where the schema allows both, one list item per line, long text in a
multi-line box, Enter to send, and the searchable endpoint picker."""

from __future__ import annotations

import warnings
from typing import Any

import ipywidgets as W
import pytest

from thulium_explore import default_catalog
from thulium_explore.forms import EndpointForm, Field, kind_of
from thulium_explore.forms._field import FieldFactory
from thulium_explore.forms._picker import EndpointPicker
from thulium_explore.forms._spec import UNSET, build_spec

from .forms_support import offline_client


def form_for(endpoint_id: str) -> EndpointForm:
    return EndpointForm(offline_client(), endpoint_id).show_all_fields()


def field_of(form: EndpointForm, name: str) -> Field:
    return next(f for f in form.fields if f.spec.name == name)


def type_into(form: EndpointForm, name: str, text: str) -> Field:
    """Type ``text`` into the field's editor as a user would."""
    f = field_of(form, name)
    f.editor.value = text
    return f


def loose(schema: dict[str, Any]) -> Field:
    return FieldFactory().field(build_spec("x", schema, False, ("x",), None))


def press_enter(widget: W.Widget) -> None:
    """What the browser sends when Enter is pressed in a one-line text box (the widget's custom message)."""
    widget._handle_custom_msg({"event": "submit"}, [])


# -- 1. "string or array" and undocumented types take plain text ------------------------------------


@pytest.mark.parametrize("text", ["222333444", "+48 222 333 444"])
def test_phone_number_string_or_array_is_sent_as_typed(text: str) -> None:
    form = form_for("customers.create")
    type_into(form, "phone_number", text)
    assert form.values["phone_number"] == text
    assert "$.phone_number" not in form.errors


def test_phone_number_takes_a_json_list_and_says_so() -> None:
    form = form_for("customers.create")
    f = type_into(form, "phone_number", '["222333444", "222333555"]')
    assert form.values["phone_number"] == ["222333444", "222333555"]
    assert kind_of(f.spec) == "text-or-json"
    hint = f.widgets[0].value
    assert "text as typed" in hint
    assert "JSON list" in hint


def test_phone_number_broken_json_list_is_a_problem_not_a_silent_string() -> None:
    form = form_for("customers.create")
    type_into(form, "phone_number", '["222333444", ')
    assert "not valid JSON" in form.errors["$.phone_number"]
    assert not form.valid


def test_a_quoted_string_is_the_way_to_send_text_starting_with_a_bracket() -> None:
    form = form_for("customers.create")
    type_into(form, "phone_number", '"[ext] 222"')
    assert form.values["phone_number"] == "[ext] 222"


def test_undocumented_type_takes_plain_text() -> None:
    form = form_for("customers.create")
    f = type_into(form, "gender", "M")
    assert form.values["gender"] == "M"
    assert "$.gender" not in form.errors
    type_into(form, "gender", "2")
    assert form.values["gender"] == "2"  # a string is allowed, so a number stays text (as on the command line)
    type_into(form, "gender", '{"code": "M"}')
    assert form.values["gender"] == {"code": "M"}  # clearly JSON, and any type is allowed
    assert "sent as text" in f.widgets[0].value


def test_json_that_parses_to_a_type_not_allowed_stays_text_when_text_is_allowed() -> None:
    f = loose({"type": ["string", "array"]})
    f.editor.value = '{"a": 1}'
    assert f.read() == '{"a": 1}'
    assert f.problem() is None


def test_numbers_and_literals_are_json_only_where_a_string_is_not_allowed() -> None:
    f = loose({"type": ["integer", "array"], "items": {"type": "integer"}})
    assert kind_of(f.spec) == "text-or-json"
    f.editor.value = "5"
    assert f.read() == 5
    f.editor.value = "[1, 2]"
    assert f.read() == [1, 2]
    nullable = loose({"type": ["boolean", "object", "null"]})
    nullable.editor.value = "true"
    assert nullable.read() is True
    nullable.editor.value = "null"
    assert nullable.read() is None


# -- 2. lists: one per line; commas in a list of e-mails are refused ---------------------------------


def test_list_fields_say_one_per_line() -> None:
    form = form_for("tickets.create")
    assert "one per line" in field_of(form, "cc").widgets[0].value.lower()


def test_commas_in_a_list_of_emails_are_an_error_naming_the_field() -> None:
    form = form_for("tickets.create")
    type_into(form, "cc", "a@example.org, b@example.org")
    message = form.errors["$.cc"]
    assert "one address per line" in message
    assert "cc" in message
    assert not form.valid  # Send stays disabled
    type_into(form, "cc", "a@example.org\nb@example.org")
    assert form.values["cc"] == ["a@example.org", "b@example.org"]
    assert "$.cc" not in form.errors


def test_commas_in_a_list_of_integers_suggest_one_per_line() -> None:
    f = loose({"type": "array", "items": {"type": "integer"}})
    f.editor.value = "1, 2"
    assert "one per line" in (f.problem() or "")
    f.editor.value = "1\n2"
    assert f.problem() is None
    assert f.read() == [1, 2]


def test_commas_in_a_list_of_free_text_are_fine() -> None:
    f = loose({"type": "array", "items": {"type": "string"}})
    f.editor.value = "Kowalski, Jan"
    assert f.problem() is None
    assert f.read() == ["Kowalski, Jan"]


# -- 3. long text gets a multi-line box; Enter in a one-line box is a submit hook ------------------------


@pytest.mark.parametrize(
    ("endpoint_id", "name", "multiline"),
    [
        ("tickets.create", "body", True),
        ("tickets.create", "comment", True),
        ("tickets.create", "subject", False),
        ("customers.create", "note", True),
        ("customers.create", "job_title", False),
        ("chat_conversations.message", "text", True),
    ],
)
def test_long_text_is_a_textarea(endpoint_id: str, name: str, multiline: bool) -> None:
    editor = field_of(form_for(endpoint_id), name).editor
    assert isinstance(editor, W.Textarea) is multiline
    assert isinstance(editor, W.Text) is not multiline


def test_long_text_by_max_length() -> None:
    assert isinstance(loose({"type": "string", "maxLength": 2000}).editor, W.Textarea)
    short = FieldFactory().field(
        build_spec("description", {"type": "string", "maxLength": 40}, False, ("description",), None)
    )
    assert isinstance(short.editor, W.Text)


def test_enter_in_a_one_line_box_calls_the_submit_hook() -> None:
    form = form_for("tickets.create")
    calls: list[str] = []
    subject = field_of(form, "subject")
    subject.on_submit(lambda: calls.append("subject"))
    body = field_of(form, "body")
    body.on_submit(lambda: calls.append("body"))  # a multi-line box: Enter is a new line, never a submit
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # not through the deprecated Text.on_submit
        press_enter(subject.editor)
    assert calls == ["subject"]


# -- 4. the searchable endpoint picker -----------------------------------------------------------------


def test_picker_filters_by_id_case_insensitively() -> None:
    picker = EndpointPicker(default_catalog(), value="chat_conversations.start")
    picker.search.value = "CUSTOMERS.CREATE"
    assert picker.matches == ["customers.create"]


def test_picker_filters_by_summary_and_polish_summary() -> None:
    catalog = default_catalog()
    picker = EndpointPicker(catalog)
    picker.search.value = "start a chat"
    assert "chat_conversations.start" in picker.matches
    picker.search.value = "rozpoczyna konwersacje"  # Polish summary, typed without the diacritics
    assert picker.matches == ["chat_conversations.start"]
    picker.search.value = ""
    assert len(picker.matches) == len(list(catalog))


def test_picker_value_follows_the_choice_and_enter_picks_the_first_match() -> None:
    picker = EndpointPicker(default_catalog(), value="chat_conversations.start")
    seen: list[str] = []
    picker.observe(lambda change: seen.append(change["new"]), names="value")
    picker.choice.value = "customers.get"
    assert picker.value == "customers.get"
    picker.search.value = "tickets.create"
    press_enter(picker.search)
    assert picker.value == "tickets.create"
    picker.value = "agents.get"
    assert picker.choice.value == "agents.get"
    assert seen == ["customers.get", "tickets.create", "agents.get"]


def test_picker_refuses_an_unknown_endpoint() -> None:
    with pytest.raises(ValueError, match="no-such"):
        EndpointPicker(default_catalog(), value="no-such.endpoint")


def test_a_value_written_into_a_multi_type_box_is_sent_as_written_until_edited() -> None:
    """A documented example ``"3"`` in an ``["integer","string"]`` field stays the string the documentation
    sends (fill exactly); once the user edits the text, it is read again (``4`` → the integer 4)."""
    f = loose({"type": ["integer", "string"]})
    f.write("3")
    assert f.editor.value == "3" and f.read() == "3"
    f.write(3)
    assert f.read() == 3
    f.editor.value = "4"
    assert f.read() == 4
    f.editor.value = "abc"
    assert f.read() == "abc"
    f.clear()
    assert f.editor.value == "" and f.read() is UNSET
