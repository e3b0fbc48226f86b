"""Replay matching: method, path and normalised query, looked up in a dict (flat cost per request).

vcrpy's own matcher compares a request with every recorded one, so replaying a cassette of N
interactions costs N² comparisons. Here each recording is filed under its :func:`request_key` once,
at load, and a request costs one dict lookup. ``InteractionIndex.comparisons`` counts the recorded
requests actually looked at, so the flat cost can be tested honestly.

Personal data cannot be compared by value — the cassette holds placeholders — so a parameter the
schema marks ``x-sensitive`` (and any e-mail address) is compared by kind only, and so is one the
schema does not document (``<undocumented>``: its value is stored as a placeholder, see ``_deny``):

>>> from thulium_explore import default_catalog
>>> key = request_key(default_catalog(), "post",
...     "https://x.thulium.com/api/chat_conversations/start?client_email=a%40b.pl&chat_queue_id=3")
>>> key
('POST', '/api/chat_conversations/start', (('chat_queue_id', '3'), ('client_email', '<email>')))
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from thulium_explore.cassettes._deny import path_kinds, query_lookup
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._formats import is_email

Key = tuple[str, str, tuple[tuple[str, str], ...]]
UNDOCUMENTED = "undocumented"  # the kind of a query parameter no schema documents (stored as a placeholder)


class KeyMaker:
    """Computes :func:`request_key` with the schema lookups cached per endpoint and parameter."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._schemas: dict[str, tuple[Any, Any]] = {}
        self._query_kinds: dict[tuple[str, str], str | None] = {}
        self._path_kinds: dict[str, dict[str, str]] = {}

    def __call__(self, method: str, uri: str) -> Key:
        parts = urlsplit(uri)
        method = method.upper()
        path = unquote(parts.path) or "/"
        found = self.catalog.match(method, parts.path)
        endpoint = found[0] if found else None
        if endpoint is not None:
            if endpoint.id not in self._schemas:
                resolved = self.catalog.registry.resolver().lookup(endpoint.parameters_uri)
                self._schemas[endpoint.id] = (resolved.contents, resolved.resolver)
                self._path_kinds[endpoint.id] = path_kinds(endpoint, resolved.contents, resolved.resolver)
            kinds = self._path_kinds[endpoint.id]
            if kinds:
                matched = endpoint.path_regex.match(parts.path)
                if matched:
                    raw = parts.path
                    for name in sorted(kinds, key=matched.start, reverse=True):
                        raw = raw[: matched.start(name)] + f"<{kinds[name]}>" + raw[matched.end(name) :]
                    path = unquote(raw)
        pairs = []
        for name, value in parse_qsl(parts.query, keep_blank_values=True):
            kind = self._query_kind(endpoint.id, name) if endpoint is not None else UNDOCUMENTED
            if kind is None and is_email(value):
                kind = "email"
            pairs.append((name, f"<{kind}>" if kind else value))
        return method, path, tuple(sorted(pairs))

    def _query_kind(self, endpoint_id: str, name: str) -> str | None:
        """The kind a value is compared by: ``x-sensitive``'s, ``undocumented``, or None (by value)."""
        cached = (endpoint_id, name)
        if cached not in self._query_kinds:
            schema, resolver = self._schemas[endpoint_id]
            documented, kind = query_lookup(schema, resolver, name)
            self._query_kinds[cached] = kind or (None if documented else UNDOCUMENTED)
        return self._query_kinds[cached]


def request_key(catalog: Catalog, method: str, uri: str) -> Key:
    """What replay compares: method, decoded path, sorted decoded query (personal data by kind; no host)."""
    return KeyMaker(catalog)(method, uri)


def show(key: Key) -> str:
    """A key as a request line: ``POST /api/x?a=1&b=2``."""
    query = "&".join(f"{k}={v}" for k, v in key[2])
    return f"{key[0]} {key[1]}" + (f"?{query}" if query else "")


