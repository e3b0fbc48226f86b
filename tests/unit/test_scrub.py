"""Scrubbing: credentials, tenant host, schema-driven personal data, echoes, compressed bodies."""

from __future__ import annotations

import base64
import gzip
import json
import shutil
import zlib
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from thulium_explore import Catalog, default_catalog
from thulium_explore.cassettes._scrub import PLACEHOLDER_HOST, Scrubber, is_reserved_email
from thulium_explore.catalog import schemas_root

START = "/api/chat_conversations/start"


def query_of(uri: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(uri).query, keep_blank_values=True))


@pytest.fixture
def scrubber() -> Scrubber:
    return Scrubber(default_catalog())


# -- credentials and host -----------------------------------------------------------------------


def test_credential_headers_are_dropped_whatever_their_case(scrubber: Scrubber) -> None:
    headers = {
        "authorization": "Basic YXBpX3VzZXI6YXBpX3Bhc3M=",
        "COOKIE": "sid=1",
        "Proxy-Authorization": "Basic eDp5",
        "Accept": "application/json",
    }
    out = scrubber.request("POST", f"https://acme.thulium.com{START}?chat_queue_id=3", headers, b"")
    assert out.headers == {"Accept": "application/json"}
    headers_out, _ = scrubber.response(
        out.endpoint, 200, {"Set-Cookie": ["sid=2"], "set-cookie": ["b=1"], "Content-Type": ["application/json"]}, b"{}"
    )
    assert headers_out == {"Content-Type": ["application/json"]}


def test_the_tenant_origin_becomes_the_docs_placeholder_over_https(scrubber: Scrubber) -> None:
    out = scrubber.request(
        "POST", f"https://acme.thulium.com{START}?chat_queue_id=3", {"Host": "acme.thulium.com"}, None
    )
    assert out.uri == f"https://{PLACEHOLDER_HOST}{START}?chat_queue_id=3"
    assert out.headers["Host"] == PLACEHOLDER_HOST
    error = b'{"request_id": "1", "errors": [{"message": "see acme.thulium.com", "code": 1}]}'
    headers, body = scrubber.response(out.endpoint, 302, {"Location": ["https://acme.thulium.com/login"]}, error)
    assert headers["Location"] == [f"https://{PLACEHOLDER_HOST}/login"]
    assert b"acme" not in (body or b"")


def test_a_loopback_sandbox_origin_is_rewritten_too_so_cassettes_do_not_depend_on_the_port(scrubber: Scrubber) -> None:
    out = scrubber.request("POST", f"http://127.0.0.1:40123{START}?chat_queue_id=3", {}, None)
    assert out.uri.startswith(f"https://{PLACEHOLDER_HOST}/api/")


def test_secrets_are_redacted_in_every_stored_form() -> None:
    scrubber = Scrubber(default_catalog(), secrets=["Hasło-123!"])
    b64 = base64.b64encode("Hasło-123!".encode()).decode()
    text = scrubber.text(f"a Hasło-123! b Has%C5%82o-123%21 c {b64} d Has\\u0142o-123!")
    assert "Has" not in text
    assert text.count("REDACTED") == 4


# -- personal data ------------------------------------------------------------------------------


def test_query_personal_data_becomes_placeholders_and_the_rest_is_kept(scrubber: Scrubber) -> None:
    uri = (
        f"https://acme.thulium.com{START}?chat_queue_id=3&client_name=Za%C5%BC%C3%B3%C5%82%C4%87"
        "&client_surname=G%C4%99%C5%9Bl%C4%85&client_email=Jan.Nowak%40firma.pl&client_id=1234"
    )
    query = query_of(scrubber.request("POST", uri, {}, None).uri)
    assert query == {
        "chat_queue_id": "3",
        "client_name": "FirstName1",
        "client_surname": "Surname1",
        "client_email": "person1@example.org",
        "client_id": "1234",
    }


def test_the_same_real_value_always_gets_the_same_placeholder(scrubber: Scrubber) -> None:
    first = query_of(
        scrubber.request(
            "POST", f"https://a.thulium.com{START}?chat_queue_id=3&client_email=ala%40firma.pl", {}, None
        ).uri
    )
    second = query_of(
        scrubber.request(
            "POST", f"https://a.thulium.com{START}?chat_queue_id=3&client_email=bob%40firma.pl", {}, None
        ).uri
    )
    again = query_of(
        scrubber.request(
            "POST", f"https://a.thulium.com{START}?chat_queue_id=3&client_email=ALA%40Firma.pl", {}, None
        ).uri
    )
    assert first["client_email"] == again["client_email"] == "person1@example.org"
    assert second["client_email"] == "person2@example.org"


def test_scrubbing_is_idempotent(scrubber: Scrubber) -> None:
    uri = f"https://acme.thulium.com{START}?chat_queue_id=3&client_name=Ewa&client_email=ewa%40firma.pl"
    once = scrubber.request("POST", uri, {}, None).uri
    assert scrubber.request("POST", once, {}, None).uri == once


