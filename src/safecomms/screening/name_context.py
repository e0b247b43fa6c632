"""How the words around a capitalised word show that it is someone's name.

These are the signs a reader uses: a title before it ("Dr Okafor"), a greeting or sign-off around it
("Hi Grace,", "Thanks, Mark"), an introduction ("this is Sarah from..."), a possessive relation
("Tyler's mum"), a job title in apposition ("Dev (IRO)"), a verb after it at the start of a
sentence ("Will said"), or a task handed to it in a list of actions ("Grace to bring the forms",
"- Will: ring mum"). They decide whether an everyday word that is also a name is used as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from safecomms.screening.lexicons import alternation, load_table_file, word_set
from safecomms.screening.phrase_search import PhraseSearch

_NAMES = "names.toml"
NOT_NAMES = word_set(_NAMES, "not_names")
PLACE_WORDS = word_set(_NAMES, "place_words")
NAME_VERBS = word_set(_NAMES, "name_verbs")
TASK_VERBS_AFTER_TO = word_set(_NAMES, "task_verbs_after_to")
NOT_NAMES_BEFORE_TO = word_set(_NAMES, "not_names_before_to")
EVERYDAY_NAMES = word_set(_NAMES, "ambiguous")
FIRST_NAMES = word_set(_NAMES, "first_names")
COMMON_WORDS = word_set(_NAMES, "common_words")
MONTH_NAMES = frozenset({"april", "may", "june", "august"})
_ENDS_A_RUN = NOT_NAMES | PLACE_WORDS
POSSESSIVE_ENDINGS = ("'s", "\u2019s")

_TITLE_WORDS = word_set(_NAMES, "titles") | word_set(_NAMES, "kinship_titles")
_UPPER_CASE_TITLES = tuple(load_table_file(_NAMES)["titles"]["upper_case_terms"])
_TITLES = alternation(_TITLE_WORDS)
_UPPER_TITLES = alternation(_UPPER_CASE_TITLES)
_GREETINGS = alternation(word_set(_NAMES, "greetings"))
_SIGN_OFFS = alternation(word_set(_NAMES, "sign_offs"))
_INTRODUCTIONS = alternation(word_set(_NAMES, "introductions"))
_KINSHIP_AFTER = alternation(word_set(_NAMES, "kinship_after"))
_ROLES = alternation(word_set(_NAMES, "roles"))
_ORGANISATIONS = alternation(word_set(_NAMES, "roles", "organisations"))

WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
"""A word of letters, with inner apostrophes or hyphens (O'Brien, Smith-Jones, Jayden's)."""

# Texts that are all ASCII are searched in their lower-cased copy with case-sensitive patterns,
# which the regex engine runs about twice as fast as case-insensitive ones; the others are
# searched as written with the case-insensitive originals.

TITLE = re.compile(rf"(?<![\w])(?:(?i:{_TITLES})|{_UPPER_TITLES})\.?[ \t]+")
TITLE_BEFORE = re.compile(rf"(?<![\w])(?:(?i:{_TITLES})|{_UPPER_TITLES})\.?[ \t]+\Z")
LOWER_CASE_TITLES = PhraseSearch(_TITLE_WORDS, r"(?:{})\.?[ \t]+")
UPPER_CASE_TITLES = PhraseSearch(_UPPER_CASE_TITLES, r"(?:{})\.?[ \t]+")
"""`TITLE` in two parts, without its word-start check (see `word_starts`): titles in any case,
for lower-cased ASCII text, and titles only written in capitals (PC, DS)."""

_GREETING = rf"[ \t>*\-]*(?:{_GREETINGS})[ \t]*,?[ \t]+"
_SIGN_OFF = rf"[ \t]*(?:{_SIGN_OFFS})[ \t]*[,.!]?[ \t]*(?:\r?\n[ \t]*|[ \t]+)"
_OPENING = rf"(?:(?=({_GREETING}))(?:(?=({_SIGN_OFF})))?|(?=({_SIGN_OFF})))"
_OPENING_AFTER_BREAK = rf"[\n.!?](?:(?<=\n)|(?=[ \t])){_OPENING}"
OPENING_AT_START = re.compile(f"(?i){_OPENING}")
"""A greeting (group 1) or a closing (group 2, or 3 when there is no greeting) opening the text.

The match is empty, so a greeting and a closing in the same words ("Thanks, Mark") are both seen.
"""
OPENING_AFTER_BREAK = re.compile(f"(?i){_OPENING_AFTER_BREAK}")
"""`OPENING_AT_START` after a line break, or after a full stop, ! or ? and a space.

