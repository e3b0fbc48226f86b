"""The formats the catalog checks, and the one e-mail rule everybody uses.

One rule for what an e-mail address is, used to validate ``format: email`` parameters and answers,
to recognise an address in a query value (replay matching), to replace it in a recording
(scrubbing) and to find it in a file (``scan``): what the scrubber leaves in place, the scan does
not report, and the other way round. The reserved example domains (RFC 2606 / RFC 6761) are the
ones addresses may use in committed files.

>>> is_email("jan.kowalski@firma.pl"), is_email("jan.kowalski@firma"), is_email("a b@firma.pl")
(True, False, False)
>>> [m.group("domain") for m in find_emails("pisz: józef@firma.pl lub biuro@example.org.")]
['firma.pl', 'example.org']
>>> is_reserved_email("anna@mail.example.com"), is_reserved_email("anna@firma.test"), is_reserved_email("a@firma.pl")
(True, True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote
from uuid import UUID

if TYPE_CHECKING:  # jsonschema is imported only to word a failure (its import costs ~1.7 s with its extras)
    from jsonschema import FormatChecker

#: a whole value that is one address: local part, ``@``, dotted domain (no blanks, no empty labels)
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
#: an address inside free text (URLs, prose, headers): word characters (any script) and ``.%+'-``
#: before ``@``, a dotted domain after it (IDN labels as typed, ``żółw.pl``, or as punycode,
#: ``xn--w-uga1v.pl``) ending in a 2-63 letter top-level name or a punycode one (``xn--p1ai``). Not an
#: address: a file name whose last label is a file type (``logo@2x.png``) and an scp-style git
#: remote, ``git@github.com:org/repo`` (the host followed by ``:`` and a path)
_EMAIL_IN_TEXT = re.compile(
    r"(?<![\w.%+'-])[\w][\w.%+'-]*@(?P<domain>(?:[\w](?:[\w-]{0,61}[\w])?\.)+(?:[^\W\d_]{2,63}|xn--[\w-]{1,59}))"
    r"(?![\w-])(?!:[\w~/.-])"
)
#: last labels that name a file type, not a top-level domain (``logo@2x.png``, ``icon@3x.webp``)
_FILE_TYPES = frozenset(
    {
        "png",
        "jpg",
        "jpeg",
        "gif",
        "svg",
        "webp",
        "ico",
        "bmp",
        "tif",
        "tiff",
        "avif",
        "heic",
        "css",
        "js",
        "map",
        "woff",
        "woff2",
        "ttf",
        "otf",
        "eot",
        "pdf",
        "mp3",
        "mp4",
        "webm",
        "wav",
        "txt",
        "lock",
        "whl",
        "gz",
        "tgz",
    }
)
RESERVED_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
RESERVED_EMAIL_TLDS = ("test", "example", "invalid", "localhost")


def is_email(value: object) -> bool:
    """True when ``value`` is text that is exactly one e-mail address."""
    return isinstance(value, str) and _EMAIL.fullmatch(value) is not None


def find_emails(text: str) -> Iterator[re.Match[str]]:
    """Every address in ``text``; each match's ``domain`` group is its domain."""
    if "@" not in text:
        return iter(())
    return (m for m in _EMAIL_IN_TEXT.finditer(text) if _is_address(m))


def replace_emails(text: str, replacement: Callable[[str], str]) -> str:
    """``text`` with every address ``a`` found by :func:`find_emails` replaced by ``replacement(a)``."""
    if "@" not in text:
        return text
    return _EMAIL_IN_TEXT.sub(lambda m: replacement(m.group(0)) if _is_address(m) else m.group(0), text)


