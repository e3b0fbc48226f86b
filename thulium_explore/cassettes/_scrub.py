"""Scrubbing: what a recording must lose before anything is written.

Applied to every interaction before it reaches a cassette:

* the ``Authorization``, ``Proxy-Authorization``, ``Cookie``, ``Set-Cookie``, ``X-Api-Key`` and
  ``X-Auth-Token`` headers are dropped; ``Bearer …`` values and secret-looking URL query values
  (``?token=``, ``api_key=``…) become ``REDACTED`` in every other header and text, and so does every
  value under a secret-looking key (``password``, ``token``, ``secret``…) at any depth of a body;
* the tenant's origin becomes ``https://your-system-name.thulium.com`` (the docs' placeholder);
* personal data is replaced by placeholders, driven by the schemas' ``x-sensitive`` annotation
  (query strings, path segments and JSON bodies, request and response): e-mails become
  ``person1@example.org``, digit strings keep their length (``000000001``), other text becomes
  ``FirstName1``, ``Surname1``… — the same real value always gets the same placeholder within one
  :class:`Scrubber` (one cassette);
* every real value seen so far, and every secret passed in, is also replaced wherever else it turns up
  (an error message that echoes a parameter, a ``Location`` header), as are e-mail addresses outside
  the reserved example domains;
* deny by default (:mod:`._deny`): every string or number the endpoint's schema does not document
  (response body, request JSON body, query value) becomes a placeholder of the same JSON type
  (``undocumented-1``, a small fake integer, ``0.0``) unless ``allow`` names its path;
* gzip/deflate bodies are stored decoded, without ``Content-Encoding`` (also when the body arrives
  already decoded).

>>> scrubber = Scrubber()
>>> scrubber.placeholder("email", "Jan.Kowalski@firma.pl"), scrubber.placeholder("email", "jan.kowalski@firma.pl")
('person1@example.org', 'person1@example.org')
"""

from __future__ import annotations

import base64
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, quote_plus, unquote, urlencode, urlsplit, urlunsplit

from thulium_explore._wire._body import BodyError, charset_of, content_coding, decompress, header
from thulium_explore.cassettes._deny import (
    REDACTED,
    SECRET_HEADERS,
    AllowList,
    Path,
    allowed_in,
    is_json,
    is_secret_name,
    path_kinds,
    query_lookup,
    query_where,
    redact_all,
    redact_secrets,
    response_schema_uri,
    same_types,
)
from thulium_explore.catalog._catalog import Catalog, default_catalog
from thulium_explore.catalog._formats import is_email, is_reserved_email, replace_emails, replace_encoded_emails
from thulium_explore.catalog._model import Endpoint
from thulium_explore.catalog._walk import child_schema, deref, item_schema

PLACEHOLDER_HOST = "your-system-name.thulium.com"
PLACEHOLDER_ORIGIN = f"https://{PLACEHOLDER_HOST}"
DROPPED_HEADERS = SECRET_HEADERS
_PHONEISH = re.compile(r"^\+?[\d\s().-]{6,}$")
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_WORD = re.compile(r"\w")
_MIN_TEXT_LENGTH = 3  # shorter values are replaced where the schema marks them, not in free text
_MIN_ECHO_DIGITS = 6  # an undocumented integer this long is also replaced where it is echoed in text


