"""Independent tools judge the OpenAPI export and the sandbox: Spectral, Redocly, Schemathesis, Prism.

None of these tools was written here, so they catch what our own tests share with our code: a document
that means something else than the catalog, a sandbox that answers what the document does not allow.

- Spectral (``spectral:oas``) and Redocly (``recommended``) lint the document: 0 errors, 0 warnings
  (rules turned off say why in tests/data/openapi/; one Redocly false positive is proven false here).
- Schemathesis runs every check (``--checks all``) in every phase, stateful included, against a sandbox.
- Prism, as a validating proxy in front of the sandbox, checks the chat lifecycle and each endpoint's
  documented example request, both ways.

The npm tools run with ``npx`` at pinned versions. They are skipped, with the reason, only when
npx is missing, or the package is not in npx's cache and the npm registry does not answer a ping.
"""

from __future__ import annotations

import functools
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import requests

from tests.integration import schemathesis_hooks as hooks
from thulium_explore import Sandbox, default_catalog
from thulium_explore._wire import _params
from thulium_explore.cli import main
from thulium_explore.sandbox import SANDBOX_CODES, Reply

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "tests" / "data" / "openapi"
SPECTRAL = "@stoplight/spectral-cli@6.16.3"
REDOCLY = "@redocly/cli@2.77.0"  # 2.x supports Node 20.19+ and 22.12+
PRISM = "@stoplight/prism-cli@5.14.2"  # 5.15+ needs Node 24
NPX_TIMEOUT = 600  # a first run downloads the package
#: Schemathesis: cases per operation and phase (bounded for CI), fixed seed.
MAX_EXAMPLES = 5
SEED = 1
#: Scenarios of the stateful run on the chat operations.
STATEFUL_EXAMPLES = 20
PRISM_ERRORS = "https://stoplight.io/prism/errors#"
#: stoplightio/prism#2443 (open): a required query parameter named with brackets (id[]) is never found.
PRISM_BRACKETS = re.compile(r"^Request query must have required property '(?P<name>[^']+)'$")


# -- the tools -----------------------------------------------------------------------------------


def _npx(
    package: str, *args: str, cwd: Path | None = None, timeout: float = NPX_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["npx", "-y", package, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={
            **os.environ,
            "NO_UPDATE_NOTIFIER": "1",
            "REDOCLY_TELEMETRY": "off",
            "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
        },
        check=False,
    )


@functools.cache
def _npm_unreachable(package: str) -> str | None:
    """Why ``package`` cannot run (npx missing; not cached and the registry does not answer), or None."""
    try:
        cached = subprocess.run(
            ["npx", "--offline", "-y", package, "--version"], capture_output=True, text=True, timeout=120, check=False
        )
    except FileNotFoundError:
        return "npx is not installed (install Node.js 20.19+ to run the npm-based OpenAPI tools)"
    if cached.returncode == 0:
        return None
    ping = subprocess.run(["npm", "ping"], capture_output=True, text=True, timeout=60, check=False)
    if ping.returncode != 0:
        lines = [line for line in ping.stderr.splitlines() if "complete log" not in line and line.strip()]
        why = "; ".join(lines[:2]) or f"exit {ping.returncode}"
        return f"{package} is not in the npx cache and the npm registry is unreachable (npm ping: {why})"
    return None


def _need(package: str) -> None:
    reason = _npm_unreachable(package)
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="module")
def document_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README path: ``thulium-explore openapi -o openapi.json``."""
    target = tmp_path_factory.mktemp("openapi") / "openapi.json"
    assert main(["openapi", "-o", str(target)]) == 0
    return target


@pytest.fixture(scope="module")
def document(document_file: Path) -> dict[str, Any]:
    return json.loads(document_file.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=SEED) as running:
        yield running


# -- linters ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def broken_file(document: dict[str, Any], document_file: Path) -> Path:
    """The export with the two defects of issue 14 put back: an array without ``items`` and the error
    object under ``default``. The linters must see them, so their clean verdict on the export means something."""
    broken = json.loads(json.dumps(document))
    errors = broken["components"]["schemas"]["common.error"]["properties"]["errors"]
    assert errors["type"] == "array"
    del errors["items"]
    responses = broken["paths"]["/api/chat_conversations/start"]["post"]["responses"]
    responses["default"] = responses.pop("4XX")
    del responses["5XX"]
    target = document_file.with_name("broken.json")
    target.write_text(json.dumps(broken), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def spectral(document_file: Path, broken_file: Path) -> dict[str, list[dict[str, Any]]]:
    """Spectral's results for each file (one run lints both)."""
    _need(SPECTRAL)
    ruleset = CONFIG / ".spectral.yaml"
    files = (document_file, broken_file)
    run = _npx(SPECTRAL, "lint", *map(str, files), "--ruleset", str(ruleset), "--format", "json", "--quiet")
    try:
        results = json.loads(run.stdout or "[]")
    except json.JSONDecodeError:
        pytest.fail(f"spectral did not answer JSON (exit {run.returncode}): {run.stdout[-2000:]}{run.stderr[-2000:]}")
    return {f.name: [r for r in results if Path(r["source"]).name == f.name] for f in files}


