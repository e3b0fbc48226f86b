"""Contract tests for the repo's ``cassettes/``: guards that the plugin's checks really run.

The recorded interactions are checked by the project's pytest plugin, which ``conftest.py`` here
points at ``cassettes/`` when this module's folder is collected (items ``cassettes/<file>::<index>``).
These tests make a vacuous pass impossible: the folder must hold readable interactions, and
collecting this module must yield exactly one plugin item for each of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.contract.conftest import CASSETTES, ROOT, named_by_option
from thulium_explore import verify
from thulium_explore.pytest_plugin import InteractionItem


def test_cassettes_are_readable_and_not_empty() -> None:
    """Guards against a vacuous pass: cassettes/ must hold at least one readable interaction."""
    report = verify(CASSETTES)  # CassetteError (one line, naming the file) if unreadable or empty
    assert len(report.interactions) > 0, f"no recorded interactions in {CASSETTES}"


def _items(node: pytest.Collector | pytest.Item) -> Iterator[pytest.Item]:
    if isinstance(node, pytest.Item):
        yield node
    else:
        for child in node.collect():
            yield from _items(child)


def test_collecting_this_module_collects_each_recorded_interaction_once(request: pytest.FixtureRequest) -> None:
    """Guards the wiring: what pytest gets when it collects this file holds one plugin item per interaction."""
    expected = sorted(
        f"{Path(r.cassette).resolve().relative_to(ROOT).as_posix()}::{r.index}" for r in verify(CASSETTES).interactions
    )
    package = request.node.getparent(pytest.Package)
    assert package is not None and package.path == Path(__file__).parent
    collectors = package.ihook.pytest_collect_file(file_path=Path(__file__), parent=package)
    extra = [c for c in collectors if not isinstance(c, pytest.Module)]  # besides this module (and its doctests)
    if named_by_option(request.config):
        # `pytest --thulium-cassettes=cassettes`: the plugin collects them itself (its own tests are in
        # tests/integration/test_pytest_plugin.py); collecting them here too would run each one twice.
        assert extra == []
        return
    items = [item for collector in extra for item in _items(collector)]
    assert all(isinstance(item, InteractionItem) for item in items), items
    assert sorted(item.nodeid for item in items) == expected
