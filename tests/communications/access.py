"""Who may use the communication and chronology pages and operations."""

from __future__ import annotations

from typing import Any

from safecomms.communications.models import Flag, Kind, Platform
from safecomms.communications.services import communication_complete, communication_record
from tests.access_vocabulary import CASE, CASE_MANAGERS, CASE_READERS, Expect, allow
from tests.communications.scenario import a_while_ago


def ensure_records(world: dict[str, Any]) -> None:
    """A draft and a completed record by the worker; the completed one is flagged because it
    was sent from a number that is not approved."""
    if "draft" in world:
        return
    worker, child = world["worker"], world["child"]
    world["draft"] = communication_record(
        actor=worker,
        child=child,
        occurred_at=a_while_ago(2),
        kind=Kind.TEXT,
        platform=Platform.SMS,
        direction="outbound",
        summary="Confirmed Thursday's visit",
        content="Hello, just confirming I will visit on Thursday at 4pm.",
    )
    completed = communication_record(
        actor=worker,
        child=child,
        occurred_at=a_while_ago(3),
        kind=Kind.TEXT,
        platform=Platform.SMS,
        direction="outbound",
        summary="Reminder about school",
        content="Please remember the school meeting tomorrow.",
        account_identifier="07700 900999",
    )
    world["completed"] = communication_complete(actor=worker, communication=completed)
    world["flag"] = Flag.objects.open().get(communication=completed)


def extend_world(world: dict[str, Any]) -> None:
    ensure_records(world)


def _record(key: str) -> dict[str, Any]:
    return {
        "kwargs": lambda w: {"child_id": w["child"].pk, "communication_id": w[key].pk},
    }


NEW_RECORD = {
    "occurred_at": "2025-03-03T14:30:00+00:00",
    "kind": "text",
    "platform": "sms",
    "direction": "outbound",
    "summary": "Confirmed the visit",
    "content": "See you on Thursday.",
}

EXPECTATIONS: dict[str, Expect] = {
    "communications:create": allow(CASE_READERS, **CASE),
    "communications:detail": allow(CASE_READERS, **_record("draft")),
    "communications:edit": allow(CASE_MANAGERS, **_record("draft")),
    "communications:complete": allow(CASE_MANAGERS, method="post", **_record("draft")),
    "communications:discard": allow(CASE_MANAGERS, **_record("draft")),
    "communications:addendum-add": allow(CASE_READERS, **_record("completed")),
    "communications:chronology": allow(CASE_READERS, **CASE),
    "communications:chronology-csv": allow(CASE_READERS, **CASE),
    "api:list_communications": allow(CASE_READERS, **CASE),
    "api:create_communication": allow(
        CASE_READERS, method="post", data=lambda w: NEW_RECORD, **CASE
    ),
    "api:get_communication": allow(CASE_READERS, **_record("completed")),
    "api:complete_communication": allow(CASE_MANAGERS, method="post", **_record("draft")),
    "api:add_addendum": allow(
        CASE_READERS,
        method="post",
        data=lambda w: {"text": "The mother rang to say she got the message."},
        **_record("completed"),
    ),
    "api:get_chronology": allow(CASE_READERS, **CASE),
}
