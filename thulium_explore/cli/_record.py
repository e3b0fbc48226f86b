"""``thulium-explore record``: cassettes from a recipe file."""

from __future__ import annotations

import argparse
from pathlib import Path

from thulium_explore.connection._recipes import record_recipe


def setup_record(parser: argparse.ArgumentParser) -> None:
    """Flags of the ``record`` command."""
    parser.add_argument("recipe", help="recipe file (YAML), e.g. scripts/cassette_recipes.yaml")
    parser.add_argument("--out", default="cassettes", help="folder for the cassettes (default: cassettes)")
    parser.add_argument("--seed", type=int, default=0, help="sandbox seed (uuids, request ids; default 0)")
    parser.add_argument(
        "--allow-field",
        action="append",
        default=[],
        metavar="ENDPOINT:PATH",
        help="store this undocumented field as received, e.g. customers.get:$.note "
        "(default: every field no schema documents is stored as a placeholder); repeatable",
    )


def run_record(args: argparse.Namespace) -> int:
    """Record the recipe; exit 1 when a status differs from what the recipe expects."""
    mismatches = record_recipe(Path(args.recipe), Path(args.out), seed=args.seed, allow=args.allow_field)
    if mismatches:
        print(f"{mismatches} answer(s) had another status than the recipe expects (see EXPECTED above)", flush=True)
    return 1 if mismatches else 0
