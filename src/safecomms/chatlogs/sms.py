"""Read an "SMS Backup & Restore" XML file into :class:`SmsMessage` records.

The app writes character references that are not valid XML (emoji as two ``&#55357;&#56832;``
surrogate halves, ``&#0;``), so the text is repaired before parsing: surrogate pairs are joined
and invalid references replaced. A document type declaration is refused outright, so no entity
is ever expanded and nothing outside the file is fetched.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime

from safecomms.chatlogs.decoding import sniff_encoding
from safecomms.chatlogs.errors import ChatLogError
from safecomms.chatlogs.models import SmsAttachment, SmsDirection, SmsMessage

MAX_SMS_BACKUP_BYTES = 2 * 1024 * 1024 * 1024
_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_SURROGATE_PAIR = re.compile(
    r"&#(?:[xX]([dD][89abAB][0-9a-fA-F]{2})|(5[5-6][0-9]{3}));&#(?:[xX]([dD][c-fC-F][0-9a-fA-F]{2})|(5[6-7][0-9]{3}));"
)
_INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DECLARATIONS = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_SMS_DIRECTIONS: dict[str, SmsDirection] = {
    "1": "inbound",
    "2": "outbound",
    "3": "draft",
    "4": "outbox",
    "5": "failed",
    "6": "queued",
}
_MMS_DIRECTIONS: dict[str, SmsDirection] = {
    "1": "inbound",
    "2": "outbound",
    "3": "draft",
    "4": "outbox",
}
_UNKNOWN_CONTACT = {"", "(Unknown)", "null"}
_MMS_FROM = "137"


def _is_xml_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _join_pair(match: re.Match[str]) -> str:
    high = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    low = int(match.group(3), 16) if match.group(3) else int(match.group(4))
    if not (0xD800 <= high <= 0xDBFF and 0xDC00 <= low <= 0xDFFF):
        return "&#xFFFD;&#xFFFD;"
    return f"&#x{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):X};"


def _check_reference(match: re.Match[str]) -> str:
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    return match.group(0) if _is_xml_char(code) else "&#xFFFD;"


def repair_xml_text(text: str) -> str:
    """Make the app's XML well-formed: join surrogate references, replace invalid ones."""
    if _DECLARATIONS.search(text):
        raise ChatLogError(
            "the SMS backup contains a document type declaration, which is not allowed"
        )
    text = _SURROGATE_PAIR.sub(_join_pair, text)
    text = _REFERENCE.sub(_check_reference, text)
    return _INVALID_XML_CHARS.sub("\ufffd", text)


def _timestamp(element: ElementTree.Element) -> datetime:
    raw = element.get("date", "")
    try:
        milliseconds = int(raw)
        return datetime.fromtimestamp(milliseconds / 1000, tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise ChatLogError(f"an SMS backup entry has an unreadable date {raw!r}") from None


def _contact(element: ElementTree.Element) -> str | None:
    name = element.get("contact_name")
    return None if name is None or name.strip() in _UNKNOWN_CONTACT else name


def _sms(element: ElementTree.Element) -> SmsMessage:
    return SmsMessage(
        timestamp=_timestamp(element),
        address=element.get("address", ""),
        contact_name=_contact(element),
        direction=_SMS_DIRECTIONS.get(element.get("type", ""), "unknown"),
        text=element.get("body") or "",
    )


def _mms(element: ElementTree.Element) -> SmsMessage:
    texts: list[str] = []
    attachments: list[SmsAttachment] = []
    for part in element.iter("part"):
        content_type = part.get("ct", "application/octet-stream")
        if content_type == "application/smil":
            continue
        if content_type.startswith("text/plain") and part.get("data") is None:
            text = part.get("text")
            if text and text != "null":
                texts.append(text)
            continue
        try:
            data = base64.b64decode(part.get("data") or "", validate=False)
        except (binascii.Error, ValueError):
            raise ChatLogError("an MMS attachment in the SMS backup is not valid base64") from None
        name = part.get("cl") or part.get("name")
        attachments.append(
            SmsAttachment(
                name=None if name in (None, "null") else name, content_type=content_type, data=data
            )
        )
    address = element.get("address", "")
    direction = _MMS_DIRECTIONS.get(element.get("msg_box", ""), "unknown")
    senders = [
        addr.get("address", "") for addr in element.iter("addr") if addr.get("type") == _MMS_FROM
    ]
    if direction == "inbound" and senders:
        address = senders[0]
    return SmsMessage(
        timestamp=_timestamp(element),
        address=address,
        contact_name=_contact(element),
        direction=direction,
        text="\n".join(texts),
        attachments=tuple(attachments),
    )


def parse_sms_backup_text(text: str) -> list[SmsMessage]:
    """Parse the XML text of a backup into messages in file order."""
    repaired = repair_xml_text(text)
    try:
        # Safe: repair_xml_text refused any DTD, so no entity can be declared or expanded.
        root = ElementTree.fromstring(repaired)  # noqa: S314
    except ElementTree.ParseError as error:
        raise ChatLogError(f"the SMS backup is not readable XML ({error})") from None
    if root.tag not in ("smses", "allsms"):
        raise ChatLogError("this file is not an SMS Backup & Restore file (no <smses> element)")
    messages = []
    for element in root:
        if element.tag == "sms":
            messages.append(_sms(element))
        elif element.tag == "mms":
            messages.append(_mms(element))
    return messages


def parse_sms_backup(source: str | os.PathLike[str] | bytes) -> list[SmsMessage]:
    """Parse a backup from a path or bytes; every failure is a :class:`ChatLogError`."""
    if isinstance(source, bytes):
        data = source
    else:
        try:
            if os.path.getsize(source) > MAX_SMS_BACKUP_BYTES:
                raise ChatLogError("the SMS backup is larger than the allowed size")
            with open(source, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise ChatLogError(f"cannot read {os.fspath(source)!r}: {error.strerror}") from None
    try:
        text = data.decode(sniff_encoding(data[:4]))
    except UnicodeDecodeError:
        raise ChatLogError("the SMS backup is not UTF-8 or UTF-16 text") from None
    return parse_sms_backup_text(text)
