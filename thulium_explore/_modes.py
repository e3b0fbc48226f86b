"""Recording modes: ``live``, ``record`` or ``replay``, chosen by an argument or ``THULIUM_MODE``.

>>> from thulium_explore import Mode
>>> Mode.parse("Replay")
<Mode.REPLAY: 'replay'>
>>> Mode.resolve(None, environ={"THULIUM_MODE": "record"})
<Mode.RECORD: 'record'>
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import Enum

from thulium_explore._exceptions import ConfigError

ENV_MODE = "THULIUM_MODE"
ENV_CASSETTE = "THULIUM_CASSETTE"


class Mode(Enum):
    """How calls meet the network: ``live`` (no cassette), ``record`` (send and store), ``replay`` (stored only)."""

    LIVE = "live"
    RECORD = "record"
    REPLAY = "replay"

    @classmethod
    def parse(cls, value: Mode | str, *, source: str = "mode", extra: tuple[str, ...] = ()) -> Mode:
        """``value`` as a Mode (case and surrounding blanks ignored); ConfigError listing the valid ones."""
        if isinstance(value, Mode):
            return value
        text = str(value).strip().lower()
        for mode in cls:
            if mode.value == text:
                return mode
        valid = ", ".join([m.value for m in cls] + list(extra))
        raise ConfigError(
            f"{source}: {str(value)[:40]!r} is not a mode; choose one of {valid} (example: {ENV_MODE}=replay)"
        )

    @classmethod
    def resolve(
        cls,
        mode: Mode | str | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        default: Mode | None = None,
    ) -> Mode:
        """The argument if given, else ``THULIUM_MODE`` if set, else ``default`` (replay when None).

        Replay is the default because it is the one mode that never touches the network.
        """
        if mode is not None and mode != "":
            return cls.parse(mode)
        env = os.environ if environ is None else environ
        text = env.get(ENV_MODE, "").strip()
        if text:
            return cls.parse(text, source=ENV_MODE)
        return default or cls.REPLAY
