"""Pages anyone can reach: sign-in (and its errors), the accessibility statement, the skip link."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories
from tests.browser.helpers import UI

pytestmark = pytest.mark.browser


def test_sign_in_page_is_styled_and_accessible(ui: UI) -> None:
    ui.goto("/sign-in/")
    ui.check("Sign in to SafeComms")
    # The CSS, its fonts and the JavaScript modules all loaded from the live server.
    heading_font = ui.page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "GDS Transport" in heading_font
    assert ui.page.evaluate("document.fonts.check('19px \"GDS Transport\"')")
    service_name = ui.page.evaluate(
        "getComputedStyle(document.querySelector('.govuk-service-navigation__service-name')).fontWeight"
    )
    assert service_name == "700"  # the service navigation is styled
    button = ui.page.get_by_role("button", name="Sign in")
    assert button.get_attribute("data-govuk-button-init") is not None  # GOV.UK Frontend ran
    ui.screenshot("sign-in")


def test_failed_sign_in_shows_the_error_summary(ui: UI, transactional_db: Any) -> None:
    user = factories.UserFactory(full_name="Priya Shah")
    ui.goto("/sign-in/")
    ui.check("Sign in to SafeComms")

    ui.press("Sign in")
    assert ui.path == "/sign-in/"
    # Each error links to its field. (The messages are Django's generic "This field is
    # required." for both: reported, see the report on sign-in error messages.)
    assert len(ui.error_summary()) == 2
    links = ui.page.locator(".govuk-error-summary a")
    assert [links.nth(i).get_attribute("href") for i in range(2)] == ["#id_email", "#id_password"]
    links.first.click()
    assert ui.page.evaluate("document.activeElement.id") == "id_email"
    ui.check("Sign in to SafeComms")

    ui.fill("Work e-mail address", user.email)
    ui.fill("Password", "not the password")
    ui.press("Sign in")
    assert ui.path == "/sign-in/"
    assert ui.error_summary() == ["Enter a correct work e-mail address and password"]
    # The error summary takes focus, so a screen reader announces it.
    assert ui.page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    ui.check("Sign in to SafeComms")
    ui.screenshot("sign-in-error")


def test_accessibility_statement(ui: UI) -> None:
    ui.goto("/accessibility/")
    ui.check("Accessibility statement for SafeComms")
    assert "axe-core" in ui.page.locator("main").inner_text()
    # Reachable from every page's footer.
    ui.goto("/sign-in/")
    ui.page.get_by_role("link", name="Accessibility statement").click()
    assert ui.path == "/accessibility/"


def test_skip_link_is_first_and_moves_focus_to_the_main_content(ui: UI) -> None:
    ui.goto("/sign-in/")
    ui.check("Sign in to SafeComms")
    ui.page.keyboard.press("Tab")
    focused = ui.page.evaluate(
        "({text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert focused == {"text": "Skip to main content", "href": "#main-content"}
    assert ui.page.get_by_role("link", name="Skip to main content").is_visible()
    ui.page.keyboard.press("Enter")
    assert ui.page.evaluate("document.activeElement.id") == "main-content"
    # The next Tab goes on into the page, not back to the header.
    ui.page.keyboard.press("Tab")
    assert ui.page.evaluate("document.activeElement.closest('main') !== null")
