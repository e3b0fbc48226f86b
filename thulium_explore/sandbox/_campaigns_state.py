"""The sandbox's campaigns: the seeded state and the look-ups every campaign handler shares.

State lives in ``state["campaigns"]`` (campaign id → campaign, seeded on first use, so
``Sandbox.reset()`` brings the seed back), ``state["campaigns_queued"]`` (ids queued for deletion) and
``state["campaign_record_id"]`` (the next record id). Everything seeded here is SANDBOX data, not a
Thulium fact; where a value comes from a documented example, the comment says so:

* campaigns ``00001`` and ``00002`` are regular (CSV) campaigns with the fields ``field1``, ``field2``,
  ``pole1``, ``pole2`` (the names in the documented examples); ``00003`` is fed from the CRM, has no
  fields and starts empty. ``00001`` holds the documented list example's record (228, ``5555``,
  identifier ``1234567890``) and record 229 of ``333444555``, the number the documented delete example
  removes (SANDBOX-ONLY: status 1 ``New``; the docs show no such record);
* SANDBOX-ONLY: the documentation uses ``00001`` for the examples of both kinds of campaign, CSV and
  CRM-fed, so ``00001`` alone also keeps a CRM-fed record book (``campaign["crm_book"]``, a campaign of
  its own with the same id, statuses and no fields): ``crm_outbound_records.*`` on ``00001`` use it,
  ``outbound_records.*`` the CSV records; ``outbounds.stats`` counts both; a clone is a plain CSV campaign.
  Every other campaign is one kind, and record calls of the other kind answer 404. The book holds the CRM
  get example's record of customer 441 (47, NO_CALL ``Do not call`` — the sandbox's status 5, where the
  example says ``status_id`` 6) and the CRM batch example's ALREADY_EXISTS record of customer 445 (100,
  status 1 ``New``);
* every campaign has the statuses 1 ``New`` (TO_CALL, the status of a record added without one),
  3 ``Contact needed`` and 4 ``Not interested`` (the documented statuses example), 5 ``Do not call``
  (the list example's name) and 8 ``Call again`` (the parameter example 8);
* the agents ``jkowalski`` and ``anowak`` are the documented agents example; ``j.doe`` is the
  documented ``agent_login`` example. Any other login is "Agent not found." (the batch page's message);
* the CRM knows customers 441 and 445 (448 is "Customer not found.", as on the CRM batch page).
"""

from __future__ import annotations

import copy
from typing import Any

from thulium_explore.sandbox._handlers import Reply, SandboxCall

#: Agents the sandbox knows: login → number, active, agent_id, name (SANDBOX data; see the module doc).
AGENTS: dict[str, dict[str, Any]] = {
    "jkowalski": {"number": "3113", "active": True, "agent_id": 12, "name": "Jan Kowalski"},
    "anowak": {"number": "3422", "active": False, "agent_id": 43, "name": "Anna Nowak"},
    "j.doe": {"number": "3500", "active": True, "agent_id": 44, "name": "John Doe"},
}
#: CRM customers a CRM-fed campaign can take: customer id → main phone number (SANDBOX data).
CUSTOMERS: dict[int, str] = {441: "158433367", 445: "222333444"}
#: System statuses counted as done in ``completion_percent`` (SANDBOX rule: the docs do not say).
DONE = frozenset({"NO_CALL", "ABANDONED_AFTER_N_TRIES"})
NEW_STATUS = "1"
FIRST_RECORD_ID = 231  # the documented create example answers {"record_id": "231"}

_STATUSES = [
    {"system_status": "TO_CALL", "status_id": "1", "dictionary_status_id": 1, "name": "New"},
    {"system_status": "CALL", "status_id": "3", "dictionary_status_id": 2, "name": "Contact needed"},
    {"system_status": "NO_CALL", "status_id": "4", "dictionary_status_id": None, "name": "Not interested"},
    {"system_status": "NO_CALL", "status_id": "5", "dictionary_status_id": 3, "name": "Do not call"},
    {"system_status": "CALL", "status_id": "8", "dictionary_status_id": 8, "name": "Call again"},
]
_FIELDS = ("field1", "field2", "pole1", "pole2")


