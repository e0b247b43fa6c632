"""Writes for chat imports: stage an upload, confirm it, record it, and the deletion task after.

Upload reads and checks the whole file before anything is kept: a hostile or unreadable file is
refused with a message and leaves nothing behind. Confirming records every new message on the
child's case in one transaction (all or nothing), on the task queue for long files. Each step is
audited; the messages' text goes to the audit trail only as a keyed hash.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from safecomms.audit.services import audit_event
from safecomms.cases.access import CaseAccess, case_access
from safecomms.cases.models import Child
from safecomms.cases.selectors import screening_people
from safecomms.chatlogs import ChatLogError, detect_content_type
from safecomms.communications.models import (
    Attachment,
    Communication,
    Direction,
    Kind,
    Platform,
    RecordStatus,
    Source,
)
from safecomms.communications.services import communication_checks_apply
from safecomms.devices.identifiers import identifier_forms
from safecomms.devices.models import ApprovedAccount, ContactException, ExceptionStatus
from safecomms.imports.matching import (
    CHILD,
    OTHER,
    PERSON_PREFIX,
    WORKER,
    CaseRegister,
    sender_summaries,
)
from safecomms.imports.models import (
    ChatImport,
    DateOrder,
    DeletionTask,
    ImportFormat,
    ImportStatus,
)
from safecomms.imports.progress import progress_clear, progress_report
from safecomms.imports.reading import (
    PLATFORM_OF,
    ReadExport,
    SourceMessage,
    check_time_zone,
    normalise_address,
    read_export,
    sentence,
)
from safecomms.notifications.services import notify
from safecomms.screening import CONDUCT, Finding, Gazetteer, screen
from safecomms.staff.models import User

logger = logging.getLogger(__name__)

RULE_UPLOAD = "5.1-upload-chat-logs"
RULE_NOT_THE_RECORD = "6.2-messages-are-not-the-record"
RULE_CLEAR = "8.3-clear-redundant-conversations"
STAGING_FOLDER = "imports/staging"
# Previews not confirmed within this many days are cancelled and their staged files removed.
STALE_AFTER = timedelta(days=7)
_COPY_BLOCK = 1024 * 1024
_BATCH = 500
_PROGRESS_EVERY = 50

KIND_OF = {
    ImportFormat.WHATSAPP: Kind.INSTANT_MESSAGE,
    ImportFormat.SMS_BACKUP: Kind.TEXT,
    ImportFormat.EMAIL: Kind.EMAIL,
    ImportFormat.MBOX: Kind.EMAIL,
}
SOURCE_OF = {
    ImportFormat.WHATSAPP: Source.WHATSAPP_EXPORT,
    ImportFormat.SMS_BACKUP: Source.SMS_BACKUP,
    ImportFormat.EMAIL: Source.EMAIL_FILE,
    ImportFormat.MBOX: Source.EMAIL_FILE,
}


def max_upload_bytes() -> int:
    return int(settings.SAFECOMMS_MAX_UPLOAD_BYTES)


def size_text(size: int) -> str:
    """A size as people say it: 200 MB, 1.5 GB, 12 KB."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            value = size / scale
            return (
                f"{value:.0f} {unit}"
                if value >= 10 or value.is_integer()
                else f"{value:.1f} {unit}"
            )
    return f"{size} bytes"


def too_large_message() -> str:
    return f"The selected file must be smaller than {size_text(max_upload_bytes())}"


# Files ---------------------------------------------------------------------------------------


def _copy_to_temp(source: IO[bytes] | File[Any], limit: int) -> tuple[Path, str, int]:
    """Copy an upload to a private temporary file, checking its size as it goes."""
    digest = hashlib.sha256()
    size = 0
    handle, name = tempfile.mkstemp(prefix="safecomms-import-")
    path = Path(name)
    try:
        with os.fdopen(handle, "wb") as target:
            chunks: Iterator[bytes]
            if isinstance(source, File):
                source.seek(0)
                chunks = source.chunks(_COPY_BLOCK)
            else:
                chunks = iter(lambda: source.read(_COPY_BLOCK), b"")
            for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise ValidationError(too_large_message(), code="too_large")
                digest.update(chunk)
                target.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path, digest.hexdigest(), size


