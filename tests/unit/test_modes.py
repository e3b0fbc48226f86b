"""Mode: parsing from an argument or THULIUM_MODE, and the one-line error on a bad value."""

from __future__ import annotations

import pytest

from thulium_explore import ConfigError, Mode


@pytest.mark.parametrize(("text", "mode"), [
    ("live", Mode.LIVE), ("record", Mode.RECORD), ("replay", Mode.REPLAY),
    (" Replay ", Mode.REPLAY), ("RECORD", Mode.RECORD),
])
def test_parse_accepts_each_mode_whatever_the_case(text: str, mode: Mode) -> None:
    assert Mode.parse(text) is mode


def test_parse_passes_a_mode_through() -> None:
    assert Mode.parse(Mode.RECORD) is Mode.RECORD


@pytest.mark.parametrize("bad", ["replya", "", "sandbox", "on", "1"])
def test_a_bad_value_fails_loudly_with_the_valid_ones(bad: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Mode.parse(bad)
    message = str(caught.value)
    assert "\n" not in message
    assert repr(bad) in message
    assert "live, record, replay" in message
    assert "example: THULIUM_MODE=replay" in message


def test_the_argument_wins_over_the_environment() -> None:
    assert Mode.resolve("live", environ={"THULIUM_MODE": "record"}) is Mode.LIVE


def test_the_environment_is_used_without_an_argument() -> None:
    assert Mode.resolve(None, environ={"THULIUM_MODE": "record"}) is Mode.RECORD


def test_replay_is_the_default_because_it_never_touches_the_network() -> None:
    assert Mode.resolve(None, environ={}) is Mode.REPLAY
    assert Mode.resolve(None, environ={"THULIUM_MODE": "  "}) is Mode.REPLAY
    assert Mode.resolve(None, environ={}, default=Mode.LIVE) is Mode.LIVE


def test_a_bad_environment_value_names_the_variable() -> None:
    with pytest.raises(ConfigError, match=r"^THULIUM_MODE: 'rec' is not a mode"):
        Mode.resolve(None, environ={"THULIUM_MODE": "rec"})


def test_config_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="not a mode"):
        Mode.parse("x")
