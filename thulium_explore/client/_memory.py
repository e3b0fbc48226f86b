"""Values carried between calls: this kernel's recent answers' linked values, offered as suggestions.

The schemas say which answer fields feed which parameters (``x-thulium.links``, read as
:attr:`Endpoint.links`: ``chat_conversations.start`` → ``/conversation_id`` → the ``id`` of
``chat_conversations.message``). Every 2xx JSON answer a client receives feeds its links' values
into a :class:`Memory`; ``suggestions("chat_conversations.message", "id")`` then lists the recent
values for that parameter, most recent first, each with where it came from.

Some of these values are personal data (an agent's login is ``x-sensitive: login``), so the memory
lives **in this process only**: it is never written anywhere, holds at most ``per_parameter``
values per parameter (the oldest are dropped), and :func:`forget` empties it. Each client feeds
the kernel-wide :func:`default_memory` unless built with ``memory=None`` (or its own ``Memory()``).

>>> from thulium_explore.catalog import default_catalog
>>> memory = Memory()
>>> memory.remember(default_catalog()["chat_conversations.start"], {"conversation_id": "6ed7c941-…"})
4
>>> [s.value for s in memory.suggestions("chat_conversations.message", "id")]
['6ed7c941-…']
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._model import Endpoint, Link

PER_PARAMETER = 20  # values kept per (endpoint, parameter): enough for a dropdown


@dataclass(frozen=True)
class Suggestion:
    """A value an earlier answer offers for a parameter: ``value`` from ``source_endpoint``'s answer at
    ``source`` (a JSON Pointer, ``*`` = every item), received at ``when`` (``time.time()``)."""

    value: Any
    source_endpoint: str
    source: str
    when: float
    description: str = ""

    @property
    def placeholder(self) -> str | None:
        """``${conversation_id}`` for a top-level answer field: how a saved recipe call names this value
        (``record`` fills it from the earlier answer in the same cassette); None for an item's field."""
        steps = self.source.split("/")[1:]
        return f"${{{steps[0]}}}" if len(steps) == 1 and steps[0].isidentifier() else None

    @property
    def label(self) -> str:
        """``6ed7c941-… (from chat_conversations.start, 12:03:04)`` — for a dropdown."""
        return f"{self.value} (from {self.source_endpoint}, {time.strftime('%H:%M:%S', time.localtime(self.when))})"


class Memory:
    """A bounded, in-process store of linked values (see the module docstring); thread-safe."""

    def __init__(self, per_parameter: int = PER_PARAMETER) -> None:
        if per_parameter < 1:
            raise ValueError(f"per_parameter: {per_parameter!r} must be at least 1 (example: per_parameter=20)")
        self.per_parameter = per_parameter
        self._lock = threading.Lock()
        # (target endpoint, parameter) -> value key -> Suggestion's fields (made on reading), oldest first
        self._store: dict[tuple[str, str], OrderedDict[tuple[type, Any], tuple[Any, ...]]] = {}

    def remember(self, endpoint: Endpoint, body: Any, when: float | None = None) -> int:
        """Keep the linked values of ``endpoint``'s answer ``body``; returns how many values were kept."""
        links = endpoint.links
        if not links or not isinstance(body, dict | list):
            return 0
        moment = time.time() if when is None else when
        kept = 0
        found: dict[str, list[Any]] = {}  # links that share a source walk the answer once
        with self._lock:
            for link in links:
                values = found.get(link.source)
                if values is None:
                    values = found[link.source] = link.values(body, last=self.per_parameter)
                if not values:
                    continue
                slot = self._store.setdefault((link.target, link.parameter), OrderedDict())
                for value in values:  # the answer's last ``per_parameter`` values: the ones that could survive
                    key = (type(value), value)
                    slot.pop(key, None)
                    slot[key] = (value, endpoint.id, link.source, moment, link.description)
                    kept += 1
                while len(slot) > self.per_parameter:
                    slot.popitem(last=False)
        return kept

    def suggestions(self, endpoint_id: str, parameter: str) -> list[Suggestion]:
        """Recent values for ``parameter`` of ``endpoint_id``, most recent first (an answer's items in reverse)."""
        with self._lock:
            slot = self._store.get((endpoint_id, parameter))
            return [Suggestion(*fields) for fields in reversed(slot.values())] if slot else []

    def forget(self) -> None:
        """Drop every value."""
        with self._lock:
            self._store.clear()

    def __len__(self) -> int:
        with self._lock:
            return sum(len(slot) for slot in self._store.values())

    def __repr__(self) -> str:
        return f"<Memory {len(self)} values for {len(self._store)} parameters (in this process only)>"


_DEFAULT = Memory()


def default_memory() -> Memory:
    """The kernel-wide memory every client feeds by default."""
    return _DEFAULT


def suggestions(endpoint_id: str, parameter: str) -> list[Suggestion]:
    """Recent values for ``parameter`` of ``endpoint_id`` from this kernel's answers, most recent first."""
    return _DEFAULT.suggestions(endpoint_id, parameter)


def forget() -> None:
    """Empty the kernel-wide memory of linked values."""
    _DEFAULT.forget()


def linked_parameters(catalog: Catalog, endpoint_id: str) -> dict[str, list[tuple[str, Link]]]:
    """Parameter → ``(source endpoint, link)`` for every link feeding ``endpoint_id`` (which fields of a form
    can offer suggestions, before any value is known), in catalog order.

    >>> from thulium_explore.catalog import default_catalog
    >>> sorted(linked_parameters(default_catalog(), "chat_conversations.message"))
    ['id']
    """
    found: dict[str, list[tuple[str, Link]]] = {}
    for endpoint in catalog:
        for link in endpoint.links:
            if link.target == endpoint_id:
                found.setdefault(link.parameter, []).append((endpoint.id, link))
    return found
