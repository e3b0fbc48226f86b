"""The client: :class:`ThuliumClient` (one method per endpoint), its :class:`CallResult`, paging
(:class:`Paginator`), list tables and the kernel's memory of linked values (:func:`suggestions`)."""

from thulium_explore._lazy import publish as _publish
from thulium_explore.client._client import ThuliumClient
from thulium_explore.client._memory import Memory, Suggestion, default_memory, linked_parameters, suggestions
from thulium_explore.client._paginate import Paginator
from thulium_explore.client._result import CallResult, SentRequest
from thulium_explore.client._table import list_table_html

__all__ = [
    "CallResult",
    "Memory",
    "Paginator",
    "SentRequest",
    "Suggestion",
    "ThuliumClient",
    "default_memory",
    "linked_parameters",
    "list_table_html",
    "suggestions",
]

_publish(globals(), __name__)
