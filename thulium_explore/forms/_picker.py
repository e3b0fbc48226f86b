"""The endpoint picker: a search box above a list of the catalog's endpoints, filtered as you type.

The search is case-insensitive and ignores Polish diacritics; every word typed must occur in the
endpoint's id, group, summary or Polish summary. Enter in the search box picks the first match. The
picker is a widget with a ``value`` (the chosen endpoint id) that can be observed like a Dropdown's,
so it can replace one.

>>> from thulium_explore import default_catalog
>>> picker = EndpointPicker(default_catalog(), value="chat_conversations.start")
>>> picker.search.value = "konwersacje rozpoczyna"
>>> picker.matches
['chat_conversations.start']
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as W
import traitlets

import thulium_explore.forms._shared as _shared
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.forms._text import enter_hook, folded
from thulium_explore.forms._theme import MUTED_TEXT

_ROWS = 8


class EndpointPicker(W.VBox):  # type: ignore[misc]  # ipywidgets has no type hints
    """Search box, match count and the list of matching endpoints; ``value`` is the chosen endpoint id."""

    value = traitlets.Unicode("")

    def __init__(self, catalog: Catalog, *, value: str | None = None, **kwargs: Any) -> None:
        endpoints = list(catalog)
        if not endpoints:
            raise ValueError("catalog: has no endpoints to pick from")
        ids = [e.id for e in endpoints]
        if value is not None and value not in ids:
            raise ValueError(f"catalog: no endpoint {value!r} (known: {', '.join(ids)})")
        self._labels = {e.id: f"{e.group} · {e.id} — {e.summary} ({e.method} {e.path})" for e in endpoints}
        self._haystacks = {e.id: folded(" ".join((e.id, e.group, e.summary, e.summary_pl))) for e in endpoints}
        self._ids = ids
        self._quiet = False
        self.matches: list[str] = list(ids)
        self.search = W.Text(
            placeholder="Search endpoints: id or summary (English or Polish)",
            description="Endpoint",
            continuous_update=True,
            layout=_shared.layout(width="min(60em, 98%)"),
            style=_shared.text_style(),
            _dom_classes=("thulium-endpoint-search",),
        )
        self.count = _shared.html(_dom_classes=("thulium-endpoint-count",))
        self.choice = W.Select(
            options=self._options(ids),
            value=None,
            rows=_ROWS,
            layout=_shared.layout(width="min(60em, 98%)"),
            style=_shared.description_style(),
            _dom_classes=("thulium-endpoint-list",),
        )
        super().__init__([self.search, self.count, self.choice], **kwargs)
        self.search.observe(lambda change: self._filter(str(change["new"])), names="value")
        self.choice.observe(self._chosen, names="value")
        enter_hook(self.search)(self._pick_first)
        self.value = value if value is not None else ids[0]

    def _options(self, ids: list[str]) -> list[tuple[str, str]]:
        return [(self._labels[i], i) for i in ids]

    def _filter(self, query: str) -> None:
        words = folded(query).split()
        self.matches = [i for i in self._ids if all(w in self._haystacks[i] for w in words)]
        self._quiet = True
        try:
            self.choice.options = self._options(self.matches)
            self.choice.value = self.value if self.value in self.matches else None
        finally:
            self._quiet = False
        self._show_count(query)

    def _show_count(self, query: str) -> None:
        if not query.strip():
            self.count.value = ""
            return
        found = len(self.matches)
        self.count.value = (
            f"<span style='color:{MUTED_TEXT};font-size:90%'>{found} of {len(self._ids)} endpoints "
            f"match {html.escape(query.strip())!s}"
            f"{'; Enter picks the first' if found else ''}</span>"
        )

    def _chosen(self, change: dict[str, Any]) -> None:
        if not self._quiet and change["new"] is not None:
            self.value = change["new"]

    def _pick_first(self) -> None:
        if self.matches:
            self.value = self.matches[0]

    @traitlets.validate("value")
    def _known(self, proposal: dict[str, Any]) -> str:
        if proposal["value"] not in self._labels:
            raise ValueError(f"catalog: no endpoint {proposal['value']!r}")
        return str(proposal["value"])

    @traitlets.observe("value")
    def _value_changed(self, change: dict[str, Any]) -> None:
        new = change["new"]
        if self.choice.value != new:
            if new not in self.matches:  # chosen from code: show it even when the search hides it
                self.search.value = ""
            self._quiet = True
            try:
                self.choice.value = new
            finally:
                self._quiet = False
