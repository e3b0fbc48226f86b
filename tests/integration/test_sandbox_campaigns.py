"""The sandbox's campaigns end to end: records added, refused, listed, changed and deleted, the stats
following them, batches, clones and agents — through the client, the command line and a form."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from thulium_explore import CallResult, Sandbox, ThuliumClient, default_catalog
from thulium_explore.cli import main
from thulium_explore.forms import EndpointForm, History
from thulium_explore.sandbox import SANDBOX_CODES

REPO = Path(__file__).resolve().parents[2]
CAMPAIGN = "00001"  # seeded: the documented examples' campaign — CSV records 228 ("5555", the list example)
# and 229 ("333444555", what the delete example removes); SANDBOX-ONLY, also CRM-fed records of customers
# 441 (47, the get example) and 445 (100, the batch example's ALREADY_EXISTS). Its stats count all four:
# two are NO_CALL (228, 47), so (4, 50).


@pytest.fixture
def client(sandbox: Sandbox) -> ThuliumClient:
    return sandbox.client()


def passes(result: CallResult, status: int = 200) -> Any:
    """The answer's JSON after checking the status and that the contract passes without drift."""
    assert result.status == status, result.text
    assert (result.verdict.label, result.verdict.drift) == ("pass", []), result.verdict.lines()
    return result.json if result.text else None


def refused(result: CallResult, status: int, words: str) -> str:
    assert result.status == status, result.text
    assert result.verdict.ok, result.verdict.lines()  # the error object is the documented one
    message = str(result.json["errors"][0]["message"])
    assert words in message
    return message


def records(client: ThuliumClient, campaign: str = CAMPAIGN, **params: Any) -> dict[str, Any]:
    return dict(passes(client.outbound_records.list(id=campaign, **params)))


def stats(client: ThuliumClient) -> dict[str, tuple[int, float]]:
    return {s["id"]: (s["records_count"], s["completion_percent"]) for s in passes(client.outbounds.stats())}


@pytest.mark.parametrize("endpoint_id", [e.id for e in default_catalog() if e.group == "campaigns"])
def test_each_documented_example_succeeds_alone_on_a_fresh_sandbox(endpoint_id: str) -> None:
    """The seed holds what every documented campaign example refers to (campaign 00001 of both kinds,
    the record of 333444555 the delete removes, customer 441's record), so each succeeds sent alone."""
    endpoint = default_catalog()[endpoint_id]
    with Sandbox() as fresh, fresh.client() as client:
        result = client.call(endpoint.id, **endpoint.example_parameters())
    assert 200 <= result.status < 300, result.text
    assert (result.verdict.label, result.verdict.drift) == ("pass", []), result.verdict.lines()


