"""The exception workflow (rule 5.1-personal-account-exception).

A practitioner asks to use a personal phone or account for a named child; their line manager
approves, with dates and a review date, or refuses, with reasons. Approved exceptions expire on
their end date and are reviewed on their review date. Every step is audited, and the people
involved are told by e-mail, which never names the child.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from safecomms.audit.services import audit_event
from safecomms.cases.access import CaseAccess, case_access
from safecomms.cases.models import Child
from safecomms.devices.dates import add_months, working_days_between
from safecomms.devices.identifiers import personal_identifier
from safecomms.devices.models import ContactException, ExceptionStatus
from safecomms.notifications.services import notify
from safecomms.staff.models import User

RULE_EXCEPTION = "5.1-personal-account-exception"
LONGEST_EXCEPTION_MONTHS = 12
# A request waiting longer than this many working days is chased, and chased again as often.
DECISION_CHASE_WORKING_DAYS = 2

ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    ExceptionStatus.REQUESTED: frozenset(
        {ExceptionStatus.APPROVED, ExceptionStatus.REFUSED, ExceptionStatus.WITHDRAWN}
    ),
    ExceptionStatus.APPROVED: frozenset({ExceptionStatus.EXPIRED, ExceptionStatus.WITHDRAWN}),
}
_AS_VERB: dict[str, str] = {
    ExceptionStatus.APPROVED: "approved",
    ExceptionStatus.REFUSED: "refused",
    ExceptionStatus.WITHDRAWN: "withdrawn",
    ExceptionStatus.EXPIRED: "marked as expired",
}
_STATE: dict[str, str] = {
    ExceptionStatus.REQUESTED: "it is still waiting for a decision",
    ExceptionStatus.APPROVED: "it has already been approved",
    ExceptionStatus.REFUSED: "it was refused",
    ExceptionStatus.WITHDRAWN: "it has been withdrawn",
    ExceptionStatus.EXPIRED: "it has expired",
}


def _move(exception: ContactException, to: str) -> str:
    """Change the status if the workflow allows it; returns the status it had."""
    before = exception.status
    if to not in ALLOWED_TRANSITIONS.get(before, frozenset()):
        raise ValidationError(f"This exception cannot be {_AS_VERB[to]}: {_STATE[before]}")
    exception.status = to
    return before


def _long_date(day: date) -> str:
    return date_format(day, "j F Y")


def _detail_path(exception: ContactException) -> str:
    return reverse("devices:exception", args=[exception.pk])


def exception_decider_for(worker: User) -> User:
    """The line manager who will decide the worker's requests, or why there is nobody."""
    manager = worker.line_manager
    if manager is None:
        raise ValidationError(
            "SafeComms has no line manager recorded for you, so nobody can decide this request. "
            "Ask a system administrator to add your line manager, then ask again."
        )
    if not manager.is_active or manager.has_left():
        raise ValidationError(
            f"Your line manager in SafeComms, {manager.full_name}, no longer works for the "
            "council, so cannot decide this request. Ask a system administrator to update your "
            "line manager, then ask again."
        )
    return manager


