"""How the words around a capitalised word show that it is someone's name.

These are the signs a reader uses: a title before it ("Dr Okafor"), a greeting or sign-off around it
("Hi Grace,", "Thanks, Mark"), an introduction ("this is Sarah from..."), a possessive relation
("Tyler's mum"), a job title in apposition ("Dev (IRO)"), a verb after it at the start of a
sentence ("Will said"), or a task handed to it in a list of actions ("Grace to bring the forms",
"- Will: ring mum"). They decide whether an everyday word that is also a name is used as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from safecomms.screening.lexicons import alternation, load_table_file, word_set
from safecomms.screening.phrase_search import PhraseSearch

_NAMES = "names.toml"
NOT_NAMES = word_set(_NAMES, "not_names")
PLACE_WORDS = word_set(_NAMES, "place_words")
NAME_VERBS = word_set(_NAMES, "name_verbs")
TASK_VERBS_AFTER_TO = word_set(_NAMES, "task_verbs_after_to")
NOT_NAMES_BEFORE_TO = word_set(_NAMES, "not_names_before_to")
EVERYDAY_NAMES = word_set(_NAMES, "ambiguous")
FIRST_NAMES = word_set(_NAMES, "first_names")
COMMON_WORDS = word_set(_NAMES, "common_words")
NOT_ADDRESSED = word_set(_NAMES, "not_addressed")
GROUP_WORDS = word_set(_NAMES, "group_words")
MONTH_NAMES = frozenset(
    {"april", "may", "june", "august", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep"}
    | {"sept", "oct", "nov", "dec"}
)
WEEKDAYS = word_set(_NAMES, "weekdays")
_ENDS_A_RUN = NOT_NAMES | PLACE_WORDS
POSSESSIVE_ENDINGS = ("'s", "\u2019s")

FORMAL_TITLES = word_set(_NAMES, "titles")
KINSHIP_TITLES = word_set(_NAMES, "kinship_titles")
TITLE_WORDS = FORMAL_TITLES | KINSHIP_TITLES
"""Courtesy, professional and family titles, lower-cased ("mrs", "dr", "nan")."""
_UPPER_CASE_TITLES = tuple(load_table_file(_NAMES)["titles"]["upper_case_terms"])
_TITLES = alternation(TITLE_WORDS)
_UPPER_TITLES = alternation(_UPPER_CASE_TITLES)
_GREETINGS = alternation(word_set(_NAMES, "greetings"))
_SIGN_OFFS = alternation(word_set(_NAMES, "sign_offs"))
_INTRODUCTIONS = alternation(word_set(_NAMES, "introductions"))
_KINSHIP_AFTER = alternation(word_set(_NAMES, "kinship_after"))
_ROLES = alternation(word_set(_NAMES, "roles"))
_ORGANISATIONS = alternation(word_set(_NAMES, "roles", "organisations"))

WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
"""A word of letters, with inner apostrophes or hyphens (O'Brien, Smith-Jones, Jayden's)."""

# Texts that are all ASCII are searched in their lower-cased copy with case-sensitive patterns,
# which the regex engine runs about twice as fast as case-insensitive ones; the others are
# searched as written with the case-insensitive originals.

TITLE = re.compile(rf"(?<![\w])(?:(?i:{_TITLES})|{_UPPER_TITLES})\.?[ \t]+")
TITLE_BEFORE = re.compile(rf"(?<![\w])(?:(?i:{_TITLES})|{_UPPER_TITLES})\.?[ \t]+\Z")
LOWER_CASE_TITLES = PhraseSearch(TITLE_WORDS, r"(?:{})\.?[ \t]+")
UPPER_CASE_TITLES = PhraseSearch(_UPPER_CASE_TITLES, r"(?:{})\.?[ \t]+")
"""`TITLE` in two parts, without its word-start check (see `word_starts`): titles in any case,
for lower-cased ASCII text, and titles only written in capitals (PC, DS)."""

_GREETING = rf"[ \t>*\-]*(?:{_GREETINGS})[ \t]*,?[ \t]+"
_SIGN_OFF = rf"[ \t]*(?:{_SIGN_OFFS})[ \t]*[,.!]?[ \t]*(?:\r?\n[ \t]*|[ \t]+)"
_OPENING = rf"(?:(?=({_GREETING}))(?:(?=({_SIGN_OFF})))?|(?=({_SIGN_OFF})))"
_OPENING_AFTER_BREAK = rf"[\n.!?](?:(?<=\n)|(?=[ \t])){_OPENING}"
OPENING_AT_START = re.compile(f"(?i){_OPENING}")
"""A greeting (group 1) or a closing (group 2, or 3 when there is no greeting) opening the text.

