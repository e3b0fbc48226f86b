"""The notebook progress bar for paginate: pages and items towards count, announced at the start and the end."""

from __future__ import annotations

import pytest

from thulium_explore import PaginationError, Sandbox, connect
from thulium_explore.forms import ProgressBar, progress_bar
from thulium_explore.sandbox import Reply, SandboxCall
from thulium_explore.sandbox._lists import list_handler


def test_the_bar_follows_a_walk_over_every_page_of_the_sandbox() -> None:
    bar = progress_bar(display=False)
    seen: list[tuple[int, int]] = []

    def watch(pages: int, items: int, count: int | None) -> None:
        bar(pages, items, count)
        seen.append((bar.bar.value, bar.bar.max))

    with connect("sandbox", environ={}) as conn:
        items = conn.client.paginate("tickets.list", page_size=100, progress=watch).all()
    assert len(items) == 1000
    assert seen[0] == (100, 1000) and seen[-1] == (1000, 1000)
    assert len(seen) == 10
    assert bar.text() == "10 pages · 1,000 of 1,000 items"
    assert bar.line.value == bar.text()
    assert bar.finished and bar.bar.bar_style == "success"
    assert bar.a11y.announce == "Done: 10 pages · 1,000 of 1,000 items"


def test_before_the_end_it_says_so_once_and_without_a_count_stays_indeterminate() -> None:
    bar = ProgressBar()
    assert bar.line.value == "waiting for the first page…"
    bar(1, 50, 120)
    assert (bar.bar.value, bar.bar.max) == (50, 120)
    assert bar.a11y.announce == "Fetching pages"  # not one announcement per page
    assert not bar.finished and bar.bar.bar_style == "info"
    bar(2, 100, None)
    assert bar.text() == "2 pages · 100 items"
    assert (bar.bar.value, bar.bar.max) == (0, 1)
    assert not bar.finished


def _broken_on_page_3(call: SandboxCall) -> Reply:
    reply = list_handler(50)(call)
    if call.params.get("offset") == 20:  # page 3 of pages of 10
        reply.body["result"][1]["created_at"] = "yesterday"  # breaks the documented date pattern
    return reply


def test_a_failing_walk_keeps_the_bar_where_it_was_and_max_items_is_not_done() -> None:
    bar = progress_bar(display=False)
    with Sandbox(handlers={"tickets.list": _broken_on_page_3}) as broken, broken.client(memory=None) as client:
        with pytest.raises(PaginationError):
            client.paginate("tickets.list", page_size=10, progress=bar).all()
        assert bar.text() == "2 pages · 20 of 50 items"
        assert bar.bar.bar_style == "info" and bar.a11y.announce == "Fetching pages"
        stopped = progress_bar(display=False)
        assert len(client.paginate("tickets.list", page_size=10, max_items=15, progress=stopped).all()) == 15
        assert stopped.text() == "2 pages · 15 of 50 items" and not stopped.finished
