"""A list answer as a table: documented columns first in schema order, everything escaped, big lists cut."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

from thulium_explore import CallResult, SentRequest, check_response, default_catalog
from thulium_explore._wire._params import to_wire
from thulium_explore.catalog._lists import list_endpoints, list_shape
from thulium_explore.client import list_table_html

DOCUMENTED_CHAT_FIELDS = [
    "chat_queue_id",
    "client_email",
    "client_name",
    "customer_id",
    "conversation_id",
    "created_at",
    "closed_at",
    "status",
    "user_login",
]


class _Table(HTMLParser):
    """The header texts, the rows' cell texts and every tag, read by the standard library's HTML parser."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self.tags: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in ("th", "td"):
            self._in = tag
            if tag == "td":
                self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "th":
            self.headers.append(data)
        elif self._in == "td":
            self.rows[-1][-1] += data


def parse(text: str) -> _Table:
    table = _Table()
    table.feed(text)
    return table


def chat(number: int, **extra: Any) -> dict[str, Any]:
    item = dict(default_catalog()["chats.list"].document["$defs"]["response_200"]["examples"][0]["result"][0])
    item["chat_queue_id"] = number
    return {**extra, **item}  # undocumented fields first in the item: the table still puts them last


def test_the_list_endpoints_are_read_from_the_catalog() -> None:
    found = list_endpoints(default_catalog())
    assert {"chats.list", "tickets.list", "connections.list", "recordings.list"} <= set(found)
    assert "chat_conversations.start" not in found and "customers.get" not in found
    shape = list_shape(default_catalog(), "tickets.list")
    assert shape is not None and shape.pageable and shape.has_count
    assert (shape.default_limit, shape.max_limit) == (100, 100)  # the documented default and maximum limit


def test_documented_columns_come_first_in_schema_order_then_the_undocumented() -> None:
    body = {"count": 2, "result": [chat(3, zeta="z"), chat(4, alpha="a")]}
    table = parse(list_table_html("chats.list", body) or "")
    assert table.headers == [*DOCUMENTED_CHAT_FIELDS, "zeta", "alpha"]
    rows = [r for r in table.rows if r]
    assert [r[0] for r in rows] == ["3", "4"]
    assert rows[0][-2:] == ["z", ""] and rows[1][-2:] == ["", "a"]  # a missing field is an empty cell


def test_every_value_from_the_server_is_escaped() -> None:
    hostile = "<script>alert(1)</script>"
    body = {"count": 1, "result": [{**chat(3), "client_name": hostile, hostile: {"k": hostile}}]}
    text = list_table_html("chats.list", body) or ""
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "script" not in parse(text).tags


def test_nested_values_are_compact_and_null_is_shown() -> None:
    messages = [{"sent_by": "customer", "text": "x" * 200}, {"sent_by": "chatbot", "text": "y"}]
    body = {"count": 1, "result": [{**chat(3), "messages": messages, "closed_at": None, "tags": ["a", "b"]}]}
    table = parse(list_table_html("chats.list", body) or "")
    row = dict(zip(table.headers, next(r for r in table.rows if r), strict=True))
    assert row["messages"] == "[2 items]"
    assert row["closed_at"] == "null"
    assert row["tags"] == '["a", "b"]'


def test_a_large_list_shows_its_first_rows_and_says_how_many() -> None:
    body = {"count": 5000, "result": [chat(i) for i in range(250)]}
    text = list_table_html("chats.list", body, max_rows=20) or ""
    assert len([r for r in parse(text).rows if r]) == 20
    assert "250 items of count 5000" in text and "showing the first 20" in text


def test_not_a_list_is_no_table() -> None:
    assert list_table_html("chat_conversations.start", {"conversation_id": "x"}) is None
    assert list_table_html("chats.list", {"request_id": "abc", "errors": []}) is None  # an error body
    assert list_table_html("no.such_endpoint", {"result": []}) is None
    assert list_table_html("chats.list", {"count": 2, "result": [1, 2]}) is None  # no item is an object


def list_result(endpoint_id: str, status: int, body: Any) -> CallResult:
    """A CallResult as the client builds it for a GET list call, without any network."""
    catalog = default_catalog()
    endpoint = catalog[endpoint_id]
    wire = to_wire(endpoint, {})
    raw = json.dumps(body).encode()
    sent = SentRequest("GET", f"http://127.0.0.1:1{wire.path}", {}, None, wire)
    verdict = check_response(catalog, endpoint, status, raw)
    return CallResult(endpoint_id, {}, status, {}, raw.decode(), body, 0.01, sent, verdict, catalog=catalog)


def test_a_call_result_of_a_list_shows_the_table_with_the_tree_one_click_away() -> None:
    text = list_result("chats.list", 200, {"count": 2, "result": [chat(3, extra=1), chat(4)]})._repr_html_()
    assert "<table" in text
    assert text.index("<table") < text.index("<details>") < text.index("<pre>")  # the tree is folded under it
    assert parse(text).headers[: len(DOCUMENTED_CHAT_FIELDS)] == DOCUMENTED_CHAT_FIELDS


def test_an_error_answer_of_a_list_endpoint_keeps_the_plain_body() -> None:
    text = list_result(
        "chats.list", 400, {"request_id": "abc", "errors": [{"message": "bad", "code": 1}]}
    )._repr_html_()
    assert "<table" not in text and "<details>" not in text and "&quot;request_id&quot;" in text


def test_the_scrolled_table_is_a_named_region_the_keyboard_can_reach() -> None:
    text = list_table_html("chats.list", {"count": 1, "result": [chat(3)]})
    assert text is not None
    assert "tabindex='0' role='region' aria-label='Items of the answer" in text
