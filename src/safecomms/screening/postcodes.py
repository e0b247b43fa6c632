"""UK postcodes (guidance 6.1): every valid shape, spaced or not, in any letter case.

A full postcode narrows an address to a handful of homes, so it is personal data; an outward code
alone ("CV34") covers thousands and is not reported.
"""

from __future__ import annotations

import re

from safecomms.screening.prepared import PreparedText

# Royal Mail's letter rules: first position never Q, V or X; second never I, J or Z; a letter in
# the third position of A9A is one of ABCDEFGHJKPSTUW and in the fourth of AA9A one of
# ABEHMNPRVWXY; the inward code's letters never C, I, K, M, O or V. GIR 0AA is the one exception.
_OUTWARD = (
    r"(?:[A-PR-UWYZ]\d[A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRVWXY]"
    r"|[A-PR-UWYZ][A-HK-Y]\d\d?"
    r"|[A-PR-UWYZ]\d\d?)"
)
_INWARD = r"\d[ABD-HJLNP-UW-Z]{2}"
_POSTCODE = re.compile(rf"(?i)(?<![\w])(?:GIR[ \u00a0]?0AA|{_OUTWARD}[ \u00a0]?{_INWARD})(?![\w])")
_INWARD_CODE = re.compile(rf"(?i){_INWARD}(?![\w])")
"""Every postcode ends with an inward code (GIR 0AA too); most texts hold none to look behind."""
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def find_postcodes(prepared: PreparedText) -> list[tuple[int, int]]:
    """Full UK postcodes; "4th"-style ordinals after a number are not taken for an inward code."""
    if not prepared.has_digits or _INWARD_CODE.search(prepared.text) is None:
        return []
    spans = []
    for match in _POSTCODE.finditer(prepared.text):
        found = match.group()
        if found[-2:] in _ORDINAL_SUFFIXES:
            continue
        spans.append(match.span())
    return spans
