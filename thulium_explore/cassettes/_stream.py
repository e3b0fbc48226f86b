"""Reading a cassette one interaction at a time, with the line each interaction starts on.

``verify`` at scale: ``read_cassette`` builds the whole document (and, for YAML, libyaml's node tree
first, several times the file's size), so one 15 MB cassette of 20,000 interactions peaked at
520 MB. Here YAML is read from libyaml's *event* stream and JSON element by element with
``raw_decode``, and each interaction is handed over as soon as it is built: what stays in memory is
the file's bytes and one interaction. Each interaction comes with its 1-based line, which the CI
reports (JUnit, GitHub annotations) point at.

Only the usual shape is streamed: a mapping whose ``interactions`` is a list, written with plain
YAML (no tags beyond the standard scalars and ``!!binary``). Anything else — a file that does not
parse, an unusual tag, a merge key, another top level — raises :class:`NotStreamable`, and the caller
reads the file with ``read_cassette``, which words the error exactly as before or builds the value.
Anchors and aliases are refused as ``read_cassette`` refuses them (through that fallback).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from thulium_explore._errors import CassetteError
from thulium_explore.cassettes._file import _check_interaction, _looks_like_json
from thulium_explore.cassettes._yaml import _MAP, _SEQ, _SIMPLE, _STR, _loaders, _yaml_loader, collector_paused

#: one interaction: (its index, the line it starts on, the vcrpy dict)
Item = tuple[int, int, dict[str, Any]]


class NotStreamable(Exception):
    """The file needs ``read_cassette`` (an error to word, or a feature only the full loader reads)."""


def stream_cassette(path: Path, name: str | None = None) -> Iterator[Item]:
    """Every interaction of the cassette at ``path``, structure-checked, with its line.

    Raises :class:`NotStreamable` (possibly after some interactions were yielded: the caller starts
    the file again with ``read_cassette``) and :class:`CassetteError` for an interaction that breaks
    the vcrpy structure (the same one-line message as ``read_cassette``).
    """
    label = name or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CassetteError(f"{label}: cannot read: {exc.strerror or exc}") from None
    items = _json_items(data) if _looks_like_json(path, data) else _yaml_items(data)
    for index, (line, item) in enumerate(items):
        _check_interaction(label, index, item)
        yield index, line, item


# --- JSON -------------------------------------------------------------------------------------

_BLANKS = " \t\r\n"


def _json_items(data: bytes) -> Iterator[tuple[int, Any]]:
    """The items of the top-level ``interactions`` array, each with its line; other keys are skipped."""
    try:
        text = data.decode("utf-8-sig") if data.startswith(b"\xef\xbb\xbf") else data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotStreamable from None
    decoder = json.JSONDecoder()
    scan: Any = json.decoder.scanstring  # type: ignore[attr-defined]
    at = _skip(text, 0)
    if text[at : at + 1] != "{":
        raise NotStreamable
    at = _skip(text, at + 1)
    found = version_ok = False
    line, counted = 1, 0
    while text[at : at + 1] == '"':
        try:
            key, at = scan(text, at + 1)
        except ValueError:
            raise NotStreamable from None
        at = _skip(text, at)
        if text[at : at + 1] != ":":
            raise NotStreamable
        at = _skip(text, at + 1)
        if key == "interactions" and found:
            raise NotStreamable  # twice: json.loads keeps the last one
        if key == "interactions" and text[at : at + 1] == "[":
            found = True
            at = _skip(text, at + 1)
            while text[at : at + 1] not in ("]", ""):
                line += text.count("\n", counted, at)
                counted = at
                try:
                    with collector_paused():
                        item, at = decoder.raw_decode(text, at)
                except (ValueError, RecursionError):
                    raise NotStreamable from None
                yield line, item
                at = _skip(text, at)
                if text[at : at + 1] == ",":
                    at = _skip(text, at + 1)
                elif text[at : at + 1] != "]":
                    raise NotStreamable
            at += 1
        else:
            try:
                value, at = decoder.raw_decode(text, at)
            except (ValueError, RecursionError):
                raise NotStreamable from None
            if key == "version":
                version_ok = value == 1
                if not version_ok:
                    raise NotStreamable  # read_cassette words it
        at = _skip(text, at)
        if text[at : at + 1] == ",":
            at = _skip(text, at + 1)
    if text[at : at + 1] != "}" or _skip(text, at + 1) != len(text) or not found:
        raise NotStreamable
    del version_ok  # absent means version 1, as read_cassette reads it


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in _BLANKS:
        at += 1
    return at


# --- YAML -------------------------------------------------------------------------------------


def _yaml_items(data: bytes) -> Iterator[tuple[int, Any]]:
    """The items of the top-level ``interactions`` sequence from libyaml's events, each with its line."""
    import yaml

    loader = _yaml_loader()(data)
    try:
        yield from _yaml_document(yaml, loader)
    except yaml.YAMLError:
        raise NotStreamable from None
    finally:
        loader.dispose()


