"""Work that comes out the same in every process, kept on disk between processes.

Reading the conduct patterns for their atoms and compiling them takes most of a second, which
is more than screening a few thousand messages. As with Python's own `__pycache__`, the result is
written once and read back by every later process, under a key made from everything it depends
on, so that a changed rule, a changed analysis or another Python simply finds nothing and builds
afresh.

Entries are plain data written with `marshal`: reading one runs no code. They are written to a
temporary file and renamed, so a reader never sees half an entry, and a directory that cannot be
read or written only means the work is done in each process, as it would be with no cache.

The directory is `$SAFECOMMS_CACHE_DIR` if set (set it empty to turn the cache off), otherwise
`safecomms` under `$XDG_CACHE_HOME` or `~/.cache`.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from safecomms.files import write_atomically

_FORMAT = b"safecomms-disk-cache-1"
"""Changes whenever the layout of an entry changes."""


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    configured = os.environ.get("SAFECOMMS_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "safecomms"


def key_of(*parts: str | bytes) -> str:
    """A key for an entry that depends on `parts` and on this interpreter."""
    digest = hashlib.sha256(_FORMAT)
    digest.update(sys.version.encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _path(kind: str, key: str) -> Path | None:
    directory = cache_dir()
    return None if directory is None else directory / f"{kind}-{key[:40]}.marshal"


def read(kind: str, key: str) -> Any | None:
    """The entry of `kind` stored under `key`, or None if there is none that can be read."""
    path = _path(kind, key)
    if path is None:
        return None
    try:
        # Trusted as Python trusts `__pycache__`: the entry is in the user's own cache directory.
        return marshal.loads(path.read_bytes())  # noqa: S302
    except (OSError, EOFError, ValueError, TypeError):
        return None


def write(kind: str, key: str, value: Any) -> None:
    """Store `value` (plain data only) under `key`, replacing older entries of the same kind.

    Failing to write is not an error: the next process will simply build the value again.
    """
    path = _path(kind, key)
    if path is None:
        return
    try:
        data = marshal.dumps(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, [data])
        for stale in path.parent.glob(f"{kind}-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except (OSError, ValueError):
        return
