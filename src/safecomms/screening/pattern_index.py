"""Run many regular expressions over a text quickly, trying only those that could match it.

A conduct rules file holds dozens of phrase patterns, and almost every message matches none of
them. Trying each pattern on each message would cost more than the rest of screening together, so
each pattern's parsed form is read once, at start-up, for its *atoms*: a few literal strings of
which every match must contain at least one (`(?:dm|pm)\\s+me` needs "dm me" or "pm me"). All the
atoms go into one Aho-Corasick automaton. A text is scanned once, folded the same way the atoms
were (lower case, every run of white space as one space), and only the patterns whose atoms turned
up are run. A pattern with no usable atom (one that can start with any word, say) is always run.

The atoms are a necessary condition, never a sufficient one: a pattern that is skipped could not
have matched, so the index finds exactly what running every pattern would find.

Reading the patterns for atoms and compiling them costs more than screening thousands of
messages. An index given a cache name keeps both in the disk cache (`disk_cache`), so only the
first process pays; without one, a pattern is compiled the first time a text could match it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

import ahocorasick

from safecomms.screening import disk_cache
from safecomms.screening.prepared import is_word_char

# The regex parser's own modules: the parsed form is what tells which literals a match must hold.
sre_constants: Any = import_module("re._constants")
sre_parser: Any = import_module("re._parser")
sre_compiler: Any = import_module("re._compiler")
_casefix: Any = import_module("re._casefix")
_sre: Any = import_module("_sre")

_SPACE = " "
_END = "\x03"
"""Marks the end of a folded text, so that a pattern anchored there can have atoms."""
_LIMIT = 256
"""The most strings a set of alternatives may hold before it stops being worth expanding."""
_MIN_ATOM_WEIGHT = 2
"""Atoms lighter than this (one ASCII character) would turn up in nearly every text."""
_MIN_EXTRA_WEIGHT = 3
"""A pattern's second and later sets must be at least this heavy. Two-character atoms ("e ",
", ") turn up several times in every message, and looking them up costs more than the few
patterns they would spare."""


def _fold_table() -> dict[int, str]:
    """Characters the regex engine treats as the same letter under IGNORECASE, mapped to one.

    `str.lower` leaves a few of them apart (the long s of old print matches "s"); folding both the
    text and the atoms through this table keeps the atoms a necessary condition.
    """
    table: dict[int, str] = {}
    for code, others in _casefix._EXTRA_CASES.items():
        canonical = min((code, *others))
        for member in (code, *others):
            if member != canonical:
                table[member] = chr(canonical)
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """The form atoms are matched in: lower case, folded, each run of white space one space.

    Offsets are not kept: the folded text only decides which patterns to run. Folding happens
    before the white space is squeezed, since a folded character may itself be white space.
    """
    lowered = text.lower()
    if not lowered.isascii():
        if len(lowered) != len(text):
            # A letter whose lower case is two characters: the regex engine lower-cases it to one.
            lowered = "".join(char.lower()[:1] for char in text)
        lowered = lowered.translate(_FOLD)
    # Padded with a space each side: an atom may begin or end with the white space around a word.
    return f" {' '.join(lowered.split())} {_END}"


def _fold_char(char: str) -> str | None:
    """One pattern character as the folded text would show it, or None if that is uncertain."""
    if char.isspace():
        return _SPACE
    lowered = char.lower()
    return lowered.translate(_FOLD) if len(lowered) == 1 else None


def _squeeze(text: str) -> str:
    while "  " in text:
        text = text.replace("  ", _SPACE)
    return text


def _cross(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > _LIMIT:
        return None
    return frozenset(_squeeze(a + b) for a in left for b in right)


_COMMON = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 '.,")


@cache
def _weight(atom: str) -> int:
    """How rarely an atom turns up by chance: its characters, a rarer one counting double.

    Letters, digits, spaces and everyday punctuation are in most messages; an "@", a "£" or an
    emoji is not, so an atom of one of those alone is worth looking for.
    """
    return sum(1 if char in _COMMON else 2 for char in atom)


@cache
def _strength(atoms: frozenset[str]) -> tuple[int, int]:
    """How selective a set of atoms is: its weakest atom's weight, then fewer atoms first."""
    return (min(_weight(atom) for atom in atoms), -len(atoms))


