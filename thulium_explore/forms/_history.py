"""A form's call history: a table of its calls, each with the target it went to; any row can be re-sent.

Every form has its own history (``EndpointForm(...).history``), so a Re-send answers in the form
where it was clicked. ``session_history()`` is one kernel-wide history to pass explicitly
(``EndpointForm(conn, id, history=session_history())``) when you want one table for many forms.

>>> history = History()
>>> history.resend(1)  # doctest: +SKIP
<CallResult chat_conversations.start HTTP 200 contract=pass 3 ms>
"""

from __future__ import annotations

import contextlib
import html
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import ipywidgets as W

import thulium_explore.forms._shared as _shared
from thulium_explore._errors import ThuliumError
from thulium_explore.client._result import CallResult
from thulium_explore.forms._render import request_line, status_badge, verdict_badge
from thulium_explore.forms._target import Target, target_html, target_of
from thulium_explore.forms._theme import ERROR_TEXT, MUTED_TEXT

MAX_ROWS = 100


class Sender(Protocol):
    """What a form needs from a client: ``send`` and the catalog."""

    catalog: Any

    def send(self, endpoint_id: str, params: Mapping[str, Any]) -> CallResult: ...


def resolve_client(source: Any) -> Sender:
    """A ThuliumClient as is; a Connection, ModeSwitch or anything with ``.client``: its current client."""
    if hasattr(source, "send") and hasattr(source, "catalog"):
        return source  # type: ignore[no-any-return]
    client = getattr(source, "client", None)
    if client is not None and hasattr(client, "send"):
        return client  # type: ignore[no-any-return]
    raise TypeError(
        f"client: expected a ThuliumClient or a Connection (with .client), got {type(source).__name__} "
        "(example: EndpointForm(connect(), 'chat_conversations.start'))"
    )


@dataclass
class HistoryEntry:
    """One call: what was asked, through which client source, where it went (``target``), what came back."""

    number: int
    endpoint_id: str
    params: dict[str, Any]
    source: Any = field(repr=False)
    result: CallResult | None = None
    failure: str | None = None
    target: Target | None = None
    at: float = field(default_factory=time.time)
    on_result: Callable[[CallResult], None] | None = field(default=None, repr=False)


class History:
    """Calls made through a form (or the forms sharing it), newest last; ``widget`` is the table with a
    Re-send button per row. ``title`` names whose calls these are."""

    def __init__(self, title: str = "this form's calls") -> None:
        self.entries: list[HistoryEntry] = []
        self.title = title
        self._widget: W.VBox | None = None

    @property
    def widget(self) -> W.VBox:
        """The table (built on first display)."""
        if self._widget is None:
            self._widget = W.VBox([self._header()] + [self._row(e) for e in self.entries[-MAX_ROWS:]])
            self._widget.add_class("thulium-history")
        return self._widget

    def add(
        self,
        source: Any,
        endpoint_id: str,
        params: Mapping[str, Any],
        *,
        result: CallResult | None = None,
        failure: str | None = None,
        on_result: Callable[[CallResult], None] | None = None,
        target: Target | None = None,
    ) -> HistoryEntry:
        """Record one call (its answer or why it failed) and where it went (``target``)."""
        entry = HistoryEntry(
            len(self.entries) + 1, endpoint_id, dict(params), source, result, failure, target, on_result=on_result
        )
        self.entries.append(entry)
        if self._widget is not None:
            rows = list(self._widget.children[1:])[-(MAX_ROWS - 1) :]
            self._widget.children = (self._widget.children[0], *rows, self._row(entry))
        return entry

    def resend(self, number: int) -> CallResult:
        """Send call ``number`` again: its parameters, through the same client source — so to the target that
        source shows now (a mode switch pending Connect sends nothing: ConfigError). The new call is
        recorded with its own target and shown in the form that made the first one."""
        try:
            entry = next(e for e in self.entries if e.number == number)
        except StopIteration:
            raise ValueError(f"number: no call #{number} in the history (it has {len(self.entries)})") from None
        client = resolve_client(entry.source)  # a pending mode switch raises here
        target = target_of(entry.source)
        try:
            result = client.send(entry.endpoint_id, entry.params)
        except ThuliumError as exc:
            self.add(
                entry.source,
                entry.endpoint_id,
                entry.params,
                failure=str(exc),
                on_result=entry.on_result,
                target=target,
            )
            raise
        self.add(entry.source, entry.endpoint_id, entry.params, result=result, on_result=entry.on_result, target=target)
        if entry.on_result is not None:
            entry.on_result(result)
        return result

    def clear(self) -> None:
        self.entries.clear()
        if self._widget is not None:
            self._widget.children = (self._widget.children[0],)

    def __len__(self) -> int:
        return len(self.entries)

    def _header(self) -> W.HTML:
        return _shared.html(
            f"<b>History</b> <span style='color:{MUTED_TEXT}'>— {html.escape(self.title)}, each with"
            " where it went; Re-send repeats one with the same parameters, to the target now"
            " shown beside Send</span>"
        )

    def _row(self, entry: HistoryEntry) -> W.HBox:
        when = time.strftime("%H:%M:%S", time.localtime(entry.at))
        if entry.result is not None:
            outcome = (
                f"{status_badge(entry.result.status)} {verdict_badge(entry.result.verdict)} "
                f"<code>{html.escape(request_line(entry.result))}</code> "
                f"{entry.result.elapsed * 1000:.0f} ms"
            )
        else:
            outcome = f"<span style='color:{ERROR_TEXT}'>{html.escape((entry.failure or '')[:160])}</span>"
        where = target_html(entry.target) if entry.target is not None else ""
        cell = _shared.html(
            f"<span style='color:{MUTED_TEXT}'>#{entry.number} {when}</span> "
            f"<b>{html.escape(entry.endpoint_id)}</b> {where} {outcome}"
        )
        button = W.Button(
            description="Re-send",
            tooltip=f"send call #{entry.number} again, to the target shown beside Send now",
            layout=_shared.layout(width="auto", min_width="6.5em"),
            style=_shared.button_style(),
        )
        button.add_class("thulium-resend")

        def clicked(_: Any) -> None:
            # a failure becomes a row of the table, so there is nothing else to show
            with contextlib.suppress(ThuliumError):
                self.resend(entry.number)

        button.on_click(clicked)
        return W.HBox([button, cell], layout=_shared.layout())


_SESSION = History("the calls of every form given history=session_history() in this kernel")


def session_history() -> History:
    """One kernel-wide history, for forms given it explicitly (``history=session_history()``); by default
    every form has its own."""
    return _SESSION