def test_a_json_body_is_scrubbed_by_the_parameter_schema(scrubber: Scrubber) -> None:
    body = {
        "surname": "Żółkiewska",
        "name": "Małgorzata",
        "email": "m.z@poczta.pl",
        "phone_number": ["+48 601 234 567", "601234567"],
        "pesel": "85010112345",
        "company_id": 7,
        "custom_fields": {"Uwagi": "dzwonić po 16"},
    }
    out = scrubber.request(
        "POST",
        "https://acme.thulium.com/api/customers",
        {"Content-Type": "application/json"},
        json.dumps(body, ensure_ascii=False).encode(),
    )
    stored = json.loads(out.body or b"")
    assert stored["surname"] == "Surname1" and stored["name"] == "FirstName1"
    assert stored["email"] == "person1@example.org"
    assert stored["phone_number"] == ["+00000000001", "000000002"]  # digits keep their count
    assert len(stored["pesel"]) == 11 and stored["pesel"].isdigit() and stored["pesel"] != "85010112345"
    assert stored["company_id"] == 7
    assert stored["custom_fields"]["Uwagi"] != "dzwonić po 16"
    for real in ("Żółkiewska", "Małgorzata", "m.z@poczta.pl", "601", "85010112345", "dzwonić"):
        assert real not in (out.body or b"").decode()


def test_the_same_phone_number_in_two_spellings_gets_one_placeholder(scrubber: Scrubber) -> None:
    assert scrubber.placeholder("phone", "+48 601-234-567") == "+00000000001"
    assert scrubber.placeholder("phone", "48601234567") == "+00000000001"
    assert scrubber.placeholder("phone", "601234567") == "000000002"


def test_a_sensitive_path_segment_is_replaced(scrubber: Scrubber) -> None:
    out = scrubber.request("GET", "https://acme.thulium.com/api/agents/jkowalski", {}, None)
    assert out.uri == f"https://{PLACEHOLDER_HOST}/api/agents/Login1"


def test_response_bodies_are_scrubbed_by_the_response_schema(scrubber: Scrubber) -> None:
    request = scrubber.request("GET", "https://acme.thulium.com/api/customers/273", {}, None)
    body = {
        "customer_id": 273,
        "name": "Grzegorz",
        "surname": "Brzęczyszczykiewicz",
        "phone_number": "222333444",
        "phone_numbers": ["222333444", "500600700"],
        "email": "g.b@chrzaszczyrzewoszyce.pl",
        "company_id": "",
    }
    headers, stored = scrubber.response(
        request.endpoint, 200, {"Content-Type": ["application/json"]}, json.dumps(body, ensure_ascii=False).encode()
    )
    value = json.loads(stored or b"")
    assert value["customer_id"] == 273
    assert value["name"] == "FirstName1" and value["surname"] == "Surname1"
    assert value["phone_number"] == value["phone_numbers"][0] == "000000001"
    assert value["phone_numbers"][1] == "000000002"
    assert value["email"] == "person1@example.org"
    assert headers["Content-Type"] == ["application/json"]


def test_values_echoed_in_an_error_message_are_replaced_too(scrubber: Scrubber) -> None:
    request = scrubber.request(
        "POST", f"https://a.thulium.com{START}?chat_queue_id=3&client_name=Bo%C5%BCena", {}, None
    )
    error = {"request_id": "1", "errors": [{"message": "client_name 'Bożena' rejected", "code": 1}]}
    _, stored = scrubber.response(request.endpoint, 400, {}, json.dumps(error).encode())
    assert "Bo" not in (stored or b"").decode() and "FirstName1" in (stored or b"").decode()


def test_emails_outside_the_example_domains_are_replaced_anywhere(scrubber: Scrubber) -> None:
    assert (
        scrubber.text("write to kasia@firma.pl or info@example.com")
        == "write to person1@example.org or info@example.com"
    )


@pytest.mark.parametrize(
    ("address", "reserved"),
    [
        ("a@example.org", True),
        ("a@sub.example.com", True),
        ("a@x.test", True),
        ("a@x.invalid", True),
        ("a@example.org.pl", False),
        ("a@firma.pl", False),
        ("a@notexample.com", False),
    ],
)
def test_reserved_email_domains(address: str, reserved: bool) -> None:
    assert is_reserved_email(address) is reserved


def test_raw_uploads_are_not_stored(scrubber: Scrubber) -> None:
    out = scrubber.request(
        "POST",
        "https://a.thulium.com/api/temporary_files?filename=cv.pdf",
        {"Content-Type": "application/octet-stream"},
        b"%PDF-1.4 Jan Kowalski",
    )
    assert out.body == b"<21 bytes of application/octet-stream: not stored>"


