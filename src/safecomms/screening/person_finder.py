"""Find people's names: register names in any form, and other names where context shows them.

Register names come from the case's gazetteer (exact forms in one Aho-Corasick pass, then small
misspellings). Names not on the register are taken only where the text makes clear they are names:
after a title, in a greeting or sign-off, in an introduction, as an @mention, before a possessive
relation ("Tyler's mum") or a job title, or when the word is a common given name written with a
capital. The span is the name alone: no title, possessive or plural `s`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from safecomms.screening.lexicons import word_set
from safecomms.screening.name_context import (
    COMMON_WORDS,
    DASH_SIGNATURE,
    EVERYDAY_NAMES,
    FIRST_NAMES,
    GREETING,
    INTRODUCTION,
    MENTION,
    NOT_NAMES,
    PLACE_WORDS,
    POSSESSIVE_RELATION,
    ROLE_AFTER,
    SIGN_OFF,
    TITLE,
    WORD,
    address_closes,
    capitalised_run,
    introduction_closes,
    is_sentence_start,
    names_a_place,
    sentence_starts,
    used_as_name,
)
from safecomms.screening.people import Gazetteer
from safecomms.screening.prepared import PreparedText

Span = tuple[int, int]

_TITLE_WORDS = word_set("names.toml", "titles") | word_set("names.toml", "kinship_titles")
_OPENING_WORDS = frozenset(
    word.split()[0]
    for word in word_set("names.toml", "greetings") | word_set("names.toml", "sign_offs")
)
_INTRODUCTION_WORDS = frozenset(
    word.split()[0].split("'")[0] for word in word_set("names.toml", "introductions")
)

_CAPITALISED_WORD = re.compile(r"(?<![\w'\u2019@.])[A-Z][^\W\d_]*(?:['\u2019\-][^\W\d_]+)*")
_RELATION_NAME = re.compile(r"(?<![\w'\u2019@.])[A-Z][^\W\d_]*(?:-[^\W\d_]+)*(?=['\u2019]s\s)")


def _strip_possessive(text: str, start: int, end: int) -> int:
    if text[end - 2 : end] in ("'s", "\u2019s"):
        return end - 2
    return end


def _ordinary_word(word: str) -> bool:
    lowered = word.lower()
    return lowered in NOT_NAMES or lowered in COMMON_WORDS or lowered in PLACE_WORDS


def _from_titles(text: str) -> Iterator[Span]:
    for match in TITLE.finditer(text):
        run = capitalised_run(text, match.end(), 2)
        if run:
            yield run


def _openings(text: str) -> Iterator[tuple[re.Pattern[str], re.Match[str], int]]:
    for start in sentence_starts(text):
        for pattern, words in ((GREETING, 2), (SIGN_OFF, 3)):
            match = pattern.match(text, start)
            if match:
                yield pattern, match, words
    if "-" in text or "~" in text or "\u2013" in text or "\u2014" in text:
        for match in DASH_SIGNATURE.finditer(text):
            yield DASH_SIGNATURE, match, 2


def _from_greetings_and_sign_offs(text: str) -> Iterator[Span]:
    for pattern, match, words in _openings(text):
        run = capitalised_run(text, match.end(), words)
        if not run:
            continue
        if pattern is DASH_SIGNATURE and text[run[1] :].strip():
            continue
        first_word = text[run[0] : run[1]].split()[0].lower()
        if address_closes(text, run[1]) or (
            first_word not in EVERYDAY_NAMES and first_word not in COMMON_WORDS
        ):
            yield run


def _from_introductions(text: str) -> Iterator[Span]:
    for match in INTRODUCTION.finditer(text):
        run = capitalised_run(text, match.end(), 2)
        if (
            run
            and introduction_closes(text, run[1])
            and not _ordinary_word(text[run[0] : run[1]].split()[0])
        ):
            yield run


def _from_mentions(text: str) -> Iterator[Span]:
    for match in MENTION.finditer(text):
        word = WORD.match(text, match.end())
        if word and word.group().lower() not in NOT_NAMES:
            yield word.start(), word.end()


def _from_relations(text: str) -> Iterator[Span]:
    for match in _RELATION_NAME.finditer(text):
        if POSSESSIVE_RELATION.match(text, match.end()) and not _ordinary_word(match.group()):
            yield match.start(), match.end()


def _from_roles(text: str) -> Iterator[Span]:
    if "(" not in text and "," not in text and " from " not in text and " at " not in text:
        return
    for match in _CAPITALISED_WORD.finditer(text):
        word = match.group()
        if _ordinary_word(word):
            continue
        end = _strip_possessive(text, match.start(), match.end())
        if ROLE_AFTER.match(text, end):
            if is_sentence_start(text, match.start()) and word.lower() not in FIRST_NAMES:
                continue
            yield match.start(), end


def _from_known_first_names(
    text: str, gazetteer: Gazetteer, register_starts: set[int]
) -> Iterator[Span]:
    """Capitalised common given names, and small misspellings of register names."""
    for match in _CAPITALISED_WORD.finditer(text):
        start = match.start()
        if start in register_starts:
            continue
        end = _strip_possessive(text, start, match.end())
        lowered = text[start:end].lower()
        if lowered in FIRST_NAMES:
            if lowered in EVERYDAY_NAMES and not used_as_name(text, start, end):
                continue
            yield start, end
        elif (
            len(lowered) >= 4
            and lowered not in NOT_NAMES
            and lowered not in COMMON_WORDS
            and lowered not in EVERYDAY_NAMES
            and gazetteer.is_misspelt_name(lowered)
        ):
            yield start, end


def _from_register(prepared: PreparedText, gazetteer: Gazetteer) -> Iterator[Span]:
    text = prepared.text
    for match in gazetteer.find_exact(prepared):
        if match.needs_context and not used_as_name(text, match.start, match.end):
            continue
        yield match.start, match.end


def find_people(prepared: PreparedText, gazetteer: Gazetteer) -> list[Span]:
    """Spans of people's names, in text order, overlapping candidates merged into one."""
    text = prepared.text
    words = prepared.words
    candidates: list[Span] = list(_from_register(prepared, gazetteer))
    if not words.isdisjoint(_TITLE_WORDS) or "PC" in text or "DC" in text or "DS" in text:
        candidates.extend(_from_titles(text))
    if not words.isdisjoint(_OPENING_WORDS) or "-" in text or "~" in text:
        candidates.extend(_from_greetings_and_sign_offs(text))
    if not words.isdisjoint(_INTRODUCTION_WORDS):
        candidates.extend(_from_introductions(text))
    if "@" in text:
        candidates.extend(_from_mentions(text))
    if "s " in prepared.normalised and "'" in prepared.normalised:
        candidates.extend(_from_relations(text))
    candidates.extend(_from_roles(text))
    if not words.isdisjoint(FIRST_NAMES) or gazetteer.has_fuzzy_names:
        register_starts = {start for start, _end in candidates}
        candidates.extend(_from_known_first_names(text, gazetteer, register_starts))
    candidates.sort()
    merged: list[Span] = []
    for start, end in candidates:
        if end <= start or names_a_place(text, start, end):
            continue
        if merged and start <= merged[-1][1] and _joined_by_space(text, merged[-1][1], start):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _joined_by_space(text: str, previous_end: int, start: int) -> bool:
    """Overlapping or touching spans of one name merge; a name after a comma stays separate."""
    return start < previous_end or not text[previous_end:start].strip(" \t")
