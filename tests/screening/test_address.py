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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She lives at 12 Heol y Coed, Cardiff.", "12 Heol y Coed, Cardiff"),
        ("Moved to 4 Ffordd Las last week.", "4 Ffordd Las"),
        ("Flat 2, 7 Stryd Fawr, Bangor", "Flat 2, 7 Stryd Fawr, Bangor"),
        ("Address is 15 Lôn Isaf.", "15 Lôn Isaf"),
        ("Visit at 3 Cilgant y Llan tomorrow", "3 Cilgant y Llan"),
        ("9 Rhodfa'r Môr, Aberystwyth SY23 2AZ", "9 Rhodfa'r Môr, Aberystwyth SY23 2AZ"),
        ("9 Rhodfa\u2019r Môr", "9 Rhodfa\u2019r Môr"),
        ("Mum is at 22 Maes y Dderwen now.", "22 Maes y Dderwen"),
        ("5 Clos yr Wylan, Caerphilly", "5 Clos yr Wylan, Caerphilly"),
        ("He lives at 8 Heol-y-Nant.", "8 Heol-y-Nant"),
        ("12 HEOL Y COED, CARDIFF", "12 HEOL Y COED, CARDIFF"),
        ("Address: Ty Newydd, Ffordd y Castell, Conwy", "Ty Newydd, Ffordd y Castell, Conwy"),
        ("Tŷ Gwyn, Mill Lane, Bala", "Tŷ Gwyn, Mill Lane, Bala"),
        ("Rose Cottage, Heol y Coed, Cardiff", "Rose Cottage, Heol y Coed, Cardiff"),
    ],
)
def test_welsh_street_word_comes_before_the_name(found, text, expected):
    assert found(text, "address") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Heol is the Welsh word for road.",
        "Heol y Coed is closed today.",
        "Mae 2 ffordd o gysylltu.",
        "Bydd 3 heol ar gau.",
        "Mae 3 plant yn y tŷ.",
        "We put up 12 Heol signs.",
        "Year 3 Maes is the topic.",
        "Ty Sarah, Church Road works for me.",
        "ty so much, see you at Church Road",
    ],
)
def test_welsh_words_that_are_not_addresses(found, text):
    assert found(text, "address") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grandad lives at Pen-y-Bryn, Cwm Road, Llanfair Waterdine", "Pen-y-Bryn, Cwm Road"),
        ("She is at Tan-yr-Allt, Heol y Coed now", "Tan-yr-Allt, Heol y Coed"),
        ("she lives at 14 Meadow Dr. Kington", "14 Meadow Dr."),
    ],
)
def test_hyphenated_welsh_house_names_and_drive_abbreviated(found, text, expected):
    [address] = found(text, "address")
    assert address.startswith(expected)


def test_a_doctor_after_a_year_is_not_a_drive(found):
    assert found("born 8 August 2007, GP Dr Hughes, Kington Surgery.", "address") == []
