"""Children's case records, the people around each child, and who is allocated to them."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class LegalStatus(models.TextChoices):
    EARLY_HELP = "early_help", "Early help"
    CIN = "cin", "Child in need (CIN)"
    CP = "cp", "Child protection plan (CP)"
    CLA = "cla", "Child in care (CLA)"
    CARE_LEAVER = "care_leaver", "Care leaver"


class Child(models.Model):
    """A child or young person's case record, keyed by the case management system's person ID."""

    person_id = models.CharField("person ID", max_length=32, unique=True)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    legal_status = models.CharField(
        max_length=16, choices=LegalStatus.choices, default=LegalStatus.CIN
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name_plural = "children"

    def __str__(self) -> str:
        return f"{self.full_name} ({self.person_id})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Relationship(models.TextChoices):
    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    STEP_PARENT = "step_parent", "Step-parent"
    FOSTER_CARER = "foster_carer", "Foster carer"
    KINSHIP_CARER = "kinship_carer", "Kinship carer"
    GRANDPARENT = "grandparent", "Grandparent"
    SIBLING = "sibling", "Sibling"
    OTHER_RELATIVE = "other_relative", "Other relative"
    SCHOOL = "school", "School (DSL or teacher)"
    HEALTH = "health", "Health professional"
    OTHER_PROFESSIONAL = "other_professional", "Other professional"
    OTHER = "other", "Other"

    @property
    def screening_role(self) -> str:
        """The role the screening engine's gazetteer uses for a person of this relationship."""
        if self in {Relationship.MOTHER, Relationship.FATHER, Relationship.STEP_PARENT}:
            return "parent"
        if self in {
            Relationship.FOSTER_CARER,
            Relationship.KINSHIP_CARER,
            Relationship.GRANDPARENT,
        }:
            return "carer"
        return "other"


class CasePerson(models.Model):
    """Someone in the child's life: family, carers and other professionals."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="people")
    full_name = models.CharField(max_length=150)
    relationship = models.CharField(max_length=24, choices=Relationship.choices)
    aliases = models.CharField(
        max_length=200, blank=True, help_text="Other names or nicknames, separated by commas."
    )
    has_parental_responsibility = models.BooleanField(default=False)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["relationship", "full_name"]
        verbose_name = "person on the case"
        verbose_name_plural = "people on the case"

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_relationship_display()})"

    @property
    def alias_list(self) -> list[str]:
        return [alias.strip() for alias in self.aliases.split(",") if alias.strip()]


class ContactKind(models.TextChoices):
    PHONE = "phone", "Phone"
    EMAIL = "email", "E-mail"
    WHATSAPP = "whatsapp", "WhatsApp"
    TEAMS = "teams", "Microsoft Teams"
    OTHER = "other", "Other messaging handle"


class ContactPoint(models.Model):
    """A phone number, e-mail address or messaging handle of the child or someone around them."""

    child = models.ForeignKey(
        Child, null=True, blank=True, on_delete=models.CASCADE, related_name="contact_points"
    )
    person = models.ForeignKey(
        CasePerson, null=True, blank=True, on_delete=models.CASCADE, related_name="contact_points"
    )
    kind = models.CharField(max_length=16, choices=ContactKind.choices)
    value = models.CharField(max_length=254, help_text="Phone numbers are kept in E.164 form.")
    label = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["kind", "value"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(child__isnull=False) & Q(person__isnull=True))
                | (Q(child__isnull=True) & Q(person__isnull=False)),
                name="contact_point_belongs_to_child_or_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


class AllocationKind(models.TextChoices):
    ALLOCATED_WORKER = "allocated_worker", "Allocated worker"
    CO_WORKER = "co_worker", "Co-worker"
    STUDENT = "student", "Student social worker"


class AllocationQuerySet(models.QuerySet["Allocation"]):
    def current(self, on: date | None = None) -> AllocationQuerySet:
        on = on or timezone.localdate()
        return self.filter(Q(start_date__lte=on), Q(end_date__isnull=True) | Q(end_date__gte=on))


class Allocation(models.Model):
    """A worker responsible for a child, for a team, from a date to a date."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="allocations")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocations"
    )
    team = models.ForeignKey("staff.Team", on_delete=models.PROTECT, related_name="allocations")
    kind = models.CharField(
        max_length=20, choices=AllocationKind.choices, default=AllocationKind.ALLOCATED_WORKER
    )
    start_date = models.DateField(default=date.today)
    end_date = models.DateField(null=True, blank=True)

    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="allocation_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["child", "worker", "start_date"], name="unique_allocation_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.worker} → {self.child.person_id} ({self.team})"

    def is_current(self, on: date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.start_date <= on and (self.end_date is None or self.end_date >= on)
