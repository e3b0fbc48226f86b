"""Find secrets and personal data in cassettes and notebooks before they reach git.

>>> from thulium_explore import scan
>>> report = scan(["cassettes/", "notebooks/"])  # doctest: +SKIP
>>> print("\\n".join(report.lines()))  # doctest: +SKIP
cassettes/start.yaml:14: Authorization header is stored (drop it before writing: vcrpy filter_headers)
scan: 1 finding in 1 of 4 files

Flags Authorization / Proxy-Authorization / Cookie / Set-Cookie headers, ``user:password`` in
URLs and in ``curl -u``, ``Basic`` values that decode to ``user:password``, e-mail addresses
outside the reserved example domains (RFC 2606 / 6761), and notebooks with saved widget state.
Findings name the file and the real line; they never repeat the secret itself.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from thulium_explore._errors import ScanError
from thulium_explore._wire._body import sniff_decompress
from thulium_explore.catalog._formats import find_emails, is_reserved_domain
from thulium_explore.scanner._locate import Occurrence, json_strings, yaml_strings

SCANNED_SUFFIXES = (".yaml", ".yml", ".json", ".ipynb")
SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})

_URL_CREDENTIALS = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://([^\s/?#@:'\"<>]+):([^\s/?#@'\"<>]+)@")
_BASIC = re.compile(r"(?i)\bbasic\s+([A-Za-z0-9+/_-]{4,}={0,2})")
_CURL_USER = re.compile(r"(?:^|\s)(?:-u|--user)[\s=]+['\"]?([^\s'\":]+):([^\s'\"]+)")
_HEADER_TEXT = re.compile(
    r"(?i)(?<![\w-])(proxy-authorization|authorization|set-cookie|cookie)['\"]?\s*:\s*(?:\[\s*|-\s+)?['\"]?"
    r"([^\s'\",\]}]+)"
)
_PLACEHOLDER = re.compile(r"^(?:\$\{?\w+\}?|\{\{?[^{}]*\}?\}|<[^<>]*>|%\(\w+\)s|\*+|x+|\.{3}|…|redacted|scrubbed"
                          r"|filtered|password)$", re.IGNORECASE)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


@dataclass(frozen=True, order=True)
class Finding:
    """One thing that should not be committed: ``file:line: message``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "message": self.message}


@dataclass(frozen=True)
class ScanReport:
    """Every finding in every scanned file; ``ok`` when there are none."""

    files: list[str]
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def summary(self) -> str:
        n, f = len(self.findings), len(self.files)
        if not n:
            return f"scan: {f} file{'s' * (f != 1)}, no secrets or personal data found"
        dirty = len({x.file for x in self.findings})
        return f"scan: {n} finding{'s' * (n != 1)} in {dirty} of {f} file{'s' * (f != 1)}"

    def lines(self) -> list[str]:
        return [str(f) for f in self.findings] + [self.summary()]

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "files": list(self.files), "findings": [f.as_dict() for f in self.findings]}


def scan(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
         allow_domains: Iterable[str] = ()) -> ScanReport:
    """Scan files and folders (folders: *.yaml, *.yml, *.json, *.ipynb); :class:`ScanError` if unreadable."""
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    allowed = tuple(d.lower().strip(".") for d in allow_domains)
    files = _files(given)
    findings: set[Finding] = set()
    for path in files:
        findings.update(scan_file(path, allowed))
    return ScanReport([str(p) for p in files], sorted(findings))


def _files(given: list[str | os.PathLike[str]]) -> list[Path]:
    found: list[Path] = []
    for item in given:
        path = Path(item)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SCANNED_SUFFIXES and p.is_file()
                                and ".ipynb_checkpoints" not in p.parts))
        elif path.is_file():
            found.append(path)
        else:
            raise ScanError(f"{path}: no such file or folder")
    return found


def scan_file(path: Path, allow_domains: tuple[str, ...] = ()) -> list[Finding]:
    """Findings in one file; structured (YAML/JSON/notebook) when it parses, line by line otherwise."""
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        raise ScanError(f"{path}: cannot read: {exc.strerror or exc}") from None
    scanner = _Scanner(str(path), text, allow_domains)
    suffix = path.suffix.lower()
    try:
        if suffix in (".json", ".ipynb"):
            occurrences = list(json_strings(text))
        elif suffix in (".yaml", ".yml"):
            occurrences = list(yaml_strings(text))
        else:
            occurrences = None
    except ValueError:
        occurrences = None
    if occurrences is None:
        scanner.text_rules(text, 0, len(text), headers=True, exact=True)
    else:
        notebook = suffix == ".ipynb"
        for occurrence in occurrences:
            scanner.occurrence(occurrence, notebook)
    return scanner.findings


