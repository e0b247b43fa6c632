"""Case pages: my cases, a child's case record, opening and allocating cases, CSV import."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods

from safecomms.audit.services import audit_case_view
from safecomms.cases import selectors, services
from safecomms.cases.access import CaseAccess
from safecomms.cases.case_import import CaseImportError, cases_import
from safecomms.cases.forms import (
    AllocationEndForm,
    AllocationForm,
    CaseImportForm,
    CasePersonForm,
    ChildCreateForm,
    ContactPointForm,
)
from safecomms.cases.models import Allocation, Child
from safecomms.devices.presentation import case_exceptions_section
from safecomms.imports.presentation import deletion_tasks_banner
from safecomms.staff.models import Role, Team, User
from safecomms.web.access import SIGNED_IN, case, guard, roles, signed_in_user, when
from safecomms.web.components import summary_list, table
from safecomms.web.forms import posted


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _child(request: HttpRequest) -> Child:
    return request.child  # type: ignore[attr-defined]


def _case_link(child: Child) -> Any:
    return format_html(
        '<a class="govuk-link" href="{}">{}</a>',
        reverse("cases:detail", args=[child.pk]),
        child.full_name,
    )


@guard(SIGNED_IN)
def my_cases(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    children = list(selectors.my_cases(user))
    mine = [c for c in children if any(a.worker_id == user.pk for a in c.current_allocations)]  # type: ignore[attr-defined]
    team = [c for c in children if c not in mine]

    def rows(items: list[Child]) -> list[list[Any]]:
        return [
            [
                _case_link(child),
                child.person_id,
                child.get_legal_status_display(),
                ", ".join(
                    f"{a.worker.full_name} ({a.team.name})"
                    for a in child.current_allocations  # type: ignore[attr-defined]
                ),
            ]
            for child in items
        ]

    head = ["Child", "Person ID", "Legal status", "Allocated to"]
    context = {
        "mine": table(caption="Allocated to you", head=head, rows=rows(mine)) if mine else None,
        "team": table(caption="Your teams' other cases", head=head, rows=rows(team))
        if team
        else None,
        "can_create": user.has_role(Role.TEAM_MANAGER),
    }
    return render(request, "cases/my_cases.html", context)


@guard(case(CaseAccess.CONTRIBUTE))
def detail(request: HttpRequest, child_id: int) -> HttpResponse:
    child = selectors.case_record(_child(request))
    audit_case_view(actor=request.user, child=child, request=request)
    level: CaseAccess = request.case_access  # type: ignore[attr-defined]
    can_manage = level >= CaseAccess.MANAGE
    user = _user(request)
    allocations = list(child.allocations.all())
    manages_allocated_team = (
        Allocation.objects.current().filter(child=child, team__managers=user).exists()
    )

    def contact_list(points: Any) -> Any:
        return (
            format_html_join(
                mark_safe("<br>"),
                "{}: {}",
                ((p.get_kind_display(), p.value) for p in points),
            )
            or "None recorded"
        )

    people_rows = [
        [
            person.full_name
            + (f" (also known as {', '.join(person.alias_list)})" if person.alias_list else ""),
            person.get_relationship_display()
            + (" · parental responsibility" if person.has_parental_responsibility else ""),
            contact_list(person.contact_points.all()),
        ]
        for person in child.people.all()
    ]
    allocation_rows = []
    for allocation in allocations:
        end = date_format(allocation.end_date, "j M Y") if allocation.end_date else "Open"
        action: Any = ""
        if allocation.is_current() and manages_allocated_team:
            action = format_html(
                '<a class="govuk-link" href="{}">End<span class="govuk-visually-hidden"> allocation of {}</span></a>',
                reverse("cases:allocation-end", args=[child.pk, allocation.pk]),
                allocation.worker.full_name,
            )
        allocation_rows.append(
            [
                allocation.worker.full_name,
                allocation.get_kind_display(),
                allocation.team.name,
                date_format(allocation.start_date, "j M Y"),
                end,
                action,
            ]
        )
    context = {
        "child": child,
        "can_manage": can_manage,
        "can_allocate": can_manage and manages_allocated_team,
        "details": summary_list(
            [
                ("Person ID", child.person_id),
                (
                    "Name",
                    child.full_name
                    + (f" (known as {child.preferred_name})" if child.preferred_name else ""),
                ),
                (
                    "Date of birth",
                    date_format(child.date_of_birth, "j F Y")
                    if child.date_of_birth
                    else "Not recorded",
                ),
                ("Legal status", child.get_legal_status_display()),
                ("Contact details", contact_list(child.contact_points.all())),
            ]
        ),
        "people": table(
            caption="Family and professionals",
            head=["Name", "Relationship", "Contact details"],
            rows=people_rows,
        )
        if people_rows
        else None,
        "allocations": table(
            caption="Allocation history",
            head=["Worker", "Role", "Team", "From", "To", ""],
            rows=allocation_rows,
        ),
        "case_exceptions": case_exceptions_section(child),
        "deletion_tasks_html": deletion_tasks_banner(user, child),
    }
    return render(request, "cases/detail.html", context)


def _managed_teams(request: HttpRequest) -> list[Team]:
    return list(Team.objects.filter(managers=signed_in_user(request)).order_by("name"))


@require_http_methods(["GET", "POST"])
@guard(roles(Role.TEAM_MANAGER))
def create(request: HttpRequest) -> HttpResponse:
    form = ChildCreateForm(posted(request), teams=_managed_teams(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        child = services.child_create(
            actor=_user(request),
            person_id=data["person_id"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            preferred_name=data["preferred_name"],
            date_of_birth=data["date_of_birth"],
            legal_status=data["legal_status"],
            team=data["team"],
            worker=data["worker"],
            allocation_start=data["allocation_start"],
            request=request,
        )
        messages.success(
            request,
            f"Case opened for {child.full_name} and allocated to {data['worker'].full_name}.",
        )
        return redirect("cases:detail", child_id=child.pk)
    return render(
        request, "cases/form.html", {"form": form, "title": "Open a case", "button": "Open case"}
    )


@require_http_methods(["GET", "POST"])
@guard(case(CaseAccess.MANAGE))
def person_add(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _child(request)
    form = CasePersonForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.case_person_add(
            actor=_user(request), child=child, request=request, **form.cleaned_data
        )
        messages.success(request, f"{form.cleaned_data['full_name']} has been added to the case.")
        return redirect("cases:detail", child_id=child.pk)
    return render(
        request,
        "cases/form.html",
        {
            "form": form,
            "child": child,
            "child_url": reverse("cases:detail", args=[child.pk]),
            "title": "Add a person to the case",
            "button": "Add person",
        },
    )


@require_http_methods(["GET", "POST"])
@guard(case(CaseAccess.MANAGE))
def contact_add(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _child(request)
    form = ContactPointForm(posted(request), child=child)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.contact_point_add(
            actor=_user(request),
            child=child,
            person=data["belongs_to"],
            kind=data["kind"],
            value=data["value"],
            label=data["label"],
            request=request,
        )
        messages.success(request, "The contact details have been added.")
        return redirect("cases:detail", child_id=child.pk)
    return render(
        request,
        "cases/form.html",
        {
            "form": form,
            "child": child,
            "child_url": reverse("cases:detail", args=[child.pk]),
            "title": "Add contact details",
            "button": "Add contact details",
        },
    )


def _manages_an_allocated_team(request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    child = get_object_or_404(Child, pk=kwargs["child_id"])
    return (
        Allocation.objects.current()
        .filter(child=child, team__managers=signed_in_user(request))
        .exists()
    )


ALLOCATING_MANAGER = when(
    "manager of a team the case is allocated to", _manages_an_allocated_team, Role.TEAM_MANAGER
)


@require_http_methods(["GET", "POST"])
@guard(ALLOCATING_MANAGER)
def allocation_add(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_object_or_404(Child, pk=child_id)
    form = AllocationForm(posted(request), teams=_managed_teams(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.allocation_create(
                actor=_user(request),
                child=child,
                worker=data["worker"],
                team=data["team"],
                kind=data["kind"],
                start_date=data["start_date"],
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{data['worker'].full_name} has been allocated.")
            return redirect("cases:detail", child_id=child.pk)
    return render(
        request,
        "cases/form.html",
        {
            "form": form,
            "child": child,
            "child_url": reverse("cases:detail", args=[child.pk]),
            "title": "Allocate a worker",
            "button": "Allocate",
        },
    )


@require_http_methods(["GET", "POST"])
@guard(ALLOCATING_MANAGER)
def allocation_end(request: HttpRequest, child_id: int, allocation_id: int) -> HttpResponse:
    child = get_object_or_404(Child, pk=child_id)
    allocation = get_object_or_404(
        Allocation.objects.select_related("worker"), pk=allocation_id, child=child
    )
    form = AllocationEndForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.allocation_end(
                actor=_user(request),
                allocation=allocation,
                end_date=form.cleaned_data["end_date"],
                request=request,
            )
        except ValidationError as error:
            form.add_error("end_date", error)
        else:
            messages.success(
                request, f"The allocation to {allocation.worker.full_name} has been ended."
            )
            return redirect("cases:detail", child_id=child.pk)
    title = f"End the allocation to {allocation.worker.full_name}"
    return render(
        request,
        "cases/form.html",
        {
            "form": form,
            "child": child,
            "child_url": reverse("cases:detail", args=[child.pk]),
            "title": title,
            "button": "End allocation",
        },
    )


@require_http_methods(["GET", "POST"])
@guard(roles(Role.TEAM_MANAGER))
def case_import(request: HttpRequest) -> HttpResponse:
    form = CaseImportForm(posted(request), request.FILES if request.method == "POST" else None)
    problems: list[str] = []
    summary = None
    if request.method == "POST" and form.is_valid():
        try:
            summary = cases_import(
                actor=_user(request), data=form.cleaned_data["file"].read(), request=request
            )
        except CaseImportError as error:
            problems = error.problems
            form.add_error(
                "file",
                f"The file was not imported: {len(problems)} problem{'s' if len(problems) != 1 else ''} found. Nothing has been changed.",
            )
    summary_text = ""
    if summary is not None:
        summary_text = (
            f"{summary.rows} rows: {summary.children_created} cases created, {summary.children_updated} updated, "
            f"{summary.children_unchanged} unchanged; {summary.allocations_created} allocations created, "
            f"{summary.allocations_updated} updated."
        )
    context = {
        "form": form,
        "problems": problems[:200],
        "summary": summary,
        "summary_text": summary_text,
    }
    return render(request, "cases/import.html", context)