The match is empty, so a greeting and a closing in the same words ("Thanks, Mark") are both seen.
"""
OPENING_AFTER_BREAK = re.compile(f"(?i){_OPENING_AFTER_BREAK}")
"""`OPENING_AT_START` after a line break, or after a full stop, ! or ? and a space.

Matching the break itself, not an empty position after it, lets the search skip to the breaks.
"""
LOWER_CASE_OPENING_AT_START = re.compile(_OPENING)
LOWER_CASE_OPENING_AFTER_BREAK = re.compile(_OPENING_AFTER_BREAK)
GREETING_BEFORE = re.compile(rf"(?im)^{_GREETING}\Z")
SIGN_OFF_BEFORE = re.compile(rf"(?im)(?:^|(?<=[.!?])[ \t]+){_SIGN_OFF}\Z")
DASH_SIGNATURE = re.compile(r"[-\u2013\u2014~](?<![^ \t\n].)[ \t]*(?=[^\W\d_])")
"""A dash or tilde at the start of the text or after white space, before a signed name.

The check on the character before the dash follows the dash, so the search can skip to dashes.
"""
INTRODUCTION = re.compile(rf"(?i)(?<![\w])(?:{_INTRODUCTIONS})[ \t]+")
LOWER_CASE_INTRODUCTIONS = PhraseSearch(word_set(_NAMES, "introductions"), r"(?:{})[ \t]+")
"""`INTRODUCTION` without its word-start check, for lower-cased ASCII text (see `word_starts`)."""
MENTION = re.compile(r"@(?<![\w.@]@)(?=[^\W\d_])")
POSSESSIVE_RELATION = re.compile(rf"['\u2019]s[ \t]+(?i:{_KINSHIP_AFTER})(?![\w])")

_ROLE_IN_BRACKETS = rf"\([ \t]*(?:{_ROLES})[ \t]*\)"
_ROLE_AFTER_COMMA = rf",[ \t]*(?:the|our|your|my|his|her|their)[ \t]+(?:{_ROLES})(?![\w])"
_FROM_ORGANISATION = rf"[ \t](?:from|at)[ \t]+(?:{_ORGANISATIONS})(?![\w])"
ROLE_AFTER = re.compile(
    rf"(?i)[ \t]*(?:{_ROLE_IN_BRACKETS}|{_ROLE_AFTER_COMMA}|[ \t]*{_FROM_ORGANISATION})"
)
"""A job title or workplace just after a name: "Dev (IRO)", "Ann, our SW", "Sam from CAMHS"."""
ROLE_IN_BRACKETS = re.compile(f"(?i){_ROLE_IN_BRACKETS}")
ROLE_AFTER_COMMA = re.compile(f"(?i){_ROLE_AFTER_COMMA}")
FROM_ORGANISATION = re.compile(f"(?i){_FROM_ORGANISATION}")
"""The three forms of `ROLE_AFTER` on their own: a text with none of them has no role to find."""
LOWER_CASE_FROM_ORGANISATION = re.compile(_FROM_ORGANISATION)
ROLES = PhraseSearch(word_set(_NAMES, "roles"))
ORGANISATIONS = PhraseSearch(word_set(_NAMES, "roles", "organisations"))
_END_OF_ADDRESS = re.compile(r"[ \t]*(?:[,!.:;)\-\u2013]|\r?\n|\Z|x+\b)")
_WORKPLACE_AFTER = re.compile(
    rf"[ \t]+(?:the[ \t]+)?(?:(?i:{alternation(word_set(_NAMES, 'workplaces'))})|[A-Z][A-Za-z]+)\b"
)
_FAMILIAR_ADDRESS = word_set(_NAMES, "familiar_address")
_MESSAGE_START_ADDRESS = word_set(_NAMES, "message_start_address")
_INTRODUCTION_END = re.compile(
    r"(?i)[ \t]*(?:[,.!(\-\u2013]|\r?\n|\Z|(?:from|here|your|at|with|the|and)\b)"
)
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+(?:'[a-z]+)?|&)")
_TASK_VERB = re.compile(r"[ \t]+([^\W\d_]+(?:-[^\W\d_]+)?)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \t]*\Z")
_PLACE_AFTER = re.compile(r"[ \t]+([A-Z][\w']*)")
_ARTICLE_BEFORE = re.compile(r"(?<![\w])(?:the|a|an)[ \t]+\Z")
_FAMILY_NOUN_AFTER = re.compile(rf"(?i)[ \t]+(?:{alternation(word_set(_NAMES, 'family_nouns'))})\b")
"""A surname used of a family or its case ("the Carter children", "the Price family")."""
_SAINT_BEFORE = re.compile(r"(?:\bSt\.?|\bSaint)[ \t]+\Z")
_POSSESSIVE_AFTER = re.compile(r"(?:['\u2019]s|s['\u2019])(?![\w])")
_DATE_NEIGHBOUR_BEFORE = re.compile(
    r"(?i)(?:\d(?:st|nd|rd|th)?|\b(?:in|on|since|until|till|by|from|of|during|early|late|mid|"
    r"end|next|last|this|before|after|to))[ \t]+\Z"
)
_DATE_NEIGHBOUR_AFTER = re.compile(r"[ \t]+\d")
_REQUEST_AFTER = re.compile(
    r"(?i)[ \t]+(?:please|pls|plz|(?:can|could|would|will|are|have|did|do|r|cud|cn|wud)[ \t]+(?:you|u)\b"
    r"|you['\u2019]re|you['\u2019]ll|you['\u2019]ve|you[ \t]+are\b"
    r"|(?:you|u)[ \t]+(?:there|ok|okay|awake|up|about|around|free)\b)"
)
"""A request or a second-person remark straight after a word: "Grace please can you...",
"mark can u send...", "Dan you're on duty", "dawn r u awake", "steph u there?". ("Will you..."
has "you" straight after the word.)"""
_WORDS_AFTER = re.compile(r"[ \t]+words?\b", re.IGNORECASE)
_VERBS_BEFORE_I = frozenset({"will", "may", "can", "did", "should", "would", "could", "shall"})
"""Everyday words that are names and, as verbs, also open a question before "I"."""
_ALONE_AS_A_SENTENCE = re.compile(r"[?!]+(?=\s|$)|\.(?=\s+[A-Z])")
"""After a word that is a sentence of its own: a question or exclamation mark, or a full stop
before the next sentence."""
_SPACED_DASH = re.compile(r"[ \t]+[-\u2013\u2014][ \t]")
_ADDRESS_PUNCTUATION = re.compile(r"[ \t]*(?:,|:|[ \t][-\u2013\u2014])[ \t]*")
"""A comma, colon or spaced dash after a word that opens a sentence ("Mark \u2013 the s47 is...")."""
_SECOND_PERSON = re.compile(r"(?i)\b(?:you|your|yours|you're|u|ur|please|pls)\b")
_SENTENCE_END = re.compile(r"[.!?\n]")
_ROTA_DAY_END = re.compile(r"[ \t]*(?:[,.;)\r\n]|\Z|and\b|&)")
_CAPITAL_AFTER = re.compile(r"[ \t]+(?:[A-Z]|I\b)")
_GROUP_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w&'\-]*)*[ \t]+([^\W\d_]+)")
_INTRODUCED_BEFORE = re.compile(rf"(?i)(?<![\w])(?:{_INTRODUCTIONS})[ \t]+\Z")
"""An introduction just before a word: "hey its tia" introduces Tia, typed in lower case."""
_SELF_INTRODUCTION_END = re.compile(r"[ \t]*(?:[.,!:\-\u2013]|\Z)")
"""What follows "Rose here": punctuation or the end, not more of a sentence."""
_SIGNATURE_TAIL = re.compile(r"\.?(?:[ \t]+[A-Z][\w'\-]*\.?)?[ \t]*(?:x+)?[ \t]*\s*\Z")
"""What may follow a signed first name on the last line: a full stop, a surname, kisses."""
_SUBJECT_PRONOUN_BEFORE = re.compile(r"(?i)\b(?:i|we|you|they|u|i'll|we'll|you'll)[ \t]+\Z")


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def word_starts(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches `finditer` would give if `pattern` began with `(?<![\\w])`.

    Checking the character before a match here, not in the pattern, lets the regex engine skip
    straight to the pattern's first letters instead of trying the look-behind at every offset.
    """
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            pos = start + 1
        else:
            yield match
            pos = match.end()


