"""Fixtures for the screening tests: a small case register and a helper to read findings."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safecomms.screening import Gazetteer, Person, screen

Found = Callable[..., list[str]]


@pytest.fixture(scope="session")
def register() -> Gazetteer:
    return Gazetteer.from_people(
        [
            Person("Jayden Smith", "child", aliases=("Jay", "JJ")),
            Person("Grace Hunter", "parent"),
            Person("Will Okafor", "child"),
            Person("Mark Bell", "staff"),
            Person("Kelly-Ann O'Brien", "carer", aliases=("Kel",)),
            Person("Summer Rose Dawson", "child"),
        ]
    )


@pytest.fixture
def found(register: Gazetteer) -> Found:
    """The text of each finding of one category, in order: `found(text, "postcode")`."""

    def spans(text: str, category: str, **options: object) -> list[str]:
        options.setdefault("gazetteer", register)
        result = screen(text, **options)  # type: ignore[arg-type]
        return [text[f.start : f.end] for f in result.findings if f.category == category]

    return spans
