"""Every page of a list: ``client.paginate("chats.list", chat_queue_id=3, page_size=50)``.

A :class:`Paginator` walks a paged list endpoint (one whose answer is ``{"count", "result"}`` and
which takes ``limit`` and ``offset``: :func:`~thulium_explore.catalog._lists.list_shape`) with
``limit=page_size`` and ``offset`` advancing by the items each page brought. It stops

* when the items reach ``count`` (the total ignoring ``limit``, read from each page: the latest wins),
* at an empty page,
* when the answer carries no ``count`` (the schema does not document one): also at a page shorter
  than ``page_size`` (inferred: ``limit`` is the most a page holds),
* at ``max_items`` (the last page asks only for what is left).

Every page is a normal call: its parameters are validated, its answer checked against the
contract. A page that fails — no answer, a non-2xx status, or a contract violation (``FAIL``;
drift is not a failure) — ends the walk with a :class:`PaginationError` naming the page, and the
items of the earlier pages stay in ``paginator.items``. Nothing is sent when the parameters are
invalid, ``limit``/``offset`` are given (``page_size`` and the paginator set them) or ``page_size``
is above the documented maximum ``limit``.

``progress(pages, items, count)`` is called after each page (a notebook bar, a CLI line).
Pages are fetched as the iteration needs them; ``all()`` and ``to_dataframe()`` fetch the rest.

>>> pages = client.paginate("tickets.list", page_size=50, max_items=120)  # doctest: +SKIP
>>> len(pages.all()), pages.pages  # doctest: +SKIP
(120, 3)
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Protocol

from thulium_explore._errors import (
    ApiError,
    PaginationError,
    ParameterError,
    ParameterProblem,
    TransportError,
)
from thulium_explore._wire import _params
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._lists import ListShape, list_endpoints, list_shape
from thulium_explore.client._frame import DataFrame, items_dataframe
from thulium_explore.client._result import CallResult
from thulium_explore.client._table import items_table_html
from thulium_explore.contract._outcome import Outcome

#: ``progress(pages, items, count)``: pages fetched, items so far, the latest ``count`` (None when unknown)
Progress = Callable[[int, int, "int | None"], object]


class Sender(Protocol):
    """What a paginator needs of its client (:class:`ThuliumClient`)."""

    catalog: Catalog

    def send(self, endpoint_id: str, params: Mapping[str, Any]) -> CallResult: ...


def paged_shape(catalog: Catalog, endpoint_id: str) -> ListShape:
    """The list shape of a paged endpoint, or a one-line ParameterError naming the paged ones."""
    shape = list_shape(catalog, endpoint_id)
    if shape is None or not shape.pageable:
        why = "is not a list" if shape is None else "takes no limit and offset"
        paged = ", ".join(list_endpoints(catalog, pageable=True)[:8])
        raise ParameterError(
            endpoint_id,
            [ParameterProblem("(endpoint)", f"{why}, so it has no pages to walk; paged lists: {paged}")],
        )
    return shape


class Paginator(Iterator[Any]):
    """An iterator over every item of a paged list (see the module docstring).

    Attributes, kept as the walk goes: ``items`` (every item so far), ``pages`` (pages fetched),
    ``count`` (the latest page's ``count``), ``last`` (the latest page's :class:`CallResult`),
    ``error`` (the :class:`PaginationError` that ended the walk) and ``done``.
    """

    def __init__(
        self,
        client: Sender,
        endpoint_id: str,
        params: Mapping[str, Any] | None = None,
        *,
        page_size: int | None = None,
        max_items: int | None = None,
        progress: Progress | None = None,
    ) -> None:
        catalog = client.catalog
        endpoint = catalog[endpoint_id]
        self.shape = paged_shape(catalog, endpoint.id)
        self.endpoint_id = endpoint.id
        params = dict(params or {})
        problems = [
            ParameterProblem(name, "is set by paginate (limit = page_size, offset advancing); leave it out")
            for name in ("limit", "offset")
            if name in params
        ]
        size = (self.shape.default_limit or self.shape.max_limit or 100) if page_size is None else page_size
        problems += _size_problems(self.shape, size, max_items)
        if problems:
            raise ParameterError(endpoint.id, problems)
        _params.require_valid(catalog, endpoint, {**params, "limit": size, "offset": 0})  # nothing sent if invalid
        self.params = params
        self.page_size = size
        self.max_items = max_items
        self.progress = progress
        self.client = client
        self.items: list[Any] = []
        self.pages = 0
        self.count: int | None = None
        self.last: CallResult | None = None
        self.error: PaginationError | None = None
        self.done = False
        self._offset = 0
        self._buffer: list[Any] = []
        self._at = 0

    # -- iteration ----------------------------------------------------------------------------

    def __iter__(self) -> Paginator:
        return self

    def __next__(self) -> Any:
        while self._at >= len(self._buffer):
            if self.error is not None:  # a failed walk stays failed: iterating again re-raises, sends nothing
                raise self.error
            if self.done:
                raise StopIteration
            self._fetch()
        item = self._buffer[self._at]
        self._at += 1
        return item

    def all(self) -> list[Any]:
        """Fetch every remaining page; returns every item (raises :class:`PaginationError` if a page fails)."""
        for _ in self:
            pass
        return self.items

    def to_dataframe(self) -> DataFrame:
        """Every item (the remaining pages fetched first) as a DataFrame; see ``CallResult.to_dataframe``."""
        return items_dataframe(self.shape, self.all())

    # -- one page -----------------------------------------------------------------------------

    def _fetch(self) -> None:
        limit = self.page_size
        if self.max_items is not None:
            limit = min(limit, self.max_items - len(self.items))
        page = self.pages + 1
        params = {**self.params, "limit": limit, "offset": self._offset}
        try:
            result = self.client.send(self.endpoint_id, params)
        except TransportError as exc:
            raise self._fail(page, f"no answer: {exc}", None, exc) from exc
        if not result.ok:
            problem = ApiError(
                result.status, result.request.url.split("?", 1)[0], request_id=result.request_id, errors=result.errors
            )
            raise self._fail(page, str(problem), result, problem) from problem
        if result.verdict.outcome == Outcome.FAIL:
            lines = "; ".join(f"{p.path}: {p.message}" for p in result.verdict.problems[:3])
            raise self._fail(page, f"the answer breaks the contract: {lines}", result, None)
        found = self.shape.items(result.json)
        if found is None:
            raise self._fail(page, "the answer holds no list of items", result, None)
        if self.max_items is not None:
            found = found[: max(0, self.max_items - len(self.items))]
        self.pages = page
        self.last = result
        count = self.shape.count(result.json)
        self.count = count if count is not None else self.count
        self._offset += len(found)
        self.items.extend(found)
        self._buffer, self._at = found, 0
        self.done = (
            not found
            or (self.max_items is not None and len(self.items) >= self.max_items)
            or (self.count is not None and self._offset >= self.count)
            or (count is None and len(found) < limit)
        )
        if self.progress is not None:
            self.progress(self.pages, len(self.items), self.count)

    def _fail(self, page: int, why: str, result: CallResult | None, cause: Exception | None) -> PaginationError:
        kept = len(self.items)
        self.error = PaginationError(
            f"{self.endpoint_id}: page {page} (offset {self._offset}, limit {self.page_size}) failed: {why}; "
            f"the {kept} item{'s' if kept != 1 else ''} of the {page - 1} earlier page{'s' if page != 2 else ''} "
            "are kept (paginator.items)",
            endpoint_id=self.endpoint_id,
            page=page,
            offset=self._offset,
            items=self.items,
            result=result,
            request=result.request if result is not None else getattr(cause, "request", None),
        )
        self.done = True
        self._buffer, self._at = [], 0
        return self.error

    # -- display ------------------------------------------------------------------------------

    def __repr__(self) -> str:
        of = f" of {self.count}" if self.count is not None else ""
        state = "failed" if self.error else "done" if self.done else "walking"
        return f"<Paginator {self.endpoint_id}: {self.pages} pages, {len(self.items)}{of} items, {state}>"

    def _repr_html_(self) -> str:
        table = items_table_html(self.shape, self.items, count=self.count) or ""
        return f"<div class='thulium-paginator'><code>{html.escape(repr(self))}</code>{table}</div>"


def _size_problems(shape: ListShape, size: Any, max_items: Any) -> list[ParameterProblem]:
    problems = []
    example = shape.default_limit or shape.max_limit or 50
    if not isinstance(size, int) or isinstance(size, bool) or size < shape.min_limit:
        problems.append(ParameterProblem("page_size", f"{size!r} is not a whole number ≥ {shape.min_limit}", example))
    elif shape.max_limit is not None and size > shape.max_limit:
        problems.append(
            ParameterProblem(
                "page_size", f"{size} is above the documented maximum limit {shape.max_limit}", shape.max_limit
            )
        )
    if max_items is not None and (not isinstance(max_items, int) or isinstance(max_items, bool) or max_items < 1):
        problems.append(
            ParameterProblem("max_items", f"{max_items!r} is not a whole number ≥ 1 (or None for all)", 500)
        )
    return problems
