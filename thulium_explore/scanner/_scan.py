"""Find secrets and personal data in cassettes and notebooks before they reach git.

>>> from thulium_explore import scan
>>> report = scan(["cassettes/", "notebooks/"])  # doctest: +SKIP
>>> print("\\n".join(report.lines()))  # doctest: +SKIP
cassettes/start.yaml:14: Authorization header is stored (drop it before writing: vcrpy filter_headers)
scan: 1 finding in 1 of 4 files

Flags, each at its file and real line and never repeating the secret:

- credentials (``_rules_secrets.py``): Authorization / Proxy-Authorization / Cookie / Set-Cookie
  headers, ``user:password`` in URLs and in ``curl -u``, Basic values (with or without ``Basic``
  in a field named authorization/credentials), Bearer tokens, JWTs, PEM private keys,
  ``password|passwd|pwd|token|secret|api_key|access_token=…`` in URLs and form bodies and as JSON
  keys with a value;
- passwords typed into notebook code (``_notebook.py``: ``ThuliumClient(...)``, ``connect(...)``,
  ``auth=(…)``, ``os.environ[...] = …``, ``%env``);
- personal data (``_rules_personal.py``): e-mail addresses outside the reserved example domains
  (RFC 2606 / 6761), PESEL, NIP, Polish phone numbers and IBANs, each confirmed by its checksum;
- notebooks with saved widget state.

``!!binary`` bodies are read as a client would (``_wire/_body.py``: declared codings, gzip twice,
brotli, UTF-16); one that inflates past 50 MB is reported as too large to check.

Silencing one finding on purpose: ``# thulium: allow`` at the end of a notebook code line, or an
entry in ``.thulium-scan-allow`` (``PATH:LINE`` or ``PATH:LINE: MESSAGE``; see ``_allow.py``).
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from thulium_explore._errors import ScanError
from thulium_explore._wire._body import BodyTooLarge, body_text
from thulium_explore.scanner._allow import load_allow_list
from thulium_explore.scanner._locate import Occurrence, json_strings, yaml_strings
from thulium_explore.scanner._notebook import ALLOW_MARKER, code_cell_rules
from thulium_explore.scanner._rules_personal import personal_rules
from thulium_explore.scanner._rules_secrets import (
    basic_message,
    credential_field,
    placeholder,
    secret_key,
    secret_rules,
)

SCANNED_SUFFIXES = (".yaml", ".yml", ".json", ".ipynb")
SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})

_NEWLINE = re.compile("\n")
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


def scan(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    allow_domains: Iterable[str] = (),
    allow_file: str | os.PathLike[str] | None = None,
) -> ScanReport:
    """Scan files and folders (folders: *.yaml, *.yml, *.json, *.ipynb); :class:`ScanError` if unreadable.

    ``allow_file``: the allow list (default ``./.thulium-scan-allow`` when it exists).
    """
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    allowed = tuple(d.lower().strip(".") for d in allow_domains)
    allow_list = load_allow_list(allow_file)
    files = _files(given)
    findings: set[Finding] = set()
    for path in files:
        findings.update(f for f in scan_file(path, allowed) if not allow_list.allows(f.file, f.line, f.message))
    return ScanReport([str(p) for p in files], sorted(findings))


def _files(given: list[str | os.PathLike[str]]) -> list[Path]:
    found: list[Path] = []
    for item in given:
        path = Path(item)
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() in SCANNED_SUFFIXES and p.is_file() and ".ipynb_checkpoints" not in p.parts
                )
            )
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
        scanner.structured(occurrences, notebook=suffix == ".ipynb")
    found = list(dict.fromkeys(scanner.findings))
    if suffix == ".ipynb":
        lines = text.split("\n")
        found = [f for f in found if ALLOW_MARKER not in lines[f.line - 1]]
    return found


class _Scanner:
    """Applies the rules to one file's text and remembers findings with their lines."""

    def __init__(self, name: str, text: str, allow_domains: tuple[str, ...]) -> None:
        self.name = name
        self.text = text
        self.allow = allow_domains
        self.newlines = [m.start() for m in _NEWLINE.finditer(text)]
        self.findings: list[Finding] = []

    def line_of(self, index: int) -> int:
        return bisect.bisect_left(self.newlines, index) + 1

    def add(self, index: int, message: str) -> None:
        self.findings.append(Finding(self.name, self.line_of(index), message))

    def structured(self, occurrences: list[Occurrence], *, notebook: bool) -> None:
        """Every occurrence of a parsed file, then the notebook's code cells as code."""
        headers = _headers_by_message(occurrences)
        code_cells: dict[Any, list[Occurrence]] = {}
        code_ids = {o.path[:2] for o in occurrences if notebook and o.path[2:] == ("cell_type",) and o.value == "code"}
        for occurrence in occurrences:
            in_code = notebook and occurrence.path[:2] in code_ids and occurrence.path[2:3] == ("source",)
            if in_code and not occurrence.is_key:
                code_cells.setdefault(occurrence.path[:2], []).append(occurrence)
            self.occurrence(occurrence, notebook, headers, code=in_code)
        for parts in code_cells.values():
            self.code_cell(parts)

    def occurrence(
        self, occ: Occurrence, notebook: bool, headers: dict[tuple[Any, ...], dict[str, list[str]]], *, code: bool
    ) -> None:
        """Rules for one string (or key) found in a structured file."""
        name = occ.value if isinstance(occ.value, str) else ""
        if occ.is_key and occ.path and occ.path[-1] == "headers" and name.lower() in SENSITIVE_HEADERS:
            self.add(occ.start, f"{name} header is stored (drop it before writing: vcrpy filter_headers)")
        if notebook and occ.is_key and occ.path == ("metadata",) and occ.value == "widgets":
            message = (
                "saved widget state (metadata.widgets) may hold values typed into forms; clear it before committing"
            )
            self.add(occ.start, message)
        in_output = notebook and "outputs" in occ.path
        if isinstance(occ.value, bytes):
            self.binary(occ, headers)
            return
        if not occ.is_key and not code:
            self.field_rules(occ)
        self.text_rules(
            occ.value, occ.start, occ.end, headers=in_output or (not notebook and not occ.is_key), code=code
        )

    def field_rules(self, occ: Occurrence) -> None:
        """A value judged by its key: a secret's name, or a credentials field holding bare base64."""
        assert isinstance(occ.value, str)
        keys = [k for k in occ.path[-2:] if isinstance(k, str)]
        if occ.path and isinstance(occ.path[-1], str) and secret_key(occ.path[-1]) and not placeholder(occ.value):
            key = occ.path[-1]
            self.add(occ.start, f'"{key}" holds a value (scrub it: "{key}": "***")')
        if any(credential_field(k) for k in keys):
            message = basic_message(occ.value)
            if message:
                self.add(occ.start, message)

    def binary(self, occ: Occurrence, headers: dict[tuple[Any, ...], dict[str, list[str]]]) -> None:
        """A ``!!binary`` body, decoded by its message's headers (decompressed, capped, UTF-16 aware)."""
        assert isinstance(occ.value, bytes)
        path = occ.path[:-2] if occ.path[-1:] == ("string",) else occ.path[:-1]
        try:
            text = body_text(occ.value, headers.get(path))
        except BodyTooLarge as exc:
            self.add(occ.start, str(exc))
            return
        for _, _, message in _rules(text, headers=True, allow=self.allow):
            self.add(occ.start, message + " (in a !!binary body)")

    def code_cell(self, parts: list[Occurrence]) -> None:
        """Password literals in one notebook code cell, at the file line of the cell line."""
        starts: list[int] = []
        for part in parts:
            assert isinstance(part.value, str)
            starts.extend([part.start] * (part.value.count("\n") + 1))
            if part.value.endswith("\n"):
                starts.pop()
        source = "".join(str(p.value) for p in parts)
        for line, message in code_cell_rules(source):
            self.add(starts[min(line, len(starts)) - 1], message)

    def text_rules(
        self, value: str, start: int, end: int, *, headers: bool, exact: bool = False, code: bool = False
    ) -> None:
        """Apply the rules to ``value``, found at ``self.text[start:end]``, and locate each match there.

        ``exact``: ``value`` is the file text itself, so match indexes are text indexes.
        """
        raw = self.text[start:end]
        for index, needle, message in _rules(value, headers=headers, allow=self.allow, code=code):
            if exact and index >= 0:
                self.add(index, message)
                continue
            found = raw.find(needle) if needle else -1
            self.add(start + max(found, 0), message)


