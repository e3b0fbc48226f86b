"""A vcrpy ``Cassette`` that scrubs before storing and replays through an index (imported lazily)."""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vcr.cassette import Cassette
from vcr.record_mode import RecordMode
from vcr.request import Request

from thulium_explore._errors import CassetteError
from thulium_explore._settings import Mode
from thulium_explore._version import __version__
from thulium_explore.cassettes._matching import InteractionIndex, Key, KeyMaker, show
from thulium_explore.cassettes._scrub import Scrubber
from thulium_explore.catalog._catalog import Catalog


class ThuliumCassette(Cassette):  # type: ignore[misc]
    """vcrpy's cassette with our scrubbing on append and dict-indexed replay.

    Record mode replaces the file (vcrpy's ``all``), or with ``overwrite=False`` adds the new
    interactions after the ones already in it (vcrpy's ``new_episodes``), which are kept as stored.
    """

    def __init__(
        self,
        path: str,
        *,
        thulium_mode: Mode,
        catalog: Catalog,
        secrets: tuple[str, ...] = (),
        allow: tuple[str, ...] = (),
        **kwargs: Any,
    ) -> None:
        overwrite = bool(kwargs.pop("overwrite", True))
        if thulium_mode is not Mode.RECORD:
            record_mode = RecordMode.NONE
        else:
            record_mode = RecordMode.ALL if overwrite else RecordMode.NEW_EPISODES
        super().__init__(path, record_mode=record_mode, **kwargs)
        self.thulium_mode = thulium_mode
        self.catalog = catalog
        self.scrubber = Scrubber(catalog, secrets=secrets, allow=allow)
        self.index = InteractionIndex()
        self._key_maker = KeyMaker(catalog)
        self._last: tuple[Any, Key] | None = None

    # -- loading and saving -------------------------------------------------------------------

    def _load(self) -> None:
        """Replay: read every interaction and file it by key.

        Record: start empty. Adding (``new_episodes``): keep the file's interactions, as stored, in
        vcrpy's ``_old_interactions``, to be written before the new ones (a file that cannot be read
        is a :class:`CassetteError` now, before anything is sent, and is left as it is).
        """
        if self.thulium_mode is Mode.RECORD:
            if self.record_mode == RecordMode.NEW_EPISODES:
                self._old_interactions = self._persister.kept_interactions(self._path)  # dicts, not (request, response)
            return
        from vcr.persisters.filesystem import CassetteNotFoundError

        try:
            requests, responses, *metadata = self._persister.load_cassette(self._path, serializer=self._serializer)
        except CassetteNotFoundError:
            raise CassetteError(f"{self._path}: no such cassette to replay; record it first") from None
        for request, response in zip(requests, responses, strict=True):
            self.data.append((request, response))
            self.index.add(self._key_maker(request.method, request.uri))
        self._old_interactions = list(self.data)
        self._loaded_count = len(self.data)
        self._metadata = metadata[0] if metadata else {}
        self.dirty = False
        self.rewound = True

    def _save(self, force: bool = False) -> None:
        """Record mode only: write the kept interactions, then every recorded one (atomically, via the persister)."""
        if self.thulium_mode is not Mode.RECORD or not (self.dirty or force):
            return
        data = {
            "kept": self._old_interactions if self.record_mode == RecordMode.NEW_EPISODES else [],
            "requests": [request for request, _ in self.data],
            "responses": [response for _, response in self.data],
            "metadata": {
                "recorded_with": f"thulium-explore {__version__}",
                "scrubbed": "credentials, tokens, tenant host, x-sensitive personal data and undocumented fields",
                **({"allowed": list(self.scrubber.allow.entries)} if self.scrubber.allow else {}),
            },
        }
        self._persister.save_cassette(self._path, data, serializer=self._serializer)
        self.dirty = False

    def save(self) -> None:
        """Write the cassette now (record mode), e.g. from a long-lived notebook session."""
        self._save(force=True)

    # -- recording ----------------------------------------------------------------------------

    def append(self, request: Any, response: Any) -> None:
        """Store one interaction, scrubbed (the caller keeps the real response)."""
        scrubbed = self.scrubber.request(request.method, request.uri, dict(request.headers), request.body)
        stored_request = Request(scrubbed.method, scrubbed.uri, scrubbed.body, scrubbed.headers)
        response = copy.deepcopy(response)
        status = int(response.get("status", {}).get("code", 0))
        body = response.get("body", {}).get("string")
        if isinstance(body, str):
            body = body.encode("utf-8")
        headers, new_body = self.scrubber.response(scrubbed.endpoint, status, response.get("headers", {}), body)
        stored_response = {"status": response.get("status", {}), "headers": headers, "body": {"string": new_body}}
        self.data.append((stored_request, stored_response))
        self.index.add(self._key_maker(stored_request.method, stored_request.uri))
        self.dirty = True

    # -- replaying ----------------------------------------------------------------------------

    @property
    def write_protected(self) -> bool:
        return self.thulium_mode is not Mode.RECORD

    def _key(self, request: Any) -> Key:
        """The request's match key (its URI scrubbed like a recording), cached for the current request."""
        if self._last is not None and self._last[0] is request:
            return self._last[1]
        scrubbed = self.scrubber.request(request.method, request.uri, {}, None)
        key = self._key_maker(scrubbed.method, scrubbed.uri)
        self._last = (request, key)
        return key

    def can_play_response_for(self, request: Any) -> bool:
        """Replay: True when recorded; a miss raises :class:`CassetteError` (nothing is sent)."""
        if self.thulium_mode is Mode.RECORD:
            return False
        key = self._key(request)
        if self.index.peek(key) is None:
            raise CassetteError(self.miss_message(key))
        return True

    def play_response(self, request: Any) -> Any:
        key = self._key(request)
        position = self.index.take(key)
        if position is None:
            raise CassetteError(self.miss_message(key))
        self.play_counts[position] += 1
        return self.data[position][1]

    def __contains__(self, request: Any) -> bool:
        return self.index.peek(self._key(request)) is not None

    def responses_of(self, request: Any) -> list[Any]:
        key = self._key(request)
        found = [self.data[i][1] for i, stored in enumerate(self.index.keys) if stored == key]
        if not found:
            raise CassetteError(self.miss_message(key))
        return found

    def miss_message(self, key: Key) -> str:
        """One line: the request, the cassette, the closest recording and what differs."""
        where = f"{Path(self._path).name} ({len(self.data)} interactions)"
        head = f"no recording of {show(key)} in {where}"
        closest = self.index.closest(key)
        if closest is None:
            return f"{head}; the cassette is empty (record it with THULIUM_MODE=record)"
        position, diffs = closest
        shown = "; ".join(diffs) or "nothing (the recording was already played)"
        return (
            f"{head}; closest is #{position} {show(self.index.keys[position])}, which differs in: {shown} "
            f"(re-record with THULIUM_MODE=record if the request changed on purpose)"
        )


