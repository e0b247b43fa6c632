"""Typed records produced by the chat log readers.

They are plain dataclasses so that the Django side converts them at its edge and this package
stays free of the web framework.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

MessageKind = Literal["message", "system", "media", "deleted"]
SmsDirection = Literal["inbound", "outbound", "draft", "outbox", "failed", "queued", "unknown"]


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One message from a WhatsApp export.

    ``timestamp`` is naive: it is the device's local wall-clock time exactly as written, because
    exports carry no zone (see :mod:`safecomms.chatlogs.timezones` to localise it). ``line`` is the
    1-based line of the file where the message starts, so a practitioner can find it again.
    """

    timestamp: datetime
    sender: str | None
    text: str
    kind: MessageKind
    attachment: str | None
    line: int


@dataclass(frozen=True, slots=True)
class SmsAttachment:
    """A part of an MMS that is not its text (a picture, a contact card...)."""

    name: str | None
    content_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class SmsMessage:
    """One SMS or MMS from an "SMS Backup & Restore" XML file; ``timestamp`` is aware UTC."""

    timestamp: datetime
    address: str
    contact_name: str | None
    direction: SmsDirection
    text: str
    attachments: tuple[SmsAttachment, ...] = ()


@dataclass(frozen=True, slots=True)
class EmailAttachment:
    """A file attached to an e-mail; ``content_type`` is as the sender declared it."""

    name: str | None
    content_type: str
    size: int
    data: bytes


@dataclass(frozen=True, slots=True)
class EmailRecord:
    """One e-mail read from a ``.eml`` file or an ``.mbox`` mailbox; ``date`` is aware or None."""

    sender: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    date: datetime | None
    subject: str
    body: str
    attachments: tuple[EmailAttachment, ...] = field(default_factory=tuple)
