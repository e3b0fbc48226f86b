"""The sandbox's campaign records: regular (CSV) campaigns by phone number and identifier, their batch
forms, and CRM-fed campaigns by customer id. State and seed: ``_campaigns_state.py``.

Documented behaviour the sandbox follows: a number already in the campaign is not added (single: a
400 error; batch: ``ALREADY_EXISTS`` with the existing record's id); deleting by phone number removes
every record of that number; unknown ``record_fields`` names are a validation error and only the fields
passed are set; lists come in the order the records were added with ``count`` = records the filters
find, ``limit`` 100 by default and at most 100; batch answers carry each item's own ``http_status``.

SANDBOX behaviours (the docs do not say): an added record answers 201; SANDBOX-ONLY, adding a CRM
customer who already has a record in the campaign (``crm_outbound_records.create``) adds nothing and
answers 200 with that record's id — the CRM page does not say what happens (the CSV page refuses a
duplicate number, the CRM batch page answers ALREADY_EXISTS with the existing id), and this way the
documented create example (customer 441 into ``00001``) succeeds on a fresh sandbox that also holds the
record of 441 the documented get and update examples read; a record added without a status
gets status 1 (``New``, TO_CALL); an unknown campaign, record or identifier is a 404, an unknown status
or agent (``Agent not found.``) a 400, each with the error object and invented SANDBOX_CODES; an
identifier is unique within a campaign; ``batch_update`` answers 404 ``Record not found.`` for a number
that is not in the campaign; no record is ever in a call, so ``CALL_IN_PROGRESS`` never happens;
``search_in_additional_numbers`` changes nothing (records have no additional numbers here); the CRM
list's ``include_*`` flags add nothing (what they add is not documented).
"""

from __future__ import annotations

from typing import Any

from thulium_explore.sandbox._campaigns_state import (
    CUSTOMERS,
    apply_changes,
    books,
    campaigns,
    find_campaign,
    new_record,
    next_record_id,
    record_changes,
    record_view,
    status_of,
)
from thulium_explore.sandbox._handlers import Handler, Reply, SandboxCall, success_status

CREATED = 201  # SANDBOX: the single create's status is not documented; the CRM batch page gives 201 per added record
ALREADY_THERE = 200  # SANDBOX-ONLY: a CRM customer added again (not documented for the single form; see the doc)


def _matches(campaign: dict[str, Any], record: dict[str, Any], params: dict[str, Any]) -> bool:
    """The documented filters (dates compare as text, like the chat history)."""
    if "status_id" in params and record["status_id"] not in {str(s) for s in params["status_id"]}:
        return False
    if "system_status" in params and status_of(campaign, record)["system_status"] not in params["system_status"]:
        return False
    for field, name in (("create_date", "create_date"), ("call_date", "call_date")):
        value = str(record[field])
        low, high = params.get(f"{name}_from"), params.get(f"{name}_to")
        if (low or high) and not value:
            return False
        if low and value[: len(low)] < low:
            return False
        if high and value[: len(high)] > high:
            return False
    return True


def _page(call: SandboxCall, campaign: dict[str, Any]) -> Reply:
    params = call.params
    found = [r for r in campaign["records"] if _matches(campaign, r, params)]
    if params.get("order") in ("next_call_date", "-next_call_date"):
        found.sort(key=lambda r: str(r["next_call_date"]), reverse=params["order"].startswith("-"))
    offset, limit = int(params.get("offset", 0)), int(params.get("limit", 100))
    result = [record_view(campaign, r) for r in found[offset : offset + limit]]
    return Reply(success_status(call.endpoint), {"count": len(found), "result": result})


def _add(call: SandboxCall, campaign: dict[str, Any], values: dict[str, Any]) -> dict[str, Any] | str:
    """A new record from ``values`` (phone number or customer id), or a problem; duplicates are problems."""
    changes = record_changes(campaign, values)
    if isinstance(changes, str):
        return changes
    identifier = values.get("identifier")
    if identifier is not None and any(r["identifier"] == identifier for r in campaign["records"]):
        return f"identifier: {identifier} is already used in campaign {campaign['id']} (identifiers are unique)"
    customer: int | None = None
    if campaign["crm"]:
        customer = int(values["customer_id"])
        if customer not in CUSTOMERS:
            return "customer_id: Customer not found."  # the CRM batch page's message
        phone = CUSTOMERS[customer]
    else:
        phone = str(values["phone_number"])
    record = new_record(next_record_id(call), phone, call.now()[:16], customer_id=customer)
    apply_changes(record, changes)
    campaign["records"].append(record)
    return record


