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
EXPECTED = {
    k: v
    for k, v in json.loads((DATA / "scan_expected.json").read_text(encoding="utf-8")).items()
    if not k.startswith("_")
}
ROOT = DATA.parents[1]
SECRETS = (
    "Canary-Pass-0001",
    "Y2FuYXJ5X3VzZXI6Q2FuYXJ5LVBhc3MtMDAwMQ",
    "kanarek",
    "canary-token-0001",
    "canary0001",
    "canary0002",
)


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
        "file": str(SCAN / "leaky_cassette.json"),
        "line": 7,
        "message": "Basic credentials (base64 of user:password)",
    }


def test_allowed_domain(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("a: support@thulium-support.example.pl\nb: x@sub.allowed.pl\n")
    assert len(scan(path).findings) == 2
    assert [f.line for f in scan(path, allow_domains=["allowed.pl"]).findings] == [1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mailto:kanarek.5@canary-leak.pl", 1),
        ("https://user:s3cr3t-Value@your-system-name.thulium.com/api", 1),
        ("https://user:password@your-system-name.thulium.com/api", 0),
        ("https://$THULIUM_USER:$THULIUM_PASSWORD@your-system-name.thulium.com/api", 0),
        ("https://user:<password>@host.example/x", 0),
        ("https://api.example.org/v1?to=x@canary-leak.pl", 1),
        ("git@github.com:org/repo.git", 0),  # an scp-style git remote, not an address
        ("https://cdn.example.pl/img/logo@2x.png", 0),
        ("https://x.thulium.com/api/customers/jan@firma.pl", 1),
        ("https://x.thulium.com/api/customers/jan%40firma.pl", 1),
        ("jan@xn--w-uga1v.pl", 1),
        ("jan@example.org.", 0),
        ("Authorization: Basic ***", 0),
        ("X-Token: Bearer canary-bearer-0001", 1),
        ("Bearer <token>", 0),
        ("-----BEGIN PRIVATE KEY-----", 1),
        ("-----BEGIN OPENSSH PRIVATE KEY-----", 1),
        ("-----BEGIN PUBLIC KEY-----", 0),
        ("?password=s3cret&x=1", 1),
        ("?password=<password>&x=1", 0),
        ("?client_secret=s3cret", 1),
        ("?apikey=abc123", 1),
        ("grant_type=password&user=x", 0),
        ("PESEL 44051401359", 1),
        ("PESEL 44051401358", 0),
        ("PESEL 44131401350", 0),  # checksum right, month 13 impossible
        ("NIP 123-456-32-18", 1),
        ("NIP 123-456-32-19", 0),
        ("tel 600 100 200", 1),
        ("tel (+48) 600-100-200", 1),
        ("tel 0048600100200", 1),
        ("id 600100200300", 0),
        ("id 600 100 200 300", 0),
        ("1600100200", 0),
        ("order 2600100200", 0),
        ("PL61 1090 1014 0000 0712 1981 2874", 1),
        ("PL61 1090 1014 0000 0712 1981 2875", 0),
        ("GB82WEST12345698765432", 1),
        ("GB82WEST12345698765433", 0),
        ("Basic dXNlcjpwYXNz", 1),
        ("Basic dXNlcnBhc3M=", 0),
        ("Basic ***", 0),
        ("curl -u api_user:api_pass https://x", 1),
        ('curl -u "$THULIUM_USER:$THULIUM_PASSWORD" https://x', 0),
        ("Authorization: Bearer abc.def", 1),
        ("Authorization: <redacted>", 0),
        ("kanarek%40canary-leak.pl", 1),
        ("a@b", 0),
    ],
)
def test_text_rules(tmp_path: Path, text: str, expected: int) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(f"first line\n{text}\n")
    findings = scan(path).findings
    assert len(findings) == expected, findings
    assert all(f.line == 2 for f in findings)


def test_secret_json_keys(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps(
            {
                "a": {"password": "canary"},
                "b": {"client_secret": "canary"},
                "c": {"token": ""},
                "d": {"password": "***"},
                "e": {"token_type": "Bearer"},
            },
            indent=1,
        )
    )
    assert [(f.line, f.message.split(" (")[0]) for f in scan(path).findings] == [
        (3, '"password" holds a value'),
        (6, '"client_secret" holds a value'),
    ]


