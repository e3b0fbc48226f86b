"""``thulium-explore sandbox``: run the sandbox in the foreground until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from thulium_explore._errors import ConfigError
from thulium_explore.sandbox._app import SAMPLE_PASSWORD, SAMPLE_USER, SandboxServer


def setup_sandbox(parser: argparse.ArgumentParser) -> None:
    """Flags of the ``sandbox`` command."""
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (default 8765; 0 = any free port)")
    parser.add_argument("--user", default=SAMPLE_USER, help=f"API user to accept (default {SAMPLE_USER})")
    parser.add_argument(
        "--password", default=SAMPLE_PASSWORD, help=f"password to accept (default: the docs' sample, {SAMPLE_PASSWORD})"
    )
    parser.add_argument("--seed", type=int, default=None, help="make uuids and request ids reproducible")
    parser.add_argument("--quiet", action="store_true", help="do not log requests on stderr")


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def run_sandbox(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C (or SIGTERM); exit 0."""
    if not 0 <= args.port <= 65535:
        raise ConfigError(f"--port: {args.port} is not a port number 0-65535 (example: --port 8765)")

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    sandbox = SandboxServer(
        args.port, user=args.user, password=args.password, seed=args.seed, log=None if args.quiet else log
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
