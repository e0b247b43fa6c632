"""Who may use the chat import pages and API operations (see tests/access_vocabulary.py).

An import belongs to its child's case: anyone who may add records to the case (CONTRIBUTE or
more) may upload, preview, confirm, follow and cancel it. Only the practitioner asked to clear the
conversation from their device may confirm they did.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from safecomms.imports.models import ChatImport, DeletionTask, ImportStatus
from tests.access_vocabulary import CASE_READERS, Expect, allow


def extend_world(world: dict[str, Any]) -> None:
    child, worker = world["child"], world["worker"]
    common = {
        "child": child,
        "uploaded_by": worker,
        "worker": worker,
        "format": "whatsapp",
        "original_name": "WhatsApp Chat with Kai.zip",
        "senders": [
            {"label": "Worker", "count": 1, "address": "", "suggested": "worker", "reason": "x"}
        ],
        "sender_mapping": {"Worker": "worker"},
        "message_count": 1,
    }
    # A preview whose staged file is not in storage: pages still answer, nothing is written.
    world["chat_import"] = ChatImport.objects.create(
        status=ImportStatus.PREVIEWED, file="imports/staging/access-matrix-missing", **common
    )
    world["imported"] = ChatImport.objects.create(
        status=ImportStatus.IMPORTED, finished_at=timezone.now(), **common
    )
    DeletionTask.objects.create(chat_import=world["imported"], child=child, assignee=worker)


def _preview(world: dict[str, Any]) -> dict[str, Any]:
    return {"child_id": world["child"].pk, "import_id": world["chat_import"].pk}


def _imported(world: dict[str, Any]) -> dict[str, Any]:
    return {"child_id": world["child"].pk, "import_id": world["imported"].pk}


EXPECTATIONS: dict[str, Expect] = {
    "imports:upload": allow(CASE_READERS, kwargs=lambda w: {"child_id": w["child"].pk}),
    "imports:preview": allow(CASE_READERS, kwargs=_preview),
    "imports:status": allow(CASE_READERS, kwargs=_preview),
    "imports:cancel": allow(CASE_READERS, kwargs=_preview),
    "imports:deletion": allow("worker", kwargs=_imported),
    "api:upload_chat_import": allow(
        CASE_READERS, method="post", kwargs=lambda w: {"child_id": w["child"].pk}
    ),
    "api:get_chat_import": allow(CASE_READERS, kwargs=_preview),
    "api:preview_chat_import": allow(CASE_READERS, kwargs=_preview),
    "api:confirm_chat_import": allow(
        CASE_READERS, method="post", data=lambda w: {"senders": {}}, kwargs=_preview
    ),
    "api:cancel_chat_import": allow(CASE_READERS, method="post", kwargs=_imported),
    "api:confirm_device_cleared": allow("worker", method="post", kwargs=_imported),
}
