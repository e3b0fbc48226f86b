"""The client: one ``requests.Session``, safe defaults, schema checks before and after each call.

>>> from thulium_explore import ThuliumClient
>>> client = ThuliumClient("https://your-system-name.thulium.com", "api_user", "api_pass")
>>> result = client.chat_conversations.start(chat_queue_id=3, client_id="1234")  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import ipaddress
import logging
import math
import os
import re
import time
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from requests.auth import HTTPBasicAuth
from requests.models import PreparedRequest

from thulium_explore._errors import ConfigError, TransportError
from thulium_explore._settings import ENV_BASE_URL, ENV_PASSWORD, ENV_USER
from thulium_explore._wire import _params
from thulium_explore._wire._query import query_string
from thulium_explore.catalog._catalog import Catalog, default_catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.client._endpoints import EndpointGroups
from thulium_explore.client._groups import EndpointGroup, GroupAttribute, has_group
from thulium_explore.client._memory import Memory, default_memory
from thulium_explore.client._paginate import Paginator, Progress
from thulium_explore.client._result import MASK, CallResult, SentRequest
from thulium_explore.client._transport import DirectAdapter, Timeouts, direct_settings, send_within, time_limits
from thulium_explore.contract._response import EMPTY_BODY, Problem, Verdict, check_response, parse_body

log = logging.getLogger("thulium_explore")


class _DropQueryStrings(logging.Filter):
    """urllib3 logs every request line at DEBUG, query string (names, e-mails) included: cut it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_QUERY.sub("?…", a) if isinstance(a, str) else a for a in record.args)
        return True


_QUERY = re.compile(r"\?[^\s\"']*")
logging.getLogger("urllib3.connectionpool").addFilter(_DropQueryStrings())

_MEMORY = default_memory()
DEFAULT_TIMEOUT = 30.0  # the documented PHP sample's CURLOPT_TIMEOUT (a limit on the whole transfer, as here)


class _BasicAuth(HTTPBasicAuth):
    """Basic auth whose repr never shows the password; credentials sent as UTF-8.

    requests encodes ``user:password`` as latin-1 and fails on e.g. ``ż``; RFC 7617 names UTF-8.
    Which charset Thulium expects is not documented (inferred).
    """

    def __call__(self, r: PreparedRequest) -> PreparedRequest:
        r.headers["Authorization"] = self._header
        return r

    @cached_property
    def _header(self) -> str:
        """``Basic <base64 of user:password>``, worked out on first use."""
        user, password = (v.decode() if isinstance(v, bytes) else v for v in (self.username, self.password))
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")

    def __repr__(self) -> str:
        return f"BasicAuth(user={self.username!r}, password={MASK!r})"


