"""`safecomms screen`: the published command-line contract."""

import subprocess
import sys

import orjson
import pytest

from safecomms.screening.cli import main


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