def is_sentence_start(text: str, start: int) -> bool:
    """True when only spaces, quotes or brackets separate `start` from a sentence boundary."""
    index = start - 1
    while index >= 0 and text[index] in " \t\"'\u201c\u2018([*>-\u2022":
        index -= 1
    return index < 0 or text[index] in ".!?:\n\r;"


def _follows_comma(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index >= 0 and text[index] == ","


def is_greeting_or_sign_off(text: str, start: int, end: int) -> bool:
    """True for a word addressed in a greeting ("Hi Grace,") or signed after a closing."""
    if _END_OF_ADDRESS.match(text, end) is None:
        return False
    low = max(0, start - 60)
    return bool(
        GREETING_BEFORE.search(text, low, start) or SIGN_OFF_BEFORE.search(text, low, start)
    )


LOWER_CASE_CUE_WORDS = frozenset(cue.split()[0] for cue in word_set(_NAMES, "lower_case_cues"))
"""The first word of each lower-case cue: a text without any of them needs no search."""
_LOWER_CASE_CUE_BEFORE = re.compile(
    rf"(?<![\w'])(?:{alternation(word_set(_NAMES, 'lower_case_cues'))})[ \t]+\Z"
)
_NEVER_CUED = EVERYDAY_NAMES | COMMON_WORDS | NOT_ADDRESSED


def cued_in_lower_case(text: str, start: int, end: int) -> bool:
    """A lower-case name straight after a greeting, thanks or "tell" ("hi dom", "tell kwame")."""
    word = text[start:end]
    return (
        word.islower()
        and word not in _NEVER_CUED
        and _LOWER_CASE_CUE_BEFORE.search(text, max(0, start - 12), start) is not None
    )


def used_as_name(text: str, start: int, end: int) -> bool:
    """Whether an everyday word that is also a name (Will, Grace, Hope, Mark) is a name here."""
    word = text[start:end]
    before = text[max(0, start - 30) : start]
    if (not word.islower() and TITLE_BEFORE.search(before)) or is_greeting_or_sign_off(
        text, start, end
    ):
        # A lower-case word after a title is the verb ("the school nurse will see him").
        return True
    if not is_capitalised(word):
        return word.islower() and (
            addressed_in_lower_case(text, start, end)
            or cued_in_lower_case(text, start, end)
            or _INTRODUCED_BEFORE.search(before) is not None
            or (is_sentence_start(text, start) and _verb_follows(text, end))
        )
    if len(word) > 1 and word.isupper():
        return False
    if _SAINT_BEFORE.search(before) or _SUBJECT_PRONOUN_BEFORE.search(before):
        return False
    if (
        _ARTICLE_BEFORE.search(before)
        and not _POSSESSIVE_AFTER.match(text, end)
        and not _FAMILY_NOUN_AFTER.match(text, end)
    ):
        # "the Aga keeps the place warm", "a Blue Peter badge": a thing, not the person.
        return False
    if word.lower() in MONTH_NAMES and (
        _DATE_NEIGHBOUR_BEFORE.search(before) or _DATE_NEIGHBOUR_AFTER.match(text, end)
    ):
        return False
    if _POSSESSIVE_AFTER.match(text, end):
        return True
    if is_sentence_start(text, start):
        return _opens_sentence_as_name(text, start, end, after_comma=False)
    if _follows_comma(text, start):
        return _opens_sentence_as_name(text, start, end, after_comma=True)
    return True


def _verb_follows(text: str, end: int) -> bool:
    """True when a verb that names take follows the word: "kez was happy", "Will said"."""
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1).lower() in NAME_VERBS


