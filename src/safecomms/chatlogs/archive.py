"""Open the ``.zip`` that WhatsApp's "Export chat" makes, refusing anything hostile.

An upload is untrusted. Before any member is read we check the whole archive: sizes (zip bombs
by total size and by compression ratio), the number of entries, paths that would escape a folder,
symbolic links, encrypted members and archives inside the archive. Reads are capped again while
decompressing, because the sizes a zip declares can lie. Every refusal is a :class:`ChatLogError`
with a message the uploader can act on.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

import filetype

from safecomms.chatlogs.errors import ChatLogError

_MB = 1024 * 1024
_READ_BLOCK = 1 * _MB
_NESTED_ARCHIVE_SUFFIXES = (
    ".zip",
    ".rar",
    ".7z",
    ".tar",
    ".gz",
    ".tgz",
    ".bz2",
    ".xz",
    ".zst",
    ".jar",
    ".apk",
    ".cab",
)
_ARCHIVE_MAGIC = (
    b"PK\x03\x04",
    b"Rar!\x1a\x07",
    b"7z\xbc\xaf\x27\x1c",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
)
_OFFICE_SUFFIXES = (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp")
_DRIVE = re.compile(r"^[A-Za-z]:")
_CHAT_NAME = re.compile(
    r"(?:_chat|(?:WhatsApp[ _]Chat[ _](?:with|-|mit)|Chat[ _]de[ _]WhatsApp[ _]con|"
    r"Conversa[ _](?:do|no)[ _]WhatsApp[ _]com|Discussion[ _]WhatsApp[ _]avec|"
    "Chat[ _]WhatsApp[ _]con|\u0427\u0430\u0442[ _]WhatsApp[ _]\u0441)[ _].+)\\.txt",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    """Upper bounds for an uploaded export archive; the defaults fit any real export."""

    max_archive_bytes: int = 2048 * _MB
    max_total_bytes: int = 4096 * _MB
    max_member_bytes: int = 1024 * _MB
    max_chat_bytes: int = 512 * _MB
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 1 * _MB
    max_entries: int = 20_000


def detect_content_type(data: bytes) -> str:
    """Name a file's type from its first bytes, never from its name (which the sender chose)."""
    kind = filetype.guess(data[:8192])
    if kind is not None:
        return str(kind.mime)
    try:
        data[:8192].decode("utf-8")
    except UnicodeDecodeError:
        return "application/octet-stream"
    return "text/plain"


def _refuse_path(name: str) -> str | None:
    if "\\" in name:
        return "uses backslashes"
    if name.startswith("/") or _DRIVE.match(name):
        return "is an absolute path"
    if "\x00" in name:
        return "contains a NUL character"
    if ".." in PurePosixPath(name).parts:
        return "leaves its folder"
    return None


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    limit = min(cap, info.file_size)
    buffer = io.BytesIO()
    try:
        with archive.open(info) as member:
            while True:
                block = member.read(_READ_BLOCK)
                if not block:
                    break
                buffer.write(block)
                if buffer.tell() > limit:
                    raise ChatLogError(
                        f"the archive member {info.filename!r} is larger than it claims or allowed"
                    )
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as error:
        raise ChatLogError(f"the archive member {info.filename!r} is damaged ({error})") from None
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class AttachmentMember:
    """A media file inside an export archive: its path, declared size and a capped reader."""

    name: str
    size: int
    _archive: WhatsAppArchive

    def read(self, cap: int | None = None) -> bytes:
        """Return the member's bytes, failing if it decompresses past ``cap`` or its own size."""
        return self._archive._read_member(self.name, cap)

    def content_type(self) -> str:
        """Detect the content type from the member's first bytes."""
        return detect_content_type(self._archive._read_member(self.name, None, head=8192))


