"""Who may use the screening pages and API (see tests/test_access_matrix.py)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from safecomms.communications.models import Communication, Finding
from tests.access_vocabulary import CASE, CASE_READERS, SIGNED_IN, TEAM_MANAGERS, Expect, allow

EXPECTATIONS: dict[str, Expect] = {
    "findings:check": allow(SIGNED_IN),
    "findings:case-check": allow(CASE_READERS, **CASE),
    "findings:dismiss": allow(CASE_READERS, kwargs=lambda w: {"finding_id": w["finding"].pk}),
    "findings:report": allow(TEAM_MANAGERS, "ig"),
    "api:screen_text": allow(
        SIGNED_IN,
        method="post",
        data=lambda w: {"text": "See you at the review tomorrow at 10am.", "channel": "sms"},
    ),
}


def extend_world(world: dict[str, Any]) -> None:
    """A recorded message on the shared child's case, with one screening finding on it."""
    communication = Communication.objects.create(
        child=world["child"],
        worker=world["worker"],
        recorded_by=world["worker"],
        occurred_at=timezone.now(),
        kind="text",
        platform="sms",
        direction="outbound",
        content="Running late lol, there in 10.",
    )
    world["communication"] = communication
    world["finding"] = Finding.objects.create(
        communication=communication,
        category="text_speak",
        start=13,
        end=16,
        rule_id="7.1.2-no-text-speak",
        severity="warn",
        message="Text speak (“lol”): Write it out in full.",
    )
