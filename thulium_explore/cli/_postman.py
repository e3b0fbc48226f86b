"""``thulium-explore postman``: the catalog as a Postman Collection v2.1 (JSON), to stdout or atomically to a file."""

from __future__ import annotations

import argparse
import json

from thulium_explore.cli._usage import write_output

_EXAMPLE = "-o thulium.postman_collection.json"


def setup_postman(parser: argparse.ArgumentParser) -> None:
    """``thulium-explore postman [-o FILE]``."""
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")


def run_postman(args: argparse.Namespace) -> int:
    """Build the whole collection first, then write it in one go (nothing half-written on failure)."""
    from thulium_explore.postman import postman_collection  # late: every command's start-up stays light

    text = json.dumps(postman_collection(), indent=2, ensure_ascii=False) + "\n"
    return write_output(args.output, text, _EXAMPLE)
