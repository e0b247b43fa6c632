"""The `safecomms` command.

`screen` and `chat parse` run on the pure-Python core alone, so they start fast and need no
database. The other commands (`audit verify`, `serve`, `manage`) set Django up first.
"""

from __future__ import annotations

import os
import sys

USAGE = """usage: safecomms <command> [options]

commands:
  screen         check messages for client-identifiable data and conduct risks (JSONL in, JSONL out)
  chat parse     turn a WhatsApp export (.txt or .zip) into one JSON line per message
  audit verify   check the audit trail's hash chain and its checkpoint
  serve          run the web application and its task queue worker (development)
  manage         run a Django management command, e.g. `safecomms manage createsuperuser`

Run `safecomms <command> --help` for a command's options.
"""


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safecomms.config.settings")
    import django

    django.setup()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        sys.stdout.write(USAGE)
        return 0
    command, rest = args[0], args[1:]
    if command == "screen":
        from safecomms.screening.cli import main as screen_main

        return screen_main(rest)
    if command == "chat":
        from safecomms.chatlogs.cli import main as chat_main

        return chat_main(rest)
    if command == "audit":
        _django_setup()
        from django.core.management import call_command

        if rest[:1] != ["verify"]:
            sys.stderr.write("usage: safecomms audit verify\n")
            return 2
        try:
            call_command("audit_verify", *rest[1:])
        except SystemExit as exit_:
            return int(exit_.code or 0)
        return 0
    if command == "serve":
        _django_setup()
        from safecomms.web.serve import serve

        return serve(rest)
    if command == "manage":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safecomms.config.settings")
        from django.core.management import execute_from_command_line

        execute_from_command_line(["safecomms manage", *rest])
        return 0
    sys.stderr.write(f"safecomms: unknown command {command!r}\n\n{USAGE}")
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
