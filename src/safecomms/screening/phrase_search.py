"""Search a text for phrases from a fixed list, trying only the phrases its words allow.

A phrase that stands in a text as whole words leaves each of its words in the text's word set
(`PreparedText.words`), so that set picks out the few phrases worth searching for, and most texts
need no search at all. The pattern for each such handful is compiled once and reused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from safecomms.screening.lexicons import alternation

_WORD = re.compile(r"[^\W_]+")
"""A word as `PreparedText.words` counts them."""

_PATTERNS_KEPT = 4096
"""Compiled patterns remembered per phrase list, one for each set of words seen; plenty, since
texts share their few cue words."""


class PhraseSearch:
    """Phrases (matched case-sensitively, as written) and the words each one needs."""

    def __init__(self, phrases: Iterable[str], template: str = "{}") -> None:
        """`template` places the alternation of phrases in a pattern, e.g. r"(?:{})[ \\t]+"."""
        self._template = template
        self._words = {phrase: frozenset(_WORD.findall(phrase.lower())) for phrase in phrases}
        self._vocabulary = frozenset().union(*self._words.values())
        self._patterns: dict[frozenset[str], re.Pattern[str] | None] = {}

    def pattern(self, words: frozenset[str]) -> re.Pattern[str] | None:
        """The template around the phrases all of whose words are in `words`, or None if none are.

        Only those phrases can stand in a text with these words.
        """
        present = self._vocabulary.intersection(words)
        if not present:
            return None
        try:
            return self._patterns[present]
        except KeyError:
            pass
        phrases = [phrase for phrase, needed in self._words.items() if needed <= present]
        pattern = re.compile(self._template.format(alternation(phrases))) if phrases else None
        if len(self._patterns) >= _PATTERNS_KEPT:
            self._patterns.clear()
        self._patterns[present] = pattern
        return pattern
