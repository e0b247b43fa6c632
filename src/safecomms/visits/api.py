"""Virtual visit assessments over the API: read by the case team, decided by its managers."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from safecomms.api.auth import api_guard
from safecomms.audit.services import audit_case_view
from safecomms.cases.access import CaseAccess
from safecomms.cases.models import Child
from safecomms.visits import selectors, services
from safecomms.visits.access import DECIDING_MANAGER
from safecomms.visits.models import (
    AssessmentReview,
    Confidence,
    VideoApp,
    VisitAssessment,
    VisitDecision,
    Wellbeing,
)
from safecomms.web.access import case, signed_in_user

router = Router(tags=["virtual visits"])


class ReviewOut(Schema):
    id: int
    reviewer_email: str
    supports_wellbeing: str
    decision: str
    notes: str
    next_review_on: date
    replacement_id: int | None
    created_at: datetime


class AssessmentOut(Schema):
    id: int
    decision: str
    preferred_app: str
    preferred_app_other: str
    child_confidence: str
    family_confidence: str
    needs: str
    risks: str
    decided_by_email: str
    decided_on: date
    review_on: date
    reviews: list[ReviewOut]


class AssessmentIn(Schema):
    decision: VisitDecision
    preferred_app: VideoApp | None = None
    preferred_app_other: str = Field("", max_length=60)
    child_confidence: Confidence
    family_confidence: Confidence
    needs: str = Field(min_length=1)
    risks: str = Field(min_length=1)
    review_on: date | None = Field(None, description="Defaults to 3 months from today")


class ReviewIn(Schema):
    supports_wellbeing: Wellbeing
    decision: VisitDecision
    preferred_app: VideoApp | None = None
    preferred_app_other: str = Field("", max_length=60)
    notes: str = Field(min_length=1)
    next_review_on: date | None = Field(None, description="Defaults to 3 months from today")


def _child(request: HttpRequest) -> Child:
    return request.child  # type: ignore[attr-defined]


def _review(review: AssessmentReview) -> ReviewOut:
    return ReviewOut(
        id=review.pk,
        reviewer_email=review.reviewer.email,
        supports_wellbeing=review.supports_wellbeing,
        decision=review.decision,
        notes=review.notes,
        next_review_on=review.next_review_on,
        replacement_id=review.replacement_id,
        created_at=review.created_at,
    )


def _assessment(assessment: VisitAssessment, reviews: list[AssessmentReview]) -> AssessmentOut:
    return AssessmentOut(
        id=assessment.pk,
        decision=assessment.decision,
        preferred_app=assessment.preferred_app,
        preferred_app_other=assessment.preferred_app_other,
        child_confidence=assessment.child_confidence,
        family_confidence=assessment.family_confidence,
        needs=assessment.needs,
        risks=assessment.risks,
        decided_by_email=assessment.decided_by.email,
        decided_on=assessment.decided_on,
        review_on=assessment.review_on,
        reviews=[_review(r) for r in reviews],
    )


@router.get(
    "/cases/{child_id}/visit-assessments",
    response=list[AssessmentOut],
    summary="A child's virtual visit assessments, newest first",
)
@api_guard(case(CaseAccess.CONTRIBUTE))
def list_visit_assessments(request: HttpRequest, child_id: int) -> list[AssessmentOut]:
    child = _child(request)
    audit_case_view(actor=request.user, child=child, request=request, reason="virtual visits")
    return [_assessment(a, list(a.reviews.all())) for a in selectors.assessment_history(child)]


@router.post(
    "/cases/{child_id}/visit-assessments",
    response={201: AssessmentOut},
    summary="Record the manager's decision on virtual visits for a child",
)
@api_guard(DECIDING_MANAGER)
def create_visit_assessment(
    request: HttpRequest, child_id: int, payload: AssessmentIn
) -> Status[AssessmentOut]:
    try:
        assessment = services.assessment_record(
            actor=signed_in_user(request),
            child=_child(request),
            decision=payload.decision.value,
            preferred_app=payload.preferred_app.value if payload.preferred_app else "",
            preferred_app_other=payload.preferred_app_other,
            child_confidence=payload.child_confidence.value,
            family_confidence=payload.family_confidence.value,
            needs=payload.needs,
            risks=payload.risks,
            review_on=payload.review_on,
            request=request,
        )
    except ValidationError as error:
        raise HttpError(422, "; ".join(error.messages)) from None
    return Status(201, _assessment(assessment, []))


@router.post(
    "/cases/{child_id}/visit-assessments/review",
    response={201: ReviewOut},
    summary="Review the child's current virtual visit assessment",
)
@api_guard(DECIDING_MANAGER)
def review_visit_assessment(
    request: HttpRequest, child_id: int, payload: ReviewIn
) -> Status[ReviewOut]:
    current = selectors.latest_assessment(_child(request))
    if current is None:
        raise HttpError(422, "There is no assessment to review yet. Record one first.")
    try:
        review = services.assessment_review(
            actor=signed_in_user(request),
            assessment=current,
            supports_wellbeing=payload.supports_wellbeing.value,
            decision=payload.decision.value,
            preferred_app=payload.preferred_app.value if payload.preferred_app else "",
            preferred_app_other=payload.preferred_app_other,
            notes=payload.notes,
            next_review_on=payload.next_review_on,
            request=request,
        )
    except ValidationError as error:
        raise HttpError(422, "; ".join(error.messages)) from None
    return Status(201, _review(review))
