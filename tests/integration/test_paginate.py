"""Every page: paginate() over the sandbox's paged lists, a failing page, --all as JSON Lines, the sandbox's paging."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from thulium_explore import (
    PaginationError,
    Paginator,
    ParameterError,
    Reply,
    Sandbox,
    SandboxCall,
    ThuliumClient,
    default_catalog,
)
from thulium_explore.cli import main
from thulium_explore.sandbox import HANDLERS
from thulium_explore.sandbox._lists import CORPUS_SIZE, list_handler

AUTH = ("api_user", "api_pass")


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as running:
        yield running


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[ThuliumClient]:
    with sandbox.client(memory=None) as made:
        yield made


def test_every_item_across_pages_matches_count(client: ThuliumClient, sandbox: Sandbox) -> None:
    seen: list[tuple[int, int, int | None]] = []
    pages = client.paginate("tickets.list", page_size=100, progress=lambda *a: seen.append(a))
    items = list(pages)
    assert pages.count == CORPUS_SIZE == len(items) == len(pages.items)
    assert pages.pages == 10 and pages.done and pages.error is None
    assert len({item["ticket_id"] for item in items}) == len(items)  # distinct: no page read twice
    assert seen == [(n, 100 * n, CORPUS_SIZE) for n in range(1, 11)]
    sent = [params for endpoint, params in list(sandbox.calls)[-10:]]
    assert [(p["limit"], p["offset"]) for p in sent] == [(100, 100 * n) for n in range(10)]


def test_filters_and_max_items(client: ThuliumClient) -> None:
    pages = client.paginate("tickets.list", customer_id=273, page_size=40, max_items=130)
    items = pages.all()
    assert len(items) == 130 and pages.pages == 4  # 40 + 40 + 40 + the 10 left
    assert pages.last is not None and pages.last.params["limit"] == 10  # the last page asks only for what is left
    assert client.paginate("tickets.list", customer_id=999999).all() == []  # no match: one empty page


def test_the_group_method_pages_too_and_collects_a_dataframe(client: ThuliumClient) -> None:
    for _ in range(7):
        client.chat_conversations.start(chat_queue_id=41)
    pages = client.chats.list.paginate(chat_queue_id=41, page_size=3)
    frame = pages.to_dataframe()
    assert isinstance(pages, Paginator) and pages.pages == 3  # 3 + 3 + 1
    assert len(frame) == pages.count == 7
    assert str(frame["created_at"].dtype) == "datetime64[ns]" and str(frame["chat_queue_id"].dtype) == "int64"


def test_nothing_is_sent_for_bad_paging(client: ThuliumClient, sandbox: Sandbox) -> None:
    before = len(sandbox.calls)
    with pytest.raises(ParameterError, match=r"page_size: 101 is above the documented maximum limit 100"):
        client.paginate("tickets.list", page_size=101)
    with pytest.raises(ParameterError, match=r"limit: is set by paginate"):
        client.paginate("tickets.list", limit=5)
    with pytest.raises(ParameterError, match=r"customer_id: 'x' is not of type 'integer'"):
        client.paginate("tickets.list", customer_id="x")
    with pytest.raises(ParameterError, match=r"chat_conversations.start: \(endpoint\): is not a list"):
        client.paginate("chat_conversations.start")
    assert len(sandbox.calls) == before


def _broken_on_page_3(call: SandboxCall) -> Reply:
    reply = list_handler(50)(call)
    if call.params.get("offset") == 20:  # page 3 of pages of 10
        reply.body["result"][1]["created_at"] = "yesterday"  # breaks the documented date pattern
    return reply


def test_a_contract_failure_names_its_page_and_keeps_the_items_so_far() -> None:
    with Sandbox(handlers={"tickets.list": _broken_on_page_3}) as broken, broken.client(memory=None) as client:
        pages = client.paginate("tickets.list", page_size=10)
        got: list[Any] = []
        with pytest.raises(PaginationError) as caught:
            got.extend(pages)
        error = caught.value
        assert error.page == 3 and error.offset == 20 and len(error.items) == 20
        assert "tickets.list: page 3 (offset 20, limit 10) failed: the answer breaks the contract" in str(error)
        assert "$.result[1].created_at" in str(error) and "the 20 items of the 2 earlier pages are kept" in str(error)
        assert got == pages.items == error.items and pages.error is error and pages.pages == 2
        calls = len(broken.calls)
        with pytest.raises(PaginationError):
            pages.all()  # a failed walk stays failed and sends nothing more
        assert len(broken.calls) == calls


def test_an_error_answer_ends_the_walk_with_its_status() -> None:
    def refuse_page_2(call: SandboxCall) -> Reply:
        if call.params.get("offset"):
            return call.error(400, "bad_request", "offset: refused")
        return list_handler(30)(call)

    with Sandbox(handlers={"tickets.list": refuse_page_2}) as refusing, refusing.client(memory=None) as client:
        pages = client.paginate("tickets.list", page_size=10)
        with pytest.raises(PaginationError, match=r"page 2 \(offset 10, limit 10\) failed: HTTP 400") as caught:
            pages.all()
        assert caught.value.result is not None and caught.value.result.status == 400
        assert len(pages.items) == 10


# -- the sandbox pages as the docs say ---------------------------------------------------------------------------


def test_the_sandbox_pages_every_count_result_list_as_documented(sandbox: Sandbox) -> None:
    with sandbox.client(memory=None) as client:
        for endpoint_id in ("tickets.list", "connections.list", "recordings.list"):
            first = client.call(endpoint_id)  # no limit: the documented default, 100
            assert first.verdict.ok, (endpoint_id, first.verdict.lines())
            assert first.json["count"] == CORPUS_SIZE and len(first.json["result"]) == 100
            page = client.call(endpoint_id, limit=7, offset=CORPUS_SIZE - 3)
            assert page.json["count"] == CORPUS_SIZE and len(page.json["result"]) == 3
            assert client.call(endpoint_id, limit=5, offset=5).json == client.call(endpoint_id, limit=5, offset=5).json
    above = requests.get(sandbox.base_url + "/api/tickets", params={"limit": 101}, auth=AUTH, timeout=5)
    assert above.status_code == 400 and "limit" in above.json()["errors"][0]["message"]


def test_the_chat_lifecycle_keeps_its_own_list() -> None:
    assert HANDLERS["chats.list"].__module__.endswith("_chat")  # the stateful handler wins over the corpus
    with Sandbox() as fresh, fresh.client(memory=None) as client:
        assert client.chats.list().json == {"count": 0, "result": []}


# -- thulium-explore call --all ---------------------------------------------------------------------------------


def test_all_writes_json_lines_and_progress(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["call", "tickets.list", "customer_id=273", "--all", "--mode", "sandbox", "--page-size", "100"])
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert code == 0
    assert len(lines) == CORPUS_SIZE
    items = [json.loads(line) for line in lines]
    assert [i["ticket_id"] for i in items] == sorted(i["ticket_id"] for i in items)
    assert err.splitlines()[0] == f"page 1: 100 of {CORPUS_SIZE} items"
    assert "tickets.list: 1000 items in 10 pages" in err


def test_all_keeps_the_lines_written_when_a_page_fails(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(HANDLERS, "tickets.list", _broken_on_page_3)
    code = main(["call", "tickets.list", "--all", "--mode", "sandbox", "--page-size", "10"])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(out.splitlines()) == 20 and all(json.loads(line)["ticket_id"] for line in out.splitlines())
    assert err.splitlines()[-1].startswith("error: tickets.list: page 3 (offset 20, limit 10) failed")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--page-size", "500"], "page_size: 500 is above the documented maximum limit 100"),
        (["--json"], "--all: writes JSON Lines"),
    ],
)
def test_all_refuses_bad_input_in_one_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["call", "tickets.list", "--all", "--mode", "sandbox", *argv]) == 2
    out, err = capsys.readouterr()
    assert out == "" and message in err and len(err.strip().splitlines()) == 1


def test_the_corpus_is_the_documented_example_varied() -> None:
    example = default_catalog()["tickets.list"].document["$defs"]["response_200"]["examples"][0]["result"][0]
    with Sandbox() as one, one.client(memory=None) as client:
        first = client.call("tickets.list", limit=2).json["result"]
    assert first[0] == example  # item 0 is the documented example itself
    assert first[1]["ticket_id"] == example["ticket_id"] + 1 and first[1]["created_at"] != example["created_at"]


def test_a_list_without_count_stops_at_a_short_page_and_shows_a_table(client: ThuliumClient) -> None:
    pages = client.paginate("customers.list", page_size=10)  # a bare array is documented: no count
    items = pages.all()
    assert pages.count is None and pages.pages == 1 and len(items) < 10  # a short page ends it (inferred rule)
    assert "<table" in pages._repr_html_() and "customers.list: 1 pages" in pages._repr_html_()


def test_importing_the_sandbox_loads_no_catalog() -> None:
    """The list handlers are keyed by the schema files' names: every command's start-up stays light."""
    import subprocess
    import sys

    code = (
        "import sys, thulium_explore.sandbox\n"
        "from thulium_explore.catalog import _catalog\n"
        "print(_catalog.default_catalog.cache_info().currsize, 'tickets.list' in thulium_explore.sandbox.HANDLERS)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["0", "True"]