def _usable(atoms: frozenset[str] | None) -> bool:
    return atoms is not None and bool(atoms) and "" not in atoms and atoms != _SPACE_ONLY


def _implied(weaker: frozenset[str], stronger: frozenset[str]) -> bool:
    """True when containing a string of `stronger` means containing one of `weaker` too."""
    if len(weaker) * len(stronger) > _LIMIT * 16:
        return False
    return all(any(small in big for small in weaker) for big in stronger)


def _strongest(sets: tuple[frozenset[str], ...], keep: int) -> tuple[frozenset[str], ...]:
    """The `keep` most selective distinct sets, strongest first, leaving out any a kept one implies."""
    kept: list[frozenset[str]] = []
    for candidate in sorted(set(sets), key=_strength, reverse=True):
        if not any(_implied(candidate, chosen) for chosen in kept):
            kept.append(candidate)
            if len(kept) == keep:
                break
    return tuple(kept)


@dataclass(frozen=True, slots=True)
class _Facts:
    """What every match of a piece of pattern holds.

    `exact` is every string it can match (None when there are too many or infinitely many);
    every match starts with one of `prefixes` and ends with one of `suffixes`; and for each set in
    `required`, every match contains one of its strings. All strings are folded.
    """

    exact: frozenset[str] | None
    prefixes: frozenset[str]
    suffixes: frozenset[str]
    required: tuple[frozenset[str], ...]

    @classmethod
    def of_exact(cls, strings: frozenset[str] | None) -> _Facts:
        if strings is None:
            return _UNKNOWN
        required = (strings,) if _usable(strings) else ()
        return cls(exact=strings, prefixes=strings, suffixes=strings, required=required)


_EMPTY_STRING = frozenset({""})
_SPACE_ONLY = frozenset({_SPACE})
_UNKNOWN = _Facts(exact=None, prefixes=_EMPTY_STRING, suffixes=_EMPTY_STRING, required=())
_NOTHING = _Facts.of_exact(_EMPTY_STRING)
_AT_END = _Facts.of_exact(frozenset({_END, _SPACE + _END}))
"""The end of a text: folded, it may be preceded by the padding space or a final line break."""
_KEEP = 4
"""Required sets carried up from each piece: enough to be selective, few enough to stay cheap."""


def _then(left: _Facts, right: _Facts) -> _Facts:
    """Facts of `left` followed by `right`."""
    if left.exact is not None and right.exact is not None:
        joined = _cross(left.exact, right.exact)
        if joined is not None:
            return _Facts.of_exact(joined)
    prefixes = left.prefixes
    if left.exact is not None:
        prefixes = _cross(left.exact, right.prefixes) or left.exact
    suffixes = right.suffixes
    if right.exact is not None:
        suffixes = _cross(left.suffixes, right.exact) or right.exact
    bridge = _cross(left.suffixes, right.prefixes)
    candidates = (*left.required, *right.required, bridge, prefixes, suffixes)
    return _Facts(
        exact=None,
        prefixes=prefixes,
        suffixes=suffixes,
        required=_strongest(tuple(s for s in candidates if s is not None and _usable(s)), _KEEP),
    )


def _either(options: list[_Facts]) -> _Facts:
    """Facts of a choice between `options`: each may be taken, so only what all share is certain."""

    def union(sets: list[frozenset[str] | None], limit: int = _LIMIT) -> frozenset[str] | None:
        if any(item is None for item in sets):
            return None
        joined = frozenset().union(*(item for item in sets if item is not None))
        return joined if len(joined) <= limit else None

    exact = union([option.exact for option in options])
    if exact is not None:
        return _Facts.of_exact(exact)
    prefixes = union([option.prefixes for option in options]) or _EMPTY_STRING
    suffixes = union([option.suffixes for option in options]) or _EMPTY_STRING
    # Atoms are only looked up, never crossed with others, so a long list of them is cheap.
    required = [option.required[0] if option.required else None for option in options]
    best = union(required, _LIMIT * 16) or union([o.exact for o in options], _LIMIT * 16)
    return _Facts(
        exact=None,
        prefixes=prefixes,
        suffixes=suffixes,
        required=(best,) if best is not None and _usable(best) else (),
    )


