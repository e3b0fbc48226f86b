"""Synthesised vcrpy cassettes: realistic, varied, conforming interactions for every catalog endpoint.

Each interaction starts from an endpoint's documented example request and example response, then
varies them (fresh UUIDs, other ids and counts) so that no two interactions are byte-identical, as
in a real recording; a variant that no longer fits the schema falls back to the documented
example. About one in ten answers is an error object (400/401/404/422). Files are written with
vcrpy's own serializer, so they are exactly what vcrpy records.
"""

from __future__ import annotations

import json
import random
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

HOST = "https://your-system-name.thulium.com"
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_WORD = re.compile(r"^[A-Za-z]+$")
_ERRORS = ((400, "Bad Request"), (401, "Unauthorized"), (404, "Not Found"), (422, "Unprocessable Entity"))
_REASONS = {200: "OK", 201: "Created", 204: "No Content"}


@dataclass(frozen=True)
class Template:
    """One endpoint's documented example request and success answer, with their validators."""

    endpoint: Any
    params: dict[str, Any]
    status: int
    body: Any  # None for an empty body
    params_validator: Any
    body_validator: Any


def templates(catalog: Any) -> list[Template]:
    """A template for every endpoint with a documented example request and 2xx answer."""
    resolver = catalog.registry.resolver()
    out: list[Template] = []
    for endpoint in catalog:
        params = endpoint.example_parameters()
        params_validator = catalog.validator(endpoint.parameters_uri)
        if not params_validator.is_valid(params):
            continue
        success = sorted((s, spec) for s, spec in endpoint.responses.items() if s.startswith("2"))
        if not success:
            continue
        status, spec = success[0]
        if spec.body == "empty":
            out.append(Template(endpoint, params, int(status), None, params_validator, None))
            continue
        schema = resolver.lookup(spec.schema_uri).contents
        examples = schema.get("examples") if isinstance(schema, dict) else None
        validator = catalog.validator(spec.schema_uri)
        if examples and validator.is_valid(examples[0]):
            out.append(Template(endpoint, params, int(status), examples[0], params_validator, validator))
    return out


def _vary(value: Any, rng: random.Random, words: bool = False) -> Any:
    """Fresh UUIDs, other integers and digit-string ids (and with ``words``, suffixed names)."""
    if isinstance(value, dict):
        return {k: _vary(v, rng, words) for k, v in value.items()}
    if isinstance(value, list):
        return [_vary(v, rng, words) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return rng.randint(1, 100)
    if isinstance(value, str):
        if _UUID.match(value):
            return str(uuid.UUID(int=rng.getrandbits(128), version=4))
        if value.isdigit():
            return str(rng.randint(1, 9_999))
        if words and _WORD.match(value):
            return f"{value}{rng.randint(1, 999)}"
    return value


def _variant(example: Any, validator: Any, rng: random.Random) -> Any:
    """A varied copy of ``example`` that still fits the schema: names too, else ids only, else as documented."""
    for words in (True, False):
        candidate = _vary(example, rng, words)
        if validator.is_valid(candidate):
            return candidate
    return example


def _interaction(template: Template, rng: random.Random) -> tuple[Any, dict[str, Any]]:
    """One vcrpy (Request, response dict) pair."""
    from vcr.request import Request

    from thulium_explore._wire import _params

    params = _variant(template.params, template.params_validator, rng)
    wire = _params.to_wire(template.endpoint, params)
    uri = HOST + wire.path + (f"?{urlencode(wire.query)}" if wire.query else "")
    request_headers = {
        "Accept": "application/json",
        "Content-Type": wire.content_type,
        "User-Agent": "python-requests/2.32.4",
        "Connection": "keep-alive",
    }
    if wire.body:
        request_headers["Content-Length"] = str(len(wire.body))
    request = Request(wire.method, uri, wire.body, request_headers)
    if rng.random() < 0.1:
        status, reason = rng.choice(_ERRORS)
        body: Any = {
            "request_id": f"{rng.getrandbits(52):013x}",
            "errors": [{"message": "The request could not be processed.", "code": rng.randint(100, 999)}],
        }
    else:
        status, reason = template.status, _REASONS.get(template.status, "OK")
        body = None if template.body is None else _variant(template.body, template.body_validator, rng)
    payload = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    response_headers = {
        "Content-Type": ["application/json; charset=utf-8"],
        "Content-Length": [str(len(payload))],
        "Date": ["Mon, 24 Nov 2025 10:30:44 GMT"],
        "Server": ["nginx"],
        "Cache-Control": ["no-cache, private"],
        "Connection": ["keep-alive"],
    }
    response = {"status": {"code": status, "message": reason}, "headers": response_headers, "body": {"string": payload}}
    return request, response


def interactions(catalog: Any, count: int, seed: int = 6) -> Iterator[tuple[Any, dict[str, Any]]]:
    """``count`` varied interactions, endpoints drawn at random (seeded, so every run is the same)."""
    rng = random.Random(seed)
    pool = templates(catalog)
    if not pool:
        raise RuntimeError("no catalog endpoint has a documented example request and answer")
    for _ in range(count):
        yield _interaction(rng.choice(pool), rng)


def write_cassettes(folder: Path, catalog: Any, cassettes: int, per_cassette: int) -> list[Path]:
    """``cassettes`` YAML files of ``per_cassette`` interactions each, in vcrpy's own format."""
    from vcr.persisters.filesystem import FilesystemPersister
    from vcr.serializers import yamlserializer

    folder.mkdir(parents=True, exist_ok=True)
    stream = interactions(catalog, cassettes * per_cassette)
    paths = []
    for i in range(cassettes):
        pairs = [next(stream) for _ in range(per_cassette)]
        path = folder / f"cassette_{i:03d}.yaml"
        FilesystemPersister.save_cassette(
            path, {"requests": [p[0] for p in pairs], "responses": [p[1] for p in pairs]}, yamlserializer
        )
        paths.append(path)
    return paths


def replay_cassette(path: Path, base_url: str, size: int, endpoint_id: str = "chat_conversations.start") -> list[str]:
    """A cassette of ``size`` distinct calls of one endpoint (distinct ``client_id``); returns their URLs."""
    from vcr.persisters.filesystem import FilesystemPersister
    from vcr.request import Request
    from vcr.serializers import yamlserializer

    requests_, responses, urls = [], [], []
    for i in range(size):
        url = f"{base_url}/api/chat_conversations/start?chat_queue_id=3&client_id=c{i:05d}"
        body = json.dumps({"conversation_id": str(uuid.UUID(int=i + 1, version=4))}).encode()
        requests_.append(
            Request("POST", url, b"", {"Accept": "application/json", "Content-Type": "application/json; charset=utf-8"})
        )
        responses.append(
            {
                "status": {"code": 200, "message": "OK"},
                "headers": {"Content-Type": ["application/json"], "Content-Length": [str(len(body))]},
                "body": {"string": body},
            }
        )
        urls.append(url)
    FilesystemPersister.save_cassette(path, {"requests": requests_, "responses": responses}, yamlserializer)
    return urls
