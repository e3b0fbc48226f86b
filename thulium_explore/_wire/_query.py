"""The query string both ways, in the style the Thulium docs show (PHP's): ``a[]=1&a[]=2``, ``a[k][0]=v``.

Encoding: values → pairs (:func:`query_pairs`, with :func:`query_problem` saying what cannot travel)
→ text (:func:`query_string`, what requests sends). Decoding: pairs → a tree of texts
(:func:`decode_query`), keys split by :func:`key_path`; typing the texts by the schema is
``_params.coerce_query``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import quote_plus

_SCALARS = (str, int, float)  # bool is an int
_PLAIN = re.compile(r"[A-Za-z0-9_.~-]*")  # what quote_plus leaves as it is
_KEY = re.compile(r"([^\[\]]+)((?:\[[^\[\]]*\])+)")  # name[k1][k2]…, no bracket inside a part
_SHAPES = {"value": "a single value", "list": "a list", "object": "an object"}
MAX_NESTING = 64  # bracket parts read in one key, as PHP's max_input_nesting_level; the API uses two at most


# --- encoding -------------------------------------------------------------------------------


def query_string(pairs: Sequence[tuple[str, str]]) -> str:
    """``[("a[]", "1 2")]`` → ``a%5B%5D=1+2``: what requests sends for ``params=pairs``, spelt out once.

    Most names and values are plain (ids, dates need only ``:`` and a space encoded), so they skip ``quote_plus``.
    """
    return "&".join(
        [
            f"{k if _PLAIN.fullmatch(k) else quote_plus(k)}={v if _PLAIN.fullmatch(v) else quote_plus(v)}"
            for k, v in pairs
        ]
    )


def query_pairs(name: str, value: Any) -> list[tuple[str, str]]:
    """``a=[1, 2]`` → ``a[]=1&a[]=2``; ``o={"k": [v]}`` → ``o[k][0]=v``; scalars as text."""
    if isinstance(value, _SCALARS):
        return [(name, wire_text(value))]
    if isinstance(value, list | tuple):
        return [(f"{name}[]", wire_text(v)) for v in value]
    if isinstance(value, Mapping):
        pairs: list[tuple[str, str]] = []
        for key, sub in value.items():
            if isinstance(sub, list | tuple):
                pairs.extend((f"{name}[{key}][{i}]", wire_text(v)) for i, v in enumerate(sub))
            else:
                pairs.append((f"{name}[{key}]", wire_text(sub)))
        return pairs
    return [(name, wire_text(value))]


def query_problem(name: str, value: Any) -> tuple[str, str] | None:
    """Why ``value`` cannot travel as ``name`` in the query string the way the docs show, or None."""
    if isinstance(value, _SCALARS):  # the common case: one pair, always fine
        return None
    if value is None:
        return name, f'null cannot travel in a query string; leave {name} out (or pass "" for an empty value)'
    if isinstance(value, list | tuple):
        if not value:
            return name, f"an empty list would send nothing ({name}[]=… needs a value); leave {name} out instead"
        if any(v is None or isinstance(v, list | tuple | Mapping) for v in value):
            return name, f"a list in a query string holds only text, numbers or booleans ({name}[]=1&{name}[]=2)"
        return None
    if isinstance(value, Mapping):
        if not value:
            return name, f"an empty object would send nothing; leave {name} out instead"
        for key, sub in value.items():
            field = f"{name}.{key}"
            if not str(key) or "[" in str(key) or "]" in str(key):
                return field, f"a key in a query string cannot be empty or hold [ or ] ({name}[Name]=value)"
            if isinstance(sub, list | tuple):
                if not sub or any(v is None or isinstance(v, list | tuple | Mapping) for v in sub):
                    return field, (
                        f"a list here must hold at least one text, number or boolean ({name}[{key}][0]=value)"
                    )
            elif sub is None or isinstance(sub, Mapping):
                return field, f"is nested too deeply for a query string (at most {name}[{key}][0]=value)"
    return None


def wire_text(value: Any) -> str:
    """Booleans as ``true``/``false`` (inferred: the docs show no boolean in a URL); ``3.0`` as ``3``."""
    if type(value) is str:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # JSON Schema counts 3.0 as an integer; the server expects "3"
    return "" if value is None else str(value)


# --- decoding -------------------------------------------------------------------------------


def key_path(name: str) -> list[str] | None:
    """``a`` → ``["a"]``, ``a[]`` → ``["a", ""]``, ``a[k][0]`` → ``["a", "k", "0"]``; None when malformed.

    Malformed: brackets that do not pair up (``a[k``, ``a[k]]``, ``a[k]x``), a bracket inside a
    part (``a[[k]]``) or no name before the first bracket (``[k]``). What such a name means is the
    caller's choice (verify and the sandbox keep it whole, as an unknown parameter).
    """
    if "[" not in name:  # a plain name (a stray "]" included)
        return [name]
    match = _KEY.fullmatch(name)
    if match is None:
        return None
    return [match.group(1), *match.group(2)[1:-1].split("][")]


def is_index(key: str) -> bool:
    """A bracket part that adds to a list (``a[]``, ``a[0]``) rather than naming a key (``a[k]``)."""
    return key == "" or (key.isascii() and key.isdigit())


def decode_query(pairs: Iterable[tuple[str, str]]) -> tuple[dict[str, Any], list[tuple[tuple[str, ...], str]]]:
    """Decoded query pairs as a tree of texts, and the places sent in two shapes that cannot both hold.

    ``a=1`` → ``"1"``; ``a=1&a=2``, ``a[]=1&a[]=2`` and ``a[0]=1&a[1]=2`` → ``["1", "2"]`` (indexes
    give only the order); ``a[k]=v`` → ``{"k": "v"}``; ``a[k][0]=v`` → ``{"k": ["v"]}``. Only the
    last bracket part can start a list; earlier ones are keys (``a[0][k]=v`` → ``{"0": {"k": "v"}}``).
    A place is a value, a list or an object; a pair that would make it another (``a=1&a[]=2``,
    ``a[k]=1&a[k][0]=2``) is left out and reported as ``(place, message)``, the place being the
    keys down to it (``("a", "k")``). So is a key of more than :data:`MAX_NESTING` bracket parts.
    A malformed name (see :func:`key_path`) is one plain name.
    """
    tree: dict[str, Any] = {}
    # (id of the container, key) → (shape, the name that gave it); every container stays in the tree, so ids are unique
    shapes: dict[tuple[int, str], tuple[str, str]] = {}
    clashes: list[tuple[tuple[str, ...], str]] = []
    for name, text in pairs:
        path, listed = _parts(name)
        if len(path) > MAX_NESTING + 1:
            deep = f"is nested {len(path) - 1} levels deep ([…][…]); a query key is read to at most {MAX_NESTING}"
            clashes.append(((path[0],), deep))
            continue
        end = len(path) - 1 if listed else len(path)  # the parts that name a place; a listed last part appends
        container: dict[str, Any] = tree
        for depth in range(end):
            key = path[depth]
            shape = "object" if depth < end - 1 else "list" if listed else "value"
            first = shapes.setdefault((id(container), key), (shape, name))
            if first[0] != shape:
                message = (
                    f"is sent both as {_short(first[1])} ({_SHAPES[first[0]]}) and as {_short(name)} "
                    f"({_SHAPES[shape]}); a query parameter takes one of these shapes"
                )
                clashes.append((path[: depth + 1], message))
                break
            if shape == "object":
                container = container.setdefault(key, {})
            elif shape == "list":
                container.setdefault(key, []).append(text)
            else:  # a value; sent again, it becomes a list of the values (verify reports it, e.g. a=3&a=4)
                held = container.get(key)
                container[key] = text if held is None else [*(held if isinstance(held, list) else [held]), text]
    return tree, clashes


@lru_cache(maxsize=1024)  # names repeat from request to request; verify decodes many
def _parts(name: str) -> tuple[tuple[str, ...], bool]:
    """``name``'s parts (:func:`key_path`; a malformed name is one part) and whether the last one appends to a list."""
    path = tuple(key_path(name) or [name])
    return path, len(path) > 1 and is_index(path[-1])


def _short(name: str) -> str:
    """A name as a message shows it: a hostile one is cut to 60 characters."""
    return name if len(name) <= 60 else name[:59] + "…"
