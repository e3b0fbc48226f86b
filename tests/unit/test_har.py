"""HAR 1.2 → cassette: what is kept, how bodies are decoded, scrubbing through the recorder's Scrubber, bad input."""

from __future__ import annotations

import base64
import gzip
import json
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from thulium_explore.cassettes import _har
from thulium_explore.cassettes._har import HarError, har_to_cassette
from thulium_explore.cassettes._scrub import Scrubber

HAR = Path(__file__).resolve().parents[1] / "data" / "har"
PASSWORD = "CanaryPass-7781"
CANARIES = ("CanaryPass-7781", "CanaryCookie5521", "canary.user@firma-canary.pl", "jan.kowalski", "CanaryTrace-3344")


def _entry(url: str, status: int = 200, text: str | None = "[]", **response: Any) -> dict[str, Any]:
    content: dict[str, Any] = {"mimeType": "application/json"}
    if text is not None:
        content["text"] = text
    return {
        "request": {"method": "GET", "url": url, "headers": []},
        "response": {"status": status, "statusText": "OK", "headers": [], "content": content, **response},
    }


def _har_bytes(*entries: dict[str, Any]) -> bytes:
    return json.dumps({"log": {"version": "1.2", "entries": list(entries)}}).encode()


def _forms(value: str) -> set[str]:
    """Every way a value could be written into a file."""
    return {
        value,
        value.lower(),
        urllib.parse.quote(value, safe=""),
        urllib.parse.quote_plus(value),
        json.dumps(value)[1:-1],
        base64.b64encode(value.encode()).decode(),
    }


def test_capture_keeps_thulium_api_calls_and_counts_the_rest() -> None:
    imported = har_to_cassette((HAR / "capture.har").read_bytes(), "capture.har")
    assert (imported.entries, imported.kept) == (5, 2)
    assert (imported.other_hosts, imported.outside_api, imported.no_answer) == (1, 1, 1)
    assert imported.summary() == (
        "kept 2 of 5 entries; dropped 3: 1 on other hosts, 1 outside /api/, 1 without an answer"
    )
    assert [i["request"]["uri"].split("?")[0] for i in imported.interactions] == [
        "https://your-system-name.thulium.com/api/chat_conversations/start",
        "https://your-system-name.thulium.com/api/chats/queues",
    ]


def test_base64_gzip_bodies_are_decoded_and_stored_without_content_encoding() -> None:
    imported = har_to_cassette((HAR / "capture.har").read_bytes(), "capture.har")
    start, queues = imported.interactions
    body = json.loads(start["response"]["body"]["string"])
    assert body["conversation_id"] == "6ed7c941-2c8b-4f0e-9d6a-1b2c3d4e5f60"  # documented: kept as received
    assert queues["response"]["body"]["string"] == "[]"  # HAR text already decoded, header said gzip
    for interaction in imported.interactions:
        assert "Content-Encoding" not in interaction["response"]["headers"]


def test_canaries_do_not_survive_in_any_form() -> None:
    imported = har_to_cassette((HAR / "capture.har").read_bytes(), "capture.har")
    text = json.dumps(imported.cassette(), ensure_ascii=False)
    for canary in CANARIES:
        for form in _forms(canary):
            assert form not in text, form
    start = imported.interactions[0]
    assert "Authorization" not in start["request"]["headers"] and "Cookie" not in start["request"]["headers"]
    assert "Set-Cookie" not in start["response"]["headers"]
    body = json.loads(start["response"]["body"]["string"])
    assert body["agent_email"] == "person2@example.org" and body["trace"] == "undocumented-1"  # deny by default


def test_the_basic_password_is_a_secret_wherever_it_is_echoed() -> None:
    auth = "Basic " + base64.b64encode(f"api_user:{PASSWORD}".encode()).decode()
    echo = json.dumps({"errors": [{"message": f"wrong password {PASSWORD}", "code": 401}]})
    entry = _entry("https://acme.thulium.com/api/chats", 401, echo)
    entry["request"]["headers"] = [{"name": "Authorization", "value": auth}]
    imported = har_to_cassette(_har_bytes(entry), "x.har")
    stored = imported.interactions[0]["response"]["body"]["string"]
    assert PASSWORD not in stored and "REDACTED" in stored


def test_scrubbed_exactly_as_a_recording() -> None:
    """The same request and answer give what the recorder's Scrubber stores."""
    url = "https://acme.thulium.com/api/chat_conversations/start?chat_queue_id=3&client_email=a.b%40firma.pl&x=secret1"
    answer = json.dumps({"conversation_id": "6ed7c941-2c8b-4f0e-9d6a-1b2c3d4e5f60", "pesel": "44051401359"})
    entry = _entry(url, 200, answer)
    entry["request"]["method"] = "POST"
    imported = har_to_cassette(_har_bytes(entry), "x.har")
    scrubber = Scrubber()
    request = scrubber.request("POST", url, {}, None)
    _, body = scrubber.response(request.endpoint, 200, {"Content-Type": ["application/json"]}, answer.encode())
    assert imported.interactions[0]["request"]["uri"] == request.uri
    assert imported.interactions[0]["response"]["body"]["string"] == (body or b"").decode()


