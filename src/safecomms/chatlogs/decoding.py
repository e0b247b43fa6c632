"""Turn the bytes of an uploaded text export into text, or say clearly why not.

Exports are UTF-8, sometimes with a byte-order mark; a few tools re-save them as UTF-16 (always
with a BOM). Anything else is refused rather than guessed, because a wrong guess silently
corrupts names and messages that end up on a child's record.
"""

from __future__ import annotations

import codecs

from safecomms.chatlogs.errors import ChatLogError

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def sniff_encoding(head: bytes) -> str:
    """Name the codec for a file from its first bytes: ``utf-8-sig``, ``utf-16`` or ``utf-8``."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    return "utf-8"


def decode_export(data: bytes, name: str = "the file") -> tuple[str, list[str]]:
    """Decode ``data`` and normalise line ends to ``\\n``; return the text and any warnings.

    A file cut off in the middle of a character (the last few bytes) is decoded without them and
    reported as a warning, because that is what a truncated download looks like.
    """
    warnings: list[str] = []
    encoding = sniff_encoding(data[:4])
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        if (
            encoding == "utf-8"
            and error.start >= len(data) - 3
            and error.reason.startswith("unexpected end")
        ):
            text = data[: error.start].decode(encoding)
            warnings.append(f"{name} ends in the middle of a character: it may have been cut short")
        else:
            raise ChatLogError(
                f"{name} is not UTF-8 or UTF-16 text (unreadable bytes at offset {error.start}); "
                "export the chat again from WhatsApp"
            ) from None
    if "\x00" in text:
        raise ChatLogError(f"{name} contains binary data, not a chat export")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, warnings
