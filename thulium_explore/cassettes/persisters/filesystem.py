"""Cassettes on disk: read through verify's reader and structural checks, written atomically.

This uses vcrpy's documented persister interface (``load_cassette`` / ``save_cassette``,
``CassetteNotFoundError``); the cassette subclass in ``cassettes/_vcr.py`` is the only module that
touches vcrpy's internals. :func:`check_writable` is asked before a recording starts, so a cassette
that could not be written fails before anything is sent; a write that fails anyway is a one-line
:class:`CassetteError` too, and leaves the file as it was.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from thulium_explore._errors import CassetteError
from thulium_explore._files import write_atomic
from thulium_explore._wire._body import BodyError, raw_bytes
from thulium_explore.cassettes._file import read_cassette


class Persister:
    """Reads cassettes as UTF-8 and writes them atomically, so a cassette is never half-written."""

    @staticmethod
    def load_cassette(cassette_path: str | Path, serializer: Any) -> Any:
        """vcrpy's ``(requests, responses)``, after verify's structural checks (:func:`read_cassette`).

        A file ``verify`` rejects is a one-line :class:`CassetteError` naming the file and the
        problem, never a raw KeyError from deep inside vcrpy (``serializer`` is not needed: the
        format follows the suffix, as for ``verify``).
        """
        from vcr.persisters.filesystem import CassetteNotFoundError

        path = Path(cassette_path)
        if not path.is_file():
            raise CassetteNotFoundError()
        cassette = read_cassette(path)
        pairs = [replayable(str(path), index, item) for index, item in enumerate(cassette.interactions)]
        return [request for request, _ in pairs], [response for _, response in pairs]

    @staticmethod
    def kept_interactions(cassette_path: str | Path) -> list[dict[str, Any]]:
        """The interactions already in the cassette, as stored, to record after ([] when there is no file).

        They must pass the checks replay makes (so the combined file replays); a file that does not
        is a one-line :class:`CassetteError` naming the file, the problem and how to replace it instead.
        A non-regular file (``/dev/null``, a FIFO) and an empty file hold nothing to keep.
        """
        path = Path(cassette_path)
        if not path.is_file() or path.stat().st_size == 0:
            return []
        try:
            cassette = read_cassette(path)
            for index, item in enumerate(cassette.interactions):
                replayable(str(path), index, item)
        except CassetteError as exc:
            raise CassetteError(
                f"{exc}; recording adds to an existing cassette, so it must be readable — to replace it "
                "instead, pass --overwrite (or overwrite=True)"
            ) from None
        return cassette.interactions

    @staticmethod
    def save_cassette(cassette_path: str | Path, cassette_dict: Any, serializer: Any) -> None:
        """Write vcrpy's cassette dict atomically; ``cassette_dict["kept"]`` (interactions as stored) goes first."""
        from vcr.serialize import serialize

        path = Path(cassette_path)
        kept = cassette_dict.get("kept") or []
        text = serialize(cassette_dict, _KeptFirst(kept, serializer) if kept else serializer)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
        except OSError as exc:
            raise CassetteError(
                f"{path}: cannot write the cassette ({exc.strerror or type(exc).__name__}); the file was left as "
                f"it was; record where you can write (example: {_EXAMPLE_PATH})"
            ) from None


_EXAMPLE_PATH = "cassettes/session.yaml"


class _KeptFirst:
    """A serializer writing the interactions kept from the file before the newly recorded ones.

    The kept ones are the file's own values (as :func:`read_cassette` read them), not vcrpy's
    round trip through ``Request``, so the serializer writes them back as they were.
    """

    def __init__(self, kept: list[dict[str, Any]], serializer: Any) -> None:
        self.kept = kept
        self.serializer = serializer

    def serialize(self, data: dict[str, Any]) -> str:
        return str(self.serializer.serialize({**data, "interactions": [*self.kept, *data["interactions"]]}))


def check_writable(path: Path, *, create_folder: bool) -> None:
    """A one-line :class:`CassetteError` naming ``path`` and a right example when it cannot be recorded into.

    Refused: a folder in its place, a folder that cannot be written in, a file where a folder should
    be, and a folder that does not exist — unless ``create_folder`` (the recorder then makes it
    when it saves; the nearest existing folder must be writable).
    """
    if path.is_dir():
        raise CassetteError(
            f"{path}: is a folder, not a cassette file; name a file in it (example: {path / 'session.yaml'})"
        )
    if path.exists() and not path.is_file():  # a device or a pipe: written in place, its folder is not touched
        if not os.access(path, os.W_OK):
            raise CassetteError(f"{path}: cannot write to it (permission denied) (example: {_EXAMPLE_PATH})")
        return
    folder = Path(os.path.realpath(path)).parent if path.is_symlink() else path.parent
    if not folder.exists():
        if not create_folder:
            raise CassetteError(
                f"{path}: the folder {folder} does not exist; create it or record elsewhere "
                f"(example: mkdir -p {folder})"
            )
        while not folder.exists():
            folder = folder.parent
    if not folder.is_dir():
        raise CassetteError(f"{path}: {folder} is not a folder (example: {_EXAMPLE_PATH})")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CassetteError(
            f"{path}: cannot write in the folder {folder} (permission denied); record into a "
            f"folder you can write to (example: {_EXAMPLE_PATH})"
        )


def replayable(label: str, index: int, interaction: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """One structure-checked interaction as vcrpy replays it: a ``Request`` and a response dict.

    What verify accepts but vcrpy would trip on is filled in the way verify reads it (no headers =
    none, a single header value = a one-item list, no body string = empty, no status message = the
    standard reason phrase); what cannot be replayed is a :class:`CassetteError`.
    """
    from vcr.request import Request

    where = f"{label}: interaction {index}"
    request, response = interaction["request"], interaction["response"]
    status = response["status"]
    message = status.get("message")
    if message is None:
        message = _reason(status["code"])
    elif not isinstance(message, str):
        raise CassetteError(f"{where}: response.status.message: {message!r} is not text (example: {_EXAMPLE_STATUS})")
    headers = {
        side: _header_lists(f"{where}: {side}.headers", part.get("headers"))
        for side, part in (("request", request), ("response", response))
    }
    body = response["body"].get("string")
    body = body.encode("utf-8") if isinstance(body, str) else (body or b"")
    try:
        sent_body = raw_bytes(request.get("body"))
    except (BodyError, TypeError, ValueError):
        raise CassetteError(f"{where}: request.body: expected text, !!binary or null (example: body: null)") from None
    return (
        Request(request["method"], request["uri"], sent_body, headers["request"]),
        {
            "status": {"code": status["code"], "message": message},
            "headers": headers["response"],
            "body": {"string": body},
        },
    )


_EXAMPLE_STATUS = "status: {code: 200, message: OK}"


def _reason(code: int) -> str:
    """The standard reason phrase for ``code`` ("" for a code without one)."""
    from http import HTTPStatus

    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return ""


def _header_lists(where: str, headers: Any) -> dict[str, list[str]]:
    """Headers as vcrpy replays them: name → list of text values."""
    out: dict[str, list[str]] = {}
    for name, values in (headers or {}).items():
        values = [values] if isinstance(values, str) else list(values)
        if not isinstance(name, str) or not all(isinstance(v, str) for v in values):
            raise CassetteError(
                f"{where}: {name!r}: expected a name with a list of text values "
                "(example: headers: {Content-Type: [application/json]})"
            )
        out[name] = values
    return out
