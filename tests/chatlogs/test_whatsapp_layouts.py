"""Every export layout the parser must read, written out as real exports look."""

from __future__ import annotations

from datetime import datetime

import pytest

from safecomms.chatlogs import ChatLogError, parse_whatsapp_text
from safecomms.chatlogs.whatsapp.parser import parse_whatsapp_records

LRM = "\u200e"
NNBSP = "\u202f"
NBSP = "\u00a0"


def only(text: str, **kwargs: str) -> tuple:
    records, _ = parse_whatsapp_records(text, **kwargs)  # type: ignore[arg-type]
    assert len(records) == 1, records
    return records[0][:5]


@pytest.mark.parametrize(
    ("line", "timestamp"),
    [
        ("12/01/2024, 09:05 - Sam: hi", "2024-01-12T09:05:00"),
        ("12/01/24, 09:05 - Sam: hi", "2024-01-12T09:05:00"),
        ("1/25/24, 9:05 PM - Sam: hi", "2024-01-25T21:05:00"),
        (f"1/25/24, 9:05{NNBSP}PM - Sam: hi", "2024-01-25T21:05:00"),
        ("12/01/2024, 9:05 am - Sam: hi", "2024-01-12T09:05:00"),
        ("12/01/2024, 12:05 am - Sam: hi", "2024-01-12T00:05:00"),
        ("12/01/2024, 12:05 pm - Sam: hi", "2024-01-12T12:05:00"),
        (f"12/1/24, 9:05{NBSP}p.{NBSP}m. - Sam: hi", "2024-01-12T21:05:00"),
        ("12/1/24, 9:05 a. m. - Sam: hi", "2024-01-12T09:05:00"),
        ("12.01.24, 09:05 - Sam: hi", "2024-01-12T09:05:00"),
        ("12-01-2024 09:05 - Sam: hi", "2024-01-12T09:05:00"),
        ("12/01/2024 09:05 - Sam: hi", "2024-01-12T09:05:00"),
        ("2024-01-12, 09:05 - Sam: hi", "2024-01-12T09:05:00"),
        ("[12/01/2024, 09:05:33] Sam: hi", "2024-01-12T09:05:33"),
        ("[12/01/2024, 09:05] Sam: hi", "2024-01-12T09:05:00"),
        (f"[1/25/24, 9:05:33{NNBSP}PM] Sam: hi", "2024-01-25T21:05:33"),
        ("[12.01.24, 09:05:33] Sam: hi", "2024-01-12T09:05:33"),
        ("[2024/01/12, 09:05:33] Sam: hi", "2024-01-12T09:05:33"),
        (f"{LRM}[12/01/2024, 09:05:33] Sam: hi", "2024-01-12T09:05:33"),
    ],
)
def test_reads_every_timestamp_layout(line: str, timestamp: str) -> None:
    assert only(line) == (timestamp, "Sam", "hi", "message", None)


def test_crlf_and_byte_order_mark() -> None:
    text = "\ufeff[12/01/2024, 09:05:33] Sam: one\r\ntwo  \r\n[12/01/2024, 09:06:00] Jo: three\r\n"
    records, _ = parse_whatsapp_records(text.replace("\r\n", "\n"))
    assert [r[2] for r in records] == ["one\ntwo", "three"]


def test_multi_line_message_keeps_inner_newlines_and_line_numbers() -> None:
    text = "12/01/2024, 09:05 - Sam: first\nsecond\n\nthird   \n12/01/2024, 09:06 - Jo: next\n"
    export = parse_whatsapp_text(text)
    assert [m.text for m in export.messages] == ["first\nsecond\n\nthird", "next"]
    assert [m.line for m in export.messages] == [1, 5]
    assert export.messages[0].timestamp == datetime(2024, 1, 12, 9, 5)


def test_timestamp_lookalike_in_other_layout_stays_text() -> None:
    text = (
        "[12/01/2024, 09:05:33] Sam: forwarded:\n"
        "12/01/2024, 08:00 - Jo: old message\n"
        "[12/01/2024, 09:06:00] Jo: ok\n"
    )
    records, _ = parse_whatsapp_records(text)
    assert len(records) == 2
    assert records[0][2] == "forwarded:\n12/01/2024, 08:00 - Jo: old message"


def test_android_system_lines_have_no_sender() -> None:
    text = (
        "12/01/2024, 09:00 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"
        '12/01/2024, 09:00 - Sam created group "Family"\n'
        "12/01/2024, 09:01 - Sam added Jo\n"
    )
    records, _ = parse_whatsapp_records(text)
    assert [(r[1], r[3]) for r in records] == [(None, "system")] * 3


