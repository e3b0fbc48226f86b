"""The OpenAPI 3.1 export of the catalog."""

from thulium_explore._lazy import publish as _publish
from thulium_explore.openapi._export import openapi_document

__all__ = ["openapi_document"]

_publish(globals(), __name__)
