"""EndpointForm: a form for one endpoint, generated from its schema, validated as you type.

>>> from thulium_explore import connect
>>> from thulium_explore.forms import EndpointForm
>>> form = EndpointForm(connect(), "chat_conversations.start")  # doctest: +SKIP
>>> form.set(chat_queue_id=3)  # doctest: +SKIP
>>> form.values, form.errors  # doctest: +SKIP
({'chat_queue_id': 3}, {})
>>> form.submit().json  # doctest: +SKIP
{'conversation_id': '…'}

Beside Send a badge shows the target (``form.target``): ``sandbox``, ``replay (x.yaml)``,
``record (x.yaml)`` or ``LIVE host``; with a mode switch pending Connect, Send is disabled and
``submit()`` raises ConfigError. Every form has its own history unless given one.
"""

from __future__ import annotations

import contextlib
import functools
import html
import os
from collections.abc import Sequence
from typing import Any

import ipywidgets as W

import thulium_explore.forms._shared as _shared
from thulium_explore._errors import ConfigError, ParameterError, ParameterProblem, ThuliumError
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.client._memory import Suggestion
from thulium_explore.client._result import CallResult
from thulium_explore.connection._saved import SavedCall, load_call
from thulium_explore.forms._a11y import TABLE_REGION, Accessibility, field_names, problem_announcement
from thulium_explore.forms._examples import NO_EXAMPLE, documented_request, sample_values
from thulium_explore.forms._field import Field, FieldFactory
from thulium_explore.forms._formparts import action_buttons, form_header_html
from thulium_explore.forms._formparts import catalog_of as _catalog_of
from thulium_explore.forms._history import History, resolve_client
from thulium_explore.forms._problems import form_problems
from thulium_explore.forms._saving import save_form
from thulium_explore.forms._spec import UNSET, endpoint_specs
from thulium_explore.forms._static import StaticView, form_static_html
from thulium_explore.forms._suggest import SuggestionBox, linked_parameters, memory_of, refresh_all
from thulium_explore.forms._target import Target, target_html, target_of
from thulium_explore.forms._theme import ERROR_TEXT, MUTED_TEXT
from thulium_explore.forms._types import FieldLike
from thulium_explore.forms._viewer import ResponseViewer

#: Optional fields shown at first; the rest come with "N more optional parameters" (or set/fill_samples).
FIRST_OPTIONAL = 8


