"""Fill an empty development database with a realistic, repeatable demo council.

Every run prints the demo sign-ins. Demo accounts are refused in production: they exist only in
the demo database.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from faker import Faker

from safecomms.cases.models import (
    Allocation,
    AllocationKind,
    CasePerson,
    Child,
    ContactKind,
    ContactPoint,
    LegalStatus,
    Relationship,
)
from safecomms.staff.models import Role, StaffRole, Team, TeamMembership, User
from safecomms.web.demo_activity import (
    assess_and_ask,
    record_contact,
    register_devices_and_accounts,
)

DEMO_PASSWORD = "demo-safecomms-2026"  # noqa: S105 - printed for newcomers; refused in production
DEMO_DOMAIN = "demo.council.example"
# A fixed authenticator key per demo account that must use two-step verification, so the printed
# key works on every run (base32 of these 20 bytes is what the newcomer types into their app).
DEMO_TOTP_KEYS = {
    "manager": "3132333435363738393031323334353637383930",
}
TEAMS = [
    ("Children's Team North", "Family support and safeguarding"),
    ("Children's Team South", "Family support and safeguarding"),
    ("Children in Care Team", "Children in care"),
    ("Leaving Care Team", "Care leavers"),
]


def _email(name: str) -> str:
    return f"{name.lower().replace(' ', '.').replace(chr(39), '')}@{DEMO_DOMAIN}"


class Command(BaseCommand):
    help = "Create the demo council (teams, staff, children and families) and print the sign-ins."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--children", type=int, default=48, help="how many children (default 48)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo data is never created in production.")
        if not User.objects.filter(email__endswith="@" + DEMO_DOMAIN).exists():
            with transaction.atomic():
                self._create(options["children"])
            self.stdout.write(self.style.SUCCESS("Demo council created."))
        self._print_sign_ins()

    def _user(
        self, name: str, title: str, *roles: str, key: str | None = None, **extra: Any
    ) -> User:
        user = User.objects.create_user(
            _email(name), DEMO_PASSWORD, full_name=name, job_title=title, **extra
        )
        for role in roles:
            StaffRole.objects.create(user=user, role=role)
        if Role.SYSTEM_ADMIN in roles:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        if key:
            TOTPDevice.objects.create(user=user, name="Demo authenticator", key=key, confirmed=True)
        return user

    def _create(self, child_count: int) -> None:
        fake = Faker("en_GB")
        fake.seed_instance(2020)
        rng = random.Random(2020)  # noqa: S311 - demo data, not security
        start = date(2023, 4, 1)
        key_for_demo = DEMO_TOTP_KEYS["manager"]
        hr = [
            self._user(
                "Priya Shah", "HR business partner", Role.HR_BUSINESS_PARTNER, key=key_for_demo
            ),
            self._user(
                "Gareth Lloyd", "HR business partner", Role.HR_BUSINESS_PARTNER, key=key_for_demo
            ),
        ]
        self._user(
            "Helen Okafor", "Information governance officer", Role.IG_OFFICER, key=key_for_demo
        )
        self._user("Tom Bradley", "ICT administrator", Role.ICT_ADMIN, key=key_for_demo)
        self._user("Sam Patel", "System administrator", Role.SYSTEM_ADMIN, key=key_for_demo)
        demo_names = {
            "Children's Team North": (
                "Rachel Green",
                ["Jordan Ellis", "Amira Hussain", "Chloe Davies"],
            ),
            "Children's Team South": (
                "Mark Whitfield",
                ["Oliver Grant", "Zainab Ali", "Megan Price"],
            ),
            "Children in Care Team": ("Fiona Campbell", ["Daniel Reid", "Sophie Turner"]),
            "Leaving Care Team": ("Kwame Mensah", ["Laura Bennett", "Ethan Cole"]),
        }
        practitioners: list[tuple[User, Team]] = []
        for index, (team_name, area) in enumerate(TEAMS):
            team = Team.objects.create(
                name=team_name, service_area=area, hr_business_partner=hr[index % 2]
            )
            manager_name, worker_names = demo_names[team_name]
            manager = self._user(
                manager_name, "Team manager", Role.TEAM_MANAGER, key=key_for_demo, start_date=start
            )
            team.managers.add(manager)
            TeamMembership.objects.create(user=manager, team=team, start_date=start)
            for worker_name in worker_names:
                worker = self._user(
                    worker_name,
                    "Social worker",
                    Role.PRACTITIONER,
                    line_manager=manager,
                    start_date=start,
                )
                TeamMembership.objects.create(user=worker, team=team, start_date=start)
                practitioners.append((worker, team))
        student = self._user(
            "Alex Morgan",
            "Student social worker",
            Role.PRACTITIONER,
            line_manager=User.objects.get(email=_email("Rachel Green")),
        )
        north = Team.objects.get(name=TEAMS[0][0])
        TeamMembership.objects.create(user=student, team=north, start_date=start)
        supervisor = User.objects.get(email=_email("Jordan Ellis"))

        statuses = [
            LegalStatus.CIN,
            LegalStatus.CP,
            LegalStatus.CLA,
            LegalStatus.CARE_LEAVER,
            LegalStatus.EARLY_HELP,
        ]
        for number in range(child_count):
            worker, team = practitioners[number % len(practitioners)]
            if team.name == "Leaving Care Team":
                status = LegalStatus.CARE_LEAVER
                born = fake.date_between(date(2003, 1, 1), date(2008, 1, 1))
            elif team.name == "Children in Care Team":
                status = LegalStatus.CLA
                born = fake.date_between(date(2008, 1, 1), date(2022, 1, 1))
            else:
                status = rng.choice([*statuses[:2], LegalStatus.EARLY_HELP])
                born = fake.date_between(date(2008, 1, 1), date(2023, 1, 1))
            surname = fake.last_name()
            child = Child.objects.create(
                person_id=str(1_200_000 + number * 37),
                first_name=fake.first_name(),
                last_name=surname,
                date_of_birth=born,
                legal_status=status,
            )
            allocated = start + timedelta(days=rng.randint(0, 500))
            Allocation.objects.create(child=child, worker=worker, team=team, start_date=allocated)
            if number == 0:
                Allocation.objects.create(
                    child=child,
                    worker=student,
                    team=north,
                    kind=AllocationKind.STUDENT,
                    start_date=allocated,
                )
            if number % 7 == 3:
                # A previous worker whose allocation has ended: their access has ended too.
                Allocation.objects.create(
                    child=child,
                    worker=supervisor,
                    team=north,
                    start_date=allocated - timedelta(days=300),
                    end_date=allocated - timedelta(days=1),
                )
            mother = CasePerson.objects.create(
                child=child,
                full_name=f"{fake.first_name_female()} {surname}",
                relationship=Relationship.MOTHER,
                has_parental_responsibility=True,
            )
            ContactPoint.objects.create(
                person=mother,
                kind=ContactKind.PHONE,
                value=f"+447700900{rng.randint(100, 999)}",
                label="mobile",
            )
            if rng.random() < 0.6:
                father = CasePerson.objects.create(
                    child=child,
                    full_name=f"{fake.first_name_male()} {fake.last_name()}",
                    relationship=Relationship.FATHER,
                    has_parental_responsibility=rng.random() < 0.7,
                )
                ContactPoint.objects.create(
                    person=father,
                    kind=ContactKind.PHONE,
                    value=f"+447700900{rng.randint(100, 999)}",
                    label="mobile",
                )
            if status == LegalStatus.CLA:
                carer = CasePerson.objects.create(
                    child=child, full_name=fake.name(), relationship=Relationship.FOSTER_CARER
                )
                ContactPoint.objects.create(
                    person=carer, kind=ContactKind.EMAIL, value=fake.free_email()
                )
            CasePerson.objects.create(
                child=child,
                full_name=f"{fake.first_name()} {fake.last_name()}",
                relationship=Relationship.SCHOOL,
                aliases="DSL",
            )
            if born < date(2014, 1, 1):
                ContactPoint.objects.create(
                    child=child,
                    kind=ContactKind.WHATSAPP,
                    value=f"+447700900{rng.randint(100, 999)}",
                )
        jordan = User.objects.get(email=_email("Jordan Ellis"))
        register_devices_and_accounts(User.objects.get(email=_email("Tom Bradley")))
        record_contact(jordan)
        assess_and_ask(User.objects.get(email=_email("Rachel Green")), jordan)

    def _print_sign_ins(self) -> None:
        import base64

        secret = base64.b32encode(bytes.fromhex(DEMO_TOTP_KEYS["manager"])).decode()
        rows = [
            ("Practitioner", "Jordan Ellis"),
            ("Practitioner (student)", "Alex Morgan"),
            ("Team manager", "Rachel Green"),
            ("HR business partner", "Priya Shah"),
            ("Information governance officer", "Helen Okafor"),
            ("ICT administrator", "Tom Bradley"),
            ("System administrator", "Sam Patel"),
        ]
        self.stdout.write(f"\nDemo sign-ins (password for every account: {DEMO_PASSWORD})")
        for role, name in rows:
            self.stdout.write(f"  {role:<32} {_email(name)}")
        self.stdout.write(
            "\nManagers, HR, IG, ICT and system administrators also need a two-step code. Add this key\n"
            f"to any authenticator app (time-based, 6 digits): {secret}\n"
            "or print the current code with: .venv/bin/safecomms manage demo_code\n"
        )
