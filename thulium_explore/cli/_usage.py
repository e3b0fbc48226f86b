"""What every command shares: exit codes, the one-line usage error, the parser that raises it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NoReturn

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


Setup = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace], int]
