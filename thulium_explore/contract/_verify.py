"""Contract verification of recorded interactions: every request and response in vcrpy cassettes.

>>> from thulium_explore import verify
>>> report = verify(["cassettes/"])  # doctest: +SKIP
>>> print("\\n".join(report.lines()))  # doctest: +SKIP
cassettes/chat_conversations.start.yaml:0 POST /api/chat_conversations/start 200 pass
verify: 1 interaction in 1 cassette: 1 pass
>>> report.ok, report.exit_code  # doctest: +SKIP
(True, 0)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from thulium_explore._errors import CassetteError
from thulium_explore._wire._body import BodyError, content_coding, decode_body, header
from thulium_explore.cassettes._file import find_cassettes, read_cassette
from thulium_explore.catalog._catalog import Catalog, default_catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.contract._outcome import Outcome
from thulium_explore.contract._provenance import SUSPECT_ADVICE
from thulium_explore.contract._report_html import report_html
from thulium_explore.contract._request import check_request
from thulium_explore.contract._response import Problem, Verdict, check_response


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


def verify(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    strict: bool = False,
    catalog: Catalog | None = None,
) -> VerifyReport:
    """Check every interaction of the cassettes at ``paths`` (files or folders) against the catalog.

    Raises :class:`CassetteError` (one line, naming the file) for unreadable or malformed input,
    and when there is nothing to verify.
    """
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    if not given:
        raise CassetteError("verify: no paths given (example: thulium-explore verify cassettes/)")
    checker = Checker(catalog or default_catalog(), strict=strict)
    results: list[InteractionReport] = []
    names: list[str] = []
    for path in find_cassettes(given):
        cassette = read_cassette(path)
        names.append(cassette.name)
        for index, interaction in enumerate(cassette.interactions):
            results.append(checker.check(cassette.name, index, interaction))
    if not results:
        raise CassetteError(f"{', '.join(names)}: no recorded interactions to verify")
    return VerifyReport(results, names, strict)


def check_interaction(
    catalog: Catalog, cassette: str, index: int, interaction: Mapping[str, Any], *, strict: bool = False
) -> InteractionReport:
    """The verdict on one structure-checked vcrpy interaction (see ``_cassette_file.read_cassette``)."""
    return Checker(catalog, strict=strict).check(cassette, index, interaction)


class Checker:
    """Checks interactions; identical requests and responses (same bytes, same headers) are checked once."""

    def __init__(self, catalog: Catalog, *, strict: bool = False) -> None:
        self.catalog = catalog
        self.strict = strict
        self._requests: dict[tuple[Any, ...], tuple[Problem, ...]] = {}
        self._responses: dict[tuple[Any, ...], Verdict | BodyError] = {}

    def check(self, cassette: str, index: int, interaction: Mapping[str, Any]) -> InteractionReport:
        """The verdict on one interaction."""
        request, response = interaction["request"], interaction["response"]
        method = request["method"].upper()
        uri = request["uri"]
        split = urlsplit(uri)
        path = split.path or "/"
        status = response["status"]["code"]
        found = self.catalog.match(method, path)
        if found is None:
            note = f"no catalog endpoint for {method} {path} (the host is ignored)"
            return InteractionReport(cassette, index, method, path, status, None, note=note, strict=self.strict)
        endpoint, path_values = found
        request_problems = self._request(endpoint, path_values, split.query, request)
        verdict = self._response(endpoint, status, response)
        if isinstance(verdict, BodyError):
            return InteractionReport(
                cassette,
                index,
                method,
                path,
                status,
                endpoint.id,
                request_problems,
                note=f"response not checked: {verdict}",
                strict=self.strict,
            )
        return InteractionReport(
            cassette, index, method, path, status, endpoint.id, request_problems, verdict, strict=self.strict
        )

    def _request(
        self, endpoint: Endpoint, path_values: Mapping[str, str], query: str, request: Mapping[str, Any]
    ) -> tuple[Problem, ...]:
        body, headers = request.get("body"), request.get("headers")
        key: tuple[Any, ...] | None = None
        if body is None or isinstance(body, str | bytes):
            key = (
                endpoint.id,
                tuple(path_values.items()),
                query,
                body,
                header(headers, "content-type"),
                content_coding(headers),
            )
            known = self._requests.get(key)
            if known is not None:
                return known
        problems = tuple(check_request(self.catalog, endpoint, path_values, query, request))
        if key is not None:
            self._requests[key] = problems
        return problems

    def _response(self, endpoint: Endpoint, status: int, response: Mapping[str, Any]) -> Verdict | BodyError:
        raw, headers = response["body"].get("string"), response.get("headers")
        key = (endpoint.id, status, raw, header(headers, "content-type"), content_coding(headers))
        known = self._responses.get(key)
        if known is not None:
            return known
        try:
            body = decode_body(raw, headers)
        except BodyError as exc:
            found: Verdict | BodyError = (
                exc if exc.unsupported else Verdict(endpoint.id, status, [Problem("$", str(exc))])
            )
        else:
            found = check_response(self.catalog, endpoint, status, body)
        self._responses[key] = found
        return found


# --- command line -------------------------------------------------------------------------
