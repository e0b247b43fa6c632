"""NHS numbers and National Insurance numbers: record identifiers (guidance 3.5).

Both are checked properly rather than matched by shape alone: an NHS number must pass its modulus 11
check digit, and an NI number must use a prefix HMRC issues, so invented and reserved numbers
(such as the QQ prefix used in examples) are not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import mul

from safecomms.screening.lexicons import alternation, word_set
from safecomms.screening.prepared import PreparedText

# The look-behind follows the first digit (and so spans two characters) so that the regex engine
# can skip straight from digit to digit instead of trying the whole pattern at every position.
_NHS_CANDIDATE = re.compile(r"\d(?<![\w/.:+-]\d)\d\d(?:[ .-]?\d){7}(?![\w/:]|[.,-]\d)")
"""Ten digits, run together or split by spaces, dashes or dots (see `_nhs_digits`)."""
_NHS_SEPARATORS = frozenset(" .-")
_PHONE_PREFIX = re.compile(r"(?:\+|\b00)\d{1,3}[ .-]?(?:\(0\)[ .-]?)?\Z|\(0\)[ .-]?\Z")
"""A country code or "(0)" just before ten digits, which makes them the rest of a phone number."""
_NHS_CUE = re.compile(rf"(?<![a-z])(?:{alternation(word_set('identifiers.toml', 'nhs_cues'))})")
_REFERENCE_CUE = re.compile(
    rf"(?<![a-z])(?:{alternation(word_set('identifiers.toml', 'reference_cues'))})"
    r"[\s.:#=-]*(?:is|was|of|number|no\.?)?[\s.:#=-]*\Z"
)
NHS_CUE_WINDOW = 40
"""How far before (or after) a number an NHS cue may stand and still describe it."""

# HMRC never issues these letters first or second, nor these pairs (see the NI number
# allocation rules); the suffix is A to D.
_NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
_NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
_NI_CANDIDATE = re.compile(
    rf"(?i)(?<![\w])([{_NI_FIRST}][{_NI_SECOND}])[ -]?(\d{{2}})[ -]?(\d{{2}})[ -]?(\d{{2}})"
    r"[ -]?([A-D])(?![\w])"
)
_NI_UNUSED_PAIRS = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_NI_DIGITS = re.compile(r"(?i)\d\d[ -]?\d\d[ -]?\d\d[ -]?[A-D](?![\w])")
"""The part of an NI number after its prefix, which a text must hold before the prefix is sought."""


def introduced_as_reference(lowered: str, start: int) -> bool:
    """True when a number at `start` follows a cue such as "case ref" or "crime no"."""
    return _REFERENCE_CUE.search(lowered[max(0, start - 25) : start]) is not None


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS modulus 11 check: weights 10 down to 2; a remainder giving 10 is never issued."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(map(mul, map(int, digits[:9]), range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _nhs_digits(candidate: str) -> str | None:
    """The ten digits of a number written as one NHS number may be, or None.

    People split the ten digits in several ways (943 476 5919, 4857 773 457, 94347 65919), but
    always with one kind of separator and into groups of at least three; pairs are how dates, times
    and lists of small numbers are written ("20 11 03 12 45").
    """
    separators = _NHS_SEPARATORS.intersection(candidate)
    if not separators:
        return candidate
    if len(separators) > 1:
        return None
    [separator] = separators
    groups = candidate.split(separator)
    if any(len(group) < 3 for group in groups):
        return None
    return "".join(groups)


@dataclass(frozen=True, slots=True)
class NhsNumberMatch:
    start: int
    end: int
    cued: bool


def find_nhs_numbers(prepared: PreparedText) -> list[NhsNumberMatch]:
    """Ten-digit numbers passing the check digit, with whether an NHS cue stands near them.

    A number introduced as some other reference ("case ref", "crime no") is left out, and so is one
    after a country code, which is a phone number however its digits fall.
    """
    if not prepared.has_digits:
        return []
    found = []
    lowered = prepared.lowered
    for match in _NHS_CANDIDATE.finditer(prepared.text):
        digits = _nhs_digits(match.group())
        if digits is None or not nhs_check_digit_ok(digits):
            continue
        start, end = match.span()
        if _PHONE_PREFIX.search(lowered, max(0, start - 10), start):
            continue
        before = lowered[max(0, start - NHS_CUE_WINDOW) : start]
        after = lowered[end : end + 20]
        cued = (
            _NHS_CUE.search(before) is not None or _NHS_CUE.match(after.lstrip(" ()")) is not None
        )
        if not cued and introduced_as_reference(lowered, start):
            continue
        found.append(NhsNumberMatch(start, end, cued))
    return found


def find_ni_numbers(prepared: PreparedText) -> list[tuple[int, int]]:
    """National Insurance numbers with a prefix HMRC issues, spaced or not, any letter case."""
    if not prepared.has_digits or _NI_DIGITS.search(prepared.text) is None:
        return []
    spans = []
    for match in _NI_CANDIDATE.finditer(prepared.text):
        if match.group(1).upper() in _NI_UNUSED_PAIRS:
            continue
        spans.append(match.span())
    return spans
