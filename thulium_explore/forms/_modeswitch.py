"""The mode switch: sandbox (default when nothing is configured), replay a cassette, live, record.

The same switch in code and in the UI, built on :func:`thulium_explore.connect`. Credentials come
from the ``THULIUM_*`` environment variables or from the password box; the password is read once,
when connecting, and the box is emptied right away, so it never sits in widget state (and never in
a saved notebook).

**The mode shown is the target.** The mode (and cassette) the switch is built with is confirmed: the
first Send connects in it. A click on another mode — or ``switch.mode = "sandbox"`` in code, the same
thing — closes the current connection at once (a recording is saved) and leaves the switch *pending*:
every Send that uses the switch is disabled, its badge says "not connected: click Connect", and
``form.submit()`` raises a one-line :class:`ConfigError`, until Connect (``switch.connect()``). So is
editing the cassette or base URL box. Nothing is ever sent to a target other than the one shown.

>>> from thulium_explore.forms import ModeSwitch
>>> switch = ModeSwitch()  # sandbox unless THULIUM_* are set  # doctest: +SKIP
>>> switch.connect("replay", cassette="cassettes/chat_conversations.start.yaml")  # doctest: +SKIP
<Connection replay http://your-system-name.thulium.com cassette='…'>
"""

from __future__ import annotations

import contextlib
import html
import os
import weakref
from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as W

from thulium_explore._errors import ConfigError, ThuliumError
from thulium_explore._settings import (
    ENV_BASE_URL,
    ENV_CASSETTE,
    ENV_PASSWORD,
    ENV_USER,
    MODES,
    Mode,
    resolve_mode,
    tenant_configured,
)
from thulium_explore.catalog._catalog import Catalog, default_catalog
from thulium_explore.client._client import ThuliumClient
from thulium_explore.connection._connect import Connection, connect
from thulium_explore.forms._a11y import labelled
from thulium_explore.forms._static import StaticView, run_this_cell_to
from thulium_explore.forms._target import Target, host_of
from thulium_explore.forms._theme import AMBER, ERROR_TEXT, GREEN, MUTED_TEXT

HELP = {
    "sandbox": "a local Thulium API on 127.0.0.1 that answers as the documentation says; no credentials needed",
    "replay": "answers come from the cassette only; nothing reaches the network",
    "live": "calls go to your tenant with the credentials below or the THULIUM_* variables",
    "record": "like live (or against a fresh sandbox when no tenant is configured); every call is stored, "
    "scrubbed, in the cassette when you Disconnect or switch",
}


