"""The screening report: the most-dismissed rules and word-list entries over a period."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from safecomms.audit.models import AuditEntry
from safecomms.communications.models import Finding
from safecomms.findings.selectors import dismissal_report
from safecomms.findings.services import finding_dismiss
from tests.factories import AllocationFactory, ChildFactory, TeamFactory, UserFactory
from tests.findings.conftest import record_with_findings
from tests.pages import sign_in

pytestmark = pytest.mark.django_db

TEXT_SPEAK = ("text_speak", 0, 3, "7.1.2-no-text-speak")
NAME = ("person", 4, 8, "6.1-minimise-client-data")


@pytest.fixture
def dismissed(case_setup: dict[str, Any]) -> dict[str, Any]:
    """On the team's case: 4 text-speak findings (3 dismissed) and 2 names (1 dismissed).
    On another team's case: 1 text-speak finding, dismissed."""
    child, worker = case_setup["child"], case_setup["worker"]
    findings = []
    for _ in range(2):
        _, made = record_with_findings(child, worker, "lol Dawn", [TEXT_SPEAK, NAME])
        findings += made
    _, made = record_with_findings(child, worker, "lol", [TEXT_SPEAK])
    findings += made
    _, made = record_with_findings(child, worker, "lol", [TEXT_SPEAK])
    findings += made
    for finding in (findings[0], findings[2], findings[4], findings[1]):
        finding_dismiss(actor=worker, finding=finding, reason="Quoting the young person")
    other_team = TeamFactory(name="Children's Team East")
    other_worker = UserFactory()
    other_child = ChildFactory()
    AllocationFactory(child=other_child, worker=other_worker, team=other_team)
    _, made = record_with_findings(other_child, other_worker, "lol", [TEXT_SPEAK])
    finding_dismiss(actor=other_worker, finding=made[0], reason="A quote")
    return case_setup


def _rows(report: Any) -> dict[str, tuple[int, int]]:
    return {row.rule_id: (row.raised, row.dismissed) for row in report.rules}


def test_counts_and_shares_for_a_manager_cover_their_teams(dismissed: dict[str, Any]) -> None:
    today = timezone.localdate()
    report = dismissal_report(user=dismissed["manager"], start=today - timedelta(days=7), end=today)
    assert not report.whole_council
    assert _rows(report) == {"7.1.2-no-text-speak": (4, 3), "6.1-minimise-client-data": (2, 1)}
    assert report.rules[0].rule_id == "7.1.2-no-text-speak"
    assert report.rules[0].share == pytest.approx(0.75)
    assert (report.raised, report.dismissed) == (6, 4)
    assert [(e.entry, e.dismissed) for e in report.entries] == [("lol", 3)]
    assert len(report.recent) == 4


def test_an_ig_officer_sees_every_team(dismissed: dict[str, Any]) -> None:
    today = timezone.localdate()
    report = dismissal_report(user=dismissed["ig"], start=today, end=today)
    assert report.whole_council
    assert _rows(report)["7.1.2-no-text-speak"] == (5, 4)
    assert [(e.entry, e.dismissed) for e in report.entries] == [("lol", 4)]


def test_the_period_is_when_findings_were_raised(dismissed: dict[str, Any]) -> None:
    Finding.objects.update(created_at=timezone.now() - timedelta(days=40))
    for dismissal in dismissed["child"].finding_dismissals.all():
        dismissal.finding_raised_at = timezone.now() - timedelta(days=40)
        dismissal.save()
    today = timezone.localdate()
    recent = dismissal_report(user=dismissed["manager"], start=today - timedelta(days=7), end=today)
    assert recent.rules == [] and recent.recent == []
    earlier = dismissal_report(
        user=dismissed["manager"], start=today - timedelta(days=60), end=today
    )
    assert _rows(earlier)["7.1.2-no-text-speak"] == (4, 3)


def test_disposed_findings_still_count(dismissed: dict[str, Any]) -> None:
    for communication in dismissed["child"].communications.all():
        communication.findings.all().delete()
    today = timezone.localdate()
    report = dismissal_report(user=dismissed["manager"], start=today, end=today)
    assert _rows(report) == {"7.1.2-no-text-speak": (3, 3), "6.1-minimise-client-data": (1, 1)}


def test_the_report_page_for_a_manager(
    client: Any, pages: Any, dismissed: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    sign_in(client, dismissed["manager"])
    url = reverse("findings:report")
    page = pages.get(url).content.decode()
    assert "Screening report" in page
    assert "6 findings raised; 4 marked as false positives (67%)" in page
    assert "75%" in page and "50%" in page
    assert 'href="/guidance/#rule-7.1.2-no-text-speak"' in page
    assert "Quoting the young person" in page and "Kai Walker" in page
    assert "A quote" not in page  # another team's case
    assert AuditEntry.objects.filter(action="screening.report_viewed").count() == 1
    # Bounded whatever the data size.
    child, worker = dismissed["child"], dismissed["worker"]
    for _ in range(20):
        _, made = record_with_findings(child, worker, "lol Dawn", [TEXT_SPEAK, NAME])
        finding_dismiss(actor=worker, finding=made[0], reason="More")
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200


def test_the_report_page_for_ig_shows_person_ids_not_names(
    client: Any, pages: Any, dismissed: dict[str, Any]
) -> None:
    sign_in(client, dismissed["ig"])
    page = pages.get(reverse("findings:report")).content.decode()
    assert "It covers every team." in page
    assert "Person ID 1234567" in page and "Kai Walker" not in page


def test_the_period_can_be_chosen_with_clear_errors(
    client: Any, pages: Any, dismissed: dict[str, Any]
) -> None:
    sign_in(client, dismissed["manager"])
    url = reverse("findings:report")
    today = timezone.localdate()
    tomorrow = today + timedelta(days=1)
    page = pages.get(
        url,
        data={
            "start-day": today.day,
            "start-month": today.month,
            "start-year": today.year,
            "end-day": "31",
            "end-month": "2",
            "end-year": "2026",
        },
    ).content.decode()
    assert "There is a problem" in page and "To must be a real date" in page
    page = pages.get(
        url,
        data={
            "start-day": today.day,
            "start-month": today.month,
            "start-year": today.year,
            "end-day": tomorrow.day,
            "end-month": tomorrow.month,
            "end-year": tomorrow.year,
        },
    ).content.decode()
    assert "The last day must be today or in the past" in page
    page = pages.get(
        url,
        data={
            "start-day": today.day,
            "start-month": today.month,
            "start-year": today.year,
            "end-day": today.day,
            "end-month": today.month,
            "end-year": today.year,
        },
    ).content.decode()
    assert "6 findings raised" in page


def test_practitioners_cannot_see_the_report(client: Any, dismissed: dict[str, Any]) -> None:
    sign_in(client, dismissed["worker"])
    assert client.get(reverse("findings:report")).status_code == 403


def test_navigation_offers_the_check_to_all_and_the_report_to_managers_and_ig(
    client: Any, pages: Any, case_setup: dict[str, Any]
) -> None:
    sign_in(client, case_setup["worker"])
    page = pages.get(reverse("findings:check")).content.decode()
    assert "Check a message" in page and "Screening report" not in page
    for user in (case_setup["manager"], case_setup["ig"]):
        client.logout()
        sign_in(client, user)
        page = pages.get(reverse("findings:check")).content.decode()
        assert f'href="{reverse("findings:report")}"' in page
