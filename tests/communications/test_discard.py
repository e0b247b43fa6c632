"""A draft made in error can be deleted; a completed record never can."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safecomms.audit.models import AuditEntry
from safecomms.communications.models import Communication, Kind, Platform
from safecomms.communications.services import (
    communication_complete,
    communication_discard_draft,
    communication_record,
)
from tests.communications.scenario import a_while_ago
from tests.pages import sign_in


def _draft(world: dict[str, Any], **extra: Any) -> Communication:
    extra.setdefault("direction", "outbound")
    return communication_record(
        actor=world["worker"],
        child=world["child"],
        occurred_at=a_while_ago(1),
        kind=Kind.TEXT,
        platform=Platform.SMS,
        summary="Wrong case",
        content="lol see u at 4, Kai",
        **extra,
    )


def test_a_draft_is_deleted_with_its_findings_and_the_deletion_is_audited(
    world, client, pages
) -> None:
    draft = _draft(world)
    assert draft.findings.exists()
    sign_in(client, world["worker"])
    url = reverse("communications:discard", args=[world["child"].pk, draft.pk])
    assert "Delete this draft?" in pages.get(url).content.decode()
    response = pages.post(url, {})
    assert response["Location"] == reverse("communications:chronology", args=[world["child"].pk])
    assert not Communication.objects.filter(pk=draft.pk).exists()
    entry = AuditEntry.objects.get(action="communication.draft_discarded")
    assert "lol see u" not in str(entry.changes) + str(entry.content_hashes)
    assert set(entry.content_hashes) == {"summary", "content"}


def test_a_completed_record_cannot_be_deleted(world, client, pages) -> None:
    record = communication_complete(actor=world["worker"], communication=_draft(world))
    with pytest.raises(ValidationError):
        communication_discard_draft(actor=world["worker"], communication=record)
    sign_in(client, world["worker"])
    url = reverse("communications:discard", args=[world["child"].pk, record.pk])
    pages.post(url, {})
    assert Communication.objects.filter(pk=record.pk).exists()


def test_a_draft_with_responses_is_kept_with_a_reason(world, client, pages) -> None:
    draft = _draft(world)
    _draft(world, in_reply_to=draft, direction="inbound")
    sign_in(client, world["worker"])
    url = reverse("communications:discard", args=[world["child"].pk, draft.pk])
    page = pages.post(url, {}, status=200).content.decode()
    assert "Responses have been recorded against this draft" in page


def test_a_colleague_cannot_delete_someone_elses_draft(world, client) -> None:
    draft = _draft(world)
    sign_in(client, world["colleague"])
    url = reverse("communications:discard", args=[world["child"].pk, draft.pk])
    assert client.post(url).status_code == 403
    assert Communication.objects.filter(pk=draft.pk).exists()
