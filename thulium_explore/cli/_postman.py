"""``thulium-explore postman``: the catalog as a Postman Collection v2.1 (JSON), to stdout or atomically to a file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from thulium_explore._files import write_atomic
from thulium_explore.cli._usage import UsageError

_EXAMPLE = "-o thulium.postman_collection.json"


def setup_postman(parser: argparse.ArgumentParser) -> None:
    """``thulium-explore postman [-o FILE]``."""
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")


def run_postman(args: argparse.Namespace) -> int:
    """Build the whole collection first, then write it in one go (nothing half-written on failure)."""
    from thulium_explore.postman import postman_collection  # late: every command's start-up stays light

    text = json.dumps(postman_collection(), indent=2, ensure_ascii=False) + "\n"
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    path = Path(args.output)
    if path.is_dir():
        raise UsageError(f"-o {args.output}: is a folder; give a file name (example: {_EXAMPLE})")
    try:
        write_atomic(path, text)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UsageError(f"-o {args.output}: cannot write the file ({reason}) (example: {_EXAMPLE})") from None
    print(f"wrote {path} ({len(text.encode('utf-8'))} bytes)", file=sys.stderr)
    return 0
