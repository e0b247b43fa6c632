from datetime import timedelta

import pytest
from django.utils import timezone

from safecomms.cases.access import CaseAccess, case_access, readable_children
from safecomms.staff.models import Role
from tests.factories import (
    AllocationFactory,
    ChildFactory,
    MembershipFactory,
    TeamFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_world():
    team, other = TeamFactory(), TeamFactory()
    worker, colleague, manager, outsider = (UserFactory() for _ in range(4))
    manager.staff_roles.create(role=Role.TEAM_MANAGER)
    team.managers.add(manager)
    for user in (worker, colleague):
        MembershipFactory(user=user, team=team)
    MembershipFactory(user=outsider, team=other)
    child = ChildFactory()
    allocation = AllocationFactory(child=child, worker=worker, team=team)
    return {
        "team": team,
        "worker": worker,
        "colleague": colleague,
        "manager": manager,
        "outsider": outsider,
        "child": child,
        "allocation": allocation,
    }


def test_access_follows_the_current_allocation(case_world) -> None:
    w = case_world
    assert case_access(w["worker"], w["child"]) == CaseAccess.MANAGE
    assert case_access(w["manager"], w["child"]) == CaseAccess.MANAGE
    assert case_access(w["colleague"], w["child"]) == CaseAccess.CONTRIBUTE
    assert case_access(w["outsider"], w["child"]) == CaseAccess.NONE
    assert list(readable_children(w["outsider"])) == []
    assert list(readable_children(w["colleague"])) == [w["child"]]


def test_access_ends_when_the_allocation_ends(case_world) -> None:
    w = case_world
    w["allocation"].end_date = timezone.localdate() - timedelta(days=1)
    w["allocation"].save()
    assert case_access(w["worker"], w["child"]) == CaseAccess.NONE
    assert case_access(w["manager"], w["child"]) == CaseAccess.NONE


def test_the_allocation_team_counts_not_the_workers_latest_team(case_world) -> None:
    w = case_world
    new_team = TeamFactory()
    membership = w["worker"].memberships.get()
    membership.end_date = timezone.localdate() - timedelta(days=1)
    membership.save()
    MembershipFactory(user=w["worker"], team=new_team)
    assert case_access(w["worker"], w["child"]) == CaseAccess.MANAGE
    assert case_access(w["colleague"], w["child"]) == CaseAccess.CONTRIBUTE


def test_a_child_may_have_a_student_and_a_supervisor(case_world) -> None:
    w = case_world
    student = UserFactory()
    AllocationFactory(child=w["child"], worker=student, team=w["team"], kind="student")
    assert case_access(student, w["child"]) == CaseAccess.MANAGE
    assert case_access(w["worker"], w["child"]) == CaseAccess.MANAGE


def test_leavers_and_disabled_staff_have_no_access(case_world) -> None:
    w = case_world
    w["worker"].leave_date = timezone.localdate()
    w["worker"].save()
    assert case_access(w["worker"], w["child"]) == CaseAccess.NONE
    w["manager"].is_active = False
    w["manager"].save()
    assert case_access(w["manager"], w["child"]) == CaseAccess.NONE
    assert not readable_children(w["manager"]).exists()


def test_a_future_allocation_gives_no_access_yet(case_world) -> None:
    newcomer = UserFactory()
    AllocationFactory(
        child=ChildFactory(),
        worker=newcomer,
        team=TeamFactory(),
        start_date=timezone.localdate() + timedelta(days=3),
    )
    assert not readable_children(newcomer).exists()
