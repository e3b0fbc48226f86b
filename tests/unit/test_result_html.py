"""CallResult's HTML: status and verdict are pills whose text colour does not depend on the theme."""

from __future__ import annotations

import re

from tests.unit.test_table import chat, list_result
from thulium_explore._palette import BADGE_TEXT
from thulium_explore.contract._report_html import OUTCOME_COLOURS


def test_status_and_verdict_are_pills_with_white_text_on_a_fixed_fill() -> None:
    result = list_result("chats.list", 200, {"count": 1, "result": [chat(3)]})
    text = result._repr_html_()
    pills = re.findall(r"<span style='([^']*)'>(HTTP \d+|contract: [^<]+)</span>", text)
    assert [label.split(":")[0].split(" ")[0] for _, label in pills] == ["HTTP", "contract"]
    for style, _ in pills:
        assert f"color:{BADGE_TEXT}" in style and "background:#" in style
    assert f"background:{OUTCOME_COLOURS[result.verdict.outcome]}" in pills[1][0]
