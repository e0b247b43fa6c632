"""Daily jobs for exceptions: expiry, review reminders and chasing undecided requests.

Each job is safe to run more than once a day: expiry moves only approved exceptions, and every
reminder carries a dedupe key, so a person hears about each occasion once.
"""

from __future__ import annotations

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from safecomms.devices import services


# Huey's schedule is in UTC; early morning before the working day, whatever the season.
@db_periodic_task(crontab(hour="5", minute="30"))
def expire_exceptions() -> int:
    return services.exceptions_expire(today=timezone.localdate())


@db_periodic_task(crontab(hour="5", minute="40"))
def remind_exception_reviews() -> int:
    return services.exception_review_reminders_send(today=timezone.localdate())


@db_periodic_task(crontab(hour="5", minute="50"))
def chase_exception_decisions() -> int:
    return services.exception_decision_reminders_send(today=timezone.localdate())
