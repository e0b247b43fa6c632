"""Decide what a message body is: plain text, media, a deletion notice or a system line.

The parser's hot loop handles the common case (plain text) itself and calls
:func:`classify_special` only for bodies that carry a direction mark, a bracket or a location,
which keeps the per-message cost down on large exports.
"""

from __future__ import annotations

import re

from safecomms.chatlogs.whatsapp.markers import MARKERS, remove_direction_marks

LRM = "\u200e"
LEADING_MARKS = "\u200e\u200f \u00a0"

# Files WhatsApp names itself, so an attachment is recognised even in a language we lack.
_ANDROID_GENERIC_ATTACHED = re.compile(
    r"(?P<name>(?:IMG|VID|AUD|PTT|STK|DOC|GIF)-\d{8}-WA\d+\.\w{1,6}) \([^()\n]+\)[ \t]*"
    r"(?:\n(?P<caption>.*))?",
    re.DOTALL,
)
_IOS_GENERIC_ATTACHED = re.compile(r"<[^<>:\n]{1,40} ?: (?P<name>\d{8}-[^<>\n]+)>")
# "Report.pdf • 3 pages" before "document omitted", or "Report.pdf • 3 pages (file attached)".
_DOCUMENT_DETAILS = re.compile(r"(?P<name>.+?\.\w{1,8})(?: • [^\n]*)?")

Classified = tuple[str, str, str | None]


def _document_name(details: str) -> str | None:
    match = _DOCUMENT_DETAILS.fullmatch(details)
    return match.group("name") if match else None


def _strip_edited(text: str) -> str | None:
    if not text.endswith(MARKERS.edited):
        return None
    for marker in MARKERS.edited:
        if text.endswith(marker):
            return text[: -len(marker)].rstrip(" \t\u00a0\u200e\u200f")
    return None


def _android_attachment(text: str) -> Classified | None:
    if ")" not in text:  # both patterns need the closing bracket: skip the regexes
        return None
    match = MARKERS.android_attached.fullmatch(text) or _ANDROID_GENERIC_ATTACHED.fullmatch(text)
    if match is None:
        return None
    name = match.group("name").strip(LEADING_MARKS)
    caption = remove_direction_marks(match.group("caption") or "").strip()
    return "media", caption, _document_name(name) or name


def _is_location(text: str) -> bool:
    return text.startswith(MARKERS.location_prefixes) and "://" in text.partition("\n")[0]


def classify_special(text: str, ios: bool) -> Classified:
    """Classify a body that may hold a marker; return ``(kind, text, attachment)``.

    ``kind`` is ``"system"`` for iOS lines that start with U+200E and hold no marker: iOS writes
    its notices ("X created group", "You added Y") after the chat's name, where a sender would be.
    """
    stripped = text.lstrip(LEADING_MARKS)
    known = MARKERS.whole_message.get(stripped)
    if known is not None:
        return known, "", None
    without_edit = _strip_edited(stripped)
    if without_edit is not None:
        return classify_special(without_edit, ios=False)
    android_media = _android_attachment(stripped)
    if android_media is not None:
        return android_media
    if _is_location(stripped):
        return "media", "", None
    # iOS writes a caption, then U+200E, then the marker; without a caption only the marker.
    head, _, tail = stripped.rpartition(LRM)
    tail = tail.strip()
    caption = remove_direction_marks(head).strip()
    if tail in MARKERS.omitted:
        if tail in MARKERS.document_omitted and caption:
            name = _document_name(caption)
            if name is not None:
                return "media", "", name
        return "media", caption, None
    # Both attachment patterns are "<...>" in full, so only a tail ending in ">" can match.
    match = (
        (MARKERS.ios_attached.fullmatch(tail) or _IOS_GENERIC_ATTACHED.fullmatch(tail))
        if tail.endswith(">")
        else None
    )
    if match is not None:
        return "media", caption, match.group("name").strip()
    known = MARKERS.whole_message.get(tail)
    if known is not None and not caption:
        return known, "", None
    if _is_location(tail) and not caption:
        return "media", "", None
    if ios and text.startswith(LRM):
        return "system", remove_direction_marks(text).strip(), None
    return "message", remove_direction_marks(text).rstrip(), None
