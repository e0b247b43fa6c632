"""Text speak: informal abbreviation and letter-number spelling; professional abbreviations pass."""

import pytest

from safecomms.screening import screen
from safecomms.screening.people import Gazetteer, Person


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lol see you tomorrow", ["lol"]),
        ("That was gr8, c u l8r", ["gr8", "c u l8r"]),
        ("tbh I think u r right", ["tbh", "u r"]),
        ("Can u send ur form pls", ["u", "ur", "pls"]),
        ("thx, btw omg idk", ["thx", "btw", "omg", "idk"]),
        ("I wud if I cud", ["wud", "cud"]),
        ("See you 2moro", ["2moro"]),
    ],
)
def test_text_speak(found, text, expected):
    assert found(text, "text_speak") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FYI the CIN review is ASAP, ETA 3pm, venue TBC.",
        "DOB, CP plan, LAC review, IRO and LADO informed; DSL aware; SAR and FOI logged; NHS no.",
        "Unit U, Plan B, the U18s team.",
        "You are right, see you tomorrow.",
        "The meeting is at 2 the day after the review.",
        "Read page 2 the night before the panel.",
        "Year 2 the children go swimming.",
    ],
)
def test_professional_writing_is_not_text_speak(found, text):
    assert found(text, "text_speak") == []


@pytest.mark.parametrize(
    "text",
    [
        'She said "lol whatever" and left.',
        "YP said 'I hate u' during the visit.",
        "Jayden texted: c u l8r",
    ],
)
def test_quoted_and_reported_speech_is_not_the_writers_text_speak(found, text):
    assert found(text, "text_speak") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mam says I can't go out 😭 can u ring her pls", ["u", "pls"]),
        ("Dad said the meeting was fine, but tbh I'm not sure", ["tbh"]),
        ("my mate says the new lot will scrap it so im voting for them lol", ["lol"]),
        ("She said she was so tired lol", ["lol"]),
        ("Demi sent mum a message saying 'idk where I am and I don't care'", []),
        ("Dr said he needs bloods, ask reception if u need his number", ["u"]),
    ],
)
def test_reported_words_end_where_the_writer_speaks_again(found, text, expected):
    assert found(text, "text_speak") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The correct number for Marcia is JK 48 29 17 B.",
        "Postcode is LS9 8UR, the blue door.",
    ],
)
def test_letters_of_an_identifier_are_not_text_speak(found, text):
    assert found(text, "text_speak") == []


@pytest.mark.parametrize("text", ["k", "kk", "k."])
def test_a_one_letter_ok_is_text_speak(found, text):
    assert found(text, "text_speak") != []


@pytest.mark.parametrize("text", ["Flat 3k", "ok k thanks, see you at 4", "wagwan dom, cant come"])
def test_a_k_inside_a_message_and_slang_greetings_are_not(found, text):
    assert found(text, "text_speak") == []


def test_a_name_is_not_text_speak_however_short():
    register = Gazetteer.from_people([Person(name="Tyler Brennan", role="child", aliases=("Ty",))])
    result = screen("ty got arrested last night", gazetteer=register)
    assert result.of("text_speak") == []
    assert [f.category.value for f in result.findings] == ["person"]


@pytest.mark.parametrize("text", ["wuu2? bored af at the home", "that film was long af"])
def test_status_questions_and_af(found, text):
    assert found(text, "text_speak") != []


@pytest.mark.parametrize(
    "text", ["sorry was at work. amber's got a temp so keeping her off. k", "U still up?"]
)
def test_a_closing_k_and_a_capital_u_for_you(found, text):
    assert found(text, "text_speak") != []


@pytest.mark.parametrize(
    "text",
    ["the family need to stay near the M8 for school", "She got a U in maths", "did a U turn"],
)
def test_motorways_grades_and_turns(found, text):
    assert found(text, "text_speak") == []


@pytest.mark.parametrize("text", ["mum n her bf arguing again", "sorry 4 messaging this late"])
def test_n_for_and_4_for_for(found, text):
    assert found(text, "text_speak") != []


@pytest.mark.parametrize("text", ["Flat 4 the Maltings", "Room 4 is booked"])
def test_numbers_and_letters_that_are_labels(found, text):
    assert found(text, "text_speak") == []


def test_a_company_in_capitals_is_not_bae(found):
    assert found("dad on nights at BAE this week", "text_speak") == []
    assert found("its sky on mams fone", "text_speak") != []


@pytest.mark.parametrize(
    "text", ["his da wont b there i promise", "can my mate come 2", "let me no", "home 4 xmas day"]
)
def test_b_for_be_2_for_too_and_no_for_know(found, text):
    assert found(text, "text_speak") != []


@pytest.mark.parametrize("text", ["Plan b is the library", "Room 2 is free", "No, I don't know"])
def test_plans_rooms_and_a_plain_no(found, text):
    assert found(text, "text_speak") == []


def test_omw(found):
    assert found("omw, traffic on the A1 is a joke", "text_speak") != []


@pytest.mark.parametrize("text", ["ive had enuff of this", "alrite tom, any news?"])
def test_more_spellings_of_text_speak(found, text):
    assert found(text, "text_speak") != []


@pytest.mark.parametrize("text", ["train's delayed, b there in 20", "anyone want a coffee? lmk"])
def test_b_for_be_and_lmk(found, text):
    assert found(text, "text_speak") != []


def test_rn_in_capitals_is_the_royal_navy_not_right_now(found):
    assert found("I'll email RN family support this morning", "text_speak") == []
    assert found("cant talk rn", "text_speak") != []


def test_patois_spellings_are_dialect_not_text_speak(found):
    assert found("Mi cyaan deal wid dis today. Is dat allowed wid the plan?", "text_speak") == []
