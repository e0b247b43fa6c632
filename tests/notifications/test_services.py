"""notify: what is queued, what is sent through a real SMTP server, and who gets nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from safecomms.notifications.models import Notification
from safecomms.notifications.services import notify
from safecomms.notifications.tasks import send_notification
from safecomms.policy.register import UnknownRuleError
from tests.factories import UserFactory
from tests.notifications.smtp import Mailbox

pytestmark = pytest.mark.django_db

RULE = "5.1-personal-account-exception"


def _notify(recipient, **overrides):
    values = {
        "recipient": recipient,
        "subject": "An exception request needs your decision",
        "action": "Please approve or refuse the request.",
        "link_path": "/exceptions/7/decide/",
        "rule_id": RULE,
        "dedupe_key": "exception-7-requested",
    }
    values.update(overrides)
    return notify(**values)


def test_an_email_is_sent_over_smtp_with_the_link_and_the_rule(
    smtp_server: Mailbox, django_capture_on_commit_callbacks, settings
) -> None:
    manager = UserFactory(email="rachel.green@council.example")
    with django_capture_on_commit_callbacks(execute=True):
        notification = _notify(manager)
    assert notification is not None
    [mail] = smtp_server.messages
    assert mail.recipients == ["rachel.green@council.example"]
    assert mail.subject == "SafeComms: An exception request needs your decision"
    assert f"{settings.SAFECOMMS_BASE_URL}/exceptions/7/decide/" in mail.body
    assert "5.1-personal-account-exception" in mail.body
    assert "contains no details of any child" in mail.body
    notification.refresh_from_db()
    assert notification.sent_at is not None


def test_the_same_dedupe_key_sends_once(
    smtp_server: Mailbox, django_capture_on_commit_callbacks
) -> None:
    manager = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify(manager) is not None
        assert _notify(manager) is None
        assert _notify(manager, dedupe_key="exception-7-waiting-1") is not None
    assert Notification.objects.filter(recipient=manager).count() == 2
    assert len(smtp_server.messages) == 2


def test_without_a_key_every_call_sends() -> None:
    manager = UserFactory()
    _notify(manager, dedupe_key="")
    _notify(manager, dedupe_key="")
    assert Notification.objects.filter(recipient=manager).count() == 2


def test_leavers_and_disabled_staff_get_nothing(
    smtp_server: Mailbox, django_capture_on_commit_callbacks
) -> None:
    leaver = UserFactory(leave_date=timezone.localdate() - timedelta(days=1))
    disabled = UserFactory(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify(leaver) is None
        assert _notify(disabled) is None
    assert not Notification.objects.exists()
    assert smtp_server.messages == []


def test_an_unknown_rule_is_refused() -> None:
    with pytest.raises(UnknownRuleError):
        _notify(UserFactory(), rule_id="9.9-made-up")


def test_a_failed_delivery_is_counted_and_retried_later(settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    notification = Notification.objects.create(
        recipient=UserFactory(), subject="S", body="B", link_path="/", rule_id=RULE
    )
    with pytest.raises((OSError, ImproperlyConfigured)):
        send_notification.call_local(notification.pk)
    notification.refresh_from_db()
    assert notification.failed_attempts == 1
    assert notification.sent_at is None
