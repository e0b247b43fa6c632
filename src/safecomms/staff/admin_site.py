"""The admin site class, kept apart from the ModelAdmins so it can be imported first."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest


class SafeCommsAdminSite(admin.AdminSite):
    site_header = "SafeComms administration"
    site_title = "SafeComms administration"
    index_title = "Accounts and teams"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active
            and user.is_staff
            and user.has_role("system_admin")
            and user.is_verified()  # type: ignore[attr-defined]
        )