@transaction.atomic
def exception_request(
    *,
    actor: User,
    child: Child,
    channel: str,
    identifier: str,
    reasons: str,
    request: HttpRequest | None = None,
) -> ContactException:
    """Ask the line manager to agree to contact with a named child on a personal account."""
    if case_access(actor, child) < CaseAccess.CONTRIBUTE:
        raise PermissionDenied("You can only ask for an exception on a case you work on")
    decider = exception_decider_for(actor)
    errors: dict[str, str] = {}
    try:
        identifier = personal_identifier(channel, identifier)
    except ValidationError as problem:
        errors["identifier"] = problem.messages[0]
    if not reasons.strip():
        errors["reasons"] = "Enter why you need to use a personal account or phone for this child"
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    open_request = (
        ContactException.objects.filter(
            requested_by=actor, child=child, channel=channel, identifier__iexact=identifier
        )
        .filter(status__in=[ExceptionStatus.REQUESTED, ExceptionStatus.APPROVED])
        .first()
    )
    if open_request is not None:
        if open_request.status == ExceptionStatus.REQUESTED:
            raise ValidationError(
                "You have already asked for this exception and it is waiting for a decision"
            )
        if open_request.ends_on is not None and open_request.ends_on >= today:
            raise ValidationError(
                "You already have this exception, approved until "
                f"{_long_date(open_request.ends_on)}"
            )
    exception = ContactException.objects.create(
        requested_by=actor,
        child=child,
        channel=channel,
        identifier=identifier,
        reasons=reasons.strip(),
        decider=decider,
    )
    audit_event(
        actor=actor,
        action="exception.requested",
        target=exception,
        child_id=child.pk,
        changes={
            "channel": (None, channel),
            "identifier": (None, identifier),
            "decider": (None, decider.pk),
            "status": (None, exception.status),
        },
        content={"reasons": exception.reasons},
        request=request,
        reason=f"rule {RULE_EXCEPTION}",
    )
    notify(
        recipient=decider,
        subject="An exception request needs your decision",
        action=(
            f"{actor.full_name} has asked to use a personal account or phone to contact a child "
            "or family. As their line manager, please approve or refuse the request."
        ),
        link_path=reverse("devices:exception-decide", args=[exception.pk]),
        rule_id=RULE_EXCEPTION,
        dedupe_key=f"exception-{exception.pk}-requested",
    )
    return exception


def _check_approval_dates(
    starts_on: date | None, ends_on: date | None, review_on: date | None, today: date
) -> date:
    """Raise a ValidationError naming each date problem; returns the review date to use."""
    errors: dict[str, str] = {}
    if starts_on is None:
        errors["starts_on"] = "Enter the date the exception starts"
    elif starts_on < today:
        errors["starts_on"] = (
            "The start date must be today or later: an exception cannot cover contact made "
            "before it was agreed"
        )
    if ends_on is None:
        errors["ends_on"] = "Enter the date the exception ends"
    if starts_on is not None and ends_on is not None and not errors:
        latest = add_months(starts_on, LONGEST_EXCEPTION_MONTHS)
        if ends_on < starts_on:
            errors["ends_on"] = "The end date must be on or after the start date"
        elif ends_on > latest:
            errors["ends_on"] = (
                f"An exception can last at most {LONGEST_EXCEPTION_MONTHS} months: "
                f"the end date must be on or before {_long_date(latest)}"
            )
    if errors:
        raise ValidationError(errors)
    assert starts_on is not None and ends_on is not None
    if review_on is None:
        default = starts_on + timedelta(days=settings.SAFECOMMS_REVIEW_EXCEPTIONS_DAYS)
        return min(default, ends_on)
    if not starts_on < review_on <= ends_on:
        raise ValidationError(
            {
                "review_on": "The review date must be after the start date and on or before the end date"
            }
        )
    return review_on


