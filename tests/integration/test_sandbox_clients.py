"""The sandbox answers every client as users run them: curl, HTTPie, Python requests and Node's built-in fetch.

Each starts a chat, sends a message, stops it and lists it. curl runs the documentation's sample verbatim
but for the host; Node's fetch sends header names in lower case (``authorization``, ``accept-language``).
A client whose program is not installed is skipped, saying which.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from thulium_explore.sandbox import SandboxServer

#: The curl sample of Thulium's page for chat_conversations.start (shared/reference), verbatim.
DOCS_CURL = (
    "curl -u api_user:api_pass -k -X POST -H \"Content-type: application/json\" -d '' "
    '"https://your-system-name.thulium.com/api/chat_conversations/start?chat_queue_id=3&client_id=1234"'
)
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
TEXT = "Dzień dobry, mam pytanie"


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer() as server:
        yield server


def client_env(tmp_path: Path) -> dict[str, str]:
    """The environment the clients run in: no proxy (tests touch only 127.0.0.1), no user config."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(HTTPIE_CONFIG_DIR=str(tmp_path / "httpie"), HOME=str(tmp_path))
    return env


def run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env, check=False)
    assert done.returncode == 0, (command, done.stdout, done.stderr)
    return done.stdout


def assert_listed(listing: Any, conversation_id: str) -> None:
    """The history lists the conversation, closed, with the message sent."""
    found = [c for c in listing["result"] if c["conversation_id"] == conversation_id]
    assert len(found) == 1, listing
    assert found[0]["status"] == "CLOSED" and found[0]["closed_at"]
    assert [m["text"] for m in found[0]["messages"]] == [TEXT]


def binary(name: str) -> str:
    """The program's path; skip (naming it) when it is not installed."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{name} is not installed, so this client cannot be tried")
    return found


def test_curl_with_the_documentations_sample_verbatim_but_for_the_host(sandbox: SandboxServer, tmp_path: Path) -> None:
    curl = binary("curl")
    env = client_env(tmp_path)
    sample = DOCS_CURL.replace("https://your-system-name.thulium.com", sandbox.base_url)
    assert sample.count(sandbox.base_url) == 1 and sample.startswith("curl -u api_user:api_pass -k -X POST")
    started = json.loads(run(["bash", "-c", sample.replace("curl", shlex.quote(curl), 1)], env))
    conversation_id = started["conversation_id"]
    assert UUID.match(conversation_id)
    base = f"{sandbox.base_url}/api/chat_conversations/{conversation_id}"
    auth = ["-u", "api_user:api_pass", "-sS", "--fail-with-body", "-H", "Content-type: application/json"]
    assert run([curl, *auth, "-X", "POST", "-d", json.dumps({"text": TEXT}), f"{base}/message"], env) == ""
    assert run([curl, *auth, "-X", "POST", "-d", "", f"{base}/stop"], env) == ""
    listing = run([curl, *auth, f"{sandbox.base_url}/api/chats?include_messages=true"], env)
    assert_listed(json.loads(listing), conversation_id)
    assert sandbox.calls[0] == ("chat_conversations.start", {"chat_queue_id": 3, "client_id": "1234"})


def test_httpie(sandbox: SandboxServer, tmp_path: Path) -> None:
    http = [binary("http"), "--ignore-stdin", "--check-status", "--body", "-a", "api_user:api_pass"]
    env = client_env(tmp_path)
    url = sandbox.base_url + "/api"
    started = json.loads(run([*http, "POST", f"{url}/chat_conversations/start", "chat_queue_id==3"], env))
    conversation_id = started["conversation_id"]
    assert UUID.match(conversation_id)
    run([*http, "POST", f"{url}/chat_conversations/{conversation_id}/message", f"text={TEXT}"], env)
    run([*http, "POST", f"{url}/chat_conversations/{conversation_id}/stop"], env)
    listing = json.loads(run([*http, "GET", f"{url}/chats", "include_messages==true"], env))
    assert_listed(listing, conversation_id)


def test_python_requests(sandbox: SandboxServer) -> None:
    with requests.Session() as session:
        session.auth = ("api_user", "api_pass")
        session.trust_env = False  # no proxy: tests touch only 127.0.0.1
        url = sandbox.base_url + "/api"
        started = session.post(f"{url}/chat_conversations/start", params={"chat_queue_id": 3}, timeout=10)
        started.raise_for_status()
        conversation_id = started.json()["conversation_id"]
        session.post(f"{url}/chat_conversations/{conversation_id}/message", json={"text": TEXT}, timeout=10)
        session.post(f"{url}/chat_conversations/{conversation_id}/stop", timeout=10).raise_for_status()
        listing = session.get(f"{url}/chats", params={"include_messages": "true"}, timeout=10)
        assert_listed(listing.json(), conversation_id)


NODE_SCRIPT = r"""
const [base, text] = process.argv.slice(1);
const headers = {authorization: "Basic " + Buffer.from("api_user:api_pass").toString("base64"),
                 "content-type": "application/json; charset=utf-8"};
async function call(method, path, body) {
  const answer = await fetch(base + path, {method, headers, body});
  const got = await answer.text();
  if (!answer.ok) throw new Error(`${method} ${path}: HTTP ${answer.status} ${got}`);
  return got ? JSON.parse(got) : null;
}
const {conversation_id} = await call("POST", "/api/chat_conversations/start?chat_queue_id=3");
await call("POST", `/api/chat_conversations/${conversation_id}/message`, JSON.stringify({text}));
await call("POST", `/api/chat_conversations/${conversation_id}/stop`);
const listing = await call("GET", "/api/chats?include_messages=true");
const polish = await fetch(base + "/api/no_such_thing", {headers: {...headers, "accept-language": "pl"}});
console.log(JSON.stringify({conversation_id, listing, polish: [polish.status, await polish.json()]}));
"""


def test_nodes_built_in_fetch_with_lower_case_header_names(sandbox: SandboxServer, tmp_path: Path) -> None:
    node = binary("node")  # node -e: process.argv is [node, base, text]
    command = [node, "--input-type=module", "-e", NODE_SCRIPT, sandbox.base_url, TEXT]
    out = json.loads(run(command, client_env(tmp_path)))
    assert UUID.match(out["conversation_id"])
    assert_listed(out["listing"], out["conversation_id"])
    status, body = out["polish"]
    assert status == 404 and body["errors"][0]["message"] == "Nie znaleziono zasobu /api/no_such_thing."
