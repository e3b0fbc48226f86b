"""``thulium-explore openapi``: the catalog's OpenAPI document as JSON, to stdout or atomically to a file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from thulium_explore._files import write_atomic
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.cli._usage import UsageError
from thulium_explore.openapi import _export as _openapi
from thulium_explore.openapi._export import DEFAULT_SYSTEM


def openapi_json(catalog: Catalog | None = None, *, system: str = DEFAULT_SYSTEM) -> str:
    """The document as pretty-printed JSON text, ending with a newline."""
    return json.dumps(_openapi.openapi_document(catalog, system=system), indent=2, ensure_ascii=False) + "\n"


def setup_openapi(parser: argparse.ArgumentParser) -> None:
    """``thulium-explore openapi [-o FILE] [--system NAME]``."""
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    parser.add_argument(
        "--system",
        default=DEFAULT_SYSTEM,
        help=f"default of the {{system}} server variable (default: {DEFAULT_SYSTEM})",
    )


def cmd_openapi(args: argparse.Namespace) -> int:
    """Generate the document first, then write it in one go (nothing half-written on failure)."""
    text = openapi_json(system=args.system)
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    path = Path(args.output)
    if path.is_dir():
        raise UsageError(f"-o {args.output}: is a folder; give a file name (example: -o openapi.json)")
    try:
        write_atomic(path, text)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UsageError(f"-o {args.output}: cannot write the file ({reason}) (example: -o openapi.json)") from None
    print(f"wrote {path} ({len(text.encode('utf-8'))} bytes)", file=sys.stderr)
    return 0
