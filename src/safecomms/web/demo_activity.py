"""Everyday activity for the demo council, made through the real services so that screening,
flags and the manager's queue show what they would show in use."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from safecomms.cases.access import readable_children
from safecomms.communications.models import Kind, Platform
from safecomms.communications.services import communication_complete, communication_record
from safecomms.devices.models import AccountKind, Device, DeviceKind, PersonalChannel
from safecomms.devices.services.exception_workflow import exception_request
from safecomms.devices.services.register import account_approve, device_register
from safecomms.staff.models import Role, User
from safecomms.visits.models import Confidence, VideoApp, VisitDecision
from safecomms.visits.services import assessment_record

LONDON = ZoneInfo("Europe/London")


def _at(days_ago: int, hour: int, minute: int = 0) -> datetime:
    day = timezone.localdate() - timedelta(days=days_ago)
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def register_devices_and_accounts(ict_admin: User) -> None:
    """A council phone and approved work accounts for everyone doing direct work."""
    staff = User.objects.filter(
        staff_roles__role__in=[Role.PRACTITIONER, Role.TEAM_MANAGER]
    ).distinct()
    for number, person in enumerate(staff.order_by("pk"), start=1):
        phone = f"+4477009{number:05d}"
        device_register(
            actor=ict_admin,
            asset_tag=f"WCC-M-{number:04d}",
            kind=DeviceKind.MOBILE,
            model_name="Samsung Galaxy A55",
            phone_number=phone,
            assigned_to=person,
        )
        account_approve(
            actor=ict_admin, owner=person, kind=AccountKind.WORK_EMAIL, identifier=person.email
        )
        account_approve(
            actor=ict_admin, owner=person, kind=AccountKind.WORK_MOBILE, identifier=phone
        )
        account_approve(actor=ict_admin, owner=person, kind=AccountKind.WHATSAPP, identifier=phone)


def record_contact(worker: User) -> None:
    """A week of a practitioner's messages on two cases, including some a manager should see."""
    children = list(readable_children(worker).filter(allocations__worker=worker).distinct()[:2])
    if len(children) < 2:
        return
    first, second = children
    device = Device.objects.filter(assigned_to=worker).first()
    work_mobile = device.phone_number if device else ""
    mother = first.people.filter(relationship="mother").first()
    messages = [
        # (child, days ago, hour, kind, platform, direction, summary, content, account, visit)
        (
            first,
            6,
            10,
            Kind.TEXT,
            Platform.SMS,
            "outbound",
            "Confirmed the home visit",
            "Good morning, this is to confirm I will visit on Thursday at 4pm. Please let me know if that time does not suit.",
            work_mobile,
            False,
        ),
        (
            first,
            6,
            11,
            Kind.TEXT,
            Platform.SMS,
            "inbound",
            "Mother confirmed the visit",
            "Thursday is fine, see you then",
            work_mobile,
            False,
        ),
        (
            first,
            4,
            16,
            Kind.VIDEO_CALL,
            Platform.WHATSAPP,
            "outbound",
            "Virtual visit with the family",
            f"Video call with {first.first_name} and {mother.full_name if mother else 'mum'}. {first.first_name} showed me the new bedroom and talked about school.",
            work_mobile,
            True,
        ),
        (
            second,
            3,
            9,
            Kind.INSTANT_MESSAGE,
            Platform.WHATSAPP,
            "outbound",
            "Reminder about the school meeting",
            "hi, just a reminder the school meeting is tmrw at 9. c u there thx",
            work_mobile,
            False,
        ),
        (
            second,
            2,
            22,
            Kind.TEXT,
            Platform.SMS,
            "outbound",
            "Late text from a personal phone",
            "Don't tell your mum I messaged you, text me on this number instead x",
            "07700 900461",
            False,
        ),
    ]
    for child, days, hour, kind, platform, direction, summary, content, account, visit in messages:
        record = communication_record(
            actor=worker,
            child=child,
            occurred_at=_at(days, hour),
            kind=kind,
            platform=platform,
            direction=direction,
            summary=summary,
            content=content,
            account_identifier=account,
            device=device if account == work_mobile else None,
            device_description="" if account == work_mobile else "Personal phone",
            is_virtual_visit=visit,
            people=[mother] if mother and child == first else [],
        )
        if days > 2:
            communication_complete(actor=worker, communication=record)


def assess_and_ask(manager: User, worker: User) -> None:
    """A virtual-visit assessment for one of the worker's children, and an exception request."""
    children = list(readable_children(worker).filter(allocations__worker=worker).distinct()[:3])
    if len(children) < 3:
        return
    assessment_record(
        actor=manager,
        child=children[2],
        decision=VisitDecision.MIXED,
        child_confidence=Confidence.CONFIDENT,
        family_confidence=Confidence.NEEDS_SUPPORT,
        needs="Enjoys showing their room and drawings on video; finds long calls tiring.",
        risks="Father's new partner may be present; visits alternate with in-person ones.",
        preferred_app=VideoApp.TEAMS,
    )
    exception_request(
        actor=worker,
        child=children[1],
        channel=PersonalChannel.PERSONAL_PHONE,
        identifier="07700 900461",
        reasons="My council phone is being repaired this week and the young person only replies to texts.",
    )