MISSING_FILE = "The uploaded file is no longer available. Cancel this import and upload it again"


@contextmanager
def staged_file(chat_import: ChatImport) -> Iterator[Path]:
    """A local path to the staged upload, copied out of storage if it is not on local disc."""
    if not chat_import.file:
        raise ChatLogError(MISSING_FILE)
    name = chat_import.file.name
    local: Path | None
    try:
        local = Path(default_storage.path(name))
    except NotImplementedError:
        local = None
    if local is not None:
        if not local.is_file():
            raise ChatLogError(MISSING_FILE)
        yield local
        return
    try:
        source = default_storage.open(name, "rb")
    except OSError:
        raise ChatLogError(MISSING_FILE) from None
    with source:
        path, _, _ = _copy_to_temp(source, max_upload_bytes())
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


@contextmanager
def opened_export(chat_import: ChatImport) -> Iterator[ReadExport]:
    """The staged upload, read again with the choices made at upload."""
    with (
        staged_file(chat_import) as path,
        read_export(
            path,
            original_name=chat_import.original_name,
            time_zone=chat_import.time_zone,
            date_order=chat_import.date_order,  # type: ignore[arg-type]
            max_upload_bytes=max_upload_bytes(),
        ) as export,
    ):
        yield export


# Accounts ------------------------------------------------------------------------------------


class AccountCheck:
    """Whether the worker's account on a given day was approved or covered by an exception.

    Loads the worker's approvals and this child's exceptions once, then answers per message in
    memory, with the same rules as contact recording (rule 5.1-approved-accounts)."""

    def __init__(self, *, worker: User, child: Child) -> None:
        self.worker = worker
        self.accounts = list(ApprovedAccount.objects.filter(owner=worker))
        self.exceptions = list(
            ContactException.objects.filter(requested_by=worker, child=child).exclude(
                starts_on__isnull=True
            )
        )
        self._cache: dict[tuple[str, date], bool] = {}

    def approved(self, identifier: str, on: date) -> bool:
        identifier = identifier.strip()
        if not identifier:
            return True
        key = (identifier, on)
        if key not in self._cache:
            forms = {form.lower() for form in identifier_forms(identifier)}
            account = any(
                account.identifier.lower() in forms
                and account.approved_on <= on
                and (account.withdrawn_on is None or account.withdrawn_on > on)
                for account in self.accounts
            )
            exception = any(
                exception.identifier.lower() in forms
                and exception.starts_on is not None
                and exception.ends_on is not None
                and exception.starts_on <= on <= exception.ends_on
                and (
                    exception.status in {ExceptionStatus.APPROVED, ExceptionStatus.EXPIRED}
                    or (
                        exception.status == ExceptionStatus.WITHDRAWN
                        and exception.withdrawn_at is not None
                        and timezone.localdate(exception.withdrawn_at) > on
                    )
                )
                for exception in self.exceptions
            )
            self._cache[key] = account or exception
        return self._cache[key]


def account_used(
    chat_import: ChatImport, message: SourceMessage, mapped: str, register: CaseRegister
) -> str:
    """The number, address or handle the worker used for this message, where known."""
    if chat_import.format in {ImportFormat.EMAIL, ImportFormat.MBOX}:
        if mapped == WORKER:
            return message.address
        for address in message.own_addresses:
            if register.addresses.get(normalise_address(address)) == WORKER:
                return address
    return chat_import.account_identifier


# Screening -----------------------------------------------------------------------------------


def case_gazetteer(child: Child) -> Gazetteer:
    return Gazetteer.from_people(screening_people(child))


def screen_message(
    message: SourceMessage, *, platform: str, from_worker: bool, gazetteer: Gazetteer
) -> list[Finding]:
    """Screen as the record will be: conduct is judged on the worker's own words only."""
    result = screen(
        message.text,
        channel=Platform(platform).screening_channel,
        sent_at=message.occurred_at if from_worker else None,
        gazetteer=gazetteer,
    )
    return [f for f in result.findings if from_worker or f.category not in CONDUCT]


# Upload --------------------------------------------------------------------------------------


def _identifier(value: str) -> str:
    value = value.strip()
    return normalise_address(value) if value else ""


