"""Writes to case records: each in one transaction and audited."""

from __future__ import annotations

from datetime import date

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from safecomms.audit.services import audit_event, changed_fields, snapshot
from safecomms.cases.models import (
    Allocation,
    AllocationKind,
    CasePerson,
    Child,
    ContactKind,
    ContactPoint,
)
from safecomms.staff.models import Team, User

CHILD_FIELDS = (
    "person_id",
    "first_name",
    "last_name",
    "preferred_name",
    "date_of_birth",
    "legal_status",
)
PERSON_FIELDS = ("full_name", "relationship", "aliases", "has_parental_responsibility")


def normalise_contact_value(kind: str, value: str) -> str:
    """Phone numbers in E.164 so imports can match them; e-mails in lower case."""
    value = value.strip()
    if kind in {ContactKind.PHONE, ContactKind.WHATSAPP} and value and not value.startswith("@"):
        try:
            number = phonenumbers.parse(value, "GB")
        except phonenumbers.NumberParseException:
            raise ValidationError(f"{value!r} is not a phone number") from None
        if not phonenumbers.is_possible_number(number):
            raise ValidationError(f"{value!r} is not a phone number")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if kind == ContactKind.EMAIL:
        return value.lower()
    return value


@transaction.atomic
def child_create(
    *,
    actor: User,
    person_id: str,
    first_name: str,
    last_name: str,
    team: Team,
    worker: User,
    date_of_birth: date | None = None,
    preferred_name: str = "",
    legal_status: str = "cin",
    allocation_start: date | None = None,
    request: HttpRequest | None = None,
) -> Child:
    """Open a case record and allocate it, so it is never without someone responsible."""
    child = Child.objects.create(
        person_id=person_id.strip(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        preferred_name=preferred_name.strip(),
        date_of_birth=date_of_birth,
        legal_status=legal_status,
    )
    audit_event(
        actor=actor,
        action="case.created",
        target=child,
        child_id=child.pk,
        changes={field: (None, value) for field, value in snapshot(child, CHILD_FIELDS).items()},
        request=request,
    )
    allocation_create(
        actor=actor,
        child=child,
        worker=worker,
        team=team,
        start_date=allocation_start or date.today(),
        request=request,
    )
    return child


@transaction.atomic
def child_update(
    *, actor: User, child: Child, request: HttpRequest | None = None, **values: object
) -> Child:
    before = snapshot(child, CHILD_FIELDS)
    for field, value in values.items():
        if field not in CHILD_FIELDS:
            raise ValueError(f"{field} cannot be changed here")
        setattr(child, field, value)
    child.full_clean()
    child.save()
    changes = changed_fields(before, snapshot(child, CHILD_FIELDS))
    if changes:
        audit_event(
            actor=actor,
            action="case.updated",
            target=child,
            child_id=child.pk,
            changes=changes,
            request=request,
        )
    return child


@transaction.atomic
def allocation_create(
    *,
    actor: User,
    child: Child,
    worker: User,
    team: Team,
    start_date: date,
    kind: str = AllocationKind.ALLOCATED_WORKER,
    end_date: date | None = None,
    request: HttpRequest | None = None,
) -> Allocation:
    if end_date is not None and end_date < start_date:
        raise ValidationError("The allocation must end on or after the day it starts")
    allocation = Allocation.objects.create(
        child=child, worker=worker, team=team, kind=kind, start_date=start_date, end_date=end_date
    )
    audit_event(
        actor=actor,
        action="allocation.created",
        target=allocation,
        child_id=child.pk,
        changes={
            "worker": (None, worker.pk),
            "team": (None, team.pk),
            "kind": (None, kind),
            "start_date": (None, start_date),
            "end_date": (None, end_date),
        },
        request=request,
    )
    return allocation


@transaction.atomic
def allocation_end(
    *, actor: User, allocation: Allocation, end_date: date, request: HttpRequest | None = None
) -> Allocation:
    """End an allocation; the worker's access to the case ends with it."""
    if end_date < allocation.start_date:
        raise ValidationError("The allocation cannot end before it started")
    before = allocation.end_date
    allocation.end_date = end_date
    allocation.save(update_fields=["end_date"])
    audit_event(
        actor=actor,
        action="allocation.ended",
        target=allocation,
        child_id=allocation.child_id,
        changes={"end_date": (before, end_date)},
        request=request,
    )
    return allocation


@transaction.atomic
def case_person_add(
    *,
    actor: User,
    child: Child,
    full_name: str,
    relationship: str,
    aliases: str = "",
    has_parental_responsibility: bool = False,
    request: HttpRequest | None = None,
) -> CasePerson:
    person = CasePerson.objects.create(
        child=child,
        full_name=full_name.strip(),
        relationship=relationship,
        aliases=aliases.strip(),
        has_parental_responsibility=has_parental_responsibility,
    )
    audit_event(
        actor=actor,
        action="case_person.added",
        target=person,
        child_id=child.pk,
        changes={f: (None, v) for f, v in snapshot(person, PERSON_FIELDS).items()},
        request=request,
    )
    return person


@transaction.atomic
def contact_point_add(
    *,
    actor: User,
    child: Child,
    kind: str,
    value: str,
    person: CasePerson | None = None,
    label: str = "",
    request: HttpRequest | None = None,
) -> ContactPoint:
    if person is not None and person.child_id != child.pk:
        raise ValidationError("That person is not on this child's case")
    point = ContactPoint.objects.create(
        child=None if person else child,
        person=person,
        kind=kind,
        value=normalise_contact_value(kind, value),
        label=label.strip(),
    )
    audit_event(
        actor=actor,
        action="contact_point.added",
        target=point,
        child_id=child.pk,
        changes={
            "kind": (None, kind),
            "value": (None, point.value),
            "person": (None, person and person.pk),
        },
        request=request,
    )
    return point
