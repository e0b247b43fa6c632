"""Every page and API operation declares who may use it, through the rules here.

A view is wrapped by `guard(rule)`; the rule is kept on the view as `access_rule`, so a test can
walk every route and prove that each one has a rule and that the rule gives the expected answer.
Refusals are audited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from safecomms.cases.access import CaseAccess, case_access
from safecomms.cases.models import Child
from safecomms.staff.models import User

View = Callable[..., HttpResponse]


@dataclass(frozen=True)
class AccessRule:
    """A named test of the request; `allows` returns True or raises PermissionDenied."""

    name: str
    needs_sign_in: bool = True
    roles: frozenset[str] = frozenset()
    case_level: CaseAccess | None = None
    # A further test on the object named in the URL, e.g. "manages this team".
    predicate: Callable[[HttpRequest, dict[str, Any]], bool] | None = None

    def allows(self, request: HttpRequest, kwargs: dict[str, Any]) -> bool:
        user = request.user
        if not self.needs_sign_in:
            return True
        if not user.is_authenticated:
            return False
        if self.roles and not user.has_role(*self.roles):
            raise PermissionDenied(f"needs one of the roles {', '.join(sorted(self.roles))}")
        if self.case_level is not None:
            child = get_object_or_404(Child, pk=kwargs["child_id"])
            level = case_access(user, child)
            if level < self.case_level:
                raise PermissionDenied(f"needs {self.case_level.name.lower()} access to the case")
            request.case_access = level  # type: ignore[attr-defined]
            request.child = child  # type: ignore[attr-defined]
        if self.predicate is not None and not self.predicate(request, kwargs):
            raise PermissionDenied(f"fails the check: {self.name}")
        return True


PUBLIC = AccessRule("public", needs_sign_in=False)
SIGNED_IN = AccessRule("signed in")


def roles(*names: str) -> AccessRule:
    return AccessRule("roles: " + ", ".join(sorted(names)), roles=frozenset(names))


def case(level: CaseAccess) -> AccessRule:
    return AccessRule(f"case: {level.name.lower()}", case_level=level)


def when(
    name: str, predicate: Callable[[HttpRequest, dict[str, Any]], bool], *role_names: str
) -> AccessRule:
    """A rule with an object-level test, such as "manages the team in the URL"."""
    return AccessRule(name, roles=frozenset(role_names), predicate=predicate)


def guard(rule: AccessRule) -> Callable[[View], View]:
    """Wrap a view so it runs only when the rule allows the request."""

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                allowed = rule.allows(request, kwargs)
            except PermissionDenied as refusal:
                from safecomms.staff.services import permission_refused

                permission_refused(request=request, what=f"{request.path}: {refusal}")
                raise
            if not allowed:
                return redirect(f"{reverse(settings.LOGIN_URL)}?next={request.get_full_path()}")
            return view(request, *args, **kwargs)

        guarded.access_rule = rule  # type: ignore[attr-defined]
        return guarded

    return decorate


def signed_in_user(request: HttpRequest) -> User:
    """The staff member behind a request that an access rule has already let through."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("sign in first")
    return user
