"""``thulium-explore verify`` and ``scan`` as a user runs them: exit codes, output lines, one-line errors.

Cassettes are recorded here with plain vcrpy against the loopback sandbox, in both of vcrpy's
serialisations, so the commands are checked on what vcrpy really writes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import vcr

from thulium_explore import Sandbox
from thulium_explore.cli import main

CASSETTES = Path(__file__).resolve().parents[1] / "data" / "cassettes"


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Done]:
    """The command line in-process (same ``main`` as the console script): exit code, stdout, stderr."""

    def invoke(*args: str | Path) -> Done:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Done(code, out, err)

    return invoke


def test_console_entry_point_exit_codes() -> None:
    """The real process: ``python -m thulium_explore`` exits 0, 1 and 2."""
    for folder, code in (("conforming", 0), ("violations", 1), ("malformed/bad_status.yaml", 2)):
        done = subprocess.run(
            [sys.executable, "-m", "thulium_explore", "verify", str(CASSETTES / folder)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == code, done.stderr


def _record(sandbox: Sandbox, path: Path, serializer: str, **options: object) -> None:
    recorder = vcr.VCR(serializer=serializer, record_mode="all", **options)  # type: ignore[arg-type]
    with recorder.use_cassette(str(path)), sandbox.client() as client:
        assert client.chat_conversations.start(chat_queue_id=3, client_id="1234").status == 200
        assert (
            client.chat_conversations.start(
                chat_queue_id=3, client_name="Łucja", client_email="lucja@example.org"
            ).status
            == 200
        )
        bad = client.send("chat_conversations.start", {"chat_queue_id": 3})
        assert bad.status == 200


@pytest.mark.parametrize("serializer", ["yaml", "json"])
def test_vcrpy_recordings_of_the_sandbox_conform(
    run: Callable[..., Done], sandbox: Sandbox, tmp_path: Path, serializer: str
) -> None:
    path = tmp_path / f"start.{serializer}"
    _record(sandbox, path, serializer, filter_headers=["authorization"])
    done = run("verify", path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"{path}:0 POST /api/chat_conversations/start 200 pass"
    assert lines[-1] == "verify: 3 interactions in 1 cassette: 3 pass"
    assert done.stderr == ""


def test_a_tampered_recording_fails_with_path_and_value(
    run: Callable[..., Done], sandbox: Sandbox, tmp_path: Path
) -> None:
    path = tmp_path / "start.json"
    _record(sandbox, path, "json", filter_headers=["authorization"])
    data = json.loads(path.read_text())
    data["interactions"][1]["response"]["body"]["string"] = '{"conversation_id": "not-a-uuid"}'
    path.write_text(json.dumps(data))
    done = run("verify", path)
    assert done.returncode == 1
    assert f"{path}:1 POST /api/chat_conversations/start 200 FAIL" in done.stdout.splitlines()
    assert "  response $.conversation_id: 'not-a-uuid' is not a 'uuid' (got 'not-a-uuid')" in done.stdout


def test_vcrpy_default_recording_leaks_authorization_and_scan_says_where(
    run: Callable[..., Done], sandbox: Sandbox, tmp_path: Path
) -> None:
    path = tmp_path / "leaky.yaml"
    _record(sandbox, path, "yaml")
    done = run("scan", path)
    assert done.returncode == 1
    lines = path.read_text().splitlines()
    findings = [line for line in done.stdout.splitlines() if line.startswith(f"{path}:")]
    assert findings, done.stdout
    for finding in findings:
        number = int(finding.split(":")[1])
        assert "Authorization" in lines[number - 1] or "Basic" in lines[number - 1], finding
    assert "api_pass" not in done.stdout
    filtered = tmp_path / "filtered.yaml"
    _record(sandbox, filtered, "yaml", filter_headers=["authorization"])
    assert run("scan", filtered).returncode == 0


def test_exit_codes_for_fixture_folders(run: Callable[..., Done]) -> None:
    assert run("verify", CASSETTES / "conforming").returncode == 0
    assert run("verify", CASSETTES / "violations").returncode == 1
    assert run("verify", CASSETTES / "drift").returncode == 0
    assert run("verify", "--strict", CASSETTES / "drift").returncode == 1
    assert run("verify", CASSETTES / "unknown").returncode == 0
    assert run("verify", CASSETTES / "unknown", "--strict").returncode == 1


def test_json_report(run: Callable[..., Done]) -> None:
    done = run("verify", "--json", CASSETTES / "drift", CASSETTES / "violations" / "request_problems.yaml")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["ok"] is False and report["exit_code"] == 1
    assert [i["verdict"] for i in report["interactions"]] == ["pass (drift)", "FAIL", "FAIL", "FAIL"]
    assert report["interactions"][0]["drift"] == [
        {"path": "$.queue_position", "message": "is not documented", "type": "integer"}
    ]
    assert report["interactions"][1]["request_problems"][0]["value"] == "abc"


@pytest.mark.parametrize("name", sorted(p.name for p in (CASSETTES / "malformed").iterdir()))
def test_malformed_cassette_exits_2_with_one_line(run: Callable[..., Done], name: str) -> None:
    path = CASSETTES / "malformed" / name
    done = run("verify", path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"error: {path}: ")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["verify"], "thulium-explore verify: the following arguments are required: PATH"),
        (["verify", "/nonexistent"], "error: /nonexistent: no such file or folder"),
        (["verify", "--bogus", "x"], "thulium-explore: unrecognized arguments: --bogus"),
        (["scan"], "thulium-explore scan: the following arguments are required: PATH"),
        (["scan", "/nonexistent"], "error: /nonexistent: no such file or folder"),
    ],
)
def test_usage_errors_exit_2_with_one_line(run: Callable[..., Done], args: list[str], message: str) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert done.stderr == message + "\n"


def _inferred_empty_answer() -> tuple[str, str, int]:
    """(method, concrete path, status) of a catalog endpoint whose 2xx empty body is only inferred."""
    from thulium_explore import default_catalog

    for endpoint in default_catalog():
        for status, spec in endpoint.responses.items():
            needs_more = any(p.required and p.location != "path" for p in endpoint.parameters)
            if status.startswith("2") and spec.body == "empty" and spec.provenance == "inferred" and not needs_more:
                values = {p.name: str(p.example or "6ed7c941-2c8a-411e-95d2-338a9f64800a") for p in endpoint.parameters}
                path = endpoint.path.format(
                    **{p.name: values[p.name] for p in endpoint.parameters if p.location == "path"}
                )
                if endpoint.path_regex.match(path):
                    return endpoint.method, path, int(status)
    pytest.skip("no catalog endpoint documents an inferred empty 2xx body")


def test_an_answer_against_an_inferred_fact_warns_and_fails_only_with_strict(
    run: Callable[..., Done], tmp_path: Path
) -> None:
    """verify exits 0 on a suspect (the fact was only inferred) and 1 with --strict; a documented fact fails."""
    method, path, status = _inferred_empty_answer()
    cassette = tmp_path / "suspect.yaml"
    cassette.write_text(
        "interactions:\n"
        f"- request: {{body: null, headers: {{}}, method: {method}, uri: 'https://your-system-name.thulium.com{path}'}}\n"
        "  response:\n"
        "    body: {string: '{\"deleted\": true}'}\n"
        "    headers: {Content-Type: [application/json]}\n"
        f"    status: {{code: {status}, message: OK}}\n",
        encoding="utf-8",
    )
    done = run("verify", cassette)
    assert done.returncode == 0, done.stdout
    assert "pass (suspect)" in done.stdout
    assert "suspect  $: body should be empty" in done.stdout and "— inferred: the recording is evidence" in done.stdout
    assert "response problems by provenance: inferred 1" in done.stdout
    strict = run("verify", cassette, "--strict")
    assert strict.returncode == 1 and "FAIL (suspect)" in strict.stdout
    documented = run("verify", CASSETTES / "violations" / "response_problems.yaml")
    assert documented.returncode == 1 and "pass (suspect)" not in documented.stdout
