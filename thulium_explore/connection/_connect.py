"""``connect()``: one call that gives a ready client for the sandbox, a tenant, a recording or a replay.

Signature (stable; the notebooks' mode switch is built on it)::

    connect(mode=None, *, cassette=None, environ=None, catalog=None, overwrite=False, allow=(),
            faults=(), latency=0, seed=None, **client_kwargs) -> Connection

``mode`` is ``"sandbox"``, ``"live"``, ``"record"``, ``"replay"`` (or a :class:`Mode`), else
``THULIUM_MODE``, else ``"live"`` when the tenant is configured (``THULIUM_BASE_URL``,
``THULIUM_API_USER``, ``THULIUM_API_PASSWORD`` all set) and ``"sandbox"`` when none of them is
(:meth:`Mode.resolve`, the same rule :func:`recorder` follows).

* ``sandbox`` — starts a :class:`Sandbox` on 127.0.0.1 and connects to it with its sample credentials;
  ``faults``, ``latency`` (ms) and ``seed`` go to it (``connect("sandbox", faults=["429@0.2"],
  latency=150, seed=7)``: see ``thulium_explore/sandbox/_faults.py``); other modes refuse them.
* ``live`` — connects to the tenant; needs the three ``THULIUM_*`` variables.
* ``record`` — like live against the tenant when configured, else against a fresh sandbox; every
  call is stored, scrubbed, in ``cassette`` (written when the connection closes). An existing
  cassette is added to: the new interactions come after its own, which are kept as they are (an
  existing cassette that cannot be read is a :class:`CassetteError` before anything is sent);
  ``overwrite=True`` replaces it instead (any other mode refuses ``overwrite=True``). Fields no
  schema documents are stored as placeholders unless ``allow`` names them
  (``allow=["customers.get:$.note"]``, see :func:`recorder`).
* ``replay`` — answers come from ``cassette`` only; nothing reaches the network.

``cassette`` defaults to ``THULIUM_CASSETTE``; record and replay need one. A cassette to record
that cannot be written (its folder does not exist or cannot be written in, or it is a folder) is a
one-line :class:`CassetteError` before anything is sent. ``client_kwargs`` go to
:class:`ThuliumClient` (``timeout=``, ``verify=``…).

A :class:`Connection` has ``.client``, ``.mode`` (the string), ``.cassette`` (a Path or None),
``.sandbox`` (or None), ``.recording`` (the cassette object in record/replay mode), ``.base_url`` and
``.close()``; use it as a context manager. Record mode writes the cassette on ``close()`` (also at
interpreter exit) or at the end of a ``with`` block — not when the block ends in an exception, which
leaves the previous cassette untouched. Recording and replay patch HTTP for the whole process (vcrpy)
until the connection closes.

>>> from thulium_explore import connect
>>> with connect("sandbox") as conn:  # doctest: +SKIP
...     conn.client.chat_conversations.start(chat_queue_id=3).status
200
"""

from __future__ import annotations

import atexit
import base64
import os
from collections.abc import Iterable, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from thulium_explore._errors import ConfigError
from thulium_explore._settings import ENV_CASSETTE, ENV_PASSWORD, ENV_USER, Mode, resolve_mode, tenant_configured
from thulium_explore.cassettes._recorder import recorder
from thulium_explore.cassettes._scrub import PLACEHOLDER_ORIGIN
from thulium_explore.cassettes.persisters.filesystem import check_writable
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.client._client import ThuliumClient
from thulium_explore.connection._sandbox import Sandbox
from thulium_explore.sandbox._app import SAMPLE_PASSWORD, SAMPLE_USER


