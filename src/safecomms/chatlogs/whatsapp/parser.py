"""Read a WhatsApp "Export chat" text into messages, fast.

The whole decoded text is split by one compiled regex that matches only the first line of a
message in the file's own layout (``re.split`` runs in C). Dates and times are converted once per
distinct value, senders cleaned once per distinct name, and only bodies that could hold a marker
go through the slower classifier. That keeps large exports bound by reading the file.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate, repeat
from operator import add
from typing import cast

from safecomms.chatlogs.errors import ChatLogError
from safecomms.chatlogs.models import ChatMessage
from safecomms.chatlogs.whatsapp.classify import LEADING_MARKS, classify_special
from safecomms.chatlogs.whatsapp.layout import (
    DateOrder,
    Layout,
    decide_date_order,
    detect_layout,
    iso_dates,
    iso_times,
)
from safecomms.chatlogs.whatsapp.markers import MARKERS

# A record is (timestamp "YYYY-MM-DDTHH:MM:SS", sender, text, kind, attachment, line).
Record = tuple[str, str | None, str, str, str | None, int]
# The same fields (without the line) as parallel lists: timestamps, senders, texts, kinds and
# attachments. The command line writes these directly, with no per-message tuple.
Columns = tuple[list[str], list[str | None], list[str], list[str], list[str | None]]
# The same as the JSON writer accepts them (the timestamps need only be iterable once).
OutputColumns = tuple[Iterable[str], list[str | None], list[str], list[str], list[str | None]]

_SENDER_INVISIBLES = str.maketrans(
    "", "", "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_PARTIAL_HEADER = re.compile(r"\u200e?\[?\d{1,4}[./-]\d{0,2}")
TRUNCATION_LIMITS = (10_000, 40_000)
# Placeholders with nothing for classify_special to strip first: a body equal to one of these is
# classified as that kind with empty text, without the call.
_EXACT_PLACEHOLDERS = {
    marker: kind
    for marker, kind in MARKERS.whole_message.items()
    if marker == marker.lstrip(LEADING_MARKS)
}
_TRUNCATION_MARGIN = 0.01
_TAIL_CHARS = 1 << 16


@dataclass
class WhatsAppExport:
    """The messages of one export and any warnings about it (for example, cut short)."""

    messages: list[ChatMessage]
    warnings: list[str] = field(default_factory=list)


def clean_sender(raw: str) -> str:
    """Remove invisible direction controls and the ``~`` WhatsApp puts before non-contacts."""
    name = raw.translate(_SENDER_INVISIBLES).strip()
    if name.startswith("~"):
        name = name[1:].lstrip(" \u00a0\u202f")
    return name


def _date_error(line: int, date_text: str, order: str) -> ChatLogError:
    readable = {"dmy": "day/month/year", "mdy": "month/day/year", "ymd": "year/month/day"}[order]
    return ChatLogError(
        f"line {line}: the date {date_text!r} cannot be read as {readable}"
        + (" (try --date-order)" if order != "ymd" else "")
    )


def _first_bad_index(values: list[str], readable: dict[str, str]) -> int:
    """The index of the first value that could not be read, or -1 when every one could."""
    return next((index for index, value in enumerate(values) if value not in readable), -1)


def _line_numbers(bodies: list[str], first_line: int) -> list[int]:
    """The file line on which each message starts.

    Each body spans its own line breaks plus the one the next header consumed. Only records and
    error messages need this, so the command line's fast path never pays for it.
    """
    breaks = accumulate(map(str.count, bodies[:-1], repeat("\n")), initial=first_line)
    return list(map(add, breaks, range(len(bodies))))


def _checked_maps(
    date_column: list[str],
    time_column: list[str],
    bodies: list[str],
    first_line: int,
    layout: Layout,
    order: str,
) -> tuple[dict[str, str], dict[str, str]]:
    """The ISO date and time of every distinct date and time; raise for the first unreadable."""
    distinct_dates, distinct_times = set(date_column), set(time_column)
    dates = iso_dates(distinct_dates, layout, order)
    times = iso_times(distinct_times)
    if len(dates) != len(distinct_dates) or len(times) != len(distinct_times):
        line_column = _line_numbers(bodies, first_line)
        bad = _first_bad_index(date_column, dates)
        if bad >= 0:
            raise _date_error(line_column[bad], date_column[bad], order)
        bad = _first_bad_index(time_column, times)
        raise ChatLogError(f"line {line_column[bad]}: the time {time_column[bad]!r} cannot be read")
    return dates, times


def _build_columns(
    parts: list[str | None],
    first_line: int,
    layout: Layout,
    order: str,
    *,
    release: bool = False,
    has_marks: bool = True,
    maps: tuple[dict[str, str], dict[str, str]] | None = None,
) -> OutputColumns:
    """Turn ``re.split`` output (date, time, sender, body repeated) into output columns.

    Each column is built by a comprehension over a slice (fast in CPython) and the rare bodies
    that may hold a marker are then classified one by one. With ``release``, ``parts`` is
    emptied and each raw column dropped once used, so a big export's memory is reused rather
    than grown (fresh pages cost the kernel time too).
    ``has_marks=False`` promises that no body holds U+200E or U+200F, which skips two tests.
    ``maps`` are the date and time lookups from :func:`_checked_maps` when already made.
    """
    date_column, time_column = cast(list[str], parts[0::4]), cast(list[str], parts[1::4])
    raw_senders, bodies = parts[2::4], cast(list[str], parts[3::4])
    if release:
        parts.clear()
    if maps is None:
        maps = _checked_maps(date_column, time_column, bodies, first_line, layout, order)
    dates, times = maps
    # map() over C callables: no interpreted loop for the most common columns.
    stamps = list(
        map(add, map(dates.__getitem__, date_column), map(times.__getitem__, time_column))
    )
    del date_column, time_column
    sender_names = {raw: clean_sender(raw) or None for raw in set(raw_senders) if raw is not None}
    # A system line's sender is None, which is never a key, so .get gives None for it too.
    senders: list[str | None] = list(map(sender_names.get, raw_senders))  # type: ignore[arg-type]
    del raw_senders, sender_names
    texts = list(map(str.rstrip, bodies))
    del bodies
    kinds = ["message" if sender is not None else "system" for sender in senders]
    attachments: list[str | None] = [None] * len(texts)
    whole_message = MARKERS.whole_message
    location_prefixes = MARKERS.location_prefixes
    # Cheapest tests first; every location prefix ends in ": ", so that guards the startswith.
    if has_marks:
        special = [
            index
            for index, text in enumerate(texts)
            if ">" in text
            or ")" in text
            or "\u200e" in text
            or "\u200f" in text
            or text in whole_message
            or (": " in text and text.startswith(location_prefixes))
        ]
    else:  # the same tests without the two that cannot hold (most Android exports)
        special = [
            index
            for index, text in enumerate(texts)
            if ">" in text
            or ")" in text
            or text in whole_message
            or (": " in text and text.startswith(location_prefixes))
        ]
    ios = layout.bracketed
    exact_placeholders = _EXACT_PLACEHOLDERS
    for index in special:
        text = texts[index]
        if senders[index] is None:
            texts[index] = text.translate(_SENDER_INVISIBLES).strip()
            continue
        known = exact_placeholders.get(text)
        if known is not None:  # the whole body is a placeholder: what classify_special returns
            kinds[index], texts[index] = known, ""
            continue
        kind, texts[index], attachments[index] = classify_special(text, ios)
        kinds[index] = kind
        if kind == "system":
            senders[index] = None
    return stamps, senders, texts, kinds, attachments


def _build_records(
    parts: list[str | None], first_line: int, layout: Layout, order: str
) -> list[Record]:
    """Like :func:`_build_columns`, as one record per message with its line number."""
    columns = _build_columns(parts, first_line, layout, order)
    line_column = _line_numbers(cast(list[str], parts[3::4]), first_line)
    return list(zip(*columns, line_column, strict=True))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of acyclic tuples.

    Each allocation burst would otherwise trigger collections that rescan every record made so
    far, which costs more than the parsing itself on large exports.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _split(text: str, layout: Layout) -> tuple[list[str | None], int]:
    parts = layout.header_pattern().split("\n" + text)
    preamble = parts[0] or ""
    return parts[1:], 1 + preamble.count("\n")


def _last_line(text: str) -> str:
    """The last non-empty line of ``text``, looking only at its end (no copy of a big text)."""
    tail = text[-_TAIL_CHARS:]
    trimmed = tail.rstrip("\n")
    if len(tail) < len(text) and "\n" not in trimmed:
        trimmed = text.rstrip("\n")  # the last line (or the run of line breaks) is very long
    return trimmed.rpartition("\n")[2]


def _truncation_warnings(text: str, count: int, layout: Layout) -> list[str]:
    warnings = []
    for limit in TRUNCATION_LIMITS:
        if limit * (1 - _TRUNCATION_MARGIN) <= count <= limit:
            warnings.append(
                f"the export has {count} messages, close to WhatsApp's limit of {limit}: "
                "older messages may be missing"
            )
    last_line = _last_line(text)
    if (
        last_line
        and _PARTIAL_HEADER.match(last_line)
        and not layout.header_pattern().match("\n" + last_line)
    ):
        warnings.append("the export ends in the middle of a line: it may have been cut short")
    return warnings


def _parse(text: str, date_order: DateOrder) -> tuple[list[str | None], int, Layout, str]:
    layout = detect_layout(text)
    parts, first_line = _split(text, layout)
    order = decide_date_order(set(cast(list[str], parts[0::4])), layout, date_order)
    return parts, first_line, layout, order


def parse_whatsapp_records(
    text: str, date_order: DateOrder = "auto"
) -> tuple[list[Record], list[str]]:
    """Parse decoded export text into plain records, one per message, with its line number.

    Raises :class:`ChatLogError` if the text is not an export or a date cannot be read.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    with _collector_paused():
        parts, first_line, layout, order = _parse(text, date_order)
        records = _build_records(parts, first_line, layout, order)
    return records, _truncation_warnings(text, len(records), layout)


