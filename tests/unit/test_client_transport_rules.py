"""Which calls go through the environment's proxy, without a network: the adapter's send is replaced by
one that records what it was given."""

from __future__ import annotations

import io
from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter

from thulium_explore import ThuliumClient
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
