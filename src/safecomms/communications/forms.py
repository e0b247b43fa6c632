"""Forms for recording communications: quick to fill in, with errors that say what to fix."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone

from safecomms.cases.models import CasePerson, Child
from safecomms.communications.models import Communication, Direction, FlagOutcome, Kind, Platform
from safecomms.communications.selectors import CHILD, OPEN_FLAG, case_people_choices
from safecomms.devices.models import ApprovedAccount, Device, DeviceStatus
from safecomms.staff.models import User
from safecomms.web.forms import GovUKDateField, GovUKForm, govuk

OTHER = "other"
_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s*$", re.IGNORECASE)


def parse_time(value: str) -> time:
    """14:30, 14.30, 2:30pm or 2pm; raises ValueError for anything else."""
    match = _TIME.match(value)
    if not match:
        raise ValueError(value)
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(value)
        hour = hour % 12 + (12 if half.lower() == "pm" else 0)
    elif match.group(2) is None:
        raise ValueError(value)
    return time(hour, minute)


class CommunicationForm(GovUKForm):
    kind = govuk(
        forms.ChoiceField(
            label="Type of communication",
            choices=Kind.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose the type of communication"},
        ),
        label_size="m",
    )
    platform = govuk(
        forms.ChoiceField(
            label="Platform",
            choices=Platform.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose the platform used"},
        ),
        label_size="m",
        classes="govuk-radios--small",
    )
    direction = govuk(
        forms.ChoiceField(
            label="Who was it from?",
            choices=[
                (Direction.TO_FAMILY, "From you to the child or family"),
                (Direction.FROM_FAMILY, "From the child or family to you"),
            ],
            widget=forms.RadioSelect,
            error_messages={"required": "Choose who the communication was from"},
        ),
        label_size="m",
    )
    is_virtual_visit = forms.BooleanField(
        label="This was a virtual visit",
        required=False,
        help_text="Tick if the call or messages were a visit to the child, so it is recorded as one.",
    )
    occurred_on = GovUKDateField(
        label="Date",
        error_messages={"required": "Enter the date of the communication"},
    )
    occurred_time = govuk(
        forms.CharField(
            label="Time",
            max_length=8,
            help_text="Use the 24-hour clock, like 14:30",
            error_messages={"required": "Enter the time of the communication"},
        ),
        classes="govuk-input--width-5",
        autocomplete="off",
        spellcheck=False,
    )
    people = govuk(
        forms.MultipleChoiceField(
            label="Who was it with?",
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": "Choose who the communication was with"},
        ),
        label_size="m",
    )
    account = govuk(
        forms.ChoiceField(
            label="Account or number you used",
            error_messages={"required": "Choose the account or number you used"},
        )
    )
    other_account = govuk(
        forms.CharField(
            label="If you used another account or number, enter it",
            max_length=254,
            required=False,
            help_text="The e-mail address, phone number or messaging account, as the family sees it",
        ),
        autocomplete="off",
        spellcheck=False,
    )
    device = govuk(
        forms.ChoiceField(
            label="Device you used",
            error_messages={"required": "Choose the device you used"},
        )
    )
    other_device = govuk(
        forms.CharField(
            label="If it was not a council device, say what it was",
            max_length=120,
            required=False,
            help_text="For example, ‘my own mobile phone’",
        ),
        autocomplete="off",
    )
    summary = govuk(
        forms.CharField(
            label="Summary",
            max_length=200,
            required=False,
            help_text="One line for the chronology, like ‘Confirmed Thursday’s visit’",
        ),
        autocomplete="off",
    )
    content = govuk(
        forms.CharField(
            label="Content",
            required=False,
            widget=forms.Textarea,
            help_text=(
                "Paste the messages or e-mail, or for a call or video visit record what was said "
                "and seen as you would for any visit. SafeComms checks it when you save."
            ),
        ),
        rows=8,
        spellcheck=True,
    )

    def __init__(
        self,
        *args: Any,
        child: Child,
        worker: User,
        communication: Communication | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.child = child
        self.worker = worker
        today = timezone.localdate()
        self.people_by_key = {str(p.pk): p for p in CasePerson.objects.filter(child=child)}
        self.fields["people"].choices = case_people_choices(child)  # type: ignore[attr-defined]
        self.accounts = {
            str(a.pk): a for a in ApprovedAccount.objects.current(today).filter(owner=worker)
        }
        self.fields["account"].choices = (  # type: ignore[attr-defined]
            [("", "Choose an account")]
            + [
                (key, f"{a.identifier} ({a.get_kind_display()})")
                for key, a in self.accounts.items()
            ]
            + [(OTHER, "Another account or number")]
        )
        self.devices = {
            str(d.pk): d
            for d in Device.objects.filter(assigned_to=worker, status=DeviceStatus.IN_USE)
        }
        if communication is not None and communication.device is not None:
            self.devices.setdefault(str(communication.device.pk), communication.device)
        self.fields["device"].choices = (  # type: ignore[attr-defined]
            [("", "Choose a device")]
            + [
                (
                    key,
                    f"{d.get_kind_display()} {d.asset_tag}"
                    + (f", {d.model_name}" if d.model_name else ""),
                )
                for key, d in self.devices.items()
            ]
            + [(OTHER, "A device not on the council's register")]
        )
        if not self.is_bound:
            self.initial.update(self._initial(communication, today))

    def _initial(self, communication: Communication | None, today: Any) -> dict[str, Any]:
        if communication is None:
            now = timezone.localtime()
            initial: dict[str, Any] = {
                "occurred_on": today,
                "occurred_time": f"{now:%H:%M}",
                "direction": Direction.TO_FAMILY,
            }
            if len(self.accounts) == 1:
                initial["account"] = next(iter(self.accounts))
            if len(self.devices) == 1:
                initial["device"] = next(iter(self.devices))
            return initial
        moment = timezone.localtime(communication.occurred_at)
        account_key = next(
            (
                k
                for k, a in self.accounts.items()
                if a.identifier == communication.account_identifier
            ),
            OTHER if communication.account_identifier else "",
        )
        people = [str(p.pk) for p in communication.people.all()]
        if communication.includes_child:
            people.insert(0, CHILD)
        return {
            "kind": communication.kind,
            "platform": communication.platform,
            "direction": communication.direction,
            "is_virtual_visit": communication.is_virtual_visit,
            "occurred_on": moment.date(),
            "occurred_time": f"{moment:%H:%M}",
            "people": people,
            "account": account_key,
            "other_account": communication.account_identifier if account_key == OTHER else "",
            "device": str(communication.device_id)
            if communication.device_id
            else (OTHER if communication.device_description else ""),
            "other_device": communication.device_description,
            "summary": communication.summary,
            "content": communication.content,
        }

    def clean_occurred_time(self) -> time:
        try:
            return parse_time(self.cleaned_data["occurred_time"])
        except ValueError:
            raise forms.ValidationError("Enter a real time, like 14:30") from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("occurred_on") and isinstance(data.get("occurred_time"), time):
            moment = timezone.make_aware(
                datetime.combine(data["occurred_on"], data["occurred_time"])
            )
            if moment > timezone.now() + timedelta(minutes=5):
                self.add_error("occurred_on", "The date and time must be in the past")
            data["occurred_at"] = moment
        if data.get("account") == OTHER and not data.get("other_account", "").strip():
            self.add_error("other_account", "Enter the account or number you used")
        if data.get("device") == OTHER and not data.get("other_device", "").strip():
            self.add_error("other_device", "Say what device you used")
        if not data.get("summary", "").strip() and not data.get("content", "").strip():
            self.add_error("summary", "Enter a summary or the content of the communication")
        return data

    def service_values(self) -> dict[str, Any]:
        """The cleaned form as the record services' arguments."""
        data = self.cleaned_data
        chosen = data["people"]
        account = self.accounts.get(data["account"])
        device = self.devices.get(data["device"])
        return {
            "occurred_at": data["occurred_at"],
            "kind": data["kind"],
            "platform": data["platform"],
            "direction": data["direction"],
            "is_virtual_visit": data["is_virtual_visit"],
            "includes_child": CHILD in chosen,
            "people": [self.people_by_key[key] for key in chosen if key in self.people_by_key],
            "account_identifier": account.identifier if account else data["other_account"].strip(),
            "device": device,
            "device_description": "" if device else data["other_device"].strip(),
            "summary": data["summary"],
            "content": data["content"],
        }


