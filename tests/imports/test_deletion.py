"""After an import: the task to clear the conversation from the device, and its reminders."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from safecomms.audit.models import AuditEntry
from safecomms.imports import services
from safecomms.imports.models import DeletionTask
from safecomms.notifications.models import Notification
from tests.imports.conftest import whatsapp_zip

pytestmark = pytest.mark.django_db

MONDAY = date(2024, 3, 4)


@pytest.fixture
def task(case_world: dict[str, Any], media: Any) -> DeletionTask:
    chat_import = services.chat_import_upload(
        actor=case_world["worker"],
        child=case_world["child"],
        upload=ContentFile(whatsapp_zip(), name="chat.zip"),
        original_name="chat.zip",
    )
    services.chat_import_confirm(actor=case_world["worker"], chat_import=chat_import)
    task = DeletionTask.objects.get()
    # Imported on a Monday morning.
    task.created_at = timezone.make_aware(timezone.datetime(2024, 3, 4, 10, 0))
    task.save()
    return task


def test_reminders_every_two_working_days_until_confirmed(
    task: DeletionTask, case_world: dict[str, Any]
) -> None:
    sent = {
        day: services.deletion_reminders_send(today=MONDAY + timedelta(days=day))
        for day in range(0, 10)
    }
    # Mon 0, Tue 1 (1 working day), Wed 2 (2: chase), Thu, Fri 4 (2 since Wed: chase),
    # Sat, Sun (weekend), Mon 7, Tue 8 (2 since Fri: chase), Wed.
    assert [day for day, count in sent.items() if count] == [2, 4, 8]
    notifications = Notification.objects.filter(recipient=case_world["worker"])
    assert notifications.count() == 3
    first = notifications.order_by("created_at").first()
    assert first is not None
    assert first.rule_id == "8.3-clear-redundant-conversations"
    assert first.link_path == f"/cases/{task.child_id}/imports/{task.chat_import_id}/cleared/"
    # No case content in the e-mail: not the child's name, not the file's.
    for message in mail.outbox:
        assert "Kai" not in message.body and "Walker" not in message.body
        assert "chat.zip" not in message.body
    task.refresh_from_db()
    assert task.chase_count == 3


def test_a_reminder_is_sent_once_a_day_however_often_the_job_runs(task: DeletionTask) -> None:
    wednesday = MONDAY + timedelta(days=2)
    assert services.deletion_reminders_send(today=wednesday) == 1
    DeletionTask.objects.filter(pk=task.pk).update(last_chased_on=None)
    assert services.deletion_reminders_send(today=wednesday) == 0
    assert Notification.objects.count() == 1


def test_the_chase_interval_is_a_setting(task: DeletionTask, settings: Any) -> None:
    settings.SAFECOMMS_DELETION_CHASE_WORKING_DAYS = 1
    assert services.deletion_reminders_send(today=MONDAY + timedelta(days=1)) == 1


def test_confirming_stops_the_reminders_and_is_audited(
    task: DeletionTask, case_world: dict[str, Any]
) -> None:
    services.deletion_confirm(actor=case_world["worker"], task=task)
    task.refresh_from_db()
    assert task.confirmed_by == case_world["worker"] and task.confirmed_at is not None
    assert services.deletion_reminders_send(today=MONDAY + timedelta(days=2)) == 0
    entry = AuditEntry.objects.get(action="chat_import.device_cleared")
    assert entry.child_id == case_world["child"].pk
    with pytest.raises(ValidationError, match="already confirmed"):
        services.deletion_confirm(actor=case_world["worker"], task=task)


def test_only_the_person_with_the_device_can_confirm(
    task: DeletionTask, case_world: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError, match="Only the person who holds the device"):
        services.deletion_confirm(actor=case_world["manager"], task=task)


def test_the_daily_job_runs_the_chase(task: DeletionTask) -> None:
    from huey.api import PeriodicTask

    from safecomms.imports import tasks

    assert issubclass(tasks.chase_device_deletions.task_class, PeriodicTask)
    assert isinstance(tasks.chase_device_deletions.call_local(), int)


def test_no_reminders_once_the_worker_is_off_the_case(
    task: DeletionTask, case_world: dict[str, Any]
) -> None:
    from safecomms.cases.models import Allocation

    today = timezone.localdate()
    Allocation.objects.filter(worker=case_world["worker"]).update(
        start_date=today - timedelta(days=60), end_date=today - timedelta(days=1)
    )
    assert services.deletion_reminders_send(today=MONDAY + timedelta(days=2)) == 0
