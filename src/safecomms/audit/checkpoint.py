"""The newest link of the chain, kept in a sealed file outside the database.

The chain alone shows an entry was changed, removed or inserted, but not that the newest entries
were cut off the end. The checkpoint file records the newest committed entry number and hash,
sealed with the audit key, on storage that database access does not reach. It is replaced
atomically and only ever by a higher entry number.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from safecomms.audit.models import AuditHead
from safecomms.audit.sealing import canonical_json, hashes_match, keyed_hash

logger = logging.getLogger(__name__)


class CheckpointError(Exception):
    """The checkpoint file exists but cannot be trusted; the message is for an IG officer."""


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    entry_hash: str
    written_at: str


def checkpoint_path() -> Path:
    return Path(settings.AUDIT_CHECKPOINT_PATH)


def _seal(seq: int, entry_hash: str, written_at: str) -> str:
    payload = {"seq": seq, "entry_hash": entry_hash, "written_at": written_at}
    return keyed_hash("checkpoint", canonical_json(payload))


def read_checkpoint(path: Path | None = None) -> Checkpoint | None:
    """The sealed checkpoint, or None if there is no file yet.

    Raises CheckpointError if the file cannot be read or its seal does not match.
    """
    path = path or checkpoint_path()
    where = f"The seal kept outside the database ({path})"
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise CheckpointError(f"{where} cannot be opened: {error}.") from error
    try:
        data = json.loads(raw)
        seq, entry_hash, written_at, seal = (
            data["seq"],
            data["entry_hash"],
            data["written_at"],
            data["seal"],
        )
        if not (
            type(seq) is int
            and isinstance(entry_hash, str)
            and isinstance(written_at, str)
            and isinstance(seal, str)
        ):
            raise TypeError
    except (ValueError, KeyError, TypeError) as error:
        raise CheckpointError(f"{where} is damaged and cannot be read.") from error
    if not hashes_match(_seal(seq, entry_hash, written_at), seal):
        raise CheckpointError(
            f"{where} has been altered, or was not made with this system's audit key."
        )
    return Checkpoint(seq=seq, entry_hash=entry_hash, written_at=written_at)


def write_checkpoint(*, seq: int, entry_hash: str, path: Path | None = None) -> bool:
    """Record (seq, entry_hash) as the newest link unless the file already holds a newer one.

    Returns whether the file was replaced. A file whose seal fails is left alone, so that the
    evidence survives for `audit_verify` to report.
    """
    path = path or checkpoint_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # os.replace swaps the file's inode, so the lock lives on a companion file.
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            current = read_checkpoint(path)
        except CheckpointError:
            logger.critical("Audit checkpoint %s failed its seal; not replacing it.", path)
            return False
        if current is not None and current.seq >= seq:
            return False
        written_at = timezone.now().isoformat(timespec="microseconds")
        document = {
            "seq": seq,
            "entry_hash": entry_hash,
            "written_at": written_at,
            "seal": _seal(seq, entry_hash, written_at),
        }
        _replace_atomically(path, json.dumps(document, indent=2) + "\n")
        return True


def _replace_atomically(path: Path, text: str) -> None:
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def checkpoint_newest_committed() -> None:
    """Checkpoint the newest committed link; run by `transaction.on_commit` after an append.

    It reads the head rather than carrying one entry's values, so a transaction that appended
    many entries (or raced another writer) ends with the newest link recorded, and only one
    write. A failure to write is logged, not raised: the entry is already committed and the
    next append will checkpoint it.
    """
    head = AuditHead.objects.filter(pk=1).values_list("last_seq", "last_hash").first()
    if head is None or head[0] == 0:
        return
    try:
        write_checkpoint(seq=head[0], entry_hash=head[1])
    except OSError:
        logger.exception("The audit checkpoint could not be written to %s.", checkpoint_path())
