"""The mode switch never lies: a form sends only to the target the switch shows, and every Send shows it.

"Live" is a second loopback Sandbox set as THULIUM_BASE_URL / THULIUM_API_USER / THULIUM_API_PASSWORD
in the environment the switch reads (no real tenant is ever contacted).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from thulium_explore import ConfigError, Sandbox, ThuliumError, connect
from thulium_explore.forms import EndpointForm, History, ModeSwitch

START = "chat_conversations.start"


@pytest.fixture
def live() -> Iterator[Sandbox]:
    with Sandbox() as tenant:
        yield tenant


def tenant_env(tenant: Sandbox) -> dict[str, str]:
    return {
        "THULIUM_BASE_URL": tenant.base_url,
        "THULIUM_API_USER": tenant.user,
        "THULIUM_API_PASSWORD": tenant.password,
    }


def host(tenant: Sandbox) -> str:
    return tenant.base_url.split("://", 1)[1]


def record_cassette(path: Path) -> None:
    with connect("record", cassette=path, environ={}) as rec:
        assert rec.client.send(START, {"chat_queue_id": 3}).ok


def badge_text(form: EndpointForm) -> str:
    return str(form.badge.value)


def test_live_to_sandbox_click_never_sends_to_the_live_tenant(live: Sandbox) -> None:
    switch = ModeSwitch("live", environ=tenant_env(live))
    try:
        form = EndpointForm(switch, START).set(chat_queue_id=3)
        switch.connect()
        assert form.submit().ok and len(live.calls) == 1
        switch._mode.value = "sandbox"  # the user's click on "sandbox"
        assert form._send.disabled  # Send waits for Connect
        with pytest.raises(ConfigError) as caught:
            form.submit()
        message = str(caught.value)
        assert "\n" not in message and "sandbox" in message and "Connect" in message
        assert isinstance(caught.value, ThuliumError) and isinstance(caught.value, ValueError)
        form._send.click()  # shown, not raised; still nothing sent
        assert len(live.calls) == 1
        assert len(form.history) == 1
        switch.connect()  # the user confirms
        assert not form._send.disabled
        result = form.submit()
        assert result.ok and len(live.calls) == 1
        assert switch.connection is not None and switch.connection.sandbox is not None
        assert list(switch.connection.sandbox.calls) == [(START, {"chat_queue_id": 3})]
    finally:
        switch.close()


def test_replay_to_live_in_code_never_answers_from_the_cassette(live: Sandbox, tmp_path: Path) -> None:
    cassette = tmp_path / "session.yaml"
    record_cassette(cassette)
    switch = ModeSwitch("replay", cassette=cassette, environ=tenant_env(live))
    try:
        form = EndpointForm(switch, START).set(chat_queue_id=3)
        replayed = form.submit()
        assert replayed.ok and list(live.calls) == []
        switch.mode = "live"  # the same as a click
        assert switch.mode == "live" and switch._mode.value == "live"
        with pytest.raises(ConfigError, match="shows LIVE 127.0.0.1"):
            form.submit()
        assert list(live.calls) == []
        switch.connect()
        sent = form.submit()
        assert list(live.calls) == [(START, {"chat_queue_id": 3})]
        assert sent.json["conversation_id"] != replayed.json["conversation_id"]
    finally:
        switch.close()


def test_sandbox_to_record_records_only_after_connect(live: Sandbox, tmp_path: Path) -> None:
    cassette = tmp_path / "recorded.yaml"
    switch = ModeSwitch("sandbox", cassette=cassette, environ=tenant_env(live))
    try:
        form = EndpointForm(switch, START).set(chat_queue_id=3)
        assert form.submit().ok and list(live.calls) == []
        switch._mode.value = "record"
        with pytest.raises(ConfigError, match="record"):
            form.submit()
        switch.connect()
        assert form.submit().ok
        assert list(live.calls) == [(START, {"chat_queue_id": 3})]  # record mode goes to the tenant
        switch._mode.value = "sandbox"  # switching away saves the recording at once
        assert cassette.exists()
    finally:
        switch.close()


def test_changing_the_cassette_box_is_a_change_of_target_too(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    record_cassette(first)
    switch = ModeSwitch("replay", cassette=first, environ={})
    try:
        form = EndpointForm(switch, START).set(chat_queue_id=3)
        assert form.submit().ok
        switch._cassette.value = str(second)
        with pytest.raises(ConfigError, match=r"b\.yaml"):
            form.submit()
    finally:
        switch.close()


def test_the_send_badge_shows_the_target_and_follows_the_switch(live: Sandbox, tmp_path: Path) -> None:
    cassette = tmp_path / "session.yaml"
    record_cassette(cassette)
    switch = ModeSwitch("sandbox", cassette=cassette, environ=tenant_env(live))
    try:
        form = EndpointForm(switch, START).set(chat_queue_id=3)
        assert "thulium-target" in form.badge._dom_classes
        assert form.badge in form._send_row.children
        assert form.target.label == "sandbox" and "sandbox" in badge_text(form)
        switch.mode = "replay"
        assert form.target.label == "replay (session.yaml)"
        assert "replay (session.yaml)" in badge_text(form) and "Connect" in badge_text(form)
        switch.connect()
        assert "Connect" not in badge_text(form)
        switch.mode = "live"
        switch.connect()
        assert form.target.label == f"LIVE {host(live)}"
        assert f"LIVE {host(live)}" in badge_text(form)
        from thulium_explore.forms._theme import LIVE_COLOUR

        assert LIVE_COLOUR in badge_text(form)
        switch.mode = "record"
        assert "record (session.yaml)" in badge_text(form)
    finally:
        switch.close()


def test_every_history_row_records_where_it_went(live: Sandbox, tmp_path: Path) -> None:
    cassette = tmp_path / "session.yaml"
    record_cassette(cassette)
    switch = ModeSwitch("sandbox", cassette=cassette, environ=tenant_env(live))
    history = History()
    try:
        form = EndpointForm(switch, START, history=history).set(chat_queue_id=3)
        form.submit()
        switch.connect("replay")
        form.submit()
        switch.connect("live")
        form.submit()
    finally:
        switch.close()
    targets = [(e.target.mode, e.target.label) for e in history.entries]
    assert targets == [("sandbox", "sandbox"), ("replay", "replay (session.yaml)"), ("live", f"LIVE {host(live)}")]
    assert history.entries[0].target.host.startswith("127.0.0.1:")
    assert history.entries[1].target.cassette == "session.yaml"
    rows = [row.children[1].value for row in history.widget.children[1:]]
    assert "sandbox" in rows[0] and "replay (session.yaml)" in rows[1] and f"LIVE {host(live)}" in rows[2]


def test_a_plain_connection_or_client_shows_its_target(live: Sandbox) -> None:
    with connect("sandbox", environ={}) as conn:
        assert EndpointForm(conn, START).target.label == "sandbox"
    with connect("live", environ=tenant_env(live)) as conn:
        form = EndpointForm(conn, START).set(chat_queue_id=3)
        assert form.target.label == f"LIVE {host(live)}"
        form.submit()
        assert form.history.entries[-1].target.label == f"LIVE {host(live)}"
