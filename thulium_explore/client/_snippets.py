"""Copy-as snippets that reproduce a call, with credentials as environment-variable placeholders.

The password never appears: every snippet reads ``THULIUM_API_USER`` and
``THULIUM_API_PASSWORD`` (and the tenant from ``THULIUM_BASE_URL``) at run time.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

from thulium_explore._wire._params import WireRequest

HEADERS = {"Content-Type": "application/json; charset=utf-8", "Accept": "application/json"}


def _url(wire: WireRequest, base: str) -> str:
    query = urlencode(wire.query, safe="[]")
    return f"{base}{wire.path}" + (f"?{query}" if query else "")


def _body_text(wire: WireRequest) -> str:
    return wire.body.decode("utf-8", "replace") if wire.body else ""


def as_curl(wire: WireRequest, endpoint_id: str, params: Mapping[str, Any]) -> str:
    """``curl`` with ``-u "$THULIUM_API_USER:$THULIUM_API_PASSWORD"`` (TLS verification on)."""
    url = '"' + _url(wire, "$THULIUM_BASE_URL").replace('"', '\\"') + '"'
    parts = ["curl", '-u "$THULIUM_API_USER:$THULIUM_API_PASSWORD"', "-X", wire.method]
    parts += ["-H", shlex.quote(f"Content-Type: {wire.content_type}")]
    parts += ["-H", shlex.quote("Accept: application/json")]
    if _is_raw(wire):
        parts += ["--data-binary", '@"$FILE"']  # the file to upload
    elif wire.method != "GET":
        parts += ["--data-binary", shlex.quote(_body_text(wire))]
    return " ".join([*parts, "--max-time", "30", url])


def _is_raw(wire: WireRequest) -> bool:
    """A raw upload: snippets read it from ``$FILE`` instead of printing bytes."""
    return wire.content_type == "application/octet-stream"


def _php_string(text: str) -> str:
    """A single-quoted PHP literal: nothing inside is interpolated."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def as_httpie(wire: WireRequest, endpoint_id: str, params: Mapping[str, Any]) -> str:
    """HTTPie, reading the credentials from the environment."""
    url = '"' + _url(wire, "$THULIUM_BASE_URL").replace('"', '\\"') + '"'
    head = f'http -a "$THULIUM_API_USER:$THULIUM_API_PASSWORD" {wire.method} {url}'
    head += " Accept:application/json"
    if _is_raw(wire):
        return f"{head} 'Content-Type:application/octet-stream' < \"$FILE\""
    if wire.body:
        return f"printf %s {shlex.quote(_body_text(wire))} | {head} {shlex.quote('Content-Type:' + wire.content_type)}"
    return head


def as_python(wire: WireRequest, endpoint_id: str, params: Mapping[str, Any]) -> str:
    """Plain ``requests``, with a timeout and TLS verification on."""
    lines = [
        "import os",
        "import requests",
        "",
        "response = requests.request(",
        f"    {wire.method!r},",
        f"    os.environ['THULIUM_BASE_URL'] + {wire.path!r},",
        f"    params={wire.query!r},",
        "    data=open(os.environ['FILE'], 'rb').read()," if _is_raw(wire) else f"    data={wire.body!r},",
        f"    headers={{'Content-Type': {wire.content_type!r}, 'Accept': 'application/json'}},",
        "    auth=(os.environ['THULIUM_API_USER'], os.environ['THULIUM_API_PASSWORD']),",
        "    timeout=30,",
        ")",
        "print(response.status_code, response.text)",
    ]
    return "\n".join(lines)


def as_thulium_explore(wire: WireRequest, endpoint_id: str, params: Mapping[str, Any]) -> str:
    """This toolkit's client, configured from ``THULIUM_*`` variables."""
    shown = {k: (_FILE_CONTENT if isinstance(v, bytes | bytearray) else v) for k, v in params.items()}
    args = "".join(f", {k}={v!r}" if k.isidentifier() else "" for k, v in shown.items())
    odd = {k: v for k, v in shown.items() if not k.isidentifier()}
    if odd:
        args += f", **{odd!r}"
    return (
        ("import os\n" if _FILE_CONTENT in shown.values() else "") + "from thulium_explore import ThuliumClient\n\n"
        "client = ThuliumClient.from_env()\n"
        f"result = client.call({endpoint_id!r}{args})\n"
        "result"
    )


class _Code(str):
    """Source text that ``repr`` shows as is (an expression inside a generated snippet)."""

    def __repr__(self) -> str:
        return str(self)


_FILE_CONTENT = _Code("open(os.environ['FILE'], 'rb').read()")


def as_php(wire: WireRequest, endpoint_id: str, params: Mapping[str, Any]) -> str:
    """PHP curl_*, like the documentation's sample but with TLS verification on."""
    url = _url(wire, "")
    body = "file_get_contents(getenv('FILE'))" if _is_raw(wire) else _php_string(_body_text(wire))
    return "\n".join(
        [
            "<?php",
            f"$data = {body};",
            f"$request = curl_init(getenv('THULIUM_BASE_URL') . {_php_string(url)});",
            "curl_setopt($request, CURLOPT_HTTPHEADER, array(",
            f"    'Content-Type: {wire.content_type}',",
            "    'Accept: application/json',",
            "));",
            "curl_setopt($request, CURLOPT_USERPWD,",
            "    getenv('THULIUM_API_USER') . ':' . getenv('THULIUM_API_PASSWORD'));",
            "curl_setopt($request, CURLOPT_TIMEOUT, 30);",
            "curl_setopt($request, CURLOPT_RETURNTRANSFER, true);",
            f"curl_setopt($request, CURLOPT_CUSTOMREQUEST, '{wire.method}');",
            "curl_setopt($request, CURLOPT_POSTFIELDS, $data);",
            "$response = curl_exec($request);",
            'echo curl_getinfo($request, CURLINFO_HTTP_CODE), "\\n", $response;',
            "curl_close($request);",
        ]
    )


SNIPPETS: dict[str, Callable[[WireRequest, str, Mapping[str, Any]], str]] = {
    "curl": as_curl,
    "httpie": as_httpie,
    "python": as_python,
    "thulium_explore": as_thulium_explore,
    "php": as_php,
}
