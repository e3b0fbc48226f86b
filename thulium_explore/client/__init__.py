"""The client: :class:`ThuliumClient` (one method per endpoint) and its :class:`CallResult`."""

from thulium_explore.client._client import ThuliumClient
from thulium_explore.client._result import CallResult, SentRequest

__all__ = ["CallResult", "SentRequest", "ThuliumClient"]
