"""Register rows and exceptions for the devices tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from safecomms.devices.models import ContactException, ExceptionStatus


def approved_exception(office: dict[str, Any], **values: Any) -> ContactException:
    """An exception the manager approved for the worker on the child's case, in force today."""
    today = timezone.localdate()
    fields: dict[str, Any] = {
        "requested_by": office["worker"],
        "child": office["child"],
        "channel": "personal_phone",
        "identifier": "+447700900555",
        "reasons": "Only answers a number they know.",
        "decider": office["manager"],
        "status": ExceptionStatus.APPROVED,
        "decided_at": timezone.now() - timedelta(days=10),
        "decision_reasons": "Agreed for now.",
        "starts_on": today - timedelta(days=10),
        "ends_on": today + timedelta(days=80),
        "review_on": today + timedelta(days=20),
    }
    fields.update(values)
    return ContactException.objects.create(**fields)
