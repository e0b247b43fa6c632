"""What needs a team manager's decision, each list in one query whatever the data size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, QuerySet

from safecomms.cases.models import Allocation
from safecomms.communications.models import Flag
from safecomms.devices.models import ContactException
from safecomms.devices.selectors import exceptions_awaiting_decision, exceptions_due_for_review
from safecomms.staff.models import User
from safecomms.visits.models import VisitAssessment
from safecomms.visits.selectors import assessments_needing_review


def open_flags_for_manager(manager: User, today: date) -> QuerySet[Flag]:
    """Open flags on records of children currently allocated to teams the manager manages,
    oldest first."""
    allocated = Allocation.objects.current(today).filter(
        child=OuterRef("communication__child"), team__managers=manager
    )
    return (
        Flag.objects.open()
        .filter(Exists(allocated))
        .select_related("communication__child", "communication__worker")
        .order_by("raised_at", "pk")
    )


def manager_decides_flag(manager: User, flag_id: int, today: date) -> bool:
    allocated = Allocation.objects.current(today).filter(
        child=OuterRef("communication__child"), team__managers=manager
    )
    return Flag.objects.filter(pk=flag_id).filter(Exists(allocated)).exists()


@dataclass(frozen=True)
class Queue:
    exception_requests: list[ContactException]
    exception_reviews: list[ContactException]
    flags: list[Flag]
    flag_count: int
    assessments: list[VisitAssessment]

    @property
    def is_empty(self) -> bool:
        return not (
            self.exception_requests or self.exception_reviews or self.flag_count or self.assessments
        )


def decision_queue(
    manager: User, today: date, *, flag_offset: int = 0, flag_limit: int = 25
) -> Queue:
    """Everything waiting for the manager, in a fixed number of queries."""
    flags = open_flags_for_manager(manager, today)
    return Queue(
        exception_requests=list(exceptions_awaiting_decision(manager)),
        exception_reviews=list(exceptions_due_for_review(manager, today)),
        flags=list(flags[flag_offset : flag_offset + flag_limit]),
        flag_count=flags.count(),
        assessments=list(assessments_needing_review(manager, today)),
    )
