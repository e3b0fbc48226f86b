"""Start-up: three CLI commands CI and pre-commit run many times, each ÷ ``python -c "import yaml, requests"``.

Each run is a fresh interpreter (the venv's Python, the repository as working directory), the four
commands alternating run by run: ``thulium-explore verify`` of one small cassette, ``scan`` of one
file and ``endpoints``, each through ``python -m thulium_explore`` (what the console script runs).
The issue's goal is 0.5 s for each in the test environment, where ``import yaml, requests`` takes
about 0.2 s: the judged target is the ratio 2.5. With ``-X importtime``, the modules a command adds
on top of the baseline are listed when a target is missed (and in quick mode).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks._report import Ratio, Result
from benchmarks._timing import interleaved, ratio
from benchmarks.bench_import import _env, import_times

NAME = "startup"
TITLE = "start-up: verify / scan / endpoints ÷ python -c 'import yaml, requests'"
TARGET = 2.5
ROOT = Path(__file__).resolve().parent.parent
BASELINE = "import yaml, requests"
CASSETTE = "cassettes/chat_conversations.start.documented_example.yaml"
COMMANDS = {
    "verify": ["verify", CASSETTE],
    "scan": ["scan", CASSETTE],
    "endpoints": ["endpoints"],
}


def _command(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "thulium_explore", *args]


def heavy_modules(args: list[str], top: int = 8) -> list[dict[str, object]]:
    """Modules the command imports beyond the baseline, most expensive (cumulative) first."""
    code = (
        f"import runpy, sys; sys.argv = ['thulium-explore', *{args!r}]\n"
        "try:\n    runpy.run_module('thulium_explore', run_name='__main__')\nexcept SystemExit:\n    pass"
    )
    base = import_times(BASELINE)
    found = [(n, t) for n, t in import_times(code).items() if n not in base and "." not in n]
    found.sort(key=lambda item: item[1][1], reverse=True)
    return [{"module": n, "self_us": t[0], "cumulative_us": t[1]} for n, t in found[:top]]


def run(quick: bool = False) -> Result:
    env = _env()

    def child(argv: list[str]) -> None:
        subprocess.run(argv, cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    for args in COMMANDS.values():  # each must work before it is timed
        done = subprocess.run(_command(args), cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"thulium-explore {' '.join(args)} exited {done.returncode}: {done.stderr[-300:]}")
    argvs = {"baseline": [sys.executable, "-c", BASELINE]} | {name: _command(a) for name, a in COMMANDS.items()}
    sides = {name: (lambda argv=argv: child(argv)) for name, argv in argvs.items()}
    stats = interleaved(sides, rounds=1 if quick else 15, warmup=0 if quick else 1)
    result = Result(
        NAME,
        TITLE,
        ratios=[
            Ratio(
                f"{name} ÷ import yaml,requests", ratio(stats[name], stats["baseline"]), TARGET, "<=", judged=not quick
            )
            for name in COMMANDS
        ],
        absolute={side: s.as_dict(1e3, "ms") for side, s in stats.items()},
    )
    if quick or result.met is False:
        result.absolute["added_modules"] = {name: heavy_modules(args) for name, args in COMMANDS.items()}
    return result
