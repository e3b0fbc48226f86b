"""The one atomic write: what sits at the target is written, never replaced by something else.

A symlink stays a symlink (its target gets the text), a device or a FIFO is written in place, an
existing file keeps its mode, a new file gets the umask's default, a failure leaves nothing behind.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from thulium_explore._files import write_atomic

TEXT = "zażółć gęślą jaźń\nline two\n"


def umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_a_new_file_gets_the_text_and_the_umasks_default_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    write_atomic(target, TEXT)
    assert target.read_bytes() == TEXT.encode("utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask()
    assert [p.name for p in tmp_path.iterdir()] == ["new.yaml"]


def test_a_new_file_follows_another_umask(tmp_path: Path) -> None:
    previous = os.umask(0o077)
    try:
        write_atomic(tmp_path / "private.yaml", TEXT)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "private.yaml").stat().st_mode) == 0o600


@pytest.mark.parametrize("mode", [0o640, 0o600, 0o664, 0o444], ids=oct)
def test_an_existing_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "kept.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(mode)
    write_atomic(target, TEXT)
    assert target.read_text(encoding="utf-8") == TEXT
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_a_symlink_stays_a_symlink_and_its_target_gets_the_text(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    real = tmp_path / "real" / "session.yaml"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "links" / "session.yaml"
    link.symlink_to(Path("..") / "real" / "session.yaml")
    write_atomic(link, TEXT)
    assert link.is_symlink()
    assert os.readlink(link) == str(Path("..") / "real" / "session.yaml")
    assert real.read_text(encoding="utf-8") == TEXT
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["session.yaml"]  # no temporary left
    assert sorted(p.name for p in (tmp_path / "links").iterdir()) == ["session.yaml"]


def test_a_chain_of_symlinks_is_followed_to_the_end(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n", encoding="utf-8")
    (tmp_path / "middle.yaml").symlink_to("real.yaml")
    (tmp_path / "first.yaml").symlink_to("middle.yaml")
    write_atomic(tmp_path / "first.yaml", TEXT)
    assert (tmp_path / "first.yaml").is_symlink() and (tmp_path / "middle.yaml").is_symlink()
    assert real.read_text(encoding="utf-8") == TEXT


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to("later.yaml")
    write_atomic(link, TEXT)
    assert link.is_symlink()
    assert (tmp_path / "later.yaml").read_text(encoding="utf-8") == TEXT


@pytest.fixture
def never_replaced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refuse (and list) any rename onto a path: on unfixed code a device test must fail, not clobber it."""
    refused: list[str] = []
    original = os.replace

    def guarded(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        if not stat.S_ISREG(os.stat(dst).st_mode if os.path.exists(dst) else stat.S_IFREG):
            refused.append(str(dst))
            raise AssertionError(f"write_atomic tried to rename a file over the non-regular {dst}")
        original(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", guarded)
    return refused


def test_a_fifo_is_written_in_place(tmp_path: Path, never_replaced: list[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # the other end is open, so opening to write won't block
    try:
        write_atomic(fifo, TEXT)
        received = os.read(reader, 65536)
    finally:
        os.close(reader)
    assert received == TEXT.encode("utf-8")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert never_replaced == []
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def character_device(tmp_path: Path) -> Path:
    """A null device of our own in tmp_path (root can make one), else the system's /dev/null."""
    try:
        os.mknod(tmp_path / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        assert Path("/dev/null").exists(), "needs /dev/null or the right to make a device node"
        return Path("/dev/null")
    return tmp_path / "null"


def test_a_character_device_is_written_in_place_and_stays_a_device(tmp_path: Path, never_replaced: list[str]) -> None:
    device = character_device(tmp_path)
    before = device.stat()
    write_atomic(device, TEXT)
    after = device.stat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev, stat.S_IMODE(after.st_mode)) == (
        before.st_ino,
        before.st_rdev,
        stat.S_IMODE(before.st_mode),
    )
    assert never_replaced == []
    assert sorted(p.name for p in tmp_path.iterdir()) == (["null"] if device.parent == tmp_path else [])


def test_the_system_dev_null_stays_a_character_device(never_replaced: list[str]) -> None:
    """What ``openapi -o /dev/null`` does (run as root it used to leave a regular file there)."""
    write_atomic(Path("/dev/null"), TEXT)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert never_replaced == []


def test_a_symlink_to_a_device_writes_the_device(tmp_path: Path, never_replaced: list[str]) -> None:
    device = character_device(tmp_path)
    link = tmp_path / "out.json"
    link.symlink_to(device)
    write_atomic(link, TEXT)
    assert link.is_symlink() and stat.S_ISCHR(device.stat().st_mode)
    assert never_replaced == []


def test_a_folder_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomic(folder, TEXT)
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["folder"]


def test_a_missing_folder_is_an_error_and_nothing_is_made(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "missing" / "x.yaml", TEXT)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "kept.yaml"
    target.write_text("old\n", encoding="utf-8")

    def full_disk(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, TEXT)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.yaml"]
