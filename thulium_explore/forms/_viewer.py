"""The response viewer: one call's answer, verdict and copy-as snippets, as widgets.

>>> viewer = ResponseViewer()
>>> viewer.show(result)  # doctest: +SKIP
>>> viewer.widget  # doctest: +SKIP
"""

from __future__ import annotations

import html

import ipywidgets as W

import thulium_explore.forms._shared as _shared
from thulium_explore.client._result import CallResult
from thulium_explore.forms._render import failure_html, result_html

#: Tab title → the CallResult.snippet kind.
SNIPPET_TABS: dict[str, str] = {
    "curl": "curl",
    "httpie": "httpie",
    "Python requests": "python",
    "thulium_explore": "thulium_explore",
    "PHP": "php",
}


def snippet_tabs(result: CallResult) -> W.Tab:
    """ "Copy as" tabs; every snippet reads the credentials from ``THULIUM_*`` environment variables."""
    panes = [
        W.HTML(
            f"<pre class='thulium-snippet' style='white-space:pre-wrap;user-select:all'>"
            f"{html.escape(result.snippet(kind))}</pre>"
        )
        for kind in SNIPPET_TABS.values()
    ]
    tabs = W.Tab(children=panes, titles=tuple(SNIPPET_TABS))
    tabs.add_class("thulium-copy-as")
    return tabs


class ResponseViewer:
    """Shows the last result (or failure) of a form; empty until the first call."""

    def __init__(self) -> None:
        self.widget = W.VBox([], layout=_shared.layout())
        self.widget.add_class("thulium-viewer")
        self.result: CallResult | None = None
        self.failure: str | None = None

    def show(self, result: CallResult) -> None:
        """Render ``result``: summary, Thulium's errors, verdict, body tree, headers, copy-as tabs."""
        self.result = result
        self.failure = None
        body = W.HTML(result_html(result))
        body.add_class("thulium-result")
        self.widget.children = (
            body,
            W.HTML("<b>Copy as</b> (credentials come from THULIUM_* variables)"),
            snippet_tabs(result),
        )

    def show_failure(self, endpoint_id: str, message: str) -> None:
        """Render a call that was refused before sending or got no answer."""
        self.result = None
        self.failure = message
        self.widget.children = (W.HTML(failure_html(endpoint_id, message)),)

    def clear(self) -> None:
        self.result = None
        self.failure = None
        self.widget.children = ()

    def text(self) -> str:
        """A plain-text digest of what is shown (for tests and logs)."""
        if self.result is not None:
            return "\n".join(self.result.summary_lines())
        return self.failure or ""
