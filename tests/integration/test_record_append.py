"""Recording into an existing cassette adds to it; replacing it takes an explicit overwrite.

The committed 7-interaction ``cassettes/chat_lifecycle.yaml`` is the user's cassette here (copied
into tmp_path): ``call … --mode record``, ``connect("record")`` and ``recorder(…, overwrite=False)``
append after its interactions, which stay byte for byte; ``--overwrite`` / ``overwrite=True``
replace it. A cassette that cannot be written — no such folder, a folder, an unwritable folder — is
a one-line CassetteError naming the path, and nothing is half-written.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from thulium_explore import CassetteError, ConfigError, Sandbox, ThuliumClient, connect, recorder
from thulium_explore.cli import main

REPO = Path(__file__).resolve().parents[2]
LIFECYCLE = REPO / "cassettes" / "chat_lifecycle.yaml"
TENANT_PASSWORD = "Tenant-hasło-ż-7Q"  # a sandbox password, planted to check scrubbing


@pytest.fixture(autouse=True)
def no_tenant(monkeypatch: pytest.MonkeyPatch) -> None:
    """No THULIUM_* from the environment: record mode runs against a fresh sandbox."""
    for name in ("THULIUM_MODE", "THULIUM_CASSETTE", "THULIUM_BASE_URL", "THULIUM_API_USER", "THULIUM_API_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def users_cassette(tmp_path: Path) -> Path:
    """The user's 7-interaction cassette."""
    path = tmp_path / "x.yaml"
    shutil.copyfile(LIFECYCLE, path)
    assert count(path) == 7
    return path


@pytest.fixture
def tenant() -> Iterator[tuple[dict[str, str], list[str]]]:
    """A seeded sandbox standing in for the tenant: its THULIUM_* environment and the requests it got."""
    lines: list[str] = []
    with Sandbox(seed=0, password=TENANT_PASSWORD, log=lines.append) as sandbox:
        yield (
            {
                "THULIUM_BASE_URL": sandbox.base_url,
                "THULIUM_API_USER": sandbox.user,
                "THULIUM_API_PASSWORD": TENANT_PASSWORD,
            },
            lines,
        )


