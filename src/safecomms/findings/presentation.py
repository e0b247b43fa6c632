"""How findings read on a page: names for categories and severities, numbered findings, and the
checked text with each finding marked in place.

Marks do not rely on colour: each carries a visible label with the finding's number and kind,
linking to the advice below, and blocking findings have a double underline as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from safecomms.policy import UnknownRuleError, rule
from safecomms.screening import Finding, ScreeningResult

CATEGORY_NAMES: dict[str, str] = {
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

SEVERITY_TAGS: dict[str, tuple[str, str]] = {
    "block": ("Must change", "govuk-tag--red"),
    "warn": ("Check", "govuk-tag--yellow"),
    "info": ("For information", "govuk-tag--grey"),
}

CHANNEL_NAMES: dict[str, str] = {
    "whatsapp": "WhatsApp",
    "sms": "SMS (text message)",
    "email": "E-mail",
    "teams": "Microsoft Teams",
}


def category_name(category: str) -> str:
    return CATEGORY_NAMES.get(category, category.replace("_", " ").capitalize())


def rule_title(rule_id: str) -> str:
    """The rule's title from the policy register, or its id if the register does not hold it."""
    try:
        return rule(rule_id).title
    except UnknownRuleError:
        return rule_id


@dataclass(frozen=True, slots=True)
class NumberedFinding:
    """A finding as the page lists it: its number matches the mark in the text."""

    number: int
    finding: Finding

    @property
    def anchor(self) -> str:
        return f"finding-{self.number}"

    @property
    def category_name(self) -> str:
        return category_name(str(self.finding.category))

    @property
    def severity_tag(self) -> tuple[str, str]:
        return SEVERITY_TAGS.get(str(self.finding.severity), (str(self.finding.severity), ""))

    @property
    def rule_title(self) -> str:
        return rule_title(self.finding.rule)

    @property
    def whole_message(self) -> bool:
        return self.finding.end <= self.finding.start


def numbered(result: ScreeningResult) -> list[NumberedFinding]:
    return [NumberedFinding(number, f) for number, f in enumerate(result.findings, start=1)]


def _label(item: NumberedFinding) -> SafeString:
    return format_html(
        '<a class="govuk-link app-finding__label" href="#{}">'
        '<span class="govuk-visually-hidden">(finding </span>{}<span class="govuk-visually-hidden">:'
        '</span> {}<span class="govuk-visually-hidden">)</span></a>',
        item.anchor,
        item.number,
        item.category_name.lower(),
    )


def highlighted(text: str, items: Sequence[NumberedFinding]) -> SafeString:
    """The text, escaped, with each run of overlapping findings in one `<mark>` with its labels."""
    spans = sorted(
        (item for item in items if not item.whole_message),
        key=lambda item: (item.finding.start, -item.finding.end, item.number),
    )
    clusters: list[tuple[int, int, list[NumberedFinding]]] = []
    for item in spans:
        start, end = item.finding.start, item.finding.end
        if clusters and start < clusters[-1][1]:
            first, last, members = clusters[-1]
            clusters[-1] = (first, max(last, end), [*members, item])
        else:
            clusters.append((start, end, [item]))
    pieces: list[SafeString] = []
    cursor = 0
    for start, end, members in clusters:
        pieces.append(format_html("{}", text[cursor:start]))
        blocking = any(str(m.finding.severity) == "block" for m in members)
        pieces.append(
            format_html(
                '<mark class="app-finding{}">{}{}</mark>',
                " app-finding--block" if blocking else "",
                text[start:end],
                format_html_join(
                    "", "{}", ((_label(m),) for m in sorted(members, key=lambda m: m.number))
                ),
            )
        )
        cursor = end
    pieces.append(format_html("{}", text[cursor:]))
    return mark_safe("".join(pieces))
