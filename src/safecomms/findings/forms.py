from __future__ import annotations

import re
from datetime import datetime, time
from typing import Any

from django import forms
from django.utils import timezone

from safecomms.findings.presentation import CHANNEL_NAMES
from safecomms.web.forms import GovUKDateField, GovUKForm, govuk

TEXT_LIMIT = 20_000
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$", re.IGNORECASE)


def parse_time(value: str) -> time | None:
    """A time of day as people type it: 9:30am, 9.30 pm, 9pm, 21:15, 0730. None if unreadable."""
    text = value.strip().lower().replace(" ", "")
    if text in {"midday", "noon", "12noon"}:
        return time(12, 0)
    if text == "midnight":
        return time(0, 0)
    if re.fullmatch(r"\d{4}", text):
        text = f"{text[:2]}:{text[2:]}"
    match = _TIME.match(text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").replace(".", "")
    if suffix:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    elif match.group(2) is None:
        return None  # "9" alone could be morning or evening
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


class MessageCheckForm(GovUKForm):
    text = govuk(
        forms.CharField(
            label="Your message",
            help_text="Paste or type the message as you would send it. It is checked, not kept.",
            max_length=TEXT_LIMIT,
            widget=forms.Textarea,
            error_messages={
                "required": "Enter the message you want to check",
                "max_length": f"The message must be {TEXT_LIMIT:,} characters or fewer",
            },
        ),
        label_size="m",
        rows=8,
        spellcheck=True,
    )
    channel = govuk(
        forms.ChoiceField(
            label="How will you send it?",
            choices=list(CHANNEL_NAMES.items()),
            widget=forms.RadioSelect,
            error_messages={"required": "Choose how you will send the message"},
        ),
        label_size="m",
    )
    send_date = GovUKDateField(
        label="Date you will send it (optional)",
        required=False,
        help_text="Leave it blank if you are sending it today. For example, 27 3 2026",
    )
    send_time = govuk(
        forms.CharField(
            label="Time you will send it (optional)",
            required=False,
            max_length=12,
            help_text="For example, 9:30am or 21:15. Messages late at night or early in the "
            "morning can look personal rather than professional.",
        ),
        classes="govuk-input--width-5",
        autocomplete="off",
    )

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"]
        if "\x00" in text:
            raise forms.ValidationError("The message contains characters that cannot be checked")
        return text.replace("\r\n", "\n")

    def clean_send_time(self) -> time | None:
        value = self.cleaned_data.get("send_time", "")
        if not value:
            return None
        parsed = parse_time(value)
        if parsed is None:
            raise forms.ValidationError("Enter a time, like 9:30am or 21:15")
        return parsed

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("send_date") and not data.get("send_time") and "send_time" not in self.errors:
            self.add_error("send_time", "Enter the time you will send it, like 9:30am or 21:15")
        return data

    def sent_at(self) -> datetime | None:
        """When the message will go, in local time, or None if the sender did not say."""
        when: time | None = self.cleaned_data.get("send_time")
        if when is None:
            return None
        day = self.cleaned_data.get("send_date") or timezone.localdate()
        return timezone.make_aware(datetime.combine(day, when))


class DismissalForm(GovUKForm):
    reason = govuk(
        forms.CharField(
            label="Why is this finding wrong?",
            help_text="For example, ‘Will is used as a verb here, not a name’. Your reason helps "
            "improve what SafeComms looks for.",
            max_length=1000,
            widget=forms.Textarea,
            error_messages={
                "required": "Enter why the finding is wrong",
                "max_length": "The reason must be 1,000 characters or fewer",
            },
        ),
        label_size="s",
        rows=3,
    )


class ReportPeriodForm(GovUKForm):
    start = GovUKDateField(
        label="From", error_messages={"required": "Enter the first day of the period"}
    )
    end = GovUKDateField(
        label="To", error_messages={"required": "Enter the last day of the period"}
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", "The last day must be the same as or after the first day")
        if end and end > timezone.localdate():
            self.add_error("end", "The last day must be today or in the past")
        return data
