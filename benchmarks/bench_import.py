"""Cold import: ``python -c "import thulium_explore"`` vs ``python -c "import requests, jsonschema"``.

Each run is a fresh interpreter (the same venv Python, same working directory, same flags), the
two commands alternating run by run. A third command checks that importing the package loads no
ipywidgets and no Jupyter machinery. When the target is missed, ``-X importtime`` shows which
modules the package adds on top of the baseline and what each costs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmarks._report import Ratio, Result
from benchmarks._timing import Stats, interleaved, ratio

NAME = "cold_import"
TITLE = "cold import: import thulium_explore vs import requests, jsonschema"
TARGET = 1.25
ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = (
    "ipywidgets",
    "widgetsnbextension",
    "IPython",
    "ipykernel",
    "jupyter_client",
    "jupyter_core",
    "nbformat",
    "comm",
    "traitlets",
)
#: not forbidden, but worth knowing when they load at import time
NOTED = ("vcr", "yaml", "hypothesis", "schemathesis", "http.server")
PACKAGE = "import thulium_explore"
BASELINE = "import requests, jsonschema"
#: jsonschema imports rfc3987_syntax when it is installed (the test extras pull it in here) and that
#: builds a lark grammar at import, ~1.3 s on this machine; a plain ``pip install thulium-explore``
#: does not have it. The "lean" pair hides it from both sides, as in such an install.
LEAN = "import sys; sys.modules['rfc3987_syntax'] = None; "


def _env() -> dict[str, str]:
    """The environment for the child interpreters: no bytecode writes, no user site surprises."""
    env = dict(os.environ)
    env.pop("PYTHONSTARTUP", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _python(code: str, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *flags, "-c", code], cwd=ROOT, env=_env(), capture_output=True, text=True, check=True
    )


def loaded(*groups: tuple[str, ...]) -> list[list[str]]:
    """For each group of top-level module names, which ones ``import thulium_explore`` loads."""
    code = (
        f"{LEAN}{PACKAGE}\nimport sys\n"
        f"for names in {groups!r}: print(' '.join(sorted(n for n in names if n in sys.modules)))"
    )
    return [line.split() for line in _python(code).stdout.splitlines()]


def import_times(code: str) -> dict[str, tuple[int, int]]:
    """``-X importtime``: module → (self µs, cumulative µs)."""
    out: dict[str, tuple[int, int]] = {}
    for line in _python(code, "-X", "importtime").stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = (part.strip() for part in line[len("import time:") :].split("|"))
        out[name.strip()] = (int(self_us), int(cumulative))
    return out


def added_modules(top: int = 12) -> list[dict[str, object]]:
    """The modules the package imports beyond the baseline, most expensive (self time) first."""
    base = import_times(LEAN + BASELINE)
    pkg = import_times(LEAN + PACKAGE)
    extra = [(name, t) for name, t in pkg.items() if name not in base]
    extra.sort(key=lambda item: item[1][0], reverse=True)
    return [{"module": name, "self_us": t[0], "cumulative_us": t[1]} for name, t in extra[:top]]


def _pair(prefix: str, runs: int, warmup: int) -> dict[str, Stats]:
    """Interleaved fresh-interpreter runs of the baseline and the package import."""
    env = _env()

    def child(code: str) -> None:
        subprocess.run([sys.executable, "-c", prefix + code], cwd=ROOT, env=env, check=True)

    return interleaved(
        {"baseline": lambda: child(BASELINE), "package": lambda: child(PACKAGE)}, rounds=runs, warmup=warmup
    )


def run(quick: bool = False) -> Result:
    runs = 1 if quick else 20
    forbidden, noted = loaded(FORBIDDEN, NOTED)
    if forbidden:
        raise AssertionError(f"import thulium_explore loads {', '.join(forbidden)} (must stay lazy)")
    installed = _pair("", runs, warmup=0 if quick else 2)
    lean = _pair(LEAN, runs * 2, warmup=0 if quick else 2)
    result = Result(
        NAME,
        TITLE,
        ratios=[
            Ratio(
                "import ÷ requests+jsonschema",
                ratio(installed["package"], installed["baseline"]),
                TARGET,
                "<=",
                judged=not quick,
            ),
            Ratio(
                "same, lean (no rfc3987_syntax)",
                ratio(lean["package"], lean["baseline"]),
                TARGET,
                "<=",
                judged=not quick,
            ),
        ],
        absolute={
            "runs_per_side": runs,
            "baseline_ms": installed["baseline"].as_dict(1e3, "ms"),
            "package_ms": installed["package"].as_dict(1e3, "ms"),
            "lean_runs_per_side": runs * 2,
            "lean_baseline_ms": lean["baseline"].as_dict(1e3, "ms"),
            "lean_package_ms": lean["package"].as_dict(1e3, "ms"),
            "ratio_of_mins": round(installed["package"].min / installed["baseline"].min, 4),
            "lean_ratio_of_mins": round(lean["package"].min / lean["baseline"].min, 4),
            "ipywidgets_or_jupyter_loaded": forbidden,
            "also_loaded": noted,
        },
    )
    if quick or result.met is False:
        result.absolute["added_modules"] = added_modules()
        if result.met is False:
            result.notes.append(
                "modules imported beyond requests+jsonschema (self µs): "
                + ", ".join(f"{m['module']} {m['self_us']}" for m in result.absolute["added_modules"][:8])
            )
    return result
