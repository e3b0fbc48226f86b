"""Parts of an EndpointForm that need no form: its header, its fill/clear buttons, its client's catalog."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as W

import thulium_explore.forms._shared as _shared
from thulium_explore.catalog._catalog import Catalog, default_catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.forms._examples import NO_EXAMPLE, SAMPLES_TOOLTIP
from thulium_explore.forms._theme import ERROR_TEXT, MUTED_TEXT


def form_header_html(e: Endpoint, has_fields: bool) -> str:
    """The form's title block: summary, id, method and path, provenance, Polish summary, description."""
    pl = (
        f"<div lang='pl' style='color:{MUTED_TEXT}'><i>PL: {html.escape(e.summary_pl)}</i></div>"
        if e.summary_pl
        else ""
    )
    desc = f"<div style='font-size:90%'>{html.escape(e.description)}</div>" if e.description else ""
    empty = "" if has_fields else f"<div style='color:{MUTED_TEXT}'>This endpoint takes no parameters.</div>"
    return (
        "<div class='thulium-form-header' style='line-height:1.4'>"
        f"<b style='font-size:110%'>{html.escape(e.summary)}</b> "
        f"<code>{html.escape(e.id)}</code><div><code>{html.escape(e.method)} {html.escape(e.path)}</code>"
        f" <span style='color:{MUTED_TEXT}'>· provenance: {html.escape(e.provenance)}"
        f" · <span style='color:{ERROR_TEXT}'>*</span> required; empty optional fields are not sent</span>"
        f"</div>{pl}{desc}{empty}</div>"
    )


def action_buttons(*, documented: bool) -> tuple[W.Button, W.Button, W.Button]:
    """ "Fill documented example" (disabled without one), "Fill every field with sample values", "Clear"."""
    fill = W.Button(
        description="Fill documented example",
        icon="book",
        layout=_shared.layout(width="auto"),
        style=_shared.button_style(),
        _dom_classes=("thulium-fill-example",),
        disabled=not documented,
        tooltip="Exactly the request the documentation shows" if documented else NO_EXAMPLE,
    )
    samples = W.Button(
        description="Fill every field with sample values",
        icon="list",
        layout=_shared.layout(width="auto"),
        style=_shared.button_style(),
        tooltip=SAMPLES_TOOLTIP,
        _dom_classes=("thulium-fill-samples",),
    )
    clear = W.Button(
        description="Clear",
        icon="eraser",
        layout=_shared.layout(),
        style=_shared.button_style(),
        _dom_classes=("thulium-clear",),
    )
    return fill, samples, clear


def catalog_of(source: Any) -> Catalog:
    """The catalog of the client behind ``source`` (the default one when it has none)."""
    catalog = getattr(source, "catalog", None)  # a client or a ModeSwitch: no connecting just for this
    if not isinstance(catalog, Catalog):
        catalog = getattr(getattr(source, "client", None), "catalog", None)  # a Connection
    return catalog if isinstance(catalog, Catalog) else default_catalog()
