"""Reading vcrpy cassette files (YAML or JSON) strictly: every failure is a one-line :class:`CassetteError`.

The YAML is read by the fast reader in ``_yaml.py``; bodies are decoded by ``_wire/_body.py``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thulium_explore._errors import CassetteError
from thulium_explore.cassettes._yaml import collector_paused, first_line, load_yaml

CASSETTE_SUFFIXES = (".yaml", ".yml", ".json")
_EXAMPLE_URI = "uri: https://your-system-name.thulium.com/api/chats"
_EXAMPLE_CODE = "status: {code: 200, message: OK}"
#: an HTTP method as cassettes and recipes may name it: GET … VERSION-CONTROL; no blanks, no control characters
HTTP_METHOD = re.compile(r"[A-Za-z][A-Za-z-]{0,31}")


def _shown(value: str) -> str:
    """A value for an error line: quoted, at most 40 characters."""
    return repr(value) if len(value) <= 40 else f"{value[:20]!r}… ({len(value)} characters)"


@dataclass(frozen=True)
class Cassette:
    """One cassette file: its display name and its interactions (vcrpy's dicts, structure-checked)."""

    name: str
    path: Path
    interactions: list[dict[str, Any]]


def find_cassettes(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The cassette files named by ``paths``: files as given, folders searched for *.yaml/*.yml/*.json."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.suffix.lower() in CASSETTE_SUFFIXES and p.is_file())
            if not inside:
                raise CassetteError(f"{path}: no cassette files (*.yaml, *.yml, *.json) in this folder")
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise CassetteError(f"{path}: not a regular file or folder")
        else:
            raise CassetteError(f"{path}: no such file or folder")
    return found


def read_cassette(path: Path, name: str | None = None) -> Cassette:
    """Load and structure-check one cassette; :class:`CassetteError` names the file and the problem."""
    label = name or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CassetteError(f"{label}: cannot read: {exc.strerror or exc}") from None
    with collector_paused():
        if _looks_like_json(path, data):
            try:
                document = json.loads(data)
            except RecursionError:
                raise CassetteError(
                    f"{label}: invalid JSON: lists and objects nested too deeply to read "
                    "(example: a cassette nests about 5 levels)"
                ) from None
            except (ValueError, UnicodeDecodeError) as exc:
                raise CassetteError(f"{label}: invalid JSON: {first_line(exc)}") from None
        else:
            document = load_yaml(label, data)
    return Cassette(label, path, _interactions(label, document))


def _looks_like_json(path: Path, data: bytes) -> bool:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return False
    return suffix == ".json" or data.lstrip()[:1] in (b"{", b"[")


def _interactions(label: str, document: Any) -> list[dict[str, Any]]:
    """Check the vcrpy structure (version 1, interactions of request/response) without copying."""
    if not isinstance(document, dict):
        kind = "an old (pre-1.0) vcrpy list" if isinstance(document, list) else type(document).__name__
        raise CassetteError(
            f"{label}: not a vcrpy cassette: the top level is {kind}, expected a mapping "
            "with 'interactions' (example: {version: 1, interactions: [...]})"
        )
    version = document.get("version", 1)
    if version != 1:
        raise CassetteError(f"{label}: version: {version!r} is not supported (expected version: 1)")
    interactions = document.get("interactions")
    if not isinstance(interactions, list):
        raise CassetteError(f"{label}: interactions: missing or not a list (example: interactions: [...])")
    for index, item in enumerate(interactions):
        _check_interaction(label, index, item)
    return interactions


def _check_interaction(label: str, index: int, item: Any) -> None:
    where = f"{label}: interaction {index}"
    if not isinstance(item, dict):
        raise CassetteError(f"{where}: expected a mapping with request and response")
    request, response = item.get("request"), item.get("response")
    if not isinstance(request, dict):
        raise CassetteError(f"{where}: request: missing or not a mapping (example: request: {{method: POST, ...}})")
    if not isinstance(response, dict):
        raise CassetteError(f"{where}: response: missing or not a mapping (example: response: {{{_EXAMPLE_CODE}}})")
    if not isinstance(request.get("method"), str) or not request["method"]:
        raise CassetteError(f"{where}: request.method: missing or not text (example: method: POST)")
    if not HTTP_METHOD.fullmatch(request["method"]):
        raise CassetteError(
            f"{where}: request.method: {_shown(request['method'])} is not an HTTP method "
            "(letters, at most 32; example: method: POST)"
        )
    if not isinstance(request.get("uri"), str) or not request["uri"]:
        raise CassetteError(f"{where}: request.uri: missing or not text (example: {_EXAMPLE_URI})")
    if not isinstance(request.get("body"), str | bytes | list | tuple | None):
        raise CassetteError(f"{where}: request.body: expected text, !!binary or null (example: body: null)")
    status = response.get("status")
    code = status.get("code") if isinstance(status, dict) else None
    if not (isinstance(code, int) and not isinstance(code, bool) and 100 <= code <= 599):
        raise CassetteError(f"{where}: response.status.code: {code!r} is not an HTTP status (example: {_EXAMPLE_CODE})")
    body = response.get("body")
    if not isinstance(body, dict) or not isinstance(body.get("string", ""), str | bytes | None):
        raise CassetteError(
            f"{where}: response.body: expected a mapping with 'string' "
            '(example: body: {string: \'{"conversation_id": "..."}\'})'
        )
    for side, part in (("request", request), ("response", response)):
        headers = part.get("headers", {})
        if headers is None:
            continue
        if not isinstance(headers, dict) or not all(isinstance(v, str | list | tuple) for v in headers.values()):
            raise CassetteError(
                f"{where}: {side}.headers: expected a mapping of name to a list of values "
                "(example: headers: {Content-Type: [application/json]})"
            )


# --- YAML ---------------------------------------------------------------------------------


def iter_interactions(cassettes: Iterable[Cassette]) -> Iterator[tuple[Cassette, int, dict[str, Any]]]:
    """Every (cassette, index, interaction) in order."""
    for cassette in cassettes:
        for index, interaction in enumerate(cassette.interactions):
            yield cassette, index, interaction
