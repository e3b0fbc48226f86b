"""Calls a type checker must judge: tests/unit/test_typed_endpoints.py runs mypy on this file.

A line ending in a ``# E:`` comment must get a mypy error whose message contains the comment's text; no other
line may get one. The calls sit in a function nothing runs, so importing this file sends nothing.
Not a test module: pytest only imports it (for doctests) and finds none.
"""

from __future__ import annotations

from thulium_explore import CallResult, Paginator, ThuliumClient


def calls(client: ThuliumClient) -> list[CallResult]:
    return [
        # right
        client.chat_conversations.start(chat_queue_id=3, client_id="1234"),
        client.chat_conversations.start(chat_queue_id=3, customer_id=None),  # None: not sent
        client.chats.reports.summary(date_from="2024-01-01", date_to="2024-01-31", chat_queue_ids=[3]),
        client.tickets.create(to="jan@example.org", subject="Hi", body="Hello", from_="desk@example.org", tags=["a"]),
        client.customers.list(phone_number="222333444", custom_fields={"colour": ["red"]}),
        client.customers.create(surname="Kowalska", phone_number=["222333444", "501502503"]),
        client.connections.list(tags=["vip", 7]),
        client.temporary_files.upload(content=b"%PDF-1.7", filename="a.pdf"),
        client.chat_conversations.delete_content(id="6ed7c941-2c8a-411e-95d2-338a9f64800a", participant="both"),
        client.agents.call(login="jkowalski", custom_data={"anything": [1, "goes"]}),
        client.call("chat_conversations.strat", queue=3),  # call() takes any id: judged at run time
        client.tickets.list(limit=5),  # a paged list is still a method
        # wrong
        client.chat_conversations.strat(chat_queue_id=3),  # E: has no attribute "strat"
        client.chat_conversations.start(queue=3),  # E: Unexpected keyword argument "queue"
        client.chat_conversations.start(chat_queue_id="x"),  # E: incompatible type "str"; expected "int"
        client.chat_conversations.start(client_id="1234"),  # E: Missing named argument "chat_queue_id"
        client.chat_conversations.start(3),  # E: Too many positional arguments
        client.chat_conversationz.start(chat_queue_id=3),  # E: has no attribute "chat_conversationz"
        client.chats.reports.summry(date_from="2024-01-01", date_to="2024-01-31"),  # E: has no attribute "summry"
        client.chat_conversations.delete_content(id="x", participant="nobody"),  # E: "Literal['nobody']"
        client.customers.get(id="273"),  # E: incompatible type "str"; expected "int"
        client.tickets.create(to="a@example.org", subject="s", body="b", tags=("a",)),  # E: "tuple[str]"
    ]


def pages(client: ThuliumClient) -> list[Paginator]:
    return [
        # right
        client.tickets.list.paginate(page_size=50, max_items=120, customer_id=273),
        client.chats.list.paginate(progress=lambda pages, items, count: None),
        client.paginate("tickets.list", page_size=50),
        # wrong
        client.tickets.list.paginate(limit=5),  # E: Unexpected keyword argument "limit"
        client.tickets.list.paginate(page_size="50"),  # E: incompatible type "str"; expected "int | None"
        client.chats.queues.paginate(),  # E: has no attribute "paginate"
    ]
