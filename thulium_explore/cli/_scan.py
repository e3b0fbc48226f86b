"""``thulium-explore scan``: secrets and personal data in cassettes and notebooks."""

from __future__ import annotations

import argparse

from thulium_explore.scanner._scan import scan


def setup_scan(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``thulium-explore scan``."""
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="cassettes, notebooks or folders (folders: *.yaml, *.yml, *.json, *.ipynb)",
    )
    parser.add_argument(
        "--allow-domain",
        action="append",
        default=[],
        metavar="DOMAIN",
        help="an e-mail domain that may appear (repeatable), e.g. your support address's",
    )
    parser.add_argument(
        "--allow-file",
        metavar="FILE",
        default=None,
        help="findings silenced on purpose, one PATH:LINE or PATH:LINE: MESSAGE a line "
        "(default: ./.thulium-scan-allow when it exists)",
    )


def run_scan(args: argparse.Namespace) -> int:
    """Print ``file:line: what`` for each finding; exit 1 when there is any, 0 when clean."""
    report = scan(args.paths, allow_domains=args.allow_domain, allow_file=args.allow_file)
    for finding in report.findings:
        print(finding)
    print(report.summary())
    return report.exit_code
