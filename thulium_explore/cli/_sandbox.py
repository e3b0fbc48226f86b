"""``thulium-explore sandbox``: run the sandbox in the foreground until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from thulium_explore._errors import ConfigError
from thulium_explore.sandbox._app import SAMPLE_PASSWORD, SAMPLE_USER, SandboxServer
from thulium_explore.sandbox._faults import MAX_DELAY_MS, FaultPlan


def setup_sandbox(parser: argparse.ArgumentParser) -> None:
    """Flags of the ``sandbox`` command."""
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (default 8765; 0 = any free port)")
    parser.add_argument("--user", default=SAMPLE_USER, help=f"API user to accept (default {SAMPLE_USER})")
    parser.add_argument(
        "--password", default=SAMPLE_PASSWORD, help=f"password to accept (default: the docs' sample, {SAMPLE_PASSWORD})"
    )
    parser.add_argument(
        "--seed", type=int, default=None, help="make uuids, request ids, dates and the fault sequence reproducible"
    )
    parser.add_argument("--quiet", action="store_true", help="do not log requests on stderr")
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="KIND@P",
        help="misbehave on purpose with probability P, repeatable: an error status (429@0.2, 503@0.05; "
        "429:30@0.2 sends Retry-After: 30), 502-html@P (a proxy's HTML page), reset@P (connection reset), "
        "slow@P or slow:MS@P (an answer 5 s or MS ms late)",
    )
    parser.add_argument("--latency", default="0", metavar="MS", help="delay every answer by MS milliseconds")


def _fault_plan(args: argparse.Namespace) -> FaultPlan:
    """The --fault and --latency flags, checked; ConfigError (exit 2) naming the flag and a right example."""
    try:
        latency = float(args.latency)
    except ValueError:
        latency = -1.0
    if not 0 <= latency <= MAX_DELAY_MS:
        raise ConfigError(
            f"--latency: {args.latency!r} is not a number of milliseconds 0-{MAX_DELAY_MS} (example: --latency 150)"
        )
    try:
        return FaultPlan(args.fault, latency=latency, seed=args.seed, flag="--fault", latency_flag="--latency")
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def run_sandbox(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C (or SIGTERM); exit 0."""
    if not 0 <= args.port <= 65535:
        raise ConfigError(f"--port: {args.port} is not a port number 0-65535 (example: --port 8765)")

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    plan = _fault_plan(args)
    sandbox = SandboxServer(
        args.port,
        user=args.user,
        password=args.password,
        seed=args.seed,
        log=None if args.quiet else log,
        faults=plan.faults,
        latency=plan.latency * 1000,
    )
    try:
        sandbox.start()
    except OSError as exc:
        raise ConfigError(
            f"--port: cannot listen on 127.0.0.1:{args.port} ({exc.strerror or exc}); "
            "choose another (example: --port 0 for any free port)"
        ) from None
    shown_password = args.password if args.password == SAMPLE_PASSWORD else "(the one given with --password)"
    url = sandbox.base_url
    print(f"Thulium sandbox listening on {url} (127.0.0.1 only; Ctrl-C to stop)", flush=True)
    print(f"  user:     {args.user}\n  password: {shown_password}", flush=True)
    credentials = f"{args.user}:{args.password}" if args.password == SAMPLE_PASSWORD else f"{args.user}:…"
    example = f"{url}/api/chat_conversations/start?chat_queue_id=3&client_id=1234"
    print(f"  try:      curl -u {credentials} -X POST '{example}'", flush=True)
    print(f"  or:       export THULIUM_BASE_URL={url} THULIUM_API_USER={args.user} THULIUM_API_PASSWORD=…", flush=True)
    if plan:
        faults = ", ".join(f.spec for f in plan.faults) or "none"
        seeded = f" (seed {args.seed}: the same sequence every run)" if args.seed is not None else ""
        print(f"  faults:   {faults}; latency {plan.latency * 1000:g} ms{seeded}", flush=True)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
    stopped = threading.Event()
    try:
        while not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    print("sandbox stopped", flush=True)
    return 0
