"""``scan`` reports that CI systems read: SARIF 2.1.0 (code scanning) and GitHub Actions annotations.

Each finding becomes a SARIF ``result`` at its file and line with a rule by kind (credentials,
personal data, notebook state…), told from the finding's message; the message is the one the text
report prints, which never repeats the secret. Paths are written relative to the current directory
with ``/`` (what GitHub code scanning matches against the repository), ``%SRCROOT%`` as their base.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from thulium_explore._version import __version__
from thulium_explore.contract._ci import github_command
from thulium_explore.scanner._scan import Finding, ScanReport

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

#: (rule id, what it finds, a pattern of the finding's message), first match wins; the last is the rest
RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("personal-data/e-mail", "E-mail address outside the reserved example domains", re.compile(r"^e-mail address")),
    ("personal-data/pesel", "PESEL number (checksum valid)", re.compile(r"PESEL")),
    ("personal-data/nip", "NIP number (checksum valid)", re.compile(r"\bNIP\b")),
    ("personal-data/phone", "Polish phone number", re.compile(r"phone number")),
    ("personal-data/iban", "Bank account number (IBAN, checksum valid)", re.compile(r"IBAN")),
    ("credentials/private-key", "Private key (PEM)", re.compile(r"private key")),
    ("credentials/header", "Credential header stored", re.compile(r"header|Cookie", re.IGNORECASE)),
    ("credentials/token", "Bearer token or JWT", re.compile(r"Bearer|JWT|token", re.IGNORECASE)),
    ("credentials/basic", "HTTP Basic credentials", re.compile(r"Basic")),
    ("credentials/password", "Password or user:password", re.compile(r"password|passwd|pwd", re.IGNORECASE)),
    ("credentials/secret", "Secret-named value (secret, api_key…)", re.compile(r"secret|api_key|key", re.IGNORECASE)),
    ("notebook/widget-state", "Saved widget state in a notebook", re.compile(r"widget state")),
    ("scan/not-checked", "Content the scan could not check", re.compile(r"too large|cannot|not checked")),
    ("scan/finding", "Secret or personal data", re.compile("")),
)


def rule_of(finding: Finding) -> str:
    """The SARIF rule id for a finding (``credentials/header``, ``personal-data/e-mail``…)."""
    return next(rule for rule, _, pattern in RULES if pattern.search(finding.message))


def _uri(file: str) -> str:
    path = Path(file)
    try:
        path = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path.resolve().as_uri()  # outside the current directory: an absolute file:// URI
    return path.as_posix()


def sarif(report: ScanReport) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log (one run, one result per finding, errors)."""
    used = sorted({rule_of(f) for f in report.findings})
    rules = [
        {
            "id": rule,
            "name": rule.replace("/", "-"),
            "shortDescription": {"text": text},
            "defaultConfiguration": {"level": "error"},
        }
        for rule, text, _ in RULES
        if rule in used
    ]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for finding in report.findings:
        rule = rule_of(finding)
        results.append(
            {
                "ruleId": rule,
                "ruleIndex": index[rule],
                "level": "error",
                "message": {"text": finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(finding.file), "uriBaseId": "%SRCROOT%"},
                            "region": {"startLine": max(1, finding.line)},
                        }
                    }
                ],
            }
        )
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "thulium-explore scan",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().resolve().as_uri() + "/"}},
                "artifacts": [{"location": {"uri": _uri(f), "uriBaseId": "%SRCROOT%"}} for f in map(str, report.files)],
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def github_annotations(report: ScanReport) -> list[str]:
    """``::error file=…,line=…,title=…::message`` per finding, then the summary line."""
    out = [
        github_command(
            "error",
            f.message,
            file=os.path.relpath(f.file) if Path(f.file).is_absolute() else f.file,
            line=max(1, f.line),
            title=f"thulium scan: {rule_of(f)}",
        )
        for f in report.findings
    ]
    return [*out, report.summary()]
