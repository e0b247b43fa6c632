"""The case register's people and the gazetteer that finds their names in text.

A gazetteer is built once per case register: every written form of every name goes into one
Aho-Corasick automaton, so a message is searched for all of them in a single pass, and single-letter
misspellings of longer names are looked up in an index of deletions (symmetric delete), so a typo
such as "Jaydn" still finds Jayden without comparing each word with each name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import ahocorasick

from safecomms.screening.lexicons import word_set
from safecomms.screening.prepared import PreparedText, is_word_char, lower_keeping_offsets

ROLES = frozenset({"child", "parent", "carer", "staff", "other"})

FUZZY_MIN_LENGTH = 5
"""Names shorter than this are too easily one letter away from an ordinary word to match fuzzily."""

_MISSPELT_CACHE_SIZE = 50_000
"""Words already checked against the register's names, remembered per gazetteer up to this many."""
_PARTICLES = frozenset({"de", "da", "di", "du", "la", "le", "van", "von", "der", "den", "bin"})
_TOKEN = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Person:
    """Someone on the case register: their full name, their role and any other names they go by."""

    name: str
    role: str
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError("a person needs a name")
        if self.role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(sorted(ROLES))}, not {self.role!r}")
        aliases = tuple(self.aliases)
        if not all(isinstance(alias, str) for alias in aliases):
            raise ValueError("aliases must be strings")
        object.__setattr__(self, "aliases", aliases)


@dataclass(frozen=True, slots=True)
class NameForm:
    """What the automaton stores for one written form of a name."""

    length: int
    is_full_name: bool
    is_everyday_word: bool


@dataclass(frozen=True, slots=True)
class RegisterMatch:
    """A register name found in text; `needs_context` when the word is also an ordinary word."""

    start: int
    end: int
    needs_context: bool
    fuzzy: bool = False


def _name_forms(person: Person) -> Iterator[tuple[str, bool]]:
    """Every lower-cased form of a person's names, with whether it is a whole multi-word name."""
    for written in (person.name, *person.aliases):
        whole = " ".join(lower_keeping_offsets(written).split())
        if not whole:
            continue
        tokens = _TOKEN.findall(whole)
        yield whole, len(tokens) > 1
        for token in tokens:
            if len(token) >= 2 and token not in _PARTICLES:
                yield token, False
                if "-" in token:
                    yield from ((part, False) for part in token.split("-") if len(part) >= 2)


def _deletions(word: str) -> set[str]:
    return {word[:index] + word[index + 1 :] for index in range(len(word))}


def within_one_edit(first: str, second: str) -> bool:
    """True when two words differ by at most one insertion, deletion, substitution or swap."""
    if first == second:
        return True
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) == len(second):
        differences = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
        if len(differences) == 1:
            return True
        if len(differences) == 2 and differences[1] == differences[0] + 1:
            i, j = differences
            return first[i] == second[j] and first[j] == second[i]
        return False
    shorter, longer = sorted((first, second), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The names of one case register, ready to be found in any number of texts.

    Build it with `Gazetteer.from_people` once per register and pass it to every `screen` call.
    """

    people: tuple[Person, ...]
    _automaton: Any = field(repr=False)
    _deletion_index: dict[str, frozenset[str]] = field(repr=False)
    _misspelt: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_people(cls, people: Iterable[Person]) -> Gazetteer:
        """Index every form of every register name: full names, each part, aliases."""
        people = tuple(people)
        everyday = word_set("names.toml", "ambiguous")
        automaton = ahocorasick.Automaton()
        fuzzy_names: set[str] = set()
        for person in people:
            for form, is_full in _name_forms(person):
                automaton.add_word(form, NameForm(len(form), is_full, form in everyday))
                if not is_full and len(form) >= FUZZY_MIN_LENGTH:
                    fuzzy_names.add(form)
        index: dict[str, set[str]] = {}
        for name in fuzzy_names:
            for key in (name, *_deletions(name)):
                index.setdefault(key, set()).add(name)
        if len(automaton):
            automaton.make_automaton()
        return cls(
            people=people,
            _automaton=automaton if len(automaton) else None,
            _deletion_index={key: frozenset(names) for key, names in index.items()},
        )

    def find_exact(self, prepared: PreparedText) -> list[RegisterMatch]:
        """Register names written in full or in part, in any letter case, as whole words.

        A trailing plural or possessive `s` is allowed after the name but left out of the span.
        """
        if self._automaton is None:
            return []
        text = prepared.text
        size = len(text)
        candidates: list[tuple[int, int, NameForm]] = []
        for last, form in self._automaton.iter(prepared.lowered):
            start, end = last - form.length + 1, last + 1
            if start > 0 and is_word_char(text[start - 1]):
                continue
            if end < size and is_word_char(text[end]):
                plural = text[end] in "sS" and (end + 1 == size or not is_word_char(text[end + 1]))
                if not plural:
                    continue
            candidates.append((start, end, form))
        candidates.sort(key=lambda item: (item[0], -item[1]))
        matches: list[RegisterMatch] = []
        reach = -1
        for start, end, form in candidates:
            if start < reach:
                continue
            reach = end
            needs_context = form.is_everyday_word and not form.is_full_name
            matches.append(RegisterMatch(start, end, needs_context))
        return matches

    @property
    def has_fuzzy_names(self) -> bool:
        """True when some register name is long enough to be matched with a misspelling."""
        return bool(self._deletion_index)

    def is_misspelt_name(self, word: str) -> bool:
        """True when `word` is one edit from a register name of five letters or more.

        The first letter must agree: people misspell the middle of a name far more than its start,
        and this keeps ordinary words from matching.
        """
        word = word.lower()
        if len(word) < FUZZY_MIN_LENGTH - 1 or not self._deletion_index:
            return False
        known = self._misspelt.get(word)
        if known is not None:
            return known
        candidates: set[str] = set()
        for key in (word, *_deletions(word)):
            candidates.update(self._deletion_index.get(key, ()))
        found = any(name[0] == word[0] and within_one_edit(word, name) for name in candidates)
        if len(self._misspelt) >= _MISSPELT_CACHE_SIZE:
            self._misspelt.clear()
        self._misspelt[word] = found
        return found


@cache
def empty_gazetteer() -> Gazetteer:
    """The gazetteer used when no register is given: names are then found from context alone."""
    return Gazetteer.from_people(())
