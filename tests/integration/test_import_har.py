"""``thulium-explore import-har``: the cassette written, canaries gone in every encoding, verified on the spot;
bad HAR, an existing output and nothing to keep are exit 2, one line, nothing written."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from thulium_explore import verify
from thulium_explore.cli import main

HAR = Path(__file__).resolve().parents[1] / "data" / "har"
CANARIES = (
    "CanaryPass-7781",  # the password in the Authorization header
    "api_user:CanaryPass-7781",
    base64.b64encode(b"api_user:CanaryPass-7781").decode(),  # the header's own value
    "CanaryCookie5521",  # the cookie
    "canary.user@firma-canary.pl",  # an e-mail in an undocumented field
    "jan.kowalski@firma-canary.pl",  # an e-mail in the query
    "CanaryTrace-3344",  # an undocumented value
    "acme.thulium.com",  # the tenant's host
)


def _forms(value: str) -> set[str]:
    return {
        value,
        value.lower(),
        urllib.parse.quote(value, safe=""),
        urllib.parse.quote_plus(value),
        json.dumps(value)[1:-1],
        base64.b64encode(value.encode()).decode(),
        base64.urlsafe_b64encode(value.encode()).decode(),
    }


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["import-har", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _no_tenant(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("THULIUM_BASE_URL", raising=False)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_capture_becomes_a_scrubbed_verified_cassette(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    out = tmp_path / "cassettes" / f"from-browser{suffix}"
    code, stdout, stderr = run(capsys, str(HAR / "capture.har"), "-o", str(out))
    assert (code, stderr) == (0, "")
    lines = stdout.splitlines()
    assert lines[0] == (
        "import-har: kept 2 of 5 entries; dropped 3: 1 on other hosts, 1 outside /api/, 1 without an answer; "
        f"wrote {out}"
    )
    assert lines[-1] == "verify: 2 interactions in 1 cassette: 1 pass, 1 pass (drift)"
    assert f"{out}:0 POST /api/chat_conversations/start 200 pass (drift)" in lines
    raw = out.read_bytes()
    for canary in CANARIES:
        for form in _forms(canary):
            assert form.encode() not in raw, form
    assert b"Authorization" not in raw and b"Cookie" not in raw
    assert verify([out]).ok  # what was written reads back as a cassette


def test_an_existing_output_is_kept_unless_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.yaml"
    out.write_text("mine\n")
    code, stdout, stderr = run(capsys, str(HAR / "capture.har"), "-o", str(out))
    assert code == 2 and stdout == ""
    assert stderr == (
        f"-o {out}: already exists; pass --overwrite to replace it "
        "(example: thulium-explore import-har capture.har -o cassettes/from-browser.yaml --overwrite)\n"
    )
    assert out.read_text() == "mine\n"
    for flag in ("--overwrite", "--force"):
        out.write_text("mine\n")
        assert run(capsys, str(HAR / "capture.har"), "-o", str(out), flag)[0] == 0
        assert out.read_text().startswith("version: 1\n")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not_json.har", "not_json.har: not JSON (Expecting value: line 1 column 1 (char 0)); a HAR file is JSON"),
        ("wrong_shape.har", "wrong_shape.har: log.entries: missing or not a list"),
        ("bad_status.har", "bad_status.har: log.entries[1].response.status: 'OK' is not an HTTP status"),
    ],
)
def test_bad_har_is_exit_2_one_line_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    out = tmp_path / "out.yaml"
    code, stdout, stderr = run(capsys, str(HAR / name), "-o", str(out))
    assert code == 2 and stdout == ""
    assert stderr.count("\n") == 1 and message in stderr and "Traceback" not in stderr
    assert not out.exists()


def test_deeply_nested_and_huge_files_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deep = tmp_path / "deep.har"
    deep.write_bytes(b'{"log": ' + b"[" * 200_000 + b"]" * 200_000 + b"}")
    code, _, stderr = run(capsys, str(deep), "-o", str(tmp_path / "a.yaml"))
    assert code == 2 and "nested too deeply" in stderr and stderr.count("\n") == 1
    huge = tmp_path / "huge.har"
    with huge.open("wb") as handle:  # sparse: 60 MB that take no disk and are never read
        handle.truncate(60_000_000)
    code, _, stderr = run(capsys, str(huge), "-o", str(tmp_path / "b.yaml"))
    assert code == 2 and "60000000 bytes is over the 50 MB limit for a HAR file" in stderr
    assert not (tmp_path / "a.yaml").exists() and not (tmp_path / "b.yaml").exists()


def test_nothing_to_keep_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    har = json.loads((HAR / "capture.har").read_text())
    har["log"]["entries"] = har["log"]["entries"][2:4]  # the CDN script and the panel page
    source = tmp_path / "other.har"
    source.write_text(json.dumps(har))
    code, _, stderr = run(capsys, str(source), "-o", str(tmp_path / "out.yaml"))
    assert code == 2
    assert "no Thulium API calls to import (kept 0 of 2 entries; dropped 2: 1 on other hosts, 1 outside /api/" in stderr
    assert not (tmp_path / "out.yaml").exists()


def test_a_violation_is_exit_1_and_the_cassette_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    har = json.loads((HAR / "capture.har").read_text())
    har["log"]["entries"][0]["response"]["content"] = {
        "mimeType": "application/json",
        "text": '{"conversation_id": 42}',
    }
    source = tmp_path / "bad.har"
    source.write_text(json.dumps(har))
    out = tmp_path / "out.yaml"
    code, stdout, _ = run(capsys, str(source), "-o", str(out))
    assert code == 1 and out.exists()
    assert f"{out}:0 POST /api/chat_conversations/start 200 FAIL" in stdout
    assert "  response $.conversation_id: 42 is not of type 'string' (got 42)" in stdout
    assert stdout.splitlines()[-1].startswith("verify: 2 interactions in 1 cassette:")


def test_the_tenant_host_and_named_hosts_are_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    har = json.loads((HAR / "capture.har").read_text())
    for entry in har["log"]["entries"]:
        entry["request"]["url"] = entry["request"]["url"].replace("https://acme.thulium.com", "http://127.0.0.1:8765")
    source = tmp_path / "sandbox.har"
    source.write_text(json.dumps(har))
    assert run(capsys, str(source), "-o", str(tmp_path / "a.yaml"))[0] == 2
    assert run(capsys, str(source), "-o", str(tmp_path / "b.yaml"), "--host", "127.0.0.1:8765")[0] == 0
    monkeypatch.setenv("THULIUM_BASE_URL", "http://127.0.0.1:8765")
    assert run(capsys, str(source), "-o", str(tmp_path / "c.yaml"))[0] == 0
    assert b"127.0.0.1" not in (tmp_path / "c.yaml").read_bytes()


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    exe = shutil.which("thulium-explore", path=os.path.dirname(sys.executable))
    assert exe is not None
    done = subprocess.run(
        [exe, "import-har", str(HAR / "not_json.har"), "-o", str(tmp_path / "x.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1


def test_a_folder_given_as_the_har_is_named_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(tmp_path), "-o", str(tmp_path / "out.yaml"))
    assert code == 2 and "is a folder, not a HAR file" in err and err.count("\n") == 1
    assert not (tmp_path / "out.yaml").exists()
