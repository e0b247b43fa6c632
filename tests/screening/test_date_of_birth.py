"""Dates of birth: a date with a birth cue; the span is the date; other dates are not personal."""

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB: 12/03/2011", ["12/03/2011"]),
        ("d.o.b 12.03.11", ["12.03.11"]),
        ("D.O.B. 2011-03-12", ["2011-03-12"]),
        ("He was born on 12th March 2011 in Coventry.", ["12th March 2011"]),
        ("Date of birth March 12 2011", ["March 12 2011"]),
        ("Mum's DOB is 04/07/1985", ["04/07/1985"]),
        ("Her birthday is on 3 June.", ["3 June"]),
        ("Jayden (12/03/2011) (DOB) attended.", ["12/03/2011"]),
        ("DOBs 12/03/2011 and 05/06/2014", ["12/03/2011", "05/06/2014"]),
    ],
)
def test_dates_with_birth_cues(found, text, expected):
    assert found(text, "date_of_birth") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The CIN review is on 14/03/2024.",
        "Visit booked for 12th March 2024 at 10am.",
        "Birthday party went well, and the review is on 14/03/2024.",
        "Court hearing 2024-05-01.",
    ],
)
def test_other_dates_are_not_dates_of_birth(found, text):
    assert found(text, "date_of_birth") == []