def test_request_bodies_json_and_form() -> None:
    entry = _entry("https://acme.thulium.com/api/tickets", 200, json.dumps({"id": 5}))
    entry["request"].update(
        method="POST",
        postData={"mimeType": "application/json", "text": json.dumps({"subject": "Hi", "secret_note": "CanaryNote"})},
    )
    form = _entry("https://acme.thulium.com/api/tickets", 200, json.dumps({"id": 6}))
    form["request"].update(method="POST", postData={"mimeType": "", "params": [{"name": "subject", "value": "Hi"}]})
    one, two = har_to_cassette(_har_bytes(entry, form), "x.har").interactions
    assert "CanaryNote" not in one["request"]["body"]
    assert one["request"]["headers"]["Content-Type"] == ["application/json"]
    assert two["request"]["body"] == "subject=Hi"
    assert two["request"]["headers"]["Content-Type"] == ["application/x-www-form-urlencoded"]


def test_other_hosts_only_when_named() -> None:
    data = _har_bytes(_entry("http://127.0.0.1:8765/api/chats/queues"))
    assert har_to_cassette(data, "x.har").kept == 0
    assert har_to_cassette(data, "x.har", hosts=["127.0.0.1:8765"]).kept == 1
    assert har_to_cassette(data, "x.har", hosts=["127.0.0.1"]).kept == 1


def test_http2_pseudo_headers_are_left_out() -> None:
    entry = _entry("https://acme.thulium.com/api/chats/queues")
    entry["request"]["headers"] = [
        {"name": ":authority", "value": "acme.thulium.com"},
        {"name": "Accept", "value": "*/*"},
    ]
    stored = har_to_cassette(_har_bytes(entry), "x.har").interactions[0]["request"]["headers"]
    assert stored == {"Accept": ["*/*"]}


def test_a_gzip_bomb_in_a_body_is_refused() -> None:
    bomb = base64.b64encode(gzip.compress(b"[" + b" " * 60_000_000 + b"]")).decode()  # 60 MB from 60 KB
    entry = _entry("https://acme.thulium.com/api/chats/queues", text=None)
    entry["response"]["content"].update(text=bomb, encoding="base64")
    entry["response"]["headers"] = [{"name": "Content-Encoding", "value": "gzip"}]
    with pytest.raises(HarError, match=r"log\.entries\[0\]\.response\.content: body too large"):
        har_to_cassette(_har_bytes(entry), "x.har")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html>", r"^x\.har: not JSON \(Expecting value.*\(example: \{\"log\""),
        (b"\xff\xfe{}", r"^x\.har: not UTF-8 text"),
        (b"[]", r"^x\.har: log: missing or not an object"),
        (b'{"log": {"entries": {}}}', r"^x\.har: log\.entries: missing or not a list"),
        (b'{"log": {"entries": [3]}}', r"^x\.har: log\.entries\[0\]: expected an object"),
        (b'{"log": {"entries": [{"response": {}}]}}', r"log\.entries\[0\]\.request: missing or not an object"),
        (b"[" * 100_000 + b"]" * 100_000, r"^x\.har: lists and objects nested too deeply"),
    ],
)
def test_bad_har_is_one_line(data: bytes, message: str) -> None:
    with pytest.raises(HarError, match=message) as caught:
        har_to_cassette(data, "x.har")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"status": "OK"},
            r"log\.entries\[0\]\.response\.status: 'OK' is not an HTTP status \(example: \"status\": 200\)",
        ),
        ({"status": 999}, r"response\.status: 999 is not an HTTP status"),
        ({"headers": "Accept"}, r"response\.headers: not a list"),
        ({"headers": [{"name": "A"}]}, r"response\.headers\[0\]: expected \{\"name\": text, \"value\": text\}"),
        ({"content": {"text": "!!", "encoding": "base64"}}, r"response\.content\.text: not valid base64"),
        ({"content": {"text": "x", "encoding": "rot13"}}, r"response\.content\.encoding: 'rot13' is not supported"),
    ],
)
def test_bad_entries_name_the_field(change: dict[str, Any], message: str) -> None:
    entry = _entry("https://acme.thulium.com/api/chats/queues")
    entry["response"].update(change)
    with pytest.raises(HarError, match=message):
        har_to_cassette(_har_bytes(entry), "x.har")


def test_a_deeply_nested_body_is_refused_not_a_crash() -> None:
    entry = _entry("https://acme.thulium.com/api/chats/queues", text="[" * 50_000 + "]" * 50_000)
    with pytest.raises(HarError, match=r"log\.entries\[0\]: a body nests lists or objects too deeply"):
        har_to_cassette(_har_bytes(entry), "x.har")


def test_over_the_size_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_har, "MAX_HAR_BYTES", 100)
    with pytest.raises(HarError, match=r"x\.har: 101 bytes is over the 0 MB limit"):
        har_to_cassette(b" " * 101, "x.har")


def test_a_password_in_the_url_is_a_secret_too() -> None:
    echo = json.dumps({"errors": [{"message": "login api_user:Url-Canary-991 refused", "code": 401}]})
    entry = _entry("https://api_user:Url-Canary-991@acme.thulium.com/api/chats", 401, echo)
    stored = json.dumps(har_to_cassette(_har_bytes(entry), "x.har").cassette())
    assert "Url-Canary-991" not in stored and "api_user:" not in stored.split('"uri"')[1][:80]
