"""Checking a message before sending it, marking a finding as a false positive, and the report."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from safecomms.communications.models import Communication, Finding
from tests import factories
from tests.browser.helpers import TOTP_KEY, UI, confirmed_device

pytestmark = pytest.mark.browser

DRAFT = "Hi Jamie, can you ring Sarah on 07700 900123 pls? c u l8r"


@pytest.fixture
def people(transactional_db: Any) -> dict[str, Any]:
    worker = factories.UserFactory(full_name="Priya Shah")
    boss = factories.UserFactory(full_name="Morgan Reid", roles=["team_manager"])
    confirmed_device(boss)
    team = factories.TeamFactory(name="North Locality Team")
    team.managers.add(boss)
    factories.MembershipFactory(user=worker, team=team)
    child = factories.ChildFactory(first_name="Jamie", last_name="Brook", person_id="1234567")
    factories.AllocationFactory(child=child, worker=worker, team=team)
    factories.CasePersonFactory(child=child, full_name="Sarah Brook")
    return {"worker": worker, "manager": boss, "child": child}


def nav(ui: UI, text: str) -> None:
    ui.page.get_by_role("navigation").get_by_role("link", name=text, exact=True).click()
    ui.page.wait_for_load_state("load")


def test_practitioner_checks_a_message_and_takes_a_redacted_copy(
    ui: UI, people: dict[str, Any]
) -> None:
    ui.sign_in(people["worker"])
    nav(ui, "Check a message")
    assert ui.path == "/check/"
    ui.check("Check a message")

    ui.press("Check message")
    assert ui.error_summary() == [
        "Enter the message you want to check",
        "Choose how you will send the message",
    ]
    ui.check("Check a message")

    ui.fill("Your message", DRAFT)
    ui.choose("How will you send it?", "WhatsApp")
    ui.press("Check message")
    ui.check("Check a message")
    assert "must be changed" not in ui.page.locator("#check-summary").inner_text()

    marks = ui.page.locator("mark.app-finding")
    marked = marks.all_inner_texts()
    assert any(text.startswith("07700 900123") for text in marked), marked
    assert any(text.startswith("pls") for text in marked), marked
    assert any(text.startswith("c u l8r") for text in marked), marked
    # Each mark says what it is in words, and leads to its advice.
    phone = marks.filter(has_text="07700 900123")
    label = phone.locator("a.app-finding__label")
    assert "phone number" in label.inner_text()
    label.click()
    target = ui.page.locator(label.get_attribute("href") or "")
    assert "Phone number" in target.inner_text()
    assert target.get_by_role("link").first.get_attribute("href") == (
        "/guidance/#rule-6.1-minimise-client-data"
    )
    findings = ui.page.locator("ol.app-findings > li")
    assert findings.filter(has_text="Text speak").count() >= 2
    assert "Write it out in full" in findings.filter(has_text="Text speak").first.inner_text()

    redacted = ui.page.get_by_label("Redacted copy")
    copy = redacted.input_value()
    assert "[phone number]" in copy and "07700" not in copy and "[text speak]" in copy
    assert redacted.get_attribute("readonly") is not None
    assert ui.page.locator("#channel-verdict").inner_text()
    copy_button = ui.page.get_by_role("button", name="Copy the redacted copy")
    assert copy_button.is_visible()  # the static script has shown it
    ui.screenshot("check-a-message")

    # The draft stays in the box to change and check again; nothing was stored.
    assert ui.page.get_by_label("Your message").input_value() == DRAFT
    assert not Communication.objects.exists()


def test_from_the_case_the_family_s_names_are_recognised(ui: UI, people: dict[str, Any]) -> None:
    ui.sign_in(people["worker"])
    ui.goto(f"/cases/{people['child'].pk}/")
    ui.check("Jamie Brook")
    ui.page.get_by_role("link", name="Check a message for this case").click()
    ui.page.wait_for_load_state("load")
    ui.check("Check a message")
    ui.fill("Your message", "Please ask Sarah to call the school.")
    ui.choose("How will you send it?", "SMS (text message)")
    ui.press("Check message")
    ui.check("Check a message")
    assert ui.page.locator("mark.app-finding", has_text="Sarah").count() == 1
    assert "[name]" in ui.page.get_by_label("Redacted copy").input_value()


def test_a_finding_is_marked_false_positive_and_the_manager_sees_it(
    ui: UI, people: dict[str, Any], context: Any, live_server: Any
) -> None:
    communication = Communication.objects.create(
        child=people["child"],
        worker=people["worker"],
        recorded_by=people["worker"],
        occurred_at=timezone.now(),
        kind="text",
        platform="sms",
        direction="outbound",
        content="Will pick up the forms lol",
    )
    finding = Finding.objects.create(
        communication=communication,
        category="text_speak",
        start=23,
        end=26,
        rule_id="7.1.2-no-text-speak",
        severity="warn",
        message="Text speak (“lol”): Write it out in full.",
    )
    ui.sign_in(people["worker"])
    ui.goto(f"/findings/{finding.pk}/dismiss/")
    ui.check("Mark a finding as a false positive")
    ui.press("Mark as a false positive")
    assert ui.error_summary() == ["Enter why the finding is wrong"]
    ui.check("Mark a finding as a false positive")
    ui.fill("Why is this finding wrong?", "Quoting the young person's own message")
    ui.press("Mark as a false positive")
    assert ui.path == f"/cases/{people['child'].pk}/"
    assert (
        "marked as a false positive" in ui.page.locator(".govuk-notification-banner").inner_text()
    )
    ui.check("Jamie Brook")

    from tests.browser.helpers import open_tab

    manager = open_tab(
        context.browser.new_context(bypass_csp=True, base_url=live_server.url), live_server.url
    )
    manager.sign_in(people["manager"], two_step_key=TOTP_KEY)
    nav(manager, "Screening report")
    manager.check("Screening report")
    summary = manager.page.locator("#report-summary").inner_text()
    assert "1 finding raised; 1 marked as false positive (100%)" in summary
    assert "lol" in manager.page.locator("table", has_text="Word-list entries").inner_text()
    assert (
        "Quoting the young person"
        in manager.page.locator("table", has_text="Latest findings").inner_text()
    )
    manager.screenshot("screening-report")