def test_the_record_lifecycle_add_refuse_list_update_stats_delete(client: ThuliumClient) -> None:
    assert stats(client)[CAMPAIGN] == (4, 50)  # 228 and 47 are NO_CALL: done
    added = passes(
        client.outbound_records.create(
            id=CAMPAIGN,
            phone_number="111222333",
            status_id="3",
            identifier="ID-1",
            record_fields={"field1": "value1", "field2": "value2"},
        ),
        201,
    )
    assert added == {"record_id": "231"}  # the documented example's id and digit string
    refused(client.outbound_records.create(id=CAMPAIGN, phone_number="111222333"), 400, "already in campaign 00001")
    passes(client.outbound_records.create(id=CAMPAIGN, phone_number="222333444", identifier="ID-2"), 201)
    assert stats(client)[CAMPAIGN] == (6, 33.33)

    listed = records(client)
    assert listed["count"] == 4  # the CSV records only: the CRM-fed ones are crm_outbound_records'
    assert [r["phone_number"] for r in listed["result"]] == ["5555", "333444555", "111222333", "222333444"]
    new = listed["result"][2]
    assert (new["record_id"], new["system_status"], new["status"], new["status_id"]) == (
        231,
        "CALL",
        "Contact needed",
        3,
    )
    assert listed["result"][3]["system_status"] == "TO_CALL"  # no status given: the sandbox's status 1
    page = records(client, limit=1, offset=2)
    assert page["count"] == 4 and [r["identifier"] for r in page["result"]] == ["ID-1"]
    assert records(client, system_status=["TO_CALL"])["count"] == 2
    assert records(client, status_id=[3, 5])["count"] == 2
    assert records(client, create_date_to="2016-12-31")["count"] == 2  # only the seeded records are that old

    passes(
        client.outbound_records.update_by_identifier(id=CAMPAIGN, identifier="ID-2", status_id=4, agent_login="j.doe")
    )
    changed = records(client)["result"][3]
    assert (changed["status"], changed["agent_login"], changed["agent_name"]) == ("Not interested", "j.doe", "John Doe")
    assert stats(client)[CAMPAIGN] == (6, 50)

    passes(client.outbound_records.delete(id=CAMPAIGN, phone_number="111222333"))
    passes(client.outbound_records.delete_by_identifier(id=CAMPAIGN, identifier="ID-2"))
    assert [r["record_id"] for r in records(client)["result"]] == [228, 229]
    assert stats(client)[CAMPAIGN] == (4, 50)
    passes(client.outbound_records.delete(id=CAMPAIGN, phone_number="333444555"))  # the documented example
    assert [r["record_id"] for r in records(client)["result"]] == [228]
    assert stats(client)[CAMPAIGN] == (3, 66.67)
    refused(client.outbound_records.delete(id=CAMPAIGN, phone_number="111222333"), 404, "no record with 111222333")
    refused(client.outbound_records.delete_by_identifier(id=CAMPAIGN, identifier="ID-2"), 404, "no record ID-2")


def test_a_record_breaking_the_documented_rules_is_refused_and_nothing_is_added(client: ThuliumClient) -> None:
    cases = [
        ({"record_fields": {"colour": "green"}}, "record_fields.colour: not a field of campaign 00001"),
        ({"agent_login": "user"}, "agent_login: Agent not found."),
        ({"status_id": 9}, "status_id: no status 9"),
        ({"identifier": "1234567890"}, "identifier: 1234567890 is already used"),
    ]
    for extra, words in cases:
        result = client.outbound_records.create(id=CAMPAIGN, phone_number="555123321", **extra)
        refused(result, 400, words)
        assert result.json["errors"][0]["code"] == SANDBOX_CODES["bad_request"]
    assert records(client)["count"] == 2
    refused(client.outbound_records.list(id="00009"), 404, "campaign 00009 does not exist")
    refused(client.outbound_records.list(id="00003"), 404, "is fed from the CRM; use crm_outbound_records")
    refused(client.crm_outbound_records.list(id="00002"), 404, "is a CSV one; use outbound_records")


def test_every_page_of_a_long_list_together_is_every_record_once(client: ThuliumClient) -> None:
    numbers = [f"1112223{i:02d}" for i in range(30)]
    added = passes(client.outbound_records.batch_create(id=CAMPAIGN, records=[{"phone_number": n} for n in numbers]))
    assert {entry["status"] for entry in added.values()} == {"ADDED"}
    seen = [r["phone_number"] for r in client.outbound_records.list.paginate(id=CAMPAIGN, page_size=7)]
    assert seen == ["5555", "333444555", *numbers]  # the order they were added, nothing twice, nothing lost
    last = records(client, limit=7, offset=28)
    assert last["count"] == 32 and len(last["result"]) == 4


def test_the_documented_paging_limit_is_enforced_before_anything_is_sent(client: ThuliumClient) -> None:
    with pytest.raises(ValueError, match="limit"):
        client.outbound_records.list(id=CAMPAIGN, limit=101)


