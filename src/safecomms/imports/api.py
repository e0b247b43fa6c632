from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from safecomms.api.auth import api_guard
from safecomms.api.problems import ProblemOut, problem
from safecomms.audit.services import audit_case_view
from safecomms.cases.access import CaseAccess
from safecomms.cases.models import Child
from safecomms.imports import selectors, services
from safecomms.imports.matching import CaseRegister
from safecomms.imports.models import ChatImport, DateOrder, DeletionTask, ImportStatus
from safecomms.imports.views import ASKED_TO_CLEAR, progress_of
from safecomms.web.access import case, signed_in_user

router = Router(tags=["chat imports"])


class SenderOut(Schema):
    label: str
    message_count: int
    address: str
    suggested: str
    reason: str
    chosen: str


class PartyOut(Schema):
    value: str
    label: str


class ChatImportOut(Schema):
    id: int
    child_id: int
    status: ImportStatus
    format: str
    original_name: str
    size: int
    time_zone: str
    date_order: str
    message_count: int
    attachment_count: int
    finding_count: int
    unapproved_count: int
    imported_count: int
    duplicate_count: int
    progress_stage: str
    progress_percent: int
    error_message: str
    warnings: list[str]
    first_message_at: datetime | None
    last_message_at: datetime | None
    created_at: datetime
    finished_at: datetime | None
    deletion_confirmed_at: datetime | None


class FindingOut(Schema):
    category: str
    start: int
    end: int
    rule: str
    severity: str
    message: str


class MessageOut(Schema):
    number: int
    occurred_at: datetime
    sender: str
    party: str
    text: str
    summary: str
    attachments: list[str]
    findings: list[FindingOut]
    unapproved_account: str
    already_on_case: bool


class PreviewOut(Schema):
    chat_import: ChatImportOut
    senders: list[SenderOut]
    parties: list[PartyOut]
    messages: list[MessageOut]
    total: int
    offset: int
    limit: int
    already_on_case: int
    problem: str


class ConfirmIn(Schema):
    senders: dict[str, str] = {}


class DeletionOut(Schema):
    chat_import_id: int
    confirmed_at: datetime | None


def _child(request: HttpRequest) -> Child:
    return request.child  # type: ignore[attr-defined]


def _import(request: HttpRequest, import_id: int) -> ChatImport:
    return get_object_or_404(
        ChatImport.objects.select_related("child", "worker"), pk=import_id, child=_child(request)
    )


def _out(chat_import: ChatImport) -> ChatImportOut:
    stage, percent = progress_of(chat_import)
    task = DeletionTask.objects.filter(chat_import=chat_import).first()
    return ChatImportOut(
        id=chat_import.pk,
        child_id=chat_import.child_id,
        status=ImportStatus(chat_import.status),
        format=chat_import.format,
        original_name=chat_import.original_name,
        size=chat_import.size,
        time_zone=chat_import.time_zone,
        date_order=chat_import.date_order,
        message_count=chat_import.message_count,
        attachment_count=chat_import.attachment_count,
        finding_count=chat_import.finding_count,
        unapproved_count=chat_import.unapproved_count,
        imported_count=chat_import.imported_count,
        duplicate_count=chat_import.duplicate_count,
        progress_stage=stage,
        progress_percent=percent,
        error_message=chat_import.error_message,
        warnings=list(chat_import.warnings),
        first_message_at=chat_import.first_message_at,
        last_message_at=chat_import.last_message_at,
        created_at=chat_import.created_at,
        finished_at=chat_import.finished_at,
        deletion_confirmed_at=task.confirmed_at if task else None,
    )


@router.post(
    "/cases/{child_id}/imports",
    response={201: ChatImportOut, 413: ProblemOut, 422: ProblemOut},
    summary="Upload a chat export for preview",
    description=(
        "Multipart form: `file` (WhatsApp .txt or .zip, SMS Backup & Restore .xml, .eml or "
        ".mbox), `time_zone` (default Europe/London), `date_order` (auto, dmy or mdy) and "
        "`account_identifier` (the number or address you used). Nothing is recorded on the case "
        "until the import is confirmed; a file that cannot be read is refused and not kept."
    ),
)
@api_guard(case(CaseAccess.CONTRIBUTE))
def upload_chat_import(
    request: HttpRequest,
    child_id: int,
    file: UploadedFile | None = File(None),  # noqa: B008
    time_zone: str = Form("Europe/London"),
    date_order: DateOrder = Form(DateOrder.AUTO),  # noqa: B008
    account_identifier: str = Form(""),
) -> Status[ChatImportOut] | Status[ProblemOut]:
    if file is None:
        return problem(ValidationError({"file": ["Send the chat export as the `file` field."]}))
    if file.size is not None and file.size > services.max_upload_bytes():
        return Status(
            413,
            ProblemOut(
                detail=services.too_large_message(),
                errors={"file": [services.too_large_message()]},
            ),
        )
    try:
        chat_import = services.chat_import_upload(
            actor=signed_in_user(request),
            child=_child(request),
            upload=file,
            original_name=file.name or "upload",
            time_zone=time_zone,
            date_order=date_order.value,
            account_identifier=account_identifier,
            request=request,
        )
    except ValidationError as error:
        return problem(error)
    return Status(201, _out(chat_import))


