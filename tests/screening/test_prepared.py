"""The prepared text: the same words and digits however the text is written, and cues that never
rule out a text holding one of them."""

import re

from hypothesis import given
from hypothesis import strategies as st

from safecomms.screening.prepared import Cues, PreparedText

WORDS = re.compile(r"[^\W_]+")
ASCII = st.text(alphabet=st.characters(max_codepoint=127))


@given(st.one_of(st.text(), ASCII))
def test_words_and_digits_are_those_of_the_lowered_text(text):
    prepared = PreparedText.of(text)
    assert len(prepared.lowered) == len(text)
    assert prepared.words == frozenset(WORDS.findall(prepared.lowered))
    assert prepared.has_digits == (re.search(r"\d", text) is not None)
    assert prepared.is_ascii == text.isascii()


def test_cues_need_every_word_of_a_phrase():
    cues = Cues(["waste of space", "lol"])
    assert cues.absent_from(PreparedText.of("what a waste, and of time"))
    assert not cues.absent_from(PreparedText.of("a Waste of\nspace"))
    assert not cues.absent_from(PreparedText.of("LOL!"))


def test_cues_never_rule_out_text_that_is_not_ascii():
    # The regex engine matches the long s to "s" when ignoring case; `str.lower` keeps it apart.
    assert not Cues(["close"]).absent_from(PreparedText.of("12 Main Clo\u017fe"))


def test_a_cue_without_words_rules_nothing_out():
    assert not Cues(["lol", "..."]).absent_from(PreparedText.of("hello"))
