"""People and a case for the devices and exceptions tests."""

from __future__ import annotations

from typing import Any

import pytest

from safecomms.staff.models import Role
from tests.factories import (
    AllocationFactory,
    ChildFactory,
    MembershipFactory,
    TeamFactory,
    UserFactory,
)
from tests.notifications.smtp import smtp_server

__all__ = ["smtp_server"]


@pytest.fixture
def office(db: None) -> dict[str, Any]:
    """A team with its manager, an allocated worker who reports to the manager, a colleague
    with no line manager recorded, an ICT administrator, and the worker's case."""
    team = TeamFactory(name="North Locality Team")
    manager = UserFactory(
        full_name="Rachel Green", email="rachel.green@council.example", roles=[Role.TEAM_MANAGER]
    )
    team.managers.add(manager)
    worker = UserFactory(
        full_name="Jordan Ellis", email="jordan.ellis@council.example", line_manager=manager
    )
    colleague = UserFactory(full_name="Sam Patel", email="sam.patel@council.example")
    ict = UserFactory(
        full_name="Dev Anand", email="dev.anand@council.example", roles=[Role.ICT_ADMIN]
    )
    for person in (manager, worker, colleague):
        MembershipFactory(user=person, team=team)
    child = ChildFactory(first_name="Kai", last_name="Walker", person_id="7654321")
    AllocationFactory(child=child, worker=worker, team=team)
    return {
        "team": team,
        "manager": manager,
        "worker": worker,
        "colleague": colleague,
        "ict": ict,
        "child": child,
    }