def _refused(error: ChatLogError) -> ValidationError:
    return ValidationError(sentence(error.message) or "The file could not be read.", code="refused")


def _summarise(
    chat_import: ChatImport, export: ReadExport, register: CaseRegister
) -> dict[str, Any]:
    """Counts, senders and suggestions shown on the preview, and a check of every attachment."""
    attachments = 0
    for message in export.messages:
        for attachment in message.attachments:
            data = attachment.load()  # reads under the archive's limits: bombs and nesting fail
            if detect_content_type(data) in _ARCHIVE_TYPES:
                raise ChatLogError(
                    f"the attachment {attachment.name!r} is itself an archive, which is not "
                    "accepted; the file was refused"
                )
            attachments += 1
    senders = sender_summaries(register, export.messages)
    mapping = {sender.label: sender.suggestion.value for sender in senders}
    platform = PLATFORM_OF[export.format]
    gazetteer = case_gazetteer(chat_import.child)
    checker = AccountCheck(worker=chat_import.worker, child=chat_import.child)
    findings = unapproved = 0
    for message in export.messages:
        mapped = mapping[message.sender]
        found = screen_message(
            message, platform=platform, from_worker=mapped == WORKER, gazetteer=gazetteer
        )
        findings += bool(found)
        identifier = account_used(chat_import, message, mapped, register)
        if not checker.approved(identifier, timezone.localdate(message.occurred_at)):
            unapproved += 1
    return {
        "format": export.format,
        "senders": [sender.as_json() for sender in senders],
        "sender_mapping": mapping,
        "warnings": export.warnings,
        "message_count": len(export.messages),
        "attachment_count": attachments,
        "finding_count": findings,
        "unapproved_count": unapproved,
        "first_message_at": min(m.occurred_at for m in export.messages),
        "last_message_at": max(m.occurred_at for m in export.messages),
    }


_ARCHIVE_TYPES = {
    "application/zip",
    "application/x-rar-compressed",
    "application/x-7z-compressed",
    "application/gzip",
    "application/x-tar",
    "application/x-bzip2",
    "application/x-xz",
    "application/zstd",
    "application/vnd.ms-cab-compressed",
}


def chat_import_upload(
    *,
    actor: User,
    child: Child,
    upload: IO[bytes] | File[Any],
    original_name: str,
    time_zone: str = "Europe/London",
    date_order: str = DateOrder.AUTO,
    account_identifier: str = "",
    worker: User | None = None,
    request: HttpRequest | None = None,
) -> ChatImport:
    """Check and stage an upload and work out its preview; on any problem keep nothing.

    Raises ValidationError with a message naming what is wrong with the file.
    """
    worker = worker or actor
    if case_access(worker, child) < CaseAccess.CONTRIBUTE:
        raise ValidationError(f"{worker.full_name} cannot add records to this case.")
    if date_order not in DateOrder.values:
        raise ValidationError("Choose how dates are written in the file.")
    try:
        check_time_zone(time_zone)
    except ChatLogError as error:
        raise ValidationError(sentence(error.message), code="time_zone") from None
    size = getattr(upload, "size", None)
    if isinstance(size, int) and size > max_upload_bytes():
        raise ValidationError(too_large_message(), code="too_large")
    temp, sha256, size = _copy_to_temp(upload, max_upload_bytes())
    stored_name = ""
    try:
        chat_import = ChatImport(
            child=child,
            uploaded_by=actor,
            worker=worker,
            status=ImportStatus.PENDING,
            original_name=Path(original_name).name[:255] or "upload",
            size=size,
            sha256=sha256,
            time_zone=time_zone,
            date_order=date_order,
            account_identifier=_identifier(account_identifier),
        )
        register = CaseRegister(
            child=child, worker=worker, worker_identifiers=[chat_import.account_identifier]
        )
        try:
            with read_export(
                temp,
                original_name=chat_import.original_name,
                time_zone=time_zone,
                date_order=date_order,  # type: ignore[arg-type]
                max_upload_bytes=max_upload_bytes(),
            ) as export:
                summary = _summarise(chat_import, export, register)
        except ChatLogError as error:
            raise _refused(error) from None
        for name, value in summary.items():
            setattr(chat_import, name, value)
        with open(temp, "rb") as handle:
            stored_name = default_storage.save(f"{STAGING_FOLDER}/{uuid.uuid4().hex}", File(handle))
        chat_import.file.name = stored_name
        chat_import.status = ImportStatus.PREVIEWED
        with transaction.atomic():
            chat_import.save()
            audit_event(
                actor=actor,
                action="chat_import.uploaded",
                target=chat_import,
                child_id=child.pk,
                changes={
                    "format": (None, chat_import.format),
                    "original_name": (None, chat_import.original_name),
                    "size": (None, size),
                    "sha256": (None, sha256),
                    "time_zone": (None, time_zone),
                    "date_order": (None, date_order),
                    "message_count": (None, chat_import.message_count),
                    "attachment_count": (None, chat_import.attachment_count),
                    "worker": (None, worker.pk),
                },
                request=request,
                reason=RULE_UPLOAD,
            )
    except BaseException:
        if stored_name:
            with suppress(OSError):
                default_storage.delete(stored_name)
        raise
    finally:
        temp.unlink(missing_ok=True)
    return chat_import


