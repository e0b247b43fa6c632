"""Exceptions (rule 5.1-personal-account-exception): asking from a child's case, the line
manager's decision and reviews, withdrawal, and the lists for practitioners and managers.

The decider sees an exception without access to the whole case: only the child's name, person ID
and what the decision needs, and that read is audited like any read of a case.
"""

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
from safecomms.cases.access import CaseAccess, case_access
from safecomms.cases.models import Child
from safecomms.devices import selectors, services
from safecomms.devices.access import (
    DECIDER,
    MAY_SEE_EXCEPTION,
    REQUESTER_OR_DECIDER,
    exception_in_url,
)
from safecomms.devices.forms import (
    ExceptionDecisionForm,
    ExceptionRequestForm,
    ExceptionReviewForm,
    WithdrawForm,
)
from safecomms.devices.models import ContactException, ExceptionStatus
from safecomms.devices.presentation import day, exception_status_tag, exception_table
from safecomms.web.access import SIGNED_IN, case, guard, signed_in_user
from safecomms.web.components import summary_list
from safecomms.web.forms import posted

DECISIONS_SHOWN = 25


def _audited_read(request: HttpRequest, exception: ContactException) -> None:
    audit_case_view(
        actor=signed_in_user(request),
        child=exception.child,
        request=request,
        reason=f"Exception {exception.pk} ({services.RULE_EXCEPTION})",
    )


def _summary(exception: ContactException, *, full: bool = True) -> dict[str, Any]:
    rows: list[tuple[str, Any]] = [
        ("Child", exception.child.full_name),
        ("Person ID", exception.child.person_id),
        ("Requested by", exception.requested_by.full_name),
        ("Asked on", date_format(timezone.localtime(exception.requested_at), "j F Y, g:i a")),
        ("Personal account", exception.get_channel_display()),
        ("Number, address or handle", exception.identifier),
        ("Reasons given", exception.reasons),
    ]
    if full:
        rows.append(("Status", exception_status_tag(exception)))
        rows.append(("Decided by", exception.decider.full_name))
        if exception.decided_at is not None:
            rows.append(
                ("Decided on", date_format(timezone.localtime(exception.decided_at), "j F Y"))
            )
            rows.append(("Reasons for the decision", exception.decision_reasons))
        if exception.starts_on and exception.ends_on:
            rows.append(("Start date", date_format(exception.starts_on, "j F Y")))
            rows.append(("End date", date_format(exception.ends_on, "j F Y")))
        if exception.review_on and exception.status == ExceptionStatus.APPROVED:
            rows.append(("Review date", date_format(exception.review_on, "j F Y")))
        if exception.withdrawn_at is not None and exception.withdrawn_by is not None:
            rows.append(
                (
                    "Withdrawn",
                    f"{date_format(timezone.localtime(exception.withdrawn_at), 'j F Y')} by "
                    f"{exception.withdrawn_by.full_name}",
                )
            )
            rows.append(("Reasons for withdrawing", exception.withdrawal_reasons))
    return summary_list(rows)


