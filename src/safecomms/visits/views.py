"""Virtual visit pages: the child's assessment, the manager's decision and review, and the
worker's reflection after a visit (guidance 4.1-4.3)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_http_methods

from safecomms.audit.services import audit_case_view
from safecomms.cases.access import CaseAccess
from safecomms.cases.models import Child
from safecomms.communications.models import Communication
from safecomms.communications.presentation import when
from safecomms.visits import selectors, services
from safecomms.visits.access import DECIDING_MANAGER, manages_allocated_team
from safecomms.visits.forms import AssessmentForm, ReflectionForm, ReviewForm
from safecomms.visits.models import VisitAssessment
from safecomms.web.access import case, guard, signed_in_user
from safecomms.web.components import summary_list, table
from safecomms.web.forms import posted


def _child(request: HttpRequest) -> Child:
    return request.child  # type: ignore[attr-defined]


def _day(value: Any) -> str:
    return date_format(value, "j F Y")


def _page_url(child: Child) -> str:
    return reverse("visits:assessment", args=[child.pk])


def _summary(assessment: VisitAssessment) -> dict[str, Any]:
    return summary_list(
        [
            ("Decision", assessment.get_decision_display()),
            ("Preferred video app", assessment.preferred_app_text),
            ("Child's confidence with video", assessment.get_child_confidence_display()),
            ("Parents' or carers' confidence", assessment.get_family_confidence_display()),
            ("Needs", assessment.needs),
            ("Risks", assessment.risks),
            ("Decided by", f"{assessment.decided_by.full_name} on {_day(assessment.decided_on)}"),
            ("Review by", _day(assessment.review_on)),
        ]
    )


@guard(case(CaseAccess.CONTRIBUTE))
def assessment(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _child(request)
    audit_case_view(actor=request.user, child=child, request=request, reason="virtual visits")
    today = timezone.localdate()
    history = selectors.assessment_history(child)
    current = next((a for a in history if a.decided_on <= today), None)
    reflections = selectors.reflections_for_child(child)
    reviews = [review for a in history for review in a.reviews.all()]
    reviews.sort(key=lambda r: r.created_at, reverse=True)
    context = {
        "child": child,
        "current": current,
        "current_summary": _summary(current) if current else None,
        "overdue": current is not None and current.is_overdue(today),
        "is_deciding_manager": manages_allocated_team(signed_in_user(request), child),
        "history": table(
            caption="Earlier decisions",
            head=["Decided on", "Decision", "Decided by", "Review by"],
            rows=[
                [
                    _day(a.decided_on),
                    a.get_decision_display(),
                    a.decided_by.full_name,
                    _day(a.review_on),
                ]
                for a in history
                if a is not current
            ],
        )
        if len(history) > 1
        else None,
        "reflections": table(
            caption="After virtual visits",
            head=["Recorded", "By", "Still supporting wellbeing?", "How it went", "Reviewed"],
            rows=[
                [
                    when(r.created_at),
                    r.author.full_name,
                    r.get_supports_wellbeing_display(),
                    r.how_it_went,
                    _day(r.review.created_at) if r.review else "Not yet",
                ]
                for r in reflections
            ],
        )
        if reflections
        else None,
        "reviews": table(
            caption="Manager's reviews",
            head=["Reviewed", "By", "Still supporting wellbeing?", "Decision", "Notes"],
            rows=[
                [
                    when(r.created_at),
                    r.reviewer.full_name,
                    r.get_supports_wellbeing_display(),
                    r.get_decision_display(),
                    r.notes,
                ]
                for r in reviews
            ],
        )
        if reviews
        else None,
    }
    return render(request, "visits/assessment.html", context)


def _form_page(
    request: HttpRequest, form: Any, *, title: str, button: str, intro: str = ""
) -> HttpResponse:
    child = _child(request)
    return render(
        request,
        "visits/form.html",
        {
            "form": form,
            "child": child,
            "title": title,
            "button": button,
            "intro": intro,
            "back_url": _page_url(child),
        },
    )


@require_http_methods(["GET", "POST"])
@guard(DECIDING_MANAGER)
def assessment_create(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _child(request)
    form = AssessmentForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.assessment_record(
                actor=signed_in_user(request),
                child=child,
                decision=data["decision"],
                preferred_app=data["preferred_app"],
                preferred_app_other=data["preferred_app_other"],
                child_confidence=data["child_confidence"],
                family_confidence=data["family_confidence"],
                needs=data["needs"],
                risks=data["risks"],
                review_on=data["review_on"],
                request=request,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "The virtual visit assessment has been recorded.")
            return redirect(_page_url(child))
    return _form_page(
        request,
        form,
        title="Virtual visit assessment",
        button="Record decision",
        intro="Decide whether visits to this child may be held by video, based on their needs and risks (4.1, 4.2).",
    )


@require_http_methods(["GET", "POST"])
@guard(DECIDING_MANAGER)
def review(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _child(request)
    current = selectors.latest_assessment(child)
    if current is None:
        messages.info(request, "There is no assessment to review yet. Record one first.")
        return redirect("visits:assessment-create", child_id=child.pk)
    form = ReviewForm(posted(request))
    if not form.is_bound:
        form.initial.update(
            {
                "decision": current.decision,
                "preferred_app": current.preferred_app,
                "preferred_app_other": current.preferred_app_other,
            }
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.assessment_review(
                actor=signed_in_user(request),
                assessment=current,
                supports_wellbeing=data["supports_wellbeing"],
                decision=data["decision"],
                preferred_app=data["preferred_app"],
                preferred_app_other=data["preferred_app_other"],
                notes=data["notes"],
                next_review_on=data["next_review_on"],
                request=request,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Your review has been recorded.")
            return redirect(_page_url(child))
    return _form_page(
        request,
        form,
        title="Review the virtual visit assessment",
        button="Record review",
        intro=f"Current decision: {current.get_decision_display().lower()}, made on {_day(current.decided_on)}. "
        "Read what workers have said after virtual visits before deciding (4.3).",
    )


@require_http_methods(["GET", "POST"])
@guard(case(CaseAccess.CONTRIBUTE))
def reflection_create(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _child(request)
    visits = {
        str(c.pk): c
        for c in Communication.objects.filter(child=child, is_virtual_visit=True)
        .select_related("worker")
        .order_by("-occurred_at", "-pk")[:20]
    }
    form = ReflectionForm(
        posted(request),
        visits=[
            (key, f"{c.get_kind_display()}, {when(c.occurred_at)}") for key, c in visits.items()
        ],
    )
    if not form.is_bound and request.GET.get("communication", "") in visits:
        form.initial["communication"] = request.GET["communication"]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.reflection_record(
                actor=signed_in_user(request),
                child=child,
                how_it_went=data["how_it_went"],
                supports_wellbeing=data["supports_wellbeing"],
                communication=visits.get(data["communication"]),
                request=request,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request, "Thank you. Your manager will see this when they review the assessment."
            )
            return redirect(_page_url(child))
    return _form_page(
        request,
        form,
        title="How did the virtual visit go?",
        button="Save",
        intro="The guidance asks workers to keep checking that video contact is still supporting the child's wellbeing (4.3).",
    )
