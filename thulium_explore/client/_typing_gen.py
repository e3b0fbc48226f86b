"""Render ``_endpoints.py``: one typed class per endpoint group, so type checkers and IDEs know every endpoint.

    python -m thulium_explore.client._typing_gen          # rewrite _endpoints.py from the schemas
    python -m thulium_explore.client._typing_gen --check  # exit status 1 when it is stale

``tests/unit/test_typed_endpoints.py`` fails while the committed file differs from :func:`render`.

A parameter's type is what the client's validation (the schema, with jsonschema's types) accepts:
integer → ``int``, number → ``float``, string → ``str``, boolean → ``bool``, array → ``list[…]`` (a tuple
is refused), object → ``dict[str, …]`` (another mapping is refused), ``enum``/``const`` → ``Literal[…]``,
several types or ``anyOf``/``oneOf`` → a union, no type → ``Any``; a raw request body also takes ``bytes``.
An optional parameter is ``T | None = None`` because a method does not send an argument left as None
(so ``null`` itself cannot be sent through a method; ``client.send`` can). Two gaps no annotation closes:
``int`` admits ``True`` (the schema refuses booleans) and refuses ``3.0`` (the schema accepts it).
"""

from __future__ import annotations

import json
import keyword
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thulium_explore._files import write_atomic
from thulium_explore.catalog._catalog import Catalog, default_catalog
from thulium_explore.catalog._lists import list_shape
from thulium_explore.catalog._model import Endpoint
from thulium_explore.catalog._walk import deref
from thulium_explore.client._groups import PAGINATE_KEYWORDS, endpoint_doc, paginate_doc, python_names
from thulium_explore.client._typing_layout import _docstring, _wrapped

COMMAND = "python -m thulium_explore.client._typing_gen"
_JSON_TYPES = ("string", "integer", "number", "boolean", "array", "object", "null")
_SCALARS = {"integer": "int", "number": "float", "string": "str", "boolean": "bool"}
_BUILTINS = frozenset({"int", "float", "str", "bool", "bytes", "list", "dict"})
_TYPING = frozenset({"Any", "Literal", "CallResult", "Paginator", "Progress", "Protocol"})
#: the types of the keywords a ``.paginate`` method adds (PAGINATE_KEYWORDS)
_PAGINATE_TYPES = {"page_size": "int", "max_items": "int", "progress": "Progress"}


def target() -> Path:
    """The generated module, next to this one."""
    return Path(__file__).with_name("_endpoints.py")


@dataclass
class _Group:
    """One node of the id tree: ``chats`` holds endpoints ``list``, ``queues`` and the group ``reports``."""

    prefix: str
    endpoints: dict[str, Endpoint] = field(default_factory=dict)
    groups: dict[str, _Group] = field(default_factory=dict)

    @property
    def class_name(self) -> str:
        return "".join(w[:1].upper() + w[1:] for w in re.split(r"[._]", self.prefix) if w) + "Endpoints"

    def members(self) -> list[str]:
        return sorted({*self.endpoints, *self.groups})


def _reachable(name: str) -> bool:
    """An attribute name a call can spell (the rest stay reachable through ``client.call``)."""
    return name.isidentifier() and not name.startswith("_") and not keyword.iskeyword(name)


def _tree(catalog: Catalog) -> _Group:
    """The groups of ``catalog`` as the client exposes them; an endpoint wins over a group of the same name."""
    root = _Group("")
    for endpoint_id in sorted(catalog.endpoints):
        *path, last = endpoint_id.split(".")
        if not path or not all(_reachable(p) for p in (*path, last)):
            continue
        node = root
        for part in path:
            node = node.groups.setdefault(part, _Group(f"{node.prefix}.{part}".lstrip(".")))
        node.endpoints[last] = catalog[endpoint_id]
    _drop_shadowed(root)
    return root


