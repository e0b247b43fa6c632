"""Read a staged upload into the messages an import records, whatever the format.

The kind of file is told from its content, never its name. Every failure is a `ChatLogError`
with a message for the person who uploaded it. Attachments are read lazily through the checked
archive (`WhatsAppArchive.attachments`), so their size and nesting limits hold here too.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import getaddresses, parseaddr
from pathlib import Path, PurePosixPath
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers

from safecomms.chatlogs import (
    ArchiveLimits,
    ChatLogError,
    EmailRecord,
    detect_content_type,
    iter_mbox,
    localise_messages,
    open_whatsapp_archive,
    parse_eml,
    parse_sms_backup,
    parse_whatsapp_text,
)
from safecomms.chatlogs.decoding import decode_export

logger = logging.getLogger(__name__)
Format = Literal["whatsapp", "sms_backup", "email", "mbox"]
DateOrderName = Literal["auto", "dmy", "mdy"]

SUPPORTED = (
    "Upload a WhatsApp export (.txt, or the .zip with media), an SMS Backup & Restore file (.xml) "
    "or e-mail (.eml or .mbox)."
)
THIS_PHONE = "This phone (messages sent from it)"
# A message dated further ahead than this is a sign the wrong date order or file was used.
FUTURE_LIMIT = timedelta(days=1)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")
_MAIL_HEADERS = (
    b"from:",
    b"to:",
    b"subject:",
    b"date:",
    b"received:",
    b"message-id:",
    b"mime-version:",
    b"return-path:",
    b"delivered-to:",
)
_BINARY_NAMES = {
    "application/pdf": "a PDF document",
    "image/jpeg": "a JPEG picture",
    "image/png": "a PNG picture",
    "image/gif": "a GIF picture",
    "image/heic": "a HEIC picture",
    "image/webp": "a WebP picture",
    "video/mp4": "a video",
    "audio/mpeg": "an audio file",
    "application/x-rar-compressed": "a RAR archive",
    "application/x-7z-compressed": "a 7-Zip archive",
    "application/gzip": "a gzip archive",
    "application/x-tar": "a tar archive",
    "application/x-bzip2": "a bzip2 archive",
    "application/x-xz": "an xz archive",
    "application/msword": "a Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "a Word document",
    "application/x-msdownload": "a Windows program",
    "application/x-executable": "a program",
}


@dataclass(frozen=True, slots=True)
class SourceAttachment:
    """A file that came with a message, read only when it is stored."""

    name: str
    size: int
    load: Callable[[], bytes]


@dataclass(frozen=True, slots=True)
class SourceMessage:
    """One message of the file, ready to be shown in the preview or recorded on the case."""

    index: int
    line: int
    occurred_at: datetime
    sender: str
    sender_key: str
    address: str
    key_time: str
    text: str
    summary: str
    kind: str
    key_text: str
    attachments: tuple[SourceAttachment, ...] = ()
    # The worker's own address where the file shows it (an e-mail's From or To).
    own_addresses: tuple[str, ...] = ()
    outbound_hint: bool = False
    source_key: str = ""


@dataclass
class ReadExport:
    format: Format
    messages: list[SourceMessage]
    warnings: list[str] = field(default_factory=list)
    unreferenced_files: int = 0


def sentence(message: str) -> str:
    """A reader's message as a sentence: capital first letter, full stop at the end."""
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "?", "!")) else message + "."


def archive_limits(max_upload_bytes: int) -> ArchiveLimits:
    """Limits for an uploaded archive: at most the upload limit, expanding to at most twice that."""
    defaults = ArchiveLimits()
    return ArchiveLimits(
        max_archive_bytes=max_upload_bytes,
        max_total_bytes=min(defaults.max_total_bytes, 2 * max_upload_bytes),
        max_member_bytes=min(defaults.max_member_bytes, max_upload_bytes),
        max_chat_bytes=min(defaults.max_chat_bytes, max_upload_bytes),
        max_ratio=defaults.max_ratio,
        ratio_floor_bytes=defaults.ratio_floor_bytes,
        max_entries=defaults.max_entries,
    )