def _opens_sentence_as_name(text: str, start: int, end: int, after_comma: bool) -> bool:
    """Whether a word opening a sentence or a clause is a name, from the words after it.

    A name signs the message, or a verb, a task, another name ("Will and Tom"), a request
    ("Grace please can you...") or a remark to the reader ("Mark \u2013 the s47 is yours") follows
    it; after a comma, a day of a rota may follow ("Dan Tuesday, Mark Wednesday").
    """
    word = text[start:end]
    lowered = word.lower()
    if text[end : end + 1] == ":" and _task_follows(text, end + 1, word):
        return True
    following = _NEXT_WORD.match(text, end)
    if following is not None:
        next_word = following.group(1).lower()
        if next_word == "to":
            return _task_follows(text, following.end(), word)
        if next_word in ("and", "&", "or"):
            # "Grace and Tom said" joins two names; "Grace and patience" is the noun.
            return _CAPITAL_AFTER.match(text, following.end()) is not None
        if next_word in NAME_VERBS:
            return True
        if next_word == "here" and _SELF_INTRODUCTION_END.match(text, following.end()):
            # The writer introduces themselves: "Rose here. Hope got a merit today."
            return True
        if next_word == "from" and _WORKPLACE_AFTER.match(text, following.end()):
            # Someone introduced by where they work: "Pat from reception has dropped off...".
            return True
        opens_message = not text[:start].strip()
        if next_word in _FAMILIAR_ADDRESS and (
            opens_message or text[following.end() : following.end() + 1] == ","
        ):
            # Addressed as a friend: "Ray mate, if you need me...", "Dawn hen you're doing great".
            return True
        if opens_message and next_word in _MESSAGE_START_ADDRESS:
            # The person written to: "Mark dont be listening to her", "Mark hes back", but not
            # the saying "mark my words".
            return not (next_word == "my" and _WORDS_AFTER.match(text, following.end()))
        if opens_message and next_word == "i" and lowered not in _VERBS_BEFORE_I:
            # "Rose I can lend you £50", not "Will I need to bring it?".
            return True
        if (
            opens_message
            and next_word in ("its", "it's", "it\u2019s")
            and _CAPITAL_AFTER.match(text, following.end()) is not None
        ):
            # The writer introduces themselves to the person named: "Grace its Amina".
            return True
        if after_comma and next_word in WEEKDAYS:
            # A rota entry ends with the day: "Mark Wednesday, I'll take Friday", not
            # "Will Wednesday work?".
            return _ROTA_DAY_END.match(text, following.end()) is not None
    if lowered in NOT_ADDRESSED:
        return False
    if (
        not text[:start].strip()
        and (text[end : end + 1] == "," or _SPACED_DASH.match(text, end))
        and lowered not in MONTH_NAMES
    ):
        # The message opens by addressing someone: "Brook, here's the number I said",
        # "Grace - Ahmad's shown me a message".
        return True
    if _ALONE_AS_A_SENTENCE.match(text, end) and is_sentence_start(text, start):
        # A name that is a whole sentence calls someone: "Will. A word please", "...school? Will?"
        return lowered not in MONTH_NAMES
    if not after_comma and signs_off_message(text, start, end):
        return lowered not in MONTH_NAMES
    return _REQUEST_AFTER.match(text, end) is not None or _remark_to_reader_follows(text, end)


