"""Daily reminders to managers about virtual visit assessments due for review (rule 4.3)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from safecomms.notifications.services import notify
from safecomms.visits.selectors import assessments_due_for_review

RULE = "4.3-review-virtual-contact"


def assessment_review_reminders_send() -> int:
    """E-mail each manager of a child's allocated teams once per due review; returns how many
    e-mails were queued. The e-mail names no child: it links to the assessment page."""
    today = timezone.localdate()
    sent = 0
    for assessment in assessments_due_for_review(today):
        managers = {
            manager.pk: manager
            for allocation in assessment.child.current_allocations  # type: ignore[attr-defined]
            for manager in allocation.team.managers.all()
        }
        for manager in managers.values():
            notification = notify(
                recipient=manager,
                subject="A virtual visit assessment is due for review",
                action=(
                    "A virtual visit assessment for a child on one of your teams' cases is due for "
                    "review. Check that the arrangement is still supporting the child's wellbeing "
                    "and record your review."
                ),
                link_path=reverse("visits:assessment", args=[assessment.child_id]),
                rule_id=RULE,
                dedupe_key=f"visit-assessment-review:{assessment.pk}:{assessment.review_on.isoformat()}",
            )
            sent += notification is not None
    return sent


@db_periodic_task(crontab(hour="7", minute="30"))
def remind_assessment_reviews() -> None:
    assessment_review_reminders_send()
