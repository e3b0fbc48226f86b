"""``thulium-explore import-har``: a HAR file (devtools, Postman, Insomnia, mitmproxy) as a scrubbed cassette.

Only Thulium's API calls are kept (``*.thulium.com``, the host of ``THULIUM_BASE_URL`` and any
``--host``, paths under ``/api/``), scrubbed exactly as a recording is, written atomically and then
verified. Exit 0 when every kept call conforms, 1 on a contract violation (the cassette is written
all the same: it is scrubbed), 2 for a bad HAR, a missing file, an existing output without
``--overwrite`` or nothing to keep — one line, and nothing written.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from urllib.parse import urlsplit

from thulium_explore._files import write_atomic
from thulium_explore._settings import ENV_BASE_URL
from thulium_explore.cassettes._file import CASSETTE_SUFFIXES
from thulium_explore.cli._usage import UsageError

_EXAMPLE = "thulium-explore import-har capture.har -o cassettes/from-browser.yaml"


def setup_import_har(parser: argparse.ArgumentParser) -> None:
    """``thulium-explore import-har HAR -o CASSETTE [--overwrite] [--host HOST] [--allow-field E:P]``."""
    parser.add_argument("har", metavar="HAR", help="a HAR 1.2 file (browser devtools, Postman, Insomnia, mitmproxy)")
    parser.add_argument("-o", "--output", required=True, metavar="CASSETTE", help="the cassette to write (.yaml/.json)")
    parser.add_argument(
        "--overwrite",
        "--force",
        dest="overwrite",
        action="store_true",
        help="replace the output if it exists (without it an existing file is refused)",
    )
    parser.add_argument(
        "--host",
        action="append",
        default=[],
        metavar="HOST",
        help="another host whose /api/ calls to keep, e.g. a proxy or 127.0.0.1:8765 (*.thulium.com and the "
        "host of THULIUM_BASE_URL are always kept); repeatable",
    )
    parser.add_argument(
        "--allow-field",
        action="append",
        default=[],
        metavar="ENDPOINT:PATH",
        help="an undocumented field to keep as received (e.g. customers.get:$.note); repeatable",
    )


def run_import_har(args: argparse.Namespace) -> int:
    """Check everything, convert, write once, then verify what was written."""
    # late: the scrubber and the checker load only when this command runs (every command's start-up stays light)
    from thulium_explore.cassettes._har import MAX_HAR_BYTES, har_to_cassette
    from thulium_explore.cassettes.persisters.filesystem import check_writable
    from thulium_explore.cassettes.serializers import serializer_for
    from thulium_explore.contract._verify import verify

    har, out = Path(args.har), Path(args.output)
    if not har.is_file():
        what = "is a folder, not a HAR file" if har.is_dir() else "no such file"
        raise UsageError(f"{har}: {what} (example: {_EXAMPLE})")
    if out.suffix.lower() not in CASSETTE_SUFFIXES:
        raise UsageError(f"-o {out}: a cassette ends in .yaml, .yml or .json (example: {_EXAMPLE})")
    if (out.exists() or out.is_symlink()) and not args.overwrite:
        raise UsageError(f"-o {out}: already exists; pass --overwrite to replace it (example: {_EXAMPLE} --overwrite)")
    check_writable(out, create_folder=True)
    if har.stat().st_size > MAX_HAR_BYTES:
        raise UsageError(
            f"{har}: {har.stat().st_size} bytes is over the {MAX_HAR_BYTES // 1_000_000} MB limit for a HAR file; "
            "export only the Thulium calls (example: filter the devtools network list by /api/)"
        )
    with har.open("rb") as handle:  # at most the cap plus one byte, whatever the file claims
        data = handle.read(MAX_HAR_BYTES + 1)
    hosts = list(args.host)
    tenant = urlsplit(os.environ.get(ENV_BASE_URL, "")).netloc
    if tenant:
        hosts.append(tenant)
    imported = har_to_cassette(data, str(har), hosts=hosts, allow=args.allow_field)
    if not imported.kept:
        raise UsageError(
            f"{har}: no Thulium API calls to import ({imported.summary()}); calls to *.thulium.com/api/… are "
            "kept, name other hosts with --host (example: --host 127.0.0.1:8765)"
        )
    text = serializer_for(out).serialize(imported.cassette())  # before writing: a failure writes nothing
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic(out, text)
    except OSError as exc:
        raise UsageError(f"-o {out}: cannot write the cassette ({exc.strerror or type(exc).__name__})") from None
    print(f"import-har: {imported.summary()}; wrote {out}", flush=True)
    report = verify([out])
    for item in report.interactions:
        if str(item.outcome) != "pass":
            print("\n".join(item.lines()))
    print(report.summary(), flush=True)
    return report.exit_code
