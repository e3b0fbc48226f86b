"""Copy-as snippets: placeholders for credentials, nothing interpolated by the target language."""

from __future__ import annotations

from thulium_explore import default_catalog
from thulium_explore._wire._params import to_wire
from thulium_explore.client._snippets import SNIPPETS, as_curl, as_php

CATALOG = default_catalog()


def test_php_body_is_a_single_quoted_literal() -> None:
    endpoint = CATALOG["chat_conversations.message"]
    params = {"id": "6ed7c941-2c8a-411e-95d2-338a9f64800a", "text": "Koszt: $kwota {$x} it's \\ ok"}
    php = as_php(to_wire(endpoint, params), endpoint.id, params)
    line = next(x for x in php.splitlines() if x.startswith("$data = "))
    assert line == '$data = \'{"text": "Koszt: $kwota {$x} it\\\'s \\\\\\\\ ok"}\';'


def test_raw_upload_reads_the_file_instead_of_printing_bytes() -> None:
    endpoint = CATALOG["temporary_files.upload"]
    params = {**endpoint.example_parameters()}
    params[next(p.name for p in endpoint.parameters if p.location == "body")] = b"\x89PNG\x00\xff"
    wire = to_wire(endpoint, params)
    for kind, make in SNIPPETS.items():
        text = make(wire, endpoint.id, params)
        assert "\ufffd" not in text and "PNG" not in text, kind
    assert '--data-binary @"$FILE"' in as_curl(wire, endpoint.id, params)


def test_curl_has_a_timeout_and_placeholders_only() -> None:
    endpoint = CATALOG["chat_conversations.start"]
    params = {"chat_queue_id": 3, "client_id": "1234"}
    text = as_curl(to_wire(endpoint, params), endpoint.id, params)
    assert "--max-time 30" in text
    assert '-u "$THULIUM_API_USER:$THULIUM_API_PASSWORD"' in text
    assert '"$THULIUM_BASE_URL/api/chat_conversations/start?chat_queue_id=3&client_id=1234"' in text
