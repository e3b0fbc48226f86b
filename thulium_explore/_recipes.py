"""``thulium-explore record RECIPE``: record cassettes from a declarative list of calls.

A recipe is YAML::

    cassettes:
      - name: chat_conversations.start.documented_example   # → OUT/<name>.yaml
        description: The documented example request.
        calls:
          - endpoint: chat_conversations.start               # validated by the client
            params: {chat_queue_id: 3, client_id: "1234"}
            expect: 200
          - request: {method: POST, path: /api/chat_conversations/start, query: {chat_queue_id: abc}}
            credentials: wrong                               # right (default) | wrong | none
            expect: 400

``request`` entries are sent as written, bypassing validation (that is how the error answers are
recorded). ``${name}`` in a parameter value or a path is replaced by the field ``name`` of an
earlier JSON answer in the same cassette (``id: ${conversation_id}`` after a start).

Against the tenant when ``THULIUM_BASE_URL``, ``THULIUM_API_USER`` and ``THULIUM_API_PASSWORD`` are
set, else against a seeded sandbox (so the cassettes come out the same on every run). Every cassette
goes through the recorder, so it is scrubbed before it is written.
Exit 1 when an answer's status differs from ``expect`` (the cassette is still written: it is what the
server said).
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Mapping
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import Any

from thulium_explore import __version__
from thulium_explore._cassettes import recorder
from thulium_explore._client import ENV_PASSWORD, ENV_USER, ThuliumClient
from thulium_explore._exceptions import ConfigError
from thulium_explore._modes import Mode, tenant_configured
from thulium_explore._sandbox import Sandbox

WRONG_PASSWORD = "wrong-password-for-recording"  # noqa: S105 - deliberately wrong, to record a 401


def load_recipe(path: Path) -> list[dict[str, Any]]:
    """The recipe's cassettes, checked: every problem is a ConfigError naming the entry."""
    import yaml

    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the recipe ({' '.join(str(exc).split())[:160]})") from None
    cassettes = document.get("cassettes") if isinstance(document, dict) else None
    if not isinstance(cassettes, list) or not cassettes:
        raise ConfigError(f"{path}: needs a non-empty 'cassettes' list (example: cassettes: [{{name: x, calls: […]}}])")
    for i, cassette in enumerate(cassettes):
        where = f"{path}: cassettes[{i}]"
        if not isinstance(cassette, dict) or not isinstance(cassette.get("name"), str) or not cassette["name"]:
            raise ConfigError(f"{where}: needs a 'name' (example: name: chat_conversations.start.documented_example)")
        if "/" in cassette["name"] or cassette["name"].startswith("."):
            raise ConfigError(f"{where}.name: {cassette['name']!r} must be a plain file name without '/'")
        calls = cassette.get("calls")
        if not isinstance(calls, list) or not calls:
            raise ConfigError(f"{where}: needs a non-empty 'calls' list")
        for j, call in enumerate(calls):
            _check_call(f"{where}.calls[{j}]", call)
    return cassettes


def _check_call(where: str, call: Any) -> None:
    if not isinstance(call, dict) or ("endpoint" in call) == ("request" in call):
        raise ConfigError(f"{where}: needs exactly one of 'endpoint' or 'request' "
                          "(example: endpoint: chat_conversations.start)")
    if "request" in call:
        request = call["request"]
        if not isinstance(request, dict) or not isinstance(request.get("method"), str) \
                or not str(request.get("path", "")).startswith("/"):
            raise ConfigError(f"{where}.request: needs 'method' and a 'path' starting with / "
                              "(example: {method: POST, path: /api/chat_conversations/start})")
    if call.get("credentials", "right") not in ("right", "wrong", "none"):
        raise ConfigError(f"{where}.credentials: {call['credentials']!r} is not one of right, wrong, none")
    if "expect" in call and not isinstance(call["expect"], int):
        raise ConfigError(f"{where}.expect: must be an HTTP status number (example: expect: 200)")


