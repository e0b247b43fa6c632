"""Import children and allocations from the case management system's CSV export.

Columns (header names, any order, case-insensitive; see docs/case-import.md):
person_id, first_name, last_name, date_of_birth, legal_status, team, worker_email,
allocation_start; optional: preferred_name, allocation_kind, allocation_end.

Every row is checked before anything is written; one bad row means nothing changes and every
problem is listed with its row number. A re-import updates children by person ID and allocations by
(child, worker, start date) instead of duplicating them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.http import HttpRequest

from safecomms.audit.services import audit_event, changed_fields, snapshot
from safecomms.cases.models import Allocation, AllocationKind, Child, LegalStatus
from safecomms.cases.services import CHILD_FIELDS
from safecomms.staff.models import Team, User

REQUIRED_COLUMNS = (
    "person_id",
    "first_name",
    "last_name",
    "date_of_birth",
    "legal_status",
    "team",
    "worker_email",
    "allocation_start",
)
OPTIONAL_COLUMNS = ("preferred_name", "allocation_kind", "allocation_end")
MAX_ROWS = 20_000

_STATUS_WORDS = {
    **{choice.value: choice.value for choice in LegalStatus},
    **{choice.label.lower(): choice.value for choice in LegalStatus},
    "cin": LegalStatus.CIN,
    "cp": LegalStatus.CP,
    "cla": LegalStatus.CLA,
    "lac": LegalStatus.CLA,
    "looked after": LegalStatus.CLA,
    "child in care": LegalStatus.CLA,
    "care leaver": LegalStatus.CARE_LEAVER,
    "early help": LegalStatus.EARLY_HELP,
}
_KIND_WORDS = {
    **{choice.value: choice.value for choice in AllocationKind},
    **{choice.label.lower(): choice.value for choice in AllocationKind},
    "student": AllocationKind.STUDENT,
    "co-worker": AllocationKind.CO_WORKER,
    "": AllocationKind.ALLOCATED_WORKER,
}


class CaseImportError(ValueError):
    """The file cannot be imported; `problems` lists each one for the person importing."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems[:5]))
        self.problems = problems


@dataclass
class ImportSummary:
    children_created: int = 0
    children_updated: int = 0
    children_unchanged: int = 0
    allocations_created: int = 0
    allocations_updated: int = 0
    rows: int = 0
    person_ids: list[str] = field(default_factory=list)


@dataclass
class _Row:
    number: int
    person_id: str
    first_name: str
    last_name: str
    preferred_name: str
    date_of_birth: date | None
    legal_status: str
    team: Team
    worker: User
    kind: str
    start: date
    end: date | None


def _date(text: str, column: str, number: int, problems: list[str], required: bool) -> date | None:
    text = text.strip()
    if not text:
        if required:
            problems.append(f"Row {number}: {column} is empty")
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    problems.append(f"Row {number}: {column} ‘{text}’ is not a date (use YYYY-MM-DD or DD/MM/YYYY)")
    return None


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CaseImportError(["The file is not readable text: save it as CSV (UTF-8) and try again"])


