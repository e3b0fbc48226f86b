"""Laying out the generated ``_endpoints.py`` exactly as ``ruff format`` would: wrapped docstrings, split annotations.

The committed file must pass ``ruff format --check`` (CI runs it) without running ruff when rendering,
so the two layouts ruff would change are done here: docstrings wrapped to the line length, and a
parameter whose annotation does not fit on one line split at its brackets, one argument per line
(a trailing comma after each when there are several, as ruff's "magic trailing comma" does).
``tests/unit/test_typed_endpoints.py`` checks both against examples of ruff's own output.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

LINE_LENGTH = 120


def _docstring(lines: Sequence[str], indent: int) -> list[str]:
    """A docstring of ``lines``, wrapped to the line length, escaped, indented by ``indent`` spaces."""
    pad = " " * indent
    out: list[str] = []
    for number, line in enumerate(lines):
        text = line.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
        lead = text[: len(text) - len(text.lstrip())]  # a parameter line's continuation goes 4 further in
        wrapped = textwrap.wrap(
            text.lstrip(),
            LINE_LENGTH - indent,
            initial_indent='"""' if number == 0 else lead,  # the opening quotes share the first line
            subsequent_indent=lead + "    " if lead else "",
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
        out += [pad + w if w else "" for w in wrapped]
    if len(out) == 1 and not out[0].endswith('"'):
        return [f'{out[0]}"""']
    return [*out, f'{pad}"""']


def _wrapped(line: str, indent: int) -> list[str]:
    """``line`` (a parameter, ``name: annotation[ = None],``) at ``indent``, split as ruff format splits it."""
    pad = " " * indent
    if len(pad) + len(line) <= LINE_LENGTH:
        return [pad + line]
    name, _, rest = line.partition(": ")
    annotation, default = rest[:-1], ","
    if annotation.endswith(" = None"):
        annotation, default = annotation[: -len(" = None")], " = None,"
    first, *others = _top_level(annotation, " | ")
    body = _split(first, indent, f"{name}: ")
    if others:
        body += [f"{pad}| {member}" for member in others]
    body[-1] += default
    return body


def _split(text: str, indent: int, prefix: str = "") -> list[str]:
    """``Name[args]`` over several lines when it does not fit: one argument per line, a trailing comma for many."""
    pad = " " * indent
    if len(pad) + len(prefix) + len(text) <= LINE_LENGTH or not text.endswith("]") or "[" not in text:
        return [pad + prefix + text]
    head, _, inner = text.partition("[")
    args = _top_level(inner[:-1], ", ")
    if len(args) == 1:
        middle = _split(args[0], indent + 4)
    else:  # many arguments: a trailing comma after each, the last included (ruff's magic trailing comma)
        middle = []
        for arg in args:
            *lines, last = _split(arg, indent + 4)
            middle += [*lines, last + ","]
    return [f"{pad}{prefix}{head}[", *middle, f"{pad}]"]


def _top_level(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` outside brackets and quotes."""
    parts, depth, start, quote = [], 0, 0, ""
    i = 0
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif depth == 0 and text.startswith(separator, i):
            parts.append(text[start:i])
            start = i + len(separator)
            i = start
            continue
        i += 1
    return [*parts, text[start:]]
