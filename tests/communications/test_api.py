"""Communications over the API: the same rules and checks as the pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from safecomms.staff.services import access_token_create
from tests.communications.scenario import WORK_MOBILE, a_while_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(world: dict[str, Any]) -> dict[str, Any]:
    _, raw = access_token_create(owner=world["worker"], name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def payload(world: dict[str, Any], **values: Any) -> dict[str, Any]:
    data = {
        "occurred_at": a_while_ago(2).isoformat(),
        "kind": "instant_message",
        "platform": "whatsapp",
        "direction": "outbound",
        "summary": "Checked in after school",
        "content": "Hi, how did today go? ring me on my personal number",
        "people": [world["mother"].pk],
        "account_identifier": WORK_MOBILE,
        "device_id": world["device"].pk,
    }
    data.update(values)
    return data


def test_a_record_is_created_screened_completed_and_added_to(client, world, api) -> None:
    child = world["child"]
    url = reverse("api:create_communication", args=[child.pk])
    created = client.post(url, payload(world), content_type="application/json", **api)
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "draft" and body["approved_account"] is True
    assert {f["category"] for f in body["findings"]} >= {"boundary"}
    assert [f["code"] for f in body["flags"]] == ["conduct"]
    record = body["id"]

    addendum = reverse("api:add_addendum", args=[child.pk, record])
    refused = client.post(addendum, {"text": "x"}, content_type="application/json", **api)
    assert refused.status_code == 422 and "still a draft" in refused.json()["detail"]

    completed = client.post(reverse("api:complete_communication", args=[child.pk, record]), **api)
    assert completed.json()["status"] == "completed"
    added = client.post(
        addendum, {"text": "Mum called back."}, content_type="application/json", **api
    )
    assert added.status_code == 201
    one = client.get(reverse("api:get_communication", args=[child.pk, record]), **api).json()
    assert [a["text"] for a in one["addenda"]] == ["Mum called back."]


def test_bad_records_are_refused_with_a_reason(client, world, api) -> None:
    url = reverse("api:create_communication", args=[world["child"].pk])
    empty = client.post(
        url, payload(world, summary="", content=""), content_type="application/json", **api
    )
    assert empty.status_code == 422
    assert "Enter a summary or the content" in empty.json()["detail"]
    stranger = client.post(
        url, payload(world, people=[999999]), content_type="application/json", **api
    )
    assert stranger.status_code == 422
    wrong_kind = client.post(
        url, payload(world, kind="pigeon"), content_type="application/json", **api
    )
    assert wrong_kind.status_code == 422


def test_records_and_the_chronology_are_listed(client, world, api) -> None:
    child = world["child"]
    url = reverse("api:create_communication", args=[child.pk])
    for hour in (9, 10, 11):
        moment = a_while_ago(2, hour=hour).isoformat()
        client.post(
            url,
            payload(world, occurred_at=moment, complete=True),
            content_type="application/json",
            **api,
        )
    listed = client.get(
        reverse("api:list_communications", args=[child.pk]) + "?limit=2", **api
    ).json()
    assert listed["count"] == 3 and len(listed["items"]) == 2
    assert listed["items"][0]["open_flags"] == ["conduct"]
    chronology = client.get(
        reverse("api:get_chronology", args=[child.pk]) + "?per_page=2&kind=instant_message", **api
    ).json()
    assert chronology["count"] == 3 and chronology["pages"] == 2
    assert chronology["items"][0]["type"] == "communication"


def test_the_openapi_document_lists_the_operations(client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/cases/{child_id}/communications" in paths
    assert "/api/v1/cases/{child_id}/chronology" in paths
    assert "/api/v1/cases/{child_id}/visit-assessments" in paths
    assert "/api/v1/decisions" in paths