def parse_rows(data: bytes, *, actor: User) -> list[_Row]:
    """Read and check every row; raise CaseImportError listing all problems, or return the rows."""
    text = _decode(data)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [name.strip().lower() for name in (reader.fieldnames or [])]
    except csv.Error as error:
        raise CaseImportError([f"The file is not a CSV file: {error}"]) from None
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise CaseImportError([f"The file has no column named {', '.join(missing)}"])
    reader.fieldnames = header
    teams = {team.name.lower(): team for team in Team.objects.all()}
    workers = {user.email.lower(): user for user in User.objects.filter(is_active=True)}
    managed = set(Team.objects.filter(managers=actor).values_list("pk", flat=True))
    problems: list[str] = []
    rows: list[_Row] = []
    seen: set[tuple[str, str, date | None]] = set()
    try:
        for number, raw in enumerate(reader, start=2):
            if number - 1 > MAX_ROWS:
                raise CaseImportError([f"The file has more than {MAX_ROWS:,} rows: split it up"])
            values = {key: (value or "").strip() for key, value in raw.items() if key}
            if not any(values.values()):
                continue
            for column in ("person_id", "first_name", "last_name", "team", "worker_email"):
                if not values.get(column):
                    problems.append(f"Row {number}: {column} is empty")
            status = _STATUS_WORDS.get(values.get("legal_status", "").lower())
            if status is None:
                problems.append(
                    f"Row {number}: legal_status ‘{values.get('legal_status')}’ is not one of CIN, CP, CLA, care leaver, early help"
                )
            kind = _KIND_WORDS.get(values.get("allocation_kind", "").lower())
            if kind is None:
                problems.append(
                    f"Row {number}: allocation_kind ‘{values.get('allocation_kind')}’ is not allocated worker, co-worker or student"
                )
            team = teams.get(values.get("team", "").lower())
            if values.get("team") and team is None:
                problems.append(f"Row {number}: there is no team called ‘{values['team']}’")
            elif team is not None and team.pk not in managed and not actor.is_superuser:
                problems.append(f"Row {number}: you do not manage the team ‘{team.name}’")
            worker = workers.get(values.get("worker_email", "").lower())
            if values.get("worker_email") and worker is None:
                problems.append(
                    f"Row {number}: no active staff member has the e-mail ‘{values['worker_email']}’"
                )
            born = _date(values.get("date_of_birth", ""), "date_of_birth", number, problems, False)
            start = _date(
                values.get("allocation_start", ""), "allocation_start", number, problems, True
            )
            end = _date(values.get("allocation_end", ""), "allocation_end", number, problems, False)
            if start and end and end < start:
                problems.append(f"Row {number}: allocation_end is before allocation_start")
            key = (values.get("person_id", ""), values.get("worker_email", "").lower(), start)
            if key in seen:
                problems.append(f"Row {number}: the same allocation appears twice in the file")
            seen.add(key)
            if team and worker and start and status and kind is not None and not problems:
                rows.append(
                    _Row(
                        number,
                        values["person_id"],
                        values["first_name"],
                        values["last_name"],
                        values.get("preferred_name", ""),
                        born,
                        status,
                        team,
                        worker,
                        kind,
                        start,
                        end,
                    )
                )
    except csv.Error as error:
        raise CaseImportError([f"The file is not a well-formed CSV file: {error}"]) from None
    if problems:
        raise CaseImportError(problems)
    if not rows:
        raise CaseImportError(["The file has a header but no rows"])
    return rows


@transaction.atomic
def cases_import(*, actor: User, data: bytes, request: HttpRequest | None = None) -> ImportSummary:
    """Create or update children and allocations from a CSV export, all or nothing."""
    rows = parse_rows(data, actor=actor)
    summary = ImportSummary(rows=len(rows))
    existing = {
        child.person_id: child
        for child in Child.objects.filter(person_id__in={r.person_id for r in rows})
    }
    for row in rows:
        values = {
            "person_id": row.person_id,
            "first_name": row.first_name,
            "last_name": row.last_name,
            "preferred_name": row.preferred_name,
            "date_of_birth": row.date_of_birth,
            "legal_status": row.legal_status,
        }
        child = existing.get(row.person_id)
        if child is None:
            child = Child.objects.create(**values)
            existing[row.person_id] = child
            summary.children_created += 1
            summary.person_ids.append(row.person_id)
            audit_event(
                actor=actor,
                action="case.imported",
                target=child,
                child_id=child.pk,
                changes={k: (None, v) for k, v in snapshot(child, CHILD_FIELDS).items()},
                request=request,
            )
        else:
            before = snapshot(child, CHILD_FIELDS)
            for name, value in values.items():
                setattr(child, name, value)
            changes = changed_fields(before, snapshot(child, CHILD_FIELDS))
            if changes:
                child.save()
                summary.children_updated += 1
                audit_event(
                    actor=actor,
                    action="case.updated_by_import",
                    target=child,
                    child_id=child.pk,
                    changes=changes,
                    request=request,
                )
            else:
                summary.children_unchanged += 1
        allocation = Allocation.objects.filter(
            child=child, worker=row.worker, start_date=row.start
        ).first()
        if allocation is None:
            allocation = Allocation.objects.create(
                child=child,
                worker=row.worker,
                team=row.team,
                kind=row.kind,
                start_date=row.start,
                end_date=row.end,
            )
            summary.allocations_created += 1
            audit_event(
                actor=actor,
                action="allocation.imported",
                target=allocation,
                child_id=child.pk,
                changes={
                    "worker": (None, row.worker.pk),
                    "team": (None, row.team.pk),
                    "start_date": (None, row.start),
                    "end_date": (None, row.end),
                },
                request=request,
            )
        else:
            fields = ("team_id", "kind", "end_date")
            before = snapshot(allocation, fields)
            allocation.team, allocation.kind, allocation.end_date = row.team, row.kind, row.end
            changes = changed_fields(before, snapshot(allocation, fields))
            if changes:
                allocation.save(update_fields=["team", "kind", "end_date"])
                summary.allocations_updated += 1
                audit_event(
                    actor=actor,
                    action="allocation.updated_by_import",
                    target=allocation,
                    child_id=child.pk,
                    changes=changes,
                    request=request,
                )
    return summary