@transaction.atomic
def exception_decide(
    *,
    actor: User,
    exception: ContactException,
    approve: bool,
    reasons: str,
    starts_on: date | None = None,
    ends_on: date | None = None,
    review_on: date | None = None,
    request: HttpRequest | None = None,
) -> ContactException:
    """Approve (for dates, with a review date) or refuse a request, as a signed-off decision."""
    if actor.pk != exception.decider_id:
        raise PermissionDenied("Only the requester's line manager can decide this exception")
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    if approve:
        try:
            review_on = _check_approval_dates(starts_on, ends_on, review_on, today)
        except ValidationError as problem:
            errors.update(problem.message_dict)
    if not reasons.strip():
        errors["decision_reasons"] = ["Enter the reasons for your decision"]
    if errors:
        raise ValidationError(errors)
    before = _move(exception, ExceptionStatus.APPROVED if approve else ExceptionStatus.REFUSED)
    exception.decision_reasons = reasons.strip()
    exception.decided_at = timezone.now()
    if approve:
        exception.starts_on, exception.ends_on, exception.review_on = starts_on, ends_on, review_on
    exception.save()
    audit_event(
        actor=actor,
        action="exception.approved" if approve else "exception.refused",
        target=exception,
        child_id=exception.child_id,
        changes={
            "status": (before, exception.status),
            "starts_on": (None, exception.starts_on),
            "ends_on": (None, exception.ends_on),
            "review_on": (None, exception.review_on),
            "decided_at": (None, exception.decided_at),
        },
        content={"decision_reasons": exception.decision_reasons},
        request=request,
        reason=f"Signed-off decision under rule {RULE_EXCEPTION}",
    )
    notify(
        recipient=exception.requested_by,
        subject="Your exception request has been decided",
        action=(
            "Your line manager has decided your request to use a personal account or phone. "
            "Sign in to see the decision and the reasons before you contact anyone."
        ),
        link_path=_detail_path(exception),
        rule_id=RULE_EXCEPTION,
        dedupe_key=f"exception-{exception.pk}-decided",
    )
    return exception


@transaction.atomic
def exception_withdraw(
    *,
    actor: User,
    exception: ContactException,
    reasons: str,
    request: HttpRequest | None = None,
) -> ContactException:
    """The requester withdraws a request or an exception, or the decider ends one early."""
    if actor.pk not in {exception.requested_by_id, exception.decider_id}:
        raise PermissionDenied("Only the requester or their line manager can withdraw this")
    if not reasons.strip():
        raise ValidationError({"withdrawal_reasons": ["Enter why it is being withdrawn"]})
    before = _move(exception, ExceptionStatus.WITHDRAWN)
    exception.withdrawn_at = timezone.now()
    exception.withdrawn_by = actor
    exception.withdrawal_reasons = reasons.strip()
    exception.save()
    audit_event(
        actor=actor,
        action="exception.withdrawn",
        target=exception,
        child_id=exception.child_id,
        changes={
            "status": (before, exception.status),
            "withdrawn_at": (None, exception.withdrawn_at),
        },
        content={"withdrawal_reasons": exception.withdrawal_reasons},
        request=request,
        reason=f"rule {RULE_EXCEPTION}",
    )
    if actor.pk == exception.requested_by_id:
        notify(
            recipient=exception.decider,
            subject="An exception has been withdrawn",
            action=(
                f"{actor.full_name} has withdrawn an exception to use a personal account or "
                "phone. You do not need to do anything."
            ),
            link_path=_detail_path(exception),
            rule_id=RULE_EXCEPTION,
            dedupe_key=f"exception-{exception.pk}-withdrawn",
        )
    else:
        notify(
            recipient=exception.requested_by,
            subject="Your line manager has ended an exception",
            action=(
                "Your line manager has ended your exception to use a personal account or phone. "
                "From now on use only council devices and approved accounts for this contact."
            ),
            link_path=_detail_path(exception),
            rule_id=RULE_EXCEPTION,
            dedupe_key=f"exception-{exception.pk}-withdrawn",
        )
    return exception


