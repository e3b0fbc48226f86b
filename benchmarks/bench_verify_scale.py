"""Verify at scale: peak memory on one big cassette, and ``verify -j 2`` ÷ ``-j 1`` on many.

- memory: ``verify`` of one cassette of 20,000 interactions (about 16 MB of YAML) in a fresh
  interpreter; its peak resident set (``VmHWM``; ``ru_maxrss`` where there is no /proc) is the figure, judged against
  4 × the file + 100 MB (≤ 1.0 as a fraction of that budget). Before streaming it was 520 MB for a
  15 MB cassette. The same child's size after importing and loading the catalog is printed beside it.
- parallel: ``verify(jobs=2)`` vs ``verify(jobs=1)`` over 100 cassettes of 100 interactions, in
  turn; the ratio -j 1 ÷ -j 2 is judged ≥ 1.6 (on 2 cores). Both runs must give the same report.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks._report import Ratio, Result
from benchmarks._timing import interleaved, ratio
from benchmarks.bench_import import _env

NAME = "verify_scale"
TITLE = "verify at scale: peak memory on one big cassette; -j 1 ÷ -j 2 on many"
MEMORY_TARGET = 1.0
PARALLEL_TARGET = 1.6
ROOT = Path(__file__).resolve().parent.parent
#: the child's own peak: VmHWM (Linux), not ru_maxrss, which Linux carries over exec from the forking
#: parent (this benchmark, holding a corpus of hundreds of MB) and which would report the parent's size
_CHILD = """
import json, resource, sys
from thulium_explore.catalog import default_catalog
from thulium_explore.contract._verify import verify

def peak_kb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

default_catalog()
loaded = peak_kb()
report = verify(sys.argv[1], jobs=1)
print(json.dumps({"interactions": len(report.interactions), "ok": report.ok,
                  "loaded_kb": loaded, "peak_kb": peak_kb(),
                  "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def peak_memory(path: Path) -> dict[str, Any]:
    """Verify ``path`` in a fresh interpreter; its interaction count and peak RSS (KiB, Linux's unit)."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], cwd=ROOT, env=_env(), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _cpu() -> tuple[float, float]:
    """(this process's, its finished children's) CPU seconds, user + system."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def run(quick: bool = False) -> Result:
    from benchmarks._corpus import write_cassettes
    from thulium_explore import default_catalog
    from thulium_explore.contract._verify import verify

    catalog = default_catalog()
    big_size, (files, per) = (500, (8, 10)) if quick else (20_000, (100, 100))
    with tempfile.TemporaryDirectory(prefix="thulium-bench-scale-") as tmp:
        (big,) = write_cassettes(Path(tmp) / "big", catalog, 1, big_size)
        measured = peak_memory(big)
        if measured["interactions"] != big_size or not measured["ok"]:
            raise RuntimeError(f"the big cassette did not verify cleanly: {measured}")
        file_mb = big.stat().st_size / 2**20
        peak_mb = measured["peak_kb"] / 1024
        budget_mb = 4 * file_mb + 100
        many = write_cassettes(Path(tmp) / "many", catalog, files, per)
        folder = str(many[0].parent)
        jobs = 2
        seen: dict[str, Any] = {}

        cpu: dict[str, list[float]] = {"j1": [], "j2_parent": [], "j2_workers": []}

        def serial() -> None:
            before = _cpu()
            seen["serial"] = verify(folder, jobs=1)
            cpu["j1"].append(_cpu()[0] - before[0])

        def parallel() -> None:
            before = _cpu()
            seen["parallel"] = verify(folder, jobs=jobs)
            after = _cpu()
            cpu["j2_parent"].append(after[0] - before[0])
            cpu["j2_workers"].append(after[1] - before[1])

        stats = interleaved({"j1": serial, "j2": parallel}, rounds=1 if quick else 5, warmup=0 if quick else 1)
    if seen["serial"].as_dict() != seen["parallel"].as_dict():
        raise RuntimeError("verify -j 2 gave another report than -j 1")
    judged = not quick
    return Result(
        NAME,
        TITLE,
        ratios=[
            Ratio("peak RSS ÷ (4 × file + 100 MB)", peak_mb / budget_mb, MEMORY_TARGET, "<=", judged=judged),
            Ratio(
                f"-j 1 ÷ -j {jobs} ({files} cassettes)",
                ratio(stats["j1"], stats["j2"]),
                PARALLEL_TARGET,
                ">=",
                judged=judged and (os.cpu_count() or 1) >= jobs,
            ),
            Ratio("peak RSS", peak_mb, None, unit="MB"),
        ],
        absolute={
            "big_cassette_interactions": big_size,
            "big_cassette_mb": round(file_mb, 2),
            "peak_rss_mb": round(peak_mb, 1),
            "rss_after_catalog_mb": round(measured["loaded_kb"] / 1024, 1),
            "budget_mb": round(budget_mb, 1),
            "cassettes": files,
            "interactions_each": per,
            "j1_s": stats["j1"].as_dict(),
            "j2_s": stats["j2"].as_dict(),
            "cores": os.cpu_count(),
            # CPU seconds per run: with -j 2 the parent only distributes files and gathers reports, the
            # workers do the checking; on a loaded machine the wall-clock ratio cannot show it, these can
            "cpu_s_median": {side: round(statistics.median(values), 3) for side, values in cpu.items() if values},
            "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        },
    )
