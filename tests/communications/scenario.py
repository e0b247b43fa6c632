"""A case with the people, devices and accounts contact recording needs, for tests to build on."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from safecomms.devices.models import (
    AccountKind,
    ApprovedAccount,
    ContactException,
    Device,
    DeviceKind,
    ExceptionStatus,
    PersonalChannel,
)
from safecomms.staff.models import Role
from tests.factories import (
    AllocationFactory,
    CasePersonFactory,
    ChildFactory,
    MembershipFactory,
    TeamFactory,
    UserFactory,
)

WORK_MOBILE = "+447700900123"
PERSONAL_MOBILE = "+447700900555"


def a_while_ago(days: int = 1, hour: int = 14, minute: int = 30) -> datetime:
    """A time in working hours some days ago, UK time."""
    day = timezone.localdate() - timedelta(days=days)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


def work_phone(worker: Any, *, asset_tag: str = "WCC-0001") -> Device:
    return Device.objects.create(
        asset_tag=asset_tag,
        kind=DeviceKind.MOBILE,
        model_name="Samsung Galaxy A54",
        phone_number=WORK_MOBILE,
        assigned_to=worker,
        issued_on=timezone.localdate() - timedelta(days=300),
    )


def work_mobile_account(
    worker: Any, approver: Any, identifier: str = WORK_MOBILE
) -> ApprovedAccount:
    return ApprovedAccount.objects.create(
        owner=worker,
        kind=AccountKind.WORK_MOBILE,
        identifier=identifier,
        approved_by=approver,
        approved_on=timezone.localdate() - timedelta(days=300),
    )


def personal_phone_exception(worker: Any, child: Any, manager: Any) -> ContactException:
    today = timezone.localdate()
    return ContactException.objects.create(
        requested_by=worker,
        child=child,
        channel=PersonalChannel.PERSONAL_PHONE,
        identifier=PERSONAL_MOBILE,
        reasons="The young person only answers WhatsApp on this number.",
        status=ExceptionStatus.APPROVED,
        decider=manager,
        decided_at=timezone.now() - timedelta(days=20),
        decision_reasons="Agreed for the summer holidays.",
        starts_on=today - timedelta(days=20),
        ends_on=today + timedelta(days=60),
        review_on=today + timedelta(days=60),
    )


def case_world() -> dict[str, Any]:
    """A team with a manager and two practitioners; Kai Walker's case allocated to Priya."""
    team = TeamFactory(name="North Locality Team")
    manager = UserFactory(roles=[Role.TEAM_MANAGER], full_name="Morgan Reid")
    team.managers.add(manager)
    MembershipFactory(user=manager, team=team)
    worker = UserFactory(full_name="Priya Shah")
    colleague = UserFactory(full_name="Tom Okafor")
    for member in (worker, colleague):
        MembershipFactory(user=member, team=team)
    child = ChildFactory(first_name="Kai", last_name="Walker", person_id="1234567")
    mother = CasePersonFactory(child=child, full_name="Dawn Walker", aliases="Mum")
    AllocationFactory(child=child, worker=worker, team=team)
    device = work_phone(worker)
    account = work_mobile_account(worker, manager)
    return {
        "team": team,
        "manager": manager,
        "worker": worker,
        "colleague": colleague,
        "child": child,
        "mother": mother,
        "device": device,
        "account": account,
    }
