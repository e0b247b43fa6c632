"""`safecomms screen`: screen JSON lines from a file or standard input.

    safecomms screen [--people PEOPLE.json] [--input IN.jsonl] [--output OUT.jsonl]

Each input line is `{"id": str, "text": str, "channel"?: "whatsapp|sms|email|teams",
"sent_at"?: ISO 8601}`; each output line is `{"id", "findings": [...], "redacted",
"channel_verdict"}` in input order. Lines that are empty or only white space are skipped (a
trailing newline or a blank line between records is not a record). A malformed line stops the run
with exit status 2 and a one-line error naming the line; nothing is written, because results are
collected in memory and written only once every line has been read.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import orjson

from safecomms.screening.engine import screen
from safecomms.screening.findings import Channel
from safecomms.screening.people import ROLES, Gazetteer, Person

EXIT_BAD_INPUT = 2
_CHANNELS = {channel.value for channel in Channel}


class InputError(Exception):
    """Input the command cannot use; the message is shown to the user as it is."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="safecomms screen",
        description="Check messages for client-identifiable data and conduct risks.",
    )
    parser.add_argument("--people", type=Path, help="JSON list of the case register's people")
    parser.add_argument("--input", type=Path, help="JSON lines to screen (default: stdin)")
    parser.add_argument("--output", type=Path, help="where to write results (default: stdout)")
    return parser


def load_people(path: Path) -> list[Person]:
    """Read PEOPLE.json: a list of {"name", "role", "aliases"?} objects."""
    try:
        data = orjson.loads(path.read_bytes())
    except OSError as error:
        raise InputError(f"{path}: cannot read the people file ({error.strerror})") from None
    except orjson.JSONDecodeError as error:
        raise InputError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a JSON list of people")
    people = []
    for number, entry in enumerate(data, start=1):
        where = f"{path}: person {number}"
        if not isinstance(entry, dict):
            raise InputError(f"{where}: expected an object")
        name, role, aliases = entry.get("name"), entry.get("role"), entry.get("aliases", [])
        if not isinstance(name, str) or not name.strip():
            raise InputError(f'{where}: "name" must be a non-empty string')
        if role not in ROLES:
            raise InputError(f'{where}: "role" must be one of {", ".join(sorted(ROLES))}')
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise InputError(f'{where}: "aliases" must be a list of strings')
        people.append(Person(name=name, role=role, aliases=tuple(aliases)))
    return people


def _parse_sent_at(value: Any, line_number: int) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f'line {line_number}: "sent_at" must be an ISO 8601 string')
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            f'line {line_number}: "sent_at" is not an ISO 8601 time: {value!r}'
        ) from None


def _screen_line(raw: bytes, line_number: int, gazetteer: Gazetteer) -> bytes:
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise InputError(f"line {line_number}: not valid JSON") from None
    if not isinstance(record, dict):
        raise InputError(f"line {line_number}: expected a JSON object")
    record_id, text = record.get("id"), record.get("text")
    if not isinstance(record_id, str):
        raise InputError(f'line {line_number}: "id" must be a string')
    if not isinstance(text, str):
        raise InputError(f'line {line_number}: "text" must be a string')
    channel = record.get("channel")
    if channel is not None and channel not in _CHANNELS:
        raise InputError(
            f'line {line_number}: "channel" must be one of {", ".join(sorted(_CHANNELS))}'
        )
    sent_at = _parse_sent_at(record.get("sent_at"), line_number)
    result = screen(text, channel=channel, sent_at=sent_at, gazetteer=gazetteer)
    verdict = result.channel_verdict
    output = {
        "id": record_id,
        "findings": [finding.as_dict() for finding in result.findings],
        "redacted": result.redacted(),
        "channel_verdict": verdict.as_dict() if verdict else None,
    }
    try:
        return orjson.dumps(output) + b"\n"
    except orjson.JSONEncodeError:
        raise InputError(f"line {line_number}: text cannot be written as JSON") from None


def screen_lines(source: IO[bytes], gazetteer: Gazetteer) -> list[bytes]:
    """Screen every record; raise InputError on the first malformed line."""
    results = []
    for line_number, raw in enumerate(source, start=1):
        if not raw.strip():
            continue
        results.append(_screen_line(raw, line_number, gazetteer))
    return results


def _write_atomically(path: Path, lines: list[bytes]) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.writelines(lines)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main(argv: list[str]) -> int:
    """Run `safecomms screen`; returns the process exit status."""
    try:
        arguments = _parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        people = load_people(arguments.people) if arguments.people else []
        gazetteer = Gazetteer.from_people(people)
        if arguments.input is None:
            lines = screen_lines(sys.stdin.buffer, gazetteer)
        else:
            try:
                with arguments.input.open("rb") as source:
                    lines = screen_lines(source, gazetteer)
            except OSError as error:
                raise InputError(f"{arguments.input}: cannot read ({error.strerror})") from None
        if arguments.output is None:
            sys.stdout.buffer.writelines(lines)
            sys.stdout.buffer.flush()
        else:
            try:
                _write_atomically(arguments.output, lines)
            except OSError as error:
                raise InputError(f"{arguments.output}: cannot write ({error.strerror})") from None
    except InputError as error:
        sys.stderr.write(f"safecomms screen: {error}\n")
        return EXIT_BAD_INPUT
    return 0
