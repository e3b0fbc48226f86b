"""Recent values for a linked parameter, offered in a dropdown beside its field.

The schemas say which answer fields feed which parameters (``x-thulium.links``); every 2xx answer a
client receives keeps those values in its memory (:mod:`thulium_explore.client._memory`). A form
field that some link targets gets a :class:`SuggestionBox`: a dropdown listing that memory's values for
it, most recent first, each labelled with where it came from (``6ed7c941-… (from
chat_conversations.start, 12:03:04)``). Choosing one writes the value into the field — the field shows
exactly what will be sent — and the dropdown goes back to its prompt.

When the list follows new answers: the memory has no observers, so every live box re-reads it (a dict
look-up; the widget changes only when the list did) after each cell runs (IPython's ``post_execute``
event: a start sent in code) and after each send from any form (a click is not a cell run). Which
memory: the form's client's (``ThuliumClient(memory=...)``; a client built with ``memory=None`` offers
nothing), the kernel-wide one while a mode switch is not connected yet. What the memory keeps —
personal values included — is its decision; the box shows what it gives.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import ipywidgets as W

import thulium_explore.forms._shared as _shared
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.client._client import ThuliumClient
from thulium_explore.client._memory import Memory, Suggestion, default_memory

#: The dropdown's first option (value None): what it is for, and how many values it holds.
PROMPT = "recent values ({count})"
NONE_YET = "no recent values yet"

_LIVE: weakref.WeakSet[SuggestionBox] = weakref.WeakSet()
_HOOKED = False


def linked_parameters(catalog: Catalog, endpoint_id: str) -> dict[str, list[str]]:
    """Parameter name → the endpoints whose answers feed it (from every endpoint's ``links``)."""
    found: dict[str, list[str]] = {}
    for endpoint in catalog:
        for link in endpoint.links:
            if link.target == endpoint_id and endpoint.id not in found.setdefault(link.parameter, []):
                found[link.parameter].append(endpoint.id)
    return found


def memory_of(source: Any) -> Memory | None:
    """The memory the form's client feeds, without connecting anything: a client's own (None when it
    remembers nothing), a Connection's client's, a connected mode switch's; else the kernel-wide one."""
    if isinstance(source, ThuliumClient):
        return source.memory
    client = vars(source).get("client") if hasattr(source, "__dict__") else None  # a Connection (not a property)
    if client is None:
        connection = vars(source).get("connection") if hasattr(source, "__dict__") else None  # a ModeSwitch
        client = getattr(connection, "client", None) if connection is not None else None
    if isinstance(client, ThuliumClient):
        return client.memory
    return default_memory()


class SuggestionBox:
    """The dropdown of recent values for ``parameter`` of ``endpoint_id``; ``fill(value)`` writes the field."""

    def __init__(
        self,
        source: Any,
        endpoint_id: str,
        parameter: str,
        sources: list[str],
        fill: Callable[[Any], None],
        css_class: str,
    ) -> None:
        self._source = source
        self.endpoint_id = endpoint_id
        self.parameter = parameter
        self._fill = fill
        self.suggestions: list[Suggestion] = []
        self.css_class = f"thulium-suggest-{css_class}"
        self.widget = W.Dropdown(
            options=[(NONE_YET, None)],
            value=None,
            disabled=True,  # until the memory offers something
            tooltip="values of " + ", ".join(sources) + " answers in this kernel; choosing one fills the field",
            layout=_shared.layout(width="auto", max_width="100%"),
            _dom_classes=("thulium-suggest", self.css_class),
        )
        self.widget.observe(self._chosen, names="value")
        self.refresh()
        _LIVE.add(self)
        _hook_cells()

    def current(self) -> list[Suggestion]:
        """What the memory offers now, most recent first."""
        memory = memory_of(self._source)
        return memory.suggestions(self.endpoint_id, self.parameter) if memory is not None else []

    def refresh(self) -> None:
        """Re-read the memory; the widget is touched only when the list changed."""
        found = self.current()
        if found == self.suggestions and len(self.widget.options) == len(found) + 1:
            return
        self.suggestions = found
        prompt = PROMPT.format(count=len(found)) if found else NONE_YET
        options = [(prompt, None), *((s.label, i) for i, s in enumerate(found))]
        with self.widget.hold_trait_notifications():
            self.widget.options = options
            self.widget.value = None
        self.widget.disabled = not found

    def choose(self, index: int) -> Any:
        """Fill the field with the ``index``-th suggestion (0 = most recent), as choosing it does; returns it."""
        self.refresh()
        value = self.suggestions[index].value
        self._fill(value)
        return value

    def _chosen(self, change: dict[str, Any]) -> None:
        index = change["new"]
        if index is None or index >= len(self.suggestions):
            return
        self._fill(self.suggestions[index].value)
        self.widget.value = None  # back to the prompt: the field, not the dropdown, shows what is sent


def refresh_all() -> None:
    """Re-read the memory in every live suggestion dropdown (after a cell ran, after any form sent)."""
    for box in list(_LIVE):
        box.refresh()


def _hook_cells() -> None:
    """Refresh every box after each cell runs (once per kernel; nothing outside IPython)."""
    global _HOOKED
    if _HOOKED:
        return
    try:
        from IPython import get_ipython  # late: only inside a kernel
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return
    shell = get_ipython()
    if shell is None:
        return
    shell.events.register("post_execute", refresh_all)
    _HOOKED = True
