"""The daily jobs: expiry, review reminders and chasing undecided requests, each e-mail sent once
per occasion through a real SMTP server, with no case content."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from safecomms.audit.models import AuditEntry
from safecomms.devices import services, tasks
from safecomms.devices.models import ExceptionStatus
from tests.devices.factories import approved_exception
from tests.notifications.smtp import Mailbox

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def mail(smtp_server: Mailbox, django_capture_on_commit_callbacks):
    """Run the block with on-commit callbacks (the e-mail tasks) executed as they would be."""

    class Sending:
        def __enter__(self):
            self.capture = django_capture_on_commit_callbacks(execute=True)
            self.capture.__enter__()
            return smtp_server

        def __exit__(self, *exc):
            return self.capture.__exit__(*exc)

    return Sending


def _no_case_content(message, office) -> None:
    child = office["child"]
    for secret in (child.first_name, child.last_name, child.person_id):
        assert secret not in message.whole


def test_exceptions_past_their_end_date_expire_and_both_people_are_told_once(office, mail) -> None:
    ended = approved_exception(office, ends_on=TODAY - timedelta(days=1), review_on=None)
    current = approved_exception(office, identifier="+447700900556")
    with mail() as box:
        assert tasks.expire_exceptions.call_local() == 1
        assert tasks.expire_exceptions.call_local() == 0
    ended.refresh_from_db()
    current.refresh_from_db()
    assert ended.status == ExceptionStatus.EXPIRED
    assert current.status == ExceptionStatus.APPROVED
    assert sorted(r for m in box.messages for r in m.recipients) == [
        "jordan.ellis@council.example",
        "rachel.green@council.example",
    ]
    for message in box.messages:
        assert message.subject == "SafeComms: An exception has expired"
        assert f"/exceptions/{ended.pk}/" in message.body
        _no_case_content(message, office)
    entry = AuditEntry.objects.get(action="exception.expired")
    assert entry.actor_id is None and entry.child_id == office["child"].pk


def test_deciders_are_reminded_of_reviews_once_per_review_date(office, mail) -> None:
    due = approved_exception(office, review_on=TODAY)
    approved_exception(office, identifier="+447700900556", review_on=TODAY + timedelta(days=30))
    with mail() as box:
        assert tasks.remind_exception_reviews.call_local() == 1
        assert tasks.remind_exception_reviews.call_local() == 0
    [message] = box.messages
    assert message.recipients == ["rachel.green@council.example"]
    assert message.subject == "SafeComms: An exception is due for review"
    assert f"/exceptions/{due.pk}/review/" in message.body
    _no_case_content(message, office)
    # Reviewed and kept: the next review date is a new occasion.
    services.exception_review(
        actor=office["manager"], exception=due, next_review_on=TODAY + timedelta(days=7), notes="Ok"
    )
    with mail() as box:
        assert services.exception_review_reminders_send(today=TODAY + timedelta(days=7)) == 1


def _waiting(office, requested_days_ago: int):
    return approved_exception(
        office,
        status=ExceptionStatus.REQUESTED,
        decided_at=None,
        starts_on=None,
        ends_on=None,
        review_on=None,
        identifier=f"+4477009006{requested_days_ago:02d}",
        requested_at=timezone.now() - timedelta(days=requested_days_ago),
    )


def test_requests_waiting_over_two_working_days_are_chased_every_two(office, mail) -> None:
    monday = TODAY - timedelta(days=TODAY.weekday()) - timedelta(days=14)
    waiting = _waiting(office, (TODAY - monday).days)
    requested_on = timezone.localdate(waiting.requested_at)
    assert requested_on.weekday() == 0
    wednesday, thursday, friday = (requested_on + timedelta(days=n) for n in (2, 3, 4))
    next_monday, next_tuesday = requested_on + timedelta(days=7), requested_on + timedelta(days=8)
    with mail() as box:
        assert services.exception_decision_reminders_send(today=wednesday) == 0
        assert services.exception_decision_reminders_send(today=thursday) == 1
        assert services.exception_decision_reminders_send(today=friday) == 0
        assert services.exception_decision_reminders_send(today=next_monday) == 1
        assert services.exception_decision_reminders_send(today=next_tuesday) == 0
    assert len(box.messages) == 2
    message = box.messages[0]
    assert message.recipients == ["rachel.green@council.example"]
    assert message.subject == "SafeComms: An exception request is waiting for your decision"
    assert f"/exceptions/{waiting.pk}/decide/" in message.body
    _no_case_content(message, office)


def test_a_decider_who_has_left_is_not_e_mailed(office, mail) -> None:
    approved_exception(office, review_on=TODAY)
    office["manager"].leave_date = TODAY
    office["manager"].save()
    with mail() as box:
        assert tasks.remind_exception_reviews.call_local() == 0
    assert box.messages == []


@pytest.mark.parametrize(
    "job",
    [tasks.expire_exceptions, tasks.remind_exception_reviews, tasks.chase_exception_decisions],
)
def test_each_job_runs_once_every_day(job) -> None:
    task = job.task_class()
    start = datetime(2026, 3, 2)
    runs = [
        moment
        for moment in (start + timedelta(minutes=m) for m in range(0, 7 * 24 * 60, 5))
        if task.validate_datetime(moment)
    ]
    assert len(runs) == 7
    assert len({moment.date() for moment in runs}) == 7
