"""Reading what people type: text or JSON where a schema allows both, one list item per line, which text
is long, and Enter in a one-line box.

**Text or JSON.** A field typed ``["string", "array"]`` (``phone_number``) or with no documented type
(``gender``) takes plain text: ``222333444`` and ``+48 222 333 444`` are sent as strings, ``M`` as
``"M"``. Text is read as JSON only when the user clearly typed JSON and it gives a type the field
allows: it starts with ``[``, ``{`` or ``"``, or it is a number, ``true``, ``false`` or ``null`` where a
string is not allowed (as ``coerce_value`` does for the command line: a field that takes a string
gets the text). Text starting with ``[`` or ``{`` that is not valid JSON is a problem when the field takes
a list or an object (a broken list would otherwise be sent as one string, silently); a quoted JSON
string (``"[ext] 222"``) sends text that starts with a bracket.

**Lists** are one item per line. A line with a comma or semicolon in a list of e-mail addresses is an
error, not a warning: an address has neither (the one e-mail rule in ``catalog/_formats.py`` finds
the addresses on the line), so ``a@example.org, b@example.org`` would reach Thulium as one bad
address. The same goes for a list of integers (``1, 2``). A list of free text keeps its commas.

**Long text** (a multi-line box): ``maxLength`` over :data:`LONG_TEXT_LENGTH`, or, with no
``maxLength``, a name in :data:`LONG_TEXT_NAMES`. ``x-sensitive: text`` alone does not decide it: it
marks personal free text, which includes one-line fields such as ``job_title`` and ``subject``.

>>> from thulium_explore.forms._spec import build_spec
>>> spec = build_spec("phone_number", {"type": ["string", "array"]}, False, ("phone_number",), None)
>>> read_text_or_json(spec, "+48 222 333 444"), read_text_or_json(spec, '["1", "2"]')
(('+48 222 333 444', None), (['1', '2'], None))
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from typing import Any

import ipywidgets as W

from thulium_explore._wire._params import coerce_value
from thulium_explore.catalog._formats import find_emails
from thulium_explore.catalog._paths import json_type
from thulium_explore.forms._spec import FieldSpec, example_text

#: A string with a larger ``maxLength`` gets a multi-line box.
LONG_TEXT_LENGTH = 200
#: Free-text parameter names that get a multi-line box when the schema sets no ``maxLength``.
LONG_TEXT_NAMES = frozenset(
    {"body", "comment", "comments", "content", "description", "message", "note", "notes", "text"}
)
_JSON_START = {"[": "array", "{": "object", '"': "string"}
_KIND_WORDS = {"array": "JSON list", "object": "JSON object"}


def is_long_text(spec: FieldSpec) -> bool:
    """True when ``spec`` is free text that deserves a multi-line box (see the module docstring)."""
    max_length = spec.schema.get("maxLength")
    if isinstance(max_length, int) and not isinstance(max_length, bool):
        return max_length > LONG_TEXT_LENGTH
    return spec.name.lower() in LONG_TEXT_NAMES


def _allows(types: tuple[str, ...], value: Any) -> bool:
    kind = json_type(value)
    return not types or kind in types or (kind == "integer" and "number" in types)


def read_text_or_json(spec: FieldSpec, text: str) -> tuple[Any, str | None]:
    """The value to send for ``text`` typed into a text-or-JSON field, and a problem (or None)."""
    types = spec.types
    takes_text = not types or "string" in types
    stripped = text.strip()
    start = _JSON_START.get(stripped[:1])
    if start is not None:
        try:
            value = json.loads(stripped)
        except ValueError as exc:
            if start != "string" and (start in types or not types):
                word = _KIND_WORDS[start]
                escape = ' (to send the text itself, quote it as a JSON string: "…")' if takes_text else ""
                msg = getattr(exc, "msg", str(exc))
                return text, f"starts like a {word} but is not valid JSON ({msg}){escape}"
            return text, None
        if _allows(types, value) or not takes_text:
            return value, None
        return text, None
    if takes_text:
        return text, None
    return coerce_value({"type": list(types)}, stripped), None


def text_or_json_hint(spec: FieldSpec) -> str:
    """What a text-or-JSON field accepts, in one sentence with the documented examples."""
    examples = spec.schema.get("examples")
    shown = {json_type(v): example_text(v) for v in reversed(examples)} if isinstance(examples, list) else {}
    if not spec.types:
        return (
            "Any value: what you type is sent as text (numbers too); a JSON list, object or quoted "
            'string when it starts with [, { or ".'
        )
    forms = []
    for kind in spec.types:
        if kind == "string":
            forms.append("text as typed" + (f" ({shown['string']})" if "string" in shown else ""))
        elif kind in _KIND_WORDS:
            forms.append(f"a {_KIND_WORDS[kind]}" + (f" ({shown[kind]})" if kind in shown else ""))
        else:
            forms.append(f"{kind} as JSON" if kind != "null" else "null")
    quote = '; quote text that starts with [ or { as a JSON string ("…")' if "string" in spec.types else ""
    return f"Accepts {', '.join(forms[:-1])}{' or ' if len(forms) > 1 else ''}{forms[-1]}{quote}."


def _is_email_list(spec: FieldSpec) -> bool:
    items = spec.items.schema if spec.items is not None else {}
    return "email" in (spec.schema.get("x-sensitive"), items.get("x-sensitive"), items.get("format"))


def list_hint(spec: FieldSpec) -> str:
    """The hint of a list field: one item per line (and what a comma does)."""
    if _is_email_list(spec):
        return (
            "One per line (one address on each line); blank lines are skipped. A line with a comma or "
            "semicolon is refused (an address has neither)."
        )
    if spec.items is not None and spec.items.types == ("integer",):
        return "One per line; blank lines are skipped. A line with a comma is refused."
    return "One per line; blank lines are skipped."


def list_problem(spec: FieldSpec, lines: list[str]) -> str | None:
    """Why these lines of a list field would not be sent as meant (several values on one line), or None."""
    emails = _is_email_list(spec)
    integers = spec.items is not None and spec.items.types == ("integer",)
    if not (emails or integers):
        return None
    for number, line in enumerate(lines, 1):
        if "," in line or (emails and ";" in line):
            if emails:
                found = sum(1 for _ in find_emails(line))
                what = f"{found} addresses" if found > 1 else "a comma or semicolon"
                return (
                    f"line {number} ({line!r}) holds {what}; {spec.name} takes one address per line "
                    "(it would be sent as one address)"
                )
            return f"line {number} ({line!r}) holds several values; {spec.name} takes one per line"
    return None


def enter_hook(box: W.Text) -> Callable[[Callable[[], None]], None]:
    """``on_submit(callback)`` for a one-line box: ``callback()`` when Enter is pressed in it.

    The browser sends ``{"event": "submit"}`` on Enter (ipywidgets 8's ``Text.on_submit`` still hears it
    but is deprecated); the value is already synced, since the form's boxes update continuously.
    JupyterLab's Shift+Enter / Ctrl+Enter do not run the cell while a widget box has the focus.
    """

    def on_submit(callback: Callable[[], None]) -> None:
        def handle(_: Any, content: Any, buffers: Any) -> None:
            if isinstance(content, dict) and content.get("event") == "submit":
                callback()

        box.on_msg(handle)

    return on_submit


def folded(text: str) -> str:
    """``text`` for searching: case-folded, without diacritics (``Konwersację`` → ``konwersacje``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ł", "l"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
