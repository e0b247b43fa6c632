"""Page furniture and action columns, checked by axe with nothing filtered out.

The header, footer landmark and table headers once failed axe; these keep them fixed.
"""

from __future__ import annotations

from typing import Any

import pytest

from safecomms.staff.services import access_token_create
from tests import factories
from tests.browser.helpers import UI, format_violations, run_axe

pytestmark = pytest.mark.browser


def test_page_furniture(ui: UI) -> None:
    ui.goto("/sign-in/")
    violations = run_axe(ui.page, include_known=True)
    assert not violations, format_violations("/sign-in/", violations)


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