def test_allow_list_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``.thulium-scan-allow``: ``PATH:LINE`` silences that line, ``PATH:LINE: MESSAGE`` one finding."""
    path = tmp_path / "c.yaml"
    path.write_text("a: anna@firma.pl\nb: PESEL 44051401359 anna@firma.pl\nc: bob@firma.pl\n")
    assert len(scan(path).findings) == 4
    allow = tmp_path / ".thulium-scan-allow"
    allow.write_text(
        "# why: the support address, on purpose\nc.yaml:1\n"
        "c.yaml:2: PESEL number (use a made-up one with a wrong checksum, e.g. 12345678901)\n"
    )
    monkeypatch.chdir(tmp_path)
    assert [(f.line, f.message[:8]) for f in scan("c.yaml").findings] == [(2, "e-mail a"), (3, "e-mail a")]
    assert len(scan(path, allow_file=None).findings) == 2  # the default: ./.thulium-scan-allow
    other = tmp_path / "elsewhere.txt"
    other.write_text("c.yaml:3\n")
    assert len(scan(path, allow_file=other).findings) == 3
    with pytest.raises(ScanError, match="no such allow-list file"):
        scan(path, allow_file=tmp_path / "missing")


@pytest.mark.timeout(20)  # a bound on correctness (no catastrophic backtracking), not a measurement
@pytest.mark.parametrize(
    "line",
    [
        "a@" * 500_000,
        "7" * 1_000_000,
        "QUJD" * 250_000,
        "a" * 1_000_000 + "@x",
        "PL12 " * 200_000,
        "password=" * 100_000,
        "6 " * 500_000,
        "-" * 1_000_000,
    ],
)
def test_hostile_one_megabyte_lines_finish(tmp_path: Path, line: str) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(line + "\n")
    scan(path)
    (tmp_path / "hostile.json").write_text(json.dumps({"body": line}))
    scan(tmp_path / "hostile.json")


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_gzip_bomb_is_not_inflated_without_limit(tmp_path: Path) -> None:
    """3 MB of gzip that inflates to 2 GiB: reported as too large to check, memory stays far below 2 GiB."""
    import struct
    import tracemalloc
    import zlib

    # one fully flushed deflate block of 16 MiB of zeros, repeated 128 times: a valid gzip member of 2 GiB
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = bytes(1 << 24)
    block = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(128):
        crc = zlib.crc32(zeros, crc)
    bomb = (
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
        + block * 128
        + packer.flush()
        + struct.pack("<II", crc, (128 << 24) & 0xFFFFFFFF)
    )
    assert len(bomb) < 3 << 20
    path = tmp_path / "bomb.yaml"
    path.write_text(
        f"interactions:\n- response:\n    body:\n      string: !!binary |\n        {base64.b64encode(bomb).decode()}\n"
    )
    del bomb, zeros
    tracemalloc.start()
    try:
        findings = scan_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(f.line, f.message) for f in findings] == [(4, "body too large to check (over 50 MB when decoded)")]
    assert peak < 300 << 20, peak


def test_minified_json_and_json_escapes(tmp_path: Path) -> None:
    path = tmp_path / "one_line.json"
    body = "x\\u0040canary-leak.pl kanarek\\u0040canary-leak.pl"
    path.write_text(json.dumps({"interactions": [{"response": {"body": {"string": "BODY"}}}]}).replace("BODY", body))
    assert [(f.line, f.message.split(" is ")[0]) for f in scan(path).findings] == [
        (1, "e-mail address k***@canary-leak.pl"),
        (1, "e-mail address x***@canary-leak.pl"),
    ]


def test_multi_line_yaml_string_reports_the_line_of_the_match(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        'body: "first line of a long body that vcrpy folded\\\n  \\ and here is kanarek.1@canary-leak.pl inside"\n'
    )
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
        "Basic credentials (base64 of user:password) (in a !!binary body)"
    ]


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
