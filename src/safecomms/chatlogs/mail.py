"""Read e-mails from ``.eml`` files and ``.mbox`` mailboxes with the standard library.

Uses ``email.policy.default`` so headers are decoded (encoded words, address lists) and dates
come out aware. The body prefers ``text/plain``; HTML-only mail is reduced to its text.
"""

from __future__ import annotations

import mailbox
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from html.parser import HTMLParser

from safecomms.chatlogs.errors import ChatLogError
from safecomms.chatlogs.models import EmailAttachment, EmailRecord

MAX_EMAIL_BYTES = 256 * 1024 * 1024
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head") and self._skipping:
            self._skipping -= 1
        elif tag in _BLOCK_TAGS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.pieces.append(data)


def html_to_text(html: str) -> str:
    """Strip tags, scripts and styles, keeping paragraph breaks."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    lines = (" ".join(line.split()) for line in "".join(extractor.pieces).splitlines())
    return "\n".join(line for line in lines if line)


def _addresses(message: EmailMessage, header: str) -> tuple[str, ...]:
    value = message.get(header)
    if value is None:
        return ()
    addresses = getattr(value, "addresses", None)
    if addresses is None:
        return (str(value),)
    return tuple(str(address) for address in addresses)


def _date(message: EmailMessage) -> datetime | None:
    value = message.get("date")
    moment = getattr(value, "datetime", None) if value is not None else None
    if not isinstance(moment, datetime):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, AssertionError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    if part.get_content_type() == "text/html":
        return html_to_text(content)
    return content.replace("\r\n", "\n").strip()


def _attachments(message: EmailMessage) -> tuple[EmailAttachment, ...]:
    found = []
    for part in message.iter_attachments():
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        found.append(
            EmailAttachment(
                name=part.get_filename(),
                content_type=part.get_content_type(),
                size=len(data),
                data=data,
            )
        )
    return tuple(found)


def email_record(message: EmailMessage) -> EmailRecord:
    """Convert a parsed message into an :class:`EmailRecord`."""
    try:
        return EmailRecord(
            sender=str(message.get("from", "")),
            to=_addresses(message, "to"),
            cc=_addresses(message, "cc"),
            date=_date(message),
            subject=str(message.get("subject", "")),
            body=_body(message),
            attachments=_attachments(message),
        )
    except (ValueError, TypeError, LookupError, IndexError) as error:
        raise ChatLogError(f"the e-mail could not be read ({error})") from None


def parse_eml(source: str | os.PathLike[str] | bytes) -> EmailRecord:
    """Read one ``.eml`` file (a path or its bytes)."""
    data = source if isinstance(source, bytes) else _read_bounded(source)
    if not data.strip():
        raise ChatLogError("the e-mail file is empty")
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not message.keys():
        raise ChatLogError("this file is not an e-mail: it has no headers")
    return email_record(message)


def _read_bounded(path: str | os.PathLike[str]) -> bytes:
    try:
        if os.path.getsize(path) > MAX_EMAIL_BYTES:
            raise ChatLogError("the e-mail file is larger than the allowed size")
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise ChatLogError(f"cannot read {os.fspath(path)!r}: {error.strerror}") from None


def iter_mbox(path: str | os.PathLike[str]) -> Iterator[EmailRecord]:
    """Yield each e-mail in an ``.mbox`` mailbox, in file order."""
    _read_bounded(path)[:0]
    parser = BytesParser(policy=policy.default)
    box = mailbox.mbox(os.fspath(path), factory=None, create=False)
    try:
        for key in box.iterkeys():
            data = box.get_bytes(key)
            yield email_record(parser.parsebytes(data))
    except (OSError, mailbox.Error) as error:
        raise ChatLogError(f"the mailbox could not be read ({error})") from None
    finally:
        box.close()
