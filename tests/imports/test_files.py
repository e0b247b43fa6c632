"""What is uploaded is untrusted: each hostile or unreadable file is refused with a message that
says what is wrong, and nothing is kept. SMS backups and e-mail import too."""

from __future__ import annotations

import base64
import io
import stat
import zipfile
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from safecomms.audit.models import AuditEntry
from safecomms.communications.models import Attachment, Communication, Direction, Kind, Source
from safecomms.imports import services
from safecomms.imports.models import ChatImport
from tests.imports.conftest import CHAT, PDF, PNG, make_zip, stored_files, whatsapp_zip

pytestmark = pytest.mark.django_db


def upload(world: dict[str, Any], data: bytes, name: str, **options: Any) -> ChatImport:
    return services.chat_import_upload(
        actor=world["worker"],
        child=world["child"],
        upload=ContentFile(data, name=name),
        original_name=name,
        **options,
    )


def symlink_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("_chat.txt", CHAT)
        link = zipfile.ZipInfo("IMG-20240112-WA0001.jpg")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    return buffer.getvalue()


HOSTILE = {
    "zip bomb": (
        whatsapp_zip(media={"IMG-20240112-WA0001.jpg": b"\x00" * 5_000_000}),
        "looks like a zip bomb",
    ),
    "path leaving its folder": (
        whatsapp_zip(media={"../../etc/cron.d/evil.jpg": PNG}),
        "leaves its folder",
    ),
    "absolute path": (whatsapp_zip(media={"/etc/evil.jpg": PNG}), "is an absolute path"),
    "nested archive": (
        whatsapp_zip(media={"more.zip": make_zip({"a.txt": b"a"})}),
        "contains another archive",
    ),
    "archive disguised as a photo": (
        whatsapp_zip(media={"IMG-20240112-WA0001.jpg": make_zip({"a.txt": b"a"})}),
        "another archive",
    ),
    "symbolic link": (symlink_zip(), "is a symbolic link"),
    "not an export": (b"Dear diary,\nToday nothing happened.\n", "not a WhatsApp chat export"),
    "archive without a chat": (
        make_zip({"notes.doc": b"x", "b.doc": b"y"}),
        "not a WhatsApp export",
    ),
    "a PDF": (PDF, "This file is a PDF document, not a chat export"),
    "wrong encoding": (
        "12/01/2024, 09:05 - Jordan Ellis: Caf\u00e9 at 4?\n".encode("cp1252"),
        "is not UTF-8 or UTF-16 text",
    ),
    "empty": (b"", "The file is empty"),
    "SMS backup with a DTD": (
        b'<?xml version="1.0"?><!DOCTYPE smses [<!ENTITY x "y">]><smses count="0"></smses>',
        "document type declaration",
    ),
    "XML that is not an SMS backup": (b"<?xml version='1.0'?><notes/>", "not an SMS Backup"),
    "a time that is not real": (
        b"12/01/2024, 09:05 - Jordan Ellis: hello\n12/01/2024, 29:00 - Kai: hi\n",
        "Line 2: the time '29:00' cannot be read",
    ),
    "dates in the future": (
        b"12/01/2099, 09:05 - Jordan Ellis: hello\n",
        "in the future",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_and_unreadable_files_are_refused_and_nothing_is_kept(
    case: str, case_world: dict[str, Any], media: Any
) -> None:
    data, message = HOSTILE[case]
    with pytest.raises(ValidationError) as refused:
        upload(case_world, data, "upload.zip")
    assert message in " ".join(refused.value.messages)
    assert refused.value.messages[0][0].isupper()
    assert ChatImport.objects.count() == 0
    assert Communication.objects.count() == 0
    assert not AuditEntry.objects.filter(action__startswith="chat_import.").exists()
    assert stored_files(media) == []


def test_an_oversize_upload_is_refused_and_nothing_is_kept(
    case_world: dict[str, Any], media: Any, settings: Any
) -> None:
    settings.SAFECOMMS_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ValidationError, match="The selected file must be smaller than 1000 bytes"):
        upload(case_world, CHAT.encode() * 10, "chat.txt")
    # Sizes can lie: a stream without a size is counted as it is copied.
    with pytest.raises(ValidationError, match="must be smaller than"):
        services.chat_import_upload(
            actor=case_world["worker"],
            child=case_world["child"],
            upload=io.BytesIO(CHAT.encode() * 10),
            original_name="chat.txt",
        )
    assert ChatImport.objects.count() == 0
    assert stored_files(media) == []


def test_an_unknown_time_zone_is_refused(case_world: dict[str, Any], media: Any) -> None:
    with pytest.raises(ValidationError, match="is not a time zone"):
        upload(case_world, CHAT.encode(), "chat.txt", time_zone="Mars/Olympus")
    assert ChatImport.objects.count() == 0


def test_month_first_dates_when_asked(case_world: dict[str, Any], media: Any) -> None:
    chat = "01/02/2024, 10:00 - Jordan Ellis: hello\n"
    services.chat_import_confirm(
        actor=case_world["worker"],
        chat_import=upload(case_world, chat.encode(), "chat.txt", date_order="mdy"),
    )
    assert Communication.objects.get().occurred_at.date().isoformat() == "2024-01-02"


SMS_BACKUP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>\n'
    '<smses count="4">\n'
    '  <sms protocol="0" address="07700 900123" date="1705050000000" type="1" '
    'body="Is Kai ok?" contact_name="Dawn" />\n'
    '  <sms protocol="0" address="07700 900123" date="1705050060000" type="2" '
    'body="Yes, see you at 4" contact_name="Dawn" />\n'
    '  <sms protocol="0" address="07700 900123" date="1705050070000" type="3" '
    'body="draft never sent" contact_name="Dawn" />\n'
    '  <mms date="1705050120000" msg_box="1" address="07700 900123" contact_name="Dawn">\n'
    "    <parts>\n"
    f'      <part ct="image/jpeg" cl="photo.jpg" data="{base64.b64encode(PNG).decode()}" />\n'
    "    </parts>\n"
    '    <addrs><addr address="07700 900123" type="137" /></addrs>\n'
    "  </mms>\n"
    "</smses>\n"
)


