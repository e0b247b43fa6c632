"""Conduct screening: text speak, political statements, offensive remarks, boundary risks and
task allocation, each driven by its rules file in `data/`.

Literal words from every category go into one Aho-Corasick automaton, so a message is searched for
all of them in one pass; the phrase patterns of each category are compiled into one regular
expression with a named group per rule group. Matches inside quoted or reported speech, web
addresses or e-mail addresses are not the writer's conduct and are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import ahocorasick

from safecomms.policy import Severity
from safecomms.screening.feeling import feeling_beside
from safecomms.screening.findings import Category, Channel
from safecomms.screening.lexicons import load_table_file, trie_pattern
from safecomms.screening.pattern_index import PatternIndex, fold
from safecomms.screening.prepared import Cues, PreparedText, is_word_char

CONDUCT_FILES = {
    Category.TEXT_SPEAK: "text_speak.toml",
    Category.POLITICAL: "political.toml",
    Category.OFFENSIVE: "offensive.toml",
    Category.BOUNDARY: "boundary.toml",
    Category.TASK_ALLOCATION: "task_allocation.toml",
}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_ENDS_IN_WORD = re.compile(r"[\w)?]\Z")
_WORD_AFTER = frozenset(" \t\r\n,.!?;:)")


@dataclass(frozen=True, slots=True)
class RuleGroup:
    """One group of a conduct rules file: what it flags under which rule, and why."""

    category: Category
    rule: str
    severity: Severity
    advice: str
    lower_only: bool = False
    between_words: bool = False
    needs_feeling: bool = False
    """The group's patterns name a subject; a match counts only with feeling in its sentence."""
    to_families_only: bool = False
    """The writer's conduct towards a child or family: not counted in a message written to a
    member of staff or to a group, or signed by a child or parent, which is a young person's, a
    parent's or a colleague's (see `addressees`)."""
    channels: frozenset[str] | None = None
    """The channels the group applies on, when narrower than its file's (None: all of them)."""


@dataclass(frozen=True, slots=True)
class ConductMatch:
    start: int
    end: int
    group: RuleGroup


@dataclass(frozen=True, slots=True)
class CategoryRules:
    category: Category
    channels: frozenset[str] | None


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_FIRST_MARKER = 0xE000
"""Word lists stand in a pattern as characters from Unicode's private use area, which no rule
text contains, so that the index can analyse each list once (see `PatternIndex.add`)."""


def _with_markers(
    pattern: str, lists: dict[str, str], markers: dict[str, str]
) -> tuple[str, dict[str, str]]:
    """The pattern with each `{name}` as one marker character, and what each marker stands for.

    `lists` is the rules file's word lists as regexes; `markers` maps each such regex to its
    character, shared by every pattern loaded.
    """
    if _PRIVATE_USE.search(pattern):
        raise ValueError(f"a conduct pattern holds a private-use character: {pattern!r}")
    parts: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        part = lists[match.group(1)]
        marker = markers.setdefault(part, chr(_FIRST_MARKER + len(markers)))
        parts[marker] = part
        return marker

    return _PLACEHOLDER.sub(replace, pattern), parts


def _bounded(pattern: str) -> str:
    """The pattern, ending where a word ends; the index checks that a match starts a word."""
    tail = r"(?![\w])" if _ENDS_IN_WORD.search(pattern) else ""
    return f"(?:{pattern}){tail}"


