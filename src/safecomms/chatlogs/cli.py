"""``safecomms chat parse FILE [--output OUT.jsonl] [--date-order dmy|mdy|auto]``.

One JSON line per message, in file order. Any problem with the input (not an export, a hostile
archive, an unreadable date) exits with status 2 and a one-line error, and writes no output:
a file output is written to a temporary file and renamed only on success.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

import orjson

from safecomms.chatlogs.errors import ChatLogError
from safecomms.chatlogs.whatsapp.files import split_whatsapp_file

if TYPE_CHECKING:
    import argparse

    from safecomms.chatlogs.whatsapp.parser import Columns, OutputColumns, Record, SplitExport

EXIT_BAD_INPUT = 2
_BLOCK_BYTES = 1 << 20
# Exports with more messages than this are built and written by two processes (where fork
# exists): the second half by a child into its own temporary file, appended once both are done.
_PARALLEL_MESSAGES = 50_000


def _parser() -> argparse.ArgumentParser:
    import argparse  # only when the command runs

    parser = argparse.ArgumentParser(prog="safecomms chat", description="Read chat exports.")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser(
        "parse", help="turn a WhatsApp export (.txt or .zip) into one JSON line per message"
    )
    parse.add_argument("file", metavar="FILE", help="the export: a .txt or the .zip WhatsApp made")
    parse.add_argument(
        "--output",
        "-o",
        default="-",
        metavar="OUT.jsonl",
        help="where to write (default: standard output)",
    )
    parse.add_argument(
        "--date-order",
        choices=("dmy", "mdy", "auto"),
        default="auto",
        help="day-first or month-first dates; auto decides from the whole file (default)",
    )
    return parser


def render_jsonl(records: list[Record]) -> bytes:
    """Serialise records as JSON lines in the command's documented shape."""
    columns = tuple(list(column) for column in zip(*records, strict=True))[:5]
    return render_columns(cast("Columns", columns or ([], [], [], [], [])))


def render_columns(columns: Columns) -> bytes:
    """Serialise parsed columns as JSON lines in the command's documented shape."""
    chunks: list[bytes] = []
    _write_jsonl(columns, chunks.append)
    return b"".join(chunks)


def _write_jsonl(columns: OutputColumns, write: Callable[[bytearray], object]) -> None:
    """Serialise ``columns`` into ``write`` a block of about a megabyte at a time.

    A block is one ``bytearray`` that orjson's output is appended to; writing as we go keeps a
    large export's output from ever being whole in memory (or copied).
    """
    dumps = orjson.dumps
    newline = orjson.OPT_APPEND_NEWLINE
    block = bytearray()
    for timestamp, sender, text, kind, attachment in zip(*columns, strict=True):
        block += dumps(
            {
                "timestamp": timestamp,
                "sender": sender,
                "text": text,
                "kind": kind,
                "attachment": attachment,
            },
            option=newline,
        )
        if len(block) >= _BLOCK_BYTES:
            write(block)
            block = bytearray()
    if block:
        write(block)


def _open_temporary(path: str, suffix: str) -> tuple[str, int]:
    directory, name = os.path.split(path)
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    # A unique name without importing tempfile (which costs start-up time on every run).
    for attempt in range(100):
        temporary = os.path.join(directory, f".{name}.{os.getpid()}.{attempt}{suffix}.tmp")
        try:
            return temporary, os.open(temporary, flags, 0o600)
        except FileExistsError:
            continue
    raise FileExistsError(f"cannot create a temporary file beside {path!r}")


def _write_all(handle: int) -> Callable[[bytearray], object]:
    def write(block: bytearray) -> None:
        view = memoryview(block)
        while view:
            view = view[os.write(handle, view) :]

    return write


def _write_split(split: SplitExport, handle: int, second: tuple[str, int] | None) -> None:
    """Write every message to ``handle``; with ``second``, a child writes the second half there.

    The parent builds and writes the first half meanwhile, then appends the child's file. If the
    child fails for any reason the parent builds the second half itself, so output never differs.
    """
    count = len(split)
    if second is None:
        _write_jsonl(split.columns(0, count), _write_all(handle))
        return
    half = count // 2
    child = os.fork()
    if child == 0:  # pragma: no cover - the child leaves through os._exit
        status = 1
        try:
            _write_jsonl(split.columns(half, count), _write_all(second[1]))
            status = 0
        finally:
            os._exit(status)
    _write_jsonl(split.columns(0, half), _write_all(handle))
    _, status = os.waitpid(child, 0)
    if status != 0:
        _write_jsonl(split.columns(half, count), _write_all(handle))
        return
    size, offset = os.fstat(second[1]).st_size, 0
    while offset < size:
        data = os.pread(second[1], min(_BLOCK_BYTES * 8, size - offset), offset)
        if not data:
            break
        _write_all(handle)(bytearray(data))
        offset += len(data)


def _write_atomically(path: str, split: SplitExport) -> None:
    """Write the JSON lines to a new file beside ``path``, then rename it over ``path``."""
    temporary, handle = _open_temporary(path, "")
    second: tuple[str, int] | None = None
    try:
        if len(split) > _PARALLEL_MESSAGES and hasattr(os, "fork"):
            second = _open_temporary(path, ".part")
        _write_split(split, handle, second)
        os.close(handle)
        handle = -1
        os.replace(temporary, path)
    except BaseException:
        if handle >= 0:
            os.close(handle)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    finally:
        if second is not None:
            os.close(second[1])
            with contextlib.suppress(OSError):
                os.unlink(second[0])


def _parse_command(file: str, output: str, date_order: str) -> int:
    # Parsing and writing build millions of short-lived objects and no cycles; the cyclic
    # collector would only rescan them over and over.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_and_write(file, output, date_order)
    finally:
        if was_enabled:
            gc.enable()


def _parse_and_write(file: str, output: str, date_order: str) -> int:
    try:
        split, warnings = split_whatsapp_file(file, date_order)  # type: ignore[arg-type]
    except ChatLogError as error:
        sys.stderr.write(f"safecomms chat parse: error: {error.message}\n")
        return EXIT_BAD_INPUT
    try:
        if output == "-":
            sys.stdout.flush()
            _write_jsonl(split.columns(0, len(split)), sys.stdout.buffer.write)
            sys.stdout.buffer.flush()
        else:
            _write_atomically(output, split)
    except OSError as error:
        sys.stderr.write(
            f"safecomms chat parse: error: cannot write {output!r}: {error.strerror}\n"
        )
        return 1
    for warning in warnings:
        sys.stderr.write(f"safecomms chat parse: warning: {warning}\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``safecomms chat ...``; ``argv`` starts at the subcommand (``parse``)."""
    try:
        arguments = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exit_:
        return int(exit_.code or 0) if not isinstance(exit_.code, str) else EXIT_BAD_INPUT
    return _parse_command(arguments.file, arguments.output, arguments.date_order)


if __name__ == "__main__":
    raise SystemExit(main())
