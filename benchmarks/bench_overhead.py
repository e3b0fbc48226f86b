"""Per-call overhead: ``ThuliumClient.call`` (validation + contract check) vs a bare ``Session.post``.

Both sides send the same request (same URL, query, headers, Basic auth, empty body) to the same
minimal keep-alive loopback server running in another process, so the server's cost is the same
on both sides. Short blocks of calls (about 10 ms) alternate between the sides, and the ratio is the
median of the per-round ratios, so the machine's drift between rounds cancels out.
"""

from __future__ import annotations

from typing import Any

import requests

from benchmarks._report import Ratio, Result
from benchmarks._server import loopback_server
from benchmarks._timing import interleaved, ratio, ratio_of_medians

NAME = "overhead"
TITLE = "per-call overhead: ThuliumClient.call vs bare requests.Session.post"
TARGET = 1.10
PARAMS: dict[str, Any] = {"chat_queue_id": 3, "client_id": "1234"}


def run(quick: bool = False) -> Result:
    from thulium_explore import ThuliumClient

    calls = 200 if quick else 2000
    block = 10
    with loopback_server() as base:
        client = ThuliumClient(base, "api_user", "api_pass", timeout=30)
        bare = requests.Session()
        url = base + "/api/chat_conversations/start?chat_queue_id=3&client_id=1234"
        headers = {"Content-Type": "application/json; charset=utf-8", "Accept": "application/json"}
        auth = ("api_user", "api_pass")

        def toolkit() -> None:
            client.call("chat_conversations.start", **PARAMS)

        def plain() -> None:
            bare.post(url, data=b"", headers=headers, auth=auth, timeout=30, allow_redirects=False)

        check = client.call("chat_conversations.start", **PARAMS)
        if not (check.ok and check.verdict.ok and check.request.url == url):
            raise RuntimeError(
                f"the toolkit side is not measuring a passing call: {check.verdict.lines()} "
                f"{check.request.url} != {url}"
            )
        stats = interleaved({"bare": plain, "toolkit": toolkit}, rounds=calls // block, number=block, warmup=block)
        client.close()
        bare.close()
    value = ratio(stats["toolkit"], stats["bare"])
    per_call_us = (stats["toolkit"].median - stats["bare"].median) * 1e6
    return Result(
        NAME,
        TITLE,
        ratios=[Ratio("call ÷ bare post", value, TARGET, "<=", judged=not quick)],
        absolute={
            "calls_per_side": calls,
            "bare_us_per_call": stats["bare"].as_dict(1e6, "us"),
            "toolkit_us_per_call": stats["toolkit"].as_dict(1e6, "us"),
            "added_us_per_call": round(per_call_us, 1),
            "ratio_of_medians": round(ratio_of_medians(stats["toolkit"], stats["bare"]), 4),
            "ratio_of_mins": round(stats["toolkit"].min / stats["bare"].min, 4),
        },
    )
