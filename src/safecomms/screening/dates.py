"""Dates of birth (guidance 3.5): a date in any common format with a birth cue beside it.

Dates are everywhere in case work (visits, meetings, hearings) and are not personal data on their
own, so a date is reported only when a cue such as "DOB", "born" or "birthday" introduces it (or
follows it, as in "12/03/2011 (DOB)"). The span is the date itself, not the cue.
"""

from __future__ import annotations

import re

from safecomms.screening.lexicons import alternation, word_set
from safecomms.screening.prepared import PreparedText

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.(?=\s*\d))?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+(?:the\s+)?)?"
_WEEKDAY_STARTS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTH_STARTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NAME_STARTS = alternation([*_WEEKDAY_STARTS, *_MONTH_STARTS])
"""How every weekday and month name begins, abbreviated or not."""
# A date begins with a digit or a weekday or month name. Checking that first lets the many word
# starts that begin neither fail at once instead of trying each form of date in turn.
DATE = re.compile(
    rf"(?i)(?<![\w/.-])(?=\d|{_NAME_STARTS})(?:"
    rf"{_YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:{_YEAR}|\d{{2}})"
    rf"|{_WEEKDAY}{_DAY}{_ORDINAL}(?:\s+of)?[\s-]+{_MONTH}(?:,?[\s-]+(?:{_YEAR}|'?\d{{2}}))?"
    rf"|{_WEEKDAY}{_MONTH}\s+(?:the\s+)?{_DAY}{_ORDINAL}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}\s+{_YEAR}"
    r"|\d{1,2}/\d{1,2}"
    r")(?![\w/]|[.-]\d)"
)
_CUES = alternation(word_set("dates.toml", "birth_cues"))
_BIRTH_CUE = re.compile(rf"(?<![a-z])(?:{_CUES}|turns\s+\d{{1,2}}(?:\s+on)?)(?![a-z])")
_CUE_AFTER = re.compile(rf"[)\]]?\s*[(\[,-]?\s*(?:{_CUES})(?![a-z])")
_OTHER_OCCASION = re.compile(
    rf"(?<![a-z])(?:{alternation(word_set('dates.toml', 'other_occasions'))})(?![a-z])"
)
_SENTENCE_BREAK = re.compile(r"[!?\n;]|\.\s")
_LIST_JOIN = re.compile(r"\s*(?:,|and|&|/|\+)\s*(?:[^\W\d_]+['\u2019]s\s+)?\Z")
_CUE_FRAGMENTS = ("dob", "d.o.b", "d o b", "birth", "born", "bday", "b'day", "b-day", "turns")
CUE_WINDOW = 45
"""How far before a date its birth cue may stand."""


def _cue_before(lowered: str, start: int) -> int | None:
    """The end of the nearest birth cue before `start` in the same clause, if there is one."""
    window_start = max(0, start - CUE_WINDOW)
    last_end = None
    for cue in _BIRTH_CUE.finditer(lowered, window_start, start):
        last_end = cue.end()
    if last_end is None:
        return None
    gap = lowered[last_end:start]
    if _SENTENCE_BREAK.search(gap) or _OTHER_OCCASION.search(gap):
        return None
    return last_end


def find_dates_of_birth(prepared: PreparedText) -> list[tuple[int, int]]:
    """Dates introduced or followed by a birth cue; a list of dates after one cue counts too."""
    if not prepared.has_digits:
        return []
    lowered = prepared.lowered
    if not any(cue in lowered for cue in _CUE_FRAGMENTS):
        return []
    spans: list[tuple[int, int]] = []
    previous_end = -1
    previous_was_birth = False
    for match in DATE.finditer(prepared.text):
        start, end = match.span()
        cue_end = _cue_before(lowered, start)
        is_birth = False
        if cue_end is not None:
            between_dates = previous_end > cue_end
            is_birth = not between_dates or (
                previous_was_birth and _LIST_JOIN.search(lowered[previous_end:start]) is not None
            )
        short = "/" in match.group() and match.group().count("/") == 1
        if not is_birth and not short and _CUE_AFTER.match(lowered, end):
            is_birth = True
        if is_birth:
            spans.append((start, end))
        previous_end, previous_was_birth = end, is_birth
    return spans
