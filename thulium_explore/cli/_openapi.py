"""``thulium-explore openapi``: the catalog's OpenAPI document as JSON, to stdout or atomically to a file."""

from __future__ import annotations

import argparse
import json

from thulium_explore.catalog._catalog import Catalog
from thulium_explore.cli._usage import write_output
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
    return write_output(args.output, text, "-o openapi.json")