@router.get(
    "/cases/{child_id}/imports/{import_id}",
    response=ChatImportOut,
    summary="The state of a chat import, with its progress",
)
@api_guard(case(CaseAccess.CONTRIBUTE))
def get_chat_import(request: HttpRequest, child_id: int, import_id: int) -> ChatImportOut:
    return _out(_import(request, import_id))


@router.get(
    "/cases/{child_id}/imports/{import_id}/preview",
    response=PreviewOut,
    summary="Preview an upload: senders with suggested matches, messages with screening",
)
@api_guard(case(CaseAccess.CONTRIBUTE))
def preview_chat_import(
    request: HttpRequest, child_id: int, import_id: int, offset: int = 0, limit: int = 100
) -> PreviewOut:
    chat_import = _import(request, import_id)
    register = CaseRegister(
        child=chat_import.child,
        worker=chat_import.worker,
        worker_identifiers=[chat_import.account_identifier],
    )
    limit = min(max(1, limit), 500)
    offset = max(0, offset)
    page = selectors.PreviewPage()
    if chat_import.status == ImportStatus.PREVIEWED:
        page = selectors.preview_page(
            chat_import,
            register=register,
            mapping=chat_import.sender_mapping,
            number=offset // limit + 1,
            per_page=limit,
        )
        audit_case_view(
            actor=request.user,
            child=chat_import.child,
            request=request,
            reason="chat import preview",
        )
    first = (page.number - 1) * limit
    return PreviewOut(
        chat_import=_out(chat_import),
        senders=[
            SenderOut(
                label=sender["label"],
                message_count=sender["count"],
                address=sender["address"],
                suggested=sender["suggested"],
                reason=sender["reason"],
                chosen=chat_import.sender_mapping.get(sender["label"], sender["suggested"]),
            )
            for sender in chat_import.senders
        ],
        parties=[PartyOut(value=party.value, label=party.label) for party in register.parties()],
        messages=[
            MessageOut(
                number=first + number,
                occurred_at=row.message.occurred_at,
                sender=row.message.sender,
                party=row.party,
                text=row.message.text,
                summary=row.message.summary,
                attachments=[attachment.name for attachment in row.message.attachments],
                findings=[FindingOut(**finding.as_dict()) for finding in row.findings],  # type: ignore[arg-type]
                unapproved_account=row.unapproved_account,
                already_on_case=row.duplicate,
            )
            for number, row in enumerate(page.rows, start=1)
        ],
        total=page.total,
        offset=first,
        limit=limit,
        already_on_case=page.duplicates,
        problem=page.problem,
    )


@router.post(
    "/cases/{child_id}/imports/{import_id}/confirm",
    response={202: ChatImportOut, 422: ProblemOut},
    summary="Confirm who each sender is and record the messages on the case",
    description=(
        "`senders` maps a sender's label (as in the preview) to `worker`, `child`, "
        "`person:<id>` or `other`; senders left out keep the suggested match. The import runs "
        "on the task queue: follow its progress with the status operation."
    ),
)
@api_guard(case(CaseAccess.CONTRIBUTE))
def confirm_chat_import(
    request: HttpRequest, child_id: int, import_id: int, payload: ConfirmIn
) -> Status[ChatImportOut] | Status[ProblemOut]:
    try:
        chat_import = services.chat_import_confirm(
            actor=signed_in_user(request),
            chat_import=_import(request, import_id),
            mapping=payload.senders,
            request=request,
        )
    except ValidationError as error:
        return problem(error)
    return Status(202, _out(chat_import))


@router.post(
    "/cases/{child_id}/imports/{import_id}/cancel",
    response={200: ChatImportOut, 422: ProblemOut},
    summary="Cancel an import that has not been confirmed, deleting the uploaded file",
)
@api_guard(case(CaseAccess.CONTRIBUTE))
def cancel_chat_import(
    request: HttpRequest, child_id: int, import_id: int
) -> Status[ChatImportOut] | Status[ProblemOut]:
    try:
        chat_import = services.chat_import_cancel(
            actor=signed_in_user(request), chat_import=_import(request, import_id), request=request
        )
    except ValidationError as error:
        return problem(error)
    return Status(200, _out(chat_import))


@router.post(
    "/cases/{child_id}/imports/{import_id}/device-cleared",
    response={200: DeletionOut, 422: ProblemOut},
    summary="Confirm you have cleared the imported conversation from your device",
)
@api_guard(ASKED_TO_CLEAR)
def confirm_device_cleared(
    request: HttpRequest, child_id: int, import_id: int
) -> Status[DeletionOut] | Status[ProblemOut]:
    user = signed_in_user(request)
    task = get_object_or_404(
        DeletionTask, chat_import_id=import_id, child=_child(request), assignee=user
    )
    if task.is_open:
        try:
            task = services.deletion_confirm(actor=user, task=task, request=request)
        except ValidationError as error:
            return problem(error)
    return Status(
        200, DeletionOut(chat_import_id=task.chat_import_id, confirmed_at=task.confirmed_at)
    )