def test_spectral_finds_no_error_and_no_warning(spectral: dict[str, list[dict[str, Any]]]) -> None:
    # severities: 0 error, 1 warning, 2 info, 3 hint
    problems = [
        f"{r['code']} at {'.'.join(map(str, r['path']))}: {r['message']}"
        for r in spectral["openapi.json"]
        if r["severity"] <= 1
    ]
    assert problems == [], "\n".join(problems)


def test_spectral_would_catch_an_array_without_items(spectral: dict[str, list[dict[str, Any]]]) -> None:
    """The ruleset is live: the errors of issue 14 come back when an array loses its ``items``."""
    errors = [(r["code"], r["path"][-3:]) for r in spectral["broken.json"] if r["severity"] == 0]
    assert errors == [("array-items", ["common.error", "properties", "errors"])]


def _pointer(document: Any, pointer: str) -> Any:
    node = document
    for token in pointer.removeprefix("#/").split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


_CONDITIONAL = re.compile(r"^(?P<owner>.*?)/(?:if|then|else|not|anyOf/\d+|oneOf/\d+|allOf/\d+)(?:/|$)")


def _defined_by_enclosing_schema(document: dict[str, Any], pointer: str) -> bool:
    """``…/schema/if/not/required/0``: the required name is a property of ``…/schema``."""
    match = _CONDITIONAL.match(pointer)
    if match is None:
        return False
    name = _pointer(document, pointer)
    owner = _pointer(document, match.group("owner"))
    return isinstance(owner, dict) and name in owner.get("properties", {})


@pytest.fixture(scope="module")
def redocly(document_file: Path, broken_file: Path) -> dict[str, dict[str, Any]]:
    """Redocly's report for each file (one run lints both; it prints one JSON object per file)."""
    _need(REDOCLY)
    files = (document_file, broken_file)
    run = _npx(REDOCLY, "lint", *map(str, files), "--config", str(CONFIG / "redocly.yaml"), "--format", "json")
    reports, decoder, at = [], json.JSONDecoder(), 0
    text = run.stdout
    try:
        while text[at:].strip():
            at += len(text[at:]) - len(text[at:].lstrip())
            report, at = decoder.raw_decode(text, at)
            reports.append(report)
    except json.JSONDecodeError:
        pytest.fail(f"redocly did not answer JSON (exit {run.returncode}): {text[-2000:]}{run.stderr[-2000:]}")
    assert len(reports) == len(files), text[-2000:]
    return {f.name: r for f, r in zip(files, reports, strict=True)}


def _redocly_problems(report: dict[str, Any], document: dict[str, Any]) -> list[str]:
    problems = []
    for problem in report["problems"]:
        pointers = [location["pointer"] for location in problem["location"]]
        if problem["ruleId"] == "no-required-schema-properties-undefined" and all(
            _defined_by_enclosing_schema(document, p) for p in pointers
        ):
            continue  # a false positive: Redocly reads a conditional subschema without its enclosing schema
        problems.append(f"{problem['severity']} {problem['ruleId']} at {pointers}: {problem['message']}")
    return problems


def test_redocly_finds_no_error_and_no_warning(redocly: dict[str, dict[str, Any]], document: dict[str, Any]) -> None:
    assert _redocly_problems(redocly["openapi.json"], document) == []
    assert redocly["openapi.json"]["totals"]["errors"] == 0


def test_redocly_would_catch_a_default_error_response(redocly: dict[str, dict[str, Any]], broken_file: Path) -> None:
    """The config is live: the error object back under ``default`` brings the 4XX warning back."""
    broken = json.loads(broken_file.read_text(encoding="utf-8"))
    problems = _redocly_problems(redocly["broken.json"], broken)
    assert len(problems) == 1 and "operation-4xx-response" in problems[0], problems


# -- Schemathesis ----------------------------------------------------------------------------------