Matching the break itself, not an empty position after it, lets the search skip to the breaks.
"""
LOWER_CASE_OPENING_AT_START = re.compile(_OPENING)
LOWER_CASE_OPENING_AFTER_BREAK = re.compile(_OPENING_AFTER_BREAK)
GREETING_BEFORE = re.compile(rf"(?im)^{_GREETING}\Z")
SIGN_OFF_BEFORE = re.compile(rf"(?im)(?:^|(?<=[.!?])[ \t]+){_SIGN_OFF}\Z")
DASH_SIGNATURE = re.compile(r"[-\u2013\u2014~](?<![^ \t\n].)[ \t]*(?=[^\W\d_])")
"""A dash or tilde at the start of the text or after white space, before a signed name.

The check on the character before the dash follows the dash, so the search can skip to dashes.
"""
INTRODUCTION = re.compile(rf"(?i)(?<![\w])(?:{_INTRODUCTIONS})[ \t]+")
LOWER_CASE_INTRODUCTIONS = PhraseSearch(word_set(_NAMES, "introductions"), r"(?:{})[ \t]+")
"""`INTRODUCTION` without its word-start check, for lower-cased ASCII text (see `word_starts`)."""
MENTION = re.compile(r"@(?<![\w.@]@)(?=[^\W\d_])")
POSSESSIVE_RELATION = re.compile(rf"['\u2019]s[ \t]+(?i:{_KINSHIP_AFTER})(?![\w])")

_ROLE_IN_BRACKETS = rf"\([ \t]*(?:{_ROLES})[ \t]*\)"
_ROLE_AFTER_COMMA = rf",[ \t]*(?:the|our|your|my|his|her|their)[ \t]+(?:{_ROLES})(?![\w])"
_FROM_ORGANISATION = rf"[ \t](?:from|at)[ \t]+(?:{_ORGANISATIONS})(?![\w])"
ROLE_AFTER = re.compile(
    rf"(?i)[ \t]*(?:{_ROLE_IN_BRACKETS}|{_ROLE_AFTER_COMMA}|[ \t]*{_FROM_ORGANISATION})"
)
"""A job title or workplace just after a name: "Dev (IRO)", "Ann, our SW", "Sam from CAMHS"."""
ROLE_IN_BRACKETS = re.compile(f"(?i){_ROLE_IN_BRACKETS}")
ROLE_AFTER_COMMA = re.compile(f"(?i){_ROLE_AFTER_COMMA}")
FROM_ORGANISATION = re.compile(f"(?i){_FROM_ORGANISATION}")
"""The three forms of `ROLE_AFTER` on their own: a text with none of them has no role to find."""
LOWER_CASE_FROM_ORGANISATION = re.compile(_FROM_ORGANISATION)
ROLES = PhraseSearch(word_set(_NAMES, "roles"))
ORGANISATIONS = PhraseSearch(word_set(_NAMES, "roles", "organisations"))
_END_OF_ADDRESS = re.compile(r"[ \t]*(?:[,!.:;)\-\u2013]|\r?\n|\Z|x+\b)")
_INTRODUCTION_END = re.compile(
    r"(?i)[ \t]*(?:[,.!(\-\u2013]|\r?\n|\Z|(?:from|here|your|at|with|the|and)\b)"
)
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+(?:'[a-z]+)?|&)")
_TASK_VERB = re.compile(r"[ \t]+([^\W\d_]+(?:-[^\W\d_]+)?)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \t]*\Z")
_PLACE_AFTER = re.compile(r"[ \t]+([A-Z][\w']*)")
_SAINT_BEFORE = re.compile(r"(?:\bSt\.?|\bSaint)[ \t]+\Z")
_POSSESSIVE_AFTER = re.compile(r"(?:['\u2019]s|s['\u2019])(?![\w])")
_DATE_NEIGHBOUR_BEFORE = re.compile(
    r"(?i)(?:\d(?:st|nd|rd|th)?|\b(?:in|on|since|until|till|by|from|of|during|early|late|mid|"
    r"end|next|last|this|before|after|to))[ \t]+\Z"
)
_DATE_NEIGHBOUR_AFTER = re.compile(r"[ \t]+\d")
_SUBJECT_PRONOUN_BEFORE = re.compile(r"(?i)\b(?:i|we|you|they|u|i'll|we'll|you'll)[ \t]+\Z")


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def word_starts(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches `finditer` would give if `pattern` began with `(?<![\\w])`.

    Checking the character before a match here, not in the pattern, lets the regex engine skip
    straight to the pattern's first letters instead of trying the look-behind at every offset.
    """
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            pos = start + 1
        else:
            yield match
            pos = match.end()


