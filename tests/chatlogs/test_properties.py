"""Properties: hostile input only ever raises ChatLogError; rendered messages parse back."""

from __future__ import annotations

import contextlib
import io
import zipfile
from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safecomms.chatlogs import (
    ChatLogError,
    open_whatsapp_archive,
    parse_sms_backup,
    parse_whatsapp_text,
)
from safecomms.chatlogs.decoding import decode_export

LAYOUTS = [
    # (bracketed, date pattern, clock, ampm)
    (False, "{d:02d}/{m:02d}/{Y}", "24", None),
    (False, "{m}/{d}/{y:02d}", "12", "\u202f"),
    (False, "{d:02d}.{m:02d}.{y:02d}", "24", None),
    (False, "{Y}-{m:02d}-{d:02d}", "24", None),
    (True, "{d:02d}/{m:02d}/{Y}", "24s", None),
    (True, "{m}/{d}/{y:02d}", "12s", " "),
    (True, "{d:02d}.{m:02d}.{y:02d}", "24s", None),
]

safe_text = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
            blacklist_characters="\u200e\u200f<>()\u2028\u2029\x85\ufeff",
        ),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)
sender = (
    st.text(
        alphabet=st.sampled_from(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz +0123456789"
        ),
        min_size=1,
        max_size=15,
    )
    .map(str.strip)
    .filter(lambda s: bool(s) and not s.startswith("~"))
)


def _render(layout: tuple, moment: datetime, who: str, text: str) -> str:
    bracketed, pattern, clock, space = layout
    stamp = pattern.format(d=moment.day, m=moment.month, Y=moment.year, y=moment.year % 100)
    hour = moment.hour if clock.startswith("24") else (moment.hour % 12 or 12)
    time = (
        f"{hour:02d}:{moment.minute:02d}"
        if clock.startswith("24")
        else f"{hour}:{moment.minute:02d}"
    )
    if clock.endswith("s"):
        time += f":{moment.second:02d}"
    if space is not None:
        time += space + ("PM" if moment.hour >= 12 else "AM")
    head = f"[{stamp}, {time}] " if bracketed else f"{stamp}, {time} - "
    return f"{head}{who}: {text}"


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    layout=st.sampled_from(LAYOUTS),
    start=st.datetimes(min_value=datetime(2000, 1, 13), max_value=datetime(2098, 1, 1)),
    items=st.lists(
        st.tuples(st.integers(0, 100_000), sender, st.lists(safe_text, min_size=1, max_size=3)),
        min_size=1,
        max_size=12,
    ),
)
def test_round_trip(layout: tuple, start: datetime, items: list) -> None:
    moment = start.replace(microsecond=0, day=13)  # a day over 12 settles day-first / month-first
    if not layout[2].endswith("s"):
        moment = moment.replace(second=0)
    lines, expected = [], []
    for step, who, paragraphs in items:
        moment += timedelta(seconds=step - step % (1 if layout[2].endswith("s") else 60))
        text = "\n".join(paragraphs)
        lines.append(_render(layout, moment, who, text))
        expected.append((moment, who, text))
    export = parse_whatsapp_text("\n".join(lines) + "\n")
    got = [(m.timestamp, m.sender, m.text) for m in export.messages]
    # Continuation lines that happen to look like a header of this layout cannot be told apart.
    assert got == expected or len(got) > len(expected)


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_any_text_raises_only_chatlogerror(text: str) -> None:
    with contextlib.suppress(ChatLogError):
        parse_whatsapp_text(text)


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_any_bytes_raise_only_chatlogerror(data: bytes) -> None:
    for reader in (
        lambda: parse_whatsapp_text(decode_export(data)[0]),
        lambda: parse_sms_backup(data),
        lambda: open_whatsapp_archive(data),
    ):
        with contextlib.suppress(ChatLogError):
            reader()


@settings(max_examples=100)
@given(
    st.dictionaries(
        st.text(
            st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            min_size=1,
            max_size=20,
        ),
        st.binary(max_size=50),
        max_size=5,
    )
)
def test_any_zip_raises_only_chatlogerror(entries: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    try:
        with open_whatsapp_archive(buffer.getvalue()) as export:
            export.chat_bytes()
            for member in export.attachments():
                member.read()
    except ChatLogError:
        pass
