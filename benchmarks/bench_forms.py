"""Forms: building ``EndpointForm`` for every catalog endpoint, and running ``01_quickstart.ipynb``.

Each endpoint's form is built several times (endpoints in turn, round after round, after one
warm-up build that pays for importing ipywidgets, reported apart). The target is on the slowest
endpoint's median: every form builds in < 20 ms. The quickstart notebook is executed end to end
with nbclient, with no ``THULIUM_*`` variables in the environment (so it uses the sandbox), and
its wall time is reported.
"""

from __future__ import annotations

import gc
import os
import statistics
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks._report import Missing, Ratio, Result

NAME = "forms"
TITLE = "forms: EndpointForm build per catalog endpoint; quickstart notebook end to end"
TARGET_MS = 20.0
ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "01_quickstart.ipynb"


def _form_class() -> Any:
    try:
        from thulium_explore.forms import EndpointForm
    except ImportError as exc:
        raise Missing(f"thulium_explore.forms.EndpointForm is not importable: {exc}") from None
    return EndpointForm


@contextmanager
def _no_tenant() -> Any:
    """No THULIUM_* variables while the notebook runs (restored afterwards)."""
    saved = {k: v for k, v in os.environ.items() if k.startswith("THULIUM_")}
    for key in saved:
        del os.environ[key]
    try:
        yield
    finally:
        os.environ.update(saved)


def run_notebook(path: Path, timeout: int = 600) -> dict[str, Any]:
    """Execute the notebook with nbclient (outputs are not saved); its wall time and cell count."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    with _no_tenant():
        started = time.perf_counter()
        client.execute()
        elapsed = time.perf_counter() - started
    code_cells = sum(1 for cell in notebook.cells if cell.cell_type == "code")
    return {"seconds": round(elapsed, 3), "code_cells": code_cells}


def run(quick: bool = False) -> Result:
    from thulium_explore import ThuliumClient, default_catalog

    started = time.perf_counter()
    form_class = _form_class()
    catalog = default_catalog()
    client = ThuliumClient("https://your-system-name.thulium.com", "api_user", "api_pass")
    endpoints = [e.id for e in catalog]
    if quick:
        endpoints = endpoints[:3]
    first = form_class(client, endpoints[0])
    first_ms = (time.perf_counter() - started) * 1e3
    del first
    rounds = 1 if quick else 7
    samples: dict[str, list[float]] = {e: [] for e in endpoints}
    for r in range(rounds):
        for endpoint_id in endpoints if r % 2 == 0 else endpoints[::-1]:
            gc.collect()
            t0 = time.perf_counter()
            form = form_class(client, endpoint_id)
            samples[endpoint_id].append(time.perf_counter() - t0)
            form.widget.close()
    client.close()
    medians = {e: statistics.median(v) * 1e3 for e, v in samples.items()}
    slowest = max(medians, key=lambda e: medians[e])
    result = Result(
        NAME,
        TITLE,
        ratios=[
            Ratio("slowest endpoint's median build", medians[slowest], TARGET_MS, "<", unit="ms", judged=not quick),
            Ratio("median build over endpoints", statistics.median(medians.values()), None, unit="ms"),
        ],
        absolute={
            "endpoints": len(endpoints),
            "builds_per_endpoint": rounds,
            "slowest": {"endpoint": slowest, "median_ms": round(medians[slowest], 2)},
            "first_form_incl_ipywidgets_import_ms": round(first_ms, 1),
            "per_endpoint_median_ms": {e: round(m, 2) for e, m in sorted(medians.items(), key=lambda i: -i[1])},
        },
    )
    if not NOTEBOOK.is_file():
        result.status = "missing"
        result.error = f"{NOTEBOOK.relative_to(ROOT)} does not exist"
        return result
    notebook = run_notebook(NOTEBOOK)
    result.ratios.append(Ratio("01_quickstart.ipynb end to end", notebook["seconds"], None, unit="s"))
    result.absolute["notebook"] = notebook
    return result
