"""A verify report as one HTML table: what a notebook (and nbviewer, GitHub) shows for ``verify()``.

One row per interaction (id, method, path, status, outcome), then its violations and drift by JSON
path. Drift names the path and the JSON type only, never the value of an undocumented field (it is
undocumented, so nothing says it is not personal). Everything is escaped. ``contract`` must not import
``forms``, so the outcome colours come as a parameter; the default is :data:`OUTCOME_COLOURS`.

>>> from thulium_explore.contract._verify import InteractionReport, VerifyReport
>>> page = report_html(VerifyReport([InteractionReport("x.yaml", 0, "GET", "/api/chats", 200, None)], ["x.yaml"]))
>>> "unchecked" in page and "x.yaml:0" in page
True
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from thulium_explore._palette import AMBER, BADGE_TEXT, GREEN, GREY, RED
from thulium_explore.catalog._paths import json_type
from thulium_explore.contract._outcome import Outcome
from thulium_explore.contract._response import Problem, Verdict


class InteractionLike(Protocol):
    """What is read of an ``InteractionReport`` (a Protocol: ``_verify`` imports this module, not back)."""

    @property
    def id(self) -> str: ...
    @property
    def outcome(self) -> Outcome: ...
    @property
    def rejected(self) -> bool: ...

    @property
    def method(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def status(self) -> int: ...
    @property
    def request_problems(self) -> tuple[Problem, ...]: ...
    @property
    def response(self) -> Verdict | None: ...
    @property
    def note(self) -> str: ...


class ReportLike(Protocol):
    """What is read of a ``VerifyReport``."""

    @property
    def ok(self) -> bool: ...
    @property
    def exit_code(self) -> int: ...
    def summary(self) -> str: ...

    @property
    def interactions(self) -> Sequence[InteractionLike]: ...


#: The colour of each contract outcome (the forms' theme uses this table too); strict failures are red.
OUTCOME_COLOURS: dict[Outcome, str] = {
    Outcome.PASS: GREEN,
    Outcome.DRIFT: AMBER,
    Outcome.SUSPECT: AMBER,
    Outcome.FAIL: RED,
    Outcome.UNCHECKED: GREY,
    Outcome.FAIL_DRIFT: RED,
    Outcome.FAIL_UNCHECKED: RED,
    Outcome.FAIL_SUSPECT: RED,
}

_CELL = "padding:2px 8px;text-align:left;vertical-align:top"


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:77] + "..."


def problem_line(kind: str, problem: Problem) -> str:
    """One violation with its JSON path and offending value."""
    got = "" if problem.value is None else f" <small>(got <code>{html.escape(_short(problem.value))}</code>)</small>"
    return (
        f"<li class='thulium-problem'>{html.escape(kind)} <code>{html.escape(problem.path)}</code> "
        f"{html.escape(problem.message)}{got}</li>"
    )


def drift_line(problem: Problem) -> str:
    """One undocumented field: its JSON path and JSON type, never its value."""
    return (
        f"<li class='thulium-drift'>drift <code>{html.escape(problem.path)}</code> is not documented"
        f" (JSON type: {html.escape(problem.type or json_type(problem.value))})</li>"
    )


def outcome_html(outcome: Outcome, colours: Mapping[str, str] | None = None) -> str:
    """The outcome word on its colour (a pill: white on a fixed fill reads in light and dark themes alike),
    with a CSS class per outcome (``thulium-outcome-pass``...)."""
    colour = (colours or OUTCOME_COLOURS).get(outcome, "")
    css = "thulium-outcome-" + "-".join(outcome.lower().replace("(", "").replace(")", "").split())
    style = (
        f" style='background:{html.escape(colour)};color:{BADGE_TEXT};padding:0 6px;border-radius:8px;font-weight:600'"
        if colour
        else ""
    )
    return f"<span class='thulium-outcome {css}'{style}>{html.escape(outcome)}</span>"


def interaction_rows(item: InteractionLike, colours: Mapping[str, str] | None = None) -> str:
    """The interaction's row, and a row listing its problems and drift when it has any."""
    row = (
        f"<tr class='thulium-interaction'><td style='{_CELL}'><code>{html.escape(item.id)}</code></td>"
        f"<td style='{_CELL}'>{html.escape(item.method)}</td><td style='{_CELL}'><code>{html.escape(item.path)}"
        f"</code></td><td style='{_CELL}'>{item.status}</td><td style='{_CELL}'>"
        f"{outcome_html(item.outcome, colours)}</td></tr>"
    )
    kind = "rejected" if item.rejected else "request"
    lines = [problem_line(kind, p) for p in item.request_problems]
    if item.response is not None:
        for p in item.response.problems:
            lines.append(problem_line(f"suspect ({p.provenance})" if p.suspect else "response", p))
        lines += [drift_line(p) for p in item.response.drift]
    if item.note:
        lines.append(f"<li class='thulium-note'>note: {html.escape(item.note)}</li>")
    if not lines:
        return row
    return f"{row}<tr><td></td><td colspan='4' style='{_CELL}'><ul style='margin:0'>{''.join(lines)}</ul></td></tr>"


def report_html(report: ReportLike, colours: Mapping[str, str] | None = None) -> str:
    """The whole report: a table of interactions, then the summary line (``verify: 2 interactions ...``)."""
    head = "".join(
        f"<th style='{_CELL}'>{name}</th>" for name in ("interaction", "method", "path", "status", "outcome")
    )
    rows = "".join(interaction_rows(item, colours) for item in report.interactions)
    overall = Outcome.PASS if report.ok else Outcome.FAIL
    return (
        f"<div class='thulium-verify-report'><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        f"<div class='thulium-verify-summary'>{outcome_html(overall, colours)} {html.escape(report.summary())}"
        f" (exit code {report.exit_code})</div></div>"
    )
