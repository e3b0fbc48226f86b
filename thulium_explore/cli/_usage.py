"""What every command shares: exit codes, the one-line usage error, the parser that raises it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from thulium_explore._files import write_atomic

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit 2."""


class Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def fail(message: str, code: int) -> int:
    """Print ``message`` as one line on stderr and return ``code``."""
    print(" ".join(message.split()), file=sys.stderr)
    return code


def write_output(output: str | None, text: str, example: str) -> int:
    """Write a generated document to ``-o output`` in one go (stdout for None or ``-``); a folder or an
    unwritable path is a one-line UsageError naming ``-o`` and a right ``example``."""
    if output in (None, "-"):
        sys.stdout.write(text)
        return EXIT_OK
    path = Path(output)
    if path.is_dir():
        raise UsageError(f"-o {output}: is a folder; give a file name (example: {example})")
    try:
        write_atomic(path, text)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UsageError(f"-o {output}: cannot write the file ({reason}) (example: {example})") from None
    print(f"wrote {path} ({len(text.encode('utf-8'))} bytes)", file=sys.stderr)
    return EXIT_OK


Setup = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace], int]