class WhatsAppArchive:
    """A checked export archive: its chat text plus the media files beside it.

    Open it with :func:`open_whatsapp_archive`; every member has passed the checks by then.
    """

    def __init__(self, source: str | os.PathLike[str] | IO[bytes], limits: ArchiveLimits) -> None:
        self._limits = limits
        self._bytes_read = 0
        try:
            self._zip = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise ChatLogError("this file is not a readable .zip archive") from None
        try:
            self._members = self._check_members()
            self.chat_name = self._find_chat()
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> WhatsAppArchive:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the underlying file."""
        self._zip.close()

    def _check_members(self) -> dict[str, zipfile.ZipInfo]:
        limits = self._limits
        infos = self._zip.infolist()
        if len(infos) > limits.max_entries:
            raise ChatLogError(
                f"the archive has {len(infos)} entries; at most {limits.max_entries} are allowed"
            )
        members: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            problem = _refuse_path(name)
            if problem is not None:
                raise ChatLogError(f"the archive entry {name!r} {problem}; the archive was refused")
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise ChatLogError(
                    f"the archive entry {name!r} is a symbolic link; the archive was refused"
                )
            if info.flag_bits & 0x1:
                raise ChatLogError(
                    f"the archive entry {name!r} is encrypted; "
                    "export the chat again without a password"
                )
            if info.is_dir():
                continue
            if name.lower().endswith(_NESTED_ARCHIVE_SUFFIXES):
                raise ChatLogError(
                    f"the archive contains another archive ({name!r}); the archive was refused"
                )
            if name in members:
                raise ChatLogError(f"the archive names {name!r} twice; the archive was refused")
            if info.file_size > limits.max_member_bytes:
                raise ChatLogError(f"the archive entry {name!r} is too large to import")
            if (
                info.file_size > limits.ratio_floor_bytes
                and info.file_size > limits.max_ratio * max(info.compress_size, 1)
            ):
                ratio = info.file_size // max(info.compress_size, 1)
                raise ChatLogError(
                    f"the archive entry {name!r} expands {ratio} times: "
                    "this looks like a zip bomb and was refused"
                )
            total += info.file_size
            if total > limits.max_total_bytes:
                raise ChatLogError(
                    "the archive expands to more than the allowed total size; it was refused"
                )
            members[name] = info
        return members

    def _find_chat(self) -> str:
        candidates = [
            name for name in self._members if _CHAT_NAME.fullmatch(PurePosixPath(name).name)
        ]
        if not candidates:
            texts = [name for name in self._members if name.lower().endswith(".txt")]
            candidates = texts if len(texts) == 1 else []
        if len(candidates) != 1:
            raise ChatLogError(
                "this archive is not a WhatsApp export: it has no single chat file "
                "(_chat.txt or 'WhatsApp Chat with ….txt')"
            )
        return candidates[0]

    def _read_member(self, name: str, cap: int | None, head: int | None = None) -> bytes:
        info = self._members.get(name)
        if info is None:
            raise ChatLogError(f"the archive has no member {name!r}")
        if head is not None:
            try:
                with self._zip.open(info) as member:
                    return member.read(min(head, info.file_size))
            except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as error:
                raise ChatLogError(f"the archive member {name!r} is damaged ({error})") from None
        limit = (
            self._limits.max_member_bytes
            if cap is None
            else min(cap, self._limits.max_member_bytes)
        )
        data = _read_capped(self._zip, info, limit)
        self._bytes_read += len(data)
        if self._bytes_read > self._limits.max_total_bytes:
            raise ChatLogError(
                "the archive expands to more than the allowed total size; it was refused"
            )
        if data.startswith(_ARCHIVE_MAGIC) and not name.lower().endswith(_OFFICE_SUFFIXES):
            raise ChatLogError(
                f"the archive contains another archive ({name!r}); the archive was refused"
            )
        return data

    def chat_bytes(self) -> bytes:
        """The chat text file's bytes, read under the chat size limit."""
        return self._read_member(self.chat_name, self._limits.max_chat_bytes)

    def attachments(self) -> Iterator[AttachmentMember]:
        """The media files that passed the checks, in archive order (the chat file excluded)."""
        for name, info in self._members.items():
            if name != self.chat_name:
                yield AttachmentMember(name=name, size=info.file_size, _archive=self)


def open_whatsapp_archive(
    source: str | os.PathLike[str] | bytes | IO[bytes], limits: ArchiveLimits | None = None
) -> WhatsAppArchive:
    """Open and check an export archive from a path, bytes or a binary file object."""
    limits = limits or ArchiveLimits()
    if isinstance(source, bytes):
        size, handle = len(source), io.BytesIO(source)
        if size > limits.max_archive_bytes:
            raise ChatLogError("the archive is larger than the allowed upload size")
        return WhatsAppArchive(handle, limits)
    if isinstance(source, (str, os.PathLike)):
        try:
            size = os.path.getsize(source)
        except OSError as error:
            raise ChatLogError(f"cannot open {os.fspath(source)!r}: {error.strerror}") from None
        if size > limits.max_archive_bytes:
            raise ChatLogError("the archive is larger than the allowed upload size")
        return WhatsAppArchive(source, limits)
    size = source.seek(0, os.SEEK_END)
    source.seek(0)
    if size > limits.max_archive_bytes:
        raise ChatLogError("the archive is larger than the allowed upload size")
    return WhatsAppArchive(source, limits)