def _yaml_document(yaml: Any, loader: Any) -> Iterator[tuple[int, Any]]:
    events = yaml.events
    if not isinstance(loader.get_event(), events.StreamStartEvent):
        raise NotStreamable
    if not isinstance(loader.get_event(), events.DocumentStartEvent):
        raise NotStreamable
    start = loader.get_event()
    if not isinstance(start, events.MappingStartEvent) or start.anchor or start.tag not in (None, _MAP):
        raise NotStreamable
    found = False
    build = _builder(yaml, loader)
    while not loader.check_event(events.MappingEndEvent):
        key = loader.get_event()
        if not isinstance(key, events.ScalarEvent) or key.anchor or _scalar_tag(loader, key) != _STR:
            raise NotStreamable
        if key.value == "interactions" and found:
            raise NotStreamable  # twice: the full loader keeps the last one
        if key.value == "interactions" and loader.check_event(events.SequenceStartEvent):
            found = True
            sequence = loader.get_event()
            if sequence.anchor or sequence.tag not in (None, _SEQ):
                raise NotStreamable
            while not loader.check_event(events.SequenceEndEvent):
                event = loader.get_event()
                with collector_paused():
                    item = build(event, 0)
                yield event.start_mark.line + 1, item
            loader.get_event()
        else:
            value = build(loader.get_event(), 0)
            if key.value == "version" and value != 1:
                raise NotStreamable  # read_cassette words it
    loader.get_event()
    if not isinstance(loader.get_event(), events.DocumentEndEvent) or not found:
        raise NotStreamable
    if not isinstance(loader.get_event(), events.StreamEndEvent):
        raise NotStreamable  # a second document: read_cassette words it


_MAX_DEPTH = 64  # a cassette nests about 5 levels; deeper goes to read_cassette, which words it


def _builder(yaml: Any, loader: Any) -> Any:
    """``build(event, depth)``: the value of the node that ``event`` starts, its events read as it goes.

    Local bindings and one ``type() is`` test per event: this loop is verify's reading cost.
    """
    events, get, resolve = yaml.events, loader.get_event, loader.resolve
    scalar, map_start, map_end = events.ScalarEvent, events.MappingStartEvent, events.MappingEndEvent
    seq_start, seq_end, node_class = events.SequenceStartEvent, events.SequenceEndEvent, yaml.nodes.ScalarNode
    constructor, simple = _loaders["constructor"], _SIMPLE
    plain_tags, map_tags, seq_tags = (None, "!"), (None, _MAP), (None, _SEQ)

    def build(event: Any, depth: int) -> Any:
        kind = type(event)
        if getattr(event, "anchor", None) is not None or depth > _MAX_DEPTH:
            raise NotStreamable  # read_cassette refuses anchors with its one-line message
        if kind is scalar:
            tag = event.tag
            if tag in plain_tags:
                if not event.implicit[0]:
                    return event.value  # quoted: text, as the loader's resolver says
                tag = resolve(node_class, event.value, event.implicit)
            if tag == _STR:
                return event.value
            if tag == "tag:yaml.org,2002:null":
                return None
            method = simple.get(tag)
            if method is None:
                raise NotStreamable
            try:
                return getattr(constructor, method)(node_class(tag, event.value, event.start_mark, event.end_mark))
            except (ValueError, TypeError):
                raise NotStreamable from None
        if kind is map_start:
            if event.tag not in map_tags:
                raise NotStreamable
            out: dict[Any, Any] = {}
            while True:
                key_event = get()
                if type(key_event) is map_end:
                    return out
                key = build(key_event, depth + 1)
                if isinstance(key, list | dict):
                    raise NotStreamable
                out[key] = build(get(), depth + 1)
        if kind is seq_start:
            if event.tag not in seq_tags:
                raise NotStreamable
            items: list[Any] = []
            while True:
                item_event = get()
                if type(item_event) is seq_end:
                    return items
                items.append(build(item_event, depth + 1))
        raise NotStreamable  # an alias, or an event no node starts with

    return build


def _scalar_tag(loader: Any, event: Any) -> str:
    """The resolved tag of a scalar event (implicit plain scalars by YAML 1.1 rules, as the loader does)."""
    import yaml

    if event.tag is None or event.tag == "!":
        return str(loader.resolve(yaml.nodes.ScalarNode, event.value, event.implicit))
    return str(event.tag)


def interaction_lines(path: Path) -> list[int] | None:
    """The line each interaction starts on, for a YAML file only ``read_cassette`` reads (a rare tag):
    from libyaml's node tree, which that file has already been shown to build. None when not known."""
    import yaml

    try:
        data = path.read_bytes()
        if _looks_like_json(path, data):
            return None
        root: Any = yaml.compose(data, Loader=_yaml_loader())
    except (OSError, yaml.YAMLError, ValueError):
        return None
    if root is None or root.id != "mapping":
        return None
    for key, value in root.value:
        if key.id == "scalar" and key.value == "interactions" and value.id == "sequence":
            return [item.start_mark.line + 1 for item in value.value]
    return None