def check_time_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ChatLogError(f"“{name}” is not a time zone; use a name like Europe/London") from None
    return name


def _text_head(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="ignore")
    return head.decode("utf-8", errors="ignore")


def detect_format(head: bytes) -> Format:
    """Which reader a file needs, from its first bytes; anything else is refused by name."""
    if not head.strip():
        raise ChatLogError(f"The file is empty. {SUPPORTED}")
    if head.startswith(_ZIP_MAGIC):
        return "whatsapp"
    text = _text_head(head).lstrip()
    if text.startswith(("<?xml", "<smses", "<allsms")):
        return "sms_backup"
    if text.startswith("From ") and b"\n" in head:
        second = head.split(b"\n", 1)[1]
        if _HEADER_LINE.match(second):
            return "mbox"
    first_lines = head.lower().split(b"\n", 30)[:30]
    if _HEADER_LINE.match(head) and any(line.startswith(_MAIL_HEADERS) for line in first_lines):
        return "email"
    kind = detect_content_type(head)
    if kind not in ("text/plain", "application/octet-stream") or "\x00" in text[:4096]:
        what = _BINARY_NAMES.get(kind, f"a file of type {kind}")
        if kind == "application/octet-stream":
            what = "binary data"
        raise ChatLogError(f"This file is {what}, not a chat export. {SUPPORTED}")
    return "whatsapp"


def normalise_phone(value: str) -> str | None:
    """A phone number in E.164, or None if the text is not one."""
    stripped = value.strip()
    if not stripped or sum(character.isdigit() for character in stripped) < 7:
        return None
    if any(character.isalpha() for character in stripped):
        return None
    try:
        number = phonenumbers.parse(stripped, "GB")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_address(value: str) -> str:
    """E.164 for a phone number, lower case for an e-mail address, trimmed otherwise."""
    phone = normalise_phone(value)
    if phone:
        return phone
    stripped = value.strip()
    return stripped.lower() if "@" in stripped else stripped


