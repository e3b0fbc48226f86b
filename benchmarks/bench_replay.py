"""Replay at scale: per-request cost of replaying every interaction of a 30 / 100 / 300 / 1,000 cassette.

The same cassette file and the same ``ThuliumClient.call`` loop are replayed through our
``recorder(path, mode="replay")`` (an index: one lookup per request) and through vcrpy's own
``use_cassette`` with its default matcher (which compares the request with every recording, so
replaying a whole cassette is quadratic). Loading the cassette is timed apart; only the calls are
in the per-request figure. Sides alternate round by round at each size.

Target: ours per-request(1,000) ÷ per-request(30) ≤ 1.5. A flat curve is O(1) per request; each
request costs ~0.5-1 ms of HTTP stack and contract checks that do not depend on the cassette's
size, so a per-request scan costing even ~0.4 µs per stored interaction would show up as ≥ 1.5
at 1,000, while 1.5 still leaves room for the noise of a shared machine and for the larger heap
(garbage collection) of a 33× larger cassette. vcrpy's curve is printed beside it for contrast.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks._corpus import replay_cassette
from benchmarks._report import Missing, Ratio, Result
from benchmarks._timing import interleaved

NAME = "replay"
TITLE = "replay at scale: per-request cost vs cassette size (ours indexed, vcrpy default matcher)"
TARGET = 1.5
HOST = "https://your-system-name.thulium.com"


def _recorder() -> Any:
    try:
        from thulium_explore import recorder
    except ImportError as exc:
        raise Missing(f"thulium_explore.recorder is not importable: {exc}") from None
    return recorder


def _replayer(client: Any, path: Path, urls: list[str], open_cassette: Any, loads: list[float]) -> Any:
    """A function that replays every call of ``urls`` inside ``open_cassette()``; returns their seconds."""
    calls = [dict(part.split("=") for part in url.split("?", 1)[1].split("&")) for url in urls]

    def replay() -> float:
        started = time.perf_counter()
        with open_cassette() as cassette:
            loads.append(time.perf_counter() - started)
            started = time.perf_counter()
            for params in calls:
                result = client.call(
                    "chat_conversations.start",
                    chat_queue_id=int(params["chat_queue_id"]),
                    client_id=params["client_id"],
                )
                if result.status != 200:
                    raise RuntimeError(f"replay answered {result.status}")
            elapsed = time.perf_counter() - started
            if cassette is not None and hasattr(cassette, "play_counts"):
                played = sum(1 for n in cassette.play_counts.values() if n)
                if played != len(calls):
                    raise RuntimeError(f"{played} of {len(calls)} recordings played")
        return elapsed

    return replay


def run(quick: bool = False) -> Result:
    import vcr

    from thulium_explore import ThuliumClient

    recorder = _recorder()
    sizes = (10, 30) if quick else (30, 100, 300, 1000)
    # small cassettes are cheap and noisy: more rounds there, so every size sees a few hundred requests
    rounds_for = {size: 1 if quick else max(3, min(15, 1000 // size)) for size in sizes}
    client = ThuliumClient(HOST, "api_user", "api_pass")
    ours_curve: dict[int, float] = {}
    vcr_curve: dict[int, float] = {}
    loads: dict[str, dict[int, float]] = {"ours": {}, "vcrpy": {}}
    comparisons: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="thulium-bench-replay-") as tmp:
        for size in sizes:
            path = Path(tmp) / f"replay_{size}.yaml"
            urls = replay_cassette(path, HOST, size)
            ours_loads: list[float] = []
            vcr_loads: list[float] = []
            plain = vcr.VCR()  # vcrpy's defaults: match_on method, scheme, host, port, path, query

            def ours_cassette(path: Path = path) -> Any:
                return recorder(path, mode="replay")

            def vcr_cassette(path: Path = path, plain: Any = plain) -> Any:
                return plain.use_cassette(str(path), record_mode="none")

            sides = {
                "ours": _replayer(client, path, urls, ours_cassette, ours_loads),
                "vcrpy": _replayer(client, path, urls, vcr_cassette, vcr_loads),
            }
            stats = interleaved(
                sides, rounds=rounds_for[size], warmup=0 if quick or size > 300 else 1, per=size, self_timed=True
            )
            ours_curve[size] = stats["ours"].median
            vcr_curve[size] = stats["vcrpy"].median
            loads["ours"][size] = min(ours_loads)
            loads["vcrpy"][size] = min(vcr_loads)
            with recorder(path, mode="replay") as cassette:
                before = cassette.index.comparisons
                for url in urls[: min(size, 50)]:
                    client.call("chat_conversations.start", chat_queue_id=3, client_id=url.rsplit("=", 1)[1])
                comparisons[size] = (cassette.index.comparisons - before) / min(size, 50)
    client.close()
    small, large = sizes[0], sizes[-1]
    ours_ratio = ours_curve[large] / ours_curve[small]
    vcr_ratio = vcr_curve[large] / vcr_curve[small]
    return Result(
        NAME,
        TITLE,
        ratios=[
            Ratio(f"ours per-request {large} ÷ {small}", ours_ratio, TARGET, "<=", judged=not quick),
            Ratio(f"vcrpy per-request {large} ÷ {small}", vcr_ratio, None),
            Ratio(f"vcrpy ÷ ours per-request at {large}", vcr_curve[large] / ours_curve[large], None),
        ],
        absolute={
            "ours_us_per_request": {n: round(t * 1e6, 1) for n, t in ours_curve.items()},
            "vcrpy_us_per_request": {n: round(t * 1e6, 1) for n, t in vcr_curve.items()},
            "ours_load_ms": {n: round(t * 1e3, 2) for n, t in loads["ours"].items()},
            "vcrpy_load_ms": {n: round(t * 1e3, 2) for n, t in loads["vcrpy"].items()},
            "ours_comparisons_per_request": comparisons,
            "rounds": rounds_for,
        },
        notes=[
            "curve (µs per request, ours / vcrpy): "
            + ", ".join(f"{n}: {ours_curve[n] * 1e6:.0f} / {vcr_curve[n] * 1e6:.0f}" for n in sizes)
        ],
    )
