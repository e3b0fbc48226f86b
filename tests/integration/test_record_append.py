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

from thulium_explore import CassetteError, Sandbox, ThuliumClient, connect, recorder
from thulium_explore.cli._main import main

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
    """Permissions taken away during the session: the save fails in one line, the old file stays whole."""
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
