from datetime import date

import pytest

from safecomms.policy import Severity, UnknownRuleError, current_version, rule


def test_every_rule_id_starts_with_its_section_and_is_unique() -> None:
    version = current_version()
    ids = [item.id for item in version.rules]
    assert len(ids) == len(set(ids))
    for item in version.rules:
        assert item.id.startswith(item.section + "-")
        assert item.paraphrase and item.title and item.enforced_in
        assert isinstance(item.severity, Severity)


def test_both_sections_numbered_6_2_are_kept_apart_by_heading() -> None:
    headings = {heading for section, heading, _ in current_version().sections() if section == "6.2"}
    assert headings == {"Maintaining boundaries", "Protect yourself"}


def test_version_2_0_is_past_its_review_date_from_june_2022() -> None:
    version = current_version()
    assert version.review_due == date(2022, 5, 31)
    assert not version.is_past_review(date(2022, 5, 31))
    assert version.is_past_review(date(2022, 6, 1))


def test_rules_are_found_by_id_and_unknown_ids_are_an_error() -> None:
    assert rule("5.1-approved-accounts").section == "5.1"
    with pytest.raises(UnknownRuleError):
        rule("9.9-no-such-rule")
