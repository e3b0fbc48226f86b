"""Which calls go through the environment's proxy, how the timeout is checked, and the deadline watchdog,
without a network: the adapter's send is replaced by one that records what it was given."""

from __future__ import annotations

import io
import threading
import time
from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter

from thulium_explore import ConfigError, ThuliumClient
from thulium_explore.client import _transport

ANSWER = b'{"conversation_id": "6ed7c941-2c8a-411e-95d2-338a9f64800a"}'
PROXY = "http://127.0.0.1:9"


@pytest.fixture
def adapter_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every proxy variable set, NO_PROXY unset, and HTTPAdapter.send answering 200 without a network."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, PROXY)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    calls: list[dict[str, Any]] = []

    def send(self: HTTPAdapter, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        calls.append(kwargs)
        response = requests.Response()
        response.status_code, response.url, response.request = 200, request.url or "", request
        response.headers["Content-Type"] = "application/json"
        response.raw = io.BytesIO(ANSWER)
        return response

    monkeypatch.setattr(HTTPAdapter, "send", send)
    return calls


LOOPBACK = [
    "http://127.0.0.1:8080",
    "http://127.9.9.9",
    "http://localhost:1",
    "http://LocalHost:1",
    "http://[::1]:1",
    "https://[::1]:1",
    "https://localhost/api",
]
ELSEWHERE = ["https://your-system-name.thulium.com", "http://10.0.0.5", "https://127.0.0.1.nip.io"]


@pytest.mark.parametrize("own_session", [True, False], ids=["own session", "caller's session"])
@pytest.mark.parametrize("base_url", LOOPBACK + ELSEWHERE)
def test_loopback_goes_direct_and_everything_else_through_the_environments_proxy(
    adapter_calls: list[dict[str, Any]], base_url: str, own_session: bool
) -> None:
    session = None if own_session else requests.Session()
    client = ThuliumClient(base_url, "u", "p", allow_insecure_http=True, session=session)
    assert client.call("chat_conversations.start", chat_queue_id=3).json is not None
    if own_session:  # what the recipe recorder does: the session itself
        client.session.post(client.base_url + "/api/chat_conversations/start", timeout=5)
    proxied = [bool(call["proxies"]) for call in adapter_calls]
    assert proxied == [base_url not in LOOPBACK] * len(adapter_calls)
    if base_url in ELSEWHERE:
        assert PROXY in adapter_calls[0]["proxies"].values()


@pytest.mark.parametrize("timeout", [0, -1, float("inf"), float("nan"), "30", (1, 2, 3), (1,), (0, 5)])
def test_timeout_is_checked_when_given_and_when_set_later(timeout: Any) -> None:
    with pytest.raises(ConfigError, match=r"^timeout: must be a positive number of seconds"):
        ThuliumClient("https://t.thulium.com", "u", "p", timeout=timeout)
    client = ThuliumClient("https://t.thulium.com", "u", "p", timeout=5)
    with pytest.raises(ConfigError, match=r"^timeout: must be a positive number of seconds"):
        client.timeout = timeout
    assert client.timeout == 5


def test_the_deadline_is_the_timeout_or_connect_plus_read() -> None:
    single = _transport.time_limits(3)
    assert single.seconds == 3 and (single.socket.connect_timeout, single.socket.total) == (3, 3)
    pair = _transport.time_limits((0.5, 2))
    assert pair.seconds == 2.5
    assert (pair.socket.connect_timeout, pair.socket.read_timeout, pair.socket.total) == (0.5, 2, 2.5)


class _Answer:
    """Stands in for urllib3's HTTPResponse: records shutdown() (or fails it as a released one does)."""

    def __init__(self, released: bool = False) -> None:
        self.released = released
        self.shut = threading.Event()

    def shutdown(self) -> None:
        if self.released:
            raise RuntimeError("Cannot shutdown as connection has already been released to the pool")
        self.shut.set()


def _watch(seconds: float, answer: _Answer) -> _transport._Watch:
    watch = _transport._Watch()
    watch.deadline = time.monotonic() + seconds
    response = requests.Response()
    response.raw = answer
    watch(response)  # as requests calls the hook once the headers are in
    return watch


def test_the_watchdog_cuts_a_call_at_its_deadline_and_leaves_finished_ones_alone() -> None:
    late, finished, released = _Answer(), _Answer(), _Answer(released=True)
    watches = [_watch(60, _Answer()), _watch(0.2, late), _watch(0.1, finished), _watch(0.05, released)]
    assert _transport._WATCHDOG.end(watches[2]) is False  # done before its deadline: never cut
    assert late.shut.wait(5)
    assert _transport._WATCHDOG.end(watches[1]) is True
    assert not finished.shut.is_set()
    # the released one's deadline came first; shutting it failed (its body was in), so it is not "cut"
    assert _transport._WATCHDOG.end(watches[3]) is False
    assert _transport._WATCHDOG.end(watches[0]) is False


def test_a_replayed_answer_without_a_socket_is_not_watched() -> None:
    watch = _transport._Watch()
    response = requests.Response()
    response.raw = io.BytesIO(b"{}")
    watch(response)
    assert watch.raw is None


@pytest.mark.parametrize("bundles", [{}, {"REQUESTS_CA_BUNDLE": "/etc/r.pem"}, {"CURL_CA_BUNDLE": "/etc/c.pem"}])
@pytest.mark.parametrize("verify", [True, False, "/srv/ca.pem"])
@pytest.mark.parametrize("trust_env", [True, False])
@pytest.mark.parametrize("cert", [None, ("client.pem", "client.key")])
def test_loopback_settings_are_requests_own_without_the_proxies(
    monkeypatch: pytest.MonkeyPatch, bundles: dict[str, str], verify: bool | str, trust_env: bool, cert: Any
) -> None:
    monkeypatch.setenv("HTTP_PROXY", PROXY)
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in bundles.items():
        monkeypatch.setenv(name, value)
    session = requests.Session()
    session.trust_env, session.cert = trust_env, cert
    expected = dict(session.merge_environment_settings("http://127.0.0.1:1/api/x", {}, None, verify, None))
    assert bool(expected["proxies"]) is trust_env  # what requests would do: use the proxy
    assert _transport.direct_settings(session, verify) == {**expected, "proxies": {}}