def _remark_to_reader_follows(text: str, end: int) -> bool:
    """True for a comma, colon or dash after the word and then words to the reader in the same
    sentence: "Mark, the chronology needs finishing, can you take it on?"."""
    punctuation = _ADDRESS_PUNCTUATION.match(text, end)
    if punctuation is None:
        return False
    stop = _SENTENCE_END.search(text, punctuation.end(), punctuation.end() + 200)
    sentence_end = stop.start() if stop else min(len(text), punctuation.end() + 200)
    return _SECOND_PERSON.search(text, punctuation.end(), sentence_end) is not None


def addressed_in_lower_case(text: str, start: int, end: int) -> bool:
    """A lower-case name opening a sentence before a request ("mark can u send me the link").

    Chat is often typed without capitals; a request straight after the word shows it is the
    person asked, not the everyday word ("hope you're well" is kept out by `NOT_ADDRESSED`).
    """
    return (
        text[start:end] not in NOT_ADDRESSED
        and is_sentence_start(text, start)
        and _REQUEST_AFTER.match(text, end) is not None
    )


def signs_off_message(text: str, start: int, end: int) -> bool:
    """True for a word alone on the message's last line, after a finished sentence or a blank line,
    or ending the message as a sentence of its own, as a writer signs an e-mail or a message
    ("...the better!\n\nMark", "Sorry. Dawn")."""
    if len(text) - end > 40 or _SIGNATURE_TAIL.match(text, end) is None:
        return False
    line_start = text.rfind("\n", 0, start)
    same_line = text[line_start + 1 : start]
    if same_line.strip():
        # Signed after the last sentence on the same line: "...very proud of her. Joy."
        return same_line[-1:] in " \t" and same_line.rstrip()[-1:] in (".", "!", "?")
    if line_start < 0:
        return False
    before = text[:line_start].rstrip(" \t\r")
    blank_line = before.endswith("\n")
    before = before.rstrip()
    if not before:
        return False
    last = before[-1]
    return last in ".!?)" or not last.isascii() or (blank_line and last not in ":;,-")


