"""The hash chain that makes the audit trail tamper-evident, and its verification.

Each entry's seal is an HMAC over its own fields, its number and the previous entry's seal. Change
any field, remove, insert or reorder entries, and a seal stops matching; cut entries off the end,
and the checkpoint kept outside the database (see `checkpoint.py`) no longer matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from safecomms.audit.checkpoint import Checkpoint, CheckpointError, checkpoint_path, read_checkpoint
from safecomms.audit.models import AuditEntry
from safecomms.audit.sealing import GENESIS_HASH, canonical_json, hashes_match, keyed_hash


def utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def compute_entry_hash(entry: AuditEntry) -> str:
    """The seal an entry should carry, from every field but the seal itself."""
    fields = {
        "seq": entry.seq,
        "occurred_at": utc_iso(entry.occurred_at),
        "actor_id": entry.actor_id,
        "actor_label": entry.actor_label,
        "action": entry.action,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "child_id": entry.child_id,
        "changes": entry.changes,
        "content_hashes": entry.content_hashes,
        "context": entry.context,
        "prev_hash": entry.prev_hash,
    }
    return keyed_hash("entry", canonical_json(fields))


@dataclass(frozen=True)
class VerificationResult:
    ok: bool
    entries_checked: int
    first_broken_seq: int | None
    problem: str
    newest_seq: int | None = None
    newest_occurred_at: datetime | None = None


def _entries(first: int, last: int) -> str:
    return f"Entry {first:,}" if first == last else f"Entries {first:,} to {last:,}"


def _check_link(entry: AuditEntry, expected_seq: int, prev_hash: str) -> tuple[int, str] | None:
    """The first problem with one entry, as (broken seq, explanation), or None."""
    if entry.seq > expected_seq:
        missing = _entries(expected_seq, entry.seq - 1)
        verb = "is" if entry.seq - 1 == expected_seq else "are"
        where = (
            f"the trail starts at entry {entry.seq:,}"
            if expected_seq == 1
            else f"the trail jumps from entry {expected_seq - 1:,} to entry {entry.seq:,}"
        )
        return expected_seq, f"{missing} {verb} missing: {where}."
    if entry.seq < expected_seq:
        return entry.seq, f"Entry {entry.seq:,} is out of place: numbering must start at 1."
    try:
        sealed = hashes_match(compute_entry_hash(entry), entry.entry_hash)
    except (AttributeError, TypeError, ValueError):
        sealed = False
    if not sealed:
        return entry.seq, (
            f"Entry {entry.seq:,} has been altered: its contents do not match its seal."
        )
    if not hashes_match(entry.prev_hash, prev_hash):
        before = "the start of the trail" if entry.seq == 1 else f"entry {entry.seq - 1:,}"
        return entry.seq, (
            f"Entry {entry.seq:,} does not follow on from {before}: an entry before it has "
            "been removed, replaced or moved."
        )
    return None


def _check_checkpoint(
    checkpoint: Checkpoint | None, newest_seq: int, sealed_hash: str | None
) -> tuple[int | None, str] | None:
    """Compare the end of the chain with the checkpoint kept outside the database."""
    if checkpoint is None:
        if newest_seq == 0:
            return None
        return None, (
            f"The seal kept outside the database ({checkpoint_path()}) is missing, so nobody "
            "can confirm that the newest entries are all still here."
        )
    if checkpoint.seq > newest_seq:
        removed = _entries(newest_seq + 1, checkpoint.seq)
        verb = "has" if newest_seq + 1 == checkpoint.seq else "have"
        return newest_seq + 1, (
            f"{removed} {verb} been removed from the end of the trail: the seal kept outside "
            f"the database shows entry {checkpoint.seq:,} was recorded."
        )
    if sealed_hash is None or not hashes_match(sealed_hash, checkpoint.entry_hash):
        return checkpoint.seq, (
            f"Entry {checkpoint.seq:,} is not the entry sealed outside the database: the trail "
            "has been rebuilt or restored from an older copy."
        )
    return None


def verify_chain(*, chunk_size: int = 2000) -> VerificationResult:
    """Walk every entry in order, in batches, and check numbering, seals, links and checkpoint."""
    # Read the checkpoint first: entries committed during the walk are newer than it, never older.
    checkpoint_problem = ""
    try:
        checkpoint = read_checkpoint()
    except CheckpointError as error:
        checkpoint, checkpoint_problem = None, str(error)
    checkpoint_seq = checkpoint.seq if checkpoint else None

    checked, expected_seq, prev_hash = 0, 1, GENESIS_HASH
    newest: AuditEntry | None = None
    hash_at_checkpoint: str | None = None
    entries = AuditEntry.objects.order_by("seq")
    # One pass in batches; if a batch holds a row the database cannot convert back (a value
    # edited into nonsense), walk again from there one row at a time to name that entry.
    for retrying, batch_size in ((False, chunk_size), (True, 1)):
        walk = entries.filter(seq__gte=expected_seq) if retrying else entries
        try:
            for entry in walk.iterator(chunk_size=batch_size):
                broken = _check_link(entry, expected_seq, prev_hash)
                if broken is not None:
                    return VerificationResult(False, checked, broken[0], broken[1])
                if entry.seq == checkpoint_seq:
                    hash_at_checkpoint = entry.entry_hash
                checked, newest = checked + 1, entry
                expected_seq, prev_hash = entry.seq + 1, entry.entry_hash
            break
        except (TypeError, ValueError):
            if retrying:
                problem = f"Entry {expected_seq:,} has been damaged: it can no longer be read."
                return VerificationResult(False, checked, expected_seq, problem)

    if checkpoint_problem:
        return VerificationResult(False, checked, None, checkpoint_problem)
    broken_end = _check_checkpoint(checkpoint, checked, hash_at_checkpoint)
    if broken_end is not None:
        return VerificationResult(False, checked, broken_end[0], broken_end[1])
    return VerificationResult(
        ok=True,
        entries_checked=checked,
        first_broken_seq=None,
        problem="",
        newest_seq=newest.seq if newest else None,
        newest_occurred_at=newest.occurred_at if newest else None,
    )
