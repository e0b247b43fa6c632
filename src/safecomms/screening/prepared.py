"""The screened text with the views of it that several detectors need, computed once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " "})
_ASCII_WORD_BYTES = bytes(byte if chr(byte).isalnum() else ord(" ") for byte in range(256))
"""Keeps ASCII letters and digits and turns every other byte into a space, to split out words."""
_ASCII_DIGITS = b"0123456789"


def lower_keeping_offsets(text: str) -> str:
    """Lower-case `text` without changing its length, so offsets found in it fit the original.

    A few characters lower-case to two (Turkish dotted I); those keep just their first character.
    Curly apostrophes become straight ones and non-breaking spaces plain ones, for the same reason
    of matching one form of each word.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(char.lower()[:1] for char in text)
    return lowered.translate(_APOSTROPHES)


@dataclass(frozen=True, slots=True)
class PreparedText:
    """One text to screen, with same-length copies for matching and cheap facts about it.

    `lowered` is lower-cased with one form of apostrophe and space; `normalised` keeps the letter
    case but has the same apostrophes and spaces. Offsets in either are offsets in `text`.
    `words` is the set of lower-cased words, so detectors can skip a text that lacks their cues
    (see `Cues`); `is_ascii` says whether `text` is plain ASCII.
    """

    text: str
    lowered: str
    normalised: str
    has_digits: bool
    words: frozenset[str]
    is_ascii: bool

    @classmethod
    def of(cls, text: str) -> PreparedText:
        if text.isascii():
            # The common case, done on bytes: nothing to translate, no letter that lower-cases to
            # two characters, and no digits but 0 to 9.
            lowered = text.lower()
            encoded = lowered.encode()
            has_digits = len(encoded.translate(None, _ASCII_DIGITS)) < len(encoded)
            words = frozenset(encoded.translate(_ASCII_WORD_BYTES).decode().split())
            return cls(text, lowered, text, has_digits, words, True)
        lowered = lower_keeping_offsets(text)
        normalised = text.translate(_APOSTROPHES)
        has_digits = _DIGIT.search(text) is not None
        return cls(text, lowered, normalised, has_digits, frozenset(_WORDS.findall(lowered)), False)


class Cues:
    """The words or phrases a detector looks for, so that a text holding none of them is skipped.

    A phrase that stands in a text as whole words, matched ignoring case, leaves each of its words
    (runs of letters and digits) in `PreparedText.words`. That holds for ASCII text only: elsewhere
    the regex engine's case-insensitive matching pairs letters that `str.lower` keeps apart (the
    long s matches "s"), so text that is not ASCII is never ruled out.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        self._needed: dict[str, list[frozenset[str]]] = {}
        self._wordless = False
        for phrase in phrases:
            words = _WORDS.findall(phrase.lower())
            if words:
                self._needed.setdefault(words[0], []).append(frozenset(words))
            else:
                self._wordless = True
        self._first_words = frozenset(self._needed)

    def absent_from(self, prepared: PreparedText) -> bool:
        """True when none of the phrases can stand in the text as whole words."""
        if not prepared.is_ascii or self._wordless:
            return False
        words = prepared.words
        present = self._first_words.intersection(words)
        return not present or not any(
            needed <= words for first in present for needed in self._needed[first]
        )


def is_word_char(char: str) -> bool:
    """True for characters that continue a word (letters, digits, underscore)."""
    return char.isalnum() or char == "_"
