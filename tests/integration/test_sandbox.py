"""The sandbox: catalog-driven answers, documented errors, loopback only, quick start and clean stop."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from typing import Any

import pytest
import requests

from thulium_explore import ParameterError, Reply, Sandbox, SandboxCall, default_catalog
from thulium_explore.sandbox import SANDBOX_CODES

START = "/api/chat_conversations/start"
AUTH = ("api_user", "api_pass")


def post(sandbox: Sandbox, path: str, *, auth: Any = AUTH, **kwargs: Any) -> requests.Response:
    return requests.post(sandbox.base_url + path, auth=auth, timeout=5, **kwargs)


def assert_error_object(response: requests.Response, status: int, code: str) -> list[str]:
    """The documented error object, with our sandbox-only code; returns the messages."""
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"request_id", "errors"}
    assert isinstance(body["request_id"], str) and len(body["request_id"]) == 13
    assert body["errors"] and all(e["code"] == SANDBOX_CODES[code] for e in body["errors"])
    errors = default_catalog().validator("https://thulium-explore.example/schemas/common/error.json")
    assert list(errors.iter_errors(body)) == []
    return [e["message"] for e in body["errors"]]


# -- lifecycle ----------------------------------------------------------------------------------

# Generous bounds: they prove "starts and stops quickly" (no waiting on a timeout, a poll loop or a
# keep-alive client), not how fast. Measured idle: ~1 ms to start, ~50 ms (one poll) to stop; but
# 0.40 s to start on 2 busy cores, which made a 0.5 s bound flaky. Speed is the benchmarks' job.
QUICKLY = 3.0


def test_it_starts_quickly_on_loopback_only_and_stops_cleanly() -> None:
    default_catalog()  # loaded once per process; the sandbox itself is what is timed
    started = time.perf_counter()
    sandbox = Sandbox().start()
    elapsed = time.perf_counter() - started
    try:
        assert elapsed < QUICKLY
        assert sandbox.base_url.startswith("http://127.0.0.1:")
        assert sandbox._server is not None and sandbox._server.server_address[0] == "127.0.0.1"
        session = requests.Session()  # a keep-alive connection left open must not block stop()
        assert session.post(sandbox.base_url + START, params={"chat_queue_id": 3}, auth=AUTH, timeout=5).ok
    finally:
        stopping = time.perf_counter()
        sandbox.stop()
        assert time.perf_counter() - stopping < QUICKLY  # stop() waits on none of the 30 s socket timeouts
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", sandbox.port), timeout=1):
        pass
    sandbox.stop()  # twice is harmless


def test_a_bad_port_is_refused_with_an_example() -> None:
    with pytest.raises(ValueError, match=r"port: 70000 is not a port number 0-65535 \(example: port=8765"):
        Sandbox(70000)


# -- successful calls ---------------------------------------------------------------------------


def test_the_documented_example_gets_a_fresh_conversation_id_each_time(sandbox: Sandbox) -> None:
    client = sandbox.client()
    first = client.chat_conversations.start(chat_queue_id=3, client_id="1234")
    second = client.chat_conversations.start(chat_queue_id=3, client_id="1234")
    assert first.status == second.status == 200
    assert first.verdict.ok and second.verdict.ok
    ids = [first.json["conversation_id"], second.json["conversation_id"]]
    assert ids[0] != ids[1]
    assert all(uuid.UUID(i).version == 4 for i in ids)
    assert "6ed7c941-2c8a-411e-95d2-338a9f64800a" not in ids  # not the docs' example uuid


def test_a_seeded_sandbox_answers_the_same_ids_every_run() -> None:
    answers = []
    for _ in range(2):
        with Sandbox(seed=7) as sandbox:
            answers.append(post(sandbox, START, params={"chat_queue_id": 3}).json())
    assert answers[0] == answers[1]


def test_an_empty_body_endpoint_answers_200_with_an_empty_body(sandbox: Sandbox) -> None:
    response = post(sandbox, "/api/agents/jkowalski/free")
    assert response.status_code == 200
    assert response.content == b""


def test_every_endpoint_answers_its_documented_example_with_a_passing_verdict(sandbox: Sandbox) -> None:
    client = sandbox.client()
    catalog = client.catalog
    checked = 0
    for endpoint in catalog:
        params = endpoint.example_parameters()
        if catalog.validate_parameters(endpoint.id, params):
            continue  # the docs' example is incomplete for this one
        result = client.send(endpoint.id, params)
        assert result.status < 500, endpoint.id
        assert result.verdict.ok, (endpoint.id, result.verdict.lines())
        checked += 1
    assert checked >= 1


def test_query_arrays_and_nested_objects_reach_the_handler_typed(sandbox: Sandbox) -> None:
    response = requests.get(
        sandbox.base_url + "/api/tickets",
        auth=AUTH,
        timeout=5,
        params=[("status_id[]", "1"), ("status_id[]", "2"), ("limit", "5")],
    )
    assert response.status_code == 200, response.text
    endpoint_id, params = sandbox.calls[-1]
    assert endpoint_id == "tickets.list"
    assert params["status_id"] == [1, 2] and params["limit"] == 5
    response = requests.get(
        sandbox.base_url + "/api/customers",
        auth=AUTH,
        timeout=5,
        params=[("custom_fields[Miasto][0]", "Łódź"), ("custom_fields[Miasto][1]", "Kraków")],
    )
    assert response.status_code == 200, response.text
    assert sandbox.calls[-1][1]["custom_fields"] == {"Miasto": ["Łódź", "Kraków"]}


def test_a_json_body_is_read_and_validated(sandbox: Sandbox) -> None:
    ok = post(sandbox, "/api/customers", json={"surname": "Kowalski", "email": "jan.kowalski@example.org"})
    assert ok.status_code == 200, ok.text
    bad = post(sandbox, "/api/customers", data=b'{"surname": ', headers={"Content-Type": "application/json"})
    assert assert_error_object(bad, 400, "invalid_parameter")[0].startswith("(body): is not valid JSON")
    missing = post(sandbox, "/api/customers", json={"name": "Jan"})
    assert any(m.startswith("surname: is required") for m in assert_error_object(missing, 400, "invalid_parameter"))


@pytest.mark.parametrize("blank", [b" ", b"\r\n\t  "])
def test_a_json_body_of_only_whitespace_is_refused_like_an_empty_one(sandbox: Sandbox, blank: bytes) -> None:
    headers = {"Content-Type": "application/json"}
    empty = assert_error_object(post(sandbox, "/api/customers", data=b"", headers=headers), 400, "invalid_parameter")
    spaces = post(sandbox, "/api/customers", data=blank, headers=headers)
    assert (
        assert_error_object(spaces, 400, "invalid_parameter")
        == empty
        == ["surname: is required (example: surname='Kowalski')"]
    )


def test_a_form_feed_is_not_json_whitespace_so_it_is_not_an_empty_body(sandbox: Sandbox) -> None:
    started = post(sandbox, START, params={"chat_queue_id": 3}).json()["conversation_id"]
    path = f"/api/chat_conversations/{started}/message"  # text is optional: an empty body is fine
    assert post(sandbox, path, data=b" \n", headers={"Content-Type": "application/json"}).status_code == 200
    odd = post(sandbox, path, data=b"\x0c", headers={"Content-Type": "application/json"})
    assert assert_error_object(odd, 400, "invalid_parameter")[0].startswith("(body): is not valid JSON")


def test_an_upload_echoes_the_real_file_name_and_size(sandbox: Sandbox) -> None:
    data = "Zażółć gęślą jaźń\n".encode() + bytes(range(256))
    answer = post(sandbox, "/api/temporary_files", params={"filename": "faktura 7.pdf"}, data=data)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["filename"] == "faktura 7.pdf" and body["size"] == len(data) == 283
    assert len(body["token"]) == 32 and int(body["token"], 16) >= 0
    again = post(sandbox, "/api/temporary_files", params={"filename": "a.txt"}, data=b"x").json()
    assert again["token"] != body["token"] and again["size"] == 1
    result = sandbox.client().temporary_files.upload(filename="hello.txt", content="Hello, world!")
    assert result.json["size"] == 13 and result.verdict.ok


def test_an_upload_without_a_file_gets_400_and_the_client_sends_none(sandbox: Sandbox) -> None:
    """The shipped schema wants at least one byte (content: minLength 1, inferred): the sandbox refuses an empty
    raw body, and the client refuses empty text and empty bytes before sending anything."""
    # the first refused call in a process may build a format checker's grammar (lark, seconds): a long timeout
    answer = requests.post(
        sandbox.base_url + "/api/temporary_files", params={"filename": "invoice.pdf"}, auth=AUTH, timeout=120
    )
    assert assert_error_object(answer, 400, "invalid_parameter") == [
        "content: the file is missing: send its bytes as the raw request body "
        "(example: curl --data-binary @invoice.pdf …)"
    ]
    assert post(sandbox, "/api/temporary_files", params={"filename": "a.txt"}, data=b"x").json()["size"] == 1
    client = sandbox.client()
    before = len(sandbox.calls)
    for empty in ("", b""):
        with pytest.raises(ParameterError, match="content"):
            client.temporary_files.upload(filename="empty.txt", content=empty)
    assert len(sandbox.calls) == before  # nothing sent


def test_a_handler_can_replace_the_documented_example() -> None:
    def answer(call: SandboxCall) -> Reply:
        return Reply(200, {"conversation_id": call.new_uuid(), "echo": call.params["chat_queue_id"]})

    with Sandbox(handlers={"chat_conversations.start": answer}) as sandbox:
        assert post(sandbox, START, params={"chat_queue_id": "8"}).json()["echo"] == 8


def test_a_failing_handler_answers_500_with_the_error_object() -> None:
    def broken(call: SandboxCall) -> Reply:
        raise RuntimeError("boom")

    with Sandbox(handlers={"chat_conversations.start": broken}) as sandbox:
        messages = assert_error_object(post(sandbox, START, params={"chat_queue_id": 3}), 500, "internal")
        assert messages == ["sandbox error: RuntimeError"]


# -- documented errors --------------------------------------------------------------------------


def test_invalid_parameters_get_400_naming_each_bad_field(sandbox: Sandbox) -> None:
    response = post(sandbox, START, params={"chat_queue_id": "abc", "client_email": "nope", "colour": "red"})
    messages = assert_error_object(response, 400, "invalid_parameter")
    assert any(m.startswith("chat_queue_id: 'abc' is not of type 'integer'") for m in messages)
    assert any(m.startswith("client_email: 'nope' is not a valid email") for m in messages)
    assert any(m.startswith("colour: is not a documented parameter") for m in messages)
    missing = assert_error_object(post(sandbox, START), 400, "invalid_parameter")
    assert missing == ["chat_queue_id: is required (example: chat_queue_id=3)"]


def test_a_body_parameter_sent_in_the_query_is_named(sandbox: Sandbox) -> None:
    response = post(sandbox, "/api/customers", params={"surname": "Kowalski"}, json={"surname": "Kowalski"})
    assert assert_error_object(response, 400, "invalid_parameter") == [
        "surname: is a body parameter, not a query parameter"
    ]


@pytest.mark.parametrize(
    "auth", [None, ("api_user", "wrong"), ("someone", "api_pass")], ids=["none", "password", "user"]
)
def test_missing_or_wrong_basic_auth_gets_401(sandbox: Sandbox, auth: Any) -> None:
    response = post(sandbox, START, auth=auth, params={"chat_queue_id": 3})
    assert_error_object(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Basic ")


def test_a_malformed_authorization_header_gets_401(sandbox: Sandbox) -> None:
    response = post(
        sandbox, START, auth=None, params={"chat_queue_id": 3}, headers={"Authorization": "Basic !!!not-base64"}
    )
    assert_error_object(response, 401, "unauthorized")


def test_configured_credentials_replace_the_sample_ones() -> None:
    with Sandbox(user="u", password="p") as sandbox:
        assert post(sandbox, START, auth=("u", "p"), params={"chat_queue_id": 3}).ok
        assert post(sandbox, START, params={"chat_queue_id": 3}).status_code == 401


def test_an_unknown_path_gets_404_and_a_known_path_with_another_method_405(sandbox: Sandbox) -> None:
    missing = requests.get(sandbox.base_url + "/api/no_such_thing", auth=AUTH, timeout=5)
    assert assert_error_object(missing, 404, "not_found") == ["No such resource: /api/no_such_thing."]
    wrong = requests.put(sandbox.base_url + START, auth=AUTH, timeout=5)
    assert_error_object(wrong, 405, "method_not_allowed")
    assert "POST" in wrong.headers["Allow"]


@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "PATCH", "BREW"])
def test_a_method_the_api_does_not_use_gets_405_with_allow_on_a_known_path_and_404_elsewhere(
    sandbox: Sandbox, method: str
) -> None:
    with requests.Session() as session:  # one keep-alive connection: each answer must arrive whole
        known = session.request(method, sandbox.base_url + "/api/chats", auth=AUTH, timeout=5)
        assert assert_error_object(known, 405, "method_not_allowed") == [
            f"Method {method} is not allowed for /api/chats; allowed: GET."
        ]
        assert known.headers["Allow"] == "GET"
        webhooks = session.request(method, sandbox.base_url + "/api/webhooks", auth=AUTH, timeout=5)
        assert "POST" in webhooks.headers["Allow"].split(", ")
        unknown = session.request(method, sandbox.base_url + "/api/no_such_thing", auth=AUTH, timeout=5)
        assert_error_object(unknown, 404, "not_found")
        assert session.get(sandbox.base_url + "/api/chats", auth=AUTH, timeout=5).status_code == 200


def test_accept_language_pl_gives_polish_messages(sandbox: Sandbox) -> None:
    response = requests.get(
        sandbox.base_url + "/api/no_such_thing", auth=AUTH, timeout=5, headers={"Accept-Language": "pl"}
    )
    assert assert_error_object(response, 404, "not_found") == ["Nie znaleziono zasobu /api/no_such_thing."]


def raw_exchange(sandbox: Sandbox, data: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send ``data`` as is on a fresh connection; the status, headers and body of the answer."""
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as conn:
        conn.sendall(data)
        received = b""
        while chunk := conn.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    assert int(headers["content-length"]) == len(body)  # one answer, then the connection is closed
    return int(status_line.split()[1]), headers, body