def test_batches_answer_each_number_with_its_documented_status(client: ThuliumClient) -> None:
    created = passes(
        client.outbound_records.batch_create(
            id=CAMPAIGN,
            records=[
                {"phone_number": "111222333", "status_id": "3"},
                {"phone_number": "5555"},
                {"phone_number": "222333444", "agent_login": "user"},
                {"phone_number": "555123321", "record_fields": {"pole1": "wartosc1"}},
                {"phone_number": "333444555"},
            ],
        )
    )
    assert created == {
        "111222333": {"http_status": 201, "record_id": 231, "status": "ADDED"},
        "5555": {"http_status": 400, "record_id": 228, "status": "ALREADY_EXISTS"},
        "222333444": {"http_status": 400, "status": "FAILED", "message": "Agent not found."},
        "555123321": {"http_status": 201, "record_id": 232, "status": "ADDED"},
        "333444555": {"http_status": 400, "record_id": 229, "status": "ALREADY_EXISTS"},  # seeded
    }
    assert stats(client)[CAMPAIGN] == (6, 33.33)
    updated = passes(
        client.outbound_records.batch_update(
            id=CAMPAIGN,
            records=[
                {"phone_number": "111222333", "status_id": "5"},
                {"phone_number": "555123321", "agent_login": "user"},
                {"phone_number": "999"},
            ],
        )
    )
    assert updated == {
        "111222333": {"http_status": 204},
        "555123321": {"http_status": 400, "message": "Agent not found."},  # the documented example's message
        "999": {"http_status": 404, "message": "Record not found."},
    }
    assert stats(client)[CAMPAIGN] == (6, 50)
    deleted = passes(client.outbound_records.batch_delete(id=CAMPAIGN, phone_number=["111222333", "442"]))
    assert deleted == {
        "111222333": [{"http_status": 200, "record_id": 231, "status": "REMOVED"}],
        "442": [{"http_status": 404, "status": "NOT_EXIST"}],
    }
    assert [r["phone_number"] for r in records(client)["result"]] == ["5555", "333444555", "555123321"]


def test_the_status_by_phone_number_follows_the_dictionary_status_in_every_campaign(client: ThuliumClient) -> None:
    for campaign in ("00001", "00002"):
        passes(client.outbound_records.create(id=campaign, phone_number="111222333"), 201)
    answer = passes(client.outbound_records.set_status_by_phone_number(phone_number="111222333", status_id="3"))
    assert answer == {"outbound_id": ["00001", "00002"]}
    assert records(client, "00002")["result"][0]["status"] == "Do not call"  # dictionary status 3 = status 5
    assert passes(client.outbound_records.set_status_by_phone_number(phone_number="555123321", status_id=3)) == {
        "outbound_id": []
    }
    # 222333444 is customer 445's number: 00001's CRM-fed record 100 (SANDBOX-ONLY) follows too
    assert passes(client.outbound_records.set_status_by_phone_number(phone_number="222333444", status_id=3)) == {
        "outbound_id": ["00001"]
    }
    assert passes(client.crm_outbound_records.get(id=CAMPAIGN, customer_id=445))["status"] == "Do not call"


def test_campaigns_are_created_cloned_and_queued_for_deletion(client: ThuliumClient) -> None:
    assert passes(client.outbounds.list()) == [{"id": "00001"}, {"id": "00002"}, {"id": "00003"}]
    assert passes(client.outbounds.create()) == {"id": "00004"}
    passes(client.outbound_records.create(id=CAMPAIGN, phone_number="111222333"), 201)
    clone = passes(client.outbounds.clone(id=CAMPAIGN))["id"]
    assert clone == "00005"
    assert records(client, clone)["count"] == 0  # statuses, fields and agents are copied, records are not
    refused(client.crm_outbound_records.list(id=clone), 404, "is a CSV one")  # nor 00001's CRM-fed book
    assert [a["login"] for a in passes(client.outbounds.agents(id=clone))] == ["jkowalski", "anowak"]
    assert passes(client.outbounds.statuses(id=clone)) == passes(client.outbounds.statuses(id=CAMPAIGN))
    passes(client.outbounds.delete(id="00004"))
    answer = passes(client.outbounds.batch_delete(id=["00005", "00004", "00042"], delete_recordings=True))
    assert answer == [
        {"http_status": 200, "id": "00005", "status": "REMOVAL_QUEUED"},
        {"http_status": 400, "id": "00004", "status": "ALREADY_QUEUED"},
        {"http_status": 404, "id": "00042", "status": "NOT_EXIST"},
    ]
    assert [s["id"] for s in passes(client.outbounds.stats())] == ["00001", "00002", "00003"]
    refused(client.outbounds.agents(id="00005"), 404, "queued for deletion")
    assert passes(client.outbounds.create()) == {"id": "00006"}  # queued ids stay taken


