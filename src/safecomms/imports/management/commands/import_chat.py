"""Import a chat export into a child's case from the command line, for bulk or scripted work.

    manage.py import_chat --child PERSON_ID --file EXPORT --worker EMAIL
        [--time-zone Europe/London] [--date-order auto|dmy|mdy] [--account NUMBER]
        [--sender "LABEL=worker|child|person:<id>|other" ...] [--preview]

Senders are matched to the case register as on the preview page; `--sender` overrides a match.
With `--preview` nothing is recorded: the senders and counts are printed and the staged upload
is cancelled. Progress goes to standard error; the result to standard output.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from safecomms.cases.models import Child
from safecomms.imports import services
from safecomms.imports.matching import CaseRegister
from safecomms.imports.models import DateOrder, ImportStatus
from safecomms.staff.models import User


class ProgressBar:
    """A one-line progress bar on standard error, redrawn in place when it is a terminal."""

    def __init__(self, stream: Any, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.last = -1

    def __call__(self, stage: str, done: int, total: int) -> None:
        percent = min(100, done * 100 // total) if total else 0
        if percent == self.last and stage != "done":
            return
        self.last = percent
        filled = self.width * percent // 100
        bar = "#" * filled + "-" * (self.width - filled)
        line = f"[{bar}] {percent:3d}% {stage}"
        if self.tty:
            self.stream.write("\r" + line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


class Command(BaseCommand):
    help = "Import a WhatsApp export, SMS backup or e-mail file into a child's case record."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--child", required=True, help="The child's person ID.")
        parser.add_argument("--file", required=True, type=Path, help="The export file.")
        parser.add_argument(
            "--worker", required=True, help="E-mail address of the practitioner in the chat."
        )
        parser.add_argument("--time-zone", default="Europe/London")
        parser.add_argument("--date-order", default="auto", choices=DateOrder.values)
        parser.add_argument("--account", default="", help="The number or address the worker used.")
        parser.add_argument(
            "--sender",
            action="append",
            default=[],
            metavar="LABEL=WHO",
            help="Who a sender is: worker, child, person:<id> or other. May be repeated.",
        )
        parser.add_argument(
            "--preview", action="store_true", help="Show the senders and counts; record nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        child = Child.objects.filter(person_id=options["child"]).first()
        if child is None:
            raise CommandError(f"No case has the person ID {options['child']}.")
        worker = User.objects.filter(email__iexact=options["worker"].strip()).first()
        if worker is None:
            raise CommandError(f"No member of staff has the e-mail address {options['worker']}.")
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        mapping: dict[str, str] = {}
        for item in options["sender"]:
            label, separator, who = item.rpartition("=")
            if not separator or not label:
                raise CommandError(f'--sender {item!r} should look like "Dawn Walker=person:12".')
            mapping[label] = who.strip()
        stderr = self.stderr._out if hasattr(self.stderr, "_out") else sys.stderr
        bar = ProgressBar(stderr)
        bar("reading and checking the file", 0, 1)
        try:
            with open(path, "rb") as handle:
                chat_import = services.chat_import_upload(
                    actor=worker,
                    worker=worker,
                    child=child,
                    upload=handle,
                    original_name=path.name,
                    time_zone=options["time_zone"],
                    date_order=options["date_order"],
                    account_identifier=options["account"],
                )
        except ValidationError as error:
            bar.finish()
            raise CommandError(" ".join(error.messages)) from None
        bar("checked", 1, 1)
        bar.finish()
        register = CaseRegister(
            child=child, worker=worker, worker_identifiers=[chat_import.account_identifier]
        )
        for sender in chat_import.senders:
            who = mapping.get(sender["label"], sender["suggested"])
            self.stdout.write(
                f"{sender['label']}: {sender['count']} messages -> {register.label_of(who)}"
            )
        for warning in chat_import.warnings:
            self.stderr.write(f"warning: {warning}")
        if options["preview"]:
            services.chat_import_cancel(
                actor=worker, chat_import=chat_import, reason="Preview from the command line"
            )
            self.stdout.write(
                f"{chat_import.message_count} messages, {chat_import.attachment_count} "
                f"attachments, {chat_import.finding_count} with screening findings. "
                "Nothing was recorded."
            )
            return
        try:
            services.chat_import_confirm_only(
                actor=worker, chat_import=chat_import, mapping=mapping
            )
        except ValidationError as error:
            services.chat_import_cancel(actor=worker, chat_import=chat_import)
            raise CommandError(" ".join(error.messages)) from None
        result = services.chat_import_run(chat_import.pk, on_progress=bar)
        bar.finish()
        if result.status != ImportStatus.IMPORTED:
            raise CommandError(result.error_message or "The import did not finish.")
        self.stdout.write(
            f"Imported {result.imported_count} messages to case {child.person_id}; "
            f"{result.duplicate_count} were already on the case."
        )
