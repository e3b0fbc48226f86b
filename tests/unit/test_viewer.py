"""The response viewer and history: badges, verdict by JSON path, Thulium's errors, JSON tree, copy-as, re-send."""

from __future__ import annotations

import dataclasses
import html
import json
from collections.abc import Mapping
from typing import Any

import pytest

from thulium_explore import CallResult, SentRequest, ThuliumError, TransportError, check_response, default_catalog
from thulium_explore._wire._params import to_wire
from thulium_explore.client._result import MASK
from thulium_explore.forms import SNIPPET_TABS, CopyButton, History, ResponseViewer
from thulium_explore.forms._render import json_tree_html, result_html
from thulium_explore.forms._static import answer_html

UUID = "6ed7c941-2c8a-411e-95d2-338a9f64800a"
ENDPOINT = "chat_conversations.start"


def make_result(
    status: int,
    body: Any,
    params: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    endpoint_id: str = ENDPOINT,
) -> CallResult:
    """A CallResult as the client builds it, without any network."""
    catalog = default_catalog()
    endpoint = catalog[endpoint_id]
    params = dict(params or {"chat_queue_id": 3, "client_id": "1234"})
    wire = to_wire(endpoint, params)
    raw = json.dumps(body).encode() if body is not None else b""
    query = "&".join(f"{k}={v}" for k, v in wire.query)
    sent = SentRequest(
        endpoint.method,
        f"http://127.0.0.1:1{wire.path}?{query}",
        {"Authorization": f"Basic {MASK}", "Accept": "application/json"},
        wire.body,
        wire,
    )
    return CallResult(
        endpoint_id,
        params,
        status,
        dict(headers or {"Content-Type": "application/json"}),
        raw.decode(),
        body,
        0.042,
        sent,
        check_response(catalog, endpoint, status, raw),
    )


def test_success_shows_status_request_elapsed_verdict_and_body() -> None:
    page = result_html(make_result(200, {"conversation_id": UUID}))
    assert "HTTP 200" in page
    assert "#1a7f37" in page  # green badge
    assert "POST /api/chat_conversations/start?chat_queue_id=3&amp;client_id=1234" in page
    assert "42 ms" in page
    assert "contract: pass" in page
    assert UUID in page
    assert "conversation_id" in page
    assert "127.0.0.1" not in page.split("thulium-headers")[0]  # the request line shows no host


def test_headers_are_collapsed_and_the_authorization_is_masked() -> None:
    page = result_html(make_result(200, {"conversation_id": UUID}, headers={"X-Request-Id": "abc"}))
    assert "<details class='thulium-headers'>" in page  # no "open": collapsed
    assert "X-Request-Id" in page
    assert f"Basic {MASK}" in page


def test_thulium_errors_and_request_id_are_highlighted() -> None:
    body = {"request_id": "53678450401cf", "errors": [{"message": "Chat queue <3> not found", "code": 111111}]}
    page = result_html(make_result(404, body))
    assert "HTTP 404" in page
    assert "#cf222e" in page
    assert "thulium-api-errors" in page
    assert "Chat queue &lt;3&gt; not found" in page  # escaped
    assert "code 111111" in page
    assert "<mark" in page and "53678450401cf" in page
    assert "contract: pass" in page  # a documented error object conforms


def test_violation_and_drift_are_listed_by_json_path_with_advice() -> None:
    page = result_html(make_result(200, {"conversation_id": "not-a-uuid", "queue": 3}))
    assert "contract: FAIL" in page
    assert "Contract violations" in page and "fix the schema" in page
    assert "<code>$.conversation_id</code>" in page
    assert "not-a-uuid" in page
    drift = result_html(make_result(200, {"conversation_id": UUID, "queue": 3}))
    assert "contract: pass (drift)" in drift
    assert "<code>$.queue</code>" in drift and "Drift" in drift


def test_empty_and_non_json_bodies() -> None:
    empty = make_result(200, None)
    assert "(empty body)" in result_html(empty)
    assert "contract: FAIL" in result_html(empty)  # JSON was documented


def test_json_tree_folds_escapes_and_truncates() -> None:
    tree = json_tree_html({"a": {"b": {"c": {"d": 1}}}, "s": "<script>", "n": None, "list": list(range(250))})
    assert tree.startswith("<details open")
    assert "<details style" in tree  # deeper levels start folded
    assert "&lt;script&gt;" in tree and "<script>" not in tree
    assert "null" in tree
    assert "… 50 more" in tree
    assert "250 items" in tree


def test_viewer_shows_copy_as_tabs_with_placeholders_not_credentials() -> None:
    viewer = ResponseViewer()
    assert viewer.widget.children == ()
    viewer.show(make_result(200, {"conversation_id": UUID}))
    tabs = viewer.widget.children[-1]
    assert tuple(tabs.titles) == ("curl", "httpie", "Python requests", "thulium_explore", "PHP")
    assert tuple(SNIPPET_TABS.values()) == ("curl", "httpie", "python", "thulium_explore", "php")
    texts = [html.unescape(pane.children[0].value) for pane in tabs.children]
    assert "$THULIUM_API_PASSWORD" in texts[0]
    assert "THULIUM_API_PASSWORD" in texts[2] and "timeout=30" in texts[2]
    assert "ThuliumClient.from_env()" in texts[3]
    assert "getenv('THULIUM_API_PASSWORD')" in texts[4]
    assert all(MASK not in t for t in texts)
    assert "contract: pass" in viewer.text()