def _schemathesis(
    document_file: Path,
    sandbox: Sandbox,
    report: Path,
    *extra: str,
    phases: str = "examples,coverage,fuzzing,stateful",
    max_examples: int = MAX_EXAMPLES,
) -> subprocess.CompletedProcess[str]:
    st = Path(sys.executable).with_name("st")
    command = [
        str(st) if st.exists() else "st",
        "run",
        str(document_file),
        "--url",
        sandbox.base_url,
        "--auth",
        f"{sandbox.user}:{sandbox.password}",
        "--checks",
        "all",
        "--phases",
        phases,
        "--max-examples",
        str(max_examples),
        "--seed",
        str(SEED),
        "--workers",
        "1",  # 2 workers hit CPython 3.11's "AST constructor recursion depth mismatch" (ast in threads)
        "--generation-with-security-parameters",
        "false",  # credentials come from --auth
        "--generation-database",
        "none",
        "--suppress-health-check",
        "all",  # a few cases per operation: generation speed is not under test
        "--no-color",
        "--report",
        "ndjson",
        "--report-ndjson-path",
        str(report),
        *extra,
    ]
    env = {
        **os.environ,
        "SCHEMATHESIS_HOOKS": "tests.integration.schemathesis_hooks",
        "PYTHONPATH": str(ROOT),
        "THULIUM_EXPLORE_KNOWN_LOG": str(report.with_suffix(".known")),
    }
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900, env=env, check=False)


