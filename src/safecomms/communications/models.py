"""Communication activities on a child's case: the one record for manual entries and imports.

A record is a draft until completed; a completed record is evidence and cannot be edited or
deleted, only added to by an addendum (as case systems such as Mosaic work). Content is text the
audit trail refers to by hash only, so a lawful disposal run can remove it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Kind(models.TextChoices):
    EMAIL = "email", "E-mail"
    TEXT = "text", "Text message"
    INSTANT_MESSAGE = "instant_message", "Instant message"
    PHONE_CALL = "phone_call", "Phone call"
    VIDEO_CALL = "video_call", "Video call"


class Platform(models.TextChoices):
    EMAIL = "email", "E-mail"
    SMS = "sms", "SMS"
    WHATSAPP = "whatsapp", "WhatsApp"
    TEAMS = "teams", "Microsoft Teams"
    PHONE = "phone", "Phone"
    OTHER = "other", "Other"

    @property
    def screening_channel(self) -> str | None:
        """The channel name the screening engine understands, or None."""
        return self.value if self.value in {"email", "sms", "whatsapp", "teams"} else None


class Direction(models.TextChoices):
    TO_FAMILY = "outbound", "From the worker"
    FROM_FAMILY = "inbound", "To the worker"


class RecordStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    COMPLETED = "completed", "Completed"


class Source(models.TextChoices):
    MANUAL = "manual", "Recorded by hand"
    WHATSAPP_EXPORT = "whatsapp_export", "WhatsApp export"
    SMS_BACKUP = "sms_backup", "SMS backup"
    EMAIL_FILE = "email_file", "E-mail file"


class Communication(models.Model):
    """One e-mail, text, message or call with a child or family member (rules 5.1, 7.1.2)."""

    child = models.ForeignKey(
        "cases.Child", on_delete=models.PROTECT, related_name="communications"
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="communications",
        help_text="The practitioner who took part in the communication.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="communications_recorded"
    )
    occurred_at = models.DateTimeField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    platform = models.CharField(max_length=12, choices=Platform.choices)
    direction = models.CharField(max_length=10, choices=Direction.choices)
    account = models.ForeignKey(
        "devices.ApprovedAccount",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="communications",
    )
    account_identifier = models.CharField(
        max_length=254, blank=True, help_text="The address, number or handle the worker used."
    )
    device = models.ForeignKey(
        "devices.Device",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="communications",
    )
    device_description = models.CharField(
        max_length=120, blank=True, help_text="For a device not on the register, what it was."
    )
    exception = models.ForeignKey(
        "devices.ContactException",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="communications",
    )
    is_virtual_visit = models.BooleanField(default=False)
    summary = models.CharField(max_length=200, blank=True)
    content = models.TextField(blank=True)
    people = models.ManyToManyField("cases.CasePerson", blank=True, related_name="communications")
    includes_child = models.BooleanField(default=True)
    in_reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="responses"
    )
    status = models.CharField(
        max_length=10, choices=RecordStatus.choices, default=RecordStatus.DRAFT
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.MANUAL)
    source_sender = models.CharField(
        max_length=200, blank=True, help_text="The sender's name as the imported file gave it."
    )
    source_key = models.CharField(
        max_length=64,
        blank=True,
        help_text="Identifies an imported message, so importing it again adds nothing.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["occurred_at", "pk"]
        indexes = [models.Index(fields=["child", "occurred_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "source_key"],
                condition=~Q(source_key=""),
                name="imported_message_once_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.get_direction_display().lower()} on {self.occurred_at:%d %b %Y}"

    @property
    def is_completed(self) -> bool:
        return self.status == RecordStatus.COMPLETED


class Addendum(models.Model):
    """Text added to a completed record; the original stays as it was."""

    communication = models.ForeignKey(
        Communication, on_delete=models.PROTECT, related_name="addenda"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name_plural = "addenda"

    def __str__(self) -> str:
        return f"Addendum by {self.author} on {self.created_at:%d %b %Y}"


def attachment_path(instance: Attachment, filename: str) -> str:
    # Stored under an opaque name; the original name is kept in the row, never in the path.
    return f"attachments/{instance.communication.child_id}/{instance.sha256}"


class Attachment(models.Model):
    """A file that came with a communication (an imported photo, a document)."""

    communication = models.ForeignKey(
        Communication, on_delete=models.PROTECT, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path, max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(
        max_length=100, help_text="Taken from the content, not the name."
    )
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["original_name"]

    def __str__(self) -> str:
        return self.original_name


class FlagCode(models.TextChoices):
    UNAPPROVED_ACCOUNT = "unapproved_account", "Account not approved"
    UNAPPROVED_DEVICE = "unapproved_device", "Device not on the register"
    NO_VISIT_ASSESSMENT = "no_visit_assessment", "Virtual visit without a current assessment"
    CONDUCT = "conduct", "Screening found a conduct risk"
    PERSONAL_DATA = "personal_data", "Screening found identifying data"


class FlagOutcome(models.TextChoices):
    """How an open flag was closed."""

    ACKNOWLEDGED = "acknowledged", "Acknowledged: followed up with the worker"
    CLEARED = "cleared", "Cleared: not a concern"
    NO_LONGER_APPLIES = "no_longer_applies", "No longer applies: the draft was changed"


class FlagQuerySet(models.QuerySet["Flag"]):
    def open(self) -> FlagQuerySet:
        return self.filter(cleared_at__isnull=True)


class Flag(models.Model):
    """Something about a record a manager should look at, citing the rule it comes from."""

    communication = models.ForeignKey(Communication, on_delete=models.PROTECT, related_name="flags")
    code = models.CharField(max_length=24, choices=FlagCode.choices)
    rule_id = models.CharField(max_length=80)
    message = models.CharField(max_length=300)
    raised_at = models.DateTimeField(default=timezone.now)
    cleared_at = models.DateTimeField(null=True, blank=True)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    clearing_note = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=FlagOutcome.choices, blank=True)

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["-raised_at"]
        indexes = [models.Index(fields=["cleared_at", "raised_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["communication", "code"],
                condition=Q(cleared_at__isnull=True),
                name="one_open_flag_per_code",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_code_display()} ({self.rule_id})"

    @property
    def is_open(self) -> bool:
        return self.cleared_at is None


class FindingSeverity(models.TextChoices):
    BLOCK = "block", "Block"
    WARN = "warn", "Warning"
    INFO = "info", "Information"


class Finding(models.Model):
    """A screening finding on a record's content: where, what kind, and which rule.

    Only the span is kept, not the matched text, so removing the content removes the data. A
    finding about the whole message (one sent at an unusual hour) has the empty span 0-0."""

    communication = models.ForeignKey(
        Communication, on_delete=models.CASCADE, related_name="findings"
    )
    category = models.CharField(max_length=24)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    rule_id = models.CharField(max_length=80)
    severity = models.CharField(max_length=8, choices=FindingSeverity.choices)
    message = models.CharField(max_length=400)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["start", "end", "category"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")) | Q(start=0, end=0),
                name="finding_span_or_whole_message",
            )
        ]

    def __str__(self) -> str:
        return f"{self.category} {self.start}-{self.end} ({self.rule_id})"

    @property
    def is_whole_message(self) -> bool:
        return self.start == self.end
