"""Keyed hashing for the audit trail.

Every hash here is an HMAC-SHA256 under `settings.AUDIT_HMAC_KEY`, which lives outside the
database: someone who can edit the database cannot reseal an entry they change, and cannot guess
short texts (a name, "yes") back from their content hashes. Each use gets its own derived key, so
a value sealed for one purpose can never be passed off as another.
"""

from __future__ import annotations

import hashlib
import hmac
import json

from django.conf import settings

GENESIS_HASH = "0" * 64


def _derived_key(purpose: str) -> bytes:
    master = str(settings.AUDIT_HMAC_KEY).encode()
    return hmac.new(master, f"safecomms.audit.{purpose}".encode(), hashlib.sha256).digest()


def keyed_hash(purpose: str, message: str) -> str:
    """The hex HMAC-SHA256 of `message` under the audit key derived for `purpose`."""
    data = message.encode("utf-8", "surrogatepass")
    return hmac.new(_derived_key(purpose), data, hashlib.sha256).hexdigest()


def canonical_json(value: object) -> str:
    """One exact text for a JSON value: sorted keys, fixed separators, ASCII only.

    PostgreSQL's jsonb reorders keys and SQLite keeps them as written, so a seal must never
    depend on how the database happened to store a value.
    """
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    )


def hashes_match(expected: str, actual: str) -> bool:
    return hmac.compare_digest(expected.encode(), actual.encode())
