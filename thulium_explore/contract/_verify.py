"""Contract verification of recorded interactions: every request and response in vcrpy cassettes.

>>> from thulium_explore import verify
>>> report = verify(["cassettes/"])  # doctest: +SKIP
>>> print("\\n".join(report.lines()))  # doctest: +SKIP
cassettes/chat_conversations.start.yaml:0 POST /api/chat_conversations/start 200 pass
verify: 1 interaction in 1 cassette: 1 pass
>>> report.ok, report.exit_code  # doctest: +SKIP
(True, 0)

At scale: each file is read one interaction at a time (``cassettes/_stream.py``: peak memory a few
times the largest file, not 35×), and ``jobs`` > 1 checks files in parallel processes, the report in
the same order as a serial run (``python -m benchmarks --only verify_scale`` measures both).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from thulium_explore._errors import CassetteError
from thulium_explore.cassettes._file import find_cassettes, read_cassette
from thulium_explore.cassettes._stream import NotStreamable, interaction_lines, stream_cassette
from thulium_explore.catalog._catalog import Catalog, default_catalog
from thulium_explore.contract._checker import Checker
from thulium_explore.contract._report import InteractionReport, VerifyReport, suspect_line

#: below this many bytes of cassettes, files are checked here: a pool would start after the work is done
PARALLEL_FROM_BYTES = 256 * 1024

__all__ = ["Checker", "InteractionReport", "VerifyReport", "check_interaction", "suspect_line", "verify"]


def verify(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    strict: bool = False,
    catalog: Catalog | None = None,
    jobs: int = 1,
) -> VerifyReport:
    """Check every interaction of the cassettes at ``paths`` (files or folders) against the catalog.

    ``jobs`` > 1 checks that many files at once in worker processes; the report is the same, in the
    same order. Raises :class:`CassetteError` (one line, naming the file) for unreadable or malformed
    input, and when there is nothing to verify.
    """
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    if not given:
        raise CassetteError("verify: no paths given (example: thulium-explore verify cassettes/)")
    if jobs < 1:
        raise CassetteError(f"verify: jobs must be at least 1, got {jobs} (example: -j 2)")
    files = find_cassettes(given)
    chosen = catalog or default_catalog()
    results: list[InteractionReport] = []
    names: list[str] = []
    for name, found in _each_file(files, chosen, strict, jobs):
        names.append(name)
        results.extend(found)
    if not results:
        raise CassetteError(f"{', '.join(names)}: no recorded interactions to verify")
    return VerifyReport(results, names, strict)


def check_interaction(
    catalog: Catalog, cassette: str, index: int, interaction: Mapping[str, Any], *, strict: bool = False
) -> InteractionReport:
    """The verdict on one structure-checked vcrpy interaction (see ``cassettes.read_cassette``)."""
    return Checker(catalog, strict=strict).check(cassette, index, interaction)


def check_file(checker: Checker, path: Path) -> tuple[str, list[InteractionReport]]:
    """The verdicts on every interaction of one cassette file, read one interaction at a time.

    A file the streaming reader leaves alone (an error to word, a rare YAML feature) is read whole by
    ``read_cassette``, which raises the one-line error or builds it (its interactions then have no line).
    """
    name = str(path)
    try:
        return name, [checker.check(name, index, item, line) for index, line, item in stream_cassette(path, name)]
    except (NotStreamable, CassetteError):
        cassette = read_cassette(path, name)
        lines = interaction_lines(path) or []
        return name, [
            checker.check(name, index, item, lines[index] if index < len(lines) else None)
            for index, item in enumerate(cassette.interactions)
        ]


def _each_file(
    files: list[Path], catalog: Catalog, strict: bool, jobs: int
) -> Iterator[tuple[str, list[InteractionReport]]]:
    """Each file's verdicts in the order given: here, or ``jobs`` files at a time in worker processes."""
    if jobs == 1 or len(files) < 2 or sum(_size(p) for p in files) < PARALLEL_FROM_BYTES:
        checker = Checker(catalog, strict=strict)
        for path in files:
            yield check_file(checker, path)
        return
    methods = multiprocessing.get_all_start_methods()
    # fork: the workers share the parent's loaded catalog; elsewhere each loads it from its root
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _WORKER["catalog"], _WORKER["strict"] = catalog, strict
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(files)),
        mp_context=context,
        initializer=_start_worker,
        initargs=(str(catalog.root), strict, context.get_start_method()),
    ) as pool:
        yield from pool.map(_worker_check, files, chunksize=max(1, len(files) // (jobs * 8)))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # read_cassette words the error when the file is read


#: the worker process's checker (set before the pool forks, or by ``_start_worker`` in a spawned worker)
_WORKER: dict[str, Any] = {}


def _start_worker(root: str, strict: bool, method: str) -> None:
    if method != "fork" or "catalog" not in _WORKER:
        _WORKER["catalog"] = Catalog(Path(root))
    _WORKER["checker"] = Checker(_WORKER["catalog"], strict=strict)


def _worker_check(path: Path) -> tuple[str, list[InteractionReport]]:
    return check_file(_WORKER["checker"], path)
