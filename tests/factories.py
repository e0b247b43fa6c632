"""factory_boy factories for the models tests build on."""

from __future__ import annotations

from datetime import date, timedelta

import factory
from django.utils import timezone

from safecomms.cases.models import Allocation, CasePerson, Child, ContactPoint, Relationship
from safecomms.staff.models import Role, StaffRole, Team, TeamMembership, User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"staff{n}@council.example")
    full_name = factory.Faker("name", locale="en_GB")
    job_title = "Social worker"
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=400))
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        for role in extracted or [Role.PRACTITIONER]:
            StaffRole.objects.create(user=self, role=role)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Children's Team {n}")
    service_area = "Family support and safeguarding"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMembership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=365))


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Child

    person_id = factory.Sequence(lambda n: str(1_000_000 + n))
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    date_of_birth = date(2012, 5, 17)


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allocation

    child = factory.SubFactory(ChildFactory)
    worker = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))


class CasePersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CasePerson

    child = factory.SubFactory(ChildFactory)
    full_name = factory.Faker("name", locale="en_GB")
    relationship = Relationship.MOTHER


class ContactPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPoint

    person = factory.SubFactory(CasePersonFactory)
    kind = "phone"
    value = "+447700900123"
