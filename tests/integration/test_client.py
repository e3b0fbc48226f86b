"""ThuliumClient against a scripted loopback server: wire format, verdicts, errors, safety."""

from __future__ import annotations

import base64
import inspect
import json
import logging
import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import FakeServer, Received
from thulium_explore import (
    ApiError,
    ConfigError,
    ParameterError,
    ThuliumClient,
    TransportError,
)

PASSWORD = "s3cret-Pa55!"
UUID = "6ed7c941-2c8a-411e-95d2-338a9f64800a"
JSON = {"Content-Type": "application/json"}


def ok_start(_: Received) -> tuple[int, dict[str, str], bytes]:
    return 200, JSON, json.dumps({"conversation_id": UUID}).encode()


@pytest.fixture
def client(fake_server: FakeServer) -> Iterator[ThuliumClient]:
    fake_server.reply = ok_start
    with ThuliumClient(fake_server.base_url, "api_user", PASSWORD, timeout=5) as c:
        yield c


def test_documented_example_goes_on_the_wire_as_the_docs_show(client: ThuliumClient, fake_server: FakeServer) -> None:
    result = client.call("chat_conversations.start", chat_queue_id=3, client_id="1234")
    [seen] = fake_server.received
    assert seen.method == "POST"
    assert seen.path == "/api/chat_conversations/start?chat_queue_id=3&client_id=1234"
    assert seen.body == b""
    assert seen.headers["Content-Type"] == "application/json; charset=utf-8"
    assert seen.headers["Accept"] == "application/json"
    assert seen.headers["Authorization"] == "Basic " + base64.b64encode(f"api_user:{PASSWORD}".encode()).decode()
    assert result.status == 200
    assert result.json == {"conversation_id": UUID}
    assert result.verdict.label == "pass"
    assert result.elapsed > 0


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a handshake the client refuses is expected here; socketserver would print its traceback


class _LoopbackServer:
    """A threaded server on 127.0.0.1 answering every POST with ``ok_start``; records each request's peer.

    It speaks HTTP/1.1 (keep-alive), unlike ``fake_server``'s HTTP/1.0 where every answer closes
    the connection, so a client that reuses its connection pool sends every call over one socket.
    ``tls`` = (certificate, key) serves https instead.
    """

    def __init__(self, tls: tuple[Path, Path] | None = None) -> None:
        peers: list[tuple[str, int]] = []
        self.peers = peers

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                peers.append(self.client_address)
                status, headers, body = ok_start(Received("POST", self.path, dict(self.headers.items()), b""))
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        scheme = "http"
        if tls is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            # the handshake happens in the handler thread, so a refused one cannot stall accept()
            self.server.socket = context.wrap_socket(
                self.server.socket, server_side=True, do_handshake_on_connect=False
            )
            scheme = "https"
        self.base_url = f"{scheme}://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def keep_alive_server() -> Iterator[_LoopbackServer]:
    server = _LoopbackServer()
    try:
        yield server
    finally:
        server.close()


def test_one_session_sends_every_call_over_one_connection(keep_alive_server: _LoopbackServer) -> None:
    with ThuliumClient(keep_alive_server.base_url, "api_user", PASSWORD, timeout=5) as client:
        session = client.session
        for queue in (3, 4, 5):
            assert client.call("chat_conversations.start", chat_queue_id=queue).ok
        assert client.session is session
        assert session.adapters["http://"].max_retries.total == 0
    connections = sorted(set(keep_alive_server.peers))
    assert len(keep_alive_server.peers) == 3
    assert len(connections) == 1, f"3 calls arrived over {len(connections)} TCP connections {connections}, not one"


def test_bad_parameters_are_rejected_before_anything_is_sent(client: ThuliumClient, fake_server: FakeServer) -> None:
    with pytest.raises(ParameterError) as caught:
        client.call("chat_conversations.start", chat_queue_id="abc", client_email="nope", colour="red")
    assert fake_server.received == []
    message = str(caught.value)
    assert "chat_queue_id: 'abc' is not of type 'integer' (example: chat_queue_id=3)" in message
    assert "client_email: 'nope' is not a valid email (example: client_email='jan.kowalski@example.org')" in message
    assert "colour: is not a documented parameter" in message
    assert isinstance(caught.value, ValueError)
    assert {p.field for p in caught.value.problems} == {"chat_queue_id", "client_email", "colour"}


def test_missing_required_parameter_names_it(client: ThuliumClient) -> None:
    with pytest.raises(ParameterError, match=r"chat_queue_id: is required \(example: chat_queue_id=3\)"):
        client.call("chat_conversations.start", client_id="1234")


