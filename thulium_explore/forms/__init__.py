"""Notebook forms for the catalog's endpoints (ipywidgets 8), the response viewer and the mode switch.

Importing ``thulium_explore`` does not import this package; it loads ipywidgets on first use.

>>> from thulium_explore import connect
>>> from thulium_explore.forms import EndpointForm, explore
>>> form = EndpointForm(connect(), "chat_conversations.start")  # doctest: +SKIP
>>> form  # displays the form in a notebook  # doctest: +SKIP
>>> explore()  # pick any endpoint; the mode switch on top  # doctest: +SKIP
"""

from thulium_explore._lazy import publish as _publish
from thulium_explore.forms._a11y import Accessibility, CopyButton
from thulium_explore.forms._builders import BUILDERS, build_input, kind_of
from thulium_explore.forms._explore import Explorer, explore
from thulium_explore.forms._field import Field
from thulium_explore.forms._form import EndpointForm
from thulium_explore.forms._history import History, HistoryEntry, session_history
from thulium_explore.forms._modeswitch import ModeSwitch
from thulium_explore.forms._progress import ProgressBar, progress_bar
from thulium_explore.forms._saving import DEFAULT_RECIPE, SavedRow
from thulium_explore.forms._spec import UNSET, FieldSpec, endpoint_specs
from thulium_explore.forms._static import strip_widget_views
from thulium_explore.forms._suggest import SuggestionBox
from thulium_explore.forms._types import Input
from thulium_explore.forms._viewer import SNIPPET_TABS, ResponseViewer

__all__ = [
    "BUILDERS",
    "DEFAULT_RECIPE",
    "SNIPPET_TABS",
    "UNSET",
    "Accessibility",
    "CopyButton",
    "EndpointForm",
    "Explorer",
    "Field",
    "FieldSpec",
    "History",
    "HistoryEntry",
    "Input",
    "ModeSwitch",
    "ProgressBar",
    "ResponseViewer",
    "SavedRow",
    "SuggestionBox",
    "build_input",
    "endpoint_specs",
    "explore",
    "kind_of",
    "progress_bar",
    "session_history",
    "strip_widget_views",
]

_publish(globals(), __name__)