def _drop_shadowed(node: _Group) -> None:
    for name in list(node.groups):
        if name in node.endpoints:
            del node.groups[name]
        else:
            _drop_shadowed(node.groups[name])


def _post_order(node: _Group) -> Iterable[_Group]:
    """Sub-groups before their parent: a class body refers to the classes of its sub-groups."""
    for name in sorted(node.groups):
        yield from _post_order(node.groups[name])
    if node.prefix:
        yield node


class _Types:
    """Annotations for one class body, with names the class itself shadows (``def list``) qualified."""

    def __init__(self, members: Iterable[str]) -> None:
        self.members = set(members)
        clash = self.members & _TYPING
        if clash:
            raise ValueError(f"an endpoint or group named {sorted(clash)} would shadow an annotation; rename it")
        self.used: set[str] = set()

    def name(self, name: str) -> str:
        if name in _BUILTINS and name in self.members:
            self.used.add("builtins")
            return f"builtins.{name}"
        if name in _TYPING:
            self.used.add(name)
        return name

    def union(self, members: Iterable[str]) -> str:
        unique = list(dict.fromkeys(members))
        return self.name("Any") if not unique or "Any" in unique else " | ".join(unique)

    def of(self, schema: Any, resolver: Any, *, raw: bool = False) -> str:
        """The annotation for a value ``schema`` accepts (``raw``: sent as the raw body, so bytes too)."""
        schema, resolver = deref(schema, resolver)
        if not isinstance(schema, Mapping):
            return self.name("Any")
        literal = self._literal(schema)
        if literal:
            return literal
        kinds = schema.get("type")
        if kinds is None and ("anyOf" in schema or "oneOf" in schema):
            branches = [*schema.get("anyOf", []), *schema.get("oneOf", [])]
            members = [m for b in branches for m in self.of(b, resolver, raw=raw).split(" | ")]
            return self.union(m for m in members if m != "None")
        if kinds is None:
            kinds = _complement(schema.get("not"))
        if kinds is None:
            return self.name("Any")
        members = [self._kind(kind, schema, resolver) for kind in ([kinds] if isinstance(kinds, str) else kinds)]
        if raw:
            members.append(self.name("bytes"))
        return self.union(m for m in members if m)

    def _literal(self, schema: Mapping[str, Any]) -> str | None:
        values = [schema["const"]] if "const" in schema else schema.get("enum")
        if not isinstance(values, list) or not values:
            return None
        kept = [v for v in values if v is not None]
        if not kept or not all(isinstance(v, str | int) for v in kept):  # bool is an int
            return None
        spelt = [json.dumps(v, ensure_ascii=False) if isinstance(v, str) else repr(v) for v in kept]
        return f"{self.name('Literal')}[{', '.join(dict.fromkeys(spelt))}]"

    def _kind(self, kind: str, schema: Mapping[str, Any], resolver: Any) -> str:
        if kind in _SCALARS:
            return self.name(_SCALARS[kind])
        if kind == "array":
            items = schema.get("items")
            inner = self.of(items, resolver) if isinstance(items, Mapping) else self.name("Any")
            return f"{self.name('list')}[{inner}]"
        if kind == "object":
            extra = schema.get("additionalProperties")
            if isinstance(extra, Mapping) and not schema.get("properties"):
                return f"{self.name('dict')}[{self.name('str')}, {self.of(extra, resolver)}]"
            return f"{self.name('dict')}[{self.name('str')}, {self.name('Any')}]"
        return ""  # null: a method never sends None; an unknown type name: the union ignores it


def _complement(negated: Any) -> list[str] | None:
    """``not: {type: [...]}`` alone → the JSON types it leaves; anything else → None (no constraint known)."""
    if not isinstance(negated, Mapping) or set(negated) != {"type"}:
        return None
    refused = negated["type"]
    refused = {refused} if isinstance(refused, str) else set(refused)
    if "number" in refused:
        refused.add("integer")  # every integer is a number
    return [t for t in _JSON_TYPES if t not in refused]


