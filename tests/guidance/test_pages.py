import pytest
from django.urls import reverse

from safecomms.audit.models import AuditEntry
from safecomms.guidance.models import Acknowledgement
from tests.factories import UserFactory
from tests.pages import sign_in

pytestmark = pytest.mark.django_db


def test_register_lists_every_rule_and_says_it_is_past_review(client, pages) -> None:
    user = UserFactory()
    sign_in(client, user)
    page = pages.get(reverse("guidance:register")).content.decode()
    assert "past its review date" in page
    assert 'id="rule-5.1-approved-accounts"' in page
    assert "I have read this version" in page


def test_acknowledging_is_recorded_once_and_audited(client, pages) -> None:
    user = UserFactory()
    sign_in(client, user)
    pages.post(reverse("guidance:acknowledge"), {})
    pages.post(reverse("guidance:acknowledge"), {})
    assert Acknowledgement.objects.filter(user=user, version="2.0").count() == 1
    assert AuditEntry.objects.filter(action="guidance.acknowledged", actor_id=user.pk).count() == 1
    assert (
        "You confirmed you had read this version"
        in pages.get(reverse("guidance:register")).content.decode()
    )