def test_agents_are_added_and_removed(client: ThuliumClient) -> None:
    assert passes(client.outbounds.agents(id="00002")) == []
    passes(client.outbounds.add_agents(id="00002", logins=["anowak", "jkowalski"]))
    agents = passes(client.outbounds.agents(id="00002"))
    assert [(a["login"], a["active_in_outbound"], a["agent_id"]) for a in agents] == [
        ("anowak", True, 43),
        ("jkowalski", True, 12),
    ]
    passes(client.outbounds.remove_agents(id="00002", logins=["anowak"]))
    assert [a["login"] for a in passes(client.outbounds.agents(id="00002"))] == ["jkowalski"]
    refused(client.outbounds.add_agents(id="00002", logins=["j.doe", "nobody"]), 400, "logins[1]: Agent not found")
    refused(client.outbounds.remove_agents(id="00002", logins=["jkowalski", "nobody"]), 400, "logins[1]: Agent not")
    assert [a["login"] for a in passes(client.outbounds.agents(id="00002"))] == ["jkowalski"]  # nothing half-done
    passes(client.outbounds.remove_agents(id="00002", logins=["anowak"]))  # not in the campaign: nothing changes
    assert [a["login"] for a in passes(client.outbounds.agents(id="00002"))] == ["jkowalski"]


def test_crm_fed_records_on_the_documented_campaign(client: ThuliumClient) -> None:
    """SANDBOX-ONLY: 00001 keeps CRM-fed records beside its CSV ones, so the documented CRM examples
    (all on 00001) answer as their pages show, apart from what contradicts the get example."""
    seeded = passes(client.crm_outbound_records.get(id=CAMPAIGN, customer_id=441))
    assert (seeded["record_id"], seeded["phone_number"], seeded["customer_id"]) == (47, "158433367", 441)
    assert (seeded["system_status"], seeded["status"]) == ("NO_CALL", "Do not call")
    listed = passes(client.crm_outbound_records.list(id=CAMPAIGN, limit=5, offset=0))
    assert (listed["count"], [r["customer_id"] for r in listed["result"]]) == (2, [441, 445])
    assert 441 not in [r.get("customer_id") for r in records(client)["result"]]  # the CSV list is apart
    # 441 is already there (the get example): the sandbox adds nothing and answers its record
    assert passes(client.crm_outbound_records.create(id=CAMPAIGN, customer_id=441, status_id=3)) == {"record_id": "47"}
    assert passes(client.crm_outbound_records.get(id=CAMPAIGN, customer_id=441))["status_id"] == 5  # unchanged
    batch = passes(
        client.crm_outbound_records.batch_create(
            id=CAMPAIGN,
            records=[
                {"customer_id": 441, "status_id": 3},
                {"customer_id": 445, "status_id": 1},
                {"customer_id": 448, "status_id": 1},
            ],
        )
    )
    assert batch == {  # the documented example's 445 and 448; 441 is ADDED there, but the get example has it
        "441": {"http_status": 400, "record_id": 47, "status": "ALREADY_EXISTS"},
        "445": {"http_status": 400, "record_id": 100, "status": "ALREADY_EXISTS"},
        "448": {"http_status": 400, "status": "FAILED", "message": "Customer not found."},
    }
    passes(client.crm_outbound_records.update(id=CAMPAIGN, customer_id=441, status_id="3"))
    assert passes(client.crm_outbound_records.get(id=CAMPAIGN, customer_id=441))["status"] == "Contact needed"
    assert stats(client)[CAMPAIGN] == (4, 25)  # 228 is the only NO_CALL record left


