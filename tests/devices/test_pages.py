"""The register and exception pages as ICT administrators, practitioners and managers use them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from safecomms.audit.models import AuditEntry
from safecomms.devices.models import ApprovedAccount, ContactException, Device, ExceptionStatus
from tests.devices.factories import approved_exception
from tests.pages import sign_in

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _date(prefix: str, day) -> dict[str, str]:
    return {
        f"{prefix}-day": str(day.day),
        f"{prefix}-month": str(day.month),
        f"{prefix}-year": str(day.year),
    }


def test_ict_adds_searches_and_edits_devices_with_clear_errors(client, pages, office) -> None:
    sign_in(client, office["ict"])
    add = reverse("devices:device-add")
    page = pages.post(add, {}, status=200).content.decode()
    assert "Choose the type of device" in page and "Enter the asset tag" in page
    form = {
        "kind": "mobile",
        "asset_tag": "WCC-M-0042",
        "model_name": "Samsung Galaxy A55",
        "phone_number": "0770 090 0982",
        "assigned_to": str(office["worker"].pk),
        "status": "in_use",
        **_date("issued_on", TODAY),
    }
    page = pages.post(add, {**form, "phone_number": "12"}, status=200).content.decode()
    assert "Enter a real phone number" in page
    pages.post(add, form)
    device = Device.objects.get()
    assert device.phone_number == "+447700900982"
    page = pages.post(add, {**form, "phone_number": ""}, status=200).content.decode()
    assert "A device with asset tag WCC-M-0042 is already on the register" in page

    listing = pages.get(reverse("devices:devices") + "?q=jordan").content.decode()
    assert "WCC-M-0042" in listing and "Jordan Ellis" in listing
    assert "WCC-M-0042" in pages.get(reverse("devices:devices") + "?q=07700900982").content.decode()
    assert "No devices match" in pages.get(reverse("devices:devices") + "?q=zzz").content.decode()

    edit = reverse("devices:device-edit", args=[device.pk])
    assert "Samsung Galaxy A55" in pages.get(edit).content.decode()
    pages.post(edit, {**form, "status": "stolen"})
    device.refresh_from_db()
    assert device.status == "stolen"
    assert AuditEntry.objects.filter(action="device.updated").count() == 1


def test_the_device_list_pages_through_a_large_register(
    client, pages, office, django_assert_max_num_queries
) -> None:
    Device.objects.bulk_create(
        Device(asset_tag=f"WCC-{n:04d}", kind="laptop", assigned_to=office["worker"])
        for n in range(120)
    )
    sign_in(client, office["ict"])
    with django_assert_max_num_queries(12):
        page = pages.get(reverse("devices:devices") + "?page=3").content.decode()
    assert "WCC-0119" in page and "WCC-0000" not in page
    assert "govuk-pagination" in page


def test_ict_approves_and_withdraws_accounts(client, pages, office) -> None:
    sign_in(client, office["ict"])
    add = reverse("devices:account-add")
    form = {
        "owner": str(office["worker"].pk),
        "kind": "work_email",
        "identifier": "Jordan.Ellis@council.example",
        **_date("approved_on", TODAY),
    }
    pages.post(add, form)
    account = ApprovedAccount.objects.get()
    assert account.approved_by == office["ict"]
    page = pages.post(add, {**form, "owner": str(office["colleague"].pk)}, status=200)
    assert "already approved for Jordan Ellis" in page.content.decode()
    listing = pages.get(reverse("devices:accounts") + "?q=ellis").content.decode()
    assert "jordan.ellis@council.example" in listing and "Dev Anand" in listing
    withdraw = reverse("devices:account-withdraw", args=[account.pk])
    page = pages.post(withdraw, _date("withdrawn_on", TODAY), status=200).content.decode()
    assert "Enter why the approval is being withdrawn" in page
    pages.post(withdraw, {**_date("withdrawn_on", TODAY), "reason": "Left the team"})
    account.refresh_from_db()
    assert account.withdrawn_on == TODAY
    assert pages.get(withdraw, status=302)["Location"] == reverse("devices:accounts")


def test_a_practitioner_sees_their_own_devices_and_accounts_only(client, pages, office) -> None:
    Device.objects.create(asset_tag="MINE-1", kind="mobile", assigned_to=office["worker"])
    Device.objects.create(asset_tag="THEIRS-1", kind="mobile", assigned_to=office["colleague"])
    ApprovedAccount.objects.create(
        owner=office["worker"],
        kind="teams",
        identifier="jordan@x.example",
        approved_by=office["ict"],
    )
    sign_in(client, office["worker"])
    page = pages.get(reverse("devices:mine")).content.decode()
    assert "MINE-1" in page and "jordan@x.example" in page and "THEIRS-1" not in page
    sign_in(client, office["colleague"])
    page = pages.get(reverse("devices:mine")).content.decode()
    assert "No accounts are approved for you" in page


def test_a_practitioner_asks_from_the_case_and_the_manager_approves(client, pages, office) -> None:
    child = office["child"]
    sign_in(client, office["worker"])
    case_page = pages.get(reverse("cases:detail", args=[child.pk])).content.decode()
    ask = reverse("devices:exception-request", args=[child.pk])
    assert ask in case_page and "No exceptions to use a personal account" in case_page
    page = pages.get(ask).content.decode()
    assert "Rachel Green, your line manager" in page
    page = pages.post(ask, {}, status=200).content.decode()
    assert "Choose what you need to use" in page
    pages.post(
        ask,
        {
            "channel": "personal_messaging",
            "identifier": "07700 900555",
            "reasons": "Kai replies on WhatsApp only.",
        },
    )
    exception = ContactException.objects.get()
    assert pages.get(reverse("devices:exceptions")).content.decode().count("Kai Walker") == 1

    sign_in(client, office["manager"])
    listing = pages.get(reverse("devices:exceptions")).content.decode()
    assert "Waiting for your decision" in listing
    decide = reverse("devices:exception-decide", args=[exception.pk])
    page = pages.get(decide).content.decode()
    assert "Kai Walker" in page and "7654321" in page and "Kai replies on WhatsApp only." in page
    page = pages.post(decide, {"decision": "approve", "decision_reasons": "ok"}, status=200)
    assert "Enter the date the exception ends" in page.content.decode()
    pages.post(
        decide,
        {
            "decision": "approve",
            "decision_reasons": "Agreed until the council phone arrives.",
            **_date("starts_on", TODAY),
            **_date("ends_on", TODAY + timedelta(days=30)),
            **_date("review_on", TODAY + timedelta(days=14)),
        },
    )
    exception.refresh_from_db()
    assert exception.status == ExceptionStatus.APPROVED
    assert exception.review_on == TODAY + timedelta(days=14)
    assert pages.get(decide, status=302)["Location"] == reverse(
        "devices:exception", args=[exception.pk]
    )
    case_page = pages.get(reverse("cases:detail", args=[child.pk])).content.decode()
    assert "Approved by Rachel Green" in case_page


def test_the_decider_without_case_access_sees_only_the_exception_and_the_read_is_audited(
    client, pages, office
) -> None:
    outsider = office["colleague"]
    office["worker"].line_manager = outsider
    office["worker"].save()
    exception = approved_exception(
        office, decider=outsider, status=ExceptionStatus.REQUESTED, decided_at=None
    )
    office["team"].memberships.filter(user=outsider).delete()
    sign_in(client, outsider)
    pages.get(reverse("cases:detail", args=[office["child"].pk]), status=403)
    page = pages.get(reverse("devices:exception", args=[exception.pk])).content.decode()
    assert "Kai Walker" in page and "7654321" in page
    assert reverse("devices:exceptions") in page  # the back link, not the case
    assert AuditEntry.objects.filter(
        action="case.viewed", actor_id=outsider.pk, child_id=office["child"].pk
    ).exists()


def test_no_line_manager_means_the_request_cannot_be_made(client, pages, office) -> None:
    sign_in(client, office["colleague"])
    ask = reverse("devices:exception-request", args=[office["child"].pk])
    page = pages.get(ask).content.decode()
    assert "no line manager recorded for you" in page and "Send request" not in page
    pages.post(
        ask, {"channel": "personal_phone", "identifier": "07700900555", "reasons": "x"}, status=200
    )
    assert not ContactException.objects.exists()


def test_the_manager_reviews_and_the_worker_withdraws(client, pages, office) -> None:
    due = approved_exception(office, review_on=TODAY)
    sign_in(client, office["manager"])
    assert "Due for review" in pages.get(reverse("devices:exceptions")).content.decode()
    review = reverse("devices:exception-review", args=[due.pk])
    page = pages.post(review, {"outcome": "keep", "notes": "Fine"}, status=200).content.decode()
    assert "Enter the next review date" in page
    pages.post(
        review,
        {
            "outcome": "keep",
            "notes": "Still needed.",
            **_date("next_review_on", TODAY + timedelta(days=20)),
        },
    )
    due.refresh_from_db()
    assert due.review_on == TODAY + timedelta(days=20)

    sign_in(client, office["worker"])
    withdraw = reverse("devices:exception-withdraw", args=[due.pk])
    assert (
        "Withdraw this exception"
        in pages.get(reverse("devices:exception", args=[due.pk])).content.decode()
    )
    pages.post(withdraw, {}, status=200)
    pages.post(withdraw, {"withdrawal_reasons": "I have a council phone now."})
    due.refresh_from_db()
    assert due.status == ExceptionStatus.WITHDRAWN
    page = pages.get(reverse("devices:exception", args=[due.pk])).content.decode()
    assert "I have a council phone now." in page


def test_the_case_page_lists_exceptions_in_a_bounded_number_of_queries(
    client, office, django_assert_max_num_queries
) -> None:
    for n in range(10):
        approved_exception(office, identifier=f"+4477009001{n:02d}")
    sign_in(client, office["worker"])
    with django_assert_max_num_queries(30):
        page = client.get(reverse("cases:detail", args=[office["child"].pk]))
    assert page.content.decode().count("Approved by Rachel Green") == 10
