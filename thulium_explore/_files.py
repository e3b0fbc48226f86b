"""Files written whole or not at all: one atomic write for cassettes, the OpenAPI export and every other output."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

_ATTEMPTS = 100  # temporary names tried before giving up (each is 64 random bits: one is plenty)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, line ends as given) to ``path`` without ever replacing what the user put there.

    * A regular file (or a new one) is written through a temporary file next to it and a rename,
      flushed to disk first, so a crash leaves the old file or the new one, never half of either.
      An existing file keeps its permission bits; a new one gets the usual ``0666`` less the umask.
    * A symlink is followed to its final target, which is written that way; the link stays a link
      (a dangling link gets its target created).
    * Anything else that exists — a character device, a FIFO (``/dev/null``, ``/dev/stdout``, a named
      pipe) — is opened and written in place, never replaced by a regular file.
    * A folder is refused (:class:`IsADirectoryError`); the folder written in must exist
      (:class:`FileNotFoundError` otherwise). A failure leaves no temporary file behind.
    """
    data = text.encode("utf-8")
    try:
        found = os.stat(path)  # follows symlinks: what the link finally points at
    except FileNotFoundError:
        found = None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if found is not None and not stat.S_ISREG(found.st_mode):
        with open(path, "wb") as stream:  # a device or a pipe: write into it, never rename over it
            stream.write(data)
        return
    target = Path(os.path.realpath(path))  # the file itself: a link's target is replaced, not the link
    mode = 0o666 if found is None else stat.S_IMODE(found.st_mode)
    fd, temporary = _create_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            if found is not None:
                os.fchmod(handle.fileno(), mode)  # the file's own bits, not the umask's default
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _create_beside(target: Path) -> tuple[int, Path]:
    """A new, empty temporary file in ``target``'s folder, created ``0666`` so the umask applies as usual."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(_ATTEMPTS):
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target.parent))
