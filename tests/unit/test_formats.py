"""The one e-mail rule, as a table (tests/data/formats/emails.json), and that every user of it agrees."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from thulium_explore import default_catalog
from thulium_explore.catalog._formats import (
    FORMAT_CHECKER,
    find_emails,
    is_email,
    is_reserved_email,
    replace_emails,
)

TABLE: dict[str, Any] = json.loads((Path(__file__).parents[1] / "data" / "formats" / "emails.json").read_text("utf-8"))


@pytest.mark.parametrize("case", TABLE["whole_values"], ids=lambda c: repr(c["value"]))
def test_whole_value(case: dict[str, Any]) -> None:
    assert is_email(case["value"]) is case["email"]
    assert FORMAT_CHECKER.conforms(case["value"], "email") is case["email"]


@pytest.mark.parametrize("case", TABLE["in_text"], ids=lambda c: c["text"][:30])
def test_found_in_text(case: dict[str, Any]) -> None:
    assert [m.group(0) for m in find_emails(case["text"])] == case["found"]
    assert replace_emails(case["text"], lambda a: "<e-mail>").count("<e-mail>") == len(case["found"])


@pytest.mark.parametrize("case", TABLE["reserved"], ids=lambda c: c["address"])
def test_reserved(case: dict[str, Any]) -> None:
    assert is_reserved_email(case["address"]) is case["reserved"]


def test_the_scan_and_the_scrubber_use_the_same_rule(tmp_path: Path) -> None:
    """What the scrubber replaces the scan would have reported, and what it leaves the scan accepts."""
    from thulium_explore import scan
    from thulium_explore.cassettes._scrub import Scrubber

    scrubber = Scrubber(default_catalog())
    # percent-encoded addresses in free text: the scan decodes them, the scrubber does not (issue 11)
    for case in (c for c in TABLE["in_text"] if "%" not in c["text"]):
        cleaned = scrubber.text(case["text"])
        before = tmp_path / "before.json"
        after = tmp_path / "after.json"
        before.write_text(json.dumps({"note": case["text"]}), encoding="utf-8")
        after.write_text(json.dumps({"note": cleaned}), encoding="utf-8")
        real = [a for a in case["found"] if not is_reserved_email(a)]
        assert bool(scan([before]).findings) is bool(real), case
        assert scan([after]).findings == [], (case, cleaned)
