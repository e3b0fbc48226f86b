"""HTTP bodies: header lookup, charset, gzip/deflate/br and a UTF-8 BOM, undone the way a client sees them.

One home for what every product needs to read a recorded or received body: ``verify`` (strict,
:class:`BodyError` names the problem), the scrubber (stores bodies decoded), the scanner
(:func:`body_text`: declared codings, then whatever still decompresses, UTF-16 by BOM, charset or
shape) and the sandbox and webhook readers (UTF-8 with an optional BOM).

Inflation is capped: nothing decompresses past :data:`MAX_DECODED` bytes (50 MB), so a gzip bomb
(3 MB that inflate to 2 GiB) costs at most the cap in memory and raises :class:`BodyTooLarge`.
"""

from __future__ import annotations

import contextlib
import json
import zlib
from collections.abc import Mapping
from typing import Any

import brotli  # type: ignore[import-untyped]

UTF8_BOM = b"\xef\xbb\xbf"
#: the most bytes a body is inflated to (per layer); past it :class:`BodyTooLarge`
MAX_DECODED = 50_000_000
_CHUNK = 1 << 20
_MAX_LAYERS = 4
_GZIP, _ZLIB, _RAW = zlib.MAX_WBITS | 16, zlib.MAX_WBITS, -zlib.MAX_WBITS
#: Content-Encoding token → the zlib framings to try, in order (``deflate`` is zlib-wrapped by the
#: RFC and raw in some servers: both are accepted)
_CODINGS: dict[str, tuple[int, ...]] = {"gzip": (_GZIP,), "x-gzip": (_GZIP,), "deflate": (_ZLIB, _RAW)}


class BodyError(ValueError):
    """A body that cannot be turned into text: ``unsupported`` when the limit is ours, not the server's."""

    def __init__(self, message: str, *, unsupported: bool = False) -> None:
        super().__init__(message)
        self.unsupported = unsupported


class BodyTooLarge(BodyError):
    """A body that would inflate past the cap: ``body too large to check (over N MB when decoded)``."""

    def __init__(self, limit: int) -> None:
        size = (
            f"{limit // 1_000_000} MB"
            if limit >= 1_000_000
            else f"{limit // 1000} KB"
            if limit >= 1000
            else f"{limit} bytes"
        )
        super().__init__(f"body too large to check (over {size} when decoded)")
        self.limit = limit


def header_values(headers: Mapping[str, Any] | None, name: str) -> list[str]:
    """Every value of header ``name`` (matched case-insensitively) as text; empty when absent.

    vcrpy stores a header as a list of values (one per header line); a bare value counts as one.
    """
    if not headers:
        return []
    lowered = name.lower()
    for key, value in headers.items():
        if isinstance(key, str) and key.lower() == lowered:
            return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]
    return []


def header(headers: Mapping[str, Any] | None, name: str) -> str | None:
    """A header's first value, name matched case-insensitively; None when absent."""
    values = header_values(headers, name)
    return values[0] if values else None


