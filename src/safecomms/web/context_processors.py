"""Page furniture that depends on who is signed in: the service navigation and the footer."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from safecomms.staff.models import Role


def _navigation_items(request: HttpRequest) -> list[tuple[str, str]]:
    user = request.user
    if not user.is_authenticated:
        return []
    items = [("My cases", reverse("cases:mine"))]
    if user.has_role(Role.TEAM_MANAGER):
        items.append(("My teams", reverse("staff:teams")))
        items.append(("Decisions", reverse("decisions:queue")))
    if user.has_role(Role.PRACTITIONER, Role.TEAM_MANAGER):
        items.append(("Exceptions", reverse("devices:exceptions")))
    if user.has_role(Role.ICT_ADMIN):
        items.append(("Devices and accounts", reverse("devices:devices")))
    items.append(("Check a message", reverse("findings:check")))
    if user.has_role(Role.TEAM_MANAGER, Role.IG_OFFICER):
        items.append(("Screening report", reverse("findings:report")))
    items.append(("Guidance", reverse("guidance:register")))
    items.append(("Account", reverse("staff:account")))
    if user.has_role(Role.SYSTEM_ADMIN) and user.is_staff:
        items.append(("Administration", reverse("admin:index")))
    return items


def navigation(request: HttpRequest) -> dict[str, Any]:
    path = request.path
    items = [
        {"text": text, "href": href, "active": path.startswith(href) and href != "/"}
        for text, href in _navigation_items(request)
    ]
    if request.user.is_authenticated:
        items.append({"text": "Sign out", "href": reverse("staff:sign-out")})
    return {
        "service_navigation": {
            "serviceName": "SafeComms",
            "serviceUrl": reverse("web:home"),
            "navigation": items,
        },
        "footer_links": [
            {"href": reverse("guidance:register"), "text": "Online safety guidance"},
            {"href": reverse("web:accessibility"), "text": "Accessibility statement"},
        ],
    }
