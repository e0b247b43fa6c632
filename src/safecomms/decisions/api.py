"""The manager's queue over the API, and acting on flags."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from safecomms.api.auth import api_guard
from safecomms.communications.models import Flag, FlagOutcome
from safecomms.communications.services import flag_clear
from safecomms.decisions.access import FLAG_MANAGER
from safecomms.decisions.selectors import decision_queue
from safecomms.staff.models import Role
from safecomms.web.access import roles, signed_in_user

router = Router(tags=["decisions"])


class ExceptionItemOut(Schema):
    id: int
    child_id: int
    requested_by_email: str
    channel: str
    requested_at: datetime
    review_on: date | None


class FlagItemOut(Schema):
    id: int
    child_id: int
    communication_id: int
    code: str
    rule_id: str
    message: str
    raised_at: datetime


class AssessmentItemOut(Schema):
    id: int
    child_id: int
    decision: str
    review_on: date
    worker_concern: bool


class QueueOut(Schema):
    exception_requests: list[ExceptionItemOut]
    exception_reviews: list[ExceptionItemOut]
    flag_count: int
    flags: list[FlagItemOut]
    assessments: list[AssessmentItemOut]


class QueueQuery(Schema):
    flag_offset: int = Field(0, ge=0)
    flag_limit: int = Field(50, ge=1, le=200)


class FlagDecisionIn(Schema):
    outcome: FlagOutcome = Field(description="acknowledged or cleared")
    note: str = Field(min_length=1)


class FlagDecisionOut(Schema):
    id: int
    outcome: str
    cleared_at: datetime
    rule_id: str


def _exception(e: object) -> ExceptionItemOut:
    return ExceptionItemOut(
        id=e.pk,  # type: ignore[attr-defined]
        child_id=e.child_id,  # type: ignore[attr-defined]
        requested_by_email=e.requested_by.email,  # type: ignore[attr-defined]
        channel=e.channel,  # type: ignore[attr-defined]
        requested_at=e.requested_at,  # type: ignore[attr-defined]
        review_on=e.review_on,  # type: ignore[attr-defined]
    )


@router.get("", response=QueueOut, summary="What is waiting for your decision")
@api_guard(roles(Role.TEAM_MANAGER))
def get_decision_queue(request: HttpRequest, query: Query[QueueQuery]) -> QueueOut:
    found = decision_queue(
        signed_in_user(request),
        timezone.localdate(),
        flag_offset=query.flag_offset,
        flag_limit=query.flag_limit,
    )
    return QueueOut(
        exception_requests=[_exception(e) for e in found.exception_requests],
        exception_reviews=[_exception(e) for e in found.exception_reviews],
        flag_count=found.flag_count,
        flags=[
            FlagItemOut(
                id=f.pk,
                child_id=f.communication.child_id,
                communication_id=f.communication_id,
                code=f.code,
                rule_id=f.rule_id,
                message=f.message,
                raised_at=f.raised_at,
            )
            for f in found.flags
        ],
        assessments=[
            AssessmentItemOut(
                id=a.pk,
                child_id=a.child_id,
                decision=a.decision,
                review_on=a.review_on,
                worker_concern=bool(getattr(a, "has_concern", False)),
            )
            for a in found.assessments
        ],
    )


@router.post(
    "/flags/{flag_id}",
    response=FlagDecisionOut,
    summary="Acknowledge or clear a flag, with a note",
)
@api_guard(FLAG_MANAGER)
def clear_flag(request: HttpRequest, flag_id: int, payload: FlagDecisionIn) -> FlagDecisionOut:
    flag = get_object_or_404(Flag, pk=flag_id)
    if payload.outcome == FlagOutcome.NO_LONGER_APPLIES:
        raise HttpError(422, "Choose acknowledged or cleared")
    try:
        flag = flag_clear(
            actor=signed_in_user(request),
            flag=flag,
            outcome=payload.outcome.value,
            note=payload.note,
            request=request,
        )
    except ValidationError as error:
        raise HttpError(422, "; ".join(error.messages)) from None
    assert flag.cleared_at is not None
    return FlagDecisionOut(
        id=flag.pk, outcome=flag.outcome, cleared_at=flag.cleared_at, rule_id=flag.rule_id
    )
