"""WhatsApp's own placeholders, in every language we could confirm, as ready-made lookups.

The strings live in ``markers.toml`` beside this module, with the public source of each
language, so adding a language is a data change rather than a code change.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass

DIRECTION_MARKS = "\u200e\u200f"
_MARKS_TABLE = str.maketrans("", "", DIRECTION_MARKS)


def remove_direction_marks(text: str) -> str:
    """Drop U+200E/U+200F, which WhatsApp scatters through exports and no reader wants."""
    # translate() walks the string through a table; most texts have no mark at all.
    if "\u200e" in text or "\u200f" in text:
        return text.translate(_MARKS_TABLE)
    return text


@dataclass(frozen=True)
class MarkerTables:
    """Lookups built once from the data file; see the module docstring."""

    whole_message: dict[str, str]
    omitted: frozenset[str]
    document_omitted: frozenset[str]
    edited: tuple[str, ...]
    location_prefixes: tuple[str, ...]
    android_attached: re.Pattern[str]
    ios_attached: re.Pattern[str]
    languages: tuple[str, ...]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def load_marker_tables() -> MarkerTables:
    """Read ``markers.toml`` and build the tables the classifier uses."""
    # Beside this module; a plain open() spares every run importing importlib.resources.
    with open(os.path.join(os.path.dirname(__file__), "markers.toml"), "rb") as handle:
        data = tomllib.load(handle)
    whole: dict[str, str] = {}
    omitted: set[str] = set()
    document_omitted: set[str] = set()
    edited: list[str] = []
    locations: list[str] = []
    attached_labels: list[str] = []
    ios_labels: list[str] = []
    for language in data.values():
        for marker in language.get("media_omitted", []):
            whole[marker] = "media"
        for notice in language.get("deleted", []):
            for variant in (notice, notice + "."):
                whole[variant] = "deleted"
        for marker in language.get("omitted", []):
            omitted.add(marker)
            if marker.lower().startswith(("document", "dokument")):
                document_omitted.add(marker)
        edited.extend(language.get("edited", []))
        locations.extend(f"{word}: " for word in language.get("location", []))
        attached_labels.extend(language.get("file_attached", []))
        ios_labels.extend(language.get("attached", []))
    for marker in list(omitted):
        whole[marker] = "media"
    android_attached = re.compile(
        r"(?P<name>[^\n]+?) \((?:"
        + _alternation(attached_labels)
        + r")\)[ \t]*(?:\n(?P<caption>.*))?",
        re.DOTALL,
    )
    ios_attached = re.compile(r"<(?:" + _alternation(ios_labels) + r") ?: (?P<name>[^<>\n]+)>")
    return MarkerTables(
        whole_message=whole,
        omitted=frozenset(omitted),
        document_omitted=frozenset(document_omitted),
        edited=tuple(sorted(set(edited), key=len, reverse=True)),
        location_prefixes=tuple(sorted(set(locations))),
        android_attached=android_attached,
        ios_attached=ios_attached,
        languages=tuple(data),
    )


MARKERS = load_marker_tables()
