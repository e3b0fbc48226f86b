"""Accessibility state of a form (the browser test checks the page): names equal labels, invalid marks tied
to their error line, the announced problem count, the focus ring and the theme-aware colours."""

from __future__ import annotations

import html
import re

import pytest

from thulium_explore import Catalog, ParameterError
from thulium_explore.forms import Accessibility, EndpointForm, History, SavedRow, explore
from thulium_explore.forms._a11y import TABLE_REGION, field_names, problem_announcement
from thulium_explore.forms._render import errors_html, json_tree_html
from thulium_explore.forms._theme import A11Y_CSS, ERROR_BOX

from .forms_support import make_sink_catalog, offline_client
from .test_viewer import make_result


@pytest.fixture(scope="module")
def sink(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return make_sink_catalog(tmp_path_factory.mktemp("sink"))


def names_by_selector(form: EndpointForm) -> dict[str, dict[str, object]]:
    return {item["selector"]: item for item in form.a11y.names}


def test_every_editor_is_named_by_its_label() -> None:
    form = EndpointForm(offline_client(), "chat_conversations.start", history=History())
    assert isinstance(form.a11y, Accessibility) and form.a11y in form.widget.children
    names = names_by_selector(form)
    assert len(names) == len(form.fields) + 1  # and the scrolled box of a list answer's table
    table = names[TABLE_REGION["selector"]]
    assert (table["role"], table["focusable"]) == ("region", True)
    for field in form.fields:
        item = names[f".{field.spec.css_class}"]
        assert item["label"] == field.spec.title and f"<b>{html.escape(field.spec.title)}</b>" in field.widgets[0].value
        assert item["required"] is field.spec.required
    assert names[".thulium-field-chat_queue_id"]["label"] == "Chat queue id"


def test_an_invalid_field_is_marked_and_described_by_its_error_line() -> None:
    form = EndpointForm(offline_client(), "chat_conversations.start", history=History())
    queue = ".thulium-field-chat_queue_id"
    assert names_by_selector(form)[queue]["invalid"] is False  # untouched: nothing shouted yet
    assert form.a11y.announce == "1 problem to fix before sending"
    with pytest.raises(ParameterError):
        form.submit()
    item = names_by_selector(form)[queue]
    assert item["invalid"] is True
    header = form._by_path[("chat_queue_id",)].widgets[0].value
    error_id = str(item["describedby"]).split()[0]
    assert re.search(
        rf"<div class='thulium-error' id='{error_id}'[^>]*>⚠ <code>\$\.chat_queue_id</code> is required", header
    )
    form.set(chat_queue_id=3)
    item = names_by_selector(form)[queue]
    assert item["invalid"] is False and "error" not in str(item["describedby"])
    assert form.a11y.announce == "No problems: ready to send"


def test_hints_describe_their_editor_and_every_kind_is_named(sink: Catalog) -> None:
    form = EndpointForm(offline_client(sink), "test.kitchen_sink", history=History()).show_all_fields()
    names = names_by_selector(form)
    for tracked in form._all:
        item = names[f".{tracked.spec.css_class}"]
        assert item["label"] == tracked.spec.title
        header = tracked.widgets[0].value
        for described in str(item["describedby"]).split():
            assert f"id='{described}'" in header


def test_the_explorer_names_its_endpoint_list_and_saved_row() -> None:
    explorer = explore(offline_client())
    (named,) = [w for w in explorer.widget.children if isinstance(w, Accessibility)]
    assert named.root == ".thulium-explorer"
    assert [(n["selector"], n["label"]) for n in named.names] == [
        (".thulium-endpoint-list", "Endpoints matching the search"),
        (".thulium-save-name", "Name to save the call as"),
        (".thulium-save-path", "Recipe file"),
        (".thulium-saved-picker", "Saved calls in the recipe file"),
    ]
    row = explorer.saved
    for selector, _ in SavedRow.NAMES:  # each name reaches a control of the row
        assert any(selector[1:] in w._dom_classes for w in (row.name, row.path, row.picker))


def test_a_suggestion_dropdown_is_named_after_its_field() -> None:
    form = EndpointForm(offline_client(), "chat_conversations.message")
    names = {n["selector"]: n["label"] for n in field_names(form._all)}
    (box,) = [f.suggest for f in form.fields if f.suggest is not None]
    assert names[f".{box.css_class}"] == "Recent values for Conversation id"
    assert box.css_class in box.widget._dom_classes


def test_problem_count_wording() -> None:
    assert problem_announcement(1) == "1 problem to fix before sending"
    assert problem_announcement(3) == "3 problems to fix before sending"


def test_focus_ring_and_theme_colours() -> None:
    assert re.search(r":focus-visible \{\s*outline: 3px solid var\(--jp-brand-color1", A11Y_CSS)
    assert "var(--jp-rendermime-error-background" in ERROR_BOX and "color:var(--jp-content-font-color1" in ERROR_BOX
    page = json_tree_html({"name": "Anna", "n": 1, "ok": True})
    assert "color:var(--jp-mirror-editor-string-color" in page
    assert "color:var(--jp-mirror-editor-number-color" in page
    assert "color:var(--jp-mirror-editor-keyword-color" in page
    box = errors_html(make_result(400, {"errors": [{"message": "Bad", "code": 1}]}))
    assert "thulium-api-errors" in box and "#ffebe9" not in box.replace(
        "var(--jp-rendermime-error-background, #ffebe9)", ""
    )
