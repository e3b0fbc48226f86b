"""Benchmark results: one row per benchmark, its ratios against their targets, a table and JSON."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

_OPS = {"<=": lambda v, t: v <= t, "<": lambda v, t: v < t, ">=": lambda v, t: v >= t, ">": lambda v, t: v > t}


@dataclass
class Ratio:
    """One measured figure with its target; ``met`` is None when it is not judged (quick mode)."""

    name: str
    value: float
    target: float | None = None
    op: str = "<="
    unit: str = "x"
    judged: bool = True

    @property
    def met(self) -> bool | None:
        if self.target is None or not self.judged:
            return None
        return bool(_OPS[self.op](self.value, self.target))

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "value": round(self.value, 4), "met": self.met}


@dataclass
class Result:
    """One benchmark's row: ``status`` is ok, crashed or missing (a piece it measures is absent)."""

    name: str
    title: str
    status: str = "ok"
    ratios: list[Ratio] = field(default_factory=list)
    absolute: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

    @property
    def met(self) -> bool | None:
        """False if any judged target is missed, True if all are met, None if nothing was judged."""
        verdicts = [r.met for r in self.ratios if r.met is not None]
        return all(verdicts) if verdicts else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "status": self.status,
            "met": self.met,
            "ratios": [r.as_dict() for r in self.ratios],
            "absolute": self.absolute,
            "notes": self.notes,
            "error": self.error,
            "seconds": round(self.seconds, 2),
        }


def machine() -> dict[str, Any]:
    """What the numbers ran on: cores, CPU model, Python, load, git commit."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parent,
        ).stdout.strip()
    except OSError:
        commit = ""
    load = os.getloadavg() if hasattr(os, "getloadavg") else ()
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "loadavg": [round(x, 2) for x in load],
        "commit": commit,
    }


def _fmt_value(r: Ratio) -> str:
    if r.unit == "x":
        return f"{r.value:.3f}"
    return f"{r.value:.3g} {r.unit}"


def _fmt_target(r: Ratio) -> str:
    if r.target is None:
        return "reported"
    unit = "" if r.unit == "x" else f" {r.unit}"
    return f"{r.op} {r.target:g}{unit}"


def _fmt_met(r: Ratio) -> str:
    if r.target is None:
        return "-"
    if not r.judged:
        return "(quick)"
    return "met" if r.met else "MISSED"


def table(results: list[Result]) -> str:
    """A plain-text table: one line per ratio, then each benchmark's absolute figures."""
    rows = [("benchmark", "ratio", "value", "target", "verdict")]
    for res in results:
        if res.status != "ok":
            rows.append((res.name, res.status.upper(), "-", "-", (res.error or "")[:70]))
        for r in res.ratios:
            rows.append((res.name, r.name, _fmt_value(r), _fmt_target(r), _fmt_met(r)))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    for res in results:
        if res.absolute:
            lines.append(
                f"{res.name} ({res.seconds:.1f} s): " + ", ".join(f"{k}={_short(v)}" for k, v in res.absolute.items())
            )
        lines.extend(f"  note: {n}" for n in res.notes)
    return "\n".join(lines)


def _short(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, dict):
        items = list(value.items())
        more = f", … {len(items) - 5} more (see the JSON)" if len(items) > 8 else ""
        return "{" + ", ".join(f"{k}: {_short(v)}" for k, v in items[: 5 if more else 8]) + more + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_short(v) for v in value) + "]"
    return str(value)


def write_json(path: Path, results: list[Result], *, quick: bool, info: dict[str, Any]) -> None:
    """The same table as JSON, written whole (to a temporary name first, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"quick": quick, "machine": info, "benchmarks": [r.as_dict() for r in results]}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


class Missing(RuntimeError):
    """A piece the benchmark measures is not in the package (yet)."""
