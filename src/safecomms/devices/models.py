"""Council devices, approved accounts, and the exceptions a line manager signs off (5.1)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class DeviceKind(models.TextChoices):
    MOBILE = "mobile", "Mobile phone"
    TABLET = "tablet", "Tablet"
    LAPTOP = "laptop", "Laptop"
    DESKTOP = "desktop", "Desktop computer"


class DeviceStatus(models.TextChoices):
    IN_USE = "in_use", "In use"
    LOST = "lost", "Lost"
    STOLEN = "stolen", "Stolen"
    RETURNED = "returned", "Returned"


class Device(models.Model):
    """A council-issued device (rule 5.1-council-devices-only)."""

    asset_tag = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=16, choices=DeviceKind.choices)
    model_name = models.CharField("make and model", max_length=100, blank=True)
    phone_number = models.CharField(
        max_length=20, blank=True, help_text="For phones: the SIM's number in E.164 form."
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="devices",
    )
    status = models.CharField(
        max_length=16, choices=DeviceStatus.choices, default=DeviceStatus.IN_USE
    )
    # The day the status last changed, so a record made before a phone was lost still counts.
    status_changed_on = models.DateField(null=True, blank=True)
    issued_on = models.DateField(default=date.today)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["asset_tag"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.asset_tag}"


class AccountKind(models.TextChoices):
    WORK_EMAIL = "work_email", "Work e-mail address"
    WORK_MOBILE = "work_mobile", "Work mobile number"
    WHATSAPP = "whatsapp", "WhatsApp identity"
    TEAMS = "teams", "Microsoft Teams identity"
    SOCIAL = "social", "Social media account"


class ApprovedAccountQuerySet(models.QuerySet["ApprovedAccount"]):
    def current(self, at: date | None = None) -> ApprovedAccountQuerySet:
        at = at or timezone.localdate()
        return self.filter(approved_on__lte=at).filter(
            Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=at)
        )


class ApprovedAccount(models.Model):
    """An account or identity the council formally approved for work (rule 5.1-approved-accounts)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="approved_accounts"
    )
    kind = models.CharField(max_length=16, choices=AccountKind.choices)
    identifier = models.CharField(
        max_length=254,
        help_text="The address, number (E.164) or handle exactly as others see it.",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="accounts_approved"
    )
    approved_on = models.DateField(default=date.today)
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="accounts_withdrawn",
    )
    withdrawal_reason = models.TextField(blank=True)

    objects = ApprovedAccountQuerySet.as_manager()

    class Meta:
        ordering = ["owner__full_name", "kind"]
        constraints = [
            # A withdrawn identity may be approved again later, for the same or another person.
            models.UniqueConstraint(
                fields=["kind", "identifier"],
                condition=Q(withdrawn_on__isnull=True),
                name="one_approval_per_identity",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.identifier}"


class ExceptionStatus(models.TextChoices):
    REQUESTED = "requested", "Waiting for a decision"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"
    WITHDRAWN = "withdrawn", "Withdrawn"
    EXPIRED = "expired", "Expired"


class PersonalChannel(models.TextChoices):
    PERSONAL_PHONE = "personal_phone", "Personal phone"
    PERSONAL_EMAIL = "personal_email", "Personal e-mail address"
    PERSONAL_MESSAGING = "personal_messaging", "Personal messaging account"
    PERSONAL_SOCIAL = "personal_social", "Personal social media account"


class ContactException(models.Model):
    """A line manager's signed-off agreement that a worker may use a personal account or phone
    to contact a named child (rule 5.1-personal-account-exception)."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="exceptions_requested"
    )
    child = models.ForeignKey("cases.Child", on_delete=models.PROTECT, related_name="exceptions")
    channel = models.CharField(max_length=24, choices=PersonalChannel.choices)
    identifier = models.CharField(
        max_length=254, help_text="The personal number, address or handle to be used."
    )
    reasons = models.TextField()
    status = models.CharField(
        max_length=16, choices=ExceptionStatus.choices, default=ExceptionStatus.REQUESTED
    )
    decider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="exceptions_to_decide",
        help_text="The requester's line manager, who decides.",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reasons = models.TextField(blank=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    review_on = models.DateField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exceptions_withdrawn",
    )
    withdrawal_reasons = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="exception_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_channel_display()} for {self.child.person_id} ({self.get_status_display()})"
        )

    def covers(self, at: date) -> bool:
        return (
            self.status == ExceptionStatus.APPROVED
            and self.starts_on is not None
            and self.starts_on <= at
            and (self.ends_on is None or at <= self.ends_on)
        )
