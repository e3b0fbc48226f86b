"""The ``thulium-explore`` command line.

Exit codes: 0 success; 1 API error, contract violation or transport failure; 2 bad input or
usage. Every failure is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from thulium_explore._errors import ApiError, ConfigError, ParameterError, ThuliumError, TransportError
from thulium_explore._version import __version__
from thulium_explore.cli._api import cmd_call, cmd_describe, cmd_endpoints, setup_call, setup_describe, setup_endpoints
from thulium_explore.cli._har import run_import_har, setup_import_har
from thulium_explore.cli._openapi import cmd_openapi, setup_openapi
from thulium_explore.cli._postman import run_postman, setup_postman
from thulium_explore.cli._record import run_record, setup_record
from thulium_explore.cli._sandbox import run_sandbox, setup_sandbox
from thulium_explore.cli._scan import run_scan, setup_scan
from thulium_explore.cli._usage import EXIT_FAILED, EXIT_OK, EXIT_USAGE, Parser, Run, Setup, UsageError, fail
from thulium_explore.cli._verify import cmd_verify_webhook, run_verify, setup_verify, setup_verify_webhook

#: name → (help, setup, run): one module per command family.
COMMANDS: dict[str, tuple[str, Setup, Run]] = {
    "endpoints": ("list the catalog's endpoints", setup_endpoints, cmd_endpoints),
    "describe": ("show one endpoint's parameters and responses", setup_describe, cmd_describe),
    "call": ("validate and send a call, print the answer and contract verdict", setup_call, cmd_call),
    "openapi": ("write the catalog as an OpenAPI 3.1 document (JSON)", setup_openapi, cmd_openapi),
    "sandbox": ("run a local Thulium API on 127.0.0.1 (sample credentials) until Ctrl-C", setup_sandbox, run_sandbox),
    "record": (
        "record cassettes from a recipe (sandbox, or the tenant when THULIUM_* is set)",
        setup_record,
        run_record,
    ),
    "verify-webhook": (
        "check a received webhook payload against its event's schema",
        setup_verify_webhook,
        cmd_verify_webhook,
    ),
    "verify": ("check recorded cassettes against the catalog (exit 1 on any violation)", setup_verify, run_verify),
    "scan": ("find secrets and personal data in cassettes and notebooks (exit 1 on any finding)", setup_scan, run_scan),
    "import-har": (
        "turn a HAR file's Thulium API calls into a scrubbed cassette, then verify it",
        setup_import_har,
        run_import_har,
    ),
    "postman": ("write the catalog as a Postman Collection v2.1 (JSON) with schema tests", setup_postman, run_postman),
}


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with one sub-parser per command."""
    parser = Parser(prog="thulium-explore", description="Explore and contract-test Thulium's REST API.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
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
        return fail(str(exc), EXIT_USAGE)
    except (ParameterError, ConfigError) as exc:
        return fail(f"error: {exc}", EXIT_USAGE)
    except ApiError as exc:
        return fail(f"API error: {exc}", EXIT_FAILED)
    except TransportError as exc:
        return fail(f"transport error: {exc}", EXIT_FAILED)
    except ThuliumError as exc:
        return fail(f"error: {exc}", EXIT_USAGE)
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        return fail(f"internal error ({type(exc).__name__}): {exc}; please report it", EXIT_FAILED)


if __name__ == "__main__":
    sys.exit(main())
