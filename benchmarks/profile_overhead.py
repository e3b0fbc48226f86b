"""Where the per-call overhead goes: ``python -m benchmarks.profile_overhead [CALLS]``.

Profiles (cProfile) the same calls as the ``overhead`` benchmark on each side, then prints, per
function, the cumulative time per call that the toolkit side spends beyond the bare side
(profiling inflates small functions, so read the ranking, not the absolute numbers).
"""

from __future__ import annotations

import cProfile
import pstats
import re
import sys
from pathlib import Path
from typing import Any

import requests

from benchmarks._server import loopback_server

ROOT = Path(__file__).resolve().parent.parent


def _key(entry: tuple[str, int, str]) -> str:
    filename, line, name = entry
    filename = re.sub(r"^.*/(site-packages|lib/python3\.\d+)/", "", filename)
    return f"{filename.replace(str(ROOT) + '/', '')}:{line}({name})"


def _profile(fn: Any, calls: int) -> dict[str, tuple[int, float]]:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        fn()
    profiler.disable()
    stats: Any = pstats.Stats(profiler).stats
    return {_key(k): (v[1], v[3]) for k, v in stats.items()}


def main(calls: int = 1000, top: int = 40) -> None:
    from thulium_explore import ThuliumClient

    with loopback_server() as base:
        client = ThuliumClient(base, "api_user", "api_pass")
        session = requests.Session()
        url = base + "/api/chat_conversations/start?chat_queue_id=3&client_id=1234"
        headers = {"Content-Type": "application/json; charset=utf-8", "Accept": "application/json"}

        def toolkit() -> None:
            client.call("chat_conversations.start", chat_queue_id=3, client_id="1234")

        def bare() -> None:
            session.post(
                url, data=b"", headers=headers, auth=("api_user", "api_pass"), timeout=30, allow_redirects=False
            )

        for _ in range(50):
            toolkit()
            bare()
        ours = _profile(toolkit, calls)
        theirs = _profile(bare, calls)
    rows = []
    for name in set(ours) | set(theirs):
        n_ours, cum_ours = ours.get(name, (0, 0.0))
        n_theirs, cum_theirs = theirs.get(name, (0, 0.0))
        rows.append(((cum_ours - cum_theirs) / calls * 1e6, n_ours / calls, n_theirs / calls, name))
    rows.sort(reverse=True)
    print(f"{'extra µs/call':>13}  {'calls/call ours':>15}  {'bare':>5}  function (cumulative, profiled)")
    for extra, n_ours, n_theirs, name in rows[:top]:
        print(f"{extra:13.1f}  {n_ours:15.1f}  {n_theirs:5.1f}  {name}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
