"""The forms package's own layout, read from its source with ``ast`` (nothing is imported).

Its modules import one another one way only (no cycle, counting imports under ``TYPE_CHECKING`` and
inside functions), name their siblings by module path rather than through the package's
``__init__``, import the rest of ``thulium_explore`` at the top of the module, and spell colours
only in ``_theme.py``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

import thulium_explore

PACKAGE = "thulium_explore.forms"
FORMS = Path(thulium_explore.__file__).parent / "forms"
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def _sources() -> dict[str, str]:
    """Module stem (``__init__`` for the package itself) → its source."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(FORMS.glob("*.py"))}


def _trees() -> dict[str, ast.Module]:
    return {stem: ast.parse(text, filename=f"{stem}.py") for stem, text in _sources().items()}


def _absolute(stem: str, node: ast.ImportFrom) -> str:
    """The module an ``ImportFrom`` names, with a relative one (``from . import x``) made absolute."""
    if not node.level:
        return node.module or ""
    package = PACKAGE.split(".")
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def imported(stem: str, tree: ast.Module) -> Iterator[tuple[ast.stmt, str]]:
    """Every import statement anywhere in the module, with each module it makes Python import."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(stem, node)
            yield node, module
            for alias in node.names:
                yield node, f"{module}.{alias.name}"  # a submodule when that module exists


def _stem(module: str, stems: set[str]) -> str | None:
    """``thulium_explore.forms._x`` → ``_x``; the package itself → ``__init__``; anything else → None."""
    if module == PACKAGE:
        return "__init__"
    head, _, tail = module.rpartition(".")
    return tail if head == PACKAGE and tail in stems else None


def import_graph(trees: Mapping[str, ast.Module]) -> dict[str, set[str]]:
    """Module stem → the stems of the forms modules it imports (anywhere in its body)."""
    stems = set(trees)
    graph: dict[str, set[str]] = {stem: set() for stem in trees}
    for stem, tree in trees.items():
        for _, module in imported(stem, tree):
            target = _stem(module, stems)
            if target is not None and target != stem:
                graph[stem].add(target)
    return graph


def find_cycle(graph: Mapping[str, set[str]]) -> list[str] | None:
    """One cycle as ``[a, b, …, a]``, or None when the graph is acyclic (depth-first, three colours)."""
    done: set[str] = set()
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt in stack:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in done:
                found = visit(nxt)
                if found is not None:
                    return found
        stack.pop()
        done.add(node)
        return None

    for start in sorted(graph):
        if start not in done:
            found = visit(start)
            if found is not None:
                return found
    return None


@pytest.mark.parametrize(
    ("graph", "cycle"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
        ({"a": {"b", "c"}, "b": {"c"}, "c": set()}, None),
        ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
        ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
    ],
)
def test_find_cycle_finds_cycles(graph: dict[str, set[str]], cycle: list[str] | None) -> None:
    assert find_cycle(graph) == cycle


def test_import_graph_sees_late_and_type_checking_imports() -> None:
    trees = {
        "_a": ast.parse(
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from thulium_explore.forms._b import B"
        ),
        "_b": ast.parse("def f():\n    from thulium_explore.forms import _a"),
    }
    graph = import_graph(trees)
    assert graph == {"_a": {"_b"}, "_b": {"_a", "__init__"}}
    assert find_cycle(graph) == ["_a", "_b", "_a"]


def test_forms_modules_import_one_another_one_way() -> None:
    cycle = find_cycle(import_graph(_trees()))
    assert cycle is None, "import cycle in thulium_explore/forms: " + " → ".join(cycle or [])


def test_no_forms_module_imports_its_package() -> None:
    """``from thulium_explore.forms import _x`` runs through the package ``__init__``; name ``…forms._x``."""
    found = [
        f"{stem}.py:{node.lineno}"
        for stem, tree in _trees().items()
        if stem != "__init__"
        for node, module in imported(stem, tree)
        if module == PACKAGE
    ]
    assert found == []


def test_thulium_explore_imports_are_at_the_top() -> None:
    """No import of the project's own modules under ``if TYPE_CHECKING`` or inside a function or class.

    (A late import of a third-party module, e.g. ipywidgets to keep ``import thulium_explore``
    light, is allowed.)
    """
    late = []
    for stem, tree in _trees().items():
        top = {id(node) for node in tree.body}
        for node, module in imported(stem, tree):
            if module.split(".")[0] == "thulium_explore" and id(node) not in top:
                late.append(f"{stem}.py:{node.lineno} {module}")
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                late.append(f"{stem}.py:{node.lineno} if TYPE_CHECKING")
    assert sorted(set(late)) == []


def test_colours_are_spelled_only_in_the_theme() -> None:
    found = [
        f"{stem}.py: {match}"
        for stem, text in _sources().items()
        if stem != "_theme"
        for match in HEX_COLOUR.findall(text)
    ]
    assert found == []
