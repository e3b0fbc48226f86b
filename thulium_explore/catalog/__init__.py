"""The schema catalog: every documented endpoint, loaded from ``schemas/`` (JSON Schema 2020-12).

>>> from thulium_explore.catalog import default_catalog
>>> default_catalog()["chat_conversations.start"].method
'POST'
"""

from thulium_explore._lazy import publish as _publish
from thulium_explore.catalog._catalog import SCHEMA_BASE, Catalog, default_catalog, schemas_root
from thulium_explore.catalog._model import Endpoint, Link, Parameter, ResponseSpec

__all__ = [
    "SCHEMA_BASE",
    "Catalog",
    "Endpoint",
    "Link",
    "Parameter",
    "ResponseSpec",
    "default_catalog",
    "schemas_root",
]

_publish(globals(), __name__)
