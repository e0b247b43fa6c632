"""The pattern index runs only the patterns a text could match, and so finds exactly what running
every pattern would find."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safecomms.screening.conduct import _with_markers, conduct_rules
from safecomms.screening.lexicons import load_table_file
from safecomms.screening.pattern_index import (
    PatternIndex,
    fold,
    required_atoms,
    sre_constants,
)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def found(index: PatternIndex, text: str) -> list[tuple[int, int, int]]:
    return sorted((pid, m.start(), m.end()) for pid, m in index.finditer(text, fold(text)))


def expected(index: PatternIndex, text: str) -> list[tuple[int, int, int]]:
    return sorted((pid, m.start(), m.end()) for pid, m in index.finditer_all(text))


@pytest.mark.parametrize(
    ("pattern", "atoms"),
    [
        (r"(?:dm|pm)\s+me", ({"dm me", "pm me"},)),
        (r"keep\s+it\s+(?:quiet|secret)", ({"keep it quiet", "keep it secret"},)),
        (r"x{2,}", ({"xx"},)),
        (r"x(?=\s*$)", ({"x\x03", "x \x03"},)),
        (r"@\w+", ({"@"},)),
    ],
)
def test_required_atoms_are_the_literals_every_match_holds(pattern, atoms):
    assert required_atoms(pattern, re.IGNORECASE) == tuple(frozenset(s) for s in atoms)


@pytest.mark.parametrize("pattern", [r"\w+y", r"[^a]b", r"a.b", r"(?:x|\w+)yz?", r"(?m)ab$"])
def test_a_pattern_with_nothing_certain_and_selective_always_runs(pattern):
    index = PatternIndex()
    index.add(0, pattern)
    assert index.always_run == (0,)
    assert index.candidates(fold("anything at all")) == [0]


def test_every_required_set_must_be_present():
    index = PatternIndex()
    index.add(0, r"useless\s+(?:\w+\s+)?(?:kids|parents)", re.IGNORECASE)
    assert index.candidates(fold("the kids were useless")) == [0]
    assert index.candidates(fold("useless printer")) == []
    assert found(index, "USELESS   bloody\tkids") == [(0, 0, 21)]


def test_folding_squeezes_white_space_and_marks_the_ends():
    assert fold("  Keep\t\tIT\n quiet ") == " keep it quiet \x03"
    assert fold("\u017fecret") == " secret \x03"  # the long s matches "s" when case is ignored


# Patterns built from the constructs the rules files use, over texts that stress folding.
# fmt: off
_PIECES = st.sampled_from([
    "a", "b", "ab", "me", "x", "s", "k", "i", "@", "'", "-", " ", r"\s+", r"\s*", r"\w", r"\w+",
    "[ab]", r"[\s-]", r"\d", ".", "(?:a|bc)", "(?:me|you)?", "(?=b)", "(?!a)", r"(?<![\w])",
    r"(?![\w])", r"\b", "$", r"\Z", "(?-i:A)", "a{2,}", "(?:ab){1,3}", "(?:s|x)+", "ſ", "K", "İ",
    "(?:me|ab|sk)", "(?:a|@)", "[a-z]+", "(?:x|9)", "(?:ab\\s+)?", "(?:-\\s*)?", "(?:(?:me)?)",
])
# fmt: on
_PATTERNS = st.lists(_PIECES, min_size=1, max_size=6).map("".join)
_TEXT = st.text(
    alphabet=st.sampled_from(list("abmexsik@'- \t\n\u00a0\u2028ABMEXSK9\u017f\u212a\u0130\u0131")),
    max_size=24,
)


@SETTINGS
@given(patterns=st.lists(_PATTERNS, min_size=1, max_size=4), text=_TEXT, ignore_case=st.booleans())
def test_the_index_finds_what_running_every_pattern_finds(patterns, text, ignore_case):
    index = PatternIndex()
    for pattern_id, pattern in enumerate(patterns):
        index.add(pattern_id, pattern, re.IGNORECASE if ignore_case else 0)
    assert found(index, text) == expected(index, text)


def _rule_words() -> list[str]:
    words: set[str] = set()
    for filename in ("boundary.toml", "offensive.toml", "political.toml", "task_allocation.toml"):
        for value in load_table_file(filename).get("vocabulary", {}).values():
            words.update(re.sub(r"[^\w' ]|\?", "", entry) for entry in value)
    words.update(["Sarah", "@Tom", "don't", "tell", "keep", "this", "between", "us", "to", "is"])
    return sorted(word for word in words if word)


_RULE_TEXT = st.lists(
    st.one_of(st.sampled_from(_rule_words()), st.sampled_from([" ", "  ", "\n", ", ", ". "])),
    max_size=30,
).map("".join)


@SETTINGS
@given(text=_RULE_TEXT)
def test_the_conduct_rules_find_the_same_with_and_without_the_index(text):
    index = conduct_rules().patterns
    assert found(index, text) == expected(index, text)


@SETTINGS
@given(patterns=st.lists(_PATTERNS, min_size=1, max_size=4), text=_TEXT, ignore_case=st.booleans())
def test_word_start_finds_what_a_leading_look_behind_finds(patterns, text, ignore_case):
    flags = re.IGNORECASE if ignore_case else 0
    index, reference = PatternIndex(), PatternIndex()
    for pattern_id, pattern in enumerate(patterns):
        index.add(pattern_id, pattern, flags, word_start=True)
        reference.add(pattern_id, rf"(?<![\w])(?:{pattern})", flags)
    assert found(index, text) == expected(reference, text)


@pytest.mark.parametrize(
    ("pattern", "flags", "boundary"),
    [
        (r"(?:hi|hiya|morning)\s+\w+", re.IGNORECASE, True),
        (r"(?:he|she)\s+is", re.IGNORECASE, True),
        (r"(?:hi|hiya|morning)\s+\w+", 0, False),
        (r"(?-i:[A-Z][a-z]+)\s+to\s+cover", re.IGNORECASE, False),
        (r"(?:@|hi)\s+\w+", re.IGNORECASE, False),
        (r"(?:hi)?\s+\w+", re.IGNORECASE, False),
        (r"(?:the\s+)?(?:council|cabinet)", re.IGNORECASE, True),
        (r"(?:-\s+)?(?:council|cabinet)", re.IGNORECASE, False),
        (r"(?:(?:the\s+)?)(?:council|cabinet)", re.IGNORECASE, True),
        (r"(?:(?:-\s*)?)(?:council|cabinet)", re.IGNORECASE, False),
    ],
)
def test_a_word_boundary_goes_first_only_where_the_engine_cannot_skip_ahead(
    pattern, flags, boundary
):
    index = PatternIndex()
    index.add(0, pattern, flags, word_start=True)
    first = index._parsed_form(0).data[0]
    assert (first == (sre_constants.AT, sre_constants.AT_BOUNDARY)) is boundary
    reference = PatternIndex()
    reference.add(0, rf"(?<![\w])(?:{pattern})", flags)
    text = "Hiya Tom, say hi  to Morning-Jo and shi bob"
    assert found(index, text) == expected(reference, text)


def test_a_capitalised_word_rule_can_start_with_the_capital():
    """The rules' form for "a capitalised word other than these" leaves the capital first, so
    the regex engine can skip straight to capitals."""
    pattern = r"(?-i:[A-Z](?<!(?=(?:Hi|Hello)\b).)[a-z]+)\s+to\s+cover"
    index = PatternIndex()
    index.add(0, pattern, re.IGNORECASE, word_start=True)
    assert found(index, "Hi to cover, Hello to cover, McTom to cover, Hil to cover") == [
        (0, 45, 57)
    ]


@SETTINGS
@given(
    before=_PATTERNS,
    part=st.lists(_PATTERNS, min_size=1, max_size=3).map("|".join),
    after=_PATTERNS,
    text=_TEXT,
    ignore_case=st.booleans(),
)
def test_a_pattern_given_in_parts_finds_what_the_whole_pattern_finds(
    before, part, after, text, ignore_case
):
    flags = re.IGNORECASE if ignore_case else 0
    in_parts, whole = PatternIndex(), PatternIndex()
    in_parts.add(0, f"{before}\ue000{after}(?:x|\ue000)", flags, parts={"\ue000": f"(?:{part})"})
    whole.add(0, f"{before}(?:{part}){after}(?:x|(?:{part}))", flags)
    assert found(in_parts, text) == expected(whole, text)


def test_the_rules_word_lists_never_stand_in_the_atoms():
    """Each word list is analysed once and stands in its patterns as a marker character until
    the pattern is compiled; no atom may hold a marker, which no text contains."""
    index = conduct_rules().patterns
    for required in index._analysed().values():
        for atoms in required:
            assert not any("\ue000" <= char <= "\uf8ff" for atom in atoms for char in atom)


def test_a_rule_holding_a_marker_character_is_refused():
    with pytest.raises(ValueError, match="private-use"):
        _with_markers("keep \ue000 quiet", {}, {})


def test_a_long_list_of_words_still_has_atoms():
    """A choice of hundreds of words is too many to cross with its neighbours, but each word is
    still an atom: without them the pattern would run on every text."""
    words = [f"word{number}" for number in range(600)]
    index = PatternIndex()
    index.add(0, f"(?:{'|'.join(words)})(?![\\w])", re.IGNORECASE)
    assert index.always_run == ()
    assert index.candidates(fold("nothing here")) == []
    assert found(index, "it says word599 here") == [(0, 8, 15)]


def test_no_conduct_rule_runs_on_every_message():
    """A rule whose atoms are lost (a word list grown past what the analysis keeps, a pattern
    opening with a bare word class) would be tried on every text; each must have atoms."""
    assert conduct_rules().patterns.always_run == ()