def test_per_endpoint_method_has_real_signature_and_doc(client: ThuliumClient, fake_server: FakeServer) -> None:
    start = client.chat_conversations.start
    signature = inspect.signature(start)
    assert next(iter(signature.parameters)) == "chat_queue_id"
    assert signature.parameters["chat_queue_id"].default is inspect.Parameter.empty
    assert signature.parameters["customer_id"].default is None
    assert "customer_id" in (start.__doc__ or "") and "CRM" in (start.__doc__ or "")
    assert "chat_conversations" in dir(client)
    result = start(chat_queue_id=3, customer_id=None)
    assert fake_server.received[-1].path == "/api/chat_conversations/start?chat_queue_id=3"
    assert result.ok
    with pytest.raises(AttributeError):
        _ = client.no_such_group


def test_error_answer_becomes_api_error_with_request_id(client: ThuliumClient, fake_server: FakeServer) -> None:
    body = {"request_id": "53678450401cf", "errors": [{"message": "Queue not found", "code": 404001}]}
    fake_server.reply = lambda r: (404, JSON, json.dumps(body).encode())
    result = client.call("chat_conversations.start", chat_queue_id=99)
    assert result.status == 404 and result.request_id == "53678450401cf"
    assert result.verdict.label == "pass"  # the error object is as documented
    with pytest.raises(ApiError) as caught:
        result.raise_for_status()
    assert caught.value.status == 404
    assert caught.value.request_id == "53678450401cf"
    assert caught.value.errors == [{"message": "Queue not found", "code": 404001}]
    assert "Queue not found (code 404001)" in str(caught.value)


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (502, b"<html><body>Bad gateway</body></html>", "body is not JSON"),
        (200, b"", "body is empty; JSON is documented"),
        (200, b"{not json", "body is not JSON"),
        (200, json.dumps({"conversation_id": "not-a-uuid"}).encode(), "is not a 'uuid'"),
        (500, json.dumps({"errors": []}).encode(), "'request_id' is a required property"),
    ],
)
def test_bad_bodies_become_contract_problems_not_crashes(
    client: ThuliumClient, fake_server: FakeServer, status: int, body: bytes, expected: str
) -> None:
    fake_server.reply = lambda r: (status, {"Content-Type": "text/html"}, body)
    result = client.call("chat_conversations.start", chat_queue_id=3)
    assert result.status == status
    assert not result.verdict.ok
    assert any(expected in p.message for p in result.verdict.problems), result.verdict.lines()


def test_undocumented_field_is_drift_not_failure(client: ThuliumClient, fake_server: FakeServer) -> None:
    fake_server.reply = lambda r: (200, JSON, json.dumps({"conversation_id": UUID, "extra": 1}).encode())
    verdict = client.call("chat_conversations.start", chat_queue_id=3).verdict
    assert verdict.ok and verdict.label == "pass (drift)"
    assert [str(d) for d in verdict.drift] == ["$.extra: is not documented (integer)"]


def test_redirect_is_not_followed(client: ThuliumClient, fake_server: FakeServer) -> None:
    fake_server.reply = lambda r: (302, {"Location": "http://127.0.0.1:1/elsewhere"}, b"")
    result = client.call("chat_conversations.start", chat_queue_id=3)
    assert result.status == 302 and len(fake_server.received) == 1
    assert not result.verdict.ok


def test_post_is_never_retried(client: ThuliumClient, fake_server: FakeServer) -> None:
    fake_server.reply = lambda r: None  # drop the connection without answering
    with pytest.raises(TransportError) as caught:
        client.call("chat_conversations.start", chat_queue_id=3)
    assert caught.value.kind == "connection"
    assert len(fake_server.received) == 1


def test_password_never_in_repr_log_exception_or_snippet(
    client: ThuliumClient, fake_server: FakeServer, caplog: pytest.LogCaptureFixture
) -> None:
    secret_forms = [PASSWORD, base64.b64encode(f"api_user:{PASSWORD}".encode()).decode()]
    caplog.set_level(logging.DEBUG)
    result = client.call("chat_conversations.start", chat_queue_id=3)
    fake_server.reply = lambda r: None
    with pytest.raises(TransportError) as caught:
        client.call("chat_conversations.start", chat_queue_id=3)
    texts = [
        repr(client),
        repr(client._auth),
        repr(result),
        repr(result.request),
        str(result.request.headers),
        result._repr_html_(),
        caplog.text,
        str(caught.value),
        repr(caught.value.request),
    ]
    texts += [result.snippet(kind) for kind in ("curl", "httpie", "python", "thulium_explore", "php")]
    for text in texts:
        for secret in secret_forms:
            assert secret not in text
    assert '"$THULIUM_API_USER:$THULIUM_API_PASSWORD"' in result.as_curl()
    assert "chat_queue_id=3" in result.as_curl()


