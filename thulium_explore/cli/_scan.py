"""``thulium-explore scan``: secrets and personal data in cassettes and notebooks."""

from __future__ import annotations

import argparse
import json

SCAN_FORMATS = ("text", "json", "sarif", "github")


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
    parser.add_argument(
        "--format",
        choices=SCAN_FORMATS,
        default="text",
        help="text (file:line: what), json, sarif (SARIF 2.1.0 for code scanning) or github (workflow annotations)",
    )


def run_scan(args: argparse.Namespace) -> int:
    """Print the findings in the chosen format; exit 1 when there is any, 0 when clean."""
    from thulium_explore.scanner._scan import scan  # here, not at import: every other command skips its rules

    report = scan(args.paths, allow_domains=args.allow_domain, allow_file=args.allow_file)
    if args.format == "json":
        print(json.dumps({**report.as_dict(), "summary": report.summary()}, indent=2, ensure_ascii=False))
    elif args.format == "sarif":
        from thulium_explore.scanner._sarif import sarif

        print(json.dumps(sarif(report), indent=2, ensure_ascii=False))
    elif args.format == "github":
        from thulium_explore.scanner._sarif import github_annotations

        print("\n".join(github_annotations(report)))
    else:
        print("\n".join(report.lines()))
    return report.exit_code
