"""The case register's people and the gazetteer that finds their names in text.

A gazetteer is built once per case register. Every written form of every name is indexed by its
words: a form standing in a text as whole words leaves all of them in the text's word set, so that
set picks out the few forms a message can hold and only those are searched for. Single-letter
misspellings of longer names are looked up in an index of deletions (symmetric delete), so a typo
such as "Jaydn" still finds Jayden without comparing each word with each name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from safecomms.screening.lexicons import word_set
from safecomms.screening.name_context import TITLE_WORDS
from safecomms.screening.prepared import PreparedText, lower_keeping_offsets

ROLES = frozenset({"child", "parent", "carer", "staff", "other"})
CLIENT_ROLES = frozenset({"child", "parent", "carer"})
"""The people a case is about: what is asked of them is not work handed to a colleague."""

SHORT_FORM_LENGTH = 3
"""Name forms this short ("Ty", "Sum", "Kel") written in lower case are too often a word or a
text-speak abbreviation ("ty" for thank you, "the sum of"): like everyday words, they then count
only where the text uses them as a name."""

FUZZY_MIN_LENGTH = 5
"""Names shorter than this are too easily one letter away from an ordinary word to match fuzzily."""

_MISSPELT_CACHE_SIZE = 50_000
"""Words already checked against the register's names, remembered per gazetteer up to this many."""
_PARTICLES = frozenset({"de", "da", "di", "du", "la", "le", "van", "von", "der", "den", "bin"})
_TOKEN = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")
_WORD = re.compile(r"[^\W_]+")
"""A word as `PreparedText.words` counts them."""


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


class NameForm(NamedTuple):
    """One lower-cased written form of a name, and the words a text must have to contain it."""

    text: str
    needs_context: bool
    """True for a single word that is also an everyday word ("Grace", "Will")."""
    other_words: frozenset[str]
    """The form's words but the last, which is the form's key in the gazetteer's index."""

    @classmethod
    def of(cls, text: str, needs_context: bool) -> tuple[str, NameForm]:
        """The form and its index key: its last word, or "" for a form without any."""
        words = _WORD.findall(text)
        if not words:
            return "", cls(text, needs_context, frozenset())
        return words[-1], cls(text, needs_context, frozenset(words[:-1]))


@dataclass(frozen=True, slots=True)
class RegisterMatch:
    """A register name found in text; `needs_context` when the word is also an ordinary word."""

    start: int
    end: int
    needs_context: bool
    fuzzy: bool = False


