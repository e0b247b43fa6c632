"""Where the text quotes or reports someone else's words, which conduct screening leaves alone.

Quoted words ("lol whatever", 'I hate u', “...”) and the rest of a sentence after a reporting verb
with someone else as subject ("Dad said the worker was a waste of space") belong to the person
being recorded. Personal data inside them is still personal data and is still screened.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from safecomms.screening.lexicons import alternation, word_set
from safecomms.screening.prepared import Cues, PreparedText

Span = tuple[int, int]

# Every alternative begins with its quotation mark, so the regex engine can skip from one quotation
# mark to the next; the single quote's look-behind therefore follows it. Inside single quotes an
# apostrophe between letters ("'I don't care'") is part of the quotation.
_QUOTED = re.compile(
    r"\"[^\"\n]{1,400}\"|\u201c[^\u201d\n]{1,400}\u201d|\u2018[^\u2019\n]{1,400}\u2019(?![\w])"
    r"|'(?<![\w]')(?=[^\s'])(?:[^'\n]|(?<=\w)'(?=\w)){1,300}(?<=[^\s'])'(?![\w])"
)
_VERB_CUES = Cues(word_set("reported_speech.toml", "speech_verbs"))
_VERBS = alternation(word_set("reported_speech.toml", "speech_verbs"))
_REPORTING = re.compile(rf"(?i)(?<![\w])(?:{_VERBS})(?![\w])[ \t]*(?:that[ \t]+)?[:,]?")
_OWN_SUBJECT = re.compile(
    rf"(?i)(?:^|[^\w'])(?:{alternation(word_set('reported_speech.toml', 'own_subjects'))})"
    r"[ \t]+(?:\w+[ \t]+)?\Z"
)
_NAMES_ITS_SPEAKER = re.compile(
    rf"(?i)(?:{alternation(word_set('reported_speech.toml', 'speakers'))})\s"
)
"""A reporting phrase that carries its own speaker ("he say", "kids call me"), which may open the
message; other verbs need a speaker before them."""
_CALLED = re.compile(r"(?i)(?:been|got|was|were|being)\s+called")
"""Being called something ("I've been called a nosy cow"): the words are the caller's, even
though the writer is the subject."""
_JUST_BEFORE = re.compile(r"(?i)(?:^|[.!?,\n]\s*|\bi'?m\s+)just\s+\Z")
_SENTENCE_END = re.compile(
    r"[.!?](?=\s|$)|\n|[\u2600-\u27bf\U0001f300-\U0001faff]|,?[ \t]+but[ \t]"
    r"|(?i:,?[ \t]+(?:so|and|n|but)[ \t]+(?:i|im|i'm|id|i'd|i'll|ill|i've|we|we're|we'll|we've)(?![\w']))"
)
"""Where reported words stop: the end of a sentence, an emoji (which ends a thought in a chat as
a full stop would), "but", or "so I", "and I", "n id", "but we", after which the writer speaks
again ("my mate says they'll scrap it so I'm voting for them", "me dad sez they'll sort it n id
vote for them")."""


@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    """Where a text quotes or reports someone else, in text order (spans may overlap).

    `everywhere` holds every quotation and reported sentence. `verbatim` leaves out speech
    reported in the writer's own words ("Dr said he needs bloods"), keeping quotations and words
    after a reporting verb and a colon ("Jayden texted: c u l8r"): how a paraphrase is spelt is
    the writer's choice, so text speak in it is the writer's.
    """

    everywhere: list[Span]
    verbatim: list[Span]


def reported_speech(prepared: PreparedText) -> ReportedSpeech:
    """The quoted and reported speech in a text, found in one pass."""
    text = prepared.text
    everywhere: list[Span] = []
    verbatim: list[Span] = []
    if '"' in text or "'" in text or "\u201c" in text or "\u2018" in text:
        everywhere.extend(match.span() for match in _QUOTED.finditer(text))
        verbatim.extend(everywhere)
    if not _VERB_CUES.absent_from(prepared):
        for span, after_colon in _reported(text):
            everywhere.append(span)
            if after_colon:
                verbatim.append(span)
    everywhere.sort()
    verbatim.sort()
    return ReportedSpeech(everywhere, verbatim)


def _reported(text: str) -> Iterator[tuple[Span, bool]]:
    """The rest of each sentence after a reporting verb whose subject is not the writer, and
    whether a colon introduces it as the speaker's own words."""
    for match in _REPORTING.finditer(text):
        before = text[max(0, match.start() - 25) : match.start()]
        if _JUST_BEFORE.search(before) and match.group().lower().startswith("saying"):
            continue  # "Just saying, ...": the writer's own aside, not someone else's words.
        if not _CALLED.match(match.group()):
            has_subject = bool(before.strip()) or _NAMES_ITS_SPEAKER.match(match.group())
            if not has_subject or _OWN_SUBJECT.search(before):
                continue
        end = _SENTENCE_END.search(text, match.end())
        yield (match.end(), end.start() if end else len(text)), match.group().endswith(":")


def inside_any(start: int, end: int, regions: list[Span]) -> bool:
    """True when the span lies wholly inside one of the regions."""
    return any(low <= start and end <= high for low, high in regions)