def parse_whatsapp_columns(text: str, date_order: DateOrder = "auto") -> tuple[Columns, list[str]]:
    """Parse decoded export text into the output columns (the command line's fast path).

    The same messages as :func:`parse_whatsapp_records`, without line numbers or per-message
    tuples. Raises :class:`ChatLogError` if the text is not an export or a date cannot be read.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    with _collector_paused():
        parts, first_line, layout, order = _parse(text, date_order)
        columns = _build_columns(parts, first_line, layout, order, release=True)
    return cast(Columns, columns), _truncation_warnings(text, len(columns[1]), layout)


@dataclass
class SplitExport:
    """An export split into messages whose dates and times all read, not yet built into columns.

    :meth:`columns` builds any range of messages on its own, so two processes can each build
    (and write) one part.
    """

    parts: list[str | None]
    layout: Layout
    order: str
    maps: tuple[dict[str, str], dict[str, str]]
    has_marks: bool

    def __len__(self) -> int:
        return len(self.parts) // 4

    def columns(self, start: int, stop: int) -> OutputColumns:
        """The output columns of messages ``start`` to ``stop`` (file order)."""
        return _build_columns(
            self.parts[4 * start : 4 * stop],
            0,
            self.layout,
            self.order,
            release=True,
            has_marks=self.has_marks,
            maps=self.maps,
        )


def split_whatsapp_export(
    text: str, date_order: DateOrder = "auto"
) -> tuple[SplitExport, list[str]]:
    """Split decoded export text into messages and check every date and time reads.

    Raises :class:`ChatLogError` exactly as :func:`parse_whatsapp_columns` would.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    has_marks = "\u200e" in text or "\u200f" in text
    with _collector_paused():
        parts, first_line, layout, order = _parse(text, date_order)
        maps = _checked_maps(
            cast(list[str], parts[0::4]),
            cast(list[str], parts[1::4]),
            cast(list[str], parts[3::4]),
            first_line,
            layout,
            order,
        )
    split = SplitExport(parts, layout, order, maps, has_marks)
    return split, _truncation_warnings(text, len(split), layout)