def new_record(record_id: int, phone_number: str, created: str, **values: Any) -> dict[str, Any]:
    """A record as the sandbox keeps it (``record_fields`` are kept but no documented answer shows them)."""
    return {
        "record_id": record_id,
        "phone_number": phone_number,
        "status_id": NEW_STATUS,
        "identifier": "",
        "agent_login": "",
        "next_call_date": "",
        "record_fields": {},
        "order": "",
        "create_date": created,
        "call_date": "",
        "last_note": "",
        "customer_id": None,
        **values,
    }


def _campaign(campaign_id: str, crm: bool, agents: dict[str, bool]) -> dict[str, Any]:
    return {
        "id": campaign_id,
        "crm": crm,
        "fields": () if crm else _FIELDS,
        "statuses": copy.deepcopy(_STATUSES),
        "agents": agents,
        "records": [],
    }


def seed() -> dict[str, dict[str, Any]]:
    """The three seeded campaigns (see the module docstring)."""
    first = _campaign("00001", False, {"jkowalski": True, "anowak": False})
    first["records"] += [
        new_record(
            228,
            "5555",
            "2016-10-18 12:02",
            status_id="5",
            call_date="2016-10-19 14:02",
            last_note="Last note for record",
            identifier="1234567890",
        ),
        new_record(229, "333444555", "2016-10-18 12:02"),  # SANDBOX-ONLY: what the documented delete removes
    ]
    book = first["crm_book"] = _campaign("00001", True, {})  # SANDBOX-ONLY: 00001's CRM-fed records
    book["records"] += [
        new_record(
            47,
            CUSTOMERS[441],
            "2016-10-18 12:02",
            status_id="5",
            call_date="2016-10-19 14:02",
            last_note="Last note for record",
            customer_id=441,
        ),
        new_record(100, CUSTOMERS[445], "2016-10-18 12:02", customer_id=445),
    ]
    return {"00001": first, "00002": _campaign("00002", False, {}), "00003": _campaign("00003", True, {})}


def books(campaign: dict[str, Any]) -> list[dict[str, Any]]:
    """The campaign and, for ``00001``, its CRM-fed record book (SANDBOX-ONLY, see the module doc)."""
    book = campaign.get("crm_book")
    return [campaign] if book is None else [campaign, book]


def campaigns(call: SandboxCall) -> dict[str, dict[str, Any]]:
    """Every campaign that is not queued for deletion (seeded on first use)."""
    found: dict[str, dict[str, Any]] | None = call.state.get("campaigns")
    if found is None:
        found = call.state["campaigns"] = seed()
    return found


def queued(call: SandboxCall) -> set[str]:
    """Ids of the campaigns queued for deletion."""
    found: set[str] = call.state.setdefault("campaigns_queued", set())
    return found


def next_record_id(call: SandboxCall) -> int:
    record_id = int(call.state.get("campaign_record_id", FIRST_RECORD_ID))
    call.state["campaign_record_id"] = record_id + 1
    return record_id


def new_campaign_id(call: SandboxCall) -> str:
    """The lowest free five-digit id (queued ids stay taken)."""
    taken = set(campaigns(call)) | queued(call)
    number = 1
    while f"{number:05d}" in taken:
        number += 1
    return f"{number:05d}"


def blank_campaign(campaign_id: str) -> dict[str, Any]:
    """A new regular campaign: the seeded statuses and fields, no agents, no records."""
    return _campaign(campaign_id, False, {})


def find_campaign(call: SandboxCall, crm: bool | None = None) -> dict[str, Any] | Reply:
    """The campaign named by the ``id`` parameter, or a 404 reply (unknown, queued, or of the other kind);
    with ``crm=True`` on ``00001`` its CRM-fed record book (SANDBOX-ONLY)."""
    campaign_id = str(call.params["id"])
    campaign = campaigns(call).get(campaign_id)
    if campaign is None:
        known = ", ".join(sorted(campaigns(call))) or "none"
        why = "is queued for deletion" if campaign_id in queued(call) else f"does not exist (campaigns: {known})"
        return call.error(404, "not_found", f"id: campaign {campaign_id} {why}")
    if crm and not campaign["crm"] and "crm_book" in campaign:
        return campaign["crm_book"]  # type: ignore[no-any-return]
    if crm is not None and campaign["crm"] != crm:
        kind, other = (
            ("fed from the CRM", "crm_outbound_records") if campaign["crm"] else ("a CSV one", "outbound_records")
        )
        return call.error(404, "not_found", f"id: campaign {campaign_id} is {kind}; use {other}.* for its records")
    return campaign