def _parameters(endpoint: Endpoint, types: _Types, catalog: Catalog, *, paging: bool = False) -> list[str]:
    """The rendered keyword-only parameters, required ones first (``paging``: the ``.paginate`` method's)."""
    resolver = catalog.resolve(endpoint.parameters_uri).resolver
    params: list[tuple[str, str, bool]] = []
    for py_name, wire_name in python_names(endpoint).items():
        param = endpoint.parameter(wire_name)
        if param is None or not py_name.isidentifier() or (paging and wire_name in ("limit", "offset")):
            continue
        raw = param.location == "body" and endpoint.request_body == "raw"
        params.append((py_name, types.of(param.schema, resolver, raw=raw), param.required))
    params.sort(key=lambda p: not p[2])  # stable: the catalog's order within each kind, as at run time
    if paging:
        own = [(name, types.name(_PAGINATE_TYPES[name]), False) for name in PAGINATE_KEYWORDS]
        required = [p for p in params if p[2]]
        params = [*required, *own, *params[len(required) :]]
    return [
        f"{n}: {t}" if required else f"{n}: {t} | None = None" if t != "Any" else f"{n}: {t} = None"
        for n, t, required in params
    ]


def _def(name: str, rendered: list[str], result: str, doc: list[str]) -> list[str]:
    """One typed ``def`` at the indentation of a class body under ``if TYPE_CHECKING:``."""
    this = "self" if all(not p.startswith("self:") for p in rendered) else "_group"
    if rendered:
        head = [
            f"        def {name}(",
            f"            {this},",
            "            *,",
            *[line for p in rendered for line in _wrapped(p + ",", 12)],
            f"        ) -> {result}:",
        ]
    else:
        head = [f"        def {name}({this}) -> {result}:"]
    return [*head, *_docstring(doc, 12)]


def _method(endpoint: Endpoint, name: str, types: _Types, catalog: Catalog) -> list[str]:
    """One typed ``def`` (inside ``if TYPE_CHECKING:``): keyword-only parameters, required ones first."""
    return _def(name, _parameters(endpoint, types, catalog), types.name("CallResult"), endpoint_doc(endpoint))


def _pageable(catalog: Catalog, endpoint: Endpoint) -> bool:
    shape = list_shape(catalog, endpoint)
    return shape is not None and shape.pageable


def _endpoint_protocol(endpoint: Endpoint, class_name: str, catalog: Catalog, used: set[str]) -> list[str]:
    """A paged list endpoint's type: callable like any endpoint method, plus ``.paginate(...)``."""
    types = _Types(["__call__", "paginate"])
    lines = [
        f"    class {class_name}(Protocol):",
        *_docstring([f"``client.{endpoint.id}``: call it for one page, ``.paginate(...)`` for every page."], 8),
        "",
        *_def("__call__", _parameters(endpoint, types, catalog), types.name("CallResult"), endpoint_doc(endpoint)),
        "",
        *_def(
            "paginate",
            _parameters(endpoint, types, catalog, paging=True),
            types.name("Paginator"),
            paginate_doc(endpoint),
        ),
    ]
    used.update(types.used | {"Protocol", "TYPE_CHECKING"})
    return [line[4:] if line.startswith("    ") else line for line in lines]  # de-indented, re-indented below


def protocol_name(endpoint_id: str) -> str:
    """``tickets.list`` → ``TicketsListEndpoint``."""
    return "".join(w[:1].upper() + w[1:] for w in re.split(r"[._]", endpoint_id) if w) + "Endpoint"


