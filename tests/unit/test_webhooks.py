"""Webhook payload checks: event detection (never a silent guess), verdicts, hidden values, the CLI."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from thulium_explore import Catalog, CatalogError, WebhookError, check_webhook, webhook_events
from thulium_explore.catalog import schemas_root
from thulium_explore.cli import main
from thulium_explore.contract._webhooks import detect_event, telling_fields

UUID = "6ed7c941-2c8a-411e-95d2-338a9f64800a"
ASSIGNED = {"conversation_id": UUID, "agent_login": "jkowalski", "date": "2017-12-11 10:24:10", "chat_queue_id": 3}
CLOSED = {"conversation_id": UUID, "date": "2017-12-11 11:21:05", "chat_queue_id": 3}


def test_the_four_documented_events_are_loaded() -> None:
    assert set(webhook_events()) == {
        "CHAT_CONVERSATION_CREATED",
        "CHAT_AGENT_ASSIGNED",
        "CHAT_CONVERSATION_CLOSED",
        "CUSTOMER_CREATED",
    }


def test_only_fields_unique_to_one_event_tell_it() -> None:
    assert telling_fields(webhook_events()) == {
        "CHAT_AGENT_ASSIGNED": ("agent_login",),
        "CHAT_CONVERSATION_CLOSED": (),
        "CHAT_CONVERSATION_CREATED": ("client_name", "client_email"),
        "CUSTOMER_CREATED": ("customer_id", "company_id"),
    }


@pytest.mark.parametrize("event", ["CHAT_CONVERSATION_CREATED", "CHAT_AGENT_ASSIGNED", "CUSTOMER_CREATED"])
def test_documented_examples_are_detected_and_pass(event: str) -> None:
    example = webhook_events()[event].document["examples"][0]
    verdict = check_webhook(example)
    assert (verdict.event, verdict.label) == (event, "pass")
    assert verdict.detected_by.startswith("detected: ") and event in verdict.detected_by


def test_a_closed_event_cannot_be_told_and_is_not_guessed() -> None:
    with pytest.raises(WebhookError, match=r"CHAT_CONVERSATION_CLOSED has none.*--event NAME"):
        check_webhook(CLOSED)
    verdict = check_webhook(CLOSED, event="chat_conversation_closed")
    assert (verdict.event, verdict.detected_by, verdict.ok) == ("CHAT_CONVERSATION_CLOSED", "given", True)


def test_fields_of_two_events_are_ambiguous() -> None:
    with pytest.raises(WebhookError, match="several events") as caught:
        detect_event({**ASSIGNED, "client_name": "Jan"})
    assert "agent_login → CHAT_AGENT_ASSIGNED" in str(caught.value)


def test_a_given_event_that_the_fields_contradict_is_noted() -> None:
    verdict = check_webhook(ASSIGNED, event="CHAT_CONVERSATION_CLOSED")
    assert verdict.detected_by == "given; note: its fields suggest CHAT_AGENT_ASSIGNED"
    assert [p.path for p in verdict.drift] == ["$.agent_login"]
    assert verdict.label == "pass (drift)"


def test_unknown_event_names_list_the_documented_ones() -> None:
    with pytest.raises(WebhookError, match="unknown webhook event 'CHAT_STARTED'; documented events: CHAT_AGENT"):
        check_webhook(ASSIGNED, event="CHAT_STARTED")


def test_violations_are_located_and_sensitive_values_hidden() -> None:
    payload = {
        "conversation_id": "nope",
        "client_email": ["jan.kowalski@example.org"],
        "chat_queue_id": "3a",
        "secret_note": "Jan Kowalski",
    }
    verdict = check_webhook(payload)
    assert verdict.event == "CHAT_CONVERSATION_CREATED" and verdict.label == "FAIL"
    assert [p.path for p in verdict.problems] == ["$.chat_queue_id", "$.client_email", "$.conversation_id"]
    assert [p.path for p in verdict.drift] == ["$.secret_note"]
    text = "\n".join(verdict.lines()) + json.dumps(verdict.as_dict())
    assert "jan.kowalski" not in text and "Jan Kowalski" not in text
    assert "should be of type string (value hidden: email)" in text


def test_a_payload_that_is_not_an_object() -> None:
    with pytest.raises(WebhookError, match="JSON array"):
        check_webhook("[1, 2]")
    verdict = check_webhook('["jan.kowalski@example.org"]', event="CUSTOMER_CREATED")
    assert [str(p) for p in verdict.problems] == ["$: should be of type object"]


def test_missing_identifying_field_is_a_violation() -> None:
    verdict = check_webhook({"company_id": 1, "name": "Jan"}, event="CUSTOMER_CREATED")
    assert [str(p) for p in verdict.problems] == ["$.customer_id: is required"]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"conversation_id": ', r"not JSON \(Expecting value at line 1 column 21\)"),
    ],
)
def test_unreadable_payloads_raise_one_line_errors(raw: bytes, message: str) -> None:
    with pytest.raises(WebhookError, match=message) as caught:
        check_webhook(raw)
    assert "\n" not in str(caught.value)


def test_bytes_with_a_bom_and_text_are_both_accepted() -> None:
    body = json.dumps(ASSIGNED).encode("utf-8")
    assert check_webhook(b"\xef\xbb\xbf" + body).ok
    assert check_webhook(body.decode("utf-8")).ok


def test_a_malformed_webhook_document_fails_loudly(tmp_path: Path) -> None:
    root = tmp_path / "schemas"
    shutil.copytree(schemas_root(), root)
    path = root / "webhooks" / "chat_conversation_closed.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    del document["x-thulium-webhook"]["event"]
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CatalogError, match="chat_conversation_closed.json: 'event' is a required property"):
        webhook_events(Catalog(root))


# --- command line --------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["verify-webhook", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, payload: Any) -> str:
    path = tmp_path / "payload.json"
    path.write_text(payload if isinstance(payload, str) else json.dumps(payload), encoding="utf-8")
    return str(path)


def test_cli_conforming_payload_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, write(tmp_path, ASSIGNED))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "event: CHAT_AGENT_ASSIGNED (detected: agent_login is documented only for CHAT_AGENT_ASSIGNED)",
        "payload: pass",
    ]


def test_cli_violation_exits_1_with_json_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys, write(tmp_path, {**CLOSED, "chat_queue_id": -3}), "--event", "CHAT_CONVERSATION_CLOSED", "--json"
    )
    report = json.loads(out)
    assert code == 1
    assert report["verdict"] == "FAIL" and report["event"] == "CHAT_CONVERSATION_CLOSED"
    assert [p["path"] for p in report["problems"]] == ["$.chat_queue_id"]


@pytest.mark.parametrize(
    ("payload", "argv", "message"),
    [
        (CLOSED, (), "error: cannot tell the webhook event"),
        ('{"a": ', (), "error: "),
        (ASSIGNED, ("--event", "NOPE"), "error: unknown webhook event 'NOPE'"),
    ],
)
def test_cli_usage_problems_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, payload: Any, argv: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, write(tmp_path, payload), *argv)
    assert (code, out) == (2, "")
    assert err.startswith(message) and err.count("\n") == 1


def test_cli_missing_file_and_missing_argument_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, str(tmp_path / "nope.json"))
    assert code == 2 and "nope.json: cannot read (No such file or directory)" in err
    code, _, err = run(capsys)
    assert code == 2 and "FILE" in err and "Traceback" not in err


def test_cli_reads_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(ASSIGNED).encode("utf-8")))
    monkeypatch.setattr("sys.stdin", stdin)
    code, out, _ = run(capsys, "-")
    assert code == 0 and "payload: pass" in out


def test_a_payload_nested_past_the_parser_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    assert main(["verify-webhook", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nested too deeply" in err
