"""Endpoint groups: ``client.chat_conversations`` and its methods, made from the client's catalog.

The generated ``_endpoints.py`` subclasses :class:`EndpointGroup` once per group of the shipped
catalog and declares every endpoint's typed signature for type checkers and IDEs. At run time the
methods are still the ones :func:`endpoint_method` builds from the client's own catalog: any
keyword reaches validation, so an unknown or missing parameter is a :class:`ParameterError` naming
every problem, as with ``client.call``. Each group and each method is made on first use and kept
on its owner, so a call through ``client.group.endpoint(...)`` pays two attribute lookups.
"""

from __future__ import annotations

import inspect
import keyword
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, overload

from thulium_explore._wire import _params
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._lists import list_shape
from thulium_explore.catalog._model import Endpoint
from thulium_explore.client._paginate import Paginator
from thulium_explore.client._result import CallResult


class Client(Protocol):
    """What a group needs of its client (:class:`ThuliumClient`): the catalog and ``send``."""

    catalog: Catalog

    def send(self, endpoint_id: str, params: Mapping[str, Any]) -> CallResult: ...


def has_group(catalog: Catalog, prefix: str) -> bool:
    """True when some endpoint id of ``catalog`` starts with ``prefix.``."""
    head = prefix + "."
    return any(e.startswith(head) for e in catalog.endpoints)


class EndpointGroup:
    """``client.chat_conversations``: one attribute per endpoint (or sub-group) under a prefix."""

    def __init__(self, client: Client, prefix: str) -> None:
        self._client = client
        self._prefix = prefix

    def _children(self) -> set[str]:
        cut = len(self._prefix) + 1
        return {e[cut:].split(".", 1)[0] for e in self._client.catalog.endpoints if e.startswith(self._prefix + ".")}

    if not TYPE_CHECKING:  # hidden from type checkers: there a misspelt endpoint is an error, not Any

        def __getattr__(self, name: str) -> Any:
            return _member(self, name)

    def __dir__(self) -> list[str]:
        return sorted(self._children())

    def __repr__(self) -> str:
        return f"<endpoints {self._prefix}.*: {', '.join(sorted(self._children()))}>"


def _member(group: EndpointGroup, name: str) -> Callable[..., CallResult] | EndpointGroup:
    """The endpoint method or sub-group ``name`` of ``group``, made once and kept on the group."""
    full = f"{group._prefix}.{name}"
    if name.startswith("_") or name not in group._children():
        raise AttributeError(f"no endpoint or group {full!r} in the catalog")
    client = group._client
    found: Callable[..., CallResult] | EndpointGroup
    if full in client.catalog.endpoints:
        found = endpoint_method(client, client.catalog[full])
    else:
        found = EndpointGroup(client, full)
    vars(group)[name] = found  # the next lookup finds it without __getattr__
    return found


G = TypeVar("G", bound=EndpointGroup)


class GroupAttribute(Generic[G]):
    """``client.chats`` or ``client.chats.reports``: the typed group, made on first use and kept on its owner.

    When the client's catalog has no endpoint under the prefix (a catalog other than the shipped
    one), the attribute is missing, as it is for any other group the catalog does not have.
    """

    def __init__(self, prefix: str, cls: type[G]) -> None:
        self.prefix = prefix
        self.cls = cls
        self.name = prefix.rsplit(".", 1)[-1]

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> GroupAttribute[G]: ...

    @overload
    def __get__(self, instance: Client | EndpointGroup, owner: type | None = None) -> G: ...

    def __get__(self, instance: Client | EndpointGroup | None, owner: type | None = None) -> GroupAttribute[G] | G:
        if instance is None:
            return self
        client = instance._client if isinstance(instance, EndpointGroup) else instance
        if not has_group(client.catalog, self.prefix):
            raise AttributeError(f"no endpoint or group {self.prefix!r} in the catalog")
        group = vars(instance)[self.name] = self.cls(client, self.prefix)  # later lookups skip this method
        return group


