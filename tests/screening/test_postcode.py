"""UK postcodes: every shape, spaced or not, any case; an outward code alone is not personal."""

import pytest


@pytest.mark.parametrize(
    "postcode",
    [
        "CV34 5AB",
        "cv345ab",
        "M1 1AE",
        "B33 8TH",
        "CR2 6XH",
        "DN55 1PT",
        "W1A 0AX",
        "EC1A 1BB",
        "GIR 0AA",
        "SW1A 2AA",
    ],
)
def test_full_postcodes(found, postcode):
    assert found(f"They have moved to {postcode} now.", "postcode") == [postcode]


@pytest.mark.parametrize(
    "text",
    [
        "The CV34 area",
        "Meet at B33",
        "Q1 1AA is not a postcode",
        "on the W1 4th floor",
        "CV34 5CI is not valid",
        "Year 10 2nd set",
    ],
)
def test_not_postcodes(found, text):
    assert found(text, "postcode") == []
