"""A team manager (who must use two-step verification) opens, changes and imports cases."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from safecomms.cases.models import Allocation, Child, ContactPoint
from tests import factories
from tests.browser.helpers import TOTP_KEY, UI, confirmed_device

pytestmark = pytest.mark.browser


@pytest.fixture
def manager(transactional_db: Any) -> Any:
    boss = factories.UserFactory(
        full_name="Morgan Reid", job_title="Team manager", roles=["team_manager"]
    )
    confirmed_device(boss)
    team = factories.TeamFactory(name="North Locality Team")
    team.managers.add(boss)
    priya = factories.UserFactory(full_name="Priya Shah", email="priya@council.example")
    tom = factories.UserFactory(full_name="Tom Okafor", email="tom@council.example")
    factories.MembershipFactory(user=priya, team=team)
    factories.MembershipFactory(user=tom, team=team)
    child = factories.ChildFactory(first_name="Jamie", last_name="Brook", person_id="1234567")
    factories.AllocationFactory(child=child, worker=priya, team=team)
    return boss


def link(ui: UI, name: str) -> None:
    ui.page.get_by_role("link", name=name, exact=True).click()
    ui.page.wait_for_load_state("load")


def banner_text(ui: UI) -> str:
    return ui.page.locator(".govuk-notification-banner").first.inner_text()


def test_manager_opens_a_case_and_looks_after_it(ui: UI, manager: Any) -> None:
    ui.sign_in(manager, two_step_key=TOTP_KEY)
    ui.check("Hello, Morgan")

    ui.page.get_by_role("navigation").get_by_role("link", name="My teams").click()
    assert ui.path == "/teams/"
    ui.check("My teams")
    link(ui, "North Locality Team")
    ui.check("North Locality Team")
    assert "Jamie Brook" in ui.page.locator("table", has_text="Open allocations").inner_text()

    link(ui, "Create a case")
    assert ui.path == "/cases/new/"
    ui.check("Open a case")

    # Everything left empty (bar the allocation date, which starts as today).
    ui.press("Open case")
    assert ui.error_summary() == [
        "Enter the person ID",
        "Enter the child's first name",
        "Enter the child's last name",
        "Choose the legal status",
        "Choose the team",
        "Choose the allocated worker",
    ]
    ui.check("Open a case")
    ui.screenshot("open-a-case-errors")

    today = timezone.localdate()
    ui.fill("Person ID", "7654321")
    ui.fill("First name", "Alex")
    ui.fill("Last name", "Rivers")
    ui.fill("Preferred name (optional)", "Lex")
    ui.fill_date("Date of birth", 3, 7, 2013)
    ui.choose("Legal status", "Child in need (CIN)")
    ui.select("Team", "North Locality Team")
    ui.select("Allocated worker", "Priya Shah (North Locality Team)")
    ui.fill_date("Allocated from", today.day, today.month, today.year)
    ui.press("Open case")
    child = Child.objects.get(person_id="7654321")
    assert ui.path == f"/cases/{child.pk}/"
    assert "Case opened for Alex Rivers and allocated to Priya Shah" in banner_text(ui)
    ui.check("Alex Rivers")
    summary = ui.page.locator(".govuk-summary-list").inner_text()
    assert "Alex Rivers (known as Lex)" in summary
    assert "3 July 2013" in summary
    assert "Child in need (CIN)" in summary

    # A person on the case.
    link(ui, "Add a person")
    ui.check("Add a person to the case")
    ui.press("Add person")
    assert ui.error_summary() == ["Enter the person's full name", "Choose the relationship"]
    ui.check("Add a person to the case")
    ui.fill("Full name", "Dana Rivers")
    ui.select("Relationship to the child", "Mother")
    ui.fill("Other names or nicknames (optional)", "Dee, Mum")
    ui.page.get_by_label("Has parental responsibility").check()
    ui.press("Add person")
    assert "Dana Rivers has been added to the case" in banner_text(ui)
    people = ui.page.locator("table", has_text="Family and professionals").inner_text()
    assert "Dana Rivers (also known as Dee, Mum)" in people
    assert "parental responsibility" in people
    ui.check("Alex Rivers")

    # Contact details: a number that is not a phone number, then a real one.
    link(ui, "Add contact details")
    ui.check("Add contact details")
    ui.select("Whose contact is this?", "Dana Rivers (Mother)")
    ui.choose("Type", "Phone")
    ui.fill("Number, address or handle", "12")
    ui.fill("Label (optional)", "mobile")
    ui.press("Add contact details")
    assert ui.error_summary() == ["Enter a phone number, like 07700 900 982 or +44 7700 900982"]
    ui.check("Add contact details")
    assert ui.page.get_by_label("Label (optional)").input_value() == "mobile"
    ui.fill("Number, address or handle", "07700 900 982")
    ui.press("Add contact details")
    assert "The contact details have been added" in banner_text(ui)
    assert ContactPoint.objects.get(person__full_name="Dana Rivers").value == "+447700900982"
    ui.check("Alex Rivers")

    # A co-worker, then the co-worker's allocation ends.
    link(ui, "Allocate a worker")
    ui.check("Allocate a worker")
    ui.select("Team", "North Locality Team")
    ui.select("Worker", "Tom Okafor (North Locality Team)")
    ui.choose("Role on the case", "Co-worker")
    ui.fill_date("Allocated from", today.day, today.month, today.year)
    ui.press("Allocate")
    assert "Tom Okafor has been allocated" in banner_text(ui)
    ui.check("Alex Rivers")
    history = ui.page.locator("table", has_text="Allocation history")
    assert "Co-worker" in history.inner_text()

    link(ui, "End allocation of Tom Okafor")
    ui.check("End the allocation to Tom Okafor")
    ui.press("End allocation")
    assert ui.error_summary() == ["Enter the last day of the allocation"]
    ui.check("End the allocation to Tom Okafor")
    ui.fill_date("Last day of the allocation", today.day, today.month, today.year)
    ui.press("End allocation")
    assert "The allocation to Tom Okafor has been ended" in banner_text(ui)
    assert Allocation.objects.get(child=child, worker__full_name="Tom Okafor").end_date == today
    ui.check("Alex Rivers")


BAD_CSV = (
    "person_id,first_name,last_name,date_of_birth,legal_status,team,worker_email,allocation_start\n"
    "2000001,Sam,Green,2014-02-30,CIN,North Locality Team,priya@council.example,2024-01-10\n"
    "2000002,Ash,Brown,2015-06-01,unknown,Nowhere Team,nobody@council.example,\n"
)
GOOD_CSV = (
    "person_id,first_name,last_name,date_of_birth,legal_status,team,worker_email,allocation_start,"
    "allocation_kind\n"
    "2000001,Sam,Green,2014-02-28,CIN,North Locality Team,priya@council.example,2024-01-10,\n"
    "2000002,Ash,Brown,01/06/2015,CP,North Locality Team,tom@council.example,10/01/2024,co-worker\n"
    "1234567,Jamie,Brook,2012-05-17,CLA,North Locality Team,tom@council.example,2024-02-01,student\n"
)


def upload(ui: UI, name: str, content: str) -> None:
    ui.page.get_by_label("CSV export from the case management system").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": content.encode()}]
    )
    ui.press("Import")


def test_manager_imports_cases_from_csv(ui: UI, manager: Any) -> None:
    ui.sign_in(manager, two_step_key=TOTP_KEY)
    ui.page.get_by_role("navigation").get_by_role("link", name="My cases").click()
    ui.check("My cases")
    link(ui, "Import cases from the case management system")
    assert ui.path == "/cases/import/"
    ui.check("Import cases from the case management system")

    ui.press("Import")
    assert ui.error_summary() == ["Choose a CSV file"]
    ui.check("Import cases from the case management system")

    upload(ui, "bad.csv", BAD_CSV)
    assert ui.error_summary() == [
        "The file was not imported: 5 problems found. Nothing has been changed."
    ]
    problems = ui.page.locator("h2:has-text('Problems to fix') + ul li").all_inner_texts()
    assert len(problems) == 5, problems
    assert any("Row 2: date_of_birth" in problem for problem in problems)
    assert any("Row 3: there is no team called ‘Nowhere Team’" in p for p in problems)
    assert any("Row 3: allocation_start is empty" in problem for problem in problems)
    assert not Child.objects.filter(person_id__in=["2000001", "2000002"]).exists()
    ui.check("Import cases from the case management system")

    upload(ui, "good.csv", GOOD_CSV)
    panel = ui.page.locator(".govuk-panel")
    assert "Import complete" in panel.inner_text()
    assert "3 rows: 2 cases created, 1 updated, 0 unchanged" in panel.inner_text()
    assert ui.page.locator(".govuk-error-summary").count() == 0
    ui.check("Import cases from the case management system")
    assert Child.objects.get(person_id="2000002").allocations.get().kind == "co_worker"
