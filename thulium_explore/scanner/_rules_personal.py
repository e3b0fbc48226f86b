"""Personal-data rules: e-mail addresses (the one rule in catalog/_formats.py), PESEL, NIP, Polish
phone numbers and IBANs, each confirmed by its checksum so that look-alike digits stay quiet.

- **PESEL**: 11 digits, not part of a longer digit run, with a valid checksum and a possible date of
  birth (month 1-12 plus the century offset 20/40/60/80, day 1-31).
- **NIP**: 10 digits, bare or as ``123-456-78-90`` / ``123-45-67-890``, with a valid mod-11 checksum.
- **Polish phone number**: 9 digits starting 4-9 (mobile and geographic numbers), bare or grouped
  3-3-3 by blanks or hyphens, optionally after ``+48``, ``0048`` or ``(+48)``; not preceded or
  followed by another digit, a digit group (``600 100 200 300``), a decimal point or a letter.
- **IBAN**: a country code, two check digits and the account, compact or in groups of four, of the
  length the country's IBAN has, passing mod 97.

All patterns are possessive or fixed-width, so they cost one pass over any line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from thulium_explore.catalog._formats import find_emails, is_reserved_domain

Hit = tuple[int, str, str]

_DIGIT = re.compile(r"\d")
_PESEL = re.compile(r"(?<![\w.,+])\d{11}(?![\w]|[.,]\d)")
_NIP = re.compile(r"(?<![\w.,+-])(?:\d{10}|\d{3}-\d{3}-\d{2}-\d{2}|\d{3}-\d{2}-\d{2}-\d{3})(?![\w-]|[.,]\d)")
_PHONE = re.compile(
    r"(?<![\w.,+])(?<!\d[ -])(?:(?:\+48|0048|\(\+48\))[ -]?)?"
    r"([4-9]\d{2}(?P<sep>[ -]?)\d{3}(?P=sep)\d{3})(?![\w]|[ -]\d|[.,]\d)"
)
_IBAN = re.compile(r"(?<![\w])([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}+(?:[ ]?[A-Z0-9]{1,3})?)(?![\w])")
#: IBAN lengths by country (ISO 13616 registry)
_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29, "BY": 28,
    "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
    "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19,
    "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip
EMAIL_EXAMPLE = "use e.g. jan.kowalski@example.org"
PESEL_MESSAGE = "PESEL number (use a made-up one with a wrong checksum, e.g. 12345678901)"
NIP_MESSAGE = "NIP number (use a made-up one with a wrong checksum, e.g. 123-456-78-90)"
PHONE_MESSAGE = "Polish phone number (use one that cannot be real, e.g. +48 000 000 000)"
IBAN_MESSAGE = "bank account number (IBAN) (use one with a wrong checksum, e.g. PL00 0000 0000 0000 0000 0000 0000)"


def personal_rules(text: str, allow: tuple[str, ...]) -> Iterator[Hit]:
    """Personal-data findings in ``text``; ``allow``: e-mail domains that may appear."""
    if "@" in text:
        for m in find_emails(text):
            domain = m.group("domain").lower()
            if not is_reserved_domain(domain, allow) and not _userinfo(text, m.start()):
                local = m.group(0).split("@", 1)[0]
                message = (
                    f"e-mail address {local[:1]}***@{domain} is outside the reserved example domains ({EMAIL_EXAMPLE})"
                )
                yield m.start(), m.group("domain"), message
    if not _DIGIT.search(text):
        return
    for m in _PESEL.finditer(text):
        if pesel_ok(m.group(0)):
            yield m.start(), m.group(0), PESEL_MESSAGE
    for m in _NIP.finditer(text):
        if nip_ok(m.group(0).replace("-", "")):
            yield m.start(), m.group(0), NIP_MESSAGE
    for m in _PHONE.finditer(text):
        yield m.start(), m.group(0), PHONE_MESSAGE
    for m in _IBAN.finditer(text):
        if iban_ok(m.group(1)):
            yield m.start(), m.group(1), IBAN_MESSAGE


def _userinfo(text: str, start: int) -> bool:
    """``user:password@host`` or ``//user@host`` in a URL (reported as credentials), not an e-mail address."""
    before = text[start - 1 : start]
    if before == ":":
        return not text[:start].lower().endswith("mailto:")
    if before == "/":  # ``//user@host`` is the authority; ``/customers/jan@firma.pl`` is a path with an address
        return text[start - 2 : start] == "//"
    return before in ("$", "{")


def pesel_ok(digits: str) -> bool:
    """11 digits with the PESEL checksum and a possible date of birth."""
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    if (10 - sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 10) % 10 != int(digits[10]):
        return False
    month, day = int(digits[2:4]) % 20, int(digits[4:6])
    return 1 <= month <= 12 and 1 <= day <= 31


def nip_ok(digits: str) -> bool:
    """10 digits with the NIP mod-11 checksum (a remainder of 10 is never valid)."""
    weights = (6, 5, 7, 2, 3, 4, 5, 6, 7)
    check = sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11
    return check != 10 and check == int(digits[9]) and digits[:3] != "000"


def iban_ok(value: str) -> bool:
    """An IBAN of its country's length whose mod-97 check is 1."""
    compact = value.replace(" ", "")
    if _IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1