@contextmanager
def use_cassette(**kwargs: Any) -> Iterator[ThuliumCassette]:
    """``ThuliumCassette.use(**kwargs)``, with the recording written at the end of the block, inside it.

    vcrpy's own exit saves first and restores HTTP after, so a save that raises there (the folder
    became unwritable, the disk is full) would leave every later request in the process intercepted
    and recorded into a cassette nobody writes. Saved here, a failure is an exception vcrpy's exit
    sees: it does not save again (``record_on_exception`` is off) and restores HTTP; then it propagates.
    A block that ends in an exception saves nothing, as before.
    """
    with ThuliumCassette.use(**{**kwargs, "record_on_exception": False}) as cassette:
        yield cassette
        cassette._save()  # dirty ones only; vcrpy's exit-time _save() then has nothing left to write


# -- vcrpy's own logging ------------------------------------------------------------------------

_QUIET_LEVEL = logging.WARNING  # vcrpy logs every request line, query string and all, at INFO and DEBUG
_quiet_lock = threading.Lock()
_quiet_depth = 0
_saved_levels: dict[str, int] = {}


@contextmanager
def quiet_vcr_logs() -> Iterator[None]:
    """While recording or replaying, vcrpy's loggers (``vcr``, ``vcr.stubs``, ``vcr.cassette``…) say only
    warnings: their INFO/DEBUG lines carry full URLs with names and e-mails in the query string.

    The levels are restored when the last recording or replay open in the process ends.
    """
    global _quiet_depth
    with _quiet_lock:
        if _quiet_depth == 0:
            names = ["vcr", *(n for n in logging.root.manager.loggerDict if n.startswith("vcr."))]
            for name in names:
                logger = logging.getLogger(name)
                _saved_levels[name] = logger.level
                logger.setLevel(max(logger.level, _QUIET_LEVEL))
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                for name, level in _saved_levels.items():
                    logging.getLogger(name).setLevel(level)
                _saved_levels.clear()
