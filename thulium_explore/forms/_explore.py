"""explore(): pick any endpoint of the catalog and get its form (with the mode switch when no client is given).

>>> from thulium_explore.forms import explore
>>> explorer = explore()  # doctest: +SKIP
>>> explorer.select("chat_conversations.start").set(chat_queue_id=3).submit()  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from thulium_explore.catalog._catalog import Catalog
from thulium_explore.connection._saved import load_call
from thulium_explore.forms._a11y import labelled
from thulium_explore.forms._form import EndpointForm
from thulium_explore.forms._formparts import catalog_of as _catalog_of
from thulium_explore.forms._history import History
from thulium_explore.forms._modeswitch import ModeSwitch
from thulium_explore.forms._picker import EndpointPicker
from thulium_explore.forms._saving import SavedRow
from thulium_explore.forms._static import StaticView, run_this_cell_to


class Explorer:
    """An endpoint picker above the chosen endpoint's form; forms keep their values when you switch back.

    Each form has its own history unless ``history`` is given (then they share it).
    """

    def __init__(
        self,
        client: Any = None,
        *,
        endpoint: str | None = None,
        history: History | None = None,
        catalog: Catalog | None = None,
    ) -> None:
        self.switch: ModeSwitch | None = None
        if client is None:
            self.switch = ModeSwitch()
            client = self.switch
        self.source = client
        self.catalog = catalog or (self.switch.catalog if self.switch else _catalog_of(client))
        self.history = history
        self.forms: dict[str, EndpointForm] = {}
        ids = [e.id for e in self.catalog]
        if not ids:
            raise ValueError("catalog: has no endpoints to explore")
        first = (
            endpoint
            if endpoint is not None
            else ("chat_conversations.start" if "chat_conversations.start" in ids else ids[0])
        )
        first = self.catalog[first].id  # CatalogError naming the known ids when unknown
        self.picker = EndpointPicker(self.catalog, value=first)
        self.picker.add_class("thulium-endpoint-picker")
        self._holder = W.VBox([])
        self.picker.observe(lambda change: self.select(change["new"]), names="value")
        top = [self.switch.widget] if self.switch else []
        #: Save (the shown form's call) and the Saved picker (loads a saved call into its form)
        self.saved = SavedRow(lambda: self.form, self.load)
        names = labelled(
            [(".thulium-endpoint-list", "Endpoints matching the search"), *SavedRow.NAMES], ".thulium-explorer"
        )
        self.widget = W.VBox([*top, self.picker, self.saved.widget, names, self._holder])
        #: the text/html a saved notebook shows beside the widget view; refreshed as answers arrive
        self.static = StaticView(self.widget, self._static_html, lambda: repr(self))
        self.widget.add_class("thulium-explorer")
        self.select(first)

    @property
    def form(self) -> EndpointForm:
        """The form currently shown."""
        return self.forms[self.picker.value]

    def select(self, endpoint_id: str) -> EndpointForm:
        """Show (building on first use) the form of ``endpoint_id``."""
        form = self.forms.get(endpoint_id)
        if form is None:
            form = EndpointForm(self.source, endpoint_id, history=self.history, catalog=self.catalog)
            form.viewer.on_change(self.static.refresh)  # the saved text/html follows the answers
            self.forms[endpoint_id] = form
        if self.picker.value != endpoint_id:
            self.picker.value = endpoint_id  # fires select() again, which finds the form built
        self._holder.children = (form.widget,)
        self.static.refresh()
        return form

    def load(self, path: str, name: str, *, index: int = 0) -> EndpointForm:
        """Show the form of the saved call ``name`` in the recipe at ``path``, filled with it (what picking it
        in "Saved" does)."""
        endpoint_id, params = load_call(path, name, index=index, catalog=self.catalog)
        return self.select(endpoint_id).fill_with(params)

    def _static_html(self) -> str:
        """What a saved notebook shows: the form on display (with its answers) and how to pick another."""
        return (
            f"<div class='thulium-static thulium-explorer-static'>"
            f"{run_this_cell_to('pick any endpoint of the catalog')}{self.form.static.render()}</div>"
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """The widget view and its static ``text/html`` alternative (see forms/_static.py)."""
        return self.static.bundle(**kwargs)

    def _ipython_display_(self) -> None:
        self.static.display()  # under a display_id, so answers update the saved text/html


def explore(client: Any = None, *, endpoint: str | None = None, history: History | None = None) -> Explorer:
    """Pick any endpoint and get its form. With no ``client``, a mode switch (sandbox, replay, live, record) on top.

    >>> from thulium_explore.forms import explore
    >>> explore(client)  # doctest: +SKIP
    """
    return Explorer(client, endpoint=endpoint, history=history)
