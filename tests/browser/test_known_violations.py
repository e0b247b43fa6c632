"""Known axe-core violations, reported and awaiting a fix in the app's templates or views.

`KNOWN_VIOLATIONS` (conftest.py) leaves them out of every page check. Each test here runs axe
without that filter and is a strict xfail: once the fix lands it passes, pytest reports XPASS as a
failure, and the entry and the test come out.
"""

from __future__ import annotations

from typing import Any

import pytest

from safecomms.staff.services import access_token_create
from tests import factories
from tests.browser.helpers import UI, format_violations, run_axe

pytestmark = pytest.mark.browser


@pytest.mark.xfail(
    strict=True,
    reason="base.html predates GOV.UK Frontend 6: v5 header link class (color-contrast on "
    ".govuk-header__product-name) and no <footer> landmark (region on .govuk-footer)",
)
def test_page_furniture(ui: UI) -> None:
    ui.goto("/sign-in/")
    violations = run_axe(ui.page, include_known=True)
    assert not violations, format_violations("/sign-in/", violations)


@pytest.mark.xfail(
    strict=True,
    reason="empty <th> over the action column of the allocation history (cases/views.py detail) "
    "and the token table (staff/views.py _token_table)",
)
def test_action_columns_have_a_header(ui: UI, transactional_db: Any) -> None:
    worker = factories.UserFactory(full_name="Priya Shah")
    team = factories.TeamFactory()
    child = factories.ChildFactory()
    factories.AllocationFactory(child=child, worker=worker, team=team)
    access_token_create(owner=worker, name="report script")
    ui.sign_in(worker)
    found = []
    for path in ("/account/", f"/cases/{child.pk}/"):
        ui.goto(path)
        violations = run_axe(ui.page, include_known=True)
        found += [v for v in violations if v["id"] == "empty-table-header"]
    assert not found, format_violations("/account/ and the case page", found)