def _events(report: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    for line in report.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        ((kind, body),) = event.items()
        yield kind, body


def _stateful_calls(report: Path) -> Counter[tuple[str, str, int]]:
    """(method, catalog path, status) of every call the stateful phase made."""
    catalog = default_catalog()
    calls: Counter[tuple[str, str, int]] = Counter()
    for kind, body in _events(report):
        if kind != "ScenarioFinished" or body.get("phase") != "stateful":
            continue
        for interaction in body["recorder"].get("interactions", {}).values():
            request, response = interaction["request"], interaction.get("response")
            if response is None:
                continue
            path = urlsplit(request["uri"]).path
            found = catalog.match(request["method"], path)
            template = found[0].path if found else path
            calls[(request["method"], template, response["status_code"])] += 1
    return calls


@pytest.mark.timeout(900)  # ~5,000 requests (coverage phase: every operation's boundaries and undeclared methods)
def _assert_clean(run: subprocess.CompletedProcess[str], phases: tuple[str, ...]) -> None:
    summary = run.stdout[run.stdout.find("SUMMARY") :] if "SUMMARY" in run.stdout else run.stdout[-3000:]
    starts = [run.stdout.find(h) for h in ("= ERRORS =", "= FAILURES =", "= WARNINGS =") if h in run.stdout]
    failures = run.stdout[min(starts) : run.stdout.find("SUMMARY")] if starts else ""
    assert run.returncode == 0, f"{failures[:6000]}\n{summary}\n{run.stderr[-2000:]}"
    for phase in phases:
        assert re.search(rf"✅ {phase}\b", summary), f"{phase} did not pass:\n{summary}"


def _print_known(report: Path) -> None:
    """Shown with -s (and in CI's log): what filter_failure set aside, and why."""
    dropped = report.with_suffix(".known")
    if dropped.exists():
        print("known disagreements set aside:", dict(Counter(dropped.read_text(encoding="utf-8").splitlines())))


def test_schemathesis_all_checks_all_phases_find_nothing(document_file: Path, sandbox: Sandbox, tmp_path: Path) -> None:
    report = tmp_path / "events.ndjson"
    run = _schemathesis(document_file, sandbox, report)
    _assert_clean(run, ("Examples", "Coverage", "Fuzzing", "Stateful"))
    _print_known(report)


def test_schemathesis_stateful_phase_follows_the_links_through_a_chat(
    document_file: Path, sandbox: Sandbox, tmp_path: Path
) -> None:
    """From a started chat to the operations its links name (message, stop, delete, delete_content): the
    stateful phase, every check, on the chat operations alone (the full run samples all 86 operations)."""
    start = default_catalog()["chat_conversations.start"]
    targets = [default_catalog()[link.target] for link in start.links if not link.each_item]
    chosen = [arg for e in (start, *targets) for arg in ("--include-operation-id", e.id)]
    report = tmp_path / "events.ndjson"
    run = _schemathesis(document_file, sandbox, report, *chosen, phases="stateful", max_examples=STATEFUL_EXAMPLES)
    _assert_clean(run, ("Stateful",))
    _print_known(report)
    reached = {(method, path) for method, path, status in _stateful_calls(report) if 200 <= status < 300}
    assert reached >= {(e.method, e.path) for e in targets}, f"the stateful phase reached only {sorted(reached)}"


def _error_answer(status: int, code: int, *messages: str) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    errors = [{"message": m, "code": code} for m in messages]
    response._content = json.dumps({"request_id": "x", "errors": errors}).encode()
    return response


class _Case:
    path = formatted_path = "/api/chat_conversations/start"


class AllowHeaderMismatch:
    def __init__(self, undocumented: list[str]) -> None:
        self.missing_methods: list[str] = []
        self.undocumented_methods = undocumented


class UnsupportedMethodResponse:
    def __init__(self, method: str) -> None:
        self.method = method


class RejectedPositiveData:
    pass


def test_the_known_disagreements_are_narrow() -> None:
    """``filter_failure`` drops only the listed cases; the same failure kinds otherwise still fail the run."""
    known = hooks.known_disagreement
    assert known(AllowHeaderMismatch(["DELETE"]), _Case(), None) is None
    assert known(UnsupportedMethodResponse("DELETE"), _Case(), None) is None
    closed, bad = SANDBOX_CODES["conversation_closed"], SANDBOX_CODES["bad_request"]
    rejected = RejectedPositiveData()
    assert known(rejected, _Case(), _error_answer(400, closed, "id: closed")) is None
    assert known(rejected, _Case(), _error_answer(400, bad, "agent_login: Agent not found.")) == (
        "documented-not-found-400"
    )
    for other in (
        _error_answer(400, bad, "custom_fields.Segment: 'VIP' is not of type 'array'"),
        _error_answer(400, bad, "agent_login: Agent not found.", "limit: 0 is less than the minimum of 1"),
        _error_answer(404, bad, "agent_login: Agent not found."),
    ):
        assert known(rejected, _Case(), other) is None


def test_sandbox_routes_a_concrete_path_before_a_template(sandbox: Sandbox) -> None:
    """OpenAPI matches a concrete path before a templated one; so does the sandbox (Catalog.routes)."""
    auth = (sandbox.user, sandbox.password)
    for method in ("OPTIONS", "DELETE"):
        response = requests.request(method, sandbox.base_url + "/api/chat_conversations/start", auth=auth, timeout=30)
        assert (response.status_code, response.headers.get("Allow")) == (405, "POST"), method


def test_sandbox_answers_409_to_a_message_for_a_closed_conversation(sandbox: Sandbox) -> None:
    """A conflict with the conversation's state (sandbox-only status: the docs give none)."""
    client = sandbox.client()
    conversation = client.chat_conversations.start(chat_queue_id=3).json["conversation_id"]
    client.chat_conversations.stop(id=conversation)
    response = requests.post(
        f"{sandbox.base_url}/api/chat_conversations/{conversation}/message",
        json={"text": "Dzień dobry"},
        auth=(sandbox.user, sandbox.password),
        timeout=30,
    )
    assert response.status_code == 409


def test_the_hooks_spell_whole_floats_like_the_client_and_know_cross_parameter_rules() -> None:
    assert hooks.spelled_as_client({"a": [3.0, 3.5], "b": 7.0}) == {"a": [3, 3.5], "b": 7}
    assert _params.to_wire(default_catalog()["chat_conversations.start"], {"chat_queue_id": 3.0}).query == [
        ("chat_queue_id", "3")
    ]
    crossed = [e for e in default_catalog() if hooks.breaks_a_cross_parameter_rule(e, e.example_parameters())]
    assert crossed == [], "a documented example breaks its own cross-parameter rule"
    report = default_catalog().endpoints.get("agents.work_report")
    if report is not None:
        valid = report.example_parameters()
        assert not hooks.breaks_a_cross_parameter_rule(report, valid)
        bare = {k: v for k, v in valid.items() if k not in ("agent_logins", "agent_group_ids")}
        assert hooks.breaks_a_cross_parameter_rule(report, bare)


# -- Prism -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def prism(document_file: Path, sandbox: Sandbox) -> Iterator[str]:
    """``prism proxy openapi.json <sandbox> --errors`` on a free port; its base URL."""
    _need(PRISM)
    port = _free_port()
    log = document_file.with_name("prism.log")
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [
                "npx",
                "-y",
                PRISM,
                "proxy",
                str(document_file),
                sandbox.base_url,
                "--errors",
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 180
        while "Prism is listening" not in log.read_text(encoding="utf-8"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"prism did not start:\n{log.read_text(encoding='utf-8')[-3000:]}")
            time.sleep(0.5)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _free_port() -> int:
    """A free port on 127.0.0.1 (closed again before Prism binds it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _violations(response: requests.Response) -> list[str]:
    """What Prism found wrong: an ``sl-violations`` header, or its own error answer (problem+json)."""
    found = []
    if response.headers.get("sl-violations"):
        found.append(response.headers["sl-violations"])
    if response.headers.get("content-type", "").startswith("application/problem+json"):
        body = response.json()
        if str(body.get("type", "")).startswith(PRISM_ERRORS):
            found.append(json.dumps(body, ensure_ascii=False))
    return found


def _through(prism: str, endpoint_id: str, params: dict[str, Any], auth: tuple[str, str]) -> requests.Response:
    endpoint = default_catalog()[endpoint_id]
    wire = _params.to_wire(endpoint, params)
    headers = {"Content-Type": wire.content_type} if wire.body is not None else {}
    return requests.request(
        wire.method, prism + wire.path, params=wire.query, data=wire.body, headers=headers, auth=auth, timeout=60
    )


def test_prism_validation_is_live(prism: str, sandbox: Sandbox) -> None:
    """A request the document forbids is stopped by Prism, so a clean answer below means something."""
    response = _through(prism, "chat_conversations.start", {"chat_queue_id": "three"}, (sandbox.user, sandbox.password))
    assert response.status_code == 422 and _violations(response)


def test_prism_catches_an_answer_the_document_forbids(prism: str, sandbox: Sandbox) -> None:
    """And an answer: the error object with a 201 (which ``default`` used to allow) is a violation."""
    auth = (sandbox.user, sandbox.password)
    original = sandbox.handlers.get("chat_conversations.start")
    sandbox.handlers["chat_conversations.start"] = lambda call: Reply(201, {"request_id": "x", "errors": []})
    try:
        response = _through(prism, "chat_conversations.start", {"chat_queue_id": 3}, auth)
    finally:
        if original is None:
            del sandbox.handlers["chat_conversations.start"]
        else:
            sandbox.handlers["chat_conversations.start"] = original
    assert _violations(response), (response.status_code, dict(response.headers))


def test_prism_proxy_sees_no_violation_in_the_chat_lifecycle(prism: str, sandbox: Sandbox) -> None:
    auth = (sandbox.user, sandbox.password)
    steps: list[tuple[str, dict[str, Any]]] = []
    started = _through(prism, "chat_conversations.start", {"chat_queue_id": 3, "client_id": "1234"}, auth)
    assert started.status_code == 200 and not _violations(started), _violations(started)
    conversation = started.json()["conversation_id"]
    steps = [
        ("chat_conversations.message", {"id": conversation, "text": "Dzień dobry"}),
        ("chat_conversations.stop", {"id": conversation}),
        ("chats.list", {"include_messages": True}),
        ("chat_conversations.delete_content", {"id": conversation, "participant": "both"}),
        ("chat_conversations.delete", {"id": conversation}),
        ("chat_conversations.stop", {"id": conversation}),  # gone: the error object under 4XX
    ]
    statuses = []
    for endpoint_id, params in steps:
        response = _through(prism, endpoint_id, params, auth)
        assert not _violations(response), (endpoint_id, _violations(response))
        statuses.append(response.status_code)
    assert statuses[:-1] == [200] * (len(steps) - 1) and statuses[-1] == 404, statuses


def _only_prism_bracket_bug(response: requests.Response, endpoint_id: str) -> bool:
    """stoplightio/prism#2443: Prism looks for a required ``id[]`` as ``id%5b%5d`` and never finds it."""
    if response.status_code != 422 or response.headers.get("sl-violations"):
        return False
    validation = response.json().get("validation", [])
    required = {
        p.name
        for p in default_catalog()[endpoint_id].parameters
        if p.location == "query" and p.required and p.type == "array"
    }
    names = set()
    for item in validation:
        match = PRISM_BRACKETS.match(item.get("message", ""))
        if match is None:
            return False
        names.add(unquote(match.group("name")).removesuffix("[]"))
    return bool(validation) and names <= required


def test_prism_proxy_sees_no_violation_in_any_documented_example(prism: str, sandbox: Sandbox) -> None:
    auth = (sandbox.user, sandbox.password)
    problems, prism_bug = [], []
    for endpoint in default_catalog():
        response = _through(prism, endpoint.id, endpoint.example_parameters(), auth)
        if _only_prism_bracket_bug(response, endpoint.id):
            prism_bug.append(endpoint.id)
            continue
        if _violations(response):
            problems.append(f"{endpoint.id} ({response.status_code}): {_violations(response)}")
    assert problems == [], "\n".join(problems)
    # the upstream bug hides only endpoints with a required list in the query (checked by Schemathesis)
    assert len(prism_bug) < len(list(default_catalog())) // 4, prism_bug
