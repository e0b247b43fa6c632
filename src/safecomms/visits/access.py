"""Who decides on virtual visits: a manager of a team the child's case is allocated to (4.1)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from safecomms.cases.access import CaseAccess
from safecomms.cases.models import Allocation, Child
from safecomms.staff.models import Role, User
from safecomms.web.access import AccessRule, signed_in_user


def manages_allocated_team(user: User, child: Child) -> bool:
    return Allocation.objects.current().filter(child=child, team__managers=user).exists()


def _manages_the_case_team(request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    return manages_allocated_team(signed_in_user(request), request.child)  # type: ignore[attr-defined]


DECIDING_MANAGER = AccessRule(
    "manager of a team the case is allocated to",
    roles=frozenset({Role.TEAM_MANAGER}),
    case_level=CaseAccess.MANAGE,
    predicate=_manages_the_case_team,
)
