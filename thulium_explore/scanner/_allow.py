"""The allow-list file, ``.thulium-scan-allow``: findings silenced on purpose.

One entry a line, ``#`` starts a comment (say why)::

    # the support address is public on purpose
    cassettes/support.yaml:14
    notebooks/01_start.ipynb:52: Bearer token (scrub it: Bearer ***, or drop the header: vcrpy filter_headers)

``PATH:LINE`` silences every finding on that line; ``PATH:LINE: MESSAGE`` (a finding line copied
from the scan's output) silences that one finding. ``PATH`` is relative to the allow-list file's
folder. ``scan`` reads ``./.thulium-scan-allow`` when there is one, or the file given.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from thulium_explore._errors import ScanError

ALLOW_FILE = ".thulium-scan-allow"


@dataclass(frozen=True)
class AllowList:
    """Entries by (resolved path, line): None silences the whole line, else the messages silenced."""

    entries: dict[tuple[str, int], set[str] | None] = field(default_factory=dict)

    def allows(self, file: str, line: int, message: str) -> bool:
        if not self.entries:
            return False
        messages = self.entries.get((str(Path(file).resolve()), line), set())
        return messages is None or message in messages


def load_allow_list(path: str | os.PathLike[str] | None) -> AllowList:
    """The allow list in ``path``, or in ``./.thulium-scan-allow`` (empty when absent) when None."""
    explicit = path is not None
    file = Path(path) if path is not None else Path(ALLOW_FILE)
    if not file.is_file():
        if explicit:
            raise ScanError(f"{file}: no such allow-list file (entries look like cassettes/a.yaml:14)")
        return AllowList()
    entries: dict[tuple[str, int], set[str] | None] = {}
    for number, raw in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        where, colon, message = text.partition(": ")
        name, _, line = where.rpartition(":")
        if not name or not line.isdigit():
            raise ScanError(f"{file}:{number}: an entry is PATH:LINE or PATH:LINE: MESSAGE, e.g. cassettes/a.yaml:14")
        key = (str((file.parent / name).resolve()), int(line))
        if not colon:
            entries[key] = None
        elif entries.get(key, set()) is not None:
            entries.setdefault(key, set()).add(message.strip())  # type: ignore[union-attr]
    return AllowList(entries)
