"""Virtual visit assessments (guidance 4.1-4.3): per child, the manager's decision on whether
visits may be held by video, the family's preferred app, the child's confidence, needs and risks,
and a review date; after virtual visits, the worker's reflection and the manager's review."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone


class VisitDecision(models.TextChoices):
    VIRTUAL = "virtual", "Virtual visits allowed"
    MIXED = "mixed", "A mix of virtual and in-person visits"
    IN_PERSON = "in_person", "In-person visits only"

    @property
    def allows_virtual(self) -> bool:
        return self in {VisitDecision.VIRTUAL, VisitDecision.MIXED}


class VideoApp(models.TextChoices):
    TEAMS = "teams", "Microsoft Teams"
    WHATSAPP = "whatsapp", "WhatsApp"
    OTHER = "other", "Other"


class Confidence(models.TextChoices):
    CONFIDENT = "confident", "Confident with video calls"
    NEEDS_SUPPORT = "needs_support", "Needs some support"
    NOT_CONFIDENT = "not_confident", "Not confident"


class VisitAssessment(models.Model):
    """The manager's decision for one child (rules 4.1-virtual-visit-assessment, 4.2)."""

    child = models.ForeignKey(
        "cases.Child", on_delete=models.PROTECT, related_name="visit_assessments"
    )
    decision = models.CharField(max_length=12, choices=VisitDecision.choices)
    preferred_app = models.CharField(max_length=12, choices=VideoApp.choices, blank=True)
    preferred_app_other = models.CharField("other app", max_length=60, blank=True)
    child_confidence = models.CharField(max_length=16, choices=Confidence.choices)
    family_confidence = models.CharField(max_length=16, choices=Confidence.choices)
    needs = models.TextField(help_text="The child's needs that bear on virtual visits.")
    risks = models.TextField(help_text="Risks of virtual visits for this child and family.")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="visit_assessments"
    )
    decided_on = models.DateField(default=date.today)
    review_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        indexes = [
            models.Index(fields=["child", "decided_on"]),
            models.Index(fields=["review_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(review_on__gte=models.F("decided_on")),
                name="assessment_review_after_decision",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} from {self.decided_on:%d %b %Y}"

    @property
    def allows_virtual(self) -> bool:
        return VisitDecision(self.decision).allows_virtual

    @property
    def preferred_app_text(self) -> str:
        if self.preferred_app == VideoApp.OTHER and self.preferred_app_other:
            return self.preferred_app_other
        return self.get_preferred_app_display() if self.preferred_app else "Not applicable"

    def is_overdue(self, today: date | None = None) -> bool:
        return self.review_on < (today or timezone.localdate())


class Wellbeing(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly: there are some concerns"
    NO = "no", "No"


class VisitReflection(models.Model):
    """After a virtual visit, the worker's account of how it went (rule 4.3-review-virtual-contact)."""

    child = models.ForeignKey(
        "cases.Child", on_delete=models.PROTECT, related_name="visit_reflections"
    )
    assessment = models.ForeignKey(
        VisitAssessment,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reflections",
    )
    communication = models.ForeignKey(
        "communications.Communication",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visit_reflections",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="visit_reflections"
    )
    how_it_went = models.TextField()
    supports_wellbeing = models.CharField(max_length=8, choices=Wellbeing.choices)
    created_at = models.DateTimeField(default=timezone.now)
    review = models.ForeignKey(
        "AssessmentReview",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reflections",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Reflection by {self.author} on {self.created_at:%d %b %Y}"

    @property
    def raises_concern(self) -> bool:
        return self.supports_wellbeing != Wellbeing.YES


class AssessmentReview(models.Model):
    """The manager's review: is the decision still supporting the child's wellbeing? (4.3)"""

    assessment = models.ForeignKey(
        VisitAssessment, on_delete=models.PROTECT, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assessment_reviews"
    )
    supports_wellbeing = models.CharField(max_length=8, choices=Wellbeing.choices)
    decision = models.CharField(max_length=12, choices=VisitDecision.choices)
    notes = models.TextField()
    next_review_on = models.DateField()
    replacement = models.OneToOneField(
        VisitAssessment,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="made_by_review",
        help_text="The new assessment, where the review changed the decision.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Review of {self.assessment} on {self.created_at:%d %b %Y}"
