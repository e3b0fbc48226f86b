"""The sandbox's chat lifecycle: start → message → stop, read back with ``GET /api/chats``, content deletion.

State lives in the sandbox's ``state["conversations"]`` (conversation id → record, in start order).
What the docs leave open, the sandbox decides — these are SANDBOX behaviours, not Thulium facts:

* a started conversation has status ``CREATED`` until it is stopped (``CLOSED``); nothing here moves
  it to ``IN_PROGRESS`` (that takes an agent);
* a message is ``sent_by: "customer"``, or ``"chatbot"`` when ``external_chatbot_id`` is given; the
  docs name the field but not its values. Deleting the ``user`` side's content empties chatbot
  messages, ``customer`` the customer's, ``both`` all; the messages stay, with ``text: ""``;
* an unknown conversation id answers 404, a message to a closed conversation 400 (both with the
  error object and sandbox-only codes); stopping twice is harmless;
* ``GET /api/chats`` lists in start order; ``include_files`` and ``include_client_data`` add nothing
  (the fields they add are not documented); ``include_messages`` adds ``sent_by`` (documented),
  ``text`` and ``created_at`` (inferred, and marked so in ``chats.list.json``).

>>> from thulium_explore import Sandbox
>>> with Sandbox() as sandbox:  # doctest: +SKIP
...     client = sandbox.client()
...     cid = client.chat_conversations.start(chat_queue_id=3).json["conversation_id"]
...     client.chat_conversations.message(id=cid, text="Dzień dobry")
...     client.chat_conversations.stop(id=cid)
...     client.chats.list(include_messages=True).json["result"][0]["status"]
'CLOSED'
"""

from __future__ import annotations

from typing import Any

from thulium_explore.sandbox._handlers import Handler, Reply, SandboxCall, success_status

CUSTOMER, CHATBOT = "customer", "chatbot"
_SIDES = {"customer": {CUSTOMER}, "user": {CHATBOT}, "both": {CUSTOMER, CHATBOT}}


def _conversations(call: SandboxCall) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = call.state.setdefault("conversations", {})
    return found


def _find(call: SandboxCall) -> dict[str, Any] | Reply:
    """The conversation named by the ``id`` path parameter, or a 404 reply."""
    conversation = _conversations(call).get(str(call.params["id"]).lower())
    if conversation is None:
        return call.error(
            404,
            "not_found",
            f"id: no conversation {call.params['id']} in this sandbox (start one with chat_conversations.start)",
        )
    return conversation


def start(call: SandboxCall) -> Reply:
    """Open a conversation (status CREATED) and answer its new id."""
    params = call.params
    conversation_id = call.new_uuid()
    name = " ".join(str(params[k]) for k in ("client_name", "client_surname") if params.get(k))
    _conversations(call)[conversation_id] = {
        "chat_queue_id": params["chat_queue_id"],
        "client_email": params.get("client_email", ""),
        "client_name": name,
        "customer_id": params.get("customer_id"),
        "conversation_id": conversation_id,
        "created_at": call.now(),
        "closed_at": None,
        "status": "CREATED",
        "user_login": None,
        "messages": [],
    }
    return Reply(success_status(call.endpoint), {"conversation_id": conversation_id})


def message(call: SandboxCall) -> Reply:
    """Add a message to an open conversation."""
    conversation = _find(call)
    if isinstance(conversation, Reply):
        return conversation
    if conversation["status"] == "CLOSED":
        # SANDBOX-ONLY: the docs give no status for this; 409 (a conflict with the conversation's state; the
        # request itself is well formed), the error object as for every non-2xx answer
        return call.error(
            409, "conversation_closed", f"id: conversation {conversation['conversation_id']} is closed; start a new one"
        )
    sender = CHATBOT if call.params.get("external_chatbot_id") else CUSTOMER
    conversation["messages"].append({"sent_by": sender, "text": call.params.get("text", ""), "created_at": call.now()})
    return Reply(success_status(call.endpoint), None)


def stop(call: SandboxCall) -> Reply:
    """Close the conversation (status CLOSED, closed_at now)."""
    conversation = _find(call)
    if isinstance(conversation, Reply):
        return conversation
    if conversation["status"] != "CLOSED":
        conversation["status"] = "CLOSED"
        conversation["closed_at"] = call.now()
    return Reply(success_status(call.endpoint), None)


def delete_content(call: SandboxCall) -> Reply:
    """Empty the text of one side's messages (user = chatbot, customer, or both)."""
    conversation = _find(call)
    if isinstance(conversation, Reply):
        return conversation
    senders = _SIDES[str(call.params["participant"])]
    for item in conversation["messages"]:
        if item["sent_by"] in senders:
            item["text"] = ""
    return Reply(success_status(call.endpoint), None)


def delete(call: SandboxCall) -> Reply:
    """Forget the conversation."""
    conversation = _find(call)
    if isinstance(conversation, Reply):
        return conversation
    del _conversations(call)[conversation["conversation_id"]]
    return Reply(success_status(call.endpoint), None)


def list_chats(call: SandboxCall) -> Reply:
    """``{"count", "result"}`` over the started conversations, filtered like the docs describe."""
    params = call.params
    matching = [c for c in _conversations(call).values() if _matches(c, params)]
    offset, limit = int(params.get("offset", 0)), int(params.get("limit", 100))
    result = []
    for conversation in matching[offset : offset + limit]:
        item = {k: v for k, v in conversation.items() if k != "messages"}
        if params.get("include_messages"):
            item["messages"] = [dict(m) for m in conversation["messages"]]
        result.append(item)
    return Reply(success_status(call.endpoint), {"count": len(matching), "result": result})


def _matches(conversation: dict[str, Any], params: dict[str, Any]) -> bool:
    """Status, queue and start-date filters (dates compare as text: both are ``YYYY-MM-DD[ HH:MM]``)."""
    if "status" in params and conversation["status"] != params["status"]:
        return False
    if "chat_queue_id" in params and conversation["chat_queue_id"] != params["chat_queue_id"]:
        return False
    created = str(conversation["created_at"])
    if "date_from" in params and created[: len(params["date_from"])] < params["date_from"]:
        return False
    return not ("date_to" in params and created[: len(params["date_to"])] > params["date_to"])


#: The chat lifecycle's handlers, by endpoint id (merged into the sandbox's default table).
CHAT_HANDLERS: dict[str, Handler] = {
    "chat_conversations.start": start,
    "chat_conversations.message": message,
    "chat_conversations.stop": stop,
    "chat_conversations.delete_content": delete_content,
    "chat_conversations.delete": delete,
    "chats.list": list_chats,
}