def _load_category(
    category: Category,
    automaton: ahocorasick.Automaton,
    index: PatternIndex,
    groups: list[RuleGroup],
    markers: dict[str, str],
) -> CategoryRules:
    data = load_table_file(CONDUCT_FILES[category])
    lists = {name: trie_pattern(words) for name, words in data.get("vocabulary", {}).items()}
    for raw in data["group"]:
        group = RuleGroup(
            category=category,
            rule=raw.get("rule", data["rule"]),
            severity=Severity(raw.get("severity", data["severity"])),
            advice=" ".join(raw.get("advice", data["advice"]).split()),
            lower_only="lower_terms" in raw,
            between_words=raw.get("context") == "between_words",
            needs_feeling=bool(raw.get("needs_feeling", False)),
            to_families_only=bool(raw.get("to_families_only", False)),
            channels=frozenset(raw["channels"]) if "channels" in raw else None,
        )
        for term in (*raw.get("terms", ()), *raw.get("lower_terms", ())):
            key = term.lower()
            existing = automaton.get(key, ())
            automaton.add_word(key, (*existing, (len(key), group)))
        flags = 0 if raw.get("case_sensitive") else re.IGNORECASE
        for pattern in raw.get("patterns", ()):
            marked, parts = _with_markers(pattern, lists, markers)
            index.add(len(groups), _bounded(marked), flags, word_start=True, parts=parts)
            groups.append(group)
    channels = data.get("channels")
    return CategoryRules(
        category=category, channels=frozenset(channels) if channels is not None else None
    )


@dataclass(frozen=True, slots=True)
class ConductRules:
    """All conduct rules: literal words in one automaton, phrase patterns in one index."""

    categories: tuple[CategoryRules, ...]
    automaton: ahocorasick.Automaton
    patterns: PatternIndex
    pattern_groups: tuple[RuleGroup, ...]


@cache
def conduct_rules() -> ConductRules:
    """Every conduct rules file, compiled once per process."""
    automaton = ahocorasick.Automaton()
    index = PatternIndex(cache_kind="conduct-patterns")
    groups: list[RuleGroup] = []
    markers: dict[str, str] = {}
    categories = tuple(
        _load_category(category, automaton, index, groups, markers) for category in CONDUCT_FILES
    )
    automaton.make_automaton()
    return ConductRules(
        categories=categories, automaton=automaton, patterns=index, pattern_groups=tuple(groups)
    )


def _term_fits(text: str, start: int, end: int, group: RuleGroup) -> bool:
    if start > 0 and is_word_char(text[start - 1]):
        return False
    if end < len(text) and is_word_char(text[end]):
        return False
    if group.lower_only and text[start:end] != text[start:end].lower():
        return False
    if group.between_words:
        if start > 0 and not text[start - 1].isspace():
            return False
        if end < len(text) and text[end] not in _WORD_AFTER:
            return False
    return True


def _applies_on(channels: frozenset[str] | None, channel: Channel | None) -> bool:
    """Whether something limited to `channels` (None: any) applies on `channel` (None: unknown,
    so it may)."""
    return channels is None or channel is None or str(channel) in channels


@cache
def _categories_for(channel: Channel | None) -> frozenset[Category]:
    """The conduct categories whose rules apply on `channel` (all of them when it is not known)."""
    return frozenset(
        rules.category
        for rules in conduct_rules().categories
        if _applies_on(rules.channels, channel)
    )


def _group_applies(group: RuleGroup, channel: Channel | None) -> bool:
    return _applies_on(group.channels, channel)


@cache
def _patterns_for(channel: Channel | None) -> frozenset[int]:
    """Ids of the phrase patterns whose rules apply on `channel`: the others are not run."""
    allowed = _categories_for(channel)
    groups = conduct_rules().pattern_groups
    return frozenset(
        pattern_id
        for pattern_id, group in enumerate(groups)
        if group.category in allowed and _group_applies(group, channel)
    )


@cache
def _term_cues() -> Cues:
    """The words of every literal term: a text without all the words of some term has no term."""
    return Cues(conduct_rules().automaton.keys())


