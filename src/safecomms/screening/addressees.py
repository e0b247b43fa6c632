"""Who a message is spoken to, read from the case register's roles.

Some conduct depends on who is addressed. Work handed out in a group chat is a request to a
colleague; the same words to a parent ("Hi Harjit, could you bring the school letter") are not.
Boundary rules guard a worker's relationship with a child or family, so a message written to a
member of staff ("ok mark. wont say nothin", sent at midnight) is a young person's or a
colleague's, not the worker's.

The addressee is a name that opens a sentence after nothing but a greeting or an acknowledgement
("Hi Harjit,", "Thanks Priya"), or with the marks of being spoken to after it ("Jayden,",
"Jayden can you", "Carol I am sorry", "Kirsty love", "Grace - ..."); a name opening a sentence
as its subject ("Jayden's mum rang") is not one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from safecomms.screening.lexicons import alternation, word_set
from safecomms.screening.name_context import FORMAL_TITLES, KINSHIP_TITLES, TITLE_WORDS
from safecomms.screening.people import CLIENT_ROLES, Gazetteer

FAMILY_ROLES = frozenset({"child", "parent"})
"""Those whose own words to each other are not a worker's conduct. A carer is left out: a foster
carer's conduct towards the child in their care is a boundary matter too (safer caring)."""

Span = tuple[int, int]

_OPENERS = (
    frozenset({""})
    | word_set("names.toml", "greetings")
    | word_set("names.toml", "acknowledgements")
)
"""What may stand between the start of a sentence and the name of the person it is spoken to."""

_ADDRESSED = re.compile(
    r"\s*(?:[,:!\n\u2013\u2014]|-\s|$)|\s+(?:(?:r|are|cud|cn|wud)\s+(?:u|you)"
    r"|(?:u|you)\s+(?:there|ok|okay|awake|up|about|around|free)|can|could|would|will|please|pls"
    r"|plz|I|" + alternation(word_set("names.toml", "familiar_address")) + r")\b",
    re.IGNORECASE,
)
"""After a name that opens a sentence with nothing before it: it is the person spoken to."""


def _sentence_start(text: str, position: int) -> int:
    return max(text.rfind(mark, 0, position) for mark in ".!?\n") + 1


def _addressed(text: str, names: list[Span]) -> Iterator[tuple[int, int, int]]:
    """(start, end, sentence start) of each name that a sentence is spoken to, in text order."""
    for start, end in names:
        opening = _sentence_start(text, start)
        words = text[opening:start].lower().split()
        if words and words[-1].rstrip(".") in TITLE_WORDS:
            words.pop()  # "Miss Faith", "Hi Mr Ahmed": the title belongs to the name
        before = " ".join(words)
        if before in _OPENERS and (before or _ADDRESSED.match(text, end)):
            yield start, end, opening


def request_to_a_client(
    text: str, start: int, end: int, names: list[Span], gazetteer: Gazetteer
) -> bool:
    """True when the request at `start:end` is spoken to a child, parent or carer on the
    register: the nearest addressee opening the request's own sentence or the message."""
    request_opens = _sentence_start(text, start)
    addressee = None
    for name_start, name_end, opening in _addressed(text, names):
        if name_start >= end:
            break
        if not text[:opening].strip() or request_opens <= name_start:
            addressee = text[name_start:name_end]
    roles = gazetteer.roles_of(addressee) if addressee else frozenset()
    return bool(roles) and roles <= CLIENT_ROLES


def _first_addressee(text: str, names: list[Span]) -> tuple[int, int, int] | None:
    """The name the message's first sentence is spoken to, if any (see `_addressed`)."""
    for name_start, name_end, opening in _addressed(text, names):
        return None if text[:opening].strip() else (name_start, name_end, opening)
    return None


