"""HTML for the response viewer: status badge, verdict, Thulium's errors, a collapsible JSON tree.

Pure functions (no widgets), so they are cheap to test.

>>> "HTTP 200" in status_badge(200)
True
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from thulium_explore.client._result import CallResult
from thulium_explore.client._table import list_table_html
from thulium_explore.contract._response import Problem, Verdict
from thulium_explore.forms._theme import (
    AMBER,
    BADGE_TEXT,
    ERROR_BOX,
    HIGHLIGHT,
    JSON_LITERAL,
    JSON_NUMBER,
    JSON_STRING,
    MUTED_TEXT,
    OUTCOME_COLOURS,
    RED,
    status_colour,
)

_MAX_ITEMS = 200
_OPEN_DEPTH = 2
_PREVIEW_WIDTH = 60
_GLIMPSE = 12  # characters of a string shown in a preview


def badge(text: str, colour: str, css: str, title: str = "") -> str:
    """A pill: white text on a fixed fill, readable in every theme (``title`` is its tooltip)."""
    tip = f" title='{html.escape(title)}'" if title else ""
    return (
        f"<span class='{css}'{tip} style='background:{colour};color:{BADGE_TEXT};padding:1px 7px;"
        f"border-radius:10px;font-weight:600'>{html.escape(text)}</span>"
    )


def status_badge(status: int) -> str:
    """A coloured ``HTTP 200`` pill: green 2xx, amber 3xx, red otherwise."""
    return badge(f"HTTP {status}", status_colour(status), "thulium-status")


def verdict_badge(verdict: Verdict) -> str:
    """``contract: pass`` (green), ``pass (drift)`` (amber), ``FAIL`` (red), ``unchecked`` (grey)."""
    outcome = verdict.outcome
    return badge(f"contract: {outcome}", OUTCOME_COLOURS[outcome], "thulium-verdict")


def request_line(result: CallResult) -> str:
    """``POST /api/chat_conversations/start?chat_queue_id=3`` (no host, no credentials)."""
    parts = urlsplit(result.request.url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    return f"{result.request.method} {target}"


def summary_html(result: CallResult) -> str:
    """The first lines: status, request, elapsed time, verdict, request_id."""
    rid = ""
    if result.request_id:
        rid = (
            f"<div class='thulium-request-id'>request_id"
            f" <mark style='{HIGHLIGHT};padding:0 4px'>"
            f"<code>{html.escape(result.request_id)}</code></mark> — quote it to Thulium support</div>"
        )
    return (
        f"<div class='thulium-summary'>{status_badge(result.status)} "
        f"<code class='thulium-request'>{html.escape(request_line(result))}</code> "
        f"<span class='thulium-elapsed' style='color:{MUTED_TEXT}'>{result.elapsed * 1000:.0f} ms</span> "
        f"{verdict_badge(result.verdict)}</div>{rid}"
    )


def errors_html(result: CallResult) -> str:
    """Thulium's ``errors[{message, code}]``, highlighted; empty when there are none."""
    if not result.errors:
        return ""
    items = "".join(
        f"<li><b>{html.escape(str(e.get('message', '?')))}</b>"
        f" <span style='color:{MUTED_TEXT}'>code {html.escape(str(e.get('code', '?')))}</span></li>"
        for e in result.errors
    )
    return (
        f"<div class='thulium-api-errors' style='{ERROR_BOX};margin:4px 0'>"
        f"Thulium says:<ul style='margin:2px 0'>{items}</ul></div>"
    )


#: Violations / drift rows drawn (a 1,000-item list with one undocumented field has 1,000 drift rows).
MAX_PROBLEM_ROWS = 50


def _problem_rows(problems: list[Problem]) -> str:
    rows = "".join(
        f"<tr><td><code>{html.escape(p.path)}</code></td><td>{html.escape(p.message)}</td>"
        f"<td><code>{html.escape(_short(p.value))}</code></td></tr>"
        for p in problems[:MAX_PROBLEM_ROWS]
    )
    more = len(problems) - MAX_PROBLEM_ROWS
    if more > 0:
        rows += (
            f"<tr><td colspan='3' style='color:{MUTED_TEXT}'>… {more} more (result.verdict lists them all)</td></tr>"
        )
    return rows