def _existing(campaign: dict[str, Any], values: dict[str, Any]) -> dict[str, Any] | None:
    if campaign["crm"]:
        return next((r for r in campaign["records"] if r["customer_id"] == int(values["customer_id"])), None)
    return next((r for r in campaign["records"] if r["phone_number"] == str(values["phone_number"])), None)


def list_records(call: SandboxCall, crm: bool) -> Reply:
    campaign = find_campaign(call, crm=crm)
    return campaign if isinstance(campaign, Reply) else _page(call, campaign)


def create(call: SandboxCall, crm: bool) -> Reply:
    """Add one record; a duplicate number is refused, as documented. A customer already in a CRM-fed
    campaign is not added again either, but answered 200 with the record it has (SANDBOX-ONLY, see the
    module doc)."""
    campaign = find_campaign(call, crm=crm)
    if isinstance(campaign, Reply):
        return campaign
    existing = _existing(campaign, call.params)
    if existing is not None and crm:
        return Reply(ALREADY_THERE, {"record_id": str(existing["record_id"])})
    if existing is not None:
        number = call.params["phone_number"]
        return call.error(
            400,
            "bad_request",
            f"phone_number: number {number} is already in campaign {campaign['id']} (duplicates cannot be added)",
        )
    record = _add(call, campaign, call.params)
    if isinstance(record, str):
        return call.error(400, "bad_request", record)
    return Reply(CREATED, {"record_id": str(record["record_id"])})


def batch_create(call: SandboxCall, crm: bool) -> Reply:
    """Per item ADDED (201, new id), ALREADY_EXISTS (400, existing id) or FAILED (400, message)."""
    campaign = find_campaign(call, crm=crm)
    if isinstance(campaign, Reply):
        return campaign
    result: dict[str, Any] = {}
    for values in call.params["records"]:
        key = str(values["customer_id" if crm else "phone_number"])
        existing = _existing(campaign, values)
        if existing is not None:
            entry = {"http_status": 400, "record_id": existing["record_id"], "status": "ALREADY_EXISTS"}
        else:
            record = _add(call, campaign, values)
            if isinstance(record, str):
                entry = {"http_status": 400, "status": "FAILED", "message": record.split(": ", 1)[1]}
            else:
                entry = {"http_status": 201, "record_id": record["record_id"], "status": "ADDED"}
        result.setdefault(key, entry)
    return Reply(success_status(call.endpoint), result)


def batch_update(call: SandboxCall) -> Reply:
    """Per number 204 (changed) or 400/404 with a message; nothing is changed for a failing item."""
    campaign = find_campaign(call, crm=False)
    if isinstance(campaign, Reply):
        return campaign
    result: dict[str, Any] = {}
    for values in call.params["records"]:
        phone = str(values["phone_number"])
        found = [r for r in campaign["records"] if r["phone_number"] == phone]
        changes = record_changes(campaign, values)
        if not found:
            entry: dict[str, Any] = {"http_status": 404, "message": "Record not found."}
        elif len(found) > 1:
            entry = {"http_status": 400, "message": "Duplicated numbers cannot be edited."}
        elif isinstance(changes, str):
            entry = {"http_status": 400, "message": changes.split(": ", 1)[1]}
        else:
            apply_changes(found[0], changes)
            entry = {"http_status": 204}
        result.setdefault(phone, entry)
    return Reply(success_status(call.endpoint), result)


def batch_delete(call: SandboxCall) -> Reply:
    """Per number, one REMOVED entry per record deleted, or one NOT_EXIST."""
    campaign = find_campaign(call, crm=False)
    if isinstance(campaign, Reply):
        return campaign
    result: dict[str, Any] = {}
    for phone in (str(p) for p in call.params["phone_number"]):
        found = [r for r in campaign["records"] if r["phone_number"] == phone]
        campaign["records"] = [r for r in campaign["records"] if r["phone_number"] != phone]
        entries = [{"http_status": 200, "record_id": r["record_id"], "status": "REMOVED"} for r in found]
        result.setdefault(phone, entries or [{"http_status": 404, "status": "NOT_EXIST"}])
    return Reply(success_status(call.endpoint), result)


