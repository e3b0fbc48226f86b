"""The forms' colours (GitHub's Primer palette) and the styles made of them, in one place.

>>> status_colour(201) == GREEN, status_colour(304) == AMBER, status_colour(404) == RED
(True, True, True)
>>> from thulium_explore import Outcome
>>> set(OUTCOME_COLOURS) == set(Outcome)
True
"""

from __future__ import annotations

from thulium_explore._palette import AMBER, GREEN, GREY, RED
from thulium_explore.contract._report_html import OUTCOME_COLOURS

__all__ = ["AMBER", "GREEN", "GREY", "OUTCOME_COLOURS", "RED"]  # re-exported: the forms import colours from here

BADGE_TEXT = "white"  # on a GREEN / AMBER / RED / GREY pill
HIGHLIGHT_BACKGROUND = "#fff8c5"  # the request_id to quote to support
ERROR_BACKGROUND = "#ffebe9"
BORDER_GREY = "#d0d7de"

BLUE = "#0969da"  # replay: answers from a cassette
LIVE_COLOUR = "#bc4c00"  # a warning: calls reach your tenant (the LIVE badge beside Send)

JSON_STRING = "#0a3069"
JSON_NUMBER = "#0550ae"
JSON_LITERAL = "#8250df"  # null, true, false

#: CSS of a box holding Thulium's errors or a failed call.
ERROR_BOX = f"border-left:4px solid {RED};background:{ERROR_BACKGROUND};padding:4px 8px"
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
