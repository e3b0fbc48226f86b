"""``verify`` reports that CI systems read: JUnit XML and GitHub Actions workflow annotations.

- :func:`junit_xml`: one ``<testsuite>`` per cassette, one ``<testcase>`` per interaction (with the
  cassette's ``file`` and the interaction's ``line``); a failing interaction has a ``<failure>`` listing
  its problems, an unchecked one (no catalog endpoint) is ``<skipped>`` unless strict, and warnings
  (drift, suspects) go to ``<system-out>``. GitLab, Jenkins and GitHub test reporters read it.
- :func:`github_annotations`: ``::error file=…,line=…,title=…::message`` for each failing interaction and
  ``::warning`` for each warning, so the problems show on the pull request's changed cassette lines.

Both carry what the text report carries and nothing more: drift by JSON path and type, never its value.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from thulium_explore.contract._outcome import Outcome
from thulium_explore.contract._report import InteractionReport, VerifyReport

#: characters XML 1.0 cannot carry (a recorded body may hold any): written as \uXXXX instead
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with characters XML 1.0 forbids (control characters, lone surrogates) spelt ``\\uXXXX``."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _details(item: InteractionReport) -> list[str]:
    return [line.strip() for line in item.lines()[1:]]


def _title(item: InteractionReport) -> str:
    return f"{item.index} {item.method} {item.path} {item.status}"


def junit_xml(report: VerifyReport) -> str:
    """The report as JUnit XML (a ``<testsuites>`` document, UTF-8, with the XML declaration)."""
    by_file: dict[str, list[InteractionReport]] = {name: [] for name in report.cassettes}
    for item in report.interactions:
        by_file.setdefault(item.cassette, []).append(item)
    root = ET.Element("testsuites", name="thulium-explore verify")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for name, items in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=xml_text(name), file=xml_text(name))
        counts = {"tests": len(items), "failures": 0, "errors": 0, "skipped": 0}
        for item in items:
            case = ET.SubElement(
                suite,
                "testcase",
                name=xml_text(_title(item)),
                classname=xml_text(name),
                file=xml_text(name),
                line=str(item.line or 1),
                time="0",
            )
            details = "\n".join(_details(item))
            if not item.ok:
                counts["failures"] += 1
                first = (_details(item) or [str(item.outcome)])[0]
                failure = ET.SubElement(
                    case, "failure", message=xml_text(f"{item.outcome}: {first}"), type="contract violation"
                )
                failure.text = xml_text(details)
            elif item.outcome is Outcome.UNCHECKED:
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=xml_text(item.note or "no catalog endpoint"))
            elif details:
                ET.SubElement(case, "system-out").text = xml_text(f"{item.outcome}\n{details}")
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("time", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def github_escape(text: str, *, prop: bool = False) -> str:
    """Text for a workflow command: ``%``, CR and LF escaped; in a property also ``:`` and ``,``."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def github_command(kind: str, message: str, *, file: str, line: int, title: str) -> str:
    """One workflow annotation: ``::error file=F,line=N,title=T::message``."""
    props = f"file={github_escape(file, prop=True)},line={line},title={github_escape(title, prop=True)}"
    return f"::{kind} {props}::{github_escape(message)}"


def github_annotations(report: VerifyReport) -> list[str]:
    """``::error`` per failing interaction, ``::warning`` per warning (drift, suspect, unchecked), then the summary."""
    out = []
    for item in report.interactions:
        if item.outcome is Outcome.PASS:
            continue
        kind = "error" if not item.ok else "warning"
        message = "\n".join([f"{item.id} {item.method} {item.path} {item.status} {item.outcome}", *_details(item)])
        title = f"thulium contract: {item.outcome}"
        out.append(github_command(kind, message, file=item.cassette, line=item.line or 1, title=title))
    out.append(report.summary())
    return out
