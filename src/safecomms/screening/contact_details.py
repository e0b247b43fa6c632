"""Phone numbers and e-mail addresses (guidance 6.1), and web addresses that are neither.

Phone numbers are found by shape first (a cheap regular expression over digit runs) and confirmed
with `phonenumbers` parsed for region GB, so text without digit runs never reaches the slower
library. Public helplines (999, 111, 116 numbers, 0800, 0808 and 0500 freephone) are services
anyone may call, not someone's personal data, and are not reported.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from safecomms.screening.identifiers import introduced_as_reference
from safecomms.screening.prepared import PreparedText

_EMAIL = re.compile(
    r"(?<![\w.+'-])[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-])"
)
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"]+")
_STANDS_APART = r"(?<![\w+/.:£$-].)"
"""Placed after a number's first character: the character before the number does not join it to a
word, a path or a sum of money. Testing this after the first character rather than before it lets
the regex engine skip straight to the characters a number can start with."""
_COUNTRY_CODE = r"[ ]?\d{1,3}[ .-]?(?:\(0\)[ .-]?)?"
_PHONE_CANDIDATE = re.compile(
    rf"(?:\+{_STANDS_APART}{_COUNTRY_CODE}|0{_STANDS_APART}0{_COUNTRY_CODE}"
    rf"|\({_STANDS_APART}0|0{_STANDS_APART})"
    r"\d{1,5}\)?(?:[ .-]?\d){5,10}(?![\w/]|[.:,]\d)"
)
_FREEPHONE_PREFIXES = ("800", "808", "500")
_UK_LEADING_DIGITS = frozenset("1235789")
"""UK numbers start 01, 02, 03, 05, 07, 08 or 09; 04 and 06 are not in use, so those are references."""
_EMERGENCY_AND_SHORT = frozenset({"999", "112", "111", "101", "105", "119"})


def find_emails(prepared: PreparedText) -> list[tuple[int, int]]:
    if "@" not in prepared.text:
        return []
    return [match.span() for match in _EMAIL.finditer(prepared.text)]


def find_urls(prepared: PreparedText) -> list[tuple[int, int]]:
    """Web addresses: not personal data in themselves, but words inside them are not screened."""
    if "www" not in prepared.lowered and "http" not in prepared.lowered:
        return []
    return [match.span() for match in _URL.finditer(prepared.text)]


@lru_cache(maxsize=4096)
def _is_personal_number(candidate: str) -> bool:
    """Whether `phonenumbers` takes `candidate` for a personal number.

    Remembered, because parsing is slow and the same numbers (helplines, an office line, a family's
    mobile) come up again and again.
    """
    try:
        parsed = phonenumbers.parse(candidate, "GB")
    except phonenumbers.NumberParseException:
        return False
    national = str(parsed.national_number)
    if parsed.country_code == 44:
        if national.startswith(_FREEPHONE_PREFIXES) or national in _EMERGENCY_AND_SHORT:
            return False
        if national.startswith("116") and len(national) == 6:
            return False
        if not 9 <= len(national) <= 10 or national[0] not in _UK_LEADING_DIGITS:
            return False
    return bool(phonenumbers.is_possible_number(parsed))


def find_phones(prepared: PreparedText) -> list[tuple[int, int]]:
    """UK and international phone numbers, helplines and introduced references excepted."""
    if not prepared.has_digits:
        return []
    spans = []
    for match in _PHONE_CANDIDATE.finditer(prepared.text):
        candidate = match.group()
        if introduced_as_reference(prepared.lowered, match.start()):
            continue
        if _is_personal_number(candidate):
            spans.append(match.span())
        elif sum(char.isdigit() for char in candidate) > 12:
            spans.extend(_numbers_run_together(candidate, match.start()))
    return spans


def _numbers_run_together(candidate: str, offset: int) -> list[tuple[int, int]]:
    """Two or more numbers written one after another, which the shape alone cannot separate."""
    spans = []
    for found in phonenumbers.PhoneNumberMatcher(
        candidate, "GB", leniency=phonenumbers.Leniency.POSSIBLE
    ):
        if _is_personal_number(found.raw_string):
            spans.append((offset + found.start, offset + found.end))
    return spans