# Preview -------------------------------------------------------------------------------------


def mapping_check(
    chat_import: ChatImport, mapping: dict[str, str] | None, register: CaseRegister
) -> dict[str, str]:
    """The full sender mapping: the suggestions, overridden by what the practitioner chose."""
    result = dict(chat_import.sender_mapping)
    labels = {sender["label"] for sender in chat_import.senders}
    errors = []
    for label, value in (mapping or {}).items():
        if label not in labels:
            errors.append(f"“{label}” is not a sender in this file.")
        elif not register.is_party(value):
            errors.append(f"Choose who “{label}” is from the people on this case.")
        else:
            result[label] = value
    if errors:
        raise ValidationError(errors)
    if WORKER not in result.values():
        raise ValidationError(
            f"Choose which sender is {chat_import.worker.full_name}: a conversation imported to "
            "the case must include the worker."
        )
    return result


# Confirm and record --------------------------------------------------------------------------


def chat_import_confirm(
    *,
    actor: User,
    chat_import: ChatImport,
    mapping: dict[str, str] | None = None,
    request: HttpRequest | None = None,
) -> ChatImport:
    """Accept the sender mapping and queue the import. Raises ValidationError if it cannot be."""
    from safecomms.imports.tasks import run_chat_import

    confirmed = chat_import_confirm_only(actor=actor, chat_import=chat_import, mapping=mapping)
    # Queued after the commit, so the worker process sees the import as confirmed.
    run_chat_import(confirmed.pk)
    confirmed.refresh_from_db()
    return confirmed


def chat_import_confirm_only(
    *, actor: User, chat_import: ChatImport, mapping: dict[str, str] | None = None
) -> ChatImport:
    """Accept the sender mapping, leaving the import ready for `chat_import_run`."""
    with transaction.atomic():
        locked = ChatImport.objects.select_for_update().get(pk=chat_import.pk)
        if locked.status != ImportStatus.PREVIEWED:
            raise ValidationError(
                f"This import cannot be confirmed: it is {locked.get_status_display().lower()}."
            )
        register = CaseRegister(
            child=locked.child, worker=locked.worker, worker_identifiers=[locked.account_identifier]
        )
        locked.sender_mapping = mapping_check(locked, mapping, register)
        locked.status = ImportStatus.IMPORTING
        locked.confirmed_at = timezone.now()
        locked.confirmed_by = actor
        locked.progress_done = 0
        locked.progress_total = locked.message_count
        locked.save(
            update_fields=[
                "sender_mapping",
                "status",
                "confirmed_at",
                "confirmed_by",
                "progress_done",
                "progress_total",
            ]
        )
    progress_report(locked.pk, stage="queued", done=0, total=1)
    return locked


@dataclass
class _Prepared:
    message: SourceMessage
    communication: Communication
    attachments: list[Attachment]


def _store_attachment(
    child_id: int, name: str, data: bytes, created: list[str]
) -> tuple[str, str, str]:
    sha256 = hashlib.sha256(data).hexdigest()
    content_type = detect_content_type(data)
    if content_type in _ARCHIVE_TYPES:
        raise ChatLogError(f"the attachment {name!r} is itself an archive, which is not accepted")
    path = f"attachments/{child_id}/{sha256}"
    if not default_storage.exists(path):
        saved = default_storage.save(path, ContentFile(data))
        created.append(saved)
        path = saved
    return path, sha256, content_type