def content_coding(headers: Mapping[str, Any] | None) -> str:
    """Every ``Content-Encoding`` value joined by commas (two header lines are two codings); "" when none."""
    return ",".join(header_values(headers, "content-encoding"))


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type, unquoted and lower-cased; None when not declared."""
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"').lower() or None
    return None


def raw_bytes(body: Any) -> bytes | str | None:
    """A request body as stored by vcrpy (text, bytes, None, BytesIO content or iterator chunks)."""
    if isinstance(body, list | tuple):
        return b"".join(c.encode("utf-8") if isinstance(c, str) else bytes(c) for c in body)
    if body is None or isinstance(body, str | bytes):
        return body
    raise BodyError(f"body of type {type(body).__name__} cannot be read")


def decompress(data: bytes, content_encoding: str, *, limit: int = MAX_DECODED, brotli_too: bool = False) -> bytes:
    """Undo each coding listed in a Content-Encoding value, last applied first.

    ``identity`` and empty entries are skipped, tokens are case-insensitive. Raises :class:`BodyError`:
    ``unsupported`` for a coding other than gzip/x-gzip/deflate (and ``br`` with ``brotli_too``; the
    scanner reads brotli, ``verify`` and the scrubber leave it unchecked for now), plain for data that
    does not decompress (a truncated or corrupt stream), :class:`BodyTooLarge` past ``limit`` bytes.
    """
    for coding in reversed([c.strip().lower() for c in content_encoding.split(",")]):
        if coding in ("", "identity"):
            continue
        framings = _CODINGS.get(coding, () if brotli_too and coding == "br" else None)
        if framings is None:
            supported = "gzip, deflate, br" if brotli_too else "gzip, deflate"
            raise BodyError(f"Content-Encoding {coding!r} is not supported (supported: {supported})", unsupported=True)
        try:
            data = _unbrotli(data, limit) if coding == "br" else _undo(data, framings, limit)
        except (zlib.error, brotli.error) as exc:
            raise BodyError(f"body does not decompress as {coding} (Content-Encoding): {exc}") from None
    return data


def sniff_decompress(data: bytes, *, limit: int = MAX_DECODED) -> bytes:
    """``data`` gunzipped or inflated (zlib-wrapped or raw) when it is compressed, layer after layer
    (up to 4: a proxy may gzip a gzipped body); else unchanged. :class:`BodyTooLarge` past ``limit``.

    For bodies without headers (a ``!!binary`` value seen by the scanner): whatever decompresses is used.
    """
    for _ in range(_MAX_LAYERS):
        if not data:
            return data
        try:
            data = _undo(data, (_GZIP, _ZLIB, _RAW), limit)
        except zlib.error:
            return data
    return data


def _undo(data: bytes, framings: tuple[int, ...], limit: int = MAX_DECODED) -> bytes:
    """Decompress with the first zlib framing (``wbits``) that works; the last one's error otherwise."""
    for wbits in framings[:-1]:
        try:
            return _inflate(data, wbits, limit)
        except zlib.error:
            continue
    return _inflate(data, framings[-1], limit)


def _inflate(data: bytes, wbits: int, limit: int) -> bytes:
    """``zlib.decompress(data, wbits)`` that never holds more than ``limit`` + 1 MB of output."""
    inflater = zlib.decompressobj(wbits)
    out = bytearray(inflater.decompress(data, min(limit + 1, _CHUNK)))
    while inflater.unconsumed_tail and len(out) <= limit:
        out += inflater.decompress(inflater.unconsumed_tail, min(limit + 1 - len(out), _CHUNK) or 1)
    if len(out) > limit:
        raise BodyTooLarge(limit)
    out += inflater.flush()
    if not inflater.eof:
        raise zlib.error("incomplete or truncated stream")
    return bytes(out)


def _unbrotli(data: bytes, limit: int) -> bytes:
    """Brotli-decode ``data``, never holding more than ``limit`` + 1 MB of output."""
    decoder = brotli.Decompressor()
    out = bytearray(decoder.process(data, output_buffer_limit=min(limit + 1, _CHUNK)))
    while not decoder.is_finished() and len(out) <= limit:
        more = decoder.process(b"", output_buffer_limit=min(limit + 1 - len(out), _CHUNK))
        if not more:
            break
        out += more
    if len(out) > limit:
        raise BodyTooLarge(limit)
    if not decoder.is_finished():
        raise brotli.error("incomplete or truncated stream")
    return bytes(out)


class JsonTooDeep(ValueError):
    """JSON nested deeper than Python's parser can follow (``[[[[…``): a finding, never a crash."""


def loads_json(text: str) -> Any:
    """``json.loads``, with nesting past Python's recursion limit raised as :class:`JsonTooDeep`.

    >>> loads_json("[" * 100_000)
    Traceback (most recent call last):
    ...
    thulium_explore._wire._body.JsonTooDeep: JSON nested too deeply to read
    """
    try:
        return json.loads(text)
    except RecursionError:
        raise JsonTooDeep("JSON nested too deeply to read") from None


