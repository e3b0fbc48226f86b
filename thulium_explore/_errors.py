"""Every error thulium_explore raises, under one base.

The tree::

    ThuliumError                      base; carries .request / .response when there was one
    ├── ConfigError (ValueError)      bad base URL, missing THULIUM_* variable, insecure http
    ├── ParameterError (ValueError)   parameters that fail the schema; nothing was sent
    ├── CatalogError                  a schema file that is missing or malformed
    ├── ApiError                      the server answered non-2xx (status, request_id, errors)
    ├── TransportError                no answer: timeout, refused connection, TLS failure
    ├── PaginationError               a page of a paged walk failed (its page number; the items so far kept)
    ├── MissingDependencyError (ImportError)  an optional extra is not installed (says how to install it)
    ├── CassetteError (ValueError)    a cassette that cannot be read or has no matching recording
    ├── ScanError (ValueError)        a file or folder given to scan that does not exist or cannot be read
    └── WebhookError (ValueError)     a webhook payload that is not JSON, or whose event cannot be told

Messages never contain the password or the Authorization header: they name URLs
(without credentials), fields and values the caller passed as parameters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


class ThuliumError(Exception):
    """Base of every error raised by thulium_explore."""

    def __init__(self, message: str, *, request: Any = None, response: Any = None) -> None:
        super().__init__(message)
        self.request = request
        self.response = response


class ConfigError(ThuliumError, ValueError):
    """Configuration is missing or unsafe (base URL, credentials, TLS)."""


class CatalogError(ThuliumError):
    """A schema document is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class ParameterProblem:
    """One invalid parameter: which, why, and what a right value looks like."""

    field: str
    message: str
    example: Any = None

    def __str__(self) -> str:
        hint = f" (example: {self.field}={self.example!r})" if self.example is not None else ""
        return f"{self.field}: {self.message}{hint}"


class ParameterError(ThuliumError, ValueError):
    """Parameters failed validation against the endpoint schema; nothing was sent.

    >>> err = ParameterError("chat_conversations.start", [ParameterProblem("chat_queue_id", "is required", 3)])
    >>> print(err)
    chat_conversations.start: chat_queue_id: is required (example: chat_queue_id=3)
    """

    def __init__(self, endpoint_id: str, problems: Sequence[ParameterProblem]) -> None:
        self.endpoint_id = endpoint_id
        self.problems = list(problems)
        super().__init__(f"{endpoint_id}: " + "; ".join(str(p) for p in self.problems))


class ApiError(ThuliumError):
    """The API answered with a non-2xx status.

    ``errors`` holds Thulium's ``[{"message", "code"}]`` when the body was the documented
    error object; ``request_id`` is what Thulium support asks for.
    """

    def __init__(
        self,
        status: int,
        url: str,
        *,
        request_id: str | None = None,
        errors: Sequence[Mapping[str, Any]] = (),
        request: Any = None,
        response: Any = None,
    ) -> None:
        self.status = status
        self.url = url
        self.request_id = request_id
        self.errors = [dict(e) for e in errors]
        details = "; ".join(f"{e.get('message', '?')} (code {e.get('code', '?')})" for e in self.errors)
        rid = f" [request_id {request_id}]" if request_id else ""
        text = f"HTTP {status} from {url}{rid}" + (f": {details}" if details else "")
        super().__init__(text, request=request, response=response)


class TransportError(ThuliumError):
    """No HTTP answer: ``kind`` is ``"timeout"``, ``"connection"`` or ``"tls"``."""

    def __init__(self, kind: str, url: str, detail: str, *, request: Any = None) -> None:
        self.kind = kind
        self.url = url
        super().__init__(f"{kind} error for {url}: {detail}", request=request)


class CassetteError(ThuliumError, ValueError):
    """A cassette that cannot be read, or a request that has no recording to replay."""


class ScanError(ThuliumError, ValueError):
    """A path given to ``scan`` that does not exist or cannot be read."""


class WebhookError(ThuliumError, ValueError):
    """A webhook payload that cannot be read as JSON, or whose event is unknown or cannot be told."""


class PaginationError(ThuliumError):
    """A page of ``paginate()`` failed: no answer, a non-2xx answer, or one that breaks the contract.

    ``page`` is the failing page (1-based), ``offset`` its offset, ``items`` every item of the earlier
    pages (also kept on the paginator), ``result`` the failing page's answer (None when there was none)
    and ``__cause__`` the underlying :class:`ApiError` or :class:`TransportError`, if any.
    """

    def __init__(
        self,
        message: str,
        *,
        endpoint_id: str,
        page: int,
        offset: int,
        items: Sequence[Any],
        result: Any = None,
        request: Any = None,
    ) -> None:
        self.endpoint_id = endpoint_id
        self.page = page
        self.offset = offset
        self.items = list(items)
        self.result = result
        super().__init__(message, request=request, response=result)


class MissingDependencyError(ThuliumError, ImportError):
    """An optional dependency is not installed; the message says which extra to install."""
