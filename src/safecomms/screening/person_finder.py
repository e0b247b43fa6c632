"""Find people's names: register names in any form, and other names where context shows them.

Register names come from the case's gazetteer (exact forms in one Aho-Corasick pass, then small
misspellings). Names not on the register are taken only where the text makes clear they are names:
after a title, in a greeting or sign-off, in an introduction, as an @mention, before a possessive
relation ("Tyler's mum") or a job title, or when the word is a common given name written with a
capital. The span is the name alone: no title, possessive or plural `s`.

Each detector first checks the text for its cue (a word in `prepared.words`, a character) and most
texts have few cues, so most detectors cost a set lookup. Lower-cased ASCII text is searched with
case-sensitive patterns, which the regex engine can skip through much faster than `(?i)` ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from safecomms.screening.lexicons import alternation, word_set
from safecomms.screening.name_context import (
    COMMON_WORDS,
    DASH_SIGNATURE,
    EVERYDAY_NAMES,
    FIRST_NAMES,
    FROM_ORGANISATION,
    INTRODUCTION,
    LOWER_CASE_CUE_WORDS,
    LOWER_CASE_FROM_ORGANISATION,
    LOWER_CASE_INTRODUCTIONS,
    LOWER_CASE_OPENING_AFTER_BREAK,
    LOWER_CASE_OPENING_AT_START,
    LOWER_CASE_TITLES,
    MENTION,
    NOT_NAMES,
    OPENING_AFTER_BREAK,
    OPENING_AT_START,
    ORGANISATIONS,
    PLACE_WORDS,
    POSSESSIVE_ENDINGS,
    POSSESSIVE_RELATION,
    ROLE_AFTER,
    ROLE_AFTER_COMMA,
    ROLE_IN_BRACKETS,
    ROLES,
    TITLE,
    TITLE_WORDS,
    UPPER_CASE_TITLES,
    WORD,
    address_closes,
    addressed_in_lower_case,
    capitalised_run,
    cued_in_lower_case,
    introduction_closes,
    is_sentence_start,
    names_a_group,
    names_a_place,
    previous_word,
    used_as_name,
    word_starts,
)
from safecomms.screening.people import Gazetteer
from safecomms.screening.prepared import PreparedText, is_word_char

Span = tuple[int, int]

_OPENING_WORDS = frozenset(
    word.split()[0]
    for word in word_set("names.toml", "greetings") | word_set("names.toml", "sign_offs")
)
_INTRODUCTION_WORDS = frozenset(
    word.split()[0].split("'")[0] for word in word_set("names.toml", "introductions")
)
_ORDINARY_WORDS = NOT_NAMES | COMMON_WORDS | PLACE_WORDS
"""Words that are not taken as names from a possessive relation, role or introduction."""
_NOT_AN_ADDRESSED_NAME = EVERYDAY_NAMES | COMMON_WORDS
_NOT_MISSPELT_NAMES = (
    NOT_NAMES | COMMON_WORDS | EVERYDAY_NAMES | word_set("names.toml", "places_like_names")
)
"""Words never taken as one-letter misspellings of a register name, towns among them ("Ripley" is
not a misspelt "Riley")."""

_CAPITALISED_WORD = re.compile(r"[A-Z](?<![\w'\u2019@.][A-Z])[^\W\d_]*(?:['\u2019\-][^\W\d_]+)*")
"""A capitalised word not inside another word, address or handle (the check follows the capital
so the search can skip to capitals)."""
_RELATION_NAME = re.compile(r"[A-Z](?<![\w'\u2019@.][A-Z])[^\W\d_]*(?:-[^\W\d_]+)*(?=['\u2019]s\s)")

_HANDLE_JOINERS = "._@"


def _in_handle(text: str, start: int, end: int) -> bool:
    """True for a name joined by a dot, underscore or @ into a handle or address with a digit or
    @ in it ("rhi.p.94", "mark_94"): the handle is not written as a name."""
    joined_before = start > 1 and text[start - 1] in _HANDLE_JOINERS and text[start - 2].isalnum()
    joined_after = end + 1 < len(text) and text[end] in _HANDLE_JOINERS and text[end + 1].isalnum()
    if not joined_before and not joined_after:
        return False
    first = start
    while first and not text[first - 1].isspace():
        first -= 1
    last = end
    while last < len(text) and not text[last].isspace():
        last += 1
    return any(character.isdigit() or character in "@_" for character in text[first:last])


_IS_GIVEN_NAME = 1
_IS_EVERYDAY_GIVEN_NAME = 2
_MAY_BE_MISSPELT_NAME = 3


@lru_cache(maxsize=50_000)
def _given_name_kind(word: str) -> tuple[int, int]:
    """How a capitalised word can be a given name, and its length without a possessive `'s`.

    The kind is 0 (not a name), `_IS_GIVEN_NAME`, `_IS_EVERYDAY_GIVEN_NAME` (a name only where
    context shows it) or `_MAY_BE_MISSPELT_NAME` (a name if one letter from a register name).
    Cached (up to a bound, for long-running servers) because the same words recur in message
    after message.
    """
    length = len(word) - 2 if word[-2:] in POSSESSIVE_ENDINGS else len(word)
    lowered = word[:length].lower()
    if lowered in FIRST_NAMES:
        kind = _IS_EVERYDAY_GIVEN_NAME if lowered in EVERYDAY_NAMES else _IS_GIVEN_NAME
    elif len(lowered) >= 4 and lowered not in _NOT_MISSPELT_NAMES:
        kind = _MAY_BE_MISSPELT_NAME
    else:
        kind = 0
    return kind, length


def _from_register(prepared: PreparedText, gazetteer: Gazetteer, found: list[Span]) -> None:
    text = prepared.text
    for start, end, needs_context in gazetteer.find_exact_spans(prepared):
        if (not needs_context or used_as_name(text, start, end)) and not _is_acronym(
            text, start, end, gazetteer
        ):
            found.append((start, end))


def _is_acronym(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """True for a short name written in capitals among ordinary words ("RHI booked" for a worker
    called Rhi): an abbreviation, unless the register writes it so ("JJ"), it is a common given
    name ("AMY"), or a capitalised word stands before it ("Amir KHAN", a surname in capitals)."""
    if not 3 <= end - start <= 4 or not text[start:end].isupper():
        return False
    lowered = text[start:end].lower()
    if lowered in FIRST_NAMES or gazetteer.written_in_capitals(lowered):
        return False
    return not previous_word(text, start, keep_case=True)[:1].isupper()


def _from_titles(prepared: PreparedText, found: list[Span]) -> None:
    text = prepared.text
    if text.isascii():
        matches: list[re.Match[str]] = []
        lower_case = LOWER_CASE_TITLES.pattern(prepared.words)
        if lower_case:
            matches.extend(word_starts(lower_case, prepared.lowered))
        upper_case = UPPER_CASE_TITLES.pattern(prepared.words)
        if upper_case:
            matches.extend(word_starts(upper_case, text))
    else:
        matches = list(TITLE.finditer(text))
    for match in matches:
        run = capitalised_run(text, match.end(), 2)
        if run:
            found.append(run)


def _from_greetings_and_sign_offs(
    prepared: PreparedText, openings: bool, dashes: bool, found: list[Span]
) -> None:
    """Names after a greeting (two words), a closing (three) or a closing dash ending the text."""
    text = prepared.text
    if openings:
        if text.isascii():
            searched = prepared.lowered
            at_start, after_break = LOWER_CASE_OPENING_AT_START, LOWER_CASE_OPENING_AFTER_BREAK
        else:
            searched, at_start, after_break = text, OPENING_AT_START, OPENING_AFTER_BREAK
        first = at_start.match(searched)
        for match in (
            after_break.finditer(searched)
            if first is None
            else (
                first,
                *after_break.finditer(searched),
            )
        ):
            greeting_end = match.end(1)
            if greeting_end >= 0:
                _addressed_name(text, capitalised_run(text, greeting_end, 2), found)
            sign_off_end = max(match.end(2), match.end(3))
            if sign_off_end >= 0:
                _addressed_name(text, capitalised_run(text, sign_off_end, 3), found)
    if dashes:
        for match in DASH_SIGNATURE.finditer(text):
            run = capitalised_run(text, match.end(), 2)
            if run and not text[run[1] :].strip():
                _addressed_name(text, run, found)


def _addressed_name(text: str, run: Span | None, found: list[Span]) -> None:
    """Keep a greeted or signed run unless it starts with an everyday word ("Hi Hope you...") or
    names a team or organisation ("Hi DWP Partnership team,")."""
    if not run or names_a_group(text, *run):
        return
    first_word = text[run[0] : run[1]].split()[0].lower()
    if first_word not in _NOT_AN_ADDRESSED_NAME or address_closes(text, run[1]):
        found.append(run)


def _from_introductions(prepared: PreparedText, found: list[Span]) -> None:
    text = prepared.text
    matches: Iterable[re.Match[str]]
    if text.isascii():
        pattern = LOWER_CASE_INTRODUCTIONS.pattern(prepared.words)
        if pattern is None:
            return
        matches = word_starts(pattern, prepared.lowered)
    else:
        matches = INTRODUCTION.finditer(text)
    for match in matches:
        run = capitalised_run(text, match.end(), 2)
        if (
            run
            and introduction_closes(text, run[1])
            and text[run[0] : run[1]].split()[0].lower() not in _ORDINARY_WORDS
        ):
            found.append(run)


def _from_mentions(text: str, found: list[Span]) -> None:
    for match in MENTION.finditer(text):
        word = WORD.match(text, match.end())
        if word and word.group().lower() not in NOT_NAMES:
            found.append((word.start(), word.end()))


def _from_relations(text: str, found: list[Span]) -> None:
    if POSSESSIVE_RELATION.search(text) is None:
        return
    for match in _RELATION_NAME.finditer(text):
        if (
            POSSESSIVE_RELATION.match(text, match.end())
            and match.group().lower() not in _ORDINARY_WORDS
        ):
            found.append((match.start(), match.end()))


def _has_role_cue(prepared: PreparedText) -> bool:
    """Whether the text has a job title or workplace anywhere that could follow a name."""
    text = prepared.text
    if "(" not in text and "," not in text and " from " not in text and " at " not in text:
        return False
    words = prepared.words
    at_work = "from" in words or "at" in words
    if not text.isascii():
        return bool(
            ("(" in text and ROLE_IN_BRACKETS.search(text))
            or ("," in text and ROLE_AFTER_COMMA.search(text))
            or (at_work and FROM_ORGANISATION.search(text))
        )
    # An ASCII role or workplace leaves all its words in `words`.
    return bool(
        (
            ROLES.pattern(words)
            and (
                ("(" in text and ROLE_IN_BRACKETS.search(text))
                or ("," in text and ROLE_AFTER_COMMA.search(text))
            )
        )
        or (
            at_work
            and ORGANISATIONS.pattern(words)
            and LOWER_CASE_FROM_ORGANISATION.search(prepared.lowered)
        )
    )


def _from_roles(text: str, capitalised: list[re.Match[str]], found: list[Span]) -> None:
    for match in capitalised:
        word = match.group()
        if word.lower() in _ORDINARY_WORDS:
            continue
        start = match.start()
        end = match.end() - 2 if word[-2:] in POSSESSIVE_ENDINGS else match.end()
        if ROLE_AFTER.match(text, end):
            if is_sentence_start(text, start) and word.lower() not in FIRST_NAMES:
                continue
            found.append((start, end))


def _from_known_first_names(
    text: str,
    gazetteer: Gazetteer,
    capitalised: list[re.Match[str]],
    found: list[Span],
) -> None:
    """Capitalised common given names, and small misspellings of register names.

    A word where another detector already found a name is left to that detector's span.
    """
    taken = {start for start, _end in found}
    for match in capitalised:
        kind, length = _given_name_kind(match.group())
        if not kind:
            continue
        start = match.start()
        if start in taken:
            continue
        end = start + length
        if (
            kind == _IS_GIVEN_NAME
            or (kind == _IS_EVERYDAY_GIVEN_NAME and used_as_name(text, start, end))
            or (kind == _MAY_BE_MISSPELT_NAME and gazetteer.is_misspelt_name(text[start:end]))
        ):
            found.append((start, end))


def _from_lower_case_opening(text: str, found: list[Span]) -> None:
    """A common given name typed in lower case opening the message before a request ("sarah can u
    send me the link"); names on the register are found this way by `used_as_name`."""
    match = WORD.match(text)
    if match is None:
        return
    word = match.group()
    if word in FIRST_NAMES and addressed_in_lower_case(text, match.start(), match.end()):
        found.append((match.start(), match.end()))


def _from_lower_case_cues(prepared: PreparedText, found: list[Span]) -> None:
    """Common given names typed in lower case after a greeting, thanks or "tell" ("hi dom")."""
    text = prepared.text
    for name in prepared.words & FIRST_NAMES:
        position = text.find(name)
        while position != -1:
            end = position + len(name)
            if (
                (position == 0 or not is_word_char(text[position - 1]))
                and (end == len(text) or not is_word_char(text[end]))
                and cued_in_lower_case(text, position, end)
            ):
                found.append((position, end))
            position = text.find(name, end)


_PUBLIC_FIGURES = word_set("names.toml", "public_figures")
_PUBLIC_FIGURE_WORDS = frozenset(re.findall(r"[^\W_]+", " ".join(_PUBLIC_FIGURES)))
_PUBLIC_FIGURE = re.compile(rf"(?i)(?<![\w'\u2019-]){alternation(_PUBLIC_FIGURES)}(?![\w-])")
_NAME_PARTS = re.compile(r"[\s-]+")


def find_public_figures(prepared: PreparedText) -> list[Span]:
    """Politicians and other public figures named in the text, every part capitalised (see
    `public_figures` in names.toml): named individuals, but not client data."""
    if prepared.words.isdisjoint(_PUBLIC_FIGURE_WORDS):
        return []
    return [
        match.span()
        for match in _PUBLIC_FIGURE.finditer(prepared.normalised)
        if all(part[:1].isupper() for part in _NAME_PARTS.split(match.group()))
    ]


def find_people(prepared: PreparedText, gazetteer: Gazetteer) -> list[Span]:
    """Spans of people's names, in text order, overlapping candidates merged into one."""
    text = prepared.text
    words = prepared.words
    candidates: list[Span] = []
    _from_register(prepared, gazetteer, candidates)
    if not words.isdisjoint(TITLE_WORDS) or "PC" in text or "DC" in text or "DS" in text:
        _from_titles(prepared, candidates)
    opening_cue = not words.isdisjoint(_OPENING_WORDS)
    short_dash = "-" in text or "~" in text
    if opening_cue or short_dash:
        _from_greetings_and_sign_offs(
            prepared,
            # An ASCII greeting or closing always leaves its first word in `words`.
            opening_cue or not text.isascii(),
            short_dash or "\u2013" in text or "\u2014" in text,
            candidates,
        )
    if not words.isdisjoint(_INTRODUCTION_WORDS):
        _from_introductions(prepared, candidates)
    if "@" in text:
        _from_mentions(text, candidates)
    if "s " in prepared.normalised and "'" in prepared.normalised:
        _from_relations(text, candidates)
    if text[:1].islower() and not words.isdisjoint(FIRST_NAMES):
        _from_lower_case_opening(text, candidates)
    if not words.isdisjoint(LOWER_CASE_CUE_WORDS) and not words.isdisjoint(FIRST_NAMES):
        _from_lower_case_cues(prepared, candidates)
    role_cue = _has_role_cue(prepared)
    given_name_cue = not words.isdisjoint(FIRST_NAMES) or gazetteer.has_fuzzy_names
    if role_cue or given_name_cue:
        capitalised = list(_CAPITALISED_WORD.finditer(text))
        if role_cue:
            _from_roles(text, capitalised, candidates)
        if given_name_cue:
            _from_known_first_names(text, gazetteer, capitalised, candidates)
    return _merge(text, candidates)


def _merge(text: str, candidates: list[Span]) -> list[Span]:
    """Sorted spans without places, overlapping or touching spans joined as one name."""
    merged: list[Span] = []
    for start, end in sorted(set(candidates)):
        if end <= start or names_a_place(text, start, end) or _in_handle(text, start, end):
            continue
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
