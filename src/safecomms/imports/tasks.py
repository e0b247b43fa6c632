"""Background work for chat imports: recording a confirmed import, and daily housekeeping.

The daily jobs are safe to run more than once a day: reminders carry a dedupe key for the day,
and cancelling stale previews only touches imports that are still waiting.
"""

from __future__ import annotations

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from safecomms.imports import services


@db_task()
def run_chat_import(chat_import_id: int) -> str:
    return str(services.chat_import_run(chat_import_id).status)


# Huey's schedule is in UTC; early morning, before the working day, whatever the season.
@db_periodic_task(crontab(hour="6", minute="10"))
def chase_device_deletions() -> int:
    return services.deletion_reminders_send(today=timezone.localdate())


@db_periodic_task(crontab(hour="3", minute="20"))
def cancel_stale_imports() -> int:
    return services.stale_imports_cancel()