class AddendumForm(GovUKForm):
    text = govuk(
        forms.CharField(
            label="Addendum",
            widget=forms.Textarea,
            help_text="What you are adding to the record. The record itself stays as it was completed.",
            error_messages={"required": "Enter the addendum"},
        ),
        label_size="m",
        rows=6,
        spellcheck=True,
    )


class ChronologyFilterForm(GovUKForm):
    kind = govuk(forms.ChoiceField(label="Type", required=False))
    platform = govuk(forms.ChoiceField(label="Platform", required=False))
    person = govuk(forms.ChoiceField(label="Person", required=False))
    flag = govuk(forms.ChoiceField(label="Flags", required=False))

    def __init__(self, *args: Any, child: Child, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from safecomms.communications.models import FlagCode

        self.fields["kind"].choices = [("", "All types"), *Kind.choices]  # type: ignore[attr-defined]
        self.fields["platform"].choices = [("", "All platforms"), *Platform.choices]  # type: ignore[attr-defined]
        self.fields["person"].choices = [("", "Everyone"), *case_people_choices(child)]  # type: ignore[attr-defined]
        self.fields["flag"].choices = [  # type: ignore[attr-defined]
            ("", "With or without flags"),
            (OPEN_FLAG, "Any open flag"),
            *FlagCode.choices,
        ]


class FlagClearForm(GovUKForm):
    outcome = govuk(
        forms.ChoiceField(
            label="What are you doing with this flag?",
            choices=[
                (FlagOutcome.ACKNOWLEDGED, "Acknowledge it: I have followed it up with the worker"),
                (FlagOutcome.CLEARED, "Clear it: it is not a concern"),
            ],
            widget=forms.RadioSelect,
            error_messages={
                "required": "Choose whether you are acknowledging or clearing the flag"
            },
        ),
        label_size="m",
    )
    note = govuk(
        forms.CharField(
            label="Note",
            widget=forms.Textarea,
            help_text="What you found or did. It stays on the record with the flag.",
            error_messages={"required": "Enter a note saying what you found or did"},
        ),
        label_size="m",
        rows=4,
        spellcheck=True,
    )
