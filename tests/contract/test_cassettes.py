"""Contract tests: one test per recorded interaction in the repo's ``cassettes/`` (id ``cassette:index``).

The same check as ``thulium-explore verify cassettes/``: a violation fails the test; drift and
endpoints the catalog does not know are warnings (``verify --strict`` makes them failures).
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from thulium_explore import CassetteError, default_catalog
from thulium_explore.cassettes._file import find_cassettes, read_cassette
from thulium_explore.contract._verify import check_interaction

ROOT = Path(__file__).resolve().parents[2]
CASSETTES = ROOT / "cassettes"


def _recorded() -> tuple[list[Any], str | None]:
    """Every (id, cassette name, index, interaction) in cassettes/, or the one-line reason it cannot be read."""
    try:
        found = [
            pytest.param(cassette.name, index, interaction, id=f"{cassette.name}:{index}")
            for cassette in (read_cassette(p, name=p.relative_to(CASSETTES).as_posix())
                             for p in find_cassettes([CASSETTES]))
            for index, interaction in enumerate(cassette.interactions)
        ]
    except CassetteError as exc:
        return [], str(exc)
    return found, None


RECORDED, UNREADABLE = _recorded()


def test_cassettes_are_readable_and_not_empty() -> None:
    """Guards against a vacuous pass: cassettes/ must hold at least one readable interaction."""
    assert UNREADABLE is None, UNREADABLE
    assert len(RECORDED) > 0, f"no recorded interactions in {CASSETTES}"


@pytest.mark.parametrize(("cassette", "index", "interaction"), RECORDED)
def test_interaction_conforms(cassette: str, index: int, interaction: dict[str, Any]) -> None:
    report = check_interaction(default_catalog(), cassette, index, interaction)
    assert report.ok, "\n".join(report.lines())
    if report.verdict != "pass":
        warnings.warn("\n".join(report.lines()), UserWarning, stacklevel=1)
