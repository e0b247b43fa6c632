"""How the words around a capitalised word show that it is someone's name.

These are the signs a reader uses: a title before it ("Dr Okafor"), a greeting or sign-off around it
("Hi Grace,", "Thanks, Mark"), an introduction ("this is Sarah from..."), a possessive relation
("Tyler's mum"), a job title in apposition ("Dev (IRO)"), a verb after it at the start of a
sentence ("Will said"). They decide whether an everyday word that is also a name is used as one.
"""

from __future__ import annotations

import re

from safecomms.screening.lexicons import alternation, load_table_file, word_set

_NAMES = "names.toml"
NOT_NAMES = word_set(_NAMES, "not_names")
PLACE_WORDS = word_set(_NAMES, "place_words")
NAME_VERBS = word_set(_NAMES, "name_verbs")
EVERYDAY_NAMES = word_set(_NAMES, "ambiguous")
FIRST_NAMES = word_set(_NAMES, "first_names")
COMMON_WORDS = word_set(_NAMES, "common_words")
MONTH_NAMES = frozenset({"april", "may", "june", "august"})

_TITLES = alternation(word_set(_NAMES, "titles") | word_set(_NAMES, "kinship_titles"))
_UPPER_TITLES = alternation(tuple(load_table_file(_NAMES)["titles"]["upper_case_terms"]))
_GREETINGS = alternation(word_set(_NAMES, "greetings"))
_SIGN_OFFS = alternation(word_set(_NAMES, "sign_offs"))
_INTRODUCTIONS = alternation(word_set(_NAMES, "introductions"))
_KINSHIP_AFTER = alternation(word_set(_NAMES, "kinship_after"))
_ROLES = alternation(word_set(_NAMES, "roles"))
_ORGANISATIONS = alternation(word_set(_NAMES, "roles", "organisations"))

WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
"""A word of letters, with inner apostrophes or hyphens (O'Brien, Smith-Jones, Jayden's)."""

TITLE = re.compile(rf"(?<![\w])(?:(?i:{_TITLES})|{_UPPER_TITLES})\.?[ \t]+")
TITLE_BEFORE = re.compile(rf"(?<![\w])(?:(?i:{_TITLES})|{_UPPER_TITLES})\.?[ \t]+\Z")
GREETING = re.compile(rf"(?i)[ \t>*\-]*(?:{_GREETINGS})[ \t]*,?[ \t]+")
"""A greeting, matched at a line start (see `sentence_starts`)."""
GREETING_BEFORE = re.compile(rf"(?im)^[ \t>*\-]*(?:{_GREETINGS})[ \t]*,?[ \t]+\Z")
SIGN_OFF = re.compile(rf"(?i)[ \t]*(?:{_SIGN_OFFS})[ \t]*[,.!]?[ \t]*(?:\r?\n[ \t]*|[ \t]+)")
"""A closing, matched at a line or sentence start (see `sentence_starts`)."""
_STARTS = re.compile(r"\n|[.!?][ \t]+")


def sentence_starts(text: str) -> list[int]:
    """Offsets where a line or a sentence begins: where greetings and sign-offs can stand."""
    return [0, *(match.end() for match in _STARTS.finditer(text))]


SIGN_OFF_BEFORE = re.compile(
    rf"(?im)(?:^|(?<=[.!?])[ \t]+)[ \t]*(?:{_SIGN_OFFS})[ \t]*[,.!]?[ \t]*(?:\r?\n[ \t]*|[ \t]+)\Z"
)
DASH_SIGNATURE = re.compile(r"(?:^|(?<=[ \t\n]))[-\u2013\u2014~][ \t]*(?=[^\W\d_])")
INTRODUCTION = re.compile(rf"(?i)(?<![\w])(?:{_INTRODUCTIONS})[ \t]+")
MENTION = re.compile(r"(?<![\w.@])@(?=[^\W\d_])")
POSSESSIVE_RELATION = re.compile(rf"['\u2019]s[ \t]+(?i:{_KINSHIP_AFTER})(?![\w])")
ROLE_AFTER = re.compile(
    rf"(?i)[ \t]*(?:\([ \t]*(?:{_ROLES})[ \t]*\)|,[ \t]*(?:the|our|your|my|his|her|their)[ \t]+"
    rf"(?:{_ROLES})(?![\w])|[ \t]+(?:from|at)[ \t]+(?:{_ORGANISATIONS})(?![\w]))"
)
_END_OF_ADDRESS = re.compile(r"[ \t]*(?:[,!.:;)\-\u2013]|\r?\n|\Z|x+\b)")
_INTRODUCTION_END = re.compile(
    r"(?i)[ \t]*(?:[,.!(\-\u2013]|\r?\n|\Z|(?:from|here|your|at|with|the|and)\b)"
)
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+(?:'[a-z]+)?|&)")
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
        following = _NEXT_WORD.match(text, end)
        return following is not None and following.group(1).lower() in NAME_VERBS
    return True


def names_a_place(text: str, start: int, end: int) -> bool:
    """True when the name is part of a place or organisation ("Grace Academy", "St Mark's")."""
    if _SAINT_BEFORE.search(text[max(0, start - 8) : start]):
        return True
    following = _PLACE_AFTER.match(text, end)
    return following is not None and following.group(1).lower() in PLACE_WORDS


def capitalised_run(text: str, pos: int, max_words: int) -> tuple[int, int] | None:
    """The span of up to `max_words` capitalised name-like words starting at `pos`.

    Initials ("J." or "J") may stand before the last word; a possessive `'s` is left out of the
    span; words that are never names (Mum, Team, Monday) or that name places end the run.
    """
    first = last = -1
    words = 0
    cursor = pos
    size = len(text)
    while words < max_words:
        match = WORD.match(text, cursor)
        if match is None:
            break
        word = match.group()
        if match.end() < size and text[match.end()].isdigit():
            break
        if word[-2:] in ("'s", "\u2019s"):
            word = word[:-2]
        lowered = word.lower()
        if not is_capitalised(word) or lowered in NOT_NAMES or lowered in PLACE_WORDS:
            break
        if first < 0:
            first = match.start()
        last = match.start() + len(word)
        words += 1
        cursor = match.end()
        if len(word) == 1 and cursor < size and text[cursor] == ".":
            cursor += 1
        spaces = cursor
        while spaces < size and text[spaces] in " \t":
            spaces += 1
        if spaces == cursor or word != match.group():
            break
        cursor = spaces
    return (first, last) if first >= 0 else None


def previous_word(text: str, start: int) -> str:
    match = _PREVIOUS_WORD.search(text[max(0, start - 20) : start])
    return match.group(1).lower() if match else ""


def introduction_closes(text: str, end: int) -> bool:
    return _INTRODUCTION_END.match(text, end) is not None


def address_closes(text: str, end: int) -> bool:
    return _END_OF_ADDRESS.match(text, end) is not None
