from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from safecomms.communications.models import Communication, Finding
from safecomms.staff.models import Role
from tests.factories import (
    AllocationFactory,
    CasePersonFactory,
    ChildFactory,
    MembershipFactory,
    TeamFactory,
    UserFactory,
)


@pytest.fixture
def case_setup(db: None) -> dict[str, Any]:
    """A team with a manager and a worker, and a child allocated to the worker."""
    team = TeamFactory(name="Children's Team North")
    manager = UserFactory(roles=[Role.TEAM_MANAGER], full_name="Rachel Green")
    team.managers.add(manager)
    MembershipFactory(user=manager, team=team)
    worker = UserFactory(full_name="Jordan Ellis")
    MembershipFactory(user=worker, team=team)
    child = ChildFactory(first_name="Kai", last_name="Walker", person_id="1234567")
    CasePersonFactory(child=child, full_name="Dawn Walker", aliases="Dee")
    AllocationFactory(child=child, worker=worker, team=team)
    outsider = UserFactory(full_name="Sam Other")
    MembershipFactory(user=outsider, team=TeamFactory(name="Children's Team South"))
    ig = UserFactory(roles=[Role.IG_OFFICER], full_name="Imogen Grey")
    return {
        "team": team,
        "manager": manager,
        "worker": worker,
        "child": child,
        "outsider": outsider,
        "ig": ig,
    }


def record_with_findings(
    child: Any, worker: Any, content: str, spans: list[tuple[str, int, int, str]]
) -> tuple[Communication, list[Finding]]:
    """A recorded text message on the child's case, with findings at the given spans."""
    communication = Communication.objects.create(
        child=child,
        worker=worker,
        recorded_by=worker,
        occurred_at=timezone.now(),
        kind="text",
        platform="sms",
        direction="outbound",
        content=content,
    )
    findings = [
        Finding.objects.create(
            communication=communication,
            category=category,
            start=start,
            end=end,
            rule_id=rule_id,
            severity="warn",
            message=f"{category} found",
        )
        for category, start, end, rule_id in spans
    ]
    return communication, findings
