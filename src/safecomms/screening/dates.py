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
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.(?=,?\s*'?\d))?"
)
"""A month's name, in full or cut short; a short one may carry a dot ("Jan.", "Sept.")."""
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+(?:the\s+)?)?"
_WEEKDAY_STARTS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTH_STARTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NAME_STARTS = alternation([*_WEEKDAY_STARTS, *_MONTH_STARTS])
"""How every weekday and month name begins, abbreviated or not."""
_AFTER_DAY = r"(?:[\s-]+|[./])"
"""Between a day and a month name: "3 Jan", "3-Jan", "3.Jan", "3/Jan"."""
_BEFORE_YEAR = r"(?:,?[\s-]+|[./]|(?<=\.))"
"""Before the year that follows a month name: "Jan 2011", "Jan, 2011", "Jan/2011", or nothing after
an abbreviation's dot ("Jan.2011")."""
# A date begins with a digit or a weekday or month name. Checking that first lets the many word
# starts that begin neither fail at once instead of trying each form of date in turn.
DATE = re.compile(
    rf"(?i)(?<![\w/.-])(?=\d|{_NAME_STARTS})(?:"
    rf"{_YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:{_YEAR}|\d{{2}})"
    rf"|{_WEEKDAY}{_DAY}{_ORDINAL}(?:\s+of)?{_AFTER_DAY}{_MONTH}"
    rf"(?:{_BEFORE_YEAR}(?:{_YEAR}|'?\d{{2}}))?"
    rf"|{_WEEKDAY}{_MONTH}(?:\s+|(?<=\.))(?:the\s+)?{_DAY}{_ORDINAL}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}(?:\s+|(?<=\.)){_YEAR}"
    r"|\d{1,2}/\d{1,2}"
    r")(?![\w/]|[.-]\d)"
)
_DOB_LETTERS = r"d(?P<gap>[ .-]{0,3})o(?P=gap)b\.?"
"""DOB as three letters, run together or set apart the same way each time: "DOB", "D.O.B.",
"d o b", "D. O. B.", "D  o  B". Requiring the same gap twice keeps out words such as "do b"."""
_CUES = alternation(word_set("dates.toml", "birth_cues")) + "|" + _DOB_LETTERS
_BIRTH_CUE = re.compile(rf"(?<![a-z])(?:{_CUES}|turns\s+\d{{1,2}}(?:\s+on)?)(?![a-z])")
_CUE_AFTER = re.compile(rf"[)\]]?\s*[(\[,-]?\s*(?:{_CUES})(?![a-z])")
_OTHER_OCCASION = re.compile(
    rf"(?<![a-z])(?:{alternation(word_set('dates.toml', 'other_occasions'))})(?![a-z])"
)
_SENTENCE_BREAK = re.compile(r"[!?\n;]|\.\s")
_LIST_JOIN = re.compile(
    r"\s*(?:,|,?\s*and|&|/|\+)\s*"
    r"(?:(?:his|her|their|the)\s+)?(?:[^\W\d_]+(?:-[^\W\d_]+)*'s\s*(?::|is|was)?\s*)?"
)
"""All that may stand between two dates of birth in one list: a comma or "and", then perhaps whose
date the next one is ("DOB 03/02/2015, dad's is 04/11/1985", "1.2.2016 and her brother's 5.6.2018").
Anything more ("meeting on", "seen") ends the list."""
_CUE_FRAGMENTS = ("dob", "birth", "born", "bday", "b'day", "b-day", "turns")
_DOB_LETTER_WORDS = frozenset({"d", "o", "b"})
"""The words "D.O.B." or "d o b" leave behind; a text with none of the cue fragments needs them."""
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


def _continues_list(lowered: str, previous_end: int, start: int) -> bool:
    """True when the date at `start` is the next item of a list whose previous date ends there."""
    join = _LIST_JOIN.fullmatch(lowered, previous_end, start)
    return join is not None and _OTHER_OCCASION.search(join.group()) is None


def find_dates_of_birth(prepared: PreparedText) -> list[tuple[int, int]]:
    """Dates introduced or followed by a birth cue; a list of dates after one cue counts too.

    A date after a cue is a date of birth unless another date stands between them, when it counts
    only as the next item of a list of dates of birth.
    """
    if not prepared.has_digits:
        return []
    lowered = prepared.lowered
    has_cue = any(cue in lowered for cue in _CUE_FRAGMENTS)
    if not has_cue and not _DOB_LETTER_WORDS.issubset(prepared.words):
        return []
    spans: list[tuple[int, int]] = []
    previous_end = -1
    previous_was_birth = False
    for match in DATE.finditer(prepared.text):
        start, end = match.span()
        if previous_was_birth and _continues_list(lowered, previous_end, start):
            is_birth = True
        else:
            cue_end = _cue_before(lowered, start)
            is_birth = cue_end is not None and cue_end >= previous_end
        short = "/" in match.group() and match.group().count("/") == 1
        if not is_birth and not short and _CUE_AFTER.match(lowered, end):
            is_birth = True
        if is_birth:
            spans.append((start, end))
        previous_end, previous_was_birth = end, is_birth
    return spans
