from __future__ import annotations

from safecomms.guidance.models import Acknowledgement
from safecomms.staff.models import User


def acknowledgement_of(user: User, version: str) -> Acknowledgement | None:
    return Acknowledgement.objects.filter(user=user, version=version).first()
