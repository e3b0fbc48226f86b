"""HTTP bodies: header lookup, charset, gzip/deflate and a UTF-8 BOM, undone the way a client sees them.

One home for what every product needs to read a recorded or received body: ``verify`` (strict,
:class:`BodyError` names the problem), the scrubber (stores bodies decoded), the scanner (sniffs
``!!binary`` bodies without headers) and the sandbox and webhook readers (UTF-8 with an optional BOM).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from typing import Any

UTF8_BOM = b"\xef\xbb\xbf"
_GZIP, _ZLIB, _RAW = zlib.MAX_WBITS | 16, zlib.MAX_WBITS, -zlib.MAX_WBITS
#: Content-Encoding token → the zlib framings to try, in order (``deflate`` is zlib-wrapped by the
#: RFC and raw in some servers: both are accepted)
_CODINGS: dict[str, tuple[int, ...]] = {"gzip": (_GZIP,), "x-gzip": (_GZIP,), "deflate": (_ZLIB, _RAW)}


class BodyError(ValueError):
    """A body that cannot be turned into text: ``unsupported`` when the limit is ours, not the server's."""

    def __init__(self, message: str, *, unsupported: bool = False) -> None:
        super().__init__(message)
        self.unsupported = unsupported


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


def decompress(data: bytes, content_encoding: str) -> bytes:
    """Undo each coding listed in a Content-Encoding value, last applied first.

    ``identity`` and empty entries are skipped, tokens are case-insensitive. Raises :class:`BodyError`:
    ``unsupported`` for a coding other than gzip/x-gzip/deflate, plain for data that does not
    decompress (a truncated or corrupt stream).
    """
    for coding in reversed([c.strip().lower() for c in content_encoding.split(",")]):
        if coding in ("", "identity"):
            continue
        framings = _CODINGS.get(coding)
        if framings is None:
            raise BodyError(f"Content-Encoding {coding!r} is not supported (supported: gzip, deflate)",
                            unsupported=True)
        try:
            data = _undo(data, framings)
        except zlib.error as exc:
            raise BodyError(f"body does not decompress as {coding} (Content-Encoding): {exc}") from None
    return data


def sniff_decompress(data: bytes) -> bytes:
    """``data`` gunzipped or inflated (zlib-wrapped or raw) when it is compressed; else unchanged.

    For bodies without headers (a ``!!binary`` value seen by the scanner): whatever decompresses is used.
    """
    try:
        return _undo(data, (_GZIP, _ZLIB, _RAW))
    except zlib.error:
        return data


def _undo(data: bytes, framings: tuple[int, ...]) -> bytes:
    """Decompress with the first zlib framing (``wbits``) that works; the last one's error otherwise."""
    for wbits in framings[:-1]:
        try:
            return zlib.decompress(data, wbits)
        except zlib.error:
            continue
    return zlib.decompress(data, framings[-1])


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
