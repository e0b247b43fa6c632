"""Reads: a case's gazetteer, dismissals of findings, and the screening report."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from safecomms.cases.models import Allocation, Child
from safecomms.cases.selectors import screening_people
from safecomms.communications.models import Finding
from safecomms.findings.models import FindingDismissal
from safecomms.screening import Gazetteer
from safecomms.staff.models import Role, User

RECENT_LIMIT = 50
ENTRY_LIMIT = 25


def case_gazetteer(child: Child) -> Gazetteer:
    """The people on a child's case, for recognising their names in a message."""
    return Gazetteer.from_people(screening_people(child))


def finding_on_record(finding_id: int) -> Finding | None:
    """A finding with the record and case it belongs to, for access checks and dismissal."""
    return (
        Finding.objects.select_related("communication__child", "dismissal__dismissed_by")
        .filter(pk=finding_id)
        .first()
    )


def dismissals_for(findings: Iterable[Finding | int]) -> dict[int, FindingDismissal]:
    """The dismissals of the given findings (objects or ids), by finding id, in one query."""
    ids = [item if isinstance(item, int) else item.pk for item in findings]
    if not ids:
        return {}
    return {
        dismissal.finding_id: dismissal
        for dismissal in FindingDismissal.objects.filter(finding_id__in=ids).select_related(
            "dismissed_by"
        )
        if dismissal.finding_id is not None
    }


def sees_whole_council(user: User) -> bool:
    """Information governance officers see every team's dismissals; managers see their teams'."""
    return user.has_role(Role.IG_OFFICER)


def _managed_children(user: User) -> QuerySet[Allocation, Any]:
    return Allocation.objects.current().filter(team__managers=user).values("child_id")


@dataclass(frozen=True, slots=True)
class RuleRow:
    category: str
    rule_id: str
    raised: int
    dismissed: int

    @property
    def share(self) -> float:
        return self.dismissed / self.raised if self.raised else 0.0


@dataclass(frozen=True, slots=True)
class EntryRow:
    entry: str
    category: str
    rule_id: str
    dismissed: int


@dataclass(frozen=True, slots=True)
class DismissalReport:
    start: date
    end: date
    whole_council: bool
    rules: list[RuleRow]
    entries: list[EntryRow]
    recent: list[FindingDismissal]

    @property
    def raised(self) -> int:
        return sum(row.raised for row in self.rules)

    @property
    def dismissed(self) -> int:
        return sum(row.dismissed for row in self.rules)

    @property
    def share(self) -> float:
        return self.dismissed / self.raised if self.raised else 0.0


def dismissal_report(*, user: User, start: date, end: date) -> DismissalReport:
    """Findings raised in the period, by rule, with how many staff marked as false positives,
    the word-list entries most often dismissed, and the latest dismissals; in four queries.

    Dismissals whose finding has since been disposed of still count (with their finding), so a
    disposal run does not make a rule look better than it was.
    """
    since = timezone.make_aware(datetime.combine(start, time.min))
    until = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    whole_council = sees_whole_council(user)
    findings = Finding.objects.filter(created_at__gte=since, created_at__lt=until)
    dismissals = FindingDismissal.objects.filter(
        finding_raised_at__gte=since, finding_raised_at__lt=until
    )
    if not whole_council:
        children = _managed_children(user)
        findings = findings.filter(communication__child_id__in=children)
        dismissals = dismissals.filter(child_id__in=children)

    counts: dict[tuple[str, str], list[int]] = {}
    for row in (
        findings.order_by()
        .values("category", "rule_id")
        .annotate(raised=Count("id"), dismissed=Count("dismissal"))
    ):
        counts[(row["category"], row["rule_id"])] = [row["raised"], row["dismissed"]]
    for row in (
        dismissals.filter(finding__isnull=True)
        .order_by()
        .values("category", "rule_id")
        .annotate(number=Count("id"))
    ):
        pair = counts.setdefault((row["category"], row["rule_id"]), [0, 0])
        pair[0] += row["number"]
        pair[1] += row["number"]
    rules = sorted(
        (
            RuleRow(category, rule_id, raised, dismissed)
            for (category, rule_id), (raised, dismissed) in counts.items()
        ),
        key=lambda row: (-row.dismissed, -row.share, -row.raised, row.rule_id, row.category),
    )
    entries = [
        EntryRow(row["lexicon_entry"], row["category"], row["rule_id"], row["number"])
        for row in dismissals.exclude(lexicon_entry="")
        .order_by()
        .values("lexicon_entry", "category", "rule_id")
        .annotate(number=Count("id"))
        .order_by("-number", "lexicon_entry")[:ENTRY_LIMIT]
    ]
    recent = list(
        dismissals.select_related("dismissed_by", "child").order_by("-dismissed_at", "-pk")[
            :RECENT_LIMIT
        ]
    )
    return DismissalReport(
        start=start,
        end=end,
        whole_council=whole_council,
        rules=rules,
        entries=entries,
        recent=recent,
    )
