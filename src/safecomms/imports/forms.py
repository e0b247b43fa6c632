"""Forms for chat imports: the upload, who each sender is, and confirming the device is cleared."""

from __future__ import annotations

from functools import cache
from typing import Any
from zoneinfo import available_timezones

from django import forms

from safecomms.imports.matching import CaseRegister
from safecomms.imports.models import ChatImport, DateOrder
from safecomms.imports.services import max_upload_bytes, size_text, too_large_message
from safecomms.web.forms import GovUKForm, govuk


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    zones = sorted(
        zone
        for zone in available_timezones()
        if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "posix/", "right/"))
    )
    return [("Europe/London", "Europe/London (UK time)"), ("UTC", "UTC")] + [
        (zone, zone.replace("_", " ")) for zone in zones if zone != "Europe/London"
    ]


class UploadForm(GovUKForm):
    file = govuk(
        forms.FileField(
            label="Upload the chat export",
            error_messages={
                "required": "Select the chat export file",
                "empty": "The selected file is empty",
                "missing": "Select the chat export file",
            },
        ),
        label_size="m",
        accept=".txt,.zip,.xml,.eml,.mbox",
    )
    time_zone = govuk(
        forms.ChoiceField(
            label="Time zone the phone or computer was set to",
            help_text=(
                "WhatsApp writes times as the phone showed them. SafeComms uses the time zone to "
                "record the right time, including across the clock changes."
            ),
            choices=time_zone_choices,
            initial="Europe/London",
            error_messages={
                "required": "Choose the time zone",
                "invalid_choice": "Choose a time zone from the list",
            },
        ),
        label_size="s",
    )
    date_order = govuk(
        forms.ChoiceField(
            label="How dates are written in a WhatsApp export",
            choices=DateOrder.choices,
            initial=DateOrder.AUTO,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose how dates are written"},
        ),
        label_size="s",
    )
    account_identifier = govuk(
        forms.CharField(
            label="Your number or account in this conversation (optional)",
            help_text=(
                "The mobile number, WhatsApp account or e-mail address you used, like "
                "07700 900 982. SafeComms checks it is approved for your work."
            ),
            required=False,
            max_length=254,
        ),
        autocomplete="off",
        spellcheck=False,
    )

    def __init__(self, *args: Any, too_large: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        self.fields["file"].help_text = (
            "A WhatsApp export (.txt, or the .zip with media), an SMS Backup & Restore file "
            f"(.xml), or e-mail (.eml or .mbox). Up to {size_text(max_upload_bytes())}."
        )

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > max_upload_bytes():
            raise forms.ValidationError(too_large_message())
        return upload

    def clean(self) -> dict[str, Any]:
        if self.too_large:
            self.errors.pop("file", None)
            self.add_error("file", too_large_message())
        return super().clean() or {}


class SenderForm(GovUKForm):
    """One choice per sender in the file: who they are on the case."""

    error_summary_title = "There is a problem"

    def __init__(
        self, data: Any, *, chat_import: ChatImport, register: CaseRegister, **kwargs: Any
    ) -> None:
        super().__init__(data, **kwargs)
        parties = [(party.value, party.label) for party in register.parties()]
        self.labels: dict[str, str] = {}
        for number, sender in enumerate(chat_import.senders, start=1):
            name = f"sender_{number}"
            self.labels[name] = sender["label"]
            count = int(sender["count"])
            suggested = register.label_of(sender["suggested"])
            self.fields[name] = govuk(
                forms.ChoiceField(
                    label=f"Who is “{sender['label']}”?",
                    help_text=(
                        f"{count} message{'s' if count != 1 else ''}. Suggested: {suggested}, "
                        f"because {sender['reason']}."
                    ),
                    choices=parties,
                    initial=chat_import.sender_mapping.get(sender["label"], sender["suggested"]),
                    error_messages={"invalid_choice": f"Choose who “{sender['label']}” is"},
                ),
                label_size="s",
            )

    def mapping(self) -> dict[str, str]:
        """The chosen mapping (or, before posting, the current one), by sender label."""
        if self.is_bound and self.is_valid():
            return {label: self.cleaned_data[name] for name, label in self.labels.items()}
        return {label: str(self[name].value()) for name, label in self.labels.items()}


class CancelForm(GovUKForm):
    pass


class DeletionForm(GovUKForm):
    cleared = govuk(
        forms.BooleanField(
            label="I have cleared this conversation from the phone or app",
            error_messages={
                "required": "Confirm you have cleared the conversation from the phone or app"
            },
        )
    )
