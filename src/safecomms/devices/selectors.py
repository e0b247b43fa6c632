"""Reads about devices, approved accounts and exceptions.

The look-ups at the top are what contact recording and chat import call to decide whether a
communication was made on an approved account and a council device (rule 5.1-approved-accounts,
5.1-council-devices-only), or is covered by an exception (5.1-personal-account-exception).
"""

from __future__ import annotations

from datetime import date
from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from safecomms.cases.models import Child
from safecomms.devices.identifiers import account_identifier, identifier_forms
from safecomms.devices.models import (
    ApprovedAccount,
    ContactException,
    Device,
    DeviceStatus,
    ExceptionStatus,
)
from safecomms.staff.models import User


def _matching_identifier(field: str, forms: set[str]) -> Q:
    if not forms:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{field}__iexact": form}) for form in forms))


def _forms_for(value: str, kind: str | None) -> set[str]:
    if kind is None:
        return identifier_forms(value)
    try:
        return {account_identifier(kind, value)}
    except ValidationError:
        return set()  # a value that cannot be that kind of identifier matches nothing


def approved_account_for(
    *, worker: User, identifier: str, kind: str | None = None, at: date
) -> ApprovedAccount | None:
    """The worker's account approved on `at` whose identifier is `identifier`, if there is one.

    E-mail addresses and handles match whatever their letter case; phone numbers match in E.164
    form however they were typed. With `kind` (an `AccountKind`), only that kind of account.
    """
    forms = _forms_for(identifier, kind)
    accounts = ApprovedAccount.objects.current(at).filter(
        _matching_identifier("identifier", forms), owner=worker
    )
    if kind is not None:
        accounts = accounts.filter(kind=kind)
    return accounts.order_by("approved_on", "pk").first()


def registered_device_for(*, worker: User, device_id: int | None, at: date) -> Device | None:
    """The council device with this id if it was issued to the worker and in use on `at`.

    A device reported lost, stolen or returned still counts for days before its status changed.
    """
    if device_id is None:
        return None
    return (
        Device.objects.filter(pk=device_id, assigned_to=worker, issued_on__lte=at)
        .filter(Q(status=DeviceStatus.IN_USE) | Q(status_changed_on__gt=at))
        .first()
    )


def covering_exception(
    *, worker: User, child: Child, identifier: str, at: date
) -> ContactException | None:
    """The approved exception that let the worker use this personal identifier for this child
    on `at`: one approved and in its dates then, even if it has since expired or been withdrawn."""
    forms = identifier_forms(identifier)
    in_force = Q(status__in=[ExceptionStatus.APPROVED, ExceptionStatus.EXPIRED]) | Q(
        status=ExceptionStatus.WITHDRAWN, withdrawn_at__date__gt=at
    )
    return (
        ContactException.objects.filter(
            in_force,
            _matching_identifier("identifier", forms),
            requested_by=worker,
            child=child,
            starts_on__lte=at,
            ends_on__gte=at,
        )
        .order_by("starts_on", "pk")
        .first()
    )


def _exceptions() -> QuerySet[ContactException]:
    return ContactException.objects.select_related("child", "requested_by", "decider")


def exceptions_awaiting_decision(manager: User) -> QuerySet[ContactException]:
    """Requests the manager is to decide, oldest first."""
    return (
        _exceptions()
        .filter(decider=manager, status=ExceptionStatus.REQUESTED)
        .order_by("requested_at", "pk")
    )


def exceptions_due_for_review(manager: User, today: date) -> QuerySet[ContactException]:
    """Approved exceptions the manager decided whose review date has arrived, most overdue first."""
    return (
        _exceptions()
        .filter(decider=manager, status=ExceptionStatus.APPROVED, review_on__lte=today)
        .order_by("review_on", "pk")
    )


def exceptions_requested_by(worker: User) -> QuerySet[ContactException]:
    """The worker's own requests, newest first."""
    return _exceptions().filter(requested_by=worker).order_by("-requested_at", "-pk")


def exceptions_decided_by(manager: User) -> QuerySet[ContactException]:
    """Exceptions the manager has decided, newest decision first."""
    return (
        _exceptions()
        .filter(decider=manager, decided_at__isnull=False)
        .order_by("-decided_at", "-pk")
    )


def exceptions_on_case(child: Child) -> QuerySet[ContactException]:
    """Every exception asked for on a child's case, newest first, for the case page."""
    return _exceptions().filter(child=child).order_by("-requested_at", "-pk")


def exception_decisions_for_child(child: Child) -> QuerySet[ContactException]:
    """The signed-off decisions (approved or refused, including those since expired or
    withdrawn) on a child's case in the order they were made, for the chronology."""
    return _exceptions().filter(child=child, decided_at__isnull=False).order_by("decided_at", "pk")


def devices_search(query: str = "") -> QuerySet[Device]:
    """The device register, narrowed by asset tag, make and model, number or assigned person."""
    devices = Device.objects.select_related("assigned_to")
    query = query.strip()
    if query:
        terms = Q(asset_tag__icontains=query) | Q(model_name__icontains=query)
        terms |= Q(assigned_to__full_name__icontains=query) | Q(assigned_to__email__icontains=query)
        terms |= _matching_identifier("phone_number", identifier_forms(query))
        devices = devices.filter(terms)
    return devices.order_by("asset_tag")


def accounts_search(query: str = "") -> QuerySet[ApprovedAccount]:
    """The approved accounts register, narrowed by identifier or owner."""
    accounts = ApprovedAccount.objects.select_related("owner", "approved_by", "withdrawn_by")
    query = query.strip()
    if query:
        terms = Q(identifier__icontains=query) | Q(owner__full_name__icontains=query)
        terms |= Q(owner__email__icontains=query)
        terms |= _matching_identifier("identifier", identifier_forms(query))
        accounts = accounts.filter(terms)
    return accounts.order_by("owner__full_name", "kind", "identifier")


def devices_of(worker: User) -> QuerySet[Device]:
    return Device.objects.filter(assigned_to=worker).order_by("status", "asset_tag")


def accounts_of(worker: User) -> QuerySet[ApprovedAccount]:
    return (
        ApprovedAccount.objects.filter(owner=worker)
        .select_related("approved_by")
        .order_by("kind", "identifier")
    )
