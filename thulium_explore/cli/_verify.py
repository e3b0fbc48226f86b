"""``thulium-explore verify`` (cassettes) and ``verify-webhook`` (one received payload)."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from thulium_explore._errors import WebhookError
from thulium_explore.contract._verify import verify
from thulium_explore.contract._webhooks import check_webhook, parse_payload


def setup_verify(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``thulium-explore verify``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="cassette files or folders (YAML or JSON)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="also fail on drift (undocumented fields) and unchecked (unknown) endpoints",
    )


def run_verify(args: argparse.Namespace) -> int:
    """Print the report; exit 0 when every interaction conforms, 1 otherwise."""
    report = verify(args.paths, strict=args.strict)
    if args.json:
        print(json.dumps(json_safe(report.as_dict()), indent=2, ensure_ascii=False, allow_nan=False))
    else:
        print("\n".join(report.lines()))
    return report.exit_code


def json_safe(value: Any) -> Any:
    """``value`` as strict JSON can carry it: NaN and ±infinity (from a body like ``{"x": NaN}`` or
    ``1e999``) and integers too long for text as strings, anything else not JSON as its ``str``.

    The report objects keep the values as read; only what ``verify --json`` prints is changed, so the
    output always parses with a strict JSON reader. Walked with a stack, not recursion (a deep body value).
    """
    root: list[Any] = [value]
    stack: list[tuple[Any, Any, Any]] = [(root, 0, value)]
    while stack:
        holder, key, item = stack.pop()
        if isinstance(item, dict):
            copy: dict[str, Any] = dict.fromkeys(str(k) for k in item)  # the keys keep their order
            holder[key] = copy
            stack.extend((copy, str(k), v) for k, v in item.items())
        elif isinstance(item, list | tuple):
            items: list[Any] = list(item)
            holder[key] = items
            stack.extend((items, i, v) for i, v in enumerate(items))
        elif isinstance(item, float) and not math.isfinite(item):
            holder[key] = "NaN" if math.isnan(item) else ("Infinity" if item > 0 else "-Infinity")
        elif isinstance(item, int) and not isinstance(item, bool) and item.bit_length() > _LONGEST_INT_BITS:
            holder[key] = f"<an integer of about {int(item.bit_length() * math.log10(2))} digits>"
        elif item is None or isinstance(item, str | int | float):
            holder[key] = item
        else:
            holder[key] = str(item)
    return root[0]


_LONGEST_INT_BITS = 4000 * 3  # about 3600 decimal digits: below Python's 4300-digit limit on int → text


def setup_verify_webhook(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the received payload (JSON); - reads stdin")
    parser.add_argument(
        "--event",
        metavar="NAME",
        help="the event, e.g. CHAT_CONVERSATION_CLOSED; needed when the payload does not tell it",
    )
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
