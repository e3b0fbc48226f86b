"""What ``verify`` concludes: :class:`InteractionReport` per recorded interaction, :class:`VerifyReport` for a run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from thulium_explore.contract._outcome import Outcome
from thulium_explore.contract._provenance import SUSPECT_ADVICE
from thulium_explore.contract._report_html import report_html
from thulium_explore.contract._response import Problem, Verdict


def suspect_line(problem: Problem) -> str:
    """``suspect  $.path: message (got …) — inferred: the recording is evidence, update the schema``."""
    return f"suspect  {problem} — {problem.provenance}: {SUSPECT_ADVICE}"


@dataclass(frozen=True)
class InteractionReport:
    """The verdict on one recorded interaction (``cassette:index``).

    ``request_problems`` are parameters that break the schema: violations when the server accepted
    them (status below 400), expected when it rejected them (4xx/5xx, the answer is then checked
    against the error object). ``response`` is the contract verdict on the answer, None when no
    catalog endpoint matches (``unchecked``).
    """

    cassette: str
    index: int
    method: str
    path: str
    status: int
    endpoint_id: str | None
    request_problems: tuple[Problem, ...] = ()
    response: Verdict | None = None
    note: str = ""
    strict: bool = False
    #: the line of the cassette where the interaction starts (1-based), when the reader knows it
    line: int | None = None

    @property
    def id(self) -> str:
        return f"{self.cassette}:{self.index}"

    @property
    def drift(self) -> list[Problem]:
        return self.response.drift if self.response else []

    @property
    def rejected(self) -> bool:
        """The server answered 4xx/5xx, so invalid parameters were rightly refused."""
        return self.status >= 400

    @property
    def problems(self) -> list[Problem]:
        """Violations: request problems the server accepted, then response problems that break a fact from
        the current documentation, its examples or third-party code (not :attr:`suspects`)."""
        accepted = [] if self.rejected else list(self.request_problems)
        return accepted + [p for p in (self.response.problems if self.response else []) if not p.suspect]

    @property
    def suspects(self) -> list[Problem]:
        """Response problems that break only a fact we inferred or read on an older page (``inferred``,
        ``documented-old``): the recording is evidence against the schema. Warnings; failures with strict."""
        return [p for p in self.response.problems if p.suspect] if self.response else []

    @property
    def outcome(self) -> Outcome:
        """``pass``, ``pass (drift)``, ``pass (suspect)``, ``FAIL``, ``unchecked``; with strict, the warnings
        fail as ``FAIL (drift)``, ``FAIL (suspect)``, ``FAIL (unchecked)``."""
        return Outcome.decide(
            checked=self.response is not None,
            problems=bool(self.problems),
            drift=bool(self.drift),
            strict=self.strict,
            suspect=bool(self.suspects),
        )

    @property
    def verdict(self) -> Outcome:
        """The same as :attr:`outcome` (kept: ``verdict`` here has always been the word, not a :class:`Verdict`)."""
        return self.outcome

    @property
    def ok(self) -> bool:
        return not self.outcome.failed

    def lines(self) -> list[str]:
        """``cassette:index METHOD path status verdict``, then every problem beneath it."""
        out = [f"{self.id} {self.method} {self.path} {self.status} {self.outcome}"]
        kind = "rejected" if self.rejected else "request "
        out += [f"  {kind} {p}" for p in self.request_problems]
        if self.response:
            out += [f"  {suspect_line(p)}" if p.suspect else f"  response {p}" for p in self.response.problems]
            out += [f"  drift    {p}" for p in self.response.drift]
        if self.note:
            out.append(f"  note     {self.note}")
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "cassette": self.cassette,
            "index": self.index,
            "method": self.method,
            "path": self.path,
            "status": self.status,
            "endpoint": self.endpoint_id,
            "verdict": str(self.outcome),
            "ok": self.ok,
            "request_problems": [p.as_dict() for p in self.request_problems],
            "request_rejected": self.rejected,
            "response_problems": [p.as_dict() for p in self.response.problems if not p.suspect]
            if self.response
            else [],
            "suspects": [p.as_dict() for p in self.suspects],
            "line": self.line,
            "drift": [p.as_dict() for p in self.drift],
            "note": self.note or None,
        }


@dataclass(frozen=True)
class VerifyReport:
    """Every interaction's verdict; ``ok`` when all conform (drift and unchecked fail only with strict)."""

    interactions: list[InteractionReport]
    cassettes: list[str] = field(default_factory=list)
    strict: bool = False

    @property
    def ok(self) -> bool:
        return all(i.ok for i in self.interactions)

    @property
    def exit_code(self) -> int:
        """0 when every interaction conforms, 1 otherwise (2 is for unreadable input, raised instead)."""
        return 0 if self.ok else 1

    @property
    def failures(self) -> list[InteractionReport]:
        return [i for i in self.interactions if not i.ok]

    def _repr_html_(self) -> str:
        """A table for notebooks (drift names paths and types, never values): contract/_report_html.py."""
        return report_html(self)

    def counts(self) -> dict[str, int]:
        """How many interactions got each verdict."""
        out: dict[str, int] = {}
        for item in self.interactions:
            out[item.verdict] = out.get(item.verdict, 0) + 1
        return out

    def provenance_counts(self) -> dict[str, int]:
        """How many response problems broke a fact of each provenance (``documented``, ``inferred``…)."""
        out: dict[str, int] = {}
        for item in self.interactions:
            for problem in item.response.problems if item.response else ():
                if problem.provenance is not None:  # a body that does not decode breaks no schema fact
                    out[problem.provenance] = out.get(problem.provenance, 0) + 1
        return out

    def summary(self) -> str:
        n, c = len(self.interactions), len(self.cassettes)
        counts = ", ".join(f"{v} {k}" for k, v in sorted(self.counts().items()))
        mode = " (strict)" if self.strict else ""
        text = f"verify{mode}: {n} interaction{'s' * (n != 1)} in {c} cassette{'s' * (c != 1)}: {counts}"
        by_source = self.provenance_counts()
        if by_source:
            text += "; response problems by provenance: " + ", ".join(f"{k} {v}" for k, v in sorted(by_source.items()))
        return text

    def lines(self) -> list[str]:
        return [line for item in self.interactions for line in item.lines()] + [self.summary()]

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "exit_code": self.exit_code,
            "strict": self.strict,
            "cassettes": list(self.cassettes),
            "counts": self.counts(),
            "provenance_counts": self.provenance_counts(),
            "interactions": [i.as_dict() for i in self.interactions],
        }
