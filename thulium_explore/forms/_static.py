"""Static HTML beside the widget view, so a saved notebook reads where no kernel runs (GitHub, nbviewer).

Widget state is never saved into notebooks, so a widget view alone reopens as "Error displaying widget:
model not found". Every form and viewer therefore displays one MIME bundle holding both the widget view
and a ``text/html`` alternative — what nbviewer and GitHub show — and, because it was displayed with a
``display_id``, the alternative is replaced in the saved output each time an answer arrives
(``update_display``): the saved file shows each answer's status, body and verdict.

Which one a reader sees is the frontend's choice. JupyterLab shows the ``text/html`` of an untrusted
notebook (one received, or executed by nbclient: tests/browser/test_forms_browser.py checks it with the
kernel shut down), since its widget renderer is not "safe". A notebook the user saved in their own
JupyterLab is trusted there: JupyterLab picks the widget view and, its model gone, says "Error displaying
widget: model not found" until the cells run again — nothing on the kernel side changes that choice. The
server side can: :func:`strip_widget_views` as Jupyter Server's ``pre_save_hook`` writes only the static
view of our outputs into the file (the open page keeps its live widgets), so the author's reopened
notebook shows the HTML too (tests/browser/test_forms_browser.py checks both: the file, and the page).

>>> from thulium_explore.forms._static import run_this_cell
>>> run_this_cell("chat_conversations.start")  # doctest: +ELLIPSIS
"<div class='thulium-static-hint' ...>run this cell to use the form for <code>chat_conversations.start</code></div>"
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as W

from thulium_explore.client._result import TREE_CHARS, CallResult
from thulium_explore.forms._render import (
    body_size,
    body_table,
    errors_html,
    failure_html,
    pretty_body,
    request_line,
    sent_body_text,
    status_badge,
    verdict_badge,
    verdict_html,
)
from thulium_explore.forms._theme import MUTED_TEXT

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

#: An answer shown by a viewer: a result, or (endpoint id, why no answer came).
Answer = CallResult | tuple[str, str]


class StaticView:
    """The MIME bundle of ``widget`` plus a ``text/html`` alternative from ``render``, kept up to date.

    ``display()`` shows the bundle under a ``display_id`` (what ``_ipython_display_`` calls);
    ``refresh()`` replaces every displayed copy (a no-op until displayed, so scripts print nothing).
    """

    def __init__(self, widget: W.Widget, render: Callable[[], str], text: Callable[[], str]) -> None:
        self.widget = widget
        self.render = render
        self.text = text
        self.display_id = f"thulium-{uuid.uuid4().hex}"
        self.displayed = False

    def bundle(self, **kwargs: Any) -> dict[str, Any]:
        """The widget's own bundle with ``text/plain`` from ``text`` and the ``text/html`` alternative."""
        data = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        data["text/plain"] = self.text()
        data["text/html"] = self.render()
        return data

    def display(self) -> None:
        """Display the bundle with this view's ``display_id``."""
        _ipython_display("display")(self.bundle(), raw=True, display_id=self.display_id)
        self.displayed = True

    def refresh(self) -> None:
        """Replace the displayed copies (the saved notebook keeps the new ``text/html``)."""
        if self.displayed:
            _ipython_display("update_display")(self.bundle(), raw=True, display_id=self.display_id)


def _ipython_display(name: str) -> Any:
    """``IPython.display.<name>`` (untyped there)."""
    import IPython.display  # late: IPython comes with ipywidgets and is needed only when shown

    return getattr(IPython.display, name)


def run_this_cell(endpoint_id: str) -> str:
    """The one line standing in for what only a live widget can do."""
    return run_this_cell_to(f"use the form for <code>{html.escape(endpoint_id)}</code>")


def run_this_cell_to(what_html: str) -> str:
    """``run this cell to <what>``: what a saved notebook shows where only a live widget can help."""
    return f"<div class='thulium-static-hint' style='color:{MUTED_TEXT}'>run this cell to {what_html}</div>"


def answer_html(result: CallResult, number: int | None = None) -> str:
    """One answer for reading without a kernel: status, request, verdict, body sent, body (pretty JSON; a list
    answer as a table with the JSON under it)."""
    head = f"<b>#{number}</b> " if number is not None else ""
    sent = sent_body_text(result)
    sent_html = f"<div>Request body sent:</div><pre>{html.escape(sent)}</pre>" if sent else ""
    body = pretty_body(result)
    shown = f"<pre class='thulium-body'>{html.escape(body)}</pre>" if body else "<div>(empty body)</div>"
    table = body_table(result)
    if table is not None:  # a list answer: its first rows as a table, the JSON one click away (and cut)
        cut = body if len(body) <= TREE_CHARS else body[:TREE_CHARS] + "\n… (cut here)"
        shown = f"{table}<details><summary>JSON</summary><pre class='thulium-body'>{html.escape(cut)}</pre></details>"
    return (
        f"<div class='thulium-static-answer'>{head}{status_badge(result.status)} "
        f"<code>{html.escape(request_line(result))}</code> {verdict_badge(result.verdict)} "
        f"<span style='color:{MUTED_TEXT}'>HTTP {result.status} · contract: {html.escape(result.outcome)}"
        f" · {body_size(result)} bytes</span>"
        f"{errors_html(result)}{verdict_html(result.verdict)}{sent_html}{shown}</div>"
    )


def answers_html(answers: Sequence[Answer]) -> str:
    """Every answer, numbered in the order they came."""
    parts = []
    for number, answer in enumerate(answers, 1):
        if isinstance(answer, CallResult):
            parts.append(answer_html(answer, number))
        else:
            parts.append(f"<div class='thulium-static-answer'><b>#{number}</b> {failure_html(*answer)}</div>")
    return "".join(parts)


def form_static_html(header: str, endpoint_id: str, answers: Sequence[Answer]) -> str:
    """A form as a saved notebook shows it: its header, the run-this-cell line, then its answers."""
    got = answers_html(answers) or f"<div style='color:{MUTED_TEXT}'>No answer yet.</div>"
    return f"<div class='thulium-static thulium-form-static'>{header}{run_this_cell(endpoint_id)}{got}</div>"


def viewer_static_html(answers: Sequence[Answer]) -> str:
    """A response viewer as a saved notebook shows it."""
    got = answers_html(answers) or f"<div style='color:{MUTED_TEXT}'>No answer yet.</div>"
    return f"<div class='thulium-static thulium-viewer-static'>{got}</div>"


#: The marker of our static views in a saved ``text/html`` (every view's outer div carries it).
STATIC_MARK = "thulium-static"


def strip_widget_views(model: dict[str, Any], **_: Any) -> None:
    """A Jupyter Server ``pre_save_hook``: the file keeps only the static view of our widgets.

    JupyterLab shows a trusted notebook's widget view before its ``text/html`` (the widget renderer has
    rank -10); reopened without the widget's model it says "Error displaying widget: model not found".
    Removing the widget view from the outputs *as they are written* — only those whose ``text/html`` is
    one of our static views; other widgets are left alone — makes the reopened notebook show the HTML.
    The open page keeps its live widgets. Enable it in ``jupyter_server_config.py``::

        c.ContentsManager.pre_save_hook = "thulium_explore.forms.strip_widget_views"
    """
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    for cell in model["content"].get("cells") or ():
        for output in cell.get("outputs") or () if isinstance(cell, dict) else ():
            data = output.get("data") if isinstance(output, dict) else None
            if isinstance(data, dict) and WIDGET_MIME in data and STATIC_MARK in str(data.get("text/html", "")):
                del data[WIDGET_MIME]
