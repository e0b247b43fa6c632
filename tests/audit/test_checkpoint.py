from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from safecomms.audit.checkpoint import (
    CheckpointError,
    checkpoint_newest_committed,
    read_checkpoint,
    write_checkpoint,
)


def test_no_file_means_no_checkpoint(checkpoint_file: Path) -> None:
    assert read_checkpoint() is None
    assert not checkpoint_file.parent.exists()


def test_written_checkpoint_reads_back(checkpoint_file: Path) -> None:
    assert write_checkpoint(seq=3, entry_hash="c" * 64)

    checkpoint = read_checkpoint()

    assert checkpoint is not None
    assert (checkpoint.seq, checkpoint.entry_hash) == (3, "c" * 64)
    assert checkpoint.written_at.endswith("+00:00")
    assert [path.name for path in checkpoint_file.parent.iterdir() if path.suffix == ".tmp"] == []


def test_checkpoint_never_moves_backwards(checkpoint_file: Path) -> None:
    write_checkpoint(seq=5, entry_hash="5" * 64)

    assert not write_checkpoint(seq=4, entry_hash="4" * 64)
    assert not write_checkpoint(seq=5, entry_hash="f" * 64)
    assert read_checkpoint().entry_hash == "5" * 64  # type: ignore[union-attr]
    assert write_checkpoint(seq=6, entry_hash="6" * 64)
    assert read_checkpoint().seq == 6  # type: ignore[union-attr]


def test_checkpoint_file_is_private(checkpoint_file: Path) -> None:
    write_checkpoint(seq=1, entry_hash="1" * 64)

    assert os.stat(checkpoint_file).st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda data: data | {"seq": data["seq"] + 1}, "has been altered"),
        (lambda data: data | {"entry_hash": "0" * 64}, "has been altered"),
        (lambda data: data | {"seal": "0" * 64}, "has been altered"),
        (lambda data: {key: data[key] for key in data if key != "seal"}, "is damaged"),
        (lambda data: data | {"seq": "3"}, "is damaged"),
    ],
)
def test_tampered_checkpoint_is_refused(checkpoint_file: Path, edit: Any, message: str) -> None:
    write_checkpoint(seq=3, entry_hash="3" * 64)
    checkpoint_file.write_text(json.dumps(edit(json.loads(checkpoint_file.read_text()))))

    with pytest.raises(CheckpointError, match=message):
        read_checkpoint()


def test_checkpoint_made_with_another_key_is_refused(checkpoint_file: Path, settings: Any) -> None:
    write_checkpoint(seq=3, entry_hash="3" * 64)
    settings.AUDIT_HMAC_KEY = "another key"

    with pytest.raises(CheckpointError, match="not made with this system's audit key"):
        read_checkpoint()


def test_tampered_checkpoint_is_kept_as_evidence(checkpoint_file: Path) -> None:
    write_checkpoint(seq=3, entry_hash="3" * 64)
    tampered = checkpoint_file.read_text().replace('"seq": 3', '"seq": 1')
    checkpoint_file.write_text(tampered)

    assert not write_checkpoint(seq=4, entry_hash="4" * 64)
    assert checkpoint_file.read_text() == tampered


@pytest.mark.django_db
def test_commit_hook_records_the_head(record: Any) -> None:
    entries = record(3)

    checkpoint = read_checkpoint()

    assert checkpoint is not None
    assert (checkpoint.seq, checkpoint.entry_hash) == (3, entries[-1].entry_hash)


@pytest.mark.django_db
def test_commit_hook_does_nothing_before_the_first_entry(checkpoint_file: Path) -> None:
    checkpoint_newest_committed()

    assert not checkpoint_file.exists()


@pytest.mark.django_db
def test_commit_hook_logs_rather_than_fails_when_the_file_cannot_be_written(
    record: Any, checkpoint_file: Path, settings: Any, caplog: Any
) -> None:
    blocker = checkpoint_file.parent.parent / "not-a-directory"
    blocker.write_text("")
    settings.AUDIT_CHECKPOINT_PATH = blocker / "audit-checkpoint.json"

    record(1)

    assert "could not be written" in caplog.text
