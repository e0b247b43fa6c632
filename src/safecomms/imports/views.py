"""Chat import pages: upload, preview and confirm, progress, cancel, and clearing the device."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from safecomms.audit.services import audit_case_view
from safecomms.cases.access import CaseAccess
from safecomms.cases.models import Child
from safecomms.imports import selectors, services
from safecomms.imports.forms import CancelForm, DeletionForm, SenderForm, UploadForm
from safecomms.imports.matching import WORKER, CaseRegister
from safecomms.imports.models import ChatImport, DeletionTask, ImportStatus
from safecomms.imports.progress import progress_read
from safecomms.imports.selectors import local_time
from safecomms.staff.models import User
from safecomms.web.access import AccessRule, case, guard
from safecomms.web.components import render_component, summary_list, table
from safecomms.web.forms import posted

SEVERITY_COLOURS = {"block": "red", "warn": "orange", "info": "grey"}
STATUS_COLOURS = {
    ImportStatus.PENDING: "grey",
    ImportStatus.PREVIEWED: "blue",
    ImportStatus.IMPORTING: "light-blue",
    ImportStatus.IMPORTED: "green",
    ImportStatus.FAILED: "red",
    ImportStatus.CANCELLED: "grey",
}


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _child(request: HttpRequest) -> Child:
    return request.child  # type: ignore[attr-defined]


def _import(request: HttpRequest, import_id: int) -> ChatImport:
    return get_object_or_404(
        ChatImport.objects.select_related("child", "worker", "uploaded_by"),
        pk=import_id,
        child=_child(request),
    )


def _case_url(child: Child) -> str:
    return reverse("cases:detail", args=[child.pk])


def records_url(child: Child) -> str:
    """Where the case's communication records are listed."""
    try:
        return reverse("communications:chronology", args=[child.pk])
    except NoReverseMatch:
        return _case_url(child)


def _tag(text: str, colour: str) -> SafeString:
    return render_component("tag", {"text": text, "classes": f"govuk-tag--{colour}"})


def status_tag(chat_import: ChatImport) -> SafeString:
    return _tag(chat_import.get_status_display(), STATUS_COLOURS[ImportStatus(chat_import.status)])


class LimitedUploadHandler(FileUploadHandler):
    """Stops reading an uploaded file once it passes the size limit, so it never fills the disc."""

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.request.upload_too_large = True  # type: ignore[union-attr]
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


EXPORT_HELP = mark_safe(
    '<ul class="govuk-list govuk-list--bullet">'
    "<li>WhatsApp: open the chat, select the menu or the contact's name, then Export chat. "
    "Choose Include media to bring photos and documents, and save the .zip (or .txt).</li>"
    "<li>Text messages on Android: use SMS Backup &amp; Restore to back up the conversation "
    "and upload the .xml file it makes.</li>"
    "<li>E-mail: save the e-mail as a file (.eml), or export a folder as a mailbox (.mbox).</li>"
    "</ul>"
)


# Upload --------------------------------------------------------------------------------------


def _imports_table(child: Child) -> dict[str, Any] | None:
    rows = []
    for chat_import in selectors.imports_on_case(child):
        if chat_import.status == ImportStatus.PREVIEWED:
            href = reverse("imports:preview", args=[child.pk, chat_import.pk])
        else:
            href = reverse("imports:status", args=[child.pk, chat_import.pk])
        rows.append(
            [
                format_html(
                    '<a class="govuk-link" href="{}">{}</a>', href, chat_import.original_name
                ),
                local_time(chat_import.created_at),
                chat_import.uploaded_by.full_name,
                str(chat_import.message_count),
                status_tag(chat_import),
            ]
        )
    if not rows:
        return None
    return table(
        caption="Earlier imports on this case",
        head=["File", "Uploaded", "By", "Messages", "Status"],
        rows=rows,
    )


@require_http_methods(["GET", "POST"])
@guard(case(CaseAccess.CONTRIBUTE))
@csrf_exempt
def upload(request: HttpRequest, child_id: int) -> HttpResponse:
    # The size limit applies while the file arrives, before the CSRF check reads the form.
    limited = LimitedUploadHandler(request, services.max_upload_bytes())
    request.upload_handlers = [limited, *request.upload_handlers]
    return _upload(request, child_id)