def test_crm_fed_records_by_customer_id(client: ThuliumClient) -> None:
    assert stats(client)["00003"] == (0, 0)  # the CRM-fed campaign starts empty
    batch = passes(
        client.crm_outbound_records.batch_create(
            id="00003",
            records=[{"customer_id": 441, "status_id": 5}, {"customer_id": 445}, {"customer_id": 448}],
        )
    )
    assert batch == {
        "441": {"http_status": 201, "record_id": 231, "status": "ADDED"},
        "445": {"http_status": 201, "record_id": 232, "status": "ADDED"},
        "448": {"http_status": 400, "status": "FAILED", "message": "Customer not found."},
    }
    assert passes(client.crm_outbound_records.create(id="00003", customer_id=445)) == {"record_id": "232"}
    passes(
        client.crm_outbound_records.update(
            id="00003", customer_id=445, status_id="3", next_call_date="2018-05-24 12:24"
        )
    )
    listed = passes(client.crm_outbound_records.list(id="00003", order="-next_call_date"))
    assert [r["customer_id"] for r in listed["result"]] == [445, 441]  # nothing added twice
    assert listed["result"][0]["next_call_date"] == "2018-05-24 12:24"
    assert stats(client)["00003"] == (2, 50)
    refused(client.crm_outbound_records.get(id="00003", customer_id=448), 404, "no record of customer 448")
    refused(client.crm_outbound_records.get(id="00002", customer_id=441), 404, "campaign 00002 is a CSV one")


def test_reset_brings_back_the_seeded_campaigns(sandbox: Sandbox, client: ThuliumClient) -> None:
    passes(client.outbound_records.create(id=CAMPAIGN, phone_number="111222333"), 201)
    passes(client.outbound_records.delete(id=CAMPAIGN, phone_number="333444555"))
    passes(client.crm_outbound_records.batch_create(id="00003", records=[{"customer_id": 441}]))
    passes(client.outbounds.delete(id="00002"))
    sandbox.reset()
    assert stats(client) == {"00001": (4, 50), "00002": (0, 0), "00003": (0, 0)}
    assert [r["record_id"] for r in records(client)["result"]] == [228, 229]
    assert passes(client.outbound_records.create(id=CAMPAIGN, phone_number="111222333"), 201) == {"record_id": "231"}


# -- the command line against a running sandbox ----------------------------------------------------


