"""Who may use the register and each exception: the rules the pages and the API share.

A line manager deciding an exception sees that exception, not the whole case (SPEC, "Who uses
it"); the requester sees their own; anyone who can read the child's case sees its exceptions.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from safecomms.cases.access import CaseAccess, case_access
from safecomms.devices.models import ContactException
from safecomms.staff.models import Role
from safecomms.web.access import roles, signed_in_user, when

ICT = roles(Role.ICT_ADMIN)


def exception_in_url(request: HttpRequest, kwargs: dict[str, Any]) -> ContactException:
    """The exception named in the URL, fetched once per request and kept on it."""
    cached: ContactException | None = getattr(request, "contact_exception", None)
    if cached is None:
        cached = get_object_or_404(
            ContactException.objects.select_related(
                "child", "requested_by", "decider", "withdrawn_by"
            ),
            pk=kwargs["exception_id"],
        )
        request.contact_exception = cached  # type: ignore[attr-defined]
    return cached


def _decides(request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    return exception_in_url(request, kwargs).decider_id == signed_in_user(request).pk


def _requested_or_decides(request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    exception = exception_in_url(request, kwargs)
    return signed_in_user(request).pk in {exception.requested_by_id, exception.decider_id}


def _may_see(request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    exception = exception_in_url(request, kwargs)
    user = signed_in_user(request)
    return (
        user.pk in {exception.requested_by_id, exception.decider_id}
        or case_access(user, exception.child) >= CaseAccess.CONTRIBUTE
    )


DECIDER = when("decides this exception", _decides)
REQUESTER_OR_DECIDER = when("asked for or decides this exception", _requested_or_decides)
MAY_SEE_EXCEPTION = when("asked for or decides this exception, or reads the case", _may_see)
