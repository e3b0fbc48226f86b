"""Where a Send goes: the target (mode plus host or cassette) as a value, a label and the badge beside Send.

A form asks :func:`target_of` its client source before every send and records the answer in its
history; the badge shows the same label. A :class:`~thulium_explore.forms.ModeSwitch` reports its
own target (``switch.target``), which is *pending* while the switch shows settings it is not
connected with: then nothing can be sent until Connect.

>>> Target("live", "acme.thulium.com").label
'LIVE acme.thulium.com'
>>> Target("replay", "", "session.yaml").label
'replay (session.yaml)'
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from thulium_explore.client._client import ThuliumClient, is_loopback
from thulium_explore.connection._connect import Connection
from thulium_explore.forms._render import badge
from thulium_explore.forms._theme import GREY, MUTED_TEXT, TARGET_COLOURS

#: What the badge adds while a mode switch waits for Connect.
PENDING_HINT = "not connected: click Connect"


@dataclass(frozen=True)
class Target:
    """``mode`` is sandbox, live, record, replay or ``client`` (a bare ThuliumClient on loopback);
    ``host`` is the base URL's host:port ("" before a sandbox is started); ``cassette`` the file name in
    record and replay; ``pending`` says, in one line, why nothing can be sent there yet (None: ready)."""

    mode: str
    host: str
    cassette: str | None = None
    pending: str | None = None

    @property
    def label(self) -> str:
        """``sandbox``, ``replay (x.yaml)``, ``record (x.yaml)``, ``LIVE host`` or ``client host``."""
        if self.mode in ("replay", "record"):
            return f"{self.mode} ({self.cassette or 'no cassette'})"
        if self.mode == "live":
            return f"LIVE {self.host}".strip()
        if self.mode == "client":
            return f"client {self.host}"
        return self.mode

    @property
    def ready(self) -> bool:
        return self.pending is None


def host_of(base_url: str) -> str:
    """``https://acme.thulium.com/`` → ``acme.thulium.com``; ``""`` when there is none."""
    return urlsplit(base_url.strip()).netloc if base_url.strip() else ""


def target_of(source: Any) -> Target:
    """The target of a form's client source: a ModeSwitch's own, a Connection's mode, a client's host."""
    found = getattr(source, "target", None)
    if isinstance(found, Target):
        return found
    if isinstance(source, Connection):
        cassette = source.cassette.name if source.cassette is not None else None
        return Target(source.mode, host_of(source.base_url), cassette)
    if isinstance(source, ThuliumClient):
        host = urlsplit(source.base_url).hostname or ""
        return Target("client" if is_loopback(host) else "live", host_of(source.base_url))
    return Target("client", host_of(str(getattr(source, "base_url", ""))))


def target_html(target: Target) -> str:
    """The badge beside Send: the target in its mode's colour (LIVE in the warning colour), and while
    pending, what to do."""
    title = target.pending or f"Send goes to {target.label}"
    pill = badge(target.label, TARGET_COLOURS.get(target.mode, GREY), "thulium-target-label", title)
    hint = "" if target.ready else f" <span style='color:{MUTED_TEXT}'>{html.escape(PENDING_HINT)}</span>"
    return f"<span class='thulium-target-badge'>→ {pill}{hint}</span>"
