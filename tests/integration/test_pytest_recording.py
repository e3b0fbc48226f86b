"""pytest-recording with the plugin active, run in temporary projects (pytester): record against the sandbox,
replay offline with ``--record-mode=none --block-network``, a tampered cassette fails with verify's lines,
planted canaries never reach the cassette file."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
import yaml  # noqa: F401 - see below

from thulium_explore import verify

# pytester's in-process runs drop from sys.modules every module first imported inside them. PyYAML must be
# imported out here, once: cassettes/_yaml.py caches loader classes built on the yaml module it first saw,
# and a yaml imported afresh by each inner run would not match them.

pytest_plugins = ["pytester"]

CASSETTE = Path("cassettes/test_chat/test_start.yaml")

#: fails the run if anything starts a sandbox (set NO_SANDBOX=1): replay must not need a server
CONFTEST = """
import os
import pytest
from thulium_explore.sandbox import SandboxServer

@pytest.fixture(autouse=True)
def _no_sandbox(monkeypatch):
    if os.environ.get("NO_SANDBOX"):
        def refuse(self):
            raise AssertionError("a sandbox was started during replay")
        monkeypatch.setattr(SandboxServer, "start", refuse)
"""

TEST_START = """
import pytest

@pytest.mark.vcr
def test_start(thulium_client):
    result = thulium_client.chat_conversations.start(chat_queue_id=3, client_email="jan.kowalski@firma.pl")
    assert result.status == 200
    print("BASE", thulium_client.base_url)
"""

#: a sandbox whose answer carries canaries: an undocumented field, an e-mail in it, a cookie
CANARY_EMAIL = "canary.kowalska@firma-canary.pl"
CANARY_PESEL = "44051401359"
CANARY_COOKIE = "sessid=CanaryCookie77"
TEST_CANARY = f"""
import pytest
from thulium_explore import Reply, Sandbox

def start(call):
    return Reply(200, {{"conversation_id": call.new_uuid(), "pesel": "{CANARY_PESEL}",
                       "contact": {{"mail": "{CANARY_EMAIL}"}}}}, {{"Set-Cookie": "{CANARY_COOKIE}"}})

@pytest.fixture
def vcr_config():
    # a user's own hook must not replace the toolkit's scrubbing
    return {{"before_record_response": lambda response: response}}

@pytest.mark.vcr
def test_start():
    with Sandbox(handlers={{"chat_conversations.start": start}}) as sandbox, sandbox.client() as client:
        result = client.chat_conversations.start(chat_queue_id=3)
    assert result.json["pesel"] == "{CANARY_PESEL}"  # the test sees the real answer while recording
