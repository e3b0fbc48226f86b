"""`thulium-explore endpoints` lists every endpoint of the facts files, and nothing else.

The documented index (facts-more section 1, 83 rows) and the catalog endpoints the index does not
hold (facts-more section 2(b): their own page was not found, or they are known from code only) come
from tests/data/documented_examples.json, which tests/unit/test_documented_examples.py keeps equal to
the facts files. A fact without a schema fails here, and so does a schema without a fact.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from thulium_explore import default_catalog
from thulium_explore.cli import main

CORPUS: dict[str, Any] = json.loads(
    (Path(__file__).parents[1] / "data" / "documented_examples.json").read_text(encoding="utf-8")
)
INDEX = {(row["method"], row["path"]) for row in CORPUS["index"]}
NOT_IN_INDEX = {(row["method"], row["path"]): row["id"] for row in CORPUS["index_exceptions"]}
LISTED = re.compile(r"^  (\S+) +(GET|POST|PUT|DELETE|PATCH) +(/api/\S+) ")


def _listed(capsys: pytest.CaptureFixture[str]) -> dict[tuple[str, str], str]:
    assert main(["endpoints"]) == 0
    rows = [LISTED.match(line) for line in capsys.readouterr().out.splitlines()]
    return {(m.group(2), m.group(3)): m.group(1) for m in rows if m}


def test_the_index_is_read_whole() -> None:
    assert len(CORPUS["index"]) == len(INDEX) == 83, "one row per endpoint, none twice"
    assert len(NOT_IN_INDEX) == 3
    assert not INDEX & set(NOT_IN_INDEX)


def test_every_documented_endpoint_is_listed_and_every_listed_one_is_documented(
    capsys: pytest.CaptureFixture[str],
) -> None:
    listed = _listed(capsys)
    assert len(listed) == len(default_catalog()), "the CLI lists the whole catalog"
    documented = INDEX | set(NOT_IN_INDEX)
    assert sorted(documented - set(listed)) == [], "documented endpoints without a schema"
    assert sorted(set(listed) - documented) == [], "schemas without a documented endpoint behind them"


def test_the_endpoints_outside_the_index_are_the_documented_exceptions(capsys: pytest.CaptureFixture[str]) -> None:
    """customers.batch_create, queues.waiting_stats and queues.schedule_call: facts-more section 2(b)."""
    listed = _listed(capsys)
    for route, endpoint_id in NOT_IN_INDEX.items():
        assert listed.get(route) == endpoint_id, route


def test_a_polish_summary_is_the_index_line() -> None:
    """Where a schema carries summary_pl, it is the documentation's own one-line description."""
    lines = {(row["method"], row["path"]): row["summary_pl"] for row in CORPUS["index"]}
    checked = 0
    for endpoint in default_catalog():
        documented = lines.get((endpoint.method, endpoint.path), "")
        if not endpoint.summary_pl or not documented or documented.startswith(("(", '"')):
            continue  # no Polish summary, or the index line is abridged in the facts file
        assert endpoint.summary_pl.rstrip(".") == documented.rstrip("."), endpoint.id
        checked += 1
    assert checked >= 20
