"""The fast cassette YAML reader: values built straight from libyaml's nodes, the collector paused.

A benchmark-driven fast path (``python -m benchmarks --only verify``). YAML is parsed by libyaml
(PyYAML's C parser) into nodes, which are turned into Python values here without PyYAML's generic
constructor machinery; anything unusual (merge keys, custom tags) falls back to the full safe
loader. What it buys, measured (benchmarks/README.md): ``verify`` keeps up with the floor of a bare
libyaml parse of the same corpus (verify ÷ floor 0.83-0.93, target ≤ 1.3) and is 4-6× faster than
vcrpy's own loader plus ``jsonschema.validate``; pausing the cyclic collector while a file is parsed
was about half of that on a 2,000-interaction corpus.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from thulium_explore._errors import CassetteError


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
        for tag, fn in (("str", as_str), ("unicode", as_str), ("tuple", as_tuple),
                        ("object/new:_io.BytesIO", as_bytes), ("object/apply:builtins.iter", as_chunks)):
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
_SIMPLE.update({"tag:yaml.org,2002:python/str": "construct_scalar", "tag:yaml.org,2002:python/unicode":
                "construct_scalar"})


def load_yaml(label: str, data: bytes) -> Any:
    """Parse with libyaml, build values directly; fall back to the full loader for rare features."""
    import yaml

    loader = _yaml_loader()
    try:
        try:
            node = yaml.compose(data, Loader=loader)
            return None if node is None else _build(node, _loaders["constructor"])
        except (_Fallback, RecursionError):
            return yaml.load(data, Loader=loader)  # noqa: S506 - a safe loader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        what = exc.problem or exc.context or "cannot parse"
        if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in what:
            what += " (a safe loader refuses it; cassettes hold only text, numbers, !!binary, lists and maps)"
        raise CassetteError(f"{label}: invalid YAML at {where}{what}".rstrip(": ")) from None
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, TypeError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CassetteError(f"{label}: invalid YAML: {first}") from None


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
    return getattr(constructor, method)(node)
