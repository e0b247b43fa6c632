"""Words of feeling beside a subject: the sentiment lexicon, its exceptions and the span found."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safecomms.screening.feeling import feeling_beside, feeling_words


def test_lexicon_words_british_additions_and_courtesy_exceptions():
    words = feeling_words()
    assert {"useless", "worse", "disgrace", "shambolic", "ideological"} <= words
    assert not {"please", "thanks", "support", "safeguarding", "credit"} & words


def test_the_span_runs_from_the_subject_to_the_nearest_feeling():
    text = "i think the government is useless and cruel"
    start = text.index("the government")
    span = feeling_beside(text, start, start + len("the government"))
    assert span is not None
    assert text[span[0] : span[1]] == "the government is useless"


def test_feeling_before_the_subject_and_adverbs_count():
    text = "treated disgracefully by the government"
    start = text.index("the government")
    span = feeling_beside(text, start, len(text))
    assert span is not None
    assert text[span[0] : span[1]] == "disgracefully by the government"


def test_a_short_verdict_after_the_sentence_counts_but_the_next_topic_does_not():
    verdict = "the budget did nothing for carers. shameful."
    assert feeling_beside(verdict, 0, len("the budget")) is not None
    elsewhere = "the minister visited today. the printer on the second floor is useless again."
    assert feeling_beside(elsewhere, 0, len("the minister")) is None


def test_the_subjects_own_words_do_not_count():
    text = "universal credit claim is in"
    assert feeling_beside(text, 0, len("universal credit")) is None


@given(st.text(max_size=80), st.data())
def test_any_span_found_lies_inside_the_text_and_covers_the_subject(text, data):
    lowered = text.lower()
    if len(lowered) != len(text):
        return
    start = data.draw(st.integers(0, len(lowered)))
    end = data.draw(st.integers(start, len(lowered)))
    span = feeling_beside(lowered, start, end)
    if span is not None:
        assert 0 <= span[0] <= start <= end <= span[1] <= len(lowered)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("the government hasn't a clue", "the government"),
        ("don't get me started on the government", "the government"),
        ("the politicians are out of touch", "politicians"),
    ],
)
def test_a_saying_beside_a_subject_carries_feeling(text, subject):
    start = text.index(subject)
    assert feeling_beside(text, start, start + len(subject)) is not None


def test_a_saying_about_someone_else_does_not():
    text = "i gave the government letter to mum, she doesn't care for forms"
    start = text.index("the government")
    assert feeling_beside(text, start, start + len("the government")) is None


def test_two_short_verdicts_in_a_row_count():
    text = "reeves' budget did absolutely nothing for kinship carers. not a penny. shameful."
    assert feeling_beside(text, 0, len("reeves")) is not None


@pytest.mark.parametrize(
    "text",
    [
        "did you see the pm on the news? man couldn't run a bath let alone a country.",
        "did anyone see the minister last night? this lot haven't a clue about social care.",
        "our mp voted to keep the cap. he's a spineless careerist and i'll tell him so.",
    ],
)
def test_a_longer_comment_that_refers_back_with_blame_counts(text):
    subject = next(s for s in ("the pm", "the minister", "our mp") if s in text)
    start = text.index(subject)
    assert feeling_beside(text, start, start + len(subject)) is not None


def test_a_longer_sentence_about_something_new_does_not():
    text = "the minister visited today. the printer on the second floor is useless again."
    assert feeling_beside(text, 0, len("the minister")) is None
