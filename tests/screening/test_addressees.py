"""Who a message is spoken to, from the register's roles, and the conduct that depends on it."""

from datetime import datetime

import pytest

from safecomms.screening import screen
from safecomms.screening.addressees import (
    request_to_a_client,
    signed_by,
    written_to_a_group,
    written_to_a_professional,
    written_to_staff,
)


def _names(text, register):
    result = screen(text, gazetteer=register)
    return [(f.start, f.end) for f in result.findings if f.category == "person"]


@pytest.mark.parametrize(
    "text",
    [
        "Mark, can you ring the school?",
        "Hi Mark - the s47 is yours",
        "Thanks Mark xx see you Thursday",
        "Mark can you pop in later",
        "omg Mark ur a lifesaver",
    ],
)
def test_a_message_opening_on_a_staff_name_is_written_to_staff(register, text):
    assert written_to_staff(text, _names(text, register), register)


@pytest.mark.parametrize(
    "text",
    [
        "Mark's off sick today so the visit moves",  # the subject, not the person addressed
        "Hi Grace, Mark will ring you",  # written to a parent
        "The visit is at 3. Mark, can you drive?",  # the first sentence addresses nobody
        "Hi Bob, see you at 3",  # not on the register
    ],
)
def test_other_openings_are_not_written_to_staff(register, text):
    assert not written_to_staff(text, _names(text, register), register)


def test_a_request_is_to_a_client_when_its_sentence_or_the_message_opens_on_one(register):
    text = "Morning Grace. Could you bring the school letter on Thursday?"
    start = text.index("Could")
    assert request_to_a_client(text, start, len(text), _names(text, register), register)
    text = "Grace, the review moved. Mark, could you cover it?"
    start = text.index("could")
    assert not request_to_a_client(text, start, len(text), _names(text, register), register)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks Mark xx",
        "Mark, pls dont tell dad yet",
        "Mark - Jayden says Tom asked him to delete messages. Can we talk?",
    ],
)
def test_a_young_person_s_or_colleague_s_words_to_staff_are_not_the_worker_s_boundary(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    ["Mark can I have ur real number not this work one", "Mark, can we talk on snapchat instead"],
)
def test_a_young_person_pushing_a_boundary_with_staff_still_counts(found, text):
    assert found(text, "boundary") != []


def test_a_late_message_to_staff_is_not_contact_at_an_odd_hour(found):
    sent_at = datetime(2026, 3, 9, 0, 12)
    assert found("ok Mark. wont say nothin, thx, see you tmrw", "boundary", sent_at=sent_at) == []
    assert found("Jayden, you still up? see you tmrw", "boundary", sent_at=sent_at) != []


def test_the_same_words_to_a_child_are_the_worker_s_boundary(found):
    assert found("Jayden, pls dont tell ur dad x", "boundary") != []


@pytest.mark.parametrize(
    ("text", "professional"),
    [
        ("Dear Dr Okoro, can you send the letter?", True),
        ("Hi Mark, can you ring me?", True),
        ("Hi Grace, can you ring me?", False),
        ("Hi Nan Pat, can you ring me?", False),
    ],
)
def test_a_letter_to_a_professional(register, text, professional):
    assert written_to_a_professional(text, _names(text, register), register) is professional


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Can we move the review to ours? The cows are calving. Kelly-Ann", {"carer"}),
        ("Is Jayden still coming Friday?\nGrace Hunter", {"parent"}),
        ("Thanks for sorting the bus pass - Jay x", {"child"}),
        ("Love you xx Mam", {"parent"}),
        ("Can someone cover the 3pm? Mark", {"staff"}),
        ("Thanks Grace", set()),
        ("I'll ring Grace Hunter tomorrow", set()),
    ],
)
def test_who_signs_a_message(register, text, roles):
    assert signed_by(text, _names(text, register), register) == roles


@pytest.mark.parametrize(
    "text",
    [
        "Morning Mark, could you do the review at the farm instead? Kelly-Ann",
        "Mark can you chase the school about the trip money please. Grace Hunter",
    ],
)
def test_a_request_signed_by_a_family_is_not_task_allocation(found, text):
    assert found(text, "task_allocation") == []


def test_a_carer_s_compliment_to_the_child_in_their_care_still_counts(found):
    text = "You looked gorgeous at the prom, way too good for him. Kelly-Ann"
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Off now, have a good weekend all xx", True),
        ("Morning lovelies, cake in the kitchen", True),
        ("Merry Christmas everyone! Thanks for all the cover", True),
        ("You lot are too kind. Thank you xx", True),
        ("Hi Jayden, all good?", False),
        ("I told them all about it", False),
    ],
)
def test_a_message_to_a_group(text, group):
    assert written_to_a_group(text) is group


@pytest.mark.parametrize(
    "text",
    [
        "Off now, have a good weekend all xx",
        "Her form is in the tray if they ask. Thanks Mark you're a star xx",
    ],
)
def test_kisses_to_a_team_or_thanks_to_a_colleague_are_not_the_worker_s_boundary(found, text):
    assert found(text, "boundary", channel="whatsapp") == []


def test_a_young_person_asking_a_worker_in_lower_case_if_they_are_awake(found):
    late = datetime(2025, 3, 4, 23, 50)
    assert found("mark r u awake?? the lecky's run out", "boundary", sent_at=late) == []
