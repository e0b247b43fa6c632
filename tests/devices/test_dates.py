from datetime import date

import pytest

from safecomms.devices.dates import add_months, working_days_between


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
    ],
)
def test_add_months(day, months, expected) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 3, 6), date(2026, 3, 9), 1),  # Friday to Monday
        (date(2026, 3, 2), date(2026, 3, 4), 2),  # Monday to Wednesday
        (date(2026, 3, 2), date(2026, 3, 16), 10),
        (date(2026, 3, 7), date(2026, 3, 8), 0),  # a weekend
        (date(2026, 3, 9), date(2026, 3, 2), 0),
    ],
)
def test_working_days_between(start, end, expected) -> None:
    assert working_days_between(start, end) == expected
