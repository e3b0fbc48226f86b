"""The one recording configuration: vcrpy cassettes, scrubbed before writing, replayed by index.

Used by :func:`thulium_explore.connect`, the notebooks and tests alike::

    from thulium_explore import ThuliumClient, recorder

    with recorder("cassettes/my_session.yaml", mode="record") as cassette:
        client = ThuliumClient.from_env()
        client.chat_conversations.start(chat_queue_id=3)

* ``mode`` is ``sandbox`` or ``live`` (no cassette: ``recorder`` yields None and requests go
  wherever the client points), ``record`` (every request is sent and stored, scrubbed, when the
  block ends without an exception) or ``replay`` (answers come from the cassette only; the network
  is never touched). ``None`` follows :meth:`Mode.resolve`, like :func:`connect`: ``THULIUM_MODE``,
  else live with a tenant configured, else sandbox — so without a mode nothing is recorded or
  replayed; pass ``"replay"`` (or set ``THULIUM_MODE``) for that.
* An existing cassette, in record mode: by default (``overwrite=False``) the new interactions are
  added after the ones already there, which are kept as they are (vcrpy's ``new_episodes``);
  ``overwrite=True`` replaces it — ``thulium-explore record`` re-records whole cassettes this way.
  :func:`connect` and ``thulium-explore call`` add too, unless told to overwrite (``--overwrite``).
* Replay matches method, path and normalised query (sorted, decoded; the host is ignored;
  personal data compared by kind). A request with no recording raises :class:`CassetteError`
  naming the closest recording and what differs.
* ``.yaml``/``.yml`` cassettes are written as vcrpy's YAML (UTF-8 kept readable), ``.json`` as
  vcrpy's JSON. Writes are atomic (a temporary file, then a rename; a symlinked cassette is written
  through to its target). A missing folder is created; a path that is a folder, or a folder that
  cannot be written in, is a one-line :class:`CassetteError` before anything is sent.
* Replay reads a cassette through verify's reader and structural checks
  (:func:`thulium_explore.cassettes._file.read_cassette`): a file ``verify`` rejects is the same
  one-line :class:`CassetteError` naming the file and the field.

vcrpy is imported when a recorder is first used, not by ``import thulium_explore``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from thulium_explore._errors import CassetteError
from thulium_explore._settings import Mode
from thulium_explore.cassettes._deny import AllowList
from thulium_explore.cassettes.persisters import Persister
from thulium_explore.cassettes.persisters.filesystem import check_writable
from thulium_explore.cassettes.serializers import serializer_for
from thulium_explore.catalog._catalog import Catalog, default_catalog


@contextmanager
def recorder(
    path: str | os.PathLike[str],
    mode: Mode | str | None = None,
    *,
    catalog: Catalog | None = None,
    secrets: Iterable[str] = (),
    overwrite: bool = False,
    allow: Iterable[str] = (),
) -> Iterator[Any]:
    """Record or replay every HTTP request made inside the block (see the module docstring).

    ``secrets`` (passwords, tokens) are replaced by ``REDACTED`` wherever they would be stored.
    ``allow`` lists the undocumented fields to store as received, ``ENDPOINT:PATH`` each
    (``["customers.get:$.note", "customers.list:$[*].address"]``; see ``cassettes/_deny.py``); every
    other string or number no schema documents is stored as a placeholder. A malformed entry is a
    one-line :class:`ConfigError` before anything is sent.
    ``overwrite`` (record mode): True replaces an existing cassette, False adds the new interactions
    after its own (an existing cassette that cannot be read is then a :class:`CassetteError` before
    anything is sent).
    Yields the cassette (None in ``sandbox`` and ``live`` mode); ``cassette.index.comparisons`` counts replay
    comparisons.

    >>> with recorder("cassettes/chat_conversations.start.documented_example.yaml", "replay"):  # doctest: +SKIP
    ...     ThuliumClient("https://your-system-name.thulium.com", "api_user", "api_pass") \\
    ...         .chat_conversations.start(chat_queue_id=3, client_id="1234").status
    200
    """
    chosen = Mode.resolve(mode)
    allowed = AllowList.parse(allow, catalog or default_catalog()).entries  # checked before anything is sent
    if chosen in (Mode.SANDBOX, Mode.LIVE):
        yield None
        return
    from thulium_explore.cassettes._vcr import quiet_vcr_logs, use_cassette  # late: vcrpy loads only when used

    target = Path(path)
    if chosen is Mode.REPLAY and not target.is_file():
        raise CassetteError(
            f"{target}: no such cassette to replay; record it first "
            f"(example: THULIUM_MODE=record, or recorder({str(target)!r}, mode='record'))"
        )
    if chosen is Mode.RECORD:
        check_writable(target, create_folder=True)  # before anything is sent
    use = use_cassette(  # saves inside vcrpy's block, so a failed write still restores HTTP
        path=str(target),
        serializer=serializer_for(target),
        persister=Persister,
        thulium_mode=chosen,
        catalog=catalog or default_catalog(),
        secrets=tuple(secrets),
        overwrite=overwrite,
        allow=allowed,
        record_on_exception=False,
    )
    with quiet_vcr_logs(), use as cassette:
        yield cassette