def assert_raw_error(answer: tuple[int, dict[str, str], bytes], status: int, code: str) -> str:
    got, headers, body = answer
    assert got == status
    assert headers["content-type"] == "application/json; charset=utf-8" and headers["connection"] == "close"
    document = json.loads(body)
    assert set(document) == {"request_id", "errors"} and len(document["request_id"]) == 13
    assert [e["code"] for e in document["errors"]] == [SANDBOX_CODES[code]] == [900000 + status]
    errors = default_catalog().validator("https://thulium-explore.example/schemas/common/error.json")
    assert list(errors.iter_errors(document)) == []
    return str(document["errors"][0]["message"])


def request_bytes(head: str, body: bytes = b"") -> bytes:
    credentials = "Authorization: Basic YXBpX3VzZXI6YXBpX3Bhc3M=\r\n"  # api_user:api_pass
    return head.replace("\r\n", "\r\n" + credentials, 1).encode("latin-1") + b"\r\n" + body


@pytest.mark.parametrize(
    ("head", "status", "code", "message"),
    [
        (
            f"POST {START}?chat_queue_id=3 HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n",
            400,
            "bad_request",
            "Content-Length: 'abc' is not a number of bytes (example: Content-Length: 42)",
        ),
        (
            f"POST {START}?chat_queue_id=3 HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n",
            400,
            "bad_request",
            "Content-Length: '-5' is not a number of bytes (example: Content-Length: 42)",
        ),
        (
            f"POST {START}?chat_queue_id=3 HTTP/1.1\r\nHost: x\r\nContent-Length: 10485761\r\n",
            413,
            "too_large",
            "the body is 10485761 bytes; the sandbox takes at most 10 MB (10485760 bytes)",
        ),
        (
            f"POST {START}?chat_queue_id=3 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n",
            411,
            "length_required",
            "Transfer-Encoding: chunked is not supported by the sandbox; send the body with a "
            "Content-Length (at most 10 MB)",
        ),
        (
            "GET /api/chats HTTP/2.0\r\nHost: x\r\n",
            505,
            "http_version",
            "this HTTP version is not supported (example: HTTP/1.1)",
        ),
        (
            "GET /api/chats?client_email=tajny@firma.pl HTTP/1.1 extra\r\nHost: x\r\n",
            400,
            "bad_request",
            "the request line or a header is not valid HTTP/1.1 (example: POST /api/chat_conversations/start?"
            "chat_queue_id=3 HTTP/1.1)",
        ),
        (
            "GET /api/chats HTTP/1.1\r\nX-Long: " + "a" * 70000 + "\r\n",
            431,
            "headers_too_large",
            "a header line is longer than 65536 bytes, or there are more than 100 headers",
        ),
    ],
)
def test_every_refusal_is_the_error_object_with_a_message_that_fits(
    sandbox: Sandbox, head: str, status: int, code: str, message: str
) -> None:
    assert assert_raw_error(raw_exchange(sandbox, request_bytes(head)), status, code) == message


