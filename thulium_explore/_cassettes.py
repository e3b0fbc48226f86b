"""The one recording configuration: vcrpy cassettes, scrubbed before writing, replayed by index.

Used by :func:`thulium_explore.connect`, the notebooks and tests alike::

    from thulium_explore import ThuliumClient, recorder

    with recorder("cassettes/my_session.yaml", mode="record") as cassette:
        client = ThuliumClient.from_env()
        client.chat_conversations.start(chat_queue_id=3)

* ``mode`` is ``sandbox`` or ``live`` (no cassette: ``recorder`` yields None and requests go
  wherever the client points), ``record`` (every request is sent and stored, scrubbed, replacing
  the cassette when the block ends without an exception) or ``replay`` (answers come from the
  cassette only; the network is never touched). ``None`` follows :meth:`Mode.resolve`, like
  :func:`connect`: ``THULIUM_MODE``, else live with a tenant configured, else sandbox — so without
  a mode nothing is recorded or replayed; pass ``"replay"`` (or set ``THULIUM_MODE``) for that.
* Replay matches method, path and normalised query (sorted, decoded; the host is ignored;
  personal data compared by kind). A request with no recording raises :class:`CassetteError`
  naming the closest recording and what differs.
* ``.yaml``/``.yml`` cassettes are written as vcrpy's YAML (UTF-8 kept readable), ``.json`` as
  vcrpy's JSON. Writes are atomic (a temporary file, then a rename).
* Replay reads a cassette through verify's reader and structural checks
  (:func:`thulium_explore._cassette_file.read_cassette`): a file ``verify`` rejects is the same
  one-line :class:`CassetteError` naming the file and the field.

vcrpy is imported when a recorder is first used, not by ``import thulium_explore``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from thulium_explore._cassette_file import BodyError, raw_bytes, read_cassette
from thulium_explore._catalog import Catalog, default_catalog
from thulium_explore._exceptions import CassetteError
from thulium_explore._modes import Mode


class YamlSerializer:
    """vcrpy's YAML format, dumped with UTF-8 text kept as is and keys in recorded order."""

    @staticmethod
    def serialize(data: Any) -> str:
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        return str(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000))

    @staticmethod
    def deserialize(text: str) -> Any:
        from vcr.serializers import yamlserializer

        return yamlserializer.deserialize(text)


class JsonSerializer:
    """vcrpy's JSON format (bodies must be text)."""

    @staticmethod
    def serialize(data: Any) -> str:
        try:
            return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        except TypeError:
            raise CassetteError(
                "a binary body cannot be stored in a .json cassette; use a .yaml path "
                "(example: cassettes/session.yaml)"
            ) from None

    @staticmethod
    def deserialize(text: str) -> Any:
        return json.loads(text)


def serializer_for(path: Path) -> YamlSerializer | JsonSerializer:
    """JSON for ``.json`` paths, YAML otherwise."""
    return JsonSerializer() if path.suffix.lower() == ".json" else YamlSerializer()


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
    def save_cassette(cassette_path: str | Path, cassette_dict: Any, serializer: Any) -> None:
        from vcr.serialize import serialize

        path = Path(cassette_path)
        text = serialize(cassette_dict, serializer)
        write_atomic(path, text)


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
    headers = {side: _header_lists(f"{where}: {side}.headers", part.get("headers"))
               for side, part in (("request", request), ("response", response))}
    body = response["body"].get("string")
    body = body.encode("utf-8") if isinstance(body, str) else (body or b"")
    try:
        sent_body = raw_bytes(request.get("body"))
    except (BodyError, TypeError, ValueError):
        raise CassetteError(f"{where}: request.body: expected text, !!binary or null (example: body: null)") from None
    return (Request(request["method"], request["uri"], sent_body, headers["request"]),
            {"status": {"code": status["code"], "message": message}, "headers": headers["response"],
             "body": {"string": body}})


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
            raise CassetteError(f"{where}: {name!r}: expected a name with a list of text values "
                                "(example: headers: {Content-Type: [application/json]})")
        out[name] = values
    return out


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def recorder(
    path: str | os.PathLike[str],
    mode: Mode | str | None = None,
    *,
    catalog: Catalog | None = None,
    secrets: Iterable[str] = (),
) -> Iterator[Any]:
    """Record or replay every HTTP request made inside the block (see the module docstring).

    ``secrets`` (passwords, tokens) are replaced by ``REDACTED`` wherever they would be stored.
    Yields the cassette (None in ``sandbox`` and ``live`` mode); ``cassette.index.comparisons`` counts replay
    comparisons.

    >>> with recorder("cassettes/chat_conversations.start.documented_example.yaml", "replay"):  # doctest: +SKIP
    ...     ThuliumClient("https://your-system-name.thulium.com", "api_user", "api_pass") \\
    ...         .chat_conversations.start(chat_queue_id=3, client_id="1234").status
    200
    """
    chosen = Mode.resolve(mode)
    if chosen in (Mode.SANDBOX, Mode.LIVE):
        yield None
        return
    from thulium_explore._vcr_cassette import ThuliumCassette

    target = Path(path)
    if chosen is Mode.REPLAY and not target.is_file():
        raise CassetteError(
            f"{target}: no such cassette to replay; record it first "
            f"(example: THULIUM_MODE=record, or recorder({str(target)!r}, mode='record'))"
        )
    use = ThuliumCassette.use(
        path=str(target),
        serializer=serializer_for(target),
        persister=Persister,
        thulium_mode=chosen,
        catalog=catalog or default_catalog(),
        secrets=tuple(secrets),
        record_on_exception=False,
    )
    with use as cassette:
        yield cassette