def _people_rows(communications: list[Communication], person_ids: list[int]) -> list[Any]:
    through = Communication.people.through
    return [
        through(communication_id=communication.pk, caseperson_id=person_id)
        for communication in communications
        for person_id in person_ids
    ]


def _audit_content(messages: list[SourceMessage]) -> str:
    return "\n\n".join(
        f"{message.occurred_at.isoformat()} {message.sender}: {message.summary}\n{message.text}"
        for message in messages
    )


def chat_import_run(
    chat_import_id: int, *, on_progress: Callable[[str, int, int], None] | None = None
) -> ChatImport:
    """Record a confirmed import on the case: every new message, or none. Run by the task queue.

    A failure leaves the case as it was, marks the import failed with the reason, and removes any
    attachment file it had stored.
    """
    chat_import = ChatImport.objects.select_related("child", "worker", "confirmed_by").get(
        pk=chat_import_id
    )
    if chat_import.status != ImportStatus.IMPORTING:
        return chat_import

    def report(stage: str, done: int, total: int) -> None:
        progress_report(chat_import.pk, stage=stage, done=done, total=total)
        if on_progress is not None:
            on_progress(stage, done, total)

    created_files: list[str] = []
    try:
        result = _record(chat_import, report, created_files)
    except Exception as error:
        for name in created_files:
            with suppress(OSError):
                default_storage.delete(name)
        if isinstance(error, ChatLogError):
            reason = f"{_refused(error).messages[0]} Nothing was recorded."
        elif isinstance(error, ValidationError):
            reason = " ".join([*error.messages, "Nothing was recorded."])
        elif isinstance(error, IntegrityError):
            reason = (
                "The import was stopped because some of these messages were being added to the "
                "case at the same time by another import. Nothing was recorded. Upload the file "
                "again to add what is missing."
            )
        else:
            logger.exception("chat import %s failed", chat_import.pk)
            reason = (
                "The import could not be completed because of a problem in SafeComms. Nothing "
                "was recorded. Try again, or contact the service desk if it happens again."
            )
        _fail(chat_import, reason)
        return chat_import
    finally:
        progress_clear(chat_import.pk)
    return result


def _fail(chat_import: ChatImport, reason: str) -> None:
    staged = chat_import.file.name
    with transaction.atomic():
        ChatImport.objects.filter(pk=chat_import.pk).update(
            status=ImportStatus.FAILED, error_message=reason, finished_at=timezone.now(), file=""
        )
        chat_import.refresh_from_db()
        audit_event(
            actor=chat_import.confirmed_by,
            action="chat_import.failed",
            target=chat_import,
            child_id=chat_import.child_id,
            changes={"status": (ImportStatus.IMPORTING, ImportStatus.FAILED)},
            reason=reason[:1000],
        )
    if staged:
        with suppress(OSError):
            default_storage.delete(staged)


