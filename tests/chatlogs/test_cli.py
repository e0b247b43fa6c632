"""`safecomms chat parse` through main() and as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from safecomms.chatlogs.cli import main

EXPORT = "12/01/2024, 09:05 - Sam: hi\nthere\n12/01/2024, 09:06 - Jo: <Media omitted>\n"


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "chat.txt"
    path.write_text(EXPORT, encoding="utf-8")
    return path


def test_main_writes_jsonl(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(export), "--output", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines == [
        {
            "timestamp": "2024-01-12T09:05:00",
            "sender": "Sam",
            "text": "hi\nthere",
            "kind": "message",
            "attachment": None,
        },
        {
            "timestamp": "2024-01-12T09:06:00",
            "sender": "Jo",
            "text": "",
            "kind": "media",
            "attachment": None,
        },
    ]


def test_main_bad_date_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("25/01/2024, 09:05 - Sam: hi\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(path), "--date-order", "mdy", "--output", str(out)]) == 2
    assert not out.exists()
    error = capsys.readouterr().err
    assert "line 1" in error
    assert "Traceback" not in error
    assert error.count("\n") == 1


def test_main_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "/no/such/file.txt"]) == 2
    assert capsys.readouterr().out == ""


def test_main_usage_error() -> None:
    assert main(["frobnicate"]) == 2


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safecomms.cli", "chat", "parse", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_process_stdout(export: Path) -> None:
    done = _run(str(export))
    assert done.returncode == 0
    assert [json.loads(line)["sender"] for line in done.stdout.splitlines()] == ["Sam", "Jo"]
    done = _run(str(export), "--output", "-")
    assert done.returncode == 0
    assert done.stdout.count("\n") == 2


def test_process_not_an_export(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello\n", encoding="utf-8")
    done = _run(str(path), "--output", str(tmp_path / "out.jsonl"))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_process_hostile_zip(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_chat.txt", EXPORT)
        archive.writestr("../escape.jpg", b"x")
    done = _run(str(path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "leaves its folder" in done.stderr


def test_process_warns_on_cut_short_file(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(EXPORT + "12/01/20", encoding="utf-8")
    done = _run(str(path))
    assert done.returncode == 0
    assert "warning" in done.stderr


@pytest.mark.parametrize("time", ["29:00", "10:61", "24:30"])
def test_an_impossible_time_is_a_clear_error_not_a_crash(
    time: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from safecomms.chatlogs import ChatLogError, parse_whatsapp_text

    text = f"12/03/2024, 09:00 - Jo: morning\n12/03/2024, {time} - Jo: hi\n"
    with pytest.raises(ChatLogError, match=f"line 2: the time '{time}' cannot be read"):
        parse_whatsapp_text(text)
    source, output = tmp_path / "chat.txt", tmp_path / "out.jsonl"
    source.write_text(text, encoding="utf-8")
    assert main(["parse", str(source), "--output", str(output)]) == 2
    assert "line 2: the time" in capsys.readouterr().err
    assert not output.exists()


def test_large_exports_written_by_two_processes_match_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above a size threshold a child process writes the second half; the output must not
    change. The threshold is lowered here so a small export takes that path."""
    import safecomms.chatlogs.cli as chat_cli

    lines = ["12/03/2024, 09:00 - Messages and calls are end-to-end encrypted."]
    for number in range(301):
        sender = "Jo Bloggs" if number % 2 else "Kai"
        body = f"message {number}" + ("\nsecond line" if number % 7 == 0 else "")
        if number % 11 == 0:
            body = "<Media omitted>"
        lines.append(f"12/03/2024, {9 + number // 60:02d}:{number % 60:02d} - {sender}: {body}")
    source = tmp_path / "chat.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    single, double = tmp_path / "single.jsonl", tmp_path / "double.jsonl"
    monkeypatch.setattr(chat_cli, "_PARALLEL_MESSAGES", 10**9)
    assert main(["parse", str(source), "--output", str(single)]) == 0
    monkeypatch.setattr(chat_cli, "_PARALLEL_MESSAGES", 0)
    assert main(["parse", str(source), "--output", str(double)]) == 0
    assert double.read_bytes() == single.read_bytes()
    assert len(single.read_text(encoding="utf-8").splitlines()) == 302
    assert not list(tmp_path.glob("*.tmp"))
