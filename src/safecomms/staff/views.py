"""Sign-in, two-step verification, the account page, personal access tokens and team pages."""

from __future__ import annotations

import base64
import time
from typing import Any

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from safecomms.cases.access import manages_team
from safecomms.staff import selectors, services
from safecomms.staff.forms import AccessTokenForm, SignInForm, TwoStepCodeForm
from safecomms.staff.middleware import LAST_SEEN_AT, SIGNED_IN_AT
from safecomms.staff.models import AccessToken, Role, Team, User
from safecomms.web.access import PUBLIC, SIGNED_IN, guard, roles, signed_in_user, when
from safecomms.web.components import summary_list, table
from safecomms.web.forms import posted


def _next_url(request: HttpRequest, default: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def locked_out(
    request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any
) -> HttpResponse:
    """Shown when there have been too many failed sign-ins (django-axes)."""
    return render(request, "staff/locked_out.html", status=429)


@require_http_methods(["GET", "POST"])
@guard(PUBLIC)
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(_next_url(request))
    form = SignInForm(posted(request))
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        user = authenticate(request, email=email, password=form.cleaned_data["password"])
        if getattr(request, "axes_locked_out", False):
            return locked_out(request)
        if user is None:
            services.sign_in_failed(request=request, email=email, reason="wrong e-mail or password")
            form.add_error(None, "Enter a correct work e-mail address and password")
        else:
            request.session.flush()
            login(request, user)
            request.session[SIGNED_IN_AT] = request.session[LAST_SEEN_AT] = time.time()
            services.sign_in_succeeded(request=request, user=user)
            return redirect(_next_url(request))
    return render(request, "staff/sign_in.html", {"form": form, "next": _next_url(request, "")})


@require_http_methods(["GET", "POST"])
@guard(PUBLIC)
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if request.user.is_authenticated:
            services.signed_out(request=request, user=request.user)
        logout(request)
        messages.success(request, "You have signed out.")
        return redirect("staff:sign-in")
    return render(request, "staff/sign_out.html")


@require_http_methods(["GET", "POST"])
@guard(SIGNED_IN)
def two_step_verify(request: HttpRequest) -> HttpResponse:
    form = TwoStepCodeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        waiting = _throttled_device(signed_in_user(request))
        device = None if waiting else match_token(request.user, form.cleaned_code())
        if waiting:
            form.add_error("code", waiting)
        elif device is None:
            services.sign_in_failed(
                request=request,
                email=signed_in_user(request).email,
                reason="wrong two-step code",
            )
            form.add_error("code", "That code is not right. Check your app and try the new code")
        else:
            otp_login(request, device)
            services.two_step_verified(request=request, user=request.user)  # type: ignore[arg-type]
            return redirect(_next_url(request))
    return render(
        request, "staff/two_step_verify.html", {"form": form, "next": _next_url(request, "")}
    )


WAIT_MESSAGE = "Too many codes have been tried. Wait a few seconds, then enter the new code"


def _throttled_device(user: User) -> str:
    """A message if every confirmed device of the user is pausing after wrong codes, else ""."""
    devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    if devices and not any(device.verify_is_allowed()[0] for device in devices):
        return WAIT_MESSAGE
    return ""


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    return image.to_string(encoding="unicode")


@require_http_methods(["GET", "POST"])
@guard(SIGNED_IN)
def two_step_setup(request: HttpRequest) -> HttpResponse:
    user: User = signed_in_user(request)
    device = services.two_step_device_pending(user=user)
    form = TwoStepCodeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            form.add_error("code", WAIT_MESSAGE)
        elif device.verify_token(form.cleaned_code()):
            services.two_step_device_confirm(request=request, user=user, device=device)
            otp_login(request, device)
            messages.success(request, "Two-step verification is on for your account.")
            return redirect(_next_url(request))
        else:
            form.add_error(
                "code", "That code is not right. Check the app shows SafeComms and try again"
            )
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "qr_svg": _qr_svg(device.config_url),
        "required": user.must_use_two_step,
        "next": _next_url(request, ""),
    }
    return render(request, "staff/two_step_setup.html", context)


