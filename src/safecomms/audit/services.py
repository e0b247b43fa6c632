"""Recording audit events. Every service that changes data, and every read of a case, calls these.

Entries are appended inside the caller's transaction, so a change that rolls back leaves no
entry. The content of communications and notes is never copied into the trail, only its keyed
hash: a lawful disposal run can then delete the content without touching the log.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from typing import TypeAlias
from uuid import UUID

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest
from django.utils import timezone
from django.utils.duration import duration_iso_string
from django.utils.functional import Promise

from safecomms.audit.chain import compute_entry_hash
from safecomms.audit.checkpoint import checkpoint_newest_committed
from safecomms.audit.models import AuditEntry, AuditHead
from safecomms.audit.sealing import GENESIS_HASH, keyed_hash

JSONValue: TypeAlias = bool | int | str | list["JSONValue"] | dict[str, "JSONValue"] | None

_ACTION = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")
_USER_AGENT_LENGTH = 200
_REASON_LENGTH = 1000
_LABEL_LENGTH = 300


def content_hash(text: str) -> str:
    """The keyed hash by which the trail refers to the text of a communication or note."""
    return keyed_hash("content", text)


def json_safe(value: object) -> JSONValue:
    """A JSON value that reads back identically from SQLite and PostgreSQL.

    Floats become strings, because jsonb rewrites some (1e20 comes back as an integer) and a
    seal must survive the round trip; NUL characters, which PostgreSQL refuses, become U+FFFD.
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, Enum):
        return json_safe(value.value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, str):
        return str(value).replace("\x00", "\ufffd")
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            return value.astimezone(UTC).isoformat(timespec="microseconds")
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return duration_iso_string(value)
    if isinstance(value, Decimal | UUID | Promise):
        return str(value)
    if isinstance(value, models.Model):
        return json_safe(value.pk)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(value)} bytes>"
    if isinstance(value, Mapping):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((json_safe(item) for item in value), key=repr)
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    return str(value).replace("\x00", "\ufffd")


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, object]:
    """The named fields' values, JSON-safe, to compare before and after a change.

    Foreign keys give the related id and many-to-many fields the sorted ids, so taking a
    snapshot never loads related rows one by one.
    """
    values: dict[str, object] = {}
    for name in fields:
        try:
            field = instance._meta.get_field(name)
        except FieldDoesNotExist:
            values[name] = json_safe(getattr(instance, name))
            continue
        if field.many_to_many:
            related = getattr(instance, name).values_list("pk", flat=True) if instance.pk else []
            values[name] = json_safe(sorted(related))
        elif field.concrete:
            values[name] = json_safe(getattr(instance, field.attname))  # type: ignore[union-attr]
        else:
            raise ValueError(f"{name!r} is a reverse relation, not a field of the record")
    return values


def changed_fields(
    before: Mapping[str, object], after: Mapping[str, object]
) -> dict[str, tuple[object, object]]:
    """The fields whose values differ, as {field: (before, after)}; a missing side is None."""
    names = list(before) + [name for name in after if name not in before]
    return {
        name: (before.get(name), after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    }


def _actor(actor: AbstractBaseUser | AnonymousUser | None) -> tuple[int | None, str]:
    if actor is None:
        return None, "system"
    if not actor.is_authenticated:
        return None, "anonymous"
    name = str(getattr(actor, "full_name", "") or "")
    username = actor.get_username()
    label = f"{name} <{username}>" if name else username
    return int(actor.pk), _clean(label)[:_LABEL_LENGTH]


def _clean(text: str) -> str:
    return text.replace("\x00", "\ufffd")


def _target(target: models.Model | None, child_id: int | None) -> tuple[str, str, int | None]:
    if target is None:
        return "", "", child_id
    if target.pk is None:
        raise ValueError("Audit a record while it still has its id (before deleting it).")
    if child_id is None:
        if target._meta.label_lower == "cases.child":
            child_id = int(target.pk)
        elif isinstance(getattr(target, "child_id", None), int):
            child_id = target.child_id  # type: ignore[attr-defined]
    return target._meta.label_lower, str(target.pk), child_id


def _context(request: HttpRequest | None, reason: str) -> dict[str, JSONValue]:
    context: dict[str, JSONValue] = {}
    if request is not None:
        # REMOTE_ADDR, not X-Forwarded-For: a client can write any forwarded header it likes.
        context["ip"] = request.META.get("REMOTE_ADDR") or None
        user_agent = str(request.META.get("HTTP_USER_AGENT", ""))
        if user_agent:
            context["user_agent"] = _clean(user_agent[:_USER_AGENT_LENGTH])
        context["method"] = request.method or ""
        context["path"] = _clean(request.path[:300])
    if reason:
        context["reason"] = _clean(reason[:_REASON_LENGTH])
    return context


def _locked_head() -> AuditHead:
    # On PostgreSQL the row lock queues concurrent appends; SQLite's IMMEDIATE transactions
    # already let only one writer in at a time.
    head, _ = AuditHead.objects.select_for_update().get_or_create(
        pk=1, defaults={"last_seq": 0, "last_hash": GENESIS_HASH}
    )
    return head


def audit_event(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    target: models.Model | None = None,
    child_id: int | None = None,
    changes: Mapping[str, tuple[object, object]] | None = None,
    content: Mapping[str, str | None] | None = None,
    request: HttpRequest | None = None,
    reason: str = "",
) -> AuditEntry:
    """Append one sealed entry to the trail, in the caller's transaction.

    `changes` holds {field: (before, after)} for ordinary fields; `content` holds the text of
    communications and notes, which is recorded only as a keyed hash. `child_id` defaults to
    the target's child, so that every entry about a child can be found for a subject access
    request.
    """
    if not _ACTION.fullmatch(action):
        raise ValueError(f"An audit action is a dotted verb like 'case.viewed', not {action!r}")
    changes, content = changes or {}, content or {}
    if overlap := sorted(set(changes) & set(content)):
        raise ValueError(f"Pass content only as content, never as a change: {overlap}")
    actor_id, actor_label = _actor(actor)
    target_type, target_id, child_id = _target(target, child_id)
    recorded_changes = {
        str(name): [json_safe(before), json_safe(after)]
        for name, (before, after) in changes.items()
    }
    hashes = {
        str(name): (None if text is None else content_hash(text)) for name, text in content.items()
    }

    with transaction.atomic():
        head = _locked_head()
        entry = AuditEntry(
            seq=head.last_seq + 1,
            occurred_at=timezone.now(),
            actor_id=actor_id,
            actor_label=actor_label,
            action=action,
            target_type=target_type,
            target_id=target_id,
            child_id=child_id,
            changes=recorded_changes,
            content_hashes=hashes,
            context=_context(request, reason),
            prev_hash=head.last_hash,
        )
        entry.entry_hash = compute_entry_hash(entry)
        entry.save(force_insert=True)
        head.last_seq, head.last_hash = entry.seq, entry.entry_hash
        head.save(update_fields=["last_seq", "last_hash"])
        transaction.on_commit(checkpoint_newest_committed)
    return entry


def audit_case_view(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    child: models.Model,
    request: HttpRequest | None = None,
    reason: str = "",
) -> AuditEntry:
    """Record that someone read a child's record (`case.viewed`)."""
    return audit_event(
        actor=actor,
        action="case.viewed",
        target=child,
        child_id=int(child.pk),
        request=request,
        reason=reason,
    )
