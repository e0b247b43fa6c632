from __future__ import annotations

import re
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from safecomms.cli import main as safecomms_main

pytestmark = pytest.mark.django_db


def run_verify() -> tuple[int, str, str]:
    stdout, stderr = StringIO(), StringIO()
    try:
        call_command("audit_verify", stdout=stdout, stderr=stderr)
    except SystemExit as exit_:
        return int(exit_.code or 0), stdout.getvalue(), stderr.getvalue()
    return 0, stdout.getvalue(), stderr.getvalue()


def test_verified_trail_is_reported(record: Any) -> None:
    entries = record(3)

    status, stdout, stderr = run_verify()

    sealed_at = entries[-1].occurred_at.strftime("%Y-%m-%d %H:%M:%S")
    assert status == 0
    assert (
        stdout.strip() == f"Audit trail verified: 3 entries, newest #3 sealed at {sealed_at} UTC."
    )
    assert stderr == ""


def test_empty_trail_is_reported() -> None:
    status, stdout, _ = run_verify()

    assert (status, stdout.strip()) == (0, "Audit trail verified: 0 entries.")


def test_one_entry_is_singular(record: Any) -> None:
    record(1)

    assert re.match(r"Audit trail verified: 1 entry, newest #1 sealed at ", run_verify()[1])


def test_broken_trail_is_reported_with_exit_status_1(record: Any, tamper: Any) -> None:
    record(3)
    tamper.update(2, action="case.viewed")

    status, stdout, stderr = run_verify()

    assert status == 1
    assert stdout == ""
    assert stderr.strip() == (
        "Audit trail BROKEN at entry #2: Entry 2 has been altered: its contents do not match "
        "its seal."
    )


def test_broken_checkpoint_is_reported_without_an_entry_number(
    record: Any, checkpoint_file: Any
) -> None:
    record(2)
    checkpoint_file.write_text("")

    status, _, stderr = run_verify()

    assert status == 1
    assert stderr.startswith("Audit trail BROKEN: The seal kept outside the database (")


def test_safecomms_audit_verify_returns_the_exit_status(
    record: Any, tamper: Any, capsys: Any
) -> None:
    record(2)
    assert safecomms_main(["audit", "verify"]) == 0
    assert "Audit trail verified: 2 entries" in capsys.readouterr().out

    tamper.delete(1)

    assert safecomms_main(["audit", "verify"]) == 1
    assert "Audit trail BROKEN at entry #1" in capsys.readouterr().err