"""


def _project(pytester: pytest.Pytester, test: str = TEST_START) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_chat=test)


def _record(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    result = pytester.runpytest("-p", "no:cacheprovider", "--record-mode=once", "-s", *args)
    return result


def _replay(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, *args: str) -> pytest.RunResult:
    monkeypatch.setenv("NO_SANDBOX", "1")
    return pytester.runpytest("-p", "no:cacheprovider", "--record-mode=none", "--block-network", "-s", *args)


@pytest.fixture(autouse=True)
def _no_tenant(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("THULIUM_BASE_URL", "THULIUM_API_USER", "THULIUM_API_PASSWORD", "THULIUM_MODE", "NO_SANDBOX"):
        monkeypatch.delenv(name, raising=False)


def test_record_against_the_sandbox_then_replay_offline(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(pytester)
    recorded = _record(pytester)
    recorded.assert_outcomes(passed=1)
    recorded.stdout.fnmatch_lines(["*BASE http://127.0.0.1:*"])  # recorded against a sandbox on a random port
    text = (pytester.path / CASSETTE).read_text(encoding="utf-8")
    assert "https://your-system-name.thulium.com/api/chat_conversations/start?" in text
    assert "127.0.0.1" not in text and "jan.kowalski" not in text and "Authorization" not in text
    assert "person1%40example.org" in text
    assert "scrubbed:" in text  # the toolkit's persister wrote its metadata

    replayed = _replay(pytester, monkeypatch)
    replayed.assert_outcomes(passed=1)
    replayed.stdout.fnmatch_lines(["*BASE https://your-system-name.thulium.com"])  # no server, no socket
    assert (pytester.path / CASSETTE).read_text(encoding="utf-8") == text  # replay writes nothing
    # "once" with the cassette present only replays too: still no server
    again = pytester.runpytest("-p", "no:cacheprovider", "--record-mode=once", "-s")
    again.assert_outcomes(passed=1)
    again.stdout.fnmatch_lines(["*BASE https://your-system-name.thulium.com"])


def test_replay_without_the_cassette_fails_and_sends_nothing(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(pytester)
    result = _replay(pytester, monkeypatch)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*CannotOverwriteExistingCassetteException*"])
    assert not (pytester.path / CASSETTE).exists()


def test_a_tampered_cassette_fails_with_the_verify_message(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(pytester)
    _record(pytester).assert_outcomes(passed=1)
    path = pytester.path / CASSETTE
    path.write_text(
        re.sub(r'"conversation_id": "[^"]+"', '"conversation_id": 42', path.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    result = _replay(pytester, monkeypatch)
    result.assert_outcomes(failed=1)
    monkeypatch.chdir(pytester.path)
    expected = verify([str(CASSETTE)]).lines()[:-1]  # what `thulium-explore verify` prints, without the summary
    assert expected == [
        f"{CASSETTE}:0 POST /api/chat_conversations/start 200 FAIL",
        "  response $.conversation_id: 42 is not of type 'string' (got 42)",
    ]
    result.stdout.fnmatch_lines(expected)
    assert "Traceback" not in result.stdout.str()


def test_a_new_port_still_replays_what_was_recorded(pytester: pytest.Pytester) -> None:
    _project(pytester)
    _record(pytester).assert_outcomes(passed=1)
    before = (pytester.path / CASSETTE).read_text(encoding="utf-8")
    # new_episodes starts a fresh sandbox (another port): the recording is replayed, not recorded again
    again = pytester.runpytest("-p", "no:cacheprovider", "--record-mode=new_episodes")
    again.assert_outcomes(passed=1)
    assert (pytester.path / CASSETTE).read_text(encoding="utf-8").count("method: POST") == 1
    assert before.count("method: POST") == 1


def test_planted_canaries_never_reach_the_cassette(pytester: pytest.Pytester) -> None:
    _project(pytester, TEST_CANARY)
    result = _record(pytester)
    result.assert_outcomes(passed=1, warnings=1)  # drift: $.pesel and $.contact are not documented
    result.stdout.fnmatch_lines(["*ThuliumContractWarning*", "*drift*$.pesel*"])
    raw = (pytester.path / CASSETTE).read_bytes()
    for canary in (CANARY_EMAIL, CANARY_PESEL, CANARY_COOKIE, "CanaryCookie77", "firma-canary"):
        for form in (canary, json.dumps(canary)[1:-1], base64.b64encode(canary.encode()).decode()):
            assert form.encode() not in raw, form
    text = raw.decode("utf-8")
    assert "undocumented-" in text and "Set-Cookie" not in text


def test_drift_fails_with_thulium_strict(pytester: pytest.Pytester) -> None:
    _project(pytester, TEST_CANARY)
    result = _record(pytester, "--thulium-strict")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*test_start.yaml:0 POST /api/chat_conversations/start 200 FAIL (drift)"])


def test_a_violation_fails_while_recording(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_bad="""
        import pytest
        from thulium_explore import Reply, Sandbox

        @pytest.mark.vcr
        def test_bad():
            broken = {"chat_conversations.start": lambda call: Reply(200, {"conversation_id": 7})}
            with Sandbox(handlers=broken) as sandbox, sandbox.client() as client:
                assert client.chat_conversations.start(chat_queue_id=3).status == 200
        """
    )
    result = _record(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "cassettes/test_bad/test_bad.yaml:0 POST /api/chat_conversations/start 200 FAIL",
            "  response $.conversation_id: 7 is not of type 'string' (got 7)",
        ]
    )


def test_thulium_client_without_a_cassette_is_the_sandbox(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_plain="""
        def test_plain(thulium_client):
            assert thulium_client.base_url.startswith("http://127.0.0.1:")
            assert thulium_client.chat_conversations.start(chat_queue_id=3).ok
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)
