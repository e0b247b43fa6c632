"""SMS backups, e-mail and time zones."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from safecomms.chatlogs import (
    ChatLogError,
    iter_mbox,
    localise,
    localise_sequence,
    parse_eml,
    parse_sms_backup,
)

SMS = b"""<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="3">
  <sms protocol="0" address="+447700900123" date="1705050000000" type="1"
       body="Hi &#55357;&#56832; bad&#0;char" readable_date="12 Jan 2024"
       contact_name="Jo Bloggs" />
  <sms address="+447700900123" date="1705050060000" type="2" body="Reply"
       contact_name="(Unknown)" />
  <mms date="1705050120000" msg_box="1" address="+447700900124" contact_name="Sam">
    <parts>
      <part seq="-1" ct="application/smil" text="&lt;smil/&gt;" />
      <part seq="0" ct="text/plain" text="Photo from today" />
      <part seq="1" ct="image/png" cl="pic.png" data="iVBORw0KGgo=" />
    </parts>
    <addrs><addr address="+447700900124" type="137" /></addrs>
  </mms>
</smses>
"""


def test_sms_backup_with_bad_references() -> None:
    messages = parse_sms_backup(SMS)
    assert [m.direction for m in messages] == ["inbound", "outbound", "inbound"]
    assert messages[0].text == "Hi \U0001f600 bad\ufffdchar"
    assert messages[0].timestamp == datetime(2024, 1, 12, 9, 0, tzinfo=UTC)
    assert messages[0].contact_name == "Jo Bloggs"
    assert messages[1].contact_name is None
    assert messages[2].text == "Photo from today"
    assert messages[2].attachments[0].name == "pic.png"
    assert messages[2].attachments[0].data.startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><smses>&a;</smses>',
        b"<smses><sms date='x' /></smses>",
        b"<html></html>",
        b"not xml at all",
        b"\xff\xfe\x00",
    ],
)
def test_sms_backup_refusals(data: bytes) -> None:
    with pytest.raises(ChatLogError):
        parse_sms_backup(data)


def _email(html: bool = False) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Jo Bloggs <jo@example.org>"
    message["To"] = "Worker <worker@council.gov.uk>, other@example.org"
    message["Cc"] = "manager@council.gov.uk"
    message["Subject"] = "=?utf-8?q?Visit_=E2=80=93_Friday?="
    message["Date"] = "Fri, 12 Jan 2024 09:00:00 +0000"
    if html:
        message.set_content(
            "<html><body><p>Hello <b>there</b></p><script>x()</script></body></html>",
            subtype="html",
        )
    else:
        message.set_content("Hello there\n")
        message.add_alternative("<p>ignored</p>", subtype="html")
    message.add_attachment(
        b"%PDF-1.4 data", maintype="application", subtype="pdf", filename="plan.pdf"
    )
    return message


def test_eml() -> None:
    record = parse_eml(bytes(_email()))
    assert record.sender == "Jo Bloggs <jo@example.org>"
    assert len(record.to) == 2
    assert record.cc == ("manager@council.gov.uk",)
    assert record.subject == "Visit \u2013 Friday"
    assert record.date == datetime(2024, 1, 12, 9, 0, tzinfo=UTC)
    assert record.body == "Hello there"
    assert [(a.name, a.content_type, a.size) for a in record.attachments] == [
        ("plan.pdf", "application/pdf", 13)
    ]


def test_eml_html_only_is_stripped() -> None:
    assert parse_eml(bytes(_email(html=True))).body == "Hello there"


def test_mbox(tmp_path: Path) -> None:
    path = tmp_path / "box.mbox"
    body = b"".join(
        b"From jo@example.org Fri Jan 12 09:00:00 2024\n" + bytes(_email()) + b"\n"
        for _ in range(2)
    )
    path.write_bytes(body)
    assert [r.subject for r in iter_mbox(path)] == ["Visit \u2013 Friday"] * 2


def test_empty_eml() -> None:
    with pytest.raises(ChatLogError):
        parse_eml(b"   ")


def test_autumn_fold_follows_message_order() -> None:
    walls = [
        datetime(2024, 10, 27, h, m)
        for h, m in ((0, 50), (1, 10), (1, 50), (1, 5), (1, 20), (2, 5))
    ]
    offsets = [t.utcoffset().total_seconds() / 3600 for t in localise_sequence(walls)]  # type: ignore[union-attr]
    assert offsets == [1, 1, 1, 0, 0, 0]
    instants = [t.astimezone(UTC) for t in localise_sequence(walls)]
    assert instants == sorted(instants)


def test_spring_gap_moves_forward() -> None:
    assert localise(datetime(2024, 3, 31, 1, 30)).isoformat() == "2024-03-31T02:30:00+01:00"


def test_unknown_zone() -> None:
    with pytest.raises(ChatLogError):
        localise(datetime(2024, 1, 1), "Mars/Olympus")