def test_ios_system_lines_carry_the_chat_name_but_are_system() -> None:
    text = (
        f"[12/01/2024, 09:00:00] Family Group: {LRM}Messages and calls are end-to-end encrypted.\n"
        f'{LRM}[12/01/2024, 09:00:01] Family Group: {LRM}Sam created group "Family Group"\n'
        f"{LRM}[12/01/2024, 09:00:02] Family Group: {LRM}You added Jo\n"
        f"{LRM}[12/01/2024, 09:00:03] Family Group: {LRM}Jo left\n"
    )
    records, _ = parse_whatsapp_records(text)
    assert [r[1:4] for r in records] == [
        (None, "Messages and calls are end-to-end encrypted.", "system"),
        (None, 'Sam created group "Family Group"', "system"),
        (None, "You added Jo", "system"),
        (None, "Jo left", "system"),
    ]


@pytest.mark.parametrize(
    ("body", "text", "kind", "attachment"),
    [
        ("<Media omitted>", "", "media", None),
        (f"{LRM}image omitted", "", "media", None),
        (f"{LRM}sticker omitted", "", "media", None),
        (f"{LRM}GIF omitted", "", "media", None),
        (f"{LRM}Contact card omitted", "", "media", None),
        (
            f"{LRM}<attached: 00000012-PHOTO-2024-01-12-09-00-00.jpg>",
            "",
            "media",
            "00000012-PHOTO-2024-01-12-09-00-00.jpg",
        ),
        (
            f"Look at this {LRM}<attached: 00000013-PHOTO-2024-01-12-09-00-00.jpg>",
            "Look at this",
            "media",
            "00000013-PHOTO-2024-01-12-09-00-00.jpg",
        ),
        ("IMG-20240112-WA0001.jpg (file attached)", "", "media", "IMG-20240112-WA0001.jpg"),
        (
            "IMG-20240112-WA0001.jpg (file attached)\nour new sofa",
            "our new sofa",
            "media",
            "IMG-20240112-WA0001.jpg",
        ),
        (f"{LRM}IMG-20240112-WA0002.jpg (file attached)", "", "media", "IMG-20240112-WA0002.jpg"),
        ("Jo Bloggs.vcf (file attached)", "", "media", "Jo Bloggs.vcf"),
        ("STK-20240112-WA0003.webp (file attached)", "", "media", "STK-20240112-WA0003.webp"),
        (f"Report.pdf • 3 pages {LRM}document omitted", "", "media", "Report.pdf"),
        ("location: https://maps.google.com/?q=51.5,-0.12", "", "media", None),
        (f"{LRM}Location: https://maps.google.com/?q=51.5,-0.12", "", "media", None),
        ("This message was deleted", "", "deleted", None),
        ("You deleted this message", "", "deleted", None),
        (f"{LRM}This message was deleted.", "", "deleted", None),
        ("see you then <This message was edited>", "see you then", "message", None),
        (f"see you then {LRM}<This message was edited>", "see you then", "message", None),
        ("", "", "message", None),
        (f"a {LRM}mark{LRM} and \u200fanother", "a mark and another", "message", None),
        ("<Something new omitted>", "<Something new omitted>", "message", None),
        ("call me (after 6)", "call me (after 6)", "message", None),
    ],
)
def test_message_kinds(body: str, text: str, kind: str, attachment: str | None) -> None:
    assert only(f"[12/01/2024, 09:05:33] Sam: {body}") == (
        "2024-01-12T09:05:33",
        "Sam",
        text,
        kind,
        attachment,
    )


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("~ Jo Bloggs", "Jo Bloggs"),
        (f"~{NNBSP}Jo Bloggs", "Jo Bloggs"),
        (f"~{NBSP}Jo Bloggs", "Jo Bloggs"),
        (f"{LRM}Jo{LRM}", "Jo"),
        ("\u202a+44 7700 900123\u202c", "+44 7700 900123"),
        ("\u2068Jo\u2069", "Jo"),
    ],
)
def test_sender_cleaning(raw: str, clean: str) -> None:
    assert only(f"12/01/2024, 09:05 - {raw}: hi")[1] == clean


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("<Medien ausgeschlossen>", "media"),
        ("Diese Nachricht wurde gelöscht", "deleted"),
        ("<Multimedia omitido>", "media"),
        ("Se eliminó este mensaje.", "deleted"),
        ("Eliminaste este mensaje.", "deleted"),
        ("<Mídia oculta>", "media"),
        ("Esta mensagem foi apagada", "deleted"),
        ("<Médias omis>", "media"),
        ("Ce message a été supprimé", "deleted"),
        ("<Pominięto multimedia>", "media"),
        ("Ta wiadomość została usunięta", "deleted"),
        ("<Media lipsă>", "media"),
        ("Acest mesaj a fost șters", "deleted"),
        ("<تم استبعاد الوسائط>", "media"),
        ("تم حذف هذه الرسالة", "deleted"),
        ("<میڈیا چھوڑ دیا گیا>", "media"),
        ("<ਮੀਡੀਆ ਛੱਡਿਆ>", "media"),
    ],
)
def test_markers_in_other_languages(body: str, kind: str) -> None:
    result = only(f"12.01.24, 09:05 - Sam: {body}")
    assert result[2:4] == ("", kind)