class Connection:
    """A client plus whatever it needs to run: a sandbox, a recording or a replay.

    >>> conn = connect("sandbox")  # doctest: +SKIP
    >>> conn.mode, conn.client.base_url  # doctest: +SKIP
    ('sandbox', 'http://127.0.0.1:40123')
    >>> conn.close()  # doctest: +SKIP
    """

    def __init__(
        self,
        mode: str,
        client: ThuliumClient,
        *,
        cassette: Path | None,
        sandbox: Sandbox | None,
        stack: ExitStack,
        recording: Any = None,
    ) -> None:
        self.mode = mode
        self.client = client
        self.cassette = cassette
        self.sandbox = sandbox
        self.recording = recording
        self._stack = stack
        self.closed = False
        atexit.register(self.close)

    @property
    def base_url(self) -> str:
        return self.client.base_url

    def close(self) -> None:
        """Save the recording (record mode), close the client, stop the sandbox. Safe to call twice."""
        if self.closed:
            return
        self.closed = True
        atexit.unregister(self.close)
        self._stack.close()

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: Any) -> None:
        """Like :meth:`close`, except that a block ending in an exception leaves the cassette as it was."""
        if self.closed:
            return
        self.closed = True
        atexit.unregister(self.close)
        self._stack.__exit__(exc_type, exc, tb)

    def __repr__(self) -> str:
        where = f" cassette={str(self.cassette)!r}" if self.cassette else ""
        state = " closed" if self.closed else ""
        return f"<Connection {self.mode} {self.client.base_url}{where}{state}>"


def connect(
    mode: Mode | str | None = None,
    *,
    cassette: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
    catalog: Catalog | None = None,
    overwrite: bool = False,
    allow: Iterable[str] = (),
    faults: Iterable[str] = (),
    latency: float = 0,
    seed: int | None = None,
    **client_kwargs: Any,
) -> Connection:
    """A ready :class:`Connection` (see the module docstring for the modes)."""
    env = os.environ if environ is None else environ
    chosen = resolve_mode(mode, env)
    faults = [faults] if isinstance(faults, str) else list(faults)
    sandboxed = chosen == "sandbox" or (chosen == "record" and not tenant_configured(env))
    if (faults or latency or seed is not None) and not sandboxed:
        raise ConfigError(
            f"faults, latency, seed: only the sandbox takes them, and this is {chosen} mode "
            "(example: connect('sandbox', faults=['429@0.2'], latency=150, seed=7))"
        )
    path_text = cassette if cassette is not None else env.get(ENV_CASSETTE)
    path = Path(path_text) if path_text else None
    if chosen in ("record", "replay") and path is None:
        raise ConfigError(
            f"cassette: {chosen} mode needs a cassette path "
            f"(example: connect({chosen!r}, cassette='cassettes/my_session.yaml') or {ENV_CASSETTE}=…)"
        )
    if overwrite and chosen != "record":
        raise ConfigError(
            f"overwrite: only record mode writes a cassette, and this is {chosen} mode "
            "(example: connect('record', cassette='cassettes/my_session.yaml', overwrite=True))"
        )
    if chosen == "record":
        assert path is not None
        check_writable(path, create_folder=False)  # a typo in the folder is an error, not a new folder
    stack = ExitStack()
    try:
        sandbox: Sandbox | None = None
        secrets: list[str] = []
        if chosen == "replay":
            client = ThuliumClient(PLACEHOLDER_ORIGIN, SAMPLE_USER, SAMPLE_PASSWORD, catalog=catalog, **client_kwargs)
        elif chosen == "live" or (chosen == "record" and tenant_configured(env)):
            client = ThuliumClient.from_env(env, catalog=catalog, **client_kwargs)
            password = env[ENV_PASSWORD]
            secrets = [password, base64.b64encode(f"{env[ENV_USER]}:{password}".encode()).decode()]
        else:
            try:
                sandbox = Sandbox(catalog=catalog, faults=faults, latency=latency, seed=seed)
            except ValueError as exc:  # a bad fault or latency: one line naming it
                raise ConfigError(str(exc)) from None
            stack.enter_context(sandbox)
            client = sandbox.client(**client_kwargs)
        stack.callback(client.close)
        recording = None
        if chosen in ("record", "replay"):
            assert path is not None
            recording = stack.enter_context(
                recorder(path, Mode(chosen), catalog=client.catalog, secrets=secrets, overwrite=overwrite, allow=allow)
            )
        return Connection(chosen, client, cassette=path, sandbox=sandbox, stack=stack, recording=recording)
    except BaseException:
        stack.close()
        raise
