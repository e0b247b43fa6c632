"""``safecomms chat parse FILE [--output OUT.jsonl] [--date-order dmy|mdy|auto]``.

One JSON line per message, in file order. Any problem with the input (not an export, a hostile
archive, an unreadable date) exits with status 2 and a one-line error, and writes no output:
a file output is written to a temporary file and renamed only on success.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import orjson

from safecomms.chatlogs.errors import ChatLogError
from safecomms.chatlogs.whatsapp.files import parse_whatsapp_file_records
from safecomms.chatlogs.whatsapp.parser import Record

EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
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
    # One growing buffer: orjson's per-call buffers would otherwise fragment memory on big files.
    output = bytearray()
    dumps = orjson.dumps
    newline = orjson.OPT_APPEND_NEWLINE
    for ts, sender, text, kind, attachment, _line in records:
        output += dumps(
            {
                "timestamp": ts,
                "sender": sender,
                "text": text,
                "kind": kind,
                "attachment": attachment,
            },
            option=newline,
        )
    return bytes(output)


def _write_atomically(path: str, data: bytes) -> None:
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _parse_command(file: str, output: str, date_order: str) -> int:
    try:
        records, warnings = parse_whatsapp_file_records(file, date_order)  # type: ignore[arg-type]
    except ChatLogError as error:
        sys.stderr.write(f"safecomms chat parse: error: {error.message}\n")
        return EXIT_BAD_INPUT
    data = render_jsonl(records)
    try:
        if output == "-":
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            _write_atomically(output, data)
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
