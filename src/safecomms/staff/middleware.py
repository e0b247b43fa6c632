"""Session rules every request passes through: lifetime, leavers, and two-step verification."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

SIGNED_IN_AT = "safecomms_signed_in_at"
LAST_SEEN_AT = "safecomms_last_seen_at"

# Paths a signed-in person may reach before passing two-step verification.
_TWO_STEP_OPEN_PREFIXES = ("/static/", "/two-step/", "/sign-out/", "/accessibility/")


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _ended(request: HttpRequest, reason: str) -> HttpResponse:
    from safecomms.staff.services import session_end

    session_end(request=request, reason=reason)
    logout(request)
    if _is_api(request):
        return JsonResponse({"detail": "Your session has ended. Sign in again."}, status=401)
    messages.info(request, "You have been signed out. " + reason)
    return redirect(f"{reverse(settings.LOGIN_URL)}?next={request.path}")


class SessionLifetimeMiddleware:
    """End sessions after the idle and absolute limits, and at once for disabled or left staff."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and SIGNED_IN_AT in request.session:
            now = time.time()
            signed_in_at = request.session[SIGNED_IN_AT]
            last_seen = request.session.get(LAST_SEEN_AT, signed_in_at)
            if not user.is_active or user.has_left():
                return _ended(request, "Your account is no longer active.")
            if now - signed_in_at > settings.SESSION_ABSOLUTE_TIMEOUT.total_seconds():
                return _ended(request, "Sessions last at most 12 hours.")
            if now - last_seen > settings.SESSION_IDLE_TIMEOUT.total_seconds():
                return _ended(request, "You were inactive for too long.")
            if now - last_seen > 30:
                request.session[LAST_SEEN_AT] = now
        elif user.is_authenticated:
            # A session from before these rules (or made in a test): start its clock now.
            request.session[SIGNED_IN_AT] = request.session[LAST_SEEN_AT] = time.time()
        return self.get_response(request)


class TwoStepRequiredMiddleware:
    """Send signed-in staff to two-step verification, or to set it up where their role needs it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not getattr(request, "api_token_authenticated", False)
            and not user.is_verified()  # type: ignore[attr-defined]
            and not request.path.startswith(_TWO_STEP_OPEN_PREFIXES)
        ):
            from safecomms.staff.selectors import has_confirmed_device

            if has_confirmed_device(user):
                target = "staff:two-step-verify"
            elif user.must_use_two_step:
                target = "staff:two-step-setup"
            else:
                return self.get_response(request)
            if _is_api(request):
                return JsonResponse({"detail": "Two-step verification is needed."}, status=403)
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)
