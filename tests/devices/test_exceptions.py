"""The exception workflow: asking, deciding, withdrawing, reviewing; transitions, validation,
audit, and the e-mails both sides get through a real SMTP server."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from safecomms.audit.models import AuditEntry
from safecomms.devices import services
from safecomms.devices.dates import add_months
from safecomms.devices.models import ContactException, ExceptionStatus
from tests.devices.factories import approved_exception
from tests.notifications.smtp import Mailbox

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _ask(office, **values):
    fields = {
        "actor": office["worker"],
        "child": office["child"],
        "channel": "personal_phone",
        "identifier": "07700 900 555",
        "reasons": "Kai only answers a number he already knows.",
    }
    fields.update(values)
    return services.exception_request(**fields)


def _approve(office, exception, **values):
    fields = {
        "actor": office["manager"],
        "exception": exception,
        "approve": True,
        "reasons": "Agreed while a council phone is ordered.",
        "starts_on": TODAY,
        "ends_on": TODAY + timedelta(days=60),
    }
    fields.update(values)
    return services.exception_decide(**fields)


def _assert_no_case_content(mail, office) -> None:
    child = office["child"]
    for secret in (child.first_name, child.last_name, child.person_id, "07700", "+44770090"):
        assert secret not in mail.whole, (secret, mail.subject)


def test_asking_and_approving_tells_both_sides_without_naming_the_child(
    office, smtp_server: Mailbox, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        exception = _ask(office)
    assert exception.identifier == "+447700900555"
    assert exception.decider == office["manager"]
    [request_mail] = smtp_server.to("rachel.green@council.example")
    assert request_mail.subject == "SafeComms: An exception request needs your decision"
    assert f"/exceptions/{exception.pk}/decide/" in request_mail.body
    assert "Jordan Ellis has asked" in request_mail.body
    _assert_no_case_content(request_mail, office)

    with django_capture_on_commit_callbacks(execute=True):
        _approve(office, exception)
    exception.refresh_from_db()
    assert exception.status == ExceptionStatus.APPROVED
    assert exception.review_on == TODAY + timedelta(days=60)  # the end date comes first
    [decided_mail] = smtp_server.to("jordan.ellis@council.example")
    assert decided_mail.subject == "SafeComms: Your exception request has been decided"
    assert f"/exceptions/{exception.pk}/" in decided_mail.body
    _assert_no_case_content(decided_mail, office)


def test_the_request_and_decision_are_audited_citing_the_rule_with_reasons_hashed(office) -> None:
    exception = _approve(office, _ask(office))
    asked = AuditEntry.objects.get(action="exception.requested")
    assert asked.child_id == office["child"].pk
    assert "reasons" in asked.content_hashes
    assert "Kai only answers" not in str(asked.changes)
    decided = AuditEntry.objects.get(action="exception.approved")
    assert decided.actor_id == office["manager"].pk
    assert decided.changes["status"] == ["requested", "approved"]
    assert "5.1-personal-account-exception" in decided.context["reason"]
    assert "decision_reasons" in decided.content_hashes
    assert exception.decided_at is not None


def test_the_review_date_defaults_to_three_months_on(office) -> None:
    exception = _approve(office, _ask(office), ends_on=add_months(TODAY, 12))
    assert exception.review_on == TODAY + timedelta(days=settings.SAFECOMMS_REVIEW_EXCEPTIONS_DAYS)


def test_nobody_to_decide_refuses_the_request_clearly(office) -> None:
    with pytest.raises(ValidationError) as refused:
        _ask(office, actor=office["colleague"])
    assert "no line manager recorded for you" in refused.value.messages[0]
    office["worker"].line_manager.leave_date = TODAY
    office["worker"].line_manager.save()
    with pytest.raises(ValidationError, match="Rachel Green, no longer works"):
        _ask(office)
    assert not ContactException.objects.exists()


def test_only_people_who_work_on_the_case_may_ask(office) -> None:
    with pytest.raises(PermissionDenied):
        _ask(office, actor=office["ict"])


def test_request_validation_names_each_problem_and_duplicates_are_refused(office) -> None:
    with pytest.raises(ValidationError) as refused:
        _ask(office, identifier="not a number", reasons="  ")
    assert refused.value.message_dict == {
        "identifier": ["Enter a real phone number, like 07700 900 982 or +44 7700 900982"],
        "reasons": ["Enter why you need to use a personal account or phone for this child"],
    }
    _ask(office)
    with pytest.raises(ValidationError, match="waiting for a decision"):
        _ask(office, identifier="+44 7700 900555")


@pytest.mark.parametrize(
    ("dates", "field", "message"),
    [
        ({"starts_on": None}, "starts_on", "Enter the date the exception starts"),
        ({"ends_on": None}, "ends_on", "Enter the date the exception ends"),
        (
            {"starts_on": TODAY - timedelta(days=1)},
            "starts_on",
            "The start date must be today or later",
        ),
        ({"ends_on": TODAY - timedelta(days=1)}, "ends_on", "The end date must be on or after"),
        (
            {"ends_on": add_months(TODAY, 12) + timedelta(days=1)},
            "ends_on",
            "An exception can last at most 12 months",
        ),
        (
            {"review_on": TODAY + timedelta(days=61)},
            "review_on",
            "The review date must be after the start",
        ),
    ],
)
def test_approval_dates_are_checked(office, dates, field, message) -> None:
    exception = _ask(office)
    with pytest.raises(ValidationError) as refused:
        _approve(office, exception, **dates)
    assert refused.value.message_dict[field][0].startswith(message)
    exception.refresh_from_db()
    assert exception.status == ExceptionStatus.REQUESTED


def test_reasons_are_required_to_refuse_and_only_the_decider_decides(office) -> None:
    exception = _ask(office)
    with pytest.raises(ValidationError) as refused:
        services.exception_decide(
            actor=office["manager"], exception=exception, approve=False, reasons=""
        )
    assert refused.value.message_dict == {
        "decision_reasons": ["Enter the reasons for your decision"]
    }
    with pytest.raises(PermissionDenied):
        services.exception_decide(
            actor=office["colleague"], exception=exception, approve=False, reasons="No"
        )
    services.exception_decide(
        actor=office["manager"],
        exception=exception,
        approve=False,
        reasons="Use the council phone.",
    )
    assert exception.status == ExceptionStatus.REFUSED
    assert exception.starts_on is None


def test_transitions_follow_the_workflow(office) -> None:
    assert {
        "requested": {"approved", "refused", "withdrawn"},
        "approved": {"expired", "withdrawn"},
    } == services.ALLOWED_TRANSITIONS
    refused = _ask(office)
    services.exception_decide(
        actor=office["manager"], exception=refused, approve=False, reasons="No."
    )
    with pytest.raises(ValidationError, match="cannot be approved: it was refused"):
        _approve(office, refused)
    with pytest.raises(ValidationError, match="cannot be withdrawn: it was refused"):
        services.exception_withdraw(actor=office["worker"], exception=refused, reasons="x")
    approved = _approve(office, _ask(office, identifier="07700900556"))
    with pytest.raises(ValidationError, match="already been approved"):
        services.exception_decide(
            actor=office["manager"], exception=approved, approve=False, reasons="x"
        )


def test_withdrawing_tells_the_other_side(
    office, smtp_server: Mailbox, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        exception = _approve(office, _ask(office))
    smtp_server.messages.clear()
    with pytest.raises(ValidationError):
        services.exception_withdraw(actor=office["worker"], exception=exception, reasons="")
    with pytest.raises(PermissionDenied):
        services.exception_withdraw(actor=office["colleague"], exception=exception, reasons="x")
    with django_capture_on_commit_callbacks(execute=True):
        services.exception_withdraw(
            actor=office["manager"], exception=exception, reasons="A council phone is issued."
        )
    exception.refresh_from_db()
    assert exception.status == ExceptionStatus.WITHDRAWN
    assert exception.withdrawn_by == office["manager"]
    [mail] = smtp_server.messages
    assert mail.recipients == ["jordan.ellis@council.example"]
    assert mail.subject == "SafeComms: Your line manager has ended an exception"
    _assert_no_case_content(mail, office)
    assert AuditEntry.objects.filter(action="exception.withdrawn").exists()


def test_a_review_keeps_the_exception_with_a_new_review_date(office) -> None:
    exception = approved_exception(office, review_on=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.exception_review(
            actor=office["manager"], exception=exception, next_review_on=TODAY, notes=""
        )
    assert set(refused.value.message_dict) == {"next_review_on", "notes"}
    with pytest.raises(PermissionDenied):
        services.exception_review(
            actor=office["worker"], exception=exception, next_review_on=TODAY, notes="x"
        )
    services.exception_review(
        actor=office["manager"],
        exception=exception,
        next_review_on=TODAY + timedelta(days=30),
        notes="Still needed; no concerns in the records.",
    )
    exception.refresh_from_db()
    assert exception.review_on == TODAY + timedelta(days=30)
    assert exception.reviewed_at is not None
    assert AuditEntry.objects.get(action="exception.reviewed").changes["review_on"] == [
        TODAY.isoformat(),
        (TODAY + timedelta(days=30)).isoformat(),
    ]
