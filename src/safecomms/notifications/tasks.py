"""Background delivery of notification e-mails."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from safecomms.notifications.models import Notification


@db_task(retries=5, retry_delay=120)
def send_notification(notification_id: int) -> None:
    from safecomms.notifications.services import notification_deliver

    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None:
        return
    try:
        notification_deliver(notification)
    except Exception:
        Notification.objects.filter(pk=notification_id).update(
            failed_attempts=notification.failed_attempts + 1
        )
        raise
