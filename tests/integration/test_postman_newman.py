"""The Postman collection run by Newman (npm) against the sandbox: every request passes its own tests;
a sandbox that breaks the contract makes Newman fail; a request is what the client sends.

Newman comes from the npm registry through ``npx -y newman@6.2.2`` (cached after the first run). The
Newman tests are skipped only when npx is missing or the registry cannot be reached (``npm ping``
fails) — said so in the skip reason; any other Newman failure fails the test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FakeServer
from thulium_explore import Reply, Sandbox, ThuliumClient, default_catalog
from thulium_explore.cli import main

NEWMAN = "newman@6.2.2"


@pytest.fixture(scope="module")
def npx() -> str:
    """The npx command with Newman cached; a skip (with the reason) only when npm cannot be reached."""
    found = shutil.which("npx")
    if found is None:
        pytest.skip("npx is not installed (Node.js/npm needed for Newman)")
    try:
        done = subprocess.run([found, "-y", NEWMAN, "--version"], capture_output=True, text=True, timeout=480)
    except subprocess.TimeoutExpired:
        done = None
    if done is None or done.returncode != 0:
        ping = subprocess.run(["npm", "ping"], capture_output=True, text=True, timeout=60, check=False)
        if ping.returncode != 0:
            pytest.skip(f"npm registry unreachable (npm ping: {(ping.stderr or ping.stdout).strip()[:200]})")
        pytest.fail(f"npx {NEWMAN} failed although npm is reachable: {done.stderr[-500:] if done else 'timeout'}")
    return found


@pytest.fixture(scope="module")
def collection_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("postman") / "thulium.postman_collection.json"
    assert main(["postman", "-o", str(path)]) == 0
    return path


def newman(npx: str, collection: Path, base_url: str, tmp: Path, *extra: str) -> dict[str, Any]:
    """Run Newman; its JSON report."""
    report = tmp / "newman.json"
    subprocess.run(
        [
            npx,
            "-y",
            NEWMAN,
            "run",
            str(collection),
            "--env-var",
            f"baseUrl={base_url}",
            "--env-var",
            "apiUser=api_user",
            "--env-var",
            "apiPassword=api_pass",
            "--reporters",
            "json",
            "--reporter-json-export",
            str(report),
            "--timeout-request",
            "20000",
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert report.exists(), "Newman wrote no report"
    return dict(json.loads(report.read_text(encoding="utf-8")))


def failures(report: dict[str, Any]) -> list[str]:
    """One line per failed assertion: the request, the assertion, the status and the start of the answer."""
    out = []
    for execution in report["run"]["executions"]:
        response = execution.get("response") or {}
        body = bytes((response.get("stream") or {}).get("data") or []).decode("utf-8", "replace")[:160]
        for assertion in execution.get("assertions") or []:
            if assertion.get("error"):
                out.append(
                    f"{execution['item']['name'].split(' — ')[0]}: {assertion['assertion']}: "
                    f"{assertion['error']['message'][:200]} (HTTP {response.get('code')}: {body})"
                )
    return out


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as running:
        yield running


@pytest.mark.slow
def test_every_request_passes_against_the_sandbox(
    npx: str, collection_file: Path, sandbox: Sandbox, tmp_path: Path
) -> None:
    """Every request of the collection passes both its tests (status and schema) against a fresh sandbox,
    in the collection's order: no request is excused."""
    report = newman(npx, collection_file, sandbox.base_url, tmp_path)
    stats = report["run"]["stats"]
    count = len(list(default_catalog()))
    assert stats["requests"] == {"total": count, "pending": 0, "failed": 0}
    assert stats["assertions"]["total"] == 2 * count
    assert failures(report) == []


@pytest.mark.slow
def test_a_broken_answer_fails_in_newman(npx: str, collection_file: Path, tmp_path: Path) -> None:
    broken = {"chat_conversations.start": lambda call: Reply(200, {"conversation_id": 7})}
    with Sandbox(handlers=broken) as sandbox:
        report = newman(npx, collection_file, sandbox.base_url, tmp_path, "--folder", "chats")
    found = failures(report)
    assert any(
        line.startswith(
            "chat_conversations.start: answer matches the documented schema: expected data to satisfy schema"
        )
        and "should be string" in line
        for line in found
    ), found
    assert not any(line.startswith("chat_conversations.start: status") for line in found)


def test_each_request_is_what_the_client_sends(fake_server: FakeServer, collection_file: Path) -> None:
    """Method, path, query and body of every request (link variables at their presets) equal the client's."""
    collection = json.loads(collection_file.read_text(encoding="utf-8"))
    presets = {v["key"]: v["value"] for v in collection["variable"]}
    catalog = default_catalog()
    fake_server.reply = lambda received: (200, {"Content-Type": "application/json"}, b"{}")
    with ThuliumClient(fake_server.base_url, "api_user", "api_pass") as client:
        for folder in collection["item"]:
            for item in folder["item"]:
                endpoint = catalog[item["name"].split(" — ")[0]]
                client.call(endpoint.id, **endpoint.example_parameters())
                sent = fake_server.received[-1]
                request = item["request"]
                raw = request["url"]["raw"]
                body = (request.get("body") or {}).get("raw")
                for key, value in presets.items():
                    raw = raw.replace("{{" + key + "}}", value)
                    body = body.replace("{{" + key + "}}", value) if body else body
                assert raw.startswith("/api/")  # {{baseUrl}} was the first thing in it
                assert (request["method"], raw) == (sent.method, sent.path), endpoint.id
                assert (body or "").encode() == sent.body, endpoint.id
