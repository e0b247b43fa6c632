"""Run many anchored regular expressions over a text quickly, by their first three letters.

A conduct rules file holds dozens of phrase patterns. Tried one after another at every position
they cost far more than the rest of screening together, so each pattern's possible opening three
characters are worked out from its parsed form once, at start-up, and a pattern is tried only at
word starts whose opening three characters it could match. A pattern whose opening cannot be worked
out (it starts with a bare `\\w`, say) is searched in the usual way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

# The regex parser's own modules: the parsed form is what tells a pattern's possible openings.
sre_constants: Any = import_module("re._constants")
sre_parser: Any = import_module("re._parser")

PREFIX_LENGTH = 3
_MAX_PREFIXES = 20000
_SPACE = " "
_WORD_START = re.compile(r"(?<![\w])\S")
_SPACES = frozenset(" \t\n\r\f\v\u00a0")

_Prefixes = set[str] | None
_CASED = "\x01"
"""Marks an opening whose first character must match in its own letter case."""


def _category_chars(category: Any) -> set[str] | None:
    if category is sre_constants.CATEGORY_SPACE:
        return {_SPACE}
    if category is sre_constants.CATEGORY_DIGIT:
        return set("0123456789")
    return None


def _chars_of_set(items: list[tuple[Any, Any]], cased: bool) -> set[str] | None:
    chars: set[str] = set()
    fold = (lambda char: char) if cased else str.lower
    for op, value in items:
        if op is sre_constants.LITERAL:
            chars.add(fold(chr(value)))
        elif op is sre_constants.RANGE:
            low, high = value
            if high - low > 200:
                return None
            chars.update(fold(chr(code)) for code in range(low, high + 1))
        elif op is sre_constants.CATEGORY:
            found = _category_chars(value)
            if found is None:
                return None
            chars.update(found)
        elif op is sre_constants.NEGATE:
            return None
        else:
            return None
    return {_SPACE if char in _SPACES else char for char in chars}


def _extend(prefixes: set[str], additions: _Prefixes) -> _Prefixes:
    if additions is None:
        return None
    return prefixes | additions


def _sequence_prefixes(items: list[tuple[Any, Any]], length: int, cased: bool = False) -> _Prefixes:
    """Strings of up to `length` characters that a match of this sequence can start with.

    A string shorter than `length` means the sequence can end there; the caller continues it.
    Inside `(?-i:...)` the first character keeps its case and is marked, and nothing follows it.
    """
    if length == 0 or not items:
        return {""}
    op, value = items[0]
    rest = items[1:]
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT):
        return _sequence_prefixes(rest, length, cased)
    if op is sre_constants.LITERAL:
        char = chr(value) if cased else chr(value).lower()
        return _join({_SPACE if char in _SPACES else char}, rest, length, cased)
    if op is sre_constants.IN:
        return _join(_chars_of_set(value, cased), rest, length, cased)
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, del_flags, body = value
        if del_flags & re.IGNORECASE:
            inner = _sequence_prefixes(list(body), length, cased=True)
            if inner is not None and all(prefix.startswith(_CASED) for prefix in inner):
                return inner
        body_cased = cased and not add_flags & re.IGNORECASE
        return _sequence_prefixes(list(body) + rest, length, body_cased)
    if op is sre_constants.BRANCH:
        result: set[str] = set()
        for branch in value[1]:
            found = _sequence_prefixes(list(branch) + rest, length, cased)
            if found is None:
                return None
            result |= found
        return result
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        minimum, _maximum, body = value
        body = list(body)
        once = _sequence_prefixes(body + (body if minimum > 1 else []) + rest, length, cased)
        if minimum >= 1:
            return once
        skipped = _sequence_prefixes(rest, length, cased)
        if once is None or skipped is None:
            return None
        return once | skipped
    return None


def _join(heads: _Prefixes, rest: list[tuple[Any, Any]], length: int, cased: bool) -> _Prefixes:
    if heads is None:
        return None
    if cased:
        return {_CASED + head for head in heads}
    tails = _sequence_prefixes(rest, length - 1)
    if tails is None:
        return heads
    result = {head + tail for head in heads for tail in tails}
    return result if len(result) <= _MAX_PREFIXES else None


def opening_prefixes(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The lower-cased openings a pattern can match, or None if even its first letter is unknowable.

    Openings are three characters long; a one-character opening means only the first is known.
    """
    try:
        parsed = sre_parser.parse(pattern, flags)
    except re.error:
        return None
    found = _sequence_prefixes(list(parsed), PREFIX_LENGTH, cased=not flags & re.IGNORECASE)
    if found is None or "" in found:
        return None
    return frozenset(found)


@dataclass
class PatternIndex:
    """Patterns keyed by their possible openings; `finditer` yields (pattern id, match).

    Patterns of one family (one conduct category) that share an opening are compiled into one
    alternation, so each word start costs at most one regex call per family.
    """

    _pending: dict[tuple[str, str], list[tuple[int, str, int]]] = field(default_factory=dict)
    _by_key: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    _unindexed: list[tuple[int, re.Pattern[str]]] = field(default_factory=list)
    _compiled: bool = False

    def add(self, pattern_id: int, pattern: str, flags: int, family: str) -> None:
        prefixes = opening_prefixes(pattern, flags)
        if prefixes is None:
            self._unindexed.append((pattern_id, re.compile(pattern, flags)))
            return
        for prefix in prefixes:
            key = "C" + prefix[1:2] if prefix.startswith(_CASED) else "P" + prefix
            self._pending.setdefault((key, family), []).append((pattern_id, pattern, flags))
        self._compiled = False

    def _compile(self) -> None:
        self._by_key = {}
        for (key, _family), entries in sorted(self._pending.items()):
            alternatives = []
            for pattern_id, pattern, flags in entries:
                body = pattern if flags & re.IGNORECASE else f"(?-i:{pattern})"
                alternatives.append(f"(?P<p{pattern_id}>{body})")
            combined = re.compile("|".join(alternatives), re.IGNORECASE)
            self._by_key.setdefault(key, []).append(combined)
        self._compiled = True

    def finditer(self, text: str, lowered: str) -> Iterator[tuple[int, re.Match[str]]]:
        if not self._compiled:
            self._compile()
        for pattern_id, compiled in self._unindexed:
            for found in compiled.finditer(text):
                yield pattern_id, found
        by_key = self._by_key
        for start in _WORD_START.finditer(lowered):
            position = start.start()
            opening = "".join(
                _SPACE if char in _SPACES else char
                for char in lowered[position : position + PREFIX_LENGTH]
            )
            keys = ["P" + opening[:length] for length in range(1, len(opening) + 1)]
            keys.append("C" + text[position])
            for key in keys:
                for compiled in by_key.get(key, ()):
                    match = compiled.match(text, position)
                    if match is not None and match.lastgroup is not None:
                        yield int(match.lastgroup[1:]), match
