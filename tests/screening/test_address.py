"""Addresses: from the house number or name to the town; the postcode is also its own span."""

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She lives at 14 Acacia Avenue, Leamington Spa.", "14 Acacia Avenue, Leamington Spa"),
        ("Flat 2, 3 Church Lane, Kenilworth CV8 1AB", "Flat 2, 3 Church Lane, Kenilworth CV8 1AB"),
        ("Rose Cottage, Mill Road, Alcester", "Rose Cottage, Mill Road, Alcester"),
        ("moved to 22b station road last week", "22b station road"),
        ("at 7 St Mary's Close on Friday", "7 St Mary's Close"),
    ],
)
def test_addresses(found, text, expected):
    assert found(text, "address") == [expected]


def test_postcode_is_reported_separately_as_well(found):
    text = "14 Acacia Avenue, Leamington Spa CV34 5AB"
    assert found(text, "postcode") == ["CV34 5AB"]
    assert found(text, "address") == [text]


@pytest.mark.parametrize(
    "text",
    [
        "It is a 2 hour drive to the placement.",
        "The 3 Family Court hearings are listed.",
        "She lives on Acacia Avenue.",
        "We had 4 kids in the park.",
    ],
)
def test_not_addresses(found, text):
    assert found(text, "address") == []