def record_to_message(record: Record) -> ChatMessage:
    """Build the typed message for one record."""
    timestamp, sender, text, kind, attachment, line = record
    return ChatMessage(
        timestamp=datetime.fromisoformat(timestamp),
        sender=sender,
        text=text,
        kind=kind,  # type: ignore[arg-type]
        attachment=attachment,
        line=line,
    )


def parse_whatsapp_text(text: str, date_order: DateOrder = "auto") -> WhatsAppExport:
    """Parse the decoded text of a WhatsApp export into :class:`ChatMessage` objects.

    ``date_order`` settles day-first against month-first; ``auto`` decides from the whole file.
    """
    records, warnings = parse_whatsapp_records(text, date_order)
    return WhatsAppExport([record_to_message(record) for record in records], warnings)


def iter_whatsapp_messages(
    chunks: Iterator[str], layout: Layout, order: str
) -> Iterator[ChatMessage]:
    """Parse text arriving in chunks (each ending at a line end) with a known layout and order.

    A message split across chunks is joined before it is yielded, so memory stays bounded by the
    chunk size however long the export is.
    """
    pattern = layout.header_pattern()
    pending: list[str | None] = []
    line = 1
    for chunk in chunks:
        text = chunk[:-1] if chunk.endswith("\n") else chunk
        with _collector_paused():
            parts = pattern.split("\n" + text)
        head = parts[0] or ""
        if pending:
            pending[3] = (pending[3] or "") + head
        else:
            line += head.count("\n")
        body_parts = pending + parts[1:]
        if not body_parts:
            continue
        complete, pending = body_parts[:-4], body_parts[-4:]
        if complete:
            with _collector_paused():
                records = _build_records(complete, line, layout, order)
            yield from map(record_to_message, records)
            line = records[-1][5] + ((complete[-1] or "").count("\n") + 1)
    if pending:
        yield from map(record_to_message, _build_records(pending, line, layout, order))