def verdict_html(verdict: Verdict) -> str:
    """Each violation and each drift with its JSON path and offending value, and what to do."""
    if not verdict.checked:
        return f"<div style='color:{MUTED_TEXT}'>Not checked: the catalog does not document this answer.</div>"
    out = []
    head = "<tr><th align='left'>JSON path</th><th align='left'>problem</th><th align='left'>value</th></tr>"
    if verdict.problems:
        out.append(
            f"<div class='thulium-violations'>{badge('Contract violations', RED, 'thulium-violations-label')}"
            " the answer does not match the documented schema. If the schema's fact is <i>inferred</i>, fix the schema;"
            f" if it is <i>documented</i>, the API changed: report it.<table>{head}"
            f"{_problem_rows(verdict.problems)}</table></div>"
        )
    if verdict.drift:
        out.append(
            f"<div class='thulium-drift'>{badge('Drift', AMBER, 'thulium-drift-label')} fields the schema does not"
            f" document (a warning): consider documenting them.<table>{head}{_problem_rows(verdict.drift)}"
            "</table></div>"
        )
    return "".join(out)


def json_tree_html(value: Any, *, label: str = "body", depth: int = 0) -> str:
    """A JSON value as nested ``<details>``: objects and arrays fold, the first levels start open."""
    if isinstance(value, Mapping):
        children = [json_tree_html(v, label=str(k), depth=depth + 1) for k, v in list(value.items())[:_MAX_ITEMS]]
        more = len(value) - _MAX_ITEMS
        return _folder(label, f"{preview(value)} {len(value)} key{'s' * (len(value) != 1)}", children, more, depth)
    if isinstance(value, list):
        children = [json_tree_html(v, label=f"[{i}]", depth=depth + 1) for i, v in enumerate(value[:_MAX_ITEMS])]
        more = len(value) - _MAX_ITEMS
        return _folder(label, f"{preview(value)} {len(value)} item{'s' * (len(value) != 1)}", children, more, depth)
    return (
        f"<div class='thulium-leaf' style='margin-left:1.2em'><span style='color:{MUTED_TEXT}'>"
        f"{html.escape(label)}:</span> {_scalar(value)}</div>"
    )


def preview(value: Any, *, width: int = _PREVIEW_WIDTH) -> str:
    """A one-line, escaped glimpse of a folded object or array: ``{conversation_id: "6ed7c941…", …}``.

    >>> preview({"a": "abcdefghijklmnop", "b": [1], "c": None})
    '{a: &quot;abcdefghijkl…&quot;, b: […], c: null}'
    """
    if isinstance(value, Mapping):
        parts, opening, closing = [f"{k}: {_glimpse(v)}" for k, v in list(value.items())[:6]], "{", "}"
    elif isinstance(value, list):
        parts, opening, closing = [_glimpse(v) for v in value[:6]], "[", "]"
    else:
        return html.escape(_glimpse(value))
    shown: list[str] = []
    for part in parts:
        if len(", ".join([*shown, part])) > width:
            break
        shown.append(part)
    if len(shown) < len(value):
        shown.append("…")
    return html.escape(opening + ", ".join(shown) + closing)


