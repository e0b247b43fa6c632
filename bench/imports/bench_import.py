"""Measure how fast a chat export is recorded on a case, on one database.

Run through run.sh, which calls this once per database with DATABASE_URL set. Prints one JSON
line: the database, the message count, and the seconds and messages per second for the upload
(read, check, screen and stage) and for confirming (recording every message in one transaction,
with the shared checks: findings and flags).
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safecomms.config.settings")
os.environ.setdefault("HUEY_IMMEDIATE", "true")
WORK = Path(tempfile.mkdtemp(prefix="safecomms-bench-imports-"))
os.environ.setdefault("SAFECOMMS_VAR_DIR", str(WORK))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

SENDERS = ["Jordan Ellis", "Kai", "Dee"]
PHRASES = [
    "Hi Kai, it's Jordan. Are you still ok for Thursday at 4?",
    "yeah ok",
    "Can we move the visit? Kai has football",
    "No problem, I'll come on Friday after school instead.",
    "thanks",
    "lol ok c u then",
    "Please call me on 07700 900123 if anything changes.",
    "School said he was late again today",
    "I'll speak to the school and let you know what they say.",
    "ok",
]


def export_text(count: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    moment = datetime(2024, 1, 8, 8, 0)
    lines = []
    for _ in range(count):
        moment += timedelta(minutes=rng.randint(1, 40))
        if moment.hour > 20:
            moment = moment.replace(hour=8) + timedelta(days=1)
        sender = rng.choice(SENDERS)
        lines.append(f"{moment:%d/%m/%Y, %H:%M} - {sender}: {rng.choice(PHRASES)}")
    return "\n".join(lines) + "\n"


def main() -> None:
    count = int(os.environ.get("BENCH_MESSAGES", "5000"))
    call_command("migrate", verbosity=0, interactive=False)
    from django.core.files.base import ContentFile

    from safecomms.cases.models import CasePerson, Child
    from safecomms.communications.models import Communication
    from safecomms.imports import services
    from tests.factories import AllocationFactory, TeamFactory, UserFactory

    settings.STORAGES["default"]["OPTIONS"] = {"location": str(WORK / "media")}
    team = TeamFactory()
    worker = UserFactory(full_name="Jordan Ellis")
    child = Child.objects.create(
        person_id=f"bench-{time.time_ns()}", first_name="Kai", last_name="Walker"
    )
    CasePerson.objects.create(
        child=child, full_name="Dawn Walker", aliases="Dee", relationship="mother"
    )
    AllocationFactory(child=child, worker=worker, team=team)
    data = export_text(count).encode()

    started = time.perf_counter()
    chat_import = services.chat_import_upload(
        actor=worker,
        child=child,
        upload=ContentFile(data, name="chat.txt"),
        original_name="chat.txt",
    )
    uploaded = time.perf_counter() - started

    services.chat_import_confirm_only(actor=worker, chat_import=chat_import)
    started = time.perf_counter()
    result = services.chat_import_run(chat_import.pk)
    recorded = time.perf_counter() - started
    assert result.status == "imported", result.error_message
    assert Communication.objects.filter(child=child).count() == count

    started = time.perf_counter()
    again = services.chat_import_upload(
        actor=worker,
        child=child,
        upload=ContentFile(data, name="chat.txt"),
        original_name="chat.txt",
    )
    services.chat_import_confirm_only(actor=worker, chat_import=again)
    repeat = services.chat_import_run(again.pk)
    reimport = time.perf_counter() - started
    assert repeat.imported_count == 0 and repeat.duplicate_count == count

    vendor = django.db.connection.vendor
    print(
        json.dumps(
            {
                "database": vendor,
                "messages": count,
                "upload_seconds": round(uploaded, 2),
                "upload_messages_per_second": round(count / uploaded),
                "record_seconds": round(recorded, 2),
                "record_messages_per_second": round(count / recorded),
                "reimport_seconds": round(reimport, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
