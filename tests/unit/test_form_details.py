"""History per form, Re-send answered where it was clicked, the switch's cassette box, the status line,
and notebook 01 showing no switch that no form uses."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from thulium_explore import Connection, connect
from thulium_explore.forms import EndpointForm, ModeSwitch, explore

from .forms_support import offline_client

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def conn() -> Iterator[Connection]:
    with connect("sandbox", environ={}) as c:
        yield c


def test_each_form_has_its_own_history(conn: Connection) -> None:
    first = EndpointForm(conn, "chat_conversations.start").set(chat_queue_id=3)
    second = EndpointForm(conn, "chat_conversations.start")
    first.submit()
    assert first.history is not second.history
    assert len(first.history) == 1 and len(second.history) == 0


def test_resend_answers_in_the_form_where_it_was_clicked(conn: Connection) -> None:
    explorer = explore(conn)
    first = explorer.form.set(chat_queue_id=3)
    first.submit()
    other = explorer.select("chats.queues")
    assert other.history is not first.history and len(other.history) == 0
    first.history.widget.children[1].children[0].click()  # Re-send row #1 in the first form
    assert len(first.history) == 2
    assert first.result is first.history.entries[-1].result
    assert other.result is None and len(other.history) == 0


@pytest.mark.parametrize(("mode", "shown"), [("sandbox", False), ("live", False), ("record", True), ("replay", True)])
def test_the_cassette_box_shows_only_in_modes_that_use_one(mode: str, shown: bool) -> None:
    switch = ModeSwitch(environ={})
    switch.mode = mode
    assert (switch._cassette.layout.display != "none") is shown


def test_an_untouched_form_names_the_missing_required_field() -> None:
    form = EndpointForm(offline_client(), "chat_conversations.start")
    assert "chat_queue_id is required" in form._status.value
    assert "problem" not in form._status.value


def _code_cells(path: Path) -> list[ast.Module]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [ast.parse("".join(c["source"])) for c in cells if c["cell_type"] == "code"]


def test_quickstart_displays_no_mode_switch_that_no_form_uses() -> None:
    trees = _code_cells(ROOT / "notebooks" / "01_quickstart.ipynb")
    switches = {
        t.id
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and ast.unparse(node.value.func) == "ModeSwitch"
        for t in node.targets
        if isinstance(t, ast.Name)
    }
    used = {
        arg.id
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and ast.unparse(node.func) in ("EndpointForm", "explore") and node.args
        for arg in node.args[:1]
        if isinstance(arg, ast.Name)
    }
    assert switches, "notebook 01 shows the mode switch"
    assert switches <= used, f"switches no form uses: {sorted(switches - used)}"
