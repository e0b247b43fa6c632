"""Forms for the register and the exception workflow; the services do the checking that needs
the database, and their errors are shown on the field they name."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from safecomms.devices.models import (
    AccountKind,
    Device,
    DeviceKind,
    DeviceStatus,
    PersonalChannel,
)
from safecomms.staff.models import User
from safecomms.web.forms import GovUKDateField, GovUKForm, govuk


def staff_in_post() -> Any:
    today = timezone.localdate()
    return User.objects.filter(is_active=True).filter(
        Q(leave_date__isnull=True) | Q(leave_date__gt=today)
    )


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.email})"


class SearchForm(GovUKForm):
    q = govuk(
        forms.CharField(label="Search", required=False, max_length=100),
        label_size="s",
        spellcheck=False,
    )


class DeviceForm(GovUKForm):
    kind = govuk(
        forms.ChoiceField(
            label="Type of device",
            choices=DeviceKind.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose the type of device"},
        )
    )
    asset_tag = govuk(
        forms.CharField(
            label="Asset tag",
            max_length=40,
            help_text="The council's asset number on the device's label.",
            error_messages={"required": "Enter the asset tag"},
        ),
        classes="govuk-input--width-10",
        spellcheck=False,
    )
    model_name = govuk(
        forms.CharField(
            label="Make and model (optional)",
            max_length=100,
            required=False,
            help_text="For example, Samsung Galaxy A55.",
        ),
    )
    phone_number = govuk(
        forms.CharField(
            label="Phone number (optional)",
            max_length=30,
            required=False,
            help_text="For phones and tablets with a SIM, for example 07700 900 982.",
        ),
        classes="govuk-input--width-20",
        autocomplete="off",
        inputmode="tel",
    )
    assigned_to = govuk(
        StaffChoiceField(
            label="Assigned to (optional)",
            queryset=User.objects.none(),
            required=False,
            empty_label="Not assigned",
        )
    )
    status = govuk(
        forms.ChoiceField(
            label="Status",
            choices=DeviceStatus.choices,
            widget=forms.RadioSelect,
            initial=DeviceStatus.IN_USE,
            error_messages={"required": "Choose the device's status"},
        )
    )
    issued_on = GovUKDateField(
        label="Date issued", error_messages={"required": "Enter the date the device was issued"}
    )

    def __init__(self, *args: Any, device: Device | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = staff_in_post()
        if device is not None and device.assigned_to_id:
            people = User.objects.filter(pk__in=people.values("pk")) | User.objects.filter(
                pk=device.assigned_to_id
            )
        self.fields["assigned_to"].queryset = people.order_by("full_name")  # type: ignore[attr-defined]
        if not self.is_bound:
            if device is None:
                self.initial["issued_on"] = timezone.localdate()
            else:
                self.initial.update(
                    {
                        "kind": device.kind,
                        "asset_tag": device.asset_tag,
                        "model_name": device.model_name,
                        "phone_number": device.phone_number,
                        "assigned_to": device.assigned_to_id,
                        "status": device.status,
                        "issued_on": device.issued_on,
                    }
                )


class AccountForm(GovUKForm):
    owner = govuk(
        StaffChoiceField(
            label="Whose account is it?",
            queryset=User.objects.none(),
            empty_label="Choose a member of staff",
            error_messages={"required": "Choose whose account it is"},
        )
    )
    kind = govuk(
        forms.ChoiceField(
            label="Type of account",
            choices=AccountKind.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose the type of account"},
        )
    )
    identifier = govuk(
        forms.CharField(
            label="Address, number or handle",
            max_length=254,
            help_text=(
                "Exactly as others see it: an e-mail address, a phone number such as "
                "07700 900 982, or a handle such as @wcc.jordan.ellis."
            ),
            error_messages={"required": "Enter the address, number or handle"},
        ),
        spellcheck=False,
        autocomplete="off",
    )
    approved_on = GovUKDateField(
        label="Date approved",
        error_messages={"required": "Enter the date the account was approved"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_in_post().order_by("full_name")  # type: ignore[attr-defined]
        if not self.is_bound:
            self.initial["approved_on"] = timezone.localdate()


class AccountWithdrawForm(GovUKForm):
    withdrawn_on = GovUKDateField(
        label="Withdrawn from",
        help_text="The account is no longer approved from this day.",
        error_messages={"required": "Enter the date the approval is withdrawn from"},
    )
    reason = govuk(
        forms.CharField(
            label="Why is the approval being withdrawn?",
            widget=forms.Textarea,
            max_length=1000,
            error_messages={"required": "Enter why the approval is being withdrawn"},
        ),
        rows=3,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["withdrawn_on"] = timezone.localdate()


class ExceptionRequestForm(GovUKForm):
    channel = govuk(
        forms.ChoiceField(
            label="What do you need to use?",
            choices=PersonalChannel.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose what you need to use"},
        )
    )
    identifier = govuk(
        forms.CharField(
            label="The number, address or handle you would use",
            max_length=254,
            help_text="For example, 07700 900 982, name@example.com or @name.",
            error_messages={"required": "Enter the number, address or handle you would use"},
        ),
        spellcheck=False,
        autocomplete="off",
    )
    reasons = govuk(
        forms.CharField(
            label="Why do you need it for this child?",
            widget=forms.Textarea,
            max_length=4000,
            help_text=(
                "Say why a council device or approved account will not do, and how you will keep "
                "the contact safe and recorded."
            ),
            error_messages={
                "required": "Enter why you need to use a personal account or phone for this child"
            },
        ),
        rows=6,
    )


class ExceptionDecisionForm(GovUKForm):
    decision = govuk(
        forms.ChoiceField(
            label="Your decision",
            choices=[("approve", "Approve the exception"), ("refuse", "Refuse the exception")],
            widget=forms.RadioSelect,
            error_messages={"required": "Choose whether to approve or refuse the exception"},
        ),
        label_size="m",
    )
    starts_on = GovUKDateField(
        label="Start date",
        required=False,
        help_text="If you approve. Today or later.",
    )
    ends_on = GovUKDateField(
        label="End date",
        required=False,
        help_text="If you approve. At most 12 months after the start date.",
    )
    review_on = GovUKDateField(
        label="Review date",
        required=False,
        help_text="If you approve. SafeComms will remind you on this date.",
    )
    decision_reasons = govuk(
        forms.CharField(
            label="Reasons for your decision",
            widget=forms.Textarea,
            max_length=4000,
            # Checked with the dates by the service, so every problem is listed at once.
            required=False,
        ),
        rows=5,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            today = timezone.localdate()
            self.initial["starts_on"] = today
            self.initial["review_on"] = today + timedelta(
                days=settings.SAFECOMMS_REVIEW_EXCEPTIONS_DAYS
            )


class ExceptionReviewForm(GovUKForm):
    outcome = govuk(
        forms.ChoiceField(
            label="What is your decision?",
            choices=[
                ("keep", "Keep the exception until its end date"),
                ("end", "End the exception now"),
            ],
            widget=forms.RadioSelect,
            error_messages={"required": "Choose whether to keep or end the exception"},
        ),
        label_size="m",
    )
    next_review_on = GovUKDateField(
        label="Next review date",
        required=False,
        help_text="If you keep it. On or before the end date.",
    )
    notes = govuk(
        forms.CharField(
            label="What did you consider?",
            widget=forms.Textarea,
            max_length=4000,
            error_messages={"required": "Enter what you considered in the review"},
        ),
        rows=5,
    )


class WithdrawForm(GovUKForm):
    withdrawal_reasons = govuk(
        forms.CharField(
            label="Why are you withdrawing it?",
            widget=forms.Textarea,
            max_length=2000,
            error_messages={"required": "Enter why it is being withdrawn"},
        ),
        rows=4,
    )
