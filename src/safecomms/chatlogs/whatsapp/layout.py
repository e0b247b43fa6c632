"""Recognise how an export writes its timestamps, and read them.

WhatsApp writes the date and time in the phone's locale: brackets or a dash, ``/ . -`` between
the parts, day-first, month-first or year-first, 12- or 24-hour clocks, with or without seconds.
A file uses one layout throughout, so we detect it once and then match only that layout: a line
inside a message that merely looks like a timestamp in another layout stays text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Literal

from safecomms.chatlogs.errors import ChatLogError

DateOrder = Literal["dmy", "mdy", "auto"]

_SPACE = "[ \u00a0\u202f]"
_AMPM = rf"{_SPACE}?(?:[aApP]\.?{_SPACE}?[mM]\.?|ص|م)"
_DATE_TIME_GAP = r"[,،]?[ \u00a0](?:à )?"
# Accepts any layout; used on the first part of a file to find out which one it uses.
_ANY_HEADER = re.compile(
    r"^[\u200e\u200f]?(?P<open>\[)?"
    r"(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{2,4})\.?"
    + _DATE_TIME_GAP
    + r"\d{1,2}:\d{2}(?P<seconds>:\d{2})?"
    + rf"(?P<ampm>{_AMPM})?"
    + r"(?(open)\] |\u200e? [-\u2013] )",
    re.MULTILINE,
)
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(.*)", re.DOTALL)
_DETECTION_SAMPLE = 4_000_000
_DETECTION_MATCHES = 2_000


@dataclass(frozen=True, slots=True)
class Layout:
    """How one export writes the start of each message."""

    bracketed: bool
    separator: str
    year_first: bool
    year_digits: int
    seconds: bool
    twelve_hour: bool

    def header_pattern(self) -> re.Pattern[str]:
        """The regex matching the line break before a message's first line, in this layout only.

        It starts with ``\\n`` rather than ``^`` so the regex engine can jump from line break to
        line break; split ``"\\n" + text`` with it. Its three groups are the date, the time and
        the sender (None for system lines); the text between two headers is the message body.
        """
        sep = re.escape(self.separator)
        year = rf"\d{{{self.year_digits}}}"
        if self.year_first:
            date_part = rf"{year}{sep}\d{{1,2}}{sep}\d{{1,2}}"
        else:
            date_part = rf"\d{{1,2}}{sep}\d{{1,2}}{sep}{year}\.?"
        time_part = r"\d{1,2}:\d{2}" + (r":\d{2}" if self.seconds else "")
        if self.twelve_hour:
            time_part += _AMPM
        opening, closing = (r"\[", r"\] ") if self.bracketed else ("", "\u200e? [-\u2013] ")
        return re.compile(
            rf"\n[\u200e\u200f]?{opening}({date_part}){_DATE_TIME_GAP}({time_part}){closing}"
            r"(?:([^\n:]{1,200}):(?: |(?=\n)|\Z))?"
        )


def detect_layout(text: str) -> Layout:
    """Find the layout most message lines use in the first few megabytes of ``text``."""
    votes: Counter[Layout] = Counter()
    for match in _ANY_HEADER.finditer(text, 0, _DETECTION_SAMPLE):
        first, last = match.group("a"), match.group("c")
        year_first = len(first) == 4
        if not year_first and len(last) == 3:
            continue
        votes[
            Layout(
                bracketed=match.group("open") is not None,
                separator=match.group("sep"),
                year_first=year_first,
                year_digits=4 if year_first else len(last),
                seconds=match.group("seconds") is not None,
                twelve_hour=match.group("ampm") is not None,
            )
        ] += 1
        if votes.total() >= _DETECTION_MATCHES:
            break
    if not votes:
        raise ChatLogError(
            "this file is not a WhatsApp chat export: no line starts with a message date and time"
        )
    return votes.most_common(1)[0][0]


def decide_date_order(dates: set[str], layout: Layout, requested: DateOrder) -> str:
    """Return ``"ymd"``, ``"dmy"`` or ``"mdy"`` for the distinct date strings of a whole file.

    ``auto``: any first field over 12 means day-first, else any second field over 12 means
    month-first, else day-first (the UK default). Year-first dates ignore ``requested``.
    """
    if layout.year_first:
        return "ymd"
    if requested != "auto":
        return requested
    sep = layout.separator
    seconds_over_12 = False
    for text in dates:
        first, second, _ = text.split(sep, 2)
        if int(first) > 12:
            return "dmy"
        if int(second) > 12:
            seconds_over_12 = True
    return "mdy" if seconds_over_12 else "dmy"


def iso_dates(dates: set[str], layout: Layout, order: str) -> dict[str, str]:
    """Map each readable date string to ``YYYY-MM-DD``; unreadable ones are left out."""
    sep = layout.separator
    result: dict[str, str] = {}
    for text in dates:
        parts = text.rstrip(".").split(sep)
        try:
            numbers = [int(part) for part in parts]
            if order == "ymd":
                year, month, day = numbers
            elif order == "dmy":
                day, month, year = numbers
            else:
                month, day, year = numbers
            if layout.year_digits == 2:
                year += 2000
            result[text] = date(year, month, day).isoformat()
        except ValueError:
            continue
    return result


def iso_times(times: set[str]) -> dict[str, str]:
    """Map each readable time string to ``THH:MM:SS``; unreadable ones are left out."""
    result: dict[str, str] = {}
    for text in times:
        match = _TIME.fullmatch(text)
        if match is None:
            continue
        hour, minute = int(match.group(1)), int(match.group(2))
        second = int(match.group(3) or 0)
        suffix = match.group(4).strip(" \u00a0\u202f.").lower()
        if suffix:
            if not 1 <= hour <= 12:
                continue
            is_pm = suffix[0] in "pم"
            hour = hour % 12 + (12 if is_pm else 0)
        if hour > 23 or minute > 59 or second > 59:
            continue
        result[text] = f"T{hour:02d}:{minute:02d}:{second:02d}"
    return result
