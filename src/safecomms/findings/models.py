"""Staff feedback on screening findings: a finding marked as a false positive, and why."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class FindingDismissal(models.Model):
    """A finding on a record that someone who can read the record says is wrong.

    What the report needs (the finding's category, rule, severity, when it was raised and the
    lexicon entry that fired) is copied here, so the evidence for tuning screening survives the
    lawful disposal of the record and its findings. The copied lexicon entry is always a term
    from screening's own word lists, never text from the record.
    """

    finding = models.OneToOneField(
        "communications.Finding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dismissal",
    )
    child = models.ForeignKey(
        "cases.Child",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="finding_dismissals",
        help_text="The case the finding was on, so managers see their teams' dismissals.",
    )
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="finding_dismissals"
    )
    reason = models.TextField()
    dismissed_at = models.DateTimeField(default=timezone.now)
    category = models.CharField(max_length=24)
    rule_id = models.CharField(max_length=80)
    severity = models.CharField(max_length=8)
    lexicon_entry = models.CharField(
        max_length=120,
        blank=True,
        help_text="The word-list term or phrase group that fired, where one can be named.",
    )
    finding_raised_at = models.DateTimeField()

    class Meta:
        ordering = ["-dismissed_at", "-pk"]
        indexes = [
            models.Index(fields=["finding_raised_at"]),
            models.Index(fields=["rule_id", "category"]),
        ]

    def __str__(self) -> str:
        return f"{self.category} ({self.rule_id}) dismissed {self.dismissed_at:%d %b %Y}"
