"""Virtual visit assessments: the manager's decision, reflections, reviews and reminders."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from safecomms.audit.models import AuditEntry
from safecomms.notifications.models import Notification
from safecomms.visits.models import VisitAssessment, VisitReflection
from safecomms.visits.selectors import latest_assessment, virtual_visit_standing
from safecomms.visits.services import assessment_record, assessment_review, reflection_record
from safecomms.visits.tasks import assessment_review_reminders_send
from tests.pages import sign_in

pytestmark = pytest.mark.django_db


def assess(world: dict[str, Any], **values: Any) -> VisitAssessment:
    fields: dict[str, Any] = {
        "actor": world["manager"],
        "child": world["child"],
        "decision": "virtual",
        "preferred_app": "whatsapp",
        "child_confidence": "confident",
        "family_confidence": "needs_support",
        "needs": "Kai is 13 and likes video calls.",
        "risks": "Mum may listen in.",
    }
    fields.update(values)
    return assessment_record(**fields)


def test_an_assessment_defaults_to_a_review_in_three_months(world, settings) -> None:
    assessment = assess(world)
    assert assessment.review_on == timezone.localdate() + timedelta(
        days=settings.SAFECOMMS_REVIEW_ASSESSMENTS_DAYS
    )
    entry = AuditEntry.objects.get(action="visit_assessment.recorded")
    assert set(entry.content_hashes) == {"needs", "risks"}


def test_an_assessment_allowing_virtual_visits_needs_the_familys_app(world) -> None:
    with pytest.raises(ValidationError) as problem:
        assess(world, preferred_app="")
    assert problem.value.message_dict == {
        "preferred_app": ["Choose the family's preferred video app"]
    }
    with pytest.raises(ValidationError):
        assess(world, preferred_app="other", preferred_app_other=" ")
    in_person = assess(world, decision="in_person", preferred_app="whatsapp")
    assert in_person.preferred_app == ""


def test_standing_follows_the_latest_assessment_and_its_review_date(world) -> None:
    today = timezone.localdate()
    assert not virtual_visit_standing(world["child"], today).allowed
    assess(world, decided_on=today - timedelta(days=10))
    assert virtual_visit_standing(world["child"], today).allowed
    assess(world, decision="in_person")
    assert not virtual_visit_standing(world["child"], today).allowed
    assert virtual_visit_standing(world["child"], today - timedelta(days=5)).allowed


def test_a_review_keeps_or_changes_the_decision_and_reviews_the_reflections(world) -> None:
    assessment = assess(world)
    reflection_record(
        actor=world["worker"],
        child=world["child"],
        how_it_went="Kai was quiet.",
        supports_wellbeing="partly",
    )
    review = assessment_review(
        actor=world["manager"],
        assessment=assessment,
        supports_wellbeing="partly",
        decision="virtual",
        preferred_app="whatsapp",
        notes="Keep going; see him at school too.",
        next_review_on=timezone.localdate() + timedelta(days=30),
    )
    assessment.refresh_from_db()
    assert review.replacement is None
    assert assessment.review_on == timezone.localdate() + timedelta(days=30)
    assert VisitReflection.objects.get().review == review
    changed = assessment_review(
        actor=world["manager"],
        assessment=assessment,
        supports_wellbeing="no",
        decision="in_person",
        notes="Kai cannot speak freely at home.",
    )
    assert changed.replacement is not None
    assert latest_assessment(world["child"]) == changed.replacement
    assert changed.replacement.decision == "in_person"
    with pytest.raises(ValidationError):
        assessment_review(
            actor=world["manager"],
            assessment=assessment,
            supports_wellbeing="yes",
            decision="mixed",
            notes="",
        )


def test_the_manager_records_and_reviews_through_the_pages(client, pages, world) -> None:
    child = world["child"]
    sign_in(client, world["manager"])
    page = pages.get(reverse("visits:assessment", args=[child.pk])).content.decode()
    assert "No virtual visit assessment has been made" in page and "Record the assessment" in page
    url = reverse("visits:assessment-create", args=[child.pk])
    page = pages.post(url, {"decision": "mixed"}, status=200).content.decode()
    for message in (
        "preferred video app",
        "Choose how confident the child is with video calls",
        "needs</a>",
        "Describe the risks, or say there are none known",
    ):
        assert message in page, message
    review_by = timezone.localdate() + timedelta(days=60)
    pages.post(
        url,
        {
            "decision": "mixed",
            "preferred_app": "teams",
            "child_confidence": "confident",
            "family_confidence": "not_confident",
            "needs": "Needs time alone with the worker.",
            "risks": "Dad may be in the room.",
            "review_on-day": str(review_by.day),
            "review_on-month": str(review_by.month),
            "review_on-year": str(review_by.year),
        },
    )
    assessment = VisitAssessment.objects.get()
    assert assessment.review_on == review_by and assessment.decided_by == world["manager"]
    page = pages.get(reverse("cases:detail", args=[child.pk])).content.decode()
    assert "A mix of virtual and in-person visits" in page
    review = reverse("visits:review", args=[child.pk])
    assert "Current decision: a mix" in pages.get(review).content.decode()
    pages.post(
        review,
        {
            "supports_wellbeing": "yes",
            "decision": "virtual",
            "preferred_app": "teams",
            "notes": "Going well.",
            "next_review_on-day": str(review_by.day),
            "next_review_on-month": str(review_by.month),
            "next_review_on-year": str(review_by.year),
        },
    )
    assert latest_assessment(child).decision == "virtual"
    page = pages.get(reverse("visits:assessment", args=[child.pk])).content.decode()
    assert "reviews</caption>" in page and "Earlier decisions" in page


def test_practitioners_reflect_but_do_not_decide(client, pages, world) -> None:
    child = world["child"]
    assess(world)
    sign_in(client, world["worker"])
    assert client.get(reverse("visits:assessment-create", args=[child.pk])).status_code == 403
    assert client.get(reverse("visits:review", args=[child.pk])).status_code == 403
    url = reverse("visits:reflection-create", args=[child.pk])
    page = pages.post(url, {}, status=200).content.decode()
    assert "Say how the virtual visit went" in page
    pages.post(
        url,
        {"how_it_went": "Kai showed me his room.", "supports_wellbeing": "no", "communication": ""},
    )
    assert VisitReflection.objects.get().assessment == latest_assessment(child)


def test_a_daily_reminder_goes_to_the_teams_managers_once_without_case_details(
    world, django_capture_on_commit_callbacks
) -> None:
    today = timezone.localdate()
    assess(world, decided_on=today - timedelta(days=100), review_on=today - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert assessment_review_reminders_send() == 1
    assert assessment_review_reminders_send() == 0  # sent once per review date
    notification = Notification.objects.get()
    assert notification.recipient == world["manager"]
    assert notification.rule_id == "4.3-review-virtual-contact"
    for private in ("Kai", "Walker", "1234567"):
        assert private not in notification.subject + notification.body
    assert len(mail.outbox) == 1


def test_no_reminder_before_the_review_date_or_for_a_replaced_assessment(world) -> None:
    today = timezone.localdate()
    assess(world, decided_on=today - timedelta(days=100), review_on=today - timedelta(days=1))
    assess(world)  # a new decision today replaces the overdue one
    assert assessment_review_reminders_send() == 0


def test_the_assessment_api(client, world) -> None:
    from safecomms.staff.services import access_token_create

    _, raw = access_token_create(owner=world["manager"], name="script")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    url = reverse("api:create_visit_assessment", args=[world["child"].pk])
    bad = client.post(
        url,
        {
            "decision": "virtual",
            "child_confidence": "confident",
            "family_confidence": "confident",
            "needs": "x",
            "risks": "y",
        },
        content_type="application/json",
        **headers,
    )
    assert bad.status_code == 422 and "preferred video app" in bad.json()["detail"]
    made = client.post(
        url,
        {
            "decision": "in_person",
            "child_confidence": "confident",
            "family_confidence": "confident",
            "needs": "x",
            "risks": "y",
        },
        content_type="application/json",
        **headers,
    )
    assert made.status_code == 201 and made.json()["decision"] == "in_person"
    listed = client.get(
        reverse("api:list_visit_assessments", args=[world["child"].pk]), **headers
    ).json()
    assert [a["decision"] for a in listed] == ["in_person"]
