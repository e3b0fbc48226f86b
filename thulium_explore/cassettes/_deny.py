"""Deny by default: the rules for what no schema documents, secrets by name, and the allow-list.

* A JSON leaf (response body, request JSON body, query value) whose schema the endpoint does not
  document is not stored as received: the :class:`~thulium_explore.cassettes._scrub.Scrubber`
  replaces it by a placeholder of the same JSON type (``undocumented-1``…; an e-mail becomes
  ``person1@example.org``; an integer a consistent small fake; a number ``0.0``; booleans and null
  stay — one bit or nothing). Unless the allow-list names it.
* Values under a secret-looking name (:data:`SECRET_NAME`: ``password``, ``token``, ``access_token``,
  ``api_key``, ``secret``…) become ``REDACTED`` at any depth of a body and in any URL query, documented
  or not; the allow-list does not apply to them. ``Bearer …`` values become ``Bearer REDACTED``.

The allow-list syntax is ``ENDPOINT:PATH``: an endpoint id from the catalog (or ``*`` for every
request, also those no endpoint matches) and a JSON path from ``$`` with ``.name`` or ``["name"]``
keys, ``[N]`` for one array item and ``[*]`` for every item. For a response the path starts at the
body; for a request at its parameters (query and JSON body alike). Allowing an object or an array
allows everything in it. ``verify`` prints drift paths in this form (``$.address.street``).

>>> allow = AllowList.parse(["customers.get:$.note", "customers.list:$[*].address"])
>>> allow.allows("customers.get", ("note",)), allow.allows("customers.list", (3, "address", "city"))
(True, True)
>>> allow.allows("customers.get", ("pesel",))
False
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from thulium_explore._errors import ConfigError
from thulium_explore._wire._query import is_index, key_path
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.catalog._walk import child_schema, deref, item_schema

#: Thulium's error object: the documented body of every non-2xx answer, also for a path no endpoint has.
ERROR_SCHEMA_URI = "https://thulium-explore.example/schemas/common/error.json"
REDACTED = "REDACTED"
ANY_ENDPOINT = "*"
EXAMPLE = "customers.get:$.note (or customers.list:$[*].address, *:$.trace_id)"
#: Header names whose values are credentials: never stored.
SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-auth-token"}
)
SECRET_NAME = re.compile(r"(?i)(?:token|secret|passw(?:or)?d|passwd|api[-_]?key|apikey|credential)")
_BEARER = re.compile(r"(?i)\b(bearer)(\s+)(?!REDACTED\b)[A-Za-z0-9._~+/=-]+")
_SECRET_QUERY = re.compile(
    r"(?i)([?&;][^=&#\s\"'<>]*?(?:token|secret|passw(?:or)?d|passwd|api[-_]?key|apikey|credential)"
    r"[^=&#\s\"'<>]*=)(?!REDACTED\b)[^&#\s\"'<>]+"
)
_SEGMENT = re.compile(r"\.([A-Za-z_][\w-]*)|\[\*\]|\[(\d+)\]|\[\"([^\"]*)\"\]|\['([^']*)'\]")
STAR = "*"

Path = tuple[str | int, ...]


def is_secret_name(name: str) -> bool:
    """Whether a JSON key or query parameter name looks like it holds a credential."""
    return bool(SECRET_NAME.search(name))


def redact_secrets(text: str) -> str:
    """``Bearer …`` and secret-looking URL query values (``?token=…``) replaced in free text.

    >>> redact_secrets("https://x/login?token=abc&next=%2F, Bearer eyJ.x.y")
    'https://x/login?token=REDACTED&next=%2F, Bearer REDACTED'
    """
    if "=" in text:
        text = _SECRET_QUERY.sub(lambda m: m.group(1) + REDACTED, text)
    return _BEARER.sub(lambda m: m.group(1) + m.group(2) + REDACTED, text) if len(text) > 7 else text


def redact_all(value: Any) -> Any:
    """Every string and number under a secret name: strings ``REDACTED``, numbers 0; the shape stays."""
    if isinstance(value, dict):
        return {k: redact_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_all(v) for v in value]
    if isinstance(value, str):
        return REDACTED if value else value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return type(value)(0)
    return value


def parse_path(text: str) -> Path:
    """``$.a["b c"][*][0]`` → ``("a", "b c", "*", 0)``; ValueError when it is not that form."""
    if not text.startswith("$"):
        raise ValueError(text)
    parts: list[str | int] = []
    at = 1
    while at < len(text):
        found = _SEGMENT.match(text, at)
        if found is None:
            raise ValueError(text)
        name, index, dq, sq = found.groups()
        if index is not None:
            parts.append(int(index))
        elif name is not None or dq is not None or sq is not None:
            parts.append(name if name is not None else dq if dq is not None else sq)
        else:
            parts.append(STAR)
        at = found.end()
    return tuple(parts)


def _matches(pattern: Path, where: Path) -> bool:
    """``pattern`` names ``where`` or one of the containers holding it."""
    if len(pattern) > len(where):
        return False
    for want, got in zip(pattern, where, strict=False):
        if want == STAR:
            if not isinstance(got, int):
                return False
        elif want != got:
            return False
    return True


@dataclass(frozen=True)
class AllowList:
    """Paths stored verbatim although no schema documents them, by endpoint id."""

    by_endpoint: dict[str, tuple[Path, ...]] = field(default_factory=dict)
    entries: tuple[str, ...] = ()

    @classmethod
    def parse(cls, entries: Iterable[str], catalog: Catalog | None = None) -> AllowList:
        """Check every entry (one-line :class:`ConfigError` naming it, with an example) and index them."""
        found: dict[str, list[Path]] = {}
        kept: list[str] = []
        for entry in entries:
            endpoint, sep, path_text = str(entry).partition(":")
            endpoint, path_text = endpoint.strip(), path_text.strip()
            problem = None
            if not sep or not endpoint:
                problem = "expected ENDPOINT:PATH"
            elif endpoint != ANY_ENDPOINT and catalog is not None and endpoint not in catalog:
                problem = f"no endpoint {endpoint!r} in the catalog"
            if problem is None:
                try:
                    path = parse_path(path_text)
                except ValueError:
                    problem = 'the path must be a JSON path from $ (.name, ["name"], [N], [*])'
            if problem is not None:
                raise ConfigError(f"allow {entry!r}: {problem} (example: {EXAMPLE})")
            found.setdefault(endpoint, []).append(path)
            kept.append(f"{endpoint}:{path_text}")
        return cls({k: tuple(v) for k, v in found.items()}, tuple(kept))

    def __bool__(self) -> bool:
        return bool(self.by_endpoint)

    def patterns(self, endpoint_id: str | None) -> tuple[Path, ...]:
        """The paths allowed for ``endpoint_id`` (None: a request no endpoint matches)."""
        own = self.by_endpoint.get(endpoint_id, ()) if endpoint_id is not None else ()
        return own + self.by_endpoint.get(ANY_ENDPOINT, ())

    def allows(self, endpoint_id: str | None, where: Path) -> bool:
        return allowed_in(self.patterns(endpoint_id), where)


def allowed_in(patterns: tuple[Path, ...], where: Path) -> bool:
    """Whether one of ``patterns`` (from :meth:`AllowList.patterns`) names ``where`` or a container of it."""
    return any(_matches(p, where) for p in patterns)


# -- where a request's parts sit in the parameters schema ------------------------------------


def query_where(name: str) -> Path:
    """Query parameter ``a[k][0]`` as an allow-list path: ``("a", "k", 0)``."""
    segments = key_path(name) or [name.partition("[")[0]]
    return tuple(int(s or 0) if i and (is_index(s) or not s) else s for i, s in enumerate(segments))


def query_kind(schema: Any, resolver: Any, name: str) -> str | None:
    """The ``x-sensitive`` kind of query parameter ``name`` (``a``, ``a[]``, ``a[k][0]``), if any."""
    return query_lookup(schema, resolver, name)[1]


def query_lookup(schema: Any, resolver: Any, name: str) -> tuple[bool, str | None]:
    """Whether the parameters schema documents query parameter ``name``, and its ``x-sensitive`` kind."""
    segments = key_path(name) or [name.partition("[")[0]]  # malformed: the name before "[" decides (scrub more)
    kind: str | None = None
    if resolver is None:
        return False, None
    for i, segment in enumerate(segments):
        if resolver is None or not schema:
            break
        found = item_schema(schema, resolver, int(segment or 0)) if i and is_index(segment) else ({}, resolver)
        # a number is an index where the schema has items, else a key (custom_fields[2024][0])
        schema, resolver = found if found[0] else child_schema(schema, resolver, segment)
        schema, resolver = deref(schema, resolver)
        kind = kind or (schema.get("x-sensitive") if isinstance(schema, Mapping) else None)
    return bool(schema), str(kind) if kind else None


def path_kinds(endpoint: Endpoint, schema: Any, resolver: Any) -> dict[str, str]:
    """Path parameter name → ``x-sensitive`` kind, for the sensitive ones."""
    out: dict[str, str] = {}
    for param in endpoint.parameters:
        if param.location == "path":
            sub, _ = deref(*child_schema(schema, resolver, param.name))
            kind = sub.get("x-sensitive") if isinstance(sub, Mapping) else None
            if kind:
                out[param.name] = str(kind)
    return out


def response_schema_uri(endpoint: Endpoint | None, status: int) -> str | None:
    """The documented body schema of an answer; for a path no endpoint has, the error object of a non-2xx."""
    spec = endpoint.response_for(status) if endpoint else None
    if spec and spec.schema_uri:
        return spec.schema_uri
    return ERROR_SCHEMA_URI if endpoint is None and status >= 400 else None


def is_json(body: bytes | None) -> bool:
    """Whether ``body`` is JSON text (so a body that would not decompress had arrived decoded already)."""
    try:
        json.loads(body or b"")
    except ValueError:
        return False
    return True


def same_types(a: Any, b: Any) -> bool:
    """``==`` says 1 == 1.0 == True; a changed type still counts as a change."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return all(same_types(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return all(same_types(x, y) for x, y in zip(a, b, strict=True))
    return True
