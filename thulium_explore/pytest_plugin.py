"""pytest plugin (entry point ``thulium_explore``): contract tests for recorded cassettes, and a sandbox.

Run the same checks as ``thulium-explore verify`` on your own recordings, one test per
interaction (``cassettes/start.yaml::0``, ``cassettes/start.yaml::1``, ...)::

    pytest --thulium-cassettes=cassettes/                  # drift and unknown endpoints warn
    pytest --thulium-cassettes=cassettes/ --thulium-strict  # ... and fail

and start the local sandbox in a test::

    def test_start(thulium_sandbox):
        result = thulium_sandbox.client().chat_conversations.start(chat_queue_id=3)
        assert result.ok

Recordings made in tests store every field no schema documents as a placeholder; to keep some as
received, name them once on the command line and pass the ``thulium_allow_fields`` fixture on::

    pytest --thulium-allow-field customers.get:$.note --thulium-allow-field 'customers.list:$[*].note'

    def test_record(thulium_allow_fields):
        with recorder("cassettes/customers.yaml", "record", allow=thulium_allow_fields):
            ...

With pytest-recording (the ``pytest`` extra), every ``@pytest.mark.vcr`` test records through the
toolkit: its cassette is scrubbed like every recording (credentials, the tenant's host, personal
data, deny-by-default for undocumented fields) and written by the toolkit's serializer and
persister; replay matches by method, path and query whatever host and port were recorded; and each
interaction the test recorded or replayed is checked like ``thulium-explore verify`` checks it — a
violation fails the test with verify's lines, drift and unknown endpoints warn (fail with
``--thulium-strict``). The ``thulium_client`` fixture is a client for the tenant in ``THULIUM_*``,
else the sandbox (no server at all when the cassette only replays)::

    @pytest.mark.vcr
    def test_start(thulium_client):
        assert thulium_client.chat_conversations.start(chat_queue_id=3).ok

    pytest --record-mode=once                     # record on a laptop (sandbox or tenant)
    pytest --record-mode=none --block-network     # replay in CI: no credentials, no sockets

pytest loads this module in every run of every project that has thulium-explore installed, so it
imports the toolkit inside the hooks that need it, not at the top: a run that uses none of its
options pays nothing for it.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from thulium_explore.cassettes._vcr_config import VcrSession
    from thulium_explore.client._client import ThuliumClient
    from thulium_explore.connection._sandbox import Sandbox
    from thulium_explore.contract._verify import InteractionReport

_ROOTS = pytest.StashKey[tuple[Path, ...]]()
_ALLOW = pytest.StashKey[tuple[str, ...]]()
_VCR = pytest.StashKey["VcrSession | None"]()  # the configured VCR of the test being run (pytest-recording)


class ThuliumContractWarning(UserWarning):
    """A recorded interaction with drift (undocumented fields) or no catalog endpoint (unchecked)."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("thulium", "thulium-explore contract tests")
    group.addoption(
        "--thulium-cassettes",
        action="append",
        default=[],
        metavar="PATH",
        help="vcrpy cassettes (files or folders) to check against the catalog, one test per interaction; repeatable",
    )
    group.addoption(
        "--thulium-strict",
        action="store_true",
        help="also fail on drift (undocumented response fields) and unchecked (unknown) endpoints",
    )
    group.addoption(
        "--thulium-allow-field",
        action="append",
        default=[],
        metavar="ENDPOINT:PATH",
        help="an undocumented field that recordings may store as received (e.g. customers.get:$.note), "
        "given to tests as the thulium_allow_fields fixture; repeatable",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Check the allow-list; remember the cassette folders and add them to what pytest collects."""
    allow = config.getoption("thulium_allow_field", default=[]) or []
    if allow:
        from thulium_explore.cassettes._deny import AllowList
        from thulium_explore.catalog._catalog import default_catalog

        try:
            config.stash[_ALLOW] = AllowList.parse(allow, default_catalog()).entries
        except ValueError as exc:
            raise pytest.UsageError(f"--thulium-allow-field: {exc}") from None
    given = config.getoption("thulium_cassettes", default=[]) or []
    if not given:
        return
    from thulium_explore._errors import CassetteError
    from thulium_explore.cassettes._file import find_cassettes

    try:
        find_cassettes(given)
    except CassetteError as exc:
        raise pytest.UsageError(f"--thulium-cassettes: {exc}") from None
    config.stash[_ROOTS] = tuple(Path(p).resolve() for p in given)
    for path in given:
        if not _covered(Path(path).resolve(), config):
            config.args.append(path)


def _covered(path: Path, config: pytest.Config) -> bool:
    """Whether an argument already collects ``path``, or narrows it (``cassettes/start.yaml::0``)."""
    for arg in config.args:
        base = Path(config.invocation_params.dir, str(arg).split("::")[0]).resolve()
        if path == base or base in path.parents or path in base.parents:
            return True
    return False


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Cassette files under a ``--thulium-cassettes`` path become collectors of interactions."""
    roots = parent.config.stash.get(_ROOTS, ())
    if not roots or file_path.suffix.lower() not in (".yaml", ".yml", ".json"):
        return None
    resolved = file_path.resolve()
    if any(resolved == root or root in resolved.parents for root in roots):
        return CassetteFile.from_parent(parent, path=file_path)
    return None


class CassetteFile(pytest.File):
    """One cassette: one test item per recorded interaction."""

    def collect(self) -> Iterator[pytest.Item]:
        from thulium_explore.cassettes._file import read_cassette

        cassette = read_cassette(self.path, name=self.display_name)
        for index, interaction in enumerate(cassette.interactions):
            yield InteractionItem.from_parent(self, name=str(index), index=index, interaction=interaction)

    @property
    def display_name(self) -> str:
        return str(self.nodeid).split("::")[0] or str(self.path)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> Any:  # type: ignore[override]
        from thulium_explore._errors import CassetteError

        if isinstance(excinfo.value, CassetteError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class InteractionFailed(Exception):
    """The interaction breaks the contract; the report says how."""

    def __init__(self, report: InteractionReport) -> None:
        super().__init__(str(report.outcome))
        self.report = report


class InteractionItem(pytest.Item):
    """One recorded interaction checked like ``thulium-explore verify`` checks it."""

    def __init__(self, *, index: int, interaction: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.index = index
        self.interaction = interaction

    def runtest(self) -> None:
        from thulium_explore.catalog._catalog import default_catalog
        from thulium_explore.contract._outcome import Outcome
        from thulium_explore.contract._verify import check_interaction

        assert isinstance(self.parent, CassetteFile)
        strict = bool(self.config.getoption("thulium_strict"))
        report = check_interaction(
            default_catalog(), self.parent.display_name, self.index, self.interaction, strict=strict
        )
        self.user_properties.append(("verdict", str(report.outcome)))
        if not report.ok:
            raise InteractionFailed(report)
        if report.outcome is not Outcome.PASS:
            warnings.warn(ThuliumContractWarning("\n".join(report.lines())), stacklevel=1)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, InteractionFailed):
            return "\n".join(excinfo.value.report.lines())
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        assert isinstance(self.parent, CassetteFile)
        return self.path, None, f"{self.parent.display_name}:{self.index}"


@pytest.fixture
def thulium_sandbox() -> Iterator[Sandbox]:
    """The catalog-driven local Thulium API on 127.0.0.1 (sample credentials ``api_user``/``api_pass``).

    Fresh per test; ``.base_url`` and ``.client()`` give a ready :class:`ThuliumClient`.
    """
    from thulium_explore.connection._sandbox import Sandbox

    with Sandbox() as sandbox:
        yield sandbox


@pytest.fixture
def thulium_allow_fields(request: pytest.FixtureRequest) -> tuple[str, ...]:
    """The ``--thulium-allow-field`` entries (checked), for ``recorder(..., allow=...)`` or ``connect(allow=...)``."""
    return request.config.stash.get(_ALLOW, ())


# -- pytest-recording -------------------------------------------------------------------------


@pytest.hookimpl(optionalhook=True)
def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    """pytest-recording's hook, once per ``@pytest.mark.vcr`` test: record and replay the toolkit's way."""
    from thulium_explore._settings import ENV_PASSWORD
    from thulium_explore.cassettes._vcr_config import configure_vcr

    password = os.environ.get(ENV_PASSWORD)
    allow: tuple[str, ...] = config.stash.get(_ALLOW, ())
    config.stash[_VCR] = configure_vcr(
        vcr,
        secrets=[password] if password else [],
        allow=allow,
        extra_paths=getattr(vcr.persister, "extra_paths", ()),  # @pytest.mark.vcr("shared.yaml")
    )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    item.config.stash[_VCR] = None  # set again by pytest_recording_configure when this test uses a cassette


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After a ``@pytest.mark.vcr`` test passed: check every interaction it recorded or replayed."""
    result = yield
    session = item.config.stash.get(_VCR, None)
    cassette = getattr(item, "funcargs", {}).get("vcr") if session is not None else None
    if session is not None and cassette is not None:
        _check_cassette(item, session, cassette)
    return result


def _check_cassette(item: pytest.Item, session: VcrSession, cassette: Any) -> None:
    """verify's verdict on each interaction: violations fail the test, drift and unchecked warn (strict: fail)."""
    from thulium_explore.cassettes._vcr_config import cassette_label
    from thulium_explore.contract._outcome import Outcome
    from thulium_explore.contract._verify import check_interaction

    strict = bool(item.config.getoption("thulium_strict"))
    label = cassette_label(cassette.path, item.config.invocation_params.dir)
    failed: list[str] = []
    for position, interaction in session.checked(cassette):
        report = check_interaction(session.catalog, label, position, interaction, strict=strict)
        item.user_properties.append((report.id, str(report.outcome)))
        if not report.ok:
            failed += report.lines()
        elif report.outcome is not Outcome.PASS:
            warnings.warn(ThuliumContractWarning("\n".join(report.lines())), stacklevel=1)
    if failed:
        pytest.fail("\n".join(failed), pytrace=False)


@pytest.fixture
def thulium_client(request: pytest.FixtureRequest) -> Iterator[ThuliumClient]:
    """A :class:`ThuliumClient` for the tenant in ``THULIUM_*``, else for the sandbox.

    In a ``@pytest.mark.vcr`` test whose cassette only replays (``--record-mode=none``, or ``once``
    with the cassette present) and no tenant configured, no sandbox is started: the client points at
    ``https://your-system-name.thulium.com`` with the sample credentials, and every answer comes
    from the cassette (replay ignores host and port), so ``--block-network`` holds.
    """
    from thulium_explore._settings import tenant_configured
    from thulium_explore.cassettes._scrub import PLACEHOLDER_ORIGIN
    from thulium_explore.client._client import ThuliumClient
    from thulium_explore.connection._sandbox import Sandbox
    from thulium_explore.sandbox._app import SAMPLE_PASSWORD, SAMPLE_USER

    if tenant_configured(os.environ):
        with ThuliumClient.from_env() as client:
            yield client
        return
    try:
        cassette = request.getfixturevalue("vcr")  # pytest-recording's cassette (None when not marked)
    except pytest.FixtureLookupError:
        cassette = None
    if cassette is not None and cassette.write_protected:
        with ThuliumClient(PLACEHOLDER_ORIGIN, SAMPLE_USER, SAMPLE_PASSWORD) as client:
            yield client
        return
    with Sandbox() as sandbox, sandbox.client() as client:
        yield client
