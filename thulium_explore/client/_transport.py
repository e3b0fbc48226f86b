"""How a call travels: loopback never through a proxy.

Loopback base URLs (127.0.0.0/8, ::1, localhost) never go through a proxy, whatever
``HTTP(S)_PROXY``/``ALL_PROXY``/``NO_PROXY`` say: the Basic credentials of a plain-http sandbox
would reach the proxy in clear text. Decided once per client: :class:`DirectAdapter` is mounted
on the client's own session (so ``client.session.request`` goes direct too), and the client's calls
pass no proxies (so a session the caller gave it goes direct for them) and skip requests' per-call
proxy lookup (:func:`direct_settings`). Other hosts keep the environment's proxies, looked up per
call as requests does.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from requests.models import PreparedRequest


class DirectAdapter(HTTPAdapter):
    """An adapter that never uses a proxy (for loopback base URLs)."""

    def send(
        self,
        request: PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: bool | str = True,
        cert: Any = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        return super().send(request, stream=stream, timeout=timeout, verify=verify, cert=cert, proxies=None)


def direct_settings(session: requests.Session, verify: bool | str) -> dict[str, Any]:
    """What ``session.merge_environment_settings`` gives a request, but no proxies and none of their lookup.

    For loopback base URLs, decided once per client: requests' per-call proxy lookup reads the whole
    environment twice (the largest part of its per-call cost), only for the answer to be dropped.
    ``REQUESTS_CA_BUNDLE`` / ``CURL_CA_BUNDLE`` still count, as in requests.
    """
    if session.trust_env and verify is True:
        verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or verify
    return {"proxies": {}, "stream": session.stream, "verify": verify, "cert": session.cert}
