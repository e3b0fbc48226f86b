"""The pytest plugin, run through pytester: one test per interaction, strictness, errors, the sandbox fixture."""

from __future__ import annotations

import shutil
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import yaml  # noqa: F401 - imported before pytester's in-process runs: see tests/integration/test_pytest_recording.py

pytest_plugins = ["pytester"]

CASSETTES = Path(__file__).resolve().parents[1] / "data" / "cassettes"


def _copy(pytester: pytest.Pytester, *names: str) -> None:
    """Copy fixture folders (or single files as ``folder/file``) into ``cassettes/`` of the test project."""
    target = pytester.path / "cassettes"
    target.mkdir(exist_ok=True)
    for name in names:
        source = CASSETTES / name
        if source.is_dir():
            shutil.copytree(source, target / source.name)
        else:
            (target / source.parent.name).mkdir(exist_ok=True)
            shutil.copy(source, target / source.parent.name / source.name)


def test_entry_point_is_registered() -> None:
    found = [e for e in entry_points(group="pytest11") if e.name == "thulium_explore"]
    assert [e.value for e in found] == ["thulium_explore.pytest_plugin"]


def test_one_passing_test_per_interaction(pytester: pytest.Pytester) -> None:
    _copy(pytester, "conforming")
    result = pytester.runpytest("--thulium-cassettes=cassettes", "-v")
    result.assert_outcomes(passed=12)
    result.stdout.fnmatch_lines(
        [
            "cassettes/conforming/documented_example.yaml::0 PASSED*",
            "cassettes/conforming/documented_example.yaml::1 PASSED*",
            "cassettes/conforming/polish_diacritics.json::1 PASSED*",
        ]
    )


def test_violations_fail_with_every_problem_shown(pytester: pytest.Pytester) -> None:
    _copy(pytester, "violations")
    result = pytester.runpytest("--thulium-cassettes=cassettes")
    result.assert_outcomes(failed=9)
    result.stdout.fnmatch_lines(
        [
            "cassettes/violations/request_problems.yaml:0 POST /api/chat_conversations/start 200 FAIL",
            "  request  $.chat_queue_id: 'abc' is not of type 'integer' (example: 3) (got 'abc')",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_drift_and_unchecked_warn_and_fail_only_when_strict(pytester: pytest.Pytester) -> None:
    _copy(pytester, "drift", "unknown")
    relaxed = pytester.runpytest("--thulium-cassettes=cassettes")
    relaxed.assert_outcomes(passed=4, warnings=4)
    relaxed.stdout.fnmatch_lines(["*ThuliumContractWarning*undocumented_field.yaml:0*pass (drift)*"])
    strict = pytester.runpytest("--thulium-cassettes=cassettes", "--thulium-strict")
    strict.assert_outcomes(failed=4)
    strict.stdout.fnmatch_lines(["*FAIL (drift)*", "*FAIL (unchecked)*"])


def test_malformed_cassette_is_a_one_line_collection_error(pytester: pytest.Pytester) -> None:
    _copy(pytester, "malformed/bad_status.yaml", "conforming/gzip_body.yaml")
    result = pytester.runpytest("--thulium-cassettes=cassettes")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        ["cassettes/malformed/bad_status.yaml: interaction 0: response.status.code: 'OK' is not an HTTP status*"]
    )
    assert "Traceback" not in result.stdout.str()


def test_missing_path_is_a_usage_error(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--thulium-cassettes=nowhere")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: --thulium-cassettes: nowhere: no such file or folder"])


def test_empty_folder_is_a_usage_error_not_a_pass(pytester: pytest.Pytester) -> None:
    (pytester.path / "cassettes").mkdir()
    result = pytester.runpytest("--thulium-cassettes=cassettes")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: --thulium-cassettes: cassettes: no cassette files*"])


def test_selection_by_node_id_and_keyword(pytester: pytest.Pytester) -> None:
    _copy(pytester, "violations")
    one = pytester.runpytest("--thulium-cassettes=cassettes", "cassettes/violations/request_problems.yaml::2")
    one.assert_outcomes(failed=1)
    keyword = pytester.runpytest("--thulium-cassettes=cassettes", "-k", "response_problems")
    keyword.assert_outcomes(failed=3)


def test_repeatable_option_and_other_tests_still_run(pytester: pytest.Pytester) -> None:
    _copy(pytester, "drift", "conforming")
    pytester.makepyfile(test_mine="def test_mine():\n    assert True\n")
    result = pytester.runpytest("--thulium-cassettes=cassettes/drift", "--thulium-cassettes=cassettes/conforming")
    result.assert_outcomes(passed=14, warnings=1)


def test_without_the_option_cassettes_are_not_collected(pytester: pytest.Pytester) -> None:
    _copy(pytester, "violations")
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_thulium_sandbox_fixture(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_sandbox="""
        def test_start(thulium_sandbox):
            assert thulium_sandbox.base_url.startswith("http://127.0.0.1:")
            with thulium_sandbox.client() as client:
                result = client.chat_conversations.start(chat_queue_id=3)
            assert result.status == 200 and result.verdict.ok
    """
    )
    pytester.runpytest().assert_outcomes(passed=1)