def _glimpse(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{…}" if value else "{}"
    if isinstance(value, list):
        return "[…]" if value else "[]"
    if isinstance(value, str) and len(value) > _GLIMPSE:
        return json.dumps(value[:_GLIMPSE] + "…", ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def _folder(label: str, hint: str, children: list[str], more: int, depth: int) -> str:
    tail = f"<div style='margin-left:1.2em;color:{MUTED_TEXT}'>… {more} more</div>" if more > 0 else ""
    opened = " open" if depth < _OPEN_DEPTH else ""
    return (
        f"<details{opened} style='margin-left:{0 if depth == 0 else 1.2}em'><summary>"
        f"<span style='color:{MUTED_TEXT}'>{html.escape(label)}</span> <small>{hint}</small></summary>"
        f"{''.join(children)}{tail}</details>"
    )


def _scalar(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        colour = JSON_STRING
    else:
        colour = JSON_LITERAL if value is None or isinstance(value, bool) else JSON_NUMBER
    return f"<code style='color:{colour}'>{html.escape(text)}</code>"


def body_size(result: CallResult) -> int:
    """The response body's size in bytes (as decoded text, UTF-8; a gzip answer was bigger unpacked)."""
    return len(result.text.encode("utf-8"))


def pretty_body(result: CallResult) -> str:
    """The body as text: JSON indented, anything else as it came."""
    if result.json is not None:
        return json.dumps(result.json, indent=2, ensure_ascii=False)
    return result.text


def sent_body_text(result: CallResult) -> str:
    """The request body that was sent (JSON indented), empty when none; credentials travel only in headers."""
    raw = result.request.body
    if not raw:
        return ""
    text = raw.decode("utf-8", errors="replace")
    try:
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    except ValueError:
        return text


def request_body_html(result: CallResult) -> str:
    """The request body sent, collapsed (``Request body (41 bytes)``), or a note that none was sent."""
    raw = result.request.body
    if not raw:
        return f"<div class='thulium-request-body' style='color:{MUTED_TEXT}'>No request body was sent.</div>"
    return (
        f"<details class='thulium-request-body'><summary>Request body sent ({len(raw)} bytes)</summary>"
        f"<pre style='white-space:pre-wrap'>{html.escape(sent_body_text(result))}</pre></details>"
    )


def body_html(result: CallResult, *, raw: bool = False, table: bool = False) -> str:
    """The body as a tree when it is JSON (``raw``: as the text that came; ``table``: a list answer as a
    table, :func:`body_table`), as text otherwise, or a note."""
    size = f"<div class='thulium-size' style='color:{MUTED_TEXT}'>Response body: {body_size(result)} bytes</div>"
    return size + _body(result, raw=raw, table=table)


def body_table(result: CallResult) -> str | None:
    """A 2xx list answer's items as a table (the first rows; client/_table.py), None for any other answer."""
    if not result.ok or result.json is None:
        return None
    return list_table_html(result.endpoint_id, result.json, catalog=result.catalog)


def _body(result: CallResult, *, raw: bool, table: bool = False) -> str:
    if table and not raw and (shown := body_table(result)) is not None:
        return f"<div class='thulium-body thulium-table-view'>{shown}</div>"
    if raw and result.text:
        return f"<pre class='thulium-body thulium-raw' style='white-space:pre-wrap'>{html.escape(result.text)}</pre>"
    if result.json is not None:
        return f"<div class='thulium-body'>{json_tree_html(result.json)}</div>"
    if result.text:
        return f"<pre class='thulium-body'>{html.escape(result.text[:5000])}</pre>"
    return f"<div class='thulium-body' style='color:{MUTED_TEXT}'>(empty body)</div>"


def headers_html(result: CallResult) -> str:
    """Response and (masked) request headers, collapsed."""

    def table(headers: Mapping[str, str]) -> str:
        rows = "".join(
            f"<tr><td><code>{html.escape(k)}</code></td><td><code>{html.escape(v)}</code></td></tr>"
            for k, v in headers.items()
        )
        return f"<table>{rows}</table>"

    return (
        f"<details class='thulium-headers'><summary>Response headers ({len(result.headers)})</summary>"
        f"{table(result.headers)}</details><details><summary>Request headers (Authorization masked)"
        f"</summary>{table(result.request.headers)}</details>"
    )


def result_html(result: CallResult, *, raw: bool = False, table: bool = False) -> str:
    """Everything above the copy-as tabs (``raw``: the body as the text that came, not a tree; ``table``: a
    list answer as a table)."""
    return (
        summary_html(result)
        + errors_html(result)
        + verdict_html(result.verdict)
        + request_body_html(result)
        + body_html(result, raw=raw, table=table)
        + headers_html(result)
    )


def failure_html(endpoint_id: str, message: str) -> str:
    """A call that got no answer or was refused before sending."""
    return (
        f"<div class='thulium-failure' style='{ERROR_BOX}'>"
        f"<b>{html.escape(endpoint_id)}</b>: {html.escape(message)}</div>"
    )


def _short(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."
