"""Reports CI systems read: ``verify --format junit|github|json``, ``scan --format sarif|github``, ``verify -j``.

Judged by readers nobody here wrote where one is at hand: the SARIF 2.1.0 JSON schema shipped in the
npm package ``@microsoft/jest-sarif`` (checked with jsonschema), junitparser when installed, and
Python's XML parser for well-formedness; line numbers are checked against the cassette text itself.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from thulium_explore.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"
CASSETTES = DATA / "cassettes"
CHECKED = [CASSETTES / d for d in ("conforming", "violations", "drift", "unknown")]
JEST_SARIF = "@microsoft/jest-sarif@1.0.0-beta.0"  # ships the SARIF 2.1.0 (rtm.5) JSON schema


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    def invoke(*args: str | Path) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def _xml(text: str) -> ET.Element:
    """Our own report, parsed by Python's XML reader (well-formedness is what is checked)."""
    return ET.fromstring(text.encode("utf-8"))  # noqa: S314 - the text is this test's own output


def _starts_interaction(path: Path, line: int) -> bool:
    """True when ``line`` (1-based) of the cassette is where an interaction starts."""
    text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    return text.startswith("- request:") or text.strip() in ("{", '{"request": {') or text.lstrip().startswith("{")


# --- verify -------------------------------------------------------------------------------------


def test_junit_has_one_testcase_per_interaction_with_its_failures_and_lines(run: Callable[..., Any]) -> None:
    code, out, _ = run("verify", *CHECKED, "--format", "junit", "-j", "1")
    _, as_json, _ = run("verify", *CHECKED, "--format", "json", "-j", "1")
    report = json.loads(as_json)
    assert code == 1
    root = _xml(out)
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(report["interactions"]) == int(root.get("tests", "-1"))
    failing = [i for i in report["interactions"] if not i["ok"]]
    assert int(root.get("failures", "-1")) == len(failing) == len(root.findall("./testsuite/testcase/failure"))
    for case, item in zip(cases, report["interactions"], strict=True):
        assert case.get("file") == item["cassette"] and case.get("classname") == item["cassette"]
        assert int(case.get("line", "0")) == item["line"]
        assert _starts_interaction(Path(item["cassette"]), item["line"])
        failure = case.find("failure")
        assert (failure is not None) == (not item["ok"])
        if failure is not None:  # every problem listed, by JSON path
            for problem in item["request_problems"] + item["response_problems"]:
                assert problem["path"] in (failure.text or "")
        if item["verdict"] == "unchecked":
            assert case.find("skipped") is not None


