"""HAR 1.2 files (browser devtools, Postman, Insomnia, mitmproxy exports) turned into scrubbed cassettes.

>>> har = {"log": {"version": "1.2", "entries": [{
...     "request": {"method": "GET", "url": "https://acme.thulium.com/api/chats?status=open", "headers": []},
...     "response": {"status": 200, "statusText": "OK", "headers": [],
...                  "content": {"mimeType": "application/json", "text": "[]"}}}]}}
>>> imported = har_to_cassette(json.dumps(har).encode(), "capture.har")
>>> imported.kept, imported.interactions[0]["request"]["uri"]
(1, 'https://your-system-name.thulium.com/api/chats?status=open')

Only calls to Thulium's API are kept: a host ending in ``.thulium.com`` (or one named in ``hosts``)
and a path under ``/api/``; every other entry is dropped and counted (:class:`HarImport`). Each kept
call is scrubbed by the same :class:`~thulium_explore.cassettes._scrub.Scrubber` a recording uses
(one scrubber for the whole file, so one value gets one placeholder), after the Basic password and
the cookie values found anywhere in the file have been added to its secrets. Bodies are decoded
first: ``"encoding": "base64"`` undone, and a ``Content-Encoding`` (gzip, deflate) undone through
``_wire/_body.py`` when the bytes still carry it (HAR's ``text`` is normally decoded already);
the header is then dropped.

Bad input is one :class:`HarError` line naming the file and the field (``capture.har:
log.entries[3].response.status: 'abc' is not an HTTP status (example: "status": 200)``). Memory is
bounded: a file over :data:`MAX_HAR_BYTES` (50 MB) is refused before it is read, JSON nested past
Python's recursion limit is refused (a HAR nests about 6 levels), and a body inflates to at most
``_wire``'s 50 MB.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit

from thulium_explore._errors import CassetteError
from thulium_explore._version import __version__
from thulium_explore._wire._body import BodyError, BodyTooLarge, decompress, header
from thulium_explore.cassettes._scrub import Scrubber
from thulium_explore.catalog._catalog import Catalog, default_catalog

#: the largest HAR file read (bytes); larger ones are refused before reading
MAX_HAR_BYTES = 50_000_000
THULIUM_DOMAIN = ".thulium.com"
API_PREFIX = "/api/"
_EXAMPLE = '{"log": {"version": "1.2", "entries": [...]}}'
_BASIC = re.compile(r"(?i)^\s*basic\s+([A-Za-z0-9+/=_-]+)\s*$")


class HarError(CassetteError):
    """A HAR file that cannot be imported: one line naming the file, the field and a right example."""


@dataclass
class HarImport:
    """The cassette made from a HAR: its interactions (vcrpy's dicts, scrubbed) and what was dropped."""

    interactions: list[dict[str, Any]] = field(default_factory=list)
    entries: int = 0
    other_hosts: int = 0
    outside_api: int = 0
    no_answer: int = 0

    @property
    def kept(self) -> int:
        return len(self.interactions)

    @property
    def dropped(self) -> int:
        return self.entries - self.kept

    def summary(self) -> str:
        """``kept 3 of 7 entries; dropped 4: 3 on other hosts, 1 outside /api/, 0 without an answer``."""
        return (
            f"kept {self.kept} of {self.entries} entr{'y' if self.entries == 1 else 'ies'}; dropped {self.dropped}: "
            f"{self.other_hosts} on other hosts, {self.outside_api} outside {API_PREFIX}, "
            f"{self.no_answer} without an answer"
        )

    def cassette(self) -> dict[str, Any]:
        """The vcrpy cassette document (what the serializers write)."""
        return {
            "version": 1,
            "interactions": self.interactions,
            "metadata": {
                "recorded_with": f"thulium-explore {__version__} (import-har)",
                "scrubbed": "credentials, tokens, tenant host, x-sensitive personal data and undocumented fields",
            },
        }


def har_to_cassette(
    data: bytes,
    label: str,
    *,
    hosts: Iterable[str] = (),
    catalog: Catalog | None = None,
    allow: Iterable[str] = (),
) -> HarImport:
    """The scrubbed interactions of HAR ``data`` (``label`` names it in errors); see the module docstring."""
    if len(data) > MAX_HAR_BYTES:
        raise HarError(f"{label}: {len(data)} bytes is over the {MAX_HAR_BYTES // 1_000_000} MB limit for a HAR file")
    entries = _entries(_parse(data, label), label)
    extra_hosts = {h.strip().lower() for h in hosts if h.strip()}
    kept: list[tuple[int, dict[str, Any], dict[str, Any]]] = []
    result = HarImport(entries=len(entries))
    for index, entry in enumerate(entries):
        where = f"{label}: log.entries[{index}]"
        request, response = _part(entry, "request", where), _part(entry, "response", where)
        url = _text(request, "url", f"{where}.request", "https://your-system-name.thulium.com/api/chats")
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        netloc = parts.netloc.rpartition("@")[2].lower()
        if not (host.endswith(THULIUM_DOMAIN) or host in extra_hosts or netloc in extra_hosts):
            result.other_hosts += 1
        elif not parts.path.startswith(API_PREFIX):
            result.outside_api += 1
        elif _status(response, f"{where}.response") == 0:
            result.no_answer += 1  # blocked or failed in the browser: nothing came back
        else:
            kept.append((index, request, response))
    scrubber = Scrubber(catalog or default_catalog(), secrets=_secrets(entries), allow=allow)
    for index, request, response in kept:
        where = f"{label}: log.entries[{index}]"
        try:
            result.interactions.append(_interaction(scrubber, request, response, where))
        except RecursionError:
            raise HarError(f"{where}: a body nests lists or objects too deeply to scrub") from None
    return result


# -- reading ----------------------------------------------------------------------------------


def _parse(data: bytes, label: str) -> Any:
    """JSON (UTF-8, a BOM allowed); nesting past Python's recursion limit is refused, not a crash."""
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise HarError(f"{label}: not UTF-8 text; a HAR file is JSON (example: {_EXAMPLE})") from None
    except ValueError as exc:
        message = str(exc).split("\n")[0][:120]
        raise HarError(f"{label}: not JSON ({message}); a HAR file is JSON (example: {_EXAMPLE})") from None
    except RecursionError:
        raise HarError(f"{label}: lists and objects nested too deeply; not a HAR file") from None


def _entries(document: Any, label: str) -> list[Any]:
    if not isinstance(document, dict) or not isinstance(document.get("log"), dict):
        raise HarError(f"{label}: log: missing or not an object; not a HAR file (example: {_EXAMPLE})")
    entries = document["log"].get("entries")
    if not isinstance(entries, list):
        raise HarError(f"{label}: log.entries: missing or not a list (example: {_EXAMPLE})")
    return entries


def _part(entry: Any, name: str, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise HarError(f"{where}: expected an object with request and response")
    part = entry.get(name)
    if not isinstance(part, dict):
        example = '"request": {"method": "GET", "url": "…"}' if name == "request" else '"response": {"status": 200}'
        raise HarError(f"{where}.{name}: missing or not an object (example: {example})")
    return part


def _text(part: Mapping[str, Any], name: str, where: str, example: str) -> str:
    value = part.get(name)
    if not isinstance(value, str) or not value:
        raise HarError(f"{where}.{name}: missing or not text (example: {json.dumps(name)}: {json.dumps(example)})")
    return value


def _status(response: Mapping[str, Any], where: str) -> int:
    status = response.get("status")
    if isinstance(status, bool) or not isinstance(status, int) or not (status == 0 or 100 <= status <= 599):
        shown = repr(status)[:40]
        raise HarError(f'{where}.status: {shown} is not an HTTP status (example: "status": 200)')
    return status


def _headers(part: Mapping[str, Any], where: str) -> list[tuple[str, str]]:
    """HAR's ``[{"name", "value"}]`` as pairs; HTTP/2 pseudo-headers (``:authority``) left out."""
    found = part.get("headers", [])
    if found is None:
        return []
    if not isinstance(found, list):
        raise HarError(f'{where}.headers: not a list (example: "headers": [{{"name": "Accept", "value": "*/*"}}])')
    pairs = []
    for i, item in enumerate(found):
        if not (isinstance(item, dict) and isinstance(item.get("name"), str) and isinstance(item.get("value"), str)):
            raise HarError(
                f'{where}.headers[{i}]: expected {{"name": text, "value": text}} '
                '(example: {"name": "Accept", "value": "application/json"})'
            )
        if not item["name"].startswith(":"):
            pairs.append((item["name"], item["value"]))
    return pairs


def _secrets(entries: list[Any]) -> list[str]:
    """Basic passwords (and their ``user:password`` forms), passwords in URLs and cookie values found anywhere."""
    found: list[str] = []
    for entry in entries:
        for side in ("request", "response"):
            part = entry.get(side) if isinstance(entry, dict) else None
            if not isinstance(part, dict):
                continue
            url = urlsplit(part["url"]) if isinstance(part.get("url"), str) else None
            if url is not None and url.password:  # https://user:password@host/… : refused by the client, not by a HAR
                found += [unquote(url.password), url.password]
            for item in part.get("headers") or []:
                if not (isinstance(item, dict) and isinstance(item.get("value"), str)):
                    continue
                name, value = str(item.get("name", "")).lower(), item["value"]
                if name in ("authorization", "proxy-authorization"):
                    found += _basic(value) or [value.split(None, 1)[-1]]
                elif name in ("cookie", "set-cookie"):
                    found += _cookie_values(value)
            for cookie in part.get("cookies") or []:
                if isinstance(cookie, dict) and isinstance(cookie.get("value"), str):
                    found.append(cookie["value"])
    return [s for s in dict.fromkeys(found) if len(s) >= 3]


def _basic(value: str) -> list[str]:
    matched = _BASIC.match(value)
    if not matched:
        return []
    try:
        pair = base64.b64decode(matched.group(1) + "==", validate=False).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return [matched.group(1)]
    _, _, password = pair.partition(":")
    return [pair, password, matched.group(1)]


def _cookie_values(value: str) -> list[str]:
    out = []
    for part in value.split(";"):
        _, sep, cookie = part.partition("=")
        if sep and cookie.strip():
            out += [cookie.strip(), unquote(cookie.strip())]
    return out


# -- one entry --------------------------------------------------------------------------------


def _interaction(scrubber: Scrubber, request: dict[str, Any], response: dict[str, Any], where: str) -> dict[str, Any]:
    method = _text(request, "method", f"{where}.request", "GET").upper()
    request_headers = _headers(request, f"{where}.request")
    sent = dict(_joined(request_headers))
    body = _request_body(request.get("postData"), f"{where}.request.postData")
    if body is not None and body[1] and header(sent, "content-type") is None:
        sent["Content-Type"] = body[1]
    scrubbed = scrubber.request(method, request["url"], sent, body[0] if body else None)
    status = _status(response, f"{where}.response")
    answer_headers = _headers(response, f"{where}.response")
    content = response.get("content")
    decoded = _response_body(content, answer_headers, f"{where}.response.content")
    received: dict[str, list[str]] = {}
    for name, value in answer_headers:
        if name.lower() != "content-encoding":  # the body below is decoded
            received.setdefault(name, []).append(value)
    if decoded and header(received, "content-type") is None and isinstance(content, dict):
        mime = content.get("mimeType")
        if isinstance(mime, str) and mime:
            received["Content-Type"] = [mime]
    headers, stored = scrubber.response(scrubbed.endpoint, status, received, decoded)
    message = response.get("statusText")
    return {
        "request": {
            "method": scrubbed.method,
            "uri": scrubbed.uri,
            "body": _readable(scrubbed.body),
            "headers": {k: [v] for k, v in scrubbed.headers.items()},
        },
        "response": {
            "status": {"code": status, "message": scrubber.text(message) if isinstance(message, str) else ""},
            "headers": headers,
            "body": {"string": _readable(stored) or ""},
        },
    }


def _joined(pairs: list[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in pairs:
        out[name] = f"{out[name]}, {value}" if name in out else value
    return out


def _request_body(post: Any, where: str) -> tuple[bytes, str] | None:
    """``postData``'s bytes and MIME type: ``text`` (base64 when ``encoding`` says so), else form ``params``."""
    if post is None:
        return None
    if not isinstance(post, dict):
        raise HarError(
            f'{where}: not an object (example: "postData": {{"mimeType": "application/json", "text": "{{}}"}})'
        )
    mime = post.get("mimeType") if isinstance(post.get("mimeType"), str) else ""
    text = post.get("text")
    if isinstance(text, str):
        return _decoded_text(text, post.get("encoding"), where), str(mime)
    params = post.get("params")
    if isinstance(params, list):
        pairs = [(str(p.get("name", "")), str(p.get("value", ""))) for p in params if isinstance(p, dict)]
        return urlencode(pairs).encode(), str(mime) or "application/x-www-form-urlencoded"
    return None


def _response_body(content: Any, headers: list[tuple[str, str]], where: str) -> bytes | None:
    """The answer's bytes, HTTP-decoded: base64 undone, then a Content-Encoding still on them."""
    if content is None:
        return None
    if not isinstance(content, dict):
        raise HarError(f'{where}: not an object (example: "content": {{"mimeType": "application/json", "text": "[]"}})')
    text = content.get("text")
    if text is None:
        return None
    if not isinstance(text, str):
        raise HarError(f'{where}.text: not text (example: "text": "[]")')
    data = _decoded_text(text, content.get("encoding"), where)
    coding = ",".join(v for n, v in headers if n.lower() == "content-encoding")
    if coding and content.get("encoding") == "base64":
        try:
            data = decompress(data, coding)
        except BodyError as exc:
            if isinstance(exc, BodyTooLarge):  # the cap is ours, and it holds here too
                raise HarError(f"{where}: {exc}") from None
            # not compressed after all: the exporter stored it decoded, as HAR 1.2 says it should
    return data


def _decoded_text(text: str, encoding: Any, where: str) -> bytes:
    if encoding in (None, ""):
        return text.encode("utf-8")
    if str(encoding).lower() != "base64":
        raise HarError(f'{where}.encoding: {str(encoding)[:20]!r} is not supported (example: "encoding": "base64")')
    try:
        return base64.b64decode("".join(text.split()), validate=True)  # line breaks allowed, nothing else
    except (binascii.Error, ValueError):
        raise HarError(f'{where}.text: not valid base64 (example: "text": "eyJvayI6IHRydWV9")') from None


def _readable(body: bytes | None) -> str | bytes | None:
    """Text when it is UTF-8 (vcrpy's way of storing bodies), else the bytes (YAML ``!!binary``)."""
    if body is None:
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body