def _headers_by_message(occurrences: list[Occurrence]) -> dict[tuple[Any, ...], dict[str, list[str]]]:
    """Each recorded message's headers (``{name: [values]}``), by the path of the message."""
    found: dict[tuple[Any, ...], dict[str, list[str]]] = {}
    for occ in occurrences:
        if occ.is_key or not isinstance(occ.value, str):
            continue
        path = occ.path
        at = len(path) - 2 if path[-1:] and isinstance(path[-1], int) else len(path) - 1
        if at >= 1 and path[at - 1] == "headers" and isinstance(path[at], str):
            found.setdefault(path[: at - 1], {}).setdefault(str(path[at]), []).append(occ.value)
    return found


def _rules(value: str, *, headers: bool, allow: tuple[str, ...], code: bool = False) -> Iterator[tuple[int, str, str]]:
    """(index in ``value`` or -1, text to look for, message) for every finding, also behind escapes."""
    variants = [value]
    if "\\u" in value:
        variants.append(_UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value))
    if "%" in value:
        variants.append(unquote(variants[-1]))
    plain: set[str] = set()
    for index, needle, message in _rules_plain(value, headers, allow, code):
        plain.add(message)
        yield index, needle, message
    seen: set[tuple[str, str]] = set()
    for text in variants[1:]:  # only what the escapes hid
        for _, needle, message in _rules_plain(text, headers, allow, code):
            if message not in plain and (message, needle) not in seen:
                seen.add((message, needle))
                yield -1, needle, message


def _rules_plain(text: str, headers: bool, allow: tuple[str, ...], code: bool) -> Iterator[tuple[int, str, str]]:
    yield from personal_rules(text, allow)
    yield from secret_rules(text, headers=headers, code=code)
