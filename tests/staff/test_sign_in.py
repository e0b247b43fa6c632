import time

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from safecomms.audit.models import AuditEntry
from safecomms.staff.middleware import LAST_SEEN_AT, SIGNED_IN_AT
from safecomms.staff.models import Role
from tests.factories import PASSWORD, UserFactory
from tests.pages import sign_in

pytestmark = pytest.mark.django_db


def _sign_in(client, email: str, password: str = PASSWORD):
    return client.post(reverse("staff:sign-in"), {"email": email, "password": password})


def test_sign_in_starts_a_new_session_and_is_audited(client, pages) -> None:
    user = UserFactory(email="jo.practitioner@council.example")
    pages.get(reverse("staff:sign-in"))
    before = client.session.session_key
    response = _sign_in(client, "Jo.Practitioner@council.example")
    assert response.status_code == 302
    assert client.session.session_key != before
    assert AuditEntry.objects.filter(action="auth.signed_in", actor_id=user.pk).exists()


def test_a_wrong_password_is_refused_with_a_clear_message_and_audited(client, pages) -> None:
    UserFactory(email="jo@council.example")
    page = pages.post(
        reverse("staff:sign-in"), {"email": "jo@council.example", "password": "nope"}, status=200
    )
    assert "Enter a correct work e-mail address and password" in page.content.decode()
    assert AuditEntry.objects.filter(action="auth.sign_in_failed").count() == 1


def test_more_than_ten_failures_in_five_minutes_locks_sign_in(client) -> None:
    UserFactory(email="target@council.example")
    for _ in range(10):
        _sign_in(client, "target@council.example", "wrong password")
    response = _sign_in(client, "target@council.example")
    assert response.status_code == 429
    assert "too many attempts" in response.content.decode()


def test_leavers_and_disabled_staff_cannot_sign_in(client) -> None:
    import datetime

    UserFactory(email="gone@council.example", leave_date=datetime.date(2020, 1, 1))
    UserFactory(email="off@council.example", is_active=False)
    assert _sign_in(client, "gone@council.example").status_code == 200
    assert _sign_in(client, "off@council.example").status_code == 200


def test_managers_must_set_up_two_step_verification(client) -> None:
    manager = UserFactory(roles=[Role.TEAM_MANAGER], email="tm@council.example")
    _sign_in(client, "tm@council.example")
    response = client.get(reverse("cases:mine"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:two-step-setup"))
    client.get(reverse("staff:two-step-setup"))
    device = TOTPDevice.objects.get(user=manager, confirmed=False)
    good = client.post(reverse("staff:two-step-setup"), {"code": f"{totp(device.bin_key):06d}"})
    assert good.status_code == 302
    assert client.get(reverse("cases:mine")).status_code == 200
    assert AuditEntry.objects.filter(action="auth.two_step_enabled", actor_id=manager.pk).exists()


def test_staff_with_a_device_must_enter_a_code_each_sign_in(client) -> None:
    user = UserFactory(email="careful@council.example")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    _sign_in(client, "careful@council.example")
    assert client.get(reverse("cases:mine"))["Location"].startswith(
        reverse("staff:two-step-verify")
    )
    response = client.post(
        reverse("staff:two-step-verify"), {"code": f"{totp(device.bin_key):06d}", "next": "/cases/"}
    )
    assert response["Location"] == "/cases/"


def test_practitioners_may_work_without_two_step(client) -> None:
    _ = UserFactory(email="p@council.example")
    _sign_in(client, "p@council.example")
    assert client.get(reverse("cases:mine")).status_code == 200


@pytest.mark.parametrize(("idle", "total"), [(31 * 60, 40 * 60), (60, 12 * 3600 + 60)])
def test_sessions_end_after_30_minutes_idle_or_12_hours_in_all(
    client, idle: int, total: int
) -> None:
    user = UserFactory()
    sign_in(client, user)
    assert client.get(reverse("cases:mine")).status_code == 200
    session = client.session
    now = time.time()
    session[SIGNED_IN_AT] = now - total
    session[LAST_SEEN_AT] = now - idle
    session.save()
    response = client.get(reverse("cases:mine"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:sign-in"))
    assert AuditEntry.objects.filter(action="auth.session_ended").exists()


def test_a_disabled_account_is_signed_out_on_its_next_request(client) -> None:
    user = UserFactory()
    sign_in(client, user)
    assert client.get(reverse("cases:mine")).status_code == 200
    user.is_active = False
    user.save()
    assert client.get(reverse("cases:mine"))["Location"].startswith(reverse("staff:sign-in"))


def test_next_urls_cannot_send_people_off_site(client) -> None:
    UserFactory(email="n@council.example")
    response = client.post(
        reverse("staff:sign-in"),
        {"email": "n@council.example", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


def test_a_wrong_two_step_code_is_refused_with_a_message(client, pages) -> None:
    user = UserFactory(roles=[Role.IG_OFFICER])
    client.force_login(user)
    pages.get(reverse("staff:two-step-setup"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = f"{(totp(device.bin_key) + 1) % 1_000_000:06d}"
    page = pages.post(reverse("staff:two-step-setup"), {"code": wrong}, status=200).content.decode()
    assert "That code is not right" in page
    page = pages.post(
        reverse("staff:two-step-setup"), {"code": "12ab"}, status=200
    ).content.decode()
    assert "The code must be 6 digits" in page
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
