"""Live progress of a running import, readable from another process while it runs.

The import records every message in one database transaction, so a progress figure written to
the database inside it would stay invisible until the end (and on SQLite would wait for the
write lock). Progress therefore goes to the task queue's own key-value store, which the web
process and the command line read; the import's row keeps the last figure once it commits.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from huey.contrib.djhuey import HUEY


@dataclass(frozen=True)
class Progress:
    stage: str
    done: int
    total: int

    @property
    def percent(self) -> int:
        return min(100, self.done * 100 // self.total) if self.total else 0


def _key(chat_import_id: int) -> str:
    return f"safecomms-chat-import-progress-{chat_import_id}"


def progress_report(chat_import_id: int, *, stage: str, done: int, total: int) -> None:
    HUEY.put(_key(chat_import_id), json.dumps([stage, done, total]))


def progress_read(chat_import_id: int) -> Progress | None:
    raw = HUEY.get(_key(chat_import_id), peek=True)
    if raw is None:
        return None
    stage, done, total = json.loads(raw)
    return Progress(str(stage), int(done), int(total))


def progress_clear(chat_import_id: int) -> None:
    HUEY.get(_key(chat_import_id), peek=False)
