"""Communication records and the chronology over the API, under the pages' access rules."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from safecomms.api.auth import api_guard
from safecomms.audit.services import audit_case_view
from safecomms.cases.access import CaseAccess
from safecomms.cases.models import CasePerson, Child
from safecomms.communications import selectors, services
from safecomms.communications.models import Communication, Direction, Flag, Kind, Platform
from safecomms.communications.selectors import ChronologyEntry, ChronologyFilters
from safecomms.communications.views import RECORDER_OR_CASE_MANAGER
from safecomms.devices.models import Device
from safecomms.web.access import case, signed_in_user

router = Router(tags=["communications"])


class FindingOut(Schema):
    category: str
    start: int
    end: int
    rule_id: str
    severity: str
    message: str


class FlagOut(Schema):
    id: int
    code: str
    rule_id: str
    message: str
    raised_at: datetime
    is_open: bool
    outcome: str
    clearing_note: str


class AddendumOut(Schema):
    id: int
    author_email: str
    text: str
    created_at: datetime


class CommunicationOut(Schema):
    id: int
    child_id: int
    status: str
    occurred_at: datetime
    kind: str
    platform: str
    direction: str
    worker_email: str
    recorded_by_email: str
    account_identifier: str
    approved_account: bool
    covered_by_exception: bool
    device_id: int | None
    device_description: str
    is_virtual_visit: bool
    summary: str
    content: str
    includes_child: bool
    people: list[int]
    in_reply_to: int | None
    responses: list[int]
    completed_at: datetime | None
    source: str
    findings: list[FindingOut]
    flags: list[FlagOut]
    addenda: list[AddendumOut]


class CommunicationSummaryOut(Schema):
    id: int
    status: str
    occurred_at: datetime
    kind: str
    platform: str
    direction: str
    is_virtual_visit: bool
    summary: str
    open_flags: list[str]

    @staticmethod
    def resolve_open_flags(obj: Communication) -> list[str]:
        return [flag.code for flag in getattr(obj, "open_flag_list", [])]


class CommunicationIn(Schema):
    occurred_at: datetime
    kind: Kind
    platform: Platform
    direction: Direction
    summary: str = Field("", max_length=200)
    content: str = ""
    includes_child: bool = True
    people: list[int] = Field(default_factory=list, description="Ids of people on the case")
    is_virtual_visit: bool = False
    account_identifier: str = Field("", max_length=254)
    device_id: int | None = Field(None, description="A council device's id, if one was used")
    device_description: str = Field("", max_length=120)
    in_reply_to: int | None = None
    complete: bool = Field(False, description="Complete the record at once (it cannot then change)")


class AddendumIn(Schema):
    text: str = Field(min_length=1)


class ChronologyQuery(Schema):
    kind: str = ""
    platform: str = ""
    person: str = ""
    flag: str = ""
    order: str = "oldest"
    page: int = Field(1, ge=1)
    per_page: int = Field(50, ge=1, le=200)


class ChronologyItemOut(Schema):
    at: datetime
    type: str
    communication_id: int | None
    exception_id: int | None
    description: str
    open_flags: list[str]


class ChronologyOut(Schema):
    count: int
    page: int
    pages: int
    items: list[ChronologyItemOut]


def _child(request: HttpRequest) -> Child:
    return request.child  # type: ignore[attr-defined]


def _invalid(error: ValidationError) -> HttpError:
    return HttpError(422, "; ".join(error.messages))


def _out(communication: Communication) -> CommunicationOut:
    return CommunicationOut(
        id=communication.pk,
        child_id=communication.child_id,
        status=communication.status,
        occurred_at=communication.occurred_at,
        kind=communication.kind,
        platform=communication.platform,
        direction=communication.direction,
        worker_email=communication.worker.email,
        recorded_by_email=communication.recorded_by.email,
        account_identifier=communication.account_identifier,
        approved_account=communication.account_id is not None,
        covered_by_exception=communication.exception_id is not None,
        device_id=communication.device_id,
        device_description=communication.device_description,
        is_virtual_visit=communication.is_virtual_visit,
        summary=communication.summary,
        content=communication.content,
        includes_child=communication.includes_child,
        people=[p.pk for p in communication.people.all()],
        in_reply_to=communication.in_reply_to_id,
        responses=[r.pk for r in communication.responses.all()],
        completed_at=communication.completed_at,
        source=communication.source,
        findings=[
            FindingOut(
                category=f.category,
                start=f.start,
                end=f.end,
                rule_id=f.rule_id,
                severity=f.severity,
                message=f.message,
            )
            for f in communication.findings.all()
        ],
        flags=[
            FlagOut(
                id=f.pk,
                code=f.code,
                rule_id=f.rule_id,
                message=f.message,
                raised_at=f.raised_at,
                is_open=f.is_open,
                outcome=f.outcome,
                clearing_note=f.clearing_note,
            )
            for f in communication.flags.all()
        ],
        addenda=[
            AddendumOut(id=a.pk, author_email=a.author.email, text=a.text, created_at=a.created_at)
            for a in communication.addenda.all()
        ],
    )


def _detail(child: Child, communication_id: int) -> Communication:
    try:
        return selectors.communication_detail(child, communication_id)
    except Communication.DoesNotExist:
        raise HttpError(404, "No such record on this case") from None


@router.get(
    "/cases/{child_id}/communications",
    response=list[CommunicationSummaryOut],
    summary="A case's communication records, oldest first",
)
@api_guard(case(CaseAccess.CONTRIBUTE))
@paginate(LimitOffsetPagination)
def list_communications(request: HttpRequest, child_id: int) -> object:
    child = _child(request)
    audit_case_view(actor=request.user, child=child, request=request)
    return (
        Communication.objects.filter(child=child)
        .prefetch_related(Prefetch("flags", queryset=Flag.objects.open(), to_attr="open_flag_list"))
        .order_by("occurred_at", "pk")
    )


@router.post(
    "/cases/{child_id}/communications",
    response={201: CommunicationOut},
    summary="Record a communication on a case (a draft unless `complete` is set)",
)
@api_guard(case(CaseAccess.CONTRIBUTE))
def create_communication(
    request: HttpRequest, child_id: int, payload: CommunicationIn
) -> Status[CommunicationOut]:
    child = _child(request)
    user = signed_in_user(request)
    people = list(CasePerson.objects.filter(child=child, pk__in=payload.people))
    if len(people) != len(set(payload.people)):
        raise HttpError(422, "Every person must be on this child's case")
    device = None
    if payload.device_id is not None:
        device = Device.objects.filter(pk=payload.device_id).first()
        if device is None:
            raise HttpError(422, "There is no device with that id on the register")
    in_reply_to = None
    if payload.in_reply_to is not None:
        in_reply_to = Communication.objects.filter(child=child, pk=payload.in_reply_to).first()
        if in_reply_to is None:
            raise HttpError(422, "A response must answer a record on the same case")
    try:
        communication = services.communication_record(
            actor=user,
            child=child,
            occurred_at=payload.occurred_at,
            kind=payload.kind.value,
            platform=payload.platform.value,
            direction=payload.direction.value,
            summary=payload.summary,
            content=payload.content,
            people=people,
            includes_child=payload.includes_child,
            is_virtual_visit=payload.is_virtual_visit,
            account_identifier=payload.account_identifier,
            device=device,
            device_description=payload.device_description,
            in_reply_to=in_reply_to,
            request=request,
        )
        if payload.complete:
            services.communication_complete(
                actor=user, communication=communication, request=request
            )
    except ValidationError as error:
        raise _invalid(error) from None
    return Status(201, _out(_detail(child, communication.pk)))


@router.get(
    "/cases/{child_id}/communications/{communication_id}",
    response=CommunicationOut,
    summary="One communication record with its findings, flags and addenda",
)
@api_guard(case(CaseAccess.CONTRIBUTE))
def get_communication(
    request: HttpRequest, child_id: int, communication_id: int
) -> CommunicationOut:
    child = _child(request)
    communication = _detail(child, communication_id)
    audit_case_view(actor=request.user, child=child, request=request)
    return _out(communication)


@router.post(
    "/cases/{child_id}/communications/{communication_id}/complete",
    response=CommunicationOut,
    summary="Complete a draft; completing a completed record changes nothing",
)
@api_guard(RECORDER_OR_CASE_MANAGER)
def complete_communication(
    request: HttpRequest, child_id: int, communication_id: int
) -> CommunicationOut:
    child = _child(request)
    communication = _detail(child, communication_id)
    if not communication.is_completed:
        services.communication_complete(
            actor=signed_in_user(request), communication=communication, request=request
        )
    return _out(_detail(child, communication_id))


@router.post(
    "/cases/{child_id}/communications/{communication_id}/addenda",
    response={201: AddendumOut},
    summary="Add an addendum to a completed record",
)
@api_guard(case(CaseAccess.CONTRIBUTE))
def add_addendum(
    request: HttpRequest, child_id: int, communication_id: int, payload: AddendumIn
) -> Status[AddendumOut]:
    communication = _detail(_child(request), communication_id)
    try:
        addendum = services.addendum_add(
            actor=signed_in_user(request),
            communication=communication,
            text=payload.text,
            request=request,
        )
    except ValidationError as error:
        raise _invalid(error) from None
    return Status(
        201,
        AddendumOut(
            id=addendum.pk,
            author_email=addendum.author.email,
            text=addendum.text,
            created_at=addendum.created_at,
        ),
    )


def _item(entry: ChronologyEntry) -> ChronologyItemOut:
    if entry.communication is not None:
        c = entry.communication
        return ChronologyItemOut(
            at=entry.at,
            type="communication",
            communication_id=c.pk,
            exception_id=None,
            description=f"{c.get_kind_display()} ({c.get_platform_display()}), "
            f"{c.get_direction_display().lower()}: {c.summary}",
            open_flags=[f.code for f in getattr(c, "open_flags", [])],
        )
    e = entry.exception
    assert e is not None
    return ChronologyItemOut(
        at=entry.at,
        type="exception_decision",
        communication_id=None,
        exception_id=e.pk,
        description=f"Exception {e.get_status_display().lower()}: {e.get_channel_display().lower()}",
        open_flags=[],
    )


@router.get(
    "/cases/{child_id}/chronology",
    response=ChronologyOut,
    summary="The case chronology: communications and signed-off exception decisions",
)
@api_guard(case(CaseAccess.CONTRIBUTE))
def get_chronology(
    request: HttpRequest, child_id: int, query: Query[ChronologyQuery]
) -> ChronologyOut:
    child = _child(request)
    audit_case_view(actor=request.user, child=child, request=request, reason="chronology")
    filters = ChronologyFilters.from_query(query.dict())
    page = selectors.chronology_page(child, filters, page=query.page, per_page=query.per_page)
    return ChronologyOut(
        count=page.total,
        page=page.number,
        pages=page.page_count,
        items=[_item(entry) for entry in page.entries],
    )
