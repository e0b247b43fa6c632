"""Pieces other pages show: the practitioner's open deletion tasks (home and case pages)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from safecomms.cases.models import Child
from safecomms.imports.selectors import local_time, open_deletion_tasks
from safecomms.staff.models import User


def deletion_tasks_banner(user: User, child: Child | None = None) -> SafeString:
    """Notification banner content listing the person's open deletion tasks, or nothing.

    On the home page each task names the case; on a case page only that case's tasks show."""
    if not user.is_authenticated:
        return mark_safe("")
    tasks = list(open_deletion_tasks(user, child))
    if not tasks:
        return mark_safe("")
    with_child = child is None
    count = len(tasks)
    heading = (
        "Confirm you have cleared an imported conversation from your device"
        if count == 1
        else f"Confirm you have cleared {count} imported conversations from your device"
    )
    links = format_html_join(
        "",
        '<li><a class="govuk-notification-banner__link" href="{}">{}</a></li>',
        (
            (
                reverse("imports:deletion", args=[task.child_id, task.chat_import_id]),
                f"{task.chat_import.get_format_display()} imported on {local_time(task.created_at)}"
                + (f" to {task.child.full_name}'s case" if with_child else ""),
            )
            for task in tasks
        ),
    )
    return format_html(
        '<p class="govuk-notification-banner__heading">{}</p><ul class="govuk-list">{}</ul>',
        heading,
        links,
    )
