"""``endpoints``, ``describe`` and ``call``: the catalog and single calls from the command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from thulium_explore._errors import ConfigError, PaginationError
from thulium_explore._settings import (
    ENV_BASE_URL,
    ENV_CASSETTE,
    ENV_MODE,
    ENV_PASSWORD,
    ENV_USER,
    MODES,
    tenant_configured,
)
from thulium_explore._wire import _params
from thulium_explore.catalog._catalog import default_catalog
from thulium_explore.cli._usage import EXIT_FAILED, EXIT_OK, UsageError
from thulium_explore.client._paginate import paged_shape
from thulium_explore.connection._connect import Connection, connect


def cmd_endpoints(args: argparse.Namespace) -> int:
    """List the catalog: id, method, path, summary, grouped."""
    endpoints = list(default_catalog())
    id_width = max(len(e.id) for e in endpoints)
    path_width = max(len(e.path) for e in endpoints)
    group = None
    for endpoint in endpoints:
        if endpoint.group != group:
            group = endpoint.group
            print(f"{group}:")
        print(f"  {endpoint.id:<{id_width}}  {endpoint.method:<6} {endpoint.path:<{path_width}}  {endpoint.summary}")
    return EXIT_OK


def cmd_describe(args: argparse.Namespace) -> int:
    """One endpoint: parameters, responses, notes."""
    endpoint = default_catalog()[args.endpoint]
    print(f"{endpoint.id}: {endpoint.summary}")
    if endpoint.summary_pl:
        print(f"  (PL) {endpoint.summary_pl}")
    print(f"{endpoint.method} {endpoint.path}   provenance: {endpoint.provenance}")
    if endpoint.description:
        print(f"\n{endpoint.description}")
    print("\nParameters:")
    for p in endpoint.parameters:
        need = "required" if p.required else "optional"
        example = "" if p.example is None else f"  example: {json.dumps(p.example, ensure_ascii=False)}"
        print(f"  {p.name:<20} {p.type:<10} {need:<9} in {p.location}{example}")
        if p.description:
            print(f"      {p.description}")
        if p.description_pl:
            print(f"      (PL) {p.description_pl}")
    print("\nResponses:")
    for status, spec in endpoint.responses.items():
        print(f"  {status:<8} {spec.body:<6} {spec.description} [{spec.provenance}]")
        if spec.schema_uri and status != "default":
            example = default_catalog().registry.resolver().lookup(spec.schema_uri).contents
            for ex in example.get("examples", [])[:1]:
                print(f"           example: {json.dumps(ex, ensure_ascii=False)}")
    if endpoint.notes:
        print("\nNotes:")
        for note in endpoint.notes:
            print(f"  - {note}")
    return EXIT_OK


def parse_pairs(pairs: Sequence[str]) -> dict[str, str | list[str]]:
    """``key=value`` words into a mapping; ``key[]=v`` repeated builds a list."""
    out: dict[str, str | list[str]] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"parameter {pair!r}: expected key=value (example: chat_queue_id=3)")
        if key.endswith("[]"):
            existing = out.setdefault(key, [])
            assert isinstance(existing, list)
            existing.append(value)
        elif key in out:
            raise UsageError(f"parameter {key!r}: given twice (use {key}[]=… for a list)")
        else:
            out[key] = value
    return out


def make_connection(args: argparse.Namespace) -> Connection:
    """A connection from flags and the THULIUM_* environment (mode, cassette, tenant).

    With no tenant configured and no mode asked for, refuse rather than quietly answer from the
    sandbox: a user who forgot to export the variables must not mistake it for their tenant.
    """
    env = dict(os.environ)
    for flag, name in ((args.base_url, ENV_BASE_URL), (args.user, ENV_USER)):
        if flag:
            env[name] = flag
    if args.password_stdin:
        env[ENV_PASSWORD] = sys.stdin.readline().rstrip("\r\n")
    mode = args.mode or env.get(ENV_MODE) or None
    overwrite = bool(getattr(args, "overwrite", False))
    if overwrite and (mode or "").strip().lower() != "record":
        raise UsageError(
            f"--overwrite: only record mode writes a cassette, not {mode or 'the default mode'} "
            "(example: --mode record --cassette cassettes/x.yaml --overwrite)"
        )
    if mode is None and not tenant_configured(env):
        raise ConfigError(
            f"{ENV_BASE_URL}, {ENV_USER}, {ENV_PASSWORD}: not set; set them for your tenant "
            f"(example: export {ENV_BASE_URL}=https://your-system-name.thulium.com) or pass --mode sandbox"
        )
    return connect(
        mode,
        cassette=args.cassette,
        environ=env,
        overwrite=overwrite,
        allow=getattr(args, "allow_field", None) or (),
        timeout=args.timeout,
        allow_insecure_http=args.insecure_http,
    )


def cmd_call(args: argparse.Namespace) -> int:
    """Validate, send, print the answer and the verdict (``--all``: every page's items as JSON Lines)."""
    endpoint = default_catalog()[args.endpoint]
    params = _params.coerce(endpoint, parse_pairs(args.params))
    if args.all:
        return _call_all(args, endpoint.id, params)
    if args.page_size is not None or args.max_items is not None:
        raise UsageError("--page-size and --max-items: only with --all (example: tickets.list --all --page-size 50)")
    _params.require_valid(default_catalog(), endpoint, params)
    with make_connection(args) as conn:
        result = conn.client.send(endpoint.id, params)
    if args.json:
        print(
            json.dumps(
                {"status": result.status, "body": result.json, "contract": result.verdict.as_dict()},
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        print("\n".join(result.summary_lines()))
    if args.curl:
        print(result.as_curl())
    result.raise_for_status()
    return EXIT_OK if result.verdict.ok else EXIT_FAILED


def _call_all(args: argparse.Namespace, endpoint_id: str, params: dict[str, Any]) -> int:
    """Every item of a paged list as one JSON line each on stdout; progress and the verdict on stderr.

    A page that fails ends the walk: the lines already written stay, the error is one line on
    stderr, and the exit status is 1.
    """
    if args.json or args.curl:
        raise UsageError("--all: writes JSON Lines; --json and --curl are for a single call")
    catalog = default_catalog()
    paged_shape(catalog, endpoint_id)  # a one-line error for a list without pages, before connecting

    def progress(pages: int, items: int, count: int | None) -> None:
        total = f" of {count}" if count is not None else ""
        print(f"page {pages}: {items}{total} items", file=sys.stderr, flush=True)

    with make_connection(args) as conn:
        pages = conn.client.paginate(
            endpoint_id, page_size=args.page_size, max_items=args.max_items, progress=progress, **params
        )
        written = 0
        try:
            for item in pages:
                sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
                written += 1
                if written == len(pages.items):  # the end of a page: let a reader see it now
                    sys.stdout.flush()
        except PaginationError as exc:
            sys.stdout.flush()
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_FAILED
    sys.stdout.flush()
    drift = pages.last is not None and bool(pages.last.verdict.drift)
    print(
        f"{endpoint_id}: {written} items in {pages.pages} pages, contract: every page checked"
        + (" (drift on the last page)" if drift else ""),
        file=sys.stderr,
    )
    return EXIT_OK


def _add_connection_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base-url", help=f"tenant URL (default: ${ENV_BASE_URL})")
    parser.add_argument("--user", help=f"API user (default: ${ENV_USER})")
    parser.add_argument(
        "--password-stdin", action="store_true", help=f"read the password from stdin (default: ${ENV_PASSWORD})"
    )
    parser.add_argument(
        "--timeout", type=float, default=30.0, help="seconds the whole call may take, connect to last byte (default 30)"
    )
    parser.add_argument(
        "--insecure-http",
        action="store_true",
        help="allow plain http to a non-loopback host (sends the password in clear)",
    )
    parser.add_argument(
        "--mode", choices=MODES, help=f"sandbox, live, record or replay (default: ${ENV_MODE}, else live with a tenant)"
    )
    parser.add_argument("--cassette", help=f"cassette to record into or replay from (default: ${ENV_CASSETTE})")
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="record mode: replace an existing cassette (default: add the new calls after its own)",
    )
    parser.add_argument(
        "--allow-field",
        action="append",
        metavar="ENDPOINT:PATH",
        help="record mode: store this undocumented field as received, e.g. customers.get:$.note "
        "(default: every field no schema documents is stored as a placeholder); repeatable",
    )


def setup_endpoints(p: argparse.ArgumentParser) -> None:
    pass


def setup_describe(p: argparse.ArgumentParser) -> None:
    p.add_argument("endpoint", help="endpoint id, e.g. chat_conversations.start")


def setup_call(p: argparse.ArgumentParser) -> None:
    p.add_argument("endpoint", help="endpoint id, e.g. chat_conversations.start")
    p.add_argument("params", nargs="*", metavar="key=value", help="parameters, e.g. chat_queue_id=3")
    p.add_argument("--json", action="store_true", help="print a JSON report")
    p.add_argument("--curl", action="store_true", help="also print the call as curl")
    p.add_argument(
        "--all",
        action="store_true",
        help="a paged list: fetch every page (limit/offset), write each item as a JSON line; progress on stderr",
    )
    p.add_argument("--page-size", type=int, help="with --all: items per page (default: the documented default limit)")
    p.add_argument("--max-items", type=int, help="with --all: stop after this many items")
    _add_connection_flags(p)
