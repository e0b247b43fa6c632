"""Who may act on a flag: a manager of a team the flagged record's case is allocated to."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from safecomms.decisions.selectors import manager_decides_flag
from safecomms.staff.models import Role
from safecomms.web.access import signed_in_user, when


def _decides_flag(request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    return manager_decides_flag(
        signed_in_user(request), int(kwargs["flag_id"]), timezone.localdate()
    )


FLAG_MANAGER = when(
    "manager of a team the flagged record's case is allocated to", _decides_flag, Role.TEAM_MANAGER
)
