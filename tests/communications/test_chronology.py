"""The case chronology: time order, filters, pages, the CSV export, and bounded queries."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safecomms.audit.models import AuditEntry
from safecomms.communications.services import (
    addendum_add,
    communication_complete,
    communication_record,
)
from tests.communications.scenario import WORK_MOBILE, a_while_ago, personal_phone_exception
from tests.pages import sign_in

pytestmark = pytest.mark.django_db


def add(world: dict[str, Any], days: int, **values: Any) -> Any:
    fields: dict[str, Any] = {
        "actor": world["worker"],
        "child": world["child"],
        "occurred_at": a_while_ago(days),
        "kind": "text",
        "platform": "sms",
        "direction": "outbound",
        "summary": f"Message {days} days ago",
        "content": "See you on Thursday.",
        "account_identifier": WORK_MOBILE,
        "device": world["device"],
    }
    fields.update(values)
    return communication_record(**fields)


@pytest.fixture
def history(world: dict[str, Any]) -> dict[str, Any]:
    email = add(
        world,
        5,
        kind="email",
        platform="email",
        summary="Sent the plan",
        people=[world["mother"]],
        includes_child=False,
    )
    visit = add(
        world,
        4,
        kind="video_call",
        platform="whatsapp",
        is_virtual_visit=True,
        summary="Virtual visit",
    )
    text = add(world, 3, summary="Reminder =SUM(A1)", content="-Remember school tomorrow")
    reply = add(world, 2, direction="inbound", summary="Kai replied", in_reply_to=text)
    communication_complete(actor=world["worker"], communication=text)
    addendum_add(actor=world["worker"], communication=text, text="Kai confirmed in person.")
    exception = personal_phone_exception(world["worker"], world["child"], world["manager"])
    return {"email": email, "visit": visit, "text": text, "reply": reply, "exception": exception}


def test_the_chronology_lists_everything_in_time_order_with_exception_decisions(
    client, pages, world, history
) -> None:
    sign_in(client, world["worker"])
    url = reverse("communications:chronology", args=[world["child"].pk])
    page = pages.get(url + "?order=oldest").content.decode()
    positions = [
        page.index(text)
        for text in (
            "Exception decision",
            "Sent the plan",
            "Video call</a>",
            "Reminder",
            "Kai replied",
        )
    ]
    assert positions == sorted(positions)
    assert "Virtual visit without a current assessment" in page  # the flag
    newest = pages.get(url).content.decode()
    assert (
        newest.index("Kai replied")
        < newest.index("Sent the plan")
        < newest.index("Exception decision")
    )
    assert AuditEntry.objects.filter(action="case.viewed", child_id=world["child"].pk).exists()


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("kind=email", ["Sent the plan"], ["Kai replied", "Exception decision"]),
        ("platform=whatsapp", ["Video call</a>"], ["Sent the plan"]),
        ("flag=no_visit_assessment", ["Video call</a>"], ["Kai replied", "Sent the plan"]),
        ("flag=open", ["Video call</a>"], ["Kai replied"]),
        ("person=child", ["Kai replied"], ["Sent the plan"]),
    ],
)
def test_the_chronology_filters(client, pages, world, history, query, shown, hidden) -> None:
    sign_in(client, world["worker"])
    page = pages.get(
        reverse("communications:chronology", args=[world["child"].pk]) + "?" + query
    ).content.decode()
    for text in shown:
        assert text in page, (query, text)
    for text in hidden:
        assert text not in page, (query, text)


def test_the_chronology_filters_by_a_person_on_the_case(client, pages, world, history) -> None:
    sign_in(client, world["worker"])
    url = reverse("communications:chronology", args=[world["child"].pk])
    page = pages.get(f"{url}?person={world['mother'].pk}").content.decode()
    assert "Sent the plan" in page and "Kai replied" not in page
    assert "Nothing matches these filters" in pages.get(f"{url}?kind=phone_call").content.decode()


def test_the_chronology_is_paged(client, pages, world) -> None:
    for day in range(1, 31):
        add(world, day, summary=f"Entry number {day:02d}")
    sign_in(client, world["worker"])
    url = reverse("communications:chronology", args=[world["child"].pk])
    first = pages.get(url).content.decode()
    assert "Showing 1 to 25 of 30 entries" in first and "Entry number 01" in first
    second = pages.get(url + "?page=2&order=newest").content.decode()
    assert "Showing 26 to 30 of 30 entries" in second and "Entry number 30" in second
    assert "Entry number 01" not in second


def read_csv(response: Any) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))


def test_the_csv_export_is_ready_for_the_case_management_system(client, world, history) -> None:
    sign_in(client, world["worker"])
    response = client.get(reverse("communications:chronology-csv", args=[world["child"].pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate()
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="chronology-1234567-{today:%Y-%m-%d}.csv"'
    )
    rows = read_csv(response)
    assert rows[0] == [
        "Date",
        "Time",
        "Activity type",
        "Direction",
        "Worker",
        "People",
        "Virtual visit",
        "Summary",
        "Content",
        "Responses",
        "Flags",
    ]
    assert len(rows) == 6
    exception, email, visit, text, reply = rows[1:]
    assert email[2] == "E-mail (E-mail) - draft" and email[5] == "Dawn Walker (mother)"
    assert email[0] == a_while_ago(5).strftime("%d/%m/%Y") and email[1] == "14:30"
    assert (
        visit[6] == "Yes"
        and "Virtual visit without a current assessment (4.1-virtual-visit-assessment)" in visit[10]
    )
    assert text[7] == "Reminder =SUM(A1)" and text[8].startswith("'-Remember school tomorrow")
    assert "Addendum by Priya Shah" in text[8] and "Kai confirmed in person." in text[8]
    assert "Kai replied" in text[9]
    assert reply[3] == "To the worker"
    assert (
        exception[2] == "Exception decision (signed off)"
        and exception[8] == "Agreed for the summer holidays."
    )
    entry = AuditEntry.objects.get(action="chronology.exported")
    assert entry.changes["rows"] == [None, 5]


def test_the_csv_export_follows_the_filters(client, world, history) -> None:
    sign_in(client, world["worker"])
    rows = read_csv(
        client.get(
            reverse("communications:chronology-csv", args=[world["child"].pk]) + "?kind=email"
        )
    )
    assert [row[7] for row in rows[1:]] == ["Sent the plan"]


def queries_for(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("route", ["communications:chronology", "communications:chronology-csv"])
def test_queries_stay_the_same_as_the_case_grows(client, world, route) -> None:
    def grow(count: int) -> None:
        for day in range(count):
            sent = add(world, day + 1, people=[world["mother"]], account_identifier="07700 900999")
            add(world, day + 1, direction="inbound", in_reply_to=sent)
            communication_complete(actor=world["worker"], communication=sent)
            addendum_add(actor=world["worker"], communication=sent, text="Noted.")

    sign_in(client, world["worker"])
    url = reverse(route, args=[world["child"].pk])
    grow(3)
    queries_for(client, url)
    small = queries_for(client, url)
    grow(25)
    large = queries_for(client, url)
    assert small == large, (small, large)


def test_a_record_page_needs_the_same_queries_however_many_findings(client, world) -> None:
    sign_in(client, world["worker"])
    few = add(world, 1, content="Hi")
    many = add(world, 1, content=" ".join(["lol keep this between us, Dawn"] * 20))
    queries_for(client, reverse("communications:detail", args=[world["child"].pk, few.pk]))
    small = queries_for(client, reverse("communications:detail", args=[world["child"].pk, few.pk]))
    large = queries_for(client, reverse("communications:detail", args=[world["child"].pk, many.pk]))
    assert small == large


def test_someone_not_on_the_case_cannot_export(client, world) -> None:
    from tests.factories import UserFactory

    sign_in(client, UserFactory())
    assert (
        client.get(reverse("communications:chronology-csv", args=[world["child"].pk])).status_code
        == 403
    )
    assert not AuditEntry.objects.filter(action="chronology.exported").exists()
