"""Postal addresses (guidance 6.1): from the house number or name, through the street, to the town.

The street is found by a regular expression (number or house name, then words ending in a street
word such as Road or Close, or for Welsh streets a number, then the street word, then the name:
"12 Heol y Coed"); the town and the postcode after it are then taken if they follow directly. The
postcode is also reported on its own as `postcode`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from safecomms.screening.lexicons import alternation, word_set
from safecomms.screening.name_context import FIRST_NAMES, NOT_NAMES, capitalised_run
from safecomms.screening.prepared import PreparedText

_DATA = "addresses.toml"
_STREET_TYPES = alternation(word_set(_DATA, "street_types"))
_PLAIN_STREET_TYPES = alternation(word_set(_DATA, "street_types", "plain_terms"))
_HOUSE_TYPES = alternation(word_set(_DATA, "house_name_types"))
_UNITS = alternation(word_set(_DATA, "unit_words"))
NOT_STREET_WORDS = word_set(_DATA, "not_street_words")
_STREET_WORDS = word_set(_DATA, "street_types")
_HOUSE_NAME_WORDS = word_set(_DATA, "house_name_types")
_WELSH_STREET_WORDS = word_set(_DATA, "welsh_street_types")
_WELSH_HOUSE_WORDS = word_set(_DATA, "welsh_house_name_types")
_ADDRESS_WORDS = _STREET_WORDS | _HOUSE_NAME_WORDS | _WELSH_STREET_WORDS | _WELSH_HOUSE_WORDS

_NUMBER = r"\d{1,4}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?"
_CAPITAL_WORD = r"(?:St\.?|[A-Z][\w'\u2019]*(?:-[\w'\u2019]+)*)"
_ANY_WORD = r"[A-Za-z][\w'\u2019]*(?:-[\w'\u2019]+)*"
_UNIT = rf"(?:(?i:{_UNITS})\.?[ \t]*(?:\d{{1,4}}[A-Za-z]?|[A-Z])\b[ \t]*,?[ \t]*)"
_HOUSE_NAME = rf"(?:(?:{_CAPITAL_WORD}[ \t]+){{1,3}}(?i:{_HOUSE_TYPES})\b)"
_STREET = (
    rf"(?:(?:{_CAPITAL_WORD}[ \t]+){{1,4}}(?i:{_STREET_TYPES})\b"
    r"(?!(?<=\bDr)[ \t]+[A-Z][a-z])\.?)"
)
"""Capitalised words and a street word; "Dr" before a surname is a title ("GP Dr Hughes")."""
_PLAIN_STREET = rf"(?:(?:{_ANY_WORD}[ \t]+){{1,3}}(?i:{_PLAIN_STREET_TYPES})\b)"


def _numbered(house_name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w£$.,:/-]){_UNIT}?{house_name}(?<![\w£$.:/-]){_NUMBER},?[ \t]+"
        rf"(?:{_STREET}|(?P<plain>{_PLAIN_STREET}))(?![\w])"
    )


_NUMBERED = _numbered(rf"(?:{_HOUSE_NAME},?[ \t]+)?")
_NUMBERED_WITHOUT_HOUSE_NAME = _numbered("")
"""For text with no house name word, where trying capitalised words as a house name is wasted."""
_WELSH_NAME_WORD = r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0174\u0176][\w'\u2019]*(?:-[\w'\u2019]+)*"
"""A capitalised word of a Welsh street name, which may start with an accented capital (Ŵ, Ŷ)."""
_WELSH_ARTICLE = r"(?:[ \t]+yr?[ \t]+|['\u2019]r[ \t]+|-yr?-|[ \t]+)"
"""The space after a Welsh street word, with the article if there is one: "Heol y Coed",
"Clos yr Wylan", "Rhodfa'r Môr", "Heol-y-Nant"."""
_WELSH_STREET = (
    rf"(?=[A-Z])(?i:{alternation(_WELSH_STREET_WORDS)}){_WELSH_ARTICLE}{_WELSH_NAME_WORD}"
    rf"(?:{_WELSH_ARTICLE}{_WELSH_NAME_WORD})?"
)
_WELSH_NUMBERED = re.compile(
    rf"(?<![\w£$.,:/-]){_UNIT}?(?<![\w£$.:/-]){_NUMBER},?[ \t]+{_WELSH_STREET}(?![\w'\u2019])"
)
"""A number and a Welsh street, whose street word comes first: "Flat 2, 7 Stryd Fawr"."""
_WELSH_HOUSE_NAME = (
    rf"(?=[A-Z])(?i:{alternation(_WELSH_HOUSE_WORDS)})[ \t]+(?P<house>{_WELSH_NAME_WORD})"
    rf"(?:{_WELSH_ARTICLE}{_WELSH_NAME_WORD})?"
)
_WELSH_HYPHENATED_NAME = rf"{_WELSH_NAME_WORD}-(?:yr?|['\u2019]r)-{_WELSH_NAME_WORD}"
"""A Welsh house name joined by its article: "Pen-y-Bryn", "Tan-yr-Allt"."""
_WELSH_NAMED = re.compile(
    rf"(?<![\w]){_UNIT}?(?:{_WELSH_HOUSE_NAME}|{_WELSH_HYPHENATED_NAME}|{_HOUSE_NAME}),[ \t]*"
    rf"(?:{_NUMBER},?[ \t]+)?"
    rf"(?:{_WELSH_STREET}|{_STREET})(?![\w'\u2019])"
)
"""A house name and a street where either is Welsh: "Ty Newydd, Ffordd y Castell"."""


def _welsh_named(text: str) -> Iterator[tuple[int, int]]:
    """`_WELSH_NAMED` matches, but not "Ty Sarah, Church Road..." where "Ty" is "thank you"."""
    for match in _WELSH_NAMED.finditer(text):
        house = match.group("house")
        if house is None or house.lower() not in FIRST_NAMES:
            yield match.span()


_NAMED = re.compile(rf"(?<![\w]){_UNIT}?{_HOUSE_NAME},[ \t]*(?:{_NUMBER}[ \t]+)?{_STREET}(?![\w])")
_STREET_WORD_IN = re.compile(r"(?<![\w])[A-Za-z][\w'\u2019-]*")
_COMMA = re.compile(r"[ \t]*,[ \t]*|[ \t]+")
_TOWN_CONNECTOR = re.compile(r"(?i)[ \t-]+(?:upon|on|in|under|le|by|next|the|de|la)[ \t-]+")


def _street_words_plausible(text: str, start: int, end: int) -> bool:
    words = _STREET_WORD_IN.findall(text[start:end])
    return not any(word.lower() in NOT_STREET_WORDS for word in words[:-1])


def _town_end(text: str, end: int, postcodes: list[tuple[int, int]]) -> int:
    """Extend past ", Town" (twice, for a county) when what follows looks like a place name.

    Without a comma a capitalised run is a town only when a postcode follows it straight away.
    """
    for _ in range(2):
        gap = _COMMA.match(text, end)
        if gap is None:
            break
        run = capitalised_run(text, gap.end(), 3)
        if run is None or run[0] != gap.end():
            break
        first = text[run[0] : run[1]].split()[0].lower()
        if first in FIRST_NAMES or first in NOT_NAMES:
            break
        town_end = run[1]
        connector = _TOWN_CONNECTOR.match(text, town_end)
        if connector:
            more = capitalised_run(text, connector.end(), 2)
            if more and more[0] == connector.end():
                town_end = more[1]
        if "," not in gap.group() and _postcode_end(text, town_end, postcodes) == town_end:
            break
        end = town_end
    return end


def _postcode_end(text: str, end: int, postcodes: list[tuple[int, int]]) -> int:
    for start, postcode_end in postcodes:
        if start >= end and not text[end:start].strip(" \t,"):
            return postcode_end
    return end


def find_addresses(
    prepared: PreparedText, postcodes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Addresses with a house number or name and a street, with the town and postcode after."""
    text = prepared.text
    merged: list[tuple[int, int]] = []
    for start, end in sorted(_streets(prepared)):
        end = _postcode_end(text, _town_end(text, end, postcodes), postcodes)
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _streets(prepared: PreparedText) -> Iterator[tuple[int, int]]:
    """Each house number or name with its street, before the town and postcode are added."""
    present = prepared.words & _ADDRESS_WORDS
    if not present:
        return
    text = prepared.text
    welsh_street = not present.isdisjoint(_WELSH_STREET_WORDS)
    if welsh_street and prepared.has_digits:
        yield from (match.span() for match in _WELSH_NUMBERED.finditer(text))
    # A Welsh house name needs a street after its comma, English or Welsh.
    if "," in text and (
        welsh_street
        or (
            not present.isdisjoint(_STREET_WORDS)
            and (
                not present.isdisjoint(_WELSH_HOUSE_WORDS)
                or "-y-" in prepared.lowered
                or "-yr-" in prepared.lowered
            )
        )
    ):
        yield from _welsh_named(text)
    # An address needs a street word, and a house name its house word. ASCII text is sure to have
    # those among its words (see `Cues`), so without them the patterns need not be tried.
    if prepared.is_ascii and present.isdisjoint(_STREET_WORDS):
        return
    house_words = present & _HOUSE_NAME_WORDS
    house_names = bool(house_words) or not prepared.is_ascii
    if prepared.has_digits:
        numbered = _NUMBERED if house_names else _NUMBERED_WITHOUT_HOUSE_NAME
        for match in numbered.finditer(text):
            if match.group("plain") is not None and not _street_words_plausible(
                text, match.start("plain"), match.end("plain")
            ):
                continue
            if _street_words_plausible(text, match.start(), match.end()):
                yield match.span()
    # A house name without a number ends at a comma: "Rose Cottage, Mill Lane".
    if (
        house_names
        and "," in text
        and (not prepared.is_ascii or any(f"{word}," in prepared.lowered for word in house_words))
    ):
        yield from (match.span() for match in _NAMED.finditer(text))
