"""The case pages as practitioners and managers use them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safecomms.audit.models import AuditEntry
from safecomms.cases.models import Allocation, CasePerson, Child, ContactPoint
from safecomms.staff.models import Role
from tests.factories import (
    AllocationFactory,
    CasePersonFactory,
    ChildFactory,
    MembershipFactory,
    TeamFactory,
    UserFactory,
)
from tests.pages import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_setup():
    team = TeamFactory(name="Children's Team North")
    manager = UserFactory(roles=[Role.TEAM_MANAGER], full_name="Rachel Green")
    team.managers.add(manager)
    MembershipFactory(user=manager, team=team)
    worker = UserFactory(full_name="Jordan Ellis")
    MembershipFactory(user=worker, team=team)
    child = ChildFactory(first_name="Kai", last_name="Walker", person_id="1234567")
    CasePersonFactory(child=child, full_name="Dawn Walker", aliases="Mum, Dee")
    AllocationFactory(child=child, worker=worker, team=team)
    return {"team": team, "manager": manager, "worker": worker, "child": child}


def test_my_cases_and_the_case_page_show_the_record_and_audit_the_view(
    client, pages, team_setup
) -> None:
    worker, child = team_setup["worker"], team_setup["child"]
    sign_in(client, worker)
    assert "Kai Walker" in pages.get(reverse("cases:mine")).content.decode()
    page = pages.get(reverse("cases:detail", args=[child.pk])).content.decode()
    assert "1234567" in page and "Dawn Walker" in page and "also known as Mum, Dee" in page
    assert (
        AuditEntry.objects.filter(
            action="case.viewed", child_id=child.pk, actor_id=worker.pk
        ).count()
        == 1
    )


def test_the_case_page_needs_a_bounded_number_of_queries(
    client, team_setup, django_assert_max_num_queries
) -> None:
    child = team_setup["child"]
    for _ in range(15):
        person = CasePersonFactory(child=child)
        ContactPoint.objects.create(person=person, kind="phone", value="+447700900001")
    sign_in(client, team_setup["worker"])
    with django_assert_max_num_queries(30):
        assert client.get(reverse("cases:detail", args=[child.pk])).status_code == 200


def test_a_manager_opens_a_case_with_clear_errors_first(client, pages, team_setup) -> None:
    sign_in(client, team_setup["manager"])
    page = pages.post(reverse("cases:create"), {}, status=200).content.decode()
    assert "There is a problem" in page and "Enter the person ID" in page
    page = pages.post(
        reverse("cases:create"),
        {"date_of_birth-day": "31", "date_of_birth-month": "2", "date_of_birth-year": "2015"},
        status=200,
    ).content.decode()
    assert "must be a real date" in page
    form = {
        "person_id": "7654321",
        "first_name": "Maya",
        "last_name": "Singh",
        "date_of_birth-day": "3",
        "date_of_birth-month": "9",
        "date_of_birth-year": "2013",
        "legal_status": "cp",
        "team": str(team_setup["team"].pk),
        "worker": str(team_setup["worker"].pk),
        "allocation_start-day": "1",
        "allocation_start-month": "10",
        "allocation_start-year": "2025",
    }
    response = pages.post(reverse("cases:create"), form)
    child = Child.objects.get(person_id="7654321")
    assert response["Location"] == reverse("cases:detail", args=[child.pk])
    assert Allocation.objects.get(child=child).worker == team_setup["worker"]
    duplicate = pages.post(reverse("cases:create"), form, status=200).content.decode()
    assert "already exists" in duplicate


def test_people_and_contact_details_are_added_with_validation(client, pages, team_setup) -> None:
    child = team_setup["child"]
    sign_in(client, team_setup["worker"])
    pages.get(reverse("cases:person-add", args=[child.pk]))
    pages.post(
        reverse("cases:person-add", args=[child.pk]),
        {"full_name": "Lee Walker", "relationship": "father", "aliases": "Big Lee"},
    )
    lee = CasePerson.objects.get(full_name="Lee Walker")
    url = reverse("cases:contact-add", args=[child.pk])
    page = pages.post(
        url, {"belongs_to": str(lee.pk), "kind": "phone", "value": "not a phone"}, status=200
    )
    assert "Enter a phone number" in page.content.decode()
    pages.post(url, {"belongs_to": str(lee.pk), "kind": "phone", "value": "07700 900 982"})
    assert ContactPoint.objects.get(person=lee).value == "+447700900982"
    pages.post(url, {"belongs_to": "child", "kind": "email", "value": "Kai.W@Example.com"})
    assert ContactPoint.objects.get(child=child).value == "kai.w@example.com"


def test_a_manager_allocates_and_ends_an_allocation(client, pages, team_setup) -> None:
    child, team = team_setup["child"], team_setup["team"]
    student = UserFactory(full_name="Alex Morgan")
    MembershipFactory(user=student, team=team)
    sign_in(client, team_setup["manager"])
    pages.get(reverse("cases:allocation-add", args=[child.pk]))
    pages.post(
        reverse("cases:allocation-add", args=[child.pk]),
        {
            "team": str(team.pk),
            "worker": str(student.pk),
            "kind": "student",
            "start_date-day": "1",
            "start_date-month": "1",
            "start_date-year": "2025",
        },
    )
    allocation = Allocation.objects.get(worker=student)
    url = reverse("cases:allocation-end", args=[child.pk, allocation.pk])
    page = pages.post(
        url, {"end_date-day": "1", "end_date-month": "1", "end_date-year": "2024"}, status=200
    )
    assert "cannot end before it started" in page.content.decode()
    pages.post(url, {"end_date-day": "2", "end_date-month": "1", "end_date-year": "2025"})
    allocation.refresh_from_db()
    assert allocation.end_date.isoformat() == "2025-01-02"
    assert AuditEntry.objects.filter(action="allocation.ended").exists()


def test_csv_import_page_lists_problems_or_the_summary(client, pages, team_setup) -> None:
    sign_in(client, team_setup["manager"])
    url = reverse("cases:import")
    pages.get(url)
    header = "person_id,first_name,last_name,date_of_birth,legal_status,team,worker_email,allocation_start\n"
    bad = SimpleUploadedFile(
        "export.csv",
        (header + "1,A,B,2012-01-01,??,Children's Team North,x@y.z,2024-01-01\n").encode(),
    )
    page = pages.post(url, {"file": bad}, status=200).content.decode()
    assert "Nothing has been changed" in page and "Row 2" in page
    good_row = (
        f"2,Ann,Bee,2012-01-01,CIN,Children's Team North,{team_setup['worker'].email},2024-01-01\n"
    )
    page = pages.post(
        url, {"file": SimpleUploadedFile("export.csv", (header + good_row).encode())}, status=200
    )
    assert "1 cases created" in page.content.decode()


def test_teams_pages_show_members_and_caseload(client, pages, team_setup) -> None:
    sign_in(client, team_setup["manager"])
    assert "Children&#x27;s Team North" in pages.get(reverse("staff:teams")).content.decode()
    page = pages.get(reverse("staff:team-detail", args=[team_setup["team"].pk])).content.decode()
    assert "Jordan Ellis" in page and "Kai Walker" in page
