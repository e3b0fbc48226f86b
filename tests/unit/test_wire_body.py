"""Bodies as a client sees them (``_wire/_body.py``), as a table: tests/data/wire/body.json; and its users."""

from __future__ import annotations

import base64
import gzip
import json
import zlib
from pathlib import Path
from typing import Any

import pytest

from thulium_explore import default_catalog
from thulium_explore._wire._body import (
    MAX_DECODED,
    BodyError,
    BodyTooLarge,
    body_text,
    charset_of,
    content_coding,
    decode_body,
    decompress,
    header,
    header_values,
    raw_bytes,
    sniff_decompress,
    utf8_text,
)
from thulium_explore.cassettes._scrub import Scrubber
from thulium_explore.scanner._scan import scan_file

TABLE: dict[str, Any] = json.loads((Path(__file__).parents[1] / "data" / "wire" / "body.json").read_text("utf-8"))


def build(spec: dict[str, Any] | None) -> bytes | str | None:
    """The body a table spec describes (see the table's ``_about``)."""
    if spec is None:
        return None
    if "hex" in spec:
        return bytes.fromhex(spec["hex"])
    if spec.get("as") == "str":
        return str(spec["text"])
    data = (b"\xef\xbb\xbf" if spec.get("bom") else b"") + spec["text"].encode(spec.get("encode", "utf-8"))
    for step in spec.get("steps", []):
        if step == "gzip":
            data = gzip.compress(data, mtime=0)
        elif step == "br":
            import brotli

            data = brotli.compress(data)
        elif step == "deflate":
            data = zlib.compress(data)
        elif step == "raw-deflate":
            data = zlib.compress(data)[2:-4]
        elif step.startswith("cut:"):
            data = data[: -int(step[4:])]
        elif step.startswith("append:"):
            data += bytes.fromhex(step[7:])
        else:
            raise AssertionError(f"unknown step {step!r}")
    return data


def _id(case: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in case.items() if k != "why"}, ensure_ascii=False)[:70]


@pytest.mark.parametrize("case", TABLE["headers"], ids=_id)
def test_header_lookup(case: dict[str, Any]) -> None:
    assert header(case["headers"], case["name"]) == case["first"]
    assert header_values(case["headers"], case["name"]) == case["all"]
    if "coding" in case:
        assert content_coding(case["headers"]) == case["coding"]


@pytest.mark.parametrize("case", TABLE["charsets"], ids=_id)
def test_charset_of(case: dict[str, Any]) -> None:
    assert charset_of(case["content_type"]) == case["charset"]


@pytest.mark.parametrize("case", TABLE["decompress"], ids=_id)
def test_decompress(case: dict[str, Any]) -> None:
    data = build(case["body"])
    assert isinstance(data, bytes)
    limit = {k: case[k] for k in ("limit", "brotli_too") if k in case}
    if "error" in case:
        with pytest.raises(BodyError, match=case["error"]) as caught:
            decompress(data, case["coding"], **limit)
        assert caught.value.unsupported is case["unsupported"]
    else:
        assert decompress(data, case["coding"], **limit).decode() == case["text"]


@pytest.mark.parametrize("case", TABLE["sniff"], ids=_id)
def test_sniff_decompress(case: dict[str, Any]) -> None:
    data = build(case["body"])
    assert isinstance(data, bytes)
    found = sniff_decompress(data)
    assert found == data if case.get("same") else found.decode() == case["text"]


def test_sniff_decompress_stops_at_the_cap() -> None:
    """A body that inflates past the cap raises BodyTooLarge (a BodyError) instead of filling memory."""
    bomb = gzip.compress(bytes(10_000))
    with pytest.raises(BodyTooLarge, match=r"^body too large to check \(over 1 KB when decoded\)$"):
        sniff_decompress(bomb, limit=1000)
    assert issubclass(BodyTooLarge, BodyError) and MAX_DECODED == 50_000_000


@pytest.mark.parametrize(
    ("data", "headers", "text"),
    [
        ('{"a": "zażółć"}'.encode("utf-16"), {}, '{"a": "zażółć"}'),
        ('{"a": "zażółć"}'.encode("utf-16-be"), {"Content-Type": ["text/json; charset=UTF-16BE"]}, '{"a": "zażółć"}'),
        ('{"a": "zażółć"}'.encode("utf-16-le"), {"Content-Type": ["text/json; charset=utf-16"]}, '{"a": "zażółć"}'),
        ('{"a": "zażółć"}'.encode("utf-16-le"), {}, '{"a": "zażółć"}'),
        (b"\xef\xbb\xbfplain", {}, "plain"),
        ("zażółć".encode("iso8859_2"), {}, "zażółć".encode("iso8859_2").decode("latin-1")),
        (gzip.compress(gzip.compress("twice".encode("utf-16"))), {}, "twice"),
        (zlib.compress(b"x"), {"Content-Encoding": ["br"]}, "x"),
    ],
)
def test_body_text_for_a_scan(data: bytes, headers: dict[str, list[str]], text: str) -> None:
    """What the scanner reads: declared codings, then whatever still decompresses; UTF-16 by BOM, charset or shape."""
    import brotli

    if headers.get("Content-Encoding") == ["br"]:
        data = brotli.compress(data)
    assert body_text(data, headers) == text


