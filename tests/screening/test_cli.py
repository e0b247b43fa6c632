"""`safecomms screen`: the published command-line contract."""

import os
import subprocess
import sys
import tempfile

import orjson
import pytest

from safecomms.screening.cli import _collect, main
from safecomms.screening.people import empty_gazetteer


def _run(*arguments, stdin=b""):
    return subprocess.run(
        [sys.executable, "-m", "safecomms.cli", "screen", *arguments],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=120,
    )


def test_stdin_to_stdout_in_order():
    stdin = (
        b'{"id": "a", "text": "Hi Jayden, c u l8r", "channel": "whatsapp"}\n'
        b'{"id": "b", "text": "Nothing to see here."}\n\n'
    )
    completed = _run(stdin=stdin)
    assert completed.returncode == 0, completed.stderr
    lines = [orjson.loads(line) for line in completed.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert {f["category"] for f in lines[0]["findings"]} == {"person", "text_speak"}
    assert lines[1]["findings"] == []
    assert set(lines[0]) >= {"id", "findings", "redacted", "channel_verdict"}
    finding = lines[0]["findings"][0]
    assert set(finding) == {"category", "start", "end", "rule", "severity", "message"}


def test_people_file_names_the_register(tmp_path):
    people = tmp_path / "people.json"
    people.write_bytes(b'[{"name": "Keziah Mbeki", "role": "child", "aliases": ["Kez"]}]')
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": "1", "text": "kez was happy"}\n')
    target = tmp_path / "out.jsonl"
    completed = _run("--people", str(people), "--input", str(source), "--output", str(target))
    assert completed.returncode == 0, completed.stderr
    [line] = [orjson.loads(raw) for raw in target.read_bytes().splitlines()]
    assert [(f["category"], f["start"], f["end"]) for f in line["findings"]] == [("person", 0, 3)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"id": "1", "text": "ok"}\n{"id": "2", "text": ', "line 2: not valid JSON"),
        (b'{"text": "no id"}\n', 'line 1: "id" must be a string'),
        (b'{"id": "1"}\n', 'line 1: "text" must be a string'),
        (b'{"id": "1", "text": 5}\n', 'line 1: "text" must be a string'),
        (b'{"id": "1", "text": "x", "channel": "fax"}\n', 'line 1: "channel" must be one of'),
        (b'{"id": "1", "text": "x", "channel": ["sms"]}\n', 'line 1: "channel" must be one of'),
        (b'{"id": "1", "text": "x", "sent_at": "yesterday"}\n', 'line 1: "sent_at" is not'),
        (b"[1, 2]\n", "line 1: expected a JSON object"),
    ],
)
def test_malformed_lines_stop_with_status_2_and_write_nothing(tmp_path, content, message):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(content)
    completed = _run("--input", str(source), "--output", str(target))
    assert completed.returncode == 2
    assert message in completed.stderr.decode()
    assert "Traceback" not in completed.stderr.decode()
    assert len(completed.stderr.decode().strip().splitlines()) == 1
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_malformed_input_on_stdout_writes_nothing():
    completed = _run(stdin=b'{"id": "1", "text": "fine"}\nnot json\n')
    assert completed.returncode == 2
    assert completed.stdout == b""


@pytest.mark.parametrize(
    "people",
    [
        b"not json",
        b'{"name": "x"}',
        b'[{"name": "", "role": "child"}]',
        b'[{"name": "A B", "role": "pilot"}]',
        b'[{"name": "A B", "role": "child", "aliases": "x"}]',
    ],
)
def test_bad_people_file(tmp_path, capsys, people):
    path = tmp_path / "people.json"
    path.write_bytes(people)
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": "1", "text": "x"}\n')
    assert main(["--people", str(path), "--input", str(source)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "people" in captured.err


def test_missing_input_file(tmp_path, capsys):
    assert main(["--input", str(tmp_path / "nope.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_unknown_option_is_a_usage_error(capsys):
    assert main(["--bogus"]) == 2


def _mixed_input(count: int) -> bytes:
    texts = [
        "Hi Jayden, c u l8r",
        "Call me on 07700 900123 x",
        "Nothing to see here.",
        "don't tell your mum about this",
        "@Sam can you do the s47 visit",
        "DOB 12/03/2011, NHS 943 476 5919",
    ]
    lines = []
    for number in range(count):
        lines.append(orjson.dumps({"id": str(number), "text": texts[number % len(texts)]}))
        if number % 7 == 0:
            lines.append(b"")  # blank lines are skipped, but still count as input lines
    return b"\n".join(lines) + b"\n"


def test_workers_give_the_same_output_as_one_process(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(_mixed_input(60))
    outputs = {}
    for jobs in ("1", "3"):
        target = tmp_path / f"out-{jobs}.jsonl"
        completed = _run("--input", str(source), "--output", str(target), "--jobs", jobs)
        assert completed.returncode == 0, completed.stderr
        outputs[jobs] = target.read_bytes()
    assert outputs["3"] == outputs["1"]
    assert [orjson.loads(line)["id"] for line in outputs["3"].splitlines()] == [
        str(number) for number in range(60)
    ]


def test_with_workers_the_first_malformed_line_is_the_one_reported(tmp_path):
    lines = _mixed_input(30).splitlines()
    lines[25], lines[13] = b'{"id": 1, "text": "x"}', b"not json"
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    completed = _run("--input", str(source), "--output", str(target), "--jobs", "3")
    assert completed.returncode == 2
    assert completed.stderr.decode().strip() == "safecomms screen: line 14: not valid JSON"
    assert not target.exists()


@pytest.mark.parametrize("jobs", ["0", "-2", "two"])
def test_jobs_must_be_a_positive_whole_number(capsys, jobs):
    assert main(["--jobs", jobs]) == 2
    assert "--jobs: must be a whole number of 1 or more" in capsys.readouterr().err


def test_a_worker_that_fails_has_its_lines_screened_by_the_main_process(tmp_path):
    run = ([b'{"id": "a", "text": "lol"}\n'], 1)
    with tempfile.TemporaryFile() as spool:
        child = os.fork()
        if child == 0:  # pragma: no cover - the failing worker
            os._exit(1)
        [line] = _collect(child, spool, run, empty_gazetteer())
    assert orjson.loads(line)["findings"][0]["category"] == "text_speak"
