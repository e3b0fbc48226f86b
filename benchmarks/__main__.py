"""``python -m benchmarks [--quick] [--json PATH] [--only NAME,...]``: run, print the table, write JSON.

Exit status: 0 when every selected benchmark ran (targets missed or not: they are reported, not
enforced); 1 when one crashed or a piece it measures is missing; 2 on a usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from pathlib import Path

from benchmarks._report import Missing, Result, machine, table, write_json

#: name → module, in the order they run (the order of the issue).
BENCHMARKS = {
    "verify": "benchmarks.bench_verify",
    "overhead": "benchmarks.bench_overhead",
    "cold_import": "benchmarks.bench_import",
    "forms": "benchmarks.bench_forms",
    "replay": "benchmarks.bench_replay",
    "verify_scale": "benchmarks.bench_verify_scale",
    "startup": "benchmarks.bench_startup",
    "paginate": "benchmarks.bench_paginate",
    "dataframe": "benchmarks.bench_dataframe",
}
DEFAULT_JSON = Path(__file__).resolve().parent / "results" / "latest.json"


def _run_one(name: str, quick: bool) -> Result:
    """Run one benchmark; a crash becomes a row with its error, never an exception."""
    started = time.perf_counter()
    module = importlib.import_module(BENCHMARKS[name])
    try:
        result: Result = module.run(quick=quick)
    except Missing as exc:
        result = Result(name, module.TITLE, status="missing", error=str(exc))
    except Exception as exc:
        traceback.print_exc()
        result = Result(name, module.TITLE, status="crashed", error=f"{type(exc).__name__}: {exc}")
    result.seconds = time.perf_counter() - started
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="smoke mode for CI: small sizes, a few seconds each, no target judged"
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=DEFAULT_JSON,
        metavar="PATH",
        help="where to write the results (default: benchmarks/results/latest.json)",
    )
    parser.add_argument(
        "--only", default="", metavar="NAME,...", help=f"run only these benchmarks (of: {', '.join(BENCHMARKS)})"
    )
    args = parser.parse_args(argv)
    selected = [n.strip() for n in args.only.split(",") if n.strip()] or list(BENCHMARKS)
    unknown = [n for n in selected if n not in BENCHMARKS]
    if unknown:
        parser.error(f"--only: unknown benchmark {unknown[0]!r} (choose from: {', '.join(BENCHMARKS)})")
    info = machine()
    mode = "quick (smoke: nothing judged)" if args.quick else "full"
    print(
        f"thulium_explore benchmarks, {mode}: {info['nproc']} cores, {info['cpu']}, "
        f"Python {info['python']}, load {info['loadavg']}",
        flush=True,
    )
    results: list[Result] = []
    for name in selected:
        print(f"-- {name} ...", flush=True)
        result = _run_one(name, args.quick)
        print(f"   {result.status} in {result.seconds:.1f} s", flush=True)
        results.append(result)
    print()
    print(table(results))
    write_json(args.json, results, quick=args.quick, info=info)
    print(f"\nwrote {args.json}")
    return 0 if all(r.status == "ok" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
