"""Communication pages: record, check, complete and add to a record; the case chronology."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from safecomms.audit.services import audit_case_view, audit_event
from safecomms.cases.access import CaseAccess
from safecomms.cases.models import Allocation, Child
from safecomms.communications import selectors, services
from safecomms.communications.forms import (
    AddendumForm,
    ChronologyFilterForm,
    CommunicationForm,
)
from safecomms.communications.models import Communication
from safecomms.communications.presentation import (
    category_label,
    highlighted_content,
    local,
    numbered_findings,
    people_text,
    title,
    when,
)
from safecomms.communications.selectors import ChronologyEntry, ChronologyFilters
from safecomms.web.access import AccessRule, case, guard, signed_in_user
from safecomms.web.components import summary_list, table
from safecomms.web.forms import posted


def _child(request: HttpRequest) -> Child:
    return request.child  # type: ignore[attr-defined]


def _level(request: HttpRequest) -> CaseAccess:
    return request.case_access  # type: ignore[attr-defined]


def _record(request: HttpRequest, communication_id: int) -> Communication:
    try:
        return selectors.communication_detail(_child(request), communication_id)
    except Communication.DoesNotExist:
        raise Http404("No such record on this case") from None


def _may_change(request: HttpRequest, communication: Communication) -> bool:
    return (
        _level(request) >= CaseAccess.MANAGE
        or communication.recorded_by_id == signed_in_user(request).pk
    )


def _recorder_or_case_manager(request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    if _level(request) >= CaseAccess.MANAGE:
        return True
    return Communication.objects.filter(
        pk=kwargs["communication_id"],
        child_id=kwargs["child_id"],
        recorded_by=signed_in_user(request),
    ).exists()


RECORDER_OR_CASE_MANAGER = AccessRule(
    "recorded the communication, or may change the case",
    case_level=CaseAccess.CONTRIBUTE,
    predicate=_recorder_or_case_manager,
)


def _manages_allocated_team(request: HttpRequest, child: Child) -> bool:
    return (
        Allocation.objects.current()
        .filter(child=child, team__managers=signed_in_user(request))
        .exists()
    )


def _case_url(child: Child) -> str:
    return reverse("cases:detail", args=[child.pk])


def _record_url(communication: Communication) -> str:
    return reverse(
        "communications:detail",
        kwargs={"child_id": communication.child_id, "communication_id": communication.pk},
    )


def _form_page(
    request: HttpRequest,
    form: CommunicationForm,
    *,
    title_text: str,
    button: str,
    back_url: str,
    replying_to: Communication | None = None,
) -> HttpResponse:
    return render(
        request,
        "communications/form.html",
        {
            "form": form,
            "child": _child(request),
            "title": title_text,
            "button": button,
            "back_url": back_url,
            "replying_to": replying_to,
            "replying_to_title": title(replying_to) if replying_to else "",
            "replying_to_when": when(replying_to.occurred_at) if replying_to else "",
        },
    )


@require_http_methods(["GET", "POST"])
@guard(case(CaseAccess.CONTRIBUTE))
def create(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _child(request)
    user = signed_in_user(request)
    replying_to = None
    reply_to = request.GET.get("reply_to", "")
    if reply_to.isdigit():
        replying_to = (
            Communication.objects.filter(child=child, pk=int(reply_to))
            .select_related("worker")
            .first()
        )
    form = CommunicationForm(posted(request), child=child, worker=user)
    if replying_to is not None and not form.is_bound:
        form.initial.update(
            {
                "kind": replying_to.kind,
                "platform": replying_to.platform,
                "direction": "inbound" if replying_to.direction == "outbound" else "outbound",
                "is_virtual_visit": replying_to.is_virtual_visit,
            }
        )
    if request.method == "POST" and form.is_valid():
        try:
            communication = services.communication_record(
                actor=user,
                child=child,
                in_reply_to=replying_to,
                request=request,
                **form.service_values(),
            )
        except ValidationError as error:
            form.add_service_errors(error, SERVICE_FIELDS)
        else:
            messages.success(
                request,
                "The draft has been saved. Check it and complete it to add it to the case record.",
            )
            return redirect(_record_url(communication))
    return _form_page(
        request,
        form,
        title_text="Record a response" if replying_to else "Record a communication",
        button="Save draft",
        back_url=_record_url(replying_to) if replying_to else _case_url(child),
        replying_to=replying_to,
    )


# Where the service names a field differently from the form.
SERVICE_FIELDS: dict[str, str | None] = {
    "occurred_at": "occurred_on",
    "in_reply_to": None,
    "device_description": "other_device",
}


@guard(case(CaseAccess.CONTRIBUTE))
def detail(request: HttpRequest, child_id: int, communication_id: int) -> HttpResponse:
    child = _child(request)
    communication = _record(request, communication_id)
    audit_case_view(actor=request.user, child=child, request=request)
    findings = list(communication.findings.all())
    numbered = numbered_findings(findings)
    flags = list(communication.flags.all())
    manager = _manages_allocated_team(request, child)
    account = communication.account_identifier or "Not recorded"
    if communication.account_id:
        account += " (approved account)"
    elif communication.exception_id:
        account += " (covered by an exception signed off by the manager)"
    elif communication.account_identifier:
        account += " (not an approved account)"
    device = (
        str(communication.device)
        if communication.device
        else (communication.device_description or "Not recorded")
    )
    if communication.device is None and communication.device_description:
        device += " (not a council device)"
    reply_link: Any = "No"
    if communication.in_reply_to:
        reply_link = format_html(
            '<a class="govuk-link" href="{}">{}, {}</a>',
            _record_url(communication.in_reply_to),
            title(communication.in_reply_to),
            when(communication.in_reply_to.occurred_at),
        )
    rows: list[tuple[str, Any]] = [
        ("Date and time", when(communication.occurred_at)),
        ("Type", communication.get_kind_display()),
        ("Platform", communication.get_platform_display()),
        ("Direction", communication.get_direction_display()),
        ("Virtual visit", "Yes" if communication.is_virtual_visit else "No"),
        ("Worker", communication.worker.full_name),
        ("With", people_text(communication)),
        ("Account or number used", account),
        ("Device used", device),
        ("Summary", communication.summary or "None"),
        ("In response to", reply_link),
        (
            "Recorded by",
            f"{communication.recorded_by.full_name}, {when(communication.created_at)}"
            + (
                f" ({communication.get_source_display().lower()})"
                if communication.source != "manual"
                else ""
            ),
        ),
    ]
    if communication.completed_at:
        rows.append(("Completed", when(communication.completed_at)))
    finding_rows = [
        [
            str(number) if number is not None else "Whole message",
            category_label(finding.category),
            finding.get_severity_display(),
            finding.message,
            format_html(
                '<a class="govuk-link" href="{}">{}</a>',
                f"/guidance/#rule-{finding.rule_id}",
                finding.rule_id,
            ),
        ]
        for number, finding in numbered
    ]
    flag_items: list[dict[str, Any]] = [
        {
            "flag": flag,
            "clear_url": reverse("decisions:flag-clear", args=[flag.pk])
            if manager and flag.is_open
            else "",
        }
        for flag in flags
    ]
    responses = [
        format_html(
            '<a class="govuk-link" href="{}">{}, {}</a>',
            _record_url(r),
            title(r),
            when(r.occurred_at),
        )
        for r in communication.responses.all()
    ]
    context = {
        "child": child,
        "communication": communication,
        "heading": title(communication),
        "occurred": when(communication.occurred_at),
        "details": summary_list(rows),
        "content": highlighted_content(communication.content, findings),
        "findings": table(
            caption="What the check found",
            head=["Number", "Finding", "Severity", "Advice", "Rule"],
            rows=finding_rows,
        )
        if finding_rows
        else None,
        "flags": flag_items,
        "open_flags": [item for item in flag_items if item["flag"].is_open],
        "closed_flags": [item for item in flag_items if not item["flag"].is_open],
        "addenda": [
            {"author": a.author.full_name, "when": when(a.created_at), "text": a.text}
            for a in communication.addenda.all()
        ],
        "responses": format_html_join("", "<li>{}</li>", ((r,) for r in responses))
        if responses
        else "",
        "can_change": not communication.is_completed and _may_change(request, communication),
        "reflect_url": reverse("visits:reflection-create", args=[child.pk])
        + "?"
        + urlencode({"communication": communication.pk})
        if communication.is_virtual_visit and communication.is_completed
        else "",
    }
    return render(request, "communications/detail.html", context)


@require_http_methods(["GET", "POST"])
@guard(RECORDER_OR_CASE_MANAGER)
def edit(request: HttpRequest, child_id: int, communication_id: int) -> HttpResponse:
    child = _child(request)
    communication = _record(request, communication_id)
    if communication.is_completed:
        messages.info(
            request,
            "This record has been completed and cannot be changed. You can add an addendum.",
        )
        return redirect(_record_url(communication))
    user = signed_in_user(request)
    form = CommunicationForm(
        posted(request), child=child, worker=communication.worker, communication=communication
    )
    if request.method == "POST" and form.is_valid():
        try:
            values = form.service_values()
            services.communication_update(
                actor=user,
                communication=communication,
                request=request,
                **values,
            )
        except ValidationError as error:
            form.add_service_errors(error, SERVICE_FIELDS)
        else:
            messages.success(request, "The draft has been updated and checked again.")
            return redirect(_record_url(communication))
    return _form_page(
        request,
        form,
        title_text="Change the draft",
        button="Save draft",
        back_url=_record_url(communication),
    )


@require_POST
@guard(RECORDER_OR_CASE_MANAGER)
def complete(request: HttpRequest, child_id: int, communication_id: int) -> HttpResponse:
    communication = _record(request, communication_id)
    if communication.is_completed:
        messages.info(request, "This record was already completed.")
        return redirect(_record_url(communication))
    services.communication_complete(
        actor=signed_in_user(request), communication=communication, request=request
    )
    messages.success(request, "The record has been completed and added to the case chronology.")
    return redirect(_record_url(communication))


@require_http_methods(["GET", "POST"])
@guard(RECORDER_OR_CASE_MANAGER)
def discard(request: HttpRequest, child_id: int, communication_id: int) -> HttpResponse:
    """Confirm, then remove a draft made in error; completed records cannot be removed."""
    communication = _record(request, communication_id)
    if communication.is_completed:
        messages.info(request, "A completed record cannot be deleted. You can add an addendum.")
        return redirect(_record_url(communication))
    error = ""
    if request.method == "POST":
        try:
            services.communication_discard_draft(
                actor=signed_in_user(request), communication=communication, request=request
            )
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            messages.success(request, "The draft has been deleted.")
            return redirect("communications:chronology", child_id=child_id)
    context = {
        "child": _child(request),
        "communication": communication,
        "error": error,
        "error_list": [{"text": error}] if error else [],
    }
    return render(request, "communications/discard.html", context)


@require_http_methods(["GET", "POST"])
@guard(case(CaseAccess.CONTRIBUTE))
def addendum_add(request: HttpRequest, child_id: int, communication_id: int) -> HttpResponse:
    communication = _record(request, communication_id)
    if not communication.is_completed:
        messages.info(request, "This record is still a draft: change the draft instead.")
        return redirect(_record_url(communication))
    form = AddendumForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.addendum_add(
            actor=signed_in_user(request),
            communication=communication,
            text=form.cleaned_data["text"],
            request=request,
        )
        messages.success(request, "The addendum has been added to the record.")
        return redirect(_record_url(communication))
    return render(
        request,
        "communications/addendum.html",
        {
            "form": form,
            "child": _child(request),
            "communication": communication,
            "heading": title(communication),
            "occurred": when(communication.occurred_at),
            "back_url": _record_url(communication),
        },
    )


# Chronology -----------------------------------------------------------------------------------


def _flag_tags(communication: Communication) -> Any:
    flags = getattr(communication, "open_flags", [])
    return format_html_join(
        " ",
        '<strong class="govuk-tag govuk-tag--red">{}</strong>',
        ((flag.get_code_display(),) for flag in flags),
    )


def _entry_row(entry: ChronologyEntry) -> list[Any]:
    moment = local(entry.at)
    day = date_format(moment, "j M Y")
    if entry.communication is not None:
        c = entry.communication
        what = format_html(
            '<a class="govuk-link" href="{}">{}</a>{}',
            _record_url(c),
            c.get_kind_display(),
            f" ({c.get_platform_display()})",
        )
        status = (
            ""
            if c.is_completed
            else mark_safe(' <strong class="govuk-tag govuk-tag--grey">Draft</strong>')
        )
        visit = (
            mark_safe(' <strong class="govuk-tag govuk-tag--blue">Virtual visit</strong>')
            if c.is_virtual_visit
            else ""
        )
        return [
            {"text": f"{day}, {moment:%H:%M}"},
            format_html("{}{}{}", what, status, visit),
            c.get_direction_display(),
            people_text(c),
            c.summary or (c.content[:120] + ("…" if len(c.content) > 120 else "")),
            _flag_tags(c) or "None",
        ]
    exception = entry.exception
    assert exception is not None
    return [
        {"text": f"{day}, {moment:%H:%M}"},
        "Exception decision",
        "",
        exception.requested_by.full_name,
        f"{exception.get_status_display()}: {exception.get_channel_display().lower()} "
        f"(decided by {exception.decider.full_name})",
        "None",
    ]


@guard(case(CaseAccess.CONTRIBUTE))
def chronology(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _child(request)
    audit_case_view(actor=request.user, child=child, request=request, reason="chronology")
    filters = ChronologyFilters.from_query(request.GET, newest_first_by_default=True)
    form = ChronologyFilterForm(
        initial={key: value for key, value in filters.as_query().items() if key != "order"},
        child=child,
    )
    page_number = int(request.GET["page"]) if request.GET.get("page", "").isdigit() else 1
    page = selectors.chronology_page(child, filters, page=page_number)
    query = filters.as_query()

    def page_url(number: int) -> str:
        return "?" + urlencode({**query, "page": str(number)})

    pagination = None
    if page.page_count > 1:
        items = [
            {"number": n, "href": page_url(n), "current": n == page.number}
            for n in range(1, page.page_count + 1)
            if n in {1, page.page_count} or abs(n - page.number) <= 2
        ]
        shown: list[dict[str, Any]] = []
        for item in items:
            if shown and item["number"] - shown[-1].get("number", 0) > 1:
                shown.append({"ellipsis": True})
            shown.append(item)
        pagination = {
            "items": shown,
            "previous": {"href": page_url(page.number - 1)} if page.number > 1 else None,
            "next": {"href": page_url(page.number + 1)} if page.number < page.page_count else None,
            "landmarkLabel": "Chronology pages",
        }
    order_query = {key: value for key, value in query.items() if key != "order"}
    order_query["order"] = "oldest" if filters.newest_first else "newest"
    order_link = "?" + urlencode(order_query)
    context = {
        "child": child,
        "form": form,
        "filtered": filters.narrowed,
        "page": page,
        "results": table(
            caption="Chronology",
            caption_size="m",
            head=["Date and time", "Activity", "Direction", "With", "Summary", "Flags"],
            rows=[_entry_row(entry) for entry in page.entries],
        )
        if page.entries
        else None,
        "pagination": pagination,
        "order_link": order_link,
        "newest_first": filters.newest_first,
        "export_url": reverse("communications:chronology-csv", args=[child.pk])
        + (
            "?" + urlencode({k: v for k, v in query.items() if k != "order"})
            if filters.narrowed
            else ""
        ),
        "record_url": reverse("communications:create", args=[child.pk]),
    }
    return render(request, "communications/chronology.html", context)


CSV_HEADER = [
    "Date",
    "Time",
    "Activity type",
    "Direction",
    "Worker",
    "People",
    "Virtual visit",
    "Summary",
    "Content",
    "Responses",
    "Flags",
]


def _cell(value: str) -> str:
    """Spreadsheets run a cell that starts with = + - @ as a formula; such text is quoted."""
    return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


def _csv_row(entry: ChronologyEntry) -> list[str]:
    moment = local(entry.at)
    if entry.communication is not None:
        c = entry.communication
        content = c.content
        for addendum in c.addenda.all():
            content += (
                f"\n\nAddendum by {addendum.author.full_name}, {when(addendum.created_at)}:\n"
                f"{addendum.text}"
            )
        responses = "; ".join(
            f"{when(r.occurred_at)}: {r.summary or r.get_kind_display()}" for r in c.responses.all()
        )
        flags = "; ".join(
            f"{flag.get_code_display()} ({flag.rule_id})" for flag in getattr(c, "open_flags", [])
        )
        activity = f"{c.get_kind_display()} ({c.get_platform_display()})"
        if not c.is_completed:
            activity += " - draft"
        row = [
            moment.strftime("%d/%m/%Y"),
            moment.strftime("%H:%M"),
            activity,
            c.get_direction_display(),
            c.worker.full_name,
            people_text(c),
            "Yes" if c.is_virtual_visit else "No",
            c.summary,
            content,
            responses,
            flags,
        ]
    else:
        e = entry.exception
        assert e is not None
        period = ""
        if e.starts_on:
            period = f" from {e.starts_on:%d/%m/%Y}" + (
                f" to {e.ends_on:%d/%m/%Y}" if e.ends_on else ""
            )
        row = [
            moment.strftime("%d/%m/%Y"),
            moment.strftime("%H:%M"),
            "Exception decision (signed off)",
            "",
            e.requested_by.full_name,
            f"Decided by {e.decider.full_name}",
            "No",
            f"{e.get_status_display()}: {e.get_channel_display().lower()}{period}",
            e.decision_reasons,
            "",
            "",
        ]
    return [_cell(value) for value in row]


@guard(case(CaseAccess.CONTRIBUTE))
def chronology_csv(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _child(request)
    filters = ChronologyFilters.from_query(request.GET)
    entries = selectors.chronology_entries(child, filters)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for entry in entries:
        writer.writerow(_csv_row(entry))
    today = timezone.localdate()
    audit_event(
        actor=request.user,
        action="chronology.exported",
        target=child,
        child_id=child.pk,
        changes={"rows": (None, len(entries)), "filters": (None, filters.as_query())},
        request=request,
    )
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    safe_id = "".join(ch for ch in child.person_id if ch.isalnum() or ch in "-_") or str(child.pk)
    response["Content-Disposition"] = (
        f'attachment; filename="chronology-{safe_id}-{today:%Y-%m-%d}.csv"'
    )
    return response
