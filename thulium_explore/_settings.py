"""Settings read from the environment: the ``THULIUM_*`` names and the :class:`Mode`.

Modes: ``sandbox``, ``live``, ``record`` or ``replay``, chosen by an argument or ``THULIUM_MODE``.

One vocabulary and one default for :func:`connect`, :func:`recorder` and the notebooks' mode switch:
the argument if given, else ``THULIUM_MODE`` if set, else ``live`` when the tenant is configured
(``THULIUM_BASE_URL``, ``THULIUM_API_USER`` and ``THULIUM_API_PASSWORD`` all set) and ``sandbox``
when none of them is. A bad value is a one-line :class:`ConfigError` listing the valid ones.

>>> from thulium_explore import Mode
>>> Mode.parse("Replay")
<Mode.REPLAY: 'replay'>
>>> Mode.resolve(None, environ={"THULIUM_MODE": "record"})
<Mode.RECORD: 'record'>
>>> Mode.resolve(None, environ={})
<Mode.SANDBOX: 'sandbox'>
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import Enum

from thulium_explore._errors import ConfigError

ENV_BASE_URL = "THULIUM_BASE_URL"
ENV_USER = "THULIUM_API_USER"
ENV_PASSWORD = "THULIUM_API_PASSWORD"  # noqa: S105 - the variable's name, not a password
ENV_MODE = "THULIUM_MODE"
ENV_CASSETTE = "THULIUM_CASSETTE"
TENANT_VARS = (ENV_BASE_URL, ENV_USER, ENV_PASSWORD)


class Mode(Enum):
    """Where answers come from: ``sandbox`` (local API), ``live`` (the tenant), ``record`` (sent and stored),
    ``replay`` (the cassette only)."""

    SANDBOX = "sandbox"
    LIVE = "live"
    RECORD = "record"
    REPLAY = "replay"

    @classmethod
    def parse(cls, value: Mode | str, *, source: str = "mode") -> Mode:
        """``value`` as a Mode (case and surrounding blanks ignored); ConfigError listing the valid ones."""
        if isinstance(value, Mode):
            return value
        text = str(value).strip().lower()
        for mode in cls:
            if mode.value == text:
                return mode
        valid = ", ".join(m.value for m in cls)
        raise ConfigError(
            f"{source}: {str(value)[:40]!r} is not a mode; choose one of {valid} (example: {ENV_MODE}=replay)"
        )

    @classmethod
    def resolve(cls, mode: Mode | str | None = None, *, environ: Mapping[str, str] | None = None) -> Mode:
        """The argument if given, else ``THULIUM_MODE`` if set, else live with a tenant configured, else sandbox."""
        if mode is not None and mode != "":
            return cls.parse(mode)
        env = os.environ if environ is None else environ
        text = env.get(ENV_MODE, "").strip()
        if text:
            return cls.parse(text, source=ENV_MODE)
        return cls.LIVE if tenant_configured(env) else cls.SANDBOX


MODES = tuple(m.value for m in Mode)  # sandbox, live, record, replay


def tenant_configured(environ: Mapping[str, str]) -> bool:
    """True when all three THULIUM_* tenant variables are set; ConfigError when only some are."""
    present = [name for name in TENANT_VARS if environ.get(name)]
    if present and len(present) < len(TENANT_VARS):
        missing = ", ".join(n for n in TENANT_VARS if n not in present)
        raise ConfigError(
            f"{missing}: not set, but {', '.join(present)} is; set all three for a tenant "
            f"or none for the sandbox (example: export {ENV_BASE_URL}=https://your-system-name.thulium.com)"
        )
    return bool(present)


def resolve_mode(mode: Mode | str | None, environ: Mapping[str, str]) -> str:
    """The connection mode as a string (see :meth:`Mode.resolve`: argument, THULIUM_MODE, live or sandbox)."""
    return Mode.resolve(mode, environ=environ).value
