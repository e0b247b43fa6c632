"""`POST /api/v1/screen`: the same checks as the page, for scripts and other systems."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from safecomms.audit.models import AuditEntry
from safecomms.staff.services import access_token_create

pytestmark = pytest.mark.django_db

URL = "/api/v1/screen"


def _client(user: Any) -> tuple[Client, dict[str, str]]:
    _, raw = access_token_create(owner=user, name="screening script")
    return Client(), {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_route_is_where_the_contract_says() -> None:
    assert reverse("api:screen_text") == URL


def test_screening_returns_findings_redaction_and_verdict(case_setup: dict[str, Any]) -> None:
    client, headers = _client(case_setup["worker"])
    text = "Hi, ring me on 07700 900123 lol"
    response = client.post(
        URL, {"text": text, "channel": "whatsapp"}, content_type="application/json", **headers
    )
    assert response.status_code == 200, response.content
    body = response.json()
    categories = {finding["category"] for finding in body["findings"]}
    assert {"phone", "text_speak"} <= categories
    phone = next(f for f in body["findings"] if f["category"] == "phone")
    assert text[phone["start"] : phone["end"]] == "07700 900123"
    assert set(phone) == {"category", "start", "end", "rule", "severity", "message"}
    assert phone["rule"] == "6.1-minimise-client-data"
    assert "[phone number]" in body["redacted"] and "07700" not in body["redacted"]
    assert body["channel_verdict"]["route"] in {"messaging", "council_system"}
    assert isinstance(body["channel_verdict"]["fit_for_messaging"], bool)
    assert body["channel_verdict"]["reason"]
    entry = AuditEntry.objects.filter(action="screening.message_checked").get()
    assert "07700" not in repr(entry.changes) and entry.content_hashes == {}


def test_a_case_gives_its_people_as_the_gazetteer(case_setup: dict[str, Any]) -> None:
    client, headers = _client(case_setup["worker"])
    text = "Please remind Dee about the meeting."
    plain = client.post(URL, {"text": text}, content_type="application/json", **headers).json()
    assert not any(f["category"] == "person" for f in plain["findings"])
    with_case = client.post(
        URL,
        {"text": text, "child_id": case_setup["child"].pk},
        content_type="application/json",
        **headers,
    ).json()
    person = [f for f in with_case["findings"] if f["category"] == "person"]
    assert [text[f["start"] : f["end"]] for f in person] == ["Dee"]


def test_a_case_the_caller_cannot_read_is_refused_and_audited(case_setup: dict[str, Any]) -> None:
    client, headers = _client(case_setup["outsider"])
    response = client.post(
        URL,
        {"text": "Hello", "child_id": case_setup["child"].pk},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 403
    assert AuditEntry.objects.filter(action="access.refused").exists()
    assert not AuditEntry.objects.filter(action="screening.message_checked").exists()
    missing = client.post(
        URL, {"text": "Hello", "child_id": 999_999}, content_type="application/json", **headers
    )
    assert missing.status_code == 403


def test_sent_at_flags_contact_at_unusual_hours(case_setup: dict[str, Any]) -> None:
    client, headers = _client(case_setup["worker"])
    body = client.post(
        URL,
        {"text": "Are you okay?", "channel": "sms", "sent_at": "2026-03-03T23:40:00"},
        content_type="application/json",
        **headers,
    ).json()
    late = [f for f in body["findings"] if f["category"] == "boundary"]
    assert late and late[0]["start"] == late[0]["end"] == 0


def test_bad_input_is_refused_with_422(case_setup: dict[str, Any]) -> None:
    client, headers = _client(case_setup["worker"])
    for payload in (
        {"text": ""},
        {"text": "x" * 20_001},
        {"text": "Hello", "channel": "pigeon"},
        {"channel": "sms"},
        {"text": "Hello", "sent_at": "not a time"},
    ):
        response = client.post(URL, payload, content_type="application/json", **headers)
        assert response.status_code == 422, payload
    blank = client.post(URL, {"text": "   "}, content_type="application/json", **headers)
    assert blank.status_code == 422
    assert "Enter the message" in blank.json()["detail"]


def test_anonymous_callers_must_authenticate() -> None:
    response = Client().post(URL, {"text": "Hello"}, content_type="application/json")
    assert response.status_code == 401


def test_the_operation_is_in_the_openapi_document(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"][URL]["post"]
    assert operation["summary"] == "Check a draft message against the guidance"
    schemas = document["components"]["schemas"]
    assert {"text", "channel", "sent_at", "child_id"} <= set(schemas["ScreenIn"]["properties"])
    assert {"findings", "redacted", "channel_verdict"} <= set(schemas["ScreenOut"]["properties"])