def _task_follows(text: str, pos: int, word: str) -> bool:
    """True when a task handed to the word follows: "Will to chase the school", "Will: ring mum".

    The verb after "to" must be a task, not the everyday sense ("Will to live"), and the word must
    not be one that takes "to" itself ("Hope to call you later").
    """
    if word.lower() in NOT_NAMES_BEFORE_TO:
        return False
    verb = _TASK_VERB.match(text, pos)
    return verb is not None and verb.group(1).lower() in TASK_VERBS_AFTER_TO


def names_a_group(text: str, start: int, end: int) -> bool:
    """True when greeted words name an organisation or a team, not a person: an acronym ("Hi DWP,")
    or capitalised words ending in a word such as "team" ("Hello Universal Credit team,")."""
    first_word = text[start:end].split()[0]
    if len(first_word) >= 3 and first_word.isupper() and first_word.lower() not in FIRST_NAMES:
        return True
    group = _GROUP_AFTER.match(text, end)
    return group is not None and group.group(1).lower() in GROUP_WORDS


def names_a_place(text: str, start: int, end: int) -> bool:
    """True when the name is part of a place or organisation ("Grace Academy", "St Mark's", "Isle of
    Skye")."""
    before = text[max(0, start - 8) : start]
    if ("St" in before or "Saint" in before) and _SAINT_BEFORE.search(before):
        return True
    if before.lower().endswith("isle of "):
        return True
    if end >= len(text) or text[end] not in " \t":
        return False
    following = _PLACE_AFTER.match(text, end)
    return following is not None and following.group(1).lower() in PLACE_WORDS


def capitalised_run(text: str, pos: int, max_words: int) -> tuple[int, int] | None:
    """The span of up to `max_words` capitalised name-like words starting at `pos`.

    Initials ("J." or "J") may stand before the last word; a possessive `'s` is left out of the
    span and ends the run; words that are never names (Mum, Team, Monday) or that name places end
    the run, as do a word followed by a digit and words not separated by spaces.
    """
    first = last = -1
    words = 0
    cursor = pos
    size = len(text)
    while words < max_words:
        match = WORD.match(text, cursor)
        if match is None:
            break
        whole = match.group()
        after = match.end()
        if after < size and text[after].isdigit():
            break
        possessive = whole[-2:] in POSSESSIVE_ENDINGS
        word = whole[:-2] if possessive else whole
        if not word[:1].isupper() or word.lower() in _ENDS_A_RUN:
            break
        if first < 0:
            first = cursor
        last = cursor + len(word)
        words += 1
        if possessive:
            break
        cursor = after
        if len(word) == 1 and cursor < size and text[cursor] == ".":
            cursor += 1
        if cursor >= size or text[cursor] not in " \t":
            break
        cursor += 1
        while cursor < size and text[cursor] in " \t":
            cursor += 1
    return (first, last) if first >= 0 else None


def previous_word(text: str, start: int, *, keep_case: bool = False) -> str:
    """The word just before `start` on the same line (lower-cased unless `keep_case`), or ""."""
    match = _PREVIOUS_WORD.search(text[max(0, start - 20) : start])
    if match is None:
        return ""
    return match.group(1) if keep_case else match.group(1).lower()


def introduction_closes(text: str, end: int) -> bool:
    return _INTRODUCTION_END.match(text, end) is not None


def address_closes(text: str, end: int) -> bool:
    return _END_OF_ADDRESS.match(text, end) is not None
