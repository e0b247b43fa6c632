"""Reads about communication records and the case chronology, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from math import ceil
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from safecomms.cases.models import Child
from safecomms.communications.models import (
    Addendum,
    Communication,
    Flag,
    FlagCode,
    Kind,
    Platform,
)
from safecomms.devices.models import ContactException

try:  # provided by the devices app; the chronology shows communications alone without it
    from safecomms.devices.selectors import exception_decisions_for_child
except ImportError:  # pragma: no cover - only while the devices app lacks the selector
    exception_decisions_for_child = None  # type: ignore[assignment]

CHILD = "child"
OPEN_FLAG = "open"


def communication_detail(child: Child, communication_id: int) -> Communication:
    """One record with everything its page shows; raises Communication.DoesNotExist."""
    return (
        Communication.objects.filter(child=child, pk=communication_id)
        .select_related(
            "worker", "recorded_by", "account", "device", "exception", "in_reply_to", "child"
        )
        .prefetch_related(
            "people",
            "findings",
            Prefetch("flags", queryset=Flag.objects.select_related("cleared_by")),
            Prefetch("addenda", queryset=Addendum.objects.select_related("author")),
            Prefetch(
                "responses",
                queryset=Communication.objects.select_related("worker").order_by(
                    "occurred_at", "pk"
                ),
            ),
        )
        .get()
    )


@dataclass(frozen=True)
class ChronologyFilters:
    """What the chronology is narrowed to: all empty shows everything."""

    kind: str = ""
    platform: str = ""
    person: str = ""  # "child" or a CasePerson id
    flag: str = ""  # "open" for any open flag, or a FlagCode
    newest_first: bool = False

    @property
    def narrowed(self) -> bool:
        return bool(self.kind or self.platform or self.person or self.flag)

    def as_query(self) -> dict[str, str]:
        values = {
            "kind": self.kind,
            "platform": self.platform,
            "person": self.person,
            "flag": self.flag,
        }
        values["order"] = "newest" if self.newest_first else "oldest"
        return {key: value for key, value in values.items() if value}

    @classmethod
    def from_query(cls, query: Any, *, newest_first_by_default: bool = False) -> ChronologyFilters:
        """From a query string, ignoring values that are not choices (a stale bookmark)."""
        kind = str(query.get("kind", ""))
        platform = str(query.get("platform", ""))
        person = str(query.get("person", ""))
        flag = str(query.get("flag", ""))
        order = str(query.get("order", ""))
        return cls(
            kind=kind if kind in Kind.values else "",
            platform=platform if platform in Platform.values else "",
            person=person if person == CHILD or person.isdigit() else "",
            flag=flag if flag == OPEN_FLAG or flag in FlagCode.values else "",
            newest_first=(order == "newest") if order else newest_first_by_default,
        )


@dataclass(frozen=True)
class ChronologyEntry:
    """One line of the chronology: a communication or a signed-off exception decision."""

    at: datetime
    communication: Communication | None = None
    exception: ContactException | None = None


def _communications(child: Child, filters: ChronologyFilters) -> QuerySet[Communication]:
    records = Communication.objects.filter(child=child)
    if filters.kind:
        records = records.filter(kind=filters.kind)
    if filters.platform:
        records = records.filter(platform=filters.platform)
    if filters.person == CHILD:
        records = records.filter(includes_child=True)
    elif filters.person:
        through = Communication.people.through.objects.filter(
            communication_id=OuterRef("pk"), caseperson_id=int(filters.person)
        )
        records = records.filter(Exists(through))
    if filters.flag:
        flags = Flag.objects.open().filter(communication_id=OuterRef("pk"))
        if filters.flag != OPEN_FLAG:
            flags = flags.filter(code=filters.flag)
        records = records.filter(Exists(flags))
    return records


def _exception_decisions(child: Child) -> QuerySet[ContactException]:
    if exception_decisions_for_child is None:  # pragma: no cover
        return ContactException.objects.none()
    return exception_decisions_for_child(child)


def _keys(child: Child, filters: ChronologyFilters) -> list[tuple[datetime, int, str, int]]:
    """(time, kind order, kind, id) of every entry, in time order: two small queries."""
    keys = [
        (at, 0, "c", pk)
        for pk, at in _communications(child, filters).values_list("pk", "occurred_at")
    ]
    if not filters.narrowed:
        keys += [
            (at, 1, "e", pk)
            for pk, at in _exception_decisions(child).values_list("pk", "decided_at")
            if at is not None
        ]
    keys.sort(reverse=filters.newest_first)
    return keys


def _load(keys: list[tuple[datetime, int, str, int]]) -> list[ChronologyEntry]:
    communication_ids = [pk for _, _, kind, pk in keys if kind == "c"]
    exception_ids = [pk for _, _, kind, pk in keys if kind == "e"]
    communications = {
        c.pk: c
        for c in Communication.objects.filter(pk__in=communication_ids)
        .select_related("worker", "in_reply_to", "child")
        .prefetch_related(
            "people",
            Prefetch("flags", queryset=Flag.objects.open(), to_attr="open_flags"),
            Prefetch(
                "responses",
                queryset=Communication.objects.order_by("occurred_at", "pk"),
            ),
            Prefetch("addenda", queryset=Addendum.objects.select_related("author")),
        )
    }
    exceptions = (
        {
            e.pk: e
            for e in ContactException.objects.filter(pk__in=exception_ids).select_related(
                "requested_by", "decider"
            )
        }
        if exception_ids
        else {}
    )
    entries = []
    for at, _, kind, pk in keys:
        if kind == "c":
            entries.append(ChronologyEntry(at=at, communication=communications[pk]))
        else:
            entries.append(ChronologyEntry(at=at, exception=exceptions[pk]))
    return entries


@dataclass(frozen=True)
class ChronologyPage:
    entries: list[ChronologyEntry]
    number: int
    page_count: int
    total: int
    per_page: int

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.total else 0

    @property
    def last_index(self) -> int:
        return min(self.number * self.per_page, self.total)


def chronology_page(
    child: Child, filters: ChronologyFilters, *, page: int = 1, per_page: int = 25
) -> ChronologyPage:
    """One page of the chronology. The number of queries does not grow with the case."""
    keys = _keys(child, filters)
    page_count = max(1, ceil(len(keys) / per_page))
    number = min(max(page, 1), page_count)
    window = keys[(number - 1) * per_page : number * per_page]
    return ChronologyPage(
        entries=_load(window),
        number=number,
        page_count=page_count,
        total=len(keys),
        per_page=per_page,
    )


def chronology_entries(child: Child, filters: ChronologyFilters) -> list[ChronologyEntry]:
    """The whole chronology (for the CSV export), in a fixed number of queries."""
    return _load(_keys(child, filters))


def case_people_choices(child: Child) -> list[tuple[str, str]]:
    """The child and the people on the case, as choices for filters and forms."""
    choices = [(CHILD, f"{child.full_name} (the child)")]
    choices += [
        (str(person.pk), f"{person.full_name} ({person.get_relationship_display()})")
        for person in child.people.order_by("relationship", "full_name")
    ]
    return choices
