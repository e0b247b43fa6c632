"""Words that carry feeling, for rules that flag a subject only when an opinion comes with it.

Some subjects are fine to name and wrong to judge: a politician, the government or a policy can
come up in a neutral message ("the Home Office interview is on Tuesday"), but not with praise or
blame. The ways of praising and blaming are too many to list as phrases, so the words that carry
feeling come from VADER's sentiment lexicon: about 7,500 English words and slang forms, each rated
from -4 to +4 by ten people (Hutto and Gilbert, 2014). `data/feeling.toml` sets how strong a word
must be, lists the words VADER rates that carry no opinion in a work message ("please",
"support", "safeguarding"), adds British words of praise and blame it lacks ("shambolic") and
sayings whose words carry feeling only together ("hasn't a clue", "on its knees").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from safecomms.screening.lexicons import load_table_file, trie_pattern

_WORD = re.compile(r"[a-z][a-z'-]*")
_SENTENCE_ENDS = ".!?\n"
_SAID_OF_YOU = re.compile(
    r"(?<![a-z])(?:you|u)(?:'re|\s+are|\s+were|\s+was|\s+did|\s+look|\s+looked|\s+r)\s+(?:[a-z]+\s+)?\Z"
)
"""Before a word of feeling about the person addressed ("Well done at the Home Office, you were
very brave"): the feeling is about them, not the subject."""
_VERDICT_WORDS = 3
"""A sentence this short after a mention is a comment on it ("Shameful.", "What a joke!")."""
_BLAMING_VERDICT_WORDS = 5
"""A sentence this short with blame anywhere in it is a comment on it too ("Sadiq is a joke",
"Makes my blood boil")."""
_LONG_VERDICT_WORDS = 12
"""A longer one with blame in it is, when it opens by referring back ("This lot haven't a clue
about children's social care", "He's a spineless careerist")."""
_VERDICTS = 2
"""How many comments in a row may follow a mention ("...did nothing for carers. Not a penny.
Shameful.")."""


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """Words that carry feeling, and those of them that blame (rated negative, or added here)."""
    settings = load_table_file("feeling.toml")
    minimum = float(settings["min_strength"])
    ordinary = {word.lower() for group in settings["not_feeling"] for word in group["terms"]}
    added = {word.lower() for group in settings["also_feeling"] for word in group["terms"]}
    words, blaming = set(added), set(added)
    lexicon = resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
    for line in lexicon.read_text("utf-8").splitlines():
        word, rating, *_ = line.split("\t")
        if abs(float(rating)) >= minimum and _WORD.fullmatch(word) and word not in ordinary:
            words.add(word)
            if float(rating) < 0:
                blaming.add(word)
    return frozenset(words), frozenset(blaming)


def feeling_words() -> frozenset[str]:
    """Lower-case words that carry feeling strongly enough to make a mention an opinion."""
    return _lexicon()[0]


@cache
def feeling_phrases() -> re.Pattern[str]:
    """Sayings that carry feeling as a whole ("hasn't a clue"), found in lower-cased text.

    A saying straight after someone else ("she doesn't care") is about them and is not matched.
    """
    groups = load_table_file("feeling.toml")["feeling_phrases"]
    phrases = [re.escape(phrase).replace(r"\ ", " ") for g in groups for phrase in g["terms"]]
    others = [re.escape(word) for g in groups for word in g.get("other_subjects", ())]
    not_after = "".join(rf"(?<!\b{word}\s)" for word in others)
    return re.compile(rf"(?<![\w']){not_after}(?:{trie_pattern(phrases)})(?![\w'])")


_SCARE_QUOTE = re.compile(
    "(?<![\\w'])['\u2018\"\u201c][a-z][^'\u2019\"\u201d\\n.!?]{1,40}?['\u2019\"\u201d](?![\\w])"
)
"""A few words in quotation marks that start in lower case: the writer's mockery of them."""


_OWN_QUOTE = re.compile(r"(?:['\u2019]s)?\s+(?:[\w-]+\s+){0,2}")
"""Between a subject and a quote of its own words: "the government's housing 'plan'"."""


@cache
def _scare_quote_cue() -> re.Pattern[str]:
    """A word that marks the quote after it as mockery ("another 'record investment'")."""
    groups = load_table_file("feeling.toml")["feeling_phrases"]
    cues = [re.escape(cue) for g in groups for cue in g.get("scare_quote_cues", ())]
    return re.compile(rf"(?i)(?<![\w'])(?:{'|'.join(cues) or '(?!)'})\s+(?:[\w-]+\s+){{0,2}}\Z")


def _apart(match: re.Match[str], start: int, end: int) -> bool:
    """True when `match` lies wholly outside the subject at `start:end`."""
    return match.end() <= start or match.start() >= end


def _scare_quotes(text: str, start: int, end: int, low: int, high: int) -> list[re.Match[str]]:
    """Scare quotes between `low` and `high` about the subject at `start:end`."""
    cue = _scare_quote_cue()
    return [
        quote
        for quote in _SCARE_QUOTE.finditer(text, low, high)
        if _apart(quote, start, end)
        and (
            (quote.start() >= end and _OWN_QUOTE.fullmatch(text, end, quote.start()))
            or cue.search(text, max(low, quote.start() - 40), quote.start())
        )
    ]


def _carries_feeling(word: str, words: frozenset[str]) -> bool:
    """True for a word of feeling, or its adverb ("disgracefully" from "disgraceful")."""
    word = word.strip("'-")
    return word in words or (word.endswith("ly") and word[:-2] in words)


@cache
def _verdict_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that may come before the blame opening a verdict, and words that open a comment on
    what went before (see `verdicts` in feeling.toml)."""
    settings = load_table_file("feeling.toml")["verdicts"]
    return frozenset(settings["intensifiers"]), frozenset(settings["refers_back"])


def _blames(lowered: str, start: int, end: int) -> bool:
    """True when `lowered[start:end]` holds a word of blame or a saying of feeling."""
    blaming = _lexicon()[1]
    return any(
        _carries_feeling(word, blaming) for word in _WORD.findall(lowered, start, end)
    ) or bool(feeling_phrases().search(lowered, start, end))


def _is_verdict(lowered: str, start: int, end: int) -> bool:
    """True when the sentence at `start:end` comments on the one before it: a few words
    ("Shameful.", "Not a penny."), a short sentence with blame in it, a longer one with blame
    that refers back ("Man couldn't run a bath let alone a country") or one that opens with blame
    ("Absolute joke - they don't care"), not with praise ("Amazing news about her place!")."""
    intensifiers, refers_back = _verdict_words()
    verdict = _WORD.findall(lowered, start, end)
    opening = next((word for word in verdict if word not in intensifiers), "")
    return (
        len(verdict) <= _VERDICT_WORDS
        or _carries_feeling(opening, _lexicon()[1])
        or (
            len(verdict) <= _LONG_VERDICT_WORDS
            and (len(verdict) <= _BLAMING_VERDICT_WORDS or opening.split("'")[0] in refers_back)
            and _blames(lowered, start, end)
        )
    )


def _sentence_end(lowered: str, position: int) -> int:
    ends = [found for mark in _SENTENCE_ENDS if (found := lowered.find(mark, position)) != -1]
    return min(ends, default=len(lowered))


def feeling_beside(
    lowered: str, start: int, end: int, text: str | None = None
) -> tuple[int, int] | None:
    """From the subject at `start:end` to the nearest word of feeling in its sentence, or None.

    `lowered` is the lower-cased text; the subject's own words do not count ("Universal Credit").
    Up to two verdicts straight after the sentence count as part of it (see `_is_verdict`):
    "Reeves' budget did nothing for carers. Not a penny. Shameful.".
    With the original `text` (same offsets), scare quotes count too: a few words quoted that start
    in lower case ("the government's 'plan'"), where a title would start with a capital.
    """
    sentence_start = max(lowered.rfind(mark, 0, start) for mark in _SENTENCE_ENDS) + 1
    sentence_end = _sentence_end(lowered, end)
    words = _lexicon()[0]
    for _ in range(_VERDICTS):
        verdict_end = _sentence_end(lowered, sentence_end + 1)
        if not _is_verdict(lowered, sentence_end, verdict_end):
            break
        sentence_end = verdict_end
    feelings = [
        match
        for match in _WORD.finditer(lowered, sentence_start, sentence_end)
        if _apart(match, start, end)
        and _carries_feeling(match.group(), words)
        and not _SAID_OF_YOU.search(lowered, max(0, match.start() - 24), match.start())
    ]
    feelings += [
        match
        for match in feeling_phrases().finditer(lowered, sentence_start, sentence_end)
        if _apart(match, start, end)
    ]
    if text is not None:
        feelings += _scare_quotes(text, start, end, sentence_start, sentence_end)
    nearest: tuple[int, int] | None = None
    for match in feelings:
        distance = start - match.end() if match.start() < start else match.start() - end
        if nearest is None or distance < nearest[0]:
            nearest = (distance, match.start() if match.start() < start else match.end())
    if nearest is None:
        return None
    return min(start, nearest[1]), max(end, nearest[1])
