"""National Insurance numbers: only prefixes HMRC issues, spaced or not."""

import pytest

from safecomms.screening import screen


@pytest.mark.parametrize("written", ["AB123456C", "AB 12 34 56 C", "ab 123456 d", "JG 10 37 59 A"])
def test_valid_ni_numbers(written):
    result = screen(f"Her NI number is {written}.")
    assert [result.text[f.start : f.end] for f in result.of("ni_number")] == [written]


@pytest.mark.parametrize(
    "written",
    [
        "QQ 12 34 56 C",
        "DA123456A",
        "AO123456B",
        "GB123456A",
        "NK123456A",
        "ZZ123456A",
        "AB123456E",
        "TN 12 34 56 A",
    ],
)
def test_reserved_or_invalid_prefixes_and_suffixes(written):
    assert screen(f"NI: {written}").of("ni_number") == []