def test_shown_request_headers_are_the_sent_ones_with_the_credentials_masked(
    client: ThuliumClient, fake_server: FakeServer
) -> None:
    result = client.call("chat_conversations.start", chat_queue_id=3)
    [seen] = fake_server.received
    assert result.request.headers["Authorization"] == "Basic ***"
    assert seen.headers["Authorization"].startswith("Basic ") and seen.headers["Authorization"] != "Basic ***"
    shown = {k.lower(): v for k, v in result.request.headers.items() if k.lower() != "authorization"}
    assert shown == {k.lower(): v for k, v in seen.headers.items() if k.lower() not in ("authorization", "host")}
    fake_server.reply = lambda r: None
    with pytest.raises(TransportError) as caught:
        client.call("chat_conversations.start", chat_queue_id=3)
    assert caught.value.request is not None
    assert caught.value.request.headers["Authorization"] == "Basic ***"


def test_timeout_becomes_transport_error_naming_the_url(fake_server: FakeServer) -> None:
    release = threading.Event()

    def slow(_: Received) -> tuple[int, dict[str, str], bytes]:
        release.wait(5)
        return ok_start(_)

    fake_server.reply = slow
    client = ThuliumClient(fake_server.base_url, "api_user", PASSWORD, timeout=0.2)
    try:
        with pytest.raises(TransportError) as caught:
            client.call("chat_conversations.start", chat_queue_id=3, client_email="jan@example.org")
    finally:
        release.set()
    assert caught.value.kind == "timeout"
    assert f"{fake_server.base_url}/api/chat_conversations/start" in str(caught.value)
    assert "jan@example.org" not in str(caught.value)


def test_refused_connection_is_transport_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = ThuliumClient(f"http://127.0.0.1:{port}", "api_user", PASSWORD, timeout=2)
    with pytest.raises(TransportError) as caught:
        client.call("chat_conversations.start", chat_queue_id=3)
    assert caught.value.kind == "connection"


def test_tls_failure_is_transport_error(fake_server: FakeServer) -> None:
    # An https URL pointing at a plain-http server: the TLS handshake fails.
    client = ThuliumClient(fake_server.base_url.replace("http://", "https://"), "api_user", PASSWORD, timeout=2)
    with pytest.raises(TransportError) as caught:
        client.call("chat_conversations.start", chat_queue_id=3)
    assert caught.value.kind == "tls"


def test_untrusted_certificate_is_refused_as_tls_error(self_signed: tuple[Path, Path]) -> None:
    server = _LoopbackServer(tls=self_signed)
    try:
        with ThuliumClient(server.base_url, "api_user", PASSWORD, timeout=5) as client:
            assert client.verify is True
            with pytest.raises(TransportError) as caught:
                client.call("chat_conversations.start", chat_queue_id=3)
        assert caught.value.kind == "tls"
        assert "certificate verify failed" in str(caught.value)
        assert server.peers == []  # refused during the handshake: no request (nor credentials) reached the server
        # The control: trusting exactly that certificate, the same server answers. So the refusal
        # above is certificate verification at work, not a broken server.
        with ThuliumClient(server.base_url, "api_user", PASSWORD, timeout=5, verify=str(self_signed[0])) as trusting:
            assert trusting.call("chat_conversations.start", chat_queue_id=3).ok
        assert len(server.peers) == 1
    finally:
        server.close()


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://127.0.0.1:8080", True),
        ("http://127.9.9.9", True),
        ("http://localhost:1", True),
        ("http://[::1]:1", True),
        ("https://your-system-name.thulium.com", True),
        ("http://your-system-name.thulium.com", False),
        ("http://10.0.0.5", False),
    ],
)
def test_plain_http_refused_unless_loopback(url: str, allowed: bool) -> None:
    if allowed:
        ThuliumClient(url, "u", "p")
    else:
        with pytest.raises(ConfigError, match="plain http"):
            ThuliumClient(url, "u", "p")
        ThuliumClient(url, "u", "p", allow_insecure_http=True)


def test_base_url_normalised_and_credentials_in_url_refused() -> None:
    assert ThuliumClient("https://t.thulium.com/api/", "u", "p").base_url == "https://t.thulium.com"
    with pytest.raises(ConfigError) as caught:
        ThuliumClient("https://u:hunter2@t.thulium.com", "u", "p")
    assert "hunter2" not in str(caught.value)
    with pytest.raises(ConfigError, match="base_url: 'ftp://x' is not an http"):
        ThuliumClient("ftp://x", "u", "p")
    with pytest.raises(ConfigError, match="timeout"):
        ThuliumClient("https://t.thulium.com", "u", "p", timeout=0)


def test_from_env_names_every_missing_variable() -> None:
    with pytest.raises(ConfigError, match="THULIUM_API_USER, THULIUM_API_PASSWORD: not set"):
        ThuliumClient.from_env({"THULIUM_BASE_URL": "https://t.thulium.com"})
    client = ThuliumClient.from_env(
        {"THULIUM_BASE_URL": "https://t.thulium.com", "THULIUM_API_USER": "u", "THULIUM_API_PASSWORD": "p"}
    )
    assert client.base_url == "https://t.thulium.com" and client.timeout == 30.0


