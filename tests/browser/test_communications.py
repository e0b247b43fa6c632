"""Recording contact and deciding on it, in a real browser with axe-core on every page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from safecomms.communications.models import Addendum, Communication, Flag
from safecomms.communications.services import communication_complete, communication_record
from safecomms.devices.models import AccountKind, ApprovedAccount, Device, DeviceKind
from tests import factories
from tests.browser.helpers import TOTP_KEY, UI, confirmed_device

pytestmark = pytest.mark.browser


@pytest.fixture
def team(transactional_db: Any) -> dict[str, Any]:
    boss = factories.UserFactory(
        full_name="Morgan Reid", job_title="Team manager", roles=["team_manager"]
    )
    confirmed_device(boss)
    north = factories.TeamFactory(name="North Locality Team")
    north.managers.add(boss)
    priya = factories.UserFactory(full_name="Priya Shah")
    factories.MembershipFactory(user=priya, team=north)
    child = factories.ChildFactory(first_name="Jamie", last_name="Brook", person_id="1234567")
    factories.AllocationFactory(child=child, worker=priya, team=north)
    factories.CasePersonFactory(child=child, full_name="Sarah Brook")
    Device.objects.create(
        asset_tag="WCC-0001",
        kind=DeviceKind.MOBILE,
        model_name="Samsung Galaxy A54",
        assigned_to=priya,
        issued_on=timezone.localdate() - timedelta(days=200),
    )
    ApprovedAccount.objects.create(
        owner=priya,
        kind=AccountKind.WORK_MOBILE,
        identifier="+447700900123",
        approved_by=boss,
        approved_on=timezone.localdate() - timedelta(days=200),
    )
    return {"manager": boss, "worker": priya, "child": child}


def link(ui: UI, name: str) -> None:
    ui.page.get_by_role("link", name=name, exact=True).first.click()
    ui.page.wait_for_load_state("load")


def banner(ui: UI) -> str:
    return ui.page.locator(".govuk-notification-banner").first.inner_text()


def test_a_practitioner_records_a_text_and_a_video_visit(ui: UI, team: dict[str, Any]) -> None:
    child = team["child"]
    ui.sign_in(team["worker"])
    ui.goto(f"/cases/{child.pk}/")
    ui.check("Jamie Brook")
    link(ui, "Record a communication")
    ui.check("Record a communication")

    ui.press("Save draft")
    errors = ui.error_summary()
    assert "Choose the type of communication" in errors
    assert "Choose who the communication was with" in errors
    ui.check("Record a communication")

    ui.choose("Type of communication", "Text message")
    ui.choose("Platform", "SMS")
    ui.choose("Who was it from?", "From you to the child or family")
    yesterday = timezone.localdate() - timedelta(days=1)
    ui.fill_date("Date", yesterday.day, yesterday.month, yesterday.year)
    ui.fill("Time", "14:30")
    ui.page.get_by_role("group", name="Who was it with?").get_by_label(
        "Jamie Brook (the child)"
    ).check()
    ui.select("Account or number you used", "+447700900123 (Work mobile number)")
    ui.select("Device you used", "Mobile phone WCC-0001, Samsung Galaxy A54")
    ui.fill("Summary", "Confirmed Thursday's visit")
    ui.fill("Content", "Hi Jamie, keep this between us. See you Thursday at 4pm.")
    ui.press("Save draft")
    assert "The draft has been saved" in banner(ui)
    ui.check()
    marks = ui.page.locator("mark.app-finding")
    assert marks.count() >= 2
    assert (
        "boundary concern" in marks.nth(1).inner_text().lower()
        or "boundary" in ui.page.locator("table").inner_text().lower()
    )
    assert "5.1-no-grooming-risk" in ui.page.locator("table").inner_text()
    assert "Flagged for the manager" in ui.page.locator("main").inner_text()
    ui.screenshot("communication-draft")

    ui.press("Complete the record")
    assert "completed" in banner(ui)
    ui.check()
    link(ui, "Add an addendum")
    ui.check("Add an addendum")
    ui.press("Add addendum")
    assert ui.error_summary() == ["Enter the addendum"]
    ui.check("Add an addendum")
    ui.fill("Addendum", "Jamie's mum rang to say Thursday is fine.")
    ui.press("Add addendum")
    assert "addendum has been added" in banner(ui)
    ui.check()
    assert Addendum.objects.get().text == "Jamie's mum rang to say Thursday is fine."

    ui.goto(f"/cases/{child.pk}/communications/new/")
    ui.check("Record a communication")
    ui.choose("Type of communication", "Video call")
    ui.choose("Platform", "WhatsApp")
    ui.choose("Who was it from?", "From you to the child or family")
    ui.page.get_by_label("This was a virtual visit", exact=True).check()
    ui.fill_date("Date", yesterday.day, yesterday.month, yesterday.year)
    ui.fill("Time", "10:00")
    ui.page.get_by_role("group", name="Who was it with?").get_by_label(
        "Jamie Brook (the child)"
    ).check()
    ui.select("Account or number you used", "+447700900123 (Work mobile number)")
    ui.select("Device you used", "Mobile phone WCC-0001, Samsung Galaxy A54")
    ui.fill("Summary", "Virtual visit")
    ui.fill("Content", "Saw Jamie in the kitchen; he showed me his homework.")
    ui.press("Save draft")
    ui.check()
    assert "Virtual visit without a current assessment" in ui.page.locator("main").inner_text()
    ui.press("Complete the record")
    ui.check()

    link(ui, "Back to the chronology")
    ui.check("Chronology")
    assert ui.page.locator("table").inner_text().count("Text message") >= 1
    assert Communication.objects.filter(status="completed").count() == 2


def test_a_manager_records_an_assessment_and_clears_a_flag(ui: UI, team: dict[str, Any]) -> None:
    child = team["child"]
    sent = communication_record(
        actor=team["worker"],
        child=child,
        occurred_at=timezone.now() - timedelta(days=1),
        kind="text",
        platform="sms",
        direction="outbound",
        summary="Sent from my own phone",
        content="See you Thursday.",
        account_identifier="07700 900999",
    )
    communication_complete(actor=team["worker"], communication=sent)

    ui.sign_in(team["manager"], two_step_key=TOTP_KEY)
    ui.goto(f"/cases/{child.pk}/")
    ui.check("Jamie Brook")
    link(ui, "Virtual visit assessment")
    ui.check("Virtual visits")
    link(ui, "Record the assessment")
    ui.check("Virtual visit assessment")
    ui.press("Record decision")
    assert "Choose whether visits may be virtual" in ui.error_summary()
    ui.check("Virtual visit assessment")
    ui.choose("Your decision", "A mix of virtual and in-person visits")
    ui.choose("The family's preferred video app", "WhatsApp")
    ui.choose("How confident is the child with video calls?", "Needs some support")
    ui.choose("How confident are the parents or carers?", "Confident with video calls")
    ui.fill("The child's needs", "Jamie is 9 and needs help to use the phone.")
    ui.fill("Risks", "Dad may be in the room; alternate with school visits.")
    ui.press("Record decision")
    assert "assessment has been recorded" in banner(ui)
    ui.check("Virtual visits")
    ui.screenshot("virtual-visit-assessment")

    ui.page.get_by_role("navigation").get_by_role("link", name="Decisions").click()
    ui.page.wait_for_load_state("load")
    ui.check("Decisions")
    link(ui, "Acknowledge or clear the flag on Jamie Brook's record")
    ui.check("Acknowledge or clear a flag")
    ui.choose(
        "What are you doing with this flag?",
        "Acknowledge it: I have followed it up with the worker",
    )
    ui.press("Save decision")
    assert ui.error_summary() == ["Enter a note saying what you found or did"]
    ui.check("Acknowledge or clear a flag")
    ui.choose(
        "What are you doing with this flag?",
        "Acknowledge it: I have followed it up with the worker",
    )
    ui.fill("Note", "Spoke to Priya: use the work phone from now on.")
    ui.press("Save decision")
    assert "acknowledged" in banner(ui)
    ui.check("Decisions")
    assert "Nothing is waiting for your decision" in ui.page.locator("main").inner_text()
    flag = Flag.objects.get()
    assert flag.outcome == "acknowledged" and flag.cleared_by == team["manager"]