def _record(
    chat_import: ChatImport, report: Callable[[str, int, int], None], created_files: list[str]
) -> ChatImport:
    child, worker = chat_import.child, chat_import.worker
    actor = chat_import.confirmed_by or chat_import.uploaded_by
    staged_name = chat_import.file.name
    register = CaseRegister(
        child=child, worker=worker, worker_identifiers=[chat_import.account_identifier]
    )
    mapping: dict[str, str] = chat_import.sender_mapping
    fmt = ImportFormat(chat_import.format)
    platform = PLATFORM_OF[fmt]
    person_ids = sorted(
        {
            int(value.removeprefix(PERSON_PREFIX))
            for value in mapping.values()
            if value.startswith(PERSON_PREFIX)
        }
    )
    includes_child = CHILD in mapping.values()
    now = timezone.now()
    with opened_export(chat_import) as export:
        messages = export.messages
        total = len(messages)
        report("checking", 0, 1)
        existing: set[str] = set()
        keys = [message.source_key for message in messages]
        for start in range(0, len(keys), _BATCH):
            existing.update(
                Communication.objects.filter(
                    child=child, source_key__in=keys[start : start + _BATCH]
                ).values_list("source_key", flat=True)
            )
        new = [message for message in messages if message.source_key not in existing]
        duplicates = total - len(new)
        units = max(2 * len(new), 1)
        prepared: list[_Prepared] = []
        for number, message in enumerate(new, start=1):
            mapped = mapping.get(message.sender, OTHER)
            communication = Communication(
                child=child,
                worker=worker,
                recorded_by=actor,
                occurred_at=message.occurred_at,
                kind=KIND_OF[fmt],
                platform=platform,
                direction=Direction.TO_FAMILY if mapped == WORKER else Direction.FROM_FAMILY,
                account_identifier=account_used(chat_import, message, mapped, register)[:254],
                summary=(message.summary or ("" if message.text else "Empty message"))[:200],
                content=message.text,
                includes_child=includes_child,
                status=RecordStatus.COMPLETED,
                completed_at=now,
                source=SOURCE_OF[fmt],
                source_sender=message.sender[:200],
                source_key=message.source_key,
                created_at=now,
            )
            attachments = []
            for attachment in message.attachments:
                data = attachment.load()
                path, sha256, content_type = _store_attachment(
                    child.pk, attachment.name, data, created_files
                )
                attachments.append(
                    Attachment(
                        file=path,
                        original_name=attachment.name[:255],
                        content_type=content_type,
                        size=len(data),
                        sha256=sha256,
                    )
                )
            prepared.append(_Prepared(message, communication, attachments))
            if number % _PROGRESS_EVERY == 0:
                report("preparing", number, units)
        gazetteer = case_gazetteer(child)
        with transaction.atomic():
            communications = Communication.objects.bulk_create(
                [item.communication for item in prepared], batch_size=_BATCH
            )
            if person_ids:
                Communication.people.through.objects.bulk_create(
                    _people_rows(communications, person_ids), batch_size=_BATCH
                )
            rows = []
            for item in prepared:
                for stored in item.attachments:
                    stored.communication = item.communication
                    rows.append(stored)
            Attachment.objects.bulk_create(rows, batch_size=_BATCH)
            for number, communication in enumerate(communications, start=1):
                communication_checks_apply(communication=communication, gazetteer=gazetteer)
                if number % _PROGRESS_EVERY == 0:
                    report("recording", len(new) + number, units)
            before = {"status": ImportStatus.IMPORTING, "imported_count": 0, "duplicate_count": 0}
            chat_import.status = ImportStatus.IMPORTED
            chat_import.imported_count = len(new)
            chat_import.duplicate_count = duplicates
            chat_import.attachment_count = len(rows)
            chat_import.progress_done = chat_import.progress_total = total
            chat_import.finished_at = timezone.now()
            chat_import.file.name = ""
            chat_import.save(
                update_fields=[
                    "status",
                    "imported_count",
                    "duplicate_count",
                    "attachment_count",
                    "progress_done",
                    "progress_total",
                    "finished_at",
                    "file",
                ]
            )
            if new:
                DeletionTask.objects.create(
                    chat_import=chat_import, child=child, assignee=worker, created_at=now
                )
            audit_event(
                actor=actor,
                action="chat_import.imported",
                target=chat_import,
                child_id=child.pk,
                changes={
                    "status": (before["status"], ImportStatus.IMPORTED),
                    "imported_count": (0, len(new)),
                    "duplicate_count": (0, duplicates),
                    "attachment_count": (0, len(rows)),
                    "sender_mapping": (None, mapping),
                    "first_communication": (None, communications[0].pk if communications else None),
                    "last_communication": (None, communications[-1].pk if communications else None),
                },
                content={"messages": _audit_content(new)},
                reason=RULE_NOT_THE_RECORD,
            )
        report("done", units, units)
    with suppress(OSError):
        default_storage.delete(staged_name)
    return chat_import