@pytest.fixture
def cli(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    """``thulium-explore call … --json`` in this process, against the running sandbox."""
    monkeypatch.setenv("THULIUM_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("THULIUM_API_USER", "api_user")
    monkeypatch.setenv("THULIUM_API_PASSWORD", "api_pass")
    monkeypatch.delenv("THULIUM_MODE", raising=False)

    def run(*argv: str) -> tuple[int, Any, str]:
        code = main(["call", *argv, "--json"])
        out, err = capsys.readouterr()
        return code, json.loads(out) if out.strip() else None, err

    return run


def test_the_command_itself_adds_a_record_with_record_fields(sandbox: Sandbox) -> None:
    """The installed entry point in a subprocess (slow to start, so once); the rest runs main() in-process."""
    params = ("id=00001", "phone_number=111222333", 'record_fields={"field1": "value1"}')
    flags = ("--json", "--base-url", sandbox.base_url, "--user", "api_user")
    done = subprocess.run(
        [sys.executable, "-m", "thulium_explore", "call", "outbound_records.create", *params, *flags],
        env={"THULIUM_API_PASSWORD": "api_pass", "PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, "")
    report = json.loads(done.stdout)
    assert report["status"] == 201 and report["body"] == {"record_id": "231"}
    assert report["contract"]["verdict"] == "pass"
    assert list(sandbox.calls) == [
        ("outbound_records.create", {"id": "00001", "phone_number": "111222333", "record_fields": {"field1": "value1"}})
    ]


def test_the_lifecycle_through_the_command_line(sandbox: Sandbox, cli: Any) -> None:
    code, report, err = cli("outbound_records.create", "id=00001", "phone_number=111222333", "identifier=CLI-1")
    assert (code, err) == (0, "")
    assert report["status"] == 201 and report["body"] == {"record_id": "231"}
    code, report, _ = cli("outbound_records.create", "id=00001", "phone_number=111222333")
    assert code == 1 and report["status"] == 400 and "already in campaign" in json.dumps(report["body"])
    code, report, _ = cli("outbound_records.update_by_identifier", "id=00001", "identifier=CLI-1", "status_id=5")
    assert code == 0 and report["status"] == 200
    code, report, _ = cli("outbounds.stats")
    assert code == 0 and report["body"][0] == {"id": "00001", "records_count": 5, "completion_percent": 60}
    code, report, _ = cli("outbound_records.batch_delete", "id=00001", "phone_number[]=111222333")
    assert code == 0 and report["body"]["111222333"][0]["status"] == "REMOVED"
    code, _, err = cli("outbound_records.create", "id=00001", "record_fields=[1]")
    assert code == 2 and err.count("\n") == 1 and "phone_number" in err and "Traceback" not in err
    assert [endpoint for endpoint, _ in sandbox.calls] == [
        "outbound_records.create",
        "outbound_records.create",
        "outbound_records.update_by_identifier",
        "outbounds.stats",
        "outbound_records.batch_delete",
    ]  # the bad call was never sent


# -- a form ----------------------------------------------------------------------------------------


def test_a_form_fills_record_fields_as_json_and_sends_exactly_that(sandbox: Sandbox) -> None:
    form = EndpointForm(sandbox.client(), "outbound_records.create", history=History())
    form.fill_example()
    assert form.values["record_fields"] == {"field1": "value1", "field2": "value2"}
    editor = next(f for f in form.fields if f.spec.name == "record_fields").editor
    editor.value = '{"field1": "wartość", "pole2": ""}'  # typed: an empty value clears a field (documented)
    assert form.values == {
        "id": "00001",
        "phone_number": "111222333",
        "status_id": "3",
        "record_fields": {"field1": "wartość", "pole2": ""},
    }
    result = form.submit()
    assert result.status == 201 and result.verdict.ok
    assert list(sandbox.calls)[-1] == ("outbound_records.create", form.values)
    editor.value = '{"field1": '
    assert "is not valid JSON" in next(iter(form.errors.values()))
    with pytest.raises(ValueError, match="record_fields"):
        form.submit()
    assert len(sandbox.calls) == 1  # nothing sent


# -- the recorded cassette -------------------------------------------------------------------------


def test_the_committed_campaign_cassette_is_what_its_recipe_records(tmp_path: Path) -> None:
    """`thulium-explore record scripts/campaign_recipes.yaml` reproduces cassettes/campaign_lifecycle.yaml."""
    out = tmp_path / "cassettes"
    out_flag = ("--out", str(out))
    done = subprocess.run(
        [sys.executable, "-m", "thulium_explore", "record", str(REPO / "scripts" / "campaign_recipes.yaml"), *out_flag],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert "EXPECTED" not in done.stdout
    assert (out / "campaign_lifecycle.yaml").read_bytes() == (
        REPO / "cassettes" / "campaign_lifecycle.yaml"
    ).read_bytes()


def test_the_campaign_cassette_stores_personal_values_as_placeholders() -> None:
    """x-sensitive on records (phone numbers, record_fields, agent logins) reaches the recording."""
    text = (REPO / "cassettes" / "campaign_lifecycle.yaml").read_text(encoding="utf-8")
    for sent in ("value1", "value2", "wartosc1", '"agent_login": "user"', '"phone_number": "111222333"'):
        assert sent not in text, sent
    assert '"record_fields": {"field1": "Text1", "field2": "Text2"}' in text
    assert "/api/outbounds/00001/records/000000002" in text  # the phone number in the path too
    assert '"identifier": "REC-1"' in text  # documented, not personal: kept