def endpoint_doc(endpoint: Endpoint) -> list[str]:
    """The lines of an endpoint method's docstring: summary, method and path, description, parameters."""
    lines = [f"{endpoint.summary} — {endpoint.method} {endpoint.path}", ""]
    if endpoint.description:
        lines += [endpoint.description, ""]
    lines += ["Parameters:"] + [f"    {_params.parameter_help(p)}" for p in endpoint.parameters]
    return lines


def python_names(endpoint: Endpoint) -> dict[str, str]:
    """Keyword name -> parameter name: a Python keyword gets a trailing underscore (``from_`` sends ``from``)."""
    return {(p.name + "_" if keyword.iskeyword(p.name) else p.name): p.name for p in endpoint.parameters}


def endpoint_method(client: Client, endpoint: Endpoint) -> Callable[..., CallResult]:
    """A function with the endpoint's real signature and a docstring built from its schema."""
    renamed = python_names(endpoint)

    def method(**kwargs: Any) -> CallResult:
        """Send the call; arguments left as None are not sent."""
        sent = {renamed.get(k, k): v for k, v in kwargs.items() if v is not None}
        return client.send(endpoint.id, sent)

    params = keyword_parameters(endpoint, renamed)
    method.__signature__ = inspect.Signature(params, return_annotation=CallResult)  # type: ignore[attr-defined]
    method.__name__ = endpoint.id.rsplit(".", 1)[-1]
    method.__qualname__ = endpoint.id
    method.__doc__ = "\n".join(endpoint_doc(endpoint))
    shape = list_shape(client.catalog, endpoint)
    if shape is not None and shape.pageable:
        method.paginate = paginate_method(client, endpoint)  # type: ignore[attr-defined]
    return method


def keyword_parameters(endpoint: Endpoint, renamed: dict[str, str]) -> list[inspect.Parameter]:
    """Keyword-only parameters for ``renamed`` (Python name → parameter name): required ones first, the
    optional ones defaulting to None (not sent)."""
    params = [
        inspect.Parameter(
            py_name,
            inspect.Parameter.KEYWORD_ONLY,
            default=inspect.Parameter.empty if endpoint.parameter(name).required else None,  # type: ignore[union-attr]
        )
        for py_name, name in renamed.items()
        if py_name.isidentifier()
    ]
    return sorted(params, key=lambda p: p.default is not inspect.Parameter.empty)


#: the keywords a ``.paginate`` method adds to the endpoint's own (which lose ``limit`` and ``offset``)
PAGINATE_KEYWORDS = ("page_size", "max_items", "progress")


def paginate_doc(endpoint: Endpoint) -> list[str]:
    """The lines of a ``.paginate`` method's docstring."""
    return [
        f"Every item of {endpoint.id}, page by page (limit/offset) — {endpoint.method} {endpoint.path}",
        "",
        "page_size: items per page (default: the documented default limit; at most its documented maximum).",
        "max_items: stop after this many items (None: every item). progress: called as progress(pages, items,",
        "count) after each page. Each page is validated and contract-checked; a failing page raises",
        "PaginationError naming the page, and the items so far stay on the paginator. The other parameters",
        "filter the list as in the endpoint method; limit and offset are set by the paginator.",
    ]


def paginate_method(client: Client, endpoint: Endpoint) -> Callable[..., Paginator]:
    """``client.chats.list.paginate``: its parameters but limit/offset, with page_size, max_items, progress."""
    renamed = {py: name for py, name in python_names(endpoint).items() if name not in ("limit", "offset")}

    def paginate(
        *, page_size: int | None = None, max_items: int | None = None, progress: Any = None, **kwargs: Any
    ) -> Paginator:
        sent = {renamed.get(k, k): v for k, v in kwargs.items() if v is not None}
        return Paginator(client, endpoint.id, sent, page_size=page_size, max_items=max_items, progress=progress)

    own = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None) for name in PAGINATE_KEYWORDS]
    params = keyword_parameters(endpoint, renamed)
    paginate.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            *[p for p in params if p.default is inspect.Parameter.empty],
            *own,
            *[p for p in params if p.default is not inspect.Parameter.empty],
        ],
        return_annotation=Paginator,
    )
    paginate.__name__ = "paginate"
    paginate.__qualname__ = f"{endpoint.id}.paginate"
    paginate.__doc__ = "\n".join(paginate_doc(endpoint))
    return paginate