@pytest.mark.parametrize(
    ("body", "attachment", "caption"),
    [
        ("PTT-20250318-WA0002.opus (Datei angehängt)", "PTT-20250318-WA0002.opus", ""),
        ("IMG-20240112-WA0001.jpg (archivo adjunto)\nmira", "IMG-20240112-WA0001.jpg", "mira"),
        ("IMG-20240112-WA0001.jpg (plik załączony)", "IMG-20240112-WA0001.jpg", ""),
        ("IMG-20240112-WA0001.jpg (arquivo anexado)", "IMG-20240112-WA0001.jpg", ""),
        ("IMG-20240112-WA0001.jpg (fichier joint)", "IMG-20240112-WA0001.jpg", ""),
        ("IMG-20240112-WA0001.jpg (an unknown language)", "IMG-20240112-WA0001.jpg", ""),
        (
            f"{LRM}<adjunto: 00000005-VIDEO-2025-01-08-13-48-18.mp4>",
            "00000005-VIDEO-2025-01-08-13-48-18.mp4",
            "",
        ),
        (
            f"{LRM}<Anhang: 00000012-PHOTO-2024-01-12-09-00-00.jpg>",
            "00000012-PHOTO-2024-01-12-09-00-00.jpg",
            "",
        ),
    ],
)
def test_localised_attachments(body: str, attachment: str, caption: str) -> None:
    result = only(f"12.01.24, 09:05 - Sam: {body}")
    assert result[2:] == (caption, "media", attachment)


def test_edited_marker_in_other_languages() -> None:
    assert only("12/1/24, 9:05 - Sam: hola <Se editó este mensaje.>")[2] == "hola"
    assert only("12.01.24, 09:05 - Sam: hallo <Diese Nachricht wurde bearbeitet>")[2] == "hallo"


def test_arabic_digits_comma_and_clock() -> None:
    line = "\u200f[١٥/٠٩/٢٠٢٦، ٨:٤٦:٠٠ م] دانة: مرحبا"
    assert only(line) == ("2026-09-15T20:46:00", "دانة", "مرحبا", "message", None)


class TestDateOrder:
    AMBIGUOUS = "03/04/2024, 09:05 - Sam: hi\n"

    def test_ambiguous_file_is_day_first(self) -> None:
        assert only(self.AMBIGUOUS)[0] == "2024-04-03T09:05:00"

    def test_explicit_order_wins(self) -> None:
        assert only(self.AMBIGUOUS, date_order="mdy")[0] == "2024-03-04T09:05:00"

    def test_whole_file_decides_month_first(self) -> None:
        text = self.AMBIGUOUS + "03/25/2024, 09:05 - Sam: later\n"
        records, _ = parse_whatsapp_records(text)
        assert [r[0][:10] for r in records] == ["2024-03-04", "2024-03-25"]

    def test_whole_file_decides_day_first(self) -> None:
        text = self.AMBIGUOUS + "25/03/2024, 09:05 - Sam: later\n"
        records, _ = parse_whatsapp_records(text)
        assert [r[0][:10] for r in records] == ["2024-04-03", "2024-03-25"]

    def test_unreadable_date_names_its_line(self) -> None:
        text = self.AMBIGUOUS + "line two\n25/03/2024, 09:05 - Sam: later\n"
        with pytest.raises(ChatLogError, match="line 3"):
            parse_whatsapp_records(text, date_order="mdy")

    def test_impossible_date_names_its_line(self) -> None:
        with pytest.raises(ChatLogError, match="line 2"):
            parse_whatsapp_records(self.AMBIGUOUS + "31/02/2024, 09:05 - Sam: no\n")

    def test_year_first_ignores_the_option(self) -> None:
        assert only("2024-01-12, 09:05 - Sam: hi", date_order="mdy")[0] == "2024-01-12T09:05:00"

    def test_two_digit_years_are_this_century(self) -> None:
        assert only("12/01/99, 09:05 - Sam: hi")[0] == "2099-01-12T09:05:00"


def test_not_an_export() -> None:
    with pytest.raises(ChatLogError, match="not a WhatsApp chat export"):
        parse_whatsapp_text("just some notes\nabout a meeting\n")


def test_preamble_before_first_message_is_skipped_with_correct_lines() -> None:
    export = parse_whatsapp_text("note\n12/01/2024, 09:05 - Sam: hi\n")
    assert export.messages[0].line == 2


def test_truncation_warnings() -> None:
    lines = "".join(f"12/01/2024, 09:05 - Sam: message {i}\n" for i in range(40_000))
    assert any("40000" in warning for warning in parse_whatsapp_text(lines).warnings)
    cut = "12/01/2024, 09:05 - Sam: hi\n12/01/20"
    assert any("middle of a line" in warning for warning in parse_whatsapp_text(cut).warnings)
    assert parse_whatsapp_text("12/01/2024, 09:05 - Sam: hi\n").warnings == []