def _group_class(group: _Group, catalog: Catalog, used: set[str]) -> list[str]:
    types = _Types(group.members())
    lines = [
        f"class {group.class_name}(EndpointGroup):",
        *_docstring([f"``client.{group.prefix}``: the ``{group.prefix}.*`` endpoints."], 4),
    ]
    if group.groups:
        lines.append("")
        lines += [f'    {n} = GroupAttribute("{g.prefix}", {g.class_name})' for n, g in sorted(group.groups.items())]
    if group.endpoints:
        lines += ["", "    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog"]
        for name, endpoint in sorted(group.endpoints.items()):
            if _pageable(catalog, endpoint):  # a paged list: the method also has .paginate
                lines += [f"        {name}: {protocol_name(endpoint.id)}"]
                if not lines[-2].lstrip().startswith("if TYPE_CHECKING:"):  # a blank line between members only
                    lines.insert(-1, "")
            else:
                lines += ["", *_method(endpoint, name, types, catalog)]
        used.update({"TYPE_CHECKING", "CallResult"})
    used.update(types.used)
    return lines


def render(catalog: Catalog) -> str:
    """The text of ``_endpoints.py`` for ``catalog``."""
    root = _tree(catalog)
    groups = list(_post_order(root))
    names = [g.class_name for g in groups]
    if len(set(names)) != len(names):
        raise ValueError(f"two groups get the same class name: {sorted(n for n in names if names.count(n) > 1)}")
    used: set[str] = set()
    body: list[str] = []
    pageable = sorted(
        endpoint.id for group in groups for endpoint in group.endpoints.values() if _pageable(catalog, endpoint)
    )
    if pageable:  # the paged lists' types, for type checkers only
        body += ["", "if TYPE_CHECKING:", "    from thulium_explore.client._paginate import Paginator, Progress"]
        for endpoint_id in pageable:
            protocol = _endpoint_protocol(catalog[endpoint_id], protocol_name(endpoint_id), catalog, used)
            body += ["", *["    " + line if line else "" for line in protocol]]
    for group in groups:
        body += ["", "", *_group_class(group, catalog, used)]
    body += [
        "",
        "",
        "class EndpointGroups:",
        '    """The endpoint groups, as typed attributes of :class:`ThuliumClient` (``client.chats``)."""',
        "",
    ]
    body += [f'    {n} = GroupAttribute("{g.prefix}", {g.class_name})' for n, g in sorted(root.groups.items())]
    typing_names = [n for n in ("TYPE_CHECKING", "Any", "Literal", "Protocol") if n in used]
    imports = ["from __future__ import annotations", ""]
    if "builtins" in used:
        imports.append("import builtins")
    if typing_names:
        imports.append(f"from typing import {', '.join(typing_names)}")
    if len(imports) > 2:
        imports.append("")
    imports.append("from thulium_explore.client._groups import EndpointGroup, GroupAttribute")
    if "CallResult" in used:
        imports.append("from thulium_explore.client._result import CallResult")
    header = [
        '"""Typed endpoints of :class:`ThuliumClient`: one class per endpoint group of the shipped catalog.',
        "",
        f"Generated — do not edit; regenerate with ``{COMMAND}``",
        "(tests/unit/test_typed_endpoints.py fails while this file is stale).",
        "",
        "Type checkers and IDEs read the signatures below. At run time each method is the one",
        "``EndpointGroup`` makes from the client's catalog, so the schema still judges every argument",
        "(an unknown or missing parameter is a ParameterError, as with ``client.call``).",
        '"""',
        "",
    ]
    return "\n".join([*header, *imports, *body]) + "\n"


def main(argv: Sequence[str] | None = None, out: Callable[[str], object] = print) -> int:
    """Rewrite ``_endpoints.py`` (or, with ``--check``, only say whether it is stale: exit status 1)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args not in ([], ["--check"]):
        out(f"usage: {COMMAND} [--check]")
        return 2
    path = target()
    text = render(default_catalog())
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if current == text:
        out(f"{path}: up to date")
        return 0
    if args:
        out(f"{path}: stale; regenerate with {COMMAND}")
        return 1
    write_atomic(path, text)
    out(f"{path}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
