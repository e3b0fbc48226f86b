"""``thulium-explore record RECIPE``: record cassettes from a declarative list of calls.

A recipe is YAML::

    cassettes:
      - name: chat_conversations.start.documented_example   # → OUT/<name>.yaml
        description: The documented example request.
        calls:
          - endpoint: chat_conversations.start               # validated when the recipe is loaded
            params: {chat_queue_id: 3, client_id: "1234"}
            expect: 200
          - request: {method: POST, path: /api/chat_conversations/start, query: {chat_queue_id: abc}}
            credentials: wrong                               # right (default) | wrong | none
            expect: 400

``request`` entries are sent as written, bypassing validation (that is how the error answers are
recorded). ``${name}`` in a parameter value or a path is replaced by the field ``name`` of an
earlier JSON answer in the same cassette (``id: ${conversation_id}`` after a start).

The whole recipe is checked before the first request goes out — its structure, every endpoint id and
every ``endpoint`` parameter that holds no ``${…}`` (those are checked once filled in, before that
call is sent) — so a typo in the last call cannot leave real POSTs behind on the tenant. Every error
is one line naming ``cassettes[i].calls[j]``; a call that gets no answer (refused, timed out, TLS)
is a :class:`TransportError` naming the URL without its query string. A cassette whose recording
fails part-way is not written (the previous file stays).

Against the tenant when ``THULIUM_BASE_URL``, ``THULIUM_API_USER`` and ``THULIUM_API_PASSWORD`` are
set, else against a seeded sandbox (so the cassettes come out the same on every run). Every cassette
goes through the recorder, so it is scrubbed before it is written.
Exit 1 when an answer's status differs from ``expect`` (the cassette is still written: it is what the
server said).
"""

from __future__ import annotations

import base64
import math
import os
import re
from collections.abc import Iterable, Mapping
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import Any

import requests

from thulium_explore._errors import CatalogError, ConfigError, ParameterError, TransportError
from thulium_explore._settings import ENV_PASSWORD, ENV_USER, Mode, tenant_configured
from thulium_explore._version import __version__
from thulium_explore._wire import _params
from thulium_explore._wire._params import WireRequest
from thulium_explore.cassettes._deny import AllowList
from thulium_explore.cassettes._file import HTTP_METHOD
from thulium_explore.cassettes._recorder import recorder
from thulium_explore.cassettes._yaml import load_yaml
from thulium_explore.catalog._catalog import Catalog, default_catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.catalog._walk import deref
from thulium_explore.client._client import ThuliumClient, _BasicAuth, _transport_error
from thulium_explore.client._result import SentRequest
from thulium_explore.connection._sandbox import Sandbox

WRONG_PASSWORD = "wrong-password-for-recording"  # noqa: S105 - deliberately wrong, to record a 401
ALIASES_IN_RECIPES = "YAML aliases are not allowed in recipes (a recipe never needs them)"
_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAME_MAX = 255  # bytes in one file name on Linux, macOS and Windows
_MAX_DEPTH = 32  # lists and mappings inside one recipe call (the API's parameters nest one or two)


def load_recipe(path: Path, catalog: Catalog | None = None) -> list[dict[str, Any]]:
    """The recipe's cassettes, checked before anything is sent: every problem is a ConfigError naming
    ``cassettes[i].calls[j]``. Endpoint calls are validated against ``catalog`` (every parameter that
    holds no ``${…}`` placeholder; the others are validated when sent, once filled in)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the recipe ({exc.strerror or exc})") from None
    return parse_recipe(str(path), data, catalog)


def parse_recipe(path: str, data: bytes, catalog: Catalog | None = None) -> list[dict[str, Any]]:
    """Like :func:`load_recipe`, for a recipe's bytes (``path`` names it in errors)."""
    catalog = catalog or default_catalog()
    document = load_yaml(path, data, error=ConfigError, aliases=ALIASES_IN_RECIPES)
    cassettes = document.get("cassettes") if isinstance(document, dict) else None
    if not isinstance(cassettes, list) or not cassettes:
        raise ConfigError(f"{path}: needs a non-empty 'cassettes' list (example: cassettes: [{{name: x, calls: […]}}])")
    names: dict[str, int] = {}
    for i, cassette in enumerate(cassettes):
        where = f"{path}: cassettes[{i}]"
        if not isinstance(cassette, dict) or not isinstance(cassette.get("name"), str) or not cassette["name"]:
            raise ConfigError(f"{where}: needs a 'name' (example: name: chat_conversations.start.documented_example)")
        _check_name(where, cassette["name"], names)
        names[cassette["name"].casefold()] = i
        calls = cassette.get("calls")
        if not isinstance(calls, list) or not calls:
            raise ConfigError(f"{where}: needs a non-empty 'calls' list")
        known: set[str] | None = set()  # fields earlier answers document; None once a request: entry ran
        for j, call in enumerate(calls):
            _check_call(f"{where}.calls[{j}]", call, catalog)
            _check_placeholders(f"{where}.calls[{j}]", call, known)
            if known is not None and "endpoint" in call:
                known |= _answer_fields(catalog, catalog[str(call["endpoint"])])
            elif "request" in call:
                known = None
    return cassettes


