"""The table of input builders, keyed by schema kind (``integer``, ``string:email``, ``enum``, ...).

Each builder turns a :class:`FieldSpec` into an :class:`Input`: an editor widget plus ``read``
(the JSON value to send, or ``UNSET`` when the field is empty, so it is not sent) and ``write``
(show a value, e.g. the documented example). Validation is not done here: the form runs the
catalog's validator, the same one the client uses. To support a new kind, add a function::

    def build_phone(spec, ctx): ...
    BUILDERS["string:phone"] = build_phone

>>> kind_of(FieldSpec("n", ("n",), {"type": "integer"}, False, ("integer",), False))
'integer'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import ipywidgets as W

import thulium_explore.forms._shared as _shared
import thulium_explore.forms._text as _text
from thulium_explore._wire._params import coerce_value
from thulium_explore.forms._spec import UNSET, FieldSpec, example_text, is_scalar
from thulium_explore.forms._theme import GROUP_BORDER
from thulium_explore.forms._types import BuildContext, Builder, FieldLike, Input, classes

_WIDE = "min(32em, 95%)"
_DATE_PATTERN = re.compile(r"^\^?\(?(\\d|\[0-9\])\{4\}-")  # ^\d{4}-… or ^[0-9]{4}-…: a date


def _text_input(
    spec: FieldSpec,
    parse: Callable[[str], Any],
    *,
    multiline: bool = False,
    strip: bool = False,
    check: Callable[[str], str | None] | None = None,
    hint: str = "",
) -> Input:
    """A text box: empty means UNSET (or null for a required nullable field), else ``parse(text)``.

    ``check(text)`` finds a problem before validation; a one-line box offers Enter (``on_submit``).
    """
    box: W.Widget
    if multiline:
        box = W.Textarea(
            placeholder=spec.placeholder,
            continuous_update=True,
            rows=4,
            layout=_shared.layout(width=_WIDE),
            style=_shared.text_style(),
            _dom_classes=classes(spec),
        )
    else:
        box = W.Text(
            placeholder=spec.placeholder,
            continuous_update=True,
            layout=_shared.layout(width=_WIDE),
            style=_shared.text_style(),
            _dom_classes=classes(spec),
        )

    def text() -> str:
        return str(box.value.strip() if strip else box.value)

    def read() -> Any:
        typed = text()
        if typed == "":
            return None if spec.required and spec.nullable else UNSET
        return parse(typed)

    def problem() -> str | None:
        typed = text()
        return check(typed) if check is not None and typed != "" else None

    def write(value: Any) -> None:
        box.value = example_text(value)

    return Input(
        box, read, write, (box,), problem=problem, hint=hint, on_submit=None if multiline else _text.enter_hook(box)
    )


def build_string(spec: FieldSpec, ctx: BuildContext) -> Input:
    """Free text; sent exactly as typed."""
    return _text_input(spec, lambda text: text)


def build_long_string(spec: FieldSpec, ctx: BuildContext) -> Input:
    """Free text that may run to paragraphs (``body``, ``note``, ``maxLength`` > 200): a multi-line box."""
    return _text_input(spec, lambda text: text, multiline=True)


def build_text_or_json(spec: FieldSpec, ctx: BuildContext) -> Input:
    """Text where the schema also allows lists or objects (``["string","array"]``), or names no type:
    plain text is sent as typed, JSON only when clearly typed and of an allowed type (see ``_text``)."""
    return _text_input(
        spec,
        lambda text: _text.read_text_or_json(spec, text)[0],
        multiline=_text.is_long_text(spec),
        check=lambda text: _text.read_text_or_json(spec, text)[1],
        hint=_text.text_or_json_hint(spec),
    )


def build_formatted_string(spec: FieldSpec, ctx: BuildContext) -> Input:
    """E-mail, uuid, date strings: text trimmed of surrounding spaces, format checked by the validator."""
    return _text_input(spec, lambda text: text, strip=True)


def build_integer(spec: FieldSpec, ctx: BuildContext) -> Input:
    """Integer (bounds from minimum/maximum, checked by the validator); ``abc`` stays text and fails."""
    return _text_input(spec, lambda text: coerce_value({"type": "integer"}, text), strip=True)


def build_number(spec: FieldSpec, ctx: BuildContext) -> Input:
    """A float or integer."""
    return _text_input(spec, lambda text: coerce_value({"type": "number"}, text), strip=True)


def build_multi_type(spec: FieldSpec, ctx: BuildContext) -> Input:
    """A scalar allowed as several types (``["integer","string"]``): the first type the text converts to.

    A value written (the documented example, ``form.set``) is sent as written while its text is left as
    shown: ``"3"`` stays the string the documentation sends, not the integer 3.
    """
    typed = _text_input(spec, lambda text: coerce_value({"type": list(spec.types)}, text), strip=True)
    written: list[tuple[str, Any]] = []
    write_text, read_text = typed.write, typed.read

    def write(value: Any) -> None:
        write_text(value)
        written[:] = [(typed.widget.value, value)] if value is not UNSET and value is not None else []

    def read() -> Any:
        if written and written[0][0] == typed.widget.value:
            return written[0][1]
        return read_text()

    typed.write, typed.read = write, read
    return typed


def build_enum(spec: FieldSpec, ctx: BuildContext) -> Input:
    """A dropdown of the documented values, starting unset."""
    values = list(spec.schema.get("enum", [spec.schema.get("const")]))
    blank = "(choose)" if spec.required else "(not set)"
    options = [(blank, -1)] + [(example_text(v) if v is not None else "null", i) for i, v in enumerate(values)]
    drop = W.Dropdown(
        options=options,
        value=-1,
        layout=_shared.layout(width=_WIDE),
        style=_shared.description_style(),
        _dom_classes=classes(spec),
    )

    def read() -> Any:
        return UNSET if drop.value == -1 else values[drop.value]

    def write(value: Any) -> None:
        drop.value = values.index(value) if value in values else -1

    return Input(drop, read, write, (drop,))


def build_boolean(spec: FieldSpec, ctx: BuildContext) -> Input:
    """Tri-state for optional fields (unset / true / false); a required one starts with nothing chosen."""
    options = [("true", "true"), ("false", "false")]
    if not spec.required:
        options.insert(0, ("unset", "unset"))
    toggle = W.ToggleButtons(
        options=options,
        value="unset" if not spec.required else None,
        layout=_shared.layout(),
        style=_shared.toggle_style(button_width="5em"),
        _dom_classes=classes(spec),
    )

    def read() -> Any:
        return {"true": True, "false": False}.get(toggle.value or "unset", UNSET)

    def write(value: Any) -> None:
        if value is True or value is False:
            toggle.value = "true" if value else "false"
        else:
            toggle.value = None if spec.required else "unset"

    return Input(toggle, read, write, (toggle,))


def build_array(spec: FieldSpec, ctx: BuildContext) -> Input:
    """A list of scalars, one per line; blank lines are skipped; no lines means UNSET. Several values on
    one line of a list of e-mails (or integers) is a problem: ``a@example.org, b@example.org``."""
    item_schema = spec.items.schema if spec.items is not None else {}
    area = W.Textarea(
        placeholder="\n".join(_example_lines(spec)),
        continuous_update=True,
        rows=3,
        layout=_shared.layout(width=_WIDE),
        style=_shared.text_style(),
        _dom_classes=classes(spec),
    )

    def lines() -> list[str]:
        return [line.strip() for line in area.value.splitlines() if line.strip()]

    def read() -> Any:
        typed = lines()
        if not typed:
            return UNSET
        return [coerce_value(item_schema, line) for line in typed]

    def write(value: Any) -> None:
        area.value = "\n".join(example_text(v) for v in value) if isinstance(value, list) else example_text(value)

    return Input(
        area, read, write, (area,), problem=lambda: _text.list_problem(spec, lines()), hint=_text.list_hint(spec)
    )


def build_enum_array(spec: FieldSpec, ctx: BuildContext) -> Input:
    """A multiple choice of the documented values; nothing chosen means UNSET."""
    values = list(spec.items.schema.get("enum", [])) if spec.items is not None else []
    options = [(example_text(v), i) for i, v in enumerate(values)]
    select = W.SelectMultiple(
        options=options,
        value=(),
        rows=min(len(values), 6),
        layout=_shared.layout(),
        style=_shared.description_style(),
        _dom_classes=classes(spec),
    )

    def read() -> Any:
        return [values[i] for i in select.value] if select.value else UNSET

    def write(value: Any) -> None:
        chosen = value if isinstance(value, list) else []
        select.value = tuple(values.index(v) for v in chosen if v in values)

    return Input(select, read, write, (select,))


def build_object(spec: FieldSpec, ctx: BuildContext) -> Input:
    """A nested group of fields, sent only when one of them is set. An optional group builds its fields
    when first opened (or written), which keeps big forms fast to build."""
    fields: list[FieldLike] = []
    count = f"{len(spec.children)} field{'s' * (len(spec.children) != 1)}"
    toggle = W.ToggleButton(
        value=False,
        description=count,
        icon="chevron-right",
        tooltip="show / hide",
        layout=_shared.layout(width="auto"),
        style=_shared.toggle_button_style(),
        _dom_classes=classes(spec),
    )
    body = W.VBox([], layout=_shared.layout(border=GROUP_BORDER, padding="4px 8px", margin="2px 0 2px 1em"))

    def build() -> None:
        if not fields:
            fields.extend(ctx.field(child) for child in spec.children)
            ctx.adopt(fields)

    def show(opened: bool) -> None:
        if opened:
            build()
        body.children = tuple(w for f in fields for w in f.widgets) if opened else ()
        toggle.icon = "chevron-down" if opened else "chevron-right"

    toggle.observe(lambda change: show(bool(change["new"])), names="value")

    def read() -> Any:
        value = {f.spec.name: v for f in fields if (v := f.read()) is not UNSET}
        if value or spec.required:
            return value
        return None if spec.nullable and spec.required else UNSET

    def write(value: Any) -> None:
        if value is UNSET and not fields:
            return
        toggle.value = True  # builds and shows the fields
        given = value if isinstance(value, dict) else {}
        for f in fields:
            f.write(given.get(f.spec.name, UNSET))

    if spec.required:
        toggle.value = True
    return Input(W.VBox([toggle, body], layout=_shared.layout()), read, write, (), fields)


def build_json(spec: FieldSpec, ctx: BuildContext) -> Input:
    """Anything else (free-form objects such as ``custom_fields``, arrays of objects): JSON text."""
    area = W.Textarea(
        placeholder=example_text(spec.example),
        continuous_update=True,
        rows=3,
        layout=_shared.layout(width=_WIDE),
        style=_shared.text_style(),
    )

    def parsed() -> tuple[Any, str | None]:
        text = area.value.strip()
        if not text:
            return (None if spec.required and spec.nullable else UNSET), None
        try:
            return json.loads(text), None
        except json.JSONDecodeError as exc:
            return text, f"is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"

    def write(value: Any) -> None:
        area.value = "" if value is UNSET else json.dumps(value, ensure_ascii=False, indent=1)

    return Input(area, lambda: parsed()[0], write, (area,), problem=lambda: parsed()[1])


def _example_lines(spec: FieldSpec) -> list[str]:
    example = spec.example
    if example is UNSET and spec.items is not None:
        example = [spec.items.example] if spec.items.example is not UNSET else []
    return [example_text(v) for v in example] if isinstance(example, list) else [example_text(example)]


BUILDERS: dict[str, Builder] = {
    "array": build_array,
    "array:enum": build_enum_array,
    "boolean": build_boolean,
    "enum": build_enum,
    "integer": build_integer,
    "json": build_json,
    "multi": build_multi_type,
    "number": build_number,
    "object": build_object,
    "string": build_string,
    "string:long": build_long_string,
    "string:date": build_formatted_string,
    "string:date-time": build_formatted_string,
    "string:email": build_formatted_string,
    "string:uuid": build_formatted_string,
    "text-or-json": build_text_or_json,
}


def kind_of(spec: FieldSpec) -> str:
    """The :data:`BUILDERS` key for ``spec``: ``enum``, ``string:<format>``, ``string:long``, ``array:enum``,
    ``multi`` (several scalar types), ``text-or-json`` (several types, not all scalar, or none
    documented), a JSON type, or ``json`` (objects without properties, arrays of objects)."""
    schema = spec.schema
    if "enum" in schema or "const" in schema:
        return "enum"
    if len(spec.types) != 1:
        if spec.types and is_scalar(spec):
            return "multi"
        return "text-or-json"  # ["string","array"], no documented type, ...: text, or JSON when clearly typed
    kind = spec.types[0]
    if kind == "string":
        fmt = schema.get("format") or schema.get("x-format")
        if fmt and f"string:{fmt}" in BUILDERS:
            return f"string:{fmt}"
        if isinstance(schema.get("pattern"), str) and _DATE_PATTERN.search(schema["pattern"]):
            return "string:date"
        return "string:long" if "pattern" not in schema and _text.is_long_text(spec) else "string"
    if kind == "array":
        items = spec.items
        if items is not None and "enum" in items.schema:
            return "array:enum"
        return "array" if items is not None and is_scalar(items) else "json"
    if kind == "object":
        return "object" if spec.children else "json"
    return kind if kind in BUILDERS else "json"


def build_input(spec: FieldSpec, ctx: BuildContext) -> Input:
    """Dispatch ``spec`` to its builder through the table."""
    return BUILDERS[kind_of(spec)](spec, ctx)
