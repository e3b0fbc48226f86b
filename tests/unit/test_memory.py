"""The memory of linked values: bounded, most recent first, with where each value came from; in memory only."""

from __future__ import annotations

import pytest

from thulium_explore import default_catalog
from thulium_explore.client import Memory, Suggestion, linked_parameters

CATALOG = default_catalog()


def test_a_start_offers_its_conversation_id_to_every_linked_parameter() -> None:
    memory = Memory()
    memory.remember(CATALOG["chat_conversations.start"], {"conversation_id": "c1"}, when=10.0)
    for target in ("chat_conversations.message", "chat_conversations.stop", "chat_conversations.delete"):
        [found] = memory.suggestions(target, "id")
        assert found == Suggestion("c1", "chat_conversations.start", "/conversation_id", 10.0, found.description)
    assert memory.suggestions("chat_conversations.message", "text") == []
    assert memory.suggestions("chat_conversations.message", "id")[0].placeholder == "${conversation_id}"


def test_most_recent_first_a_repeat_moves_up_and_the_oldest_go() -> None:
    memory = Memory(per_parameter=3)
    start = CATALOG["chat_conversations.start"]
    for number, value in enumerate(["a", "b", "c", "a", "d"]):
        memory.remember(start, {"conversation_id": value}, when=float(number))
    assert [s.value for s in memory.suggestions("chat_conversations.stop", "id")] == ["d", "a", "c"]


def test_a_list_answer_offers_every_item_and_stays_bounded() -> None:
    memory = Memory(per_parameter=5)
    body = {"count": 50, "result": [{"conversation_id": f"c{n}"} for n in range(50)]}
    memory.remember(CATALOG["chats.list"], body)
    found = memory.suggestions("chat_conversations.message", "id")
    assert [s.value for s in found] == ["c49", "c48", "c47", "c46", "c45"]
    assert found[0].source == "/result/*/conversation_id" and found[0].placeholder is None  # an item: no ${…}
    assert len(memory) == 5 * 4  # four linked endpoints, five values each


def test_nothing_unlinked_or_empty_is_kept_and_forget_empties_it() -> None:
    memory = Memory()
    assert memory.remember(CATALOG["chats.queues"], [{"id": 1}]) == 0  # no links
    assert memory.remember(CATALOG["chat_conversations.start"], {"conversation_id": None}) == 0
    memory.remember(CATALOG["chat_conversations.start"], {"conversation_id": "x"})
    assert len(memory) > 0
    memory.forget()
    assert len(memory) == 0 and "in this process only" in repr(memory)


def test_a_bad_bound_is_refused() -> None:
    with pytest.raises(ValueError, match=r"per_parameter: 0 must be at least 1"):
        Memory(per_parameter=0)


def test_the_linked_parameters_of_an_endpoint_are_read_from_the_catalog() -> None:
    linked = linked_parameters(CATALOG, "chat_conversations.message")
    assert set(linked) == {"id"}
    assert {source for source, _ in linked["id"]} >= {"chat_conversations.start", "chats.list"}
    assert linked_parameters(CATALOG, "chats.queues") == {}