def _camel(kind: str) -> str:
    """``first_name`` → ``FirstName``."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", kind) if part) or "Value"


@dataclass(frozen=True)
class ScrubbedRequest:
    """A request as it may be stored: origin rewritten, credentials gone, personal data replaced."""

    method: str
    uri: str
    headers: dict[str, str]
    body: bytes | None
    endpoint: Endpoint | None


class Scrubber:
    """Scrubs one cassette's interactions; keeps the real → placeholder map for that cassette only.

    >>> s = Scrubber(secrets=["s3cret"])
    >>> s.text("password s3cret, mail ala@firma.pl")
    'password REDACTED, mail person1@example.org'
    """

    def __init__(
        self, catalog: Catalog | None = None, *, secrets: Iterable[str] = (), allow: Iterable[str] = ()
    ) -> None:
        self.catalog = catalog or default_catalog()
        self.allow = AllowList.parse(allow, self.catalog)  # a malformed entry fails here, before anything is sent
        self._by_real: dict[tuple[str, str], str] = {}  # (family, normalised real) → placeholder
        self._counters: Counter[str] = Counter()
        self._issued: set[str] = set()
        self._known: dict[str, str] = {}  # real text → replacement, for the free-text pass
        self._first: dict[str, int] = {}  # first token of a known text → most tokens of one starting so
        self._schemas: dict[str, tuple[Any, Any]] = {}
        for secret in secrets:
            if secret:
                self._remember(secret, REDACTED)

    # -- placeholders -------------------------------------------------------------------------

    def placeholder(self, kind: str, value: str) -> str:
        """The placeholder for ``value`` of personal-data ``kind``; placeholders map to themselves."""
        if value in self._issued or not value.strip():
            return value
        if is_email(value):
            family, key = "email", value.strip().lower()
        elif kind == "phone" or (_PHONEISH.match(value) and sum(c.isdigit() for c in value) >= 6):
            family, key = "digits:" + kind, re.sub(r"\D", "", value)
        elif value.isdigit():
            family, key = "digits:" + kind, value
        else:
            family, key = "text:" + kind, value.strip()
        found = self._by_real.get((family, key))
        if found is None:
            self._counters[family] += 1
            n = self._counters[family]
            if family == "email":
                found = f"person{n}@example.org"
            elif family.startswith("digits:"):
                width = max(len(re.sub(r"\D", "", value)), 4)
                found = ("+" if value.strip().startswith("+") else "") + str(n).zfill(width)
            else:
                found = f"{_camel(kind)}{n}"
            self._by_real[(family, key)] = found
            self._issued.add(found)
        self._remember(value, found)
        return found

    def undocumented(self, value: Any) -> Any:
        """A value no schema documents: the same JSON type, never the value (booleans and null stay).

        >>> s = Scrubber()
        >>> s.undocumented("44051401359"), s.undocumented(987654), s.undocumented(3.25), s.undocumented(True)
        ('undocumented-1', 1, 0.0, True)
        """
        if isinstance(value, str):
            if value in self._issued or not value.strip():
                return value
            if is_email(value):
                return self.placeholder("email", value)
            key = ("undocumented", value)
            found = self._by_real.get(key)
            if found is None:
                self._counters["undocumented"] += 1
                found = self._by_real[key] = f"undocumented-{self._counters['undocumented']}"
                self._issued.add(found)
            self._remember(value, found)
            return found
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, int):
            key = ("undocumented-int", str(value))
            if key not in self._by_real:
                self._counters["undocumented-int"] += 1
                self._by_real[key] = str(self._counters["undocumented-int"])
            if len(str(abs(value))) >= _MIN_ECHO_DIGITS:
                self._remember(str(value), self._by_real[key])
            return int(self._by_real[key])
        return 0.0 if isinstance(value, float) else value

    def _remember(self, real: str, replacement: str) -> None:
        """Also replace ``real`` (and its escaped forms) wherever it turns up in free text."""
        if len(real) < _MIN_TEXT_LENGTH or real in self._known or real == replacement:
            return
        encoded = quote(real, safe="")
        forms = {
            real,
            json.dumps(real)[1:-1],
            encoded,
            quote_plus(real, safe=""),
            re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), encoded),
            base64.b64encode(real.encode()).decode(),
        }
        for form in forms:
            if form not in self._known:
                self._known[form] = replacement
                tokens = _TOKEN.findall(form)
                self._first[tokens[0]] = max(self._first.get(tokens[0], 0), len(tokens))

    def text(self, text: str) -> str:
        """Free text with every known real value, secret and non-example e-mail replaced."""
        if not text:
            return text
        if self._known:
            text = self._replace_known(text)
        text = redact_secrets(text)
        mask = self._mask_email
        return replace_emails(replace_encoded_emails(text, mask), mask)  # also jan.nowak%40firma.pl in a URL

    def _mask_email(self, address: str) -> str:
        return address if is_reserved_email(address) else self.placeholder("email", address)

    def _replace_known(self, text: str) -> str:
        """Replace known texts, longest first, not inside a word: one dict lookup per token, no regex rebuilds."""
        spans = [m.span() for m in _TOKEN.finditer(text)]
        out: list[str] = []
        last = i = 0
        while i < len(spans):
            start = spans[i][0]
            most = self._first.get(text[start : spans[i][1]], 0)
            if most and not (start and _WORD.match(text[start - 1])):
                for j in range(min(len(spans), i + most) - 1, i - 1, -1):
                    end = spans[j][1]
                    replacement = self._known.get(text[start:end])
                    if replacement is not None and not (end < len(text) and _WORD.match(text[end])):
                        out += [text[last:start], replacement]
                        last, i = end, j
                        break
            i += 1
        return "".join(out) + text[last:] if out else text

    # -- schemas ------------------------------------------------------------------------------

    def resolved(self, uri: str) -> tuple[Any, Any]:
        """The schema at ``uri`` and its resolver, looked up once."""
        found = self._schemas.get(uri)
        if found is None:
            resolved = self.catalog.registry.resolver().lookup(uri)
            found = self._schemas[uri] = (resolved.contents, resolved.resolver)
        return found

    def walk(
        self,
        value: Any,
        schema: Any,
        resolver: Any,
        kind: str | None = None,
        *,
        endpoint_id: str | None = None,
        where: Path = (),
        allowed: tuple[Path, ...] | bool | None = None,
    ) -> Any:
        """``value`` scrubbed: secrets by key, ``x-sensitive`` leaves by kind, leaves no schema documents by
        JSON type unless the allow-list names them, all other text as free text.

        ``allowed``: None looks up ``endpoint_id``'s allow-list; True means all of ``value`` is allowed.
        """
        schema, resolver = deref(schema, resolver)
        kind = kind or (schema.get("x-sensitive") if isinstance(schema, Mapping) else None)
        patterns = self.allow.patterns(endpoint_id) if allowed is None else allowed
        if isinstance(patterns, tuple) and patterns and allowed_in(patterns, where):
            patterns = True
        if isinstance(value, dict):
            names = schema.get("propertyNames") if isinstance(schema, Mapping) else None
            key_kind = names.get("x-sensitive") if isinstance(names, Mapping) else None  # keys that are personal data
            return {
                (self.placeholder(str(key_kind), k) if key_kind else k): redact_all(v)
                if is_secret_name(k)
                else self.walk(v, *child_schema(schema, resolver, k), kind, where=(*where, k), allowed=patterns)
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [
                self.walk(v, *item_schema(schema, resolver, i), kind, where=(*where, i), allowed=patterns)
                for i, v in enumerate(value)
            ]
        documented = bool(schema) or patterns is True
        if isinstance(value, str):
            if kind:
                return self.placeholder(str(kind), value)
            return self.text(value) if documented else self.undocumented(value)
        if kind and isinstance(value, int) and not isinstance(value, bool):
            masked = int(self.placeholder(str(kind), str(abs(value))).lstrip("+"))
            return -masked if value < 0 else masked
        return value if documented else self.undocumented(value)

    # -- requests -----------------------------------------------------------------------------

    def request(self, method: str, uri: str, headers: Mapping[str, Any], body: bytes | str | None) -> ScrubbedRequest:
        """The storable form of one request."""
        parts = urlsplit(uri)
        if parts.hostname:
            if parts.port:
                self._remember(f"{parts.hostname}:{parts.port}", PLACEHOLDER_HOST)
            self._remember(parts.hostname, PLACEHOLDER_HOST)
        found = self.catalog.match(method, parts.path)
        endpoint = found[0] if found else None
        schema, resolver = self.resolved(endpoint.parameters_uri) if endpoint else ({}, None)
        path = self._path(endpoint, parts.path, schema, resolver)
        endpoint_id = endpoint.id if endpoint else None
        pairs = [
            (name, self._query_value(name, value, schema, resolver, endpoint_id))
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
        ]
        query = urlencode(pairs, quote_via=quote, safe="[]")
        new_uri = urlunsplit(("https", PLACEHOLDER_HOST, path, query, ""))
        raw = body.encode("utf-8") if isinstance(body, str) else body
        content_type = header(headers, "content-type") or ""
        new_body = self._request_body(endpoint, raw, content_type, schema, resolver)
        new_headers: dict[str, str] = {}
        for name, value in headers.items():
            lower = name.lower()
            if lower in DROPPED_HEADERS:
                continue
            text = ", ".join(value) if isinstance(value, list | tuple) else str(value)
            if lower == "host":
                text = PLACEHOLDER_HOST
            elif lower == "content-length" and raw is not None:
                text = str(len(new_body or b""))
            new_headers[name] = self.text(text)
        return ScrubbedRequest(method.upper(), new_uri, new_headers, new_body, endpoint)

    def _path(self, endpoint: Endpoint | None, path: str, schema: Any, resolver: Any) -> str:
        """Sensitive path values replaced (by the schema), then every segment's free text."""
        if endpoint is not None:
            matched = endpoint.path_regex.match(path)
            if matched:
                kinds = path_kinds(endpoint, schema, resolver)
                for name in sorted(kinds, key=matched.start, reverse=True):
                    new = quote(self.placeholder(kinds[name], unquote(matched.group(name))), safe="")
                    path = path[: matched.start(name)] + new + path[matched.end(name) :]
        return "/".join(quote(self.text(unquote(segment)), safe="@:+,;=!$'()*&[]") for segment in path.split("/"))

    def _query_value(self, name: str, value: str, schema: Any, resolver: Any, endpoint_id: str | None) -> str:
        """One query value: REDACTED under a secret name, a placeholder when its schema is sensitive or
        missing (unless allowed), else scrubbed free text."""
        if is_secret_name(name):
            return REDACTED if value else value
        documented, kind = query_lookup(schema, resolver, name)
        if kind:
            return self.placeholder(kind, value)
        if documented or self.allow.allows(endpoint_id, query_where(name)):
            return self.text(value)
        return str(self.undocumented(value))

    def _request_body(
        self, endpoint: Endpoint | None, body: bytes | None, content_type: str, schema: Any, resolver: Any
    ) -> bytes | None:
        """A JSON body walked with the parameter schema; text scrubbed; opaque bytes not stored."""
        if not body:
            return body
        if endpoint is not None and endpoint.request_body == "raw":
            return f"<{len(body)} bytes of {content_type or 'raw data'}: not stored>".encode()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return f"<{len(body)} bytes of {content_type or 'binary data'}: not stored>".encode()
        return self._json_or_text(text, schema, resolver, endpoint.id if endpoint else None).encode("utf-8")

    def _json_or_text(self, text: str, schema: Any, resolver: Any, endpoint_id: str | None) -> str:
        """Re-serialised JSON if anything changed (else the original text), or scrubbed text; a BOM is kept."""
        if text.startswith("\ufeff"):  # scrubbed by the schema like the JSON after it, then put back
            return "\ufeff" + self._json_or_text(text[1:], schema, resolver, endpoint_id)
        try:
            value = json.loads(text)
        except ValueError:
            return self.text(text)
        new = self.walk(value, schema, resolver, endpoint_id=endpoint_id)
        if new == value and same_types(new, value):
            return text
        return json.dumps(new, ensure_ascii=False)

    # -- responses ----------------------------------------------------------------------------

    def response(
        self, endpoint: Endpoint | None, status: int, headers: Mapping[str, list[str]], body: bytes | None
    ) -> tuple[dict[str, list[str]], bytes | None]:
        """The storable headers (sorted by name: clients collect them in no fixed order) and body of one
        response (decoded, scrubbed by the response schema)."""
        try:
            decoded = decompress(body, content_coding(headers)) if body else body
            keep_encoding = False
        except BodyError:  # an encoding we cannot undo (or a corrupt stream): store as received,
            decoded, keep_encoding = body, not is_json(body)  # unless it arrived decoded already (JSON)
        new_body = decoded
        if decoded:
            uri = response_schema_uri(endpoint, status)
            try:
                schema, resolver = self.resolved(uri) if uri else ({}, None)
            except Exception:  # a custom catalog without the common error object: nothing documented
                schema, resolver = {}, None
            charset = charset_of(header(headers, "content-type")) or "utf-8"
            try:
                text = decoded.decode(charset)
            except (UnicodeDecodeError, LookupError):
                text = None
            if text is not None:
                new_body = self._json_or_text(text, schema, resolver, endpoint.id if endpoint else None).encode(charset)
        new_headers: dict[str, list[str]] = {}
        for name, values in sorted(headers.items(), key=lambda item: item[0].lower()):
            lower = name.lower()
            if lower in DROPPED_HEADERS or (lower == "content-encoding" and not keep_encoding):
                continue
            if lower == "content-length" and new_body is not None:
                new_headers[name] = [str(len(new_body))]
                continue
            new_headers[name] = [self.text(str(v)) for v in (values if isinstance(values, list) else [values])]
        return new_headers, new_body
