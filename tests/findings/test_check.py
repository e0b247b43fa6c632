"""The "Check a message" page, from the navigation and from a child's case."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from safecomms.audit.models import AuditEntry
from safecomms.communications.models import Communication, Finding
from safecomms.findings.forms import parse_time
from safecomms.findings.models import FindingDismissal
from tests.pages import sign_in

pytestmark = pytest.mark.django_db

DRAFT = "Hi Kai, ring ur mum on 07700 900123 lol. c u l8r"


def _check(pages: Any, url: str, **data: str) -> str:
    return pages.post(url, {"channel": "whatsapp", **data}, status=200).content.decode()


def test_findings_are_listed_highlighted_and_numbered_with_advice(
    client: Any, pages: Any, case_setup: dict[str, Any]
) -> None:
    sign_in(client, case_setup["worker"])
    page = _check(pages, reverse("findings:check"), text=DRAFT)
    assert "What SafeComms found" in page
    # Each finding is marked in place with a visible number and kind, linking to its advice.
    marks = re.findall(r'<mark class="app-finding[^"]*">(.*?)</mark>', page, re.S)
    marked_text = [re.sub(r"<a .*?</a>", "", mark, flags=re.S) for mark in marks]
    assert "07700 900123" in marked_text and "lol" in marked_text and "ur" in marked_text
    assert 'href="#finding-1"' in page and 'id="finding-1"' in page
    assert "phone number" in page.lower()
    # Advice cites the rule, linked to the policy register.
    assert 'href="/guidance/#rule-7.1.2-no-text-speak"' in page
    assert 'href="/guidance/#rule-6.1-minimise-client-data"' in page
    assert "Write it out in full" in page


def test_the_redacted_copy_and_the_channel_verdict_are_shown(
    client: Any, pages: Any, case_setup: dict[str, Any]
) -> None:
    sign_in(client, case_setup["worker"])
    page = _check(
        pages,
        reverse("findings:check"),
        text="Dawn's DOB is 12/03/1985 and she lives at 14 Elm Road, Leamington Spa CV32 4AB",
    )
    textarea = re.search(r'<textarea[^>]*id="redacted"[^>]*>(.*?)</textarea>', page, re.S)
    assert textarea is not None and "readonly" in textarea.group(0)
    assert "[date of birth]" in textarea.group(1) and "CV32 4AB" not in textarea.group(1)
    assert "Use a council system" in page
    assert 'id="channel-verdict"' in page and "lost-phone" in page
    assert re.search(r'src="/static/safecomms/copy-text(\.[0-9a-f]+)?\.js" nonce=', page)


def test_a_clean_message_is_fit_for_messaging(
    client: Any, pages: Any, case_setup: dict[str, Any]
) -> None:
    sign_in(client, case_setup["worker"])
    page = _check(
        pages, reverse("findings:check"), text="See you at the review on Tuesday at 10am."
    )
    assert "found nothing in this message" in page
    assert "Fit for messaging" in page
    assert "<mark" not in page and 'id="redacted"' not in page


def test_from_a_case_the_people_on_the_case_are_recognised(
    client: Any, pages: Any, case_setup: dict[str, Any]
) -> None:
    child = case_setup["child"]
    sign_in(client, case_setup["worker"])
    text = "Please remind Dee about the meeting."
    general = _check(pages, reverse("findings:check"), text=text)
    assert "<mark" not in general  # a nickname means nothing without the case's register
    from_case = _check(pages, reverse("findings:case-check", args=[child.pk]), text=text)
    assert re.search(r'<mark class="app-finding">Dee<a ', from_case)
    assert "Kai Walker · 1234567" in from_case and "Back to the case" in from_case
    entry = AuditEntry.objects.filter(action="screening.message_checked").latest("seq")
    assert entry.child_id == child.pk


def test_the_case_page_links_to_the_check(
    client: Any, pages: Any, case_setup: dict[str, Any]
) -> None:
    child = case_setup["child"]
    sign_in(client, case_setup["worker"])
    page = pages.get(reverse("cases:detail", args=[child.pk])).content.decode()
    assert reverse("findings:case-check", args=[child.pk]) in page
    assert "Check a message for this case" in page


def test_nothing_is_stored_and_the_audit_holds_only_counts(
    client: Any, pages: Any, case_setup: dict[str, Any]
) -> None:
    sign_in(client, case_setup["worker"])
    before = AuditEntry.objects.count()
    _check(pages, reverse("findings:check"), text=DRAFT)
    assert Communication.objects.count() == 0 and Finding.objects.count() == 0
    assert FindingDismissal.objects.count() == 0
    entries = list(AuditEntry.objects.filter(seq__gt=before))
    assert [entry.action for entry in entries] == ["screening.message_checked"]
    entry = entries[0]
    assert entry.content_hashes == {}
    recorded = repr(entry.changes) + repr(entry.context)
    for fragment in ("07700", "lol", "l8r", "Kai", "ring"):
        assert fragment not in recorded
    assert entry.changes["findings"][1] >= 5
    assert entry.changes["by_category"][1]["text_speak"] >= 3
    assert entry.changes["channel"][1] == "whatsapp"


def test_bad_input_gets_clear_errors(client: Any, pages: Any, case_setup: dict[str, Any]) -> None:
    sign_in(client, case_setup["worker"])
    url = reverse("findings:check")
    page = pages.post(url, {}, status=200).content.decode()
    assert "There is a problem" in page
    assert "Enter the message you want to check" in page
    assert "Choose how you will send the message" in page
    page = _check(pages, url, text="   \n  ")
    assert "Enter the message you want to check" in page
    page = _check(pages, url, text="a" * 20_001)
    assert "The message must be 20,000 characters or fewer" in page
    page = _check(pages, url, text="Hello", send_time="25 o'clock")
    assert "Enter a time, like 9:30am or 21:15" in page
    page = _check(
        pages,
        url,
        text="Hello",
        **{"send_date-day": "3", "send_date-month": "4", "send_date-year": "2026"},
    )
    assert "Enter the time you will send it" in page
    assert not AuditEntry.objects.filter(action="screening.message_checked").exists()


def test_a_message_sent_late_at_night_is_flagged(
    client: Any, pages: Any, case_setup: dict[str, Any]
) -> None:
    sign_in(client, case_setup["worker"])
    page = _check(
        pages, reverse("findings:check"), text="Are you okay after today?", send_time="11:30pm"
    )
    assert "This is about the whole message" in page
    assert "Boundary concern" in page


def test_parse_time_reads_times_as_people_type_them() -> None:
    assert str(parse_time("9:30am")) == "09:30:00"
    assert str(parse_time("9.30 pm")) == "21:30:00"
    assert str(parse_time("9pm")) == "21:00:00"
    assert str(parse_time("21:15")) == "21:15:00"
    assert str(parse_time("0730")) == "07:30:00"
    assert str(parse_time("midday")) == "12:00:00"
    assert parse_time("9") is None and parse_time("13pm") is None and parse_time("24:00") is None


def test_anyone_signed_in_may_check_but_only_case_readers_from_a_case(
    client: Any, pages: Any, case_setup: dict[str, Any]
) -> None:
    sign_in(client, case_setup["outsider"])
    assert "Check a message" in pages.get(reverse("findings:check")).content.decode()
    url = reverse("findings:case-check", args=[case_setup["child"].pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"text": "Hi", "channel": "sms"}).status_code == 403
    assert not AuditEntry.objects.filter(action="screening.message_checked").exists()
