"""The look-ups contact recording calls: approved accounts, registered devices and exceptions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from safecomms.devices.models import (
    AccountKind,
    ApprovedAccount,
    Device,
    DeviceStatus,
    ExceptionStatus,
)
from safecomms.devices.selectors import (
    approved_account_for,
    covering_exception,
    exception_decisions_for_child,
    exceptions_awaiting_decision,
    exceptions_due_for_review,
    registered_device_for,
)
from tests.devices.factories import approved_exception
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def accounts(office):
    worker, ict = office["worker"], office["ict"]
    return {
        "email": ApprovedAccount.objects.create(
            owner=worker,
            kind=AccountKind.WORK_EMAIL,
            identifier="jordan.ellis@council.example",
            approved_by=ict,
            approved_on=TODAY - timedelta(days=100),
        ),
        "mobile": ApprovedAccount.objects.create(
            owner=worker,
            kind=AccountKind.WORK_MOBILE,
            identifier="+447700900982",
            approved_by=ict,
            approved_on=TODAY - timedelta(days=100),
            withdrawn_on=TODAY - timedelta(days=5),
        ),
    }


def test_an_email_matches_whatever_its_letter_case(office, accounts) -> None:
    found = approved_account_for(
        worker=office["worker"], identifier=" Jordan.Ellis@COUNCIL.example", at=TODAY
    )
    assert found == accounts["email"]
    assert (
        approved_account_for(
            worker=office["worker"],
            identifier="jordan.ellis@council.example",
            kind=AccountKind.WORK_MOBILE,
            at=TODAY,
        )
        is None
    )


def test_a_phone_number_matches_in_e164_while_it_was_approved(office, accounts) -> None:
    worker = office["worker"]
    before_withdrawal = TODAY - timedelta(days=10)
    assert (
        approved_account_for(worker=worker, identifier="07700 900982", at=before_withdrawal)
        == (accounts["mobile"])
    )
    assert (
        approved_account_for(
            worker=worker, identifier="+44 7700 900 982", kind="work_mobile", at=before_withdrawal
        )
        == accounts["mobile"]
    )
    assert approved_account_for(worker=worker, identifier="07700 900982", at=TODAY) is None
    assert (
        approved_account_for(
            worker=worker, identifier="07700 900982", at=TODAY - timedelta(days=200)
        )
        is None
    )


def test_another_persons_account_is_not_the_workers(office, accounts) -> None:
    assert (
        approved_account_for(
            worker=office["colleague"], identifier="jordan.ellis@council.example", at=TODAY
        )
        is None
    )


def test_a_registered_device_must_be_the_workers_and_in_use_that_day(office) -> None:
    worker = office["worker"]
    phone = Device.objects.create(
        asset_tag="M1", kind="mobile", assigned_to=worker, issued_on=TODAY - timedelta(days=60)
    )
    assert registered_device_for(worker=worker, device_id=phone.pk, at=TODAY) == phone
    assert registered_device_for(worker=worker, device_id=None, at=TODAY) is None
    assert registered_device_for(worker=office["colleague"], device_id=phone.pk, at=TODAY) is None
    assert (
        registered_device_for(worker=worker, device_id=phone.pk, at=TODAY - timedelta(days=61))
        is None
    )
    phone.status, phone.status_changed_on = DeviceStatus.LOST, TODAY - timedelta(days=3)
    phone.save()
    assert registered_device_for(worker=worker, device_id=phone.pk, at=TODAY) is None
    assert registered_device_for(worker=worker, device_id=phone.pk, at=TODAY - timedelta(days=4))


def test_an_exception_covers_its_child_identifier_and_dates_only(office) -> None:
    worker, child = office["worker"], office["child"]
    exception = approved_exception(office)
    assert covering_exception(worker=worker, child=child, identifier="07700 900555", at=TODAY) == (
        exception
    )
    assert (
        covering_exception(worker=worker, child=ChildFactory(), identifier="07700900555", at=TODAY)
        is None
    )
    assert (
        covering_exception(worker=worker, child=child, identifier="07700900556", at=TODAY) is None
    )
    assert (
        covering_exception(
            worker=worker, child=child, identifier="07700900555", at=TODAY + timedelta(days=81)
        )
        is None
    )
    assert (
        covering_exception(
            worker=office["colleague"], child=child, identifier="07700900555", at=TODAY
        )
        is None
    )


def test_an_expired_or_withdrawn_exception_still_covers_the_days_it_was_in_force(office) -> None:
    worker, child = office["worker"], office["child"]
    expired = approved_exception(
        office,
        status=ExceptionStatus.EXPIRED,
        starts_on=TODAY - timedelta(days=100),
        ends_on=TODAY - timedelta(days=50),
    )
    assert (
        covering_exception(
            worker=worker, child=child, identifier="+447700900555", at=TODAY - timedelta(days=60)
        )
        == expired
    )
    withdrawn = approved_exception(
        office,
        identifier="kai.fan.club@example.com",
        channel="personal_email",
        status=ExceptionStatus.WITHDRAWN,
        withdrawn_at=timezone.now() - timedelta(days=2),
    )
    assert (
        covering_exception(
            worker=worker,
            child=child,
            identifier="Kai.Fan.Club@example.com",
            at=TODAY - timedelta(days=5),
        )
        == withdrawn
    )
    assert (
        covering_exception(
            worker=worker, child=child, identifier="kai.fan.club@example.com", at=TODAY
        )
        is None
    )
    refused = approved_exception(office, identifier="@kai", status=ExceptionStatus.REFUSED)
    assert covering_exception(worker=worker, child=child, identifier="@kai", at=TODAY) is None
    assert refused.pk


def test_the_managers_queues_and_the_chronology(office) -> None:
    manager = office["manager"]
    waiting = approved_exception(
        office,
        status=ExceptionStatus.REQUESTED,
        decided_at=None,
        starts_on=None,
        ends_on=None,
        review_on=None,
    )
    due = approved_exception(office, review_on=TODAY)
    not_yet = approved_exception(office, review_on=TODAY + timedelta(days=1))
    refused = approved_exception(
        office, status=ExceptionStatus.REFUSED, decided_at=timezone.now() - timedelta(days=30)
    )
    assert list(exceptions_awaiting_decision(manager)) == [waiting]
    assert list(exceptions_awaiting_decision(office["colleague"])) == []
    assert list(exceptions_due_for_review(manager, TODAY)) == [due]
    assert not_yet not in exceptions_due_for_review(manager, TODAY)
    assert list(exception_decisions_for_child(office["child"])) == [refused, due, not_yet]
