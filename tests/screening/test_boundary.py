"""Boundary and grooming-risk language, and contact at unusual hours."""

from datetime import UTC, datetime

import pytest

from safecomms.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "Don't tell your mum about this.",
        "It's our little secret.",
        "Delete this message after you read it.",
        "Add me on snapchat.",
        "Text me on my personal number.",
        "DM me later.",
        "It'll be just the two of us.",
        "I'll pick you up on my own after school.",
        "I bought you a present.",
        "I'll top up your phone.",
        "You look gorgeous in that photo.",
        "Love you xx",
        "Message me on my insta instead",
        "You're honestly so beautiful",
        "Text me whenever, even late at night",
    ],
)
def test_boundary_language(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "Please tell your mum I will visit on Tuesday.",
        "Sorry I missed you yesterday.",
        "I would love you to come to the review.",
        "Please delete the message I sent in error.",
        "I will pick you up from school at 3 for your appointment.",
        'She told me "don\'t tell your mum".',
        "Cheers hun, see you at the review",
        "She has come on so much since the last review ❤️",
        "Message me on WhatsApp if the bus is late.",
    ],
)
def test_ordinary_professional_messages(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    ("sent_at", "flagged"),
    [
        (datetime(2024, 3, 1, 23, 30), True),
        (datetime(2024, 3, 1, 6, 59), True),
        (datetime(2024, 3, 1, 7, 0), False),
        (datetime(2024, 3, 1, 21, 59), False),
        (datetime(2024, 7, 1, 21, 30, tzinfo=UTC), True),
    ],
)
def test_unusual_hours(sent_at, flagged):
    findings = screen("See you tomorrow.", sent_at=sent_at).of("boundary")
    assert bool(findings) is flagged
    if flagged:
        assert (findings[0].start, findings[0].end) == (0, 0)
