"""Pages: check a message (anywhere, or from a child's case), dismiss a finding, the report."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods

from safecomms.cases.access import CaseAccess, case_access
from safecomms.cases.models import Child
from safecomms.communications.models import Finding
from safecomms.findings import selectors, services
from safecomms.findings.forms import DismissalForm, MessageCheckForm, ReportPeriodForm
from safecomms.findings.presentation import (
    CHANNEL_NAMES,
    category_name,
    highlighted,
    numbered,
    rule_title,
)
from safecomms.screening import ScreeningResult
from safecomms.staff.models import Role
from safecomms.web.access import SIGNED_IN, case, guard, roles, signed_in_user, when
from safecomms.web.components import summary_list, table
from safecomms.web.forms import posted

REPORT_DAYS = 90


def _rule_link(rule_id: str) -> Any:
    return format_html(
        '<a class="govuk-link" href="/guidance/#rule-{}">{} ({})</a>',
        rule_id,
        rule_title(rule_id),
        rule_id,
    )


def _findings_summary(result: ScreeningResult) -> str:
    total = len(result.findings)
    if not total:
        return "SafeComms found nothing in this message that goes against the guidance."
    blocking = sum(1 for f in result.findings if str(f.severity) == "block")
    things = f"{total} thing{'s' if total != 1 else ''} to look at"
    if blocking:
        return f"{things}. {blocking} must be changed before you send it."
    return f"{things} before you send it."


def _result_context(result: ScreeningResult, channel: str) -> dict[str, Any]:
    items = numbered(result)
    verdict = result.channel_verdict
    return {
        "result": result,
        "findings": items,
        "summary": _findings_summary(result),
        "highlighted": highlighted(result.text, items),
        "whole_message": [item for item in items if item.whole_message],
        "channel_name": CHANNEL_NAMES.get(channel, channel),
        "verdict": verdict,
        "verdict_rules": [_rule_link(rule_id) for rule_id in (verdict.rules if verdict else ())],
        "redacted": {
            "id": "redacted",
            "name": "redacted",
            "label": {"text": "Redacted copy", "classes": "govuk-label--s"},
            "hint": {
                "text": "Everything SafeComms flagged is replaced by a note of what it was, such as "
                "[name]. Rewrite those parts before you send it."
            },
            "value": result.redacted(),
            "rows": min(max(result.text.count("\n") + 3, 4), 16),
            "attributes": {"readonly": "readonly"},
        },
    }


def _check(request: HttpRequest, child: Child | None) -> HttpResponse:
    form = MessageCheckForm(posted(request))
    schedule_given = form.is_bound and any(
        form.data.get(key)
        for key in ("send_time", "send_date-day", "send_date-month", "send_date-year")
    )
    context: dict[str, Any] = {
        "form": form,
        "child": child,
        "child_url": reverse("cases:detail", args=[child.pk]) if child else "",
        "result": None,
    }
    valid = request.method == "POST" and form.is_valid()
    context["schedule_html"] = mark_safe(f"{form['send_date']}{form['send_time']}")
    context["schedule_open"] = bool(schedule_given)
    if valid:
        data = form.cleaned_data
        try:
            result = services.message_check(
                actor=signed_in_user(request),
                text=data["text"],
                channel=data["channel"],
                sent_at=form.sent_at(),
                child=child,
                request=request,
            )
        except ValidationError as error:
            form.add_error("text", error)
        else:
            context.update(_result_context(result, data["channel"]))
    return render(request, "findings/check.html", context)


@require_http_methods(["GET", "POST"])
@guard(SIGNED_IN)
def check(request: HttpRequest) -> HttpResponse:
    return _check(request, None)


@require_http_methods(["GET", "POST"])
@guard(case(CaseAccess.CONTRIBUTE))
def case_check(request: HttpRequest, child_id: int) -> HttpResponse:
    return _check(request, request.child)  # type: ignore[attr-defined]


def _can_read_findings_case(request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    finding = selectors.finding_on_record(int(kwargs["finding_id"]))
    if finding is None:
        raise Http404("No such finding")
    request.finding = finding  # type: ignore[attr-defined]
    return case_access(signed_in_user(request), finding.communication.child).can_read


READS_THE_FINDINGS_CASE = when("can read the finding's case", _can_read_findings_case)


def _return_path(request: HttpRequest, finding: Finding) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("cases:detail", args=[finding.communication.child_id])


@require_http_methods(["GET", "POST"])
@guard(READS_THE_FINDINGS_CASE)
def dismiss(request: HttpRequest, finding_id: int) -> HttpResponse:
    finding: Finding = request.finding  # type: ignore[attr-defined]
    dismissal = getattr(finding, "dismissal", None)
    back = _return_path(request, finding)
    form = DismissalForm(posted(request) if dismissal is None else None)
    if request.method == "POST" and dismissal is None and form.is_valid():
        try:
            services.finding_dismiss(
                actor=signed_in_user(request),
                finding=finding,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(
                request,
                f"The {category_name(finding.category).lower()} finding has been marked as a "
                "false positive. Thank you: your reason helps improve screening.",
            )
            return redirect(back)
    communication = finding.communication
    child = communication.child
    details = summary_list(
        [
            ("Case", f"{child.full_name} ({child.person_id})"),
            ("Record", str(communication)),
            ("Finding", category_name(finding.category)),
            ("Advice given", finding.message),
            ("Guidance", _rule_link(finding.rule_id)),
        ]
    )
    return render(
        request,
        "findings/dismiss.html",
        {
            "form": form,
            "finding": finding,
            "dismissal": dismissal,
            "details": details,
            "back": back,
        },
    )


def _percent(share: float) -> str:
    return f"{share:.0%}"


@guard(roles(Role.TEAM_MANAGER, Role.IG_OFFICER))
def report(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    today = timezone.localdate()
    bound = any(key.startswith(("start-", "end-")) for key in request.GET)
    form = ReportPeriodForm(request.GET if bound else None)
    if not bound:
        form.initial = {"start": today - timedelta(days=REPORT_DAYS - 1), "end": today}
    context: dict[str, Any] = {"form": form, "report": None}
    if not bound or form.is_valid():
        start = form.cleaned_data["start"] if bound else form.initial["start"]
        end = form.cleaned_data["end"] if bound else form.initial["end"]
        data = selectors.dismissal_report(user=user, start=start, end=end)
        services.screening_report_view(
            actor=user, start=start, end=end, whole_council=data.whole_council, request=request
        )
        context.update(_report_context(data))
    return render(request, "findings/report.html", context)


def _report_context(data: selectors.DismissalReport) -> dict[str, Any]:
    period = f"{date_format(data.start, 'j F Y')} to {date_format(data.end, 'j F Y')}"
    rules = table(
        caption="Rules, most dismissed first",
        head=["Rule", "Finding", "Findings raised", "Marked false positive", "Share dismissed"],
        rows=[
            [
                _rule_link(row.rule_id),
                category_name(row.category),
                {"text": str(row.raised), "format": "numeric"},
                {"text": str(row.dismissed), "format": "numeric"},
                {"text": _percent(row.share), "format": "numeric"},
            ]
            for row in data.rules
        ],
    )
    for heading in rules["head"][2:]:
        heading["format"] = "numeric"
    entries = table(
        caption="Word-list entries most often dismissed",
        head=["Entry", "Finding", "Rule", "Times dismissed"],
        rows=[
            [
                row.entry,
                category_name(row.category),
                _rule_link(row.rule_id),
                {"text": str(row.dismissed), "format": "numeric"},
            ]
            for row in data.entries
        ],
    )
    entries["head"][3]["format"] = "numeric"
    recent_rows = []
    for dismissal in data.recent:
        if dismissal.child is None:
            case_cell: Any = "Record disposed of"
        elif data.whole_council:
            case_cell = f"Person ID {dismissal.child.person_id}"
        else:
            case_cell = format_html(
                '<a class="govuk-link" href="{}">{}</a>',
                reverse("cases:detail", args=[dismissal.child_id]),
                dismissal.child.full_name,
            )
        recent_rows.append(
            [
                date_format(timezone.localtime(dismissal.dismissed_at), "j M Y"),
                case_cell,
                f"{category_name(dismissal.category)} ({dismissal.rule_id})",
                dismissal.reason,
                dismissal.dismissed_by.full_name,
            ]
        )
    recent = table(
        caption="Latest findings marked as false positives",
        head=["Dismissed", "Case", "Finding", "Reason given", "By"],
        rows=recent_rows,
    )
    return {
        "report": data,
        "period": period,
        "share": _percent(data.share),
        "rules": rules if data.rules else None,
        "entries": entries if data.entries else None,
        "recent": recent if data.recent else None,
        "recent_limit": selectors.RECENT_LIMIT,
    }
