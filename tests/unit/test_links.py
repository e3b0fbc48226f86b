"""x-thulium.links: values carried between calls, as data in the schemas."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from thulium_explore import CatalogError
from thulium_explore.catalog import Catalog, default_catalog

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def test_every_link_names_an_endpoint_and_a_parameter_of_the_shipped_catalog() -> None:
    catalog = default_catalog()
    links = [(endpoint.id, link) for endpoint in catalog for link in endpoint.links]
    assert links, "the shipped catalog declares links"
    for source, link in links:
        assert link.target in catalog, f"{source}: {link.target}"
        assert catalog[link.target].parameter(link.parameter) is not None, f"{source} -> {link.target}"


def test_a_started_conversation_feeds_message_stop_and_delete() -> None:
    links = default_catalog()["chat_conversations.start"].links
    targets = {(link.target, link.parameter) for link in links}
    assert {("chat_conversations.message", "id"), ("chat_conversations.stop", "id")} <= targets
    assert links[0].values({"conversation_id": "c-1"}) == ["c-1"]
    assert not links[0].each_item


def test_a_list_link_walks_every_item_and_skips_missing_values() -> None:
    link = next(link for link in default_catalog()["chats.list"].links if link.target == "chat_conversations.stop")
    assert link.each_item
    body = {"count": 3, "result": [{"conversation_id": "a"}, {}, {"conversation_id": None}, {"conversation_id": "b"}]}
    assert link.values(body) == ["a", "b"]
    assert link.values("not a dict") == []


def test_a_link_to_a_parameter_the_target_lacks_is_refused_at_load(tmp_path: Path) -> None:
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    path = tmp_path / "schemas" / "endpoints" / "chat_conversations.start.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["x-thulium"]["links"][0]["parameter"] = "no_such_parameter"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CatalogError, match="no parameter 'no_such_parameter'"):
        Catalog(tmp_path / "schemas")


def test_the_last_values_are_found_from_the_end_in_answer_order() -> None:
    link = next(link for link in default_catalog()["chats.list"].links if link.target == "chat_conversations.stop")
    body = {"result": [{"conversation_id": c} for c in ("a", "b", None, "c", "d")] + [{}]}
    assert link.values(body, last=3) == ["b", "c", "d"]
    assert link.values(body, last=10) == link.values(body) == ["a", "b", "c", "d"]
