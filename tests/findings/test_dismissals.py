"""Marking a finding on a record as a false positive, and the partial a record page includes."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from safecomms.audit.models import AuditEntry
from safecomms.communications.models import Communication
from safecomms.findings.models import FindingDismissal
from safecomms.findings.selectors import dismissals_for
from safecomms.findings.services import finding_dismiss
from tests.findings.conftest import record_with_findings
from tests.pages import check_page, sign_in

pytestmark = pytest.mark.django_db

CONTENT = "Running late lol, will be there soon. Dont tell your mum xx"


@pytest.fixture
def record(case_setup: dict[str, Any]) -> tuple[Communication, list[Any]]:
    return record_with_findings(
        case_setup["child"],
        case_setup["worker"],
        CONTENT,
        [
            ("text_speak", 13, 16, "7.1.2-no-text-speak"),
            ("person", 18, 22, "6.1-minimise-client-data"),
            ("boundary", 38, 56, "5.1-no-grooming-risk"),
            ("boundary", 57, 59, "5.1-no-grooming-risk"),
        ],
    )


def test_a_case_reader_dismisses_a_finding_with_a_reason(
    client: Any, pages: Any, case_setup: dict[str, Any], record: Any
) -> None:
    _, findings = record
    child = case_setup["child"]
    sign_in(client, case_setup["worker"])
    url = reverse("findings:dismiss", args=[findings[1].pk])
    page = pages.get(url).content.decode()
    assert "Mark a finding as a false positive" in page and "Kai Walker" in page
    page = pages.post(url, {"reason": "  "}, status=200).content.decode()
    assert "There is a problem" in page and "Enter why the finding is wrong" in page
    assert not FindingDismissal.objects.exists()
    back = reverse("cases:detail", args=[child.pk])
    response = pages.post(url, {"reason": "‘Will’ is a verb here.", "next": back})
    assert response["Location"] == back
    dismissal = FindingDismissal.objects.get()
    assert dismissal.finding == findings[1] and dismissal.child == child
    assert dismissal.dismissed_by == case_setup["worker"]
    assert (dismissal.category, dismissal.rule_id) == ("person", "6.1-minimise-client-data")
    assert dismissal.lexicon_entry == ""  # a name is personal data, never a word-list entry
    assert dismissal.finding_raised_at == findings[1].created_at
    entry = AuditEntry.objects.get(action="finding.dismissed")
    assert entry.child_id == child.pk and set(entry.content_hashes) == {"reason"}
    assert "verb" not in repr(entry.changes)
    # Asking again shows who dismissed it and changes nothing.
    page = pages.get(url).content.decode()
    assert "already been marked as a false positive" in page and "verb here" in page
    pages.post(url, {"reason": "Again"}, status=200)
    assert FindingDismissal.objects.count() == 1


def test_the_lexicon_entry_that_fired_is_kept(case_setup: dict[str, Any], record: Any) -> None:
    _, findings = record
    worker = case_setup["worker"]
    lol = finding_dismiss(actor=worker, finding=findings[0], reason="Quoting the young person")
    secrecy = finding_dismiss(actor=worker, finding=findings[2], reason="About a surprise party")
    kiss = finding_dismiss(actor=worker, finding=findings[3], reason="A list marker")
    assert lol.lexicon_entry == "lol"
    assert secrecy.lexicon_entry == "Phrases: Secrecy asked of a young person"
    assert kiss.lexicon_entry.startswith("Phrases: Kisses")


def test_a_dismissal_survives_the_disposal_of_the_record(
    case_setup: dict[str, Any], record: Any
) -> None:
    communication, findings = record
    finding_dismiss(actor=case_setup["worker"], finding=findings[0], reason="Quoted speech")
    communication.findings.all().delete()
    dismissal = FindingDismissal.objects.get()
    assert dismissal.finding is None
    assert (dismissal.category, dismissal.rule_id, dismissal.lexicon_entry) == (
        "text_speak",
        "7.1.2-no-text-speak",
        "lol",
    )


def test_the_service_refuses_a_blank_reason_and_a_second_dismissal(
    case_setup: dict[str, Any], record: Any
) -> None:
    _, findings = record
    with pytest.raises(ValidationError, match="Enter why"):
        finding_dismiss(actor=case_setup["worker"], finding=findings[0], reason=" ")
    finding_dismiss(actor=case_setup["worker"], finding=findings[0], reason="Quoted")
    with pytest.raises(ValidationError, match="already"):
        finding_dismiss(actor=case_setup["manager"], finding=findings[0], reason="Quoted")


def test_only_people_who_can_read_the_case_may_dismiss(
    client: Any, case_setup: dict[str, Any], record: Any
) -> None:
    _, findings = record
    url = reverse("findings:dismiss", args=[findings[0].pk])
    sign_in(client, case_setup["outsider"])
    assert client.post(url, {"reason": "Not a problem"}).status_code == 403
    assert not FindingDismissal.objects.exists()
    assert AuditEntry.objects.filter(action="access.refused").exists()
    assert client.get(reverse("findings:dismiss", args=[999_999])).status_code == 404


def test_an_outside_return_address_is_not_followed(
    client: Any, case_setup: dict[str, Any], record: Any
) -> None:
    _, findings = record
    sign_in(client, case_setup["worker"])
    response = client.post(
        reverse("findings:dismiss", args=[findings[0].pk]),
        {"reason": "Quoted", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("cases:detail", args=[case_setup["child"].pk])


def test_dismissals_for_loads_every_dismissal_in_one_query(
    case_setup: dict[str, Any], record: Any, django_assert_num_queries: Any
) -> None:
    _, findings = record
    for finding in findings[:3]:
        finding_dismiss(actor=case_setup["worker"], finding=finding, reason="Not a problem")
    with django_assert_num_queries(1):
        found = dismissals_for(findings)
        names = [d.dismissed_by.full_name for d in found.values()]
    assert set(found) == {f.pk for f in findings[:3]} and names == ["Jordan Ellis"] * 3
    assert dismissals_for([]) == {}


def test_the_feedback_partial_shows_a_form_or_the_dismissal(
    case_setup: dict[str, Any], record: Any
) -> None:
    _, findings = record
    finding_dismiss(actor=case_setup["worker"], finding=findings[0], reason="Quoted speech")
    request = RequestFactory().get("/cases/1/communications/2/")
    request.user = case_setup["worker"]
    request.csp_nonce = "n"  # type: ignore[attr-defined]
    template = Template(
        "{% for finding in findings %}"
        '{% include "findings/_finding_feedback.html" with finding=finding dismissals=dismissals %}'
        "{% endfor %}"
    )
    html = template.render(
        Context(
            {"findings": findings[:2], "dismissals": dismissals_for(findings), "request": request}
        )
    )
    assert "False positive" in html and "Quoted speech" in html and "Jordan Ellis" in html
    assert html.count("<form") == 1
    assert f'action="{reverse("findings:dismiss", args=[findings[1].pk])}"' in html
    assert f'id="finding-{findings[1].pk}-reason"' in html
    assert 'name="next" value="/cases/1/communications/2/"' in html
    assert "This finding is wrong" in html


def test_the_dismiss_page_is_well_made(
    client: Any, case_setup: dict[str, Any], record: Any
) -> None:
    _, findings = record
    sign_in(client, case_setup["manager"])
    check_page(client.get(reverse("findings:dismiss", args=[findings[2].pk])))
