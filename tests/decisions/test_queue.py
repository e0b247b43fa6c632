"""The manager's queue: what waits for a decision, acting on flags, and bounded queries."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safecomms.audit.models import AuditEntry
from safecomms.communications.models import Flag
from safecomms.communications.services import communication_record
from safecomms.devices.models import ContactException, PersonalChannel
from safecomms.staff.models import Role
from safecomms.visits.services import assessment_record, reflection_record
from tests.communications.scenario import a_while_ago
from tests.factories import AllocationFactory, ChildFactory, TeamFactory, UserFactory
from tests.pages import sign_in

pytestmark = pytest.mark.django_db


def flagged(world: dict[str, Any], child: Any = None, **values: Any) -> Any:
    return communication_record(
        actor=world["worker"],
        child=child or world["child"],
        occurred_at=a_while_ago(1),
        kind="text",
        platform="sms",
        direction="outbound",
        summary="Sent from my own phone",
        content="See you Thursday.",
        account_identifier="07700 900999",
        **values,
    )


def test_the_queue_shows_flags_exceptions_and_assessments_for_the_managers_teams(
    client, pages, world
) -> None:
    today = timezone.localdate()
    flagged(world)
    ContactException.objects.create(
        requested_by=world["worker"],
        child=world["child"],
        channel=PersonalChannel.PERSONAL_PHONE,
        identifier="+447700900555",
        reasons="Only answers WhatsApp.",
        decider=world["manager"],
    )
    assessment_record(
        actor=world["manager"],
        child=world["child"],
        decision="virtual",
        preferred_app="teams",
        child_confidence="confident",
        family_confidence="confident",
        needs="x",
        risks="y",
        decided_on=today - timedelta(days=100),
        review_on=today - timedelta(days=2),
    )
    # Another team's case: not this manager's business.
    other_child = ChildFactory(first_name="Zara", last_name="Other")
    AllocationFactory(child=other_child, worker=world["colleague"], team=TeamFactory())
    flagged(world, child=other_child)

    sign_in(client, world["manager"])
    page = pages.get(reverse("decisions:queue")).content.decode()
    assert "1 flagged record" in page and "1 exception request to decide" in page
    assert "Account not approved" in page and "5.1-approved-accounts" in page
    assert "The review date has passed" in page
    assert "Zara Other" not in page
    assert "Kai Walker" in page


def test_a_worker_concern_puts_the_assessment_in_the_queue(client, pages, world) -> None:
    assessment_record(
        actor=world["manager"],
        child=world["child"],
        decision="virtual",
        preferred_app="teams",
        child_confidence="confident",
        family_confidence="confident",
        needs="x",
        risks="y",
    )
    reflection_record(
        actor=world["worker"],
        child=world["child"],
        how_it_went="Kai cried.",
        supports_wellbeing="no",
    )
    sign_in(client, world["manager"])
    page = pages.get(reverse("decisions:queue")).content.decode()
    assert "may not be supporting the child" in page


def test_a_manager_acknowledges_or_clears_a_flag_with_a_note(client, pages, world) -> None:
    communication = flagged(world)
    flag = Flag.objects.get(communication=communication)
    sign_in(client, world["manager"])
    url = reverse("decisions:flag-clear", args=[flag.pk])
    page = pages.get(url).content.decode()
    assert "5.1-approved-accounts" in page and "Acknowledge or clear a flag" in page
    page = pages.post(url, {"outcome": "cleared"}, status=200).content.decode()
    assert "Enter a note saying what you found or did" in page
    pages.post(url, {"outcome": "cleared", "note": "It is the team duty phone."})
    flag.refresh_from_db()
    assert flag.outcome == "cleared" and flag.cleared_by == world["manager"]
    assert AuditEntry.objects.filter(action="flag.cleared", child_id=world["child"].pk).exists()
    assert (
        "Nothing is waiting for your decision"
        in pages.get(reverse("decisions:queue")).content.decode()
    )
    page = pages.get(
        reverse("communications:detail", args=[world["child"].pk, communication.pk])
    ).content.decode()
    assert "Flags dealt with" in page and "It is the team duty phone." in page


def test_another_teams_manager_cannot_act_on_the_flag(client, world) -> None:
    flag = Flag.objects.get(communication=flagged(world))
    outsider = UserFactory(roles=[Role.TEAM_MANAGER])
    TeamFactory().managers.add(outsider)
    sign_in(client, outsider)
    assert (
        client.post(
            reverse("decisions:flag-clear", args=[flag.pk]), {"outcome": "cleared", "note": "x"}
        ).status_code
        == 403
    )
    flag.refresh_from_db()
    assert flag.is_open


def queue_queries(client: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("decisions:queue")).status_code == 200
    return len(captured.captured_queries)


def test_the_queue_needs_the_same_queries_whatever_the_data_size(client, world) -> None:
    def grow(count: int) -> None:
        for _ in range(count):
            child = ChildFactory()
            AllocationFactory(child=child, worker=world["worker"], team=world["team"])
            flagged(world, child=child, is_virtual_visit=True)
            ContactException.objects.create(
                requested_by=world["worker"],
                child=child,
                channel=PersonalChannel.PERSONAL_PHONE,
                identifier="+447700900555",
                reasons="r",
                decider=world["manager"],
            )
            today = timezone.localdate()
            assessment_record(
                actor=world["manager"],
                child=child,
                decision="virtual",
                preferred_app="teams",
                child_confidence="confident",
                family_confidence="confident",
                needs="x",
                risks="y",
                decided_on=today - timedelta(days=100),
                review_on=today - timedelta(days=1),
            )

    sign_in(client, world["manager"])
    grow(5)
    queue_queries(client)
    small = queue_queries(client)
    grow(45)
    large = queue_queries(client)
    assert small == large, (small, large)


def test_the_queue_api(client, world) -> None:
    from safecomms.staff.services import access_token_create

    flag = Flag.objects.get(communication=flagged(world))
    _, raw = access_token_create(owner=world["manager"], name="script")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    body = client.get(reverse("api:get_decision_queue"), **headers).json()
    assert body["flag_count"] == 1 and body["flags"][0]["rule_id"] == "5.1-approved-accounts"
    url = reverse("api:clear_flag", args=[flag.pk])
    assert (
        client.post(
            url, {"outcome": "cleared", "note": ""}, content_type="application/json", **headers
        ).status_code
        == 422
    )
    done = client.post(
        url,
        {"outcome": "acknowledged", "note": "Spoke to Priya."},
        content_type="application/json",
        **headers,
    )
    assert done.status_code == 200 and done.json()["outcome"] == "acknowledged"
