"""Political statements: voting advice, opinions on parties, politicians and government policy."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Make sure you vote Labour on Thursday!",
        "The Tories are useless.",
        "Starmer has no idea what he is doing.",
        "Universal credit is cruel and the government don't care.",
        "Get the Tories out.",
        "I can't stand Farage.",
    ],
)
def test_political_statements(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "The council's housing team will call you.",
        "We can meet at the polling station car park.",
        "Mum went into labour last night.",
        "I can help with your universal credit claim.",
        "The general election is on Thursday so the school is closed.",
    ],
)
def test_neutral_mentions_are_not_political(found, text):
    assert found(text, "political") == []
