"""The whole import: upload, preview with suggested matches, confirm, records; and re-imports."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import pytest
from django.core.files.base import ContentFile

from safecomms.audit.models import AuditEntry
from safecomms.communications.models import (
    Attachment,
    Communication,
    Direction,
    Flag,
    FlagCode,
    Kind,
    Platform,
    RecordStatus,
    Source,
)
from safecomms.imports import services
from safecomms.imports.models import ChatImport, DeletionTask, ImportStatus
from tests.imports.conftest import CHAT, PNG, stored_files, whatsapp_zip

pytestmark = pytest.mark.django_db


def upload(
    world: dict[str, Any], data: bytes, name: str = "chat.zip", **options: Any
) -> ChatImport:
    return services.chat_import_upload(
        actor=world["worker"],
        child=world["child"],
        upload=ContentFile(data, name=name),
        original_name=name,
        **options,
    )


def confirm(world: dict[str, Any], chat_import: ChatImport, **mapping: str) -> ChatImport:
    return services.chat_import_confirm(
        actor=world["worker"], chat_import=chat_import, mapping=mapping or None
    )


def test_upload_suggests_who_each_sender_is_and_counts_what_screening_found(
    case_world: dict[str, Any], media: Any
) -> None:
    chat_import = upload(case_world, whatsapp_zip(), account_identifier="07700 900999")
    assert chat_import.status == ImportStatus.PREVIEWED
    assert chat_import.format == "whatsapp"
    assert chat_import.account_identifier == "+447700900999"
    suggestions = {s["label"]: (s["suggested"], s["count"]) for s in chat_import.senders}
    mother = case_world["mother"].pk
    assert suggestions == {
        "Jordan Ellis": ("worker", 2),
        "Kai": ("child", 3),
        "Dee": (f"person:{mother}", 1),
    }
    reasons = {s["label"]: s["reason"] for s in chat_import.senders}
    assert "first name" in reasons["Kai"] and "name matches Dawn Walker" in reasons["Dee"]
    assert chat_import.message_count == 6  # the system notice is not a message
    assert chat_import.attachment_count == 1
    assert chat_import.finding_count >= 1  # the child's name in the worker's first message
    # The number the worker used is not approved for them: every message will be flagged.
    assert chat_import.unapproved_count == 6
    # Staged under an opaque name, nothing recorded yet.
    assert chat_import.file.name.startswith("imports/staging/")
    assert "chat" not in chat_import.file.name
    assert Communication.objects.count() == 0
    assert AuditEntry.objects.filter(action="chat_import.uploaded").count() == 1


def test_confirm_records_every_message_with_attachments_flags_and_a_deletion_task(
    case_world: dict[str, Any], media: Any
) -> None:
    child, worker = case_world["child"], case_world["worker"]
    chat_import = upload(case_world, whatsapp_zip(), account_identifier="07700 900999")
    staged = media / chat_import.file.name
    assert staged.exists()
    result = confirm(case_world, chat_import)
    assert result.status == ImportStatus.IMPORTED
    assert (result.imported_count, result.duplicate_count) == (6, 0)
    records = list(Communication.objects.filter(child=child).order_by("occurred_at", "pk"))
    assert [r.source_sender for r in records] == [
        "Jordan Ellis",
        "Kai",
        "Kai",
        "Dee",
        "Kai",
        "Jordan Ellis",
    ]
    assert [r.direction for r in records] == [
        Direction.TO_FAMILY,
        Direction.FROM_FAMILY,
        Direction.FROM_FAMILY,
        Direction.FROM_FAMILY,
        Direction.FROM_FAMILY,
        Direction.TO_FAMILY,
    ]
    first = records[0]
    assert first.kind == Kind.INSTANT_MESSAGE and first.platform == Platform.WHATSAPP
    assert first.source == Source.WHATSAPP_EXPORT and first.status == RecordStatus.COMPLETED
    assert first.worker == worker and first.recorded_by == worker
    assert first.occurred_at == datetime(2024, 1, 12, 9, 5, tzinfo=UTC)  # GMT in January
    assert first.account_identifier == "+447700900999"
    assert first.content.startswith("Hi Kai")
    assert set(first.people.all()) == {case_world["mother"]} and first.includes_child
    # Two identical messages in the same minute both stay.
    assert [r.content for r in records[1:3]] == ["hi", "hi"]
    assert len({r.source_key for r in records}) == 6
    # Screening findings and unapproved-account flags, from the shared checks.
    assert first.findings.filter(category="person").exists()
    assert Flag.objects.filter(code=FlagCode.UNAPPROVED_ACCOUNT).count() == 6
    # The photo is stored under an opaque name with the type read from its content.
    attachment = Attachment.objects.get()
    assert attachment.communication == records[4]
    assert attachment.original_name == "IMG-20240112-WA0001.jpg"
    assert attachment.content_type == "image/png"  # named .jpg, but it is a PNG
    assert attachment.file.name == f"attachments/{child.pk}/{attachment.sha256}"
    assert attachment.file.read() == PNG
    # The staged upload is gone; only the attachment is kept.
    assert not staged.exists()
    assert stored_files(media) == [media / attachment.file.name]
    task = DeletionTask.objects.get()
    assert task.assignee == worker and task.child == child and task.is_open
    entry = AuditEntry.objects.get(action="chat_import.imported")
    assert entry.changes["imported_count"] == [0, 6]
    assert set(entry.content_hashes) == {"messages"}
    assert "Hi Kai" not in str(entry.changes)


def test_the_practitioner_can_change_who_a_sender_is(
    case_world: dict[str, Any], media: Any
) -> None:
    chat_import = upload(case_world, whatsapp_zip())
    confirm(case_world, chat_import, Dee="other")
    dee = Communication.objects.get(source_sender="Dee")
    assert dee.direction == Direction.FROM_FAMILY
    assert list(dee.people.all()) == []


def test_a_mapping_must_name_the_worker_and_real_people(
    case_world: dict[str, Any], media: Any
) -> None:
    chat_import = upload(case_world, whatsapp_zip())
    with pytest.raises(services.ValidationError, match="Choose which sender is Jordan Ellis"):
        confirm(case_world, chat_import, **{"Jordan Ellis": "other"})
    with pytest.raises(services.ValidationError, match="not a sender in this file"):
        confirm(case_world, chat_import, Nobody="worker")
    with pytest.raises(services.ValidationError, match="Choose who"):
        confirm(case_world, chat_import, Dee="person:999999")
    chat_import.refresh_from_db()
    assert chat_import.status == ImportStatus.PREVIEWED
    assert Communication.objects.count() == 0


def test_importing_the_same_export_twice_adds_nothing(
    case_world: dict[str, Any], media: Any
) -> None:
    confirm(case_world, upload(case_world, whatsapp_zip()))
    again = confirm(case_world, upload(case_world, whatsapp_zip()))
    assert again.status == ImportStatus.IMPORTED
    assert (again.imported_count, again.duplicate_count) == (0, 6)
    assert Communication.objects.count() == 6
    assert Attachment.objects.count() == 1
    # Nothing new was recorded, so there is nothing new to clear from the device.
    assert DeletionTask.objects.count() == 1


def test_a_later_overlapping_export_adds_only_the_new_messages(
    case_world: dict[str, Any], media: Any
) -> None:
    confirm(case_world, upload(case_world, CHAT.encode(), name="chat.txt"))
    later = (
        CHAT.split("\n", 3)[3]  # starts part-way through the first export
        + "13/01/2024, 10:00 - Kai: hi\n"
        + "13/01/2024, 10:01 - Jordan Ellis: Hello again\n"
    )
    result = confirm(case_world, upload(case_world, later.encode(), name="later.txt"))
    assert (result.imported_count, result.duplicate_count) == (2, 4)
    assert Communication.objects.count() == 8
    assert Communication.objects.filter(content="hi").count() == 3


def test_identical_messages_in_the_same_minute_stay_distinct_on_re_import(
    case_world: dict[str, Any], media: Any
) -> None:
    chat = (
        "01/02/2024, 10:00 - Jordan Ellis: ok\n"
        "01/02/2024, 10:00 - Jordan Ellis: ok\n"
        "01/02/2024, 10:00 - Jordan Ellis: ok\n"
    )
    confirm(case_world, upload(case_world, chat.encode(), name="a.txt"))
    assert Communication.objects.filter(content="ok").count() == 3
    # A later export with a fourth identical message adds exactly one.
    more = chat + "01/02/2024, 10:00 - Jordan Ellis: ok\n"
    result = confirm(case_world, upload(case_world, more.encode(), name="b.txt"))
    assert (result.imported_count, result.duplicate_count) == (1, 3)


def test_the_autumn_clock_change_is_handled(case_world: dict[str, Any], media: Any) -> None:
    # 27 October 2024: 01:00-02:00 happens twice in the UK.
    chat = (
        "27/10/2024, 01:30 - Jordan Ellis: ok\n"
        "27/10/2024, 01:45 - Kai: still up\n"
        "27/10/2024, 01:10 - Kai: clocks went back\n"
        "27/10/2024, 01:30 - Jordan Ellis: ok\n"
    )
    confirm(case_world, upload(case_world, chat.encode(), name="dst.txt"))
    times = [
        c.occurred_at.astimezone(UTC).strftime("%H:%M")
        for c in Communication.objects.order_by("occurred_at")
    ]
    assert times == ["00:30", "00:45", "01:10", "01:30"]
    assert Communication.objects.filter(content="ok").count() == 2


def test_a_failure_part_way_records_nothing_and_keeps_no_files(
    case_world: dict[str, Any], media: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat_import = upload(case_world, whatsapp_zip())
    calls = {"n": 0}
    real = services.communication_checks_apply

    def fail_on_the_fifth(**kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 5:
            raise RuntimeError("database went away")
        real(**kwargs)

    monkeypatch.setattr(services, "communication_checks_apply", fail_on_the_fifth)
    result = confirm(case_world, chat_import)
    assert result.status == ImportStatus.FAILED
    assert "Nothing was recorded" in result.error_message
    assert Communication.objects.count() == 0
    assert Attachment.objects.count() == 0
    assert DeletionTask.objects.count() == 0
    assert stored_files(media) == []
    assert AuditEntry.objects.filter(action="chat_import.failed").count() == 1
    assert not AuditEntry.objects.filter(action="chat_import.imported").exists()


def test_a_confirmed_import_cannot_be_confirmed_or_cancelled_again(
    case_world: dict[str, Any], media: Any
) -> None:
    chat_import = confirm(case_world, upload(case_world, whatsapp_zip()))
    with pytest.raises(services.ValidationError, match="cannot be confirmed: it is imported"):
        confirm(case_world, chat_import)
    with pytest.raises(services.ValidationError, match="cannot be cancelled"):
        services.chat_import_cancel(actor=case_world["worker"], chat_import=chat_import)


def test_cancelling_deletes_the_staged_file(case_world: dict[str, Any], media: Any) -> None:
    chat_import = upload(case_world, whatsapp_zip())
    services.chat_import_cancel(actor=case_world["worker"], chat_import=chat_import)
    chat_import.refresh_from_db()
    assert chat_import.status == ImportStatus.CANCELLED and not chat_import.file
    assert stored_files(media) == []
    assert AuditEntry.objects.filter(action="chat_import.cancelled").count() == 1


def test_stale_previews_are_cancelled(case_world: dict[str, Any], media: Any) -> None:
    chat_import = upload(case_world, whatsapp_zip())
    later = chat_import.created_at + services.STALE_AFTER + services.timedelta(minutes=1)
    assert services.stale_imports_cancel(now=later) == 1
    chat_import.refresh_from_db()
    assert chat_import.status == ImportStatus.CANCELLED
    assert stored_files(media) == []


def test_someone_without_access_to_the_case_cannot_import(
    case_world: dict[str, Any], media: Any
) -> None:
    with pytest.raises(services.ValidationError, match="cannot add records to this case"):
        services.chat_import_upload(
            actor=case_world["outsider"],
            child=case_world["child"],
            upload=io.BytesIO(CHAT.encode()),
            original_name="chat.txt",
        )
    assert ChatImport.objects.count() == 0
