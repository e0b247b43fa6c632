"""The screened text with the views of it that several detectors need, computed once."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " "})


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
    `words` is the set of lower-cased words, so detectors can skip a text that lacks their cues.
    """

    text: str
    lowered: str
    normalised: str
    has_digits: bool
    words: frozenset[str]

    @classmethod
    def of(cls, text: str) -> PreparedText:
        if text.isascii():
            # Nothing to translate and no letter that lower-cases to two: the common case, cheaply.
            lowered, normalised = text.lower(), text
        else:
            lowered, normalised = lower_keeping_offsets(text), text.translate(_APOSTROPHES)
        return cls(
            text=text,
            lowered=lowered,
            normalised=normalised,
            has_digits=_DIGIT.search(text) is not None,
            words=frozenset(_WORDS.findall(lowered)),
        )


def is_word_char(char: str) -> bool:
    """True for characters that continue a word (letters, digits, underscore)."""
    return char.isalnum() or char == "_"
