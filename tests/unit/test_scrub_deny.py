"""Deny by default: what the schemas do not document is not stored; tokens in bodies, headers and URLs.

The canaries are planted values a tenant could answer with although no schema describes them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from thulium_explore import default_catalog, verify
from thulium_explore.cassettes._matching import request_key
from thulium_explore.cassettes._scrub import Scrubber

CUSTOMER = "https://acme.thulium.com/api/customers/273"
JSON = {"Content-Type": ["application/json"]}
CANARY = {
    "pesel": "44051401359",
    "nip": "5260250274",
    "birthdate": "1944-05-14",
    "address": {"street": "Kanarkowa 17", "city": "Żółtkowo", "zip": "00-950", "flat": 12},
    "note": "Dzwonić po 18, kod do bramy 4471",
    "loyalty_points": 987654,
    "score": 3.25,
    "vip": True,
    "deleted_at": None,
}
CANARY_TEXTS = [
    "44051401359",
    "5260250274",
    "1944-05-14",
    "Kanarkowa 17",
    "Żółtkowo",
    "00-950",
    "Dzwonić po 18",
    "987654",
    "3.25",
]
DOCUMENTED = {"customer_id": 273, "company_id": "", "identifier": "K-1"}


def stored_answer(scrubber: Scrubber, body: Any, uri: str = CUSTOMER, status: int = 200) -> Any:
    request = scrubber.request("GET", uri, {}, None)
    _, stored = scrubber.response(request.endpoint, status, JSON, json.dumps(body).encode())
    assert stored is not None
    return json.loads(stored)


def leaks(text: str) -> list[str]:
    forms = {f for value in CANARY_TEXTS for f in (value, json.dumps(value)[1:-1])}
    return sorted(f for f in forms if f in text)


# -- undocumented response fields -----------------------------------------------------------------


def test_undocumented_leaves_become_placeholders_of_the_same_json_type() -> None:
    out = stored_answer(Scrubber(default_catalog()), {**DOCUMENTED, **CANARY})
    assert {k: out[k] for k in DOCUMENTED} == DOCUMENTED  # documented, not sensitive: kept
    assert out["pesel"] == "undocumented-1" and out["nip"] == "undocumented-2"
    assert out["birthdate"].startswith("undocumented-")
    assert set(out["address"]) == {"street", "city", "zip", "flat"}
    assert all(isinstance(out["address"][k], str) for k in ("street", "city", "zip"))
    assert isinstance(out["address"]["flat"], int) and out["address"]["flat"] != 12
    assert isinstance(out["loyalty_points"], int) and out["loyalty_points"] != 987654
    assert out["score"] == 0.0 and isinstance(out["score"], float)
    assert out["vip"] is True and out["deleted_at"] is None  # one bit, or nothing: kept (see the README)
    assert leaks(json.dumps(out, ensure_ascii=False)) == []


def test_the_same_undocumented_value_gets_the_same_placeholder_across_the_cassette() -> None:
    scrubber = Scrubber(default_catalog())
    first = stored_answer(scrubber, {"pesel": "44051401359", "spouse": {"pesel": "85010112345"}, "n": 123456})
    second = stored_answer(scrubber, {"old_pesel": "44051401359", "m": 123456})
    assert second["old_pesel"] == first["pesel"] != first["spouse"]["pesel"]
    assert second["m"] == first["n"]


def test_an_undocumented_value_echoed_in_documented_free_text_is_replaced_there_too() -> None:
    scrubber = Scrubber(default_catalog())
    stored_answer(scrubber, {"pesel": "44051401359"})
    error = {"request_id": "1", "errors": [{"message": "pesel 44051401359 is taken", "code": 1}]}
    assert stored_answer(scrubber, error, status=400)["errors"][0]["message"] == "pesel undocumented-1 is taken"


def test_an_unknown_endpoint_keeps_only_the_documented_error_object() -> None:
    scrubber = Scrubber(default_catalog())
    error = {
        "request_id": "53678450401cf",
        "errors": [{"message": "No such resource.", "code": 404}],
        "debug": "Kanarkowa 17",
    }
    out = stored_answer(scrubber, error, "https://acme.thulium.com/api/no_such_resource", 404)
    assert out == {**error, "debug": "undocumented-1"}
    assert stored_answer(scrubber, {"pesel": "44051401359"}, "https://acme.thulium.com/api/nothing") == {
        "pesel": "undocumented-2"
    }


# -- the allow-list ---------------------------------------------------------------------------------


def test_an_allowed_path_is_stored_verbatim_and_nothing_else() -> None:
    scrubber = Scrubber(default_catalog(), allow=["customers.get:$.note", "customers.get:$.address.city"])
    out = stored_answer(scrubber, {**DOCUMENTED, **CANARY})
    assert out["note"] == CANARY["note"] and out["address"]["city"] == "Żółtkowo"
    assert out["address"]["street"] != "Kanarkowa 17" and out["pesel"] != CANARY["pesel"]


def test_allowing_an_object_allows_what_it_holds_and_star_matches_every_item() -> None:
    scrubber = Scrubber(default_catalog(), allow=["customers.get:$.address", "customers.get:$.visits[*].day"])
    body = {"address": CANARY["address"], "visits": [{"day": "pon", "who": "Ala"}, {"day": "wt", "who": "Ola"}]}
    out = stored_answer(scrubber, body)
    assert out["address"] == CANARY["address"]
    assert [v["day"] for v in out["visits"]] == ["pon", "wt"]
    assert [v["who"] for v in out["visits"]] == ["undocumented-1", "undocumented-2"]


def test_an_allow_entry_for_another_endpoint_does_not_apply() -> None:
    out = stored_answer(Scrubber(default_catalog(), allow=["customers.list:$.note"]), {"note": "Ala"})
    assert out == {"note": "undocumented-1"}


@pytest.mark.parametrize(
    "entry",
    [
        "customers.get",
        "no_such.endpoint:$.note",
        "customers.get:note",
        "customers.get:$..note",
        "customers.get:$.a[",
        ":$.note",
    ],
)
def test_a_malformed_allow_entry_is_one_line_naming_it_with_an_example(entry: str) -> None:
    with pytest.raises(ValueError, match=r"^allow ") as caught:
        Scrubber(default_catalog(), allow=[entry])
    message = str(caught.value)
    assert "\n" not in message and repr(entry) in message and "customers.get:$.note" in message


# -- requests -------------------------------------------------------------------------------------


def test_undocumented_query_values_and_json_body_fields_are_replaced_unless_allowed() -> None:
    scrubber = Scrubber(default_catalog(), allow=["customers.create:$.extra.keep"])
    out = scrubber.request(
        "POST", "https://acme.thulium.com/api/chat_conversations/start?chat_queue_id=3&colour=Kanarkowa+17", {}, None
    )
    assert dict(parse_qsl(urlsplit(out.uri).query)) == {"chat_queue_id": "3", "colour": "undocumented-1"}
    body = {"surname": "Nowak", "shoe_size": 44051401359, "extra": {"keep": "tak", "drop": "Żółtkowo"}}
    stored = scrubber.request(
        "POST",
        "https://acme.thulium.com/api/customers",
        {"Content-Type": "application/json"},
        json.dumps(body).encode(),
    )
    assert json.loads(stored.body or b"") == {
        "surname": "Surname1",
        "shoe_size": 1,
        "extra": {"keep": "tak", "drop": "undocumented-2"},
    }


def test_replay_matches_an_undocumented_query_parameter_by_presence_not_value() -> None:
    key = request_key(
        default_catalog(), "POST", "https://x/api/chat_conversations/start?chat_queue_id=3&colour=zielony"
    )
    assert key[2] == (("chat_queue_id", "3"), ("colour", "<undocumented>"))


# -- tokens in bodies, headers and URLs ----------------------------------------------------------------


def test_secret_keys_are_redacted_at_any_depth_in_request_and_response_bodies() -> None:
    scrubber = Scrubber(default_catalog())
    body = {
        "name": "Ala",
        "login": "ala",
        "password": "Kanarek-haslo-1",
        "roles": [{"api_key": "ak-123456", "meta": {"access_token": "tok-abcdef", "secret": 123456789}}],
    }
    stored = scrubber.request(
        "POST", "https://acme.thulium.com/api/agents", {"Content-Type": "application/json"}, json.dumps(body).encode()
    )
    text = (stored.body or b"").decode()
    assert all(v not in text for v in ("Kanarek-haslo-1", "ak-123456", "tok-abcdef", "123456789")), text
    assert json.loads(text)["password"] == "REDACTED"
    answer = stored_answer(scrubber, {"customer_id": 1, "token": "tok-zyxwvu", "auth": {"refresh_token": "r-9876"}})
    assert answer["token"] == "REDACTED" and answer["auth"]["refresh_token"] == "REDACTED"


def test_token_headers_are_dropped_and_bearer_values_redacted() -> None:
    scrubber = Scrubber(default_catalog())
    headers = {
        "X-Api-Key": "ak-123456",
        "x-auth-token": "tok-abcdef",
        "Authorization": "Bearer eyJhbGciOi.x.y",
        "X-Forwarded-Authorization": "Bearer eyJhbGciOi.abc.def",
        "Accept": "application/json",
    }
    out = scrubber.request("GET", CUSTOMER, headers, None)
    assert out.headers == {"X-Forwarded-Authorization": "Bearer REDACTED", "Accept": "application/json"}
    answer_headers = {
        "Set-Cookie": ["sid=1"],
        "X-Api-Key": ["ak-1"],
        "X-Auth-Token": ["t-1"],
        "Location": ["https://acme.thulium.com/login?token=tok-abcdef&next=%2Fhome"],
        "Link": ["<https://acme.thulium.com/x?access_token=tok-qwerty&page=2>; rel=next"],
        "WWW-Authenticate": ["Bearer realm=api"],
        **JSON,
    }
    stored, _ = scrubber.response(out.endpoint, 302, answer_headers, b"")
    assert set(stored) == {"Location", "Link", "WWW-Authenticate", "Content-Type"}
    assert stored["Location"] == ["https://your-system-name.thulium.com/login?token=REDACTED&next=%2Fhome"]
    assert "tok-qwerty" not in stored["Link"][0] and "page=2" in stored["Link"][0]


def test_a_secret_looking_query_value_is_redacted_in_the_request_uri() -> None:
    out = Scrubber(default_catalog()).request(
        "POST", "https://acme.thulium.com/api/chat_conversations/start?chat_queue_id=3&api_key=ak-123456", {}, None
    )
    assert "ak-123456" not in out.uri and "api_key=REDACTED" in out.uri


# -- verify names the path and the JSON type, never the value -----------------------------------------


def test_verify_drift_names_path_and_type_never_the_value() -> None:
    cassette = Path(__file__).resolve().parents[1] / "data" / "deny" / "customers_get_unscrubbed.yaml"
    report = verify(cassette)
    text = "\n".join(report.lines())
    assert "  drift    $.pesel: is not documented (string)" in text
    assert "  drift    $.address: is not documented (object)" in text
    assert "  drift    $.loyalty_points: is not documented (integer)" in text
    as_json = json.dumps(report.as_dict(), ensure_ascii=False) + json.dumps(report.as_dict())
    assert leaks(text) == [] and leaks(as_json) == []
    drift = report.as_dict()["interactions"][0]["drift"]
    assert {"path": "$.pesel", "message": "is not documented", "type": "string"} in drift
    verdict = report.interactions[0].response
    assert verdict is not None and leaks("\n".join(verdict.lines()) + json.dumps(verdict.as_dict())) == []
