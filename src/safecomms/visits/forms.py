"""Forms for virtual visit assessments, reflections after visits, and reviews."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from safecomms.visits.models import Confidence, VideoApp, VisitDecision, Wellbeing
from safecomms.visits.selectors import review_period
from safecomms.web.forms import GovUKDateField, GovUKForm, govuk


def _decision_field(label: str) -> forms.Field:
    return govuk(
        forms.ChoiceField(
            label=label,
            choices=VisitDecision.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose whether visits may be virtual"},
        ),
        label_size="m",
    )


def _app_fields() -> tuple[forms.Field, forms.Field]:
    return (
        govuk(
            forms.ChoiceField(
                label="The family's preferred video app",
                choices=VideoApp.choices,
                widget=forms.RadioSelect,
                required=False,
                help_text="Ask the family which app they can use (4.1). Not needed for in-person visits only.",
            ),
            label_size="m",
        ),
        govuk(
            forms.CharField(label="If other, which app?", max_length=60, required=False),
            classes="govuk-input--width-20",
            autocomplete="off",
        ),
    )


def _check_app(form: forms.Form, data: dict[str, Any]) -> None:
    decision = data.get("decision")
    if decision in VisitDecision.values and VisitDecision(decision).allows_virtual:
        if not data.get("preferred_app"):
            form.add_error("preferred_app", "Choose the family's preferred video app")
        elif (
            data["preferred_app"] == VideoApp.OTHER
            and not data.get("preferred_app_other", "").strip()
        ):
            form.add_error("preferred_app_other", "Enter the name of the app the family prefers")


class AssessmentForm(GovUKForm):
    decision = _decision_field("Your decision")
    preferred_app, preferred_app_other = _app_fields()
    child_confidence = govuk(
        forms.ChoiceField(
            label="How confident is the child with video calls?",
            choices=Confidence.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose how confident the child is with video calls"},
        ),
        label_size="m",
    )
    family_confidence = govuk(
        forms.ChoiceField(
            label="How confident are the parents or carers?",
            choices=Confidence.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose how confident the parents or carers are"},
        ),
        label_size="m",
    )
    needs = govuk(
        forms.CharField(
            label="The child's needs",
            widget=forms.Textarea,
            help_text="What matters for this child when deciding how to visit: age, understanding, communication, what they want.",
            error_messages={"required": "Describe the child's needs"},
        ),
        label_size="m",
        rows=4,
    )
    risks = govuk(
        forms.CharField(
            label="Risks",
            widget=forms.Textarea,
            help_text="For example, the child may feel pressure to behave a certain way on a call, or cannot speak freely at home (4.2).",
            error_messages={"required": "Describe the risks, or say there are none known"},
        ),
        label_size="m",
        rows=4,
    )
    review_on = GovUKDateField(
        label="Review by",
        help_text="Normally 3 months from today.",
        error_messages={"required": "Enter the date to review the decision by"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("review_on", timezone.localdate() + review_period())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _check_app(self, data)
        review_on = data.get("review_on")
        if review_on and review_on <= timezone.localdate():
            self.add_error("review_on", "The review date must be in the future")
        return data


class ReviewForm(GovUKForm):
    supports_wellbeing = govuk(
        forms.ChoiceField(
            label="Is the arrangement still supporting the child's wellbeing?",
            choices=Wellbeing.choices,
            widget=forms.RadioSelect,
            error_messages={
                "required": "Say whether the arrangement still supports the child's wellbeing"
            },
        ),
        label_size="m",
    )
    decision = _decision_field("Your decision from now on")
    preferred_app, preferred_app_other = _app_fields()
    notes = govuk(
        forms.CharField(
            label="What you considered",
            widget=forms.Textarea,
            help_text="Include what the worker and the family have said about the virtual visits.",
            error_messages={"required": "Enter what you considered"},
        ),
        label_size="m",
        rows=5,
    )
    next_review_on = GovUKDateField(
        label="Next review by",
        error_messages={"required": "Enter the date of the next review"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("next_review_on", timezone.localdate() + review_period())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _check_app(self, data)
        review_on = data.get("next_review_on")
        if review_on and review_on <= timezone.localdate():
            self.add_error("next_review_on", "The next review date must be in the future")
        return data


class ReflectionForm(GovUKForm):
    communication = govuk(
        forms.ChoiceField(label="Which virtual visit?", required=False),
    )
    how_it_went = govuk(
        forms.CharField(
            label="How did the virtual visit go?",
            widget=forms.Textarea,
            help_text="How the child engaged, whether they could speak freely, anything that worried you.",
            error_messages={"required": "Say how the virtual visit went"},
        ),
        label_size="m",
        rows=5,
    )
    supports_wellbeing = govuk(
        forms.ChoiceField(
            label="Are virtual visits still supporting the child's wellbeing?",
            choices=Wellbeing.choices,
            widget=forms.RadioSelect,
            error_messages={
                "required": "Say whether virtual visits still support the child's wellbeing"
            },
        ),
        label_size="m",
    )

    def __init__(self, *args: Any, visits: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["communication"].choices = [("", "Not linked to a recorded visit"), *visits]  # type: ignore[attr-defined]