def find_status(campaign: dict[str, Any], values: dict[str, Any]) -> dict[str, Any] | str | None:
    """The status ``values`` names (``status_id``, else ``dictionary_status_id``), None for neither, or a problem."""
    for key in ("status_id", "dictionary_status_id"):
        if values.get(key) is not None:
            wanted = str(values[key])
            for status in campaign["statuses"]:
                if str(status[key]) == wanted:
                    return status  # type: ignore[no-any-return]
            known = ", ".join(str(s[key]) for s in campaign["statuses"] if s[key] is not None)
            return f"{key}: no status {wanted} in campaign {campaign['id']} (known: {known})"
    return None


def status_of(campaign: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    for status in campaign["statuses"]:
        if status["status_id"] == record["status_id"]:
            return status  # type: ignore[no-any-return]
    return campaign["statuses"][0]  # type: ignore[no-any-return]


def record_changes(campaign: dict[str, Any], values: dict[str, Any]) -> dict[str, Any] | str:
    """The stored fields ``values`` set (status, agent, next call date, record fields, order), or a problem."""
    changes: dict[str, Any] = {}
    status = find_status(campaign, values)
    if isinstance(status, str):
        return status
    if status is not None:
        changes["status_id"] = status["status_id"]
    login = values.get("agent_login")
    if login is not None and login not in AGENTS:
        return "agent_login: Agent not found."
    fields = values.get("record_fields")
    if isinstance(fields, dict):
        unknown = [name for name in fields if name not in campaign["fields"]]
        if unknown:
            known = ", ".join(campaign["fields"]) or "none: a CRM-fed campaign has no fields"
            return f"record_fields.{unknown[0]}: not a field of campaign {campaign['id']} (fields: {known})"
    for key in ("agent_login", "next_call_date", "order", "identifier"):
        if values.get(key) is not None:
            changes[key] = values[key]
    if isinstance(fields, dict):
        changes["record_fields"] = dict(fields)
    return changes


def apply_changes(record: dict[str, Any], changes: dict[str, Any]) -> None:
    """Store ``changes``; record fields merge (only the fields passed are set, as documented)."""
    for key, value in changes.items():
        if key == "record_fields":
            record["record_fields"].update(value)
        else:
            record[key] = value


def record_view(campaign: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """A record as the documented list (and, for CRM-fed campaigns, get) answer shows it."""
    status = status_of(campaign, record)
    login = record["agent_login"]
    view: dict[str, Any] = {
        "record_id": record["record_id"],
        "phone_number": record["phone_number"],
        "system_status": status["system_status"],
        "status": status["name"],
        "status_id": int(status["status_id"]),
        "call_date": record["call_date"],
        "create_date": record["create_date"],
        "next_call_date": record["next_call_date"],
        "agent_name": AGENTS[login]["name"] if login in AGENTS else "",
        "agent_login": login,
    }
    if campaign["crm"]:
        view["customer_id"] = record["customer_id"]
    view["last_note"] = record["last_note"]
    if not campaign["crm"]:
        view["identifier"] = record["identifier"]
    view["order"] = record["order"]
    return view


def stats_of(campaign: dict[str, Any]) -> dict[str, Any]:
    """``{"id", "records_count", "completion_percent"}``; done = NO_CALL or ABANDONED_AFTER_N_TRIES (SANDBOX rule).
    Every record counts, the CRM-fed book's of ``00001`` too."""
    pairs = [(book, r) for book in books(campaign) for r in book["records"]]
    records = [r for _, r in pairs]
    done = sum(1 for book, r in pairs if status_of(book, r)["system_status"] in DONE)
    percent = round(100 * done / len(records), 2) if records else 0
    return {
        "id": campaign["id"],
        "records_count": len(records),
        "completion_percent": int(percent) if float(percent).is_integer() else percent,
    }
