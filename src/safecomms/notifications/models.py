"""E-mail notifications: what to do and a link, never case content (a misdirected e-mail must
disclose nothing about a child)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    subject = models.CharField(max_length=150)
    body = models.TextField(help_text="Plain text: what to do, and why, with no case content.")
    link_path = models.CharField(max_length=300)
    rule_id = models.CharField(max_length=80)
    # Stops the same reminder being sent twice, e.g. "exception-42-review-2026-12-01".
    dedupe_key = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"],
                condition=~models.Q(dedupe_key=""),
                name="one_notification_per_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipient}"
