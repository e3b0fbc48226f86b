"""The test run itself cannot reach beyond loopback."""

from __future__ import annotations

import socket

import pytest
import requests

from tests import network_guard


def test_guard_is_installed_for_the_whole_run() -> None:
    assert network_guard.installed()


@pytest.mark.parametrize("host", ["10.0.0.1", "192.0.2.1", "2001:db8::1", "::ffff:10.0.0.1"])
def test_connect_beyond_loopback_is_refused_before_any_packet(host: str) -> None:
    assert network_guard.installed()  # otherwise the connect below would really be attempted
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock, pytest.raises(network_guard.NetworkBlocked):
        sock.connect((host, 9))


def test_name_lookup_beyond_loopback_is_refused() -> None:
    assert network_guard.installed()
    with pytest.raises(socket.gaierror, match="only resolve loopback"):
        socket.getaddrinfo("your-system-name.thulium.com", 443)
    with pytest.raises(requests.ConnectionError):
        requests.get("https://your-system-name.thulium.com/api/chats", timeout=2)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "localhost", "::ffff:127.0.0.1"])
def test_loopback_stays_allowed(host: str) -> None:
    assert network_guard.is_local(host)
    assert socket.getaddrinfo("localhost", 80)
