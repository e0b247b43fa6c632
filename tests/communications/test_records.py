"""Drafts, completion, addenda and the audit trail."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from safecomms.audit.models import AuditEntry
from safecomms.communications.models import Addendum, Flag, RecordStatus
from safecomms.communications.services import (
    RecordLockedError,
    addendum_add,
    communication_complete,
    communication_record,
    communication_update,
    flag_clear,
)
from tests.communications.scenario import WORK_MOBILE, a_while_ago
from tests.factories import CasePersonFactory

pytestmark = pytest.mark.django_db


def draft(world: dict[str, Any], **values: Any) -> Any:
    fields: dict[str, Any] = {
        "actor": world["worker"],
        "child": world["child"],
        "occurred_at": a_while_ago(1),
        "kind": "email",
        "platform": "email",
        "direction": "outbound",
        "summary": "Sent the plan",
        "content": "Dear Ms Walker, please find the plan attached.",
        "people": [world["mother"]],
        "includes_child": False,
        "account_identifier": WORK_MOBILE,
    }
    fields.update(values)
    return communication_record(**fields)


def test_a_record_starts_as_a_draft_and_is_audited_by_hash_only(world) -> None:
    communication = draft(world)
    assert communication.status == RecordStatus.DRAFT
    assert list(communication.people.all()) == [world["mother"]]
    entry = AuditEntry.objects.get(action="communication.recorded")
    assert entry.child_id == world["child"].pk
    assert set(entry.content_hashes) == {"summary", "content"}
    assert "please find the plan" not in str(entry.changes)


def test_bad_input_says_what_is_wrong_and_changes_nothing(world) -> None:
    other_childs_person = CasePersonFactory()
    with pytest.raises(ValidationError) as problem:
        draft(
            world,
            summary="",
            content="",
            people=[other_childs_person],
            occurred_at=timezone.now() + timezone.timedelta(days=1),
        )
    messages = problem.value.message_dict
    assert messages["summary"] == ["Enter a summary or the content of the communication"]
    assert messages["people"] == ["Choose people on this child's case"]
    assert messages["occurred_at"] == ["The date and time must be in the past"]
    assert not AuditEntry.objects.filter(action="communication.recorded").exists()


def test_a_draft_can_be_changed_and_the_change_is_audited(world) -> None:
    communication = draft(world)
    communication_update(
        actor=world["worker"], communication=communication, summary="Sent the revised plan"
    )
    communication.refresh_from_db()
    assert communication.summary == "Sent the revised plan"
    entry = AuditEntry.objects.get(action="communication.updated")
    assert set(entry.content_hashes) == {"summary"}


def test_a_completed_record_cannot_be_changed_or_completed_again(world) -> None:
    communication = communication_complete(actor=world["worker"], communication=draft(world))
    assert communication.is_completed and communication.completed_at is not None
    with pytest.raises(RecordLockedError):
        communication_update(actor=world["worker"], communication=communication, summary="Oops")
    with pytest.raises(RecordLockedError):
        communication_complete(actor=world["worker"], communication=communication)
    communication.refresh_from_db()
    assert communication.summary == "Sent the plan"


def test_addenda_add_to_a_completed_record_and_keep_its_history(world) -> None:
    communication = draft(world)
    with pytest.raises(ValidationError, match="still a draft"):
        addendum_add(actor=world["worker"], communication=communication, text="More")
    communication_complete(actor=world["worker"], communication=communication)
    addendum_add(
        actor=world["colleague"], communication=communication, text="Mum replied by phone."
    )
    addendum_add(actor=world["worker"], communication=communication, text="Plan agreed.")
    communication.refresh_from_db()
    assert communication.content == "Dear Ms Walker, please find the plan attached."
    assert [a.text for a in Addendum.objects.filter(communication=communication)] == [
        "Mum replied by phone.",
        "Plan agreed.",
    ]
    assert AuditEntry.objects.filter(action="communication.addendum_added").count() == 2
    with pytest.raises(ValidationError):
        addendum_add(actor=world["worker"], communication=communication, text="   ")


def test_responses_thread_to_the_record_they_answer(world) -> None:
    sent = draft(world)
    reply = draft(world, direction="inbound", summary="Mum agreed", in_reply_to=sent)
    assert list(sent.responses.all()) == [reply]
    other = draft(world, child=CasePersonFactory().child, people=[], includes_child=True)
    with pytest.raises(ValidationError):
        draft(world, in_reply_to=other)


def test_clearing_a_flag_needs_a_note_and_is_audited_citing_the_rule(world) -> None:
    communication = draft(world, account_identifier="dawn.personal@example.com")
    flag = Flag.objects.get(communication=communication)
    with pytest.raises(ValidationError):
        flag_clear(actor=world["manager"], flag=flag, outcome="cleared", note=" ")
    flag_clear(actor=world["manager"], flag=flag, outcome="acknowledged", note="Talked to Priya.")
    flag.refresh_from_db()
    assert flag.cleared_by == world["manager"] and flag.outcome == "acknowledged"
    entry = AuditEntry.objects.get(action="flag.acknowledged")
    assert entry.context.get(
        "reason"
    ) == "rule 5.1-approved-accounts" or "5.1-approved-accounts" in str(entry.context)
    with pytest.raises(ValidationError, match="already"):
        flag_clear(actor=world["manager"], flag=flag, outcome="cleared", note="Again")
