"""The catalog as a Postman Collection v2.1 (folders by group, documented examples, schema tests for Newman)."""

from thulium_explore._lazy import publish as _publish
from thulium_explore.postman._collection import postman_collection
from thulium_explore.postman._schema import Draft07, draft07

__all__ = ["Draft07", "draft07", "postman_collection"]

_publish(globals(), __name__)
