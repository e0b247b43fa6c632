"""`safecomms screen`: screen JSON lines from a file or standard input.

    safecomms screen [--people PEOPLE.json] [--input IN.jsonl] [--output OUT.jsonl] [--jobs N]

Each input line is `{"id": str, "text": str, "channel"?: "whatsapp|sms|email|teams",
"sent_at"?: ISO 8601}`; each output line is `{"id", "findings": [...], "redacted",
"channel_verdict"}` in input order. Lines that are empty or only white space are skipped (a
trailing newline or a blank line between records is not a record). A malformed line stops the run
with exit status 2 and a one-line error naming the line; nothing is written, because results are
collected in memory and written only once every line has been read.

Large inputs are shared between worker processes, one per available CPU (`--jobs` overrides):
each screens a contiguous run of lines and the results are joined in input order. A malformed
line is still reported as the first one in the file, and a worker that fails for any other reason
has its lines screened again by the main process, so the output never depends on the workers.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import IO, Any, BinaryIO

import orjson

from safecomms.files import write_atomically
from safecomms.screening.engine import screen
from safecomms.screening.findings import CHANNELS_BY_NAME
from safecomms.screening.people import ROLES, Gazetteer, Person

EXIT_BAD_INPUT = 2
LINES_PER_WORKER = 2_000
"""Below this many lines per process, starting a worker costs more than it saves."""


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
    parser.add_argument(
        "--jobs",
        type=_job_count,
        help="worker processes (default: one per CPU for inputs of "
        f"{2 * LINES_PER_WORKER:,} lines or more)",
    )
    return parser


def _job_count(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {value!r}")
    return jobs


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
    if channel is not None and (not isinstance(channel, str) or channel not in CHANNELS_BY_NAME):
        raise InputError(
            f'line {line_number}: "channel" must be one of {", ".join(sorted(CHANNELS_BY_NAME))}'
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


def _screen_run(lines: list[bytes], first_number: int, gazetteer: Gazetteer) -> list[bytes]:
    """Screen consecutive input lines, the first of which is line `first_number` of the input."""
    results = []
    for line_number, raw in enumerate(lines, start=first_number):
        if not raw.strip():
            continue
        results.append(_screen_line(raw, line_number, gazetteer))
    return results


def screen_lines(source: IO[bytes], gazetteer: Gazetteer, jobs: int | None = None) -> list[bytes]:
    """Screen every record; raise InputError naming the first malformed line.

    `jobs` is the number of processes to share the work between; None decides from the input's
    size and the CPUs available.
    """
    lines = source.readlines()
    if jobs is None:
        jobs = min(_available_cpus(), len(lines) // LINES_PER_WORKER)
    jobs = min(jobs, len(lines))
    if jobs <= 1 or not hasattr(os, "fork"):
        return _screen_run(lines, 1, gazetteer)
    size = -(-len(lines) // jobs)
    runs = [(lines[start : start + size], start + 1) for start in range(0, len(lines), size)]
    return _screen_in_workers(runs, gazetteer)


def _available_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


_RESULTS, _BAD_INPUT = b"R", b"E"


def _fork_worker(run: tuple[list[bytes], int], gazetteer: Gazetteer, spool: BinaryIO) -> int:
    """Fork a worker that screens `run` into `spool`: its results, or its input error."""
    child = os.fork()
    if child == 0:  # pragma: no cover - the worker leaves through os._exit
        status = 1
        try:
            try:
                results = _screen_run(*run, gazetteer)
                spool.write(_RESULTS)
                spool.writelines(results)
            except InputError as error:
                spool.write(_BAD_INPUT + str(error).encode())
            spool.flush()
            status = 0
        finally:
            os._exit(status)
    return child


def _screen_in_workers(runs: list[tuple[list[bytes], int]], gazetteer: Gazetteer) -> list[bytes]:
    """Screen the first run here and the others in forked workers; join the results in order."""
    screen("")  # load the rules once, before forking, so that every worker inherits them
    outcomes: list[list[bytes] | InputError] = []
    with contextlib.ExitStack() as spools:
        workers: list[tuple[int, BinaryIO]] = []
        try:
            for run in runs[1:]:
                spool = spools.enter_context(tempfile.TemporaryFile())
                workers.append((_fork_worker(run, gazetteer, spool), spool))
            try:
                outcomes.append(_screen_run(*runs[0], gazetteer))
            except InputError as error:
                outcomes.append(error)
            while workers:
                child, finished = workers.pop(0)
                outcomes.append(_collect(child, finished, runs[len(outcomes)], gazetteer))
        finally:
            for child, _spool in workers:
                with contextlib.suppress(OSError):
                    os.kill(child, signal.SIGTERM)
                    os.waitpid(child, 0)
    results: list[bytes] = []
    for outcome in outcomes:
        if isinstance(outcome, InputError):
            raise outcome
        results.extend(outcome)
    return results


def _collect(
    child: int, spool: BinaryIO, run: tuple[list[bytes], int], gazetteer: Gazetteer
) -> list[bytes] | InputError:
    """A worker's results or input error; if it failed otherwise, its run screened here instead."""
    _, status = os.waitpid(child, 0)
    spool.seek(0)
    kind, data = spool.read(1), spool.read()
    if status == 0 and kind == _RESULTS:
        return [data]
    if status == 0 and kind == _BAD_INPUT:
        return InputError(data.decode())
    try:
        return _screen_run(*run, gazetteer)
    except InputError as error:
        return error


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
            lines = screen_lines(sys.stdin.buffer, gazetteer, arguments.jobs)
        else:
            try:
                with arguments.input.open("rb") as source:
                    lines = screen_lines(source, gazetteer, arguments.jobs)
            except OSError as error:
                raise InputError(f"{arguments.input}: cannot read ({error.strerror})") from None
        if arguments.output is None:
            sys.stdout.buffer.writelines(lines)
            sys.stdout.buffer.flush()
        else:
            try:
                write_atomically(arguments.output, lines)
            except OSError as error:
                raise InputError(f"{arguments.output}: cannot write ({error.strerror})") from None
    except InputError as error:
        sys.stderr.write(f"safecomms screen: {error}\n")
        return EXIT_BAD_INPUT
    return 0
