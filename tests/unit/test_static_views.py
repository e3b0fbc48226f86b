"""Static HTML views: forms, viewers and verify reports read without a kernel (nbviewer, GitHub)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import nbformat
import pytest

from tests.unit.forms_support import offline_client
from tests.unit.test_viewer import ENDPOINT, UUID, make_result
from thulium_explore import VerifyReport, verify
from thulium_explore.contract import Outcome
from thulium_explore.contract._report_html import OUTCOME_COLOURS as REPORT_COLOURS
from thulium_explore.contract._report_html import json_type, report_html
from thulium_explore.forms import EndpointForm, ResponseViewer, strip_widget_views
from thulium_explore.forms._static import WIDGET_MIME, form_static_html
from thulium_explore.forms._theme import BADGE_TEXT, OUTCOME_COLOURS

DATA = Path(__file__).resolve().parents[1] / "data" / "cassettes"
SCRIPT = "<script>alert(1)</script>"


def test_form_bundle_has_the_widget_view_and_a_static_alternative() -> None:
    form = EndpointForm(offline_client(), ENDPOINT)
    data = form._repr_mimebundle_()
    assert WIDGET_MIME in data and data[WIDGET_MIME]["model_id"] == form.widget.model_id
    assert "run this cell to use the form for <code>chat_conversations.start</code>" in data["text/html"]
    assert "No answer yet." in data["text/html"]
    assert data["text/plain"] == repr(form)


def test_static_form_lists_each_answer_with_status_body_and_verdict_escaped() -> None:
    form = EndpointForm(offline_client(), ENDPOINT)
    form.viewer.show(make_result(200, {"conversation_id": UUID}))
    form.viewer.show(make_result(200, {"conversation_id": UUID, "note": SCRIPT}))
    form.viewer.show_failure(ENDPOINT, f"refused {SCRIPT}")
    page = form._repr_mimebundle_()["text/html"]
    assert page.count("class='thulium-static-answer'") == 3
    assert "HTTP 200" in page and "contract: pass" in page and "contract: pass (drift)" in page
    assert f"&quot;conversation_id&quot;: &quot;{UUID}&quot;" in page  # pretty JSON, escaped
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_answers_update_the_displayed_output(monkeypatch: pytest.MonkeyPatch) -> None:
    import IPython.display

    shown: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    monkeypatch.setattr(IPython.display, "display", lambda d, **kw: shown.append(("display", d, kw)))
    monkeypatch.setattr(IPython.display, "update_display", lambda d, **kw: shown.append(("update", d, kw)))
    form = EndpointForm(offline_client(), ENDPOINT)
    form.viewer.show(make_result(200, {"conversation_id": UUID}))
    assert shown == []  # not displayed yet: nothing to update (a script prints nothing)
    form._ipython_display_()
    form.viewer.show(make_result(404, {"errors": [{"message": "no queue", "code": 1}]}))
    (kind1, first, kw1), (kind2, second, kw2) = shown
    assert (kind1, kind2) == ("display", "update")
    assert kw1 == kw2 == {"raw": True, "display_id": form.static.display_id}
    assert WIDGET_MIME in second and "HTTP 404" in second["text/html"] and "HTTP 404" not in first["text/html"]


def test_viewer_has_a_static_alternative_too() -> None:
    viewer = ResponseViewer()
    viewer.show(make_result(200, {"conversation_id": UUID}))
    data = viewer._repr_mimebundle_()
    assert WIDGET_MIME in data and "HTTP 200" in data["text/html"] and "contract: pass" in data["text/html"]


def test_static_header_is_escaped() -> None:
    page = form_static_html("<b>h</b>", SCRIPT, [])
    assert SCRIPT not in page and "&lt;script&gt;" in page


# --- verify reports -----------------------------------------------------------------------------


def report_page(*paths: Path) -> tuple[VerifyReport, str]:
    report = verify(list(paths))
    page = report._repr_html_()
    assert page == report_html(report)
    return report, page


def test_report_is_a_table_of_interactions_with_coloured_outcomes() -> None:
    report, page = report_page(DATA / "conforming" / "documented_example.yaml", DATA / "violations")
    assert page.count("<tr class='thulium-interaction'>") == len(report.interactions)
    for item in report.interactions:
        assert f"<code>{item.id}</code>" in page
        assert f"<td style='padding:2px 8px;text-align:left;vertical-align:top'>{item.status}</td>" in page
    assert f"background:{OUTCOME_COLOURS[Outcome.PASS]};color:{BADGE_TEXT}" in page  # a pill: readable in any theme
    assert f"background:{OUTCOME_COLOURS[Outcome.FAIL]};color:{BADGE_TEXT}" in page
    assert "thulium-outcome-fail" in page and "(exit code 1)" in page
    assert "<code>$.conversation_id</code>" in page or "<code>$</code>" in page  # problems by JSON path


def test_report_drift_names_path_and_type_never_the_value(tmp_path: Path) -> None:
    source = (DATA / "drift" / "undocumented_field.yaml").read_text(encoding="utf-8")
    assert "queue_position" in source
    report, page = report_page(DATA / "drift" / "undocumented_field.yaml")
    (item,) = report.interactions
    (drift,) = item.drift
    assert "<code>$.queue_position</code> is not documented (JSON type: integer)" in page
    assert f"got <code>{drift.value}" not in page and f"({drift.value})" not in page
    assert "pass (drift)" in page and f"background:{OUTCOME_COLOURS[Outcome.DRIFT]}" in page


def test_report_escapes_everything() -> None:
    from thulium_explore.contract._response import Problem, Verdict
    from thulium_explore.contract._verify import InteractionReport

    verdict = Verdict(ENDPOINT, 200, [Problem("$.a", SCRIPT, SCRIPT)], [Problem(f"$.{SCRIPT}", "x", SCRIPT)])
    item = InteractionReport(f"{SCRIPT}.yaml", 0, "POST", f"/api/{SCRIPT}", 200, ENDPOINT, (), verdict, SCRIPT)
    page = report_html(VerifyReport([item], [f"{SCRIPT}.yaml"]))
    assert "<script>" not in page and page.count("&lt;script&gt;") >= 5


def test_every_outcome_has_a_colour() -> None:
    """The report and the forms use one table (contract/_report_html.py, colours from _palette.py)."""
    assert OUTCOME_COLOURS is REPORT_COLOURS
    assert set(REPORT_COLOURS) == set(Outcome)


def test_json_types() -> None:
    assert [json_type(v) for v in ({}, [], "", 1, 1.0, True, None)] == [
        "object",
        "array",
        "string",
        "integer",
        "number",
        "boolean",
        "null",
    ]


# -- a notebook saved by its author reopens with the static views (pre_save_hook) ----------------


def _notebook_with(*bundles: dict[str, Any]) -> dict[str, Any]:
    nb = nbformat.v4.new_notebook()
    for bundle in bundles:
        nb.cells.append(nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("display_data", data=bundle)]))
    model: dict[str, Any] = json.loads(nbformat.writes(nb))
    for cell in model["cells"]:  # cells the author ran: JupyterLab sends them marked trusted
        cell["metadata"]["trusted"] = True
    return model


def test_the_pre_save_hook_keeps_only_our_static_views_and_the_file_stays_trusted(tmp_path: Path) -> None:
    from jupyter_server.services.contents.filemanager import FileContentsManager
    from nbformat.sign import NotebookNotary

    ours = EndpointForm(offline_client(), "chat_conversations.start").static.bundle()
    foreign = {WIDGET_MIME: {"model_id": "abc", "version_major": 2}, "text/plain": "IntSlider()"}
    assert WIDGET_MIME in ours and "thulium-static" in ours["text/html"]
    manager = FileContentsManager(root_dir=str(tmp_path), pre_save_hook="thulium_explore.forms.strip_widget_views")
    manager.notary = NotebookNotary(db_file=":memory:", secret=b"test")  # not the user's signature database
    manager.save({"type": "notebook", "format": "json", "content": _notebook_with(ours, foreign)}, "mine.ipynb")
    saved = nbformat.read(tmp_path / "mine.ipynb", as_version=4)
    first, second = (cell.outputs[0].data for cell in saved.cells)
    assert WIDGET_MIME not in first and first["text/html"] == ours["text/html"]  # the static view stays
    assert second[WIDGET_MIME]["model_id"] == "abc"  # another library's widget is left alone
    assert manager.notary.check_signature(saved)  # signed after the hook: JupyterLab trusts what it reads


def test_the_pre_save_hook_ignores_what_is_not_a_notebook() -> None:
    model: dict[str, Any] = {"type": "file", "content": "text"}
    strip_widget_views(model)
    assert model == {"type": "file", "content": "text"}
    broken: dict[str, Any] = {"type": "notebook", "content": {"cells": [{"outputs": ["odd", {"data": "x"}]}, 3]}}
    strip_widget_views(broken)  # odd shapes are skipped, not raised on
