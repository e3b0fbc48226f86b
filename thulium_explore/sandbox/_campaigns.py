"""The sandbox's campaigns (``outbounds``): list, create, clone, delete (one or queued in a batch),
agents, statuses and stats — the records are in ``_campaigns_records.py``, the seed in
``_campaigns_state.py``. :data:`CAMPAIGN_HANDLERS` joins both.

What the docs leave open, the sandbox decides — SANDBOX behaviours, not Thulium facts:

* ``outbounds.list``, ``outbounds.create`` and ``outbounds.clone`` answer campaign ids under ``id``
  (their answers are not documented; the schemas mark ``id`` inferred). A new campaign takes the lowest
  free five-digit id and the seeded statuses and fields; a clone copies statuses, fields and agents,
  not records (nor ``00001``'s SANDBOX-ONLY CRM-fed record book: a clone is of one kind);
* deleting a campaign (one, or a batch) queues it, as the batch page says: it is gone at once from every
  answer, and deleting it again answers ``ALREADY_QUEUED`` in a batch, 404 alone;
* ``outbounds.stats`` lists every campaign (all are active), records counted as they are added and
  deleted; ``completion_percent`` is the share of records whose system status is NO_CALL or
  ABANDONED_AFTER_N_TRIES, two decimals. With ``id`` (optional, undocumented effect) only that campaign;
* adding an unknown agent, or removing one not in the campaign, is a 400 naming ``logins[i]``; an unknown
  or queued campaign is a 404 (error codes are SANDBOX_CODES, invented).

>>> from thulium_explore import Sandbox
>>> with Sandbox() as sandbox:  # doctest: +SKIP
...     client = sandbox.client()
...     client.outbound_records.create(id="00001", phone_number="111222333").json
...     client.outbounds.stats().json[0]
{'record_id': '231'}
{'id': '00001', 'records_count': 5, 'completion_percent': 40}
"""

from __future__ import annotations

import copy
from typing import Any

from thulium_explore.sandbox._campaigns_records import RECORD_HANDLERS
from thulium_explore.sandbox._campaigns_state import (
    AGENTS,
    blank_campaign,
    campaigns,
    find_campaign,
    new_campaign_id,
    queued,
    stats_of,
)
from thulium_explore.sandbox._handlers import Handler, Reply, SandboxCall, success_status


def list_campaigns(call: SandboxCall) -> Reply:
    """``[{"id": …}]`` for every campaign not queued for deletion."""
    return Reply(success_status(call.endpoint), [{"id": cid} for cid in sorted(campaigns(call))])


def create(call: SandboxCall) -> Reply:
    """A new empty CSV campaign; answers its id."""
    campaign_id = new_campaign_id(call)
    campaigns(call)[campaign_id] = blank_campaign(campaign_id)
    return Reply(success_status(call.endpoint), {"id": campaign_id})


def clone(call: SandboxCall) -> Reply:
    """A copy of the campaign's statuses, fields and agents, without records; answers the new id."""
    campaign = find_campaign(call)
    if isinstance(campaign, Reply):
        return campaign
    campaign_id = new_campaign_id(call)
    kept = {k: v for k, v in campaign.items() if k not in ("records", "crm_book")}  # a clone is one kind
    copied = {**copy.deepcopy(kept), "id": campaign_id, "records": []}
    campaigns(call)[campaign_id] = copied
    return Reply(success_status(call.endpoint), {"id": campaign_id})


def delete(call: SandboxCall) -> Reply:
    """Queue one campaign for deletion (it disappears from every answer)."""
    campaign = find_campaign(call)
    if isinstance(campaign, Reply):
        return campaign
    del campaigns(call)[campaign["id"]]
    queued(call).add(campaign["id"])
    return Reply(success_status(call.endpoint), None)


def batch_delete(call: SandboxCall) -> Reply:
    """The documented per-campaign statuses: REMOVAL_QUEUED (200), NOT_EXIST (404), ALREADY_QUEUED (400)."""
    result = []
    for campaign_id in call.params["id"]:
        if campaign_id in queued(call):
            result.append({"http_status": 400, "id": campaign_id, "status": "ALREADY_QUEUED"})
        elif campaign_id in campaigns(call):
            del campaigns(call)[campaign_id]
            queued(call).add(campaign_id)
            result.append({"http_status": 200, "id": campaign_id, "status": "REMOVAL_QUEUED"})
        else:
            result.append({"http_status": 404, "id": campaign_id, "status": "NOT_EXIST"})
    return Reply(success_status(call.endpoint), result)


def agents(call: SandboxCall) -> Reply:
    """The campaign's agents with the documented fields."""
    campaign = find_campaign(call)
    if isinstance(campaign, Reply):
        return campaign
    result = [
        {
            "login": login,
            "number": AGENTS[login]["number"],
            "active": AGENTS[login]["active"],
            "active_in_outbound": active,
            "agent_id": AGENTS[login]["agent_id"],
        }
        for login, active in campaign["agents"].items()
    ]
    return Reply(success_status(call.endpoint), result)


def _logins(call: SandboxCall, campaign: dict[str, Any], adding: bool) -> list[str] | Reply:
    logins = [str(login) for login in call.params["logins"]]
    for i, login in enumerate(logins):
        if login not in AGENTS:  # the add page's documented "Agent not found."; for removal inferred alike
            known = ", ".join(sorted(AGENTS))
            return call.error(400, "bad_request", f"logins[{i}]: Agent not found ({login!r}; agents: {known})")
    # SANDBOX-ONLY: removing an agent the campaign does not have changes nothing (the page is not known)
    return logins if adding else [login for login in logins if login in campaign["agents"]]


def add_agents(call: SandboxCall) -> Reply:
    """Add agents (active in the campaign); every login is checked before any is added."""
    campaign = find_campaign(call)
    if isinstance(campaign, Reply):
        return campaign
    logins = _logins(call, campaign, adding=True)
    if isinstance(logins, Reply):
        return logins
    for login in logins:
        campaign["agents"][login] = True
    return Reply(success_status(call.endpoint), None)


def remove_agents(call: SandboxCall) -> Reply:
    """Remove agents; every login is checked before any is removed."""
    campaign = find_campaign(call)
    if isinstance(campaign, Reply):
        return campaign
    logins = _logins(call, campaign, adding=False)
    if isinstance(logins, Reply):
        return logins
    for login in logins:
        campaign["agents"].pop(login, None)
    return Reply(success_status(call.endpoint), None)


def statuses(call: SandboxCall) -> Reply:
    campaign = find_campaign(call)
    if isinstance(campaign, Reply):
        return campaign
    return Reply(success_status(call.endpoint), copy.deepcopy(campaign["statuses"]))


def stats(call: SandboxCall) -> Reply:
    """Every campaign's record statistics (only ``id``'s when given)."""
    wanted = call.params.get("id")
    result = [stats_of(c) for cid, c in sorted(campaigns(call).items()) if wanted is None or cid == wanted]
    return Reply(success_status(call.endpoint), result)


#: The campaign and campaign-record handlers, by endpoint id (merged into the sandbox's default table).
CAMPAIGN_HANDLERS: dict[str, Handler] = {
    "outbounds.list": list_campaigns,
    "outbounds.create": create,
    "outbounds.clone": clone,
    "outbounds.delete": delete,
    "outbounds.batch_delete": batch_delete,
    "outbounds.agents": agents,
    "outbounds.add_agents": add_agents,
    "outbounds.remove_agents": remove_agents,
    "outbounds.statuses": statuses,
    "outbounds.stats": stats,
    **RECORD_HANDLERS,
}
