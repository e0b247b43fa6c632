"""Give naive export times their zone, including across the clock changes.

WhatsApp writes the phone's wall-clock time with no zone. Around the autumn change the hour
01:00-02:00 happens twice in the UK, and in spring 01:00-02:00 never happens. Message order
settles the first: a later message at an earlier wall time within the repeated hour means the
clocks have gone back (``fold=1``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from safecomms.chatlogs.errors import ChatLogError
from safecomms.chatlogs.models import ChatMessage

DEFAULT_ZONE = "Europe/London"


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ChatLogError(f"unknown time zone {name!r}") from None


def is_ambiguous(naive: datetime, zone: str = DEFAULT_ZONE) -> bool:
    """True if ``naive`` falls in the repeated hour when the clocks go back."""
    tz = _zone(zone)
    return (
        naive.replace(tzinfo=tz, fold=0).utcoffset() != naive.replace(tzinfo=tz, fold=1).utcoffset()
    )


def is_missing(naive: datetime, zone: str = DEFAULT_ZONE) -> bool:
    """True if ``naive`` falls in the hour skipped when the clocks go forward."""
    tz = _zone(zone)
    aware = naive.replace(tzinfo=tz)
    round_trip = aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    return round_trip != naive


def localise(naive: datetime, zone: str = DEFAULT_ZONE, fold: int = 0) -> datetime:
    """Attach ``zone`` to a naive wall-clock time and return an aware datetime.

    In the repeated autumn hour ``fold`` picks the first (0) or second (1) occurrence. A time in
    the spring gap cannot have been shown by a phone set to ``zone``; it is read with the offset
    in force before the change (so 01:30 becomes 02:30 summer time), never an error.
    """
    if naive.tzinfo is not None:
        raise ValueError("localise expects a naive datetime")
    tz = _zone(zone)
    aware = naive.replace(tzinfo=tz, fold=fold)
    if is_missing(naive, zone):
        offset = aware.utcoffset() or timedelta(0)
        return (naive - offset).replace(tzinfo=UTC).astimezone(tz)
    return aware


def localise_sequence(times: Iterable[datetime], zone: str = DEFAULT_ZONE) -> list[datetime]:
    """Localise wall-clock times given in message order, resolving the repeated autumn hour.

    Within the repeated hour a time earlier than the one before it means the clocks went back;
    from then on the rest of that hour is the second occurrence.
    """
    result: list[datetime] = []
    previous: datetime | None = None
    previous_fold = 0
    for naive in times:
        fold = 0
        if is_ambiguous(naive, zone) and previous is not None and is_ambiguous(previous, zone):
            same_night = naive.date() == previous.date()
            if same_night and (previous_fold == 1 or naive < previous):
                fold = 1
        result.append(localise(naive, zone, fold))
        previous, previous_fold = naive, fold
    return result


def localise_messages(messages: Iterable[ChatMessage], zone: str = DEFAULT_ZONE) -> list[datetime]:
    """Aware timestamps for messages in file order (see :func:`localise_sequence`)."""
    return localise_sequence((message.timestamp for message in messages), zone)
