"""Checking one recorded interaction: the request against the parameters, the answer against the responses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from thulium_explore._wire._body import BodyError, content_coding, decode_body, header
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.contract._report import InteractionReport
from thulium_explore.contract._request import check_request
from thulium_explore.contract._response import Problem, Verdict, check_response

#: distinct requests and answers remembered per checker: identical ones (a replayed suite records the same
#: call many times) are checked once, and a 20,000-interaction cassette still fits in bounded memory
CACHE_SIZE = 4096


class Checker:
    """Checks interactions; identical requests and responses (same bytes, same headers) are checked once."""

    def __init__(self, catalog: Catalog, *, strict: bool = False) -> None:
        self.catalog = catalog
        self.strict = strict
        self._requests: dict[tuple[Any, ...], tuple[Problem, ...]] = {}
        self._responses: dict[tuple[Any, ...], Verdict | BodyError] = {}

    def check(
        self, cassette: str, index: int, interaction: Mapping[str, Any], line: int | None = None
    ) -> InteractionReport:
        """The verdict on one interaction (``line``: where it starts in the cassette, for the reports)."""
        request, response = interaction["request"], interaction["response"]
        method = request["method"].upper()
        uri = request["uri"]
        split = urlsplit(uri)
        path = split.path or "/"
        status = response["status"]["code"]
        found = self.catalog.match(method, path)
        if found is None:
            note = f"no catalog endpoint for {method} {path} (the host is ignored)"
            return InteractionReport(
                cassette, index, method, path, status, None, note=note, strict=self.strict, line=line
            )
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
                line=line,
            )
        return InteractionReport(
            cassette, index, method, path, status, endpoint.id, request_problems, verdict, strict=self.strict, line=line
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
            if len(self._requests) >= CACHE_SIZE:
                self._requests.clear()
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
        if len(self._responses) >= CACHE_SIZE:
            self._responses.clear()
        self._responses[key] = found
        return found
