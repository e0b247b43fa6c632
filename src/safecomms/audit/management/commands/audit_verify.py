"""`audit_verify`: check the audit trail's hash chain and the checkpoint outside the database."""

from __future__ import annotations

import sys
from datetime import UTC
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from safecomms.audit.chain import verify_chain


class Command(BaseCommand):
    help = "Check that no audit entry has been changed, removed, inserted or reordered."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=2000,
            help="Entries read from the database at a time (default 2000).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = verify_chain(chunk_size=options["chunk_size"])
        if not result.ok:
            where = f" at entry #{result.first_broken_seq:,}" if result.first_broken_seq else ""
            self.stderr.write(f"Audit trail BROKEN{where}: {result.problem}")
            # SystemExit rather than CommandError, so `safecomms audit verify` exits 1 too.
            sys.exit(1)
        noun = "entry" if result.entries_checked == 1 else "entries"
        count = f"{result.entries_checked:,} {noun}"
        if result.newest_seq is None or result.newest_occurred_at is None:
            self.stdout.write(self.style.SUCCESS(f"Audit trail verified: {count}."))
            return
        sealed_at = result.newest_occurred_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        self.stdout.write(
            self.style.SUCCESS(
                f"Audit trail verified: {count}, newest #{result.newest_seq:,} "
                f"sealed at {sealed_at} UTC."
            )
        )