def find_conduct(prepared: PreparedText, channel: Channel | None) -> list[ConductMatch]:
    """Every conduct match in the text, before speech and web-address exclusions."""
    rules = conduct_rules()
    allowed = _categories_for(channel)
    text = prepared.text
    found: list[ConductMatch] = []
    if not _term_cues().absent_from(prepared):
        for last, entries in rules.automaton.iter(prepared.lowered):
            for length, group in entries:
                start, end = last - length + 1, last + 1
                if (
                    group.category in allowed
                    and _group_applies(group, channel)
                    and _term_fits(text, start, end, group)
                ):
                    found.append(ConductMatch(start, end, group))
    for pattern_id, match in rules.patterns.finditer(
        prepared.normalised, fold(prepared.normalised), _patterns_for(channel)
    ):
        group = rules.pattern_groups[pattern_id]
        if match.end() == match.start():
            continue
        span: tuple[int, int] | None = match.span()
        if group.needs_feeling:
            span = feeling_beside(prepared.lowered, *match.span(), prepared.text)
        if span is not None:
            found.append(ConductMatch(*span, group))
    return found


@dataclass(frozen=True, slots=True)
class UnusualHours:
    """The hours when a message looks personal rather than professional, and the duty work that
    is done in them anyway."""

    starts: time
    ends: time
    severity: Severity
    rule: str
    advice: str
    duty: re.Pattern[str]
    duty_cues: Cues
    channels: frozenset[str]
    reader_words: frozenset[str]
    reader_question: re.Pattern[str]
    worker_titles: frozenset[str]
    to_a_worker: re.Pattern[str]

    def covers(self, moment: time) -> bool:
        if self.starts <= self.ends:
            return self.starts <= moment < self.ends
        return moment >= self.starts or moment < self.ends

    def on_duty(self, prepared: PreparedText) -> bool:
        """True for a message from out-of-hours duty work ("EDT handover: ..."), sent at night
        because that is when the work happens."""
        return not self.duty_cues.absent_from(prepared) and bool(self.duty.search(prepared.lowered))

    def applies_on(self, channel: Channel | None) -> bool:
        """True on texting channels, and when the channel is not known."""
        return _applies_on(self.channels, channel)

    def is_contact(self, prepared: PreparedText) -> bool:
        """True when the message greets or speaks to its reader ("are you awake?", "hope ur ok")
        and is not a young person's words to their worker ("lol wot u on about miss"): an update,
        a report or a young person's own worry at night ("cant sleep. carers asleep") contacts
        nobody."""
        words, lowered = prepared.words, prepared.lowered
        if self.reader_words.isdisjoint(words) and not self.reader_question.search(lowered):
            return False
        return self.worker_titles.isdisjoint(words) or not self.to_a_worker.search(lowered)


@cache
def unusual_hours() -> UnusualHours:
    data = load_table_file(CONDUCT_FILES[Category.BOUNDARY])
    window = data["unusual_hours"]
    return UnusualHours(
        starts=time.fromisoformat(window["starts"]),
        ends=time.fromisoformat(window["ends"]),
        severity=Severity(window["severity"]),
        rule=data["rule"],
        advice=" ".join(window["reason"].split()),
        duty=re.compile(rf"(?<![\w])(?:{trie_pattern(window['duty_words'])})(?![\w])"),
        duty_cues=Cues(window["duty_words"]),
        channels=frozenset(window["channels"]),
        reader_words=frozenset(window["reader_words"]),
        reader_question=re.compile(trie_pattern(window["reader_questions"])),
        worker_titles=frozenset(window["worker_titles"]),
        to_a_worker=re.compile(
            rf"(?<![\w'])(?:{trie_pattern(window['worker_titles'])})(?=\s*(?:[,.!?\n]|\Z))"
            rf"|(?<![\w'])(?:{trie_pattern(window['greetings'])})\s+"
            rf"(?:{trie_pattern(window['worker_titles'])})(?![\w'])"
        ),
    )


def local_wall_clock(sent_at: datetime) -> time:
    """The UK wall-clock time of a message: aware times are converted, naive ones taken as local."""
    if sent_at.tzinfo is None:
        return sent_at.time()
    try:
        return sent_at.astimezone(ZoneInfo("Europe/London")).time()
    except (ZoneInfoNotFoundError, ValueError, OSError, OverflowError):
        return sent_at.time()
