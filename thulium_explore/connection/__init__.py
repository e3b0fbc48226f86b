"""One layer above client, cassettes and sandbox that joins them: ``connect()`` and its modes,
``Sandbox`` with a ready client, and the recipe recorder."""

from thulium_explore._lazy import publish as _publish
from thulium_explore.connection._connect import Connection, connect
from thulium_explore.connection._recipes import load_recipe, record_recipe
from thulium_explore.connection._sandbox import Sandbox

__all__ = [
    "Connection",
    "Sandbox",
    "connect",
    "load_recipe",
    "record_recipe",
]

_publish(globals(), __name__)
