"""``Sandbox``: the sandbox server plus a ready client for it.

The server itself (:class:`thulium_explore.sandbox.SandboxServer`) does not know the client; this
layer, which orchestrates client, cassettes and sandbox, joins the two.

>>> from thulium_explore import Sandbox
>>> with Sandbox() as sandbox:  # doctest: +SKIP
...     sandbox.client().chat_conversations.start(chat_queue_id=3).status
200
"""

from __future__ import annotations

from typing import Any

from thulium_explore.client._client import ThuliumClient
from thulium_explore.sandbox._app import SandboxServer


class Sandbox(SandboxServer):
    """A local Thulium API on 127.0.0.1 (see :class:`SandboxServer`) with :meth:`client`."""

    def client(self, **kwargs: Any) -> ThuliumClient:
        """A :class:`ThuliumClient` for this sandbox with its credentials (starts the sandbox if needed)."""
        self.start()
        kwargs.setdefault("catalog", self.catalog)
        return ThuliumClient(self.base_url, self.user, self.password, **kwargs)
