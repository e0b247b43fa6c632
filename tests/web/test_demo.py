import pytest
from django.core.management import call_command

from safecomms.cases.models import Child
from safecomms.staff.models import Role, StaffRole, Team, User

pytestmark = pytest.mark.django_db


def test_demo_council_is_created_once_with_every_role(capsys) -> None:
    call_command("seed_demo", children=24)
    first = capsys.readouterr().out
    assert Team.objects.count() == 4
    assert Child.objects.count() == 24
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
    # Everyday activity, made through the services, so every role's pages have something to show.
    from safecomms.communications.models import Communication, Flag, FlagCode
    from safecomms.devices.models import ContactException, Device
    from safecomms.visits.models import VisitAssessment

    assert Device.objects.count() >= 10
    assert Communication.objects.filter(findings__isnull=False).exists()
    codes = set(Flag.objects.open().values_list("code", flat=True))
    assert {FlagCode.UNAPPROVED_ACCOUNT, FlagCode.CONDUCT} <= codes
    assert ContactException.objects.filter(status="requested").count() == 1
    assert VisitAssessment.objects.count() == 1
    users = User.objects.count()
    call_command("seed_demo", children=24)
    assert User.objects.count() == users
    assert Child.objects.count() == 24


def test_demo_data_is_refused_in_production(settings) -> None:
    from django.core.management.base import CommandError

    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("seed_demo")
