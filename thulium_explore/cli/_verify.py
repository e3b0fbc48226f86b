"""``thulium-explore verify`` (cassettes) and ``verify-webhook`` (one received payload)."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import Any

from thulium_explore._errors import WebhookError
from thulium_explore.cli._usage import UsageError

VERIFY_FORMATS = ("text", "json", "junit", "github")


def setup_verify(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``thulium-explore verify``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="cassette files or folders (YAML or JSON)")
    parser.add_argument(
        "--format",
        choices=VERIFY_FORMATS,
        default=None,
        help="text (default), json, junit (JUnit XML: one testcase per interaction) or github (workflow annotations)",
    )
    parser.add_argument("--json", action="store_true", help="the same as --format json")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="also fail on drift (undocumented fields), suspects (answers that break only an inferred or "
        "older-page fact) and unchecked (unknown) endpoints",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="check N files at once in worker processes (default: the number of cores; -j 1 runs serially); "
        "the report is the same, in the same order",
    )


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_verify(args: argparse.Namespace) -> int:
    """Print the report; exit 0 when every interaction conforms, 1 otherwise."""
    from thulium_explore.contract._verify import verify

    chosen = args.format or ("json" if args.json else "text")
    if args.json and chosen != "json":
        raise UsageError(f"verify: --json and --format {chosen} disagree (use one, example: --format json)")
    jobs = default_jobs() if args.jobs is None else args.jobs
    if jobs < 1:
        raise UsageError(f"verify: -j {jobs}: expected a number of processes of at least 1 (example: -j 2)")
    report = verify(args.paths, strict=args.strict, jobs=jobs)
    if chosen == "json":
        print(json.dumps(json_safe(report.as_dict()), indent=2, ensure_ascii=False, allow_nan=False))
    elif chosen == "junit":
        from thulium_explore.contract._ci import junit_xml

        sys.stdout.write(junit_xml(report))
    elif chosen == "github":
        from thulium_explore.contract._ci import github_annotations

        print("\n".join(github_annotations(report)))
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
    from thulium_explore.contract._webhooks import check_webhook, parse_payload

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