def is_sentence_start(text: str, start: int) -> bool:
    """True when only spaces, quotes or brackets separate `start` from a sentence boundary."""
    index = start - 1
    while index >= 0 and text[index] in " \t\"'\u201c\u2018([*>-\u2022":
        index -= 1
    return index < 0 or text[index] in ".!?:\n\r;"


def _follows_comma(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index >= 0 and text[index] == ","


def is_greeting_or_sign_off(text: str, start: int, end: int) -> bool:
    """True for a word addressed in a greeting ("Hi Grace,") or signed after a closing."""
    if _END_OF_ADDRESS.match(text, end) is None:
        return False
    low = max(0, start - 60)
    return bool(
        GREETING_BEFORE.search(text, low, start) or SIGN_OFF_BEFORE.search(text, low, start)
    )


def used_as_name(text: str, start: int, end: int) -> bool:
    """Whether an everyday word that is also a name (Will, Grace, Hope, Mark) is a name here."""
    word = text[start:end]
    before = text[max(0, start - 30) : start]
    if TITLE_BEFORE.search(before) or is_greeting_or_sign_off(text, start, end):
        return True
    if not is_capitalised(word) or (len(word) > 1 and word.isupper()):
        return False
    if _SAINT_BEFORE.search(before) or _SUBJECT_PRONOUN_BEFORE.search(before):
        return False
    if word.lower() in MONTH_NAMES and (
        _DATE_NEIGHBOUR_BEFORE.search(before) or _DATE_NEIGHBOUR_AFTER.match(text, end)
    ):
        return False
    if _POSSESSIVE_AFTER.match(text, end):
        return True
    if is_sentence_start(text, start) or _follows_comma(text, start):
        if text[end : end + 1] == ":":
            return _task_follows(text, end + 1, word)
        following = _NEXT_WORD.match(text, end)
        if following is None:
            return False
        next_word = following.group(1).lower()
        if next_word == "to":
            return _task_follows(text, following.end(), word)
        return next_word in NAME_VERBS
    return True


def _task_follows(text: str, pos: int, word: str) -> bool:
    """True when a task handed to the word follows: "Will to chase the school", "Will: ring mum".

    The verb after "to" must be a task, not the everyday sense ("Will to live"), and the word must
    not be one that takes "to" itself ("Hope to call you later").
    """
    if word.lower() in NOT_NAMES_BEFORE_TO:
        return False
    verb = _TASK_VERB.match(text, pos)
    return verb is not None and verb.group(1).lower() in TASK_VERBS_AFTER_TO


def names_a_place(text: str, start: int, end: int) -> bool:
    """True when the name is part of a place or organisation ("Grace Academy", "St Mark's")."""
    before = text[max(0, start - 8) : start]
    if ("St" in before or "Saint" in before) and _SAINT_BEFORE.search(before):
        return True
    if end >= len(text) or text[end] not in " \t":
        return False
    following = _PLACE_AFTER.match(text, end)
    return following is not None and following.group(1).lower() in PLACE_WORDS


def capitalised_run(text: str, pos: int, max_words: int) -> tuple[int, int] | None:
    """The span of up to `max_words` capitalised name-like words starting at `pos`.

    Initials ("J." or "J") may stand before the last word; a possessive `'s` is left out of the
    span and ends the run; words that are never names (Mum, Team, Monday) or that name places end
    the run, as do a word followed by a digit and words not separated by spaces.
    """
    first = last = -1
    words = 0
    cursor = pos
    size = len(text)
    while words < max_words:
        match = WORD.match(text, cursor)
        if match is None:
            break
        whole = match.group()
        after = match.end()
        if after < size and text[after].isdigit():
            break
        possessive = whole[-2:] in POSSESSIVE_ENDINGS
        word = whole[:-2] if possessive else whole
        if not word[:1].isupper() or word.lower() in _ENDS_A_RUN:
            break
        if first < 0:
            first = cursor
        last = cursor + len(word)
        words += 1
        if possessive:
            break
        cursor = after
        if len(word) == 1 and cursor < size and text[cursor] == ".":
            cursor += 1
        if cursor >= size or text[cursor] not in " \t":
            break
        cursor += 1
        while cursor < size and text[cursor] in " \t":
            cursor += 1
    return (first, last) if first >= 0 else None


def previous_word(text: str, start: int) -> str:
    match = _PREVIOUS_WORD.search(text[max(0, start - 20) : start])
    return match.group(1).lower() if match else ""


def introduction_closes(text: str, end: int) -> bool:
    return _INTRODUCTION_END.match(text, end) is not None


def address_closes(text: str, end: int) -> bool:
    return _END_OF_ADDRESS.match(text, end) is not None
