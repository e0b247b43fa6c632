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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB 03/02/2015, dad's is 04/11/1985", ["03/02/2015", "04/11/1985"]),
        ("Her date of birth is 1.2.2016 and her brother's 5.6.2018", ["1.2.2016", "5.6.2018"]),
        ("Mum's DOB is 19/06/1988, dad's is 04/11/1985", ["19/06/1988", "04/11/1985"]),
        ("Dad's DOB is 1979-05-30, mum's is 1982-01-11.", ["1979-05-30", "1982-01-11"]),
        ("Ruby-Mae's DOB 03/02/2015 and Kelly-Ann's: 04/11/2012", ["03/02/2015", "04/11/2012"]),
        (
            "DOBs: 12/03/2011, 05/06/2014, 01/02/2016, 03/04/2018, 09/09/2019",
            ["12/03/2011", "05/06/2014", "01/02/2016", "03/04/2018", "09/09/2019"],
        ),
    ],
)
def test_a_birth_cue_carries_along_a_list(found, text, expected):
    assert found(text, "date_of_birth") == expected


@pytest.mark.parametrize(
    "text",
    [
        "DOB 03/02/2015, meeting on 04/11/2025",
        "DOB 03/02/2015 and the review's 04/11/2025",
        "DOB 03/02/2015 and today's 04/11/2025",
        "DOB 03/02/2015, seen 04/11/2025",
        "DOB 03/02/2015 and today's date 04/11/2025",
        "DOB 03/02/2015. Dad's is on 04/11/2025",
    ],
)
def test_a_list_ends_at_a_date_for_something_else(found, text):
    assert found(text, "date_of_birth") == ["03/02/2015"]


@pytest.mark.parametrize(
    "cue", ["D  O  B", "D.O.B.", "d.o.b:", "D. O. B.", "D o B", "D.o.B", "DoB", "d-o-b", "DOB."]
)
def test_dob_spelled_out_with_spaces_or_dots(found, cue):
    assert found(f"{cue} 03/02/2015", "date_of_birth") == ["03/02/2015"]
    assert found(f"Seen 03/02/2015 ({cue})", "date_of_birth") == ["03/02/2015"]


@pytest.mark.parametrize(
    "text",
    [
        "Need to do b 03/02/2015",
        "Do B 03/02/2015 first",
        "Plan: d o, b 03/02/2015",
        "D O B and address to follow. Visit 03/02/2025",
    ],
)
def test_letters_that_only_look_like_dob(found, text):
    assert found(text, "date_of_birth") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB 3 Jan. 2011", "3 Jan. 2011"),
        ("DOB 3 JAN 2011", "3 JAN 2011"),
        ("DOB 3 Jan.2011", "3 Jan.2011"),
        ("DOB 3.Jan.2011", "3.Jan.2011"),
        ("born 3rd Sept. 2014", "3rd Sept. 2014"),
        ("born 3rd SEPT 2014", "3rd SEPT 2014"),
        ("born on the 3rd of Sept., 2014", "3rd of Sept., 2014"),
        ("DOB: SEPT. 3RD 2014", "SEPT. 3RD 2014"),
        ("DOB Sept.2014", "Sept.2014"),
        ("DOB 3 Sept. '14", "3 Sept. '14"),
        ("dob 3/sept/2014", "3/sept/2014"),
        ("DOB 03-SEPT-2014", "03-SEPT-2014"),
    ],
)
def test_month_abbreviations_with_dots_or_capitals(found, text, expected):
    assert found(text, "date_of_birth") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Checked her DOB. Review 3 JAN. 2025",
        "Birthday sorted, and the panel is on 3rd Sept. 2025",
        "Review booked for 3 Jan. 2025; DOB to follow",
    ],
)
def test_abbreviated_months_without_a_birth_cue(found, text):
    assert found(text, "date_of_birth") == []