def _check_name(where: str, name: str, earlier: Mapping[str, int]) -> None:
    """A plain, unique file name (``OUT/<name>.yaml``): no folder, no control character, not too long."""
    example = "(example: name: chat_conversations.start.documented_example)"
    if "/" in name or "\\" in name or name.startswith(".") or _CONTROL.search(name):
        raise ConfigError(
            f"{where}.name: {_shown(name)} must be a plain file name without '/', '\\', a leading "
            f"'.' or control characters {example}"
        )
    if len(f"{name}.yaml".encode()) > _NAME_MAX:
        raise ConfigError(
            f"{where}.name: {_shown(name)} is too long for a file name (<name>.yaml must fit in "
            f"{_NAME_MAX} bytes of UTF-8) {example}"
        )
    if name.casefold() in earlier:
        raise ConfigError(
            f"{where}.name: {_shown(name)} is already the name of cassettes[{earlier[name.casefold()]}]"
            f" (names are files, compared ignoring case); give each cassette its own {example}"
        )


def _shown(value: str) -> str:
    """A value for an error line: quoted, at most 40 characters."""
    return repr(value) if len(value) <= 40 else f"{value[:20]!r}… ({len(value)} characters)"


def _check_values(where: str, call: Any) -> None:
    """Nesting at most ``_MAX_DEPTH`` levels and only finite numbers anywhere in the call (checked iteratively)."""
    stack: list[tuple[Any, int]] = [(call, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(
                f"{where}: {value!r} is not a finite number; JSON has no NaN or infinity (example: chat_queue_id: 3)"
            )
        if isinstance(value, dict | list):
            if depth >= _MAX_DEPTH:
                raise ConfigError(
                    f"{where}: nested more than {_MAX_DEPTH} levels deep; a recipe call nests a few "
                    "(example: params: {chat_queue_id: 3})"
                )
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)


def _check_call(where: str, call: Any, catalog: Catalog) -> None:
    if not isinstance(call, dict) or ("endpoint" in call) == ("request" in call):
        raise ConfigError(
            f"{where}: needs exactly one of 'endpoint' or 'request' (example: endpoint: chat_conversations.start)"
        )
    _check_values(where, call)
    if "request" in call:
        request = call["request"]
        if (
            not isinstance(request, dict)
            or not isinstance(request.get("method"), str)
            or not str(request.get("path", "")).startswith("/")
        ):
            raise ConfigError(
                f"{where}.request: needs 'method' and a 'path' starting with / "
                "(example: {method: POST, path: /api/chat_conversations/start})"
            )
        if not HTTP_METHOD.fullmatch(request["method"]):
            raise ConfigError(
                f"{where}.request.method: {_shown(request['method'])} is not an HTTP method "
                "(letters, at most 32; example: method: POST)"
            )
        if _CONTROL.search(request["path"]) or " " in request["path"]:
            raise ConfigError(
                f"{where}.request.path: {_shown(request['path'])} holds a blank or a control "
                "character; percent-encode it (example: path: /api/no%20such%20path)"
            )
        if not isinstance(request.get("query") or {}, dict):
            raise ConfigError(
                f"{where}.request.query: must be a mapping of name to value (example: query: {{chat_queue_id: abc}})"
            )
        if not isinstance(request.get("body"), str | None):
            raise ConfigError(f'{where}.request.body: must be text (example: body: \'{{"text": "Hello"}}\')')
    if call.get("credentials", "right") not in ("right", "wrong", "none"):
        raise ConfigError(f"{where}.credentials: {call['credentials']!r} is not one of right, wrong, none")
    expect = call.get("expect", 200)
    if not isinstance(expect, int) or isinstance(expect, bool) or not 100 <= expect <= 599:
        raise ConfigError(f"{where}.expect: must be an HTTP status number, 100-599 (example: expect: 200)")
    if "endpoint" in call:
        _check_endpoint_call(where, call, catalog)


def _check_endpoint_call(where: str, call: Mapping[str, Any], catalog: Catalog) -> None:
    """The endpoint exists and every parameter without a ``${…}`` placeholder passes the schema."""
    try:
        endpoint = catalog[str(call["endpoint"])]
    except CatalogError as exc:
        raise ConfigError(f"{where}.endpoint: {exc}") from None
    params = call.get("params") or {}
    if not isinstance(params, dict):
        raise ConfigError(
            f"{where}.params: must be a mapping of parameter to value (example: params: {{chat_queue_id: 3}})"
        )
    later = {name for name, value in params.items() if _placeholders(value)}
    problems = [p for p in _params.check(catalog, endpoint, params) if p.field.split(".")[0] not in later]
    if problems:
        raise ConfigError(f"{where}.params: {endpoint.id}: " + "; ".join(str(p) for p in problems))


def _check_placeholders(where: str, call: Mapping[str, Any], known: set[str] | None) -> None:
    """Every ``${name}`` names a field that an earlier endpoint call's answer documents."""
    if known is None:
        return
    for name in _placeholders([call.get("params"), call.get("request")]):
        if name not in known:
            listed = ", ".join(sorted(known)) or "none: no earlier call in this cassette answers with fields"
            raise ConfigError(
                f"{where}: ${{{name}}} is not a documented field of an earlier answer in this "
                f'cassette (documented: {listed}; example: id: "${{conversation_id}}" after '
                "chat_conversations.start)"
            )


def _answer_fields(catalog: Catalog, endpoint: Endpoint) -> set[str]:
    """The top-level field names of the endpoint's documented 2xx answers."""
    names: set[str] = set()
    for status, spec in endpoint.responses.items():
        if not (status.isdigit() and 200 <= int(status) < 300) or spec.schema_uri is None:
            continue
        resolved = catalog.registry.resolver().lookup(spec.schema_uri)
        schema, _ = deref(resolved.contents, resolved.resolver)
        if isinstance(schema, Mapping):
            names.update(schema.get("properties", {}))
    return names


def _placeholders(value: Any) -> list[str]:
    """Every ``${name}``'s name in ``value`` (strings inside lists and mappings included)."""
    if isinstance(value, dict):
        return [name for v in value.values() for name in _placeholders(v)]
    if isinstance(value, list):
        return [name for v in value for name in _placeholders(v)]
    return _PLACEHOLDER.findall(value) if isinstance(value, str) else []


def record_recipe(
    recipe: Path,
    out: Path,
    *,
    environ: Mapping[str, str] | None = None,
    seed: int = 0,
    echo: Any = print,
    allow: Iterable[str] = (),
) -> int:
    """Record every cassette of ``recipe`` into ``out``; returns the number of unexpected statuses.

    ``allow`` lists undocumented fields to store as received (``ENDPOINT:PATH``, as :func:`recorder` takes).
    """
    env = os.environ if environ is None else environ
    cassettes = load_recipe(recipe)  # every call checked before the first one is sent
    allow = tuple(allow)
    AllowList.parse(allow, default_catalog())  # a bad entry is a ConfigError before anything is sent
    use_tenant = tenant_configured(env)
    target = "the tenant" if use_tenant else "a seeded sandbox"
    echo(f"recording {len(cassettes)} cassette(s) from {recipe} against {target} into {out}/")
    mismatches = 0
    for i, cassette in enumerate(cassettes):
        path = out / f"{cassette['name']}.yaml"
        with ExitStack() as stack:
            if use_tenant:
                client = ThuliumClient.from_env(env)
                user, password = env[ENV_USER], env[ENV_PASSWORD]
            else:
                sandbox = stack.enter_context(Sandbox(seed=seed))
                client = sandbox.client()
                user, password = sandbox.user, sandbox.password
            stack.callback(client.close)
            # fixed headers, so the cassettes do not change with the installed requests/urllib3
            client.session.headers.update(
                {"User-Agent": f"thulium-explore/{__version__}", "Accept-Encoding": "gzip, deflate"}
            )
            secrets = basic_secrets(user, password) + basic_secrets(user, WRONG_PASSWORD)
            stack.enter_context(
                recorder(path, Mode.RECORD, catalog=client.catalog, secrets=secrets, overwrite=True, allow=allow)
            )
            captured: dict[str, Any] = {}
            for index, call in enumerate(cassette["calls"]):
                where = f"{recipe}: cassettes[{i}].calls[{index}] ({cassette['name']})"
                try:
                    status, line = _send(client, substitute(call, captured, where), user, password, captured)
                except ParameterError as exc:  # a ${…} call, filled in: checked only now, nothing sent
                    raise ConfigError(f"{where}.params: {exc}") from None
                except TransportError as exc:  # no answer: the cassette being recorded is left as it was
                    exc.args = (f"{where}: {exc}",)
                    raise
                expected = call.get("expect")
                verdict = (
                    "" if expected is None else (" (as expected)" if status == expected else f" (EXPECTED {expected})")
                )
                mismatches += expected is not None and status != expected
                echo(f"{path}:{index} {line} -> {status}{verdict}")
    return mismatches


def basic_secrets(user: str, password: str) -> list[str]:
    """The password and every spelling of its Basic credentials (base64 of ``user:password`` as UTF-8, which
    the client sends, and as latin-1, which other clients send), for the scrubber: a server that echoes
    the request headers must not put them in the cassette."""
    pair = f"{user}:{password}"
    spellings = {pair.encode("utf-8")} | ({pair.encode("latin-1")} if all(ord(c) < 256 for c in pair) else set())
    return [password, *sorted(base64.b64encode(raw).decode("ascii") for raw in spellings)]


def substitute(value: Any, captured: Mapping[str, Any], where: str) -> Any:
    """``value`` with every ``${name}`` replaced by a captured answer field (ConfigError when unknown)."""
    if isinstance(value, dict):
        return {k: substitute(v, captured, where) for k, v in value.items()}
    if isinstance(value, list):
        return [substitute(v, captured, where) for v in value]
    if not isinstance(value, str) or "${" not in value:
        return value

    def one(match: re.Match[str]) -> str:
        if match.group(1) not in captured:
            known = ", ".join(sorted(captured)) or "none yet"
            raise ConfigError(f"{where}: ${{{match.group(1)}}} is not a field of an earlier answer (known: {known})")
        return str(captured[match.group(1)])

    return _PLACEHOLDER.sub(one, value)


def _capture(answer: Any, captured: dict[str, Any]) -> None:
    """Remember the top-level scalar fields of a JSON object answer."""
    if isinstance(answer, dict):
        captured.update({k: v for k, v in answer.items() if isinstance(v, str | int | float)})


def _send(
    client: ThuliumClient, call: Mapping[str, Any], user: str, password: str, captured: dict[str, Any]
) -> tuple[int, str]:
    """Send one recipe call; returns the status and a request line without the query string."""
    credentials = call.get("credentials", "right")
    if "endpoint" in call and credentials == "right":
        result = client.send(str(call["endpoint"]), dict(call.get("params") or {}))
        _capture(result.json, captured)
        endpoint = client.catalog[str(call["endpoint"])]
        return result.status, f"{endpoint.method} {endpoint.path}"
    if "endpoint" in call:
        endpoint = client.catalog[str(call["endpoint"])]
        params = dict(call.get("params") or {})
        _params.require_valid(client.catalog, endpoint, params)
        wire = _params.to_wire(endpoint, params)
        method, path, query, body = wire.method, wire.path, list(wire.query), wire.body
    else:
        request = call["request"]
        method, path = str(request["method"]).upper(), str(request["path"])
        query = [(str(k), str(v)) for k, v in (request.get("query") or {}).items()]
        body = request.get("body")
        body = body.encode("utf-8") if isinstance(body, str) else None
    # UTF-8 Basic credentials, like the client (requests' own tuple auth is latin-1 and fails on 'ż')
    auth = None if credentials == "none" else _BasicAuth(user, WRONG_PASSWORD if credentials == "wrong" else password)
    content_type = "application/json; charset=utf-8"
    try:
        response = client.session.request(
            method,
            client.base_url + path,
            params=query,
            data=body or b"",
            auth=auth,
            headers={"Accept": "application/json", "Content-Type": content_type},
            timeout=client.timeout,
            verify=client.verify,
            allow_redirects=False,
        )
    except requests.RequestException as exc:
        url = client.base_url + path.split("?", 1)[0]  # never the query string (it may hold personal data)
        sent = SentRequest(method, url, {}, None, WireRequest(method, path.split("?", 1)[0], [], None, content_type))
        raise _transport_error(exc, url, sent) from None
    with suppress(ValueError):
        _capture(response.json(), captured)
    return response.status_code, f"{method} {path}"
