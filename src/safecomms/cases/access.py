"""Who may read and change a child's record: the one place that decides.

Access follows the child's *current* allocations (SPEC, "Who uses it"):
- the allocated workers, and the managers of each allocation's team, read and change the record;
- other current members of an allocation's team read it and may add contact records (cover);
- everyone else has no access. When an allocation ends, its worker's access ends with it.
Staff who are disabled or whose leave date has passed have no access at all.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from django.db.models import Q, QuerySet
from django.utils import timezone

from safecomms.cases.models import Allocation, Child
from safecomms.staff.models import Team, TeamMembership, User


class CaseAccess(IntEnum):
    NONE = 0
    CONTRIBUTE = 1  # read the record and add contact records
    MANAGE = 2  # also change the record

    @property
    def can_read(self) -> bool:
        return self >= CaseAccess.CONTRIBUTE


def _staff_in_post(user: User, on: date) -> bool:
    return bool(user.is_authenticated and user.is_active and not user.has_left(on))


def _team_ids(user: User, on: date) -> tuple[set[int], set[int]]:
    managed = set(Team.objects.filter(managers=user).values_list("id", flat=True))
    member = set(
        TeamMembership.objects.current(on).filter(user=user).values_list("team_id", flat=True)
    )
    return managed, member


def case_access(user: User, child: Child, on: date | None = None) -> CaseAccess:
    """The access a person has to one child's record today."""
    on = on or timezone.localdate()
    if not _staff_in_post(user, on):
        return CaseAccess.NONE
    allocations = list(
        Allocation.objects.current(on).filter(child=child).values("worker_id", "team_id")
    )
    if not allocations:
        return CaseAccess.NONE
    if any(allocation["worker_id"] == user.pk for allocation in allocations):
        return CaseAccess.MANAGE
    managed, member = _team_ids(user, on)
    teams = {allocation["team_id"] for allocation in allocations}
    if teams & managed:
        return CaseAccess.MANAGE
    if teams & member:
        return CaseAccess.CONTRIBUTE
    return CaseAccess.NONE


def readable_children(user: User, on: date | None = None) -> QuerySet[Child]:
    """Every child whose record the person may read, as one query."""
    on = on or timezone.localdate()
    if not _staff_in_post(user, on):
        return Child.objects.none()
    managed, member = _team_ids(user, on)
    allocations = Allocation.objects.current(on).filter(
        Q(worker=user) | Q(team_id__in=managed | member)
    )
    return Child.objects.filter(pk__in=allocations.values("child_id"))


def manages_team(user: User, team: Team) -> bool:
    return _staff_in_post(user, timezone.localdate()) and team.managers.filter(pk=user.pk).exists()
