"""The redacted copy and the channel verdict (the lost-phone test, 6.1)."""

from safecomms.screening import PERSONAL_DATA, Route, screen


def test_redaction_replaces_spans_with_placeholders(register):
    result = screen("Jayden Smith, NHS no 943 476 5919, lives at CV34 5AB.", gazetteer=register)
    assert result.redacted() == "[name], NHS no [NHS number], lives at [postcode]."


def test_overlapping_spans_become_one_placeholder():
    result = screen("14 Acacia Avenue, Leamington Spa CV34 5AB")
    assert result.redacted() == "[address]"


def test_redacting_some_categories_only():
    result = screen("lol DOB 12/03/2011")
    assert result.redacted(PERSONAL_DATA) == "lol DOB [date of birth]"


def test_verdict_passes_a_harmless_message():
    verdict = screen("Running ten minutes late, see you soon.").channel_verdict
    assert verdict is not None
    assert verdict.route is Route.MESSAGING
    assert verdict.rules == ("6.1-lost-phone-test",)


def test_verdict_sends_record_details_to_a_council_system(register):
    for text in [
        "NHS number 943 476 5919",
        "Jayden lives at 14 Acacia Avenue, Leamington Spa",
        "Jayden's mobile is 07700 900123",
        "DOB 12/03/2011",
        "don't tell your mum",
    ]:
        verdict = screen(text, gazetteer=register).channel_verdict
        assert verdict is not None
        assert verdict.route is Route.COUNCIL_SYSTEM, text
        assert verdict.rules == ("6.1-lost-phone-test", "7.1.1-official-information")


def test_a_first_name_alone_passes(register):
    verdict = screen("Jayden enjoyed football today.", gazetteer=register).channel_verdict
    assert verdict is not None
    assert verdict.fit_for_messaging


def test_findings_are_in_text_order(register):
    result = screen("lol Jayden 07700 900123 tbh", gazetteer=register)
    starts = [finding.start for finding in result.findings]
    assert starts == sorted(starts)