def test_the_annotation_drives_scrubbing_not_the_parameter_name(tmp_path: Path) -> None:
    root = tmp_path / "schemas"
    shutil.copytree(schemas_root(), root)
    path = root / "endpoints" / "chat_conversations.start.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    props = document["$defs"]["parameters"]["properties"]
    props["client_id"]["x-sensitive"] = "external_id"
    del props["client_surname"]["x-sensitive"]
    path.write_text(json.dumps(document), encoding="utf-8")
    scrubber = Scrubber(Catalog(root))
    query = query_of(
        scrubber.request(
            "POST", f"https://a.thulium.com{START}?chat_queue_id=3&client_id=ABC-77&client_surname=Nowak", {}, None
        ).uri
    )
    assert query["client_id"] == "ExternalId1"
    assert query["client_surname"] == "Nowak"


# -- compressed bodies --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda b: zlib.compress(b)[2:-4]),  # raw deflate, as some servers send it
    ],
    ids=["gzip", "deflate-zlib", "deflate-raw"],
)
def test_compressed_bodies_are_stored_decoded(scrubber: Scrubber, encode: tuple[str, object]) -> None:
    name, compress = encode
    plain = b'{"conversation_id": "6ed7c941-2c8a-411e-95d2-338a9f64800a"}'
    packed = compress(plain)  # type: ignore[operator]
    request = scrubber.request("POST", f"https://a.thulium.com{START}?chat_queue_id=3", {}, None)
    headers, body = scrubber.response(
        request.endpoint, 200, {"Content-Encoding": [name], "Content-Length": [str(len(packed))]}, packed
    )
    assert body == plain
    assert "Content-Encoding" not in headers
    assert headers["Content-Length"] == [str(len(plain))]


def test_an_encoding_we_cannot_undo_is_kept_with_its_header(scrubber: Scrubber) -> None:
    headers, body = scrubber.response(None, 200, {"Content-Encoding": ["br"]}, b"\x8b\x00\x80")
    assert body == b"\x8b\x00\x80" and headers["Content-Encoding"] == ["br"]


def test_free_text_replaces_the_longest_known_value_and_never_inside_a_word(scrubber: Scrubber) -> None:
    scrubber.placeholder("first_name", "Jan")
    scrubber.placeholder("full_name", "Jan Kowalski")
    assert scrubber.text("Jan Kowalski, Jan, Janusz, Jan.") == "FullName1, FirstName1, Janusz, FirstName1."


def test_many_known_values_do_not_make_each_new_one_costlier(scrubber: Scrubber) -> None:
    for n in range(5000):  # one compiled pattern rebuilt per new value would be quadratic here
        scrubber.placeholder("surname", f"Kowalczyk-{n}")
        assert scrubber.text(f"pan Kowalczyk-{n} dzwonił") == f"pan Surname{n + 1} dzwonił"


@pytest.mark.parametrize("number", [-1, -44051401359, 0, 7])
def test_an_integer_under_a_sensitive_field_stays_an_integer_whatever_its_sign(scrubber: Scrubber, number: int) -> None:
    company = default_catalog()["companies.get"]
    body = json.dumps({"company_id": 1, "name": "Acme", "nip": number}).encode()
    _, stored = scrubber.response(company, 200, {}, body)
    assert stored is not None
    masked = json.loads(stored)["nip"]
    assert isinstance(masked, int)
    assert (masked < 0) == (number < 0)
    if abs(number) >= 1000:
        assert str(abs(number)) not in stored.decode()


def test_object_keys_the_schema_marks_personal_are_scrubbed_like_values(scrubber: Scrubber) -> None:
    batch = default_catalog()["outbound_records.batch_create"]
    body = json.dumps({"48601234567": {"http_status": 201, "record_id": 1, "status": "ADDED"}}).encode()
    _, stored = scrubber.response(batch, 200, {}, body)
    assert stored is not None
    assert "48601234567" not in stored.decode()
    (key,) = json.loads(stored)
    assert key.isdigit()


@pytest.mark.parametrize(
    ("text", "canary"),
    [
        ("link: https://crm.example.com/?who=jan.nowak%40firma.pl&x=1", "nowak"),
        ("a%20%C5%BCaneta.kowalska%40firma.pl%2Cb", "kowalska"),
        ("%3Cjozef%40firma.pl%3E", "jozef"),
    ],
)
def test_a_percent_encoded_email_in_free_text_is_replaced_and_stays_encoded(
    scrubber: Scrubber, text: str, canary: str
) -> None:
    scrubbed = scrubber.text(text)
    assert canary not in scrubbed and "firma" not in scrubbed
    assert "%40example.org" in scrubbed  # the placeholder, encoded like the original
    assert (
        scrubber.text("logo%402x.png 100%40 x%20biuro%40example.org") == "logo%402x.png 100%40 x%20biuro%40example.org"
    )
