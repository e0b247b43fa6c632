"""The manager's queue: exception requests, flagged records and assessments due for review."""

from __future__ import annotations

from math import ceil
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods

from safecomms.audit.services import audit_case_view
from safecomms.cases.models import Child
from safecomms.communications.forms import FlagClearForm
from safecomms.communications.models import Flag
from safecomms.communications.presentation import title, when
from safecomms.communications.services import flag_clear
from safecomms.decisions.access import FLAG_MANAGER
from safecomms.decisions.selectors import decision_queue
from safecomms.staff.models import Role
from safecomms.web.access import guard, roles, signed_in_user
from safecomms.web.components import summary_list, table
from safecomms.web.forms import posted

FLAGS_PER_PAGE = 25


def _day(value: Any) -> str:
    return date_format(value, "j M Y")


def _case_link(child: Child) -> Any:
    return format_html(
        '<a class="govuk-link" href="{}">{}</a> ({})',
        reverse("cases:detail", args=[child.pk]),
        child.full_name,
        child.person_id,
    )


def _action(url: str, text: str, hidden: str) -> Any:
    return format_html(
        '<a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden"> {}</span></a>',
        url,
        text,
        hidden,
    )


@guard(roles(Role.TEAM_MANAGER))
def queue(request: HttpRequest) -> HttpResponse:
    manager = signed_in_user(request)
    today = timezone.localdate()
    page = int(request.GET["page"]) if request.GET.get("page", "").isdigit() else 1
    page = max(page, 1)
    found = decision_queue(
        manager, today, flag_offset=(page - 1) * FLAGS_PER_PAGE, flag_limit=FLAGS_PER_PAGE
    )
    page_count = max(1, ceil(found.flag_count / FLAGS_PER_PAGE))
    requests_table = table(
        caption="Exception requests to decide",
        head=["Asked on", "Worker", "Child", "What for", ""],
        rows=[
            [
                _day(e.requested_at),
                e.requested_by.full_name,
                _case_link(e.child),
                e.get_channel_display(),
                _action(
                    reverse("devices:exception-decide", args=[e.pk]),
                    "Decide",
                    f"the request from {e.requested_by.full_name}",
                ),
            ]
            for e in found.exception_requests
        ],
    )
    reviews_table = table(
        caption="Exceptions due for review",
        head=["Review due", "Worker", "Child", "What for", ""],
        rows=[
            [
                _day(e.review_on),
                e.requested_by.full_name,
                _case_link(e.child),
                e.get_channel_display(),
                _action(
                    reverse("devices:exception-review", args=[e.pk]),
                    "Review",
                    f"the exception for {e.requested_by.full_name}",
                ),
            ]
            for e in found.exception_reviews
        ],
    )
    flags_table = table(
        caption="Flagged records",
        head=["Raised", "Child", "Record", "Flag", ""],
        rows=[
            [
                _day(flag.raised_at),
                _case_link(flag.communication.child),
                format_html(
                    '<a class="govuk-link" href="{}">{}</a>, {}',
                    reverse(
                        "communications:detail",
                        args=[flag.communication.child_id, flag.communication_id],
                    ),
                    title(flag.communication),
                    when(flag.communication.occurred_at),
                ),
                format_html(
                    '{}<br><span class="govuk-body-s">Rule {}</span>',
                    flag.get_code_display(),
                    flag.rule_id,
                ),
                _action(
                    reverse("decisions:flag-clear", args=[flag.pk]),
                    "Acknowledge or clear",
                    f"the flag on {flag.communication.child.full_name}'s record",
                ),
            ]
            for flag in found.flags
        ],
    )
    assessments_table = table(
        caption="Virtual visit assessments to review",
        head=["Review due", "Child", "Decision", "Why", ""],
        rows=[
            [
                _day(a.review_on),
                _case_link(a.child),
                a.get_decision_display(),
                "A worker has said virtual visits may not be supporting the child's wellbeing"
                if getattr(a, "has_concern", False)
                else (
                    "The review date has passed"
                    if a.review_on < today
                    else "The review is due today"
                ),
                _action(
                    reverse("visits:review", args=[a.child_id]),
                    "Review",
                    f"the assessment for {a.child.full_name}",
                ),
            ]
            for a in found.assessments
        ],
    )
    pagination = None
    if page_count > 1:
        pagination = {
            "items": [
                {"number": n, "href": f"?page={n}", "current": n == page}
                for n in range(1, page_count + 1)
            ],
            "previous": {"href": f"?page={page - 1}"} if page > 1 else None,
            "next": {"href": f"?page={page + 1}"} if page < page_count else None,
            "landmarkLabel": "Flagged records pages",
        }
    context = {
        "queue": found,
        "requests": requests_table if found.exception_requests else None,
        "reviews": reviews_table if found.exception_reviews else None,
        "flags": flags_table if found.flags else None,
        "assessments": assessments_table if found.assessments else None,
        "pagination": pagination,
        "flag_page": page,
        "flag_pages": page_count,
    }
    return render(request, "decisions/queue.html", context)


@require_http_methods(["GET", "POST"])
@guard(FLAG_MANAGER)
def flag_clear_view(request: HttpRequest, flag_id: int) -> HttpResponse:
    flag = get_object_or_404(
        Flag.objects.select_related("communication__child", "communication__worker"), pk=flag_id
    )
    communication = flag.communication
    if flag.cleared_at is not None:
        messages.info(request, "This flag has already been dealt with.")
        return redirect("decisions:queue")
    audit_case_view(
        actor=request.user, child=communication.child, request=request, reason="flag decision"
    )
    form = FlagClearForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            flag_clear(
                actor=signed_in_user(request),
                flag=flag,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"The flag has been {form.cleaned_data['outcome']}.")
            return redirect("decisions:queue")
    details = summary_list(
        [
            ("Flag", flag.get_code_display()),
            (
                "Rule",
                format_html(
                    '<a class="govuk-link" href="/guidance/#rule-{}">{}</a>',
                    flag.rule_id,
                    flag.rule_id,
                ),
            ),
            ("Why", flag.message),
            ("Raised", when(flag.raised_at)),
            ("Child", _case_link(communication.child)),
            (
                "Record",
                format_html(
                    '<a class="govuk-link" href="{}">{}, {}</a>',
                    reverse(
                        "communications:detail", args=[communication.child_id, communication.pk]
                    ),
                    title(communication),
                    when(communication.occurred_at),
                ),
            ),
            ("Record status", communication.get_status_display()),
        ]
    )
    return render(
        request,
        "decisions/flag_clear.html",
        {"form": form, "flag": flag, "details": details},
    )
