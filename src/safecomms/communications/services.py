"""Writes to communication records: each in one transaction and audited.

The text of a record (its summary, content and addenda) goes to the audit trail as `content=`, so
the trail keeps a keyed hash of it and never a copy. `communication_checks_apply` is the one place
that screens a record and raises or closes its flags; manual recording and the chat import both
call it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from safecomms.audit.services import audit_event, changed_fields, snapshot
from safecomms.cases.models import CasePerson, Child
from safecomms.cases.selectors import screening_people
from safecomms.communications.models import (
    Addendum,
    Communication,
    Direction,
    Finding,
    Flag,
    FlagCode,
    FlagOutcome,
    Kind,
    Platform,
    RecordStatus,
)
from safecomms.devices.models import Device
from safecomms.devices.selectors import (
    approved_account_for,
    covering_exception,
    registered_device_for,
)
from safecomms.screening import CONDUCT, Gazetteer, screen
from safecomms.screening.lexicons import load_table_file
from safecomms.staff.models import User

RULE_ACCOUNT = "5.1-approved-accounts"
RULE_DEVICE = "5.1-council-devices-only"
RULE_VISIT = "4.1-virtual-visit-assessment"

# Fields whose before and after values go to the audit trail as changes (not content).
RECORD_FIELDS = (
    "occurred_at",
    "kind",
    "platform",
    "direction",
    "account_identifier",
    "device",
    "device_description",
    "is_virtual_visit",
    "includes_child",
    "in_reply_to",
    "status",
)
CONTENT_FIELDS = ("summary", "content")
# A record may be dated a little ahead of the server's clock (a phone's clock runs fast).
FUTURE_TOLERANCE = timedelta(minutes=5)


class RecordLockedError(ValidationError):
    """A completed record was asked to change."""


def _require_draft(communication: Communication) -> None:
    if communication.is_completed:
        raise RecordLockedError(
            "This record has been completed and cannot be changed. Add an addendum instead."
        )


def case_gazetteer(child: Child) -> Gazetteer:
    """The case register's names, ready for screening every text on the case."""
    return Gazetteer.from_people(screening_people(child))


# Checks ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Wanted:
    rule_id: str
    message: str


def _conduct_label(category: str) -> str:
    labels: dict[str, str] = load_table_file("personal_data.toml")["conduct_labels"]
    return labels.get(category, category.replace("_", " ").capitalize())


def _screen_into_findings(
    communication: Communication, gazetteer: Gazetteer | None
) -> list[Finding]:
    """Screen the content and replace the record's findings. Conduct is judged on the worker's
    own words, so a message the family sent keeps only its personal-data findings."""
    Finding.objects.filter(communication=communication).delete()
    if not communication.content.strip():
        return []
    result = screen(
        communication.content,
        channel=Platform(communication.platform).screening_channel,
        sent_at=communication.occurred_at
        if communication.direction == Direction.TO_FAMILY
        else None,
        gazetteer=gazetteer or case_gazetteer(communication.child),
    )
    rows = [
        Finding(
            communication=communication,
            category=str(found.category),
            start=found.start,
            end=found.end,
            rule_id=found.rule,
            severity=str(found.severity),
            message=found.message[:400],
        )
        for found in result.findings
        if communication.direction == Direction.TO_FAMILY or found.category not in CONDUCT
    ]
    return Finding.objects.bulk_create(rows)


def _channel_flags(communication: Communication) -> dict[str, _Wanted]:
    """Rules 5.1-approved-accounts and 5.1-council-devices-only, unless an exception covers it.

    Resolves the record's account, device and exception links as a side effect."""
    wanted: dict[str, _Wanted] = {}
    worker, on = communication.worker, timezone.localdate(communication.occurred_at)
    identifier = communication.account_identifier.strip()
    account = (
        approved_account_for(worker=worker, identifier=identifier, at=on) if identifier else None
    )
    communication.account = account
    exception = None
    if identifier and account is None:
        exception = covering_exception(
            worker=worker, child=communication.child, identifier=identifier, at=on
        )
    communication.exception = exception
    if identifier and account is None and exception is None:
        wanted[FlagCode.UNAPPROVED_ACCOUNT] = _Wanted(
            RULE_ACCOUNT,
            f"{identifier} is not an account approved for {worker.full_name}'s work, and no "
            "exception signed off by their manager covers it.",
        )
    device: Device | None = communication.device
    registered = (
        registered_device_for(worker=worker, device_id=device.pk, at=on) if device else None
    )
    described = communication.device_description.strip()
    unregistered = (device is not None and registered is None) or (device is None and described)
    if unregistered and exception is None:
        what = str(device) if device is not None else f"“{described}”"
        wanted[FlagCode.UNAPPROVED_DEVICE] = _Wanted(
            RULE_DEVICE,
            f"{what} is not a council device issued to {worker.full_name} and in use on that "
            "day, and no exception signed off by their manager covers it.",
        )
    return wanted