class InteractionIndex:
    """Recorded requests filed by key; each request costs one lookup, not a scan.

    Recordings with the same key are played in recorded order; once all have been played the
    last one is played again (so a notebook cell can be re-run in replay mode).

    >>> index = InteractionIndex()
    >>> index.add(("GET", "/api/chats", ()))
    0
    >>> index.take(("GET", "/api/chats", ())), index.take(("GET", "/api/chats", ()))
    (0, 0)
    >>> index.take(("GET", "/api/tickets", ())) is None
    True
    """

    def __init__(self, keys: Iterable[Key] = ()) -> None:
        self.keys: list[Key] = []
        self._slots: dict[Key, list[int]] = {}
        self._next: dict[Key, int] = {}
        self.comparisons = 0
        for key in keys:
            self.add(key)

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, key: Key) -> int:
        """File one recording; returns its position."""
        self.keys.append(key)
        self._slots.setdefault(key, []).append(len(self.keys) - 1)
        return len(self.keys) - 1

    def peek(self, key: Key) -> int | None:
        """The position :meth:`take` would return, without consuming it."""
        slots = self._slots.get(key)
        if not slots:
            return None
        self.comparisons += 1  # the one recorded request this lookup looks at
        return slots[min(self._next.get(key, 0), len(slots) - 1)]

    def take(self, key: Key) -> int | None:
        """The next recording for ``key`` (the last one again when all are played), or None."""
        found = self.peek(key)
        if found is not None:
            self._next[key] = self._next.get(key, 0) + 1
        return found

    def closest(self, key: Key) -> tuple[int, list[str]] | None:
        """The most similar recording and how the request differs from it (a scan: misses only)."""
        best: tuple[float, int] | None = None
        for position, stored in enumerate(self.keys):
            self.comparisons += 1
            score = _similarity(key, stored)
            if best is None or score > best[0]:
                best = (score, position)
        if best is None:
            return None
        return best[1], differences(self.keys[best[1]], key)


def _similarity(sent: Key, stored: Key) -> float:
    """Same path counts most (else the shared leading segments), then the method, then fewest differences."""
    if sent[1] == stored[1]:
        score = 8.0
    else:
        parts = stored[1].split("/")
        score = 4.0 * _common_prefix(sent[1].split("/"), parts) / max(len(parts), 1)
    if sent[0] == stored[0]:
        score += 4
    names = {k for k, _ in sent[2]} | {k for k, _ in stored[2]}
    same = sum(1 for name in names if _values(sent, name) == _values(stored, name))
    return score - (len(names) - same) + 0.01 * same


def _values(key: Key, name: str) -> list[str]:
    return [v for k, v in key[2] if k == name]


def _common_prefix(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def differences(recorded: Key, sent: Key) -> list[str]:
    """What differs, as short phrases: ``query limit: recorded '10', sent '5'``."""
    out: list[str] = []
    if recorded[0] != sent[0]:
        out.append(f"method: recorded {recorded[0]}, sent {sent[0]}")
    if recorded[1] != sent[1]:
        out.append(f"path: recorded {recorded[1]}, sent {sent[1]}")
    rec: dict[str, list[str]] = {}
    got: dict[str, list[str]] = {}
    for name, value in recorded[2]:
        rec.setdefault(name, []).append(value)
    for name, value in sent[2]:
        got.setdefault(name, []).append(value)
    for name in sorted(set(rec) | set(got)):
        r, s = rec.get(name), got.get(name)
        if r == s:
            continue
        if s is None:
            out.append(f"query {name}: recorded {_one(r)}, not sent")
        elif r is None:
            out.append(f"query {name}: sent {_one(s)}, not recorded")
        else:
            out.append(f"query {name}: recorded {_one(r)}, sent {_one(s)}")
    return out


def _one(values: list[str] | None) -> str:
    values = values or []
    return repr(values[0]) if len(values) == 1 else repr(values)
