"""Fixtures for the audit trail: a private checkpoint file per test, and ways to tamper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, models

from safecomms.audit.chain import compute_entry_hash
from safecomms.audit.models import AuditEntry
from safecomms.audit.services import audit_event


@pytest.fixture(autouse=True)
def checkpoint_file(settings: Any, tmp_path: Path) -> Path:
    path = tmp_path / "checkpoint" / "audit-checkpoint.json"
    settings.AUDIT_CHECKPOINT_PATH = path
    settings.AUDIT_HMAC_KEY = "test-audit-key"
    return path


@pytest.fixture
def staff_member(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user(
        email="sam.okafor@council.example", password="a long test password", full_name="Sam Okafor"
    )


@pytest.fixture
def record(
    django_capture_on_commit_callbacks: Callable[..., Any], staff_member: Any
) -> Callable[..., list[AuditEntry]]:
    """Append `count` entries and run their commit callbacks, as a real commit would."""

    def append(count: int = 5, **overrides: Any) -> list[AuditEntry]:
        entries = []
        for number in range(count):
            arguments = {
                "actor": staff_member,
                "action": "allocation.created",
                "child_id": 40 + number,
                "changes": {"team": (None, number)},
            } | overrides
            with django_capture_on_commit_callbacks(execute=True):
                entries.append(audit_event(**arguments))
        return entries

    return append


class Tamperer:
    """What someone with database access could do, bypassing the ORM's append-only guard."""

    def update(self, entry_seq: int, /, **fields: Any) -> None:
        models.QuerySet.update(AuditEntry.objects.filter(seq=entry_seq), **fields)

    def delete(self, *seqs: int) -> None:
        models.QuerySet.delete(AuditEntry.objects.filter(seq__in=seqs))

    def swap(self, first: int, second: int) -> None:
        parked = 10**12
        self.update(first, seq=parked)
        self.update(second, seq=first)
        self.update(parked, seq=second)

    def shift_up_from(self, seq: int) -> None:
        newest = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
        for number in range(newest, seq - 1, -1):
            self.update(number, seq=number + 1)

    def sql(self, statement: str, params: list[Any]) -> None:
        table = connection.ops.quote_name(AuditEntry._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(statement.format(table=table), params)

    def forge(self, settings: Any, **fields: Any) -> AuditEntry:
        """Insert an entry sealed with a guessed key, as an attacker without the real key must."""
        entry = AuditEntry(actor_label="Forged <forged@council.example>", **fields)
        real_key = settings.AUDIT_HMAC_KEY
        settings.AUDIT_HMAC_KEY = "a guessed key"
        try:
            entry.entry_hash = compute_entry_hash(entry)
        finally:
            settings.AUDIT_HMAC_KEY = real_key
        entry.save(force_insert=True)
        return entry


@pytest.fixture
def tamper() -> Tamperer:
    return Tamperer()
