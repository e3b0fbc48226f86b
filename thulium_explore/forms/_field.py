"""One form field: a header (label, required marker, descriptions, error) above its editor."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import ipywidgets as W

import thulium_explore.forms._shared as _shared
from thulium_explore.forms._builders import build_input
from thulium_explore.forms._spec import UNSET, FieldSpec
from thulium_explore.forms._theme import ERROR_TEXT, MUTED_TEXT
from thulium_explore.forms._types import BuildContext, FieldLike, Input, classes


class Field:
    """A built field (a :class:`FieldLike`). ``read()`` gives the value to send or ``UNSET``; errors are
    shown once touched.

    ``widgets`` is ``[header, editor]``; containers put them in their children directly (a wrapper
    box per field would cost one more widget model each).
    """

    def __init__(self, spec: FieldSpec, ctx: BuildContext) -> None:
        self.spec = spec
        self.input: Input = build_input(spec, ctx)
        self.touched = False
        self._error: str | None = None
        self._id = f"thulium-{uuid.uuid4().hex[:12]}"  # the error line and the hint are found by id
        hint = self.input.hint
        self._hint_id = f"{self._id}-hint" if hint else ""
        self._header_html = spec.header_html + (
            f"<div class='thulium-hint' id='{self._hint_id}' style='font-size:90%;color:{MUTED_TEXT}'>"
            f"{html.escape(hint)}</div>"
            if hint
            else ""
        )
        self._header = _shared.html(
            self._header_html, layout=_shared.layout(margin="6px 0 0 0"), _dom_classes=("thulium-field-header",)
        )
        editor = self.input.widget
        for css in classes(spec):  # builders set them at construction; a custom builder may not
            if css not in editor._dom_classes:
                editor.add_class(css)
        self.widgets: list[W.Widget] = [self._header, editor]
        #: the recent-values dropdown after the editor, for a linked parameter (forms/_suggest.py)
        self.suggest: Any = None

    @property
    def editor(self) -> W.Widget:
        return self.input.widget

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

    def walk(self) -> Iterator[FieldLike]:
        """This field and every nested field built so far."""
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

    def on_submit(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` when Enter is pressed in a one-line box (nothing for other editors)."""
        if self.input.on_submit is not None:
            self.input.on_submit(callback)

    def show_error(self, message: str | None) -> None:
        """Show (or clear) the error line; only sends an update when it changed."""
        if message == self._error:
            return
        self._error = message
        error = (
            (
                f"<div class='thulium-error' id='{self._id}-error' style='color:{ERROR_TEXT}'>⚠ "
                f"<code>{html.escape(self.spec.json_path)}</code> {html.escape(message)}</div>"
            )
            if message
            else ""
        )
        self._header.value = self._header_html + error

    @property
    def error(self) -> str | None:
        """The error currently shown."""
        return self._error

    @property
    def described_by(self) -> tuple[str, ...]:
        """Ids of the texts describing the editor for assistive technology: the error shown, the hint."""
        ids = (f"{self._id}-error",) if self._error else ()
        return ids + ((self._hint_id,) if self._hint_id else ())


class FieldFactory:
    """The :class:`BuildContext` the form hands to builders; ``on_adopt`` hears of fields built later."""

    def __init__(self) -> None:
        self.on_adopt: Callable[[Sequence[FieldLike]], None] | None = None

    def field(self, spec: FieldSpec) -> Field:
        return Field(spec, self)

    def adopt(self, fields: Sequence[FieldLike]) -> None:
        if self.on_adopt is not None:
            self.on_adopt(fields)
