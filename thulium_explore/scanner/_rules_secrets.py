"""Credential rules: what in a string gives a password, a token or a key away.

Each rule yields ``(index in text, text to locate, message)``; messages never repeat the secret.
JWTs are confirmed and private keys recognised by detect-secrets' own detectors (its JWT validator
and its list of private-key headers); the candidate patterns here are possessive (no backtracking),
so a hostile 1 MB line costs one pass.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator

from detect_secrets.plugins.jwt import JwtTokenDetector
from detect_secrets.plugins.private_key import PrivateKeyDetector

Hit = tuple[int, str, str]

_URL_CREDENTIALS = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*+://([^\s/?#@:'\"<>]++):([^\s/?#@'\"<>]++)@")
_BASIC = re.compile(r"(?i)\bbasic\s++([A-Za-z0-9+/_-]{4,}+={0,2})")
_CURL_USER = re.compile(r"(?:^|\s)(?:-u|--user)[\s=]++['\"]?([^\s'\":]++):([^\s'\"]++)")
_HEADER_TEXT = re.compile(
    r"(?i)(?<![\w-])(proxy-authorization|authorization|set-cookie|cookie)['\"]?\s*+:\s*+(?:\[\s*+|-\s++)?['\"]?"
    r"(?:(?:basic|bearer|digest|token)\s++)?([^\s'\",\]}]++)"
)
_BEARER = re.compile(r"(?i)(?<![\w-])bearer\s++([A-Za-z0-9._~+/-]{8,}+=*+)")
_JWT = re.compile(r"(?<![\w-])eyJ[\w=-]++\.[\w=-]++\.?+[\w.+/=-]*+")
#: ``key=value`` (URLs, form bodies) and ``"key": "value"`` (JSON in text) for these key names
_KEYWORDS = r"password|passwd|pwd|access[_-]?token|refresh[_-]?token|token|secret|api[_-]?key"
_KEYWORD_VALUE = re.compile(
    rf"(?i)(?<![A-Za-z0-9])((?:client[_-]|auth[_-])?(?:{_KEYWORDS}))(?:=|[\"']\s*+:\s*+[\"'])([^\"'&\s#;,]++)"
)
#: a header or field that carries Basic credentials, bare base64 or ``Basic …``
_CREDENTIAL_FIELD = re.compile(
    r"(?i)(?<![\w-])(?:proxy-)?(authorization|credentials)[\"']?\s*+[:=]\s*+[\"']?([A-Za-z0-9+/_-]{8,}+={0,2})"
)
_SECRET_KEY_NAMES = re.compile(rf"(?i)(?:^|[_-])(?:{_KEYWORDS})$")
_PLACEHOLDER = re.compile(
    r"^(?:\$\{?\w+\}?|\{\{?[^{}]*\}?\}|<[^<>]*>|%\(\w+\)s|\*+|x+|\.{3}|…|redacted|scrubbed|filtered|password"
    r"|none|null|true|false)$",
    re.IGNORECASE,
)
_PRIVATE_KEY = PrivateKeyDetector.denylist
_CREDENTIAL_FIELDS = frozenset({"authorization", "proxy-authorization", "credentials", "x-credentials"})


def placeholder(secret: str) -> bool:
    """True for what stands in for a secret: ``***``, ``<password>``, ``$VAR``, ``{{var}}``, empty."""
    secret = secret.strip("'\" ")
    return not secret or bool(_PLACEHOLDER.match(secret))


def secret_key(name: str) -> bool:
    """A JSON/YAML key whose value is a secret: ``password``, ``client_secret``, ``access_token``, ``api-key``…"""
    return bool(_SECRET_KEY_NAMES.search(name)) and not name.lower().endswith(("token_type", "_tokens"))


def credential_field(name: str) -> bool:
    """A header or field named for credentials, whose bare value may be base64 of ``user:password``."""
    return name.lower() in _CREDENTIAL_FIELDS


def basic_credentials(token: str) -> str | None:
    """The decoded ``user:password`` of a Basic token, or None when it is not one."""
    token = token.strip()
    if len(token) < 8 or len(token) > 4096:
        return None
    padded = token + "=" * (-len(token) % 4)
    try:
        raw = base64.b64decode(padded, altchars=b"-_" if ("-" in token or "_" in token) else None, validate=True)
        text = raw.decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    if ":" not in text or not text.isprintable() or text.startswith(":"):
        return None
    return text


def basic_message(value: str) -> str | None:
    """The finding for a bare ``user:password`` in base64 (a credentials field's value), or None."""
    user_password = basic_credentials(value.removeprefix("Basic ").removeprefix("basic "))
    if user_password is None or placeholder(user_password.split(":", 1)[1]):
        return None
    return "Basic credentials (base64 of user:password)"


def secret_rules(text: str, *, headers: bool, code: bool = False) -> Iterator[Hit]:
    """Credential findings in ``text``; ``headers``: header-like text counts; ``code``: notebook source."""
    if "@" in text:
        for m in _URL_CREDENTIALS.finditer(text):
            if not placeholder(m.group(2)):
                yield m.start(), m.group(1), "user:password in a URL"
    if "-u" in text:
        for m in _CURL_USER.finditer(text):
            if not placeholder(m.group(2)):
                yield m.start(), m.group(1), "user:password given to curl -u"
    if "asic" in text or "ASIC" in text:
        for m in _BASIC.finditer(text):
            if basic_message(m.group(1)):
                yield m.start(), m.group(1), "Basic credentials (base64 of user:password)"
    if headers:
        for m in _HEADER_TEXT.finditer(text):
            if not placeholder(m.group(2)):
                yield m.start(), m.group(2), f"{m.group(1)} header value in text"
    lowered = text.lower() if len(text) < 10_000_000 else ""
    if "bearer" in lowered:
        for m in _BEARER.finditer(text):
            if not placeholder(m.group(1)):
                yield (
                    m.start(),
                    m.group(1),
                    "Bearer token (scrub it: Bearer ***, or drop the header: vcrpy filter_headers)",
                )
    if "eyJ" in text:
        for m in _JWT.finditer(text):
            if "." in m.group(0) and JwtTokenDetector.is_formally_valid(m.group(0)):
                yield m.start(), m.group(0)[:12], "JSON Web Token (scrub it: <jwt>)"
    if "PRIVATE KEY" in text or "PuTTY-User-Key" in text:
        for pattern in _PRIVATE_KEY:
            for m in pattern.finditer(text):
                message = "private key (PEM) (never commit a key; load it from a file outside the repository)"
                yield m.start(), m.group(0), message
    if not code and ("=" in text or ":" in text):
        for m in _KEYWORD_VALUE.finditer(text):
            key, value = m.group(1), m.group(2)
            if placeholder(value) or value.startswith("/"):
                continue
            if m.group(0)[len(key)] == "=":
                yield m.start(), m.group(0), f"{key.lower()}=… in a URL or form body (scrub it: {key.lower()}=***)"
            else:
                yield m.start(), value, f'"{key}" holds a value (scrub it: "{key}": "***")'
    if not code and ("uthorization" in text or "redentials" in text or "UTHORIZATION" in text):
        for m in _CREDENTIAL_FIELD.finditer(text):
            if basic_message(m.group(2)):
                yield m.start(), m.group(2), "Basic credentials (base64 of user:password)"
