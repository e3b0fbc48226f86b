"""verify(): exact verdicts for the cassette fixtures, one-line errors for malformed ones, request decoding."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from thulium_explore import CassetteError, Report, default_catalog, verify
from thulium_explore.cassettes import read_cassette
from thulium_explore.cassettes._yaml import _yaml_loader
from thulium_explore.cassettes._yaml import load_yaml as _load_yaml
from thulium_explore.contract._verify import check_interaction

DATA = Path(__file__).resolve().parents[1] / "data"
CASSETTES = DATA / "cassettes"
EXPECTED = json.loads((DATA / "verify_expected.json").read_text(encoding="utf-8"))
CHECKED_FOLDERS = ("conforming", "violations", "drift", "unknown")
START = "https://your-system-name.thulium.com/api/chat_conversations/start"


@pytest.fixture(scope="module")
def reports() -> dict[bool, Report]:
    folders = [CASSETTES / d for d in CHECKED_FOLDERS]
    return {strict: verify(folders, strict=strict) for strict in (False, True)}


def _by_id(report: Report) -> dict[str, Any]:
    return {f"{Path(i.cassette).relative_to(CASSETTES).as_posix()}:{i.index}": i for i in report.interactions}


def test_every_fixture_interaction_has_an_expectation(reports: dict[bool, Report]) -> None:
    assert sorted(_by_id(reports[False])) == sorted(EXPECTED["interactions"])


@pytest.mark.parametrize("key", sorted(EXPECTED["interactions"]))
def test_verdict(reports: dict[bool, Report], key: str) -> None:
    expected = EXPECTED["interactions"][key]
    item = _by_id(reports[False])[key]
    strict_item = _by_id(reports[True])[key]
    assert item.verdict == expected["verdict"]
    assert strict_item.verdict == expected["strict"]
    assert [[p.path, p.value] for p in item.problems] == expected.get("problems", [])
    assert [[p.path, p.type] for p in item.drift] == expected.get("drift", [])  # the type, never the value
    rejected = [[p.path, p.value] for p in item.request_problems] if item.rejected else []
    assert rejected == expected.get("rejected", [])
    assert expected.get("note", "") in item.note
    assert item.ok == (expected["verdict"] != "FAIL")
    assert strict_item.ok == (expected["strict"] == "pass")


@pytest.mark.parametrize("name", sorted(EXPECTED["malformed"]))
def test_malformed_cassette_is_one_line_error(name: str) -> None:
    path = CASSETTES / "malformed" / name
    with pytest.raises(CassetteError) as caught:
        verify(path)
    assert str(caught.value) == f"{path}: {EXPECTED['malformed'][name]}"
    assert "\n" not in str(caught.value)


def test_every_malformed_fixture_is_listed() -> None:
    assert sorted(p.name for p in (CASSETTES / "malformed").iterdir()) == sorted(EXPECTED["malformed"])


def test_report_ok_and_exit_code(reports: dict[bool, Report]) -> None:
    assert verify(CASSETTES / "conforming").exit_code == 0
    assert verify(CASSETTES / "drift").exit_code == 0
    assert verify(CASSETTES / "drift", strict=True).exit_code == 1
    assert verify(CASSETTES / "unknown").ok
    assert not verify(CASSETTES / "unknown", strict=True).ok
    assert reports[False].exit_code == 1


def test_human_lines_show_each_problem_with_path_and_value() -> None:
    path = CASSETTES / "violations" / "request_problems.yaml"
    lines = verify(path).lines()
    assert lines[0] == f"{path}:0 POST /api/chat_conversations/start 200 FAIL"
    assert lines[1] == "  request  $.chat_queue_id: 'abc' is not of type 'integer' (example: 3) (got 'abc')"
    assert lines[-1] == "verify: 3 interactions in 1 cassette: 3 FAIL"


def test_drift_and_rejected_and_note_lines() -> None:
    drift = verify(CASSETTES / "drift").lines()
    assert drift[1] == "  drift    $.queue_position: is not documented (integer)"
    polish = verify(CASSETTES / "conforming" / "polish_diacritics.json").lines()
    assert polish[1].endswith(":1 POST /api/chat_conversations/start 400 pass")
    assert polish[2] == "  rejected $.chat_queue_id: is required (example: 3)"
    unknown = verify(CASSETTES / "unknown" / "unknown_endpoint.yaml").lines()
    assert unknown[1] == "  note     no catalog endpoint for GET /api/not_a_real_resource/42 (the host is ignored)"


def test_as_dict_is_json_and_mirrors_the_report() -> None:
    report = verify([CASSETTES / "violations", CASSETTES / "drift"])
    data = json.loads(json.dumps(report.as_dict()))
    assert data["ok"] is False and data["exit_code"] == 1 and data["strict"] is False
    assert len(data["interactions"]) == len(report.interactions)
    first = data["interactions"][0]
    assert set(first) >= {
        "id",
        "cassette",
        "index",
        "method",
        "path",
        "status",
        "endpoint",
        "verdict",
        "ok",
        "request_problems",
        "response_problems",
        "drift",
        "note",
    }
    assert data["counts"] == {"FAIL": 9, "pass (drift)": 1}


def test_paths_given_as_str_path_or_list() -> None:
    one = str(CASSETTES / "drift" / "undocumented_field.yaml")
    assert len(verify(one).interactions) == 1
    assert len(verify(Path(one)).interactions) == 1
    assert len(verify([one, one]).interactions) == 2


@pytest.mark.parametrize(
    ("paths", "message"),
    [
        ([], "verify: no paths given (example: thulium-explore verify cassettes/)"),
        (["/nonexistent/cassettes"], "/nonexistent/cassettes: no such file or folder"),
    ],
)
def test_bad_paths(paths: list[str], message: str) -> None:
    with pytest.raises(CassetteError, match="^" + message.replace("(", r"\(").replace(")", r"\)") + "$"):
        verify(paths)


def test_folder_without_cassettes_is_an_error_not_a_pass(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("no cassettes here\n")
    with pytest.raises(CassetteError, match="no cassette files"):
        verify(tmp_path)


def test_unreadable_file_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("interactions: []\n")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(CassetteError, match=r"c\.yaml: cannot read: Permission denied$"):
        verify(path)


# --- the fast YAML reader agrees with PyYAML -----------------------------------------------

YAML_FIXTURES = sorted(p for d in CHECKED_FOLDERS for p in (CASSETTES / d).glob("*.yaml"))


@pytest.mark.parametrize("path", YAML_FIXTURES, ids=lambda p: p.name)
def test_fast_reader_equals_safe_loader(path: Path) -> None:
    data = path.read_bytes()
    assert _load_yaml(str(path), data) == yaml.load(data, Loader=_yaml_loader())  # noqa: S506


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=30),
    st.binary(max_size=30),
    st.floats(allow_nan=False),
    st.sampled_from(["1:20", "0x1F", "yes", "~", "2024-01-02", "null"]),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(_values)
def test_fast_reader_round_trips_what_yaml_dump_writes(value: Any) -> None:
    text = yaml.dump({"v": value}, Dumper=yaml.Dumper)
    assert _load_yaml("x", text.encode()) == yaml.load(text, Loader=_yaml_loader())  # noqa: S506


def test_merge_keys_fall_back_to_the_full_loader() -> None:
    text = b"other:\n  <<: {a: 1}\n  c: 2\n"
    assert _load_yaml("x", text) == {"other": {"a": 1, "c": 2}}


def test_anchors_and_aliases_are_refused_before_either_loader_builds_anything() -> None:
    text = b"base: &b {a: 1}\nother:\n  <<: *b\n  c: 2\nsame: *b\n"
    with pytest.raises(
        CassetteError,
        match=r"^x: line 1, column 7: YAML aliases are not allowed in cassettes "
        r"\(vcrpy never writes them\); found the anchor &b",
    ):
        _load_yaml("x", text)


# --- requests decoded from every place parameters travel -----------------------------------


def _interaction(
    method: str,
    uri: str,
    *,
    body: Any = None,
    headers: dict[str, list[str]] | None = None,
    status: int = 200,
    response: str | bytes = "",
    response_headers: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    return {
        "request": {"method": method, "uri": uri, "body": body, "headers": headers or {}},
        "response": {
            "status": {"code": status, "message": ""},
            "headers": response_headers or {},
            "body": {"string": response},
        },
    }


def _check(item: dict[str, Any]) -> Any:
    return check_interaction(default_catalog(), "mem", 0, item)


OK_START = '{"conversation_id": "6ed7c941-2c8a-411e-95d2-338a9f64800a"}'


@pytest.mark.parametrize(
    ("query", "problems"),
    [
        ("chat_queue_id=3", []),
        ("chat_queue_id=+3", []),
        ("chat_queue_id=abc", [("$.chat_queue_id", "abc")]),
        ("chat_queue_id=3.5", [("$.chat_queue_id", "3.5")]),
        ("chat_queue_id=0", [("$.chat_queue_id", 0)]),
        ("chat_queue_id=3&chat_queue_id=4", [("$.chat_queue_id", ["3", "4"])]),
        ("chat_queue_id=3&client_id=1234&customer_id=1", []),
        ("chat_queue_id=3&client_name=%C5%81ucja+Zaj%C4%85c", []),
        ("chat_queue_id=3&client_email=jan%40example.org", []),
        ("chat_queue_id=3&client_email=jan", [("$.client_email", "jan")]),
        ("", [("$.chat_queue_id", None)]),
    ],
)
def test_query_parameters_are_coerced_from_text(query: str, problems: list[tuple[str, Any]]) -> None:
    result = _check(_interaction("POST", f"{START}?{query}", response=OK_START))
    assert [(p.path, p.value) for p in result.request_problems] == problems
    assert result.verdict == ("FAIL" if problems else "pass")


def test_path_values_are_coerced_and_checked() -> None:
    good = _check(_interaction("GET", "https://x.example/api/customers/273", response='{"customer_id": 273}'))
    assert good.endpoint_id == "customers.get"
    assert good.request_problems == ()
    bad = _check(_interaction("GET", "https://x.example/api/customers/abc", response='{"customer_id": 273}'))
    assert [(p.path, p.value) for p in bad.request_problems] == [("$.id", "abc")]


def test_query_arrays_and_nested_objects() -> None:
    uri = (
        "https://x.example/api/tickets?status_id[]=1&status_id[]=2&custom_fields[Segment][0]=VIP"
        "&custom_fields[Segment][1]=Gold&limit=10"
    )
    result = _check(_interaction("GET", uri, response='{"count": 0, "result": []}'))
    assert result.endpoint_id == "tickets.list"
    assert result.request_problems == ()
    bad = _check(
        _interaction(
            "GET", "https://x.example/api/tickets?status_id[]=x&limit=1000", response='{"count": 0, "result": []}'
        )
    )
    assert sorted(p.path for p in bad.request_problems) == ["$.limit", "$.status_id[0]"]


def test_json_body_is_typed_as_sent() -> None:
    uri = "https://x.example/api/chat_conversations/6ed7c941-2c8a-411e-95d2-338a9f64800a/message"
    headers = {"Content-Type": ["application/json; charset=utf-8"]}
    good = _check(_interaction("POST", uri, body='{"text": "Dzień dobry"}', headers=headers))
    assert good.endpoint_id == "chat_conversations.message"
    assert good.verdict == "pass"
    typed = _check(_interaction("POST", uri, body='{"text": 5}', headers=headers))
    assert [(p.path, p.value) for p in typed.request_problems] == [("$.text", 5)]
    not_json = _check(_interaction("POST", uri, body="text=hi", headers=headers))
    assert [(p.path, p.message) for p in not_json.request_problems] == [("$", "request body is not JSON")]
    listed = _check(_interaction("POST", uri, body=b"[1]", headers=headers))
    assert [p.message for p in listed.request_problems] == ["request body is a JSON list, expected an object"]


def test_body_parameter_sent_in_the_query_is_a_violation() -> None:
    uri = "https://x.example/api/chat_conversations/6ed7c941-2c8a-411e-95d2-338a9f64800a/message?text=hi"
    result = _check(_interaction("POST", uri))
    assert [(p.path, p.message) for p in result.request_problems] == [
        ("$.text", "is sent in the query string; documented in the body")
    ]


def test_form_encoded_body_is_coerced_like_a_query() -> None:
    uri = "https://x.example/api/chat_conversations/6ed7c941-2c8a-411e-95d2-338a9f64800a/message"
    result = _check(
        _interaction(
            "POST", uri, body="text=Cze%C5%9B%C4%87", headers={"Content-Type": ["application/x-www-form-urlencoded"]}
        )
    )
    assert result.request_problems == ()


def test_raw_body_endpoint_accepts_any_bytes() -> None:
    result = _check(
        _interaction(
            "POST",
            "https://x.example/api/temporary_files?filename=a.pdf",
            body=b"%PDF-1.4\xff\xfe\x00",
            headers={"Content-Type": ["application/octet-stream"]},
            response='{"filename": "a.pdf", "token": "abc", "size": 11}',
        )
    )
    assert result.endpoint_id == "temporary_files.upload"
    assert result.request_problems == ()


def test_request_bodies_from_file_like_and_iterator_recordings() -> None:
    chunks = _check(_interaction("POST", f"{START}?chat_queue_id=3", body=[b"", ""], response=OK_START))
    assert chunks.verdict == "pass"
    filled = _check(_interaction("POST", f"{START}?chat_queue_id=3", body=[b"{}"], response=OK_START))
    assert filled.verdict == "FAIL"


def test_gzip_text_body_already_decoded_is_read_as_is() -> None:
    """Text in a cassette stands for decoded bytes, even when Content-Encoding was kept."""
    result = _check(
        _interaction(
            "POST", f"{START}?chat_queue_id=3", response=OK_START, response_headers={"Content-Encoding": ["gzip"]}
        )
    )
    assert result.verdict == "pass"
    packed = _check(
        _interaction(
            "POST",
            f"{START}?chat_queue_id=3",
            response=gzip.compress(OK_START.encode()),
            response_headers={"content-encoding": ["gzip"]},
        )
    )
    assert packed.verdict == "pass"


def test_unknown_charset_is_a_violation() -> None:
    result = _check(
        _interaction(
            "POST",
            f"{START}?chat_queue_id=3",
            response=OK_START.encode(),
            response_headers={"Content-Type": ["application/json; charset=klingon"]},
        )
    )
    assert [p.message for p in result.problems] == ["Content-Type declares an unknown charset 'klingon'"]


def test_identical_interactions_get_identical_verdicts() -> None:
    path = CASSETTES / "violations" / "request_problems.yaml"
    cassette = read_cassette(path)
    doubled = cassette.interactions + cassette.interactions
    first = [check_interaction(default_catalog(), "c", i, it).lines()[1:] for i, it in enumerate(doubled)]
    assert first[:3] == first[3:]


def test_vcrpy_reads_our_conforming_fixtures() -> None:
    """The fixtures are real vcrpy cassettes: vcrpy's own loader accepts them."""
    from vcr.serialize import deserialize
    from vcr.serializers import jsonserializer, yamlserializer

    for path in sorted((CASSETTES / "conforming").iterdir()):
        serializer = jsonserializer if path.suffix == ".json" else yamlserializer
        requests, responses = deserialize(path.read_text(encoding="utf-8"), serializer)[:2]
        assert len(requests) == len(read_cassette(path).interactions) == len(responses)


def test_import_does_not_load_yaml() -> None:
    """verify and scan load PyYAML only when they read a file, keeping ``import thulium_explore`` cheap."""
    import subprocess
    import sys

    code = "import sys, thulium_explore; print('yaml' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