def delete_by_phone(call: SandboxCall) -> Reply:
    """Delete every record of the number (404 when there is none)."""
    campaign = find_campaign(call, crm=False)
    if isinstance(campaign, Reply):
        return campaign
    phone = str(call.params["phone_number"])
    kept = [r for r in campaign["records"] if r["phone_number"] != phone]
    if len(kept) == len(campaign["records"]):
        return call.error(404, "not_found", f"phone_number: no record with {phone} in campaign {campaign['id']}")
    campaign["records"] = kept
    return Reply(success_status(call.endpoint), None)


def _by_identifier(call: SandboxCall) -> tuple[dict[str, Any], dict[str, Any]] | Reply:
    campaign = find_campaign(call, crm=False)
    if isinstance(campaign, Reply):
        return campaign
    identifier = str(call.params["identifier"])
    record = next((r for r in campaign["records"] if r["identifier"] == identifier), None)
    if record is None:
        return call.error(
            404, "not_found", f"identifier: no record {identifier} in campaign {campaign['id']} (set it when adding)"
        )
    return campaign, record


def delete_by_identifier(call: SandboxCall) -> Reply:
    found = _by_identifier(call)
    if isinstance(found, Reply):
        return found
    campaign, record = found
    campaign["records"].remove(record)
    return Reply(success_status(call.endpoint), None)


def update(call: SandboxCall) -> Reply:
    """Change a CSV record (by identifier) or a CRM record (by customer id)."""
    if "customer_id" in call.params:
        campaign = find_campaign(call, crm=True)
        if isinstance(campaign, Reply):
            return campaign
        record = _existing(campaign, call.params)
        if record is None:
            customer = call.params["customer_id"]
            return call.error(404, "not_found", f"customer_id: no record of customer {customer} in {campaign['id']}")
    else:
        found = _by_identifier(call)
        if isinstance(found, Reply):
            return found
        campaign, record = found
    changes = record_changes(campaign, {k: v for k, v in call.params.items() if k not in ("id", "identifier")})
    if isinstance(changes, str):
        return call.error(400, "bad_request", changes)
    apply_changes(record, changes)
    return Reply(success_status(call.endpoint), None)


def get_crm(call: SandboxCall) -> Reply:
    campaign = find_campaign(call, crm=True)
    if isinstance(campaign, Reply):
        return campaign
    record = _existing(campaign, call.params)
    if record is None:
        customer = call.params["customer_id"]
        return call.error(404, "not_found", f"customer_id: no record of customer {customer} in {campaign['id']}")
    return Reply(success_status(call.endpoint), record_view(campaign, record))


def set_status_by_phone_number(call: SandboxCall) -> Reply:
    """Every record with the number, in every campaign that has the dictionary status, gets that status."""
    phone, wanted = str(call.params["phone_number"]), str(call.params["status_id"])
    changed = []
    for campaign_id, campaign in sorted(campaigns(call).items()):
        status = next((s for s in campaign["statuses"] if str(s["dictionary_status_id"]) == wanted), None)
        records = [r for book in books(campaign) for r in book["records"] if r["phone_number"] == phone]
        if status is not None and records:
            for record in records:
                record["status_id"] = status["status_id"]
            changed.append(campaign_id)
    return Reply(success_status(call.endpoint), {"outbound_id": changed})


#: The campaign-record handlers, by endpoint id (``_campaigns.CAMPAIGN_HANDLERS`` adds them).
RECORD_HANDLERS: dict[str, Handler] = {
    "outbound_records.list": lambda call: list_records(call, crm=False),
    "outbound_records.create": lambda call: create(call, crm=False),
    "outbound_records.batch_create": lambda call: batch_create(call, crm=False),
    "outbound_records.batch_update": batch_update,
    "outbound_records.batch_delete": batch_delete,
    "outbound_records.delete": delete_by_phone,
    "outbound_records.delete_by_identifier": delete_by_identifier,
    "outbound_records.update_by_identifier": update,
    "outbound_records.set_status_by_phone_number": set_status_by_phone_number,
    "crm_outbound_records.list": lambda call: list_records(call, crm=True),
    "crm_outbound_records.get": get_crm,
    "crm_outbound_records.create": lambda call: create(call, crm=True),
    "crm_outbound_records.update": update,
    "crm_outbound_records.batch_create": lambda call: batch_create(call, crm=True),
}