def test_an_sms_backup_imports_as_text_messages(case_world: dict[str, Any], media: Any) -> None:
    chat_import = upload(case_world, SMS_BACKUP.encode(), "sms-20240112.xml")
    assert chat_import.format == "sms_backup"
    suggested = {s["label"]: s["suggested"] for s in chat_import.senders}
    assert suggested == {
        "Dawn (07700 900123)": f"person:{case_world['mother'].pk}",
        "This phone (messages sent from it)": "worker",
    }
    assert any("draft" in warning for warning in chat_import.warnings)
    services.chat_import_confirm(actor=case_world["worker"], chat_import=chat_import)
    records = list(Communication.objects.order_by("occurred_at"))
    assert [r.kind for r in records] == [Kind.TEXT] * 3
    assert [r.direction for r in records] == [
        Direction.FROM_FAMILY,
        Direction.TO_FAMILY,
        Direction.FROM_FAMILY,
    ]
    assert records[0].source == Source.SMS_BACKUP and records[0].platform == "sms"
    picture = Attachment.objects.get()
    assert picture.communication == records[2]
    assert picture.content_type == "image/png"  # the backup said image/jpeg


EML = (
    "From: Dawn Walker <Dawn.Walker@example.com>\r\n"
    "To: Jordan Ellis <jordan.ellis@council.example>\r\n"
    "Subject: Thursday\r\n"
    "Date: Fri, 12 Jan 2024 09:30:00 +0000\r\n"
    "Message-ID: <1@example.com>\r\n"
    "MIME-Version: 1.0\r\n"
    'Content-Type: multipart/mixed; boundary="b"\r\n'
    "\r\n"
    "--b\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    "Can we do Thursday instead?\r\n"
    "--b\r\n"
    'Content-Type: application/octet-stream; name="letter.pdf"\r\n'
    'Content-Disposition: attachment; filename="letter.pdf"\r\n'
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    f"{base64.b64encode(PDF).decode()}\r\n"
    "--b--\r\n"
)


def test_an_email_file_imports_as_an_email_with_its_attachment(
    case_world: dict[str, Any], media: Any
) -> None:
    chat_import = upload(case_world, EML.encode(), "message.eml")
    assert chat_import.format == "email"
    (sender,) = chat_import.senders
    assert sender["suggested"] == f"person:{case_world['mother'].pk}"
    assert "e-mail address" in sender["reason"]
    # A conversation recorded on the case must include the worker; one e-mail from the family
    # alone is refused until the practitioner says which sender they are.
    with pytest.raises(ValidationError, match="Choose which sender is Jordan Ellis"):
        services.chat_import_confirm(actor=case_world["worker"], chat_import=chat_import)


def test_a_mailbox_imports_every_email(case_world: dict[str, Any], media: Any) -> None:
    reply = (
        "From: Jordan Ellis <jordan.ellis@council.example>\n"
        "To: dawn.walker@example.com\n"
        "Subject: Re: Thursday\n"
        "Date: Fri, 12 Jan 2024 10:00:00 +0000\n"
        "\n"
        "Thursday is fine.\n"
    )
    mbox = (
        "From dawn@example.com Fri Jan 12 09:30:00 2024\n"
        + EML.replace("\r\n", "\n")
        + "\nFrom jordan@example.com Fri Jan 12 10:00:00 2024\n"
        + reply
    )
    chat_import = upload(case_world, mbox.encode(), "Inbox.mbox")
    assert chat_import.format == "mbox"
    assert {s["suggested"] for s in chat_import.senders} == {
        "worker",
        f"person:{case_world['mother'].pk}",
    }
    services.chat_import_confirm(actor=case_world["worker"], chat_import=chat_import)
    records = list(Communication.objects.order_by("occurred_at"))
    assert [r.kind for r in records] == [Kind.EMAIL, Kind.EMAIL]
    assert [r.direction for r in records] == [Direction.FROM_FAMILY, Direction.TO_FAMILY]
    assert records[0].summary == "Thursday" and records[0].source == Source.EMAIL_FILE
    assert records[0].account_identifier == "jordan.ellis@council.example"
    assert records[1].account_identifier == "jordan.ellis@council.example"
    assert Attachment.objects.get().content_type == "application/pdf"
