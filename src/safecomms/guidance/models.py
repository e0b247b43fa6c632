"""Staff acknowledgements of the guidance; the rules themselves live in `safecomms.policy`."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Acknowledgement(models.Model):
    """A staff member's statement that they have read a version of the guidance (rule 1.5)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    version = models.CharField(max_length=16)
    acknowledged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-acknowledged_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="one_acknowledgement_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} read v{self.version}"