class _Scanner:
    """Applies the rules to one file's text and remembers findings with their lines."""

    def __init__(self, name: str, text: str, allow_domains: tuple[str, ...]) -> None:
        self.name = name
        self.text = text
        self.allow = allow_domains
        self.newlines = [i for i, c in enumerate(text) if c == "\n"]
        self.findings: list[Finding] = []

    def line_of(self, index: int) -> int:
        return bisect.bisect_left(self.newlines, index) + 1

    def add(self, index: int, message: str) -> None:
        self.findings.append(Finding(self.name, self.line_of(index), message))

    def occurrence(self, occ: Occurrence, notebook: bool) -> None:
        """Rules for one string (or key) found in a structured file."""
        name = occ.value if isinstance(occ.value, str) else ""
        if occ.is_key and occ.path and occ.path[-1] == "headers" and name.lower() in SENSITIVE_HEADERS:
            self.add(occ.start, f"{name} header is stored (drop it before writing: vcrpy filter_headers)")
        if notebook and occ.is_key and occ.path == ("metadata",) and occ.value == "widgets":
            self.add(occ.start, "saved widget state (metadata.widgets) may hold values typed into forms; "
                                "clear it before committing")
        in_output = notebook and "outputs" in occ.path
        if isinstance(occ.value, bytes):
            for _, _, message in _rules(_binary_text(occ.value), headers=True, allow=self.allow):
                self.add(occ.start, message + " (in a !!binary body)")
            return
        self.text_rules(occ.value, occ.start, occ.end, headers=in_output or (not notebook and not occ.is_key))

    def text_rules(self, value: str, start: int, end: int, *, headers: bool, exact: bool = False) -> None:
        """Apply the rules to ``value``, found at ``self.text[start:end]``, and locate each match there.

        ``exact``: ``value`` is the file text itself, so match indexes are text indexes.
        """
        raw = self.text[start:end]
        for index, needle, message in _rules(value, headers=headers, allow=self.allow):
            if exact and index >= 0:
                self.add(index, message)
                continue
            found = raw.find(needle) if needle else -1
            self.add(start + max(found, 0), message)


def _rules(value: str, *, headers: bool, allow: tuple[str, ...]) -> Iterator[tuple[int, str, str]]:
    """(index in ``value`` or -1, text to look for, message) for every finding, also behind escapes."""
    variants = [value]
    if "\\u" in value:
        variants.append(_UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value))
    if "%" in value:
        variants.append(unquote(variants[-1]))
    plain: set[str] = set()
    for index, needle, message in _rules_plain(value, headers, allow):
        plain.add(message)
        yield index, needle, message
    seen: set[tuple[str, str]] = set()
    for text in variants[1:]:  # only what the escapes hid
        for _, needle, message in _rules_plain(text, headers, allow):
            if message not in plain and (message, needle) not in seen:
                seen.add((message, needle))
                yield -1, needle, message


def _rules_plain(text: str, headers: bool, allow: tuple[str, ...]) -> Iterator[tuple[int, str, str]]:
    if "@" in text:
        for m in find_emails(text):
            domain = m.group("domain").lower()
            if not is_reserved_domain(domain, allow) and not _userinfo(text, m.start()):
                local = m.group(0).split("@", 1)[0]
                yield m.start(), m.group("domain"), (f"e-mail address {local[:1]}***@{domain} is outside the reserved "
                                                     "example domains (use e.g. jan.kowalski@example.org)")
        for m in _URL_CREDENTIALS.finditer(text):
            if not _placeholder(m.group(2)):
                yield m.start(), m.group(1), "user:password in a URL"
    if "-u" in text:
        for m in _CURL_USER.finditer(text):
            if not _placeholder(m.group(2)):
                yield m.start(), m.group(1), "user:password given to curl -u"
    if "asic" in text or "ASIC" in text:
        for m in _BASIC.finditer(text):
            user_password = _basic_credentials(m.group(1))
            if user_password is not None and not _placeholder(user_password.split(":", 1)[1]):
                yield m.start(), m.group(1), "Basic credentials (base64 of user:password)"
    if headers:
        for m in _HEADER_TEXT.finditer(text):
            if not _placeholder(m.group(2)):
                yield m.start(), m.group(2), f"{m.group(1)} header value in text"


def _userinfo(text: str, start: int) -> bool:
    """``user:password@host`` or ``//user@host`` in a URL (reported as credentials), not an e-mail address."""
    before = text[start - 1:start]
    if before == ":":
        return not text[:start].lower().endswith("mailto:")
    if before == "/":  # ``//user@host`` is the authority; ``/customers/jan@firma.pl`` is a path with an address
        return text[start - 2:start] == "//"
    return before in ("$", "{")


def _placeholder(secret: str) -> bool:
    return bool(_PLACEHOLDER.match(secret.strip("'\"")))


def _basic_credentials(token: str) -> str | None:
    """The decoded ``user:password`` of a Basic token, or None when it is not one."""
    padded = token + "=" * (-len(token) % 4)
    try:
        raw = base64.b64decode(padded, altchars=b"-_" if ("-" in token or "_" in token) else None, validate=True)
        text = raw.decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    if ":" not in text or not text.isprintable() or text.startswith(":"):
        return None
    return text


def _binary_text(data: bytes) -> str:
    """A ``!!binary`` body as text: gunzipped or inflated when compressed, UTF-8 else Latin-1."""
    data = sniff_decompress(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


# --- command line -------------------------------------------------------------------------
