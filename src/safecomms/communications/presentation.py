"""How communication records read on a page and in the chronology export."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from safecomms.communications.models import Communication, Finding

CATEGORY_LABELS = {
    "person": "Name",
    "nhs_number": "NHS number",
    "ni_number": "National Insurance number",
    "postcode": "Postcode",
    "phone": "Phone number",
    "email": "E-mail address",
    "date_of_birth": "Date of birth",
    "address": "Address",
    "text_speak": "Text speak",
    "political": "Political statement",
    "offensive": "Offensive or derogatory remark",
    "boundary": "Boundary concern",
    "task_allocation": "Work allocated by message",
}


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category.replace("_", " ").capitalize())


def local(value: datetime) -> datetime:
    return timezone.localtime(value)


def when(value: datetime) -> str:
    """`3 March 2025 at 14:30` in UK time."""
    moment = local(value)
    return f"{date_format(moment, 'j F Y')} at {moment:%H:%M}"


def title(communication: Communication) -> str:
    """`Text message from Priya Shah` / `E-mail to the worker`, for headings and links."""
    if communication.direction == "outbound":
        return f"{communication.get_kind_display()} from {communication.worker.full_name}"
    return f"{communication.get_kind_display()} to {communication.worker.full_name}"


def people_text(communication: Communication) -> str:
    names = [communication.child.full_name] if communication.includes_child else []
    names += [
        f"{person.full_name} ({person.get_relationship_display().lower()})"
        for person in communication.people.all()
    ]
    return ", ".join(names) or "Not recorded"


def numbered_findings(findings: Sequence[Finding]) -> list[tuple[int | None, Finding]]:
    """Findings with the number shown beside their highlight; whole-message ones have none."""
    numbered: list[tuple[int | None, Finding]] = []
    number = 0
    for finding in findings:
        if finding.is_whole_message:
            numbered.append((None, finding))
        else:
            number += 1
            numbered.append((number, finding))
    return numbered


def highlighted_content(content: str, findings: Sequence[Finding]) -> SafeString:
    """The content, escaped, with each finding's span in a <mark> that says what it is in words
    (a visually hidden label before, a visible number after), so nothing relies on colour."""
    spans = [
        (number, finding)
        for number, finding in numbered_findings(findings)
        if number is not None and finding.end <= len(content)
    ]
    spans.sort(key=lambda item: (item[1].start, -item[1].end))
    # Overlapping findings (an address and its postcode) share one highlight.
    groups: list[tuple[int, int, list[tuple[int, Finding]]]] = []
    for number, finding in spans:
        if groups and finding.start < groups[-1][1]:
            start, end, members = groups[-1]
            groups[-1] = (start, max(end, finding.end), [*members, (number, finding)])
        else:
            groups.append((finding.start, finding.end, [(number, finding)]))
    parts: list[str] = []
    position = 0
    for start, end, members in groups:
        parts.append(escape(content[position:start]))
        serious = any(f.severity == "block" for _, f in members)
        described = "; ".join(
            f"finding {n}, {category_label(f.category).lower()}" for n, f in members
        )
        numbers = ",".join(str(n) for n, _ in members)
        parts.append(
            format_html(
                '<mark class="app-finding{}"><span class="govuk-visually-hidden">Start of {}: </span>{}'
                '<span class="govuk-visually-hidden"> (end)</span>'
                '<sup class="app-finding__label" aria-hidden="true">[{}]</sup></mark>',
                " app-finding--block" if serious else "",
                described,
                content[start:end],
                numbers,
            )
        )
        position = end
    parts.append(escape(content[position:]))
    return mark_safe("".join(str(part) for part in parts))
