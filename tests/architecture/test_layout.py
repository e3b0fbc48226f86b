"""The package's shape, checked: layers (import-linter), no import cycle of any kind, short modules,
argparse only in the CLI, one version string, an honest public surface."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import grimp
import pytest

import thulium_explore

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "thulium_explore"
MAX_LINES = 400
#: generated from the schemas (tests/unit/test_typed_endpoints.py keeps it fresh), not written by hand
GENERATED = {"client/_endpoints.py"}


def _modules() -> Iterator[Path]:
    yield from sorted(PACKAGE.rglob("*.py"))


def test_import_layers_hold() -> None:
    """`lint-imports` with the contracts in pyproject.toml (layers; vcrpy and ipywidgets kept in their corners)."""
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is not installed (it is in the dev extra)"
    done = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def _cycles(graph: grimp.ImportGraph, leave_out: str) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), i.e. every import cycle.

    ``leave_out`` (a module name) is not visited and no edge to it is followed.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(module: str) -> None:
        nonlocal counter
        index[module] = low[module] = counter
        counter += 1
        stack.append(module)
        on_stack.add(module)
        for target in graph.find_modules_directly_imported_by(module) - {leave_out}:
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in sorted(graph.modules - {leave_out}):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycle_of_any_kind() -> None:
    """Module-level, function-level and TYPE_CHECKING imports all count (grimp sees every import statement).

    The package root is left out: it re-exports (and under TYPE_CHECKING names) what its subpackages
    define, while no module inside imports the root.
    """
    graph = grimp.build_graph("thulium_explore", cache_dir=None)
    assert len(graph.modules) > 50  # the whole package was read
    assert _cycles(graph, leave_out="thulium_explore") == []


def test_no_module_imports_the_package_root() -> None:
    importers = sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module == "thulium_explore" and node.level == 0
    )
    assert importers == []


def test_modules_stay_short() -> None:
    long = {
        path.relative_to(PACKAGE).as_posix(): n
        for path in _modules()
        if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES
        and path.relative_to(PACKAGE).as_posix() not in GENERATED
    }
    assert long == {}


def test_argparse_only_in_the_cli() -> None:
    users = sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in _modules()
        if re.search(r"^\s*(import argparse|from argparse )", path.read_text("utf-8"), re.M)
        and path.relative_to(PACKAGE).parts[0] != "cli"
    )
    assert users == []


def test_the_version_is_written_once() -> None:
    version = thulium_explore.__version__
    spelled = sorted(
        path.relative_to(ROOT).as_posix()
        for path in [*_modules(), ROOT / "pyproject.toml"]
        if re.search(rf"['\"]{re.escape(version)}['\"]", path.read_text("utf-8"))
    )
    assert spelled == ["thulium_explore/_version.py"]


def test_version_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    from thulium_explore.cli import main

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"thulium-explore {thulium_explore.__version__}"


def test_colours_are_spelled_in_one_place() -> None:
    """Hex colours live in _palette.py (shared) and forms/_theme.py (the forms' extra shades), nowhere else."""
    hex_colour = re.compile(r"#[0-9a-fA-F]{6}\b")
    homes = {"_palette.py", "forms/_theme.py"}
    spelled = sorted(
        rel
        for path in _modules()
        if (rel := path.relative_to(PACKAGE).as_posix()) not in homes and hex_colour.search(path.read_text("utf-8"))
    )
    assert spelled == []
