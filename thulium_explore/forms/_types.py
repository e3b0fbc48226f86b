"""What the builders, the fields and the form agree on: an editor (:class:`Input`), what a builder may
ask of the form (:class:`BuildContext`), a built field as they see it (:class:`FieldLike`), the
:data:`Builder` signature and the CSS classes every editor carries.

Imports flow one way: ``_spec`` ← ``_types`` ← ``_builders`` ← ``_field`` ← ``_form``. ``UNSET``
stays in ``_spec`` (``FieldSpec.example`` returns it, and this module needs ``FieldSpec``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import ipywidgets as W

from thulium_explore.forms._spec import FieldSpec


class FieldLike(Protocol):
    """A built field (:class:`~thulium_explore.forms.Field` is the one implementation)."""

    touched: bool

    @property
    def spec(self) -> FieldSpec: ...

    @property
    def widgets(self) -> Sequence[W.Widget]: ...

    def read(self) -> Any: ...

    def write(self, value: Any) -> None: ...

    def problem(self) -> str | None: ...

    def walk(self) -> Iterator[FieldLike]: ...

    def on_edit(self, callback: Callable[[FieldLike], None]) -> None: ...

    def on_submit(self, callback: Callable[[], None]) -> None: ...

    def show_error(self, message: str | None) -> None: ...


@dataclass
class Input:
    """An editor: its widget, how to read/write its value, which widgets signal an edit.

    ``children`` holds the nested fields built so far (a group builds its fields when first opened).
    ``hint`` is shown under the field's header (which forms of text it accepts); ``on_submit``, for a
    one-line box, registers a callback for Enter (``None``: Enter means nothing, e.g. a new line).
    """

    widget: W.Widget
    read: Callable[[], Any]
    write: Callable[[Any], None]
    watch: Sequence[W.Widget] = ()
    children: Sequence[FieldLike] = ()
    problem: Callable[[], str | None] = field(default=lambda: None)
    hint: str = ""
    on_submit: Callable[[Callable[[], None]], None] | None = None


class BuildContext(Protocol):
    """What a builder may ask of the form: build a nested field; announce fields built later."""

    def field(self, spec: FieldSpec) -> FieldLike: ...

    def adopt(self, fields: Sequence[FieldLike]) -> None: ...


Builder = Callable[[FieldSpec, BuildContext], Input]


def classes(spec: FieldSpec) -> tuple[str, ...]:
    """The CSS classes of an editor (set at construction: each later add_class is one more message)."""
    return ("thulium-input", spec.css_class)