@pytest.mark.parametrize("case", TABLE["utf8"], ids=_id)
def test_utf8_text(case: dict[str, Any]) -> None:
    data = build(case["body"])
    assert isinstance(data, bytes)
    if "error_at" in case:
        with pytest.raises(UnicodeDecodeError) as caught:
            utf8_text(data)
        assert caught.value.start == case["error_at"]
        assert caught.value.object == data
    else:
        assert utf8_text(data) == case["text"]
        if not data.startswith(b"\xef\xbb\xbf\xef\xbb\xbf"):
            assert utf8_text(data) == data.decode("utf-8-sig")  # the codec it stands in for


@pytest.mark.parametrize("case", TABLE["decode_body"], ids=_id)
def test_decode_body(case: dict[str, Any]) -> None:
    body = build(case["body"])
    if "error" in case:
        with pytest.raises(BodyError, match=case["error"].replace("(", r"\(").replace(")", r"\)")) as caught:
            decode_body(body, case["headers"])
        assert caught.value.unsupported is case.get("unsupported", False)
    else:
        assert decode_body(body, case["headers"]) == case["text"]


@pytest.mark.parametrize("case", TABLE["raw_bytes"], ids=_id)
def test_raw_bytes(case: dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(BodyError, match=case["error"]):
            raw_bytes(case["body"])
    elif "result_hex" in case:
        assert raw_bytes(case["body"]) == bytes.fromhex(case["result_hex"])
    else:
        assert raw_bytes(case["body"]) == case["result"]


# -- the users ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "case", [c for c in TABLE["decompress"] if "error" not in c and "brotli_too" not in c], ids=_id
)
def test_the_scrubber_stores_what_decompress_gives(case: dict[str, Any]) -> None:
    data = build(case["body"])
    assert isinstance(data, bytes)
    headers, stored = Scrubber(default_catalog()).response(None, 200, {"Content-Encoding": [case["coding"]]}, data)
    assert stored == decompress(data, case["coding"])
    assert "Content-Encoding" not in headers


@pytest.mark.parametrize(
    "case",
    [
        c
        for c in TABLE["decompress"]
        if "error" in c and "limit" not in c and "brotli_too" not in c and build(c["body"])
    ],
    ids=_id,
)
def test_the_scrubber_keeps_what_it_cannot_undo_as_received(case: dict[str, Any]) -> None:
    data = build(case["body"])
    headers, stored = Scrubber(default_catalog()).response(None, 200, {"Content-Encoding": [case["coding"]]}, data)
    assert stored == data and headers["Content-Encoding"] == [case["coding"]]


def test_the_scrubber_reads_the_charset_parameter_not_a_lookalike() -> None:
    """``xcharset=latin-1`` declares nothing: the body is read (and written back) as UTF-8."""
    scrubber = Scrubber(default_catalog(), allow=["*:$"])  # no endpoint documents it: allowed, to see the bytes
    body = '{"note": "zażółć"}'.encode()
    _, stored = scrubber.response(None, 200, {"Content-Type": ["text/plain; xcharset=latin-1"]}, body)
    assert stored == body


def test_the_scrubber_scrubs_json_behind_a_bom_by_the_schema_and_keeps_the_bom() -> None:
    scrubber = Scrubber(default_catalog())
    request = scrubber.request("GET", "https://acme.thulium.com/api/customers/273", {}, None)
    body = b"\xef\xbb\xbf" + json.dumps({"customer_id": 273, "name": "Grzegorz"}).encode()
    _, stored = scrubber.response(request.endpoint, 200, {"Content-Type": ["application/json"]}, body)
    assert stored is not None and stored.startswith(b"\xef\xbb\xbf")
    assert json.loads(utf8_text(stored)) == {"customer_id": 273, "name": "FirstName1"}


@pytest.mark.parametrize("case", [c for c in TABLE["sniff"] if not c.get("same")], ids=_id)
def test_the_scan_reads_compressed_binary_bodies(case: dict[str, Any], tmp_path: Path) -> None:
    packed = build({**case["body"], "text": case["text"] + " jan.kowalski@firma.pl"})
    assert isinstance(packed, bytes)
    cassette = tmp_path / "c.yaml"
    cassette.write_text(f"string: !!binary {base64.b64encode(packed).decode()}\n", encoding="utf-8")
    assert [f.message for f in scan_file(cassette)] == [
        "e-mail address j***@firma.pl is outside the reserved example domains (use e.g. jan.kowalski@example.org)"
        " (in a !!binary body)"
    ]
