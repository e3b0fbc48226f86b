"""``thulium-explore verify`` (cassettes) and ``verify-webhook`` (one received payload)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from thulium_explore._errors import WebhookError
from thulium_explore.contract._verify import verify
from thulium_explore.contract._webhooks import check_webhook, parse_payload


def setup_verify(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``thulium-explore verify``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="cassette files or folders (YAML or JSON)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--strict", action="store_true",
                        help="also fail on drift (undocumented fields) and unchecked (unknown) endpoints")


def run_verify(args: argparse.Namespace) -> int:
    """Print the report; exit 0 when every interaction conforms, 1 otherwise."""
    report = verify(args.paths, strict=args.strict)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False, default=str))
    else:
        print("\n".join(report.lines()))
    return report.exit_code


def setup_verify_webhook(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the received payload (JSON); - reads stdin")
    parser.add_argument("--event", metavar="NAME",
                        help="the event, e.g. CHAT_CONVERSATION_CLOSED; needed when the payload does not tell it")
    parser.add_argument("--json", action="store_true", help="print a JSON report")


def cmd_verify_webhook(args: argparse.Namespace) -> int:
    """Exit 0 when the payload conforms, 1 on a violation; unreadable input raises (exit 2)."""
    source = "stdin" if args.file == "-" else str(args.file)
    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        raise WebhookError(f"{source}: cannot read ({exc.strerror or exc})") from None
    verdict = check_webhook(parse_payload(raw, source), event=args.event)
    if args.json:
        print(json.dumps(verdict.as_dict(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(verdict.lines()))
    return 0 if verdict.ok else 1
