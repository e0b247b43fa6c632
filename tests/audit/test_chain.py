"""Every way someone with database access might tamper with the trail is detected."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from safecomms.audit.chain import verify_chain
from safecomms.audit.checkpoint import write_checkpoint
from safecomms.audit.models import AuditEntry
from safecomms.audit.services import audit_event

pytestmark = pytest.mark.django_db


def test_empty_trail_verifies() -> None:
    result = verify_chain()

    assert (result.ok, result.entries_checked, result.first_broken_seq) == (True, 0, None)


def test_intact_trail_verifies_in_small_batches(record: Any) -> None:
    entries = record(7)

    result = verify_chain(chunk_size=2)

    assert result.ok, result.problem
    assert result.entries_checked == 7
    assert result.newest_seq == 7
    assert result.newest_occurred_at == entries[-1].occurred_at


FIELD_EDITS = {
    "occurred_at": lambda entry: entry.occurred_at + timedelta(microseconds=1),
    "actor_id": lambda entry: 999,
    "actor_label": lambda entry: "Someone Else <someone@council.example>",
    "action": lambda entry: "case.viewed",
    "target_type": lambda entry: "cases.child",
    "target_id": lambda entry: "12",
    "child_id": lambda entry: None,
    "changes": lambda entry: {"team": [None, 99]},
    "content_hashes": lambda entry: {"body": "0" * 64},
    "context": lambda entry: {"reason": "Routine check"},
    "prev_hash": lambda entry: "f" * 64,
    "entry_hash": lambda entry: "e" * 64,
}


@pytest.mark.parametrize("field", sorted(FIELD_EDITS))
@pytest.mark.parametrize("seq", [1, 3, 5])
def test_editing_any_field_of_any_entry_is_detected(
    record: Any, tamper: Any, field: str, seq: int
) -> None:
    entries = record(5)
    tamper.update(seq, **{field: FIELD_EDITS[field](entries[seq - 1])})

    result = verify_chain()

    assert not result.ok
    assert result.first_broken_seq == seq
    assert result.entries_checked == seq - 1
    assert result.problem == (f"Entry {seq} has been altered: its contents do not match its seal.")


def test_editing_by_sql_is_detected(record: Any, tamper: Any) -> None:
    record(4)
    tamper.sql("UPDATE {table} SET actor_label = %s WHERE seq = %s", ["Nobody", 2])

    assert verify_chain().first_broken_seq == 2


def test_deleting_an_entry_in_the_middle_is_detected(record: Any, tamper: Any) -> None:
    record(5)
    tamper.delete(3)

    result = verify_chain()

    assert (result.ok, result.first_broken_seq, result.entries_checked) == (False, 3, 2)
    assert result.problem == "Entry 3 is missing: the trail jumps from entry 2 to entry 4."


def test_deleting_the_first_entries_is_detected(record: Any, tamper: Any) -> None:
    record(5)
    tamper.delete(1, 2)

    result = verify_chain()

    assert result.first_broken_seq == 1
    assert result.problem == "Entries 1 to 2 are missing: the trail starts at entry 3."


def test_deleting_and_renumbering_is_detected(record: Any, tamper: Any) -> None:
    record(5)
    tamper.delete(3)
    tamper.update(4, seq=3)
    tamper.update(5, seq=4)

    assert verify_chain().first_broken_seq == 3


def test_inserting_a_forged_entry_in_the_middle_is_detected(
    record: Any, tamper: Any, settings: Any
) -> None:
    entries = record(5)
    tamper.shift_up_from(3)
    tamper.forge(
        settings,
        seq=3,
        occurred_at=entries[1].occurred_at,
        action="case.viewed",
        prev_hash=entries[1].entry_hash,
    )

    result = verify_chain()

    assert AuditEntry.objects.count() == 6
    assert (result.ok, result.first_broken_seq) == (False, 3)
    assert "altered" in result.problem


def test_appending_a_forged_entry_is_detected(record: Any, tamper: Any, settings: Any) -> None:
    entries = record(3)
    tamper.forge(
        settings,
        seq=4,
        occurred_at=entries[-1].occurred_at,
        action="case.closed",
        prev_hash=entries[-1].entry_hash,
    )

    assert verify_chain().first_broken_seq == 4


def test_copying_a_genuine_entry_into_another_place_is_detected(record: Any, tamper: Any) -> None:
    entries = record(4)
    genuine = AuditEntry.objects.get(seq=2)
    tamper.delete(3)
    copy = AuditEntry(
        **{
            field.attname: getattr(genuine, field.attname)
            for field in AuditEntry._meta.concrete_fields
            if field.attname not in {"id", "seq", "entry_hash"}
        },
        seq=3,
        entry_hash=entries[0].entry_hash[::-1],
    )
    copy.save(force_insert=True)

    assert verify_chain().first_broken_seq == 3


@pytest.mark.parametrize(("first", "second"), [(2, 4), (1, 2), (4, 5)])
def test_reordering_two_entries_is_detected(
    record: Any, tamper: Any, first: int, second: int
) -> None:
    record(5)
    tamper.swap(first, second)

    result = verify_chain()

    assert (result.ok, result.first_broken_seq) == (False, first)


def test_deleting_the_newest_entries_is_detected_by_the_checkpoint(
    record: Any, tamper: Any
) -> None:
    record(5)
    tamper.delete(4, 5)

    result = verify_chain()

    assert (result.ok, result.first_broken_seq, result.entries_checked) == (False, 4, 3)
    assert result.problem == (
        "Entries 4 to 5 have been removed from the end of the trail: the seal kept outside the "
        "database shows entry 5 was recorded."
    )


def test_deleting_every_entry_is_detected_by_the_checkpoint(record: Any, tamper: Any) -> None:
    record(2)
    tamper.delete(1, 2)

    result = verify_chain()

    assert (result.ok, result.first_broken_seq) == (False, 1)


def test_deleting_the_newest_entry_is_detected(record: Any, tamper: Any) -> None:
    record(3)
    tamper.delete(3)

    assert verify_chain().problem.startswith("Entry 3 has been removed from the end")


def test_tampered_checkpoint_is_reported(record: Any, checkpoint_file: Path) -> None:
    record(3)
    checkpoint_file.write_text(checkpoint_file.read_text().replace('"seq": 3', '"seq": 2'))

    result = verify_chain()

    assert (result.ok, result.first_broken_seq, result.entries_checked) == (False, None, 3)
    assert result.problem == (
        f"The seal kept outside the database ({checkpoint_file}) has been altered, or was not "
        "made with this system's audit key."
    )


def test_damaged_checkpoint_is_reported(record: Any, checkpoint_file: Path) -> None:
    record(2)
    checkpoint_file.write_text("{not json")

    result = verify_chain()

    assert not result.ok
    assert result.problem.endswith("is damaged and cannot be read.")


def test_missing_checkpoint_is_reported_when_entries_exist(
    record: Any, checkpoint_file: Path
) -> None:
    record(2)
    checkpoint_file.unlink()

    result = verify_chain()

    assert (result.ok, result.first_broken_seq) == (False, None)
    assert "is missing" in result.problem


def test_checkpoint_for_a_different_trail_is_detected(record: Any, checkpoint_file: Path) -> None:
    record(4)
    checkpoint_file.unlink()
    write_checkpoint(seq=3, entry_hash="a" * 64)

    result = verify_chain()

    assert (result.ok, result.first_broken_seq) == (False, 3)
    assert "restored from an older copy" in result.problem


def test_entries_newer_than_the_checkpoint_are_accepted(record: Any, checkpoint_file: Path) -> None:
    """Between a commit and its checkpoint write, the file is briefly behind the database."""
    record(4)
    checkpoint_file.unlink()
    write_checkpoint(seq=2, entry_hash=AuditEntry.objects.get(seq=2).entry_hash)

    result = verify_chain()

    assert result.ok, result.problem
    assert result.newest_seq == 4


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_stay_gapless(django_user_model: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need a server database")
    errors: list[BaseException] = []

    def append_many() -> None:
        try:
            for _ in range(10):
                audit_event(actor=None, action="case.viewed")
        except BaseException as error:  # reported below, on the test's own thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=append_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert list(AuditEntry.objects.values_list("seq", flat=True)) == list(range(1, 41))
    result = verify_chain()
    assert result.ok, result.problem
    assert result.entries_checked == 40


@pytest.mark.parametrize(
    ("stored", "problem"),
    [
        ("2024-13-45 10:00:00", "Entry 2 has been damaged: it can no longer be read."),
        ("yesterday", "Entry 2 has been altered: its contents do not match its seal."),
    ],
)
def test_unreadable_entry_is_reported(record: Any, tamper: Any, stored: str, problem: str) -> None:
    record(3)
    if connection.vendor != "sqlite":
        pytest.skip("only SQLite lets a timestamp column hold any text")
    tamper.sql("UPDATE {table} SET occurred_at = %s WHERE seq = %s", [stored, 2])

    result = verify_chain()

    assert (result.ok, result.first_broken_seq, result.problem) == (False, 2, problem)
