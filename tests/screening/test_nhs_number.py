"""NHS numbers: the modulus 11 check digit decides, and a cue decides how serious."""

import pytest

from safecomms.screening import screen
from safecomms.screening.identifiers import nhs_check_digit_ok


@pytest.mark.parametrize("digits", ["9434765919", "4010232137", "9434765870"])
def test_valid_check_digits(digits):
    assert nhs_check_digit_ok(digits)


@pytest.mark.parametrize("digits", ["9434765918", "1234567890", "123456789", "abcdefghij"])
def test_invalid_check_digits(digits):
    assert not nhs_check_digit_ok(digits)


@pytest.mark.parametrize("written", ["943 476 5919", "943-476-5919", "9434765919"])
def test_cued_numbers_are_blocked_in_any_spacing(written):
    result = screen(f"NHS no: {written}")
    [finding] = result.of("nhs_number")
    assert result.text[finding.start : finding.end] == written
    assert finding.severity == "block"
    assert finding.rule == "3.5-no-disclosure-of-records"


def test_uncued_valid_number_is_only_information():
    [finding] = screen("The number is 943 476 5919.").of("nhs_number")
    assert finding.severity == "info"


@pytest.mark.parametrize(
    "text",
    [
        "NHS number 943 476 5918",
        "Case ref 9434765919 on Mosaic",
        "Crime number 9434765919",
        "Person ID 1234567",
        "Call 01632 960 123",
    ],
)
def test_failing_numbers_and_other_references_are_not_nhs_numbers(text):
    assert screen(text).of("nhs_number") == []


@pytest.mark.parametrize(
    "written",
    ["4857 773 457", "485 7773 457", "48577 73457", "485-777-3457", "485.777.3457", "3423 667 125"],
)
def test_cued_numbers_in_other_groupings(written):
    result = screen(f"Her NHS number is {written}.")
    [finding] = result.of("nhs_number")
    assert result.text[finding.start : finding.end] == written
    assert finding.severity == "block"


@pytest.mark.parametrize("written", ["4857 773 457", "485.777.3457", "4857-773-457"])
def test_uncued_numbers_in_other_groupings_are_only_information(written):
    [finding] = screen(f"The number is {written}.").of("nhs_number")
    assert finding.severity == "info"


@pytest.mark.parametrize(
    "text",
    [
        "NHS number 4857 773 456",
        "NHS number 485.777.3456",
        "NHS number 4857-773 457",
        "NHS number 48 57 77 34 57",
        "NHS number 485-777-3457-1",
        "Case ref 4857 773 457",
    ],
)
def test_other_groupings_that_are_not_nhs_numbers(text):
    assert screen(text).of("nhs_number") == []


@pytest.mark.parametrize(
    "number", ["+44 7700 900124", "0044 7700 900124", "+44 (0)7700 900124", "07700 900124"]
)
def test_a_phone_number_near_an_nhs_cue_stays_a_phone_number(found, number):
    text = f"NHS app linked to mobile {number}"
    assert found(text, "phone") == [number]
    assert found(text, "nhs_number") == []
