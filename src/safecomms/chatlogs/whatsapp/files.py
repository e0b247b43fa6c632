"""Read a WhatsApp export from a file: the ``.txt`` itself or the ``.zip`` around it.

The kind of file is told from its first bytes, not its name. Large text files can also be read
as a stream, in two passes (one to learn the layout and date order, one to yield messages), so
memory stays bounded by the chunk size.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from safecomms.chatlogs.decoding import decode_export, sniff_encoding
from safecomms.chatlogs.errors import ChatLogError
from safecomms.chatlogs.models import ChatMessage
from safecomms.chatlogs.whatsapp.layout import DateOrder, decide_date_order, detect_layout
from safecomms.chatlogs.whatsapp.parser import (
    Record,
    SplitExport,
    WhatsAppExport,
    iter_whatsapp_messages,
    parse_whatsapp_records,
    record_to_message,
    split_whatsapp_export,
)

if TYPE_CHECKING:
    from safecomms.chatlogs.archive import ArchiveLimits

_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
STREAM_CHUNK_CHARS = 8 * 1024 * 1024


def read_export_text(
    path: str | os.PathLike[str], limits: ArchiveLimits | None = None
) -> tuple[str, list[str]]:
    """Return the decoded chat text of a ``.txt`` or ``.zip`` export, with decoding warnings."""
    try:
        with open(path, "rb") as handle:
            is_zip = handle.read(4).startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC))
            if not is_zip:
                handle.seek(0)  # one read of the whole file, with no copy to join a head to it
            data = None if is_zip else handle.read()
    except IsADirectoryError:
        raise ChatLogError(f"{os.fspath(path)!r} is a folder, not an export file") from None
    except OSError as error:
        raise ChatLogError(f"cannot read {os.fspath(path)!r}: {error.strerror}") from None
    if data is None:
        from safecomms.chatlogs.archive import open_whatsapp_archive  # only zips need zipfile

        with open_whatsapp_archive(path, limits) as archive:
            return decode_export(archive.chat_bytes(), archive.chat_name)
    if not data:
        raise ChatLogError("the file is empty, not a WhatsApp chat export")
    return decode_export(data, os.path.basename(path))


def parse_whatsapp_file_records(
    path: str | os.PathLike[str], date_order: DateOrder = "auto"
) -> tuple[list[Record], list[str]]:
    """Parse a ``.txt`` or ``.zip`` export into plain records; see ``parse_whatsapp_records``."""
    text, warnings = read_export_text(path)
    records, parse_warnings = parse_whatsapp_records(text, date_order)
    return records, warnings + parse_warnings


def split_whatsapp_file(
    path: str | os.PathLike[str], date_order: DateOrder = "auto"
) -> tuple[SplitExport, list[str]]:
    """Split a ``.txt`` or ``.zip`` export into messages; see ``split_whatsapp_export``."""
    text, warnings = read_export_text(path)
    split, parse_warnings = split_whatsapp_export(text, date_order)
    return split, warnings + parse_warnings


def parse_whatsapp_file(
    path: str | os.PathLike[str], date_order: DateOrder = "auto"
) -> WhatsAppExport:
    """Parse a ``.txt`` or ``.zip`` export into messages and warnings."""
    records, warnings = parse_whatsapp_file_records(path, date_order)
    return WhatsAppExport([record_to_message(record) for record in records], warnings)


def _text_chunks(path: str | os.PathLike[str], chunk_chars: int) -> Iterator[str]:
    with open(path, "rb") as handle:
        encoding = sniff_encoding(handle.read(4))
        handle.seek(0)
        decoder = codecs.getincrementaldecoder(encoding)()
        carry = ""
        first = True
        while True:
            block = handle.read(chunk_chars)
            try:
                text = carry + decoder.decode(block, final=not block)
            except UnicodeDecodeError:
                raise ChatLogError(
                    f"{os.path.basename(path)} is not UTF-8 or UTF-16 text"
                ) from None
            if first and text.startswith("\ufeff"):
                text = text[1:]
            first = False
            text = text.replace("\r\n", "\n")
            if block and text.endswith("\r"):
                carry, text = "\r", text[:-1]
            else:
                carry = ""
            text = text.replace("\r", "\n")
            if not block:
                if text:
                    yield text
                return
            cut = text.rfind("\n") + 1
            if cut == 0:
                carry = text + carry
                continue
            carry = text[cut:] + carry
            yield text[:cut]


def iter_whatsapp_file(
    path: str | os.PathLike[str],
    date_order: DateOrder = "auto",
    chunk_chars: int = STREAM_CHUNK_CHARS,
) -> Iterator[ChatMessage]:
    """Yield the messages of a large ``.txt`` export without holding it all in memory."""
    first_chunk = next(_text_chunks(path, chunk_chars), "")
    layout = detect_layout(first_chunk)
    pattern = layout.header_pattern()
    dates: set[str] = set()
    for chunk in _text_chunks(path, chunk_chars):
        dates.update(match.group(1) for match in pattern.finditer("\n" + chunk))
    order = decide_date_order(dates, layout, date_order)
    yield from iter_whatsapp_messages(_text_chunks(path, chunk_chars), layout, order)
