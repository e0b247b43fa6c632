from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest

from safecomms.audit.services import audit_event
from safecomms.guidance.models import Acknowledgement
from safecomms.policy import current_version
from safecomms.staff.models import User


@transaction.atomic
def guidance_acknowledge(*, user: User, request: HttpRequest | None = None) -> Acknowledgement:
    """Record that the person has read the current guidance (rule 1.5); repeating it is harmless."""
    version = current_version().version
    acknowledgement, created = Acknowledgement.objects.get_or_create(user=user, version=version)
    if created:
        audit_event(
            actor=user,
            action="guidance.acknowledged",
            target=acknowledgement,
            changes={"version": (None, version)},
            request=request,
        )
    return acknowledgement