def test_junit_is_read_by_junitparser(run: Callable[..., Any], tmp_path: Path) -> None:
    junitparser = pytest.importorskip("junitparser", reason="junitparser (an independent JUnit reader) not installed")
    _, out, _ = run("verify", *CHECKED, "--format", "junit", "-j", "1")
    path = tmp_path / "verify.xml"
    path.write_text(out, encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert sum(s.tests for s in suites) == len(_xml(out).findall("./testsuite/testcase"))
    assert sum(s.failures for s in suites) == int(_xml(out).get("failures", "-1"))


def test_junit_carries_control_characters_as_valid_xml(run: Callable[..., Any], tmp_path: Path) -> None:
    """A recorded body may hold any character (here in an undocumented key, which drift names as it is);
    XML 1.0 cannot carry most control characters, so they are written as \\uXXXX."""
    source = (CASSETTES / "drift" / "undocumented_field.yaml").read_text(encoding="utf-8")
    broken = source.replace('"queue_position": 2', '"queue\\u0001\\u001bposition": 2', 1)
    assert broken != source
    path = tmp_path / "control.yaml"
    path.write_text(broken, encoding="utf-8")
    code, out, _ = run("verify", path, "--format", "junit")
    assert code == 0
    system_out = _xml(out).find(".//system-out")
    assert system_out is not None and "$.queue\\u0001\\u001bposition: is not documented" in (system_out.text or "")


def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_annotations_point_at_the_failing_interactions(run: Callable[..., Any]) -> None:
    code, out, _ = run("verify", *CHECKED, "--format", "github", "-j", "1")
    _, as_json, _ = run("verify", *CHECKED, "--json", "-j", "1")
    report = json.loads(as_json)
    lines = out.splitlines()
    assert code == 1 and lines[-1].startswith("verify: ")
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(errors) == len([i for i in report["interactions"] if not i["ok"]])
    assert len(warnings) == len([i for i in report["interactions"] if i["ok"] and i["verdict"] != "pass"])
    for line in errors + warnings:
        props, message = line.split(" ", 1)[1].split("::", 1)
        fields = dict(part.split("=", 1) for part in props.split(","))
        file, number = _unescape(fields["file"]), int(fields["line"])
        assert _starts_interaction(Path(file), number)
        assert "\n" not in line and _unescape(message).startswith(f"{file}:")


def test_json_alias_and_format_json_agree_and_conflicts_are_usage_errors(run: Callable[..., Any]) -> None:
    one = run("verify", CASSETTES / "drift", "--json")
    two = run("verify", CASSETTES / "drift", "--format", "json")
    assert one == two and json.loads(one[1])["ok"] is True
    code, _, err = run("verify", CASSETTES / "drift", "--json", "--format", "junit")
    assert code == 2 and "--json and --format junit disagree" in err and err.count("\n") == 1
    code, _, err = run("verify", CASSETTES / "drift", "-j", "0")
    assert code == 2 and "-j 0" in err


def test_parallel_output_is_the_serial_output(run: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """-j 2 (worker processes, even for these small files) prints exactly what -j 1 prints."""
    import thulium_explore.contract._verify as verify_module

    monkeypatch.setattr(verify_module, "PARALLEL_FROM_BYTES", 0)
    used: list[int] = []
    real = verify_module.ProcessPoolExecutor

    def counting(*args: Any, **kwargs: Any) -> Any:
        used.append(kwargs["max_workers"])
        return real(*args, **kwargs)

    monkeypatch.setattr(verify_module, "ProcessPoolExecutor", counting)
    serial = run("verify", *CHECKED, "-j", "1", "--json")
    assert not used
    parallel = run("verify", *CHECKED, "-j", "2", "--json")
    assert used == [2]
    assert parallel == serial


# --- scan ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_schema(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The SARIF 2.1.0 JSON schema as Microsoft's SARIF jest matchers ship it (npm)."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: the SARIF schema comes from the npm package " + JEST_SARIF)
    folder = tmp_path_factory.mktemp("jest-sarif")
    done = subprocess.run(
        [npm, "pack", JEST_SARIF, "--silent"], cwd=folder, capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        pytest.skip(f"npm registry unreachable ({done.stderr.strip()[:200]}): cannot fetch {JEST_SARIF}")
    with tarfile.open(folder / done.stdout.strip().splitlines()[-1]) as archive:
        member = archive.extractfile("package/lib/schemas/sarif-2.1.0-rtm.5.json")
        assert member is not None
        return json.loads(member.read())  # type: ignore[no-any-return]


@pytest.fixture
def no_allow(tmp_path: Path) -> Path:
    """An empty allow list: every finding is reported, whatever the working directory holds."""
    path = tmp_path / "allow"
    path.write_text("", encoding="utf-8")
    return path


def _sarif(run: Callable[..., Any], allow: Path, *paths: Path) -> tuple[int, dict[str, Any]]:
    code, out, _ = run("scan", *paths, "--format", "sarif", "--allow-file", allow)
    return code, json.loads(out)


def test_sarif_is_valid_sarif_2_1_0(run: Callable[..., Any], sarif_schema: dict[str, Any], no_allow: Path) -> None:
    import jsonschema

    code, log = _sarif(run, no_allow, DATA / "scan")
    assert code == 1
    errors = [e.message for e in jsonschema.Draft4Validator(sarif_schema).iter_errors(log)]
    assert errors == []
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert list(jsonschema.Draft4Validator(sarif_schema).iter_errors(broken))  # the schema does judge


def test_sarif_has_what_github_code_scanning_requires(run: Callable[..., Any], no_allow: Path) -> None:
    """GitHub's upload needs version 2.1.0, a driver name, and per result a message, a rule id, a
    repository-relative uri and a start line; each finding of the text report is one result."""
    from thulium_explore import scan

    code, log = _sarif(run, no_allow, DATA / "scan")
    report = scan([DATA / "scan"], allow_file=no_allow)
    assert code == 1 and log["version"] == "2.1.0"
    (single,) = log["runs"]
    assert single["tool"]["driver"]["name"] == "thulium-explore scan"
    rule_ids = [rule["id"] for rule in single["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    assert len(single["results"]) == len(report.findings)
    for result, finding in zip(single["results"], report.findings, strict=True):
        assert result["message"]["text"] == finding.message
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert not uri.startswith("/") and Path(uri).resolve() == Path(finding.file).resolve()
        assert location["region"]["startLine"] == finding.line >= 1


def test_sarif_of_a_clean_folder_has_no_results(run: Callable[..., Any], no_allow: Path) -> None:
    code, log = _sarif(run, no_allow, CASSETTES / "conforming")
    assert code == 0 and log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_scan_github_annotations(run: Callable[..., Any], no_allow: Path) -> None:
    from thulium_explore import scan

    code, out, _ = run("scan", DATA / "scan", "--format", "github", "--allow-file", no_allow)
    report = scan([DATA / "scan"], allow_file=no_allow)
    lines = out.splitlines()
    assert code == 1 and lines[-1] == report.summary()
    assert len(lines) - 1 == len(report.findings)
    for annotation, finding in zip(lines[:-1], report.findings, strict=True):
        props, message = annotation.removeprefix("::error ").split("::", 1)
        fields = dict(part.split("=", 1) for part in props.split(","))
        file = _unescape(fields["file"])
        assert not Path(file).is_absolute() and Path(file).resolve() == Path(finding.file).resolve()
        assert (int(fields["line"]), _unescape(message)) == (finding.line, finding.message)


def test_scan_json_format(run: Callable[..., Any]) -> None:
    code, out, _ = run("scan", CASSETTES / "conforming", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["ok"] is True and data["findings"] == [] and data["summary"].startswith("scan: ")
