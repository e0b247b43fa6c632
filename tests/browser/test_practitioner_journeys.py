"""A practitioner's day: cases, the guidance, tokens, two-step set-up and signing out."""

from __future__ import annotations

import base64
import re
import time
from typing import Any

import pytest
from django_otp.oath import totp

from safecomms.staff.models import AccessToken
from tests import factories
from tests.browser.helpers import UI

pytestmark = pytest.mark.browser


@pytest.fixture
def practitioner(transactional_db: Any) -> Any:
    worker = factories.UserFactory(full_name="Priya Shah")
    team = factories.TeamFactory(name="North Locality Team")
    factories.MembershipFactory(user=worker, team=team)
    child = factories.ChildFactory(first_name="Jamie", last_name="Brook", person_id="1234567")
    factories.AllocationFactory(child=child, worker=worker, team=team)
    factories.CasePersonFactory(child=child, full_name="Sarah Brook")
    return worker


def nav(ui: UI, text: str) -> None:
    navigation = ui.page.get_by_role("navigation")
    navigation.get_by_role("link", name=text, exact=True).click()
    ui.page.wait_for_load_state("load")


def banner_text(ui: UI) -> str:
    return ui.page.locator(".govuk-notification-banner").first.inner_text()


def test_practitioner_reads_a_case_and_the_guidance(ui: UI, practitioner: Any) -> None:
    ui.sign_in(practitioner)
    ui.check("Hello, Priya")
    assert "Read version" in banner_text(ui)  # the guidance is not yet acknowledged

    nav(ui, "My cases")
    assert ui.path == "/cases/"
    ui.check("My cases")
    ui.page.get_by_role("link", name="Jamie Brook").click()
    ui.check("Jamie Brook")
    assert "Sarah Brook" in ui.page.locator("table").first.inner_text()
    ui.screenshot("case-record")

    nav(ui, "Guidance")
    assert ui.path == "/guidance/"
    heading = ui.page.locator("h1").first.inner_text()
    ui.check(heading)
    ui.press("I have read this version of the guidance")
    assert ui.path == "/guidance/"
    assert "You have confirmed you have read version" in banner_text(ui)
    assert ui.page.locator(".govuk-tag", has_text="Read").is_visible()
    ui.check(heading)

    ui.page.get_by_role("link", name="SafeComms", exact=True).click()
    ui.check("Hello, Priya")
    assert ui.page.locator(".govuk-notification-banner").count() == 0


def test_practitioner_creates_and_revokes_a_token_then_signs_out(ui: UI, practitioner: Any) -> None:
    ui.sign_in(practitioner)
    nav(ui, "Account")
    assert ui.path == "/account/"
    ui.check("Your account")

    ui.press("Create token")
    assert ui.error_summary() == ["Enter what the token is for"]
    ui.check("Your account")

    ui.fill("What is this token for?", "weekly caseload report")
    ui.press("Create token")
    panel = ui.page.locator(".govuk-panel")
    assert "Your new token" in panel.inner_text()
    raw = re.search(r"sc_\S+", panel.inner_text())
    assert raw is not None
    assert (
        "You will not be able to see it again"
        in ui.page.locator(".govuk-warning-text").inner_text()
    )
    ui.check("Your account")

    # Shown once: the account page no longer has it.
    ui.goto("/account/")
    assert raw.group(0) not in ui.page.content()
    assert ui.page.locator(".govuk-panel").count() == 0
    ui.check("Your account")

    ui.press("Revoke token weekly caseload report")
    assert "has been revoked" in banner_text(ui)
    assert "Revoked" in ui.page.locator("table").inner_text()
    assert AccessToken.objects.get(owner=practitioner).revoked_at is not None
    ui.check("Your account")

    nav(ui, "Sign out")
    assert ui.path == "/sign-out/"
    ui.check("Sign out of SafeComms")
    ui.press("Sign out")
    assert ui.path == "/sign-in/"
    assert "You have signed out." in banner_text(ui)
    ui.check("Sign in to SafeComms")
    ui.goto("/sign-in/")  # signed out: the sign-in page no longer redirects
    assert ui.path == "/sign-in/"


def test_practitioner_sets_up_two_step_verification(ui: UI, practitioner: Any) -> None:
    ui.sign_in(practitioner)
    ui.page.get_by_role("link", name="Set it up for SafeComms").click()
    assert ui.path == "/two-step/set-up/"
    ui.check("Set up two-step verification")
    qr = ui.page.get_by_role("img", name="QR code for your authenticator app")
    assert qr.locator("svg").is_visible()
    assert qr.bounding_box()["width"] >= 200
    key_text = ui.page.locator("p.app-secret").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{4})+", key_text), key_text
    ui.screenshot("two-step-set-up")

    key = base64.b32decode(key_text.replace(" ", ""))
    valid = {f"{totp(key, drift=drift):06d}" for drift in (-1, 0, 1)}
    wrong = next(code for code in ("123456", "234567", "345678", "456789") if code not in valid)
    ui.fill("Code from your authenticator app", wrong)
    ui.press("Turn on two-step verification")
    assert ui.error_summary() == [
        "That code is not right. Check the app shows SafeComms and try again"
    ]
    ui.check("Set up two-step verification")

    # django-otp refuses every code for 1 second after a wrong one (throttling); a person takes
    # longer than that to type the next code.
    time.sleep(1.2)
    ui.fill("Code from your authenticator app", f"{totp(key):06d}")
    ui.press("Turn on two-step verification")
    assert ui.path == "/"
    assert "Two-step verification is on" in banner_text(ui)
    ui.check("Hello, Priya")


def test_a_throttled_code_is_not_called_wrong(ui: UI, practitioner: Any, settings: Any) -> None:
    # A long pause after a wrong code, so that a slow machine cannot outlast it between presses.
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    ui.sign_in(practitioner)
    ui.goto("/two-step/set-up/")
    key = base64.b32decode(ui.page.locator("p.app-secret").inner_text().replace(" ", ""))
    valid = {f"{totp(key, drift=drift):06d}" for drift in (-1, 0, 1)}
    wrong = next(code for code in ("123456", "234567", "345678", "456789") if code not in valid)
    ui.fill("Code from your authenticator app", wrong)
    ui.press("Turn on two-step verification")
    ui.fill("Code from your authenticator app", f"{totp(key):06d}")
    ui.press("Turn on two-step verification")
    ui.check()
    assert "wait a few seconds" in " ".join(ui.error_summary()).lower()