@guard(SIGNED_IN)
def exceptions(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    today = timezone.localdate()
    awaiting = list(selectors.exceptions_awaiting_decision(user))
    due = list(selectors.exceptions_due_for_review(user, today))
    mine = list(selectors.exceptions_requested_by(user))
    decided = list(selectors.exceptions_decided_by(user)[:DECISIONS_SHOWN])
    context = {
        "awaiting": exception_table("Waiting for your decision", awaiting) if awaiting else None,
        "due": exception_table("Due for review", due) if due else None,
        "mine": exception_table("Your requests", mine, show_requester=False) if mine else None,
        "decided": exception_table("Your recent decisions", decided) if decided else None,
    }
    return render(request, "devices/exceptions.html", context)


@require_http_methods(["GET", "POST"])
@guard(case(CaseAccess.CONTRIBUTE))
def exception_request(request: HttpRequest, child_id: int) -> HttpResponse:
    child: Child = request.child  # type: ignore[attr-defined]
    user = signed_in_user(request)
    try:
        decider = services.exception_decider_for(user)
        no_decider = ""
    except ValidationError as problem:
        decider, no_decider = None, problem.messages[0]
    form = ExceptionRequestForm(posted(request))
    if request.method == "POST" and decider is not None and form.is_valid():
        try:
            exception = services.exception_request(
                actor=user, child=child, request=request, **form.cleaned_data
            )
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(
                request,
                f"Your request has been sent to {decider.full_name}, your line manager, to decide.",
            )
            return redirect("devices:exception", exception_id=exception.pk)
    return render(
        request,
        "devices/exception_request.html",
        {"form": form, "child": child, "decider": decider, "no_decider": no_decider},
    )


@guard(MAY_SEE_EXCEPTION)
def exception_detail(request: HttpRequest, exception_id: int) -> HttpResponse:
    exception = exception_in_url(request, {"exception_id": exception_id})
    user = signed_in_user(request)
    _audited_read(request, exception)
    is_decider = user.pk == exception.decider_id
    is_requester = user.pk == exception.requested_by_id
    open_states = {ExceptionStatus.REQUESTED, ExceptionStatus.APPROVED}
    context = {
        "exception": exception,
        "summary": _summary(exception),
        "can_decide": is_decider and exception.status == ExceptionStatus.REQUESTED,
        "can_review": is_decider and exception.status == ExceptionStatus.APPROVED,
        "can_withdraw": is_requester and exception.status in open_states,
        "back": reverse("cases:detail", args=[exception.child_id])
        if case_access(user, exception.child) >= CaseAccess.CONTRIBUTE
        else reverse("devices:exceptions"),
    }
    return render(request, "devices/exception_detail.html", context)


def _not_open(request: HttpRequest, exception: ContactException, doing: str) -> HttpResponse:
    messages.info(
        request,
        f"This exception cannot be {doing}: its status is "
        f"‘{exception.get_status_display().lower()}’.",
    )
    return redirect("devices:exception", exception_id=exception.pk)


@require_http_methods(["GET", "POST"])
@guard(DECIDER)
def exception_decide(request: HttpRequest, exception_id: int) -> HttpResponse:
    exception = exception_in_url(request, {"exception_id": exception_id})
    if exception.status != ExceptionStatus.REQUESTED:
        return _not_open(request, exception, "decided")
    form = ExceptionDecisionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.exception_decide(
                actor=signed_in_user(request),
                exception=exception,
                approve=data["decision"] == "approve",
                reasons=data["decision_reasons"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                review_on=data["review_on"],
                request=request,
            )
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            outcome = "approved" if exception.status == ExceptionStatus.APPROVED else "refused"
            messages.success(
                request,
                f"You have {outcome} the exception. {exception.requested_by.full_name} "
                "has been told by e-mail.",
            )
            return redirect("devices:exceptions")
    _audited_read(request, exception)
    return render(
        request,
        "devices/exception_decide.html",
        {"form": form, "exception": exception, "summary": _summary(exception, full=False)},
    )


@require_http_methods(["GET", "POST"])
@guard(DECIDER)
def exception_review(request: HttpRequest, exception_id: int) -> HttpResponse:
    exception = exception_in_url(request, {"exception_id": exception_id})
    if exception.status != ExceptionStatus.APPROVED:
        return _not_open(request, exception, "reviewed")
    form = ExceptionReviewForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actor = signed_in_user(request)
        try:
            if data["outcome"] == "end":
                services.exception_withdraw(
                    actor=actor, exception=exception, reasons=data["notes"], request=request
                )
                done = "You have ended the exception."
            else:
                if data["next_review_on"] is None:
                    raise ValidationError({"next_review_on": ["Enter the next review date"]})
                services.exception_review(
                    actor=actor,
                    exception=exception,
                    next_review_on=data["next_review_on"],
                    notes=data["notes"],
                    request=request,
                )
                done = f"The exception is kept. Next review: {day(exception.review_on)}."
        except ValidationError as problem:
            if "withdrawal_reasons" in getattr(problem, "error_dict", {}):
                problem = ValidationError({"notes": problem.error_dict["withdrawal_reasons"]})
            form.add_error(None, problem)
        else:
            messages.success(request, done)
            return redirect("devices:exceptions")
    _audited_read(request, exception)
    return render(
        request,
        "devices/exception_review.html",
        {"form": form, "exception": exception, "summary": _summary(exception)},
    )


@require_http_methods(["GET", "POST"])
@guard(REQUESTER_OR_DECIDER)
def exception_withdraw(request: HttpRequest, exception_id: int) -> HttpResponse:
    exception = exception_in_url(request, {"exception_id": exception_id})
    if exception.status not in {ExceptionStatus.REQUESTED, ExceptionStatus.APPROVED}:
        return _not_open(request, exception, "withdrawn")
    form = WithdrawForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.exception_withdraw(
                actor=signed_in_user(request),
                exception=exception,
                reasons=form.cleaned_data["withdrawal_reasons"],
                request=request,
            )
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(request, "The exception has been withdrawn.")
            return redirect("devices:exception", exception_id=exception.pk)
    return render(
        request,
        "devices/form.html",
        {
            "form": form,
            "caption": f"{exception.child.full_name} · {exception.child.person_id}",
            "title": f"Withdraw the exception for a {exception.get_channel_display().lower()}",
            "button": "Withdraw exception",
            "back": reverse("devices:exception", args=[exception.pk]),
        },
    )