class EndpointForm:
    """A form for one endpoint of the catalog.

    ``client`` is a ThuliumClient, a Connection from ``connect()`` or a ModeSwitch (anything
    with ``.client``; looked up at each send). An empty optional field is not sent. Big forms show
    their required fields and the first optional ones; the others are built when asked for.
    ``history`` defaults to a new one: this form's own.
    """

    def __init__(
        self, client: Any, endpoint_id: str, *, history: History | None = None, catalog: Catalog | None = None
    ) -> None:
        self._source = client
        self.catalog: Catalog = catalog or _catalog_of(client)
        self.endpoint = self.catalog[endpoint_id]
        self.history = history if history is not None else History()
        self.viewer = ResponseViewer()
        self.result: CallResult | None = None
        factory = self._factory = FieldFactory()
        specs = self._specs = endpoint_specs(self.catalog, self.endpoint)
        self._documented = documented_request(self.endpoint)
        optional = [s for s in specs if not s.required]
        self._later = optional[FIRST_OPTIONAL:]
        self._names = [s.name for s in specs]
        self.fields: list[Field] = [factory.field(spec) for spec in specs[: len(specs) - len(self._later)]]
        self._all: list[FieldLike] = []
        self._by_path: dict[tuple[str, ...], FieldLike] = {}
        self._adopt(self.fields, validate=False)
        self._linked = linked_parameters(self.catalog, self.endpoint.id)
        self._offer(self.fields)
        factory.on_adopt = self._adopt  # fields of groups opened later
        self._send = W.Button(
            description="Send",
            button_style="primary",
            icon="paper-plane",
            tooltip=f"{self.endpoint.method} {self.endpoint.path}",
            layout=_shared.layout(),
            style=_shared.button_style(),
            _dom_classes=("thulium-send",),
        )
        fill, samples, clear = action_buttons(documented=self._documented is not None)
        self._fill, self._samples = fill, samples
        self._send.on_click(self._clicked)
        fill.on_click(lambda _: self.fill_example())
        samples.on_click(lambda _: self.fill_samples())
        clear.on_click(lambda _: self.clear())
        self._status = _shared.html(_dom_classes=("thulium-form-status",))
        #: the one line saying what save() did (or why it did not)
        self.save_status = _shared.html(_dom_classes=("thulium-save-status",))
        self._more: W.Button | None = None
        if self._later:
            self._more = W.Button(
                description=f"{len(self._later)} more optional parameters",
                icon="plus",
                tooltip=", ".join(s.name for s in self._later),
                layout=_shared.layout(width="auto"),
                style=_shared.button_style(),
                _dom_classes=("thulium-more",),
            )
            self._more.on_click(lambda _: self.show_all_fields())
        self._head = _shared.html(self._header_html())
        self.badge = _shared.html(_dom_classes=("thulium-target",))
        self._send_row = W.HBox(
            [self._send, self.badge, fill, samples, clear], layout=_shared.layout(flex_flow="row wrap")
        )
        #: names, invalid marks and the announced problem count for assistive technology (forms/_a11y.py)
        self.a11y = Accessibility(root=".thulium-form")
        self._tail = [self._send_row, self._status, self.save_status, self.a11y, self.viewer.widget]
        self._tail.append(self.history.widget)
        self.widget = W.VBox(self._children(), layout=_shared.layout(max_width="60em"), _dom_classes=("thulium-form",))
        #: the text/html a saved notebook shows beside the widget view; refreshed as answers arrive
        self.static = StaticView(
            self.widget,
            lambda: form_static_html(self._header_html(), self.endpoint.id, self.viewer.answers),
            self.__repr__,
        )
        self.viewer.on_change(self.static.refresh)
        if callable(getattr(client, "on_change", None)):
            client.on_change(self._validate)  # a ModeSwitch: the badge and Send follow it
        self._validate()

    def _children(self) -> list[W.Widget]:
        more = [self._more] if self._more is not None and self._later else []
        return [self._head, *[w for f in self.fields for w in f.widgets], *more, *self._tail]

    def show_all_fields(self) -> EndpointForm:
        """Build and show the optional fields not shown yet (what "N more optional parameters" does)."""
        if self._later:
            new = [self._factory.field(spec) for spec in self._later]
            self._later = []
            self.fields.extend(new)
            self._adopt(new, validate=False)
            self._offer(new)
            self.widget.children = self._children()
            self._validate()
        return self

    def _offer(self, fields: Sequence[Field]) -> None:
        """A recent-values dropdown after each field some link feeds (forms/_suggest.py)."""
        for f in fields:
            sources = self._linked.get(f.spec.name)
            if sources and f.suggest is None:
                fill = functools.partial(self._fill_one, f.spec.name)  # as if typed
                f.suggest = SuggestionBox(self._source, self.endpoint.id, f.spec.name, sources, fill, f.spec.css_class)
                f.widgets.append(f.suggest.widget)

    def _fill_one(self, name: str, value: Any) -> None:
        self.set(**{name: value})

    def suggestions(self, name: str) -> list[Suggestion]:
        """Recent values for the field ``name`` from this kernel's answers, most recent first (what its dropdown
        lists; empty when no link feeds it). ``form.set(id=form.suggestions("id")[0].value)`` uses one."""
        if name not in self._names:
            raise ValueError(f"{self.endpoint.id}: no field {name!r} (fields: {', '.join(self._names) or 'none'})")
        memory = memory_of(self._source)
        return memory.suggestions(self.endpoint.id, name) if memory is not None else []

    # -- saved calls (forms/_saving.py) ------------------------------------------------------

    def save(
        self,
        path: str | os.PathLike[str],
        name: str,
        *,
        include_personal: bool = False,
        append: bool = False,
        expect: int | None = None,
    ) -> SavedCall:
        """Append the form's current call (``values``: what Send would send) to the recipe at ``path`` as
        ``name`` (``save_call``: credentials never, personal values only with ``include_personal=True``).

        The outcome is one line under the form; a refusal raises ConfigError with that line (nothing written).
        """
        return save_form(self, path, name, include_personal=include_personal, append=append, expect=expect)

    @classmethod
    def load(
        cls, path: str | os.PathLike[str], name: str, client: Any, *, index: int = 0, history: History | None = None
    ) -> EndpointForm:
        """A form for the saved call ``name`` of the recipe at ``path`` (its ``index``-th call), filled with it."""
        endpoint_id, params = load_call(path, name, index=index, catalog=_catalog_of(client))
        return cls(client, endpoint_id, history=history).fill_with(params)

    def _adopt(self, fields: Sequence[FieldLike], validate: bool = True) -> None:
        """Track ``fields`` (and their nested fields): errors by path, revalidation on edit."""
        for top in fields:
            for f in top.walk():
                if f.spec.path not in self._by_path:
                    self._all.append(f)
                    self._by_path[f.spec.path] = f
                    f.on_edit(self._edited)
                    f.on_submit(lambda: self._clicked(None) if self.valid else None)  # Enter sends a valid form
        if validate:
            self._validate()

    # -- values and errors -------------------------------------------------------------------

    @property
    def values(self) -> dict[str, Any]:
        """Exactly the parameters that would be sent: empty optional fields are left out."""
        return {f.spec.name: v for f in self.fields if (v := f.read()) is not UNSET}

    @property
    def errors(self) -> dict[str, str]:
        """What is wrong, by JSON path (``{"$.chat_queue_id": "is required (example: 3)"}``); empty when valid."""
        return {path: message for _, path, message in self._problems()}

    @property
    def valid(self) -> bool:
        return not self._problems()

    def set(self, **params: Any) -> EndpointForm:
        """Fill fields as if typed (``form.set(chat_queue_id=3)``); ``None`` empties one."""
        unknown = [name for name in params if name not in self._names]
        if unknown:
            names = ", ".join(self._names) or "none"
            raise ValueError(f"{self.endpoint.id}: no field {unknown[0]!r} (fields: {names})")
        if any((name,) not in self._by_path for name in params):
            self.show_all_fields()
        for name, value in params.items():
            field = self._by_path[(name,)]
            field.write(UNSET if value is None else value)
            field.touched = True
        self._validate()
        return self

    def fill_example(self) -> EndpointForm:
        """Fill exactly the endpoint's documented request example (every other field emptied).

        ConfigError, and nothing changes, when the documentation gives none (nothing is invented).
        """
        if self._documented is None:
            raise ConfigError(f"{self.endpoint.id}: {NO_EXAMPLE} (or use fill_samples())")
        return self.fill_with(self._documented)

    def fill_samples(self, *, ids: bool = False, flags: bool = False) -> EndpointForm:
        """Fill the documented request example plus every other field's own example, leaving ids of existing
        objects (``id``, ``*_id``) and boolean flags empty unless the documented example fills them or
        ``ids=True`` / ``flags=True`` (the rule is in ``forms/_examples.py``)."""
        return self.fill_with(sample_values(self._specs, self._documented, ids=ids, flags=flags))

    def fill_with(self, values: dict[str, Any]) -> EndpointForm:
        """Empty every field, then fill ``values`` (a saved call's parameters)."""
        self.clear()
        return self.set(**values)

    def clear(self) -> EndpointForm:
        """Empty every field."""
        for f in self.fields:
            f.clear()
        for tracked in self._all:  # the nested fields too
            tracked.touched = False
        self._validate()
        return self

    # -- sending -----------------------------------------------------------------------------

    def submit(self) -> CallResult:
        """Send the form (the same as clicking Send) and return the result; it is also shown and recorded.

        Raises ParameterError when the form is invalid (nothing is sent), TransportError when no
        answer came (shown in the viewer and recorded in the history too).
        """
        problems = self._validate(show_all=True)
        if problems:
            raise ParameterError(
                self.endpoint.id, [ParameterProblem(path[2:] or path, message) for _, path, message in problems]
            )
        values = self.values
        pending = self.target.pending
        if pending is not None:  # the switch shows a target it is not connected to: send nothing
            self.viewer.show_failure(self.endpoint.id, pending)
            raise ConfigError(pending)
        try:
            client = resolve_client(self._source)  # a ModeSwitch connects here
        except ThuliumError as exc:
            self.viewer.show_failure(self.endpoint.id, f"not connected: {exc}")
            raise
        target = self.target  # after connecting: the host a sandbox got
        self._send.disabled = True
        self._status.value = f"<span style='color:{MUTED_TEXT}'>Sending {html.escape(self.endpoint.id)}…</span>"
        try:
            result = client.send(self.endpoint.id, values)
        except ThuliumError as exc:
            self.viewer.show_failure(self.endpoint.id, str(exc))
            self.history.add(
                self._source, self.endpoint.id, values, failure=str(exc), on_result=self._show, target=target
            )
            raise
        finally:
            self._validate()
            refresh_all()  # every form's recent values (this answer's, or none after a failure)
        self._show(result)
        self.history.add(self._source, self.endpoint.id, values, result=result, on_result=self._show, target=target)
        return result

    @property
    def target(self) -> Target:
        """Where Send goes now (what the badge beside it shows)."""
        return target_of(self._source)

    def _show(self, result: CallResult) -> None:
        self.result = result
        self.viewer.show(result)

    def _clicked(self, _: Any) -> None:
        # a failure is already shown: field errors, or the failure in the viewer and the history
        with contextlib.suppress(ThuliumError):
            self.submit()

    # -- validation --------------------------------------------------------------------------

    def _problems(self) -> list[tuple[FieldLike | None, str, str]]:
        """(field, JSON path, message): local problems first, then the catalog validator's."""
        return form_problems(self.catalog, self.endpoint, self._all, self._by_path, self.values)

    def _validate(self, show_all: bool = False) -> list[tuple[FieldLike | None, str, str]]:
        """Re-check, show errors of touched fields (all with ``show_all``), refresh the target badge; enable
        Send only when the form is valid and its target ready."""
        problems = self._problems()
        by_field: dict[int, str] = {}
        loose = []
        for field, path, message in problems:
            if field is None:
                loose.append(f"<code>{html.escape(path)}</code> {html.escape(message)}")
            else:
                by_field.setdefault(id(field), message if field.spec.json_path == path else f"{path}: {message}")
        for f in self._all:
            if show_all:
                f.touched = True
            f.show_error(by_field.get(id(f)) if f.touched else None)
        target = self.target
        badge = target_html(target)
        if self.badge.value != badge:
            self.badge.value = badge
        self._send.disabled = bool(problems) or not target.ready
        names, announce = [*field_names(self._all), TABLE_REGION], problem_announcement(len(problems))
        if self.a11y.names != names:
            self.a11y.names = names
        if self.a11y.announce != announce:
            self.a11y.announce = announce
        if problems:
            named = [
                f"{html.escape(path[2:] or path)} {html.escape(message)}"
                for field, path, message in problems
                if field is not None
            ][:3]
            more = len(problems) - len(named) - len(loose)
            hint = "To fix before sending: " + "; ".join(named) + (f"; {more} more" if more > 0 else "")
            lines = [hint, *loose] if named else loose
            self._status.value = f"<span style='color:{ERROR_TEXT}'>" + "<br>".join(lines) + "</span>"
        else:
            self._status.value = ""
        return problems

    def _edited(self, _: FieldLike) -> None:
        self._validate()

    # -- display -----------------------------------------------------------------------------

    def _header_html(self) -> str:
        return form_header_html(self.endpoint, bool(self.fields))

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """The widget view and its static ``text/html`` alternative (see forms/_static.py)."""
        return self.static.bundle(**kwargs)

    def _ipython_display_(self) -> None:
        self.static.display()  # under a display_id, so answers update the saved text/html

    def __repr__(self) -> str:
        return f"<EndpointForm {self.endpoint.id} values={self.values!r} errors={len(self.errors)}>"
