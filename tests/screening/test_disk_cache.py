"""Compiled conduct patterns are kept on disk, so that later processes skip the work; what is
found never depends on whether the cache was used, missing, stale, damaged or out of reach."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safecomms.screening import disk_cache
from safecomms.screening.conduct import _with_markers
from safecomms.screening.lexicons import load_table_file, trie_pattern
from safecomms.screening.pattern_index import PatternIndex, _Layout, fold

TEXTS = [
    "Don't tell your mum, keep it between us x",
    "Tories have wrecked this country, absolute shambles",
    "Sarah can you pick up the Jones visit tomorrow",
    "lol ok c u l8r",
    "The review is on Tuesday at 10 in the Wren Room.",
    "",
]


def conduct_index(cache_kind: str | None) -> PatternIndex:
    """An index of the political rules file's patterns, as screening builds it."""
    data = load_table_file("political.toml")
    lists = {name: trie_pattern(words) for name, words in data.get("vocabulary", {}).items()}
    markers: dict[str, str] = {}
    index = PatternIndex(cache_kind=cache_kind)
    pattern_id = 0
    for group in data["group"]:
        for pattern in group.get("patterns", ()):
            marked, parts = _with_markers(pattern, lists, markers)
            index.add(pattern_id, marked, re.IGNORECASE, word_start=True, parts=parts)
            pattern_id += 1
    return index


def found(index: PatternIndex, text: str) -> list[tuple[int, int, int]]:
    return sorted((pid, m.start(), m.end()) for pid, m in index.finditer(text, fold(text)))


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("SAFECOMMS_CACHE_DIR", str(directory))
    return directory


def reference() -> dict[str, list[tuple[int, int, int]]]:
    index = conduct_index(cache_kind=None)
    return {text: found(index, text) for text in TEXTS}


def test_a_later_index_loads_the_patterns_instead_of_analysing_them(cache_dir, monkeypatch):
    expected = reference()
    first = conduct_index("political")
    assert {text: found(first, text) for text in TEXTS} == expected
    assert len(list(cache_dir.glob("political-*.marshal"))) == 1

    def no_analysis(*args: object) -> None:
        raise AssertionError("analysed again although the cache holds these patterns")

    monkeypatch.setattr(PatternIndex, "_analyse", no_analysis)
    monkeypatch.setattr(_Layout, "of", no_analysis)
    second = conduct_index("political")
    assert {text: found(second, text) for text in TEXTS} == expected
    assert second.always_run == first.always_run


def test_a_changed_pattern_misses_and_replaces_the_old_entry(cache_dir):
    conduct_index("political").candidates(fold("warm up"))
    [old] = cache_dir.glob("political-*.marshal")
    index = conduct_index("political")
    index.add(10_000, r"shambolic\s+lot", re.IGNORECASE)
    assert [pid for pid, _ in index.finditer("a shambolic lot", fold("a shambolic lot"))] == [
        10_000
    ]
    [new] = cache_dir.glob("political-*.marshal")
    assert new != old


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not marshal at all",
        disk_cache.marshal.dumps([(0, "atoms", (1, [2], 3, {}, ()))]),
        # The patterns intact, the automaton's state empty, cut short or not an automaton's.
        "empty automaton",
        "truncated automaton",
        "foreign automaton",
    ],
)
def test_a_damaged_entry_is_rebuilt(cache_dir, damage):
    expected = reference()
    conduct_index("political").candidates(fold("warm up"))
    [entry] = cache_dir.glob("political-*.marshal")
    if isinstance(damage, str):
        specs, (state, *fields) = disk_cache.marshal.loads(entry.read_bytes())
        state = {
            "empty automaton": (),
            "truncated automaton": ([state[0][0][:-40]], *state[1:]),
            "foreign automaton": (["x"], 1, 2, 3, 4, 5, []),
        }[damage]
        damage = disk_cache.marshal.dumps((specs, (state, *fields)))
    entry.write_bytes(damage)
    index = conduct_index("political")
    assert {text: found(index, text) for text in TEXTS} == expected


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("a file where the cache directory would go")
    monkeypatch.setenv("SAFECOMMS_CACHE_DIR", str(blocked / "cache"))
    index = conduct_index("political")
    assert {text: found(index, text) for text in TEXTS} == reference()


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("SAFECOMMS_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    assert disk_cache.cache_dir() is None
    conduct_index("political").candidates(fold("warm up"))
    assert list(tmp_path.iterdir()) == []


def test_the_default_place_follows_the_xdg_setting(tmp_path, monkeypatch):
    monkeypatch.delenv("SAFECOMMS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert disk_cache.cache_dir() == tmp_path / "safecomms"


def test_keys_depend_on_every_part_and_where_parts_meet():
    assert disk_cache.key_of("ab", "c") != disk_cache.key_of("a", "bc")
    assert disk_cache.key_of("a") == disk_cache.key_of(b"a")


@given(st.lists(st.sampled_from(["kid", "kids", "kiddo", "kin", "keep it", "k"]), min_size=1))
def test_a_word_list_makes_the_same_pattern_in_any_order(words):
    """The cache key is the patterns' text, so every process must write them the same way."""
    assert trie_pattern(words) == trie_pattern(sorted(words, reverse=True))