def count(path: Path) -> int:
    return len(yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"])


def interactions_text(text: str) -> str:
    """A YAML cassette's text up to its metadata block: the version and every interaction."""
    head, _, _ = text.partition("\nmetadata:\n")
    return head


def uris(path: Path) -> list[str]:
    return [i["request"]["uri"] for i in yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"]]


def call(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["call", "chat_conversations.start", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def replay_client() -> ThuliumClient:
    return ThuliumClient("https://your-system-name.thulium.com", "api_user", "api_pass")


def assert_replays_old_and_new(path: Path, new_queue_id: int) -> None:
    """The combined file replays: an interaction that was there before, and the new one."""
    with recorder(path, "replay"):
        client = replay_client()
        assert client.chats.list(status="CLOSED", include_messages=True).json["count"] == 1
        assert client.chat_conversations.start(chat_queue_id=new_queue_id).status == 200


# -- item 1: recording adds to an existing cassette --------------------------------------------------


def test_call_record_adds_to_an_existing_cassette(users_cassette: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = users_cassette.read_text(encoding="utf-8")
    code, _, err = call(capsys, "chat_queue_id=3", "--mode", "record", "--cassette", str(users_cassette))
    assert (code, err) == (0, ""), err
    after = users_cassette.read_text(encoding="utf-8")
    assert count(users_cassette) == 8
    assert after.startswith(interactions_text(before) + "\n- request:")  # the 7 kept byte for byte, then the new one
    assert uris(users_cassette)[:7] == uris(LIFECYCLE)
    assert uris(users_cassette)[7].endswith("/api/chat_conversations/start?chat_queue_id=3")
    assert_replays_old_and_new(users_cassette, 3)


def test_call_record_with_overwrite_replaces_the_cassette(
    users_cassette: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = call(capsys, "chat_queue_id=4", "--mode", "record", "--cassette", str(users_cassette), "--overwrite")
    assert (code, err) == (0, ""), err
    assert count(users_cassette) == 1
    assert uris(users_cassette)[0].endswith("?chat_queue_id=4")


def test_overwrite_outside_record_mode_is_a_one_line_usage_error(
    users_cassette: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = users_cassette.read_bytes()
    code, _, err = call(capsys, "chat_queue_id=3", "--mode", "replay", "--cassette", str(users_cassette), "--overwrite")
    assert code == 2 and err.count("\n") == 1, err
    assert "--overwrite" in err and "record" in err and "example: " in err
    assert users_cassette.read_bytes() == before
    with pytest.raises(ConfigError, match=r"overwrite: only record mode writes a cassette"):
        connect("replay", cassette=users_cassette, environ={}, overwrite=True)


def test_connect_record_adds_and_overwrite_true_replaces(users_cassette: Path) -> None:
    before = users_cassette.read_text(encoding="utf-8")
    with connect("record", cassette=users_cassette, environ={}) as conn:
        conn.client.chat_conversations.start(chat_queue_id=5)
        conn.client.chat_conversations.start(chat_queue_id=6)
    assert count(users_cassette) == 9
    assert users_cassette.read_text(encoding="utf-8").startswith(interactions_text(before) + "\n- request:")
    assert_replays_old_and_new(users_cassette, 6)
    with connect("record", cassette=users_cassette, environ={}, overwrite=True) as conn:
        conn.client.chat_conversations.start(chat_queue_id=7)
    assert count(users_cassette) == 1


def test_recorder_appends_by_default_and_replaces_with_overwrite_true(users_cassette: Path) -> None:
    """``recorder()`` adds, like connect(); ``thulium-explore record`` re-records with overwrite=True."""
    with Sandbox() as sandbox, recorder(users_cassette, "record"):
        sandbox.client().chat_conversations.start(chat_queue_id=8)
    assert count(users_cassette) == 8
    with Sandbox() as sandbox, recorder(users_cassette, "record", overwrite=True):
        sandbox.client().chat_conversations.start(chat_queue_id=9)
    assert count(users_cassette) == 1


def test_a_session_that_records_nothing_leaves_the_cassette_as_it_was(users_cassette: Path) -> None:
    before = users_cassette.read_bytes()
    with connect("record", cassette=users_cassette, environ={}):
        pass
    assert users_cassette.read_bytes() == before


def test_a_block_ending_in_an_exception_leaves_the_cassette_untouched(users_cassette: Path) -> None:
    before = users_cassette.read_bytes()

    def failing() -> None:
        with connect("record", cassette=users_cassette, environ={}) as conn:
            conn.client.chat_conversations.start(chat_queue_id=3)
            raise RuntimeError("the notebook cell failed")

    with pytest.raises(RuntimeError, match="cell failed"):
        failing()
    assert users_cassette.read_bytes() == before
    assert [p.name for p in users_cassette.parent.iterdir()] == ["x.yaml"]


def test_appended_interactions_are_scrubbed(users_cassette: Path, tenant: tuple[dict[str, str], list[str]]) -> None:
    env, lines = tenant
    port = env["THULIUM_BASE_URL"].rsplit(":", 1)[1]
    with connect("record", cassette=users_cassette, environ=env) as conn:
        assert conn.client.chat_conversations.start(chat_queue_id=3, client_email="jan.kowalski@firma.pl").ok
    assert lines == ["POST /api/chat_conversations/start -> 200"]
    new = users_cassette.read_text(encoding="utf-8")
    for leak in (TENANT_PASSWORD, "127.0.0.1", f":{port}", "jan.kowalski", "firma.pl"):
        assert leak not in new, leak
    assert "authorization" not in new.lower()
    assert uris(users_cassette)[7].startswith("https://your-system-name.thulium.com/api/chat_conversations/start?")


def test_appending_is_byte_reproducible(tmp_path: Path) -> None:
    written = []
    for name in ("a.yaml", "b.yaml"):
        path = tmp_path / name
        shutil.copyfile(LIFECYCLE, path)
        with Sandbox(seed=0) as sandbox:
            env = {
                "THULIUM_BASE_URL": sandbox.base_url,
                "THULIUM_API_USER": sandbox.user,
                "THULIUM_API_PASSWORD": sandbox.password,
            }
            with connect("record", cassette=path, environ=env) as conn:
                conn.client.session.headers.update({"User-Agent": "thulium-explore-test"})
                conn.client.chat_conversations.start(chat_queue_id=3)
        written.append(path.read_bytes())
    assert written[0] == written[1]
    assert count(tmp_path / "a.yaml") == 8


def test_a_json_cassette_is_appended_to(tmp_path: Path) -> None:
    import json

    path = tmp_path / "session.json"
    with connect("record", cassette=path, environ={}) as conn:
        conn.client.chat_conversations.start(chat_queue_id=3)
    first = path.read_text(encoding="utf-8")
    with connect("record", cassette=path, environ={}) as conn:
        conn.client.chat_conversations.start(chat_queue_id=4)
    text = path.read_text(encoding="utf-8")
    assert [i["request"]["uri"].rsplit("=", 1)[1] for i in json.loads(text)["interactions"]] == ["3", "4"]
    kept, _, _ = first.partition('\n  ],\n  "metadata"')
    assert text.startswith(kept + ",\n    {")  # the first recording byte for byte, then the new one
    with recorder(path, "replay"):
        client = replay_client()
        assert [client.chat_conversations.start(chat_queue_id=q).status for q in (4, 3)] == [200, 200]


def test_an_unreadable_cassette_is_not_replaced_by_recording(
    tmp_path: Path, tenant: tuple[dict[str, str], list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    env, lines = tenant
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\ninteractions: [ {request: \n", encoding="utf-8")
    with pytest.raises(CassetteError) as caught:
        connect("record", cassette=broken, environ=env)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{broken}: invalid YAML at line 3")
    assert "--overwrite" in message and "overwrite=True" in message
    assert lines == []  # nothing was sent
    assert broken.read_text(encoding="utf-8") == "version: 1\ninteractions: [ {request: \n"
    with connect("record", cassette=broken, environ=env, overwrite=True) as conn:
        conn.client.chat_conversations.start(chat_queue_id=3)
    assert count(broken) == 1


def test_an_empty_file_is_recorded_into(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    path.touch()
    with connect("record", cassette=path, environ={}) as conn:
        conn.client.chat_conversations.start(chat_queue_id=3)
    assert count(path) == 1


# -- item 3: a cassette that cannot be written is one line, before anything is sent ------------------


def test_a_missing_folder_is_one_line_and_nothing_is_made(
    tmp_path: Path, tenant: tuple[dict[str, str], list[str]]
) -> None:
    env, lines = tenant
    target = tmp_path / "typo" / "session.yaml"
    with pytest.raises(CassetteError) as caught:
        connect("record", cassette=target, environ=env)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{target}: ")
    assert f"the folder {tmp_path / 'typo'} does not exist" in message and "(example: mkdir -p" in message
    assert lines == [] and list(tmp_path.iterdir()) == []


def test_call_into_a_missing_folder_exits_2_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "typo" / "session.yaml"
    code, out, err = call(capsys, "chat_queue_id=3", "--mode", "record", "--cassette", str(target))
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert err.startswith(f"error: {target}: ") and "example: " in err
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_the_cassette_is_one_line(tmp_path: Path, tenant: tuple[dict[str, str], list[str]]) -> None:
    env, lines = tenant
    folder = tmp_path / "cassettes"
    folder.mkdir()
    with pytest.raises(CassetteError) as caught:
        connect("record", cassette=folder, environ=env)
    with pytest.raises(CassetteError) as directly, Sandbox() as sandbox, recorder(folder, "record"):
        sandbox.client().chat_conversations.start(chat_queue_id=3)
    for message in (str(caught.value), str(directly.value)):
        assert "\n" not in message and message.startswith(f"{folder}: is a folder")
        assert f"(example: {folder / 'session.yaml'})" in message
    assert lines == [] and list(folder.iterdir()) == []


@pytest.fixture
def read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder nobody may write in (root ignores permission bits, so the refusal is simulated too)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    original = os.access

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if Path(path) == folder and mode & os.W_OK:
            return False
        return original(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    return folder


def test_an_unwritable_folder_is_one_line_before_anything_is_sent(
    read_only: Path, tenant: tuple[dict[str, str], list[str]]
) -> None:
    env, lines = tenant
    target = read_only / "session.yaml"
    with pytest.raises(CassetteError) as caught:
        connect("record", cassette=target, environ=env)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{target}: cannot write in the folder {read_only}")
    assert "example: " in message
    assert lines == [] and list(read_only.iterdir()) == []


def test_a_write_refused_at_the_end_is_one_line_and_keeps_the_old_cassette(
    users_cassette: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permissions taken away during the session: the save fails in one line, the old file stays whole,
    and vcrpy no longer intercepts HTTP (it unpatches only after a save that succeeds)."""
    before = users_cassette.read_bytes()
    folder = users_cassette.parent
    original = os.open

    def refuse(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path).parent == folder and flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(13, "Permission denied", str(path))
        return original(path, flags, *args, **kwargs)

    conn = connect("record", cassette=users_cassette, environ={})
    conn.client.chat_conversations.start(chat_queue_id=3)
    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(CassetteError) as caught:
        conn.close()  # the cassette is saved now
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{users_cassette}: cannot write the cassette")
    assert "Permission denied" in message and "example: " in message
    monkeypatch.undo()
    assert users_cassette.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["x.yaml"]
    recorded = len(conn.recording.data)
    with Sandbox() as sandbox:  # HTTP is back to normal: nothing more goes into the failed recording
        assert sandbox.client().chat_conversations.start(chat_queue_id=4).ok
    assert len(conn.recording.data) == recorded
