import pytest
from django.core.management import call_command

from safecomms.cases.models import Child
from safecomms.staff.models import Role, StaffRole, Team, User

pytestmark = pytest.mark.django_db


def test_demo_council_is_created_once_with_every_role(capsys) -> None:
    call_command("seed_demo", children=12)
    first = capsys.readouterr().out
    assert Team.objects.count() == 4
    assert Child.objects.count() == 12
    assert set(StaffRole.objects.values_list("role", flat=True)) == set(Role.values)
    for role in (
        "Practitioner",
        "Team manager",
        "HR business partner",
        "Information governance officer",
        "ICT administrator",
        "System administrator",
    ):
        assert role in first
    assert "authenticator app" in first
    users = User.objects.count()
    call_command("seed_demo", children=12)
    assert User.objects.count() == users
    assert Child.objects.count() == 12


def test_demo_data_is_refused_in_production(settings) -> None:
    from django.core.management.base import CommandError

    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("seed_demo")
