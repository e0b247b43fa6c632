"""The audit trail: an append-only, hash-chained log of every change and every read of a case.

Rows refer to people and children by plain ids with no foreign-key constraint, so deleting or
changing a user or a child (including a lawful disposal) never alters the log. The ORM refuses to
update or delete entries; the hash chain (see `chain.py`) shows when someone did it another way.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models


class AuditTrailIsAppendOnly(Exception):
    """Raised when code tries to change or remove an audit entry."""


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AuditTrailIsAppendOnly("Audit entries cannot be changed.")

    def delete(self) -> NoReturn:
        raise AuditTrailIsAppendOnly("Audit entries cannot be deleted.")


class AuditEntry(models.Model):
    """One sealed link in the chain: who did what to which record, when, and what changed."""

    seq = models.PositiveBigIntegerField("entry number", unique=True, editable=False)
    occurred_at = models.DateTimeField(editable=False)
    actor_id = models.BigIntegerField(null=True, blank=True, editable=False)
    actor_label = models.CharField(max_length=300, editable=False)
    action = models.CharField(max_length=100, db_index=True, editable=False)
    target_type = models.CharField(max_length=100, blank=True, editable=False)
    target_id = models.CharField(max_length=64, blank=True, editable=False)
    child_id = models.BigIntegerField(null=True, blank=True, db_index=True, editable=False)
    changes = models.JSONField(default=dict, editable=False)
    content_hashes = models.JSONField(default=dict, editable=False)
    context = models.JSONField(default=dict, editable=False)
    prev_hash = models.CharField(max_length=64, editable=False)
    entry_hash = models.CharField(max_length=64, unique=True, editable=False)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        verbose_name_plural = "audit entries"
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="audit_target_idx"),
            models.Index(fields=["actor_id", "occurred_at"], name="audit_actor_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} by {self.actor_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditTrailIsAppendOnly("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditTrailIsAppendOnly("Audit entries cannot be deleted.")


class AuditHead(models.Model):
    """The newest link, in one row that every append locks, so that numbers are gapless."""

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="audit_head_one_row")]

    def __str__(self) -> str:
        return f"audit head at #{self.last_seq}"
