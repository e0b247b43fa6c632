"""Read screening's word lists and rules from the data files shipped inside the package.

The lists live in `data/*.toml`, each entry or group with the reason it is there, so that a reviewer
can change what screening looks for without touching code. They are read once per process.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_table_file(filename: str) -> dict[str, Any]:
    """The parsed contents of one data file (cached: files are read once per process)."""
    text = resources.files("safecomms.screening").joinpath("data", filename).read_text("utf-8")
    return tomllib.loads(text)


def word_set(filename: str, table: str, key: str = "terms") -> frozenset[str]:
    """One table's words, lower-cased, as a set for membership tests."""
    return frozenset(term.lower() for term in load_table_file(filename)[table].get(key, ()))


def alternation(words: frozenset[str] | tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal words, arranged as a trie (see `trie_pattern`)."""
    return trie_pattern([re.escape(word).replace(r"\ ", " ") for word in set(words)])


_LITERAL = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 '&")
_QUANTIFIERS = frozenset("?*+{")


def _split_literal(entry: str) -> tuple[str, str]:
    """An entry's leading plain letters (safe to share in a trie) and the regex after them."""
    index = 0
    while index < len(entry) and entry[index] in _LITERAL:
        if index + 1 < len(entry) and entry[index + 1] in _QUANTIFIERS:
            break
        index += 1
    return entry[:index], entry[index:]


def _trie(entries: list[tuple[str, str]]) -> str:
    branches: dict[str, list[tuple[str, str]]] = {}
    endings: list[str] = []
    for literal, rest in entries:
        if literal:
            branches.setdefault(literal[0], []).append((literal[1:], rest))
        else:
            endings.append(rest)
    alternatives = []
    for char in sorted(branches):
        edge = r"\s+" if char == " " else re.escape(char)
        alternatives.append(edge + _trie(branches[char]))
    optional = "" in endings
    alternatives.extend(
        f"(?:{ending})" if "|" in ending else ending
        # Longest first, so that the engine's first-alternative-wins order takes the longest;
        # then alphabetical, so that every process builds the same pattern.
        for ending in sorted({ending for ending in endings if ending}, key=lambda e: (-len(e), e))
    )
    if not alternatives:
        return ""
    if len(alternatives) == 1 and not optional:
        return alternatives[0]
    body = "(?:" + "|".join(alternatives) + ")"
    return body + "?" if optional else body


def trie_pattern(entries: list[str]) -> str:
    """One regex matching any of `entries` (lower-case regex fragments), shaped as a trie.

    Python's regex engine tries alternatives one by one, so a flat list of a hundred words costs a
    hundred comparisons at every position; sharing leading letters makes it a handful. A space in
    an entry matches any run of white space.
    """
    return "(?:" + _trie([_split_literal(entry) for entry in set(entries)]) + ")"