#: an address written percent-encoded (``jan.nowak%40firma.pl``, ``%C5%BCaneta%40firma.pl``): letters, digits,
#: ``.+-_`` and escapes that are no separator (a space, comma, colon, slash, ``&``, ``=``, ``?``, quotes, brackets)
_ENCODED = r"(?:[\w.+-]|%(?!20|2[26CcFf]|3[ABCDEFabcdef]|0[9ADad]|5[BDbd]|7[BDbd])[0-9A-Fa-f]{2})"
_EMAIL_ENCODED = re.compile(rf"(?<!%)(?<!%[0-9A-Fa-f]){_ENCODED}+%40{_ENCODED}+")  # not from inside an escape


def replace_encoded_emails(text: str, replacement: Callable[[str], str]) -> str:
    """``text`` with every percent-encoded address replaced by ``replacement(address)``, encoded back.

    >>> replace_encoded_emails("q=a%20jan.nowak%40firma.pl&x=1", lambda a: "person1@example.org")
    'q=a%20person1%40example.org&x=1'
    """
    if "%40" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        address = unquote(match.group(0))
        is_file = address.rsplit(".", 1)[-1].lower() in _FILE_TYPES  # logo%402x.png is a file name
        return quote(replacement(address), safe="") if is_email(address) and not is_file else match.group(0)

    return _EMAIL_ENCODED.sub(one, text)


def _is_address(match: re.Match[str]) -> bool:
    """A match of the text pattern that is an address, not a file name like ``logo@2x.png``."""
    return match.group("domain").rsplit(".", 1)[-1].lower() not in _FILE_TYPES


def is_reserved_domain(domain: str, allow: Iterable[str] = ()) -> bool:
    """example.com/.org/.net (and their subdomains), .test, .example, .invalid, .localhost, or one of ``allow``."""
    domain = domain.lower().rstrip(".")
    for name in (*RESERVED_EMAIL_DOMAINS, *allow):
        if domain == name or domain.endswith("." + name):
            return True
    return domain.rsplit(".", 1)[-1] in RESERVED_EMAIL_TLDS


def is_reserved_email(address: str) -> bool:
    """True when the address's domain is a reserved example domain (safe to commit)."""
    return is_reserved_domain(address.rsplit("@", 1)[-1])


def _check_email(instance: object) -> bool:
    """``format: email``: stricter than jsonschema's default, which only looks for an '@'."""
    return not isinstance(instance, str) or is_email(instance)


def _check_uuid(instance: object) -> bool:
    """``format: uuid``: jsonschema's own rule (``uuid.UUID`` reads it, with hyphens at 8, 13, 18 and 23)."""
    if not isinstance(instance, str):
        return True
    try:
        UUID(instance)
    except ValueError:
        return False
    return all(instance[position] == "-" for position in (8, 13, 18, 23))


#: the formats the catalog checks, each a plain function (True: conforms); every validator uses these
#: same functions (jsonschema's ``FORMAT_CHECKER``, the compiled validator, the fast path), so a value
#: conforms for one exactly when it does for the others. Any other format is not checked.
FORMATS: dict[str, Callable[[object], bool]] = {"email": _check_email, "uuid": _check_uuid}


def conforms(value: object, fmt: str) -> bool:
    """True when ``value`` conforms to ``fmt`` (a format the catalog does not check always conforms)."""
    check = FORMATS.get(fmt)
    return check is None or check(value)


class _Plain:
    """:func:`conforms` as an object with jsonschema's ``FormatChecker.conforms`` signature (for ``_fastcheck``)."""

    @staticmethod
    def conforms(instance: object, format: str) -> bool:
        return conforms(instance, format)


PLAIN = _Plain()


@cache
def format_checker() -> FormatChecker:
    """jsonschema's FormatChecker with exactly :data:`FORMATS` (built on first use: it imports jsonschema)."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    for name, check in FORMATS.items():
        checker.checks(name)(check)
    return checker


def __getattr__(name: str) -> Any:
    """``FORMAT_CHECKER``, built on first use (see :func:`format_checker`)."""
    if name == "FORMAT_CHECKER":
        return format_checker()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