def _untitled(written: str) -> str:
    """A name lower-cased with single spaces and without a title before it ("Mrs Haddad")."""
    words = lower_keeping_offsets(written).split()
    while len(words) > 1 and words[0].rstrip(".") in TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def _name_forms(person: Person) -> Iterator[tuple[str, bool]]:
    """Every lower-cased form of a person's names, with whether it is a whole multi-word name."""
    for written in (person.name, *person.aliases):
        whole = _untitled(written)
        if not whole:
            continue
        tokens = _TOKEN.findall(whole)
        yield whole, len(tokens) > 1
        for token in tokens:
            if len(token) >= 2 and token not in _PARTICLES and token not in TITLE_WORDS:
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
    _forms_by_last_word: dict[str, tuple[NameForm, ...]] = field(repr=False)
    """Forms keyed by their last word and by its plural, as the text's words will show them."""
    _last_words: frozenset[str] = field(repr=False)
    _forms_without_words: tuple[NameForm, ...] = field(repr=False)
    _deletion_index: dict[str, frozenset[str]] = field(repr=False)
    _capital_forms: frozenset[str] = field(repr=False)
    """Lower-cased words the register writes in capitals ("JJ"), so they are not abbreviations."""
    _roles: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    """Each lower-cased name form (full name, each part, alias) and the roles of those it names."""
    _misspelt: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_people(cls, people: Iterable[Person]) -> Gazetteer:
        """Index every form of every register name: full names, each part, aliases."""
        people = tuple(people)
        everyday = word_set("names.toml", "ambiguous")
        forms: dict[str, set[NameForm]] = {}
        fuzzy_names: set[str] = set()
        roles: dict[str, set[str]] = {}
        capital_forms = {
            token.lower()
            for person in people
            for written in (person.name, *person.aliases)
            for token in _TOKEN.findall(written)
            if len(token) >= 2 and token.isupper()
        }
        for person in people:
            for form, is_full in _name_forms(person):
                roles.setdefault(form, set()).add(person.role)
                key, name_form = NameForm.of(form, form in everyday and not is_full)
                for word in (key, key + "s") if key else ("",):
                    forms.setdefault(word, set()).add(name_form)
                if not is_full and len(form) >= FUZZY_MIN_LENGTH:
                    fuzzy_names.add(form)
        index: dict[str, set[str]] = {}
        for name in fuzzy_names:
            for key in (name, *_deletions(name)):
                index.setdefault(key, set()).add(name)
        wordless = tuple(sorted(forms.pop("", ())))
        return cls(
            people=people,
            _forms_by_last_word={word: tuple(sorted(group)) for word, group in forms.items()},
            _last_words=frozenset(forms),
            _forms_without_words=wordless,
            _deletion_index={key: frozenset(names) for key, names in index.items()},
            _capital_forms=frozenset(capital_forms),
            _roles={form: frozenset(found) for form, found in roles.items()},
        )

    def roles_of(self, name: str) -> frozenset[str]:
        """The roles of the register people a name as written could be ("Tyler", "mrs pitt")."""
        return self._roles.get(_untitled(name), frozenset())

    def find_exact(self, prepared: PreparedText) -> list[RegisterMatch]:
        """Register names written in full or in part, in any letter case, as whole words.

        A trailing plural or possessive `s` is allowed after the name but left out of the span.
        """
        return [
            RegisterMatch(start, end, needs_context)
            for start, end, needs_context in self.find_exact_spans(prepared)
        ]

    def find_exact_spans(self, prepared: PreparedText) -> list[tuple[int, int, bool]]:
        """`find_exact` as plain (start, end, needs_context) tuples, for the per-message path.

        A short form written in lower case needs context too (see `SHORT_FORM_LENGTH`).

        Where names overlap, the one starting first wins, and of those the longest.
        """
        words = prepared.words
        present = self._last_words.intersection(words)
        if not present and not self._forms_without_words:
            return []
        text = prepared.text
        lowered = prepared.lowered
        size = len(text)
        candidates: list[tuple[int, int, bool]] = []
        for forms in (
            *map(self._forms_by_last_word.__getitem__, present),
            self._forms_without_words,
        ):
            for form, needs_context, other_words in forms:
                if other_words and not other_words <= words:
                    continue
                start = lowered.find(form)
                while start >= 0:
                    end = start + len(form)
                    if start:
                        before = text[start - 1]
                        if before.isalnum() or before == "_":
                            start = lowered.find(form, start + 1)
                            continue
                    if end < size:
                        after = text[end]
                        if (after.isalnum() or after == "_") and (
                            (after != "s" and after != "S")
                            or (
                                end + 1 < size and (text[end + 1].isalnum() or text[end + 1] == "_")
                            )
                        ):
                            start = lowered.find(form, start + 1)
                            continue
                    short_in_lower_case = (
                        len(form) <= SHORT_FORM_LENGTH and text[start:end].islower()
                    )
                    candidates.append((start, -end, needs_context or short_in_lower_case))
                    start = lowered.find(form, start + 1)
        if len(candidates) > 1:
            candidates.sort()
        spans: list[tuple[int, int, bool]] = []
        reach = -1
        for start, negative_end, needs_context in candidates:
            if start >= reach:
                reach = -negative_end
                spans.append((start, reach, needs_context))
        return spans

    def written_in_capitals(self, word: str) -> bool:
        """True when the register writes this lower-cased word in capitals, as initials ("JJ")."""
        return word in self._capital_forms

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
