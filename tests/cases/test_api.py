import pytest
from django.urls import reverse

from safecomms.audit.models import AuditEntry
from safecomms.cases.models import CasePerson
from safecomms.staff.services import access_token_create
from tests.factories import (
    AllocationFactory,
    ChildFactory,
    MembershipFactory,
    TeamFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scripted():
    team = TeamFactory()
    worker = UserFactory()
    MembershipFactory(user=worker, team=team)
    children = [ChildFactory() for _ in range(3)]
    for child in children:
        AllocationFactory(child=child, worker=worker, team=team)
    ChildFactory()  # someone else's case
    _, raw = access_token_create(owner=worker, name="script")
    return {
        "headers": {"HTTP_AUTHORIZATION": f"Bearer {raw}"},
        "children": children,
        "worker": worker,
    }


def test_cases_are_listed_paginated_and_only_those_readable(client, scripted) -> None:
    body = client.get(reverse("api:list_cases") + "?limit=2", **scripted["headers"]).json()
    assert body["count"] == 3
    assert len(body["items"]) == 2


def test_a_case_is_read_with_its_people_and_the_read_is_audited(client, scripted) -> None:
    child = scripted["children"][0]
    body = client.get(reverse("api:get_case", args=[child.pk]), **scripted["headers"]).json()
    assert body["person_id"] == child.person_id
    assert body["allocations"][0]["worker_email"] == scripted["worker"].email
    assert AuditEntry.objects.filter(action="case.viewed", child_id=child.pk).exists()


def test_adding_a_person_validates_and_records(client, scripted) -> None:
    url = reverse("api:add_person", args=[scripted["children"][0].pk])
    bad = client.post(
        url,
        {"full_name": "", "relationship": "aunt"},
        content_type="application/json",
        **scripted["headers"],
    )
    assert bad.status_code == 422
    assert not CasePerson.objects.exists()
    good = client.post(
        url,
        {"full_name": "Dawn Walker", "relationship": "mother", "aliases": "Mum"},
        content_type="application/json",
        **scripted["headers"],
    )
    assert good.status_code == 201
    assert good.json()["aliases"] == ["Mum"]


def test_the_openapi_document_describes_the_api(client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert document["info"]["title"] == "SafeComms API"
    assert "/api/v1/cases/{child_id}" in document["paths"]
