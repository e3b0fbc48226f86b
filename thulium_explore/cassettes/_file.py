"""Reading vcrpy cassette files (YAML or JSON) fast and strictly (bodies: ``_wire/_body.py``).

YAML is parsed by libyaml (PyYAML's C parser) into nodes, which are turned into Python values
here without PyYAML's generic constructor machinery; anything unusual (merge keys, custom tags)
falls back to the full safe loader. Every failure is a one-line :class:`CassetteError`.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thulium_explore._errors import CassetteError

# re-exported for cassettes/persisters/filesystem.py (outside this change); the home is _wire/_body.py
from thulium_explore._wire._body import BodyError as BodyError
from thulium_explore._wire._body import raw_bytes as raw_bytes

CASSETTE_SUFFIXES = (".yaml", ".yml", ".json")
_EXAMPLE_URI = "uri: https://your-system-name.thulium.com/api/chats"
_EXAMPLE_CODE = "status: {code: 200, message: OK}"


@dataclass(frozen=True)
class Cassette:
    """One cassette file: its display name and its interactions (vcrpy's dicts, structure-checked)."""

    name: str
    path: Path
    interactions: list[dict[str, Any]]


def find_cassettes(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The cassette files named by ``paths``: files as given, folders searched for *.yaml/*.yml/*.json."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.suffix.lower() in CASSETTE_SUFFIXES and p.is_file())
            if not inside:
                raise CassetteError(f"{path}: no cassette files (*.yaml, *.yml, *.json) in this folder")
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise CassetteError(f"{path}: not a regular file or folder")
        else:
            raise CassetteError(f"{path}: no such file or folder")
    return found


def read_cassette(path: Path, name: str | None = None) -> Cassette:
    """Load and structure-check one cassette; :class:`CassetteError` names the file and the problem."""
    label = name or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CassetteError(f"{label}: cannot read: {exc.strerror or exc}") from None
    with _collector_paused():
        if _looks_like_json(path, data):
            try:
                document = json.loads(data)
            except (ValueError, UnicodeDecodeError) as exc:
                raise CassetteError(f"{label}: invalid JSON: {exc}") from None
        else:
            document = _load_yaml(label, data)
    return Cassette(label, path, _interactions(label, document))


@contextmanager
def _collector_paused() -> Iterator[None]:
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


def _looks_like_json(path: Path, data: bytes) -> bool:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return False
    return suffix == ".json" or data.lstrip()[:1] in (b"{", b"[")


def _interactions(label: str, document: Any) -> list[dict[str, Any]]:
    """Check the vcrpy structure (version 1, interactions of request/response) without copying."""
    if not isinstance(document, dict):
        kind = "an old (pre-1.0) vcrpy list" if isinstance(document, list) else type(document).__name__
        raise CassetteError(f"{label}: not a vcrpy cassette: the top level is {kind}, expected a mapping "
                            "with 'interactions' (example: {version: 1, interactions: [...]})")
    version = document.get("version", 1)
    if version != 1:
        raise CassetteError(f"{label}: version: {version!r} is not supported (expected version: 1)")
    interactions = document.get("interactions")
    if not isinstance(interactions, list):
        raise CassetteError(f"{label}: interactions: missing or not a list (example: interactions: [...])")
    for index, item in enumerate(interactions):
        _check_interaction(label, index, item)
    return interactions


def _check_interaction(label: str, index: int, item: Any) -> None:
    where = f"{label}: interaction {index}"
    if not isinstance(item, dict):
        raise CassetteError(f"{where}: expected a mapping with request and response")
    request, response = item.get("request"), item.get("response")
    if not isinstance(request, dict):
        raise CassetteError(f"{where}: request: missing or not a mapping (example: request: {{method: POST, ...}})")
    if not isinstance(response, dict):
        raise CassetteError(f"{where}: response: missing or not a mapping (example: response: {{{_EXAMPLE_CODE}}})")
    if not isinstance(request.get("method"), str) or not request["method"]:
        raise CassetteError(f"{where}: request.method: missing or not text (example: method: POST)")
    if not isinstance(request.get("uri"), str) or not request["uri"]:
        raise CassetteError(f"{where}: request.uri: missing or not text (example: {_EXAMPLE_URI})")
    if not isinstance(request.get("body"), str | bytes | list | tuple | None):
        raise CassetteError(f"{where}: request.body: expected text, !!binary or null (example: body: null)")
    status = response.get("status")
    code = status.get("code") if isinstance(status, dict) else None
    if not (isinstance(code, int) and not isinstance(code, bool) and 100 <= code <= 599):
        raise CassetteError(f"{where}: response.status.code: {code!r} is not an HTTP status "
                            f"(example: {_EXAMPLE_CODE})")
    body = response.get("body")
    if not isinstance(body, dict) or not isinstance(body.get("string", ""), str | bytes | None):
        raise CassetteError(f"{where}: response.body: expected a mapping with 'string' "
                            "(example: body: {string: '{\"conversation_id\": \"...\"}'})")
    for side, part in (("request", request), ("response", response)):
        headers = part.get("headers", {})
        if headers is None:
            continue
        if not isinstance(headers, dict) or not all(
            isinstance(v, str | list | tuple) for v in headers.values()
        ):
            raise CassetteError(f"{where}: {side}.headers: expected a mapping of name to a list of values "
                                "(example: headers: {Content-Type: [application/json]})")


# --- YAML ---------------------------------------------------------------------------------

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


def _load_yaml(label: str, data: bytes) -> Any:
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


def iter_interactions(cassettes: Iterable[Cassette]) -> Iterator[tuple[Cassette, int, dict[str, Any]]]:
    """Every (cassette, index, interaction) in order."""
    for cassette in cassettes:
        for index, interaction in enumerate(cassette.interactions):
            yield cassette, index, interaction
