"""The fast cassette YAML reader: values built straight from libyaml's nodes, the collector paused.

A benchmark-driven fast path (``python -m benchmarks --only verify``). YAML is parsed by libyaml
(PyYAML's C parser) into nodes, which are turned into Python values here without PyYAML's generic
constructor machinery; anything unusual (merge keys, custom tags) falls back to the full safe
loader. What it buys, measured (benchmarks/README.md): ``verify`` keeps up with the floor of a bare
libyaml parse of the same corpus (verify ÷ floor 0.83-0.93, target ≤ 1.3) and is 4-6× faster than
vcrpy's own loader plus ``jsonschema.validate``; pausing the cyclic collector while a file is parsed
was about half of that on a 2,000-interaction corpus.

Anchors and aliases are refused before anything is built, on both paths: copying every alias, as
the direct build would, turns a few hundred bytes of nested aliases (an "alias bomb") into
gigabytes. vcrpy never writes them, so the check is a scan for a ``&`` or ``*`` that could start a
node (at memchr speed) and, only when one is found, a look at libyaml's event stream.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from thulium_explore._errors import CassetteError, ThuliumError

#: the refusal of an anchor or alias in a cassette (an alias bomb is a few hundred bytes that expand to gigabytes)
ALIASES_IN_CASSETTES = "YAML aliases are not allowed in cassettes (vcrpy never writes them)"


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while one file is parsed.

    Parsing allocates many small containers; each allocation burst triggers collections that walk
    every tracked object in the process (catalog, validators...), which cost more than the parse
    itself (measured: about half of verify's time on a 2,000-interaction corpus). The parsed tree
    is kept, not garbage; the previous state is restored and collections resume at the next
    threshold.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_loaders: dict[str, Any] = {}


def _yaml_loader() -> Any:
    """A safe C loader that also reads vcrpy's benign Python tags (str, tuple, BytesIO, iter)."""
    if "safe" not in _loaders:
        import yaml

        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        loader: Any = type("CassetteLoader", (base,), {"resolve": _fast_resolver(yaml)})

        def as_str(ld: Any, node: Any) -> Any:
            return ld.construct_scalar(node)

        def as_tuple(ld: Any, node: Any) -> Any:
            return tuple(ld.construct_sequence(node))

        def as_bytes(ld: Any, node: Any) -> Any:
            mapping = ld.construct_mapping(node, deep=True)
            state = mapping.get("state") or (b"",)
            data = state[0] if state else b""
            return data.encode("utf-8") if isinstance(data, str) else bytes(data or b"")

        def as_chunks(ld: Any, node: Any) -> Any:
            mapping = ld.construct_mapping(node, deep=True)
            args: Any = mapping.get("args") or ([],)
            return list(args[0] if args else [])

        prefix = "tag:yaml.org,2002:python/"
        for tag, fn in (
            ("str", as_str),
            ("unicode", as_str),
            ("tuple", as_tuple),
            ("object/new:_io.BytesIO", as_bytes),
            ("object/apply:builtins.iter", as_chunks),
        ):
            loader.add_constructor(prefix + tag, fn)
        _loaders["safe"] = loader
        _loaders["constructor"] = yaml.constructor.SafeConstructor()
    return _loaders["safe"]


def _fast_resolver(yaml: Any) -> Any:
    """PyYAML's implicit tag resolution (YAML 1.1, as SafeLoader), without its path-resolver overhead."""
    implicit = yaml.resolver.Resolver.yaml_implicit_resolvers
    scalar, sequence = yaml.nodes.ScalarNode, yaml.nodes.SequenceNode
    seen: dict[str, str] = {}

    def resolve(self: Any, kind: Any, value: Any, flags: Any) -> str:
        if kind is not scalar:
            return _SEQ if kind is sequence else _MAP
        if not flags[0]:
            return _STR
        tag = seen.get(value)
        if tag is None:
            tag = _STR
            for candidate, regexp in implicit.get(value[:1] or "", []) + implicit.get(None, []):
                if regexp.match(value):
                    tag = candidate
                    break
            if len(seen) > 4096:
                seen.clear()
            seen[value] = tag
        return tag

    return resolve


class _Fallback(Exception):
    """The fast builder met something it leaves to PyYAML's full safe constructor."""


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_NULL = "tag:yaml.org,2002:null"
_SCALARS = ("int", "bool", "float", "binary", "timestamp")
_SIMPLE = {f"tag:yaml.org,2002:{t}": f"construct_yaml_{t}" for t in _SCALARS}
_SIMPLE.update(
    {"tag:yaml.org,2002:python/str": "construct_scalar", "tag:yaml.org,2002:python/unicode": "construct_scalar"}
)


