"""Writes to virtual visit assessments: each in one transaction and audited."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from safecomms.audit.services import audit_event, snapshot
from safecomms.cases.models import Child
from safecomms.communications.models import Communication
from safecomms.staff.models import User
from safecomms.visits.models import (
    AssessmentReview,
    VideoApp,
    VisitAssessment,
    VisitDecision,
    VisitReflection,
    Wellbeing,
)
from safecomms.visits.selectors import latest_assessment, review_period

ASSESSMENT_FIELDS = (
    "decision",
    "preferred_app",
    "preferred_app_other",
    "child_confidence",
    "family_confidence",
    "decided_on",
    "review_on",
)


def _validate_assessment(
    *,
    decision: str,
    preferred_app: str,
    preferred_app_other: str,
    decided_on: date,
    review_on: date,
) -> None:
    errors: dict[str, str] = {}
    if decision not in VisitDecision.values:
        errors["decision"] = "Choose whether visits may be virtual"
    elif VisitDecision(decision).allows_virtual and not preferred_app:
        errors["preferred_app"] = "Choose the family's preferred video app"
    if preferred_app and preferred_app not in VideoApp.values:
        errors["preferred_app"] = "Choose the family's preferred video app"
    if preferred_app == VideoApp.OTHER and not preferred_app_other.strip():
        errors["preferred_app_other"] = "Enter the name of the app the family prefers"
    if decided_on > timezone.localdate():
        errors["decided_on"] = "The date of the decision must be today or in the past"
    if review_on < decided_on:
        errors["review_on"] = "The review date must be on or after the date of the decision"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def assessment_record(
    *,
    actor: User,
    child: Child,
    decision: str,
    child_confidence: str,
    family_confidence: str,
    needs: str,
    risks: str,
    preferred_app: str = "",
    preferred_app_other: str = "",
    decided_on: date | None = None,
    review_on: date | None = None,
    request: HttpRequest | None = None,
) -> VisitAssessment:
    """The manager's decision on virtual visits for a child (4.1, 4.2); it replaces any earlier one."""
    decided_on = decided_on or timezone.localdate()
    review_on = review_on or decided_on + review_period()
    if decision in VisitDecision.values and not VisitDecision(decision).allows_virtual:
        preferred_app, preferred_app_other = "", ""
    _validate_assessment(
        decision=decision,
        preferred_app=preferred_app,
        preferred_app_other=preferred_app_other,
        decided_on=decided_on,
        review_on=review_on,
    )
    if not needs.strip() or not risks.strip():
        raise ValidationError(
            {
                **({"needs": "Describe the child's needs"} if not needs.strip() else {}),
                **(
                    {"risks": "Describe the risks, or say there are none known"}
                    if not risks.strip()
                    else {}
                ),
            }
        )
    assessment = VisitAssessment.objects.create(
        child=child,
        decision=decision,
        preferred_app=preferred_app,
        preferred_app_other=preferred_app_other.strip() if preferred_app == VideoApp.OTHER else "",
        child_confidence=child_confidence,
        family_confidence=family_confidence,
        needs=needs.strip(),
        risks=risks.strip(),
        decided_by=actor,
        decided_on=decided_on,
        review_on=review_on,
    )
    audit_event(
        actor=actor,
        action="visit_assessment.recorded",
        target=assessment,
        child_id=child.pk,
        changes={f: (None, v) for f, v in snapshot(assessment, ASSESSMENT_FIELDS).items()},
        content={"needs": assessment.needs, "risks": assessment.risks},
        request=request,
    )
    return assessment


@transaction.atomic
def reflection_record(
    *,
    actor: User,
    child: Child,
    how_it_went: str,
    supports_wellbeing: str,
    communication: Communication | None = None,
    request: HttpRequest | None = None,
) -> VisitReflection:
    """After a virtual visit, the worker says how it went and whether it still helps (4.3)."""
    errors: dict[str, str] = {}
    if not how_it_went.strip():
        errors["how_it_went"] = "Say how the virtual visit went"
    if supports_wellbeing not in Wellbeing.values:
        errors["supports_wellbeing"] = (
            "Say whether virtual visits still support the child's wellbeing"
        )
    if communication is not None and (
        communication.child_id != child.pk or not communication.is_virtual_visit
    ):
        errors["communication"] = "Choose a virtual visit recorded on this case"
    if errors:
        raise ValidationError(errors)
    reflection = VisitReflection.objects.create(
        child=child,
        assessment=latest_assessment(child),
        communication=communication,
        author=actor,
        how_it_went=how_it_went.strip(),
        supports_wellbeing=supports_wellbeing,
    )
    audit_event(
        actor=actor,
        action="visit_reflection.recorded",
        target=reflection,
        child_id=child.pk,
        changes={
            "supports_wellbeing": (None, supports_wellbeing),
            "assessment": (None, reflection.assessment_id),
            "communication": (None, communication.pk if communication else None),
        },
        content={"how_it_went": reflection.how_it_went},
        request=request,
    )
    return reflection


