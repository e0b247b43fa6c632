"""Writes: checking a message (only the fact and the counts are recorded) and dismissing findings."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from safecomms.audit.services import audit_event
from safecomms.cases.models import Child
from safecomms.communications.models import Finding
from safecomms.findings.lexicon import lexicon_entry
from safecomms.findings.models import FindingDismissal
from safecomms.findings.selectors import case_gazetteer
from safecomms.screening import Channel, ScreeningResult, screen
from safecomms.staff.models import User

TEXT_LIMIT = 20_000
REASON_LIMIT = 1000


def message_check(
    *,
    actor: User,
    text: str,
    channel: Channel | str | None,
    sent_at: datetime | None = None,
    child: Child | None = None,
    request: HttpRequest | None = None,
) -> ScreeningResult:
    """Screen a draft against the guidance; with a child, that case's people are the gazetteer.

    The draft is neither stored nor copied into the audit trail (not even as a hash): only that
    a check was made, on which channel and case, and how many findings of each kind it gave.
    """
    if not text.strip():
        raise ValidationError("Enter the message you want to check")
    if len(text) > TEXT_LIMIT:
        raise ValidationError(f"The message must be {TEXT_LIMIT:,} characters or fewer")
    kind = Channel(channel) if channel else None
    gazetteer = case_gazetteer(child) if child is not None else None
    result = screen(text, channel=kind, sent_at=sent_at, gazetteer=gazetteer)
    severities = Counter(str(f.severity) for f in result.findings)
    categories = Counter(str(f.category) for f in result.findings)
    verdict = result.channel_verdict
    audit_event(
        actor=actor,
        action="screening.message_checked",
        target=child,
        changes={
            "channel": (None, str(kind) if kind else ""),
            "characters": (None, len(text)),
            "findings": (None, len(result.findings)),
            "by_severity": (None, dict(sorted(severities.items()))),
            "by_category": (None, dict(sorted(categories.items()))),
            "route": (None, str(verdict.route) if verdict else ""),
        },
        request=request,
    )
    return result


def finding_dismiss(
    *, actor: User, finding: Finding, reason: str, request: HttpRequest | None = None
) -> FindingDismissal:
    """Mark a finding on a record as a false positive, with the reason, keeping what the report
    needs so that the evidence outlives the record."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("Enter why the finding is wrong")
    if len(reason) > REASON_LIMIT:
        raise ValidationError(f"The reason must be {REASON_LIMIT:,} characters or fewer")
    if FindingDismissal.objects.filter(finding=finding).exists():
        raise ValidationError("This finding has already been marked as a false positive")
    communication = finding.communication
    entry = lexicon_entry(finding.category, communication.content, finding.start, finding.end)
    try:
        with transaction.atomic():
            dismissal = FindingDismissal.objects.create(
                finding=finding,
                child_id=communication.child_id,
                dismissed_by=actor,
                reason=reason,
                category=finding.category,
                rule_id=finding.rule_id,
                severity=finding.severity,
                lexicon_entry=entry,
                finding_raised_at=finding.created_at,
            )
            audit_event(
                actor=actor,
                action="finding.dismissed",
                target=dismissal,
                child_id=communication.child_id,
                changes={
                    "finding": (None, finding.pk),
                    "communication": (None, communication.pk),
                    "category": (None, finding.category),
                    "rule_id": (None, finding.rule_id),
                    "lexicon_entry": (None, entry),
                },
                content={"reason": reason},
                request=request,
            )
    except IntegrityError:
        raise ValidationError("This finding has already been marked as a false positive") from None
    return dismissal


def screening_report_view(
    *, actor: User, start: date, end: date, whole_council: bool, request: HttpRequest | None = None
) -> None:
    """Record that someone read the screening report (it shows staff's reasons on cases)."""
    audit_event(
        actor=actor,
        action="screening.report_viewed",
        changes={
            "period": (None, [start.isoformat(), end.isoformat()]),
            "scope": (None, "council" if whole_council else "managed teams"),
        },
        request=request,
    )
