"""Reads for chat imports: a case's imports, open deletion tasks, and the preview of an upload."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from safecomms.cases.access import readable_children
from safecomms.cases.models import Child
from safecomms.chatlogs import ChatLogError
from safecomms.communications.models import Communication
from safecomms.imports.matching import WORKER, CaseRegister
from safecomms.imports.models import ChatImport, DeletionTask
from safecomms.imports.reading import PLATFORM_OF, SourceMessage, sentence
from safecomms.imports.services import (
    AccountCheck,
    account_used,
    case_gazetteer,
    opened_export,
    screen_message,
)
from safecomms.screening import Finding
from safecomms.staff.models import User

PER_PAGE = 50


def imports_on_case(child: Child, limit: int = 20) -> QuerySet[ChatImport]:
    return ChatImport.objects.filter(child=child).select_related("uploaded_by")[:limit]


def open_deletion_tasks(user: User, child: Child | None = None) -> QuerySet[DeletionTask]:
    """The person's deletion tasks still to confirm, on cases they can still read."""
    tasks = DeletionTask.objects.open().filter(assignee=user, child__in=readable_children(user))
    if child is not None:
        tasks = tasks.filter(child=child)
    return tasks.select_related("chat_import", "child").order_by("created_at", "pk")


@dataclass
class PreviewRow:
    message: SourceMessage
    party: str
    findings: list[Finding]
    unapproved_account: str
    duplicate: bool


@dataclass
class PreviewPage:
    rows: list[PreviewRow] = field(default_factory=list)
    number: int = 1
    pages: int = 1
    total: int = 0
    duplicates: int = 0
    problem: str = ""


def preview_page(
    chat_import: ChatImport,
    *,
    register: CaseRegister,
    mapping: dict[str, str],
    number: int = 1,
    per_page: int = PER_PAGE,
) -> PreviewPage:
    """One page of the upload's messages as they will be recorded, with their screening.

    Reads the staged file again (parsing is fast); screens only the page shown. Queries are
    bounded whatever the file's size: existing keys are checked in batches of 500 messages."""
    try:
        with opened_export(chat_import) as export:
            messages = export.messages
            keys = [message.source_key for message in messages]
            existing: set[str] = set()
            for start in range(0, len(keys), 500):
                existing.update(
                    Communication.objects.filter(
                        child=chat_import.child, source_key__in=keys[start : start + 500]
                    ).values_list("source_key", flat=True)
                )
            pages = max(1, -(-len(messages) // per_page))
            number = min(max(1, number), pages)
            shown = messages[(number - 1) * per_page : number * per_page]
            platform = PLATFORM_OF[export.format]
            gazetteer = case_gazetteer(chat_import.child)
            checker = AccountCheck(worker=chat_import.worker, child=chat_import.child)
            rows = []
            for message in shown:
                party = mapping.get(message.sender, "other")
                identifier = account_used(chat_import, message, party, register)
                approved = checker.approved(identifier, timezone.localdate(message.occurred_at))
                rows.append(
                    PreviewRow(
                        message=message,
                        party=party,
                        findings=screen_message(
                            message,
                            platform=platform,
                            from_worker=party == WORKER,
                            gazetteer=gazetteer,
                        ),
                        unapproved_account="" if approved else identifier,
                        duplicate=message.source_key in existing,
                    )
                )
            return PreviewPage(
                rows=rows,
                number=number,
                pages=pages,
                total=len(messages),
                duplicates=sum(1 for key in keys if key in existing),
            )
    except ChatLogError as error:
        return PreviewPage(problem=sentence(error.message))


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return timezone.localtime(moment).strftime("%-d %b %Y, %H:%M")
