"""The forms' colours and the styles made of them, in one place (fills and text: see ``_palette.py``).

>>> status_colour(201) == GREEN, status_colour(304) == AMBER, status_colour(404) == RED
(True, True, True)
>>> from thulium_explore import Outcome
>>> set(OUTCOME_COLOURS) == set(Outcome)
True
"""

from __future__ import annotations

from thulium_explore._palette import AMBER, BADGE_TEXT, ERROR_TEXT, GREEN, GREY, MUTED_TEXT, RED, TEXT
from thulium_explore.contract._report_html import OUTCOME_COLOURS

__all__ = [  # re-exported: the forms import colours from here
    "AMBER",
    "BADGE_TEXT",
    "ERROR_TEXT",
    "GREEN",
    "GREY",
    "MUTED_TEXT",
    "OUTCOME_COLOURS",
    "RED",
    "TEXT",
]

#: The request_id to quote to support: a fixed light mark with its own dark text (readable in both themes).
HIGHLIGHT = "background:#fff8c5;color:#1f2328"
#: Theme-aware background of an error box (JupyterLab's own error output background).
ERROR_BACKGROUND = "var(--jp-rendermime-error-background, #ffebe9)"
BORDER_GREY = "var(--jp-border-color2, #d0d7de)"

BLUE = "#0969da"  # fill — replay: answers from a cassette
LIVE_COLOUR = "#bc4c00"  # fill — a warning: calls reach your tenant (the LIVE badge beside Send)

# JSON values in the body tree: the colours JupyterLab's own editor gives strings, numbers and keywords
# (each ≥ 4.5:1 on JupyterLab Light and Dark); the fallbacks are GitHub's light ones.
JSON_STRING = "var(--jp-mirror-editor-string-color, #0a3069)"
JSON_NUMBER = "var(--jp-mirror-editor-number-color, #0550ae)"
JSON_LITERAL = "var(--jp-mirror-editor-keyword-color, #8250df)"  # null, true, false

#: CSS of a box holding Thulium's errors or a failed call: theme background, theme text, a red edge.
ERROR_BOX = f"border-left:4px solid {RED};background:{ERROR_BACKGROUND};color:{TEXT};padding:4px 8px"
#: Border of a nested group of fields.
GROUP_BORDER = f"1px solid {BORDER_GREY}"


#: The colour of the target badge beside Send, by mode (``client`` is a bare ThuliumClient on loopback).
TARGET_COLOURS: dict[str, str] = {
    "sandbox": GREEN,
    "replay": BLUE,
    "record": AMBER,
    "live": LIVE_COLOUR,
    "client": GREY,
}


def status_colour(status: int) -> str:
    """The colour of an HTTP status: green 2xx, amber 3xx, red otherwise."""
    return GREEN if 200 <= status < 300 else AMBER if 300 <= status < 400 else RED


#: The keyboard focus ring: JupyterLab's brand colour (≥ 3:1 on Light and Dark), thick and offset.
FOCUS_RING = "var(--jp-brand-color1, #0969da)"
_FOCUSABLE = ":is(input, textarea, select, button, summary, [tabindex])"
#: Loaded with the anywidgets of ``forms/_a11y.py``: a visible focus ring on every control of the forms,
#: the explorer and the mode switch, a red edge on an editor marked invalid, the visually hidden class.
A11Y_CSS = f"""
:is(.thulium-form, .thulium-explorer, .thulium-mode-switch, .thulium-copy-widget) {_FOCUSABLE}:focus-visible {{
  outline: 3px solid {FOCUS_RING} !important;
  outline-offset: 2px !important;
}}
.thulium-form [aria-invalid="true"] {{
  border-color: {ERROR_TEXT} !important;
  box-shadow: 0 0 0 1px {ERROR_TEXT};
}}
.thulium-copy-status {{ color: {MUTED_TEXT}; }}
.thulium-visually-hidden {{
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
}}
"""
