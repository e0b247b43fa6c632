from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import RequestFactory

from safecomms.audit.chain import verify_chain
from safecomms.audit.checkpoint import read_checkpoint
from safecomms.audit.models import AuditEntry, AuditTrailIsAppendOnly
from safecomms.audit.services import (
    audit_case_view,
    audit_event,
    changed_fields,
    content_hash,
    json_safe,
    snapshot,
)
from safecomms.cases.models import Child, LegalStatus


@pytest.fixture
def child() -> Child:
    return Child.objects.create(
        person_id="P100234", first_name="Jordan", last_name="Pike", date_of_birth=date(2012, 5, 1)
    )


@pytest.mark.django_db
def test_entries_are_numbered_in_order_and_linked(record: Any) -> None:
    first, second, third = record(3)

    assert [first.seq, second.seq, third.seq] == [1, 2, 3]
    assert second.prev_hash == first.entry_hash
    assert third.prev_hash == second.entry_hash
    assert verify_chain().ok


@pytest.mark.django_db
def test_entry_records_who_what_when_and_which_record(
    staff_member: Any, child: Child, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        entry = audit_event(
            actor=staff_member,
            action="case.updated",
            target=child,
            changes={"legal_status": (LegalStatus.CIN, LegalStatus.CP)},
        )

    entry.refresh_from_db()
    assert entry.actor_id == staff_member.pk
    assert entry.actor_label == "Sam Okafor <sam.okafor@council.example>"
    assert entry.action == "case.updated"
    assert (entry.target_type, entry.target_id, entry.child_id) == (
        "cases.child",
        str(child.pk),
        child.pk,
    )
    assert entry.changes == {"legal_status": ["cin", "cp"]}
    assert entry.occurred_at.tzinfo is not None
    assert verify_chain().ok


@pytest.mark.django_db
def test_content_is_recorded_only_as_a_keyed_hash(
    staff_member: Any, child: Child, django_capture_on_commit_callbacks: Any
) -> None:
    note = "Jordan said he was scared to go home"
    with django_capture_on_commit_callbacks(execute=True):
        entry = audit_event(
            actor=staff_member,
            action="communication.recorded",
            target=child,
            changes={"channel": (None, "whatsapp")},
            content={"body": note, "reply": None},
        )

    row = AuditEntry.objects.filter(pk=entry.pk).values().get()
    assert note not in json.dumps(row, default=str)
    assert "scared" not in json.dumps(row, default=str)
    assert row["content_hashes"] == {"body": content_hash(note), "reply": None}
    assert verify_chain().ok


def test_content_hash_is_keyed(settings: Any) -> None:
    original = content_hash("yes")
    settings.AUDIT_HMAC_KEY = "another key"

    assert content_hash("yes") != original
    assert len(original) == 64


@pytest.mark.django_db
def test_content_passed_as_a_change_is_refused(staff_member: Any) -> None:
    with pytest.raises(ValueError, match="content"):
        audit_event(
            actor=staff_member,
            action="note.updated",
            changes={"body": ("old", "new")},
            content={"body": "new"},
        )

    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["viewed", "Case.Viewed", "case viewed", "case.", ""])
def test_action_must_be_a_dotted_verb(action: str) -> None:
    with pytest.raises(ValueError, match="dotted verb"):
        audit_event(actor=None, action=action)


@pytest.mark.django_db
def test_system_and_anonymous_actors(record: Any) -> None:
    system, anonymous = record(1, actor=None)[0], record(1, actor=AnonymousUser())[0]

    assert (system.actor_id, system.actor_label) == (None, "system")
    assert (anonymous.actor_id, anonymous.actor_label) == (None, "anonymous")
    assert verify_chain().ok


@pytest.mark.django_db
def test_deleting_the_actor_leaves_the_entry_intact(record: Any, staff_member: Any) -> None:
    user_id = staff_member.pk
    entry = record(1)[0]

    staff_member.delete()

    entry.refresh_from_db()
    assert entry.actor_id == user_id
    assert entry.actor_label == "Sam Okafor <sam.okafor@council.example>"
    assert verify_chain().ok


