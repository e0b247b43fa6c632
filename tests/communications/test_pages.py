"""Recording, checking, completing and adding to a communication through the pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from safecomms.audit.models import AuditEntry
from safecomms.communications.models import Addendum, Communication, Flag, FlagCode
from tests.communications.scenario import a_while_ago
from tests.pages import sign_in

pytestmark = pytest.mark.django_db


def form_data(world: dict[str, Any], **values: Any) -> dict[str, Any]:
    moment = a_while_ago(1)
    data: dict[str, Any] = {
        "kind": "text",
        "platform": "sms",
        "direction": "outbound",
        "occurred_on-day": str(moment.day),
        "occurred_on-month": str(moment.month),
        "occurred_on-year": str(moment.year),
        "occurred_time": "14:30",
        "people": ["child", str(world["mother"].pk)],
        "account": str(world["account"].pk),
        "other_account": "",
        "device": str(world["device"].pk),
        "other_device": "",
        "summary": "Confirmed Thursday's visit",
        "content": "Hi Kai, keep this between us. See you Thursday at 4pm.",
    }
    data.update(values)
    return data


def test_a_practitioner_records_a_text_sees_findings_and_completes_it(client, pages, world) -> None:
    child = world["child"]
    sign_in(client, world["worker"])
    case_page = pages.get(reverse("cases:detail", args=[child.pk])).content.decode()
    assert "Record a communication" in case_page and "Chronology" in case_page
    assert "Not assessed" in case_page
    create = reverse("communications:create", args=[child.pk])
    page = pages.get(create).content.decode()
    assert "Record a communication" in page
    response = pages.post(create, form_data(world))
    communication = Communication.objects.get()
    assert response["Location"] == reverse(
        "communications:detail", args=[child.pk, communication.pk]
    )
    assert communication.includes_child and list(communication.people.all()) == [world["mother"]]
    assert communication.account == world["account"]

    page = pages.get(response["Location"]).content.decode()
    assert "Draft" in page
    assert '<mark class="app-finding app-finding--block">' in page
    assert "Start of finding 2, boundary concern: </span>keep this between us" in page
    assert "5.1-no-grooming-risk" in page and "6.1-minimise-client-data" in page
    assert "Flagged for the manager" in page
    assert "Complete the record" in page and "Change the draft" in page

    pages.post(reverse("communications:complete", args=[child.pk, communication.pk]), {})
    communication.refresh_from_db()
    assert communication.is_completed
    page = pages.get(
        reverse("communications:detail", args=[child.pk, communication.pk])
    ).content.decode()
    assert "Completed" in page and "Add an addendum" in page and "Change the draft" not in page


def test_the_form_explains_every_mistake(client, pages, world) -> None:
    sign_in(client, world["worker"])
    url = reverse("communications:create", args=[world["child"].pk])
    page = pages.post(url, {}, status=200).content.decode()
    for message in (
        "There is a problem",
        "Choose the type of communication",
        "Choose the platform used",
        "Choose who the communication was from",
        "Enter the date of the communication",
        "Enter the time of the communication",
        "Choose who the communication was with",
        "Choose the account or number you used",
        "Choose the device you used",
    ):
        assert message in page, message
    page = pages.post(
        url,
        form_data(
            world,
            occurred_time="25:99",
            account="other",
            device="other",
            summary="",
            content="",
        ),
        status=200,
    ).content.decode()
    assert "Enter a real time, like 14:30" in page
    assert "Enter the account or number you used" in page
    assert "Say what device you used" in page
    assert "Enter a summary or the content of the communication" in page
    future = form_data(world, **{"occurred_on-year": "2999"})
    assert "must be in the past" in pages.post(url, future, status=200).content.decode()
    assert not Communication.objects.exists()


def test_another_account_and_device_are_recorded_and_flagged(client, pages, world) -> None:
    sign_in(client, world["worker"])
    pages.post(
        reverse("communications:create", args=[world["child"].pk]),
        form_data(
            world,
            kind="video_call",
            platform="whatsapp",
            is_virtual_visit="on",
            account="other",
            other_account="07700 900 888",
            device="other",
            other_device="My own phone",
            content="Saw Kai at home; he was cheerful.",
        ),
    )
    communication = Communication.objects.get()
    assert communication.account_identifier == "07700 900 888"
    assert communication.device_description == "My own phone"
    assert set(Flag.objects.open().values_list("code", flat=True)) == {
        FlagCode.UNAPPROVED_ACCOUNT,
        FlagCode.UNAPPROVED_DEVICE,
        FlagCode.NO_VISIT_ASSESSMENT,
    }


def test_only_the_recorder_or_a_case_manager_changes_a_draft(client, pages, world) -> None:
    child = world["child"]
    sign_in(client, world["worker"])
    pages.post(reverse("communications:create", args=[child.pk]), form_data(world))
    communication = Communication.objects.get()
    edit = reverse("communications:edit", args=[child.pk, communication.pk])
    page = pages.get(edit).content.decode()
    assert "Confirmed Thursday" in page
    pages.post(edit, form_data(world, summary="Visit moved to Friday", content="See you Friday."))
    communication.refresh_from_db()
    assert communication.summary == "Visit moved to Friday"
    assert not Flag.objects.open().filter(communication=communication).exists()

    sign_in(client, world["colleague"])
    assert client.get(edit).status_code == 403
    page = pages.get(
        reverse("communications:detail", args=[child.pk, communication.pk])
    ).content.decode()
    assert "Priya Shah can change and complete it" in page
    assert (
        client.post(
            reverse("communications:complete", args=[child.pk, communication.pk])
        ).status_code
        == 403
    )


def test_a_completed_record_refuses_changes_and_takes_addenda(client, pages, world) -> None:
    child = world["child"]
    sign_in(client, world["worker"])
    pages.post(reverse("communications:create", args=[child.pk]), form_data(world))
    communication = Communication.objects.get()
    pages.post(reverse("communications:complete", args=[child.pk, communication.pk]), {})
    edit = reverse("communications:edit", args=[child.pk, communication.pk])
    response = pages.post(edit, form_data(world, summary="Changed"))
    assert response["Location"] == reverse(
        "communications:detail", args=[child.pk, communication.pk]
    )
    communication.refresh_from_db()
    assert communication.summary == "Confirmed Thursday's visit"
    page = pages.get(response["Location"]).content.decode()
    assert "cannot be changed" in page

    sign_in(client, world["colleague"])
    url = reverse("communications:addendum-add", args=[child.pk, communication.pk])
    assert "Enter the addendum" in pages.post(url, {"text": ""}, status=200).content.decode()
    pages.post(url, {"text": "Kai's mum rang to confirm."})
    assert Addendum.objects.get().author == world["colleague"]
    page = pages.get(
        reverse("communications:detail", args=[child.pk, communication.pk])
    ).content.decode()
    assert "Kai&#x27;s mum rang to confirm." in page and "Added by Tom Okafor" in page


def test_a_response_is_recorded_against_the_message_it_answers(client, pages, world) -> None:
    child = world["child"]
    sign_in(client, world["worker"])
    pages.post(reverse("communications:create", args=[child.pk]), form_data(world))
    sent = Communication.objects.get()
    url = reverse("communications:create", args=[child.pk]) + f"?reply_to={sent.pk}"
    page = pages.get(url).content.decode()
    assert "Record a response" in page and "In response to: Text message from Priya Shah" in page
    pages.post(
        url,
        form_data(world, direction="inbound", summary="Mum says yes", content="Yes that's fine"),
    )
    reply = Communication.objects.exclude(pk=sent.pk).get()
    assert reply.in_reply_to == sent
    page = pages.get(reverse("communications:detail", args=[child.pk, sent.pk])).content.decode()
    assert "Text message to Priya Shah" in page


def test_reading_a_record_is_audited(client, pages, world) -> None:
    sign_in(client, world["worker"])
    pages.post(reverse("communications:create", args=[world["child"].pk]), form_data(world))
    communication = Communication.objects.get()
    before = AuditEntry.objects.filter(action="case.viewed").count()
    pages.get(reverse("communications:detail", args=[world["child"].pk, communication.pk]))
    assert AuditEntry.objects.filter(action="case.viewed").count() == before + 1
