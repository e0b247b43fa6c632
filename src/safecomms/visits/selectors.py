"""Reads about virtual visit assessments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.formats import date_format

from safecomms.cases.models import Allocation, Child
from safecomms.staff.models import User
from safecomms.visits.models import (
    AssessmentReview,
    VisitAssessment,
    VisitReflection,
    Wellbeing,
)


def _day(value: date) -> str:
    return date_format(value, "j F Y")


def review_period() -> timedelta:
    return timedelta(days=settings.SAFECOMMS_REVIEW_ASSESSMENTS_DAYS)


def latest_assessment(child: Child, at: date | None = None) -> VisitAssessment | None:
    """The newest assessment made on or before `at` (today if not given), reviewed or not."""
    at = at or timezone.localdate()
    return (
        VisitAssessment.objects.filter(child=child, decided_on__lte=at)
        .select_related("decided_by")
        .order_by("-decided_on", "-pk")
        .first()
    )


@dataclass(frozen=True)
class VisitStanding:
    """Whether a virtual visit on a day had a current assessment allowing it, and if not, why."""

    assessment: VisitAssessment | None
    allowed: bool
    reason: str


def virtual_visit_standing(child: Child, at: date) -> VisitStanding:
    """Rule 4.1-virtual-visit-assessment: was a virtual visit on `at` covered by a current
    assessment (made by then, its review not overdue) that allows virtual visits?"""
    assessment = latest_assessment(child, at)
    if assessment is None:
        return VisitStanding(
            None, False, "No virtual visit assessment had been made for this child."
        )
    if not assessment.allows_virtual:
        return VisitStanding(
            assessment, False, "The manager's assessment says visits must be in person."
        )
    if assessment.review_on < at:
        return VisitStanding(
            assessment,
            False,
            f"The virtual visit assessment was overdue for review (due {_day(assessment.review_on)}).",
        )
    return VisitStanding(assessment, True, "")


def assessment_history(child: Child) -> list[VisitAssessment]:
    """Every assessment for the child, newest first, with its reviews and the decider loaded."""
    return list(
        VisitAssessment.objects.filter(child=child)
        .select_related("decided_by")
        .prefetch_related(
            Prefetch("reviews", queryset=AssessmentReview.objects.select_related("reviewer"))
        )
        .order_by("-decided_on", "-pk")
    )


def reflections_for_child(child: Child) -> list[VisitReflection]:
    return list(
        VisitReflection.objects.filter(child=child)
        .select_related("author", "communication", "review")
        .order_by("-created_at", "-pk")
    )


def unreviewed_reflections(assessment: VisitAssessment) -> QuerySet[VisitReflection]:
    return VisitReflection.objects.filter(assessment=assessment, review__isnull=True)


def _latest_per_child() -> QuerySet[VisitAssessment]:
    newest = VisitAssessment.objects.filter(child=OuterRef("child")).order_by("-decided_on", "-pk")
    return VisitAssessment.objects.filter(pk=Subquery(newest.values("pk")[:1]))


def assessments_needing_review(manager: User, today: date) -> QuerySet[VisitAssessment]:
    """Current assessments for children allocated to the manager's teams that are due for review,
    or on which a worker has said virtual visits may no longer support the child's wellbeing.
    Most overdue first; one query however many there are."""
    allocated = Allocation.objects.current(today).filter(
        child=OuterRef("child"), team__managers=manager
    )
    concern = VisitReflection.objects.filter(
        assessment=OuterRef("pk"), review__isnull=True
    ).exclude(supports_wellbeing=Wellbeing.YES)
    return (
        _latest_per_child()
        .filter(Exists(allocated))
        .annotate(has_concern=Exists(concern))
        .filter(Q(review_on__lte=today) | Q(has_concern=True))
        .select_related("child", "decided_by")
        .order_by("review_on", "pk")
    )


def assessments_due_for_review(today: date) -> QuerySet[VisitAssessment]:
    """Every child's current assessment whose review date has arrived, for the daily reminder,
    with the managers of the child's currently allocated teams loaded."""
    return (
        _latest_per_child()
        .filter(review_on__lte=today)
        .filter(Exists(Allocation.objects.current(today).filter(child=OuterRef("child"))))
        .prefetch_related(
            Prefetch(
                "child__allocations",
                queryset=Allocation.objects.current(today).prefetch_related("team__managers"),
                to_attr="current_allocations",
            )
        )
        .order_by("review_on", "pk")
    )


def status_for_case_page(child: Child, today: date | None = None) -> tuple[str, str, str]:
    """(tag text, tag colour class, sentence) describing the child's assessment, for the case page."""
    today = today or timezone.localdate()
    assessment = latest_assessment(child, today)
    if assessment is None:
        return ("Not assessed", "govuk-tag--grey", "No virtual visit assessment has been made.")
    if assessment.is_overdue(today):
        return (
            "Review overdue",
            "govuk-tag--red",
            f"{assessment.get_decision_display()}. The review was due on {_day(assessment.review_on)}.",
        )
    return (
        assessment.get_decision_display(),
        "govuk-tag--green" if assessment.allows_virtual else "govuk-tag--blue",
        f"Decided on {_day(assessment.decided_on)}; review by {_day(assessment.review_on)}.",
    )
