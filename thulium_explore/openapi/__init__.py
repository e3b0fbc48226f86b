"""The OpenAPI 3.1 export of the catalog."""

from thulium_explore.openapi._export import openapi_document

__all__ = ["openapi_document"]
