"""Reads about cases, always through the access filter in `safecomms.cases.access`."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from safecomms.cases.access import readable_children
from safecomms.cases.models import Allocation, CasePerson, Child, ContactPoint, Relationship
from safecomms.screening import Person
from safecomms.staff.models import Team, User


def my_cases(user: User) -> QuerySet[Child]:
    """Children the person may read, with their current allocations loaded in one go."""
    return readable_children(user).prefetch_related(
        Prefetch(
            "allocations",
            queryset=Allocation.objects.current().select_related("worker", "team"),
            to_attr="current_allocations",
        )
    )


def case_record(child: Child) -> Child:
    """One child with everything the case page shows, in a fixed number of queries."""
    return (
        Child.objects.filter(pk=child.pk)
        .prefetch_related(
            Prefetch("contact_points", queryset=ContactPoint.objects.order_by("kind", "value")),
            Prefetch(
                "people",
                queryset=CasePerson.objects.prefetch_related("contact_points").order_by(
                    "relationship", "full_name"
                ),
            ),
            Prefetch(
                "allocations",
                queryset=Allocation.objects.select_related("worker", "team").order_by(
                    "-start_date"
                ),
            ),
        )
        .get()
    )


def team_caseload(team: Team) -> QuerySet[Allocation]:
    return (
        Allocation.objects.current()
        .filter(team=team)
        .select_related("child", "worker")
        .order_by("child__last_name", "child__first_name")
    )


def screening_people(child: Child) -> list[Person]:
    """The case register as the screening engine's gazetteer: the child, the people around them
    and the staff currently allocated, with their other names."""
    people = [Person(child.full_name, "child", tuple(filter(None, [child.preferred_name])))]
    for person in child.people.all():
        role = Relationship(person.relationship).screening_role
        people.append(Person(person.full_name, role, tuple(person.alias_list)))
    for allocation in Allocation.objects.current().filter(child=child).select_related("worker"):
        people.append(Person(allocation.worker.full_name, "staff", ()))
    return people