def chat_import_cancel(
    *,
    actor: User | None,
    chat_import: ChatImport,
    request: HttpRequest | None = None,
    reason: str = "",
) -> ChatImport:
    """Stop an import that has not been confirmed and remove its staged file."""
    with transaction.atomic():
        locked = ChatImport.objects.select_for_update().get(pk=chat_import.pk)
        if locked.status not in {ImportStatus.PENDING, ImportStatus.PREVIEWED}:
            raise ValidationError(
                f"This import cannot be cancelled: it is {locked.get_status_display().lower()}."
            )
        before = locked.status
        staged = locked.file.name
        locked.status = ImportStatus.CANCELLED
        locked.finished_at = timezone.now()
        locked.file.name = ""
        locked.save(update_fields=["status", "finished_at", "file"])
        audit_event(
            actor=actor,
            action="chat_import.cancelled",
            target=locked,
            child_id=locked.child_id,
            changes={"status": (before, ImportStatus.CANCELLED)},
            request=request,
            reason=reason,
        )
    if staged:
        with suppress(OSError):
            default_storage.delete(staged)
    return locked


def stale_imports_cancel(*, now: datetime | None = None) -> int:
    """Cancel previews left unconfirmed for a week, so staged uploads are not kept."""
    cutoff = (now or timezone.now()) - STALE_AFTER
    count = 0
    for chat_import in ChatImport.objects.filter(
        status__in=[ImportStatus.PENDING, ImportStatus.PREVIEWED], created_at__lt=cutoff
    ):
        chat_import_cancel(
            actor=None,
            chat_import=chat_import,
            reason="Not confirmed within 7 days; the uploaded file was removed.",
        )
        count += 1
    return count


# Clearing the device -------------------------------------------------------------------------


def working_days_between(start: date, end: date) -> int:
    """Working days (Monday to Friday) after `start` up to and including `end`."""
    if end <= start:
        return 0
    weeks, extra = divmod((end - start).days, 7)
    count = weeks * 5
    for offset in range(1, extra + 1):
        if (start + timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


def deletion_confirm(
    *, actor: User, task: DeletionTask, request: HttpRequest | None = None
) -> DeletionTask:
    """The practitioner confirms they cleared the imported conversation from their device."""
    with transaction.atomic():
        locked = DeletionTask.objects.select_for_update().get(pk=task.pk)
        if locked.assignee_id != actor.pk:
            raise ValidationError("Only the person who holds the device can confirm this.")
        if locked.confirmed_at is not None:
            raise ValidationError("You have already confirmed you cleared this conversation.")
        locked.confirmed_at = timezone.now()
        locked.confirmed_by = actor
        locked.save(update_fields=["confirmed_at", "confirmed_by"])
        audit_event(
            actor=actor,
            action="chat_import.device_cleared",
            target=locked,
            child_id=locked.child_id,
            changes={"confirmed_at": (None, locked.confirmed_at)},
            request=request,
            reason=RULE_CLEAR,
        )
    return locked


def deletion_reminders_send(*, today: date) -> int:
    """Chase open deletion tasks every N working days (SAFECOMMS_DELETION_CHASE_WORKING_DAYS).

    Safe to run more than once a day: each reminder has a dedupe key for the day."""
    if today.weekday() >= 5:
        return 0
    every = max(1, int(settings.SAFECOMMS_DELETION_CHASE_WORKING_DAYS))
    sent = 0
    for task in DeletionTask.objects.open().select_related("assignee", "child").order_by("pk"):
        if case_access(task.assignee, task.child) < CaseAccess.CONTRIBUTE:
            continue  # no longer on the case: the task shows again if they return to it
        since = task.last_chased_on or timezone.localdate(task.created_at)
        waited = working_days_between(timezone.localdate(task.created_at), today)
        if working_days_between(since, today) < every:
            continue
        notification = notify(
            recipient=task.assignee,
            subject="Confirm you have cleared a conversation from your device",
            action=(
                f"You imported a conversation into a case record {waited} working days ago. "
                "The guidance asks you to clear the original messages from the phone or app once "
                "they are on the record. Clear the conversation, then confirm it in SafeComms."
            ),
            link_path=reverse(
                "imports:deletion",
                kwargs={"child_id": task.child_id, "import_id": task.chat_import_id},
            ),
            rule_id=RULE_CLEAR,
            dedupe_key=f"chat-import-{task.chat_import_id}-deletion-{today.isoformat()}",
        )
        DeletionTask.objects.filter(pk=task.pk).update(
            last_chased_on=today, chase_count=task.chase_count + (notification is not None)
        )
        sent += notification is not None
    return sent
