"""Replay matching: the normalised key, the index (one look per request), the closest-match explanation."""

from __future__ import annotations

from thulium_explore import default_catalog
from thulium_explore.cassettes._matching import InteractionIndex, differences, request_key, show

START = "/api/chat_conversations/start"


def key(method: str, uri: str) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return request_key(default_catalog(), method, uri)


def test_the_query_is_sorted_and_decoded_and_the_host_ignored() -> None:
    a = key("post", f"https://a.thulium.com{START}?client_id=%C5%BBuk&chat_queue_id=3")
    b = key("POST", f"http://127.0.0.1:9{START}?chat_queue_id=3&client_id=Żuk")
    assert a == b == ("POST", START, (("chat_queue_id", "3"), ("client_id", "Żuk")))


def test_personal_data_is_compared_by_kind_because_cassettes_hold_placeholders() -> None:
    recorded = key(
        "POST", f"https://x{START}?chat_queue_id=3&client_name=FirstName1&client_email=person1%40example.org"
    )
    sent = key("POST", f"https://x{START}?chat_queue_id=3&client_name=Zofia&client_email=zofia%40firma.pl")
    assert recorded == sent
    assert ("client_name", "<first_name>") in sent[2]


def test_a_sensitive_path_segment_is_compared_by_kind() -> None:
    assert key("GET", "https://x/api/agents/Login1") == key("GET", "https://x/api/agents/jkowalski")
    assert key("GET", "https://x/api/agents/jkowalski")[1] == "/api/agents/<login>"


def test_method_path_and_values_still_count() -> None:
    base = key("POST", f"https://x{START}?chat_queue_id=3")
    assert base != key("GET", f"https://x{START}?chat_queue_id=3")
    assert base != key("POST", f"https://x{START}?chat_queue_id=4")
    assert base != key("POST", "https://x/api/chats?chat_queue_id=3")


def test_the_index_plays_in_order_then_repeats_the_last() -> None:
    k = key("GET", "https://x/api/chats")
    index = InteractionIndex([k, key("GET", "https://x/api/tickets"), k])
    assert [index.take(k), index.take(k), index.take(k)] == [0, 2, 2]
    assert index.comparisons == 3


def test_a_lookup_looks_at_one_recording_however_big_the_cassette() -> None:
    keys = [key("POST", f"https://x{START}?chat_queue_id={i}") for i in range(1, 2001)]
    index = InteractionIndex(keys)
    for k in keys:
        assert index.take(k) is not None
    assert index.comparisons == len(keys)


def test_closest_names_the_most_similar_recording_and_what_differs() -> None:
    index = InteractionIndex(
        [
            key("GET", "https://x/api/chats?limit=10"),
            key("POST", f"https://x{START}?chat_queue_id=3&client_id=1234"),
            key("POST", f"https://x{START}?chat_queue_id=4"),
        ]
    )
    sent = key("POST", f"https://x{START}?chat_queue_id=3&client_id=99")
    assert index.take(sent) is None
    position, diffs = index.closest(sent) or (None, [])
    assert position == 1
    assert diffs == ["query client_id: recorded '1234', sent '99'"]


def test_differences_cover_method_path_missing_and_extra_values() -> None:
    recorded = ("GET", "/api/chats", (("limit", "10"), ("offset", "0")))
    sent = ("POST", "/api/chat", (("limit", "5"), ("status", "CLOSED")))
    assert differences(recorded, sent) == [
        "method: recorded GET, sent POST",
        "path: recorded /api/chats, sent /api/chat",
        "query limit: recorded '10', sent '5'",
        "query offset: recorded '0', not sent",
        "query status: sent 'CLOSED', not recorded",
    ]


def test_show_writes_a_request_line() -> None:
    assert show(("GET", "/api/chats", (("limit", "5"),))) == "GET /api/chats?limit=5"
    assert show(("GET", "/api/chats", ())) == "GET /api/chats"
