"""E-mail addresses."""

import pytest


@pytest.mark.parametrize(
    "address", ["jayden.smith@example.org", "k.obrien+school@council.gov.uk", "MUM_22@gmail.com"]
)
def test_email_addresses(found, address):
    assert found(f"Send it to {address}.", "email") == [address]


def test_not_email_addresses(found):
    assert found("Meet @ 3pm, tag @Tom, see www.example.org", "email") == []
