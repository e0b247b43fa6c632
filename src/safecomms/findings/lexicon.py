"""Which entry of screening's word lists fired for a conduct finding.

A stored finding keeps its category, rule and span but not the entry that matched. To tune the
word lists with evidence, a dismissal names the entry instead: the literal term when the flagged
phrase is one (`lol`, `c u l8r`), or the phrase group whose pattern matched ("Secrecy"). What is
kept is always taken from the word lists themselves, never the record's own words, so it can
outlive the record. The word lists are read, never changed, from the engine's data files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from safecomms.screening import CONDUCT, Category
from safecomms.screening.lexicons import load_table_file

_FILES = {
    Category.TEXT_SPEAK: "text_speak.toml",
    Category.POLITICAL: "political.toml",
    Category.OFFENSIVE: "offensive.toml",
    Category.BOUNDARY: "boundary.toml",
    Category.TASK_ALLOCATION: "task_allocation.toml",
}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_LABEL_END = re.compile(r"[:(.]|\s[-–]\s")
ENTRY_LENGTH = 120


@dataclass(frozen=True, slots=True)
class _PatternGroup:
    label: str
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class _CategoryLexicon:
    terms: dict[str, str]
    lower_terms: dict[str, str]
    groups: tuple[_PatternGroup, ...]


def _normal(text: str) -> str:
    return " ".join(text.split())


def _group_label(raw: dict[str, Any]) -> str:
    reason = _normal(str(raw.get("reason", "")))
    label = _LABEL_END.split(reason, maxsplit=1)[0].strip(" ,;'\"")
    return f"Phrases: {label}"[:ENTRY_LENGTH] if label else ""


def _expand(pattern: str, vocabulary: dict[str, list[str]]) -> str:
    def replace(match: re.Match[str]) -> str:
        words = vocabulary.get(match.group(1))
        return "(?:" + "|".join(words) + ")" if words else match.group(0)

    return _PLACEHOLDER.sub(replace, pattern)


@cache
def _lexicon(category: Category) -> _CategoryLexicon:
    data = load_table_file(_FILES[category])
    vocabulary = data.get("vocabulary", {})
    terms: dict[str, str] = {}
    lower_terms: dict[str, str] = {}
    groups: list[_PatternGroup] = []
    for raw in data.get("group", ()):
        for term in raw.get("terms", ()):
            terms.setdefault(_normal(term).lower(), _normal(term))
        for term in raw.get("lower_terms", ()):
            lower_terms.setdefault(_normal(term), _normal(term))
        flags = 0 if raw.get("case_sensitive") else re.IGNORECASE
        compiled = []
        for pattern in raw.get("patterns", ()):
            try:
                compiled.append(re.compile(_expand(pattern, vocabulary), flags))
            except re.error:
                continue
        label = _group_label(raw)
        if compiled and label:
            groups.append(_PatternGroup(label=label, patterns=tuple(compiled)))
    return _CategoryLexicon(terms=terms, lower_terms=lower_terms, groups=tuple(groups))


def lexicon_entry(category: str, text: str, start: int, end: int) -> str:
    """The word-list entry behind the conduct finding at `text[start:end]`, or "" if none.

    Personal-data findings have no word-list entry worth keeping (and their text is someone's
    data), so they always give "". The text around the span is used only to let patterns with
    context (a kiss at the end of a message) match as the engine matched them.
    """
    try:
        kind = Category(category)
    except ValueError:
        return ""
    if kind not in CONDUCT or kind not in _FILES or not 0 <= start < end <= len(text):
        return ""
    spoken = _normal(text[start:end])
    lexicon = _lexicon(kind)
    if spoken in lexicon.lower_terms:
        return lexicon.lower_terms[spoken][:ENTRY_LENGTH]
    if spoken.lower() in lexicon.terms:
        return lexicon.terms[spoken.lower()][:ENTRY_LENGTH]
    tests = (
        lambda pattern: (found := pattern.match(text, start)) is not None and found.end() == end,
        lambda pattern: pattern.fullmatch(spoken) is not None,
        lambda pattern: pattern.match(text, start) is not None,
        lambda pattern: pattern.search(text, start, end) is not None,
    )
    for test in tests:
        for group in lexicon.groups:
            if any(test(pattern) for pattern in group.patterns):
                return group.label
    return ""
