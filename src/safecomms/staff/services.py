"""Writes about staff: sign-in events, two-step devices, access tokens, leavers. All audited."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime

from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from safecomms.audit.services import audit_event
from safecomms.staff.models import AccessToken, User

TOKEN_PREFIX = "sc_"  # noqa: S105 - a public marker, not a secret


def sign_in_succeeded(*, request: HttpRequest, user: User) -> None:
    audit_event(actor=user, action="auth.signed_in", target=user, request=request)


def sign_in_failed(*, request: HttpRequest, email: str, reason: str) -> None:
    audit_event(
        actor=None,
        action="auth.sign_in_failed",
        request=request,
        reason=f"{reason} ({email[:254]})",
    )


def session_end(*, request: HttpRequest, reason: str) -> None:
    user = request.user if request.user.is_authenticated else None
    audit_event(actor=user, action="auth.session_ended", request=request, reason=reason)


def signed_out(*, request: HttpRequest, user: User) -> None:
    audit_event(actor=user, action="auth.signed_out", target=user, request=request)


def permission_refused(*, request: HttpRequest, what: str) -> None:
    user = request.user if request.user.is_authenticated else None
    audit_event(actor=user, action="access.refused", request=request, reason=what)


def two_step_device_pending(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator device being set up, made on first visit."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


@transaction.atomic
def two_step_device_confirm(*, request: HttpRequest, user: User, device: TOTPDevice) -> None:
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_event(actor=user, action="auth.two_step_enabled", target=user, request=request)


def two_step_verified(*, request: HttpRequest, user: User) -> None:
    audit_event(actor=user, action="auth.two_step_verified", target=user, request=request)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def access_token_create(
    *,
    owner: User,
    name: str,
    expires_at: datetime | None = None,
    request: HttpRequest | None = None,
) -> tuple[AccessToken, str]:
    """Make a personal access token; the raw token is returned once and never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = AccessToken.objects.create(
        owner=owner,
        name=name.strip(),
        prefix=raw[: len(TOKEN_PREFIX) + 6],
        token_hash=hash_token(raw),
        expires_at=expires_at,
    )
    audit_event(
        actor=owner,
        action="access_token.created",
        target=token,
        changes={"name": (None, token.name), "expires_at": (None, expires_at)},
        request=request,
    )
    return token, raw


@transaction.atomic
def access_token_revoke(
    *, actor: User, token: AccessToken, request: HttpRequest | None = None
) -> None:
    if token.revoked_at is not None:
        return
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_event(
        actor=actor,
        action="access_token.revoked",
        target=token,
        changes={"revoked_at": (None, token.revoked_at)},
        request=request,
    )


def access_token_authenticate(raw: str) -> User | None:
    """The active owner of a usable token, or None; records when the token was last used."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        AccessToken.objects.usable()
        .select_related("owner")
        .filter(token_hash=hash_token(raw))
        .first()
    )
    if token is None or not token.owner.is_active or token.owner.has_left():
        return None
    AccessToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.owner


def end_sessions_of(user: User) -> int:
    """Delete every session belonging to the user, so a disabled account is signed out at once."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def staff_leave(
    *, actor: User, user: User, leave_date: date, request: HttpRequest | None = None
) -> None:
    """Record a leaver: their access ends on the leave date and their sessions end now if past."""
    before = user.leave_date
    user.leave_date = leave_date
    if leave_date <= timezone.localdate():
        user.is_active = False
    user.save(update_fields=["leave_date", "is_active"])
    AccessToken.objects.filter(owner=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    audit_event(
        actor=actor,
        action="staff.left",
        target=user,
        changes={"leave_date": (before, leave_date)},
        request=request,
    )
    if not user.is_active:
        transaction.on_commit(lambda: end_sessions_of(user))
