"""Export archives: the normal case and every hostile shape we refuse."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest

from safecomms.chatlogs import (
    ArchiveLimits,
    ChatLogError,
    open_whatsapp_archive,
    parse_whatsapp_file,
)

CHAT = (
    "[12/01/2024, 09:05:33] Sam: hi\n"
    "[12/01/2024, 09:06:00] Sam: \u200e<attached: 00000001-PHOTO-2024-01-12-09-06-00.jpg>\n"
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def make_zip(entries: dict[str, bytes], **options: object) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_reads_chat_and_lists_media_with_detected_types(tmp_path: Path) -> None:
    data = make_zip({"_chat.txt": CHAT.encode(), "00000001-PHOTO-2024-01-12-09-06-00.jpg": PNG})
    path = tmp_path / "export.zip"
    path.write_bytes(data)
    export = parse_whatsapp_file(path)
    assert [m.kind for m in export.messages] == ["message", "media"]
    with open_whatsapp_archive(data) as archive:
        members = list(archive.attachments())
        assert [(m.name, m.size) for m in members] == [
            ("00000001-PHOTO-2024-01-12-09-06-00.jpg", len(PNG))
        ]
        assert members[0].content_type() == "image/png"
        assert members[0].read() == PNG
        with pytest.raises(ChatLogError):
            members[0].read(cap=10)


@pytest.mark.parametrize("name", ["WhatsApp Chat with Jo Bloggs.txt", "WhatsApp Chat - Family.txt"])
def test_android_chat_names(name: str) -> None:
    with open_whatsapp_archive(make_zip({name: CHAT.encode(), "IMG-1.jpg": PNG})) as archive:
        assert archive.chat_name == name


def test_utf16_chat_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "e.zip"
    path.write_bytes(make_zip({"_chat.txt": CHAT.encode("utf-16")}))
    assert len(parse_whatsapp_file(path).messages) == 2


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"_chat.txt": CHAT.encode(), "../evil.jpg": PNG}, "leaves its folder"),
        ({"_chat.txt": CHAT.encode(), "/etc/passwd": PNG}, "absolute"),
        ({"_chat.txt": CHAT.encode(), "C:/evil.jpg": PNG}, "absolute"),
        ({"_chat.txt": CHAT.encode(), "media\\evil.jpg": PNG}, "backslashes"),
        ({"_chat.txt": CHAT.encode(), "inner.zip": b"PK\x03\x04"}, "another archive"),
        ({"notes.doc": b"hello", "other.doc": b"x"}, "not a WhatsApp export"),
        ({"_chat.txt": b"\x00" * 2_000_000}, "zip bomb"),
    ],
)
def test_refuses_hostile_archives(entries: dict[str, bytes], message: str) -> None:
    with pytest.raises(ChatLogError, match=message):
        open_whatsapp_archive(make_zip(entries))


def test_refuses_total_size_bomb() -> None:
    entries = {"_chat.txt": CHAT.encode()} | {
        f"IMG-{i}.jpg": bytes(range(256)) * 400 for i in range(5)
    }
    with pytest.raises(ChatLogError, match="total size"):
        open_whatsapp_archive(make_zip(entries), ArchiveLimits(max_total_bytes=300_000))


def test_refuses_too_many_entries() -> None:
    entries = {"_chat.txt": CHAT.encode()} | {f"IMG-{i}.jpg": b"x" for i in range(30)}
    with pytest.raises(ChatLogError, match="entries"):
        open_whatsapp_archive(make_zip(entries), ArchiveLimits(max_entries=20))


def test_refuses_symlinks() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("_chat.txt", CHAT)
        link = zipfile.ZipInfo("IMG-1.jpg")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    with pytest.raises(ChatLogError, match="symbolic link"):
        open_whatsapp_archive(buffer.getvalue())


def test_refuses_encrypted_entries() -> None:
    data = bytearray(make_zip({"_chat.txt": CHAT.encode()}))
    # Set the "encrypted" flag bit in both the local header and the central directory entry.
    data[6] |= 1
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1
    with pytest.raises(ChatLogError, match="encrypted"):
        open_whatsapp_archive(bytes(data))


def test_nested_archive_detected_by_content() -> None:
    inner = make_zip({"x.txt": b"x"})
    with open_whatsapp_archive(
        make_zip({"_chat.txt": CHAT.encode(), "IMG-1.jpg": inner})
    ) as archive:
        member = next(archive.attachments())
        with pytest.raises(ChatLogError, match="another archive"):
            member.read()


def test_not_a_zip_and_not_text(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(ChatLogError):
        parse_whatsapp_file(path)
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ChatLogError):
        parse_whatsapp_file(binary)
