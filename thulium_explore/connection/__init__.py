"""One layer above client, cassettes and sandbox that joins them: ``connect()`` and its modes,
``Sandbox`` with a ready client, the recipe recorder and saved calls (recipes written from code or a form)."""

from thulium_explore._lazy import publish as _publish
from thulium_explore.connection._connect import Connection, connect
from thulium_explore.connection._recipes import load_recipe, record_recipe
from thulium_explore.connection._sandbox import Sandbox
from thulium_explore.connection._saved import SavedCall, load_call, save_call, saved_calls

__all__ = [
    "Connection",
    "Sandbox",
    "SavedCall",
    "connect",
    "load_call",
    "load_recipe",
    "record_recipe",
    "save_call",
    "saved_calls",
]

_publish(globals(), __name__)
