import pytest
from django.urls import reverse

from safecomms.staff.models import AccessToken
from tests.factories import UserFactory
from tests.pages import sign_in

pytestmark = pytest.mark.django_db


def test_a_token_is_shown_once_stored_as_a_hash_and_can_be_revoked(client, pages) -> None:
    user = UserFactory()
    sign_in(client, user)
    page = pages.post(
        reverse("staff:account"), {"name": "caseload report"}, status=200
    ).content.decode()
    token = AccessToken.objects.get(owner=user)
    raw = page.split("sc_", 1)[1].split("<", 1)[0].strip()
    assert ("sc_" + raw) not in token.token_hash
    api = reverse("api:me")
    assert client.get(api, HTTP_AUTHORIZATION=f"Bearer sc_{raw}").json()["email"] == user.email
    pages.post(reverse("staff:token-revoke", args=[token.pk]), {})
    assert client.logout() is None
    assert client.get(api, HTTP_AUTHORIZATION=f"Bearer sc_{raw}").status_code == 401


def test_an_empty_token_name_is_refused_with_a_message(client, pages) -> None:
    sign_in(client, UserFactory())
    page = pages.post(reverse("staff:account"), {"name": ""}, status=200).content.decode()
    assert "Enter what the token is for" in page
    assert not AccessToken.objects.exists()
