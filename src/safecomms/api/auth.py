"""API authentication (personal access tokens or the signed-in session) and authorisation.

Operations declare their access rule with `api_guard`, the same rules the pages use, so the
authorisation matrix test covers pages and API alike.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyHeader, HttpBearer, SessionAuth

from safecomms.staff.services import access_token_authenticate, permission_refused
from safecomms.web.access import AccessRule


class PersonalAccessToken(HttpBearer):
    """`Authorization: Bearer sc_…`: a token its owner made on their account page."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = access_token_authenticate(token)
        if user is None:
            return None
        request.user = user
        request.api_token_authenticated = True  # type: ignore[attr-defined]
        return user


class VerifiedSession(SessionAuth):
    """The browser session, once two-step verification has been passed where it applies."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return user


API_AUTH: list[APIKeyHeader | HttpBearer | SessionAuth] = [PersonalAccessToken(), VerifiedSession()]


def api_guard(rule: AccessRule) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorate(operation: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(operation)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            try:
                allowed = rule.allows(request, kwargs)
            except PermissionDenied as refusal:
                permission_refused(request=request, what=f"{request.path}: {refusal}")
                raise HttpError(403, "You do not have access to this.") from None
            if not allowed:
                raise HttpError(401, "Sign in or send a personal access token.")
            return operation(request, *args, **kwargs)

        guarded.access_rule = rule  # type: ignore[attr-defined]
        return guarded

    return decorate
