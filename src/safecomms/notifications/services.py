"""Send staff an e-mail that says what to do and links to SafeComms, never case content."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from safecomms.notifications.models import Notification
from safecomms.policy import rule
from safecomms.staff.models import User

FOOTER = (
    "This e-mail contains no details of any child or family. Sign in to SafeComms to see them.\n"
    "It was sent because of the online safety guidance, rule {rule_id} ({title})."
)


def notify(
    *,
    recipient: User,
    subject: str,
    action: str,
    link_path: str,
    rule_id: str,
    dedupe_key: str = "",
) -> Notification | None:
    """Queue an e-mail to one person; with a dedupe key, the same reminder is only sent once.

    `subject` and `action` must not name a child, a family member or case details: write
    "A decision is needed on an exception request", not the child's name.
    """
    cited = rule(rule_id)
    if not recipient.is_active or recipient.has_left():
        return None
    body = (
        f"{action}\n\nOpen SafeComms: {settings.SAFECOMMS_BASE_URL}{link_path}\n\n"
        + FOOTER.format(rule_id=cited.id, title=cited.title)
    )
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient,
                subject=subject,
                body=body,
                link_path=link_path,
                rule_id=rule_id,
                dedupe_key=dedupe_key,
            )
    except IntegrityError:
        return None  # already sent for this key
    from safecomms.notifications.tasks import send_notification

    transaction.on_commit(lambda: send_notification(notification.pk))
    return notification


def notification_deliver(notification: Notification) -> None:
    """Send one queued e-mail now; called by the task queue."""
    if notification.sent_at is not None:
        return
    send_mail(
        subject=f"SafeComms: {notification.subject}",
        message=notification.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[notification.recipient.email],
    )
    Notification.objects.filter(pk=notification.pk).update(sent_at=timezone.now())
