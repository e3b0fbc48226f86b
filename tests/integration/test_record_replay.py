"""Recording and replay against the sandbox: offline replay, closest-match misses, flat cost, the canary."""

from __future__ import annotations

import base64
import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import pytest
import yaml

from thulium_explore import CassetteError, ConfigError, Reply, Sandbox, SandboxCall, ThuliumClient, connect, recorder

START = "/api/chat_conversations/start"
REPO = Path(__file__).resolve().parents[2]

pytest_plugins = ["pytester"]


@contextmanager
def refusing_network() -> Iterator[list[Any]]:
    """Inside the block any attempt to open a socket connection fails (and is listed)."""
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise AssertionError(f"replay tried to connect to {address}")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket.socket, "connect_ex", refuse)
        yield attempts


def record_starts(path: Path, queue_ids: list[int]) -> list[str]:
    """Record one start per queue id against a fresh sandbox; returns the conversation ids."""
    with Sandbox() as sandbox, recorder(path, "record"):
        client = sandbox.client()
        return [
            client.chat_conversations.start(chat_queue_id=q, client_id=str(q)).json["conversation_id"]
            for q in queue_ids
        ]


def replay_client() -> ThuliumClient:
    return ThuliumClient("https://your-system-name.thulium.com", "api_user", "api_pass")


# -- record, then replay offline ----------------------------------------------------------------


def test_replay_answers_what_was_recorded_without_touching_the_network(tmp_path: Path) -> None:
    cassette = tmp_path / "starts.yaml"
    ids = record_starts(cassette, [3, 4])
    assert yaml.safe_load(cassette.read_text(encoding="utf-8"))["version"] == 1
    with refusing_network() as attempts, recorder(cassette, "replay"):
        client = replay_client()
        replayed = [client.chat_conversations.start(chat_queue_id=q, client_id=str(q)) for q in (4, 3)]
    assert attempts == []
    assert [r.json["conversation_id"] for r in replayed] == [ids[1], ids[0]]
    assert all(r.status == 200 and r.verdict.ok for r in replayed)


def test_a_request_with_no_recording_names_the_closest_one_and_what_differs(tmp_path: Path) -> None:
    cassette = tmp_path / "starts.yaml"
    record_starts(cassette, [3, 4])
    with refusing_network() as attempts, recorder(cassette, "replay"), pytest.raises(CassetteError) as caught:
        replay_client().chat_conversations.start(chat_queue_id=3, client_id="99")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"no recording of POST {START}?chat_queue_id=3&client_id=99 in starts.yaml")
    assert f"closest is #0 POST {START}?chat_queue_id=3&client_id=3," in message
    assert "query client_id: recorded '3', sent '99'" in message
    assert attempts == []


def test_replaying_a_missing_cassette_says_how_to_record_it(tmp_path: Path) -> None:
    with (
        pytest.raises(CassetteError, match=r"no such cassette to replay; record it first \(example: THULIUM_MODE"),
        recorder(tmp_path / "absent.yaml", "replay"),
    ):
        pass