def test_non_latin1_password_is_sent_as_utf8(fake_server: FakeServer) -> None:
    fake_server.reply = ok_start
    client = ThuliumClient(fake_server.base_url, "api_user", "hasło-żółw", timeout=5)
    assert client.call("chat_conversations.start", chat_queue_id=3).ok
    token = base64.b64encode("api_user:hasło-żółw".encode()).decode()
    assert fake_server.received[0].headers["Authorization"] == f"Basic {token}"


def test_polish_diacritics_are_url_encoded_and_round_trip(client: ThuliumClient, fake_server: FakeServer) -> None:
    from urllib.parse import parse_qsl, urlsplit

    params = {
        "chat_queue_id": 3,
        "client_name": "Łukasz",
        "client_surname": "Żółkiewski-Gęś",
        "client_email": "łukasz@example.org",
        "client_id": "ID-ąę 1/2&x",
        "customer_id": 17,
    }
    assert client.send("chat_conversations.start", params).ok
    raw_query = urlsplit(fake_server.received[0].path).query
    assert raw_query.isascii()
    assert "client_name=%C5%81ukasz" in raw_query
    assert dict(parse_qsl(raw_query)) == {k: str(v) for k, v in params.items()}


def test_every_parameter_type_of_the_seed_goes_on_the_wire(client: ThuliumClient, fake_server: FakeServer) -> None:
    client.call(
        "chat_conversations.start",
        chat_queue_id=3.0,
        customer_id=1,
        client_id="0042",
        client_name="Jan",
        client_surname="Kowalski",
        client_email="jan.kowalski@example.org",
    )
    assert fake_server.received[0].path == (
        "/api/chat_conversations/start?chat_queue_id=3&customer_id=1&client_id=0042"
        "&client_name=Jan&client_surname=Kowalski&client_email=jan.kowalski%40example.org"
    )


def test_401_html_page_is_a_contract_problem_and_api_error(client: ThuliumClient, fake_server: FakeServer) -> None:
    fake_server.reply = lambda r: (401, {"Content-Type": "text/html"}, b"<html><h1>401 Unauthorized</h1></html>")
    result = client.call("chat_conversations.start", chat_queue_id=3)
    assert result.status == 401 and result.json is None
    assert [p.message for p in result.verdict.problems] == ["body is not JSON"]
    with pytest.raises(ApiError, match="HTTP 401"):
        result.raise_for_status()


def test_never_answering_server_fails_within_the_timeout(fake_server: FakeServer) -> None:
    import time

    release = threading.Event()
    fake_server.reply = lambda r: (release.wait(10), ok_start(r))[1]
    client = ThuliumClient(fake_server.base_url, "api_user", PASSWORD, timeout=0.5)
    started = time.perf_counter()
    try:
        with pytest.raises(TransportError, match="timeout"):
            client.call("chat_conversations.start", chat_queue_id=3)
    finally:
        release.set()
    assert time.perf_counter() - started < 5  # the timeout, not the server's 10 s, ended it


def test_secret_parameters_are_masked_everywhere_they_are_shown(fake_server: FakeServer) -> None:
    canary = "AGENT-SECRET-canary-żółw"
    fake_server.reply = lambda r: (200, JSON, json.dumps({"agent_id": "11", "agent_login": "jkowalski"}).encode())
    client = ThuliumClient(fake_server.base_url, "api_user", PASSWORD, timeout=5)
    result = client.call(
        "agents.create", name="Jan", surname="Kowalski", login="jkowalski", password=canary, number="100"
    )
    assert canary in fake_server.received[0].body.decode()  # the server gets it ...
    shown = [repr(result), repr(result.request), repr(result.params), result._repr_html_(), result.request.url]
    shown += [result.snippet(kind) for kind in ("curl", "httpie", "python", "thulium_explore", "php")]
    for text in shown:  # ... nothing shown back does
        assert canary not in text
    assert result.params["password"] == "***"
    with pytest.raises(ParameterError) as caught:
        client.call("agents.create", name="Jan", surname="Kowalski", login="jkowalski", password=12345678, number="100")
    assert "12345678" not in str(caught.value) and "password" in str(caught.value)


def test_debug_logs_carry_no_personal_data(client: ThuliumClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client.call(
        "chat_conversations.start", chat_queue_id=3, client_email="real.person@example.org", client_name="Łukasz"
    )
    assert "/api/chat_conversations/start" in caplog.text  # urllib3 and our own line are there ...
    assert "real.person" not in caplog.text and "%C5%81ukasz" not in caplog.text  # ... without the query
