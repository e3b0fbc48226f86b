"""The client: :class:`ThuliumClient` (one method per endpoint) and its :class:`CallResult`."""

from thulium_explore._lazy import publish as _publish
from thulium_explore.client._client import ThuliumClient
from thulium_explore.client._result import CallResult, SentRequest

__all__ = ["CallResult", "SentRequest", "ThuliumClient"]

_publish(globals(), __name__)
