"""Chat logs in, typed messages out: WhatsApp exports, SMS backups and e-mail.

Pure Python with no web framework, so the same code serves the command line, the tests and the
Django import workflow. Every reader raises only :class:`ChatLogError` for bad input.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from safecomms.chatlogs.archive import (
        ArchiveLimits,
        AttachmentMember,
        WhatsAppArchive,
        detect_content_type,
        open_whatsapp_archive,
    )
    from safecomms.chatlogs.errors import ChatLogError
    from safecomms.chatlogs.mail import iter_mbox, parse_eml
    from safecomms.chatlogs.models import (
        ChatMessage,
        EmailAttachment,
        EmailRecord,
        SmsAttachment,
        SmsMessage,
    )
    from safecomms.chatlogs.sms import parse_sms_backup
    from safecomms.chatlogs.timezones import localise, localise_messages, localise_sequence
    from safecomms.chatlogs.whatsapp.files import (
        iter_whatsapp_file,
        parse_whatsapp_file,
        read_export_text,
    )
    from safecomms.chatlogs.whatsapp.parser import WhatsAppExport, parse_whatsapp_text

# Loaded on first use, so `safecomms chat parse` on a .txt never imports zipfile or e-mail code.
_LOCATIONS = {
    "ArchiveLimits": "safecomms.chatlogs.archive",
    "AttachmentMember": "safecomms.chatlogs.archive",
    "ChatLogError": "safecomms.chatlogs.errors",
    "ChatMessage": "safecomms.chatlogs.models",
    "EmailAttachment": "safecomms.chatlogs.models",
    "EmailRecord": "safecomms.chatlogs.models",
    "SmsAttachment": "safecomms.chatlogs.models",
    "SmsMessage": "safecomms.chatlogs.models",
    "WhatsAppArchive": "safecomms.chatlogs.archive",
    "WhatsAppExport": "safecomms.chatlogs.whatsapp.parser",
    "detect_content_type": "safecomms.chatlogs.archive",
    "iter_mbox": "safecomms.chatlogs.mail",
    "iter_whatsapp_file": "safecomms.chatlogs.whatsapp.files",
    "localise": "safecomms.chatlogs.timezones",
    "localise_messages": "safecomms.chatlogs.timezones",
    "localise_sequence": "safecomms.chatlogs.timezones",
    "open_whatsapp_archive": "safecomms.chatlogs.archive",
    "parse_eml": "safecomms.chatlogs.mail",
    "parse_sms_backup": "safecomms.chatlogs.sms",
    "parse_whatsapp_file": "safecomms.chatlogs.whatsapp.files",
    "parse_whatsapp_text": "safecomms.chatlogs.whatsapp.parser",
    "read_export_text": "safecomms.chatlogs.whatsapp.files",
}

__all__ = [
    "ArchiveLimits",
    "AttachmentMember",
    "ChatLogError",
    "ChatMessage",
    "EmailAttachment",
    "EmailRecord",
    "SmsAttachment",
    "SmsMessage",
    "WhatsAppArchive",
    "WhatsAppExport",
    "detect_content_type",
    "iter_mbox",
    "iter_whatsapp_file",
    "localise",
    "localise_messages",
    "localise_sequence",
    "open_whatsapp_archive",
    "parse_eml",
    "parse_sms_backup",
    "parse_whatsapp_file",
    "parse_whatsapp_text",
    "read_export_text",
]


def __getattr__(name: str) -> Any:
    module = _LOCATIONS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
