"""The API for the register and exceptions, with personal access tokens."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from safecomms.devices.models import ContactException, Device, ExceptionStatus
from safecomms.staff.services import access_token_create

pytestmark = pytest.mark.django_db


def _headers(user) -> dict[str, str]:
    _, raw = access_token_create(owner=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_ict_registers_and_lists_devices_and_accounts(client, office) -> None:
    ict = _headers(office["ict"])
    created = client.post(
        reverse("api:create_device"),
        {
            "asset_tag": "WCC-T-7",
            "kind": "tablet",
            "phone_number": "07700 900 777",
            "assigned_to_email": "Jordan.Ellis@council.example",
        },
        content_type="application/json",
        **ict,
    )
    assert created.status_code == 201, created.content
    assert created.json()["phone_number"] == "+447700900777"
    assert created.json()["assigned_to_email"] == "jordan.ellis@council.example"
    duplicate = client.post(
        reverse("api:create_device"),
        {"asset_tag": "wcc-t-7", "kind": "tablet"},
        content_type="application/json",
        **ict,
    )
    assert duplicate.status_code == 422
    assert duplicate.json()["errors"]["asset_tag"] == [
        "A device with asset tag wcc-t-7 is already on the register"
    ]
    listed = client.get(reverse("api:list_devices") + "?q=jordan", **ict).json()
    assert listed["count"] == 1 and listed["items"][0]["asset_tag"] == "WCC-T-7"

    approved = client.post(
        reverse("api:approve_account"),
        {
            "owner_email": "jordan.ellis@council.example",
            "kind": "work_mobile",
            "identifier": "07700900777",
        },
        content_type="application/json",
        **ict,
    )
    assert approved.status_code == 201
    assert approved.json()["approved_by_email"] == "dev.anand@council.example"
    unknown = client.post(
        reverse("api:approve_account"),
        {"owner_email": "nobody@council.example", "kind": "teams", "identifier": "a@b.example"},
        content_type="application/json",
        **ict,
    )
    assert unknown.status_code == 422
    assert "No member of staff" in unknown.json()["detail"]
    assert client.get(reverse("api:list_accounts"), **ict).json()["count"] == 1
    assert client.get(reverse("api:list_devices"), **_headers(office["worker"])).status_code == 403
    assert Device.objects.count() == 1


def test_an_exception_is_requested_and_decided_through_the_api(client, office) -> None:
    child = office["child"]
    worker = _headers(office["worker"])
    asked = client.post(
        reverse("api:request_exception", args=[child.pk]),
        {
            "channel": "personal_email",
            "identifier": "Jordan@Home.example",
            "reasons": "Family asked.",
        },
        content_type="application/json",
        **worker,
    )
    assert asked.status_code == 201, asked.content
    body = asked.json()
    assert body["identifier"] == "jordan@home.example"
    assert body["decider_email"] == "rachel.green@council.example"
    assert "first_name" not in body
    mine = client.get(reverse("api:list_my_exceptions"), **worker).json()
    assert [item["id"] for item in mine] == [body["id"]]

    manager = _headers(office["manager"])
    waiting = client.get(reverse("api:list_my_exceptions") + "?deciding=true", **manager).json()
    assert [item["id"] for item in waiting] == [body["id"]]
    decide = reverse("api:decide_exception", args=[body["id"]])
    too_long = client.post(
        decide,
        {
            "approve": True,
            "reasons": "Agreed.",
            "starts_on": timezone.localdate().isoformat(),
            "ends_on": (timezone.localdate() + timedelta(days=400)).isoformat(),
        },
        content_type="application/json",
        **manager,
    )
    assert too_long.status_code == 422
    assert "at most 12 months" in too_long.json()["errors"]["ends_on"][0]
    assert (
        client.post(
            decide, {"approve": False, "reasons": "x"}, content_type="application/json", **worker
        ).status_code
        == 403
    )
    refused = client.post(
        decide,
        {"approve": False, "reasons": "Use Teams instead."},
        content_type="application/json",
        **manager,
    )
    assert refused.status_code == 200
    assert refused.json()["status"] == "refused"
    assert ContactException.objects.get().status == ExceptionStatus.REFUSED


def test_asking_without_a_line_manager_is_a_clear_422(client, office) -> None:
    response = client.post(
        reverse("api:request_exception", args=[office["child"].pk]),
        {"channel": "personal_phone", "identifier": "07700900555", "reasons": "x"},
        content_type="application/json",
        **_headers(office["colleague"]),
    )
    assert response.status_code == 422
    assert "no line manager recorded for you" in response.json()["detail"]
