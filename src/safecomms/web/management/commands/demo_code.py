"""Print the current two-step code for the demo accounts (development only)."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp

from safecomms.web.management.commands.seed_demo import DEMO_TOTP_KEYS


class Command(BaseCommand):
    help = "Show the demo accounts' current two-step verification code."

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("There are no demo accounts in production.")
        key = bytes.fromhex(DEMO_TOTP_KEYS["manager"])
        code = totp(key)
        remaining = 30 - int(time.time()) % 30
        self.stdout.write(f"{code:06d} (valid for {remaining} more seconds)")
