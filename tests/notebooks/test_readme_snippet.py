"""README's Notebooks snippet, pasted as it reads: each cell (split at ``# %% cell``) displays what it says."""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.notebooks.test_notebooks_run import CELL_TIMEOUT, ROOT

WIDGET = "application/vnd.jupyter.widget-view+json"
MARK = re.compile(r"^# %% cell\b.*$", re.MULTILINE)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]


def readme_cells() -> list[str]:
    """The Notebooks section's forms snippet, split where it says ``# %% cell`` (one cell when it never does)."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Notebooks", 1)[1].split("\n## ", 1)[0]
    block = next(b for b in re.findall(r"```python\n(.*?)```", section, re.DOTALL) if "EndpointForm" in b)
    return [cell.strip() for cell in MARK.split(block) if cell.strip()]


def test_each_readme_cell_displays_what_it_suggests(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith("THULIUM_")]:
        monkeypatch.delenv(name)
    cells = readme_cells()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        store_widget_state=False,
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    errors = [o for c in nb.cells for o in c.outputs if o.output_type == "error"]
    assert errors == []
    shown = [[o.data for o in c.outputs if o.output_type in ("display_data", "execute_result")] for c in nb.cells]
    assert all(shown), f"cells that display nothing: {[c for c, s in zip(cells, shown, strict=True) if not s]}"
    everything = [d for per_cell in shown for d in per_cell]
    html = "\n".join(str(d.get("text/html", "")) for d in everything)
    plain = "\n".join(str(d.get("text/plain", "")) for d in everything)
    # the form appears (a widget, with its static copy) and, once sent, shows the answer
    assert any(WIDGET in d and "chat_conversations.start" in str(d.get("text/html", "")) for d in everything)
    assert "({'chat_queue_id': 3}, {})" in plain  # form.values and form.errors, both
    assert "HTTP 200" in html and "contract: pass" in html  # the result
    assert WIDGET in shown[-1][0]  # explore(conn): the picker
    assert len(cells) == 4