@transaction.atomic
def exception_review(
    *,
    actor: User,
    exception: ContactException,
    next_review_on: date,
    notes: str,
    request: HttpRequest | None = None,
) -> ContactException:
    """The decider reviews an approved exception and keeps it, setting the next review date."""
    if actor.pk != exception.decider_id:
        raise PermissionDenied("Only the line manager who decided this exception can review it")
    if exception.status != ExceptionStatus.APPROVED:
        raise ValidationError(f"This exception cannot be reviewed: {_STATE[exception.status]}")
    errors: dict[str, str] = {}
    assert exception.ends_on is not None
    if not timezone.localdate() < next_review_on <= exception.ends_on:
        errors["next_review_on"] = (
            "The next review date must be after today and on or before the end date, "
            f"{_long_date(exception.ends_on)}"
        )
    if not notes.strip():
        errors["notes"] = "Enter what you considered in the review"
    if errors:
        raise ValidationError(errors)
    before = exception.review_on
    exception.review_on = next_review_on
    exception.reviewed_at = timezone.now()
    exception.save(update_fields=["review_on", "reviewed_at"])
    audit_event(
        actor=actor,
        action="exception.reviewed",
        target=exception,
        child_id=exception.child_id,
        changes={
            "review_on": (before, next_review_on),
            "reviewed_at": (None, exception.reviewed_at),
        },
        content={"notes": notes.strip()},
        request=request,
        reason=f"rule {RULE_EXCEPTION}",
    )
    return exception


def exceptions_expire(*, today: date) -> int:
    """Mark approved exceptions past their end date as expired and tell both people."""
    expired = 0
    due = ContactException.objects.filter(status=ExceptionStatus.APPROVED, ends_on__lt=today)
    for exception in due.select_related("requested_by", "decider"):
        with transaction.atomic():
            before = _move(exception, ExceptionStatus.EXPIRED)
            exception.save(update_fields=["status"])
            audit_event(
                actor=None,
                action="exception.expired",
                target=exception,
                child_id=exception.child_id,
                changes={"status": (before, exception.status)},
                reason=f"End date passed; rule {RULE_EXCEPTION}",
            )
            for person, action in (
                (
                    exception.requested_by,
                    "Your exception to use a personal account or phone has reached its end date. "
                    "Use only council devices and approved accounts from now on, or ask for a new "
                    "exception if it is still needed.",
                ),
                (
                    exception.decider,
                    "An exception you approved for a member of your team has reached its end "
                    "date. You do not need to do anything unless they ask for a new one.",
                ),
            ):
                notify(
                    recipient=person,
                    subject="An exception has expired",
                    action=action,
                    link_path=_detail_path(exception),
                    rule_id=RULE_EXCEPTION,
                    dedupe_key=f"exception-{exception.pk}-expired",
                )
        expired += 1
    return expired


def exception_review_reminders_send(*, today: date) -> int:
    """Remind deciders of approved exceptions whose review date has arrived, once per date."""
    sent = 0
    due = ContactException.objects.filter(status=ExceptionStatus.APPROVED, review_on__lte=today)
    for exception in due.select_related("decider"):
        if notify(
            recipient=exception.decider,
            subject="An exception is due for review",
            action=(
                "An exception you approved for a member of your team is due for review. Check it "
                "is still needed and still safe, then keep it or end it."
            ),
            link_path=reverse("devices:exception-review", args=[exception.pk]),
            rule_id=RULE_EXCEPTION,
            dedupe_key=f"exception-{exception.pk}-review-{exception.review_on}",
        ):
            sent += 1
    return sent


def exception_decision_reminders_send(*, today: date) -> int:
    """Chase deciders of requests waiting more than two working days, every two working days."""
    sent = 0
    waiting = ContactException.objects.filter(
        status=ExceptionStatus.REQUESTED, requested_at__date__lt=today
    ).select_related("decider")
    for exception in waiting:
        days = working_days_between(timezone.localdate(exception.requested_at), today)
        if days <= DECISION_CHASE_WORKING_DAYS:
            continue
        occasion = (days - 1) // DECISION_CHASE_WORKING_DAYS
        if notify(
            recipient=exception.decider,
            subject="An exception request is waiting for your decision",
            action=(
                f"A request to use a personal account or phone has waited {days} working days "
                "for your decision. Please approve or refuse it."
            ),
            link_path=reverse("devices:exception-decide", args=[exception.pk]),
            rule_id=RULE_EXCEPTION,
            dedupe_key=f"exception-{exception.pk}-waiting-{occasion}",
        ):
            sent += 1
    return sent