def test_a_malformed_cassette_is_a_one_line_cassette_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\ninteractions: [ {request: \n", encoding="utf-8")
    with (
        pytest.raises(CassetteError, match=r"broken.yaml: invalid YAML at line 3") as caught,
        recorder(broken, "replay"),
    ):
        pass
    assert "\n" not in str(caught.value)


def test_live_mode_records_nothing(tmp_path: Path, sandbox: Sandbox) -> None:
    with recorder(tmp_path / "live.yaml", "live") as cassette:
        assert sandbox.client().chat_conversations.start(chat_queue_id=3).ok
    assert cassette is None
    assert not (tmp_path / "live.yaml").exists()


def test_record_adds_to_the_cassette_overwrite_replaces_it_and_an_exception_leaves_the_old_one(
    tmp_path: Path,
) -> None:
    cassette = tmp_path / "c.yaml"
    record_starts(cassette, [3, 4])
    record_starts(cassette, [5])
    assert len(yaml.safe_load(cassette.read_text(encoding="utf-8"))["interactions"]) == 3  # added
    with Sandbox() as sandbox, recorder(cassette, "record", overwrite=True):
        sandbox.client().chat_conversations.start(chat_queue_id=6)
    assert len(yaml.safe_load(cassette.read_text(encoding="utf-8"))["interactions"]) == 1  # replaced
    before = cassette.read_bytes()

    def failing_session() -> None:
        with Sandbox() as sandbox, recorder(cassette, "record"):
            sandbox.client().chat_conversations.start(chat_queue_id=9)
            raise RuntimeError("the notebook cell failed")

    with pytest.raises(RuntimeError, match="cell failed"):
        failing_session()
    assert cassette.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["c.yaml"]  # no temporary file left behind


def test_json_cassettes_are_written_and_replayed(tmp_path: Path) -> None:
    cassette = tmp_path / "c.json"
    ids = record_starts(cassette, [3])
    assert json.loads(cassette.read_text(encoding="utf-8"))["interactions"][0]["request"]["method"] == "POST"
    with recorder(cassette, "replay"):
        assert (
            replay_client().chat_conversations.start(chat_queue_id=3, client_id="3").json["conversation_id"] == ids[0]
        )


def test_the_mode_comes_from_thulium_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cassette = tmp_path / "c.yaml"
    monkeypatch.setenv("THULIUM_MODE", "record")
    with Sandbox() as sandbox, recorder(cassette):
        sandbox.client().chat_conversations.start(chat_queue_id=3)
    assert cassette.exists()
    monkeypatch.setenv("THULIUM_MODE", "nonsense")
    with (
        pytest.raises(
            ConfigError, match="THULIUM_MODE: 'nonsense' is not a mode; choose one of sandbox, live, record, replay "
        ),
        recorder(cassette),
    ):
        pass


@pytest.mark.parametrize("environ", [{"THULIUM_MODE": "sandbox"}, {}])
def test_sandbox_mode_and_the_default_record_nothing_like_connect(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox, environ: dict[str, str]
) -> None:
    for name in ("THULIUM_MODE", "THULIUM_BASE_URL", "THULIUM_API_USER", "THULIUM_API_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    with recorder(tmp_path / "c.yaml") as cassette:
        assert sandbox.client().chat_conversations.start(chat_queue_id=3).ok
    assert cassette is None
    assert not (tmp_path / "c.yaml").exists()
    with connect() as conn:
        assert conn.mode == "sandbox"


# -- flat replay cost ---------------------------------------------------------------------------


def _replay_all(cassette: Path, queue_ids: list[int]) -> int:
    with recorder(cassette, "replay") as recording:
        client = replay_client()
        for q in queue_ids:
            assert client.chat_conversations.start(chat_queue_id=q, client_id=str(q)).status == 200
        return int(recording.index.comparisons)


def test_a_full_replay_costs_one_comparison_per_request_where_vcrpy_scans(tmp_path: Path) -> None:
    small, large = list(range(1, 31)), list(range(1, 301))
    record_starts(tmp_path / "small.yaml", small)
    record_starts(tmp_path / "large.yaml", large)
    # vcrpy asks twice per request (can it play? then play): two dict lookups, each looking at one recording
    assert _replay_all(tmp_path / "small.yaml", small) == 2 * len(small)
    assert _replay_all(tmp_path / "large.yaml", large) == 2 * len(large)  # 10x the requests, 10x the work

    import vcr.cassette  # the baseline: vcrpy's own matcher on the same cassette

    calls = 0
    original = vcr.cassette.requests_match

    def counting(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        return original(*args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vcr.cassette, "requests_match", counting)
        with vcr.use_cassette(str(tmp_path / "small.yaml"), record_mode="none", match_on=["method", "path", "query"]):
            client = replay_client()
            for q in small:
                client.chat_conversations.start(chat_queue_id=q, client_id=str(q))
    assert calls >= len(small) * (len(small) + 1) / 2  # quadratic already at 30: why the index exists


# -- connect() ----------------------------------------------------------------------------------


def test_connect_records_against_the_sandbox_and_replays_offline(tmp_path: Path) -> None:
    cassette = tmp_path / "session.yaml"
    with connect("record", cassette=cassette, environ={}) as conn:
        assert conn.mode == "record" and conn.sandbox is not None
        recorded = conn.client.chat_conversations.start(chat_queue_id=3).json
    assert cassette.exists()
    with connect("replay", cassette=cassette, environ={}) as conn:
        assert conn.mode == "replay" and conn.sandbox is None
        assert conn.client.chat_conversations.start(chat_queue_id=3).json == recorded


def test_connect_record_keeps_the_old_cassette_when_the_block_fails(tmp_path: Path) -> None:
    cassette = tmp_path / "session.yaml"
    with connect("record", cassette=cassette, environ={}) as conn:
        conn.client.chat_conversations.start(chat_queue_id=3)
    before = cassette.read_bytes()

    def failing() -> None:
        with connect("record", cassette=cassette, environ={}) as conn:
            conn.client.chat_conversations.start(chat_queue_id=4)
            raise RuntimeError("cell failed")

    with pytest.raises(RuntimeError, match="cell failed"):
        failing()
    assert cassette.read_bytes() == before
    conn = connect("record", cassette=cassette, environ={})
    conn.client.chat_conversations.start(chat_queue_id=5)
    conn.close()  # a notebook's explicit close writes the cassette
    conn.close()
    assert b"chat_queue_id=5" in cassette.read_bytes()


def test_connect_picks_sandbox_or_live_by_configuration() -> None:
    with connect(environ={}) as conn:
        assert conn.mode == "sandbox" and conn.client.base_url.startswith("http://127.0.0.1:")
        assert conn.client.chat_conversations.start(chat_queue_id=3).ok
    assert conn.sandbox is not None and not conn.sandbox.running
    with Sandbox() as sandbox:
        env = {"THULIUM_BASE_URL": sandbox.base_url, "THULIUM_API_USER": "api_user", "THULIUM_API_PASSWORD": "api_pass"}
        with connect(environ=env) as conn:
            assert conn.mode == "live" and conn.sandbox is None and conn.base_url == sandbox.base_url
        with connect(environ={**env, "THULIUM_MODE": "sandbox"}) as conn:
            assert conn.mode == "sandbox" and conn.base_url != sandbox.base_url


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"mode": "record", "environ": {}}, r"cassette: record mode needs a cassette path \(example: connect"),
        ({"mode": "bogus", "environ": {}}, r"mode: 'bogus' is not a mode; choose one of sandbox, live, record, replay"),
        (
            {"environ": {"THULIUM_BASE_URL": "https://x.thulium.com"}},
            r"THULIUM_API_USER, THULIUM_API_PASSWORD: not set, but THULIUM_BASE_URL is",
        ),
        ({"mode": "live", "environ": {}}, r"THULIUM_BASE_URL, THULIUM_API_USER, THULIUM_API_PASSWORD: not set"),
    ],
)
def test_connect_fails_in_one_line_naming_what_is_missing(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        connect(**kwargs)


# -- the canary ---------------------------------------------------------------------------------

CANARY_USER = "kanarek-api-7Q"
CANARY_PASSWORD = "Kanarek-Żółty-źdźbło-ż-s3cret!"  # the client sends Basic auth as UTF-8, so ż and friends go too
PEOPLE = {
    "first_name": "Grzegorz",
    "surname": "Brzęczyszczykiewicz",
    "email": "grzegorz.b@chrzaszczyrzewoszyce.pl",
    "first_name_2": "Źdźbłomiła",
    "surname_2": "Gąsiorowska-Żak",
    "email_2": "zdzb.gasiorowska@poczta-kanarek.pl",
    "phone": "+48 601 234 567",
    "phone_2": "500600700",
    "pesel": "85010112345",
}


def forms(value: str) -> set[str]:
    """Every way ``value`` could sit in a cassette file: raw, base64, URL-encoded, JSON- and YAML-escaped."""
    raw = value.encode("utf-8")
    latin = value.encode("latin-1", "replace")  # how requests' own Basic auth would encode user:password
    escaped = json.dumps(value)[1:-1]  # \u017c for ż
    out = {
        value,
        base64.b64encode(raw).decode(),
        base64.b64encode(latin).decode(),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
        base64.b64encode(raw).decode().rstrip("="),
        quote(value, safe=""),
        quote_plus(value, safe=""),
        quote(value, safe="").lower(),
        quote(value, safe="", encoding="latin-1", errors="replace"),
        escaped,
        escaped.lower(),
        yaml.dump(value).strip().strip('"'),
        yaml.dump(value, allow_unicode=True).strip().strip("'\""),
        json.dumps(value.lower())[1:-1],
        value.lower(),
        value.encode("unicode_escape").decode(),
    }
    return {f for f in out if len(f) >= 4}


def test_the_canary_forms_cover_what_polish_letters_become() -> None:
    found = forms("hasło-ż")
    assert {
        "hasło-ż",
        "has\\u0142o-\\u017c",
        "has\\u0142o-\\u017C",
        "has%C5%82o-%C5%BC",
        base64.b64encode("hasło-ż".encode()).decode(),
    } <= found
    assert any(ch in CANARY_PASSWORD for ch in "żźł")  # the canary really carries letters latin-1 lacks


def basic(user: str, password: str) -> dict[str, str]:
    """An Authorization header with UTF-8 credentials, as the client sends them (requests' own is latin-1)."""
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def canary_handler(call: SandboxCall) -> Reply:
    """customers.get answers the planted people (and an echo), as a real tenant would."""
    return Reply(
        200,
        {
            "customer_id": 273,
            "name": PEOPLE["first_name_2"],
            "surname": PEOPLE["surname_2"],
            "email": PEOPLE["email_2"],
            "phone_number": PEOPLE["phone_2"],
            "phone_numbers": [PEOPLE["phone"], PEOPLE["phone_2"]],
            "company_id": "",
            "note": f"Zadzwonić do {PEOPLE['first_name']} {PEOPLE['surname']}",
        },
    )


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_canary_no_credential_or_personal_data_reaches_the_cassette(tmp_path: Path, suffix: str) -> None:
    cassette = tmp_path / f"canary{suffix}"
    with Sandbox(user=CANARY_USER, password=CANARY_PASSWORD, handlers={"customers.get": canary_handler}) as sandbox:
        env = {
            "THULIUM_BASE_URL": sandbox.base_url,
            "THULIUM_API_USER": CANARY_USER,
            "THULIUM_API_PASSWORD": CANARY_PASSWORD,
        }
        with connect("record", cassette=cassette, environ=env) as conn:
            client = conn.client
            assert (
                client.chat_conversations.start(
                    chat_queue_id=3,
                    client_name=PEOPLE["first_name"],
                    client_surname=PEOPLE["surname"],
                    client_email=PEOPLE["email"],
                    client_id="1234",
                ).status
                == 200
            )
            assert (
                client.customers.create(
                    surname=PEOPLE["surname_2"],
                    name=PEOPLE["first_name_2"],
                    email=PEOPLE["email_2"],
                    phone_number=[PEOPLE["phone"], PEOPLE["phone_2"]],
                    pesel=PEOPLE["pesel"],
                ).status
                == 200
            )
            assert client.customers.get(id=273).status == 200
            bad = client.session.post(  # invalid on purpose: the sandbox echoes the bad e-mail in its message
                sandbox.base_url + START,
                params={"chat_queue_id": 3, "client_email": PEOPLE["first_name"] + "@"},
                headers=basic(CANARY_USER, CANARY_PASSWORD),
                timeout=5,
            )
            assert bad.status_code == 400 and PEOPLE["first_name"] in bad.text
            wrong = client.session.post(
                sandbox.base_url + START,
                params={"chat_queue_id": 3},
                headers=basic(CANARY_USER, "not-" + CANARY_PASSWORD),
                timeout=5,
            )
            assert wrong.status_code == 401
    text = cassette.read_text(encoding="utf-8")
    assert text.count("your-system-name.thulium.com") == 5  # all five interactions were stored
    secrets = [
        CANARY_USER,
        CANARY_PASSWORD,
        f"{CANARY_USER}:{CANARY_PASSWORD}",
        f"{CANARY_USER}:not-{CANARY_PASSWORD}",
        "127.0.0.1",
        str(sandbox.port),
    ]
    planted = [*PEOPLE.values(), PEOPLE["phone"].replace(" ", ""), "601234567", "601 234 567"]
    leaks = sorted({(value, form) for value in secrets + planted for form in forms(value) if form in text})
    assert leaks == [], leaks
    assert "authorization" not in text.lower() and "cookie" not in text.lower()
    assert "person1%40example.org" in text and "FirstName1" in text  # replaced, not dropped


# -- the committed cassettes ----------------------------------------------------------------------


def test_the_committed_cassettes_pass_strict_verify_but_the_unknown_path_by_design() -> None:
    from thulium_explore.contract._verify import verify

    report = verify(REPO / "cassettes", strict=True)
    failing = {Path(i.id).name: i.verdict for i in report.interactions if not i.ok}
    assert failing == {"errors.404_unknown_path.yaml:0": "FAIL (unchecked)"}  # no endpoint documents that path
    assert all(not i.drift and not i.problems for i in report.interactions)
    assert "`unchecked` by design" in (REPO / "cassettes" / "README.md").read_text(encoding="utf-8")


def test_the_committed_cassettes_are_what_the_recipe_records(tmp_path: Path) -> None:
    """`thulium-explore record scripts/cassette_recipes.yaml` reproduces cassettes/ byte for byte."""
    out = tmp_path / "cassettes"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "thulium_explore",
            "record",
            str(REPO / "scripts" / "cassette_recipes.yaml"),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert "(as expected)" in done.stdout and "EXPECTED" not in done.stdout
    recorded = sorted(p.name for p in out.iterdir())
    committed = sorted(p.name for p in (REPO / "cassettes").glob("*.yaml"))
    assert recorded and set(recorded) <= set(committed)
    for name in recorded:
        assert (out / name).read_bytes() == (REPO / "cassettes" / name).read_bytes(), name


# -- deny by default: undocumented fields, tokens, vcrpy's logs, gzip ---------------------------------

UNDOCUMENTED = {  # what a tenant answered although no schema describes it (fake values)
    "pesel": "44051401359",
    "nip": "5260250274",
    "birthdate": "1944-05-14",
    "address": {"street": "Kanarkowa 17", "city": "Żółtkowo-Wielkie", "zip": "00-950"},
    "note": "Dzwonić po 18, kod do bramy 4471",
    "loyalty_points": 987654,
    "score": 3.25,
}
UNDOCUMENTED_TEXTS = [
    "44051401359",
    "5260250274",
    "1944-05-14",
    "Kanarkowa 17",
    "Żółtkowo-Wielkie",
    "00-950",
    "Dzwonić po 18, kod do bramy 4471",
    "987654",
    "3.25",
]


def undocumented_handler(call: SandboxCall) -> Reply:
    """customers.get: the documented example plus fields no schema documents."""
    return Reply(200, {**call.example().body, **UNDOCUMENTED})


def leaked(text: str, values: list[str] = UNDOCUMENTED_TEXTS) -> list[tuple[str, str]]:
    return sorted({(value, form) for value in values for form in forms(value) | {value} if form in text})


def record_undocumented(cassette: Path, **kwargs: Any) -> dict[str, Any]:
    with Sandbox(handlers={"customers.get": undocumented_handler}) as sandbox, recorder(cassette, "record", **kwargs):
        answer = sandbox.client().customers.get(id=273)
    assert answer.json["pesel"] == "44051401359"  # the caller gets the real answer; only the cassette is scrubbed
    return dict(answer.json)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_undocumented_canaries_reach_neither_the_cassette_nor_verify(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from thulium_explore import verify
    from thulium_explore.cli._main import main

    cassette = tmp_path / f"customer{suffix}"
    record_undocumented(cassette)
    stored = cassette.read_bytes().decode("utf-8")
    assert leaked(stored) == []
    assert "undocumented-1" in stored  # replaced, not dropped
    report = verify(cassette)
    assert leaked("\n".join(report.lines())) == []
    assert leaked(json.dumps(report.as_dict(), ensure_ascii=False)) == []
    assert main(["verify", str(cassette)]) == 0 and main(["verify", "--json", str(cassette)]) == 0
    out = capsys.readouterr().out
    assert "$.pesel: is not documented (string)" in out and leaked(out) == []
    with refusing_network(), recorder(cassette, "replay"):  # the placeholders replay like any answer
        replayed = replay_client().customers.get(id=273)
    assert replayed.json["pesel"].startswith("undocumented-") and isinstance(replayed.json["loyalty_points"], int)


def test_an_allowed_path_is_recorded_verbatim(tmp_path: Path) -> None:
    cassette = tmp_path / "customer.yaml"
    record_undocumented(cassette, allow=["customers.get:$.note", "customers.get:$.address.zip"])
    stored = cassette.read_text(encoding="utf-8")
    assert UNDOCUMENTED["note"] in stored and "00-950" in stored
    assert leaked(stored, [t for t in UNDOCUMENTED_TEXTS if t not in (UNDOCUMENTED["note"], "00-950")]) == []


def test_connect_and_the_call_command_pass_the_allow_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thulium_explore.cli._main import main

    with Sandbox(handlers={"customers.get": undocumented_handler}) as sandbox:
        env = {"THULIUM_BASE_URL": sandbox.base_url, "THULIUM_API_USER": "api_user", "THULIUM_API_PASSWORD": "api_pass"}
        with connect("record", cassette=tmp_path / "a.yaml", environ=env, allow=["customers.get:$.pesel"]) as conn:
            conn.client.customers.get(id=273)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        assert (
            main(
                [
                    "call",
                    "customers.get",
                    "id=273",
                    "--mode",
                    "record",
                    "--cassette",
                    str(tmp_path / "b.yaml"),
                    "--allow-field",
                    "customers.get:$.nip",
                ]
            )
            == 0
        )
    first, second = (tmp_path / "a.yaml").read_text(encoding="utf-8"), (tmp_path / "b.yaml").read_text(encoding="utf-8")
    assert "44051401359" in first and "5260250274" not in first
    assert "5260250274" in second and "44051401359" not in second


def test_a_malformed_allow_field_flag_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from thulium_explore.cli._main import main

    assert (
        main(
            [
                "call",
                "customers.get",
                "id=273",
                "--mode",
                "record",
                "--cassette",
                str(tmp_path / "c.yaml"),
                "--allow-field",
                "customers.get:pesel",
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "customers.get:pesel" in err and "customers.get:$.note" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "c.yaml").exists()


def test_vcrpy_logs_no_query_string_while_recording_or_replaying(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    cassette = tmp_path / "start.yaml"
    before = {name: logging.getLogger(name).level for name in ("vcr", "vcr.stubs", "vcr.cassette")}
    caplog.set_level(logging.DEBUG)
    people = {"client_name": PEOPLE["first_name"], "client_surname": PEOPLE["surname"], "client_email": PEOPLE["email"]}
    with Sandbox() as sandbox, recorder(cassette, "record"):
        sandbox.client().chat_conversations.start(chat_queue_id=3, **people)
    with refusing_network(), recorder(cassette, "replay"):
        replay_client().chat_conversations.start(chat_queue_id=3, **people)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert leaked(logged, list(people.values())) == []
    assert {name: logging.getLogger(name).level for name in before} == before  # restored afterwards


def test_a_gzip_answer_is_stored_decoded_without_content_encoding_and_replays(tmp_path: Path, fake_server: Any) -> None:
    import gzip

    body = json.dumps({"customer_id": 273, "company_id": ""}).encode()
    fake_server.reply = lambda r: (
        200,
        {"Content-Type": "application/json", "Content-Encoding": "gzip"},
        gzip.compress(body),
    )
    cassette = tmp_path / "gzip.yaml"
    with recorder(cassette, "record"):
        assert ThuliumClient(fake_server.base_url, "u", "p").customers.get(id=273).json["customer_id"] == 273
    stored = yaml.safe_load(cassette.read_text(encoding="utf-8"))["interactions"][0]["response"]
    assert not any(name.lower() == "content-encoding" for name in stored["headers"])
    assert json.loads(stored["body"]["string"]) == {"customer_id": 273, "company_id": ""}
    with refusing_network(), recorder(cassette, "replay"):
        replayed = replay_client().customers.get(id=273)
    assert replayed.json == {"customer_id": 273, "company_id": ""} and replayed.verdict.ok


def test_the_pytest_plugin_hands_the_allow_list_to_tests(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_allow="def test_it(thulium_allow_fields):\n    assert thulium_allow_fields == ('customers.get:$.note',)\n"
    )
    pytester.runpytest("--thulium-allow-field", "customers.get:$.note").assert_outcomes(passed=1)
    bad = pytester.runpytest("--thulium-allow-field", "customers.get:note")
    assert bad.ret == pytest.ExitCode.USAGE_ERROR
    bad.stderr.fnmatch_lines(["*--thulium-allow-field: allow 'customers.get:note'*example: customers.get:$.note*"])
