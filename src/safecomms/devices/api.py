"""The devices register, approved accounts and exceptions over the API, with the pages' rules."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from safecomms.api.auth import api_guard
from safecomms.api.problems import ProblemOut, problem
from safecomms.cases.access import CaseAccess
from safecomms.devices import selectors, services
from safecomms.devices.access import DECIDER, ICT
from safecomms.devices.models import (
    AccountKind,
    ApprovedAccount,
    ContactException,
    Device,
    DeviceKind,
    DeviceStatus,
    PersonalChannel,
)
from safecomms.staff.models import User
from safecomms.web.access import SIGNED_IN, case, signed_in_user

router = Router(tags=["devices and exceptions"])


class DeviceOut(Schema):
    id: int
    asset_tag: str
    kind: str
    model_name: str
    phone_number: str
    assigned_to_email: str | None
    status: str
    issued_on: date

    @staticmethod
    def resolve_assigned_to_email(device: Device) -> str | None:
        return device.assigned_to.email if device.assigned_to else None


class DeviceIn(Schema):
    asset_tag: str = Field(min_length=1, max_length=40)
    kind: DeviceKind
    model_name: str = Field("", max_length=100)
    phone_number: str = Field("", max_length=30)
    assigned_to_email: str | None = None
    status: DeviceStatus = DeviceStatus.IN_USE
    issued_on: date | None = None


class AccountOut(Schema):
    id: int
    owner_email: str
    kind: str
    identifier: str
    approved_by_email: str
    approved_on: date
    withdrawn_on: date | None

    @staticmethod
    def resolve_owner_email(account: ApprovedAccount) -> str:
        return account.owner.email

    @staticmethod
    def resolve_approved_by_email(account: ApprovedAccount) -> str:
        return account.approved_by.email


class AccountIn(Schema):
    owner_email: str
    kind: AccountKind
    identifier: str = Field(min_length=1, max_length=254)
    approved_on: date | None = None


class ExceptionOut(Schema):
    id: int
    child_id: int
    person_id: str
    requested_by_email: str
    decider_email: str
    channel: str
    identifier: str
    status: str
    requested_at: datetime
    decided_at: datetime | None
    starts_on: date | None
    ends_on: date | None
    review_on: date | None


class ExceptionIn(Schema):
    channel: PersonalChannel
    identifier: str = Field(min_length=1, max_length=254)
    reasons: str = Field(min_length=1, max_length=4000)


class DecisionIn(Schema):
    approve: bool
    reasons: str = Field(min_length=1, max_length=4000)
    starts_on: date | None = None
    ends_on: date | None = None
    review_on: date | None = None


def _staff(email: str | None, field: str) -> User | None:
    if not email:
        return None
    person = User.objects.filter(email__iexact=email.strip()).first()
    if person is None:
        raise ValidationError({field: [f"No member of staff has the e-mail address {email}"]})
    return person


def _exception(exception: ContactException) -> ExceptionOut:
    return ExceptionOut(
        id=exception.pk,
        child_id=exception.child_id,
        person_id=exception.child.person_id,
        requested_by_email=exception.requested_by.email,
        decider_email=exception.decider.email,
        channel=exception.channel,
        identifier=exception.identifier,
        status=exception.status,
        requested_at=exception.requested_at,
        decided_at=exception.decided_at,
        starts_on=exception.starts_on,
        ends_on=exception.ends_on,
        review_on=exception.review_on,
    )


@router.get("/devices", response=list[DeviceOut], summary="The council devices register")
@api_guard(ICT)
@paginate(LimitOffsetPagination)
def list_devices(request: HttpRequest, q: str = "") -> object:
    return selectors.devices_search(q)


@router.post(
    "/devices",
    response={201: DeviceOut, 422: ProblemOut},
    summary="Add a council device to the register",
)
@api_guard(ICT)
def create_device(
    request: HttpRequest, payload: DeviceIn
) -> Status[DeviceOut] | Status[ProblemOut]:
    try:
        device = services.device_register(
            actor=signed_in_user(request),
            asset_tag=payload.asset_tag,
            kind=payload.kind.value,
            model_name=payload.model_name,
            phone_number=payload.phone_number,
            assigned_to=_staff(payload.assigned_to_email, "assigned_to_email"),
            status=payload.status.value,
            issued_on=payload.issued_on,
            request=request,
        )
    except ValidationError as error:
        return problem(error)
    return Status(201, DeviceOut.from_orm(device))


@router.get("/accounts", response=list[AccountOut], summary="Approved accounts and identities")
@api_guard(ICT)
@paginate(LimitOffsetPagination)
def list_accounts(request: HttpRequest, q: str = "") -> object:
    return selectors.accounts_search(q)


@router.post(
    "/accounts",
    response={201: AccountOut, 422: ProblemOut},
    summary="Record an account the council has approved for someone's work",
)
@api_guard(ICT)
def approve_account(
    request: HttpRequest, payload: AccountIn
) -> Status[AccountOut] | Status[ProblemOut]:
    try:
        owner = _staff(payload.owner_email, "owner_email")
        assert owner is not None
        account = services.account_approve(
            actor=signed_in_user(request),
            owner=owner,
            kind=payload.kind.value,
            identifier=payload.identifier,
            approved_on=payload.approved_on,
            request=request,
        )
    except ValidationError as error:
        return problem(error)
    return Status(201, AccountOut.from_orm(account))


@router.post(
    "/cases/{child_id}/exceptions",
    response={201: ExceptionOut, 422: ProblemOut},
    summary="Ask your line manager for an exception to use a personal account for a child",
)
@api_guard(case(CaseAccess.CONTRIBUTE))
def request_exception(
    request: HttpRequest, child_id: int, payload: ExceptionIn
) -> Status[ExceptionOut] | Status[ProblemOut]:
    try:
        exception = services.exception_request(
            actor=signed_in_user(request),
            child=request.child,  # type: ignore[attr-defined]
            channel=payload.channel.value,
            identifier=payload.identifier,
            reasons=payload.reasons,
            request=request,
        )
    except ValidationError as error:
        return problem(error)
    return Status(201, _exception(exception))


@router.post(
    "/exceptions/{exception_id}/decision",
    response={200: ExceptionOut, 422: ProblemOut},
    summary="Approve or refuse an exception request (the requester's line manager)",
)
@api_guard(DECIDER)
def decide_exception(
    request: HttpRequest, exception_id: int, payload: DecisionIn
) -> Status[ExceptionOut] | Status[ProblemOut]:
    exception: ContactException = request.contact_exception  # type: ignore[attr-defined]
    try:
        services.exception_decide(
            actor=signed_in_user(request),
            exception=exception,
            approve=payload.approve,
            reasons=payload.reasons,
            starts_on=payload.starts_on,
            ends_on=payload.ends_on,
            review_on=payload.review_on,
            request=request,
        )
    except ValidationError as error:
        return problem(error)
    return Status(200, _exception(exception))


@router.get(
    "/exceptions",
    response=list[ExceptionOut],
    summary="Exceptions you asked for, or with deciding=true those waiting for your decision",
)
@api_guard(SIGNED_IN)
def list_my_exceptions(request: HttpRequest, deciding: bool = False) -> list[ExceptionOut]:
    user = signed_in_user(request)
    found = (
        selectors.exceptions_awaiting_decision(user)
        if deciding
        else selectors.exceptions_requested_by(user)
    )
    return [_exception(exception) for exception in found]