def test_viewer_shows_the_response_size_and_that_no_request_body_was_sent() -> None:
    result = make_result(200, {"conversation_id": UUID})
    page = result_html(result)
    assert "No request body was sent." in page  # chat_conversations.start sends its parameters in the query
    assert f"Response body: {len(result.text.encode())} bytes" in page
    assert f"Basic {MASK}" in page  # the Authorization header stays masked


def test_request_body_is_shown_pretty_and_escaped() -> None:
    result = make_result(200, {"conversation_id": UUID})
    body = json.dumps({"text": "<script>alert(1)</script>"}).encode()
    with_body = dataclasses.replace(result, request=dataclasses.replace(result.request, body=body))
    page = result_html(with_body)
    assert f"Request body sent ({len(body)} bytes)" in page
    assert "&quot;text&quot;: &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;" in page
    assert "<script>" not in page


def test_collapsed_json_items_show_a_preview() -> None:
    tree = json_tree_html({"result": [{"conversation_id": UUID, "status": "CLOSED", "n": None}], "count": 1})
    assert "{conversation_id: &quot;6ed7c941-2c8…&quot;, status: &quot;CLOSED&quot;, n: null} 3 keys" in tree
    assert "[{…}] 1 item" in tree
    assert "{result: […], count: 1} 2 keys" in tree
    escaped = json_tree_html({"<i>": {"<script>": "<script>"}})
    assert "{&lt;script&gt;: &quot;&lt;script&gt;&quot;}" in escaped  # keys and values escaped in previews
    assert "<script>" not in escaped and "<i>" not in escaped


def test_body_toggles_between_tree_and_raw_text() -> None:
    viewer = ResponseViewer()
    result = make_result(200, {"conversation_id": UUID, "note": "<script>"})
    viewer.show(result)
    page, controls = viewer.widget.children[0], viewer.widget.children[1]
    toggle = controls.children[1]
    assert tuple(toggle.options) == ("pretty", "raw")
    assert "<details" in page.value and "thulium-raw" not in page.value
    toggle.value = "raw"
    assert "thulium-raw" in page.value and "<details open" not in page.value.split("thulium-raw")[1]
    assert html.escape(result.text) in page.value and "<script>" not in page.value
    viewer.show(result)  # the choice is kept for the next answer
    assert "thulium-raw" in viewer.widget.children[0].value


def test_copy_buttons_carry_the_exact_text_to_the_clipboard_widget() -> None:
    """Each Copy button is a CopyButton (forms/_a11y.py: JavaScript writes the clipboard) holding the text."""
    viewer = ResponseViewer()
    result = make_result(200, {"conversation_id": UUID})
    viewer.show(result)
    body_copy = viewer.widget.children[1].children[2]
    assert isinstance(body_copy, CopyButton) and body_copy.label == "Copy body"
    assert json.loads(body_copy.text) == result.json
    tabs = viewer.widget.children[-1]
    for pane, (title, kind) in zip(tabs.children, SNIPPET_TABS.items(), strict=True):
        snippet_copy = pane.children[1]
        assert isinstance(snippet_copy, CopyButton) and snippet_copy.label == f"Copy {title}"
        assert snippet_copy.text == result.snippet(kind)
        assert MASK not in snippet_copy.text
    assert "navigator.clipboard.writeText" in CopyButton._esm and "execCommand" in CopyButton._esm


def test_viewer_failure_replaces_the_result() -> None:
    viewer = ResponseViewer()
    viewer.show(make_result(200, {"conversation_id": UUID}))
    viewer.show_failure(ENDPOINT, "timeout error for http://127.0.0.1:1/api/chat_conversations/start")
    assert viewer.result is None
    assert "timeout error" in viewer.widget.children[0].value
    assert viewer.text().startswith("timeout error")


class FakeSender:
    """Answers every send with a 200 (or raises), counting calls; no network."""

    def __init__(self, fail: bool = False) -> None:
        self.catalog = default_catalog()
        self.sent: list[tuple[str, dict[str, Any]]] = []
        self.fail = fail

    def send(self, endpoint_id: str, params: Mapping[str, Any]) -> CallResult:
        self.sent.append((endpoint_id, dict(params)))
        if self.fail:
            raise TransportError("connection", "http://127.0.0.1:1/api", "refused")
        return make_result(200, {"conversation_id": UUID}, params)


def test_history_records_and_resends_with_the_same_parameters() -> None:
    history, sender = History(), FakeSender()
    shown: list[CallResult] = []
    history.add(
        sender,
        ENDPOINT,
        {"chat_queue_id": 7},
        result=make_result(200, {"conversation_id": UUID}),
        on_result=shown.append,
    )
    table = history.widget
    assert len(table.children) == 2  # title + one row
    result = history.resend(1)
    assert sender.sent == [(ENDPOINT, {"chat_queue_id": 7})]
    assert shown == [result]
    assert [e.number for e in history.entries] == [1, 2]
    assert len(table.children) == 3
    assert "#2" in table.children[-1].children[1].value


