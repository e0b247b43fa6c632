"""Every flag rule on a communication record: when it fires and when it does not."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from safecomms.communications.models import Finding, Flag, FlagCode, FlagOutcome
from safecomms.communications.services import (
    communication_checks_apply,
    communication_complete,
    communication_record,
    communication_update,
    flag_clear,
)
from safecomms.devices.models import DeviceStatus
from safecomms.visits.services import assessment_record
from tests.communications.scenario import (
    PERSONAL_MOBILE,
    WORK_MOBILE,
    a_while_ago,
    personal_phone_exception,
)

pytestmark = pytest.mark.django_db


def record(world: dict[str, Any], **values: Any) -> Any:
    fields: dict[str, Any] = {
        "actor": world["worker"],
        "child": world["child"],
        "occurred_at": a_while_ago(1),
        "kind": "text",
        "platform": "sms",
        "direction": "outbound",
        "summary": "Visit arranged",
        "content": "Hello, I will visit on Thursday at 4pm.",
        "account_identifier": WORK_MOBILE,
        "device": world["device"],
    }
    fields.update(values)
    return communication_record(**fields)


def open_codes(communication: Any) -> set[str]:
    return set(
        Flag.objects.open().filter(communication=communication).values_list("code", flat=True)
    )


# 5.1-approved-accounts -------------------------------------------------------------------------


def test_an_approved_account_raises_no_flag_however_the_number_is_typed(world) -> None:
    communication = record(world, account_identifier="07700 900123")
    assert open_codes(communication) == set()
    communication.refresh_from_db()
    assert communication.account == world["account"]


def test_an_account_that_is_not_approved_is_flagged_citing_the_rule(world) -> None:
    communication = record(world, account_identifier="07700 900999")
    flag = Flag.objects.get(communication=communication)
    assert flag.code == FlagCode.UNAPPROVED_ACCOUNT
    assert flag.rule_id == "5.1-approved-accounts"
    assert "+447700900999" in flag.message or "07700 900999" in flag.message


def test_someone_elses_approved_account_does_not_count(world) -> None:
    communication = record(world, actor=world["colleague"], device=None, device_description="")
    assert FlagCode.UNAPPROVED_ACCOUNT in open_codes(communication)


def test_a_withdrawn_account_counts_only_for_records_before_it_was_withdrawn(world) -> None:
    account = world["account"]
    account.withdrawn_on = timezone.localdate() - timedelta(days=3)
    account.withdrawn_by = world["manager"]
    account.save()
    before = record(world, occurred_at=a_while_ago(5))
    after = record(world, occurred_at=a_while_ago(1))
    assert FlagCode.UNAPPROVED_ACCOUNT not in open_codes(before)
    assert FlagCode.UNAPPROVED_ACCOUNT in open_codes(after)


def test_a_personal_number_covered_by_an_exception_is_not_flagged(world) -> None:
    exception = personal_phone_exception(world["worker"], world["child"], world["manager"])
    communication = record(
        world,
        platform="whatsapp",
        kind="instant_message",
        account_identifier="07700 900555",
        device=None,
        device_description="My own phone",
    )
    assert open_codes(communication) == set()
    communication.refresh_from_db()
    assert communication.exception == exception


def test_an_exception_for_another_child_or_outside_its_dates_does_not_cover(world) -> None:
    exception = personal_phone_exception(world["worker"], world["child"], world["manager"])
    too_early = record(
        world,
        occurred_at=a_while_ago(30),
        account_identifier=PERSONAL_MOBILE,
        device=None,
        device_description="My own phone",
    )
    assert open_codes(too_early) == {FlagCode.UNAPPROVED_ACCOUNT, FlagCode.UNAPPROVED_DEVICE}
    assert exception.starts_on > timezone.localdate(too_early.occurred_at)


# 5.1-council-devices-only ----------------------------------------------------------------------


def test_a_council_device_issued_to_the_worker_raises_no_flag(world) -> None:
    assert FlagCode.UNAPPROVED_DEVICE not in open_codes(record(world))


def test_a_device_not_on_the_register_is_flagged_citing_the_rule(world) -> None:
    communication = record(world, device=None, device_description="My own iPhone")
    flag = Flag.objects.open().get(communication=communication, code=FlagCode.UNAPPROVED_DEVICE)
    assert flag.rule_id == "5.1-council-devices-only"
    assert "My own iPhone" in flag.message


def test_a_council_device_issued_to_someone_else_is_flagged(world) -> None:
    communication = record(world, actor=world["colleague"], account_identifier="")
    assert open_codes(communication) == {FlagCode.UNAPPROVED_DEVICE}


def test_a_lost_device_counts_only_until_it_was_reported(world) -> None:
    device = world["device"]
    device.status = DeviceStatus.LOST
    device.status_changed_on = timezone.localdate() - timedelta(days=2)
    device.save()
    before = record(world, occurred_at=a_while_ago(4))
    after = record(world, occurred_at=a_while_ago(1))
    assert FlagCode.UNAPPROVED_DEVICE not in open_codes(before)
    assert FlagCode.UNAPPROVED_DEVICE in open_codes(after)


def test_nothing_is_flagged_when_no_account_or_device_is_given(world) -> None:
    assert open_codes(record(world, account_identifier="", device=None)) == set()


# 4.1-virtual-visit-assessment ------------------------------------------------------------------


def video_visit(world: dict[str, Any], **values: Any) -> Any:
    return record(
        world,
        kind="video_call",
        platform="whatsapp",
        is_virtual_visit=True,
        summary="Virtual visit",
        content="Saw Kai in his bedroom; he showed me his new school bag.",
        **values,
    )


def assess(world: dict[str, Any], decision: str, **values: Any) -> Any:
    return assessment_record(
        actor=world["manager"],
        child=world["child"],
        decision=decision,
        preferred_app="" if decision == "in_person" else "whatsapp",
        child_confidence="confident",
        family_confidence="confident",
        needs="Enjoys video calls.",
        risks="None known.",
        **values,
    )


def test_a_virtual_visit_without_an_assessment_is_flagged(world) -> None:
    flag = Flag.objects.get(communication=video_visit(world))
    assert flag.code == FlagCode.NO_VISIT_ASSESSMENT
    assert flag.rule_id == "4.1-virtual-visit-assessment"
    assert "No virtual visit assessment" in flag.message


def test_a_virtual_visit_with_a_current_assessment_allowing_it_is_not_flagged(world) -> None:
    assess(world, "virtual", decided_on=timezone.localdate() - timedelta(days=10))
    assert open_codes(video_visit(world)) == set()
    assess(world, "mixed")
    assert (
        open_codes(video_visit(world, occurred_at=timezone.now() - timedelta(minutes=1))) == set()
    )


def test_in_person_only_an_overdue_review_or_a_later_assessment_do_not_allow_it(world) -> None:
    today = timezone.localdate()
    assess(world, "in_person", decided_on=today - timedelta(days=40))
    in_person = Flag.objects.get(communication=video_visit(world))
    assert "in person" in in_person.message
    assess(
        world, "virtual", decided_on=today - timedelta(days=30), review_on=today - timedelta(days=5)
    )
    overdue = Flag.objects.get(communication=video_visit(world, occurred_at=a_while_ago(1)))
    assert "overdue" in overdue.message
    # A visit before any assessment was made is not covered by one made afterwards.
    early = Flag.objects.get(communication=video_visit(world, occurred_at=a_while_ago(45)))
    assert "No virtual visit assessment" in early.message


def test_a_call_that_was_not_a_virtual_visit_needs_no_assessment(world) -> None:
    assert open_codes(record(world, kind="video_call", platform="teams")) == set()


# Conduct findings of severity block ------------------------------------------------------------


def test_boundary_language_raises_a_conduct_flag_citing_the_findings_rule(world) -> None:
    communication = record(world, content="Keep this between us, don't tell your mum.")
    flag = Flag.objects.get(communication=communication)
    assert flag.code == FlagCode.CONDUCT
    assert flag.rule_id == "5.1-no-grooming-risk"
    assert Finding.objects.filter(communication=communication, category="boundary").exists()


def test_warnings_alone_raise_no_conduct_flag(world) -> None:
    communication = record(world, content="c u thurs lol")
    assert Finding.objects.filter(communication=communication, category="text_speak").exists()
    assert open_codes(communication) == set()


def test_conduct_is_judged_on_the_workers_own_words_only(world) -> None:
    communication = record(
        world, direction="inbound", content="keep this between us lol, ring me on 07700 900777"
    )
    categories = set(
        Finding.objects.filter(communication=communication).values_list("category", flat=True)
    )
    assert "phone" in categories
    assert not categories & {"boundary", "text_speak"}
    assert open_codes(communication) == set()


def test_a_late_night_message_is_stored_as_a_whole_message_finding(world) -> None:
    communication = record(world, occurred_at=a_while_ago(1, hour=23, minute=15))
    late = Finding.objects.get(communication=communication, start=0, end=0)
    assert late.is_whole_message and late.rule_id == "5.1-no-grooming-risk"


def test_names_on_the_case_register_are_found(world) -> None:
    communication = record(world, content="Spoke to Dawn about Kai's school.")
    names = Finding.objects.filter(communication=communication, category="person")
    assert names.count() == 2


# Re-running the checks -------------------------------------------------------------------------


def test_checks_are_idempotent(world) -> None:
    communication = record(
        world, content="Keep this between us.", device=None, device_description="Home PC"
    )
    findings = list(
        Finding.objects.filter(communication=communication).values_list("category", "start", "end")
    )
    flags = list(Flag.objects.filter(communication=communication).values_list("pk", "code"))
    communication_checks_apply(communication=communication)
    communication_checks_apply(communication=communication)
    assert (
        list(
            Finding.objects.filter(communication=communication).values_list(
                "category", "start", "end"
            )
        )
        == findings
    )
    assert list(Flag.objects.filter(communication=communication).values_list("pk", "code")) == flags


def test_changing_a_draft_replaces_its_findings_and_closes_flags_that_no_longer_apply(
    world,
) -> None:
    communication = record(
        world, content="Keep this between us.", account_identifier="07700 900999"
    )
    assert open_codes(communication) == {FlagCode.CONDUCT, FlagCode.UNAPPROVED_ACCOUNT}
    communication_update(
        actor=world["worker"],
        communication=communication,
        content="Confirming Thursday's visit at 4pm.",
        account_identifier=WORK_MOBILE,
    )
    assert open_codes(communication) == set()
    assert not Finding.objects.filter(communication=communication, category="boundary").exists()
    closed = Flag.objects.filter(communication=communication, outcome=FlagOutcome.NO_LONGER_APPLIES)
    assert closed.count() == 2


def test_a_flag_a_manager_cleared_is_not_raised_again_by_the_same_rule(world) -> None:
    communication = record(world, account_identifier="07700 900999")
    flag = Flag.objects.get(communication=communication)
    flag_clear(
        actor=world["manager"], flag=flag, outcome="cleared", note="A team phone, now registered."
    )
    communication_update(actor=world["worker"], communication=communication, summary="Visit moved")
    assert open_codes(communication) == set()


def test_completing_runs_the_checks_once_more(world) -> None:
    communication = record(world)
    communication_update(actor=world["worker"], communication=communication, is_virtual_visit=True)
    completed = communication_complete(actor=world["worker"], communication=communication)
    assert FlagCode.NO_VISIT_ASSESSMENT in open_codes(completed)