def _loader(data: bytes) -> Callable[[], bytes]:
    def load() -> bytes:
        return data

    return load


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def with_source_keys(messages: list[SourceMessage], platform: str) -> list[SourceMessage]:
    """Give each message the key that makes importing it again add nothing.

    The key is a hash of the platform, sender, time and text, plus how many identical messages
    (same sender, time and text) came before it in the file, so two identical messages sent in
    the same minute both stay, and an overlapping later export matches the earlier one.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    keyed = []
    for message in messages:
        identity = (message.sender_key, message.key_time, message.key_text)
        occurrence = seen[identity]
        seen[identity] += 1
        key = _digest(platform, *identity, str(occurrence))
        keyed.append(replace(message, source_key=key))
    return keyed


def _check_future(messages: list[SourceMessage]) -> None:
    limit = datetime.now(UTC) + FUTURE_LIMIT
    for message in messages:
        if message.occurred_at > limit:
            where = f"line {message.line}" if message.line else f"message {message.index + 1}"
            raise ChatLogError(
                f"The message on {where} is dated {message.occurred_at:%d %B %Y}, in the future. "
                "Check the date order (day first or month first) and upload the file again"
            )


# WhatsApp ---------------------------------------------------------------------------------------


def _whatsapp_summary(kind: str, attachment: str | None, attached: bool) -> str:
    if kind == "deleted":
        return "This message was deleted by its sender"
    if kind == "media":
        if attachment and attached:
            return f"Attachment: {attachment}"
        if attachment:
            return f"Attachment not included in the export: {attachment}"
        return "Media not included in the export"
    return ""


def _read_whatsapp(
    path: Path,
    *,
    original_name: str,
    time_zone: str,
    date_order: DateOrderName,
    limits: ArchiveLimits,
    stack: ExitStack,
) -> ReadExport:
    with open(path, "rb") as handle:
        is_zip = handle.read(4).startswith(_ZIP_MAGIC)
    members: dict[str, SourceAttachment] = {}
    if is_zip:
        archive = open_whatsapp_archive(path, limits)
        stack.callback(archive.close)
        text, warnings = decode_export(archive.chat_bytes(), PurePosixPath(archive.chat_name).name)
        for member in archive.attachments():
            members[PurePosixPath(member.name).name] = SourceAttachment(
                name=PurePosixPath(member.name).name, size=member.size, load=member.read
            )
    else:
        if path.stat().st_size > limits.max_chat_bytes:
            raise ChatLogError("The chat file is larger than the allowed upload size")
        text, warnings = decode_export(path.read_bytes(), original_name)
    export = parse_whatsapp_text(text, date_order)
    warnings = [*warnings, *export.warnings]
    times = localise_messages(export.messages, time_zone)
    messages: list[SourceMessage] = []
    referenced: set[str] = set()
    for parsed, occurred_at in zip(export.messages, times, strict=True):
        if parsed.kind == "system" or parsed.sender is None:
            continue
        attachment = members.get(parsed.attachment or "") if parsed.attachment else None
        if attachment is not None:
            referenced.add(attachment.name)
        address = normalise_phone(parsed.sender) or ""
        messages.append(
            SourceMessage(
                index=len(messages),
                line=parsed.line,
                occurred_at=occurred_at,
                sender=parsed.sender,
                sender_key=(address or parsed.sender).casefold(),
                address=address,
                key_time=parsed.timestamp.isoformat(),
                text=parsed.text,
                key_text=f"{parsed.kind}\n{parsed.attachment or ''}\n{parsed.text}",
                summary=_whatsapp_summary(parsed.kind, parsed.attachment, attachment is not None),
                kind=parsed.kind,
                attachments=(attachment,) if attachment is not None else (),
            )
        )
    if not messages:
        raise ChatLogError(
            "The export has no messages from anyone, only notices from WhatsApp. Nothing to import"
        )
    unreferenced = len(set(members) - referenced)
    if unreferenced:
        warnings.append(
            f"{unreferenced} file{'s' if unreferenced != 1 else ''} in the archive "
            f"{'are' if unreferenced != 1 else 'is'} not attached to any message and will not be "
            "imported."
        )
    return ReadExport("whatsapp", messages, warnings, unreferenced)


# SMS Backup & Restore ------------------------------------------------------------------------


def _read_sms(path: Path, *, max_bytes: int) -> ReadExport:
    if path.stat().st_size > max_bytes:
        raise ChatLogError("The SMS backup is larger than the allowed upload size")
    parsed = parse_sms_backup(path)
    messages: list[SourceMessage] = []
    left_out = 0
    for sms in parsed:
        if sms.direction not in ("inbound", "outbound"):
            left_out += 1
            continue
        address = normalise_address(sms.address)
        attachments = tuple(
            SourceAttachment(
                name=part.name or f"attachment-{number}",
                size=len(part.data),
                load=_loader(part.data),
            )
            for number, part in enumerate(sms.attachments, start=1)
        )
        if sms.direction == "outbound":
            sender, sender_key = THIS_PHONE, f"out:{address}"
        else:
            shown = sms.address.strip() or "Unknown number"
            sender = f"{sms.contact_name} ({shown})" if sms.contact_name else shown
            sender_key = f"in:{address}"
        summary = ""
        if attachments and not sms.text:
            summary = (
                "Picture message"
                if any(
                    a.name.lower().endswith((".jpg", ".jpeg", ".png", ".gif")) for a in attachments
                )
                else "Multimedia message"
            )
        messages.append(
            SourceMessage(
                index=len(messages),
                line=0,
                occurred_at=sms.timestamp,
                sender=sender,
                sender_key=sender_key,
                address="" if sms.direction == "outbound" else address,
                key_time=sms.timestamp.astimezone(UTC).isoformat(),
                text=sms.text,
                key_text="\n".join([sms.text, *(a.name for a in attachments)]),
                summary=summary,
                kind="media" if attachments else "message",
                attachments=attachments,
                outbound_hint=sms.direction == "outbound",
            )
        )
    if not messages:
        raise ChatLogError("The SMS backup has no sent or received messages. Nothing to import")
    warnings = []
    if left_out:
        warnings.append(
            f"{left_out} draft, unsent or failed message{'s were' if left_out != 1 else ' was'} "
            "left out: they were never sent."
        )
    return ReadExport("sms_backup", messages, warnings)


# E-mail --------------------------------------------------------------------------------------


def _email_message(record: EmailRecord, index: int, position: str) -> SourceMessage:
    if record.date is None:
        raise ChatLogError(
            f"{position} has no date, so it cannot be placed on the case record. "
            "Save it again from the mail program and upload it"
        )
    _name, address = parseaddr(record.sender)
    address = address.strip().lower()
    sender = record.sender.strip() or "Unknown sender"
    recipients = tuple(
        addr.strip().lower() for _, addr in getaddresses([*record.to, *record.cc]) if addr
    )
    attachments = tuple(
        SourceAttachment(
            name=part.name or f"attachment-{number}",
            size=part.size,
            load=_loader(part.data),
        )
        for number, part in enumerate(record.attachments, start=1)
    )
    occurred_at = record.date.astimezone(UTC)
    return SourceMessage(
        index=index,
        line=0,
        occurred_at=record.date,
        sender=sender,
        sender_key=address or sender.casefold(),
        address=address,
        key_time=occurred_at.isoformat(),
        text=record.body,
        key_text=f"{record.subject}\n{record.body}",
        summary=(record.subject.strip() or "(no subject)")[:200],
        kind="media" if attachments else "message",
        attachments=attachments,
        own_addresses=recipients,
    )


def _read_email(path: Path, *, mbox: bool, max_bytes: int) -> ReadExport:
    if path.stat().st_size > max_bytes:
        raise ChatLogError("The e-mail file is larger than the allowed upload size")
    messages: list[SourceMessage] = []
    if mbox:
        for number, record in enumerate(iter_mbox(path), start=1):
            messages.append(
                _email_message(record, len(messages), f"E-mail {number} in the mailbox")
            )
        if not messages:
            raise ChatLogError("The mailbox has no e-mails in it. Nothing to import")
        return ReadExport("mbox", messages)
    record = parse_eml(path)
    return ReadExport("email", [_email_message(record, 0, "The e-mail")])


# One entry point -----------------------------------------------------------------------------

PLATFORM_OF: dict[str, str] = {
    "whatsapp": "whatsapp",
    "sms_backup": "sms",
    "email": "email",
    "mbox": "email",
}


@contextmanager
def read_export(
    path: Path,
    *,
    original_name: str,
    time_zone: str,
    date_order: DateOrderName,
    max_upload_bytes: int,
) -> Iterator[ReadExport]:
    """Read a staged file; archives stay open (for attachments) until the block ends."""
    check_time_zone(time_zone)
    with open(path, "rb") as handle:
        head = handle.read(8192)
    kind = detect_format(head)
    with ExitStack() as stack:
        try:
            if kind == "whatsapp":
                result = _read_whatsapp(
                    path,
                    original_name=original_name,
                    time_zone=time_zone,
                    date_order=date_order,
                    limits=archive_limits(max_upload_bytes),
                    stack=stack,
                )
            elif kind == "sms_backup":
                result = _read_sms(path, max_bytes=max_upload_bytes)
            else:
                result = _read_email(path, mbox=kind == "mbox", max_bytes=max_upload_bytes)
        except ChatLogError:
            raise
        except (LookupError, ValueError, OverflowError, StopIteration, RuntimeError) as error:
            # A reader should only raise ChatLogError; anything else still gets a clear refusal.
            logger.warning("chat export reader failed: %r", error)
            raise ChatLogError(
                "The file could not be read: a line in it has a date or time that is not real "
                "or a layout SafeComms does not understand"
            ) from None
        _check_future(result.messages)
        result.messages = with_source_keys(result.messages, PLATFORM_OF[result.format])
        yield result
