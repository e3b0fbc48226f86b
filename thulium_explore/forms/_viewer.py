"""The response viewer: one call's answer, verdict, body (a list as a table, pretty or raw) and copy-as
snippets, as widgets.

>>> viewer = ResponseViewer()
>>> viewer.show(result)  # doctest: +SKIP
>>> viewer.widget  # doctest: +SKIP
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as W

import thulium_explore.forms._shared as _shared
from thulium_explore.client._result import CallResult
from thulium_explore.forms._a11y import CopyButton
from thulium_explore.forms._render import body_table, failure_html, pretty_body, result_html
from thulium_explore.forms._static import Answer, StaticView, viewer_static_html

#: Tab title → the CallResult.snippet kind.
SNIPPET_TABS: dict[str, str] = {
    "curl": "curl",
    "httpie": "httpie",
    "Python requests": "python",
    "thulium_explore": "thulium_explore",
    "PHP": "php",
}


#: The body views of the toggle → their tooltips ("table" only for a list answer).
VIEWS: dict[str, str] = {
    "table": "a list answer's items as a table (the first rows)",
    "pretty": "the JSON body as a tree",
    "raw": "the body as the text that came",
}


def kind_name(kind: str) -> str:
    """The tab title of a snippet kind (``python`` → ``Python requests``)."""
    return next(title for title, k in SNIPPET_TABS.items() if k == kind)


def snippet_tabs(result: CallResult) -> W.Tab:
    """ "Copy as" tabs; every snippet reads the credentials from ``THULIUM_*`` environment variables."""
    panes = []
    for kind in SNIPPET_TABS.values():
        text = result.snippet(kind)
        shown = W.HTML(
            f"<pre class='thulium-snippet' style='white-space:pre-wrap;user-select:all'>{html.escape(text)}</pre>"
        )
        panes.append(W.VBox([shown, CopyButton(text=text, label=f"Copy {kind_name(kind)}")]))
    tabs = W.Tab(children=panes, titles=tuple(SNIPPET_TABS))
    tabs.add_class("thulium-copy-as")
    return tabs


class ResponseViewer:
    """Shows the last result (or failure) of a form; empty until the first call.

    ``answers`` keeps every answer shown, in order: the static HTML a saved notebook shows lists them.
    """

    def __init__(self) -> None:
        self.widget = W.VBox([], layout=_shared.layout())
        self.widget.add_class("thulium-viewer")
        self.result: CallResult | None = None
        self.failure: str | None = None
        self.answers: list[Answer] = []
        #: the body view: "table" (a list answer; others fall back to "pretty"), "pretty" or "raw"
        self.view = "table"
        self._listeners: list[Callable[[], None]] = []
        self.static = StaticView(self.widget, lambda: viewer_static_html(self.answers), lambda: repr(self))
        self.on_change(self.static.refresh)

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` whenever an answer is shown or the viewer is cleared."""
        self._listeners.append(callback)

    def _changed(self) -> None:
        for callback in self._listeners:
            callback()

    @property
    def raw(self) -> bool:
        """Whether the body is shown as the text that came (the "raw" view)."""
        return self.view == "raw"

    @raw.setter
    def raw(self, value: bool) -> None:
        self.view = "raw" if value else "pretty"

    def show(self, result: CallResult) -> None:
        """Render ``result``: summary, Thulium's errors, verdict, body sent, body (a list answer as a table;
        or the tree; or raw), headers, copy-as tabs."""
        self.result = result
        self.failure = None
        self.answers.append(result)
        views = [v for v in VIEWS if v != "table" or body_table(result) is not None]
        shown = self.view if self.view in views else "pretty"  # "table" falls back for an answer not a list
        body = W.HTML(result_html(result, raw=shown == "raw", table=shown == "table"))
        body.add_class("thulium-result")
        toggle = W.ToggleButtons(
            options=views,
            value=shown,
            tooltips=[VIEWS[v] for v in views],
            style=_shared.toggle_style(button_width="auto"),
            _dom_classes=("thulium-body-toggle",),
        )

        def switched(change: dict[str, Any]) -> None:
            self.view = change["new"]
            body.value = result_html(result, raw=self.view == "raw", table=self.view == "table")

        toggle.observe(switched, names="value")
        self.widget.children = (
            body,
            W.HBox([W.HTML("<b>Body</b>"), toggle, CopyButton(text=pretty_body(result), label="Copy body")]),
            W.HTML("<b>Copy as</b> (credentials come from THULIUM_* variables)"),
            snippet_tabs(result),
        )
        self._changed()

    def show_failure(self, endpoint_id: str, message: str) -> None:
        """Render a call that was refused before sending or got no answer."""
        self.result = None
        self.failure = message
        self.answers.append((endpoint_id, message))
        self.widget.children = (W.HTML(failure_html(endpoint_id, message)),)
        self._changed()

    def clear(self) -> None:
        self.result = None
        self.failure = None
        self.widget.children = ()
        self._changed()

    def text(self) -> str:
        """A plain-text digest of what is shown (for tests and logs)."""
        if self.result is not None:
            return "\n".join(self.result.summary_lines())
        return self.failure or ""

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        return self.static.bundle(**kwargs)

    def _ipython_display_(self) -> None:
        self.static.display()

    def __repr__(self) -> str:
        return f"<ResponseViewer answers={len(self.answers)}>"