@csrf_protect
def _upload(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _child(request)
    data, files = posted(request), request.FILES if request.method == "POST" else None
    # Reading the form above runs the upload handlers, which note an oversize file.
    form = UploadForm(data, files, too_large=bool(getattr(request, "upload_too_large", False)))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            chat_import = services.chat_import_upload(
                actor=_user(request),
                child=child,
                upload=data["file"],
                original_name=data["file"].name,
                time_zone=data["time_zone"],
                date_order=data["date_order"],
                account_identifier=data["account_identifier"],
                request=request,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
        else:
            return redirect("imports:preview", child_id=child.pk, import_id=chat_import.pk)
    return render(
        request,
        "imports/upload.html",
        {
            "form": form,
            "child": child,
            "child_url": _case_url(child),
            "imports": _imports_table(child),
            "export_help": EXPORT_HELP,
        },
    )


# Preview and confirm -------------------------------------------------------------------------


def _findings_cell(row: selectors.PreviewRow) -> SafeString:
    items: list[SafeString] = []
    if row.duplicate:
        items.append(
            format_html("{} Already on the case: it will be skipped", _tag("Skipped", "grey"))
        )
    if row.unapproved_account:
        items.append(
            format_html(
                "{} {} is not an account approved for this work (rule 5.1-approved-accounts)",
                _tag("Account not approved", "red"),
                row.unapproved_account,
            )
        )
    for finding in row.findings:
        label = str(finding.category).replace("_", " ")
        items.append(
            format_html(
                "{} {}",
                _tag(label.capitalize(), SEVERITY_COLOURS.get(str(finding.severity), "grey")),
                finding.message,
            )
        )
    if not items:
        return mark_safe("None")
    return format_html(
        '<ul class="govuk-list govuk-list--spaced">{}</ul>',
        format_html_join("", "<li>{}</li>", ((item,) for item in items)),
    )


def _message_cell(row: selectors.PreviewRow) -> SafeString:
    message = row.message
    parts = []
    if message.summary:
        parts.append(
            format_html('<p class="govuk-body govuk-!-font-weight-bold">{}</p>', message.summary)
        )
    if message.text:
        parts.append(mark_safe(linebreaks(message.text, autoescape=True)))
    if message.attachments:
        names = ", ".join(attachment.name for attachment in message.attachments)
        parts.append(format_html('<p class="govuk-body-s">Attached: {}</p>', names))
    return mark_safe("".join(parts)) if parts else mark_safe("")


def _preview_table(page: selectors.PreviewPage, register: CaseRegister) -> dict[str, Any]:
    rows = []
    for row in page.rows:
        who = register.label_of(row.party)
        rows.append(
            [
                local_time(row.message.occurred_at),
                format_html(
                    '{}<br><span class="govuk-hint govuk-!-font-size-16">{}</span>',
                    row.message.sender,
                    who,
                ),
                _message_cell(row),
                _findings_cell(row),
            ]
        )
    first = (page.number - 1) * selectors.PER_PAGE + 1
    last = first + len(page.rows) - 1
    return table(
        caption=f"Messages {first} to {last} of {page.total}",
        head=["Sent", "From", "Message", "Screening"],
        rows=rows,
    )


def _pagination(request: HttpRequest, page: selectors.PreviewPage) -> dict[str, Any] | None:
    if page.pages <= 1:
        return None

    def href(number: int) -> str:
        return f"{request.path}?page={number}#messages"

    numbers = sorted(
        {1, page.pages, *range(max(1, page.number - 2), min(page.pages, page.number + 2) + 1)}
    )
    items: list[dict[str, Any]] = []
    previous = 0
    for number in numbers:
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": href(number), "current": number == page.number})
        previous = number
    params: dict[str, Any] = {"items": items, "landmarkLabel": "Pages of messages"}
    if page.number > 1:
        params["previous"] = {"href": href(page.number - 1)}
    if page.number < page.pages:
        params["next"] = {"href": href(page.number + 1)}
    return params


@require_http_methods(["GET", "POST"])
@guard(case(CaseAccess.CONTRIBUTE))
def preview(request: HttpRequest, child_id: int, import_id: int) -> HttpResponse:
    child = _child(request)
    chat_import = _import(request, import_id)
    if chat_import.status != ImportStatus.PREVIEWED:
        return redirect("imports:status", child_id=child.pk, import_id=chat_import.pk)
    register = CaseRegister(
        child=child,
        worker=chat_import.worker,
        worker_identifiers=[chat_import.account_identifier],
    )
    form = SenderForm(posted(request), chat_import=chat_import, register=register)
    if request.method == "POST" and form.is_valid():
        try:
            services.chat_import_confirm(
                actor=_user(request),
                chat_import=chat_import,
                mapping=form.mapping(),
                request=request,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            return redirect("imports:status", child_id=child.pk, import_id=chat_import.pk)
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 1
    page = selectors.preview_page(
        chat_import, register=register, mapping=form.mapping(), number=number
    )
    audit_case_view(actor=request.user, child=child, request=request, reason="chat import preview")
    period = (
        f"{local_time(chat_import.first_message_at)} to {local_time(chat_import.last_message_at)}"
    )
    details = summary_list(
        [
            ("File", f"{chat_import.original_name} ({services.size_text(chat_import.size)})"),
            ("Type", chat_import.get_format_display()),
            ("Messages", str(chat_import.message_count)),
            ("Period", f"{period} ({chat_import.time_zone})"),
            ("Attachments", str(chat_import.attachment_count)),
            ("Messages with screening findings", str(chat_import.finding_count)),
            ("Messages from an account not approved", str(chat_import.unapproved_count)),
        ]
    )
    worker_is_sender = WORKER in form.mapping().values()
    context = {
        "child": child,
        "child_url": _case_url(child),
        "chat_import": chat_import,
        "form": form,
        "details": details,
        "page": page,
        "messages_table": _preview_table(page, register) if page.rows else None,
        "pagination": _pagination(request, page),
        "new_count": page.total - page.duplicates,
        "no_account": not chat_import.account_identifier
        and chat_import.format in {"whatsapp", "sms_backup"},
        "worker_is_sender": worker_is_sender,
        "unapproved_text": (
            f"{chat_import.unapproved_count} message"
            f"{'s were' if chat_import.unapproved_count != 1 else ' was'} sent or received on an "
            "account that is not approved for your work, and no exception covers it. They will "
            "be recorded and flagged for your manager (rule 5.1-approved-accounts)."
        ),
        "import_button": (
            f"Import {page.total - page.duplicates} message"
            f"{'s' if page.total - page.duplicates != 1 else ''} to the case"
        ),
        "cancel_url": reverse("imports:cancel", args=[child.pk, chat_import.pk]),
    }
    return render(request, "imports/preview.html", context)


# Progress ------------------------------------------------------------------------------------

STAGES = {
    "queued": "Waiting to start",
    "checking": "Checking which messages are already on the case",
    "preparing": "Reading messages and storing attachments",
    "recording": "Recording messages on the case and screening them",
    "done": "Finishing",
}


def progress_of(chat_import: ChatImport) -> tuple[str, int]:
    """What the import is doing and how far it has got, as a percentage."""
    if chat_import.status == ImportStatus.IMPORTED:
        return "Imported", 100
    if chat_import.status != ImportStatus.IMPORTING:
        return chat_import.get_status_display(), 0
    live = progress_read(chat_import.pk)
    if live is None:
        return STAGES["queued"], chat_import.progress_percent
    return STAGES.get(live.stage, live.stage), live.percent


def _steps(chat_import: ChatImport, child: Child, task: DeletionTask | None) -> dict[str, Any]:
    def status(text: str, colour: str | None = None) -> dict[str, Any]:
        if colour is None:
            return {"text": text}
        return {"tag": {"text": text, "classes": f"govuk-tag--{colour}"}}

    imported = chat_import.status == ImportStatus.IMPORTED
    record_status = {
        ImportStatus.IMPORTING: status("In progress", "light-blue"),
        ImportStatus.IMPORTED: status("Completed"),
        ImportStatus.FAILED: status("Failed", "red"),
        ImportStatus.CANCELLED: status("Cancelled", "grey"),
    }.get(ImportStatus(chat_import.status), status("Not yet started", "grey"))
    items: list[dict[str, Any]] = [
        {"title": {"text": "Upload the chat export"}, "status": status("Completed")},
        {
            "title": {"text": "Check who each sender is and the screening"},
            "status": status("Completed")
            if chat_import.confirmed_at
            else status("Cancelled", "grey"),
        },
        {"title": {"text": "Record the messages on the case"}, "status": record_status},
    ]
    if task is not None:
        clear: dict[str, Any] = {
            "title": {"text": "Clear the conversation from the device"},
            "status": status("Completed") if task.confirmed_at else status("To do", "blue"),
        }
        if task.confirmed_at is None:
            clear["href"] = reverse("imports:deletion", args=[child.pk, chat_import.pk])
        items.append(clear)
    elif imported:
        items.append(
            {
                "title": {"text": "Clear the conversation from the device"},
                "hint": {"text": "Every message was already on the case."},
                "status": status("Not needed"),
            }
        )
    return {"items": items, "idPrefix": "import-steps"}


@require_http_methods(["GET"])
@guard(case(CaseAccess.CONTRIBUTE))
def status(request: HttpRequest, child_id: int, import_id: int) -> HttpResponse:
    child = _child(request)
    chat_import = _import(request, import_id)
    task = DeletionTask.objects.filter(chat_import=chat_import).first()
    stage, percent = progress_of(chat_import)
    headings = {
        ImportStatus.IMPORTING: "Importing the chat export",
        ImportStatus.IMPORTED: "Chat export imported",
        ImportStatus.FAILED: "The chat export was not imported",
        ImportStatus.CANCELLED: "Import cancelled",
    }
    imported = chat_import.imported_count
    result_text = f"{imported} message{'s' if imported != 1 else ''} recorded on the case" + (
        f"; {chat_import.duplicate_count} already on the case"
        if chat_import.duplicate_count
        else ""
    )
    context = {
        "heading": headings.get(ImportStatus(chat_import.status), "Chat import"),
        "result_text": result_text,
        "error_list": [{"text": chat_import.error_message or "The import did not finish."}],
        "clear_text": format_html(
            'Now clear the conversation from your phone or app, then <a class="govuk-link" '
            'href="{}">confirm you have cleared it</a>.',
            reverse("imports:deletion", args=[child.pk, chat_import.pk]),
        ),
        "child": child,
        "child_url": _case_url(child),
        "records_url": records_url(child),
        "chat_import": chat_import,
        "stage": stage,
        "percent": percent,
        "steps": _steps(chat_import, child, task),
        "task": task,
        "is_assignee": task is not None and task.assignee_id == request.user.pk,
        "status_api": reverse(
            "api:get_chat_import", kwargs={"child_id": child.pk, "import_id": chat_import.pk}
        ),
        "upload_url": reverse("imports:upload", args=[child.pk]),
    }
    return render(request, "imports/status.html", context)


# Cancel --------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@guard(case(CaseAccess.CONTRIBUTE))
def cancel(request: HttpRequest, child_id: int, import_id: int) -> HttpResponse:
    child = _child(request)
    chat_import = _import(request, import_id)
    if chat_import.status not in {ImportStatus.PENDING, ImportStatus.PREVIEWED}:
        return redirect("imports:status", child_id=child.pk, import_id=chat_import.pk)
    form = CancelForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.chat_import_cancel(
                actor=_user(request), chat_import=chat_import, request=request
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, "The import was cancelled and the uploaded file has been deleted."
            )
            return redirect("cases:detail", child_id=child.pk)
    return render(
        request,
        "imports/cancel.html",
        {
            "form": form,
            "child": child,
            "chat_import": chat_import,
            "back_url": reverse("imports:preview", args=[child.pk, chat_import.pk]),
        },
    )


# Clearing the device -------------------------------------------------------------------------


def _asked_to_clear(request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    return DeletionTask.objects.filter(
        chat_import_id=kwargs["import_id"],
        child_id=kwargs["child_id"],
        assignee_id=request.user.pk,
    ).exists()


ASKED_TO_CLEAR = AccessRule(
    "the person asked to clear the conversation",
    case_level=CaseAccess.CONTRIBUTE,
    predicate=_asked_to_clear,
)


@require_http_methods(["GET", "POST"])
@guard(ASKED_TO_CLEAR)
def deletion(request: HttpRequest, child_id: int, import_id: int) -> HttpResponse:
    child = _child(request)
    chat_import = _import(request, import_id)
    task = get_object_or_404(DeletionTask, chat_import=chat_import, assignee=_user(request))
    form = DeletionForm(posted(request))
    if request.method == "POST" and task.is_open and form.is_valid():
        try:
            services.deletion_confirm(actor=_user(request), task=task, request=request)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Thank you. You have confirmed the conversation is cleared from the device.",
            )
            return redirect("cases:detail", child_id=child.pk)
    return render(
        request,
        "imports/deletion.html",
        {
            "form": form,
            "child": child,
            "child_url": _case_url(child),
            "chat_import": chat_import,
            "task": task,
            "details": summary_list(
                [
                    (
                        "Conversation",
                        f"{chat_import.original_name} ({chat_import.get_format_display()})",
                    ),
                    (
                        "Messages from",
                        f"{local_time(chat_import.first_message_at)} to "
                        f"{local_time(chat_import.last_message_at)}",
                    ),
                    ("Imported", local_time(chat_import.finished_at)),
                    ("Messages recorded", str(chat_import.imported_count)),
                ]
            ),
            "confirmed_text": f"You confirmed this on {local_time(task.confirmed_at)}",
        },
    )