def utf8_text(data: bytes) -> str:
    """UTF-8 bytes as text, one leading BOM dropped; :class:`UnicodeDecodeError` counts bytes as received.

    The same as ``data.decode("utf-8-sig")`` but without the codec lookup, and an error after a BOM
    names the offset in ``data`` (not in what follows the BOM).
    """
    if not data.startswith(UTF8_BOM):
        return data.decode()
    try:
        return data[3:].decode()
    except UnicodeDecodeError as exc:
        raise UnicodeDecodeError(exc.encoding, data, exc.start + 3, exc.end + 3, exc.reason) from None


def decode_body(body: bytes | str | None, headers: Mapping[str, Any] | None) -> str | None:
    """The body as the client would see it: decompressed per Content-Encoding, decoded per charset.

    Text in a cassette stands for its UTF-8 bytes (vcrpy's convention), so it is already
    decompressed; bytes (``!!binary``) are decompressed, then decoded by the declared charset
    (UTF-8 when none is declared, as for JSON; a UTF-8 BOM is dropped). Raises :class:`BodyError`.
    """
    if body is None:
        return None
    coding = content_coding(headers)
    if coding and isinstance(body, bytes):
        body = decompress(body, coding)
    charset = charset_of(header(headers, "content-type"))
    if charset is None or charset in ("utf-8", "utf8"):
        if isinstance(body, bytes):  # rare: vcrpy stores UTF-8 as text, so these bytes may not be UTF-8
            try:
                return utf8_text(body)
            except UnicodeDecodeError as exc:
                declared = "as its Content-Type declares" if charset else "the default for JSON"
                raise BodyError(f"body is not valid UTF-8 (byte {exc.start}), {declared}") from None
        return body
    data = body.encode("utf-8") if isinstance(body, str) else body
    try:
        return data.decode(charset)
    except LookupError:
        raise BodyError(f"Content-Type declares an unknown charset {charset!r}") from None
    except UnicodeDecodeError as exc:
        raise BodyError(f"body is not valid {charset} (byte {exc.start}), as its Content-Type declares") from None


def body_text(data: bytes, headers: Mapping[str, Any] | None = None, *, limit: int = MAX_DECODED) -> str:
    """A ``!!binary`` body as text for looking into (the scanner): forgiving where :func:`decode_body` is strict.

    The declared Content-Encoding is undone when it can be, then whatever still decompresses (gzip or
    zlib, up to four layers; brotli when the bytes are not text); then UTF-16 by BOM, by a declared
    ``charset=utf-16*`` or by its shape (every other byte NUL), a UTF-8 BOM is dropped, else UTF-8,
    else Latin-1. Raises only :class:`BodyTooLarge`.
    """
    coding = content_coding(headers)
    if coding:
        try:
            data = decompress(data, coding, limit=limit, brotli_too=True)
        except BodyTooLarge:
            raise
        except BodyError:
            pass
    data = sniff_decompress(data, limit=limit)
    if data and not _looks_textual(data):
        with contextlib.suppress(brotli.error):
            data = sniff_decompress(_unbrotli(data, limit), limit=limit)
    charset = charset_of(header(headers, "content-type")) or ""
    for encoding in (_utf16(data, charset), "utf-8-sig"):
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    return data.decode("latin-1")


def _utf16(data: bytes, charset: str) -> str | None:
    """The UTF-16 codec ``data`` is in (by BOM, declared charset or NUL pattern), or None."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    if charset.startswith("utf-16"):
        return charset if charset in ("utf-16le", "utf-16be") else "utf-16-le"
    head = data[:200]
    if len(head) >= 4 and len(data) % 2 == 0:  # mostly ASCII in UTF-16: NUL in every other byte, mostly
        even, odd = head[::2].count(0), head[1::2].count(0)
        if even == 0 and odd * 3 >= len(head):
            return "utf-16-le"
        if odd == 0 and even * 3 >= len(head):
            return "utf-16-be"
    return None


def _looks_textual(data: bytes) -> bool:
    """True when the start of ``data`` reads as UTF-8 or UTF-16 text (no brotli to try)."""
    head = data[:512]
    if _utf16(data, "") is not None:
        return True
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # a character cut at the end of the sample
    return True
