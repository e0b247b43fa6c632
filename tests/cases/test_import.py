import pytest

from safecomms.audit.models import AuditEntry
from safecomms.cases.case_import import CaseImportError, cases_import
from safecomms.cases.models import Allocation, Child
from safecomms.staff.models import Role
from tests.factories import MembershipFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADER = "person_id,first_name,last_name,date_of_birth,legal_status,team,worker_email,allocation_start,allocation_end\n"


@pytest.fixture
def manager():
    team = TeamFactory(name="Children's Team North")
    TeamFactory(name="Children's Team South")
    manager = UserFactory(roles=[Role.TEAM_MANAGER])
    team.managers.add(manager)
    for email in ("jo@council.example", "sam@council.example"):
        MembershipFactory(user=UserFactory(email=email), team=team)
    return manager


def test_import_creates_children_and_allocations_and_audits_them(manager) -> None:
    data = (
        HEADER
        + "1234567,Kai,Walker,2012-03-04,CIN,Children's Team North,jo@council.example,2024-01-10,\n"
        + "1234568,Lily,Walker,05/06/2014,CP,children's team north,SAM@council.example,10/01/2024,\n"
    ).encode()
    summary = cases_import(actor=manager, data=data)
    assert (summary.children_created, summary.allocations_created) == (2, 2)
    kai = Child.objects.get(person_id="1234567")
    assert kai.legal_status == "cin" and kai.date_of_birth.isoformat() == "2012-03-04"
    assert AuditEntry.objects.filter(action="case.imported").count() == 2


def test_reimport_updates_rather_than_duplicates(manager) -> None:
    row = "1234567,Kai,Walker,2012-03-04,CIN,Children's Team North,jo@council.example,2024-01-10,{end}\n"
    cases_import(actor=manager, data=(HEADER + row.format(end="")).encode())
    summary = cases_import(
        actor=manager, data=(HEADER + row.format(end="2024-06-30").replace("CIN", "CP")).encode()
    )
    assert Child.objects.count() == 1 and Allocation.objects.count() == 1
    assert (summary.children_updated, summary.allocations_updated) == (1, 1)
    assert Child.objects.get().legal_status == "cp"
    again = cases_import(
        actor=manager, data=(HEADER + row.format(end="2024-06-30").replace("CIN", "CP")).encode()
    )
    assert (again.children_unchanged, again.children_updated, again.allocations_updated) == (
        1,
        0,
        0,
    )


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (
            "1,A,B,2012-03-04,XYZ,Children's Team North,jo@council.example,2024-01-10,",
            "legal_status ‘XYZ’",
        ),
        ("1,A,B,2012-03-04,CIN,No Such Team,jo@council.example,2024-01-10,", "no team called"),
        (
            "1,A,B,2012-03-04,CIN,Children's Team South,jo@council.example,2024-01-10,",
            "you do not manage",
        ),
        (
            "1,A,B,2012-03-04,CIN,Children's Team North,nobody@council.example,2024-01-10,",
            "no active staff member",
        ),
        (
            "1,A,B,31/02/2012,CIN,Children's Team North,jo@council.example,2024-01-10,",
            "is not a date",
        ),
        (
            "1,A,B,2012-03-04,CIN,Children's Team North,jo@council.example,2024-01-10,2023-01-01",
            "before allocation_start",
        ),
        (
            ",A,B,2012-03-04,CIN,Children's Team North,jo@council.example,2024-01-10,",
            "person_id is empty",
        ),
    ],
)
def test_a_bad_row_names_its_problem_and_nothing_changes(manager, row: str, problem: str) -> None:
    good = "9,Good,Row,2012-03-04,CIN,Children's Team North,jo@council.example,2024-01-10,\n"
    with pytest.raises(CaseImportError) as error:
        cases_import(actor=manager, data=(HEADER + good + row + "\n").encode())
    assert any(problem in p and p.startswith("Row 3") for p in error.value.problems), (
        error.value.problems
    )
    assert not Child.objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"name,age\nx,1\n", "no column named"),
        (HEADER.encode(), "no rows"),
        (b"\xff\xfe\x00\x00garbage" * 3, "no column named"),
    ],
)
def test_files_that_are_not_exports_are_refused_clearly(manager, data: bytes, problem: str) -> None:
    with pytest.raises(CaseImportError) as error:
        cases_import(actor=manager, data=data)
    assert problem in " ".join(error.value.problems)