def is_loopback(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def normalise_base_url(base_url: str, *, allow_insecure_http: bool = False) -> str:
    """``https://tenant.thulium.com[/api][/]`` → ``https://tenant.thulium.com``; refuse unsafe ones."""
    text = (base_url or "").strip()
    example = "https://your-system-name.thulium.com"
    # Checked before any parsing, and nothing of the URL is shown: a password may hold / # ? [ ] @ :,
    # which move where a parser sees the authority end ("https://user:pa/ss@host" has its "@" in the
    # path) and put the password in the parser's error. A base URL has no use for "@" anywhere.
    if "@" in text:
        raise ConfigError(
            "base_url: must not carry credentials; pass user and password separately "
            f'(example: ThuliumClient("{example}", user, password))'
        )
    shown = text[:60]
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        raise ConfigError(f"base_url: {shown!r} is not a valid URL ({exc}) (example: {example})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"base_url: {shown!r} is not an http(s) URL (example: {example})")
    if parts.scheme == "http" and not (allow_insecure_http or is_loopback(parts.hostname)):
        raise ConfigError(
            f"base_url: plain http to {parts.hostname} would send the password unencrypted; "
            f"use https (example: {example}) or allow insecure http explicitly "
            "(allow_insecure_http=True, CLI --insecure-http)"
        )
    path = re.sub(r"/api/?$", "", parts.path.rstrip("/"))
    return f"{parts.scheme}://{parts.netloc}{path}"


class ThuliumClient(EndpointGroups):
    """A client for one Thulium tenant.

    Every call is validated against the catalog before it is sent and its answer is
    checked against the documented response. TLS verification is on, every call has a
    deadline (``timeout``: connect to the last byte of the answer), nothing is retried,
    redirects are not followed, a loopback base URL never goes through a proxy. Each endpoint is also a method,
    ``client.chat_conversations.start(chat_queue_id=3)``, typed for type checkers and IDEs
    (:class:`EndpointGroups`, generated from the schemas).

    >>> client = ThuliumClient.from_env()  # doctest: +SKIP
    >>> client.call("chat_conversations.start", chat_queue_id=3).json  # doctest: +SKIP
    {'conversation_id': '6ed7c941-2c8a-411e-95d2-338a9f64800a'}
    """

    def __init__(
        self,
        base_url: str,
        user: str,
        password: str,
        *,
        timeout: Timeouts = DEFAULT_TIMEOUT,
        verify: bool | str = True,
        session: requests.Session | None = None,
        allow_insecure_http: bool = False,
        catalog: Catalog | None = None,
        memory: Memory | None = _MEMORY,
    ) -> None:
        self.base_url = normalise_base_url(base_url, allow_insecure_http=allow_insecure_http)
        if not user:
            raise ConfigError("user: is empty (example: user='api_user')")
        if password is None or password == "":
            raise ConfigError("password: is empty (set THULIUM_API_PASSWORD)")
        self.timeout = timeout
        if verify is False:
            log.warning("TLS verification is off for %s", self.base_url)
        self.user = user
        self.verify = verify
        self.catalog = catalog or default_catalog()
        #: where linked answer values go for suggestions (the kernel-wide memory; None: remember nothing)
        self.memory = memory
        self._auth = _BasicAuth(user, password)
        # Decided once: a loopback base URL never goes through a proxy (see client/_transport.py).
        self._direct = is_loopback(urlsplit(self.base_url).hostname or "")
        self._own_session = session is None
        self.session = session or self._new_session(direct=self._direct)

    @property
    def timeout(self) -> Timeouts:
        """Seconds the whole call may take, connect to the last byte of the answer.

        A ``(connect, read)`` pair limits the connect and each read as in requests, and the whole
        call to their sum.
        """
        return self._timeout

    @timeout.setter
    def timeout(self, timeout: Timeouts) -> None:
        timeouts = timeout if isinstance(timeout, tuple) and len(timeout) == 2 else (timeout,)
        if not all(isinstance(t, int | float) and 0 < t < math.inf for t in timeouts):
            raise ConfigError(f"timeout: must be a positive number of seconds (example: timeout=30.0), got {timeout!r}")
        self._timeout = timeout
        self._limits = time_limits(timeout)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **kwargs: Any) -> ThuliumClient:
        """Build a client from ``THULIUM_BASE_URL``, ``THULIUM_API_USER``, ``THULIUM_API_PASSWORD``."""
        env = os.environ if environ is None else environ
        missing = [n for n in (ENV_BASE_URL, ENV_USER, ENV_PASSWORD) if not env.get(n)]
        if missing:
            raise ConfigError(
                f"{', '.join(missing)}: not set in the environment "
                f"(example: export {ENV_BASE_URL}=https://your-system-name.thulium.com)"
            )
        return cls(env[ENV_BASE_URL], env[ENV_USER], env[ENV_PASSWORD], **kwargs)

    @staticmethod
    def _new_session(*, direct: bool = False) -> requests.Session:
        """A session with zero retries on every scheme (never resend a POST); ``direct``: never via a proxy."""
        session = requests.Session()
        adapter = DirectAdapter if direct else HTTPAdapter
        for prefix in ("https://", "http://"):
            session.mount(prefix, adapter(max_retries=0))
        return session

    def __repr__(self) -> str:
        return f"ThuliumClient({self.base_url!r}, user={self.user!r}, password={MASK!r})"

    def __enter__(self) -> ThuliumClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the session if the client made it."""
        if self._own_session:
            self.session.close()

    def call(self, endpoint_id: str, /, **params: Any) -> CallResult:
        """Validate ``params``, send the call, return the answer with its contract verdict.

        Raises :class:`ParameterError` (nothing sent) or :class:`TransportError` (no answer).
        A non-2xx answer is returned; ``result.raise_for_status()`` turns it into ``ApiError``.
        """
        return self.send(endpoint_id, params)

    def paginate(
        self,
        endpoint_id: str,
        /,
        *,
        page_size: int | None = None,
        max_items: int | None = None,
        progress: Progress | None = None,
        **params: Any,
    ) -> Paginator:
        """Every item of a paged list, page by page (``limit``/``offset``): a :class:`Paginator`.

        ``page_size`` defaults to the documented default ``limit`` and may not exceed its documented
        maximum; ``max_items`` stops early; ``progress(pages, items, count)`` is called after each
        page. Each page is validated and contract-checked; a failing page raises
        :class:`PaginationError` (its page number; the items so far stay on the paginator).
        Parameters are checked before anything is sent.

        >>> pages = client.paginate("chats.list", chat_queue_id=3, page_size=50)  # doctest: +SKIP
        >>> frame = pages.to_dataframe()  # doctest: +SKIP
        """
        return Paginator(self, endpoint_id, params, page_size=page_size, max_items=max_items, progress=progress)

    def send(self, endpoint_id: str, params: Mapping[str, Any]) -> CallResult:
        """Like :meth:`call`, with parameters as a mapping (for names that are not identifiers)."""
        endpoint = self.catalog[endpoint_id]
        _params.require_valid(self.catalog, endpoint, params)
        wire = _params.to_wire(endpoint, params)
        headers = {"Content-Type": wire.content_type, "Accept": "application/json"}
        url = self.base_url + wire.path
        prepared = self.session.prepare_request(
            requests.Request(
                wire.method, _with_query(url, wire.query), data=wire.body or b"", headers=headers, auth=self._auth
            )
        )
        shown_params = _params.mask_secrets(endpoint, params)
        shown = wire if shown_params is params else _params.to_wire(endpoint, shown_params)
        shown_url = prepared.url or url
        if shown is not wire and shown.query != wire.query:
            shown_url = requests.Request("GET", _with_query(url, shown.query)).prepare().url or url
        # The prepared headers become the shown ones: the credentials are masked in place once sent.
        sent = SentRequest(wire.method, shown_url, prepared.headers, shown.body, shown)
        settings: Mapping[str, Any]
        if self._direct:  # loopback never goes through a proxy, whatever the environment says
            settings = direct_settings(self.session, self.verify)
        else:  # like Session.request: honour REQUESTS_CA_BUNDLE / proxies from the environment
            settings = self.session.merge_environment_settings(prepared.url, {}, None, self.verify, None)
        started = time.perf_counter()
        try:
            response = send_within(self.session, prepared, self._limits, **settings)
        except requests.RequestException as exc:
            raise _transport_error(exc, url, sent) from None
        finally:
            prepared.headers["Authorization"] = f"Basic {MASK}"
        elapsed = time.perf_counter() - started
        log.debug("%s %s -> %s in %.3f s", wire.method, url, response.status_code, elapsed)
        result = self._result(endpoint, shown_params, sent, response, elapsed)
        if self.memory is not None and endpoint.links and result.ok:  # in this process only, never written
            self.memory.remember(endpoint, result.json)
        return result

    def _result(
        self,
        endpoint: Endpoint,
        params: Mapping[str, Any],
        sent: SentRequest,
        response: requests.Response,
        elapsed: float,
    ) -> CallResult:
        """Parse the body leniently and attach the contract verdict."""
        content = response.content
        try:
            parsed = parse_body(content)
        except (ValueError, UnicodeDecodeError):
            parsed = _NOT_JSON
        if parsed is _NOT_JSON:  # check_response words the problem, with an excerpt
            verdict = check_response(self.catalog, endpoint, response.status_code, content)
        else:
            verdict = check_response(self.catalog, endpoint, response.status_code, content, parsed=parsed)
        body = None if parsed is _NOT_JSON or parsed is EMPTY_BODY else parsed
        if 300 <= response.status_code < 400:
            verdict = Verdict(
                endpoint.id,
                response.status_code,
                [*verdict.problems, Problem("$", f"redirect to {response.headers.get('Location', '?')} not followed")],
            )
        return CallResult(
            endpoint_id=endpoint.id,
            params=dict(params),
            status=response.status_code,
            headers=response.headers,  # requests' case-insensitive mapping: result.headers["content-type"] works
            text=content.decode(response.encoding or "utf-8", "replace"),  # no charset sniffing
            json=body,
            elapsed=elapsed,
            request=sent,
            verdict=verdict,
            catalog=self.catalog,
        )

    if not TYPE_CHECKING:  # type checkers see only the typed groups (EndpointGroups): a misspelt one is an error

        def __getattr__(self, name: str) -> EndpointGroup:
            return _untyped_group(self, name)

    def __dir__(self) -> list[str]:
        groups = {e.split(".", 1)[0] for e in self.catalog.endpoints}
        return sorted((set(super().__dir__()) - _TYPED_GROUPS) | groups)


#: the groups EndpointGroups declares; dir() lists only those the client's catalog has
_TYPED_GROUPS = frozenset(n for n, v in vars(EndpointGroups).items() if isinstance(v, GroupAttribute))


def _untyped_group(client: ThuliumClient, name: str) -> EndpointGroup:
    """A group of a catalog other than the shipped one (no typed class), made once and kept on the client."""
    if name.startswith("_") or not has_group(client.catalog, name):
        raise AttributeError(f"{type(client).__name__!r} has no attribute {name!r}")
    group = vars(client)[name] = EndpointGroup(client, name)
    return group


_NOT_JSON = object()


def _with_query(url: str, pairs: list[tuple[str, str]]) -> str:
    """``url`` with the encoded query pairs appended (unchanged when there are none)."""
    return f"{url}?{query_string(pairs)}" if pairs else url


def _transport_error(exc: requests.RequestException, url: str, sent: SentRequest) -> TransportError:
    """Map requests' exceptions to :class:`TransportError`, without query strings or credentials."""
    if isinstance(exc, requests.exceptions.SSLError):
        kind = "tls"
    elif isinstance(exc, requests.exceptions.Timeout):
        kind = "timeout"
    else:
        kind = "connection"
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    text = str(reason or exc)
    text = re.sub(r"^\w+\([^)]*\):\s*", "", text)  # drop urllib3's "HTTPConnection(host=…):" prefix
    detail = re.sub(r"\?[^\s'\")]*", "?…", text)
    detail = re.sub(r"(timeout=\d+\.\d\d)\d+", r"\1", detail)  # "read timeout=0.19873…" (what was left of the deadline)
    detail = re.sub(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)[^'\",}]+", r"\1" + MASK, detail)
    return TransportError(kind, url, detail[:300], request=sent)
