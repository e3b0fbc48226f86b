"""scan(): canaries planted in every form are found at their real line; clean files stay clean."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import pytest

from thulium_explore import Finding, ScanError, scan
from thulium_explore.scanner._scan import scan_file

DATA = Path(__file__).resolve().parents[1] / "data"
SCAN = DATA / "scan"
EXPECTED = {k: v for k, v in json.loads((DATA / "scan_expected.json").read_text(encoding="utf-8")).items()
            if not k.startswith("_")}
ROOT = DATA.parents[1]
SECRETS = ("Canary-Pass-0001", "Y2FuYXJ5X3VzZXI6Q2FuYXJ5LVBhc3MtMDAwMQ", "kanarek", "canary-token-0001",
           "canary0001", "canary0002")


@pytest.mark.parametrize("name", sorted(p.name for p in SCAN.iterdir()))
def test_findings_are_exactly_the_canaries_at_their_lines(name: str) -> None:
    path = SCAN / name
    found = [[f.line, f.message] for f in sorted(scan_file(path))]
    expected = EXPECTED.get(name, [])
    assert found == [[line, message] for line, message, _ in expected]
    lines = path.read_text(encoding="utf-8").splitlines()
    for line, _, needle in expected:
        assert needle in lines[line - 1], (line, needle)


def test_findings_never_repeat_the_secret() -> None:
    report = scan(SCAN)
    text = "\n".join(report.lines())
    for secret in SECRETS:
        assert secret not in text


def test_report_format_and_exit_code() -> None:
    report = scan([SCAN / "leaky_cassette.json", SCAN / "clean_cassette.yaml"])
    assert report.exit_code == 1 and not report.ok
    assert report.lines()[0] == f"{SCAN / 'leaky_cassette.json'}:7: Basic credentials (base64 of user:password)"
    assert report.summary() == "scan: 3 findings in 1 of 2 files"
    clean = scan(SCAN / "clean_cassette.yaml")
    assert clean.ok and clean.exit_code == 0
    assert clean.lines() == ["scan: 1 file, no secrets or personal data found"]
    assert json.loads(json.dumps(report.as_dict()))["findings"][0] == {
        "file": str(SCAN / "leaky_cassette.json"), "line": 7, "message": "Basic credentials (base64 of user:password)"}


def test_allowed_domain(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("a: support@thulium-support.example.pl\nb: x@sub.allowed.pl\n")
    assert len(scan(path).findings) == 2
    assert [f.line for f in scan(path, allow_domains=["allowed.pl"]).findings] == [1]


@pytest.mark.parametrize(("text", "expected"), [
    ("mailto:kanarek.5@canary-leak.pl", 1),
    ("https://user:s3cr3t-Value@your-system-name.thulium.com/api", 1),
    ("https://user:password@your-system-name.thulium.com/api", 0),
    ("https://$THULIUM_USER:$THULIUM_PASSWORD@your-system-name.thulium.com/api", 0),
    ("https://user:<password>@host.example/x", 0),
    ("https://api.example.org/v1?to=x@canary-leak.pl", 1),
    ("git@github.com:org/repo.git", 1),
    ("Basic dXNlcjpwYXNz", 1),
    ("Basic dXNlcnBhc3M=", 0),
    ("Basic ***", 0),
    ("curl -u api_user:api_pass https://x", 1),
    ("curl -u \"$THULIUM_USER:$THULIUM_PASSWORD\" https://x", 0),
    ("Authorization: Bearer abc.def", 1),
    ("Authorization: <redacted>", 0),
    ("kanarek%40canary-leak.pl", 1),
    ("a@b", 0),
])
def test_text_rules(tmp_path: Path, text: str, expected: int) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(f"first line\n{text}\n")
    findings = scan(path).findings
    assert len(findings) == expected, findings
    assert all(f.line == 2 for f in findings)


def test_minified_json_and_json_escapes(tmp_path: Path) -> None:
    path = tmp_path / "one_line.json"
    body = "x\\u0040canary-leak.pl kanarek\\u0040canary-leak.pl"
    path.write_text(json.dumps({"interactions": [{"response": {"body": {"string": "BODY"}}}]}).replace("BODY", body))
    assert [(f.line, f.message.split(" is ")[0]) for f in scan(path).findings] == [
        (1, "e-mail address k***@canary-leak.pl"), (1, "e-mail address x***@canary-leak.pl")]


def test_multi_line_yaml_string_reports_the_line_of_the_match(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text('body: "first line of a long body that vcrpy folded\\\n'
                    '  \\ and here is kanarek.1@canary-leak.pl inside"\n')
    assert [f.line for f in scan(path).findings] == [2]


def test_deflate_binary_body(tmp_path: Path) -> None:
    import zlib

    packed = base64.b64encode(zlib.compress(b'{"email": "kanarek.1@canary-leak.pl"}')).decode()
    path = tmp_path / "c.yaml"
    path.write_text(f"interactions:\n- response:\n    body:\n      string: !!binary |\n        {packed}\n")
    assert [(f.line, f.message.endswith("(in a !!binary body)")) for f in scan(path).findings] == [(4, True)]
    gz = base64.b64encode(gzip.compress(b"Basic dXNlcjpwYXNz")).decode()
    path.write_text(f"s: !!binary {gz}\n")
    assert [f.message for f in scan(path).findings] == [
        "Basic credentials (base64 of user:password) (in a !!binary body)"]


def test_folder_scan_takes_cassettes_and_notebooks_only(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("a: kanarek@canary-leak.pl\n")
    (tmp_path / "notes.md").write_text("kanarek@canary-leak.pl\n")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "n-checkpoint.ipynb").write_text('{"cells": []}')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "n.ipynb").write_text('{"cells": [], "metadata": {"widgets": {}}}')
    report = scan(tmp_path)
    assert report.files == [str(tmp_path / "a.yaml"), str(tmp_path / "sub" / "n.ipynb")]
    assert [Path(f.file).name for f in report.findings] == ["a.yaml", "n.ipynb"]
    assert scan(tmp_path / "notes.md").findings[0].line == 1


def test_missing_path_is_an_error() -> None:
    with pytest.raises(ScanError, match=r"^/nonexistent: no such file or folder$"):
        scan("/nonexistent")


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("a: 1\n")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ScanError, match=r"c\.yaml: cannot read: Permission denied$"):
        scan(path)


def test_finding_str() -> None:
    assert str(Finding("a.yaml", 3, "what")) == "a.yaml:3: what"


def test_repo_cassettes_and_notebooks_are_clean() -> None:
    """What CI runs as ``thulium-explore scan cassettes/ notebooks/``."""
    paths = [p for p in (ROOT / "cassettes", ROOT / "notebooks") if p.exists()]
    report = scan(paths)
    assert report.ok, "\n".join(report.lines())


def test_unparsed_file_reports_every_plain_occurrence(tmp_path: Path) -> None:
    """Line by line for plain text; an escaped form of an already reported finding adds no line (known limit)."""
    path = tmp_path / "broken.yaml"
    path.write_text("a: [\nb: kanarek@canary-leak.pl\nc: kanarek@canary-leak.pl\nd: kanarek%40canary-leak.pl\n")
    assert [f.line for f in scan(path).findings] == [2, 3]