class ModeSwitch:
    """Chooses how forms reach Thulium; forms given this switch use its current connection at each send."""

    def __init__(
        self,
        mode: str | None = None,
        *,
        cassette: str | os.PathLike[str] | None = None,
        environ: Mapping[str, str] | None = None,
        catalog: Catalog | None = None,
    ) -> None:
        self._env: Mapping[str, str] = os.environ if environ is None else environ
        self.catalog: Catalog = catalog or default_catalog()
        self.connection: Connection | None = None
        self._mode = W.ToggleButtons(
            options=list(MODES),
            value=resolve_mode(mode, self._env),
            description="Mode",
            style={"button_width": "6.5em"},
        )
        self._mode.add_class("thulium-mode")
        self._cassette = W.Text(
            value=str(cassette or self._env.get(ENV_CASSETTE, "")),
            description="Cassette",
            placeholder="my_session.yaml",
            layout={"width": "min(40em, 95%)"},
        )
        self._base_url = W.Text(
            value=self._env.get(ENV_BASE_URL, ""),
            description="Base URL",
            placeholder="https://your-system-name.thulium.com",
            layout={"width": "min(40em, 95%)"},
        )
        self._user = W.Text(value=self._env.get(ENV_USER, ""), description="API user", placeholder="api_user")
        from_env = bool(self._env.get(ENV_PASSWORD))
        self._password = W.Password(
            description="Password", placeholder="(from THULIUM_API_PASSWORD)" if from_env else "API user's password"
        )
        self._password.add_class("thulium-password")
        connect_button = W.Button(description="Connect", icon="plug", button_style="info")
        disconnect = W.Button(description="Disconnect", icon="stop")
        connect_button.on_click(lambda _: self._clicked_connect())
        disconnect.on_click(lambda _: self.close())
        self._help = W.HTML()
        self._status = W.HTML()
        self._status.add_class("thulium-connection")
        self._credentials = W.VBox([self._base_url, self._user, self._password])
        self._watchers: list[Callable[[], Callable[[], None] | None]] = []
        self._confirmed = self._settings()  # the constructor's choice: the first Send connects in it
        self._mode.observe(lambda _: self._mode_changed(), names="value")
        for box in (self._cassette, self._base_url):
            box.observe(lambda _: self._refresh(), names="value")
        self.widget = W.VBox(
            [
                self._mode,
                self._help,
                self._cassette,
                self._credentials,
                W.HBox([connect_button, disconnect]),
                self._status,
                labelled([(".thulium-mode", "Mode")], ".thulium-mode-switch"),
            ]
        )
        self.widget.add_class("thulium-mode-switch")
        self._static = StaticView(self.widget, self._static_html, self.__repr__)
        self._refresh()

    @property
    def mode(self) -> str:
        """The mode shown (``sandbox``, ``replay``, ``live`` or ``record``); setting it is a click on it."""
        return str(self._mode.value)

    @mode.setter
    def mode(self, value: str) -> None:
        self._mode.value = Mode.parse(value).value

    @property
    def pending(self) -> str | None:
        """Why nothing can be sent (one line): the switch shows settings it is not connected with; else None."""
        if self._settings() == self._confirmed:
            return None
        return (
            f"the mode switch shows {self._shown().label} but is not connected to it: click Connect "
            "(or call switch.connect()) to send there; nothing was sent"
        )

    @property
    def target(self) -> Target:
        """Where a Send through this switch goes: the live connection's, or the settings shown (pending or not)."""
        pending = self.pending
        conn = self.connection
        if pending is None and conn is not None and not conn.closed:
            return Target(conn.mode, host_of(conn.base_url), conn.cassette.name if conn.cassette else None)
        return self._shown(pending)

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` whenever the target changes (a bound method is held weakly)."""
        if hasattr(callback, "__self__"):
            self._watchers.append(weakref.WeakMethod(callback))
        else:
            self._watchers.append(lambda: callback)

    @property
    def client(self) -> ThuliumClient:
        """The current connection's client; connects with the shown settings when not connected.

        Raises ConfigError while the switch is pending (see the module docstring): nothing is sent.
        """
        pending = self.pending
        if pending is not None:
            raise ConfigError(pending)
        if self.connection is None or self.connection.closed:
            self.connect()
        assert self.connection is not None
        return self.connection.client

    def connect(
        self, mode: str | None = None, *, cassette: str | os.PathLike[str] | None = None, password: str | None = None
    ) -> Connection:
        """Close the current connection (saving a recording) and open one in ``mode``; the UI follows."""
        if mode is not None:
            self._mode.value = resolve_mode(mode, self._env)
        if cassette is not None:
            self._cassette.value = str(cassette)
        typed = password if password is not None else self._password.value
        self._password.value = ""  # read once; never kept in widget state
        self.close()
        env = dict(self._env)
        for name, box in ((ENV_BASE_URL, self._base_url), (ENV_USER, self._user)):
            if box.value.strip():
                env[name] = box.value.strip()
        if typed:
            env[ENV_PASSWORD] = typed
        try:
            self.connection = connect(
                self.mode, cassette=self._cassette.value.strip() or None, environ=env, catalog=self.catalog
            )
        except ThuliumError as exc:
            self._status.value = f"<span style='color:{ERROR_TEXT}'>Not connected: {html.escape(str(exc))}</span>"
            self._notify()
            raise
        finally:
            del typed, env
        self._confirmed = self._settings()
        self._refresh()
        return self.connection

    def close(self) -> None:
        """Close the connection: stops the sandbox, writes a recording."""
        if self.connection is not None and not self.connection.closed:
            self.connection.close()
        self._refresh()

    def _clicked_connect(self) -> None:
        with contextlib.suppress(ThuliumError, ValueError):  # shown in the status line
            self.connect()

    def _settings(self) -> tuple[str, str, str]:
        """What decides the target: the mode, its cassette (record, replay), its base URL (live, record)."""
        mode = self.mode
        cassette = self._cassette.value.strip() if mode in ("record", "replay") else ""
        base_url = self._base_url.value.strip() if mode in ("live", "record") else ""
        return mode, cassette, base_url

    def _shown(self, pending: str | None = None) -> Target:
        """The target the shown settings name (the host of live, or of record against a tenant)."""
        mode, cassette, base_url = self._settings()
        host = ""
        if mode in ("live", "record"):
            host = host_of(base_url or self._env.get(ENV_BASE_URL, ""))
            with contextlib.suppress(ConfigError):
                if mode == "record" and not (base_url or tenant_configured(self._env)):
                    host = ""  # record against a fresh sandbox
        name = os.path.basename(cassette) if cassette else None
        return Target(mode, host, name, pending)

    def _mode_changed(self) -> None:
        """A click on a mode (or ``mode = …``): the old connection closes at once; Connect confirms."""
        if self.connection is not None and not self.connection.closed:
            self.connection.close()  # writes a recording
        self._refresh()

    def _notify(self) -> None:
        alive = []
        for ref in self._watchers:
            callback = ref()
            if callback is not None:
                alive.append(ref)
                callback()
        self._watchers = alive

    def _refresh(self) -> None:
        mode = self.mode
        self._help.value = f"<span style='color:{MUTED_TEXT}'>{html.escape(HELP[mode])}</span>"
        self._cassette.layout.display = "" if mode in ("replay", "record") else "none"
        self._credentials.layout.display = "" if mode in ("live", "record") else "none"
        conn = self.connection
        saved = ""
        if conn is not None and conn.closed and conn.mode == "record" and conn.cassette is not None:
            saved = f" Recording saved to <code>{html.escape(str(conn.cassette))}</code>."
        if self.pending is not None:
            self._status.value = (
                f"<span style='color:{AMBER}'>●</span> Shows <b>{html.escape(self._shown().label)}"
                "</b>, not connected: click <b>Connect</b> — every Send that uses this switch"
                f" is disabled until then.{saved}"
            )
        elif conn is None or conn.closed:
            self._status.value = f"Not connected; the first Send connects in <b>{mode}</b> mode.{saved}"
        else:
            where = f" cassette <code>{html.escape(str(conn.cassette))}</code>" if conn.cassette else ""
            self._status.value = (
                f"<span style='color:{GREEN}'>●</span> Connected: <b>{html.escape(conn.mode)}</b>"
                f" <code>{html.escape(conn.base_url)}</code>{where}"
            )
        self._notify()

    def _static_html(self) -> str:
        """What a saved notebook shows: the mode the switch was on, and how to use it."""
        return (
            f"<div class='thulium-static thulium-switch-static'>Mode switch: <b>{html.escape(self.mode)}</b>"
            f"{run_this_cell_to('choose where calls go (sandbox, live, record, replay)')}</div>"
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """The widget view and its static ``text/html`` alternative (see forms/_static.py)."""
        return self._static.bundle(**kwargs)

    def _ipython_display_(self) -> None:
        self._static.display()

    def __repr__(self) -> str:
        return f"<ModeSwitch mode={self.mode!r} connection={self.connection!r}>"