def _visit_flag(communication: Communication) -> dict[str, _Wanted]:
    if not communication.is_virtual_visit:
        return {}
    from safecomms.visits.selectors import virtual_visit_standing

    standing = virtual_visit_standing(
        communication.child, timezone.localdate(communication.occurred_at)
    )
    if standing.allowed:
        return {}
    return {
        FlagCode.NO_VISIT_ASSESSMENT: _Wanted(
            RULE_VISIT,
            f"Recorded as a virtual visit without a current assessment allowing virtual visits. {standing.reason}",
        )
    }


def _conduct_flag(findings: Iterable[Finding]) -> dict[str, _Wanted]:
    serious = [f for f in findings if f.category in CONDUCT and f.severity == "block"]
    if not serious:
        return {}
    labels = sorted({_conduct_label(f.category) for f in serious})
    count = len(serious)
    return {
        FlagCode.CONDUCT: _Wanted(
            serious[0].rule_id,
            f"Screening found {count} serious conduct risk{'s' if count != 1 else ''} in the "
            f"worker's words ({', '.join(labels).lower()}). Read the record and its findings.",
        )
    }


def _reconcile_flags(communication: Communication, wanted: dict[str, _Wanted]) -> None:
    """Raise the flags that apply and close those that no longer do. A flag a manager has
    already cleared on this record, for the same rule, is not raised again."""
    managed = {
        FlagCode.UNAPPROVED_ACCOUNT,
        FlagCode.UNAPPROVED_DEVICE,
        FlagCode.NO_VISIT_ASSESSMENT,
        FlagCode.CONDUCT,
    }
    flags = list(Flag.objects.filter(communication=communication, code__in=managed))
    open_flags = {flag.code: flag for flag in flags if flag.cleared_at is None}
    decided = {
        (flag.code, flag.rule_id)
        for flag in flags
        if flag.cleared_at is not None and flag.outcome != FlagOutcome.NO_LONGER_APPLIES
    }
    now = timezone.now()
    for code in managed:
        want, current = wanted.get(code), open_flags.get(code)
        if want is None and current is not None:
            current.cleared_at = now
            current.outcome = FlagOutcome.NO_LONGER_APPLIES
            current.clearing_note = "The record was changed so that this no longer applies."
            current.save(update_fields=["cleared_at", "outcome", "clearing_note"])
        elif want is not None and current is not None:
            if (current.rule_id, current.message) != (want.rule_id, want.message[:300]):
                current.rule_id, current.message = want.rule_id, want.message[:300]
                current.save(update_fields=["rule_id", "message"])
        elif want is not None and (code, want.rule_id) not in decided:
            Flag.objects.create(
                communication=communication,
                code=code,
                rule_id=want.rule_id,
                message=want.message[:300],
            )


def communication_checks_apply(
    *, communication: Communication, gazetteer: Gazetteer | None = None
) -> None:
    """Screen the record's content into findings and raise or close its flags: unapproved
    account (5.1-approved-accounts) or device (5.1-council-devices-only) not covered by an
    exception, a virtual visit without a current assessment (4.1-virtual-visit-assessment), and
    serious conduct findings. Idempotent; it records nothing in the audit trail (the caller does).
    """
    findings = _screen_into_findings(communication, gazetteer)
    wanted = _channel_flags(communication)
    wanted |= _visit_flag(communication)
    wanted |= _conduct_flag(findings)
    Communication.objects.filter(pk=communication.pk).update(
        account=communication.account, exception=communication.exception
    )
    _reconcile_flags(communication, wanted)


# Recording ------------------------------------------------------------------------------------


