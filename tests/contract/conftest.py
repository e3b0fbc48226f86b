"""The repo's ``cassettes/``, checked by the project's own pytest plugin (``thulium_explore.pytest_plugin``).

Collecting this folder (``pytest``, ``pytest tests`` or ``pytest tests/contract``) hands
``cassettes/`` to the plugin's collector: the same items, ids and checks as
``pytest --thulium-cassettes=cassettes``, one per recorded interaction
(``cassettes/chat_lifecycle.yaml::0``). A violation fails; drift and unchecked endpoints warn,
and fail with ``--thulium-strict``. An unreadable cassette, or an empty folder, is a collection error.

The option is not in ``addopts``: the plugin adds its paths to every run, so ``pytest tests/unit``
would check the cassettes too. ``test_cassettes.py`` guards against a vacuous pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from thulium_explore import CassetteError
from thulium_explore.cassettes import find_cassettes
from thulium_explore.pytest_plugin import CassetteFile

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CASSETTES = ROOT / "cassettes"
ANCHOR = HERE / "test_cassettes.py"  # collecting it (or a folder above it) collects the cassettes


class RepoCassettes(pytest.Directory):
    """``cassettes/``: one plugin ``CassetteFile`` per cassette, each with one item per interaction."""

    def collect(self) -> Iterator[CassetteFile]:
        for path in find_cassettes([self.path]):  # CassetteError for an empty folder: a collection error
            yield CassetteFile.from_parent(self, path=path)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> Any:  # type: ignore[override]
        if isinstance(excinfo.value, CassetteError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


def named_by_option(config: pytest.Config) -> bool:
    """Whether ``--thulium-cassettes`` already names (part of) ``cassettes/``: the plugin then collects it."""
    for given in config.getoption("thulium_cassettes", default=[]) or []:
        path = Path(config.invocation_params.dir, given).resolve()
        if path == CASSETTES or CASSETTES in path.parents or path in CASSETTES.parents:
            return True
    return False


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.resolve() != ANCHOR or named_by_option(parent.config):
        return None
    return RepoCassettes.from_parent(parent, path=CASSETTES)