def test_history_resend_button_and_failures() -> None:
    history, sender = History(), FakeSender(fail=True)
    history.add(sender, ENDPOINT, {"chat_queue_id": 7}, failure="earlier failure")
    button = history.widget.children[1].children[0]
    button.click()  # a failure becomes a row, not an exception in the callback
    assert history.entries[-1].failure is not None and "refused" in history.entries[-1].failure
    with pytest.raises(ThuliumError):
        history.resend(1)
    with pytest.raises(ValueError, match="no call #9"):
        history.resend(9)


def test_history_needs_a_client_like_source() -> None:
    history = History()
    history.add(object(), ENDPOINT, {"chat_queue_id": 7}, failure="x")
    with pytest.raises(TypeError, match="ThuliumClient or a Connection"):
        history.resend(1)


# -- a list answer as a table (issue 13) ------------------------------------------------------------


def chats_page(count: int, shown: int) -> CallResult:
    """A chats.list answer: ``shown`` items of ``count``, one undocumented field, a value needing escaping."""
    items = [
        {"conversation_id": f"c-{i}", "status": "CLOSED", "client_name": "<b>Jan</b>", "x_extra": i}
        for i in range(shown)
    ]
    return make_result(200, {"count": count, "result": items}, params={"limit": 100}, endpoint_id="chats.list")


def body_of(viewer: ResponseViewer) -> str:
    return str(viewer.widget.children[0].value)


def toggle_of(viewer: ResponseViewer) -> Any:
    (toggle,) = [w for w in viewer.widget.children[1].children if "thulium-body-toggle" in w._dom_classes]
    return toggle


def test_a_list_answer_shows_as_a_table_first_with_pretty_and_raw_one_click_away() -> None:
    viewer = ResponseViewer()
    viewer.show(chats_page(3, 3))
    toggle = toggle_of(viewer)
    assert toggle.options == ("table", "pretty", "raw")
    assert toggle.value == "table"
    page = body_of(viewer)
    assert "thulium-table-view" in page and "<table" in page
    head = page.split("<thead>")[1].split("</thead>")[0]
    assert head.index("conversation_id") < head.index("status") < head.index("x_extra")  # documented first
    assert "&lt;b&gt;Jan&lt;/b&gt;" in page and "<b>Jan</b>" not in page  # escaped
    toggle.value = "pretty"
    assert "thulium-table-view" not in body_of(viewer)
    assert "class='thulium-table'" not in body_of(viewer)
    toggle.value = "raw"
    assert "thulium-raw" in body_of(viewer)
    toggle.value = "table"
    assert "thulium-table-view" in body_of(viewer)


def test_an_answer_that_is_not_a_list_has_no_table_view() -> None:
    viewer = ResponseViewer()
    viewer.show(make_result(200, {"conversation_id": UUID}))
    assert toggle_of(viewer).options == ("pretty", "raw")
    assert toggle_of(viewer).value == "pretty"  # the preferred "table" falls back
    assert viewer.view == "table"  # and is kept for the next list answer
    viewer.show(chats_page(1, 1))
    assert toggle_of(viewer).value == "table"
    failed = make_result(404, {"errors": [{"message": "Not found", "code": 1}]}, params={}, endpoint_id="chats.list")
    viewer.show(failed)
    assert toggle_of(viewer).options == ("pretty", "raw")  # an error answer is not a list


def test_a_large_list_draws_only_the_first_rows_and_says_how_many() -> None:
    viewer = ResponseViewer()
    viewer.show(chats_page(5000, 1000))
    page = body_of(viewer)
    table = page.split("class='thulium-table'")[1].split("</table>")[0]
    assert table.count("<tr>") == 1 + 50  # the header row and the first 50 items
    assert "1000" in page.replace(",", "") and "5000" in page.replace(",", "")
    drift = page.split("class='thulium-drift'")[1].split("</table>")[0]
    assert drift.count("<tr>") == 1 + 50 + 1  # 1,000 undocumented x_extra: 50 drawn, then "950 more"
    assert "950 more" in drift
    assert len(page) < 80_000  # a 1,000-item answer stays a small page


def test_the_static_view_shows_a_list_as_a_table_with_the_json_under_it() -> None:
    page = answer_html(chats_page(3, 3), 1)
    assert "<table" in page and "<details><summary>JSON</summary>" in page
    assert page.index("<table") < page.index("<details><summary>JSON</summary>")
    assert "&quot;conversation_id&quot;: &quot;c-0&quot;" in page  # the JSON is still all there
    assert "<table" not in answer_html(make_result(200, {"conversation_id": UUID}), 1)
    big = answer_html(chats_page(5000, 2000), 1)
    assert big.split("class='thulium-table'")[1].split("</table>")[0].count("<tr>") == 51
    assert "(cut here)" in big  # the JSON under the table is cut (result.json holds it all)
    assert len(big) < 400_000
