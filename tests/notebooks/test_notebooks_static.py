"""Executed and saved, the notebooks read where no kernel runs: every widget output has a text/html twin.

nbviewer, GitHub and a JupyterLab without the kernel show a saved output's ``text/html`` when the widget
state is missing (it is never saved). So each form / viewer output must carry one, kept up to date as
answers arrive: after saving, the form's output shows each answer's status, body and verdict.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from tests.notebooks.test_notebooks_run import CELL_TIMEOUT, NOTEBOOKS, UUID

WIDGET = "application/vnd.jupyter.widget-view+json"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]


def run_and_save(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    """Execute ``path`` against the sandbox (no credentials), save it, and read the saved file back."""
    for name in [n for n in os.environ if n.startswith("THULIUM_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    workdir = tmp_path / "run"
    workdir.mkdir()
    shutil.copy(path, workdir / path.name)
    nb = nbformat.read(workdir / path.name, as_version=4)
    NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        store_widget_state=False,
        resources={"metadata": {"path": str(workdir)}},
    ).execute()
    saved = tmp_path / "saved.ipynb"
    nbformat.write(nb, saved)
    return nbformat.read(saved, as_version=4)


def rich_outputs(nb: nbformat.NotebookNode) -> list[tuple[int, dict[str, Any]]]:
    """(cell index, data) of every display_data / execute_result output."""
    return [
        (index, dict(output.data))
        for index, cell in enumerate(nb.cells)
        for output in cell.get("outputs", [])
        if output.output_type in ("display_data", "execute_result")
    ]


def source_of(nb: nbformat.NotebookNode, index: int) -> str:
    return str(nb.cells[index].source)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_saved_output_is_only_a_widget_view(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = run_and_save(path, tmp_path, monkeypatch)
    assert "widgets" not in nb.metadata  # widget state is still never saved
    only_widget = [(i, sorted(d)) for i, d in rich_outputs(nb) if WIDGET in d and "text/html" not in d]
    assert only_widget == [], f"{path.name}: outputs that reopen as 'model not found': {only_widget}"


def test_chat_lifecycle_saved_forms_show_each_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = next(p for p in NOTEBOOKS if p.name == "03_chat_lifecycle.ipynb")
    nb = run_and_save(path, tmp_path, monkeypatch)
    forms = {source_of(nb, i).splitlines()[-1]: d for i, d in rich_outputs(nb) if WIDGET in d}
    assert set(forms) == {"start", "message"}, forms.keys()
    start, message = forms["start"]["text/html"], forms["message"]["text/html"]
    # the form cell ran before any answer: the saved output was updated when the answers came
    assert "run this cell to use the form for <code>chat_conversations.start</code>" in start
    assert start.count("class='thulium-static-answer'") == 1
    assert "HTTP 200" in start and "contract: pass" in start
    assert re.search(rf"&quot;conversation_id&quot;: &quot;{UUID}&quot;", start)  # the body, pretty and escaped
    assert message.count("class='thulium-static-answer'") == 2  # both messages
    assert "run this cell to use the form for <code>chat_conversations.message</code>" in message
    assert "It is order 1234." in message  # the request body that was sent
    assert message.count("contract: pass") >= 2
    assert "No answer yet" not in start + message
