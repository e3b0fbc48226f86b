"""The ``thulium-explore`` command line.

Exit codes: 0 success; 1 API error, contract violation or transport failure; 2 bad input or
usage. Every failure is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from thulium_explore import _params
from thulium_explore._catalog import default_catalog
from thulium_explore._client import ENV_BASE_URL, ENV_PASSWORD, ENV_USER
from thulium_explore._connect import MODES, Connection, connect
from thulium_explore._exceptions import (
    ApiError,
    ConfigError,
    ParameterError,
    ThuliumError,
    TransportError,
)
from thulium_explore._modes import ENV_CASSETTE, ENV_MODE, tenant_configured
from thulium_explore._openapi_cli import cmd_openapi, setup_openapi
from thulium_explore._recipes import run_record, setup_record
from thulium_explore._sandbox_cli import run_sandbox, setup_sandbox
from thulium_explore._scan import run_scan, setup_scan
from thulium_explore._verify import run_verify, setup_verify
from thulium_explore._webhooks import cmd_verify_webhook, setup_verify_webhook

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


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
    if mode is None and not tenant_configured(env):
        raise ConfigError(
            f"{ENV_BASE_URL}, {ENV_USER}, {ENV_PASSWORD}: not set; set them for your tenant "
            f"(example: export {ENV_BASE_URL}=https://your-system-name.thulium.com) or pass --mode sandbox"
        )
    return connect(mode, cassette=args.cassette, environ=env, timeout=args.timeout,
                   allow_insecure_http=args.insecure_http)


def cmd_call(args: argparse.Namespace) -> int:
    """Validate, send, print the answer and the verdict."""
    endpoint = default_catalog()[args.endpoint]
    params = _params.coerce(endpoint, parse_pairs(args.params))
    _params.require_valid(default_catalog(), endpoint, params)
    with make_connection(args) as conn:
        result = conn.client.send(endpoint.id, params)
    if args.json:
        print(json.dumps({"status": result.status, "body": result.json,
                          "contract": result.verdict.as_dict()}, indent=2, ensure_ascii=False))
    else:
        print("\n".join(result.summary_lines()))
    if args.curl:
        print(result.as_curl())
    result.raise_for_status()
    return EXIT_OK if result.verdict.ok else EXIT_FAILED


def _add_connection_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base-url", help=f"tenant URL (default: ${ENV_BASE_URL})")
    parser.add_argument("--user", help=f"API user (default: ${ENV_USER})")
    parser.add_argument("--password-stdin", action="store_true",
                        help=f"read the password from stdin (default: ${ENV_PASSWORD})")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds (default 30)")
    parser.add_argument("--insecure-http", action="store_true",
                        help="allow plain http to a non-loopback host (sends the password in clear)")
    parser.add_argument("--mode", choices=MODES,
                        help=f"sandbox, live, record or replay (default: ${ENV_MODE}, else live with a tenant)")
    parser.add_argument("--cassette", help=f"cassette to record into or replay from (default: ${ENV_CASSETTE})")


def _setup_endpoints(p: argparse.ArgumentParser) -> None:
    pass


def _setup_describe(p: argparse.ArgumentParser) -> None:
    p.add_argument("endpoint", help="endpoint id, e.g. chat_conversations.start")


def _setup_call(p: argparse.ArgumentParser) -> None:
    p.add_argument("endpoint", help="endpoint id, e.g. chat_conversations.start")
    p.add_argument("params", nargs="*", metavar="key=value", help="parameters, e.g. chat_queue_id=3")
    p.add_argument("--json", action="store_true", help="print a JSON report")
    p.add_argument("--curl", action="store_true", help="also print the call as curl")
    _add_connection_flags(p)


Setup = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace], int]

#: name → (help, setup, run). Other modules' commands are added here.
COMMANDS: dict[str, tuple[str, Setup, Run]] = {
    "endpoints": ("list the catalog's endpoints", _setup_endpoints, cmd_endpoints),
    "describe": ("show one endpoint's parameters and responses", _setup_describe, cmd_describe),
    "call": ("validate and send a call, print the answer and contract verdict", _setup_call, cmd_call),
    "openapi": ("write the catalog as an OpenAPI 3.1 document (JSON)", setup_openapi, cmd_openapi),
    "sandbox": ("run a local Thulium API on 127.0.0.1 (sample credentials) until Ctrl-C", setup_sandbox, run_sandbox),
    "record": ("record cassettes from a recipe (sandbox, or the tenant when THULIUM_* is set)", setup_record,
               run_record),
    "verify-webhook": ("check a received webhook payload against its event's schema", setup_verify_webhook,
                       cmd_verify_webhook),
    "verify": ("check recorded cassettes against the catalog (exit 1 on any violation)", setup_verify, run_verify),
    "scan": ("find secrets and personal data in cassettes and notebooks (exit 1 on any finding)", setup_scan,
             run_scan),
}


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with one sub-parser per command."""
    parser = _Parser(prog="thulium-explore", description="Explore and contract-test Thulium's REST API.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (text, setup, run) in COMMANDS.items():
        command = sub.add_parser(name, help=text, description=text)
        setup(command)
        command.set_defaults(run=run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run one command, map every failure to a one-line message and an exit code."""
    try:
        args = build_parser().parse_args(argv)
        if getattr(args, "run", None) is None:
            raise UsageError("thulium-explore: choose a command (see thulium-explore --help)")
        return int(args.run(args))
    except UsageError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except (ParameterError, ConfigError) as exc:
        return _fail(f"error: {exc}", EXIT_USAGE)
    except ApiError as exc:
        return _fail(f"API error: {exc}", EXIT_FAILED)
    except TransportError as exc:
        return _fail(f"transport error: {exc}", EXIT_FAILED)
    except ThuliumError as exc:
        return _fail(f"error: {exc}", EXIT_USAGE)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        return _fail(f"internal error ({type(exc).__name__}): {exc}; please report it", EXIT_FAILED)


def _fail(message: str, code: int) -> int:
    print(" ".join(message.split()), file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
