from datetime import date

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from safecomms.api.auth import api_guard
from safecomms.audit.services import audit_case_view
from safecomms.cases import selectors, services
from safecomms.cases.access import CaseAccess
from safecomms.cases.models import CasePerson, Child, Relationship
from safecomms.web.access import SIGNED_IN, case

router = Router(tags=["cases"])


class AllocationOut(Schema):
    worker_email: str
    worker_name: str
    team: str
    kind: str
    start_date: date
    end_date: date | None


class ContactPointOut(Schema):
    kind: str
    value: str
    label: str


class PersonOut(Schema):
    id: int
    full_name: str
    relationship: str
    aliases: list[str]
    has_parental_responsibility: bool
    contact_points: list[ContactPointOut]


class CaseSummaryOut(Schema):
    id: int
    person_id: str
    first_name: str
    last_name: str
    legal_status: str


class CaseOut(CaseSummaryOut):
    preferred_name: str
    date_of_birth: date | None
    contact_points: list[ContactPointOut]
    people: list[PersonOut]
    allocations: list[AllocationOut]


class PersonIn(Schema):
    full_name: str = Field(min_length=1, max_length=150)
    relationship: Relationship
    aliases: str = ""
    has_parental_responsibility: bool = False


def _person(person: CasePerson) -> PersonOut:
    return PersonOut(
        id=person.pk,
        full_name=person.full_name,
        relationship=person.relationship,
        aliases=person.alias_list,
        has_parental_responsibility=person.has_parental_responsibility,
        contact_points=[
            ContactPointOut(kind=p.kind, value=p.value, label=p.label)
            for p in person.contact_points.all()
        ],
    )


@router.get("", response=list[CaseSummaryOut], summary="Cases you can read")
@api_guard(SIGNED_IN)
@paginate(LimitOffsetPagination)
def list_cases(request: HttpRequest) -> object:
    return selectors.my_cases(request.user).order_by("last_name", "first_name", "pk")  # type: ignore[arg-type]


@router.get("/{child_id}", response=CaseOut, summary="One child's case record")
@api_guard(case(CaseAccess.CONTRIBUTE))
def get_case(request: HttpRequest, child_id: int) -> CaseOut:
    child: Child = selectors.case_record(request.child)  # type: ignore[attr-defined]
    audit_case_view(actor=request.user, child=child, request=request)
    return CaseOut(
        id=child.pk,
        person_id=child.person_id,
        first_name=child.first_name,
        last_name=child.last_name,
        preferred_name=child.preferred_name,
        legal_status=child.legal_status,
        date_of_birth=child.date_of_birth,
        contact_points=[
            ContactPointOut(kind=p.kind, value=p.value, label=p.label)
            for p in child.contact_points.all()
        ],
        people=[_person(p) for p in child.people.all()],
        allocations=[
            AllocationOut(
                worker_email=a.worker.email,
                worker_name=a.worker.full_name,
                team=a.team.name,
                kind=a.kind,
                start_date=a.start_date,
                end_date=a.end_date,
            )
            for a in child.allocations.all()
        ],
    )


@router.post(
    "/{child_id}/people", response={201: PersonOut}, summary="Add a person to a child's case"
)
@api_guard(case(CaseAccess.MANAGE))
def add_person(request: HttpRequest, child_id: int, payload: PersonIn) -> Status[PersonOut]:
    person = services.case_person_add(
        actor=request.user,  # type: ignore[arg-type]
        child=request.child,  # type: ignore[attr-defined]
        full_name=payload.full_name,
        relationship=payload.relationship.value,
        aliases=payload.aliases,
        has_parental_responsibility=payload.has_parental_responsibility,
        request=request,
    )
    return Status(201, _person(person))
