"""How devices, accounts and exceptions are shown: status tags, table rows, pagination, and the
Exceptions section of a child's case page."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString

from safecomms.cases.models import Child
from safecomms.devices.models import (
    ApprovedAccount,
    ContactException,
    DeviceStatus,
    ExceptionStatus,
)
from safecomms.devices.selectors import exceptions_on_case
from safecomms.web.components import render_component, table

PAGE_SIZE = 50

_DEVICE_TAGS: dict[str, str] = {
    DeviceStatus.IN_USE: "govuk-tag--green",
    DeviceStatus.LOST: "govuk-tag--red",
    DeviceStatus.STOLEN: "govuk-tag--red",
    DeviceStatus.RETURNED: "govuk-tag--grey",
}
_EXCEPTION_TAGS: dict[str, str] = {
    ExceptionStatus.REQUESTED: "govuk-tag--yellow",
    ExceptionStatus.APPROVED: "govuk-tag--green",
    ExceptionStatus.REFUSED: "govuk-tag--red",
    ExceptionStatus.WITHDRAWN: "govuk-tag--grey",
    ExceptionStatus.EXPIRED: "govuk-tag--grey",
}


def day(value: Any) -> str:
    return date_format(value, "j M Y") if value else ""


def tag(text: str, classes: str) -> SafeString:
    return render_component("tag", {"text": text, "classes": classes})


def device_status_tag(status: str, label: str) -> SafeString:
    return tag(label, _DEVICE_TAGS.get(status, "govuk-tag--grey"))


def exception_status_tag(exception: ContactException) -> SafeString:
    return tag(
        exception.get_status_display(), _EXCEPTION_TAGS.get(exception.status, "govuk-tag--grey")
    )


def account_status_tag(account: ApprovedAccount) -> SafeString:
    today = timezone.localdate()
    if account.withdrawn_on is not None and account.withdrawn_on <= today:
        return tag(f"Withdrawn {day(account.withdrawn_on)}", "govuk-tag--grey")
    if account.withdrawn_on is not None:
        return tag(f"Approved until {day(account.withdrawn_on)}", "govuk-tag--yellow")
    return tag("Approved", "govuk-tag--green")


def exception_period(exception: ContactException) -> str:
    if exception.starts_on and exception.ends_on:
        return f"{day(exception.starts_on)} to {day(exception.ends_on)}"
    return ""


def link(url: str, text: str, hidden: str = "") -> SafeString:
    if hidden:
        return format_html(
            '<a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden"> {}</span></a>',
            url,
            text,
            hidden,
        )
    return format_html('<a class="govuk-link" href="{}">{}</a>', url, text)


def paginate(
    queryset: QuerySet[Any], number: str | None, path: str, query: dict[str, str]
) -> tuple[Page[Any], dict[str, Any] | None]:
    """One page of results and the pagination component's parameters (None for one page)."""
    paginator = Paginator(queryset, PAGE_SIZE)
    page = paginator.get_page(number)
    if paginator.num_pages <= 1:
        return page, None

    def href(n: int) -> str:
        return f"{path}?{urlencode({**{k: v for k, v in query.items() if v}, 'page': n})}"

    params: dict[str, Any] = {
        "items": [
            {"number": n, "href": href(n), "current": n == page.number}
            if isinstance(n, int)
            else {"ellipsis": True}
            for n in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        ],
        "landmarkLabel": "Pages of results",
    }
    if page.has_previous():
        params["previous"] = {"href": href(page.previous_page_number())}
    if page.has_next():
        params["next"] = {"href": href(page.next_page_number())}
    return page, params


def exception_rows(
    exceptions: list[ContactException], *, show_requester: bool = True
) -> list[list[Any]]:
    rows = []
    for exception in exceptions:
        row: list[Any] = [
            link(
                reverse("devices:exception", args=[exception.pk]),
                exception.child.full_name,
                f"({exception.child.person_id}): {exception.get_channel_display().lower()}",
            ),
            exception.child.person_id,
            exception.get_channel_display(),
        ]
        if show_requester:
            row.append(exception.requested_by.full_name)
        row.extend([exception_status_tag(exception), exception_period(exception)])
        rows.append(row)
    return rows


def exception_table(
    caption: str, exceptions: list[ContactException], *, show_requester: bool = True
) -> dict[str, Any]:
    head = ["Child", "Person ID", "Personal account"]
    if show_requester:
        head.append("Requested by")
    head.extend(["Status", "Period"])
    return table(
        caption=caption,
        head=head,
        rows=exception_rows(exceptions, show_requester=show_requester),
    )


def case_exceptions_section(child: Child) -> dict[str, Any] | None:
    """The table of exceptions on a child's case page (None when there are none), in one query.

    Each approval or refusal is shown as the manager's signed-off decision.
    """
    rows = []
    for exception in exceptions_on_case(child):
        decision = ""
        if exception.decided_at is not None:
            verb = "Refused" if exception.status == ExceptionStatus.REFUSED else "Approved"
            decision = f"{verb} by {exception.decider.full_name}, {day(exception.decided_at)}"
        rows.append(
            [
                link(
                    reverse("devices:exception", args=[exception.pk]),
                    exception.get_channel_display(),
                    f"for {exception.requested_by.full_name}, asked {day(exception.requested_at)}",
                ),
                exception.requested_by.full_name,
                exception_status_tag(exception),
                exception_period(exception),
                decision,
            ]
        )
    if not rows:
        return None
    return table(
        caption="Exceptions",
        head=["Personal account", "Worker", "Status", "Period", "Signed-off decision"],
        rows=rows,
    )
