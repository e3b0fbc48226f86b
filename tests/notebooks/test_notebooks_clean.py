"""Every committed notebook is stored clean: no outputs, no execution counts, no widget state."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert [p.name for p in NOTEBOOKS][:3] == [
        "01_quickstart.ipynb",
        "02_contract_testing.ipynb",
        "03_chat_lifecycle.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs_or_widget_state(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert "widgets" not in nb.metadata, "saved widget state: clear it (widget state saving must stay off)"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
    for index, cell in enumerate(nb.cells):
        where = f"{path.name} cell {index}"
        assert "widgets" not in cell.metadata, where
        assert "execution" not in cell.metadata, f"{where}: execution timestamps"
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{where}: has outputs; clear them before committing"
            assert cell.execution_count is None, f"{where}: has an execution count"
        assert "attachments" not in cell, where


def test_scan_finds_no_secrets_or_personal_data_in_the_notebooks() -> None:
    from thulium_explore.scanner._scan import scan

    report = scan(NOTEBOOKS)
    assert report.ok, "\n".join(report.lines())