@pytest.mark.django_db
def test_deleting_the_child_leaves_the_entry_intact(
    staff_member: Any, child: Child, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        entry = audit_case_view(actor=staff_member, child=child)
    child_id = child.pk

    child.delete()

    assert AuditEntry.objects.get(pk=entry.pk).child_id == child_id
    assert verify_chain().ok


@pytest.mark.django_db
def test_case_view_records_the_request(
    staff_member: Any, child: Child, django_capture_on_commit_callbacks: Any
) -> None:
    request = RequestFactory().get(
        f"/cases/{child.pk}/",
        REMOTE_ADDR="10.1.2.3",
        HTTP_USER_AGENT="Mozilla/5.0 " + "x" * 500,
    )

    with django_capture_on_commit_callbacks(execute=True):
        entry = audit_case_view(
            actor=staff_member, child=child, request=request, reason="Duty cover"
        )

    entry.refresh_from_db()
    assert entry.action == "case.viewed"
    assert entry.child_id == child.pk
    assert entry.context["ip"] == "10.1.2.3"
    assert entry.context["user_agent"].startswith("Mozilla/5.0 ")
    assert len(entry.context["user_agent"]) == 200
    assert entry.context["path"] == f"/cases/{child.pk}/"
    assert entry.context["reason"] == "Duty cover"
    assert verify_chain().ok


@pytest.mark.django_db
def test_unsaved_target_is_refused() -> None:
    with pytest.raises(ValueError, match="id"):
        audit_event(actor=None, action="case.deleted", target=Child(person_id="P1"))


@pytest.mark.django_db
def test_values_of_every_kind_survive_the_database_and_the_seal(record: Any) -> None:
    awkward: dict[str, tuple[object, object]] = {
        "when": (datetime(2024, 3, 31, 1, 30, 0, 5, tzinfo=UTC), None),
        "on": (date(2024, 2, 29), date(2024, 3, 1)),
        "amount": (Decimal("10.50"), Decimal("1E+2")),
        "ratio": (1e20, 0.1),
        "id": (uuid.UUID(int=7), None),
        "status": (LegalStatus.CIN, LegalStatus.CLA),
        "period": (timedelta(days=91), None),
        "text": ("nul\x00byte", "ünïcødé ✓ \U0001f600"),
        "members": ({3, 1, 2}, [1, 2]),
        "nested": ({"b": 1, "a": [True, None]}, {}),
    }

    record(1, changes=awkward)

    stored = AuditEntry.objects.get().changes
    assert stored["when"] == ["2024-03-31T01:30:00.000005+00:00", None]
    assert stored["amount"] == ["10.50", "1E+2"]
    assert stored["ratio"] == ["1e+20", "0.1"]
    assert stored["status"] == ["cin", "cla"]
    assert stored["members"] == [[1, 2, 3], [1, 2]]
    assert stored["text"] == ["nul\ufffdbyte", "ünïcødé ✓ \U0001f600"]
    assert verify_chain().ok


def test_json_safe_uses_primary_keys_for_records() -> None:
    assert json_safe(Child(pk=12)) == 12
    assert json_safe(Path("a/b")) == "a/b"


@pytest.mark.django_db
def test_snapshot_and_changed_fields(child: Child, staff_member: Any) -> None:
    fields = ["first_name", "legal_status", "date_of_birth", "full_name"]
    before = snapshot(child, fields)

    child.first_name = "Jordy"
    child.legal_status = LegalStatus.CP
    after = snapshot(child, fields)

    assert before["date_of_birth"] == "2012-05-01"
    assert changed_fields(before, after) == {
        "first_name": ("Jordan", "Jordy"),
        "legal_status": ("cin", "cp"),
        "full_name": ("Jordan Pike", "Jordy Pike"),
    }
    assert changed_fields(before, before) == {}
    assert changed_fields({}, {"team": 3}) == {"team": (None, 3)}


@pytest.mark.django_db
def test_snapshot_of_relations_uses_ids(staff_member: Any) -> None:
    from safecomms.staff.models import Team

    team = Team.objects.create(name="Referral and assessment")
    team.managers.add(staff_member)

    assert snapshot(team, ["managers", "hr_business_partner"]) == {
        "managers": [staff_member.pk],
        "hr_business_partner": None,
    }
    with pytest.raises(ValueError, match="reverse relation"):
        snapshot(team, ["memberships"])


@pytest.mark.django_db
def test_orm_refuses_to_change_or_delete_entries(record: Any) -> None:
    entry = record(1)[0]

    entry.action = "case.deleted"
    with pytest.raises(AuditTrailIsAppendOnly):
        entry.save()
    with pytest.raises(AuditTrailIsAppendOnly):
        entry.delete()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(action="case.deleted")
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEntry.objects.all().delete()
    assert verify_chain().ok


@pytest.mark.django_db(transaction=True)
def test_rolled_back_change_leaves_no_entry_and_keeps_the_checkpoint(
    staff_member: Any, checkpoint_file: Path
) -> None:
    audit_event(actor=staff_member, action="case.created")
    checkpoint_before = checkpoint_file.read_text()

    def failing_change() -> None:
        with transaction.atomic():
            audit_event(actor=staff_member, action="case.updated")
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        failing_change()

    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["case.created"]
    assert checkpoint_file.read_text() == checkpoint_before
    assert audit_event(actor=staff_member, action="case.updated").seq == 2
    assert read_checkpoint().seq == 2  # type: ignore[union-attr]
    assert verify_chain().ok


@pytest.mark.django_db(transaction=True)
def test_rolled_back_savepoint_leaves_no_gap(staff_member: Any) -> None:
    with transaction.atomic():
        audit_event(actor=staff_member, action="import.started")
        try:
            with transaction.atomic():
                audit_event(actor=staff_member, action="import.message_recorded")
                raise RuntimeError("a bad message")
        except RuntimeError:
            pass
        audit_event(actor=staff_member, action="import.finished")

    assert list(AuditEntry.objects.values_list("seq", "action")) == [
        (1, "import.started"),
        (2, "import.finished"),
    ]
    assert read_checkpoint().seq == 2  # type: ignore[union-attr]
    assert verify_chain().ok


@pytest.mark.django_db(transaction=True)
def test_appends_outside_a_transaction_are_checkpointed(staff_member: Any) -> None:
    for _ in range(3):
        audit_event(actor=staff_member, action="case.viewed")

    assert read_checkpoint().seq == 3  # type: ignore[union-attr]
    assert verify_chain().entries_checked == 3