@require_http_methods(["GET", "POST"])
@guard(SIGNED_IN)
def account(request: HttpRequest) -> HttpResponse:
    user: User = signed_in_user(request)
    form = AccessTokenForm(posted(request))
    new_token = None
    if request.method == "POST" and form.is_valid():
        _, new_token = services.access_token_create(
            owner=user, name=form.cleaned_data["name"], request=request
        )
        form = AccessTokenForm()
    tokens = list(selectors.tokens_of(user))
    context = {
        "form": form,
        "new_token": new_token,
        "tokens": tokens,
        "token_table": _token_table(request, tokens),
        "two_step_on": selectors.has_confirmed_device(user),
        "details": summary_list(
            [
                ("Name", user.full_name),
                ("Work e-mail address", user.email),
                ("Roles", ", ".join(Role(role).label for role in sorted(user.roles)) or "None"),
                ("Teams", ", ".join(t.name for t in selectors.current_teams(user)) or "None"),
                (
                    "Line manager",
                    str(user.line_manager) if user.line_manager_id else "None recorded",
                ),
            ]
        ),
    }
    return render(request, "staff/account.html", context)


def _token_table(request: HttpRequest, tokens: list[AccessToken]) -> dict[str, Any]:
    rows = []
    for token in tokens:
        if token.revoked_at:
            action: Any = "Revoked " + date_format(localtime(token.revoked_at), "j M Y")
        else:
            action = render_to_string("staff/_revoke_token.html", {"token": token}, request=request)
            action = mark_safe(action)
        rows.append(
            [
                token.name,
                token.prefix + "…",
                date_format(localtime(token.created_at), "j M Y"),
                date_format(localtime(token.last_used_at), "j M Y H:i")
                if token.last_used_at
                else "Never",
                action,
            ]
        )
    return table(
        caption="Your tokens",
        head=["Name", "Starts", "Created", "Last used", ""],
        rows=rows,
        caption_size="s",
    )


def _owns_token(request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    return AccessToken.objects.filter(pk=kwargs["token_id"], owner=signed_in_user(request)).exists()


@require_POST
@guard(when("owner of the token", _owns_token))
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(AccessToken, pk=token_id, owner=request.user)
    services.access_token_revoke(actor=request.user, token=token, request=request)  # type: ignore[arg-type]
    messages.success(request, f"The token ‘{token.name}’ has been revoked.")
    return redirect("staff:account")


@guard(roles(Role.TEAM_MANAGER))
def teams(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/teams.html", {"teams": selectors.managed_teams(request.user)})  # type: ignore[arg-type]


def _manages_team_in_url(request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    return manages_team(request.user, get_object_or_404(Team, pk=kwargs["team_id"]))  # type: ignore[arg-type]


@guard(when("manager of the team", _manages_team_in_url, Role.TEAM_MANAGER))
def team_detail(request: HttpRequest, team_id: int) -> HttpResponse:
    from safecomms.cases.selectors import team_caseload

    team = get_object_or_404(Team.objects.select_related("hr_business_partner"), pk=team_id)
    members = list(selectors.team_members(team))
    caseload = list(team_caseload(team))
    counts: dict[int, int] = {}
    for allocation in caseload:
        counts[allocation.worker_id] = counts.get(allocation.worker_id, 0) + 1
    context = {
        "team": team,
        "member_table": table(
            caption="Members",
            head=["Name", "Job title", "Line manager", "Open cases"],
            rows=[
                [
                    m.user.full_name,
                    m.user.job_title,
                    str(m.user.line_manager or ""),
                    counts.get(m.user_id, 0),
                ]
                for m in members
            ],
        ),
        "caseload_table": table(
            caption="Open allocations",
            head=["Child", "Person ID", "Worker", "Since"],
            rows=[
                [
                    format_html(
                        '<a class="govuk-link" href="{}">{}</a>',
                        reverse("cases:detail", args=[a.child_id]),
                        a.child.full_name,
                    ),
                    a.child.person_id,
                    a.worker.full_name,
                    date_format(a.start_date, "j M Y"),
                ]
                for a in caseload
            ],
        ),
    }
    return render(request, "staff/team_detail.html", context)
