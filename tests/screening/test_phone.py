"""Phone numbers: UK and international; public helplines are not personal data."""

import pytest


@pytest.mark.parametrize(
    "number",
    [
        "07700 900123",
        "07700900123",
        "0121 496 0000",
        "(0161) 496 0066",
        "+44 7700 900123",
        "+44 (0)1632 960 123",
        "020 7946 0000",
        "+33 1 23 45 67 89",
    ],
)
def test_phone_numbers(found, number):
    assert found(f"Ring me on {number} please", "phone") == [number]


@pytest.mark.parametrize(
    "text",
    [
        "Call 999 in an emergency",
        "Ring 111 for advice",
        "Childline is 0800 1111",
        "NSPCC on 0808 800 5000",
        "Samaritans 116 123",
        "Meeting at 10:30 on 12/03/2024",
        "Case ref 123456",
    ],
)
def test_helplines_and_other_numbers_are_not_phone_numbers(found, text):
    assert found(text, "phone") == []


def test_a_number_introduced_as_a_reference_is_not_a_phone_number(found):
    assert found("Case ref 0511244753 on Mosaic", "phone") == []
