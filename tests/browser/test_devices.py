"""Devices, approved accounts and exceptions in the browser: an ICT administrator keeps the
register; a practitioner asks for an exception from a child's case; their manager approves it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from safecomms.devices.models import ApprovedAccount, ContactException, Device, ExceptionStatus
from tests import factories
from tests.browser.helpers import TOTP_KEY, UI, confirmed_device, open_tab

pytestmark = pytest.mark.browser


@pytest.fixture
def office(transactional_db: Any) -> dict[str, Any]:
    manager = factories.UserFactory(
        full_name="Morgan Reid", email="morgan@council.example", roles=["team_manager"]
    )
    confirmed_device(manager)
    ict = factories.UserFactory(
        full_name="Dev Anand", email="dev@council.example", roles=["ict_admin"]
    )
    confirmed_device(ict)
    worker = factories.UserFactory(
        full_name="Priya Shah", email="priya@council.example", line_manager=manager
    )
    team = factories.TeamFactory(name="North Locality Team")
    team.managers.add(manager)
    factories.MembershipFactory(user=worker, team=team)
    child = factories.ChildFactory(first_name="Jamie", last_name="Brook", person_id="1234567")
    factories.AllocationFactory(child=child, worker=worker, team=team)
    return {"manager": manager, "ict": ict, "worker": worker, "child": child}


@pytest.fixture
def tabs(browser: Any, live_server: Any) -> Iterator[Any]:
    """A separate browser (cookies and all) for each person."""
    contexts: list[Any] = []

    def new_tab() -> UI:
        context = browser.new_context(
            bypass_csp=True, base_url=live_server.url, viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return open_tab(context, live_server.url)

    yield new_tab
    for context in contexts:
        context.close()


def nav(ui: UI, text: str) -> None:
    ui.page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name=text, exact=True
    ).click()
    ui.page.wait_for_load_state("load")


def link(ui: UI, name: str) -> None:
    ui.page.get_by_role("link", name=name, exact=True).click()
    ui.page.wait_for_load_state("load")


def banner_text(ui: UI) -> str:
    return ui.page.locator(".govuk-notification-banner").first.inner_text()


def test_ict_registers_a_device_and_approves_an_account(tabs: Any, office: dict[str, Any]) -> None:
    ui = tabs()
    ui.sign_in(office["ict"], two_step_key=TOTP_KEY)
    ui.page.get_by_role("link", name="Devices and accounts", exact=True).first.click()
    ui.page.wait_for_load_state("load")
    ui.check("Devices")
    link(ui, "Add a device")
    ui.check("Add a device")
    ui.press("Add device")
    assert ui.error_summary() == ["Choose the type of device", "Enter the asset tag"]
    ui.check("Add a device")
    ui.choose("Type of device", "Mobile phone")
    ui.fill("Asset tag", "WCC-M-0042")
    ui.fill("Make and model (optional)", "Samsung Galaxy A55")
    ui.fill("Phone number (optional)", "12")
    ui.select("Assigned to (optional)", "Priya Shah (priya@council.example)")
    ui.press("Add device")
    assert ui.error_summary() == [
        "Enter a real phone number, like 07700 900 982 or +44 7700 900982"
    ]
    ui.fill("Phone number (optional)", "07700 900 982")
    ui.press("Add device")
    assert "Device WCC-M-0042 has been added to the register" in banner_text(ui)
    ui.check("Devices")
    assert "+447700900982" in ui.page.locator("table").inner_text()
    assert Device.objects.get().assigned_to == office["worker"]
    ui.screenshot("devices-register")

    link(ui, "Approved accounts")
    ui.check("Approved accounts")
    link(ui, "Approve an account")
    ui.check("Approve an account")
    ui.select("Whose account is it?", "Priya Shah (priya@council.example)")
    ui.choose("Type of account", "WhatsApp identity")
    ui.fill("Address, number or handle", "07700 900 982")
    ui.press("Approve account")
    assert "approved for Priya Shah (WhatsApp identity)" in banner_text(ui)
    ui.check("Approved accounts")
    account = ApprovedAccount.objects.get()
    assert account.identifier == "+447700900982" and account.approved_by == office["ict"]

    link(ui, "Approve an account")
    ui.select("Whose account is it?", "Priya Shah (priya@council.example)")
    ui.choose("Type of account", "WhatsApp identity")
    ui.fill("Address, number or handle", "+44 7700 900982")
    ui.press("Approve account")
    assert ui.error_summary() == [
        "+447700900982 is already approved for Priya Shah (WhatsApp identity)"
    ]
    ui.check("Approve an account")


def test_a_practitioner_asks_for_an_exception_and_the_manager_approves_it(
    tabs: Any, office: dict[str, Any]
) -> None:
    child = office["child"]
    worker = tabs()
    worker.sign_in(office["worker"])
    worker.goto(f"/cases/{child.pk}/")
    worker.check("Jamie Brook")
    link(worker, "Ask for an exception to use a personal phone or account")
    worker.check("Ask for an exception")
    worker.press("Send request")
    assert worker.error_summary() == [
        "Choose what you need to use",
        "Enter the number, address or handle you would use",
        "Enter why you need to use a personal account or phone for this child",
    ]
    worker.check("Ask for an exception")
    worker.choose("What do you need to use?", "Personal phone")
    worker.fill("The number, address or handle you would use", "07700 900 555")
    worker.fill(
        "Why do you need it for this child?",
        "Jamie will only answer a number he already knows; a council phone is on order.",
    )
    worker.press("Send request")
    assert "sent to Morgan Reid, your line manager" in banner_text(worker)
    worker.check("Personal phone for Jamie Brook")
    exception = ContactException.objects.get()
    assert exception.status == ExceptionStatus.REQUESTED

    manager = tabs()
    manager.sign_in(office["manager"], two_step_key=TOTP_KEY)
    nav(manager, "Exceptions")
    manager.check("Exceptions")
    assert (
        "Jamie Brook"
        in manager.page.locator("table", has_text="Waiting for your decision").inner_text()
    )
    manager.goto(f"/exceptions/{exception.pk}/decide/")
    manager.check("Decide an exception request")
    manager.choose("Your decision", "Approve the exception")
    manager.press("Record decision")
    assert manager.error_summary() == [
        "Enter the date the exception ends",
        "Enter the reasons for your decision",
    ]
    manager.check("Decide an exception request")
    end = timezone.localdate() + timedelta(days=45)
    manager.fill_date("End date", end.day, end.month, end.year)
    review = timezone.localdate() + timedelta(days=30)
    manager.fill_date("Review date", review.day, review.month, review.year)
    manager.fill("Reasons for your decision", "Agreed until the council phone arrives.")
    manager.press("Record decision")
    assert "You have approved the exception" in banner_text(manager)
    manager.check("Exceptions")
    exception.refresh_from_db()
    assert exception.status == ExceptionStatus.APPROVED and exception.ends_on == end

    worker.goto(f"/cases/{child.pk}/")
    worker.check("Jamie Brook")
    section = worker.page.locator("table", has_text="Signed-off decision").inner_text()
    assert "Approved by Morgan Reid" in section
    worker.screenshot("case-exceptions")