def _validate(
    *,
    child: Child,
    occurred_at: datetime,
    kind: str,
    platform: str,
    direction: str,
    summary: str,
    content: str,
    people: list[CasePerson],
    includes_child: bool,
    in_reply_to: Communication | None,
    device: Device | None,
    device_description: str,
) -> None:
    errors: dict[str, str] = {}
    if kind not in Kind.values:
        errors["kind"] = "Choose the type of communication"
    if platform not in Platform.values:
        errors["platform"] = "Choose the platform used"
    if direction not in Direction.values:
        errors["direction"] = "Choose who it was from"
    if occurred_at > timezone.now() + FUTURE_TOLERANCE:
        errors["occurred_at"] = "The date and time must be in the past"
    if not summary.strip() and not content.strip():
        errors["summary"] = "Enter a summary or the content of the communication"
    if any(person.child_id != child.pk for person in people):
        errors["people"] = "Choose people on this child's case"
    elif not people and not includes_child:
        errors["people"] = "Choose who the communication was with"
    if in_reply_to is not None and in_reply_to.child_id != child.pk:
        errors["in_reply_to"] = "A response must answer a record on the same case"
    if device is not None and device_description.strip():
        errors["device_description"] = (
            "Choose a council device or describe another device, not both"
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def communication_record(
    *,
    actor: User,
    child: Child,
    occurred_at: datetime,
    kind: str,
    platform: str,
    direction: str,
    summary: str = "",
    content: str = "",
    people: Iterable[CasePerson] = (),
    includes_child: bool = True,
    is_virtual_visit: bool = False,
    account_identifier: str = "",
    device: Device | None = None,
    device_description: str = "",
    in_reply_to: Communication | None = None,
    worker: User | None = None,
    request: HttpRequest | None = None,
) -> Communication:
    """Record an e-mail, text, message or call on the child's case as a draft (5.1, 7.1.2)."""
    people = list(people)
    _validate(
        child=child,
        occurred_at=occurred_at,
        kind=kind,
        platform=platform,
        direction=direction,
        summary=summary,
        content=content,
        people=people,
        includes_child=includes_child,
        in_reply_to=in_reply_to,
        device=device,
        device_description=device_description,
    )
    communication = Communication.objects.create(
        child=child,
        worker=worker or actor,
        recorded_by=actor,
        occurred_at=occurred_at,
        kind=kind,
        platform=platform,
        direction=direction,
        account_identifier=account_identifier.strip(),
        device=device,
        device_description=device_description.strip(),
        is_virtual_visit=is_virtual_visit,
        summary=summary.strip(),
        content=content.strip("\n"),
        includes_child=includes_child,
        in_reply_to=in_reply_to,
    )
    communication.people.set(people)
    communication_checks_apply(communication=communication)
    audit_event(
        actor=actor,
        action="communication.recorded",
        target=communication,
        child_id=child.pk,
        changes={
            **{f: (None, v) for f, v in snapshot(communication, RECORD_FIELDS).items()},
            "people": (None, sorted(p.pk for p in people)),
            "worker": (None, communication.worker_id),
        },
        content={field: getattr(communication, field) for field in CONTENT_FIELDS},
        request=request,
    )
    return communication


@transaction.atomic
def communication_update(
    *,
    actor: User,
    communication: Communication,
    request: HttpRequest | None = None,
    people: Iterable[CasePerson] | None = None,
    **values: object,
) -> Communication:
    """Change a draft; its content is screened again and its flags brought up to date."""
    communication = Communication.objects.select_for_update().get(pk=communication.pk)
    _require_draft(communication)
    allowed = set(RECORD_FIELDS) - {"status"} | set(CONTENT_FIELDS)
    before = snapshot(communication, RECORD_FIELDS)
    before_content = {field: getattr(communication, field) for field in CONTENT_FIELDS}
    before_people = sorted(communication.people.values_list("pk", flat=True))
    for field, value in values.items():
        if field not in allowed:
            raise ValueError(f"{field} cannot be changed here")
        if isinstance(value, str):
            value = value.strip() if field != "content" else value.strip("\n")
        setattr(communication, field, value)
    new_people = list(people) if people is not None else list(communication.people.all())
    _validate(
        child=communication.child,
        occurred_at=communication.occurred_at,
        kind=communication.kind,
        platform=communication.platform,
        direction=communication.direction,
        summary=communication.summary,
        content=communication.content,
        people=new_people,
        includes_child=communication.includes_child,
        in_reply_to=communication.in_reply_to,
        device=communication.device,
        device_description=communication.device_description,
    )
    communication.save()
    if people is not None:
        communication.people.set(new_people)
    communication_checks_apply(communication=communication)
    changes = changed_fields(before, snapshot(communication, RECORD_FIELDS))
    after_people = sorted(p.pk for p in new_people)
    if after_people != before_people:
        changes["people"] = (before_people, after_people)
    content = {
        field: getattr(communication, field)
        for field in CONTENT_FIELDS
        if getattr(communication, field) != before_content[field]
    }
    if changes or content:
        audit_event(
            actor=actor,
            action="communication.updated",
            target=communication,
            child_id=communication.child_id,
            changes=changes,
            content=content,
            request=request,
        )
    return communication


@transaction.atomic
def communication_complete(
    *, actor: User, communication: Communication, request: HttpRequest | None = None
) -> Communication:
    """Complete a draft. This cannot be undone: afterwards the record only takes addenda."""
    given = communication
    communication = Communication.objects.select_for_update().get(pk=communication.pk)
    _require_draft(communication)
    communication_checks_apply(communication=communication)
    communication.status = RecordStatus.COMPLETED
    communication.completed_at = timezone.now()
    communication.save(update_fields=["status", "completed_at"])
    given.status, given.completed_at = communication.status, communication.completed_at
    audit_event(
        actor=actor,
        action="communication.completed",
        target=communication,
        child_id=communication.child_id,
        changes={"status": (RecordStatus.DRAFT, RecordStatus.COMPLETED)},
        request=request,
    )
    return communication


@transaction.atomic
def communication_discard_draft(
    *, actor: User, communication: Communication, request: HttpRequest | None = None
) -> None:
    """Remove a draft made in error. Completed records are evidence and are never removed here;
    the audit trail keeps the draft's content by hash, as it does for every record."""
    communication = Communication.objects.select_for_update().get(pk=communication.pk)
    _require_draft(communication)
    if communication.responses.exists():
        raise ValidationError(
            "Responses have been recorded against this draft. Complete it, or change the "
            "responses first."
        )
    audit_event(
        actor=actor,
        action="communication.draft_discarded",
        target=communication,
        child_id=communication.child_id,
        changes={"status": (RecordStatus.DRAFT, None)},
        content={field: getattr(communication, field) for field in CONTENT_FIELDS},
        request=request,
    )
    communication.flags.all().delete()
    communication.findings.all().delete()
    communication.people.clear()
    communication.delete()


@transaction.atomic
def addendum_add(
    *,
    actor: User,
    communication: Communication,
    text: str,
    request: HttpRequest | None = None,
) -> Addendum:
    """Add to a completed record; the record itself stays exactly as it was completed."""
    if not communication.is_completed:
        raise ValidationError(
            "This record is still a draft: change the draft instead of adding an addendum."
        )
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Enter the addendum"})
    addendum = Addendum.objects.create(communication=communication, author=actor, text=text)
    audit_event(
        actor=actor,
        action="communication.addendum_added",
        target=addendum,
        child_id=communication.child_id,
        changes={"communication": (None, communication.pk)},
        content={"text": text},
        request=request,
    )
    return addendum


@transaction.atomic
def flag_clear(
    *,
    actor: User,
    flag: Flag,
    outcome: str,
    note: str,
    request: HttpRequest | None = None,
) -> Flag:
    """A manager closes a flag, acknowledging it (followed up) or clearing it (no concern),
    with a note of why. The flag stays on the record with the manager's note."""
    flag = Flag.objects.select_for_update().select_related("communication").get(pk=flag.pk)
    if flag.cleared_at is not None:
        raise ValidationError("This flag has already been dealt with")
    if outcome not in {FlagOutcome.ACKNOWLEDGED, FlagOutcome.CLEARED}:
        raise ValidationError(
            {"outcome": "Choose whether you are acknowledging or clearing the flag"}
        )
    note = note.strip()
    if not note:
        raise ValidationError({"note": "Enter a note saying what you found or did"})
    flag.cleared_at = timezone.now()
    flag.cleared_by = actor
    flag.outcome = outcome
    flag.clearing_note = note
    flag.save(update_fields=["cleared_at", "cleared_by", "outcome", "clearing_note"])
    audit_event(
        actor=actor,
        action=f"flag.{outcome}",
        target=flag,
        child_id=flag.communication.child_id,
        changes={"outcome": ("", outcome), "cleared_at": (None, flag.cleared_at)},
        content={"clearing_note": note},
        request=request,
        reason=f"rule {flag.rule_id}",
    )
    return flag