def _characters(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The folded characters a character class can match, or None for a broad or negated one."""
    chars: set[str] = set()
    for op, value in items:
        if op is sre_constants.LITERAL:
            members = [_fold_char(chr(value))]
        elif op is sre_constants.RANGE:
            low, high = value
            if high - low > 64:
                return None
            members = [_fold_char(chr(code)) for code in range(low, high + 1)]
        elif op is sre_constants.CATEGORY and value is sre_constants.CATEGORY_SPACE:
            members = [_SPACE]
        else:
            return None
        if None in members:
            return None
        chars.update(member for member in members if member is not None)
    return frozenset(chars)


def _repeat(minimum: int, maximum: int, body: _Facts) -> _Facts:
    if body.exact == _SPACE_ONLY:
        # Any run of white space folds to one space.
        return _Facts.of_exact(_SPACE_ONLY if minimum else frozenset({"", _SPACE}))
    if minimum == 0:
        return _either([_NOTHING, _repeat(1, maximum, body)])
    if body.exact is None:
        return _Facts(
            exact=None, prefixes=body.prefixes, suffixes=body.suffixes, required=body.required
        )
    least: frozenset[str] | None = body.exact
    for _ in range(minimum - 1):
        least = _cross(least, body.exact) if least is not None else None
    if maximum <= 3:
        options = [least]
        for _ in range(maximum - minimum):
            options.append(_cross(options[-1], body.exact) if options[-1] is not None else None)
        return _either([_Facts.of_exact(option) for option in options])
    # At least `minimum` copies, then any number more: the first copies open every match.
    opening = least if least is not None else body.exact
    return _Facts(
        exact=None,
        prefixes=opening,
        suffixes=body.exact,
        required=(opening,) if _usable(opening) else (),
    )


def _zero_width(ahead: _Facts) -> _Facts:
    """A lookahead or end anchor: the text after it starts as `ahead` says, but nothing is used up."""
    return _Facts(
        exact=None, prefixes=ahead.prefixes, suffixes=_EMPTY_STRING, required=ahead.required
    )


_NO_PARTS: dict[str, _Facts] = {}


def _sequence(items: list[tuple[Any, Any]], parts: dict[str, _Facts] = _NO_PARTS) -> _Facts:
    """Facts of `items` in turn; a character in `parts` stands for a part already analysed."""
    facts = _NOTHING
    literal: list[str] = []
    # A run of plain characters is taken as one string: words are most of a pattern.
    for op, value in items:
        known = None
        if op is sre_constants.LITERAL:
            known = parts.get(chr(value))
            char = None if known is not None else _fold_char(chr(value))
            if char is not None:
                literal.append(char)
                continue
        if literal:
            facts = _then(facts, _Facts.of_exact(frozenset({_squeeze("".join(literal))})))
            literal.clear()
        facts = _then(facts, known if known is not None else _item(op, value, parts))
    if literal:
        facts = _then(facts, _Facts.of_exact(frozenset({_squeeze("".join(literal))})))
    return facts


def _item(op: Any, value: Any, parts: dict[str, _Facts]) -> _Facts:
    if op is sre_constants.LITERAL:
        char = _fold_char(chr(value))
        return _Facts.of_exact(None if char is None else frozenset({char}))
    if op is sre_constants.IN:
        # The parser turns a choice of single characters into a set, parts among them.
        marked = [
            (kind, code)
            for kind, code in value
            if kind is sre_constants.LITERAL and chr(code) in parts
        ]
        if marked:
            rest = [item for item in value if item not in marked]
            options = [parts[chr(code)] for _kind, code in marked]
            return _either([*options, _Facts.of_exact(_characters(rest))] if rest else options)
        return _Facts.of_exact(_characters(value))
    if op is sre_constants.AT and value in (sre_constants.AT_END, sre_constants.AT_END_STRING):
        return _zero_width(_AT_END)
    if op is sre_constants.ASSERT and value[0] == 1:
        return _zero_width(_sequence(list(value[1]), parts))
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT):
        return _NOTHING
    if op is sre_constants.SUBPATTERN:
        return _sequence(list(value[3]), parts)
    if op is sre_constants.BRANCH:
        return _either([_sequence(list(branch), parts) for branch in value[1]])
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        minimum, maximum, body = value
        return _repeat(minimum, maximum, _sequence(list(body), parts))
    if op is sre_constants.ATOMIC_GROUP:
        return _sequence(list(value), parts)
    return _UNKNOWN


def required_atoms(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """Sets of folded strings such that every match of `pattern` contains one string of each set.

    Sets whose weakest string is too short to be selective are left out, and so are light sets
    after the strongest; an empty answer means the pattern must simply always run.
    """
    return _required_of(sre_parser.parse(pattern, flags))


def _required_of(parsed: Any, parts: dict[str, _Facts] = _NO_PARTS) -> tuple[frozenset[str], ...]:
    if parsed.state.flags & re.MULTILINE:
        return ()  # "$" may then match before any line break, which folding cannot show.
    required = _sequence(list(parsed), parts).required
    kept = [atoms for atoms in required if _strength(atoms)[0] >= _MIN_ATOM_WEIGHT]
    return tuple(
        kept[:1] + [atoms for atoms in kept[1:] if _strength(atoms)[0] >= _MIN_EXTRA_WEIGHT]
    )


@dataclass(frozen=True, slots=True)
class _Layout:
    """The automaton and the bit fields that tell, for one text, which patterns to run.

    Each pattern owns a field of one bit per required set and a guard bit above it. A text's hits
    are OR-ed into one integer; adding `ones` (a one at the bottom of every field) carries into a
    pattern's guard bit exactly when its field is full, so one addition tests every pattern.
    """

    automaton: Any
    ones: int
    guards: int
    pattern_at_guard: dict[int, int]

    @classmethod
    def of(cls, analysed: dict[int, tuple[frozenset[str], ...]]) -> _Layout:
        """The layout for patterns with these required atom sets."""
        masks: dict[str, int] = {}
        ones = guards = 0
        pattern_at_guard = {}
        bit = 0
        for pattern_id in sorted(analysed):
            ones |= 1 << bit
            for atoms in analysed[pattern_id]:
                for atom in atoms:
                    masks[atom] = masks.get(atom, 0) | 1 << bit
                bit += 1
            guards |= 1 << bit
            pattern_at_guard[bit] = pattern_id
            bit += 1
        automaton = ahocorasick.Automaton()
        shared: dict[int, int] = {}
        for atom, mask in masks.items():
            # Equal masks as one object: many atoms share one, and a stored layout keeps one copy.
            automaton.add_word(atom, shared.setdefault(mask, mask))
        if masks:
            automaton.make_automaton()
        return cls(automaton, ones, guards, pattern_at_guard)

    def portable(self) -> tuple[Any, ...]:
        """The layout as plain data: the automaton's own pickled state, then the bit fields.

        Rebuilding the automaton from its atoms costs a tenth of a second in every process;
        restoring its state costs a quarter of that.
        """
        _constructor, state = self.automaton.__reduce__()[:2]
        return (state, self.ones, self.guards, list(self.pattern_at_guard.items()))

    def serves(self, analysed: dict[int, tuple[frozenset[str], ...]]) -> bool:
        """Whether this layout could have been built for `analysed` (a check on a stored one)."""
        searchable = self.automaton.kind == ahocorasick.AHOCORASICK
        return set(self.pattern_at_guard.values()) == analysed.keys() and (
            searchable or not any(analysed.values())
        )

    @classmethod
    def from_portable(cls, portable: tuple[Any, ...]) -> _Layout:
        state, ones, guards, pattern_at_guard = portable
        automaton = ahocorasick.Automaton(*state)
        return cls(automaton, ones, guards, dict(pattern_at_guard))


@dataclass(frozen=True, slots=True)
class _Spec:
    """A pattern as added: its text (word-list parts as marker characters) and how to run it."""

    pattern: str
    flags: int
    word_start: bool
    parts: tuple[tuple[str, str], ...]

    def expanded(self) -> str:
        """The pattern with its parts put in: what is compiled and run."""
        pattern = self.pattern
        for marker, part in self.parts:
            pattern = pattern.replace(marker, part)
        return pattern


def _needs_a_boundary(parsed: Any, flags: int) -> bool:
    """Whether a word-start pattern is faster with a word boundary put first.

    The regex engine skips ahead to where a match could begin only when it knows a literal prefix
    or the characters a match starts with, which it cannot for a choice of words under IGNORECASE
    ("(?:hi|hiya|morning)\\s+..."); it then tries every position. When every match starts with a
    word character, a boundary first changes nothing the index reports (it keeps only matches
    that start a word) but turns most positions away at once.
    """
    if _opens_with_word_char(list(parsed.data)) is not True:
        return False
    combined = flags | parsed.state.flags
    prefix, _skip, _all = sre_compiler._get_literal_prefix(parsed, combined)
    return not prefix and not sre_compiler._get_charset_prefix(parsed, combined)


_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)


def _opens_with_word_char(items: list[tuple[Any, Any]]) -> bool | None:
    """True if every match of `items` starts with a word character, None if they match only the
    empty string (what follows decides), False otherwise or when unsure."""
    for position, (op, value) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        if op is sre_constants.LITERAL:
            return is_word_char(chr(value))
        if op is sre_constants.IN:
            return _all_word_chars(value)
        if op is sre_constants.SUBPATTERN or op is sre_constants.ATOMIC_GROUP:
            opens = _opens_with_word_char(
                list(value[3] if op is sre_constants.SUBPATTERN else value)
            )
            if opens is None:
                continue
            return opens
        if op is sre_constants.BRANCH:
            answers = {_opens_with_word_char(list(branch)) for branch in value[1]}
            return True if answers == {True} else None if answers == {None} else False
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            minimum, _maximum, body = value
            opens = _opens_with_word_char(list(body))
            if minimum > 0 or opens is None:
                if opens is None:
                    continue
                return opens
            # Optional ("(?:the\\s+)?council"): a match starts with it or with what follows.
            rest = _opens_with_word_char(items[position + 1 :])
            if opens is not True:
                return False
            return None if rest is None else rest  # None: what follows the items decides
        return False
    return None


def _all_word_chars(items: list[tuple[Any, Any]]) -> bool:
    for op, value in items:
        if op is sre_constants.LITERAL:
            if not is_word_char(chr(value)):
                return False
        elif op is sre_constants.RANGE:
            low, high = value
            if high - low > 256 or not all(is_word_char(chr(c)) for c in range(low, high + 1)):
                return False
        elif op is not sre_constants.CATEGORY or value not in (
            sre_constants.CATEGORY_WORD,
            sre_constants.CATEGORY_DIGIT,
        ):
            return False
    return True


_Portable = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""A compiled pattern as plain data (flags, code, groups, group index, index group), which
`_sre.compile` turns back into a pattern without the regex compiler's Python work."""


def _portable(parsed: Any, flags: int) -> _Portable:
    """What `re._compiler.compile` hands to `_sre.compile`, kept as plain data."""
    code = [int(word) for word in sre_compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    groups = parsed.state.groups - 1
    return int(flags | parsed.state.flags), code, groups, groupindex, tuple(indexgroup)


def _from_portable(portable: _Portable) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = portable
    compiled: re.Pattern[str] = _sre.compile(None, flags, code, groups, groupindex, indexgroup)
    return compiled


class PatternIndex:
    """Patterns with their required atoms; `finditer(text, folded)` yields (pattern id, match).

    Every match of every pattern is reported, including matches that start inside an earlier
    match of the same pattern, as a reader scanning each word would find them.

    With a `cache_kind`, the analysis and the compiled patterns are kept in the disk cache
    (`disk_cache`) under that name, so that only the first process to see these patterns pays
    for reading and compiling them; every later one loads them in a few milliseconds.
    """

    def __init__(self, cache_kind: str | None = None) -> None:
        self._cache_kind = cache_kind
        self._specs: dict[int, _Spec] = {}
        self._required: dict[int, tuple[frozenset[str], ...]] | None = None
        self._parsed: dict[int, Any] = {}
        """Patterns parsed for their atoms and not yet compiled: parsing twice would cost double."""
        self._patterns: dict[int, re.Pattern[str]] = {}
        self._layout: _Layout | None = None

    def add(
        self,
        pattern_id: int,
        pattern: str,
        flags: int = 0,
        *,
        word_start: bool = False,
        parts: Mapping[str, str] | None = None,
    ) -> None:
        """Index `pattern`; with `word_start`, only matches that do not begin inside a word count.

        `word_start` does what a leading `(?<!\\w)` would, but checked on each match rather than
        in the pattern: a pattern that starts with a look-behind cannot use the regex engine's
        quick skip to the characters a match can start with.

        `parts` maps single characters in `pattern` to the sub-patterns they stand for, each a
        group such as `(?:tory|labour)`. The pattern matched is `pattern` with them put in; a part
        that many patterns share, like a long word list, is analysed once for the index.
        """
        self._specs[pattern_id] = _Spec(pattern, flags, word_start, tuple((parts or {}).items()))
        self._required = None
        self._parsed.clear()
        self._patterns.clear()
        self._layout = None

    @property
    def always_run(self) -> tuple[int, ...]:
        """Ids of the patterns that have no atom and are tried on every text."""
        return tuple(sorted(pid for pid, required in self._analysed().items() if not required))

    def _analysed(self) -> dict[int, tuple[frozenset[str], ...]]:
        """Each pattern's required atom sets, from the disk cache when it has them."""
        if self._required is None:
            caching = self._cache_kind is not None and disk_cache.cache_dir() is not None
            key = self._cache_key() if caching else None
            if key is None or not self._load_cached(key):
                self._required = self._analyse()
                if key is not None:
                    self._store_cached(key)
        assert self._required is not None
        return self._required

    def _analyse(self) -> dict[int, tuple[frozenset[str], ...]]:
        part_facts: dict[tuple[str, int], _Facts] = {}
        required = {}
        for pattern_id, spec in self._specs.items():
            if not spec.parts:
                parsed = sre_parser.parse(spec.pattern, spec.flags)
                required[pattern_id] = _required_of(parsed)
                self._parsed[pattern_id] = parsed
                continue
            facts = {}
            for marker, part in spec.parts:
                known = part_facts.get((part, spec.flags))
                if known is None:
                    known = _sequence(list(sre_parser.parse(part, spec.flags)))
                    part_facts[(part, spec.flags)] = known
                facts[marker] = known
            required[pattern_id] = _required_of(sre_parser.parse(spec.pattern, spec.flags), facts)
        return required

    def _cache_key(self) -> str:
        source = Path(__file__).read_bytes() if Path(__file__).is_file() else b""
        # The automaton is kept in pyahocorasick's own layout: another build of it must miss.
        extension = Path(ahocorasick.__file__ or "").stat()
        versions = f"{sre_constants.MAGIC} {extension.st_size} {extension.st_mtime_ns}"
        specs = [
            repr((pattern_id, spec.pattern, spec.flags, spec.word_start, spec.parts))
            for pattern_id, spec in sorted(self._specs.items())
        ]
        return disk_cache.key_of(source, versions, *specs)

    def _load_cached(self, key: str) -> bool:
        assert self._cache_kind is not None
        entry = disk_cache.read(self._cache_kind, key)
        if entry is None:
            return False
        try:
            specs, layout = entry
            required = {pattern_id: tuple(atoms) for pattern_id, atoms, _ in specs}
            patterns = {pattern_id: _from_portable(portable) for pattern_id, _, portable in specs}
            built = _Layout.from_portable(layout)
        except (TypeError, ValueError, RuntimeError, IndexError):
            return False  # missing, or not what this version wrote: build afresh
        if required.keys() != self._specs.keys() or not built.serves(required):
            return False
        self._required, self._patterns, self._layout = required, patterns, built
        return True

    def _store_cached(self, key: str) -> None:
        """Compile every pattern, build the automaton and write the lot to the cache, if this
        interpreter allows."""
        assert self._cache_kind is not None and self._required is not None
        try:
            specs = []
            for pattern_id, spec in sorted(self._specs.items()):
                portable = _portable(self._parsed_form(pattern_id), spec.flags)
                self._patterns[pattern_id] = _from_portable(portable)
                specs.append((pattern_id, self._required[pattern_id], portable))
        except (AttributeError, TypeError, ValueError, RuntimeError):
            return  # an interpreter whose regex internals differ: compile on use instead
        self._layout = _Layout.of(self._required)
        disk_cache.write(self._cache_kind, key, (specs, self._layout.portable()))

    def _parsed_form(self, pattern_id: int) -> Any:
        """The pattern as compiled: parsed, with a word boundary first where that speeds it up."""
        spec = self._specs[pattern_id]
        parsed = self._parsed.pop(pattern_id, None)
        if parsed is None:
            parsed = sre_parser.parse(spec.expanded(), spec.flags)
        if spec.word_start and _needs_a_boundary(parsed, spec.flags):
            parsed.data.insert(0, (sre_constants.AT, sre_constants.AT_BOUNDARY))
        return parsed

    def _built(self) -> _Layout:
        if self._layout is None:
            analysed = self._analysed()  # a cached index comes with its layout
            if self._layout is None:
                self._layout = _Layout.of(analysed)
        return self._layout

    def candidates(self, folded: str) -> list[int]:
        """Ids of the patterns worth trying on a text whose folded form is `folded`, in order."""
        layout = self._built()
        hits = 0
        if len(layout.automaton):
            for _end, mask in layout.automaton.iter(folded):
                hits |= mask
        complete = (hits + layout.ones) & layout.guards
        found = []
        while complete:
            lowest = complete & -complete
            found.append(layout.pattern_at_guard[lowest.bit_length() - 1])
            complete ^= lowest
        return found

    def finditer(
        self, text: str, folded: str, among: frozenset[int] | None = None
    ) -> Iterator[tuple[int, re.Match[str]]]:
        """Every match in `text` of the patterns (of those with ids in `among`, if given)."""
        for pattern_id in self.candidates(folded):
            if among is None or pattern_id in among:
                yield from self._every_match(pattern_id, text)

    def finditer_all(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """Every match of every pattern, without the atoms: the index's reference behaviour."""
        for pattern_id in sorted(self._specs):
            yield from self._every_match(pattern_id, text)

    def _compiled(self, pattern_id: int) -> re.Pattern[str]:
        compiled = self._patterns.get(pattern_id)
        if compiled is None:
            self._analysed()  # a cached index comes with its patterns compiled
            compiled = self._patterns.get(pattern_id)
        if compiled is None:
            spec = self._specs[pattern_id]
            compiled = sre_compiler.compile(self._parsed_form(pattern_id), spec.flags)
            self._patterns[pattern_id] = compiled
        return compiled

    def _every_match(self, pattern_id: int, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        compiled, word_start = self._compiled(pattern_id), self._specs[pattern_id].word_start
        match = compiled.search(text)
        while match is not None:
            start = match.start()
            if not (word_start and start and is_word_char(text[start - 1])):
                yield pattern_id, match
            following = start + 1
            match = compiled.search(text, following) if following <= len(text) else None