def load_yaml(
    label: str, data: bytes, *, error: type[ThuliumError] = CassetteError, aliases: str = ALIASES_IN_CASSETTES
) -> Any:
    """Parse with libyaml, build values directly; fall back to the full loader for rare features.

    Anchors and aliases are refused before anything is built (``aliases`` words the refusal), so a
    few hundred bytes of nested aliases cannot expand into gigabytes; every failure is one ``error``
    naming ``label`` and, where known, the line.
    """
    import yaml

    loader = _yaml_loader()
    try:
        if _may_hold_anchors(data):
            _refuse_anchors(data, loader)
        try:
            node = yaml.compose(data, Loader=loader)
            return None if node is None else _build(node, _loaders["constructor"])
        except (_Fallback, RecursionError):
            return yaml.load(data, Loader=loader)  # noqa: S506 - a safe loader subclass
    except _Anchor as exc:
        raise error(
            f"{label}: line {exc.line}, column {exc.column}: {aliases}; found {exc.text}, "
            "write the value out in full instead (example: Accept: [application/json])"
        ) from None
    except _BadScalar as exc:
        raise error(f"{label}: line {exc.line}, column {exc.column}: {exc.problem}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        what = exc.problem or exc.context or "cannot parse"
        if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in what:
            what += " (a safe loader refuses it; cassettes hold only text, numbers, !!binary, lists and maps)"
        raise error(f"{label}: invalid YAML at {where}{what}".rstrip(": ")) from None
    except yaml.reader.ReaderError as exc:
        position = exc.position if isinstance(exc.position, int) else 0
        line = data.count(b"\n", 0, position) + 1
        raise error(
            f"{label}: invalid YAML at line {line}: {exc.reason} at byte {position} "
            "(a cassette is UTF-8 text without control characters)"
        ) from None
    except RecursionError:
        raise error(
            f"{label}: invalid YAML: lists and maps nested too deeply to read "
            "(example: a cassette nests about 5 levels)"
        ) from None
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, TypeError) as exc:
        raise error(f"{label}: invalid YAML: {first_line(exc)}") from None


# Bytes after which a YAML node (and so an anchor ``&a`` or an alias ``*a``) can start: start of a
# line or a blank (NEL, LS and PS end with 0x85, 0xA8, 0xA9), a flow indicator, an indicator, a BOM.
_NODE_START = frozenset(b" \t\r\n\x0b\x0c[]{},:?-\x85\xa8\xa9\xbf")
_NAME_END = frozenset(b" \t\r\n,[]{}")


def _may_hold_anchors(data: bytes) -> bool:
    """False when ``data`` certainly holds no anchor or alias (the usual case, at memchr speed).

    A ``&`` or ``*`` that could start a node (after a blank, a flow indicator or at the start) and is
    followed by a name is a candidate; vcrpy quotes text that starts with either (``'*/*'``), and
    the ``&`` of a query string follows a letter or digit. NUL bytes (UTF-16) are always checked.
    """
    if b"\x00" in data:
        return True
    last = len(data) - 1
    for char in (b"&", b"*"):
        at = data.find(char)
        while at >= 0:
            if (at == 0 or data[at - 1] in _NODE_START) and at < last and data[at + 1] not in _NAME_END:
                return True
            at = data.find(char, at + 1)
    return False


def _refuse_anchors(data: bytes, loader: Any) -> None:
    """Raise :class:`_Anchor` at the first anchor or alias in the event stream (nothing is built)."""
    import yaml

    event: Any
    for event in yaml.parse(data, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise _Anchor(event, f"the alias *{event.anchor}")
        if getattr(event, "anchor", None) is not None:
            raise _Anchor(event, f"the anchor &{event.anchor}")


class _Anchor(Exception):
    def __init__(self, event: Any, text: str) -> None:
        super().__init__(text)
        self.line, self.column, self.text = event.start_mark.line + 1, event.start_mark.column + 1, text


class _BadScalar(Exception):
    """A scalar the constructor refused (e.g. an integer of more than 4300 digits), with its place."""

    def __init__(self, node: Any, exc: Exception) -> None:
        value = str(node.value)
        shown = value if len(value) <= 40 else f"{value[:20]}… ({len(value)} characters)"
        super().__init__(value)
        self.line, self.column = node.start_mark.line + 1, node.start_mark.column + 1
        self.problem = f"{shown} cannot be read as {node.tag.rsplit(':', 1)[-1]}: {first_line(exc)} (example: 200)"


def first_line(exc: BaseException) -> str:
    """The first line of an exception's text, with Python's integer-digits limit said plainly."""
    text = str(exc).strip()
    if "integer string conversion" in text:
        return f"a number longer than {sys.get_int_max_str_digits()} digits"
    return text.splitlines()[0] if text else type(exc).__name__


def _build(node: Any, constructor: Any) -> Any:
    """Python values from a composed node tree (str, int, bool, float, null, bytes, map, seq)."""
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _MAP:
        out = {}
        for key_node, value_node in node.value:
            if key_node.tag == _STR:
                key = key_node.value
            elif key_node.tag == "tag:yaml.org,2002:merge":
                raise _Fallback
            else:
                key = _build(key_node, constructor)
                if isinstance(key, list | dict):
                    raise _Fallback
            out[key] = value_node.value if value_node.tag == _STR else _build(value_node, constructor)
        return out
    if tag == _SEQ:
        return [item.value if item.tag == _STR else _build(item, constructor) for item in node.value]
    if tag == _NULL:
        return None
    method = _SIMPLE.get(tag)
    if method is None:
        raise _Fallback
    try:
        return getattr(constructor, method)(node)
    except (ValueError, TypeError) as exc:
        raise _BadScalar(node, exc) from None
