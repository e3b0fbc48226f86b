"""The benchmarks keep working: ``python -m benchmarks --quick`` runs every one and writes its row."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_quick_mode_runs_every_benchmark(tmp_path: Path) -> None:
    from benchmarks.__main__ import BENCHMARKS

    out = tmp_path / "results.json"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=880,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    rows = data["benchmarks"]
    assert [row["name"] for row in rows] == list(BENCHMARKS)
    assert all(row["status"] == "ok" for row in rows), [(r["name"], r["error"]) for r in rows]
    assert all(row["ratios"] for row in rows)
    assert data["quick"] is True
    # quick mode judges nothing: a slow CI machine must not fail it
    assert all(ratio["met"] is None for row in rows for ratio in row["ratios"])


def test_a_crash_is_a_nonzero_exit(tmp_path: Path) -> None:
    """A benchmark that raises becomes a 'crashed' row and exit status 1, not a traceback exit."""
    code = (
        "import sys, benchmarks.__main__ as m, benchmarks.bench_overhead as b\n"
        "def boom(quick=False): raise RuntimeError('boom')\n"
        "b.run = boom\n"
        f"sys.exit(m.main(['--quick', '--only', 'overhead', '--json', {str(tmp_path / 'r.json')!r}]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    row = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["benchmarks"][0]
    assert row["status"] == "crashed"
    assert "boom" in row["error"]


def test_unknown_benchmark_is_a_usage_error() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--only", "nope"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert "unknown benchmark 'nope'" in proc.stderr
