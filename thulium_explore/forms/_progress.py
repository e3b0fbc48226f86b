"""A progress bar for walking every page of a list in a notebook.

>>> from thulium_explore.forms import progress_bar
>>> frame = client.paginate("tickets.list", page_size=100, progress=progress_bar()).to_dataframe()  # doctest: +SKIP

:func:`progress_bar` shows itself (like tqdm's bar) and returns a :class:`ProgressBar`, the
``progress(pages, items, count)`` callable ``paginate`` calls after each page: the bar fills towards
the answer's ``count`` (it is re-read on every page; without one the bar stays indeterminate) and a
line says ``3 pages · 250 of 1,000 items``. Its polite live region announces the start and the end,
not every page. A walk that fails keeps the bar where it was; the error is the paginator's.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

import thulium_explore.forms._shared as _shared
from thulium_explore.forms._a11y import Accessibility


class ProgressBar:
    """Pages and items of a paginate walk; call it as ``progress(pages, items, count)``."""

    def __init__(self, description: str = "Pages") -> None:
        self.pages = 0
        self.items = 0
        self.count: int | None = None
        self.bar = W.IntProgress(
            value=0, min=0, max=1, bar_style="info", description=description, _dom_classes=("thulium-progress-bar",)
        )
        self.line = _shared.html("waiting for the first page…", _dom_classes=("thulium-progress-text",))
        self.a11y = Accessibility(root=".thulium-progress", announce="", names=[])
        self.widget = W.VBox(
            [W.HBox([self.bar, self.line], layout=_shared.layout(align_items="center")), self.a11y],
            _dom_classes=("thulium-progress",),
        )

    def __call__(self, pages: int, items: int, count: int | None) -> None:
        if self.pages == 0:
            self.a11y.announce = "Fetching pages"
        self.pages, self.items, self.count = pages, items, count
        self.line.value = self.text()
        if count is None:
            self.bar.max, self.bar.value = 1, 0
        else:
            self.bar.max = max(count, 1)
            self.bar.value = min(items, self.bar.max)
        if self.finished:
            self.bar.bar_style = "success"
            self.a11y.announce = f"Done: {self.text()}"

    @property
    def finished(self) -> bool:
        """Whether the items reached ``count`` (a walk ended by ``max_items`` or an empty page does not say)."""
        return self.count is not None and self.items >= self.count

    def text(self) -> str:
        """``3 pages · 250 of 1,000 items`` (``· 250 items`` when no count is known)."""
        pages = f"{self.pages} page{'s' * (self.pages != 1)}"
        total = f" of {self.count:,}" if self.count is not None else ""
        return f"{pages} · {self.items:,}{total} item{'s' * ((self.count or self.items) != 1)}"

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return f"<ProgressBar {self.text()}>"


def progress_bar(description: str = "Pages", *, display: bool = True) -> ProgressBar:
    """A :class:`ProgressBar`, shown at once in a notebook (``display=False``: show it yourself)."""
    bar = ProgressBar(description)
    if display:
        try:
            from IPython import get_ipython
            from IPython.display import display as show
        except ImportError:  # pragma: no cover - IPython comes with ipywidgets
            return bar
        if get_ipython() is not None:
            show(bar)  # type: ignore[no-untyped-call]
    return bar
