"""Every string in a JSON or YAML text, with where it is: the path to it and its character span.

The scanner needs real line numbers for findings inside notebooks and cassettes, which
``json.loads`` and ``yaml.safe_load`` throw away; these walkers keep them.
"""

from __future__ import annotations

import base64
import binascii
import json.decoder
import json.scanner
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

_WS = re.compile(r"[ \t\n\r]*")
_LITERALS = ("true", "false", "null")
_MAX_DEPTH = 400
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Occurrence:
    """A string (or a mapping key) at ``path``, spanning ``text[start:end]``; ``!!binary`` values are bytes."""

    path: tuple[str | int, ...]
    value: str | bytes
    start: int
    end: int
    is_key: bool = False


def json_strings(text: str) -> Iterator[Occurrence]:
    """Every string and key of a JSON document, in order; ``ValueError`` when it is not JSON."""
    found: list[Occurrence] = []
    end = _json_value(text, _skip(text, 0), (), found, 0)
    if _skip(text, end) != len(text):
        raise ValueError(f"extra data at character {end}")
    return iter(found)


def _skip(text: str, index: int) -> int:
    match = _WS.match(text, index)
    return match.end() if match else index


def _json_value(text: str, i: int, path: tuple[str | int, ...], out: list[Occurrence], depth: int) -> int:
    """Parse the value at ``text[i]``, record its strings, return the index after it."""
    if depth > _MAX_DEPTH:
        raise ValueError("JSON nested too deeply")
    char = text[i : i + 1]
    if char == '"':
        value, end = _scanstring(text, i + 1)
        out.append(Occurrence(path, value, i, end))
        return end
    if char == "{":
        i = _skip(text, i + 1)
        if text[i : i + 1] == "}":
            return i + 1
        while True:
            if text[i : i + 1] != '"':
                raise ValueError(f"expected a key at character {i}")
            key, end = _scanstring(text, i + 1)
            out.append(Occurrence(path, key, i, end, is_key=True))
            i = _skip(text, end)
            if text[i : i + 1] != ":":
                raise ValueError(f"expected ':' at character {i}")
            i = _skip(text, _json_value(text, _skip(text, i + 1), (*path, key), out, depth + 1))
            if text[i : i + 1] == "}":
                return i + 1
            if text[i : i + 1] != ",":
                raise ValueError(f"expected ',' or '}}' at character {i}")
            i = _skip(text, i + 1)
    if char == "[":
        i = _skip(text, i + 1)
        if text[i : i + 1] == "]":
            return i + 1
        index = 0
        while True:
            i = _skip(text, _json_value(text, i, (*path, index), out, depth + 1))
            index += 1
            if text[i : i + 1] == "]":
                return i + 1
            if text[i : i + 1] != ",":
                raise ValueError(f"expected ',' or ']' at character {i}")
            i = _skip(text, i + 1)
    for literal in _LITERALS:
        if text.startswith(literal, i):
            return i + len(literal)
    number = json.scanner.NUMBER_RE.match(text, i)
    if number and number.end() > i:
        return number.end()
    raise ValueError(f"unexpected {char!r} at character {i}")


def yaml_strings(text: str) -> Iterator[Occurrence]:
    """Every scalar and key of a YAML document, in order; ``ValueError`` when it is not YAML."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise ValueError(str(exc)) from None
    found: list[Occurrence] = []
    if root is not None:
        _yaml_node(root, (), found, set())
    return iter(found)


def _yaml_node(node: Any, path: tuple[str | int, ...], out: list[Occurrence], seen: set[int]) -> None:
    if id(node) in seen:  # an alias: already reported where the anchor is
        return
    seen.add(id(node))
    start, end = node.start_mark.index, node.end_mark.index
    if node.id == "scalar":
        value: str | bytes = node.value
        if node.tag == "tag:yaml.org,2002:binary":
            try:
                value = base64.b64decode("".join(node.value.split()))
            except (binascii.Error, ValueError):
                value = node.value
        out.append(Occurrence(path, value, start, end))
    elif node.id == "mapping":
        for key, item in node.value:
            name = key.value if key.id == "scalar" else "?"
            if key.id == "scalar":
                out.append(Occurrence(path, key.value, key.start_mark.index, key.end_mark.index, is_key=True))
            _yaml_node(item, (*path, name), out, seen)
    else:
        for index, item in enumerate(node.value):
            _yaml_node(item, (*path, index), out, seen)