def written_to_staff(text: str, names: list[Span], gazetteer: Gazetteer) -> bool:
    """True when the message's first sentence is spoken to a member of staff on the register, or,
    when it is spoken to nobody, every sentence that is spoken to someone is spoken to staff
    ("...if they ask. Thanks Paula you're a star xx")."""
    addressee = _first_addressee(text, names)
    if addressee is not None:
        return gazetteer.roles_of(text[addressee[0] : addressee[1]]) == {"staff"}
    roles = [
        gazetteer.roles_of(text[start:end])
        for start, end, opening in _addressed(text, names)
        if text[opening:start].strip()  # greeted or thanked, not a name signing the message
    ]
    return bool(roles) and all(role == {"staff"} for role in roles)


_GROUP = alternation(word_set("names.toml", "group_address"))
_TO_A_GROUP = re.compile(
    rf"(?:^|[.!?,\n]\s*)(?:{alternation(_OPENERS - {''} | word_set('names.toml', 'group_farewells'))})"
    rf"[ \t,]+(?:{_GROUP})(?![\w'])|(?<![\w'])(?:you|u)[ \t]+lot(?![\w'])",
    re.IGNORECASE,
)
"""A greeting, thanks or farewell to many ("Morning all", "have a good weekend everyone"), or
"you lot"."""


def written_to_a_group(text: str) -> bool:
    """True for a message greeting, thanking or taking leave of a group of people: a team's or a
    family's chat, not one-to-one contact with a young person."""
    return _TO_A_GROUP.search(text) is not None


def written_to_a_professional(text: str, names: list[Span], gazetteer: Gazetteer) -> bool:
    """True when the message's first sentence is spoken to someone who is not family: staff or
    another professional on the register, or someone off it addressed by a title ("Dear Dr
    Hill"), as letters to schools and surgeries are."""
    addressee = _first_addressee(text, names)
    if addressee is None:
        return False
    name_start, name_end, opening = addressee
    roles = gazetteer.roles_of(text[name_start:name_end])
    if roles:
        return not roles & CLIENT_ROLES
    before = text[opening:name_start].split()
    return bool(before) and before[-1].lower().rstrip(".") in FORMAL_TITLES


_FAMILY_WORDS = word_set("names.toml", "family_sign_offs") | KINSHIP_TITLES
_FAMILY_SIGN_OFF = re.compile(
    r"(?:(?:^|\n)\s*|[.!]\s+|(?:love(?:\s+(?:you|u|ya))?|luv|from|lots\s+of\s+love)[\s,]+x*\s*)"
    rf"(?:{alternation(_FAMILY_WORDS)})"
    r"[\s.!]*x*[\s.!]*\Z",
    re.IGNORECASE,
)
"""A sign-off as a parent or grandparent: on its own line, after a full stop or after "love"."""


_SIGNATURE_BEFORE = re.compile(
    r"(?:(?:^|\n|[.!?])\s*|(?:^|[\s,.!])(?:from|love|luv|regards|many\s+thanks)[\s,]+"
    r"|\s[-\u2013\u2014~]\s*)\Z",
    re.IGNORECASE,
)
"""What stands before a name that signs a message: a line or sentence break, a closing such as
"from" or "regards", or a dash. "Thanks Sharon" is left out: a worker thanks a parent so too."""
_SIGNATURE_AFTER = re.compile(r"[\s.!x\u2764\ufe0f]*\Z", re.IGNORECASE)


def signed_by(text: str, names: list[Span], gazetteer: Gazetteer) -> frozenset[str]:
    """The register roles of whoever signs the message: "parent" for a parent's or grandparent's
    sign-off ("Love you xx Mam"), the roles of a register name standing alone at its end ("... with
    the vet due. Bill Rowe"), or nothing."""
    last_word = text.rstrip(" \t\r\n.!xX").rpartition(" ")[2].rpartition("\n")[2].lower()
    if last_word in _FAMILY_WORDS and _FAMILY_SIGN_OFF.search(text[-40:]):
        return frozenset({"parent"})
    if not names:
        return frozenset()
    start, end = names[-1]
    if not _SIGNATURE_AFTER.match(text, end) or not _SIGNATURE_BEFORE.search(text, 0, start):
        return frozenset()
    return gazetteer.roles_of(text[start:end])
