from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from safecomms.cases.models import (
    AllocationKind,
    CasePerson,
    Child,
    ContactKind,
    LegalStatus,
    Relationship,
)
from safecomms.staff.models import Team, TeamMembership, User
from safecomms.web.forms import GovUKDateField, GovUKForm, govuk


def _worker_choices(teams: list[Team]) -> list[tuple[str, str]]:
    members = (
        TeamMembership.objects.current()
        .filter(team__in=teams, user__is_active=True)
        .select_related("user", "team")
        .order_by("user__full_name")
    )
    seen: dict[int, str] = {}
    for membership in members:
        seen.setdefault(membership.user_id, f"{membership.user.full_name} ({membership.team.name})")
    return [("", "Choose a worker")] + [(str(pk), label) for pk, label in seen.items()]


class AllocationFieldsMixin(forms.Form):
    def setup_allocation(self, teams: list[Team]) -> None:
        self.teams = {str(team.pk): team for team in teams}
        self.fields["team"].choices = [("", "Choose a team")] + [  # type: ignore[attr-defined]
            (k, t.name) for k, t in self.teams.items()
        ]
        self.fields["worker"].choices = _worker_choices(teams)  # type: ignore[attr-defined]

    def clean_team(self) -> Team:
        return self.teams[self.cleaned_data["team"]]

    def clean_worker(self) -> User:
        return User.objects.get(pk=self.cleaned_data["worker"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        team, worker = data.get("team"), data.get("worker")
        if (
            team
            and worker
            and not TeamMembership.objects.current().filter(team=team, user=worker).exists()
        ):
            self.add_error("worker", f"{worker.full_name} is not a member of {team.name}")
        return data


class ChildCreateForm(AllocationFieldsMixin, GovUKForm):  # type: ignore[misc]
    person_id = govuk(
        forms.CharField(
            label="Person ID",
            max_length=32,
            help_text="As the case management system shows it.",
            error_messages={"required": "Enter the person ID"},
        ),
        classes="govuk-input--width-10",
        spellcheck=False,
    )
    first_name = govuk(
        forms.CharField(
            label="First name",
            max_length=100,
            error_messages={"required": "Enter the child's first name"},
        ),
        autocomplete="off",
    )
    last_name = govuk(
        forms.CharField(
            label="Last name",
            max_length=100,
            error_messages={"required": "Enter the child's last name"},
        ),
        autocomplete="off",
    )
    preferred_name = govuk(
        forms.CharField(label="Preferred name (optional)", max_length=100, required=False),
        autocomplete="off",
    )
    date_of_birth = GovUKDateField(
        label="Date of birth", required=False, help_text="For example, 27 3 2012"
    )
    legal_status = govuk(
        forms.ChoiceField(
            label="Legal status",
            choices=LegalStatus.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose the legal status"},
        )
    )
    team = govuk(forms.ChoiceField(label="Team", error_messages={"required": "Choose the team"}))
    worker = govuk(
        forms.ChoiceField(
            label="Allocated worker", error_messages={"required": "Choose the allocated worker"}
        )
    )
    allocation_start = GovUKDateField(
        label="Allocated from", error_messages={"required": "Enter the date the allocation starts"}
    )

    def __init__(self, *args: Any, teams: list[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup_allocation(teams)
        if not self.is_bound:
            self.initial["allocation_start"] = timezone.localdate()

    def clean_person_id(self) -> str:
        value = self.cleaned_data["person_id"].strip()
        if Child.objects.filter(person_id=value).exists():
            raise forms.ValidationError("A case with this person ID already exists")
        return value

    def clean_date_of_birth(self) -> Any:
        born = self.cleaned_data.get("date_of_birth")
        if born and born > timezone.localdate():
            raise forms.ValidationError("Date of birth must be today or in the past")
        return born


class AllocationForm(AllocationFieldsMixin, GovUKForm):  # type: ignore[misc]
    team = govuk(forms.ChoiceField(label="Team", error_messages={"required": "Choose the team"}))
    worker = govuk(
        forms.ChoiceField(label="Worker", error_messages={"required": "Choose the worker"})
    )
    kind = govuk(
        forms.ChoiceField(
            label="Role on the case",
            choices=AllocationKind.choices,
            widget=forms.RadioSelect,
            initial=AllocationKind.ALLOCATED_WORKER,
        )
    )
    start_date = GovUKDateField(
        label="Allocated from", error_messages={"required": "Enter the date the allocation starts"}
    )

    def __init__(self, *args: Any, teams: list[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup_allocation(teams)
        if not self.is_bound:
            self.initial["start_date"] = timezone.localdate()


class AllocationEndForm(GovUKForm):
    end_date = GovUKDateField(
        label="Last day of the allocation",
        error_messages={"required": "Enter the last day of the allocation"},
    )


class CasePersonForm(GovUKForm):
    full_name = govuk(
        forms.CharField(
            label="Full name",
            max_length=150,
            error_messages={"required": "Enter the person's full name"},
        ),
        autocomplete="off",
    )
    relationship = govuk(
        forms.ChoiceField(
            label="Relationship to the child",
            choices=[("", "Choose a relationship"), *Relationship.choices],
            error_messages={"required": "Choose the relationship"},
        )
    )
    aliases = govuk(
        forms.CharField(
            label="Other names or nicknames (optional)",
            max_length=200,
            required=False,
            help_text="Separate names with commas. SafeComms uses them to spot names in messages.",
        ),
        autocomplete="off",
    )
    has_parental_responsibility = forms.BooleanField(
        label="Has parental responsibility", required=False
    )


class ContactPointForm(GovUKForm):
    belongs_to = govuk(
        forms.ChoiceField(
            label="Whose contact is this?",
            error_messages={"required": "Choose whose contact this is"},
        )
    )
    kind = govuk(
        forms.ChoiceField(
            label="Type",
            choices=ContactKind.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose the type of contact"},
        )
    )
    value = govuk(
        forms.CharField(
            label="Number, address or handle",
            max_length=254,
            error_messages={"required": "Enter the number, address or handle"},
        ),
        spellcheck=False,
    )
    label = govuk(
        forms.CharField(
            label="Label (optional)",
            max_length=60,
            required=False,
            help_text="For example, ‘mobile’ or ‘school e-mail’.",
        )
    )

    def __init__(self, *args: Any, child: Child, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.child = child
        self.people = {str(p.pk): p for p in child.people.all()}
        self.fields["belongs_to"].choices = [("child", f"{child.full_name} (the child)")] + [  # type: ignore[attr-defined]
            (key, str(person)) for key, person in self.people.items()
        ]

    def clean_belongs_to(self) -> CasePerson | None:
        value = self.cleaned_data["belongs_to"]
        return None if value == "child" else self.people[value]

    def clean(self) -> dict[str, Any]:
        from django.core.exceptions import ValidationError

        from safecomms.cases.services import normalise_contact_value

        data = super().clean() or {}
        if data.get("kind") and data.get("value"):
            if data["kind"] == ContactKind.EMAIL:
                try:
                    forms.EmailField().clean(data["value"])
                except ValidationError:
                    self.add_error(
                        "value",
                        "Enter an e-mail address in the right format, like name@example.com",
                    )
                    return data
            try:
                normalise_contact_value(data["kind"], data["value"])
            except ValidationError:
                self.add_error(
                    "value", "Enter a phone number, like 07700 900 982 or +44 7700 900982"
                )
        return data


class CaseImportForm(GovUKForm):
    file = govuk(
        forms.FileField(
            label="CSV export from the case management system",
            error_messages={"required": "Choose a CSV file", "empty": "The file is empty"},
        ),
        accept=".csv,text/csv",
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError("The file must be smaller than 20 MB")
        return upload
