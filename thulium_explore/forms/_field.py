"""One form field: a header (label, required marker, descriptions, error) above its editor."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from typing import Any

import ipywidgets as W

from thulium_explore.forms import _shared
from thulium_explore.forms._builders import BuildContext, Input, build_input
from thulium_explore.forms._spec import UNSET, FieldSpec


def css_name(spec: FieldSpec) -> str:
    """``thulium-field-address-city``: a stable CSS class for tests and styling."""
    return "thulium-field-" + re.sub(r"[^A-Za-z0-9_-]", "_", "-".join(spec.path))


class Field:
    """A built field. ``read()`` gives the value to send or ``UNSET``; errors are shown once touched."""

    def __init__(self, spec: FieldSpec, ctx: BuildContext) -> None:
        self.spec = spec
        self.input: Input = build_input(spec, ctx)
        self.touched = False
        self._error: str | None = None
        self._header = _shared.html(spec.header_html)
        self.widget = W.VBox([self._header, self.input.widget], layout=_shared.layout(margin="0 0 6px 0"))
        self.widget.add_class("thulium-field")
        self.widget.add_class(css_name(spec))
        self.input.widget.add_class("thulium-input")

    def read(self) -> Any:
        """The value that would be sent, or ``UNSET``."""
        return self.input.read()

    def write(self, value: Any) -> None:
        """Show ``value`` (``UNSET`` empties the field)."""
        self.input.write(value)

    def clear(self) -> None:
        self.input.write(UNSET)

    def problem(self) -> str | None:
        """A problem found before validation (e.g. text that is not JSON)."""
        return self.input.problem()

    def walk(self) -> Iterator[Field]:
        """This field and every nested field."""
        yield self
        for child in self.input.children:
            yield from child.walk()

    def on_edit(self, callback: Callable[[Field], None]) -> None:
        """Call ``callback(field)`` whenever the user changes the value."""

        def changed(change: dict[str, Any]) -> None:
            self.touched = True
            callback(self)

        for widget in self.input.watch:
            widget.observe(changed, names="value")

    def show_error(self, message: str | None) -> None:
        """Show (or clear) the error line; only sends an update when it changed."""
        if message == self._error:
            return
        self._error = message
        error = (f"<div class='thulium-error' style='color:#cf222e'>⚠ <code>{html.escape(self.spec.json_path)}"
                 f"</code> {html.escape(message)}</div>") if message else ""
        self._header.value = self.spec.header_html + error

    @property
    def error(self) -> str | None:
        """The error currently shown."""
        return self._error


class FieldFactory:
    """The :class:`BuildContext` the form hands to builders."""

    def field(self, spec: FieldSpec) -> Field:
        return Field(spec, self)