def record_recipe(recipe: Path, out: Path, *, environ: Mapping[str, str] | None = None,
                  seed: int = 0, echo: Any = print) -> int:
    """Record every cassette of ``recipe`` into ``out``; returns the number of unexpected statuses."""
    env = os.environ if environ is None else environ
    cassettes = load_recipe(recipe)
    use_tenant = tenant_configured(env)
    target = "the tenant" if use_tenant else "a seeded sandbox"
    echo(f"recording {len(cassettes)} cassette(s) from {recipe} against {target} into {out}/")
    mismatches = 0
    for cassette in cassettes:
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
            client.session.headers.update({"User-Agent": f"thulium-explore/{__version__}",
                                           "Accept-Encoding": "gzip, deflate"})
            stack.enter_context(recorder(path, Mode.RECORD, catalog=client.catalog, secrets=[password, WRONG_PASSWORD]))
            captured: dict[str, Any] = {}
            for index, call in enumerate(cassette["calls"]):
                where = f"{recipe}: {cassette['name']}.calls[{index}]"
                status, line = _send(client, substitute(call, captured, where), user, password, captured)
                expected = call.get("expect")
                verdict = "" if expected is None else (" (as expected)" if status == expected
                                                       else f" (EXPECTED {expected})")
                mismatches += expected is not None and status != expected
                echo(f"{path}:{index} {line} -> {status}{verdict}")
    return mismatches


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

    return re.sub(r"\$\{(\w+)\}", one, value)


def _capture(answer: Any, captured: dict[str, Any]) -> None:
    """Remember the top-level scalar fields of a JSON object answer."""
    if isinstance(answer, dict):
        captured.update({k: v for k, v in answer.items() if isinstance(v, str | int | float)})


def _send(client: ThuliumClient, call: Mapping[str, Any], user: str, password: str,
          captured: dict[str, Any]) -> tuple[int, str]:
    """Send one recipe call; returns the status and a request line without the query string."""
    credentials = call.get("credentials", "right")
    if "endpoint" in call and credentials == "right":
        result = client.send(str(call["endpoint"]), dict(call.get("params") or {}))
        _capture(result.json, captured)
        endpoint = client.catalog[str(call["endpoint"])]
        return result.status, f"{endpoint.method} {endpoint.path}"
    if "endpoint" in call:
        endpoint = client.catalog[str(call["endpoint"])]
        from thulium_explore._params import to_wire

        wire = to_wire(endpoint, dict(call.get("params") or {}))
        method, path, query, body = wire.method, wire.path, list(wire.query), wire.body
    else:
        request = call["request"]
        method, path = str(request["method"]).upper(), str(request["path"])
        query = [(str(k), str(v)) for k, v in (request.get("query") or {}).items()]
        body = request.get("body")
        body = body.encode("utf-8") if isinstance(body, str) else None
    auth = None if credentials == "none" else (user, WRONG_PASSWORD if credentials == "wrong" else password)
    response = client.session.request(
        method, client.base_url + path, params=query, data=body or b"", auth=auth,
        headers={"Accept": "application/json", "Content-Type": "application/json; charset=utf-8"},
        timeout=client.timeout, verify=client.verify, allow_redirects=False,
    )
    with suppress(ValueError):
        _capture(response.json(), captured)
    return response.status_code, f"{method} {path}"


def setup_record(parser: argparse.ArgumentParser) -> None:
    """Flags of the ``record`` command."""
    parser.add_argument("recipe", help="recipe file (YAML), e.g. scripts/cassette_recipes.yaml")
    parser.add_argument("--out", default="cassettes", help="folder for the cassettes (default: cassettes)")
    parser.add_argument("--seed", type=int, default=0, help="sandbox seed (uuids, request ids; default 0)")


def run_record(args: argparse.Namespace) -> int:
    """Record the recipe; exit 1 when a status differs from what the recipe expects."""
    mismatches = record_recipe(Path(args.recipe), Path(args.out), seed=args.seed)
    if mismatches:
        print(f"{mismatches} answer(s) had another status than the recipe expects (see EXPECTED above)", flush=True)
    return 1 if mismatches else 0
