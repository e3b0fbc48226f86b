"""Mode: parsing from an argument or THULIUM_MODE, the one default, and the one-line error on a bad value."""

from __future__ import annotations

import pytest

from thulium_explore import ConfigError, Mode

TENANT = {
    "THULIUM_BASE_URL": "https://your-system-name.thulium.com",
    "THULIUM_API_USER": "api_user",
    "THULIUM_API_PASSWORD": "api_pass",
}


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("sandbox", Mode.SANDBOX),
        (" Sandbox ", Mode.SANDBOX),
        ("live", Mode.LIVE),
        ("record", Mode.RECORD),
        ("replay", Mode.REPLAY),
        (" Replay ", Mode.REPLAY),
        ("RECORD", Mode.RECORD),
    ],
)
def test_parse_accepts_each_mode_whatever_the_case(text: str, mode: Mode) -> None:
    assert Mode.parse(text) is mode


def test_parse_passes_a_mode_through() -> None:
    assert Mode.parse(Mode.RECORD) is Mode.RECORD


def test_the_vocabulary_is_the_readmes_four_modes() -> None:
    assert [m.value for m in Mode] == ["sandbox", "live", "record", "replay"]


@pytest.mark.parametrize("bad", ["replya", "", "sandbx", "tenant", "on", "1"])
def test_a_bad_value_fails_loudly_with_the_valid_ones(bad: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Mode.parse(bad)
    message = str(caught.value)
    assert "\n" not in message
    assert repr(bad) in message
    assert "choose one of sandbox, live, record, replay (" in message
    assert "example: THULIUM_MODE=replay" in message


def test_the_argument_wins_over_the_environment() -> None:
    assert Mode.resolve("live", environ={"THULIUM_MODE": "record"}) is Mode.LIVE


def test_the_environment_is_used_without_an_argument() -> None:
    assert Mode.resolve(None, environ={"THULIUM_MODE": "record"}) is Mode.RECORD


def test_sandbox_from_the_environment() -> None:
    assert Mode.resolve(None, environ={"THULIUM_MODE": "sandbox", **TENANT}) is Mode.SANDBOX


def test_the_default_is_sandbox_without_a_tenant_and_live_with_one() -> None:
    assert Mode.resolve(None, environ={}) is Mode.SANDBOX
    assert Mode.resolve(None, environ={"THULIUM_MODE": "  "}) is Mode.SANDBOX
    assert Mode.resolve(None, environ=TENANT) is Mode.LIVE
    assert Mode.resolve("", environ=TENANT) is Mode.LIVE


def test_the_default_refuses_a_half_configured_tenant() -> None:
    with pytest.raises(ConfigError, match=r"^THULIUM_API_USER, THULIUM_API_PASSWORD: not set, but THULIUM_BASE_URL"):
        Mode.resolve(None, environ={"THULIUM_BASE_URL": TENANT["THULIUM_BASE_URL"]})


def test_connect_and_the_mode_switch_use_the_same_rule() -> None:
    from thulium_explore._settings import MODES, resolve_mode

    assert MODES == ("sandbox", "live", "record", "replay")
    for environ in ({}, TENANT, {"THULIUM_MODE": "sandbox"}, {"THULIUM_MODE": "Record", **TENANT}):
        assert resolve_mode(None, environ) == Mode.resolve(None, environ=environ).value
    with pytest.raises(ConfigError, match="choose one of sandbox, live, record, replay"):
        resolve_mode("x", {})


def test_a_bad_environment_value_names_the_variable() -> None:
    with pytest.raises(ConfigError, match=r"^THULIUM_MODE: 'rec' is not a mode"):
        Mode.resolve(None, environ={"THULIUM_MODE": "rec"})


def test_config_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="not a mode"):
        Mode.parse("x")