@transaction.atomic
def assessment_review(
    *,
    actor: User,
    assessment: VisitAssessment,
    supports_wellbeing: str,
    decision: str,
    notes: str,
    preferred_app: str = "",
    preferred_app_other: str = "",
    next_review_on: date | None = None,
    request: HttpRequest | None = None,
) -> AssessmentReview:
    """The manager reviews the assessment (4.3). Keeping the decision moves the review date on;
    changing it records a new assessment with the new decision, the old one kept as history."""
    today = timezone.localdate()
    next_review_on = next_review_on or today + review_period()
    errors: dict[str, str] = {}
    if supports_wellbeing not in Wellbeing.values:
        errors["supports_wellbeing"] = (
            "Say whether the arrangement still supports the child's wellbeing"
        )
    if decision not in VisitDecision.values:
        errors["decision"] = "Choose the decision from now on"
    if not notes.strip():
        errors["notes"] = "Enter what you considered"
    if next_review_on <= today:
        errors["next_review_on"] = "The next review date must be in the future"
    elif VisitDecision(decision).allows_virtual:
        if not preferred_app or preferred_app not in VideoApp.values:
            errors["preferred_app"] = "Choose the family's preferred video app"
        elif preferred_app == VideoApp.OTHER and not preferred_app_other.strip():
            errors["preferred_app_other"] = "Enter the name of the app the family prefers"
    if errors:
        raise ValidationError(errors)
    assessment = VisitAssessment.objects.select_for_update().get(pk=assessment.pk)
    replacement = None
    allows_virtual = VisitDecision(decision).allows_virtual
    app = preferred_app if allows_virtual else ""
    app_other = preferred_app_other.strip() if app == VideoApp.OTHER else ""
    if (decision, app, app_other) != (
        assessment.decision,
        assessment.preferred_app,
        assessment.preferred_app_other,
    ):
        replacement = VisitAssessment.objects.create(
            child_id=assessment.child_id,
            decision=decision,
            preferred_app=app,
            preferred_app_other=app_other,
            child_confidence=assessment.child_confidence,
            family_confidence=assessment.family_confidence,
            needs=assessment.needs,
            risks=assessment.risks,
            decided_by=actor,
            decided_on=today,
            review_on=next_review_on,
        )
        audit_event(
            actor=actor,
            action="visit_assessment.recorded",
            target=replacement,
            child_id=assessment.child_id,
            changes={f: (None, v) for f, v in snapshot(replacement, ASSESSMENT_FIELDS).items()},
            content={"needs": replacement.needs, "risks": replacement.risks},
            request=request,
            reason=f"review of assessment {assessment.pk}",
        )
    else:
        before = assessment.review_on
        assessment.review_on = next_review_on
        assessment.save(update_fields=["review_on"])
        audit_event(
            actor=actor,
            action="visit_assessment.review_date_moved",
            target=assessment,
            child_id=assessment.child_id,
            changes={"review_on": (before, next_review_on)},
            request=request,
        )
    review = AssessmentReview.objects.create(
        assessment=assessment,
        reviewer=actor,
        supports_wellbeing=supports_wellbeing,
        decision=decision,
        notes=notes.strip(),
        next_review_on=next_review_on,
        replacement=replacement,
    )
    reviewed = VisitReflection.objects.filter(assessment=assessment, review__isnull=True).update(
        review=review
    )
    audit_event(
        actor=actor,
        action="visit_assessment.reviewed",
        target=review,
        child_id=assessment.child_id,
        changes={
            "supports_wellbeing": (None, supports_wellbeing),
            "decision": (assessment.decision, decision),
            "next_review_on": (None, next_review_on),
            "replacement": (None, replacement.pk if replacement else None),
            "reflections_reviewed": (None, reviewed),
        },
        content={"notes": review.notes},
        request=request,
    )
    return review
