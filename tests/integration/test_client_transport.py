"""How the client's calls travel: no credentials in the base URL (nothing of it echoed)."""

from __future__ import annotations

import traceback

import pytest

from thulium_explore import ConfigError, ThuliumClient

# --- 1. credentials in the base URL ------------------------------------------------------------------

CANARIES = ["Canary/Pw9", "Can#ary1", "Can?ary2", "Can[ary3", "Can]ary4", "Can@ary5", "Can:ary6", "C/a#n?a[r]y@:7"]


def _everything_shown(exc: BaseException) -> list[str]:
    """str, repr, args and the formatted traceback of ``exc`` and of every exception chained to it."""
    texts: list[str] = []
    seen: BaseException | None = exc
    while seen is not None:
        texts += [str(seen), repr(seen), repr(seen.args), *map(str, seen.args)]
        texts.append("".join(traceback.format_exception(seen)))
        seen = seen.__cause__ or seen.__context__
    return texts


@pytest.mark.parametrize("canary", CANARIES)
@pytest.mark.parametrize(
    "template",
    [
        "https://apiuser:{}@canary-host.example",
        "http://apiuser:{}@127.0.0.1:8080/api",
        "https://{}@canary-host.example",
    ],
)
def test_credentials_in_the_base_url_are_refused_without_echoing_any_of_it(template: str, canary: str) -> None:
    url = template.format(canary)
    with pytest.raises(ConfigError) as caught:
        ThuliumClient(url, "apiuser", "password")
    exc = caught.value
    message = str(exc)
    assert message == (
        "base_url: must not carry credentials; pass user and password separately "
        '(example: ThuliumClient("https://your-system-name.thulium.com", user, password))'
    )
    assert isinstance(exc, ValueError)
    assert exc.__cause__ is None and exc.__context__ is None
    for text in _everything_shown(exc):
        for fragment in (canary, "Can", "canary-host", "apiuser:", "Port could not be cast", "IPv6"):
            assert fragment not in text, f"{fragment!r} shown in {text!r}"


def test_credentials_in_the_base_url_are_refused_from_the_environment_too() -> None:
    env = {
        "THULIUM_BASE_URL": "https://apiuser:Canary/Pw9@canary-host.example",
        "THULIUM_API_USER": "apiuser",
        "THULIUM_API_PASSWORD": "pw",
    }
    with pytest.raises(ConfigError, match="must not carry credentials") as caught:
        ThuliumClient.from_env(env)
    assert not any("Canary" in text or "canary-host" in text for text in _everything_shown(caught.value))
