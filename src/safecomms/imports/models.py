"""Chat exports brought into a child's case, and the tasks that follow them.

An upload is staged (`ChatImport`, with its file in storage under an opaque name) until the
practitioner has checked the preview and confirmed who each sender is; confirming records every
message on the case in one transaction. Afterwards a `DeletionTask` asks the practitioner to
confirm they cleared the conversation from the device (rules 6.2-messages-are-not-the-record and
8.3-clear-redundant-conversations), and is chased until they do.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class ImportStatus(models.TextChoices):
    PENDING = "pending", "Uploaded"
    PREVIEWED = "previewed", "Waiting for you to check"
    IMPORTING = "importing", "Importing"
    IMPORTED = "imported", "Imported"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"

    @property
    def is_finished(self) -> bool:
        return self in {ImportStatus.IMPORTED, ImportStatus.FAILED, ImportStatus.CANCELLED}


class ImportFormat(models.TextChoices):
    WHATSAPP = "whatsapp", "WhatsApp export"
    SMS_BACKUP = "sms_backup", "SMS Backup & Restore file"
    EMAIL = "email", "E-mail file"
    MBOX = "mbox", "Mailbox file"


class DateOrder(models.TextChoices):
    AUTO = "auto", "Work it out from the file"
    DMY = "dmy", "Day first (31/12/2024)"
    MDY = "mdy", "Month first (12/31/2024)"


class ChatImport(models.Model):
    """One uploaded export on its way into a child's case record."""

    child = models.ForeignKey("cases.Child", on_delete=models.PROTECT, related_name="chat_imports")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="chat_imports_uploaded"
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="chat_imports",
        help_text="The practitioner whose conversation this is; their messages are outbound.",
    )
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    format = models.CharField(max_length=12, choices=ImportFormat.choices)
    original_name = models.CharField(max_length=255)
    file = models.FileField(max_length=200, blank=True, help_text="Staged upload, opaque name.")
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    time_zone = models.CharField(max_length=64, default="Europe/London")
    date_order = models.CharField(max_length=4, choices=DateOrder.choices, default=DateOrder.AUTO)
    account_identifier = models.CharField(
        max_length=254,
        blank=True,
        help_text="The number, address or handle the worker used in the conversation.",
    )
    senders = models.JSONField(
        default=list, help_text="Each sender in the file, with its message count and suggestion."
    )
    sender_mapping = models.JSONField(
        default=dict, help_text="Sender label to 'worker', 'child', 'person:<id>' or 'other'."
    )
    warnings = models.JSONField(default=list)
    message_count = models.PositiveIntegerField(default=0)
    attachment_count = models.PositiveIntegerField(default=0)
    finding_count = models.PositiveIntegerField(default=0)
    unapproved_count = models.PositiveIntegerField(default=0)
    first_message_at = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField(null=True, blank=True)
    imported_count = models.PositiveIntegerField(default=0)
    duplicate_count = models.PositiveIntegerField(default=0)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    error_message = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chat_imports_confirmed",
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["child", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_format_display()} {self.original_name} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return ImportStatus(self.status).is_finished

    @property
    def progress_percent(self) -> int:
        if self.status == ImportStatus.IMPORTED:
            return 100
        if not self.progress_total:
            return 0
        return min(100, self.progress_done * 100 // self.progress_total)


class DeletionTaskQuerySet(models.QuerySet["DeletionTask"]):
    def open(self) -> DeletionTaskQuerySet:
        return self.filter(confirmed_at__isnull=True)


class DeletionTask(models.Model):
    """Asks the practitioner to confirm they cleared an imported conversation from the device."""

    chat_import = models.OneToOneField(
        ChatImport, on_delete=models.PROTECT, related_name="deletion_task"
    )
    child = models.ForeignKey("cases.Child", on_delete=models.PROTECT, related_name="+")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="deletion_tasks"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_chased_on = models.DateField(null=True, blank=True)
    chase_count = models.PositiveSmallIntegerField(default=0)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = DeletionTaskQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["assignee", "confirmed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(confirmed_at__isnull=True) | Q(confirmed_by__isnull=False),
                name="deletion_confirmed_by_someone",
            )
        ]

    def __str__(self) -> str:
        state = "confirmed" if self.confirmed_at else "open"
        return f"Clear imported conversation {self.chat_import_id} from the device ({state})"

    @property
    def is_open(self) -> bool:
        return self.confirmed_at is None