def test_a_100_kb_query_gets_414_as_the_error_object_not_an_html_page(sandbox: Sandbox) -> None:
    answer = requests.get(sandbox.base_url + "/api/chats", params={"q": "x" * 100_000}, auth=AUTH, timeout=5)
    message = assert_error_object(answer, 414, "uri_too_long")
    assert message == ["the request line is longer than 65536 bytes; send fewer or shorter query parameters"]
    assert "<html" not in answer.text.lower()
    assert post(sandbox, START, params={"chat_queue_id": 3}).ok  # the sandbox keeps serving


def test_the_request_log_leaves_out_query_strings() -> None:
    lines: list[str] = []
    with Sandbox(log=lines.append) as sandbox:
        post(sandbox, START, params={"chat_queue_id": 3, "client_email": "tajny@firma.pl"})
    assert lines == [f"POST {START} -> 200"]


# -- CLI ----------------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "thulium_explore", "sandbox", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_the_cli_prints_the_url_and_credentials_serves_and_exits_0_on_ctrl_c() -> None:
    process = _cli("--port", "0")
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("Thulium sandbox listening on http://127.0.0.1:")
        url = first.split()[4]
        lines = [process.stdout.readline() for _ in range(4)]
        assert "api_user" in lines[0] and "api_pass" in lines[1]
        answer = requests.post(url + START, params={"chat_queue_id": 3}, auth=AUTH, timeout=5)
        assert answer.status_code == 200
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert process.returncode == 0
    assert "sandbox stopped" in out
    assert f"POST {START} -> 200" in err and "Traceback" not in err


def test_the_cli_reports_a_busy_port_in_one_line() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        process = _cli("--port", str(busy.getsockname()[1]))
        out, err = process.communicate(timeout=30)
    assert process.returncode == 2
    assert err.count("\n") == 1 and "cannot listen on 127.0.0.1" in err and "--port 0" in err
    assert json.dumps(out) == '""'
