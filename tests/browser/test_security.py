"""The Content-Security-Policy, as Chromium enforces it: no bypass, no violations on real pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests import factories
from tests.browser.helpers import TOTP_KEY, UI, confirmed_device, current_code, open_tab

pytestmark = pytest.mark.browser

# Runs before any page script (through the DevTools protocol, so the policy does not apply to it).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`
  );
});
"""


@pytest.fixture
def strict_ui(browser: Any, live_server: Any) -> Iterator[UI]:
    """A tab that honours the page's Content-Security-Policy, as every real browser does."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    context.add_init_script(RECORD_VIOLATIONS)
    yield open_tab(context, live_server.url)
    context.close()


def assert_policy_kept(tab: UI, response: Any) -> None:
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self' 'nonce-" in policy, policy
    assert "style-src 'self'" in policy and "'unsafe-inline'" not in policy, policy
    assert "frame-ancestors 'none'" in policy, policy
    nonce = re.search(r"'nonce-([^']+)'", policy)
    assert nonce is not None
    scripts = tab.page.locator("script")
    assert scripts.count() >= 2
    for index in range(scripts.count()):
        # Chromium hides the nonce attribute from the DOM once parsed, but keeps the property.
        assert scripts.nth(index).evaluate("(script) => script.nonce") == nonce.group(1)
    tab.page.wait_for_load_state("load")
    assert tab.page.evaluate("window.__cspViolations") == [], tab.path
    assert not tab.console_errors, (tab.path, tab.console_errors)
    # The module script ran under the policy: GOV.UK Frontend initialised the components.
    assert tab.page.locator("[data-govuk-skip-link-init]").count() == 1, tab.path


def test_pages_keep_their_content_security_policy(strict_ui: UI, transactional_db: Any) -> None:
    manager = factories.UserFactory(full_name="Morgan Reid", roles=["team_manager"])
    confirmed_device(manager)
    team = factories.TeamFactory(name="North Locality Team")
    team.managers.add(manager)
    factories.MembershipFactory(user=manager, team=team)
    child = factories.ChildFactory(first_name="Jamie", last_name="Brook")
    factories.AllocationFactory(child=child, worker=manager, team=team)

    assert_policy_kept(strict_ui, strict_ui.goto("/sign-in/"))
    strict_ui.page.get_by_label("Work e-mail address").fill(manager.email)
    strict_ui.page.get_by_label("Password").fill(factories.PASSWORD)
    strict_ui.press("Sign in")
    assert strict_ui.path.startswith("/two-step/")
    assert_policy_kept(strict_ui, strict_ui.goto("/two-step/set-up/"))  # the inline SVG QR code
    assert_policy_kept(strict_ui, strict_ui.goto("/two-step/"))
    strict_ui.page.get_by_label("Code from your authenticator app").fill(current_code(TOTP_KEY))
    strict_ui.press("Continue")
    assert strict_ui.path == "/"
    for path in (
        "/",
        "/cases/",
        f"/cases/{child.pk}/",
        "/cases/new/",
        f"/cases/{child.pk}/contacts/add/",
        "/cases/import/",
        "/guidance/",
        "/account/",
        "/accessibility/",
    ):
        assert_policy_kept(strict_ui, strict_ui.goto(path))


def test_the_policy_blocks_injected_inline_script(strict_ui: UI) -> None:
    strict_ui.goto("/sign-in/")
    injected = strict_ui.page.evaluate(
        """() => {
          const script = document.createElement('script');
          script.textContent = 'window.__injected = true';
          document.body.appendChild(script);
          return window.__injected === true;
        }"""
    )
    assert injected is False
    strict_ui.page.wait_for_function("window.__cspViolations.length > 0")
    assert strict_ui.page.evaluate("window.__cspViolations")[0].startswith("script-src-elem")
