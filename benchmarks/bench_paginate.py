"""Every page: ``client.paginate`` over 1,000 sandbox items vs the same pages fetched with bare requests.

Both sides fetch the same ten pages (``GET /api/tickets?limit=100&offset=0…900``) from one sandbox
running in its own process (so neither side shares the interpreter with the server), with the same
Basic auth and keep-alive. The bare side does what a hand-written loop does: ``Session.get`` and
``response.json()`` per page, collecting ``result``. The toolkit side is ``client.paginate(...).all()``:
parameter validation, the contract check of every page (schema and drift), the page's linked values
kept for the forms' suggestions (the default client), items kept on the paginator. Walks alternate side
by side; the ratio is the median of the per-round ratios.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import requests

from benchmarks._report import Ratio, Result
from benchmarks._timing import interleaved, ratio, ratio_of_medians

NAME = "paginate"
TITLE = "paginate: 1,000 sandbox items in pages of 100 vs the same pages with bare requests"
TARGET = 1.15
PAGE = 100
ITEMS = 1000  # the sandbox's corpus per list endpoint (sandbox/_lists.py CORPUS_SIZE)

_SERVE = (
    "import sys\n"
    "from thulium_explore.sandbox import SandboxServer\n"
    "server = SandboxServer(port=0).start()\n"
    "print(server.port, flush=True)\n"
    "sys.stdin.read()\n"
    "server.stop()\n"
)


@contextmanager
def sandbox_process() -> Iterator[str]:
    """A sandbox in its own interpreter; yields its base URL, stops it when stdin closes."""
    proc = subprocess.Popen([sys.executable, "-c", _SERVE], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=30)


def run(quick: bool = False) -> Result:
    from thulium_explore import ThuliumClient

    rounds = 4 if quick else 30
    with sandbox_process() as base:
        client = ThuliumClient(base, "api_user", "api_pass")  # as users get it: linked values remembered too
        bare = requests.Session()
        url = base + "/api/tickets"
        auth = ("api_user", "api_pass")
        headers = {"Accept": "application/json"}

        def plain() -> list[Any]:
            items: list[Any] = []
            for offset in range(0, ITEMS, PAGE):
                answer = bare.get(url, params={"limit": PAGE, "offset": offset}, auth=auth, headers=headers, timeout=30)
                items.extend(answer.json()["result"])
            return items

        def toolkit() -> list[Any]:
            return client.paginate("tickets.list", page_size=PAGE).all()

        ours, theirs = toolkit(), plain()
        if ours != theirs or len(ours) != ITEMS:
            raise RuntimeError(f"the sides do not fetch the same items: {len(ours)} vs {len(theirs)}")
        pages = client.paginate("tickets.list", page_size=PAGE)
        pages.all()
        if pages.pages != ITEMS // PAGE or pages.last is None or not pages.last.verdict.ok:
            raise RuntimeError("the toolkit side is not measuring ten passing pages")
        stats = interleaved({"bare": plain, "toolkit": toolkit}, rounds=rounds, warmup=1)
        client.close()
        bare.close()
    value = ratio(stats["toolkit"], stats["bare"])
    return Result(
        NAME,
        TITLE,
        ratios=[Ratio("paginate ÷ bare pages", value, TARGET, "<=", judged=not quick)],
        absolute={
            "items": ITEMS,
            "page_size": PAGE,
            "bare_ms_per_walk": stats["bare"].as_dict(1e3, "ms"),
            "toolkit_ms_per_walk": stats["toolkit"].as_dict(1e3, "ms"),
            "ratio_of_medians": round(ratio_of_medians(stats["toolkit"], stats["bare"]), 4),
        },
    )
