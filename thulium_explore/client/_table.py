"""A list answer as an HTML table: one row per item, the documented columns first.

Which answers are lists, and their documented item fields, come from the catalog
(:func:`thulium_explore.catalog._lists.list_shape`): any endpoint whose 200 answer is
``{"count", "result": [...]}`` (or a bare array of items). Columns: the item schema's documented
fields in schema order, then the fields no schema documents, in the order they first appear
(their headers are marked *not documented*). Nested objects and arrays are shown compactly
(``{"a": 1, …}``, ``[3 items]``), every value is HTML-escaped (it comes from the server), and
only the first ``max_rows`` rows are drawn; the caption says how many there are. Colours are
JupyterLab's CSS variables with the :mod:`thulium_explore._palette` colours as fallbacks.

:func:`list_table_html` is the one builder: ``CallResult``'s HTML and the forms' response viewer
both call it.

>>> html = list_table_html("chats.list", {"count": 1, "result": [{"status": "CLOSED", "x": 1}]})
>>> "<th" in html and "CLOSED" in html
True
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from typing import Any

from thulium_explore._palette import GREY
from thulium_explore.catalog._catalog import Catalog, default_catalog
from thulium_explore.catalog._lists import ItemField, ListShape, list_shape
from thulium_explore.catalog._model import Endpoint

MAX_ROWS = 50  # rows drawn by default: enough to read, cheap to render
CELL_CHARS = 60  # a nested value's preview is cut here

_BORDER = f"var(--jp-border-color2, {GREY})"
_HEAD = "var(--jp-layout-color2, transparent)"
_TEXT = "var(--jp-content-font-color1, inherit)"
_MUTED = f"var(--jp-content-font-color2, {GREY})"
_REGION_LABEL = "Items of the answer (focus it to scroll with the arrow keys)"
_DRIFT = _MUTED  # italic + "not documented" title; --jp-warn-color1 as text reads 2.7:1 on JupyterLab Light


def list_table_html(
    endpoint: Endpoint | str,
    body: Any,
    *,
    max_rows: int = MAX_ROWS,
    catalog: Catalog | None = None,
) -> str | None:
    """The HTML table of a list answer ``body`` of ``endpoint``, or None when it is not a list of items.

    ``max_rows`` rows at most are drawn (the caption says how many items there are, and ``count``
    when the answer carries it).
    """
    catalog = catalog or default_catalog()
    endpoint_id = endpoint if isinstance(endpoint, str) else endpoint.id
    if endpoint_id not in catalog:
        return None
    shape = list_shape(catalog, endpoint_id)
    if shape is None:
        return None
    items = shape.items(body)
    if items is None:
        return None
    return items_table_html(shape, items, count=shape.count(body), max_rows=max_rows)


def items_table_html(
    shape: ListShape | None, items: Sequence[Any], *, count: int | None = None, max_rows: int = MAX_ROWS
) -> str | None:
    """The table of ``items`` (a page, or every item a paginator collected); None when none is an object."""
    if items and not any(isinstance(item, dict) for item in items):
        return None
    shown = items[: max(0, max_rows)]
    fields = shape.fields if shape is not None else ()
    documented, extra = columns(fields, shown)
    by_name = {f.name: f for f in fields}
    head = "".join(_header(name, by_name.get(name)) for name in documented) + "".join(
        _header(name, None) for name in extra
    )
    names = [*documented, *extra]
    rows = "".join(_row(item, names) for item in shown)
    caption = _caption(len(items), len(shown), count)
    cell = f"border:1px solid {_BORDER};padding:2px 6px;text-align:left;vertical-align:top"
    return (
        "<div class='thulium-table'>"
        f"<style>.thulium-table th, .thulium-table td {{{cell}}} .thulium-table th {{background:{_HEAD}}}</style>"
        f"<div style='color:{_MUTED};margin:2px 0'>{html.escape(caption)}</div>"
        # a scrolled box the keyboard can reach and a screen reader can name (axe-core: scrollable-region-focusable)
        f"<div tabindex='0' role='region' aria-label='{html.escape(_REGION_LABEL, quote=True)}' "
        "style='overflow:auto;max-height:32em;max-width:100%'>"
        f"<table style='border-collapse:collapse;font-size:90%;color:{_TEXT}'>"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div></div>"
    )


def columns(fields: Iterable[ItemField], items: Iterable[Any]) -> tuple[list[str], list[str]]:
    """(documented names present in some item, in schema order; undocumented names in first-seen order)."""
    documented = [f.name for f in fields]
    known = set(documented)
    present: set[str] = set()
    extra: dict[str, None] = {}
    for item in items:
        if not isinstance(item, dict):
            continue
        for key in item:
            if key in known:
                present.add(key)
            else:
                extra.setdefault(str(key), None)
    return [name for name in documented if name in present], list(extra)


def _caption(total: int, shown: int, count: int | None) -> str:
    noun = "item" if total == 1 else "items"
    text = f"{total} {noun}"
    if count is not None and count != total:
        text += f" of count {count} (the total ignoring limit; page with paginate())"
    if shown < total:
        text += f"; showing the first {shown}"
    return text


def _header(name: str, spec: ItemField | None) -> str:
    if spec is None:
        return (
            f"<th title='not documented in the schema (drift)' style='font-style:italic;color:{_DRIFT}'>"
            f"{html.escape(name)}</th>"
        )
    title = f" title='{html.escape(spec.description, quote=True)}'" if spec.description else ""
    return f"<th{title}>{html.escape(name)}</th>"


def _row(item: Any, names: Sequence[str]) -> str:
    if not isinstance(item, dict):
        return f"<tr><td colspan='{max(1, len(names))}'>{html.escape(compact(item))}</td></tr>"
    return "<tr>" + "".join(_cell(item, name) for name in names) + "</tr>"


def _cell(item: dict[str, Any], name: str) -> str:
    if name not in item:
        return "<td></td>"
    value = item[name]
    if value is None:
        return f"<td style='color:{_MUTED}'>null</td>"
    if isinstance(value, dict | list):
        full = json.dumps(value, ensure_ascii=False)
        short = compact(value)
        title = f" title='{html.escape(full[:2000], quote=True)}'" if short != full else ""
        return f"<td{title}><code>{html.escape(short)}</code></td>"
    if isinstance(value, bool):
        return f"<td>{'true' if value else 'false'}</td>"
    return f"<td>{html.escape(str(value))}</td>"


def compact(value: Any, limit: int = CELL_CHARS) -> str:
    """A short preview of a value: ``[]``, ``[3 items]``, ``{"a": 1, "b": "x"}`` cut at ``limit`` characters."""
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(not isinstance(v, dict | list) for v in value):
            text = json.dumps(value, ensure_ascii=False)
            if len(text) <= limit:
                return text
        return f"[{len(value)} item{'s' if len(value) != 1 else ''}]"
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= limit else text[: limit - 1] + "…"
