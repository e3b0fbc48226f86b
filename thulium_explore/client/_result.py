"""The outcome of one call: what was sent (credentials masked), what came back, the verdict."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from thulium_explore._errors import ApiError, ThuliumError
from thulium_explore._palette import BADGE_TEXT, GREEN, RED
from thulium_explore._wire._params import WireRequest
from thulium_explore.catalog._catalog import Catalog, default_catalog
from thulium_explore.catalog._lists import list_shape
from thulium_explore.client._frame import DataFrame, items_dataframe
from thulium_explore.client._snippets import SNIPPETS
from thulium_explore.client._table import list_table_html
from thulium_explore.contract._outcome import Outcome
from thulium_explore.contract._report_html import OUTCOME_COLOURS
from thulium_explore.contract._response import Verdict

MASK = "***"
TREE_CHARS = 200_000  # the JSON tree under a table is cut here (result.json holds everything)


_PILL = f"color:{BADGE_TEXT};padding:2px 6px;border-radius:4px;"


@dataclass(frozen=True)
class SentRequest:
    """The request as sent, with the Authorization header masked."""

    method: str
    url: str
    headers: Mapping[str, str]
    body: bytes | None
    wire: WireRequest = field(repr=False)


@dataclass(frozen=True)
class CallResult:
    """One call's answer and its contract verdict.

    >>> result = client.call("chat_conversations.start", chat_queue_id=3)  # doctest: +SKIP
    >>> result.status, result.json["conversation_id"], result.outcome  # doctest: +SKIP
    (200, '6ed7c941-…', 'pass')
    """

    endpoint_id: str
    params: Mapping[str, Any]
    status: int
    headers: Mapping[str, str]
    text: str
    json: Any
    elapsed: float
    request: SentRequest
    verdict: Verdict
    catalog: Catalog | None = field(default=None, repr=False, compare=False)  # the client's, for tables

    @property
    def ok(self) -> bool:
        """True for a 2xx status."""
        return 200 <= self.status < 300

    @property
    def status_code(self) -> int:
        """The same as :attr:`status`, under the name requests and httpx use."""
        return self.status

    @property
    def outcome(self) -> Outcome:
        """The contract outcome (``pass``, ``pass (drift)``, ``FAIL``, ``unchecked``): ``verdict.outcome``."""
        return self.verdict.outcome

    @property
    def request_id(self) -> str | None:
        """Thulium's ``request_id`` from an error body, for support."""
        rid = self.json.get("request_id") if isinstance(self.json, dict) else None
        return str(rid) if rid is not None else None

    @property
    def errors(self) -> list[dict[str, Any]]:
        """Thulium's ``errors`` list from an error body (empty otherwise)."""
        errs = self.json.get("errors") if isinstance(self.json, dict) else None
        return [e for e in errs if isinstance(e, dict)] if isinstance(errs, list) else []

    def raise_for_status(self) -> CallResult:
        """Raise :class:`ApiError` for a non-2xx status; return self otherwise."""
        if not self.ok:
            url = self.request.url.split("?", 1)[0]
            raise ApiError(
                self.status,
                url,
                request_id=self.request_id,
                errors=self.errors,
                request=self.request,
                response=self,
            )
        return self

    def snippet(self, kind: str) -> str:
        """The call as ``curl``, ``httpie``, ``python``, ``thulium_explore`` or ``php``."""
        try:
            make = SNIPPETS[kind]
        except KeyError:
            raise ValueError(f"snippet kind {kind!r} unknown; choose one of {sorted(SNIPPETS)}") from None
        return make(self.request.wire, self.endpoint_id, self.params)

    def as_curl(self) -> str:
        """A curl command reproducing the call with ``$THULIUM_API_USER:$THULIUM_API_PASSWORD``."""
        return self.snippet("curl")

    def to_dataframe(self) -> DataFrame:
        """The items of a list answer as a pandas DataFrame: documented columns first, typed from the schema.

        Dates are parsed from the documented formats, ids become integers (nullable ``Int64`` where the
        schema allows null), undocumented fields follow as received (``thulium_explore.client._frame``).
        Needs pandas (``pip install 'thulium-explore[data]'``). For every page, ``client.paginate(…).to_dataframe()``.
        """
        catalog = self.catalog or default_catalog()
        shape = list_shape(catalog, self.endpoint_id) if self.endpoint_id in catalog else None
        items = shape.items(self.json) if shape is not None else None
        if shape is None or items is None:
            what = "does not answer a list" if shape is None else f"answered HTTP {self.status} without a list of items"
            raise ThuliumError(
                f"to_dataframe(): {self.endpoint_id} {what}; it works on list answers "
                "such as chats.list, tickets.list (their body is {count, result[]})",
                request=self.request,
                response=self,
            )
        return items_dataframe(shape, items)

    def summary_lines(self) -> list[str]:
        """Status line, pretty body and verdict, as the CLI prints them."""
        lines = [
            f"{self.request.method} {self.request.url.split('?', 1)[0]} -> HTTP {self.status} "
            f"in {self.elapsed * 1000:.0f} ms"
        ]
        if self.json is not None:
            lines.append(json.dumps(self.json, indent=2, ensure_ascii=False))
        elif self.text:
            lines.append(self.text[:2000])
        if self.request_id:
            lines.append(f"request_id: {self.request_id} (quote it to Thulium support)")
        return lines + self.verdict.lines()

    def __repr__(self) -> str:
        return (
            f"<CallResult {self.endpoint_id} HTTP {self.status} "
            f"contract={self.verdict.outcome} {self.elapsed * 1000:.0f} ms>"
        )

    def _repr_html_(self) -> str:
        """Status and verdict as pills (fixed fills under white text: readable in light and dark themes)."""
        colour = GREEN if self.ok else RED
        verdict_colour = OUTCOME_COLOURS[self.verdict.outcome]
        body = json.dumps(self.json, indent=2, ensure_ascii=False) if self.json is not None else self.text[:2000]
        problems = "".join(
            f"<li><code>{html.escape(p.path)}</code> {html.escape(p.message)}"
            + (f" <small>(got <code>{html.escape(repr(p.value)[:80])}</code>)</small>" if p.value is not None else "")
            + "</li>"
            for p in self.verdict.problems + self.verdict.drift
        )
        rid = f"<div><b>request_id</b> <code>{html.escape(self.request_id)}</code></div>" if self.request_id else ""
        table = list_table_html(self.endpoint_id, self.json, catalog=self.catalog) if self.ok else None
        if table is not None:  # a list answer: the table, and the tree one click away
            tree = body if len(body) <= TREE_CHARS else body[:TREE_CHARS] + "\n… (cut here; result.json holds it all)"
            shown = f"{table}<details><summary>JSON</summary><pre>{html.escape(tree)}</pre></details>"
        else:
            shown = f"<pre>{html.escape(body)}</pre>"
        return (
            "<div class='thulium-result'>"
            f"<span style='{_PILL}background:{colour}'>HTTP {self.status}</span> "
            f"<code>{html.escape(self.request.method)} {html.escape(self.request.url.split('?', 1)[0])}</code> "
            f"{self.elapsed * 1000:.0f} ms "
            f"<span style='{_PILL}background:{verdict_colour}'>contract: {html.escape(self.verdict.outcome)}</span>"
            f"{rid}{shown}" + (f"<ul>{problems}</ul>" if problems else "") + "</div>"
        )
