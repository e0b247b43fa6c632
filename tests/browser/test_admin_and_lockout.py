"""Pages outside the everyday journeys: the administration site and the sign-in lockout."""

from __future__ import annotations

from typing import Any

import pytest

from safecomms.staff.models import Role
from tests import factories
from tests.browser.helpers import UI, confirmed_device, format_violations, run_axe

pytestmark = pytest.mark.browser


def test_a_system_administrator_manages_accounts_and_teams(ui: UI, transactional_db: Any) -> None:
    admin = factories.UserFactory(roles=[Role.SYSTEM_ADMIN], is_staff=True, full_name="Sam Patel")
    device = confirmed_device(admin)
    ui.sign_in(admin, two_step_key=device.key)
    for path in (
        "/admin/",
        "/admin/staff/user/",
        "/admin/staff/team/",
        f"/admin/staff/user/{admin.pk}/change/",
    ):
        ui.goto(path)
        assert not ui.console_errors, (path, ui.console_errors)
        violations = run_axe(ui.page)
        assert not violations, format_violations(path, violations)
    ui.goto("/admin/")
    page = ui.page.content()
    assert "Staff members" in page
    assert "Children" not in page  # case content is not in the admin site


def test_too_many_failed_sign_ins_show_the_lockout_page(ui: UI, transactional_db: Any) -> None:
    person = factories.UserFactory(email="locked@council.example")
    for _ in range(11):
        ui.goto("/sign-in/")
        ui.fill("Work e-mail address", person.email)
        ui.fill("Password", "not the password")
        ui.press("Sign in")
    # The lockout page is served with status 429, which the browser logs as a failed load.
    assert all("429" in error for error in ui.console_errors), ui.console_errors
    ui.console_errors.clear()
    ui.check("There have been too many attempts to sign in")
